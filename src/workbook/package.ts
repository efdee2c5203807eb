/**
 * The user's .xlsx as a package of parts (a zip of XML files), handled without re-serialising what we do not own.
 *
 * Reading: ExcelJS is given a reduced copy with only what reading needs (the workbook, its worksheets, styles,
 * shared strings and theme), the worksheets without their references to drawings, pictures, tables, controls and
 * hyperlinks, so that charts, images, comments and other parts made by any tool can never stop a workbook from
 * being read (ExcelJS fails on some of them, e.g. openpyxl's charts and comments).
 *
 * Writing: the result sheets are rendered by ExcelJS into a workbook of their own, then grafted into the user's
 * package: their sheet parts (strings made inline, styles re-indexed), their comments, a merged styles.xml (new
 * fonts, fills, borders, number formats and cell formats appended), the sheet entries, defined names, relationships
 * and content types. Every other part of the user's package is passed through byte for byte. Sheets that an
 * earlier run wrote (and only those) are taken out with the parts that only they used.
 *
 * Where the package does not have the form this needs, a PackageError says why; the caller can then offer to write
 * the results into a new workbook instead. Pure TypeScript (fflate), for node and the browser.
 */
import { WorkbookError } from "./port";
import { Deflate, deflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export type Parts = Record<string, Uint8Array>;

/** The package cannot take the result sheets without changing what is not ours: the reason, in either language. */
export class PackageError extends WorkbookError {}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = (t: string) => `${REL_NS}/${t}`;
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";

// ---------------------------------------------------------------------------------------------------------- XML bits

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** The attributes of one start tag (values unescaped). */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const head = tag.replace(/^<[^\s/>]+/, "");
  for (const m of head.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** Every element <tag …/> or <tag …>…</tag> (no nesting of the same tag), with its position. */
export function elements(xml: string, tag: string): Array<{ text: string; index: number }> {
  const re = new RegExp(`<${tag}\\b(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${tag}>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ text: m[0], index: m.index! }));
}

/** The section <tag …>inner</tag> or <tag …/>, or null. */
export function section(xml: string, tag: string): { start: number; end: number; open: string; inner: string } | null {
  const m = new RegExp(`<${tag}\\b([^>]*?)(/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  if (!m) return null;
  return { start: m.index, end: m.index + m[0].length, open: `<${tag}${m[1]}>`, inner: m[3] ?? "" };
}

export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${escapeXml(value)}"`);
}

// -------------------------------------------------------------------------------------------------- the package

export function unzipPackage(data: Uint8Array): Parts {
  const raw = unzipSync(data);
  const out: Parts = {};
  for (const [name, bytes] of Object.entries(raw)) if (!name.endsWith("/")) out[name.replace(/^\/+/, "")] = bytes;
  return out;
}

export function text(parts: Parts, name: string): string {
  const p = parts[name];
  if (!p) throw new PackageError("workbook.noPart", { name });
  return strFromU8(p);
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against its source part: "worksheets/sheet1.xml" from xl/workbook.xml. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const stack = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") stack.pop();
    else if (seg !== "." && seg !== "") stack.push(seg);
  }
  return stack.join("/");
}

/** The target of a relationship from `source` to `part`, relative as tools write it: "worksheets/sheet7.xml". */
function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  text: string;
}

function rels(parts: Parts, source: string): Rel[] {
  const p = parts[relsPartOf(source)];
  if (!p) return [];
  return elements(strFromU8(p), "Relationship").map((e) => {
    const a = attrs(e.text);
    return {
      id: a.Id,
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
      text: e.text,
    };
  });
}

const isType = (r: Rel, t: string) => r.type.endsWith(`/${t}`);

/** The workbook part named by the package's root relationships (normally xl/workbook.xml). */
export function workbookPart(parts: Parts): string {
  const r = rels(parts, "").find((x) => isType(x, "officeDocument"));
  const p = r ? resolveTarget("", r.target) : "xl/workbook.xml";
  if (!parts[p]) throw new PackageError("workbook.noWorkbookPart");
  return p;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state?: string;
  text: string;
  /** the part, or null when the relationship is missing */
  part: string | null;
  kind: "worksheet" | "other";
}

/**
 * The AutoFilter criterion ExcelJS cannot write: in each sheet of `parts` named in `filters`, its
 * <autoFilter ref="…"/> gains a custom filter "not equal to 0" on the column given (counted from the filter range's
 * first column), so that re-applying the filter in Excel, WPS or LibreOffice shows only the rows that are not 0.
 * Changes `parts` in place.
 */
export function addFilterCriteria(parts: Parts, filters: ReadonlyMap<string, number>): void {
  if (!filters.size) return;
  const names: string[] = [];
  sheetEntries(parts).forEach((e, index) => {
    const colId = filters.get(e.name);
    if (colId === undefined || !e.part || !parts[e.part]) return;
    const criterion =
      `<filterColumn colId="${colId}"><customFilters>` +
      `<customFilter operator="notEqual" val="0"/></customFilters></filterColumn>`;
    let ref = "";
    const xml = strFromU8(parts[e.part]).replace(/<autoFilter\b([^>]*?)\/>/, (m, a: string) => {
      ref = attrs(m).ref ?? "";
      return `<autoFilter${a}>${criterion}</autoFilter>`;
    });
    parts[e.part] = strToU8(xml);
    // the filter's range as Excel names it; LibreOffice finds a sheet's AutoFilter by this name
    const [from, to] = ref.split(":").map((x) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
    const sheet = `'${e.name.replace(/'/g, "''")}'`;
    if (from && to)
      names.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
          `${escapeXml(sheet)}!${from}:${to}</definedName>`,
      );
  });
  if (!names.length) return;
  const wbPart = workbookPart(parts);
  const wb = text(parts, wbPart);
  const dn = section(wb, "definedNames");
  parts[wbPart] = strToU8(
    dn && wb.slice(dn.start, dn.end).endsWith("</definedNames>")
      ? wb.slice(0, dn.end - "</definedNames>".length) + names.join("") + wb.slice(dn.end - "</definedNames>".length)
      : wb.replace(/<\/sheets>/, `</sheets><definedNames>${names.join("")}</definedNames>`),
  );
}

/** A package of parts zipped (the parts compressed). */
export function zipPackage(parts: Parts): Uint8Array {
  return zipSync(parts as Zippable);
}

/** The sheets the workbook lists, in order (worksheets, chart sheets, macro sheets…). */
export function sheetEntries(parts: Parts): SheetEntry[] {
  const wbPart = workbookPart(parts);
  const xml = text(parts, wbPart);
  const sheets = section(xml, "sheets");
  const rs = rels(parts, wbPart);
  return elements(sheets?.inner ?? "", "sheet").map((e) => {
    const a = attrs(e.text);
    const ridKey = Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== "sheetId") ?? "r:id";
    const rel = rs.find((r) => r.id === a[ridKey]);
    return {
      name: a.name ?? "",
      sheetId: Number(a.sheetId),
      rid: a[ridKey],
      state: a.state,
      text: e.text,
      part: rel && !rel.external ? resolveTarget(wbPart, rel.target) : null,
      kind: rel && isType(rel, "worksheet") ? "worksheet" : "other",
    };
  });
}

