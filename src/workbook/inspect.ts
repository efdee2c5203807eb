/**
 * Before an .xlsx is loaded: what kind of file it is, and whether loading it could exhaust memory or take minutes.
 * Looks at the file size, each sheet's unpacked size, row count, filled cells and merged areas — the real content,
 * never the dimension a sheet claims — and throws a WorkbookFileError with a message code (messages.ts) naming the
 * sheet and the limit. The package is unzipped here once (fflate; a sheet whose unpacked size the zip's directory
 * puts over the limit is refused before it is unpacked) and its parts are returned, for the reader to use.
 * Works in node and in the browser.
 */
import { strFromU8, unzipSync } from "fflate";
import { recogniseFile, fileKindCode } from "../engine/read/filekind";
import { parseRangeA1 } from "../engine/read/normalise";

/** A package's parts by name (as package.ts has them). */
type Parts = Record<string, Uint8Array>;

/**
 * The sheet XML inspectXlsx decoded, by the parts it returned: the reader takes it from here instead of decoding
 * the same tens of megabytes again (each text is taken once, then dropped).
 */
const decoded = new WeakMap<Parts, Map<string, string>>();
export function takeDecoded(parts: Parts, path: string): string | undefined {
  const m = decoded.get(parts);
  const text = m?.get(path);
  m?.delete(path);
  return text;
}
/** Drop what the reader did not take (the sheets not read: ZoneScore's own, the settings). */
export function dropDecoded(parts: Parts): void {
  decoded.delete(parts);
}

export class WorkbookFileError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** Limits. A city's largest lists (100,000 enterprises × 10 columns) load in ~6 s and are well inside them. */
export const LIMITS = {
  fileMB: 100,
  /** one sheet's XML, unpacked */
  sheetMB: 400,
  rowsPerSheet: 150_000,
  /** cells holding a value, in all sheets together */
  cells: 3_000_000,
  mergesPerSheet: 20_000,
  /** cells covered by one merged area (ExcelJS makes an object for each) */
  mergedCells: 100_000,
  /** cells covered by all merged areas of a sheet */
  mergedCellsPerSheet: 1_000_000,
  /** rows × columns of a sheet's used range, as the reader scans it */
  usedCells: 30_000_000,
};
export type Limits = typeof LIMITS;

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function count(s: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s)) n++;
  return n;
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Throws WorkbookFileError unless `data` is an .xlsx package within the limits; returns its parts (directories left
 * out, leading slashes dropped). `file` names it in messages.
 */
export async function inspectXlsx(data: Uint8Array, file = "", limits: Limits = LIMITS): Promise<Parts> {
  const kind = recogniseFile(data);
  const code = fileKindCode(kind);
  if (code) throw new WorkbookFileError(code, { file });
  if (data.length > limits.fileMB * 1048576)
    throw new WorkbookFileError("limit-file-size", { file, size: mb(data.length), max: limits.fileMB });
  // the unpacked size, from the zip's directory: a sheet over the limit is not unpacked (a zip bomb)
  const oversize = new Map<string, number>();
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(data, {
      filter: (f) => {
        if (!SHEET_PART.test(f.name.replace(/^\/+/, "")) || f.originalSize <= limits.sheetMB * 1048576) return true;
        oversize.set(f.name.replace(/^\/+/, ""), f.originalSize);
        return false;
      },
    });
  } catch {
    throw new WorkbookFileError("file-xlsx-corrupt", { file });
  }
  const parts: Parts = {};
  for (const [name, bytes] of Object.entries(raw)) if (!name.endsWith("/")) parts[name.replace(/^\/+/, "")] = bytes;
  const names = sheetNames(parts);
  for (const [path, size] of oversize)
    throw new WorkbookFileError("limit-sheet-size", {
      sheet: names.get(path) ?? path,
      size: mb(size),
      max: limits.sheetMB,
    });
  const total = { cells: 0, most: { sheet: "", cells: 0 } };
  const texts = new Map<string, string>();
  for (const path of Object.keys(parts)) {
    if (!SHEET_PART.test(path)) continue;
    const sheet = names.get(path) ?? path;
    const xml = strFromU8(parts[path]);
    checkSheetXml(xml, sheet, limits, total);
    checkMerges(xml, sheet, limits);
    texts.set(path, xml);
  }
  decoded.set(parts, texts);
  return parts;
}

/** Sheet part → sheet name, through xl/workbook.xml and its relationships. */
function sheetNames(parts: Parts): Map<string, string> {
  const names = new Map<string, string>();
  const wb = parts["xl/workbook.xml"] ? strFromU8(parts["xl/workbook.xml"]) : "";
  const rels = parts["xl/_rels/workbook.xml.rels"] ? strFromU8(parts["xl/_rels/workbook.xml.rels"]) : "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(`xl/${target}`, decodeXml(name));
  }
  return names;
}

/** One sheet's unpacked size, rows and filled cells (added to the workbook's `total`) against the limits. */
function checkSheetXml(
  xml: string,
  sheet: string,
  limits: Limits,
  total: { cells: number; most: { sheet: string; cells: number } },
): void {
  if (xml.length > limits.sheetMB * 1048576)
    throw new WorkbookFileError("limit-sheet-size", { sheet, size: mb(xml.length), max: limits.sheetMB });
  const rows = count(xml, /<(?:\w+:)?row[\s>/]/g);
  if (rows > limits.rowsPerSheet) throw new WorkbookFileError("limit-rows", { sheet, rows, max: limits.rowsPerSheet });
  const filled = count(xml, /<(?:\w+:)?(?:v|is)>/g);
  total.cells += filled;
  if (filled > total.most.cells) total.most = { sheet, cells: filled };
  if (total.cells > limits.cells)
    throw new WorkbookFileError("limit-cells", { cells: total.cells, max: limits.cells, sheet: total.most.sheet });
}

/** One sheet's merged areas: how many, the largest, and the cells they cover, against the limits. */
function checkMerges(xml: string, sheet: string, limits: Limits): void {
  let merges = 0;
  let covered = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    merges++;
    if (merges > limits.mergesPerSheet) {
      const total = count(xml, /<(?:\w+:)?mergeCell\b/g);
      throw new WorkbookFileError("limit-merges", { sheet, count: total, max: limits.mergesPerSheet });
    }
    let area: number;
    try {
      const r = parseRangeA1(m[1]);
      area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    } catch {
      continue;
    }
    if (area > limits.mergedCells)
      throw new WorkbookFileError("limit-merged-area", { sheet, ref: m[1], cells: area, max: limits.mergedCells });
    covered += area;
    if (covered > limits.mergedCellsPerSheet)
      throw new WorkbookFileError("limit-merged-area", {
        sheet,
        ref: m[1],
        cells: covered,
        max: limits.mergedCellsPerSheet,
      });
  }
}
