/** Core domain types. Pure data, no host objects. */

/** A cell as read from a workbook: text, number, boolean, empty, or an Excel error such as #N/A. */
export type CellValue = string | number | boolean | null | { error: string };

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One sheet as values plus merge areas, with absolute 0-based coordinates (row 0 = Excel row 1). */
export interface SheetData {
  name: string;
  /** row and column of values[0][0] in the sheet */
  originRow: number;
  originCol: number;
  values: CellValue[][];
  /** merged areas in absolute coordinates; null when the host cannot tell (older Excel) */
  merges: Rect[] | null;
  /** hidden or very hidden in the workbook; absent when visible or when the host cannot tell */
  visibility?: "hidden" | "veryHidden";
  /**
   * number formats that change what a value means (dates, times, percentages; see `formatKind`), indexed like
   * `values` and sparse: only such cells have one. A cell typed as a date has its format, or "yyyy-mm-dd" when it
   * has none. Absent when the host cannot tell.
   */
  formats?: Array<Array<string | undefined> | undefined>;
}

export type Severity = "error" | "warning" | "info";

export interface Issue {
  severity: Severity;
  code: string;
  sheet: string;
  /** A1 address, or "" when the issue concerns a whole sheet */
  cell: string;
  message: string;
  /** the offending value as text, when there is one */
  value?: string;
  /** a suggested fix, when there is one */
  fix?: string;
}

export type Lang = "zh" | "en";
