/** Awards that are not points: money, land quota, salary-assessment points. One evaluator per kind. */
import type { z } from "zod";
import type { FlagAmountAward, ListAmountAward, RankAmountAward, RulesMetAward } from "../../schemes/schema";
import type { AwardResult } from "../result";
import { fmt } from "../format";
import { competitionRanks } from "../rank";
import { fieldLabel, judge as judgeOne, type RuleContext } from "./context";
import { targetValue } from "./target";

export function evaluateListAmount(a: z.infer<typeof ListAmountAward>, ctx: RuleContext): AwardResult[] {
  const table = ctx.data.tables[a.over];
  if (!table) return [];
  const out: AwardResult[] = [];
  for (const row of table.rows) {
    if (row.entity < 0) continue;
    const conds = a.filter.map((c) => ({ c, j: judgeOne(ctx, table, row, c) }));
    if (conds.some((x) => x.j.ok === false)) continue;
    const subject = a.subject ? String(row.values[a.subject] ?? row.name) : row.name;
    const unknown = conds.filter((x) => x.j.ok === null);
    if (unknown.length) {
      ctx.warn({ code: "cannot-evaluate", sheet: table.sheet, cell: row.cells[unknown[0].c.field] ?? row.cells.name ?? "", message: `${a.id}（${subject}）：${unknown.map((x) => x.j.text).join("，")}，无法评定奖励` });
      continue;
    }
    const base = row.values[a.amount.field] as number;
    const raw = Math.round(base * a.amount.rate * 1e9) / 1e9;
    const amount = a.amount.cap !== undefined ? Math.min(raw, a.amount.cap) : raw;
    const capText = a.amount.cap !== undefined && raw > a.amount.cap ? `，单项封顶 ${fmt(a.amount.cap)}` : "";
    out.push({
      entity: ctx.entities.rows[row.entity].name, entityIndex: row.entity, rule: a.id, clause: a.clause, label: a.label, amount, unit: a.unit, upTo: a.upTo, subject,
      basis: `${a.clause} ${subject}：${conds.map((x) => x.j.text).join("，")}；${fieldLabel(ctx, table, a.amount.field)} ${fmt(base)} × ${fmt(a.amount.rate)} = ${fmt(raw)}${capText} → ${a.upTo ? "最高 " : ""}${fmt(amount)} ${a.unit}`,
    });
  }
  return out;
}

export function evaluateFlagAmount(a: z.infer<typeof FlagAmountAward>, ctx: RuleContext): AwardResult[] {
  const ents = ctx.entities;
  const out: AwardResult[] = [];
  ents.rows.forEach((row, i) => {
    if (row.entity !== i || row.values[a.field] !== true) return;
    out.push({ entity: row.name, entityIndex: i, rule: a.id, clause: a.clause, label: a.label, amount: a.amount, unit: a.unit, upTo: a.upTo, subject: row.name, basis: `${a.clause} ${fieldLabel(ctx, ents, a.field)}：是 → ${a.upTo ? "最高 " : ""}${fmt(a.amount)} ${a.unit}` });
  });
  return out;
}

export function evaluateRulesMet(a: z.infer<typeof RulesMetAward>, ctx: RuleContext, pointsByRule: Map<string, number[]>): AwardResult[] {
  const out: AwardResult[] = [];
  ctx.entities.rows.forEach((row, i) => {
    if (row.entity !== i) return;
    if (!a.rules.every((r) => (pointsByRule.get(r)?.[i] ?? 0) > 0)) return;
    out.push({ entity: row.name, entityIndex: i, rule: a.id, clause: a.clause, label: a.label, amount: a.amount, unit: a.unit, upTo: false, subject: row.name, basis: `${a.clause} ${a.rules.join("、")} 均已实现 → ${fmt(a.amount)} ${a.unit}` });
  });
  return out;
}

export function evaluateRankAmount(a: z.infer<typeof RankAmountAward>, ctx: RuleContext): { awards: AwardResult[]; note: string } {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const values: Array<number | null> = new Array<number | null>(n).fill(null);
  const describe: string[] = new Array<string>(n).fill("");
  const hasColumn = a.rankBy !== undefined && ents.rows.some((r) => typeof r.values[a.rankBy!] === "number");
  let note: string;
  if (hasColumn) {
    const label = fieldLabel(ctx, ents, a.rankBy!);
    note = `${a.clause} 按开发区表「${label}」排名`;
    ents.rows.forEach((r, i) => {
      const v = r.values[a.rankBy!];
      if (r.entity === i && typeof v === "number") {
        values[i] = v;
        describe[i] = `${label} ${fmt(v)}`;
      }
    });
  } else {
    note = `${a.clause} 开发区表无「年度目标考核得分」列，按三项年度目标（${a.fallbackTargets.join("、")}）的平均完成率排名`;
    const rules = a.fallbackTargets.map((id) => ctx.scheme.rules.find((r) => r.id === id)).filter((r) => r && r.kind === "target");
    ents.rows.forEach((r, i) => {
      if (r.entity !== i) return;
      const ratios: number[] = [];
      for (const rule of rules) {
        if (!rule || rule.kind !== "target") continue;
        const t = targetValue(ctx, rule.target.table, rule.target.column, i);
        const v = r.values[rule.field];
        if (!t || t.value === null || t.value <= 0 || typeof v !== "number") return;
        ratios.push(v / t.value);
      }
      if (ratios.length === 0) return;
      values[i] = Math.round((ratios.reduce((s, x) => s + x, 0) / ratios.length) * 1e12) / 1e12;
      describe[i] = `平均完成率 ${fmt(Math.round(values[i]! * 10000) / 100)}%`;
    });
  }
  const ranks = competitionRanks(values);
  const out: AwardResult[] = [];
  ranks.forEach((rank, i) => {
    if (rank === null || rank > a.amounts.length) return;
    const tied = ranks.filter((r) => r === rank).length;
    out.push({
      entity: ents.rows[i].name, entityIndex: i, rule: a.id, clause: a.clause, label: a.label, amount: a.amounts[rank - 1], unit: a.unit, upTo: false, subject: ents.rows[i].name,
      basis: `${a.clause} ${describe[i]}，第 ${rank} 名${tied > 1 ? `（${tied} 个并列）` : ""} → ${fmt(a.amounts[rank - 1])} ${a.unit}`,
    });
  });
  return { awards: out, note };
}
