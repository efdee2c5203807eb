/**
 * The .xlsx reader: the package's parts (unzipped once with fflate, see package.ts) scanned straight into SheetData —
 * no spreadsheet model is built. It reads what ExcelJS's full load gave the reader before (issue 14: ≈ 0.3× the time
 * and memory, scripts/bench-read.js), and gives the same SheetData (test/workbook/reader-parity.test.ts compares
 * both on the corpus, the samples and hand-written XML):
 * - cell values: shared strings (plain and rich text, `_xHHHH_` escapes decoded, phonetic runs left out), inline
 *   strings, numbers, booleans, errors, cached formula results (a formula without one reads as empty);
 * - number formats (styles.xml's numFmts and cellXfs, the built-in ids ExcelJS knows): a number in a date format is
 *   a date (1900 or 1904 system, kept to the millisecond as ExcelJS did), dates and percentages keep their format;
 * - merged areas (their value in the top-left cell only), sheet visibility, defined names (ZoneScore's markers).
 * Worksheets only (chart and macro sheets are not data), in the workbook's order.
 */
import { strFromU8 } from "fflate";
import type { CellValue, Rect, SheetData } from "../engine/types";
import { parseRangeA1 } from "../engine/read/normalise";
import { formatKind } from "../engine/read/values";
import { takeDecoded, WorkbookFileError } from "./inspect";
import { attrs, sheetEntries, workbookPart as workbookPartOf, type Parts, type SheetEntry } from "./package";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The number formats Excel does not write into styles.xml (ECMA-376 §18.8.30): those ExcelJS knows, and the ids
 * 27–36 and 50–58 that Excel in Chinese (and other East Asian languages) gives a date or time typed as 2024年3月5日,
 * 3月5日, 9时30分… — all dates or times, written here as Excel in Chinese (zh-CN) shows them. ExcelJS read those as
 * plain numbers: a date typed where a figure belongs would have counted as 45,356.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** A number format that makes a number a date (as ExcelJS decides: a y, m, d, h, s or b outside quotes and []). */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text as a parser gives it: line ends normalised, entities and character references decoded. */
function xmlText(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("\r") < 0) return s;
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
      e[0] !== "#"
        ? (ENTITY[e] ?? m)
        : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
    );
}

/** `_x000D_` and the like (how Excel escapes characters XML cannot hold) in shared strings and rich text. */
const unescapeX = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A string decoded a second time (ExcelJS decodes the five entities again in a formula's text result). */
const decodeAgain = (s: string) => s.replace(/&([a-z]*);/g, (m, e: string) => ENTITY[e] ?? m);

/** The text of a string item (<si> or <is>): its runs' text joined, phonetic runs (<rPh>) left out. */
function itemText(inner: string, decodeX: boolean): string {
  const body = inner.indexOf("rPh") >= 0 ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : inner;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  for (let m = re.exec(body); m; m = re.exec(body))
    out += decodeX ? unescapeX(xmlText(m[1] ?? "")) : xmlText(m[1] ?? "");
  return out;
}

/** sharedStrings.xml as strings (rich text joined). */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const inner = m[1] ?? "";
    // a run (<r>) is rich text: its runs' text decoded; a plain item is its <t>
    out.push(/<(?:\w+:)?r>|<(?:\w+:)?r\s/.test(inner) ? runsText(inner) : itemText(inner, true));
  }
  return out;
}

function runsText(inner: string): string {
  let out = "";
  const re = /<(?:\w+:)?r(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?r>/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) out += itemText(m[1], true);
  return out;
}

/** Each cell format's (cellXfs index) number format string, or undefined. */
function cellFormats(xml: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined)
      custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, "$1"));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  const out: Array<string | undefined> = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = parseInt(attrs(m[0]).numFmtId ?? "", 10);
    out.push(id ? custom.get(id) || BUILT_IN_FORMATS[id] : undefined);
  }
  return out;
}

/** A cell as scanned: its value (or the master's, in a merged area), the number format when its value is a number. */
type Cell = CellValue | DatedNumber | Formula;
interface Scanned {
  rows: Array<Array<Cell | undefined> | undefined>;
  formats: NonNullable<SheetData["formats"]>;
  merges: Rect[];
}

/** What the package holds for reading, scanned once: sheets in order, shared strings, formats, defined names. */
export class PackageReader {
  private strings: string[] | null = null;
  private xfs: Array<string | undefined> | null = null;
  readonly date1904: boolean;
  /** the workbook's worksheets, in order */
  readonly sheets: SheetEntry[];
  /** defined names: name → the first reference of its text ('Sheet'!$A$1) */
  readonly names: Array<{ name: string; ref: string }>;

