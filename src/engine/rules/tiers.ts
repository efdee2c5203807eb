/**
 * Thresholds / tiers: the first tier (most points first) whose conditions all hold is awarded; tiers are never summed.
 * Judged on the entity's own row (二(一)) or on each row of a list that rolls up to it, summed per entity (二(二), 二(三)).
 */
import type { z } from "zod";
import type { TiersRule } from "../../schemes/schema";
import type { Row, Table } from "../dataset";
import { cleanSum, fmt, signed } from "../format";
import { judgeAll, type CondOutcome, type RuleContext } from "./context";
import { emptyOutcome, type RuleOutcome } from "./types";

type Rule = z.infer<typeof TiersRule>;

interface RowJudgement {
  points: number;
  /** the sentence: the conditions that decided it */
  text: string;
  conds: CondOutcome[];
  unknown: boolean;
}

export function judgeRow(ctx: RuleContext, rule: Rule, table: Table, row: Row): RowJudgement | null {
  const f = judgeAll(ctx, table, row, rule.filter);
  if (f.ok === false) return null;
  const tiers = [...rule.tiers].sort((a, b) => b.points - a.points);
  let unknown = f.ok === null;
  let lowest: CondOutcome[] = [];
  for (const t of tiers) {
    const j = judgeAll(ctx, table, row, t.when);
    if (j.ok === true && f.ok === true) return { points: t.points, text: `${j.parts.map((p) => p.text).join("，")} → ${signed(t.points)}`, conds: [...f.parts, ...j.parts], unknown: false };
    if (j.ok === null) unknown = true;
    lowest = j.parts;
  }
  const why = lowest.map((p) => p.text).join("，");
  return { points: 0, text: `${why}，未达到任何档次 → 0`, conds: [...f.parts, ...lowest], unknown };
}

export function evaluateTiers(rule: Rule, ctx: RuleContext): RuleOutcome {
  const n = ctx.entities.rows.length;
  const out = emptyOutcome(n);
  const table = ctx.data.tables[rule.over];
  if (!table) {
    out.basis.fill("缺少数据表");
    return out;
  }
  if (table.id === ctx.entities.id) {
    table.rows.forEach((row, i) => {
      if (row.entity !== i) return;
      const j = judgeRow(ctx, rule, table, row);
      if (!j) return;
      out.points[i] = j.points;
      out.basis[i] = `${rule.clause} ${j.text}`;
      if (j.unknown) ctx.warn({ code: "cannot-evaluate", sheet: table.sheet, cell: row.cells[rule.tiers[0].when[0].field] ?? "", message: `${rule.id}（${row.name}）：${j.text}` });
      if (j.points !== 0) out.details.push({ entity: row.name, entityIndex: i, rule: rule.id, clause: rule.clause, points: j.points, subject: row.name, basis: `${rule.clause} ${j.text}`, inputs: j.conds.flatMap((c) => (c.input ? [c.input] : [])) });
    });
    return out;
  }
  const per: Array<Array<{ name: string; points: number }>> = Array.from({ length: n }, () => []);
  for (const row of table.rows) {
    if (row.entity < 0) continue;
    const j = judgeRow(ctx, rule, table, row);
    if (!j) continue;
    const subject = rule.subject ? String(row.values[rule.subject] ?? row.name) : row.name;
    if (j.unknown && j.points === 0) ctx.warn({ code: "cannot-evaluate", sheet: table.sheet, cell: `${row.cells[rule.subject ?? "name"] ?? ""}`, message: `${rule.id}（${subject}）：${j.text}` });
    if (j.points === 0) continue;
    per[row.entity].push({ name: subject, points: j.points });
    const e = ctx.entities.rows[row.entity];
    out.details.push({ entity: e.name, entityIndex: row.entity, rule: rule.id, clause: rule.clause, points: j.points, subject, basis: `${rule.clause} ${subject}：${j.text}`, inputs: j.conds.flatMap((c) => (c.input ? [c.input] : [])) });
  }
  per.forEach((items, i) => {
    out.points[i] = cleanSum(items.map((x) => x.points));
    out.basis[i] = items.length
      ? `${rule.clause} ${items.length}${table.id === "enterprises" ? "家企业" : "个项目"}：${items.map((x) => `${x.name} ${signed(x.points)}`).join("；")}，合计 ${fmt(out.points[i])}`
      : `${rule.clause} 无符合条件的${table.id === "enterprises" ? "企业" : "项目"} → 0`;
  });
  return out;
}
