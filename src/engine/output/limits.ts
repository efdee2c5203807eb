/**
 * Excel's limits on what ZoneScore writes (issue 16.6): a cell (and a note) holds at most 32,767 characters, a sheet
 * name 31, a string literal inside a formula 255. Text over a limit — in practice user text quoted in a message, such
 * as a very long name — is shortened with an ellipsis "…", never split inside a character. One helper for the result
 * plan, so that both adapters (ExcelJS and Office.js) write only what Excel accepts. Pure.
 */
import type { ResultPlan } from "./sheet-plan";

export const CELL_MAX = 32767;
export const SHEET_NAME_MAX = 31;
export const FORMULA_LITERAL_MAX = 255;

/** `s` shortened to at most `max` UTF-16 units (as Excel counts), ending with "…"; unchanged when it fits. */
export function clipText(s: string, max: number = CELL_MAX): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const c = s.charCodeAt(cut - 1);
  if (cut > 0 && c >= 0xd800 && c <= 0xdbff) cut--; // do not cut a surrogate pair in half
  return s.slice(0, cut) + "…";
}

/** A string literal for a formula: quoted, quotes doubled, the text within 255 characters. */
export function formulaString(s: string): string {
  return `"${clipText(s, FORMULA_LITERAL_MAX).replace(/"/g, '""')}"`;
}

/** The plan with every text within Excel's limits: cell values, notes and sheet names (in place; returns it). */
export function withinLimits(plan: ResultPlan): ResultPlan {
  for (const s of plan.sheets) {
    s.name = clipText(s.name, SHEET_NAME_MAX);
    for (let r = 0; r < s.values.length; r++) {
      const row = s.values[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "string" && v.length > CELL_MAX) row[c] = clipText(v);
      }
    }
    for (const n of s.notes ?? []) if (n.text.length > CELL_MAX) n.text = clipText(n.text);
  }
  return plan;
}
