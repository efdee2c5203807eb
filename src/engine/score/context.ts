/** What every rule module gets: the scheme, the typed tables, options in force, and helpers to judge and cite. */
import type { ConditionT, NumOrParamT } from "../scheme/parts";
import type { Scheme } from "../scheme/schema";
import type { Dataset, Row, Table } from "../dataset";
import type { Issue, Lang } from "../types";
import type { InputRef } from "./result";
import { fmt } from "../format";
import { a1, parseA1 } from "../read/normalise";
import { t, type TextKey, type Vars } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";

export interface RuleContext {
  scheme: Scheme;
  data: Dataset;
  entities: Table;
  lang: Lang;
  /** option id → chosen choice id (scheme defaults, overridden by the user) */
  options: Record<string, string>;
  /** entities excluded by a veto (不予评价): they are not scored and not ranked */
  excluded: boolean[];
  warn(issue: Omit<Issue, "severity">): void;
}

/** Is entity i scored at all (not a duplicate row)? */
export function live(ctx: RuleContext, i: number): boolean {
  return ctx.entities.rows[i].entity === i && !ctx.excluded[i];
}

const labelCache = new WeakMap<Table, Map<string, string>>();
const unitCache = new WeakMap<Table, Map<string, string>>();
function memo(cache: WeakMap<Table, Map<string, string>>, table: Table, field: string, f: () => string): string {
  let m = cache.get(table);
  if (!m) cache.set(table, (m = new Map()));
  let v = m.get(field);
  if (v === undefined) m.set(field, (v = f()));
  return v;
}

/**
 * A column's label in the run's language: in Chinese without a leading 本年/当年 (the sentence gives the year); in
 * English the scheme's word for the full name (the glossary has the names as the scheme writes them).
 */
export function fieldLabel(ctx: RuleContext, table: Table, field: string): string {
  return memo(labelCache, table, `${ctx.lang}|${field}`, () => {
    const spec = ctx.scheme.tables.find((t) => t.id === table.id);
    const col = spec?.columns.find((c) => c.id === field);
    if (col && ctx.lang !== "zh") return schemeWord(ctx.scheme, ctx.lang, col.name);
    if (col) return col.name.replace(/^本年|^当年/, "");
    const derived = spec?.derived.find((x) => x.id === field)?.name;
    if (derived) return schemeWord(ctx.scheme, ctx.lang, derived);
    return table.headers[field] ?? field;
  });
}

export function fieldUnit(ctx: RuleContext, table: Table, field: string): string {
  return memo(unitCache, table, field, () => {
    const spec = ctx.scheme.tables.find((t) => t.id === table.id);
    const col = spec?.columns.find((c) => c.id === field) ?? spec?.derived.find((x) => x.id === field);
    return col?.unit && col.unit !== "分" ? col.unit : "";
  });
}

export function inputRef(ctx: RuleContext, table: Table, row: Row, field: string): InputRef {
  return {
    label: fieldLabel(ctx, table, field),
    value: row.values[field] ?? null,
    ref: row.cells[field] ? `${table.sheet}!${row.cells[field]}` : "",
  };
}

/**
 * The cell a warning about `field` names: its own cell; for a derived field (本年 − 上年) the cell of the input that
 * is not a number (else the first input); else the row's name cell.
 */
export function cellOf(ctx: RuleContext, table: Table, row: Row, field: string): string {
  if (row.cells[field]) return row.cells[field];
  const d = ctx.scheme.tables.find((t) => t.id === table.id)?.derived.find((x) => x.id === field);
  if (d) {
    const bad = d.args.find((a) => row.cells[a] && typeof row.values[a] !== "number");
    const any = d.args.find((a) => row.cells[a]);
    if (bad ?? any) return row.cells[(bad ?? any)!];
  }
  return row.cells.name ?? Object.values(row.cells)[0] ?? "";
}

/** The header cell of a field's column (the cell above its first data cell), or "" when the column is absent. */
export function headerCell(table: Table, field: string): string {
  const first = table.rows.find((r) => r.cells[field] !== undefined);
  if (!first) return "";
  const at = parseA1(first.cells[field]);
  return a1(Math.max(0, at.row - 1), at.col);
}

/** A number given in the scheme or as a parameter; null when the parameter is missing. */
export function numOrParam(ctx: RuleContext, v: NumOrParamT): number | null {
  if (typeof v === "number") return v;
  const p = ctx.data.params[v.param];
  return p && typeof p.value === "number" ? p.value : null;
}

