/**
 * The scheme's glossary as a rules sheet, 术语英文 (two columns: 中文, English), written with the other scheme sheets
 * and read back, so a city's edited scheme keeps its English. Pure.
 */
import type { CellValue, SheetData } from "../types";
import { newSheet, type PlanSheet } from "../output/sheet-plan";
import { a1 } from "../read/normalise";
import { cellText } from "../read/values";
import { t, type TextKey, type Vars } from "../i18n";

export const GLOSSARY_SHEET = "术语英文";
const HEADER = ["中文", "English"];

/** The glossary sheet: one row per word, in the glossary's order. */
export function glossarySheet(glossary: Readonly<Record<string, string>>): PlanSheet {
  const s = newSheet("s.glossary", GLOSSARY_SHEET);
  s.values.push(HEADER, ...Object.entries(glossary));
  s.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 1 }, style: "header" });
  s.freeze = { rows: 1, cols: 1 };
  s.widths = [50, 80];
  return s;
}

export interface GlossaryRead {
  glossary: Record<string, string>;
  /** wrong edits, each naming the sheet and cell (术语英文!B3：…) */
  problems: string[];
}

/**
 * The glossary from the 术语英文 sheet ({} without one): a header other than 中文 / English, a word without its
 * English (or English without its word) and a word given twice are problems at their cells, in Chinese as the other
 * rules-sheet problems are.
 */
export function glossaryFromSheets(sheets: readonly SheetData[]): GlossaryRead {
  const s = sheets.find((x) => x.name === GLOSSARY_SHEET);
  const out: GlossaryRead = { glossary: {}, problems: [] };
  if (!s) return out;
  const at = (row: number, col: number, key: TextKey, vars: Vars) =>
    out.problems.push(`${GLOSSARY_SHEET}!${a1(s.originRow + row, s.originCol + col)}：${t("zh", key, vars)}`);
  const text = (v: CellValue | undefined) => (v === null || v === undefined ? "" : cellText(v).trim());
  HEADER.forEach((h, c) => {
    const got = text(s.values[0]?.[c]);
    if (got !== h) at(0, c, "glossarySheet.header", { want: h, got });
  });
  const firstRow = new Map<string, number>();
  s.values.slice(1).forEach((r, k) => {
    const [zh, en] = [text(r[0]), text(r[1])];
    if (!zh && !en) return;
    if (!zh) return at(k + 1, 0, "glossarySheet.noChinese", { en });
    if (!en) return at(k + 1, 1, "glossarySheet.noEnglish", { zh });
    const first = firstRow.get(zh);
    if (first !== undefined) return at(k + 1, 0, "glossarySheet.twice", { zh, row: s.originRow + first + 1 });
    firstRow.set(zh, k + 1);
    out.glossary[zh] = en;
  });
  return out;
}
