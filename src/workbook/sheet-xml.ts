/**
 * The rows of a result sheet written straight to worksheet XML (issue 14), for plans of any size: no workbook model is
 * built, the XML is produced row by row in chunks. What the rows look like is what ExcelJS wrote for the same plan
 * (test/workbook/sheet-xml.test.ts compares both renders cell by cell): strings inline, numbers, booleans, formulas
 * over their cached results, and each cell's style as the sequence of the plan's style operations that reach it
 * (number format, styles in the plan's order, the link font), so that identical sequences share one cell format.
 * ExcelJS still renders what is small (styles, merges, widths, panes, page set-up, notes, links, conditional
 * formats) into a skeleton sheet, whose rows these replace (see exceljs.ts). Pure TypeScript.
 */
import type { Rect } from "../engine/types";
import type { PlanSheet, PlanValue } from "../engine/output/sheet-plan";
import { colLetters } from "../engine/read/normalise";
import { filePrefixed } from "../engine/output/formulas";
import { resolveSheetRefs } from "../engine/output/result-plan";

/** One style operation: a number format, a plan style, or the link font. */
export type StyleOp = { fmt: string } | { style: PlanSheet["styles"][number]["style"] } | { link: true };

/** Characters ExcelJS escapes in XML text (and control characters it drops). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g;
const XML_ESCAPE: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/** Text as ExcelJS writes it in XML: the five entities escaped, control characters other than tab and newlines gone. */
export function xmlText(s: string): string {
  return s.replace(XML_SPECIAL, (ch) => XML_ESCAPE[ch] ?? "");
}

/** The style keys of a sheet's cells, row by row: which number format, styles and link font reach a cell, in order. */
export class StyleSweep {
  /** every distinct key, in first-seen order, with its operations */
  readonly keys = new Map<string, StyleOp[]>();
  private readonly fmtRects: Array<{ rect: Rect; op: number }>;
  private readonly styleRects: Array<{ rect: Rect; op: number }>;
  private readonly linksByRow = new Map<number, number[]>();
  private readonly slaves = new Map<number, Array<{ left: number; right: number; master: string }>>();
  /** the operation table: a key is the list of operation indexes joined by "," */
  private readonly ops: StyleOp[] = [];
  private readonly opIndex = new Map<string, number>();

