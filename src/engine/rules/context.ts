/** What every rule module gets: the scheme, the typed tables, and helpers to judge conditions and cite cells. */
import type { ConditionT, Scheme } from "../../schemes/schema";
import type { Dataset, Row, Table } from "../dataset";
import type { Issue, Lang } from "../types";
import type { InputRef } from "../result";
import { fmt } from "../format";

export interface RuleContext {
  scheme: Scheme;
  data: Dataset;
  entities: Table;
  lang: Lang;
  warn(issue: Omit<Issue, "severity">): void;
}

export interface CondOutcome {
  /** null: a value is missing, so the condition cannot be judged (treated as not met, and said) */
  ok: boolean | null;
  text: string;
  input?: InputRef;
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

export function fieldLabel(ctx: RuleContext, table: Table, field: string): string {
  return memo(labelCache, table, field, () => fieldLabelUncached(ctx, table, field));
}

function fieldLabelUncached(ctx: RuleContext, table: Table, field: string): string {
  const spec = ctx.scheme.tables.find((t) => t.id === table.id);
  const col = spec?.columns.find((c) => c.id === field);
  if (col) return col.name.replace(/^本年|^当年/, "");
  const d = spec?.derived.find((x) => x.id === field);
  return d?.name ?? table.headers[field] ?? field;
}

export function fieldUnit(ctx: RuleContext, table: Table, field: string): string {
  return memo(unitCache, table, field, () => fieldUnitUncached(ctx, table, field));
}

function fieldUnitUncached(ctx: RuleContext, table: Table, field: string): string {
  const spec = ctx.scheme.tables.find((t) => t.id === table.id);
  const col = spec?.columns.find((c) => c.id === field) ?? spec?.derived.find((x) => x.id === field);
  return col?.unit && col.unit !== "分" ? col.unit : "";
}

export function inputRef(ctx: RuleContext, table: Table, row: Row, field: string): InputRef {
  return { label: fieldLabel(ctx, table, field), value: row.values[field] ?? null, ref: row.cells[field] ? `${table.sheet}!${row.cells[field]}` : "" };
}

const OP_TEXT: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };
const NEG_TEXT: Record<string, string> = { ">=": "<", ">": "≤", "<=": ">", "<": "≥", "=": "≠" };

export function judge(ctx: RuleContext, table: Table, row: Row, c: ConditionT): CondOutcome {
  const v = row.values[c.field];
  const label = fieldLabel(ctx, table, c.field);
  const unit = fieldUnit(ctx, table, c.field);
  const input = inputRef(ctx, table, row, c.field);
  let target: number | boolean;
  let targetText: string;
  if (typeof c.value === "object") {
    const p = ctx.data.params[c.value.param];
    const spec = ctx.scheme.params.find((x) => x.id === (c.value as { param: string }).param);
    if (!p || typeof p.value !== "number") return { ok: null, text: `缺少参数“${spec?.name ?? c.value.param}”`, input };
    target = p.value;
    targetText = `${spec?.name ?? c.value.param} ${fmt(p.value)}`;
  } else {
    target = c.value;
    targetText = fmt(c.value);
  }
  if (v === null || v === undefined) return { ok: null, text: `${label}缺少数据`, input };
  if (c.op === "is") {
    const ok = v === target;
    return { ok, text: `${label}：${fmt(v)}`, input };
  }
  if (typeof v !== "number" || typeof target !== "number") return { ok: null, text: `${label}不是数字`, input };
  let ok: boolean;
  switch (c.op) {
    case ">=": ok = v >= target; break;
    case ">": ok = v > target; break;
    case "<=": ok = v <= target; break;
    case "<": ok = v < target; break;
    default: ok = v === target;
  }
  return { ok, text: `${label} ${fmt(v)}${unit ? " " + unit : ""} ${ok ? OP_TEXT[c.op] : NEG_TEXT[c.op]} ${targetText}`, input };
}

/** All conditions: ok when all hold, null when one cannot be judged and none failed. */
export function judgeAll(ctx: RuleContext, table: Table, row: Row, conds: readonly ConditionT[]): { ok: boolean | null; parts: CondOutcome[] } {
  const parts = conds.map((c) => judge(ctx, table, row, c));
  if (parts.some((p) => p.ok === false)) return { ok: false, parts };
  if (parts.some((p) => p.ok === null)) return { ok: null, parts };
  return { ok: true, parts };
}
