/**
 * The pieces every rule kind's gap function uses: the data's grid, solving a condition at the data's resolution, a
 * change of one field, a gap with its sentence in both languages, "已达上限". No import of the kind registry, so the
 * kind modules can use them (makeEnv, in gap-env.ts, evaluates through the registry).
 */
import type { ConditionT } from "../scheme/parts";
import type { FieldValue, Row, Table } from "../dataset";
import type { Lang } from "../types";
import type { GapChange, GapEnv, RuleGap } from "./gap-env";
import { fieldLabel, fieldUnit } from "../score/context";
import { fmt, roundTo, signed } from "../format";
import { t as tt, type TextKey, type Vars } from "../i18n";
import { schemeAmount, schemeUnit, schemeWord } from "../i18n/scheme-words";
import type { Scheme } from "../scheme/schema";

// the data's grid: values the data could hold at its resolution
const dec = (res: number) => Math.max(0, Math.round(-Math.log10(res)));
export const onGrid = (x: number, res: number) => Number((Math.round(x / res) * res).toFixed(dec(res)));
const ceilGrid = (t: number, res: number) => onGrid(Math.ceil(roundTo(t / res, 9)) * res, res);
const floorGrid = (t: number, res: number) => onGrid(Math.floor(roundTo(t / res, 9)) * res, res);

/** The value nearest to the current one that satisfies `x op t`, at the data's resolution. */
export function solve(op: string, t: number, res: number): number {
  switch (op) {
    case ">=":
      return ceilGrid(t, res);
    case ">":
      return onGrid(floorGrid(t, res) + res, res);
    case "<=":
      return floorGrid(t, res);
    case "<":
      return onGrid(ceilGrid(t, res) - res, res);
    default:
      return t;
  }
}

export function rowKey(env: GapEnv, table: Table, row: Row): { key: string; row?: number } {
  return table.id === env.scheme.entityTable ? { key: row.name } : { key: row.name, row: row.row };
}

/** A change of one field of a row (a derived field is changed through its first argument). */
export function fieldChange(env: GapEnv, table: Table, row: Row, field: string, to: FieldValue): GapChange {
  const spec = env.scheme.tables.find((t) => t.id === table.id);
  const d = spec?.derived.find((x) => x.id === field);
  const from = row.values[field] ?? null;
  const res = typeof to === "number" ? env.res(table, field) : null;
  const delta = typeof to === "number" && typeof from === "number" ? onGrid(to - from, res!) : null;
  const base = {
    table: table.id,
    field,
    label: fieldLabel(env.ctx, table, field),
    unit: schemeUnit(env.scheme, env.ctx.lang, fieldUnit(env.ctx, table, field)),
    from,
    to,
    delta,
    res,
  };
  if (d && typeof to === "number") {
    const b = row.values[d.args[1]];
    const a = row.values[d.args[0]];
    const argTo = typeof b === "number" ? onGrid(to + b, res!) : to; // on the finer grid of the two inputs
    return {
      ...base,
      change: { op: "set", table: table.id, ...rowKey(env, table, row), field: d.args[0], value: argTo },
      via: { field: d.args[0], label: fieldLabel(env.ctx, table, d.args[0]), from: a ?? null, to: argTo },
    };
  }
  return { ...base, change: { op: "set", table: table.id, ...rowKey(env, table, row), field, value: to } };
}

const shown = (v: FieldValue, lang: Lang) =>
  v === null ? tt(lang, "whatif.blank") : typeof v === "boolean" ? tt(lang, v ? "whatif.yes" : "whatif.no") : fmt(v);

/** The scheme's own (Chinese) unit of the field a change sets ("" for points), as fieldUnit reads it. */
function unitOfChange(s: Scheme, c: GapChange): string {
  const spec = s.tables.find((x) => x.id === c.table);
  const col = spec?.columns.find((x) => x.id === c.field) ?? spec?.derived.find((x) => x.id === c.field);
  return col?.unit && col.unit !== "分" ? col.unit : "";
}

/** A change in words; the scheme's words in it (labels, units, a list's name) in the language asked for. */
export function changeText(c: GapChange, lang: Lang, s: Scheme): string {
  const w = (zh: string) => schemeWord(s, lang, zh);
  if (c.add) {
    const vars = { n: c.add.count, what: w(c.add.what), conds: c.add.conds[lang] };
    return tt(lang, c.add.count > 1 ? "whatif.addRows" : "whatif.addRow", vars);
  }
  const unit = unitOfChange(s, c);
  const amount = (n: string) => (unit === "%" ? `${n}%` : schemeAmount(s, lang, n, unit));
  const label = w(c.label);
  if (typeof c.to !== "number" || (c.from !== null && typeof c.from !== "number"))
    return tt(lang, "whatif.setTo", { label, from: shown(c.from, lang), to: shown(c.to, lang) });
  const from = typeof c.from === "number" ? c.from : 0;
  const delta = c.delta ?? c.to - from;
  let text = tt(lang, "whatif.change", {
    label,
    from: amount(shown(c.from, lang)),
    verb: tt(lang, delta >= 0 ? "whatif.more" : "whatif.less"),
    delta: amount(fmt(Math.abs(delta))),
  });
  if (c.via)
    text += tt(lang, "whatif.changeVia", {
      arg: w(c.via.label),
      from: shown(c.via.from, lang),
      to: amount(shown(c.via.to, lang)),
    });
  return text;
}

