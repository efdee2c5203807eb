/**
 * What every gap function gets: the baseline data and run, a rule context like scoring's, the data's resolution per
 * column, and a way to evaluate the rule after a change (the rule's own evaluator, so a gap never disagrees with
 * scoring). Plus the pieces every kind uses to describe a change in both languages.
 */
import type { RuleKind, RuleOf, RuleSpecT, Scheme } from "../scheme/schema";
import type { Dataset, FieldValue, Table } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { Lang } from "../types";
import type { RuleContext } from "../score/context";
import { evaluateRule } from "../score/kinds";
import { applyChanges, type Change } from "./changes";

export type { RuleKind, RuleOf, RuleSpecT };

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

export * from "./gap-parts";
