/**
 * What-if changes: a list of edits (a unit's figure, a project or enterprise row, a bureau-given score, a parameter)
 * applied to an in-memory dataset without touching it. Rows and tables that are not edited are shared; edited rows
 * are copies. Derived fields (产值增量 = 本年 − 上年) and parameters taken as a column's mean follow the edit.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset, FieldValue, Row, Table } from "../dataset";
import type { Lang } from "../types";
import { nameKey } from "../read/normalise";
import { keyColumn } from "../read/workbook";
import { t as tt } from "../i18n";

/** One edit. Rows are named, not numbered, so that a change set survives re-reading the workbook. */
export type Change =
  /** a cell of a row: `key` is the unit's name (entity table) or the row's name (a project, an enterprise) */
  | { op: "set"; table: string; key: string; field: string; value: FieldValue; row?: number }
  /** a new row of a list that rolls up to `unit` (e.g. one more 亿元 project) */
  | { op: "add"; table: string; unit: string; values: Record<string, FieldValue> }
  /** a list row taken away */
  | { op: "remove"; table: string; key: string; row?: number }
  /** a parameter of the 参数 sheet (e.g. the city's average tax per mu) */
  | { op: "param"; param: string; value: number | string };

/** the reader's own rounding of derived fields and column means (read.ts), so that an unchanged input stays equal */
const round = (x: number) => Math.round(x * 1e9) / 1e9;

export class WhatIfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WhatIfError";
  }
}

function tableSpec(scheme: Scheme, id: string, lang: Lang) {
  const spec = scheme.tables.find((t) => t.id === id);
  if (!spec) throw new WhatIfError(tt(lang, "whatif.noTable", { table: id }));
  return spec;
}

const rowIndex = new WeakMap<Table, Map<string, number[]>>();

/** The row a change names: by name (nameKey, so 全角/半角 and spaces do not matter), or by sheet row when given. */
export function findRow(table: Table, key: string, row: number | undefined, lang: Lang): number {
  const k = nameKey(key);
  let index = rowIndex.get(table);
  if (!index) {
    index = new Map();
    for (let i = 0; i < table.rows.length; i++) {
      const nk = nameKey(table.rows[i].name);
      const l = index.get(nk);
      if (l) l.push(i);
      else index.set(nk, [i]);
    }
    rowIndex.set(table, index);
  }
  const hits = (index.get(k) ?? []).filter((i) => row === undefined || table.rows[i].row === row);
  if (hits.length === 0) throw new WhatIfError(tt(lang, "whatif.noRow", { sheet: table.sheet, key }));
  if (hits.length > 1 && row === undefined)
    throw new WhatIfError(tt(lang, "whatif.ambiguousRow", { sheet: table.sheet, key, count: hits.length }));
  return hits[0];
}

function checkValue(scheme: Scheme, tableId: string, field: string, value: FieldValue, lang: Lang, where: string) {
  const spec = tableSpec(scheme, tableId, lang);
  const col = spec.columns.find((c) => c.id === field);
  if (!col) {
    const d = spec.derived.find((x) => x.id === field);
    throw new WhatIfError(
      d
        ? tt(lang, "whatif.derivedField", {
            field: d.name,
            arg: spec.columns.find((c) => c.id === d.args[0])?.name ?? "",
          })
        : tt(lang, "whatif.noField", { table: spec.name, field }),
    );
  }
  if (value === null) return;
  const ok =
    col.type === "bool"
      ? typeof value === "boolean"
      : col.type === "number" || col.type === "count"
        ? typeof value === "number" && Number.isFinite(value)
        : typeof value === "string";
  if (!ok || (col.type === "count" && typeof value === "number" && value < 0))
    throw new WhatIfError(
      tt(lang, "whatif.badValue", {
        where,
        field: col.name,
        value: String(value),
        expected: tt(lang, `whatif.type.${col.type}`),
      }),
    );
}

/** A copy of a row with its own values; cell addresses are the original row's. */
function copyRow(r: Row): Row {
  return {
    row: r.row,
    name: r.name,
    values: { ...r.values },
    get cells() {
      return r.cells;
    },
    entity: r.entity,
  };
}

