/** Target achievement, all-or-nothing: the entity's value ≥ its target for the year in the annex table → points. */
import type { z } from "zod";
import type { TargetRule } from "../../schemes/schema";
import type { Row, Table } from "../dataset";
import { fmt, signed } from "../format";
import { fieldLabel, fieldUnit, inputRef, type RuleContext } from "./context";
import { emptyOutcome, type RuleOutcome } from "./types";

type Rule = z.infer<typeof TargetRule>;

/** The target row of each entity (index by entity), or undefined. */
const byEntity = new WeakMap<Table, Map<number, Row>>();

export function targetValue(ctx: RuleContext, table: string, column: string, entity: number): { value: number | null; ref: string } | undefined {
  const t = ctx.data.tables[table];
  if (!t) return undefined;
  let index = byEntity.get(t);
  if (!index) {
    index = new Map();
    for (const r of t.rows) if (r.entity >= 0 && !index.has(r.entity)) index.set(r.entity, r);
    byEntity.set(t, index);
  }
  const row = index.get(entity);
  if (!t || !row) return undefined;
  const v = row.values[column];
  return { value: typeof v === "number" ? v : null, ref: row.cells[column] ? `${t.sheet}!${row.cells[column]}` : "" };
}

export function evaluateTarget(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const out = emptyOutcome(ents.rows.length);
  const label = fieldLabel(ctx, ents, rule.field);
  const unit = fieldUnit(ctx, ents, rule.field);
  ents.rows.forEach((row, i) => {
    if (row.entity !== i) return;
    const v = row.values[rule.field];
    const t = targetValue(ctx, rule.target.table, rule.target.column, i);
    if (!t || t.value === null) {
      out.basis[i] = `${rule.clause} 目标一览表无${ctx.data.year}年${label}目标，无法评定 → 0`;
      ctx.warn({ code: "cannot-evaluate", sheet: ents.sheet, cell: row.cells.name ?? "", message: `${rule.id}（${row.name}）：目标一览表无${ctx.data.year}年${label}目标` });
      return;
    }
    if (typeof v !== "number") {
      out.basis[i] = `${rule.clause} ${label}缺少数据 → 0`;
      return;
    }
    const ok = rule.op === ">=" ? v >= t.value : v > t.value;
    const u = unit ? " " + unit : "";
    const rel = ok ? (rule.op === ">=" ? "≥" : ">") : rule.op === ">=" ? "<" : "≤";
    out.points[i] = ok ? rule.points : 0;
    out.basis[i] = `${rule.clause} ${label} ${fmt(v)}${u} ${rel} ${ctx.data.year}年目标 ${fmt(t.value)}${u} → ${signed(out.points[i])}`;
    if (ok) {
      out.details.push({
        entity: row.name, entityIndex: i, rule: rule.id, clause: rule.clause, points: rule.points, subject: row.name, basis: out.basis[i],
        inputs: [inputRef(ctx, ents, row, rule.field), { label: `${ctx.data.year}年${label}目标`, value: t.value, ref: t.ref }],
      });
    }
  });
  return out;
}
