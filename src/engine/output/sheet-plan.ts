/**
 * A host-independent plan of sheets to write: values, merges, widths, number formats, styles, links, frozen panes.
 * Both workbook adapters render the same plan; tests compare plans, not adapter calls. Pure data.
 */
import type { Rect } from "../types";

export type PlanValue = string | number | boolean | null;

export type PlanStyle = "title" | "subtitle" | "header" | "top" | "vetoed" | "note" | "error" | "warning" | "wrap";

export interface PlanSheet {
  /** stable id of the sheet's role, e.g. "summary"; ZoneScore recognises its own sheets by this marker, not by name */
  key: string;
  /** wanted name; the adapter picks another when a user's sheet has it */
  name: string;
  values: PlanValue[][];
  merges: Rect[];
  /** column widths in characters */
  widths: number[];
  numberFormats: Array<{ rect: Rect; format: string }>;
  styles: Array<{ rect: Rect; style: PlanStyle }>;
  /** internal links: a cell that jumps to another sheet's cell */
  links: Array<{ row: number; col: number; sheet: string; cell: string }>;
  freeze?: { rows: number; cols: number };
  /** live formulas (without "=", as Excel writes them in English), each over the cell's value as its cached result */
  formulas?: Array<{ row: number; col: number; formula: string }>;
  /** print set-up: rows repeated on every page, orientation (A4) */
  print?: {
    titleRows: [number, number];
    landscape: boolean;
    /** the print area ends at this column */ lastColumn?: number;
  };
  /** cell notes (the audit trail of a score cell) */
  notes?: Array<{ row: number; col: number; text: string }>;
  /** row heights in points (a header whose labels wrap) */
  rowHeights?: Array<{ row: number; height: number }>;
  /**
   * a picture of the totals: Excel gets a stacked bar chart of these columns (groups, or rules) by name; a file gets
   * data bars on the total column instead (ExcelJS cannot write charts)
   */
  bars?: {
    column: number;
    top: number;
    bottom: number;
    stackColumns: number[];
    /** the chart's title in the plan's language; absent: the Chinese 得分构成 (so a Chinese plan stays as it was) */
    title?: string;
  };
  /**
   * conditional formatting: cells of `rect` take the tone's fill where `formula` (relative to the rect's top-left
   * cell, without "=") is true, e.g. a status column: { formula: 'I6="滞后"', tone: "bad" }
   */
  conditional?: Array<{ rect: Rect; formula: string; tone: "good" | "ok" | "bad" }>;
  /**
   * an AutoFilter over `rect` (its top row the header) whose criterion shows only the rows where the cell in
   * `column` (a sheet column) is not 0; `hidden` are the rows it hides as written. The filter is not re-applied by
   * itself when formulas change: the sheet says how to re-apply it (Excel 数据 → 重新应用).
   */
  filter?: { rect: Rect; column: number; hidden: number[] };
}

/** fills of the conditional tones (green, blue, red), as RRGGBB */
export const TONE_FILL = { good: "C6EFCE", ok: "DDEBF7", bad: "FFC7CE" } as const;
export const TONE_FONT = { good: "006100", ok: "1F4E78", bad: "9C0006" } as const;

export interface ResultPlan {
  sheets: PlanSheet[];
  /** the sheet to show after writing */
  activate?: string;
}

export const MARKER_PREFIX = "ZoneScore.";

export function newSheet(key: string, name: string): PlanSheet {
  return { key, name, values: [], merges: [], widths: [], numberFormats: [], styles: [], links: [] };
}

/** Pad rows to the sheet's width so that the values form a rectangle (hosts want rectangles). */
export function rectangular(values: PlanValue[][]): PlanValue[][] {
  let w = 0;
  for (const r of values) if (r.length > w) w = r.length;
  return values.map((r) => (r.length === w ? r : [...r, ...new Array<PlanValue>(w - r.length).fill(null)]));
}

const ILLEGAL = /[[\]:*?/\\]/g;

/**
 * A legal, unused sheet name: ≤ 31 characters, none of [ ] : * ? / \, no edge apostrophes, not "History", unique
 * ignoring case.
 */
export function safeSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  let base =
    wanted
      .replace(ILLEGAL, "_")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  if (base.toLowerCase() === "history") base = "History_";
  base = base.slice(0, 31);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * The family of a result sheet, from its key: "targets.track" → "targets", "whatif.scenarios" → "whatif", a key
 * without a dot → "score". Writing a result replaces ZoneScore's earlier sheets of the same families only, so tracking
 * targets does not delete the scoring result, and a sensitivity sheet does not delete either.
 */
export function sheetFamily(key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? "score" : key.slice(0, dot);
}

/** Whether an earlier sheet with this key is replaced when `plan` is written as a result. */
export function replacedBy(plan: ResultPlan): (key: string) => boolean {
  const families = new Set(plan.sheets.map((s) => sheetFamily(s.key)));
  return (key) => families.has(sheetFamily(key));
}
