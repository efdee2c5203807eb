/** Benchmark ratio (亩均效益): weight × min(x / benchmark, cap); lower-is-better: benchmark / x. */
import { z } from "zod";
import { id, NumOrParam, ruleBase } from "../../scheme/parts";
import { fmt } from "../../format";
import { fieldLabel, headerCell, inputRef, isLower, live, numOrParam, say, word, type RuleContext } from "../context";
import { entityDetails, num } from "../entity-rule";
import { zeros, type RuleOutcome } from "../outcome";
import { both, capped, fieldChange, numeric, onGrid, solve } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import { kindTexts, fieldProblems, type KindModule } from "./kind";
import { t } from "../../i18n";

export const BenchmarkRule = z.object({
  ...ruleBase,
  kind: z.literal("benchmark-ratio"),
  field: id,
  /** points = weight × min(x / benchmark, cap) (lower-is-better: benchmark / x) */
  weight: NumOrParam,
  benchmark: NumOrParam,
  cap: z.number().positive(),
  /** a missing value: 0 points, or the mean score of the entities that have it */
  missing: z.enum(["zero", "mean-score"]).default("zero"),
});

type Rule = z.output<typeof BenchmarkRule>;
const ratioOf = (lower: boolean, x: number, b: number) => (lower ? (x > 0 ? b / x : 0) : x / b);

/** No weight or benchmark: a warning at the column's header, and no points. */
function cannotScore(rule: Rule, ctx: RuleContext, label: string): RuleOutcome {
  const ents = ctx.entities;
  ctx.warn({
    code: "cannot-evaluate",
    sheet: ents.sheet,
    cell: headerCell(ents, rule.field) || headerCell(ents, "name"),
    message: say(ctx, "basis.benchmark.noBenchmarkWarn", { rule: rule.id, label }),
  });
  const basis = () => `${word(ctx, rule.clause)} ${say(ctx, "basis.benchmark.noBenchmark")}`;
  return { points: zeros(ents.rows.length), basis, details: () => [] };
}

/** Points of every live unit with a value; the units without one take 0 or the mean of the others. */
function pointsOf(
  rule: Rule,
  ctx: RuleContext,
  w: number,
  b: number,
): { points: number[]; mean: number; missing: Set<number> } {
  const rows = ctx.entities.rows;
  const points = zeros(rows.length);
  const lower = isLower(ctx, rule.field);
  let sum = 0;
  let have = 0;
  const missing: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!live(ctx, i)) continue;
    const x = num(rows[i], rule.field);
    if (x === null) {
      missing.push(i);
      continue;
    }
    points[i] = w * Math.max(0, Math.min(ratioOf(lower, x, b), rule.cap));
    sum += points[i];
    have++;
  }
  const mean = have ? sum / have : 0;
  if (rule.missing === "mean-score") for (const i of missing) points[i] = mean;
  return { points, mean, missing: new Set(missing) };
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.benchmark.noBenchmarkWarn": "{rule}：缺少权重或基准值（或基准值不大于 0），「{label}」无法评分",
    "basis.benchmark.noBenchmark": "缺少权重或基准值 → 0",
    "basis.benchmark.missing": "{label}缺少数据 → {then}",
    "basis.benchmark.mean": "按该项平均得分 {mean}",
    "basis.fallback.benchmark": "缺少权重或基准值",
    "basis.kind.benchmark-ratio": "标杆比值",
    "whatif.benchLevel": "基准值的 {cap} 倍（封顶）",
  },
  {
    "basis.benchmark.noBenchmarkWarn":
      '{rule}: the weight or the benchmark is missing (or the benchmark is not above 0); "{label}" cannot be scored',
    "basis.benchmark.noBenchmark": "the weight or the benchmark is missing → 0",
    "basis.benchmark.missing": "{label}: no data → {then}",
    "basis.benchmark.mean": "the mean score of this rule, {mean}",
    "basis.fallback.benchmark": "the weight or the benchmark is missing",
    "basis.kind.benchmark-ratio": "benchmark ratio",
    "whatif.benchLevel": "{cap} × the benchmark (the cap)",
  },
);

