/** Target achievement: all-or-nothing (value ≥ target → points) or proportional (points × min(value / target, cap)). */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fmt, signed } from "../../format";
import { live, say, targetValue, type RuleContext } from "../context";
import { labelUnit, num, perEntity } from "../entity-rule";
import { both, capped, numeric, onGrid, solve, unitOf } from "../../whatif/gap-parts";
import { xl } from "../../output/formula-parts";
import type { Vars } from "../../i18n";
import { kindTexts, fieldProblems, type KindModule } from "./kind";
import type { Row } from "../../dataset";
import { t } from "../../i18n";

export const TargetRule = z.object({
  ...ruleBase,
  kind: z.literal("target"),
  field: id,
  target: z.object({ table: id, column: id }),
  op: z.enum([">=", ">"]).default(">="),
  points: z.number(),
  /** all: full points when met; proportional: points × min(value / target, capRatio) */
  mode: z.enum(["all", "proportional"]).default("all"),
  capRatio: z.number().positive().default(1),
});

type Rule = z.output<typeof TargetRule>;

/** The points of one row against its target (0, with one warning per unit, when the target is missing). */
function pointsOf(rule: Rule, ctx: RuleContext, row: Row, i: number, warned: Set<number>, label: string): number {
  const v = num(row, rule.field);
  const t = targetValue(ctx, rule.target.table, rule.target.column, i);
  if (!t || t.value === null) {
    if (!warned.has(i))
      ctx.warn({
        code: "cannot-evaluate",
        sheet: ctx.entities.sheet,
        cell: row.cells.name ?? "",
        message: say(ctx, "basis.target.noTargetWarn", { rule: rule.id, name: row.name, year: ctx.data.year, label }),
      });
    warned.add(i);
    return 0;
  }
  if (v === null) return 0;
  if (rule.mode === "proportional")
    return t.value > 0 ? rule.points * Math.max(0, Math.min(v / t.value, rule.capRatio)) : 0;
  return (rule.op === ">=" ? v >= t.value : v > t.value) ? rule.points : 0;
}

/** Why unit i got p points. */
function sentence(rule: Rule, ctx: RuleContext, row: Row, i: number, p: number): string {
  const [label, unit] = labelUnit(ctx, ctx.entities, rule.field);
  const year = ctx.data.year;
  const v = num(row, rule.field);
  const t = targetValue(ctx, rule.target.table, rule.target.column, i);
  if (!t || t.value === null) return say(ctx, "basis.target.noTarget", { year, label });
  if (v === null) return say(ctx, "basis.missing", { label });
  const vars = { label, value: fmt(v), unit, year, target: fmt(t.value), points: signed(p) };
  if (rule.mode === "proportional") {
    const cap = v / t.value > rule.capRatio ? fmt(rule.capRatio * 100) : "";
    const pct = fmt((v / t.value) * 100);
    return say(ctx, "basis.target.proportional", { ...vars, pct, cap, full: fmt(rule.points) });
  }
  const rel = p ? (rule.op === ">=" ? "≥" : ">") : rule.op === ">=" ? "<" : "≤";
  return say(ctx, "basis.target", { ...vars, rel });
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.target.noTargetWarn": "{rule}（{name}）：目标一览表无{year}年{label}目标",
    "basis.target.noTarget": "目标一览表无{year}年{label}目标，无法评定 → 0",
    "basis.target.proportional": (p: Vars) =>
      `${p.label} ${p.value}${p.unit} ÷ ${p.year}年目标 ${p.target}${p.unit} = ${p.pct}%` +
      `${p.cap ? `，按 ${p.cap}% 封顶` : ""} × ${p.full} → ${p.points}`,
    "basis.target": "{label} {value}{unit} {rel} {year}年目标 {target}{unit} → {points}",
    "basis.target.input": "{year}年{label}目标",
    "basis.fallback.target": "目标或实际值不是数字单元格",
    "basis.kind.target": "目标完成",
    "whatif.targetLevel": "{year} 年目标 {target}{unit}",
  },
  {
    "basis.target.noTargetWarn": "{rule} ({name}): the target table has no {year} target for {label}",
    "basis.target.noTarget": "the target table has no {year} target for {label}; cannot be judged → 0",
    "basis.target.proportional": (p: Vars) =>
      `${p.label} ${p.value}${p.unit} ÷ ${p.year} target ${p.target}${p.unit} = ${p.pct}%` +
      `${p.cap ? `, capped at ${p.cap}%` : ""} × ${p.full} → ${p.points}`,
    "basis.target": "{label} {value}{unit} {rel} {year} target {target}{unit} → {points}",
    "basis.target.input": "{year} target for {label}",
    "basis.fallback.target": "the target or the actual value is not a number cell",
    "basis.kind.target": "target met",
    "whatif.targetLevel": "the {year} target of {target}{unit}",
  },
);

