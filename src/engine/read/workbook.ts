/**
 * workbook sheets → typed tables. Finds each table of the scheme by its headers, maps columns (name, synonyms,
 * unit, year), reads values the way officials type them, and reports every problem at its cell. Pure.
 */
import type { CellValue, Issue, Lang, SheetData } from "../types";
import type { ColumnSpecT, ParamSpecT, Scheme, TableSpecT } from "../scheme/schema";
import { TableRow, type Dataset, type FieldValue, type ParamValue, type Row, type Table } from "../dataset";
import { cellAt, findTable, isBlank, lastCol, lastRow, type HeaderColumn, type RawTable } from "./table";
import { a1, displayName, nameKey, parseA1, parseHeader } from "./normalise";
import { runChecks } from "./checks";
import { cellText, formatKind, readBool, readNumber, serialToIso } from "./values";
import { unitFactor } from "./units";
import { expected, message } from "../messages";
import { usccCheckChar, usccProblem } from "./uscc";
import { roundTo } from "../format";
import { SCHEME_SHEETS } from "../scheme/sheet-names";
import { t as say } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";

export interface ReadOptions {
  /** overrides the 考评年度 parameter */
  year?: number;
  lang?: Lang;
  /** the user's confirmed mapping and aliases (saved in the workbook, or a file given to the command line) */
  mapping?: MappingFile;
}

/** What the user confirmed: which sheet is which table, which column is which indicator, and name aliases. */
export interface MappingFile {
  tables?: Record<string, { sheet?: string; columns?: Record<string, string> }>;
  /** alias → the entity's name as in the entity table (e.g. 高新区 → 淮北高新技术产业开发区) */
  aliases?: Record<string, string>;
}

/** The mapping the reader used, with a confidence per column: shown to the user to confirm or change. */
export interface ResolvedTable {
  table: string;
  name: string;
  sheet: string;
  headerRows: [number, number];
  columns: Array<{
    id: string;
    name: string;
    required: boolean;
    column: string | null;
    header: string | null;
    confidence: number;
    unit?: string;
    factor?: number;
  }>;
  /** header columns no indicator claimed */
  unmapped: Array<{ column: string; header: string }>;
  /** every header column of the sheet, for choosing another */
  headers: Array<{ column: string; header: string }>;
}

export interface ReadResult {
  dataset: Dataset | null;
  issues: Issue[];
  mapping: ResolvedTable[];
}

export interface Mapping {
  spec: ColumnSpecT;
  col: number;
  factor: number;
  header: string;
  /** 1 for the exact name or a column the user chose, less for a synonym, a converted unit or a unit from a note */
  confidence: number;
  unit?: string;
  fromNote?: boolean;
}

export interface RawInfo {
  sheet: SheetData;
  raw: RawTable;
  mapping: Map<string, Mapping>;
}

export class Issues {
  readonly list: Issue[] = [];
  constructor(readonly lang: Lang) {}
  add(
    severity: Issue["severity"],
    code: string,
    sheet: string,
    cell: string,
    p: Record<string, string | number> = {},
    value?: string,
    fix?: string,
  ): void {
    const issue: Issue = { severity, code, sheet, cell, message: message(this.lang, code, p) };
    if (value !== undefined) issue.value = value;
    if (fix !== undefined) issue.fix = fix;
    this.list.push(issue);
  }
}

const YEAR_PARAM: ParamSpecT = {
  id: "year",
  name: "考评年度",
  synonyms: ["考核年度", "评价年度"],
  type: "number",
  required: true,
};

/** Sheets that carry a scheme (zonescore scheme export --format xlsx) are not input data. */
const SCHEME_SHEET_NAMES: ReadonlySet<string> = new Set(SCHEME_SHEETS);

/** What every step of reading works with. */
interface ReadCtx {
  scheme: Scheme;
  opts: ReadOptions;
  lang: Lang;
  issues: Issues;
  /** the evaluation year: it decides which year columns are "this year" */
  evalYear: number;
}

export function readWorkbook(allSheets: readonly SheetData[], scheme: Scheme, opts: ReadOptions = {}): ReadResult {
  const lang = opts.lang ?? "zh";
  const sheets = allSheets.filter((s) => !SCHEME_SHEET_NAMES.has(s.name));
  const issues = new Issues(lang);

  // 1. parameters (the year first: it decides which year columns are "this year"); every scheme has a year
  const paramSpecs = scheme.params.some((p) => p.id === "year") ? scheme.params : [YEAR_PARAM, ...scheme.params];
  const params = readParams(sheets, paramSpecs, issues);
  const found = yearOfRun(params, opts, lang);
  if (!found) {
    const yearName = schemeWord(scheme, lang, paramSpecs.find((p) => p.id === "year")!.name);
    issues.add("error", "missing-year", "", "", { sheet: say(lang, "read.paramSheet"), param: yearName });
    return { dataset: null, issues: issues.list, mapping: [] };
  }
  const ctx: ReadCtx = { scheme, opts, lang, issues, evalYear: found.year };

  // 2. find each table: the sheet whose header maps the most of its columns
  const given = opts.mapping?.tables ?? {};
  const chosen = chooseSheets(scheme, findCandidates(ctx, sheets), given, ctx.evalYear, issues);
  // 3. read the tables the sheets hold
  const { tables, rawTables, resolved, fatal: missing } = readTables(ctx, chosen);
  // 4. link the tables' rows to the units, derive fields, complete the parameters
  const entities = tables[scheme.entityTable];
  const unlinked = entities ? linkEntities(ctx, tables, entities) : false;
  deriveFields(scheme, tables);
  completeParams(ctx, tables, params);

  if (entities) runChecks(scheme, tables, rawTables, issues);
  if (missing || unlinked || !entities) return { dataset: null, issues: issues.list, mapping: resolved };
  return {
    dataset: { year: ctx.evalYear, yearSource: found.source, entityTable: scheme.entityTable, tables, params },
    issues: issues.list,
    mapping: resolved,
  };
}

