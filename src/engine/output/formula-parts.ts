/** Small pieces of the live formulas, shared by formulas.ts and the rule kinds' formula functions. Pure. */
import { a1 } from "../read/normalise";
import { roundTo } from "../format";

/** Words a yes/no cell may hold for yes (the engine reads them so; the formula compares with each). */
export const YES_WORDS = ["是", "√", "✓", "Y", "y", "yes", "TRUE", "对", "有", "完成", "已完成"];

/** A sheet name quoted for a reference. */
export const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
/** An absolute A1 reference ($C$5). */
export const absA1 = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
/** An A1 address made absolute ($C$5). */
export const absAddr = (addr: string) => addr.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
/** A number as a formula literal (12 decimals: no binary noise such as 0.30000000000000004). */
export const xl = (x: number) => String(roundTo(x, 12));

/** Text that SEARCH, SUMIFS, COUNTIF and MATCH take literally: their wildcards * ? and the escape ~ escaped with ~. */
export function searchText(s: string): string {
  return s.replace(/[~*?]/g, "~$&");
}