// ---------------------------------------------------------------------------------------------------------- reading

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const relsXml = (items: string[]) => `${XML_DECL}<Relationships xmlns="${RELS_NS}">${items.join("")}</Relationships>`;

/** Elements of a worksheet that reading does not need and that point at other parts. */
const SHEET_REFS = ["drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "tableParts"];

function readableSheet(xml: string): string {
  let out = xml;
  for (const tag of [...SHEET_REFS, "hyperlinks"])
    out = out.replace(new RegExp(`<${tag}\\b(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</${tag}>)`, "g"), "");
  return out;
}

/**
 * The package reduced to what reading needs, in the part names ExcelJS expects: xl/workbook.xml, worksheets as
 * xl/worksheets/sheetN.xml, styles, shared strings, theme — and, with `notes`, the cell notes (comments and their
 * VML, renamed as ExcelJS names them). Nothing else is handed to ExcelJS.
 */
export function readablePackage(parts: Parts, opts: { notes?: boolean } = {}): Uint8Array {
  const wbPart = workbookPart(parts);
  const out: Zippable = {};
  const relsOut: string[] = [];
  const rs = rels(parts, wbPart);
  let k = 0;
  let c = 0;
  for (const r of rs) {
    if (r.external) continue;
    const p = resolveTarget(wbPart, r.target);
    if (!parts[p]) continue;
    let target: string | null = null;
    if (isType(r, "worksheet")) {
      target = `worksheets/sheet${++k}.xml`;
      out[`xl/${target}`] = strToU8(readableSheet(strFromU8(parts[p])));
      const notes: string[] = [];
      if (opts.notes)
        for (const x of rels(parts, p)) {
          const src = resolveTarget(p, x.target);
          if (x.external || !parts[src]) continue;
          let t: string | null = null;
          if (isType(x, "comments")) t = `../comments${++c}.xml`;
          else if (isType(x, "vmlDrawing")) t = `../drawings/vmlDrawing${++c}.vml`;
          if (!t) continue;
          out[`xl/${t.slice(3)}`] = parts[src];
          notes.push(`<Relationship Id="${escapeXml(x.id)}" Type="${escapeXml(x.type)}" Target="${t}"/>`);
        }
      if (notes.length) out[`xl/worksheets/_rels/sheet${k}.xml.rels`] = strToU8(relsXml(notes));
    } else if (isType(r, "styles")) target = "styles.xml";
    else if (isType(r, "sharedStrings")) target = "sharedStrings.xml";
    else if (isType(r, "theme")) target = "theme/theme1.xml";
    if (!target) continue;
    if (!out[`xl/${target}`]) out[`xl/${target}`] = parts[p];
    relsOut.push(`<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${target}"/>`);
  }
  out["xl/workbook.xml"] = parts[wbPart];
  out["xl/_rels/workbook.xml.rels"] = strToU8(relsXml(relsOut));
  out["_rels/.rels"] = strToU8(
    relsXml([`<Relationship Id="rId1" Type="${REL("officeDocument")}" Target="xl/workbook.xml"/>`]),
  );
  if (parts["[Content_Types].xml"]) out["[Content_Types].xml"] = parts["[Content_Types].xml"];
  return zipSync(out, { level: 0 });
}

// ---------------------------------------------------------------------------------------------------------- styles

const STYLE_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
const STYLE_CHILD: Record<string, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** Append children to a section of styles.xml (creating it in schema order), updating its count. */
function appendTo(xml: string, sec: string, children: string[]): string {
  if (!children.length) return xml;
  const s = section(xml, sec);
  if (s) {
    const count = elements(s.inner, STYLE_CHILD[sec]).length + children.length;
    return (
      xml.slice(0, s.start) +
      setAttr(s.open, "count", String(count)) +
      s.inner +
      children.join("") +
      `</${sec}>` +
      xml.slice(s.end)
    );
  }
  const at = STYLE_ORDER.slice(STYLE_ORDER.indexOf(sec) + 1)
    .map((t) => section(xml, t)?.start ?? -1)
    .filter((i) => i >= 0);
  const pos = at.length ? Math.min(...at) : xml.lastIndexOf("</styleSheet>");
  if (pos < 0) throw new PackageError("workbook.stylesForm");
  return xml.slice(0, pos) + `<${sec} count="${children.length}">${children.join("")}</${sec}>` + xml.slice(pos);
}

/** Number formats: built-in ids (< 164) stay, custom ones by format code (reused when the user has the code). */
function mergeNumFmts(user: string[], ours: string[]): { fmtMap: Map<number, number>; newFmts: string[] } {
  const fmtMap = new Map<number, number>();
  const userFmts = user.map((t) => attrs(t));
  let nextFmt = Math.max(163, ...userFmts.map((a) => Number(a.numFmtId) || 0)) + 1;
  const newFmts: string[] = [];
  for (const t of ours) {
    const a = attrs(t);
    const id = Number(a.numFmtId);
    const same = userFmts.find((u) => u.formatCode === a.formatCode);
    if (same) fmtMap.set(id, Number(same.numFmtId));
    else {
      fmtMap.set(id, nextFmt);
      newFmts.push(`<numFmt numFmtId="${nextFmt}" formatCode="${escapeXml(a.formatCode ?? "General")}"/>`);
      nextFmt++;
    }
  }
  return { fmtMap, newFmts };
}

/** Where our number formats, fonts, fills and borders went in the merged styles. */
interface StyleMaps {
  fmtMap: Map<number, number>;
  fonts: number[];
  fills: number[];
  borders: number[];
}

/** The index of an entry in the merged list: where it already is (`have`, then `added`), else appended to `added`. */
function indexOrAppend(have: string[], added: string[], t: string): number {
  const i = have.indexOf(t);
  if (i >= 0) return i;
  const j = added.indexOf(t);
  if (j >= 0) return have.length + j;
  added.push(t);
  return have.length + added.length - 1;
}

/** Cell formats re-pointed at the merged lists, on the user's Normal style; identical ones reused. */
function mergeXfs(haveXf: string[], oursXf: string[], m: StyleMaps): { xf: number[]; addedXf: string[] } {
  const addedXf: string[] = [];
  const xf = oursXf.map((t, i) => {
    if (i === 0) return 0; // the default format: the user's own default
    const head = /^<xf\b[^>]*?\/?>/.exec(t)![0];
    const a = attrs(head);
    let h = head;
    const id = Number(a.numFmtId ?? 0);
    h = setAttr(h, "numFmtId", String(m.fmtMap.get(id) ?? id));
    h = setAttr(h, "fontId", String(m.fonts[Number(a.fontId ?? 0)] ?? 0));
    h = setAttr(h, "fillId", String(m.fills[Number(a.fillId ?? 0)] ?? 0));
    h = setAttr(h, "borderId", String(m.borders[Number(a.borderId ?? 0)] ?? 0));
    h = setAttr(h, "xfId", "0");
    return indexOrAppend(haveXf, addedXf, h + t.slice(head.length));
  });
  return { xf, addedXf };
}

/**
 * Merge the result workbook's styles into the user's: returns the new styles.xml and the maps from the result's
 * cell format (xf) and differential format (dxf) indexes to the merged ones. Identical entries are reused, so that
 * running again does not grow the file.
 */
export function mergeStyles(user: string, ours: string): { xml: string; xf: number[]; dxf: number[] } {
  if (!section(user, "cellXfs")) throw new PackageError("workbook.stylesNoXfs");
  let xml = user;
  const list = (x: string, sec: string) => elements(section(x, sec)?.inner ?? "", STYLE_CHILD[sec]).map((e) => e.text);
  const { fmtMap, newFmts } = mergeNumFmts(list(user, "numFmts"), list(ours, "numFmts"));
  xml = appendTo(xml, "numFmts", newFmts);
  // fonts, fills, borders, dxfs: reuse an identical entry or append
  const merge = (sec: string): number[] => {
    const have = list(xml, sec);
    const added: string[] = [];
    const map = list(ours, sec).map((t) => indexOrAppend(have, added, t));
    xml = appendTo(xml, sec, added);
    return map;
  };
  const fonts = merge("fonts");
  const fills = merge("fills");
  const borders = merge("borders");
  const dxf = merge("dxfs");
  // cell formats: re-pointed at the merged lists, on the user's Normal style
  const { xf, addedXf } = mergeXfs(list(xml, "cellXfs"), list(ours, "cellXfs"), { fmtMap, fonts, fills, borders });
  xml = appendTo(xml, "cellXfs", addedXf);
  return { xml, xf, dxf };
}

// ---------------------------------------------------------------------------------------------------------- grafting

export interface GraftOptions {
  /** sheets (by name) to take out of the user's package first: ZoneScore's own from an earlier run */
  removeSheets: string[];
  /** defined names to take out (ZoneScore's markers and settings name) */
  removeNames: (name: string) => boolean;
  /** parts of `user` that were changed here (cells set by 应用建议): written anew, never copied from the user's zip */
  changed?: ReadonlySet<string>;
  /**
   * sheets of ours (by name) whose rows are written here, in chunks, in place of the skeleton's `<sheetData>`: the
   * range of the rows, and the rows given the map from our cell format indexes to the merged ones
   */
  streamed?: Record<string, StreamedRows>;
  /** sheets of ours that are not added (the palette of cell formats the streamed rows use) */
  skipSheets?: string[];
  /** the deflate level of the streamed sheets (default 3) */
  level?: number;
}

export interface StreamedRows {
  dimension: string;
  rows: (xf: (ours: number) => number) => Iterable<string>;
}

function uniqueName(taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const p = make(n);
    if (!taken.has(p.toLowerCase())) {
      taken.add(p.toLowerCase());
      return p;
    }
  }
}

