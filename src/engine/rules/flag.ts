/** Yes/no flags: 完成年度盘活闲置和低效用地目标任务 → +10. */
import type { z } from "zod";
import type { FlagRule } from "../../schemes/schema";
import { fmt, signed } from "../format";
import { fieldLabel, inputRef, type RuleContext } from "./context";
import { emptyOutcome, type RuleOutcome } from "./types";

type Rule = z.infer<typeof FlagRule>;

export function evaluateFlag(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const out = emptyOutcome(ents.rows.length);
  const label = fieldLabel(ctx, ents, rule.field);
  ents.rows.forEach((row, i) => {
    if (row.entity !== i) return;
    const v = row.values[rule.field];
    if (typeof v !== "boolean") {
      out.basis[i] = `${rule.clause} ${label}缺少数据 → 0`;
      return;
    }
    out.points[i] = v ? rule.points : 0;
    out.basis[i] = `${rule.clause} ${label}：${fmt(v)} → ${signed(out.points[i])}`;
    if (v) out.details.push({ entity: row.name, entityIndex: i, rule: rule.id, clause: rule.clause, points: rule.points, subject: row.name, basis: out.basis[i], inputs: [inputRef(ctx, ents, row, rule.field)] });
  });
  return out;
}