/** A change set being applied: the tables and parameters of the new dataset, and what was copied or touched. */
interface Draft {
  scheme: Scheme;
  data: Dataset;
  lang: Lang;
  tables: Record<string, Table>;
  params: Dataset["params"];
  /** tables copied for this change set, and the rows copied in each */
  copied: Map<string, Set<number>>;
  touched: Set<string>;
  /** "table\u0000field" of every set field, plus "table\u0000*" when rows were added or removed */
  fields: Set<string>;
  /** tables whose rows were added or removed in this change set: their row positions differ from the original's */
  reshaped: Set<string>;
}

/** The draft's own copy of a table (rows shared until one is edited). */
function writable(d: Draft, id: string): Table {
  const t = d.tables[id];
  if (!t) throw new WhatIfError(tt(d.lang, "whatif.noTableInBook", { table: tableSpec(d.scheme, id, d.lang).name }));
  if (!d.copied.has(id)) {
    d.tables[id] = { ...t, rows: [...t.rows] };
    d.copied.set(id, new Set());
  }
  return d.tables[id];
}

/** The draft's own copy of a row. */
function rowOf(d: Draft, id: string, i: number): Row {
  const t = writable(d, id);
  const c = d.copied.get(id)!;
  if (!c.has(i)) {
    t.rows[i] = copyRow(t.rows[i]);
    c.add(i);
  }
  return t.rows[i];
}

function locate(d: Draft, id: string, key: string, row: number | undefined): number {
  return findRow(d.reshaped.has(id) ? d.tables[id] : d.data.tables[id], key, row, d.lang);
}

/** A parameter of the 参数 sheet, of the parameter's type. */
function applyParam(d: Draft, ch: Extract<Change, { op: "param" }>): void {
  const p = d.scheme.params.find((x) => x.id === ch.param);
  if (!p) throw new WhatIfError(tt(d.lang, "whatif.noParam", { param: ch.param }));
  if ((p.type === "number") !== (typeof ch.value === "number"))
    throw new WhatIfError(
      tt(d.lang, "whatif.badValue", {
        where: p.name,
        field: p.name,
        value: String(ch.value),
        expected: tt(d.lang, `whatif.type.${p.type}`),
      }),
    );
  d.params[ch.param] = { value: ch.value, sheet: "", cell: "", source: tt(d.lang, "whatif.scenarioSource") };
}

/** A cell of a row; a name column cannot be set. */
function applySet(d: Draft, ch: Extract<Change, { op: "set" }>, t: Table): void {
  const spec = tableSpec(d.scheme, ch.table, d.lang);
  const i = locate(d, ch.table, ch.key, ch.row);
  const col = spec.columns.find((c) => c.id === ch.field);
  // the name column (the reader's: role key, else the first required text column) names the row
  if (col && (col.id === keyColumn(spec).id || col.role === "ref"))
    throw new WhatIfError(tt(d.lang, "whatif.keyField", { field: col.name }));
  checkValue(d.scheme, ch.table, ch.field, ch.value, d.lang, `${t.sheet}「${ch.key}」`);
  rowOf(d, ch.table, i).values[ch.field] = ch.value;
  d.fields.add(`${ch.table}\u0000${ch.field}`);
}

/** A list row taken away (never a unit). */
function applyRemove(d: Draft, ch: Extract<Change, { op: "remove" }>, t: Table): void {
  if (ch.table === d.scheme.entityTable) throw new WhatIfError(tt(d.lang, "whatif.removeEntity", { key: ch.key }));
  const i = locate(d, ch.table, ch.key, ch.row);
  t.rows.splice(i, 1);
  d.reshaped.add(ch.table);
  d.fields.add(`${ch.table}\u0000*`);
  const c = d.copied.get(ch.table)!;
  d.copied.set(ch.table, new Set([...c].filter((x) => x !== i).map((x) => (x > i ? x - 1 : x))));
}

/** A new row of a list, rolled up to its unit; unnamed fields take the scheme's value for a missing cell. */
function applyAdd(d: Draft, ch: Extract<Change, { op: "add" }>, t: Table): void {
  const spec = tableSpec(d.scheme, ch.table, d.lang);
  if (ch.table === d.scheme.entityTable || spec.level !== "list")
    throw new WhatIfError(tt(d.lang, "whatif.addNotList", { table: spec.name }));
  const unit = locate(d, d.scheme.entityTable, ch.unit, undefined);
  const ref = spec.columns.find((c) => c.role === "ref");
  const key = keyColumn(spec);
  const values: Record<string, FieldValue> = {};
  for (const c of spec.columns) values[c.id] = c.missingAs ?? null;
  for (const [f, v] of Object.entries(ch.values)) {
    checkValue(d.scheme, ch.table, f, v, d.lang, `${t.sheet}（${tt(d.lang, "whatif.newRow")}）`);
    values[f] = v;
  }
  if (ref) values[ref.id] = d.tables[d.scheme.entityTable].rows[unit].name;
  const name = String((key && values[key.id]) ?? tt(d.lang, "whatif.newRow"));
  t.rows.push({ row: -1, name, values, cells: {}, entity: unit });
  d.reshaped.add(ch.table);
  d.fields.add(`${ch.table}\u0000*`);
  d.copied.get(ch.table)!.add(t.rows.length - 1);
}

