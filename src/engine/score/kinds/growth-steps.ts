/** Growth steps: base share for holding the base level, + k points per p % growth, bonus capped. */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fmt, roundTo, signed } from "../../format";
import { live, say } from "../context";
import { num, onField } from "../entity-rule";
import { both, capped, numeric, solve } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import { kindTexts, fieldProblems, type KindModule } from "./kind";

export const GrowthRule = z.object({
  ...ruleBase,
  kind: z.literal("growth-steps"),
  /** a growth rate in % against the base year */
  field: id,
  points: z.number().positive(),
  /** share of the points for holding the base-year level (growth 0) */
  baseShare: z.number().min(0).max(1),
  /** + stepPoints for every stepPct % of growth */
  stepPct: z.number().positive(),
  stepPoints: z.number().positive(),
  /** the growth bonus is capped at this share of the points */
  bonusCapShare: z.number().min(0),
  /** below the base level: base points reduced in proportion to the fall, or nothing */
  below: z.enum(["proportional", "zero"]).default("proportional"),
});

type Rule = z.output<typeof GrowthRule>;

/** The points for a growth of g %. */
export function growthPoints(rule: Rule, g: number): number {
  const base = rule.points * rule.baseShare;
  if (g < 0) return rule.below === "zero" ? 0 : Math.max(0, base * (1 + g / 100));
  const bonus = Math.min(Math.floor(roundTo(g / rule.stepPct, 9)) * rule.stepPoints, rule.points * rule.bonusCapShare);
  return base + bonus;
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.growth.noPoints": "不得分",
    "basis.growth.below": "{label} {growth}%，低于基数：{how} → {points}",
    "basis.growth": "{label} {growth}%：保持基数 {base} + 每 {pct}% 加 {step}（最多 {cap}）→ {points}",
    "basis.kind.growth-steps": "增长分步",
    "whatif.growthLevel": "增速 {pct}% 档",
    "whatif.baseLevel": "保持基数",
  },
  {
    "basis.growth.noPoints": "no points",
    "basis.growth.below": "{label} {growth}%, below the base level: {how} → {points}",
    "basis.growth": "{label} {growth}%: base {base} + {step} per {pct}% (at most {cap}) → {points}",
    "basis.kind.growth-steps": "growth steps",
    "whatif.growthLevel": "the {pct}% growth step",
    "whatif.baseLevel": "the base-year level",
  },
);

export const growthSteps: KindModule<typeof GrowthRule, typeof texts> = {
  kind: "growth-steps",
  schema: GrowthRule,
  texts,
  evaluate: onField(
    (rule, _ctx, row) => {
      const g = num(row, rule.field);
      return g === null ? 0 : growthPoints(rule, g);
    },
    (rule, ctx, row, p, { label }) => {
      const g = num(row, rule.field);
      if (g === null) return say(ctx, "basis.missing", { label });
      const base = fmt(rule.points * rule.baseShare);
      if (g < 0) {
        const how = rule.below === "zero" ? say(ctx, "basis.growth.noPoints") : `${base} × (1 ${fmt(g)}%)`;
        return say(ctx, "basis.growth.below", { label, growth: fmt(g), how, points: signed(p) });
      }
      const steps = { pct: fmt(rule.stepPct), step: fmt(rule.stepPoints), cap: fmt(rule.points * rule.bonusCapShare) };
      return say(ctx, "basis.growth", { label, growth: fmt(g), base, ...steps, points: signed(p) });
    },
  ),
  formula(rule, fx, i) {
    const g = fx.ref(fx.entities, fx.entities.rows[i], rule.field);
    if (!g) return fx.fallback("basis.fallback.notNumber");
    const base = rule.points * rule.baseShare;
    const below = rule.below === "zero" ? "0" : `MAX(0,${xl(base)}*(1+${g}/100))`;
    const steps = `FLOOR(${g}/${xl(rule.stepPct)}+1E-9,1)*${xl(rule.stepPoints)}`;
    return `IF(${g}<0,${below},${xl(base)}+MIN(${steps},${xl(rule.points * rule.bonusCapShare)}))`;
  },
  codec: {
    column: "field",
    max: { key: "points", meaning: "full" },
    params: {
      points: "num",
      baseShare: "num",
      stepPct: "num",
      stepPoints: "num",
      bonusCapShare: "num",
      below: "str",
    },
  },
  check: (rule, refs, where) => fieldProblems(refs, where, rule.field),
  gap(rule, env, unit) {
    if (!live(env.ctx, unit)) return null;
    const g = num(env.entities.rows[unit], rule.field);
    if (g === null) return null;
    const res = env.res(env.entities, rule.field);
    if (g < 0) return numeric(env, unit, rule.field, 0, both("whatif.baseLevel"));
    const capPts = rule.points * rule.bonusCapShare;
    const steps = Math.floor(roundTo(g / rule.stepPct, 9));
    if (steps * rule.stepPoints >= capPts - 1e-9) return capped(env, unit);
    const pct = (steps + 1) * rule.stepPct;
    return numeric(env, unit, rule.field, solve(">=", pct, res), both("whatif.growthLevel", { pct: fmt(pct) }));
  },
};
