/**
 * Finding a table in a sheet made for people: title and note rows above, one- to three-row headers with merged
 * cells, totals rows, footnotes. Produces column paths such as ["规上工业产值（亿元）", "2023年"]. Pure.
 */
import type { CellValue, Rect, SheetData } from "../types";
import { cellText } from "./values";
import { a1, isUnitText, nameKey, parseHeader, type HeaderParts } from "./normalise";

export interface HeaderColumn {
  /** absolute column index */
  col: number;
  path: string[];
  parts: HeaderParts;
}

export interface RawTable {
  sheet: string;
  /** absolute row indexes of the header rows */
  headerTop: number;
  headerBottom: number;
  columns: HeaderColumn[];
  /** absolute row indexes of data rows (blank rows, totals and footnotes excluded) */
  dataRows: number[];
  /** rows recognised as 总计 / 合计 / 小计 / 其中 */
  totalRows: number[];
  /** a unit stated once in a note above the header (单位：亿元), for columns that do not state their own */
  noteUnit?: string;
  /** the cell of that note */
  noteCell?: string;
}

/** Cell value by absolute coordinates. */
export function cellAt(sheet: SheetData, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}

export function lastRow(sheet: SheetData): number {
  return sheet.originRow + sheet.values.length - 1;
}
export function lastCol(sheet: SheetData): number {
  let w = 0;
  for (const r of sheet.values) if (r.length > w) w = r.length;
  return sheet.originCol + w - 1;
}

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

const TOTAL_RE = /^((总计|合计|小计|全市合计|全市总计|全区合计|其中|总和|共计)[:：]?$|其中[:：])/;
const FOOTNOTE_RE = /^(注|备注|说明|资料来源|数据来源|填表说明|填报说明)[:：\s]/;
export function isTotalLabel(v: CellValue): boolean {
  return typeof v === "string" && TOTAL_RE.test(nameKey(v));
}
function isFootnote(v: CellValue): boolean {
  return typeof v === "string" && FOOTNOTE_RE.test(v.trim() + " ");
}

function mergeAt(merges: Rect[] | null, row: number, col: number): Rect | undefined {
  if (!merges) return undefined;
  for (const m of merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

/** The sheet's extent: the rows scanned for a header and the columns. */
interface Extent {
  top: number;
  endRow: number;
  left: number;
  right: number;
}

/**
 * Read the table whose header contains `keyNames` (the entity column, e.g. 开发区). `matches(path)` tells whether a
 * header cell names a known column; used to pick the header row when the key name appears more than once.
 */
export function findTable(
  sheet: SheetData,
  keyNames: readonly string[],
  scan = 25,
  forcedKeyCol?: number,
): RawTable | null {
  const top = sheet.originRow;
  const ext: Extent = {
    top,
    endRow: Math.min(lastRow(sheet), top + scan),
    left: sheet.originCol,
    right: lastCol(sheet),
  };
  const found = findHeaderTop(sheet, ext, keyNames, forcedKeyCol);
  if (!found) return null;
  const { headerTop, keyCol } = found;
  const headerBottom = findHeaderBottom(sheet, ext, headerTop, keyCol);
  const columns = headerColumns(sheet, ext, headerTop, headerBottom);
  const { dataRows, totalRows } = bodyRows(sheet, ext, headerBottom, keyCol);
  const out: RawTable = { sheet: sheet.name, headerTop, headerBottom, columns, dataRows, totalRows };
  const note = findNoteUnit(sheet, ext, headerTop);
  if (note) {
    out.noteUnit = note.unit;
    out.noteCell = note.cell;
  }
  return out;
}

/** The header's first row and the key column: where a key name stands, or (a column the user chose) above data. */
function findHeaderTop(
  sheet: SheetData,
  { top, endRow, left, right }: Extent,
  keyNames: readonly string[],
  forcedKeyCol?: number,
): { headerTop: number; keyCol: number } | null {
  const keys = new Set(keyNames.map(nameKey));
  let headerTop = -1;
  let keyCol = -1;
  for (let r = top; r <= endRow && headerTop < 0; r++) {
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v === "string" && keys.has(parseHeader([v]).key)) {
        headerTop = r;
        keyCol = c;
        break;
      }
    }
  }
  if (forcedKeyCol !== undefined) {
    if (headerTop >= 0) keyCol = forcedKeyCol;
    else {
      // the user said which column holds the names, and no header names it: the header is the row just above
      // the first row that has a name there and a number beside it
      for (let r = top; r <= endRow && headerTop < 0; r++) {
        const name = cellAt(sheet, r, forcedKeyCol);
        if (typeof name !== "string" || !name.trim()) continue;
        let numbers = false;
        for (let c = left; c <= right && !numbers; c++) if (typeof cellAt(sheet, r, c) === "number") numbers = true;
        if (numbers && r > top) {
          headerTop = r - 1;
          keyCol = forcedKeyCol;
        }
      }
    }
  }
  return headerTop < 0 ? null : { headerTop, keyCol };
}