  constructor(private readonly parts: Parts) {
    this.sheets = sheetEntries(parts).filter((s) => s.kind === "worksheet" && s.part && parts[s.part]);
    const wb = strFromU8(parts[workbookPartOf(parts)]);
    this.date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="1"/.test(wb);
    this.names = [];
    for (const m of wb.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
      const name = attrs(`<d ${m[1]}>`).name;
      const ref = /^(?:'(?:[^']|'')*'|[^,'!]*)![^,]*/.exec(xmlText(m[2]).trim())?.[0];
      if (name && ref) this.names.push({ name, ref });
    }
  }

  private part(name: string | null): string {
    return name && this.parts[name] ? strFromU8(this.parts[name]) : "";
  }

  /** The part a relationship of the workbook's of this type points at ("sharedStrings", "styles"). */
  private related(type: string): string {
    const wbPart = workbookPartOf(this.parts);
    const i = wbPart.lastIndexOf("/");
    const rels = this.part(`${wbPart.slice(0, i + 1)}_rels/${wbPart.slice(i + 1)}.rels`);
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if (!(a.Type ?? "").endsWith(`/${type}`) || a.TargetMode === "External" || !a.Target) continue;
      const target = a.Target.startsWith("/") ? a.Target.slice(1) : `${wbPart.slice(0, i + 1)}${a.Target}`;
      return this.part(normalisePath(target));
    }
    return "";
  }

  private shared(): string[] {
    return (this.strings ??= sharedStrings(this.related("sharedStrings")));
  }

  private formats(): Array<string | undefined> {
    return (this.xfs ??= cellFormats(this.related("styles")));
  }

  /** One worksheet as SheetData: the used range from A1, merges, visibility, the formats that change a meaning. */
  readSheet(entry: SheetEntry): SheetData {
    const xml = (entry.part && takeDecoded(this.parts, entry.part)) ?? this.part(entry.part);
    const scanned = this.scan(xml);
    const values = finish(scanned);
    const out: SheetData = { name: entry.name, originRow: 0, originCol: 0, values, merges: scanned.merges };
    if (entry.state === "hidden" || entry.state === "veryHidden") out.visibility = entry.state;
    if (scanned.formats.length) out.formats = scanned.formats;
    return out;
  }

  /** The sheet's cells into sparse rows (1-based columns dropped: index 0 = column A). */
  private scan(xml: string): Scanned {
    const merges = mergesOf(xml);
    const start = xml.search(/<(?:\w+:)?sheetData\b/);
    const end = xml.search(/<\/(?:\w+:)?sheetData>/);
    const data = start < 0 ? "" : xml.slice(start, end < 0 ? xml.length : end);
    const rows: Scanned["rows"] = [];
    const styles: Array<Array<number> | undefined> = [];
    const re = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
    let rowIndex = -1;
    let col = -1;
    for (let m = re.exec(data); m; m = re.exec(data)) {
      const a = m[2];
      if (m[1] === "row") {
        const r = attr(a, "r");
        rowIndex = r ? parseInt(r, 10) - 1 : rowIndex + 1;
        col = -1;
        continue;
      }
      const ref = attr(a, "r");
      col = ref ? colIndex(ref) : col + 1;
      let inner = "";
      if (!m[3]) {
        const close = closeOf(data, re.lastIndex);
        inner = data.slice(re.lastIndex, close < 0 ? data.length : close);
        re.lastIndex = close < 0 ? data.length : close;
      }
      const s = attr(a, "s");
      const style = s ? parseInt(s, 10) : 0;
      const v = this.cellValue(attr(a, "t"), inner, style);
      if (v === NO_VALUE) continue;
      (rows[rowIndex] ??= [])[col] = v;
      if (style) (styles[rowIndex] ??= [])[col] = style;
    }
    return { rows, merges, formats: this.spreadMerges(rows, styles, merges) };
  }

  /**
   * Merged areas as ExcelJS loaded them: every cell of an area holds the master's value (so it counts for the used
   * range and, when a number, for the formats) until the values are finished.
   */
  private spreadMerges(
    rows: Scanned["rows"],
    styles: Array<Array<number> | undefined>,
    merges: Rect[],
  ): NonNullable<SheetData["formats"]> {
    const formats: NonNullable<SheetData["formats"]> = [];
    for (const m of merges) {
      const master = rows[m.top]?.[m.left];
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) (rows[r] ??= [])[c] = master ?? null;
    }
    const xfs = this.formats();
    rows.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v !== "number" && !isDated(v)) return;
        const fmt = xfs[styles[r]?.[c] || -1];
        const kind = formatKind(fmt);
        if (kind === "date" || kind === "percent") (formats[r] ??= [])[c] = fmt;
        else if (isDated(v)) (formats[r] ??= [])[c] = "yyyy-mm-dd";
      }),
    );
    for (const row of rows) row?.forEach((v, c) => isDated(v) && (row[c] = v.serial));
    return formats;
  }

  /** A cell's value from its type attribute and inner XML; NO_VALUE when it holds none (a styled empty cell). */
  private cellValue(t: string | undefined, inner: string, style: number): Cell | typeof NO_VALUE {
    const f = inner ? F_ELEMENT.test(inner) : false;
    const raw = inner ? valueText(inner) : undefined;
    if (f) {
      const r = formulaResult(t, raw && xmlText(raw));
      // a result in a date format reads as that date, to the millisecond; a formula's format is never kept
      return new Formula(typeof r === "number" && this.dateStyle(style) ? dated(r, this.date1904).serial : r);
    }
    if (t === "inlineStr") {
      const is = inner ? /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] : undefined;
      if (is === undefined || !/<(?:\w+:)?t\b/.test(is)) return raw === undefined ? NO_VALUE : xmlText(raw);
      return /<(?:\w+:)?r>|<(?:\w+:)?r\s/.test(is) ? runsText(is) : itemText(is, false);
    }
    if (raw === undefined || raw === "") return NO_VALUE;
    const text = xmlText(raw);
    switch (t) {
      case "s": {
        const s = this.shared()[parseInt(text, 10)];
        if (s === undefined) throw new WorkbookFileError("file-xlsx-corrupt", {});
        return s;
      }
      case "str":
        return decodeAgain(text);
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return { error: text };
      default: {
        const n = parseFloat(text);
        return this.dateStyle(style) ? dated(n, this.date1904) : n;
      }
    }
  }

  private dateStyle(style: number): boolean {
    return style !== 0 && isDateFormat(this.formats()[style]);
  }

  /** Cell A1 of a sheet (the settings' JSON), as read. */
  firstCell(name: string): CellValue {
    const entry = this.sheets.find((s) => s.name === name);
    return entry ? (this.readSheet(entry).values[0]?.[0] ?? null) : null;
  }
}