/** The evaluation year and where it came from: the command line's --year, or the workbook's 考评年度. */
function yearOfRun(
  params: Record<string, ParamValue>,
  opts: ReadOptions,
  lang: Lang,
): { year: number; source: string } | undefined {
  if (opts.year !== undefined) return { year: opts.year, source: say(lang, "read.yearFromCli") };
  if (params.year && typeof params.year.value === "number")
    return { year: params.year.value, source: `${params.year.sheet}!${params.year.cell}` };
  return undefined;
}

/** Every sheet that holds a table of the scheme (by its key column), scored by how many of its columns it maps. */
function findCandidates(ctx: ReadCtx, sheets: readonly SheetData[]): Candidate[] {
  const { scheme, issues, evalYear } = ctx;
  const candidates: Candidate[] = [];
  const given = ctx.opts.mapping?.tables ?? {};
  for (const spec of scheme.tables) {
    const keyCol = keyColumn(spec);
    const keyNames = [keyCol.name, ...keyCol.synonyms];
    const want = given[spec.id];
    for (const sheet of sheets) {
      if (want?.sheet && want.sheet !== sheet.name) continue;
      const forced: Record<string, number> = {};
      for (const [id, letter] of Object.entries(want?.columns ?? {})) {
        try {
          forced[id] = parseA1(`${letter}1`).col;
        } catch {
          issues.add("error", "bad-mapping", sheet.name, "", { table: spec.name, column: id, value: letter });
        }
      }
      const keyLetter = want?.columns?.[keyCol.id];
      const raw = findTable(sheet, keyNames, 25, keyLetter ? forced[keyCol.id] : undefined);
      if (!raw) continue;
      const maps = mapColumns(raw.columns, spec, evalYear, raw.noteUnit, forced);
      let score = 0;
      for (const c of spec.columns) if (maps.get(c.id)?.length) score += c.required ? 2 : 1;
      if (spec.sheetNames.some((n) => nameKey(sheet.name).includes(nameKey(n)))) score += 0.5;
      candidates.push({ spec, sheet, raw, maps, score });
    }
  }
  return candidates;
}

/** Read each table from its chosen sheet; `fatal` when a required table or column is missing. */
function readTables(ctx: ReadCtx, chosen: Map<string, Candidate>) {
  const { scheme, issues } = ctx;
  const tables: Record<string, Table> = {};
  const rawTables: Record<string, RawInfo> = {};
  const resolved: ResolvedTable[] = [];
  let fatal = false;
  for (const spec of scheme.tables) {
    const c = chosen.get(spec.id);
    if (!c) {
      if (spec.required) {
        const k = keyColumn(spec);
        issues.add("error", "missing-table", "", "", { table: spec.name, key: k.name });
        fatal = true;
      }
      continue;
    }
    const { mapping, fatal: bad } = resolveColumns(ctx, spec, c);
    if (bad) fatal = true;
    tables[spec.id] = readRows(c.sheet, c.raw, spec, mapping, issues);
    checkTotals(c.sheet, c.raw, spec, issues);
    resolved.push(describeMapping(ctx, spec, c, mapping));
    rawTables[spec.id] = { sheet: c.sheet, raw: c.raw, mapping };
  }
  return { tables, rawTables, resolved, fatal };
}

/** The column used for each of the table's columns, with the problems: missing, ambiguous, converted, wrong unit. */
function resolveColumns(ctx: ReadCtx, spec: TableSpecT, c: Candidate) {
  const { issues, evalYear } = ctx;
  const mapping = new Map<string, Mapping>();
  let fatal = false;
  for (const col of spec.columns) {
    const found = c.maps.get(col.id) ?? [];
    if (found.length === 0) {
      if (col.required) {
        issues.add("error", "missing-column", c.sheet.name, a1(c.raw.headerTop, c.raw.columns[0]?.col ?? 0), {
          table: spec.name,
          column: col.name,
          year: col.relYear !== undefined ? say(issues.lang, "read.year", { year: evalYear + col.relYear }) : "",
        });
        fatal = true;
      }
      continue;
    }
    if (found.length > 1) {
      issues.add("warning", "ambiguous-column", c.sheet.name, a1(c.raw.headerTop, found[1].col), {
        column: col.name,
        used: a1(c.raw.headerTop, found[0].col).replace(/\d+$/, ""),
        other: a1(c.raw.headerTop, found[1].col).replace(/\d+$/, ""),
      });
    }
    const m = found[0];
    if (m.factor !== 1) reportConverted(issues, c, col, m);
    mapping.set(col.id, m);
  }
  if (reportUnitMismatches(issues, spec, c)) fatal = true;
  return { mapping, fatal };
}

/** A column whose unit is converted (万元 → 亿元): an info at its header. */
function reportConverted(issues: Issues, c: Candidate, col: ColumnSpecT, m: Mapping): void {
  const hc = c.raw.columns.find((h) => h.col === m.col);
  issues.add("info", "unit-converted", c.sheet.name, a1(c.raw.headerTop, m.col), {
    column: m.header,
    unit: hc?.parts.unit ?? "",
    expected: col.unit ?? "",
    factor: m.factor,
  });
}

/** Columns whose name matches but whose unit cannot be converted: an error each; true when there is one. */
function reportUnitMismatches(issues: Issues, spec: TableSpecT, c: Candidate): boolean {
  let any = false;
  for (const col of spec.columns) {
    for (const cand of c.maps.get(col.id + "#unit") ?? []) {
      const hc = c.raw.columns.find((h) => h.col === cand.col);
      issues.add("error", "unit-mismatch", c.sheet.name, a1(c.raw.headerTop, cand.col), {
        column: cand.header,
        unit: hc?.parts.unit ?? "",
        expected: col.unit ?? "",
      });
      any = true;
    }
  }
  return any;
}

/** The column letter of a 0-based column. */
function letterOf(col: number): string {
  return a1(0, col).replace(/\d+$/, "");
}