function target(ctx: RuleContext, c: ConditionT): number | boolean | null {
  if (typeof c.value !== "object") return c.value;
  const p = ctx.data.params[c.value.param];
  return p && typeof p.value === "number" ? p.value : null;
}

/** The fast path: true / false, or null when a value is missing. No strings. */
export function test(ctx: RuleContext, row: Row, c: ConditionT): boolean | null {
  const v = row.values[c.field];
  const t = target(ctx, c);
  if (v === null || v === undefined || t === null) return null;
  if (c.op === "is") return v === t;
  if (typeof v !== "number" || typeof t !== "number") return null;
  switch (c.op) {
    case ">=":
      return v >= t;
    case ">":
      return v > t;
    case "<=":
      return v <= t;
    case "<":
      return v < t;
    default:
      return v === t;
  }
}

/** All conditions: true when all hold, false when one fails, null when one cannot be judged and none failed. */
export function testAll(ctx: RuleContext, row: Row, conds: readonly ConditionT[]): boolean | null {
  let unknown = false;
  for (const c of conds) {
    const r = test(ctx, row, c);
    if (r === false) return false;
    if (r === null) unknown = true;
  }
  return unknown ? null : true;
}

const OP_TEXT: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };
const NEG_TEXT: Record<string, string> = { ">=": "<", ">": "≤", "<=": ">", "<": "≥", "=": "≠" };

/** The sentence for one condition, e.g. "计划总投资 120 亿元 ≥ 100". */
export function describe(ctx: RuleContext, table: Table, row: Row, c: ConditionT): string {
  const v = row.values[c.field];
  const label = word(ctx, fieldLabel(ctx, table, c.field));
  let targetText: string;
  if (typeof c.value === "object") {
    const id = c.value.param;
    const name = word(ctx, ctx.scheme.params.find((x) => x.id === id)?.name ?? id);
    const t = target(ctx, c);
    if (t === null) return say(ctx, "basis.cond.noParam", { name });
    targetText = `${name} ${show(ctx, t)}`;
  } else targetText = show(ctx, c.value);
  if (v === null || v === undefined) return say(ctx, "basis.cond.missing", { label });
  if (c.op === "is") return say(ctx, "basis.cond.is", { label, value: show(ctx, v) });
  const ok = test(ctx, row, c);
  if (ok === null) return say(ctx, "basis.cond.notNumber", { label });
  const unit = word(ctx, fieldUnit(ctx, table, c.field));
  return `${label} ${show(ctx, v)}${unit ? " " + unit : ""} ${ok ? OP_TEXT[c.op] : NEG_TEXT[c.op]} ${targetText}`;
}

/** A text of the catalogue in the run's language. */
export function say(ctx: { lang: Lang }, key: TextKey, vars: Vars = {}): string {
  return t(ctx.lang, key, vars);
}

/** A word of the scheme (a column label, a unit, a clause) in the run's language. */
export function word(ctx: { scheme: Scheme; lang: Lang }, zh: string): string {
  return schemeWord(ctx.scheme, ctx.lang, zh);
}

/** A value in a sentence: numbers as fmt writes them, yes/no and blank in the run's language. */
export function show(ctx: { lang: Lang }, x: number | boolean | string | null | undefined): string {
  if (typeof x === "number" || typeof x === "string") return fmt(x);
  if (x === null || x === undefined) return t(ctx.lang, "basis.blank");
  return t(ctx.lang, x ? "basis.yes" : "basis.no");
}

const targetIndex = new WeakMap<Table, Map<number, Row>>();
/** The target row of entity i in a targets table, or undefined. */
export function targetValue(
  ctx: RuleContext,
  table: string,
  column: string,
  entity: number,
): { value: number | null; ref: string } | undefined {
  const t = ctx.data.tables[table];
  if (!t) return undefined;
  let index = targetIndex.get(t);
  if (!index) {
    index = new Map();
    for (const r of t.rows) if (r.entity >= 0 && !index.has(r.entity)) index.set(r.entity, r);
    targetIndex.set(t, index);
  }
  const row = index.get(entity);
  if (!row) return undefined;
  const v = row.values[column];
  return { value: typeof v === "number" ? v : null, ref: row.cells[column] ? `${t.sheet}!${row.cells[column]}` : "" };
}

/** Does a higher value of this entity column score lower (the column's direction)? */
export function isLower(ctx: { scheme: Scheme; entities: Table }, field: string): boolean {
  const spec = ctx.scheme.tables.find((t) => t.id === ctx.entities.id);
  return spec?.columns.find((c) => c.id === field)?.direction === "lower";
}
