/**
 * What-if changes: a list of edits (a unit's figure, a project or enterprise row, a bureau-given score, a parameter)
 * applied to an in-memory dataset without touching it. Rows and tables that are not edited are shared; edited rows
 * are copies. Derived fields (产值增量 = 本年 − 上年) and parameters taken as a column's mean follow the edit.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset, FieldValue, Row, Table } from "../dataset";
import type { Lang } from "../types";
import { nameKey } from "../read/normalise";
import { wt } from "./text";

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
  if (!spec) throw new WhatIfError(wt(lang, "noTable", { table: id }));
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
  if (hits.length === 0) throw new WhatIfError(wt(lang, "noRow", { sheet: table.sheet, key }));
  if (hits.length > 1 && row === undefined)
    throw new WhatIfError(wt(lang, "ambiguousRow", { sheet: table.sheet, key, count: hits.length }));
  return hits[0];
}

function checkValue(scheme: Scheme, tableId: string, field: string, value: FieldValue, lang: Lang, where: string) {
  const spec = tableSpec(scheme, tableId, lang);
  const col = spec.columns.find((c) => c.id === field);
  if (!col) {
    const d = spec.derived.find((x) => x.id === field);
    throw new WhatIfError(
      d
        ? wt(lang, "derivedField", { field: d.name, arg: spec.columns.find((c) => c.id === d.args[0])?.name ?? "" })
        : wt(lang, "noField", { table: spec.name, field }),
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
      wt(lang, "badValue", { where, field: col.name, value: String(value), expected: wt(lang, `type.${col.type}`) }),
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

/** Apply a change set. The input dataset is never mutated. Throws WhatIfError naming the table, row and field. */
export function applyChanges(scheme: Scheme, data: Dataset, changes: readonly Change[], lang: Lang = "zh"): Dataset {
  if (!changes.length) return data;
  const tables: Record<string, Table> = { ...data.tables };
  const params = { ...data.params };
  const own = new Set<string>();
  const copied = new Map<string, Set<number>>();
  const touched = new Set<string>();
  /** "table\u0000field" of every set field, plus "table\u0000*" when rows were added or removed */
  const fields = new Set<string>();
  const writable = (id: string): Table => {
    const t = tables[id];
    if (!t) throw new WhatIfError(wt(lang, "noTableInBook", { table: tableSpec(scheme, id, lang).name }));
    if (!own.has(id)) {
      tables[id] = { ...t, rows: [...t.rows] };
      own.add(id);
      copied.set(id, new Set());
    }
    return tables[id];
  };
  const rowOf = (id: string, i: number): Row => {
    const t = writable(id);
    const c = copied.get(id)!;
    if (!c.has(i)) {
      t.rows[i] = copyRow(t.rows[i]);
      c.add(i);
    }
    return t.rows[i];
  };
  const entities = () => tables[scheme.entityTable];
  /** tables whose rows were added or removed in this change set: their row positions differ from the original's */
  const reshaped = new Set<string>();
  const locate = (id: string, key: string, row: number | undefined) =>
    findRow(reshaped.has(id) ? tables[id] : data.tables[id], key, row, lang);
  for (const ch of changes) {
    if (ch.op === "param") {
      const p = scheme.params.find((x) => x.id === ch.param);
      if (!p) throw new WhatIfError(wt(lang, "noParam", { param: ch.param }));
      if ((p.type === "number") !== (typeof ch.value === "number"))
        throw new WhatIfError(
          wt(lang, "badValue", {
            where: p.name,
            field: p.name,
            value: String(ch.value),
            expected: wt(lang, `type.${p.type}`),
          }),
        );
      params[ch.param] = { value: ch.value, sheet: "", cell: "", source: wt(lang, "scenarioSource") };
      continue;
    }
    const t = writable(ch.table);
    const spec = tableSpec(scheme, ch.table, lang);
    touched.add(ch.table);
    if (ch.op === "set") {
      const i = locate(ch.table, ch.key, ch.row);
      const col = spec.columns.find((c) => c.id === ch.field);
      if (col?.role === "key" || col?.role === "ref") throw new WhatIfError(wt(lang, "keyField", { field: col.name }));
      checkValue(scheme, ch.table, ch.field, ch.value, lang, `${t.sheet}「${ch.key}」`);
      rowOf(ch.table, i).values[ch.field] = ch.value;
      fields.add(`${ch.table}\u0000${ch.field}`);
    } else if (ch.op === "remove") {
      if (ch.table === scheme.entityTable) throw new WhatIfError(wt(lang, "removeEntity", { key: ch.key }));
      const i = locate(ch.table, ch.key, ch.row);
      t.rows.splice(i, 1);
      reshaped.add(ch.table);
      fields.add(`${ch.table}\u0000*`);
      const c = copied.get(ch.table)!;
      copied.set(ch.table, new Set([...c].filter((x) => x !== i).map((x) => (x > i ? x - 1 : x))));
    } else {
      if (ch.table === scheme.entityTable || spec.level !== "list")
        throw new WhatIfError(wt(lang, "addNotList", { table: spec.name }));
      const unit = locate(scheme.entityTable, ch.unit, undefined);
      const ref = spec.columns.find((c) => c.role === "ref");
      const key = spec.columns.find((c) => c.role === "key");
      const values: Record<string, FieldValue> = {};
      for (const c of spec.columns) values[c.id] = c.missingAs ?? null;
      for (const [f, v] of Object.entries(ch.values)) {
        checkValue(scheme, ch.table, f, v, lang, `${t.sheet}（${wt(lang, "newRow")}）`);
        values[f] = v;
      }
      if (ref) values[ref.id] = entities().rows[unit].name;
      const name = String((key && values[key.id]) ?? wt(lang, "newRow"));
      t.rows.push({ row: -1, name, values, cells: {}, entity: unit });
      reshaped.add(ch.table);
      fields.add(`${ch.table}\u0000*`);
      copied.get(ch.table)!.add(t.rows.length - 1);
    }
  }
  // derived fields and mean-of-column parameters follow the edited rows
  for (const id of touched) {
    const spec = tableSpec(scheme, id, lang);
    const c = copied.get(id)!;
    for (const d of spec.derived)
      for (const i of c) {
        const r = tables[id].rows[i];
        const a = r.values[d.args[0]];
        const b = r.values[d.args[1]];
        r.values[d.id] = typeof a === "number" && typeof b === "number" ? round(a - b) : null;
      }
  }
  for (const p of scheme.params) {
    const f = p.fallbackMeanOf;
    const given = data.params[p.id];
    if (!f || !given || given.cell !== "" || params[p.id] !== given) continue;
    if (!fields.has(`${f.table}\u0000${f.column}`) && !fields.has(`${f.table}\u0000*`)) continue;
    let sum = 0;
    let count = 0;
    for (const r of tables[f.table].rows) {
      const v = r.values[f.column];
      if (typeof v === "number") {
        sum += v;
        count++;
      }
    }
    if (count) params[p.id] = { ...given, value: round(sum / count) };
  }
  return { ...data, tables, params };
}

