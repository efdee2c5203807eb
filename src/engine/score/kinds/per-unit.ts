/** Per-unit counts with an optional cap: 每新增1家上市企业加20分; 每新增一户得1分，最高3分. */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fmt, signed } from "../../format";
import { live, say } from "../context";
import { num, onField, perUnit as countTimesRate } from "../entity-rule";
import { both, capped, numeric, onGrid } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import type { Vars } from "../../i18n";
import { kindTexts, fieldProblems, type KindModule } from "./kind";

export const PerUnitRule = z.object({
  ...ruleBase,
  kind: z.literal("per-unit"),
  field: id,
  points: z.number(),
  cap: z.number().optional(),
});

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.perUnit": (p: Vars) =>
      `${p.label} ${p.value}${p.unit} × ${p.rate} = ${p.raw}${p.cap ? `，最高 ${p.cap}` : ""} → ${p.points}`,
    "basis.kind.per-unit": "按个数",
    "whatif.perUnitLevel": "下一分值",
  },
  {
    "basis.perUnit": (p: Vars) =>
      `${p.label} ${p.value}${p.unit ? " " + p.unit : ""} × ${p.rate} = ${p.raw}${p.cap ? `, at most ${p.cap}` : ""}` +
      ` → ${p.points}`,
    "basis.kind.per-unit": "per unit",
    "whatif.perUnitLevel": "the next points step",
  },
);

export const perUnit: KindModule<typeof PerUnitRule, typeof texts> = {
  kind: "per-unit",
  schema: PerUnitRule,
  texts,
  evaluate: onField(
    (rule, _ctx, row) => countTimesRate(row, rule.field, rule.points, rule.cap).capped,
    (rule, ctx, row, p, { label, unit }) => {
      const v = num(row, rule.field);
      if (v === null) return say(ctx, "basis.missing", { label });
      const raw = countTimesRate(row, rule.field, rule.points, rule.cap).raw;
      const cap = rule.cap !== undefined && raw > rule.cap ? fmt(rule.cap) : "";
      const vars = { label, value: fmt(v), unit: unit.trim(), rate: fmt(rule.points), raw: fmt(raw), cap };
      return say(ctx, "basis.perUnit", { ...vars, points: signed(p) });
    },
  ),
  formula(rule, fx, i) {
    const r = fx.ref(fx.entities, fx.entities.rows[i], rule.field);
    if (!r) return fx.fallback("basis.fallback.notNumber");
    return rule.cap !== undefined ? `MIN(${r}*${xl(rule.points)},${xl(rule.cap)})` : `${r}*${xl(rule.points)}`;
  },
  codec: { column: "field", max: { key: "cap", meaning: "cap" }, params: { points: "num", cap: "num" } },
  check: (rule, refs, where) => fieldProblems(refs, where, rule.field),
  gap(rule, env, unit) {
    if (!live(env.ctx, unit) || rule.points <= 0) return null;
    const v = num(env.entities.rows[unit], rule.field) ?? 0;
    if (rule.cap !== undefined && v * rule.points >= rule.cap - 1e-9) return capped(env, unit);
    const res = Math.max(env.res(env.entities, rule.field), 1e-6);
    return numeric(env, unit, rule.field, onGrid(v + res, res), both("whatif.perUnitLevel"));
  },
};