/** Insert before the first of these tags found after `from`, else before `fallback`. */
function insertBefore(xml: string, from: number, tags: string[], fallback: string, insert: string): string {
  const at = tags.map((t) => xml.indexOf(`<${t}`, from)).filter((i) => i >= 0);
  const pos = at.length ? Math.min(...at) : xml.lastIndexOf(fallback);
  if (pos < 0) throw new PackageError("workbook.workbookForm");
  return xml.slice(0, pos) + insert + xml.slice(pos);
}

/** The package being grafted: the user's parts, ours, and the parts and texts that change. */
interface Graft {
  user: Parts;
  ours: Parts;
  /** the new package's parts (the user's, less what is taken out, plus what is added) */
  out: Parts;
  wbPart: string;
  wbRels: string;
  wbXml: string;
  relsText: string;
  ct: string;
  /** parts written already compressed (the streamed sheets) */
  deflated: Map<string, RawEntry>;
}

/** What grafting our sheets adds to the workbook, its relationships and the content types. */
interface Added {
  sheets: string[];
  rels: string[];
  ct: string[];
}

/**
 * Graft the sheets of `ours` (a package ExcelJS wrote holding only the result sheets) into the user's package.
 * Returns the new package; the user's parts other than the workbook, its relationships, the content types and the
 * styles are passed through unchanged.
 */
