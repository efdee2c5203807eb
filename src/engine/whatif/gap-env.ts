/**
 * What every gap function gets: the baseline data and run, a rule context like scoring's, the data's resolution per
 * column, and a way to evaluate the rule after a change (the rule's own evaluator, so a gap never disagrees with
 * scoring). Plus the pieces every kind uses to describe a change in both languages.
 */
import type { RuleSpecT, Scheme } from "../scheme/schema";
import type { Dataset, FieldValue, Row, Table } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { Lang } from "../types";
import type { RuleContext } from "../score/context";
import { fieldLabel, fieldUnit } from "../score/context";
import { evaluateRule } from "../score/scoring";
import { fmt, signed } from "../format";
import { applyChanges, type Change } from "./changes";
import { wt } from "./text";

export type RuleKind = RuleSpecT["kind"];
export type RuleOf<K extends RuleKind> = Extract<RuleSpecT, { kind: K }>;

/** One input to change, as shown (a derived field shows the figure it is computed as, and the cell it comes from). */
export interface GapChange {
  change: Change;
  table: string;
  /** the field judged by the rule (may be derived) */
  field: string;
  label: string;
  unit: string;
  from: FieldValue;
  to: FieldValue;
  /** to − from for numbers */
  delta: number | null;
  /** the data's resolution for this field (one step less must not reach the level) */
  res: number | null;
  /** a derived field: the input that changes, e.g. 本年规上工业产值 140 → 183.4 */
  via?: { field: string; label: string; from: FieldValue; to: FieldValue };
  /** a new list row: what it is and the conditions it meets, in both languages; `count` rows alike */
  add?: { what: string; conds: { zh: string; en: string }; count: number };
}

export interface RuleGap {
  rule: string;
  ruleIndex: number;
  kind: RuleKind;
  entity: number;
  name: string;
  /** gap: the changes below reach the next level; capped: 已达上限 */
  status: "gap" | "capped";
  changes: GapChange[];
  pointsBefore: number;
  /** the rule's points for this unit once the changes are made */
  pointsAfter: number;
  gain: number;
  level: { zh: string; en: string };
  text: { zh: string; en: string };
}

export interface GapEnv {
  scheme: Scheme;
  data: Dataset;
  run: ScoreRun;
  ctx: RuleContext;
  /** index of the rule in scheme.rules */
  k: number;
  entities: Table;
  /** the data's resolution of a field: 10^−(most decimals among its values), 1 for whole numbers */
  res(table: Table, field: string): number;
  /** the rule's points for a unit once the changes are made */
  pointsWith(changes: Change[], unit: number): number;
  cur(unit: number): number;
}

const r9 = (x: number) => Math.round(x * 1e9) / 1e9;

function decimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = String(Math.abs(x));
  const e = s.indexOf("e-");
  if (e >= 0) return Math.min(9, Number(s.slice(e + 2)) + (s.slice(0, e).split(".")[1]?.length ?? 0));
  return Math.min(9, s.split(".")[1]?.length ?? 0);
}

const resCache = new WeakMap<Table, Map<string, number>>();

export function resolutionOf(scheme: Scheme, table: Table, field: string): number {
  let m = resCache.get(table);
  if (!m) resCache.set(table, (m = new Map()));
  const hit = m.get(field);
  if (hit !== undefined) return hit;
  const spec = scheme.tables.find((t) => t.id === table.id);
  const d = spec?.derived.find((x) => x.id === field);
  let res: number;
  if (d) res = Math.min(resolutionOf(scheme, table, d.args[0]), resolutionOf(scheme, table, d.args[1]));
  else {
    let dec = 0;
    for (const r of table.rows) {
      const v = r.values[field];
      if (typeof v === "number") dec = Math.max(dec, decimals(v));
    }
    res = Math.pow(10, -Math.min(dec, 6));
  }
  m.set(field, res);
  return res;
}