/** The value a change set gives a cell, for display ("相山 本年产值 150 → 170"). */
export function describeChange(scheme: Scheme, data: Dataset, ch: Change, lang: Lang = "zh"): string {
  if (ch.op === "param") {
    const p = scheme.params.find((x) => x.id === ch.param);
    return `${p?.name ?? ch.param} → ${String(ch.value)}`;
  }
  const spec = scheme.tables.find((t) => t.id === ch.table);
  if (ch.op === "add") return wt(lang, "addRowText", { unit: ch.unit, table: spec?.name ?? ch.table });
  if (ch.op === "remove") return wt(lang, "removeRowText", { key: ch.key, table: spec?.name ?? ch.table });
  const t = data.tables[ch.table];
  const col = spec?.columns.find((c) => c.id === ch.field);
  let from: FieldValue = null;
  try {
    if (t) from = t.rows[findRow(t, ch.key, ch.row, lang)].values[ch.field] ?? null;
  } catch {
    from = null;
  }
  const show = (v: FieldValue) =>
    v === null ? wt(lang, "blank") : typeof v === "boolean" ? wt(lang, v ? "yes" : "no") : String(v);
  return `${ch.key} ${col?.name ?? ch.field} ${show(from)} → ${show(ch.value)}${col?.unit ? " " + col.unit : ""}`;
}