/** The mapping as the user sees it (to confirm or change), and an info for each header column nothing claimed. */
function describeMapping(ctx: ReadCtx, spec: TableSpecT, c: Candidate, mapping: Map<string, Mapping>): ResolvedTable {
  return {
    table: spec.id,
    name: spec.name,
    sheet: c.sheet.name,
    headerRows: [c.raw.headerTop + 1, c.raw.headerBottom + 1],
    columns: spec.columns.map((col) => {
      const m = mapping.get(col.id);
      const out: ResolvedTable["columns"][number] = {
        id: col.id,
        name: col.name,
        required: col.required,
        column: m ? letterOf(m.col) : null,
        header: m?.header ?? null,
        confidence: m?.confidence ?? 0,
      };
      if (m?.unit) out.unit = m.unit;
      if (m && m.factor !== 1) out.factor = m.factor;
      return out;
    }),
    unmapped: reportUnmapped(ctx.issues, spec, c, mapping),
    headers: sheetHeaders(c, ctx.lang),
  };
}

/** A column of the sheet by its letter, with its header text. */
type Header = { column: string; header: string };

/** Every column of the sheet, with or without header text, so that the user can pick any of them. */
function sheetHeaders(c: Candidate, lang: Lang): Array<{ column: string; header: string }> {
  const headers: Array<{ column: string; header: string }> = [];
  for (let col = c.sheet.originCol; col <= lastCol(c.sheet); col++) {
    const h = c.raw.columns.find((x) => x.col === col);
    headers.push({
      column: letterOf(col),
      header: h ? h.path.join(" / ") : say(lang, "read.noHeader"),
    });
  }
  return headers;
}

/** The header columns no indicator claimed, each an info (other years of a known indicator are expected). */
function reportUnmapped(issues: Issues, spec: TableSpecT, c: Candidate, mapping: Map<string, Mapping>): Header[] {
  const used = new Set([...mapping.values()].map((m) => m.col));
  const unmapped = c.raw.columns
    .filter((h) => !used.has(h.col))
    .map((h) => ({ column: letterOf(h.col), header: h.path.join(" / "), h }));
  // other years of a known indicator (the annex's 2022年, 2024年 …) are expected, not worth a note
  const known = new Set(spec.columns.flatMap((col) => [col.name, ...col.synonyms].map((n) => parseHeader([n]).key)));
  for (const u of unmapped.filter(
    (x) => !(x.h.parts.year !== undefined && x.h.path.some((p) => known.has(parseHeader([p]).key))),
  ))
    issues.add("info", "unmapped-column", c.sheet.name, `${u.column}${c.raw.headerTop + 1}`, {
      table: spec.name,
      column: u.header,
    });
  return unmapped.map(({ column, header }) => ({ column, header }));
}

/** The units' duplicates, then every other table's rows linked to a unit (aliases count); true when no unit. */
function linkEntities(ctx: ReadCtx, tables: Record<string, Table>, entities: Table): boolean {
  const { scheme, issues } = ctx;
  const entitySpec = scheme.tables.find((t) => t.id === scheme.entityTable)!;
  let fatal = false;
  if (entities.rows.length === 0) {
    issues.add("error", "no-entities", entities.sheet, "");
    fatal = true;
  }
  const index = checkDuplicates(entities, entitySpec, issues);
  for (const [alias, target] of Object.entries(ctx.opts.mapping?.aliases ?? {})) {
    const i = index.get(nameKey(target));
    if (i !== undefined && !index.has(nameKey(alias))) index.set(nameKey(alias), i);
  }
  for (const spec of scheme.tables) {
    const t = tables[spec.id];
    if (!t || spec.id === scheme.entityTable) continue;
    if (spec.level === "list") linkRows(t, spec, entities, index, issues);
    else if (spec.level === "history") linkRows(t, spec, entities, index, issues, "info");
    else if (spec.level === "targets") linkTargets(t, spec, entities, index, issues);
  }
  return fatal;
}

/** Derived fields, e.g. 产值增量 = 本年 − 上年 (null when an argument is missing). */
function deriveFields(scheme: Scheme, tables: Record<string, Table>): void {
  for (const spec of scheme.tables) {
    const t = tables[spec.id];
    if (!t) continue;
    for (const d of spec.derived) {
      for (const r of t.rows) {
        const a = r.values[d.args[0]];
        const b = r.values[d.args[1]];
        r.values[d.id] = typeof a === "number" && typeof b === "number" ? round12(a - b) : null;
      }
      t.headers[d.id] = d.name;
    }
  }
}

/** Parameters the workbook lacks: a fallback (the mean of a column), else the scheme's default, else an error. */
function completeParams(ctx: ReadCtx, tables: Record<string, Table>, params: Record<string, ParamValue>): void {
  const { scheme, lang, opts } = ctx;
  for (const p of scheme.params) {
    if (params[p.id] || !p.fallbackMeanOf) continue;
    const mean = meanParam(tables, p.fallbackMeanOf, lang);
    if (mean) params[p.id] = mean;
  }
  for (const p of scheme.params) {
    if (!params[p.id] && p.default !== undefined)
      params[p.id] = { value: p.default, sheet: "", cell: "", source: say(lang, "read.schemeDefault") };
  }
  for (const p of scheme.params) {
    if (p.required && !params[p.id] && !(p.id === "year" && opts.year !== undefined))
      ctx.issues.add("error", "missing-param", "", "", { param: p.name });
  }
}

/** A parameter as the mean of a column's numbers (none when the table or its numbers are missing). */
function meanParam(
  tables: Record<string, Table>,
  of: NonNullable<ParamSpecT["fallbackMeanOf"]>,
  lang: Lang,
): ParamValue | undefined {
  const t = tables[of.table];
  if (!t) return undefined;
  let sum = 0;
  let count = 0;
  const f = of.column;
  for (const r of t.rows) {
    const v = r.values[f];
    if (typeof v === "number") {
      sum += v;
      count++;
    }
  }
  const xs = { length: count };
  if (!count) return undefined;
  const mean = sum / count;
  return {
    value: round12(mean),
    sheet: t.sheet,
    cell: "",
    source: say(lang, "read.meanOf", { sheet: t.sheet, header: t.headers[of.column], n: xs.length }),
  };
}