/** Which rule and unit a gap is about. */
function gapHead(env: GapEnv, unit: number) {
  const rule = env.scheme.rules[env.k];
  return { rule: rule.id, ruleIndex: env.k, kind: rule.kind, entity: unit, name: env.entities.rows[unit].name };
}

/** A gap: the changes, the points they give (by the rule's own evaluator), and the sentence in both languages. */
export function gapOf(
  env: GapEnv,
  unit: number,
  changes: GapChange[],
  level: { zh: string; en: string },
  pointsAfter?: number,
): RuleGap | null {
  const before = env.cur(unit);
  const after =
    pointsAfter ??
    env.pointsWith(
      changes.map((c) => c.change),
      unit,
    );
  const gain = roundTo(after - before, 9);
  const text = (lang: Lang) =>
    tt(lang, "whatif.reachLevel", {
      changes: changes.map((c) => changeText(c, lang, env.scheme)).join(tt(lang, "basis.sep")),
      level: level[lang],
      gain: signed(gain),
    });
  return {
    ...gapHead(env, unit),
    status: "gap",
    changes,
    pointsBefore: before,
    pointsAfter: after,
    gain,
    level,
    text: { zh: text("zh"), en: text("en") },
  };
}

export function capped(env: GapEnv, unit: number, key: TextKey = "whatif.capped"): RuleGap {
  const rule = env.scheme.rules[env.k];
  const p = env.cur(unit);
  const words = both(key, (l) => ({ rule: `${rule.id} ${schemeWord(env.scheme, l, rule.label)}`, points: fmt(p) }));
  const level = { ...words };
  return {
    ...gapHead(env, unit),
    status: "capped",
    changes: [],
    pointsBefore: p,
    pointsAfter: p,
    gain: 0,
    level,
    text: words,
  };
}

/** A text in both languages; vars may depend on the language (the scheme's words in it). */
export const both = (key: TextKey, vars: Vars | ((lang: Lang) => Vars) = {}) => ({
  zh: tt("zh", key, typeof vars === "function" ? vars("zh") : vars),
  en: tt("en", key, typeof vars === "function" ? vars("en") : vars),
});

/** Raise (or lower) one numeric field of the unit's row to `to`, unless that is no change. */
export function numeric(env: GapEnv, unit: number, field: string, to: number, level: { zh: string; en: string }) {
  const row = env.entities.rows[unit];
  return gapOf(env, unit, [fieldChange(env, env.entities, row, field, to)], level);
}

/** A unit written after a value: "%" directly, other units after a space. */
export const unitOf = (env: GapEnv, t: Table, f: string, lang: Lang) => {
  const u = schemeUnit(env.scheme, lang, fieldUnit(env.ctx, t, f));
  return u === "%" ? u : u ? " " + u : "";
};

/** The value a condition compares with (a parameter's value), or null when the parameter is missing. */
export function condTarget(env: GapEnv, c: ConditionT): number | boolean | null {
  if (typeof c.value !== "object") return c.value;
  const p = env.data.params[c.value.param];
  return p && typeof p.value === "number" ? p.value : null;
}

const OP: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

/** A condition as a level's words ("计划总投资 ≥100 亿元", or "≥100" when short). */
export function condText(env: GapEnv, table: Table, c: ConditionT, lang: Lang, short: boolean): string {
  const t = condTarget(env, c);
  const label = short ? "" : schemeWord(env.scheme, lang, fieldLabel(env.ctx, table, c.field));
  if (c.op === "is")
    return tt(lang, "basis.cond.is", { label, value: tt(lang, t === true ? "whatif.yes" : "whatif.no") });
  const u = schemeUnit(env.scheme, lang, fieldUnit(env.ctx, table, c.field));
  return `${label}${short ? "" : " "}${OP[c.op]}${t === null ? "?" : shown(t, lang)}${short || !u ? "" : " " + u}`;
}

/** Does x satisfy `x op t`? */
function holds(op: string, x: number, t: number): boolean {
  return op === ">=" ? x >= t : op === ">" ? x > t : op === "<=" ? x <= t : op === "<" ? x < t : x === t;
}

/** The changes that make every condition hold on a row, or null when one cannot be met. */
export function meet(env: GapEnv, table: Table, row: Row, conds: readonly ConditionT[]): GapChange[] | null {
  const planned = new Map<string, number | boolean>();
  for (const c of conds) {
    const t = condTarget(env, c);
    if (t === null) return null;
    const v = planned.has(c.field) ? planned.get(c.field)! : row.values[c.field];
    if (c.op === "is") {
      if (v !== t) planned.set(c.field, t);
      continue;
    }
    if (typeof t !== "number") return null;
    if (typeof v === "number" && holds(c.op, v, t)) continue;
    planned.set(c.field, solve(c.op, t, env.res(table, c.field)));
  }
  return [...planned].map(([f, to]) => fieldChange(env, table, row, f, to));
}

/** The size of a set of changes: Σ |change| / |value before| (a yes/no or text change counts 1). */
export const costOf = (changes: GapChange[]) =>
  changes.reduce((s, c) => {
    if (typeof c.to !== "number" || typeof c.from !== "number") return s + 1;
    return s + Math.abs(c.to - c.from) / Math.max(Math.abs(c.from), c.res ?? 1);
  }, 0);