/** Derived fields (产值增量 = 本年 − 上年) of the edited rows follow their inputs. */
function rederive(d: Draft): void {
  for (const id of d.touched) {
    const spec = tableSpec(d.scheme, id, d.lang);
    const c = d.copied.get(id)!;
    for (const f of spec.derived)
      for (const i of c) {
        const r = d.tables[id].rows[i];
        const a = r.values[f.args[0]];
        const b = r.values[f.args[1]];
        r.values[f.id] = typeof a === "number" && typeof b === "number" ? round(a - b) : null;
      }
  }
}

/** A parameter the reader took as a column's mean follows an edit of that column (unless it was set itself). */
function remean(d: Draft): void {
  for (const p of d.scheme.params) {
    const f = p.fallbackMeanOf;
    const given = d.data.params[p.id];
    if (!f || !given || given.cell !== "" || d.params[p.id] !== given) continue;
    if (!d.fields.has(`${f.table}\u0000${f.column}`) && !d.fields.has(`${f.table}\u0000*`)) continue;
    let sum = 0;
    let count = 0;
    for (const r of d.tables[f.table].rows) {
      const v = r.values[f.column];
      if (typeof v === "number") {
        sum += v;
        count++;
      }
    }
    if (count) d.params[p.id] = { ...given, value: round(sum / count) };
  }
}

/** Apply a change set. The input dataset is never mutated. Throws WhatIfError naming the table, row and field. */
export function applyChanges(scheme: Scheme, data: Dataset, changes: readonly Change[], lang: Lang = "zh"): Dataset {
  if (!changes.length) return data;
  const d: Draft = {
    scheme,
    data,
    lang,
    tables: { ...data.tables },
    params: { ...data.params },
    copied: new Map(),
    touched: new Set(),
    fields: new Set(),
    reshaped: new Set(),
  };
  for (const ch of changes) {
    if (ch.op === "param") {
      applyParam(d, ch);
      continue;
    }
    const t = writable(d, ch.table);
    tableSpec(scheme, ch.table, lang);
    d.touched.add(ch.table);
    if (ch.op === "set") applySet(d, ch, t);
    else if (ch.op === "remove") applyRemove(d, ch, t);
    else applyAdd(d, ch, t);
  }
  rederive(d);
  remean(d);
  return { ...data, tables: d.tables, params: d.params };
}

/** The value a change set gives a cell, for display ("相山 本年产值 150 → 170"). */
export function describeChange(scheme: Scheme, data: Dataset, ch: Change, lang: Lang = "zh"): string {
  if (ch.op === "param") {
    const p = scheme.params.find((x) => x.id === ch.param);
    return `${p?.name ?? ch.param} → ${String(ch.value)}`;
  }
  const spec = scheme.tables.find((t) => t.id === ch.table);
  if (ch.op === "add") return tt(lang, "whatif.addRowText", { unit: ch.unit, table: spec?.name ?? ch.table });
  if (ch.op === "remove") return tt(lang, "whatif.removeRowText", { key: ch.key, table: spec?.name ?? ch.table });
  const t = data.tables[ch.table];
  const col = spec?.columns.find((c) => c.id === ch.field);
  let from: FieldValue = null;
  try {
    if (t) from = t.rows[findRow(t, ch.key, ch.row, lang)].values[ch.field] ?? null;
  } catch {
    from = null;
  }
  const show = (v: FieldValue) =>
    v === null
      ? tt(lang, "whatif.blank")
      : typeof v === "boolean"
        ? tt(lang, v ? "whatif.yes" : "whatif.no")
        : String(v);
  return `${ch.key} ${col?.name ?? ch.field} ${show(from)} → ${show(ch.value)}${col?.unit ? " " + col.unit : ""}`;
}