function round12(x: number): number {
  return roundTo(x, 9);
}

export function keyColumn(spec: TableSpecT): ColumnSpecT {
  return (
    spec.columns.find((c) => c.role === "key") ??
    spec.columns.find((c) => c.type === "text" && c.required) ??
    spec.columns[0]
  );
}

/** Header keys a column answers to: the whole path and each part (a group header over 2023年, 数量（个） ...). */
function columnKeys(h: HeaderColumn): string[] {
  const keys = new Set<string>();
  if (h.parts.key) keys.add(h.parts.key);
  for (const p of h.path) {
    const k = parseHeader([p]).key;
    if (k) keys.add(k);
  }
  return [...keys];
}

function columnRelYear(h: HeaderColumn, evalYear: number): number | undefined {
  if (h.parts.year !== undefined) return h.parts.year - evalYear;
  return h.parts.relYear;
}

/** The unit of a header column: its own, or a unit stated once in a note when it fits the indicator. */
function columnUnit(h: HeaderColumn, col: ColumnSpecT, noteUnit?: string): { unit?: string; fromNote: boolean } {
  if (h.parts.unit) return { unit: h.parts.unit, fromNote: false };
  // a unit stated once in a note applies to columns that do not state their own, when it fits the indicator
  if (noteUnit && col.unit && unitFactor(noteUnit, col.unit) !== null) return { unit: noteUnit, fromNote: true };
  return { fromNote: false };
}

/** Adds a header column as a candidate for a spec column (under "<id>#unit" when its unit cannot be converted). */
function addCandidate(
  out: Map<string, Mapping[]>,
  col: ColumnSpecT,
  h: HeaderColumn,
  confidence: number,
  noteUnit?: string,
): void {
  const u = columnUnit(h, col, noteUnit);
  const own = u.unit && col.units ? col.units[u.unit] : undefined;
  const factor =
    col.type === "text" || col.type === "bool" || col.type === "code" ? 1 : (own ?? unitFactor(u.unit, col.unit));
  const header = h.path.join(" / ");
  if (factor === null) {
    const k = col.id + "#unit";
    out.set(k, [...(out.get(k) ?? []), { spec: col, col: h.col, factor: 1, header, confidence: 0, unit: u.unit }]);
    return;
  }
  const conf = confidence * (factor !== 1 ? 0.95 : 1) * (u.fromNote ? 0.9 : 1);
  out.set(col.id, [
    ...(out.get(col.id) ?? []),
    {
      spec: col,
      col: h.col,
      factor,
      header,
      confidence: Math.round(conf * 100) / 100,
      unit: u.unit,
      fromNote: u.fromNote,
    },
  ]);
}

/** Candidate columns for each spec column; "<id>#unit" collects name matches whose unit cannot be converted. */
export function mapColumns(
  columns: readonly HeaderColumn[],
  spec: TableSpecT,
  evalYear: number,
  noteUnit?: string,
  forced: Record<string, number> = {},
): Map<string, Mapping[]> {
  const out = new Map<string, Mapping[]>();
  const taken = new Set<number>(Object.values(forced));
  const add = (col: ColumnSpecT, h: HeaderColumn, confidence: number) =>
    addCandidate(out, col, h, confidence, noteUnit);
  // columns the user chose (a saved or given mapping) come first and are certain
  for (const [id, c] of Object.entries(forced)) {
    const col = spec.columns.find((x) => x.id === id);
    // a column the user chose may have no header text at all
    const h = columns.find((x) => x.col === c) ?? {
      col: c,
      path: [a1(0, c).replace(/\d+$/, "")],
      parts: parseHeader([]),
    };
    if (col) add(col, h, 1);
  }
  // exact names first, then synonyms, so that 规上工业产值 does not capture a column meant for another spec
  for (const pass of [0, 1]) {
    for (const col of spec.columns) {
      if (forced[col.id] !== undefined) continue;
      const names = pass === 0 ? [col.name] : col.synonyms;
      const parsed = names.map((n) => parseHeader([n]));
      const want = col.relYear ?? parsed.find((p) => p.relYear !== undefined)?.relYear;
      for (const h of columns) {
        if (taken.has(h.col)) continue;
        const keys = columnKeys(h);
        if (!parsed.some((p) => keys.includes(p.key))) continue;
        const rel = columnRelYear(h, evalYear);
        if (rel !== undefined ? rel !== (want ?? 0) : want !== undefined && want !== 0) continue;
        add(col, h, pass === 0 ? 1 : 0.85);
        taken.add(h.col);
      }
    }
  }
  return out;
}

/** What reading one table's cells works with. */
interface RowsCtx {
  sheet: SheetData;
  issues: Issues;
  lang: Lang;
  /** the key column (an empty name there is missing-name, not missing-value) */
  keyId: string;
  /** the % columns where a cell typed its own %: not fractions */
  percentText: Set<string>;
}

function readRows(
  sheet: SheetData,
  raw: RawTable,
  spec: TableSpecT,
  mapping: Map<string, Mapping>,
  issues: Issues,
): Table {
  const key = keyColumn(spec);
  const keyMap = mapping.get(key.id);
  const headers: Record<string, string> = {};
  for (const [id, m] of mapping) headers[id] = m.header;
  const rows: Row[] = [];
  const cx: RowsCtx = { sheet, issues, lang: issues.lang, keyId: key.id, percentText: new Set<string>() };
  const columnsOf = new Map([...mapping].map(([id, m]) => [id, m.col] as [string, number]));
  for (const r of raw.dataRows) {
    const values: Record<string, FieldValue> = {};
    for (const col of spec.columns) {
      const m = mapping.get(col.id);
      values[col.id] = m ? readCell(cx, col, m, r) : (col.missingAs ?? null);
    }
    // the unit's name: the key column's text ("" when it is empty or not mapped)
    const name = keyMap && typeof values[key.id] === "string" ? (values[key.id] as string) : "";
    rows.push(new TableRow(r, name, values, columnsOf, a1));
  }
  percentFractions(cx, raw, spec, mapping, rows);
  const factors: Record<string, number> = {};
  for (const [id, m] of mapping) factors[id] = m.factor;
  return { id: spec.id, sheet: sheet.name, rows, headers, factors, otherRows: raw.totalRows };
}

