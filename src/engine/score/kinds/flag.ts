/** Yes/no flags: 完成年度盘活闲置和低效用地目标任务 → +10. */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fmt, signed } from "../../format";
import { live, say, show } from "../context";
import { onField } from "../entity-rule";
import { both, capped, fieldChange, gapOf } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import { kindTexts, fieldProblems, type KindModule } from "./kind";

export const FlagRule = z.object({
  ...ruleBase,
  kind: z.literal("flag"),
  field: id,
  points: z.number(),
});

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.flag": "{label}：{value} → {points}",
    "basis.kind.flag": "是否",
  },
  {
    "basis.flag": "{label}: {value} → {points}",
    "basis.kind.flag": "yes/no",
  },
);

export const flag: KindModule<typeof FlagRule, typeof texts> = {
  kind: "flag",
  schema: FlagRule,
  texts,
  evaluate: onField(
    (rule, _ctx, row) => (row.values[rule.field] === true ? rule.points : 0),
    (rule, ctx, row, p, { label }) =>
      typeof row.values[rule.field] === "boolean"
        ? say(ctx, "basis.flag", { label, value: show(ctx, row.values[rule.field]), points: signed(p) })
        : say(ctx, "basis.missing", { label }),
  ),
  formula(rule, fx, i) {
    const r = fx.ref(fx.entities, fx.entities.rows[i], rule.field, "any");
    return r ? `IF(${fx.yes(r)},${xl(rule.points)},0)` : fx.fallback("basis.fallback.noCell");
  },
  codec: { column: "field", max: { key: "points", meaning: "full" }, params: { points: "num" } },
  check: (rule, refs, where) => fieldProblems(refs, where, rule.field),
  gap(rule, env, unit) {
    if (!live(env.ctx, unit) || rule.points <= 0) return null;
    const row = env.entities.rows[unit];
    if (row.values[rule.field] === true) return capped(env, unit);
    const change = fieldChange(env, env.entities, row, rule.field, true);
    return gapOf(env, unit, [change], both("whatif.fullLevel", { points: fmt(rule.points) }));
  },
};
