/**
 * Filling cells of the user's own sheet inside the user's package: only the worksheet part of that sheet changes,
 * and in it only the cells written (and the row spans / dimension where a written cell lies outside them). Every
 * other part keeps its bytes, compressed as it was. A cell is written only when it is empty (no value, no formula,
 * or a blank text) or, for a confirmed fix, when it holds exactly the number the caller expects; any other cell is
 * refused and reported, never overwritten. Numbers are written as numbers, texts as inline strings (the shared
 * strings part stays as it was); the cell keeps its style, a new cell takes its row's or column's. Where the workbook
 * has formulas, workbook.xml's <calcPr> also asks for a recalculation on opening (fullCalcOnLoad), so that formulas
 * over the filled cells do not show results cached without them.
 * Pure TypeScript, for node and the browser.
 */
import { strToU8 } from "fflate";
import { a1 } from "../engine/read/normalise";
import {
  attrs,
  elements,
  escapeXml,
  PackageError,
  repack,
  section,
  setAttr,
  sharedStrings,
  sheetEntries,
  text,
  unescapeXml,
  workbookPart,
  type Parts,
  AFTER_DEFINED_NAMES,
} from "./package";
import type { CellWrite, FillReport } from "./port";

export type { CellWrite, FillReport };

/** What a cell holds now: "" for empty, the text of its value, or "=formula". */
interface Current {
  empty: boolean;
  number: number | null;
  shown: string;
}

const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const ROW_RE = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