export function graft(user: Parts, ours: Parts, opts: GraftOptions, userZip?: Uint8Array): Uint8Array {
  const g = openGraft(user, ours);
  // 1. take out the sheets of an earlier run, with the parts only they used
  const entries = sheetEntries(user);
  const removeIdx = entries.map((e, i) => (opts.removeSheets.includes(e.name) ? i : -1)).filter((i) => i >= 0);
  removeSheets(g, entries, removeIdx);
  renumberNamesAndViews(g, opts, removeIdx);
  const kept = entries.length - removeIdx.length;
  // 2. styles
  const styles = graftStyles(g);
  // 3. add our sheets
  const added = addSheets(g, styles, Math.max(0, ...entries.map((e) => e.sheetId || 0)), opts);
  // 4. the workbook: sheets, names; relationships; content types
  insertSheets(g, added.sheets);
  insertNames(g, kept);
  const { out, wbPart, wbRels, relsText, ct } = g;
  out[wbPart] = strToU8(g.wbXml);
  out[wbRels] = strToU8(
    /<Relationships\b[^>]*\/>\s*$/.test(relsText)
      ? relsXml(added.rels)
      : relsText.replace(/<\/Relationships>\s*$/, `${added.rels.join("")}</Relationships>`),
  );
  out["[Content_Types].xml"] = strToU8(ct.replace(/<\/Types>\s*$/, `${added.ct.join("")}</Types>`));
  return repack(out, user, userZip, opts.changed, g.deflated);
}

/**
 * The parts as a zip: those still the user's (the same bytes as in `user`, not in `changed`) are copied compressed
 * as they were in `userZip`; only new and changed parts are compressed.
 */
export function repack(
  out: Parts,
  user: Parts,
  userZip?: Uint8Array,
  changed?: ReadonlySet<string>,
  deflated: ReadonlyMap<string, RawEntry> = new Map(),
): Uint8Array {
  const raw = userZip ? rawEntries(userZip) : new Map<string, RawEntry>();
  return writeZip(
    Object.entries(out).map(([name, bytes]) => {
      const d = deflated.get(name);
      if (d) return d;
      const r = raw.get(name);
      return r && bytes === user[name] && !changed?.has(name) && r.usize === bytes.length ? r : fresh(name, bytes);
    }),
  );
}