export const target: KindModule<typeof TargetRule, typeof texts> = {
  kind: "target",
  schema: TargetRule,
  texts,
  evaluate(rule, ctx) {
    const [label] = labelUnit(ctx, ctx.entities, rule.field);
    const warned = new Set<number>();
    return perEntity(
      ctx,
      rule,
      [rule.field],
      (row, i) => pointsOf(rule, ctx, row, i, warned, label),
      (row, i, p) => sentence(rule, ctx, row, i, p),
      (_row, i) => {
        const t = targetValue(ctx, rule.target.table, rule.target.column, i);
        const input = say(ctx, "basis.target.input", { year: ctx.data.year, label });
        return t ? [{ label: input, value: t.value, ref: t.ref }] : [];
      },
    );
  },
  formula(rule, fx, i) {
    const r = fx.ref(fx.entities, fx.entities.rows[i], rule.field);
    const tt = fx.c.data.tables[rule.target.table];
    const trow = tt ? fx.rowOf(tt, i) : undefined;
    const tr = tt && trow ? fx.ref(tt, trow, rule.target.column) : null;
    if (!r || !tr) return fx.fallback("basis.fallback.target");
    if (rule.mode === "proportional")
      return `IF(${tr}>0,${xl(rule.points)}*MAX(0,MIN(${r}/${tr},${xl(rule.capRatio)})),0)`;
    return `IF(${r}${rule.op}${tr},${xl(rule.points)},0)`;
  },
  codec: {
    column: "field",
    max: { key: "points", meaning: "full" },
    params: { target: "target", op: "str", points: "num", mode: "str", capRatio: "num" },
  },
  check(rule, refs, where) {
    const out = fieldProblems(refs, where, rule.field);
    if (!refs.fieldsOf(rule.target.table).has(rule.target.column))
      out.push(t(refs.lang, "scheme.targetField", { where, table: rule.target.table, field: rule.target.column }));
    return out;
  },
  gap(rule, env, unit) {
    if (!live(env.ctx, unit)) return null;
    const t = targetValue(env.ctx, rule.target.table, rule.target.column, unit);
    if (!t || t.value === null) return null;
    const v = num(env.entities.rows[unit], rule.field);
    const res = env.res(env.entities, rule.field);
    const level = (target: number) =>
      both("whatif.targetLevel", (l) => ({
        year: env.data.year,
        target: fmt(target),
        unit: unitOf(env, env.entities, rule.field, l),
      }));
    if (rule.mode === "proportional") {
      if (t.value <= 0) return null;
      const full = rule.capRatio * t.value;
      if (v !== null && v >= full) return capped(env, unit);
      return numeric(env, unit, rule.field, solve(">=", full, res), level(onGrid(full, res)));
    }
    const met = v !== null && (rule.op === ">=" ? v >= t.value : v > t.value);
    if (met) return capped(env, unit);
    return numeric(env, unit, rule.field, solve(rule.op, t.value, res), level(t.value));
  },
};
