/** Per-unit counts with an optional cap: 每新增1家上市企业加20分 (最高X分). */
import type { z } from "zod";
import type { PerUnitRule } from "../../schemes/schema";
import { fmt, signed } from "../format";
import { fieldLabel, fieldUnit, inputRef, type RuleContext } from "./context";
import { emptyOutcome, type RuleOutcome } from "./types";

type Rule = z.infer<typeof PerUnitRule>;

export function evaluatePerUnit(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const out = emptyOutcome(ents.rows.length);
  const label = fieldLabel(ctx, ents, rule.field);
  const unit = fieldUnit(ctx, ents, rule.field);
  ents.rows.forEach((row, i) => {
    if (row.entity !== i) return;
    const v = row.values[rule.field];
    if (typeof v !== "number") {
      out.basis[i] = `${rule.clause} ${label}缺少数据 → 0`;
      return;
    }
    const raw = Math.round(v * rule.points * 1e9) / 1e9;
    const pts = rule.cap !== undefined ? Math.min(raw, rule.cap) : raw;
    out.points[i] = pts;
    const capText = rule.cap !== undefined && raw > rule.cap ? `，封顶 ${fmt(rule.cap)}` : "";
    out.basis[i] = `${rule.clause} ${label} ${fmt(v)}${unit} × ${fmt(rule.points)} = ${fmt(raw)}${capText} → ${signed(pts)}`;
    if (pts !== 0) out.details.push({ entity: row.name, entityIndex: i, rule: rule.id, clause: rule.clause, points: pts, subject: row.name, basis: out.basis[i], inputs: [inputRef(ctx, ents, row, rule.field)] });
  });
  return out;
}