/**
 * 应用建议 in a file: `text` into the cell `ref` of the user's sheet `sheet`, as an inline string keeping the cell's
 * style. Returns the sheet's part with only that cell changed (the caller keeps it until the file is written). The
 * cell must hold a value already (it is the one a finding pointed at); a formula is never overwritten.
 */
export function setCellInPart(
  parts: Parts,
  sheet: string,
  ref: string,
  text: string,
): { part: string; xml: Uint8Array } {
  const entry = sheetEntries(parts).find((e) => e.name === sheet && e.kind === "worksheet");
  if (!/^[A-Z]{1,3}[1-9]\d*$/.test(ref) || !entry?.part || !parts[entry.part])
    throw new PackageError("workbook.noCell", { sheet, cell: ref });
  const xml = strFromU8(parts[entry.part]);
  const re = new RegExp(`<(\\w+:)?c\\b[^>]*?\\sr="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</\\1?c>)`);
  const m = re.exec(xml);
  if (!m) throw new PackageError("workbook.noCell", { sheet, cell: ref });
  const prefix = m[1] ?? "";
  if (new RegExp(`<${prefix}f\\b`).test(m[0])) throw new PackageError("workbook.cellFormula", { sheet, cell: ref });
  const style = attrs(/^<[^>]*?\/?>/.exec(m[0])![0]).s;
  const cell =
    `<${prefix}c r="${ref}"${style === undefined ? "" : ` s="${escapeXml(style)}"`} t="inlineStr">` +
    `<${prefix}is><${prefix}t xml:space="preserve">${escapeXml(text)}</${prefix}t></${prefix}is></${prefix}c>`;
  return { part: entry.part, xml: strToU8(xml.slice(0, m.index) + cell + xml.slice(m.index + m[0].length)) };
}

/** The user's workbook, its relationships and content types, once the workbook is of a form grafting can take. */
function openGraft(user: Parts, ours: Parts): Graft {
  const wbPart = workbookPart(user);
  const wbRels = relsPartOf(wbPart);
  const wbXml = text(user, wbPart);
  const relsText = user[wbRels] ? strFromU8(user[wbRels]) : relsXml([]);
  const ct = text(user, "[Content_Types].xml");
  const rootTag = /<(\w+:)?workbook\b[^>]*>/.exec(wbXml);
  if (!rootTag || rootTag[1]) throw new PackageError("workbook.prefixed");
  if (attrs(rootTag[0]).xmlns !== MAIN_NS) throw new PackageError("workbook.strict");
  return { user, ours, out: { ...user }, wbPart, wbRels, wbXml, relsText, ct, deflated: new Map() };
}

/** Takes the sheets at `removeIdx` out of the workbook, with the parts only they used. */
function removeSheets(g: Graft, entries: SheetEntry[], removeIdx: number[]): void {
  const removedParts = new Set<string>();
  for (const i of removeIdx) {
    const e = entries[i];
    g.wbXml = g.wbXml.replace(e.text, "");
    const rel = elements(g.relsText, "Relationship").find((r) => attrs(r.text).Id === e.rid);
    if (rel) g.relsText = g.relsText.replace(rel.text, "");
    if (e.part) {
      removedParts.add(e.part);
      for (const r of rels(g.user, e.part)) if (!r.external) removedParts.add(resolveTarget(e.part, r.target));
      removedParts.add(relsPartOf(e.part));
    }
  }
  if (removeIdx.length) dropParts(g, removedParts);
}

/** Deletes the removed sheets' parts that no other part uses, and the calculation chain. */
function dropParts(g: Graft, removedParts: Set<string>): void {
  // parts still used by a relationship of another part stay
  for (const [name, bytes] of Object.entries(g.user)) {
    if (!name.endsWith(".rels") || removedParts.has(name) || name === g.wbRels) continue;
    const src = name.replace(/_rels\/([^/]+)\.rels$/, "$1");
    for (const r of elements(strFromU8(bytes), "Relationship")) {
      const a = attrs(r.text);
      if (a.TargetMode !== "External" && a.Target) removedParts.delete(resolveTarget(src, a.Target));
    }
  }
  // the calculation chain is a cache that names sheets by id: Excel rebuilds it
  const calc = rels(g.user, g.wbPart).find((r) => isType(r, "calcChain"));
  if (calc) {
    removedParts.add(resolveTarget(g.wbPart, calc.target));
    g.relsText = g.relsText.replace(calc.text, "");
  }
  for (const p of removedParts) {
    delete g.out[p];
    g.ct = g.ct.replace(
      new RegExp(`<Override\\b[^>]*PartName="/${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`, "i"),
      "",
    );
  }
}

/**
 * Defined names: drop ZoneScore's and those local to a removed sheet; renumber the other local ones. The workbook
 * views: the active and first tab keep pointing at the same sheets.
 */