/** One cell read the way officials type it, with the problem at its cell. */
function readCell(cx: RowsCtx, col: ColumnSpecT, m: Mapping, r: number): FieldValue {
  const { sheet, issues } = cx;
  const mc = m.col;
  const v = cellAt(sheet, r, mc);
  const label = m.header;
  if (col.type === "text" || col.type === "code") return readTextCell(cx, col, m, r, v);
  if (col.type === "bool") return readBoolCell(cx, col, m, r, v);
  if (typeof v === "number" && sheet.formats && formatIssue(sheet, r, mc, v, col, label, issues, cx.percentText)) {
    // a date in a numeric column is not used; a percentage in a % column is read as one
    const fk = formatKind(sheet.formats[r - sheet.originRow]?.[mc - sheet.originCol]);
    return fk === "percent" && col.unit === "%" ? round12(v * 100) : fk === "date" ? null : v;
  }
  if (typeof v === "number" && !plausible(v)) {
    issues.add(
      "error",
      "implausible-value",
      sheet.name,
      a1(r, mc),
      { column: label, value: String(v), max: "1e15" },
      String(v),
    );
    return null;
  }
  if (typeof v === "number" && Number.isFinite(v) && m.factor === 1) {
    // the common case, without allocating a parse result
    if (col.type === "count" && v < 0)
      issues.add("error", "negative-count", sheet.name, a1(r, mc), { column: label, value: v }, String(v));
    return v;
  }
  return readNumberCell(cx, col, m, r, v);
}

/** A text or code cell (a name, a 统一社会信用代码): trimmed, required where the scheme says so. */
function readTextCell(cx: RowsCtx, col: ColumnSpecT, m: Mapping, r: number, v: CellValue): FieldValue {
  const { sheet, issues } = cx;
  const t = displayName(cellText(v));
  if (t === "" && col.required)
    issues.add("error", col.id === cx.keyId ? "missing-name" : "missing-value", sheet.name, a1(r, m.col), {
      column: m.header,
      expected: expected(cx.lang, "text"),
    });
  if (col.role === "uscc" && t !== "") checkUscc(t, sheet.name, r, m.col, issues);
  return t === "" ? null : t;
}

/** A yes/no cell (是/否, √, 1/0 …). */
function readBoolCell(cx: RowsCtx, col: ColumnSpecT, m: Mapping, r: number, v: CellValue): FieldValue {
  const { sheet, issues } = cx;
  const b = readBool(v);
  if (b.kind === "bool") return b.value;
  if (b.kind === "missing") {
    if (col.required && col.missingAs === undefined)
      issues.add("error", "missing-value", sheet.name, a1(r, m.col), {
        column: m.header,
        expected: expected(cx.lang, "bool"),
      });
    return col.missingAs ?? null;
  }
  issues.add("error", "not-yes-no", sheet.name, a1(r, m.col), { column: m.header, value: b.text }, b.text);
  return null;
}

/** A number typed as text, with a unit, missing, or not a number. */
function readNumberCell(cx: RowsCtx, col: ColumnSpecT, m: Mapping, r: number, v: CellValue): FieldValue {
  const { sheet, issues } = cx;
  const n = readNumber(v);
  if (n.kind === "number") return scaledNumber(cx, col, m, r, v, n);
  if (n.kind === "missing") {
    if (col.required && col.missingAs === undefined)
      issues.add("error", "missing-value", sheet.name, a1(r, m.col), {
        column: m.header,
        expected: expected(cx.lang, col.type),
      });
    return col.missingAs ?? null;
  }
  issues.add(
    "error",
    n.reason === "excel-error" ? "excel-error" : "not-a-number",
    sheet.name,
    a1(r, m.col),
    { column: m.header, value: n.text, expected: expected(cx.lang, col.type) },
    n.text,
  );
  return null;
}

/** A number in the column's unit: a unit typed in the cell wins over the header's; implausible sizes are errors. */
function scaledNumber(
  cx: RowsCtx,
  col: ColumnSpecT,
  m: Mapping,
  r: number,
  v: CellValue,
  n: { value: number; unit?: string },
): FieldValue {
  const { sheet, issues } = cx;
  const label = m.header;
  let f = m.factor;
  if (n.unit) {
    // a unit typed in the cell wins over the header's
    const cf = col.units?.[n.unit] ?? unitFactor(n.unit, col.unit);
    if (cf === null) {
      const p = { column: label, unit: n.unit, expected: col.unit ?? "" };
      issues.add("error", "unit-in-cell", sheet.name, a1(r, m.col), p, cellText(v));
      return null;
    }
    f = cf;
    if (n.unit === "%") cx.percentText.add(col.id);
  }
  const x = f === 1 ? n.value : round12(n.value * f);
  if (!plausible(x)) {
    const p = { column: label, value: String(x), max: "1e15" };
    issues.add("error", "implausible-value", sheet.name, a1(r, m.col), p, cellText(v));
    return null;
  }
  if (col.type === "count" && x < 0)
    issues.add("error", "negative-count", sheet.name, a1(r, m.col), { column: label, value: x }, String(x));
  return x;
}

