/**
 * Which scheme the workbook's sheets suggest: the one whose tables' column headers (names and synonyms) appear most
 * among the first rows of the sheets; a workbook with a 规则 sheet of its own suggests its own scheme. Pure.
 */
import type { SheetData } from "../engine/types";
import type { Scheme } from "../engine/scheme/schema";
import { hasSchemeSheets } from "../engine/scheme/sheets";

export const WORKBOOK_SCHEME = "@workbook";

function headerText(sheets: readonly SheetData[]): string {
  const parts: string[] = [];
  for (const s of sheets)
    for (const row of s.values.slice(0, 12))
      for (const v of row) if (typeof v === "string") parts.push(v.replace(/\s+/g, ""));
  return parts.join("\u0001");
}

export function suggestScheme(sheets: readonly SheetData[], schemes: readonly Scheme[]): string | null {
  if (hasSchemeSheets(sheets)) return WORKBOOK_SCHEME;
  const text = headerText(sheets);
  let best: string | null = null;
  let bestScore = 0;
  for (const sc of schemes) {
    let hit = 0;
    let all = 0;
    for (const t of sc.tables)
      for (const c of t.columns) {
        all++;
        if ([c.name, ...c.synonyms].some((n) => n.length >= 2 && text.includes(n.replace(/\s+/g, "")))) hit++;
      }
    const score = all ? hit / all : 0;
    if (score > bestScore) {
      bestScore = score;
      best = sc.id;
    }
  }
  return bestScore >= 0.3 ? best : null;
}