function renumberNamesAndViews(g: Graft, opts: GraftOptions, removeIdx: number[]): void {
  const shift = (idx: number) => idx - removeIdx.filter((i) => i < idx).length;
  g.wbXml = g.wbXml.replace(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g, (d) => {
    const a = attrs(/^<definedName\b[^>]*>/.exec(d)![0]);
    if (opts.removeNames(a.name ?? "")) return "";
    if (a.localSheetId === undefined) return d;
    const idx = Number(a.localSheetId);
    if (removeIdx.includes(idx)) return "";
    return d.replace(/^<definedName\b[^>]*>/, (h) => setAttr(h, "localSheetId", String(shift(idx))));
  });
  g.wbXml = g.wbXml.replace(/<workbookView\b[^>]*>/g, (v) => {
    let t = v;
    for (const k of ["activeTab", "firstSheet"]) {
      const a = attrs(t)[k];
      if (a !== undefined) t = setAttr(t, k, String(removeIdx.includes(Number(a)) ? 0 : shift(Number(a))));
    }
    return t;
  });
}

/** Our styles merged into the user's styles.xml (written into the new package). */
function graftStyles(g: Graft): ReturnType<typeof mergeStyles> {
  const { user, ours, wbPart } = g;
  const stylesRel = rels(user, wbPart).find((r) => isType(r, "styles"));
  const stylesPart = stylesRel ? resolveTarget(wbPart, stylesRel.target) : null;
  if (!stylesPart || !user[stylesPart]) throw new PackageError("workbook.noStyles");
  const oursWb = workbookPart(ours);
  const oursStylesRel = rels(ours, oursWb).find((r) => isType(r, "styles"));
  const styles = mergeStyles(
    strFromU8(user[stylesPart]),
    oursStylesRel ? text(ours, resolveTarget(oursWb, oursStylesRel.target)) : "<styleSheet><cellXfs/></styleSheet>",
  );
  g.out[stylesPart] = strToU8(styles.xml);
  return styles;
}

/** The shared strings of our package, to be written inline. */
export function sharedStrings(ours: Parts): string[] {
  const oursWb = workbookPart(ours);
  const ssRel = rels(ours, oursWb).find((r) => isType(r, "sharedStrings"));
  return ssRel
    ? elements(text(ours, resolveTarget(oursWb, ssRel.target)), "si").map((e) =>
        e.text.replace(/^<si\b[^>]*>/, "").replace(/<\/si>$/, ""),
      )
    : [];
}

/** Adds our worksheets (and their comments) as new parts; returns what the workbook must list. */
function addSheets(g: Graft, styles: ReturnType<typeof mergeStyles>, lastSheetId: number, opts: GraftOptions): Added {
  const shared = sharedStrings(g.ours);
  const oursSheets = sheetEntries(g.ours);
  const taken = new Set(Object.keys(g.out).map((p) => p.toLowerCase()));
  const ridTaken = new Set(elements(g.relsText, "Relationship").map((r) => attrs(r.text).Id));
  let sheetId = lastSheetId;
  const added: Added = { sheets: [], rels: [], ct: [] };
  for (const e of oursSheets) {
    if (!e.part || e.kind !== "worksheet" || opts.skipSheets?.includes(e.name)) continue;
    const part = uniqueName(taken, (n) => `xl/worksheets/sheet${n}.xml`);
    const sheetRels = copySheetParts(g, e.part, part, taken, added.ct);
    const xml = restyleSheet(text(g.ours, e.part), shared, styles);
    const streamed = opts.streamed?.[e.name];
    if (streamed) {
      const xf = (i: number) => styles.xf[i] ?? 0;
      g.out[part] = new Uint8Array(0);
      g.deflated.set(part, streamedPart(part, xml, streamed, streamed.rows(xf), opts.level ?? 3));
    } else g.out[part] = strToU8(xml);
    if (sheetRels.length) g.out[relsPartOf(part)] = strToU8(relsXml(sheetRels));
    added.ct.push(`<Override PartName="/${part}" ContentType="${CT_SHEET}"/>`);
    let rid = "";
    for (let n = 1; !rid || ridTaken.has(rid); n++) rid = `rIdZs${n}`;
    ridTaken.add(rid);
    added.rels.push(
      `<Relationship Id="${rid}" Type="${REL("worksheet")}" Target="${relativeTarget(g.wbPart, part)}"/>`,
    );
    const state = e.state && e.state !== "visible" ? ` state="${escapeXml(e.state)}"` : "";
    added.sheets.push(
      `<sheet name="${escapeXml(e.name)}" sheetId="${++sheetId}"${state} xmlns:r="${REL_NS}" r:id="${rid}"/>`,
    );
  }
  return added;
}

/** A skeleton sheet with its `<sheetData>` and `<dimension>` replaced by the streamed rows, compressed as written. */
function streamedPart(name: string, xml: string, s: StreamedRows, rows: Iterable<string>, level: number): RawEntry {
  const at = /<sheetData\s*\/>|<sheetData\b[^>]*>[\s\S]*?<\/sheetData>/.exec(xml);
  if (!at) throw new Error(`the result sheet ${name} has no sheetData`);
  const head = xml.slice(0, at.index).replace(/<dimension\b[^>]*\/>/, `<dimension ref="${s.dimension}"/>`);
  const tail = xml.slice(at.index + at[0].length);
  return deflatedEntry(name, [head, rows, tail], level);
}

