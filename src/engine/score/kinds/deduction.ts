/** Deductions (扣分): pointsPer for each unit, at most max; the part is negative. */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fmt, signed } from "../../format";
import { live, say } from "../context";
import { num, onField, perUnit } from "../entity-rule";
import { both, capped, numeric, onGrid, solve } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import type { Vars } from "../../i18n";
import { kindTexts, fieldProblems, type KindModule } from "./kind";

export const DeductionRule = z.object({
  ...ruleBase,
  kind: z.literal("deduction"),
  field: id,
  /** points deducted per unit (a positive number) */
  pointsPer: z.number().positive(),
  /** the most that can be deducted (a positive number) */
  max: z.number().positive().optional(),
});

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.deduction.none": "{label} {value} → 0",
    "basis.deduction": (p: Vars) =>
      `${p.label} ${p.value}${p.unit} × ${p.rate}${p.max ? `，最多扣 ${p.max}` : ""} → ${p.points}`,
    "basis.kind.deduction": "扣分",
    "whatif.deductLevel": "少扣分",
    "whatif.noDeduction": "{rule}：无扣分",
  },
  {
    "basis.deduction.none": "{label} {value} → 0",
    "basis.deduction": (p: Vars) =>
      `${p.label} ${p.value}${p.unit ? " " + p.unit : ""} × ${p.rate}${p.max ? `, at most ${p.max} deducted` : ""}` +
      ` → ${p.points}`,
    "basis.kind.deduction": "deduction",
    "whatif.deductLevel": "a smaller deduction",
    "whatif.noDeduction": "{rule}: nothing deducted",
  },
);

export const deduction: KindModule<typeof DeductionRule, typeof texts> = {
  kind: "deduction",
  schema: DeductionRule,
  texts,
  evaluate: onField(
    (rule, _ctx, row) => -perUnit(row, rule.field, rule.pointsPer, rule.max).capped,
    (rule, ctx, row, p, { label, unit }) => {
      const v = num(row, rule.field);
      if (v === null || v === 0)
        return say(ctx, "basis.deduction.none", { label, value: v === null ? say(ctx, "basis.notFilled") : "0" });
      const raw = perUnit(row, rule.field, rule.pointsPer, rule.max).raw;
      const max = rule.max !== undefined && raw > rule.max ? fmt(rule.max) : "";
      const vars = { label, value: fmt(v), unit: unit.trim(), rate: fmt(rule.pointsPer), max, points: signed(p) };
      return say(ctx, "basis.deduction", vars);
    },
  ),
  formula(rule, fx, i) {
    const r = fx.ref(fx.entities, fx.entities.rows[i], rule.field);
    if (!r) return fx.fallback("basis.fallback.notNumber");
    return rule.max !== undefined
      ? `-MIN(${r}*${xl(rule.pointsPer)},${xl(rule.max)})`
      : `-(${r}*${xl(rule.pointsPer)})`;
  },
  codec: { column: "field", max: { key: "max", meaning: "mostDeducted" }, params: { pointsPer: "num", max: "num" } },
  check: (rule, refs, where) => fieldProblems(refs, where, rule.field),
  gap(rule, env, unit) {
    if (!live(env.ctx, unit)) return null;
    const v = num(env.entities.rows[unit], rule.field);
    if (v === null || v <= 0) return capped(env, unit, "whatif.noDeduction");
    const res = Math.max(env.res(env.entities, rule.field), 1e-6);
    const raw = v * rule.pointsPer;
    // below the cap every unit less deducts less; above it, the count must fall under max / pointsPer
    const to =
      rule.max !== undefined && raw > rule.max ? solve("<", rule.max / rule.pointsPer, res) : onGrid(v - res, res);
    return numeric(env, unit, rule.field, Math.max(0, to), both("whatif.deductLevel"));
  },
};