/** A % column holding only fractions (0.12 for 12 %, as Excel stores a cell formatted as a percentage). */
function percentFractions(
  cx: RowsCtx,
  raw: RawTable,
  spec: TableSpecT,
  mapping: Map<string, Mapping>,
  rows: Row[],
): void {
  for (const col of spec.columns) {
    if (col.unit !== "%" || !mapping.has(col.id) || cx.percentText.has(col.id)) continue;
    const xs = rows.map((r) => r.values[col.id]).filter((x): x is number => typeof x === "number");
    if (xs.length >= 3 && xs.every((x) => Math.abs(x) <= 1) && xs.some((x) => x !== 0 && !Number.isInteger(x))) {
      for (const r of rows)
        if (typeof r.values[col.id] === "number") r.values[col.id] = round12((r.values[col.id] as number) * 100);
      cx.issues.add("warning", "percent-as-fraction", cx.sheet.name, a1(raw.headerTop, mapping.get(col.id)!.col), {
        column: mapping.get(col.id)!.header,
      });
    }
  }
}

function checkUscc(code: string, sheet: string, row: number, col: number, issues: Issues): void {
  const p = usccProblem(code);
  if (!p) return;
  const cell = a1(row, col);
  const s = code.trim().toUpperCase();
  if (p === "length") issues.add("warning", "uscc-length", sheet, cell, { value: code, len: s.length }, code);
  else if (p === "alphabet") issues.add("warning", "uscc-alphabet", sheet, cell, { value: code }, code);
  else {
    const expected = usccCheckChar(s.slice(0, 17)) ?? "?";
    issues.add("warning", "uscc-check", sheet, cell, { value: code, expected }, code, s.slice(0, 17) + expected);
  }
}

function checkDuplicates(t: Table, spec: TableSpecT, issues: Issues): Map<string, number> {
  const key = keyColumn(spec);
  const index = new Map<string, number>();
  t.rows.forEach((r, i) => {
    r.entity = -1;
    if (!r.name) return;
    const k = nameKey(r.name);
    const first = index.get(k);
    if (first !== undefined) {
      issues.add(
        "error",
        "duplicate-entity",
        t.sheet,
        r.cells[key.id],
        { value: r.name, first: t.rows[first].cells[key.id] },
        r.name,
      );
    } else {
      index.set(k, i);
      r.entity = i;
    }
  });
  return index;
}

/** A known short form: one name's characters appear, in order, in another (高新区 → 淮北高新技术产业开发区). */
function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (let i = 0; i < long.length && k < short.length; i++) if (long[i] === short[k]) k++;
  return k === short.length;
}

function suggestEntity(name: string, entities: Table): string | undefined {
  const k = nameKey(name);
  if (!k) return undefined;
  const keys = entities.rows.map((e) => nameKey(e.name));
  const contains = entities.rows.filter((_, i) => keys[i] && (keys[i].includes(k) || k.includes(keys[i])));
  if (contains.length === 1) return contains[0].name;
  // a short form, when it points at exactly one name
  const short = entities.rows.filter(
    (_, i) => keys[i] && k.length >= 2 && (isSubsequence(k, keys[i]) || isSubsequence(keys[i], k)),
  );
  return short.length === 1 ? short[0].name : undefined;
}

function linkRows(
  t: Table,
  spec: TableSpecT,
  entities: Table,
  index: Map<string, number>,
  issues: Issues,
  unknownSeverity: "error" | "info" = "error",
): void {
  const ref = spec.columns.find((c) => c.role === "ref");
  if (!ref) return;
  const seenVariants = new Set<string>();
  for (const r of t.rows) {
    const v = r.values[ref.id];
    if (typeof v !== "string" || !v) continue;
    const i = index.get(nameKey(v));
    if (i === undefined) {
      const suggest = suggestEntity(v, entities);
      issues.add(
        unknownSeverity,
        "unknown-entity",
        t.sheet,
        r.cells[ref.id],
        { value: v, suggest: suggest ?? "" },
        v,
        suggest,
      );
      r.entity = -1;
    } else {
      r.entity = i;
      noteVariant(v, entities.rows[i].name, t.sheet, r.cells[ref.id], issues, seenVariants);
    }
  }
}

/** A name written differently from the entity table's (spaces, width, brackets): matched, and said once per name. */
function noteVariant(
  written: string,
  name: string,
  sheet: string,
  cell: string,
  issues: Issues,
  seen: Set<string>,
): void {
  if (written === name || seen.has(written) || nameKey(written) !== nameKey(name)) return;
  seen.add(written);
  issues.add("info", "name-variant", sheet, cell, { value: written, name }, written);
}

function linkTargets(t: Table, spec: TableSpecT, entities: Table, index: Map<string, number>, issues: Issues): void {
  const key = keyColumn(spec);
  const seen = new Set<number>();
  const tIndex = new Map<string, number>();
  t.rows.forEach((r, ri) => {
    if (!r.name) return;
    const k = nameKey(r.name);
    if (tIndex.has(k)) {
      issues.add(
        "error",
        "duplicate-entity",
        t.sheet,
        r.cells[key.id],
        { value: r.name, first: t.rows[tIndex.get(k)!].cells[key.id] },
        r.name,
      );
      r.entity = -1;
      return;
    }
    tIndex.set(k, ri);
    const i = index.get(k);
    if (i === undefined) {
      issues.add("info", "target-extra", t.sheet, r.cells[key.id], { value: r.name }, r.name);
      r.entity = -1;
    } else {
      r.entity = i;
      seen.add(i);
      noteVariant(r.name, entities.rows[i].name, t.sheet, r.cells[key.id], issues, new Set());
    }
  });
  entities.rows.forEach((e, i) => {
    if (e.entity === i && !seen.has(i))
      issues.add(
        "warning",
        "target-missing",
        entities.sheet,
        e.cells[keyColumn(spec).id] ?? e.cells.name ?? "",
        { value: e.name, column: t.id === "targets" ? say(issues.lang, "read.yearly") : t.id },
        e.name,
      );
  });
}