/** A zip entry compressed from text given in chunks (never held whole). */
function deflatedEntry(name: string, chunks: Array<string | Iterable<string>>, level: number): RawEntry {
  const out: Uint8Array[] = [];
  let size = 0;
  const d = new Deflate({ level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }, (data) => {
    out.push(data);
    size += data.length;
  });
  let crc = -1;
  let usize = 0;
  const enc = new TextEncoder();
  const push = (s: string) => {
    const u = enc.encode(s);
    crc = crcUpdate(crc, u);
    usize += u.length;
    d.push(u);
  };
  for (const c of chunks) {
    if (typeof c === "string") push(c);
    else for (const s of c) push(s);
  }
  d.push(new Uint8Array(0), true);
  const data = new Uint8Array(size);
  let p = 0;
  for (const o of out) {
    data.set(o, p);
    p += o.length;
  }
  return { ...stamped(name), crc: (crc ^ -1) >>> 0, usize, data };
}

/** A sheet of ours with its strings inline and its style indexes pointing at the merged styles. */
function restyleSheet(xml: string, shared: string[], styles: ReturnType<typeof mergeStyles>): string {
  const xf = (_m: string, a: string, s: string, b: string) => `${a}${styles.xf[Number(s)] ?? 0}${b}`;
  return (
    xml
      .replace(/<c\b([^>]*?)\bt="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_m, a: string, b: string, i: string) => {
        const si = shared[Number(i)];
        if (si === undefined) throw new Error(`shared string ${i} missing`);
        return `<c${a}t="inlineStr"${b}><is>${si}</is></c>`;
      })
      .replace(/(<c\b[^>]*?\bs=")(\d+)(")/g, xf)
      .replace(/(<row\b[^>]*?\bs=")(\d+)(")/g, xf)
      .replace(/(<col\b[^>]*?\bstyle=")(\d+)(")/g, xf)
      .replace(
        /(<cfRule\b[^>]*?\bdxfId=")(\d+)(")/g,
        (_m, a: string, s: string, b: string) => `${a}${styles.dxf[Number(s)] ?? 0}${b}`,
      )
      // never selected together with the user's active sheet (that would group the sheets)
      .replace(/\stabSelected="(1|true)"/g, "")
  );
}

/** The sheet's own parts: comments and their drawing (notes), links outside the file; returns its relationships. */
function copySheetParts(g: Graft, src: string, part: string, taken: Set<string>, newCt: string[]): string[] {
  const sheetRels: string[] = [];
  for (const r of rels(g.ours, src)) {
    if (r.external) {
      sheetRels.push(r.text);
      continue;
    }
    const from = resolveTarget(src, r.target);
    let dest: string;
    if (isType(r, "comments")) {
      dest = uniqueName(taken, (n) => `xl/comments${n}.xml`);
      newCt.push(`<Override PartName="/${dest}" ContentType="${CT_COMMENTS}"/>`);
    } else if (isType(r, "vmlDrawing")) {
      dest = uniqueName(taken, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      newCt.push(`<Override PartName="/${dest}" ContentType="${CT_VML}"/>`);
    } else throw new Error(`unexpected part in a result sheet: ${r.type}`);
    if (!g.ours[from]) throw new Error(`the result sheet's part ${from} is missing`);
    g.out[dest] = g.ours[from];
    sheetRels.push(
      `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${relativeTarget(part, dest)}"/>`,
    );
  }
  return sheetRels;
}

/** Our sheet entries at the end of the workbook's sheet list. */
function insertSheets(g: Graft, newSheets: string[]): void {
  const sheets = section(g.wbXml, "sheets");
  if (!sheets) throw new PackageError("workbook.noSheets");
  g.wbXml =
    g.wbXml
      .slice(0, sheets.end)
      .replace(/(<\/sheets>|<sheets\b[^>]*\/>)$/, (m) =>
        m.endsWith("/>") ? `${m.slice(0, -2)}>${newSheets.join("")}</sheets>` : `${newSheets.join("")}</sheets>`,
      ) + g.wbXml.slice(sheets.end);
}

/** The elements that may follow definedNames in workbook.xml, in order. */
export const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Our defined names (local ones renumbered after the `kept` sheets of the user) into the workbook's. */
function insertNames(g: Graft, kept: number): void {
  const oursWb = workbookPart(g.ours);
  const ourNames = elements(section(text(g.ours, oursWb), "definedNames")?.inner ?? "", "definedName").map((d) => {
    const a = attrs(/^<definedName\b[^>]*>/.exec(d.text)![0]);
    return a.localSheetId === undefined
      ? d.text
      : d.text.replace(/^<definedName\b[^>]*>/, (h) =>
          setAttr(h, "localSheetId", String(kept + Number(a.localSheetId))),
        );
  });
  if (!ourNames.length) return;
  const dn = section(g.wbXml, "definedNames");
  if (dn && dn.inner.trim())
    g.wbXml =
      g.wbXml.slice(0, dn.end - "</definedNames>".length) +
      ourNames.join("") +
      g.wbXml.slice(dn.end - "</definedNames>".length);
  else {
    if (dn) g.wbXml = g.wbXml.slice(0, dn.start) + g.wbXml.slice(dn.end);
    const after = section(g.wbXml, "sheets")!.end;
    const insert = `<definedNames>${ourNames.join("")}</definedNames>`;
    g.wbXml = insertBefore(g.wbXml, after, AFTER_DEFINED_NAMES, "</workbook>", insert);
  }
}

// ---------------------------------------------------------------------------------------------------------- zip

/** One zip entry: compressed data with what the directory says about it. */
export interface RawEntry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  usize: number;
  data: Uint8Array;
}

