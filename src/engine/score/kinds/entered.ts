/** Entered scores (a department's points): clamped to [0, max]; a value outside is a warning. */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fmt, signed } from "../../format";
import { live, say, type RuleContext } from "../context";
import { num, onField } from "../entity-rule";
import { both, capped, numeric } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import { kindTexts, fieldProblems, type KindModule } from "./kind";
import type { Row } from "../../dataset";

export const EnteredRule = z.object({
  ...ruleBase,
  kind: z.literal("entered"),
  field: id,
  /** points are clamped to [0, max]; a value outside is a warning */
  max: z.number().positive(),
});

type Rule = z.output<typeof EnteredRule>;

/** The points of one row, warning (at its cell) about a value outside 0–max. */
function pointsOf(rule: Rule, ctx: RuleContext, row: Row, label: string): number {
  const v = num(row, rule.field);
  if (v === null) return 0;
  const p = Math.max(0, Math.min(v, rule.max));
  if (v < 0 || v > rule.max)
    ctx.warn({
      code: "entered-out-of-range",
      sheet: ctx.entities.sheet,
      cell: row.cells[rule.field] ?? "",
      message: say(ctx, "basis.entered.outOfRange", {
        rule: rule.id,
        name: row.name,
        label,
        value: fmt(v),
        max: fmt(rule.max),
        points: fmt(p),
      }),
      value: String(v),
    });
  return p;
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.entered.outOfRange":
      "规则 {rule}（{name}）：「{label}」填了 {value} 分，应在 0–{max} 之间，已按 {points} 分计",
    "basis.entered.none": "{label}未评分 → 0",
    "basis.entered": "{label}（部门评分，满分 {max}）{value} → {points}",
    "basis.entered.clamped": "{label}（部门评分）填 {value}，超出 0–{max}，按 {clamped} 计",
    "basis.kind.entered": "部门评分",
  },
  {
    "basis.entered.outOfRange":
      'rule {rule} ({name}): "{label}" has {value} points, which should be within 0–{max}; counted as {points}',
    "basis.entered.none": "{label}: not scored → 0",
    "basis.entered": "{label} (the department's score, full {max}) {value} → {points}",
    "basis.entered.clamped": "{label} (the department's score) {value} is outside 0–{max}; counted as {clamped}",
    "basis.kind.entered": "department's score",
  },
);

export const entered: KindModule<typeof EnteredRule, typeof texts> = {
  kind: "entered",
  schema: EnteredRule,
  texts,
  evaluate: onField(
    (rule, ctx, row, { label }) => pointsOf(rule, ctx, row, label),
    (rule, ctx, row, p, { label }) => {
      const v = num(row, rule.field);
      if (v === null) return say(ctx, "basis.entered.none", { label });
      const vars = { label, value: fmt(v), max: fmt(rule.max), points: signed(p), clamped: fmt(p) };
      return say(ctx, v === p ? "basis.entered" : "basis.entered.clamped", vars);
    },
  ),
  formula(rule, fx, i) {
    const r = fx.ref(fx.entities, fx.entities.rows[i], rule.field);
    return r ? `MAX(0,MIN(${r},${xl(rule.max)}))` : fx.fallback("basis.fallback.notNumber");
  },
  codec: { column: "field", max: { key: "max", meaning: "highest" }, params: { max: "num" } },
  check: (rule, refs, where) => fieldProblems(refs, where, rule.field),
  gap(rule, env, unit) {
    if (!live(env.ctx, unit)) return null;
    const v = num(env.entities.rows[unit], rule.field);
    if (v !== null && v >= rule.max) return capped(env, unit);
    return numeric(env, unit, rule.field, rule.max, both("whatif.fullLevel", { points: fmt(rule.max) }));
  },
};