/**
 * How many rows does the header take? Continue while the key column is empty (or merged from above) and the row
 * carries text but no numbers: data rows have a name in the key column.
 */
function findHeaderBottom(sheet: SheetData, { left, right }: Extent, headerTop: number, keyCol: number): number {
  let headerBottom = headerTop;
  const keyMerge = mergeAt(sheet.merges, headerTop, keyCol);
  while (headerBottom - headerTop < 2 && headerBottom < lastRow(sheet)) {
    const r = headerBottom + 1;
    const coveredByKeyMerge = keyMerge !== undefined && r <= keyMerge.bottom;
    if (!coveredByKeyMerge && !isBlank(cellAt(sheet, r, keyCol))) break;
    let text = 0;
    let numbers = 0;
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v === "number") numbers++;
      else if (typeof v === "string" && v.trim() !== "") text++;
    }
    if (coveredByKeyMerge || (text > 0 && numbers === 0)) headerBottom = r;
    else break;
  }
  return headerBottom;
}

/** Each column's header path, top to bottom, with merged and grouped labels given to the columns under them. */
function headerColumns(sheet: SheetData, { left, right }: Extent, headerTop: number, headerBottom: number) {
  const columns: HeaderColumn[] = [];
  for (let c = left; c <= right; c++) {
    const path: string[] = [];
    for (let h = headerTop; h <= headerBottom; h++) {
      const t = cellText(headerCell(sheet, left, headerTop, headerBottom, h, c)).trim();
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    if (path.length) columns.push({ col: c, path, parts: parseHeader(path) });
  }
  return columns;
}

/** A header cell's label: its own text, a merge's, or (without merge information) its group's on the left. */
function headerCell(
  sheet: SheetData,
  left: number,
  headerTop: number,
  headerBottom: number,
  h: number,
  c: number,
): CellValue {
  let v = cellAt(sheet, h, c);
  if (!isBlank(v)) return v;
  const m = mergeAt(sheet.merges, h, c);
  if (m) {
    // a horizontal merge in this row gives its label to every column under it; a vertical one was read above
    if (m.top === h || m.top < headerTop) v = cellAt(sheet, m.top, m.left);
    if (m.top !== h && m.top >= headerTop) v = null;
  } else if (sheet.merges === null && h < headerBottom && !isBlank(cellAt(sheet, h + 1, c))) {
    // no merge information: a group label stands in the leftmost cell of its group
    for (let cc = c - 1; cc >= left; cc--) {
      const w = cellAt(sheet, h, cc);
      if (!isBlank(w)) return w;
    }
  }
  return v;
}

/** The rows under the header: data rows, totals rows (总计, 合计, 其中 …); blank rows skipped, footnotes end it. */
function bodyRows(sheet: SheetData, { left, right }: Extent, headerBottom: number, keyCol: number) {
  const dataRows: number[] = [];
  const totalRows: number[] = [];
  for (let r = headerBottom + 1; r <= lastRow(sheet); r++) {
    let blank = true;
    for (let c = left; c <= right && blank; c++) if (!isBlank(cellAt(sheet, r, c))) blank = false;
    if (blank) continue;
    const first = cellAt(sheet, r, left);
    const keyV = cellAt(sheet, r, keyCol);
    if (isFootnote(first) || isFootnote(keyV)) break;
    if (isTotalLabel(keyV) || (keyCol !== left && isTotalLabel(first))) {
      totalRows.push(r);
      continue;
    }
    dataRows.push(r);
  }
  return { dataRows, totalRows };
}

/** 单位：亿元 in a note row above the header (or in the title). */
function findNoteUnit(sheet: SheetData, { left, right }: Extent, headerTop: number) {
  for (let r = sheet.originRow; r < headerTop; r++) {
    for (let c = left; c <= right; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v !== "string") continue;
      const m = /(?<![填报送计])单位\s*[:：]\s*([^\s,，;；、)）]+)/.exec(v);
      if (m && isUnitText(m[1])) return { unit: m[1], cell: a1(r, c) };
    }
  }
  return undefined;
}