export function makeEnv(scheme: Scheme, data: Dataset, run: ScoreRun, k: number, lang: Lang = "zh"): GapEnv {
  const entities = data.tables[scheme.entityTable];
  const ctx: RuleContext = {
    scheme,
    data,
    entities,
    lang,
    options: run.options,
    excluded: run.entities.map((e) => e.vetoed),
    warn: () => undefined,
  };
  const rule = scheme.rules[k];
  return {
    scheme,
    data,
    run,
    ctx,
    k,
    entities,
    res: (t, f) => resolutionOf(scheme, t, f),
    pointsWith(changes, unit) {
      const d = applyChanges(scheme, data, changes, lang);
      const c: RuleContext = { ...ctx, data: d, entities: d.tables[scheme.entityTable] };
      return evaluateRule(rule, c).points[unit];
    },
    cur: (unit) => run.entities[unit].points[k],
  };
}

// the data's grid: values the data could hold at its resolution
const dec = (res: number) => Math.max(0, Math.round(-Math.log10(res)));
export const onGrid = (x: number, res: number) => Number((Math.round(x / res) * res).toFixed(dec(res)));
const ceilGrid = (t: number, res: number) => onGrid(Math.ceil(r9(t / res)) * res, res);
const floorGrid = (t: number, res: number) => onGrid(Math.floor(r9(t / res)) * res, res);

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
    unit: fieldUnit(env.ctx, table, field),
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
  v === null ? wt(lang, "blank") : typeof v === "boolean" ? wt(lang, v ? "yes" : "no") : fmt(v);

export function changeText(c: GapChange, lang: Lang): string {
  if (c.add)
    return c.add.count > 1
      ? wt(lang, "addRows", { n: c.add.count, what: c.add.what, conds: c.add.conds[lang] })
      : wt(lang, "addRow", { what: c.add.what, conds: c.add.conds[lang] });
  const u = c.unit === "%" ? "%" : c.unit ? " " + c.unit : "";
  if (typeof c.to !== "number" || (c.from !== null && typeof c.from !== "number"))
    return wt(lang, "setTo", { label: c.label, from: shown(c.from, lang), to: shown(c.to, lang) });
  const from = typeof c.from === "number" ? c.from : 0;
  const delta = c.delta ?? c.to - from;
  let s = wt(lang, "change", {
    label: c.label,
    from: shown(c.from, lang),
    unit: u,
    verb: wt(lang, delta >= 0 ? "more" : "less"),
    delta: fmt(Math.abs(delta)),
  });
  if (c.via)
    s += wt(lang, "changeVia", { arg: c.via.label, from: shown(c.via.from, lang), to: shown(c.via.to, lang), unit: u });
  return s;
}

/** A gap: the changes, the points they give (by the rule's own evaluator), and the sentence in both languages. */
export function gapOf(
  env: GapEnv,
  unit: number,
  changes: GapChange[],
  level: { zh: string; en: string },
  pointsAfter?: number,
): RuleGap | null {
  const rule = env.scheme.rules[env.k];
  const before = env.cur(unit);
  const after =
    pointsAfter ??
    env.pointsWith(
      changes.map((c) => c.change),
      unit,
    );
  const gain = r9(after - before);
  const text = (lang: Lang) =>
    wt(lang, "reachLevel", {
      changes: changes.map((c) => changeText(c, lang)).join(lang === "zh" ? "；" : "; "),
      level: level[lang],
      gain: signed(gain),
    });
  return {
    rule: rule.id,
    ruleIndex: env.k,
    kind: rule.kind,
    entity: unit,
    name: env.entities.rows[unit].name,
    status: "gap",
    changes,
    pointsBefore: before,
    pointsAfter: after,
    gain,
    level,
    text: { zh: text("zh"), en: text("en") },
  };
}

export function capped(env: GapEnv, unit: number, key = "capped"): RuleGap {
  const rule = env.scheme.rules[env.k];
  const p = env.cur(unit);
  const label = `${rule.id} ${rule.label}`;
  return {
    rule: rule.id,
    ruleIndex: env.k,
    kind: rule.kind,
    entity: unit,
    name: env.entities.rows[unit].name,
    status: "capped",
    changes: [],
    pointsBefore: p,
    pointsAfter: p,
    gain: 0,
    level: { zh: wt("zh", key, { rule: label, points: fmt(p) }), en: wt("en", key, { rule: label, points: fmt(p) }) },
    text: { zh: wt("zh", key, { rule: label, points: fmt(p) }), en: wt("en", key, { rule: label, points: fmt(p) }) },
  };
}

export const both = (key: string, vars: Record<string, string | number> = {}) => ({
  zh: wt("zh", key, vars),
  en: wt("en", key, vars),
});