  constructor(p: PlanSheet) {
    this.fmtRects = p.numberFormats.map((f) => ({ rect: f.rect, op: this.op({ fmt: f.format }) }));
    this.styleRects = p.styles.map((s) => ({ rect: s.rect, op: this.op({ style: s.style }) }));
    for (const l of p.links) {
      const cols = this.linksByRow.get(l.row) ?? [];
      cols.push(l.col);
      this.linksByRow.set(l.row, cols);
    }
    // a merged area's other cells take the style of its top-left cell (as ExcelJS merges them, after styling)
    for (const m of p.merges) {
      const master = this.keyAt(m.top, m.left);
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.slaves.get(r) ?? [];
        list.push({ left: r === m.top ? m.left + 1 : m.left, right: m.right, master });
        this.slaves.set(r, list);
      }
    }
  }

  private op(o: StyleOp): number {
    const id = JSON.stringify(o);
    let i = this.opIndex.get(id);
    if (i === undefined) {
      i = this.ops.length;
      this.ops.push(o);
      this.opIndex.set(id, i);
    }
    return i;
  }

  private remember(key: string): string {
    if (key && !this.keys.has(key))
      this.keys.set(
        key,
        key.split(",").map((i) => this.ops[Number(i)]),
      );
    return key;
  }

  /** The key of one cell, from every rectangle (for the top-left cells of merged areas). */
  private keyAt(r: number, c: number): string {
    const inside = (x: Rect) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right;
    let fmt = -1;
    for (const f of this.fmtRects) if (inside(f.rect)) fmt = f.op;
    const parts = fmt >= 0 ? [fmt] : [];
    for (const s of this.styleRects) if (inside(s.rect)) parts.push(s.op);
    if (this.linksByRow.get(r)?.includes(c)) parts.push(this.op({ link: true }));
    return this.remember(parts.join(","));
  }

  /** The keys of row `r` ("" where no style reaches a cell), `width` cells wide. */
  row(r: number, width: number, active: { fmt: number[]; style: number[] }): string[] {
    const fmt = new Array<number>(width).fill(-1);
    for (const i of active.fmt) {
      const { rect, op } = this.fmtRects[i];
      for (let c = rect.left; c <= rect.right && c < width; c++) fmt[c] = op;
    }
    const parts: string[] = fmt.map((f) => (f >= 0 ? String(f) : ""));
    for (const i of active.style) {
      const { rect, op } = this.styleRects[i];
      for (let c = rect.left; c <= rect.right && c < width; c++) parts[c] = parts[c] ? `${parts[c]},${op}` : String(op);
    }
    const link = this.linksByRow.get(r);
    if (link) {
      const op = String(this.op({ link: true }));
      for (const c of link) if (c < width) parts[c] = parts[c] ? `${parts[c]},${op}` : op;
    }
    for (const s of this.slaves.get(r) ?? []) for (let c = s.left; c <= s.right && c < width; c++) parts[c] = s.master;
    for (const k of parts) if (k) this.remember(k);
    return parts;
  }

  /** Rectangles reaching each row, swept top to bottom (each list in the plan's order). */
  *activeRows(rows: number): Generator<{ fmt: number[]; style: number[] }> {
    const fmt = sweep(this.fmtRects.map((f) => f.rect));
    const style = sweep(this.styleRects.map((s) => s.rect));
    for (let r = 0; r < rows; r++) yield { fmt: fmt(r), style: style(r) };
  }

  /** Every key the sheet uses (one pass over the rows). */
  collect(rows: number, width: number): void {
    let r = 0;
    for (const active of this.activeRows(rows)) this.row(r++, width, active);
  }
}

/** For rows asked in increasing order, the indexes of the rectangles that reach the row, in their original order. */
function sweep(rects: Rect[]): (r: number) => number[] {
  const byTop = rects.map((_, i) => i).sort((a, b) => rects[a].top - rects[b].top);
  let next = 0;
  let active: number[] = [];
  return (r) => {
    let changed = false;
    while (next < byTop.length && rects[byTop[next]].top <= r) {
      active.push(byTop[next++]);
      changed = true;
    }
    const before = active.length;
    active = active.filter((i) => rects[i].bottom >= r);
    if (changed || active.length !== before) active.sort((a, b) => a - b);
    return active;
  };
}

/** The size of a plan sheet: rows and the widest row. */
export function sheetSize(p: PlanSheet): { rows: number; width: number } {
  let width = 0;
  for (const row of p.values) if (row.length > width) width = row.length;
  for (const r of [...p.numberFormats, ...p.styles]) width = Math.max(width, r.rect.right + 1);
  for (const x of [...(p.formulas ?? []), ...p.links, ...(p.notes ?? [])]) width = Math.max(width, x.col + 1);
  for (const m of p.merges) width = Math.max(width, m.right + 1);
  let rows = p.values.length;
  for (const r of [...p.numberFormats, ...p.styles]) rows = Math.max(rows, r.rect.bottom + 1);
  for (const x of [...(p.formulas ?? []), ...p.links, ...(p.notes ?? []), ...(p.rowHeights ?? [])])
    rows = Math.max(rows, x.row + 1);
  for (const h of p.filter?.hidden ?? []) rows = Math.max(rows, h + 1);
  return { rows, width };
}

/** Texts repeat (names, rules, clauses): their XML is kept for a while (the cache is emptied when it is full). */
const TEXTS = new Map<string, string>();
const TEXTS_MAX = 1 << 16;