/** A 总计 / 合计 row that differs from the sum of the rows above it, in every numeric column. */
function checkTotals(sheet: SheetData, raw: RawTable, spec: TableSpecT, issues: Issues): void {
  if (raw.totalRows.length === 0) return;
  const key = keyColumn(spec);
  for (const tr of raw.totalRows) {
    // 其中 and 小计 rows cover a part of the rows above; only grand totals are checked against all of them
    const label =
      cellText(cellAt(sheet, tr, raw.columns[0]?.col ?? sheet.originCol)) +
      cellText(cellAt(sheet, tr, sheet.originCol));
    if (/其中|小计/.test(label)) continue;
    const members = raw.dataRows.filter((r) => r < tr);
    for (const h of raw.columns) {
      const tv = readNumber(cellAt(sheet, tr, h.col));
      if (tv.kind !== "number") continue;
      let sum = 0;
      let any = false;
      for (const r of members) {
        const n = readNumber(cellAt(sheet, r, h.col));
        if (n.kind === "number") {
          sum += n.value;
          any = true;
        }
      }
      if (!any) continue;
      const diff = tv.value - sum;
      // beyond rounding: a total shown with d decimals may differ from the exact sum by half a unit of its last digit
      const text = String(tv.value);
      const d = text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
      const tolerance = Math.max(1e-6 * Math.max(1, Math.abs(sum)), d >= 6 ? 0 : 0.5 * 10 ** -d);
      if (Math.abs(diff) > tolerance + 1e-9) {
        const labelCell = raw.columns.find((c) => c.path.some((p) => parseHeader([p]).key === nameKey(key.name)));
        const total = say(issues.lang, "read.totalRow");
        const label = labelCell ? cellText(cellAt(sheet, tr, labelCell.col)).trim() || total : total;
        issues.add(
          "warning",
          "total-mismatch",
          sheet.name,
          a1(tr, h.col),
          { label, column: h.path.join(" / "), value: tv.value, sum: round12(sum), diff: round12(diff) },
          String(tv.value),
          String(round12(sum)),
        );
      }
    }
  }
}

/** label / value pairs: a label in one cell, its value in the first non-blank cell to its right. */
function readParams(
  sheets: readonly SheetData[],
  specs: readonly ParamSpecT[],
  issues: Issues,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  const wanted = specs.map((p) => ({ p, keys: new Set([p.name, ...p.synonyms].map((n) => parseHeader([n]).key)) }));
  const ordered = [...sheets].sort((a, b) => Number(/参数/.test(b.name)) - Number(/参数/.test(a.name)));
  for (const sheet of ordered) {
    const isParamSheet = /参数/.test(sheet.name);
    const bottom = isParamSheet ? lastRow(sheet) : Math.min(lastRow(sheet), sheet.originRow + 30);
    const right = lastCol(sheet);
    for (let r = sheet.originRow; r <= bottom; r++) {
      for (let c = sheet.originCol; c <= right; c++) {
        const v = cellAt(sheet, r, c);
        if (typeof v !== "string" || v.length > 40) continue;
        const k = parseHeader([v.replace(/[:：]\s*$/, "")]).key;
        const w = wanted.find((x) => x.keys.has(k));
        if (!w || out[w.p.id]) continue;
        for (let cc = c + 1; cc <= right; cc++) {
          const x = cellAt(sheet, r, cc);
          if (isBlank(x)) continue;
          if (w.p.type === "number") {
            const n = readNumber(x);
            if (n.kind === "number" && !plausible(n.value))
              issues.add(
                "error",
                "implausible-value",
                sheet.name,
                a1(r, cc),
                { column: w.p.name, value: String(n.value), max: "1e15" },
                String(n.value),
              );
            else if (n.kind === "number")
              out[w.p.id] = {
                value: n.value,
                sheet: sheet.name,
                cell: a1(r, cc),
                source: `${sheet.name}!${a1(r, cc)}`,
              };
          } else
            out[w.p.id] = {
              value: cellText(x).trim(),
              sheet: sheet.name,
              cell: a1(r, cc),
              source: `${sheet.name}!${a1(r, cc)}`,
            };
          break;
        }
      }
    }
  }
  return out;
}

/** No indicator an official reports comes near 10^15 (a quadrillion yuan); beyond that a value is a slip or garbage. */
export const PLAUSIBLE_MAX = 1e15;
const plausible = (x: number) => Number.isFinite(x) && Math.abs(x) <= PLAUSIBLE_MAX;

/** What a column holds, in words: a count, or an indicator in its unit. */
function kindText(col: ColumnSpecT, lang: Lang): string {
  if (col.type === "count") return say(lang, "read.kind.count");
  return col.unit ? say(lang, "read.kind.unit", { unit: col.unit }) : say(lang, "read.kind.number");
}

/**
 * A number whose format says something else: a date in a numeric column (an error: 45051 is not 亿元), a percentage
 * in a % column (read as one: 0.12 → 12), a percentage in a count or amount column (a warning, the stored value is
 * used). Returns true when the cell was handled here.
 */
function formatIssue(
  sheet: SheetData,
  r: number,
  c: number,
  v: number,
  col: ColumnSpecT,
  label: string,
  issues: Issues,
  percentRead: Set<string>,
): boolean {
  const fmt = sheet.formats?.[r - sheet.originRow]?.[c - sheet.originCol];
  const kind = formatKind(fmt);
  const lang = issues.lang;
  if (kind === "date") {
    issues.add(
      "error",
      "date-in-number",
      sheet.name,
      a1(r, c),
      {
        column: label,
        value: serialToIso(v),
        serial: v,
        expected: expected(lang, col.type === "count" ? "count" : "number"),
      },
      serialToIso(v),
    );
    return true;
  }
  if (kind === "percent") {
    if (col.unit === "%") {
      if (!percentRead.has(col.id))
        issues.add("info", "percent-format-read", sheet.name, a1(r, c), {
          column: label,
          value: v,
          percent: round12(v * 100),
        });
      percentRead.add(col.id);
      return true;
    }
    issues.add(
      "warning",
      "percent-format-in-count",
      sheet.name,
      a1(r, c),
      {
        column: label,
        value: v,
        shown: `${round12(v * 100)}%`,
        kind: kindText(col, issues.lang),
      },
      String(v),
    );
    return false;
  }
  return false;
}