function colOf(ref: string): number {
  const m = /^([A-Z]+)\d+$/.exec(ref);
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** The text of a rich or plain string (<si> or <is> content): its <t> runs, without phonetic runs. */
function stringText(inner: string): string {
  const plain = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  return [...plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((m) => unescapeXml(m[1] ?? "")).join("");
}

function currentOf(cell: string, shared: () => string[]): Current {
  const a = attrs(/^<c\b[^>]*>/.exec(cell)?.[0] ?? "");
  const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(cell);
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(cell)?.[1];
  const inline = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(cell)?.[1];
  if (f) return { empty: false, number: null, shown: `=${unescapeXml(f[1] ?? "")}` };
  let str: string | null = null;
  if (a.t === "inlineStr") str = stringText(inline ?? "");
  else if (v === undefined) return { empty: true, number: null, shown: "" };
  else if (a.t === "s") str = stringText(shared()[Number(v)] ?? "");
  else if (a.t === "str") str = unescapeXml(v);
  if (str !== null) return { empty: !str.trim(), number: null, shown: str };
  const raw = unescapeXml(v ?? "");
  const n = a.t === undefined || a.t === "n" ? Number(raw) : NaN;
  return { empty: false, number: Number.isFinite(n) && raw.trim() !== "" ? n : null, shown: raw };
}

/** Characters XML 1.0 cannot hold, taken out of a text. */
const xmlText = (s: string) =>
  escapeXml(
    [...s]
      .filter((ch) => {
        const c = ch.codePointAt(0)!;
        return (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && c !== 0xfffe && c !== 0xffff;
      })
      .join(""),
  );

function cellXml(ref: string, style: string | undefined, value: number | string): string {
  const s = style === undefined ? "" : ` s="${escapeXml(style)}"`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${Object.is(value, -0) ? 0 : value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

/** The merged areas of a sheet, as 0-based rectangles. */
function mergeAreas(xml: string): Array<{ top: number; left: number; bottom: number; right: number; ref: string }> {
  return elements(section(xml, "mergeCells")?.inner ?? "", "mergeCell").flatMap((e) => {
    const ref = attrs(e.text).ref ?? "";
    const [p, q = p] = ref.split(":");
    const m1 = /^([A-Z]+)(\d+)$/.exec(p);
    const m2 = /^([A-Z]+)(\d+)$/.exec(q);
    if (!m1 || !m2) return [];
    return [{ top: Number(m1[2]) - 1, left: colOf(p), bottom: Number(m2[2]) - 1, right: colOf(q), ref }];
  });
}

/** The style a column gives its empty cells (<cols><col min max style>). */
function columnStyles(xml: string): Array<{ min: number; max: number; style: string }> {
  return elements(section(xml, "cols")?.inner ?? "", "col").flatMap((e) => {
    const a = attrs(e.text);
    return a.style === undefined ? [] : [{ min: Number(a.min) - 1, max: Number(a.max) - 1, style: a.style }];
  });
}

interface RowPatch {
  row: number;
  writes: CellWrite[];
}

interface PatchCtx {
  shared: () => string[];
  merges: ReturnType<typeof mergeAreas>;
  cols: ReturnType<typeof columnStyles>;
  report: FillReport;
  sheet: string;
}

/** One row's cells with the writes applied (the row element rebuilt around them). */
function patchRow(rowXml: string | null, p: RowPatch, c: PatchCtx): string {
  const open = rowXml ? /^<row\b[^>]*?\/?>/.exec(rowXml)![0] : `<row r="${p.row + 1}">`;
  const rowAttrs = attrs(open);
  const inner = rowXml && !open.endsWith("/>") ? rowXml.slice(open.length, -"</row>".length) : "";
  const cells = [...inner.matchAll(CELL_RE)].map((m) => ({ xml: m[0], index: m.index!, col: -1 }));
  for (const x of cells) {
    x.col = colOf(attrs(/^<c\b[^>]*>/.exec(x.xml)?.[0] ?? "").r ?? "");
    if (x.col < 0) throw new PackageError("workbook.fill.noAddresses", { sheet: c.sheet });
  }
  const out = cells.map((x) => x.xml);
  const added: Array<{ col: number; xml: string }> = [];
  for (const w of p.writes) {
    const ref = a1(p.row, w.col);
    const merge = c.merges.find((m) => p.row >= m.top && p.row <= m.bottom && w.col >= m.left && w.col <= m.right);
    if (merge && (merge.top !== p.row || merge.left !== w.col)) {
      c.report.refused.push({ cell: ref, found: merge.ref, reason: "merged" });
      continue;
    }
    const i = cells.findIndex((x) => x.col === w.col);
    const now = i < 0 ? { empty: true, number: null, shown: "" } : currentOf(cells[i].xml, c.shared);
    const ok = w.replaces === undefined ? now.empty : now.number !== null && now.number === w.replaces;
    if (!ok) {
      c.report.refused.push({ cell: ref, found: now.shown, reason: w.replaces === undefined ? "filled" : "changed" });
      continue;
    }
    const style =
      i >= 0
        ? attrs(/^<c\b[^>]*>/.exec(cells[i].xml)![0]).s
        : rowAttrs.customFormat === "1" || rowAttrs.customFormat === "true"
          ? rowAttrs.s
          : c.cols.find((k) => w.col >= k.min && w.col <= k.max)?.style;
    const xml = cellXml(ref, style, w.value);
    if (i >= 0) out[i] = xml;
    else added.push({ col: w.col, xml });
    c.report.filled.push(ref);
  }
  if (!added.length && out.every((x, i) => x === cells[i].xml)) return rowXml ?? "";
  // the cells in column order: the existing ones where they were, the new ones between them; then what followed
  const merged = [...cells.map((x, i) => ({ col: x.col, xml: out[i] })), ...added].sort((a, b) => a.col - b.col);
  const last = cells[cells.length - 1];
  const head = cells.length ? inner.slice(0, cells[0].index) : "";
  const tail = cells.length ? inner.slice(last.index + last.xml.length) : inner;
  const tag = widenSpans(open.replace(/\s*\/>$/, ">"), merged);
  return `${tag}${head}${merged.map((x) => x.xml).join("")}${tail}</row>`;
}

/** A row's spans hint ("1:5") widened to the cells it now has. */
function widenSpans(tag: string, cells: Array<{ col: number }>): string {
  const spans = attrs(tag).spans;
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m || !cells.length) return tag;
  const lo = Math.min(Number(m[1]), cells[0].col + 1);
  const hi = Math.max(Number(m[2]), cells[cells.length - 1].col + 1);
  return setAttr(tag, "spans", `${lo}:${hi}`);
}

/** The sheet's <dimension ref> widened to the written cells. */
function widenDimension(xml: string, filled: string[]): string {
  const dim = /<dimension\b[^>]*\/>/.exec(xml);
  if (!dim || !filled.length) return xml;
  const ref = attrs(dim[0]).ref ?? "";
  const corners = [...ref.split(":"), ...filled].map((r) => /^([A-Z]+)(\d+)$/.exec(r)).filter((m) => m !== null);
  if (corners.length <= filled.length) return xml;
  const rows = corners.map((m) => Number(m[2]));
  const cols = corners.map((m) => colOf(m[0]));
  const wide = `${a1(Math.min(...rows) - 1, Math.min(...cols))}:${a1(Math.max(...rows) - 1, Math.max(...cols))}`;
  if (wide === ref || (ref.indexOf(":") < 0 && wide === `${ref}:${ref}`)) return xml;
  return xml.slice(0, dim.index) + setAttr(dim[0], "ref", wide) + xml.slice(dim.index + dim[0].length);
}

/** What may follow <calcPr> in a workbook, in the schema's order. */
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(AFTER_DEFINED_NAMES.indexOf("calcPr") + 1);

/**
 * Where any worksheet has a formula, the workbook with fullCalcOnLoad="1" on its <calcPr> (added where missing), or
 * null: nothing to recalculate, or a workbook of a form this does not change (prefixed elements).
 */
function recalcOnLoad(parts: Parts): { part: string; xml: string } | null {
  const sheets = sheetEntries(parts).filter((e) => e.kind === "worksheet" && e.part && parts[e.part]);
  if (!sheets.some((e) => /<f[\s>/]/.test(text(parts, e.part!)))) return null;
  const part = workbookPart(parts);
  const xml = text(parts, part);
  if (/<\w+:workbook\b/.test(xml)) return null;
  const tag = /<calcPr\b[^>]*?\/?>/.exec(xml);
  if (tag) {
    if (attrs(tag[0]).fullCalcOnLoad === "1") return null;
    const set = setAttr(tag[0], "fullCalcOnLoad", "1");
    return { part, xml: xml.slice(0, tag.index) + set + xml.slice(tag.index + tag[0].length) };
  }
  const from = Math.max(xml.indexOf("</sheets>"), xml.indexOf("</definedNames>"));
  const at = AFTER_CALC_PR.map((t) => xml.indexOf(`<${t}`, Math.max(0, from))).filter((i) => i >= 0);
  const pos = at.length ? Math.min(...at) : xml.lastIndexOf("</workbook>");
  if (from < 0 || pos < 0) return null;
  return { part, xml: xml.slice(0, pos) + '<calcPr fullCalcOnLoad="1"/>' + xml.slice(pos) };
}

/** The worksheet part of a sheet named `sheet`, or a PackageError. */
function sheetPart(parts: Parts, sheet: string): string {
  const e = sheetEntries(parts).find((x) => x.name === sheet);
  if (!e || e.kind !== "worksheet" || !e.part || !parts[e.part])
    throw new PackageError("workbook.fill.noSheet", { sheet });
  return e.part;
}

/** The sheet XML with the writes applied, and what was written and refused. */
export function patchSheetXml(
  xml: string,
  writes: readonly CellWrite[],
  shared: () => string[],
  sheet: string,
): { xml: string; report: FillReport } {
  const report: FillReport = { filled: [], refused: [] };
  if (/<\w+:sheetData\b/.test(xml)) throw new PackageError("workbook.prefixed");
  const data = section(xml, "sheetData");
  if (!data) throw new PackageError("workbook.fill.noSheet", { sheet });
  const rows = [...data.inner.matchAll(ROW_RE)].map((m) => ({ xml: m[0], index: m.index!, row: -1 }));
  for (const r of rows) {
    const n = Number(attrs(/^<row\b[^>]*>/.exec(r.xml)![0]).r);
    if (!Number.isInteger(n) || n < 1) throw new PackageError("workbook.fill.noAddresses", { sheet });
    r.row = n - 1;
  }
  // one write per cell (the last given): a cell written twice would be two <c> elements with the same address
  const byRow = new Map<number, CellWrite[]>();
  const byCell = new Map(writes.map((w) => [`${w.row},${w.col}`, w]));
  for (const w of byCell.values()) byRow.set(w.row, [...(byRow.get(w.row) ?? []), w]);
  const c: PatchCtx = { shared, merges: mergeAreas(xml), cols: columnStyles(xml), report, sheet };
  const pieces: Array<{ row: number; xml: string }> = rows.map((r) => ({ row: r.row, xml: r.xml }));
  for (const [row, ws] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const i = rows.findIndex((r) => r.row === row);
    const patched = patchRow(i >= 0 ? rows[i].xml : null, { row, writes: ws }, c);
    if (i >= 0) pieces[i].xml = patched;
    else if (patched) pieces.push({ row, xml: patched });
  }
  if (!report.filled.length) return { xml, report };
  pieces.sort((a, b) => a.row - b.row);
  const head = rows.length ? data.inner.slice(0, rows[0].index) : "";
  const last = rows[rows.length - 1];
  const tail = rows.length ? data.inner.slice(last.index + last.xml.length) : data.inner;
  const inner = head + pieces.map((p) => p.xml).join("") + tail;
  const out = xml.slice(0, data.start) + `<sheetData>${inner}</sheetData>` + xml.slice(data.end);
  return { xml: widenDimension(out, report.filled), report };
}

/**
 * Fill cells of one sheet in the package's parts: the parts that change (the sheet's, and the workbook's where it is
 * marked for recalculation) and the report. Nothing written, nothing changed.
 */
export function fillCellsInParts(
  parts: Parts,
  sheet: string,
  writes: readonly CellWrite[],
): { changed: Parts; report: FillReport } {
  const part = sheetPart(parts, sheet);
  let shared: string[] | null = null;
  const sharedOnce = () => (shared ??= sharedStrings(parts));
  const { xml, report } = patchSheetXml(text(parts, part), writes, sharedOnce, sheet);
  if (!report.filled.length) return { changed: {}, report };
  const changed: Parts = { [part]: strToU8(xml) };
  const calc = recalcOnLoad({ ...parts, ...changed });
  if (calc) changed[calc.part] = strToU8(calc.xml);
  return { changed, report };
}

/**
 * Fill cells of one sheet of the user's package. Returns the new package (every other part's bytes and compressed
 * data as they were), its parts, and the report. Nothing written leaves the package as it was.
 */
export function fillPackageCells(
  parts: Parts,
  zip: Uint8Array,
  sheet: string,
  writes: readonly CellWrite[],
): { parts: Parts; zip: Uint8Array; report: FillReport } {
  const { changed, report } = fillCellsInParts(parts, sheet, writes);
  if (!report.filled.length) return { parts, zip, report };
  const next: Parts = { ...parts, ...changed };
  return { parts: next, zip: repack(next, parts, zip, new Set(Object.keys(changed))), report };
}