/** A string cell: inline, with xml:space="preserve" where ExcelJS's shared strings have it. */
function inline(ref: string, s: string, text: string): string {
  let body = TEXTS.get(text);
  if (body === undefined) {
    const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
    body = `<is><t${space}>${xmlText(text)}</t></is>`;
    if (TEXTS.size >= TEXTS_MAX) TEXTS.clear();
    TEXTS.set(text, body);
  }
  return `<c r="${ref}"${s} t="inlineStr">${body}</c>`;
}

function valueCell(ref: string, s: string, v: PlanValue): string {
  if (v === null || v === undefined) return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return inline(ref, s, v);
}

function formulaCell(ref: string, s: string, formula: string, v: PlanValue): string {
  const f = `<f>${xmlText(formula)}</f>`;
  if (v === null || v === undefined) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof v === "number") return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${xmlText(v)}</v></c>`;
}

export interface RowsOptions {
  /** the sheet names the plan's sheets take (formulas name them) */
  names: Record<string, string>;
  /** the cell format index of a style key (0: none) */
  styleIndex: (key: string) => number;
  /** told the rows written so far, at each chunk */
  onRows?: (done: number, total: number) => void;
}

/** Lists of a plan sheet's cell items by row. */
function byRow<T extends { row: number }>(items: T[] | undefined): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of items ?? []) {
    const list = out.get(x.row);
    if (list) list.push(x);
    else out.set(x.row, [x]);
  }
  return out;
}

/**
 * The `<sheetData>` of a plan sheet, in chunks of rows (each chunk a string of about `chunk` characters), and the
 * range the rows cover for `<dimension>`.
 */
export function* sheetDataXml(p: PlanSheet, o: RowsOptions, sweepOf: StyleSweep, chunk = 1 << 20): Generator<string> {
  const { rows, width } = sheetSize(p);
  const letters = Array.from({ length: width }, (_, c) => colLetters(c));
  const formulas = byRow(p.formulas);
  const links = byRow(p.links);
  const heights = new Map((p.rowHeights ?? []).map((h) => [h.row, h.height]));
  const hidden = new Set(p.filter?.hidden ?? []);
  let out = "<sheetData>";
  let r = 0;
  for (const active of sweepOf.activeRows(rows)) {
    const keys = sweepOf.row(r, width, active);
    const values = p.values[r] ?? [];
    const cells = new Array<string>(width).fill("");
    for (let c = 0; c < width; c++) {
      const s = keys[c] ? o.styleIndex(keys[c]) : 0;
      cells[c] = valueCell(`${letters[c]}${r + 1}`, s ? ` s="${s}"` : "", values[c] ?? null);
    }
    for (const f of formulas.get(r) ?? []) {
      const s = keys[f.col] ? o.styleIndex(keys[f.col]) : 0;
      const formula = filePrefixed(resolveSheetRefs(f.formula, o.names));
      cells[f.col] = formulaCell(`${letters[f.col]}${r + 1}`, s ? ` s="${s}"` : "", formula, values[f.col] ?? null);
    }
    for (const l of links.get(r) ?? []) {
      const s = keys[l.col] ? o.styleIndex(keys[l.col]) : 0;
      cells[l.col] = inline(`${letters[l.col]}${r + 1}`, s ? ` s="${s}"` : "", String(values[l.col] ?? l.cell));
    }
    const body = cells.join("");
    const h = heights.get(r);
    if (body || h !== undefined || hidden.has(r)) {
      const ht = h !== undefined ? ` ht="${h}" customHeight="1"` : "";
      out += `<row r="${r + 1}"${ht}${hidden.has(r) ? ' hidden="1"' : ""}>${body}</row>`;
    }
    if (out.length >= chunk) {
      o.onRows?.(r + 1, rows);
      yield out;
      out = "";
    }
    r++;
  }
  TEXTS.clear();
  yield `${out}</sheetData>`;
}

/** The `<dimension>` reference of a plan sheet's rows. */
export function dimensionRef(p: PlanSheet): string {
  const { rows, width } = sheetSize(p);
  return rows && width ? `A1:${colLetters(width - 1)}${rows}` : "A1";
}