/** CRC-32 tables for four bytes at a time: T[k][n] is the CRC of byte n followed by k zero bytes. */
const CRC_TABLES = (() => {
  const t = [0, 1, 2, 3].map(() => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c;
  }
  for (let k = 1; k < 4; k++) for (let n = 0; n < 256; n++) t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][t[k - 1][n] & 0xff];
  return t;
})();

/** The running CRC-32 (before the final inversion) after `d`, four bytes a step. */
export function crcUpdate(crc: number, d: Uint8Array): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = crc;
  let i = 0;
  for (const end = d.length - 3; i < end; i += 4) {
    c ^= d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < d.length; i++) c = t0[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export function crc32(d: Uint8Array): number {
  return (crcUpdate(-1, d) ^ -1) >>> 0;
}

function fresh(name: string, bytes: Uint8Array): RawEntry {
  return { ...stamped(name), crc: crc32(bytes), usize: bytes.length, data: deflateSync(bytes, { level: 6 }) };
}

/** An entry's name, method (deflate) and time stamp (now). */
function stamped(name: string): Pick<RawEntry, "name" | "method" | "flags" | "time" | "date"> {
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  return { name, method: 8, flags: 0, time, date };
}

/** The entries of a zip as stored (compressed data untouched), from its central directory; empty for Zip64. */
export function rawEntries(zip: Uint8Array): Map<string, RawEntry> {
  const out = new Map<string, RawEntry>();
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--)
    if (v.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return out;
  const count = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) return out;
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || v.getUint32(p, true) !== 0x02014b50) return new Map();
    const q = p;
    const flags = v.getUint16(q + 8, true);
    const method = v.getUint16(q + 10, true);
    const csize = v.getUint32(q + 20, true);
    const n = v.getUint16(q + 28, true);
    const local = v.getUint32(q + 42, true);
    const name = dec.decode(zip.subarray(q + 46, q + 46 + n)).replace(/^\/+/, "");
    p += 46 + n + v.getUint16(q + 30, true) + v.getUint16(q + 32, true);
    if (flags & 1 || (method !== 0 && method !== 8) || local + 30 > zip.length) continue;
    if (v.getUint32(local, true) !== 0x04034b50) continue;
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    if (start + csize > zip.length) continue;
    out.set(name, {
      name,
      method,
      flags: flags & 0x0800,
      time: v.getUint16(q + 12, true),
      date: v.getUint16(q + 14, true),
      crc: v.getUint32(q + 16, true),
      usize: v.getUint32(q + 24, true),
      data: zip.subarray(start, start + csize),
    });
  }
  return out;
}

/** A zip of these entries (no data descriptors, no Zip64: a workbook part over 4 GB is not a workbook). */
function writeZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((x) => enc.encode(x.name));
  const size = entries.reduce((a, x, i) => a + 30 + names[i].length + x.data.length + 46 + names[i].length, 0) + 22;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  const header = (x: RawEntry, at: number, utf8: boolean) => {
    v.setUint16(at, 20, true);
    v.setUint16(at + 2, x.flags | (utf8 ? 0x0800 : 0), true);
    v.setUint16(at + 4, x.method, true);
    v.setUint16(at + 6, x.time, true);
    v.setUint16(at + 8, x.date, true);
    v.setUint32(at + 10, x.crc, true);
    v.setUint32(at + 14, x.data.length, true);
    v.setUint32(at + 18, x.usize, true);
  };
  entries.forEach((x, i) => {
    const utf8 = names[i].some((b) => b > 0x7f);
    offsets.push(p);
    v.setUint32(p, 0x04034b50, true);
    header(x, p + 4, utf8);
    v.setUint16(p + 26, names[i].length, true);
    v.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(x.data, p + 30 + names[i].length);
    p += 30 + names[i].length + x.data.length;
  });
  const cd = p;
  entries.forEach((x, i) => {
    const utf8 = names[i].some((b) => b > 0x7f);
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true);
    header(x, p + 6, utf8);
    v.setUint16(p + 28, names[i].length, true);
    // extra, comment, disk, internal and external attributes: 0
    v.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, entries.length, true);
  v.setUint16(p + 10, entries.length, true);
  v.setUint32(p + 12, p - cd, true);
  v.setUint32(p + 16, cd, true);
  return out;
}
