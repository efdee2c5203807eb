/** Veto (一票否决): the entity gets no score and no rank, and the result says why. */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import { fieldLabel, live, say, show, word } from "../context";
import { zeros } from "../outcome";
import { both, changeText, fieldChange, gapOf } from "../../whatif/gap-parts";
import { kindTexts, fieldProblems, type KindModule } from "./kind";

export const VetoRule = z.object({
  ...ruleBase,
  kind: z.literal("veto"),
  /** a yes/no column: yes → 不予评价 */
  field: id,
  /** what the result says, e.g. 发生重特大安全生产事故 */
  reason: z.string().min(1),
});

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.veto.reason": "{reason}（{clause}）",
    "basis.veto": "{label}：{value}",
    "basis.veto.yes": "{label}：{value} → 不予评价",
    "basis.kind.veto": "一票否决",
    "whatif.vetoLevel": "恢复参评（不再一票否决）",
    "whatif.vetoGap": "{change}，{level}",
  },
  {
    "basis.veto.reason": "{reason} ({clause})",
    "basis.veto": "{label}: {value}",
    "basis.veto.yes": "{label}: {value} → not evaluated (vetoed)",
    "basis.kind.veto": "veto",
    "whatif.vetoLevel": "being ranked again (no veto)",
    "whatif.vetoGap": "{change}: {level}",
  },
);

export const veto: KindModule<typeof VetoRule, typeof texts> = {
  kind: "veto",
  schema: VetoRule,
  texts,
  vetoes: true,
  evaluate(rule, ctx) {
    const ents = ctx.entities;
    const label = word(ctx, fieldLabel(ctx, ents, rule.field));
    const clause = word(ctx, rule.clause);
    const reason = say(ctx, "basis.veto.reason", { reason: word(ctx, rule.reason), clause });
    const veto = ents.rows.map((r, i) => (live(ctx, i) && r.values[rule.field] === true ? reason : null));
    return {
      points: zeros(ents.rows.length),
      veto,
      basis: (i) => {
        const value = show(ctx, ents.rows[i].values[rule.field] ?? null);
        return `${clause} ${say(ctx, veto[i] ? "basis.veto.yes" : "basis.veto", { label, value })}`;
      },
      details: () => [],
    };
  },
  // a veto writes no points: the unit's row is greyed and its total stays a value
  formula: () => null,
  codec: { column: "field", params: { reason: "str" } },
  check: (rule, refs, where) => fieldProblems(refs, where, rule.field),
  gap(rule, env, unit) {
    const row = env.entities.rows[unit];
    if (row.values[rule.field] !== true) return null;
    const g = gapOf(env, unit, [fieldChange(env, env.entities, row, rule.field, false)], both("whatif.vetoLevel"), 0);
    if (g)
      g.text = both("whatif.vetoGap", (l) => ({ change: changeText(g.changes[0], l, env.scheme), level: g.level[l] }));
    return g;
  },
};