export const benchmarkRatio: KindModule<typeof BenchmarkRule, typeof texts> = {
  kind: "benchmark-ratio",
  schema: BenchmarkRule,
  texts,
  evaluate(rule, ctx) {
    const ents = ctx.entities;
    const w = numOrParam(ctx, rule.weight);
    const b = numOrParam(ctx, rule.benchmark);
    const label = word(ctx, fieldLabel(ctx, ents, rule.field));
    if (w === null || b === null || b <= 0) return cannotScore(rule, ctx, label);
    const { points, mean, missing } = pointsOf(rule, ctx, w, b);
    const lower = isLower(ctx, rule.field);
    const clause = word(ctx, rule.clause);
    const basis = (i: number): string => {
      const x = num(ents.rows[i], rule.field);
      if (x === null) {
        const then = rule.missing === "mean-score" ? say(ctx, "basis.benchmark.mean", { mean: fmt(mean) }) : "0";
        return `${clause} ${say(ctx, "basis.benchmark.missing", { label, then })}`;
      }
      const ratio = lower ? `${fmt(b)} ÷ ${fmt(x)}` : `${fmt(x)} ÷ ${fmt(b)}`;
      const value = fmt(ratioOf(lower, x, b));
      return `${clause} ${fmt(w)} × min(${ratio} = ${value}, ${fmt(rule.cap)}) → ${fmt(points[i])}`;
    };
    const inputs = (i: number) => [inputRef(ctx, ents, ents.rows[i], rule.field)];
    return { points, basis, details: () => entityDetails(ctx, rule, points, basis, inputs, (i) => missing.has(i)) };
  },
  // weight × min(x / benchmark, cap) reads the unit's own cell and shared cells only: computed in input order
  ownRow: true,
  formula(rule, fx, i) {
    const x = fx.ref(fx.entities, fx.entities.rows[i], rule.field);
    if (!x) return fx.fallback("basis.fallback.noNumber");
    const w = typeof rule.weight === "number" ? xl(rule.weight) : fx.param(rule.weight.param);
    const b = typeof rule.benchmark === "number" ? xl(rule.benchmark) : fx.param(rule.benchmark.param);
    if (!w || !b) return fx.fallback("basis.fallback.benchmark");
    // a benchmark that defaults to the average is AVERAGE over the column: every row, as the engine takes it
    return isLower({ scheme: fx.c.scheme, entities: fx.entities }, rule.field)
      ? `IF(${x}>0,${w}*MAX(0,MIN(${b}/${x},${xl(rule.cap)})),0)`
      : `${w}*MAX(0,MIN(${x}/${b},${xl(rule.cap)}))`;
  },
  codec: {
    column: "field",
    params: { weight: "numOrParam", benchmark: "numOrParam", cap: "num", missing: "str" },
  },
  check(rule, refs, where) {
    const out = fieldProblems(refs, where, rule.field);
    for (const v of [rule.weight, rule.benchmark])
      if (typeof v === "object" && !refs.params.has(v.param))
        out.push(t(refs.lang, "scheme.noParam", { where, param: v.param }));
    return out;
  },
  gap(rule, env, unit) {
    if (!live(env.ctx, unit)) return null;
    const w = numOrParam(env.ctx, rule.weight);
    const b = numOrParam(env.ctx, rule.benchmark);
    const x = num(env.entities.rows[unit], rule.field);
    if (w === null || b === null || b <= 0 || x === null || w <= 0) return null;
    const lower = isLower(env.ctx, rule.field);
    if (ratioOf(lower, x, b) >= rule.cap - 1e-12) return capped(env, unit);
    const res = env.res(env.entities, rule.field);
    let to = lower ? solve("<=", b / rule.cap, res) : solve(">=", rule.cap * b, res);
    // the evaluator divides: step once more when binary rounding leaves the ratio a hair under the cap
    const row = env.entities.rows[unit];
    const pointsAt = (v: number) => env.pointsWith([fieldChange(env, env.entities, row, rule.field, v).change], unit);
    for (let k = 0; k < 3 && pointsAt(to) < w * rule.cap - 1e-9; k++) to = onGrid(lower ? to - res : to + res, res);
    return numeric(env, unit, rule.field, to, both("whatif.benchLevel", { cap: fmt(rule.cap) }));
  },
};