/** A sheet that holds a table of the scheme, with the candidate columns for each of the table's columns. */
type Candidate = {
  spec: TableSpecT;
  sheet: SheetData;
  raw: RawTable;
  maps: Map<string, Mapping[]>;
  score: number;
};

/** +1 when the sheet's name or title rows carry the evaluation year, −1 when they carry only other years, else 0. */
function yearMark(c: Candidate, year: number): number {
  const texts = [c.sheet.name];
  for (let r = c.sheet.originRow; r < c.raw.headerTop; r++)
    for (const v of c.sheet.values[r - c.sheet.originRow] ?? []) if (typeof v === "string") texts.push(v);
  const all = texts.join(" ");
  if (new RegExp(`(?<!\\d)${year}(?!\\d)`).test(all)) return 1;
  return /(?<!\d)(19|20)\d{2}(?!\d)/.test(all) ? -1 : 0;
}

/** A candidate sheet for one table, its place among all candidates and its year mark. */
type Viable = { c: Candidate; i: number; year: number };

/**
 * Which sheet holds each table. The best-matching sheet wins; among sheets that match about as well (copies, one per
 * year) the one whose name or title carries the evaluation year, then a visible one; hidden sheets only when nothing
 * visible fits. Every choice between several sheets is said (info), a choice nothing decides is a warning.
 */
function chooseSheets(
  scheme: Scheme,
  candidates: Candidate[],
  given: NonNullable<MappingFile["tables"]>,
  year: number,
  issues: Issues,
): Map<string, Candidate> {
  const chosen = new Map<string, Candidate>();
  const used = new Set<string>();
  const order = candidates.map((c, i) => ({ c, i }));
  const best = (id: string) => Math.max(-1, ...candidates.filter((c) => c.spec.id === id).map((c) => c.score));
  const specs = [...scheme.tables].sort((a, b) => best(b.id) - best(a.id));
  for (const spec of specs) {
    const avail = order.filter((x) => x.c.spec.id === spec.id && !used.has(x.c.sheet.name));
    if (avail.length === 0) continue;
    if (given[spec.id]?.sheet) {
      // the user chose: nothing to say
      const c = avail.sort((a, b) => b.c.score - a.c.score)[0].c;
      chosen.set(spec.id, c);
      used.add(c.sheet.name);
      continue;
    }
    const { viable, hiddenSkipped } = viableSheets(avail, year);
    const c = viable[0].c;
    chosen.set(spec.id, c);
    used.add(c.sheet.name);
    if (reportChoice(issues, spec, viable, hiddenSkipped, year) === "ambiguous") continue;
    if (c.sheet.visibility)
      issues.add("info", "hidden-sheet-used", c.sheet.name, "", {
        table: spec.name,
        sheet: c.sheet.name,
        state: c.sheet.visibility,
      });
  }
  return chosen;
}

/**
 * The sheets that fit about as well as the best (copies, one per year), best first: the evaluation year, then the
 * score, then the workbook's order; hidden ones only if no visible one fits (those skipped are returned too).
 */
function viableSheets(avail: Array<{ c: Candidate; i: number }>, year: number) {
  const top = Math.max(...avail.map((x) => x.c.score));
  const fit = avail.filter((x) => x.c.score >= top - 1);
  const visible = fit.filter((x) => !x.c.sheet.visibility);
  const viable: Viable[] = (visible.length ? visible : fit)
    .map((x) => ({ ...x, year: yearMark(x.c, year) }))
    .sort((a, b) => b.year - a.year || b.c.score - a.c.score || a.i - b.i);
  const hiddenSkipped = visible.length ? fit.filter((x) => x.c.sheet.visibility) : [];
  return { viable, hiddenSkipped };
}

/** Sheet names quoted and listed in the user's language (「a」、「b」 or "a", "b"). */
function sheetList(xs: ReadonlyArray<{ c: Candidate }>, lang: Lang): string {
  return xs.map((x) => say(lang, "read.quotedSheet", { sheet: x.c.sheet.name })).join(say(lang, "read.listSep"));
}

/** Says why the first viable sheet was chosen over the others (info), or that nothing decides (a warning). */
function reportChoice(
  issues: Issues,
  spec: TableSpecT,
  viable: Viable[],
  hiddenSkipped: Array<{ c: Candidate; i: number }>,
  year: number,
): "ambiguous" | "said" {
  const c = viable[0].c;
  if (viable.length > 1) {
    const runner = viable[1];
    if (runner.year === viable[0].year && runner.c.score === c.score) {
      issues.add("warning", "ambiguous-sheet", c.sheet.name, "", {
        table: spec.name,
        id: spec.id,
        sheet: c.sheet.name,
        other: runner.c.sheet.name,
      });
      return "ambiguous";
    }
    const byYear = viable[0].year > runner.year;
    issues.add("info", "sheet-chosen", c.sheet.name, "", {
      table: spec.name,
      sheet: c.sheet.name,
      others: sheetList(viable.slice(1).concat(hiddenSkipped.map((x) => ({ ...x, year: 0 }))), issues.lang),
      reason: say(
        issues.lang,
        byYear ? (viable[0].year > 0 ? "read.reason.yearInName" : "read.reason.otherYears") : "read.reason.columns",
        { year },
      ),
    });
  } else if (hiddenSkipped.length) {
    issues.add("info", "sheet-chosen", c.sheet.name, "", {
      table: spec.name,
      sheet: c.sheet.name,
      others: sheetList(hiddenSkipped, issues.lang),
      reason: say(issues.lang, "read.reason.visible"),
    });
  }
  return "said";
}