const NO_VALUE = Symbol("no value");
const F_ELEMENT = /<(?:\w+:)?f\b/;

/** A formula's cached result while scanning (a formula cell's format is not kept, as ExcelJS gave none). */
class Formula {
  constructor(readonly result: CellValue) {}
}

/** A number in a date format: the serial it reads as (to the millisecond), marked so its format is kept. */
interface DatedNumber {
  dated: true;
  serial: number;
}
const isDated = (v: unknown): v is DatedNumber => typeof v === "object" && v !== null && "dated" in v;

function dated(n: number, date1904: boolean): DatedNumber {
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return { dated: true, serial: (new Date(ms).getTime() - EXCEL_EPOCH) / 86400000 };
}

/** A formula's cached result as its type says; none (empty) when there is none. */
function formulaResult(t: string | undefined, raw: string | undefined): CellValue {
  if (!raw) return null;
  if (t === "str") return decodeAgain(raw);
  if (t === "b") return parseInt(raw, 10) !== 0;
  if (t === "e") return { error: raw };
  return parseFloat(raw);
}

const V_ELEMENT = /<(?:\w+:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/;

/** The raw text of a cell's <v>…</v> (undefined when absent or empty-tagged). */
function valueText(inner: string): string | undefined {
  // the common case without a prefix: <v>text</v>
  const i = inner.indexOf("<v>");
  if (i >= 0) {
    const j = inner.indexOf("</v>", i + 3);
    if (j >= 0) return inner.slice(i + 3, j);
  }
  return V_ELEMENT.exec(inner)?.[1];
}

/** Where the cell whose content starts at `from` ends (its </c>). */
function closeOf(data: string, from: number): number {
  const re = /<\/(?:\w+:)?c>/g;
  re.lastIndex = from;
  const m = re.exec(data);
  return m ? m.index : -1;
}

/** One attribute of a start tag's attribute text, raw (cell references, styles and types need no decoding). */
function attr(a: string, name: string): string | undefined {
  const i = a.indexOf(` ${name}=`);
  if (i < 0) return undefined;
  const q = a[i + name.length + 2];
  const j = a.indexOf(q, i + name.length + 3);
  return a.slice(i + name.length + 3, j);
}

function colIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function mergesOf(xml: string): Rect[] {
  const out: Rect[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    try {
      out.push(parseRangeA1(m[1]));
    } catch {
      // a reference that is not a range merges nothing
    }
  }
  return out;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
/** a formula is content for the used range even without a result (as it was for ExcelJS's rows) */
const content = (v: unknown) => v instanceof Formula || !blank(v);

/**
 * The scanned rows as values: up to the last row with content, each without blank cells at its end, and a merged
 * area's value in its top-left cell only (as in Excel).
 */
function finish(s: Scanned): CellValue[][] {
  let height = 0;
  for (let r = s.rows.length - 1; r >= 0 && !height; r--) if (s.rows[r]?.some(content)) height = r + 1;
  const values: CellValue[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const row = (s.rows[r] ?? []) as CellValue[];
    row.forEach((v, c) => v instanceof Formula && (row[c] = v.result));
    let n = row.length;
    while (n > 0 && blank(row[n - 1])) n--;
    if (n < row.length) row.length = n;
    values[r] = row;
  }
  for (const m of s.merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const out = values[r];
      if (!out) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c < out.length) out[c] = null;
    }
  return values;
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}
