/** Awards that are not points: money, land quota, salary-assessment points. One evaluator per kind. */
import type { z } from "zod";
import type { ChosenAward, FlagAmountAward, ListAmountAward, RankAmountAward, RulesMetAward } from "../scheme/schema";
import type { AwardResult } from "./result";
import { fmt, roundTo, roundTotal } from "../format";
import { ranks } from "./ranking";
import { nameKey } from "../read/normalise";
import { describe, fieldLabel, live, targetValue, test, type RuleContext } from "./context";
import { message } from "../messages";

export function evaluateListAmount(a: z.infer<typeof ListAmountAward>, ctx: RuleContext): AwardResult[] {
  const table = ctx.data.tables[a.over];
  if (!table) return [];
  const out: AwardResult[] = [];
  for (const row of table.rows) {
    if (row.entity < 0 || !live(ctx, row.entity)) continue;
    const results = a.filter.map((c) => test(ctx, row, c));
    if (results.some((r) => r === false)) continue;
    const subject = a.subject ? String(row.values[a.subject] ?? row.name) : row.name;
    const unknown = a.filter.filter((_, k) => results[k] === null);
    if (unknown.length) {
      ctx.warn({
        code: "cannot-evaluate",
        sheet: table.sheet,
        cell: row.cells[unknown[0].field] ?? row.cells.name ?? "",
        message: `${a.id}（${subject}）：${unknown.map((c) => describe(ctx, table, row, c)).join("，")}，无法评定奖励`,
      });
      continue;
    }
    const base = row.values[a.amount.field] as number;
    const raw = roundTo(base * a.amount.rate, 9);
    const amount = a.amount.cap !== undefined ? Math.min(raw, a.amount.cap) : raw;
    const capText = a.amount.cap !== undefined && raw > a.amount.cap ? `，单项封顶 ${fmt(a.amount.cap)}` : "";
    out.push({
      entity: ctx.entities.rows[row.entity].name,
      entityIndex: row.entity,
      rule: a.id,
      clause: a.clause,
      label: a.label,
      amount,
      unit: a.unit,
      upTo: a.upTo,
      subject,
      basis: `${a.clause} ${subject}：${a.filter.map((c) => describe(ctx, table, row, c)).join("，")}；${fieldLabel(ctx, table, a.amount.field)} ${fmt(base)} × ${fmt(a.amount.rate)} = ${fmt(raw)}${capText} → ${a.upTo ? "最高 " : ""}${fmt(amount)} ${a.unit}`,
    });
  }
  return out;
}

export function evaluateFlagAmount(a: z.infer<typeof FlagAmountAward>, ctx: RuleContext): AwardResult[] {
  const ents = ctx.entities;
  const out: AwardResult[] = [];
  ents.rows.forEach((row, i) => {
    if (!live(ctx, i) || row.values[a.field] !== true) return;
    out.push({
      entity: row.name,
      entityIndex: i,
      rule: a.id,
      clause: a.clause,
      label: a.label,
      amount: a.amount,
      unit: a.unit,
      upTo: a.upTo,
      subject: row.name,
      basis: `${a.clause} ${fieldLabel(ctx, ents, a.field)}：是 → ${a.upTo ? "最高 " : ""}${fmt(a.amount)} ${a.unit}`,
    });
  });
  return out;
}

export function evaluateRulesMet(
  a: z.infer<typeof RulesMetAward>,
  ctx: RuleContext,
  pointsByRule: Map<string, number[]>,
): AwardResult[] {
  const out: AwardResult[] = [];
  ctx.entities.rows.forEach((row, i) => {
    if (!live(ctx, i)) return;
    if (!a.rules.every((r) => (pointsByRule.get(r)?.[i] ?? 0) > 0)) return;
    out.push({
      entity: row.name,
      entityIndex: i,
      rule: a.id,
      clause: a.clause,
      label: a.label,
      amount: a.amount,
      unit: a.unit,
      upTo: false,
      subject: row.name,
      basis: `${a.clause} ${a.rules.join("、")} 均已实现 → ${fmt(a.amount)} ${a.unit}`,
    });
  });
  return out;
}

/**
 * Awards by place. Ranked by a column, or by the mean completion ratio of target rules, or by total.
 * Ties: "pool" splits the tied places' amounts equally (1st and 2nd tied: (300 + 200) / 2 each); "share" gives each
 * tied entity the amount of the shared place.
 */
export function evaluateRankAmount(
  a: z.infer<typeof RankAmountAward>,
  ctx: RuleContext,
  totals: Array<number | null>,
): { awards: AwardResult[]; note: string } {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const values: Array<number | null> = new Array<number | null>(n).fill(null);
  const describeV: string[] = new Array<string>(n).fill("");
  const hasColumn = a.rankBy !== undefined && ents.rows.some((r) => typeof r.values[a.rankBy!] === "number");
  let note: string;
  if (hasColumn) {
    const label = fieldLabel(ctx, ents, a.rankBy!);
    note = `${a.clause} 按「${label}」排名`;
    ents.rows.forEach((r, i) => {
      const v = r.values[a.rankBy!];
      if (live(ctx, i) && typeof v === "number") {
        values[i] = v;
        describeV[i] = `${label} ${fmt(v)}`;
      }
    });
  } else if (a.fallbackTargets.length) {
    note = `${a.clause} 无「${a.rankBy ? fieldLabel(ctx, ents, a.rankBy) : "排名依据"}」列，按年度目标（${a.fallbackTargets.join("、")}）的平均完成率排名`;
    const rules = a.fallbackTargets.map((id) => ctx.scheme.rules.find((r) => r.id === id));
    ents.rows.forEach((r, i) => {
      if (!live(ctx, i)) return;
      const ratios: number[] = [];
      for (const rule of rules) {
        if (!rule || rule.kind !== "target") continue;
        const t = targetValue(ctx, rule.target.table, rule.target.column, i);
        const v = r.values[rule.field];
        if (!t || t.value === null || t.value <= 0 || typeof v !== "number") return;
        ratios.push(v / t.value);
      }
      if (ratios.length === 0) return;
      values[i] = roundTotal(ratios.reduce((s, x) => s + x, 0) / ratios.length);
      describeV[i] = `平均完成率 ${fmt(roundTo(values[i]! * 100, 2))}%`;
    });
  } else {
    note = `${a.clause} 按总分排名`;
    totals.forEach((t, i) => {
      if (t !== null && live(ctx, i)) {
        values[i] = t;
        describeV[i] = `总分 ${fmt(t)}`;
      }
    });
  }
  const rk = ranks(values, "competition");
  const out: AwardResult[] = [];
  rk.forEach((rank, i) => {
    if (rank === null || rank > a.amounts.length) return;
    const tied = rk.filter((r) => r === rank).length;
    let amount = a.amounts[rank - 1];
    let how = "";
    if (tied > 1 && a.ties === "pool") {
      const places = a.amounts.slice(rank - 1, rank - 1 + tied);
      amount = roundTotal(places.reduce((s, x) => s + x, 0) / tied);
      how = `（${tied} 个并列，第 ${rank}–${rank + tied - 1} 名奖励合计 ${fmt(places.reduce((s, x) => s + x, 0))} 平分）`;
    } else if (tied > 1) how = `（${tied} 个并列，各得该名次奖励）`;
    out.push({
      entity: ents.rows[i].name,
      entityIndex: i,
      rule: a.id,
      clause: a.clause,
      label: a.label,
      amount,
      unit: a.unit,
      upTo: false,
      subject: ents.rows[i].name,
      basis: `${a.clause} ${describeV[i]}，第 ${rank} 名${how} → ${fmt(amount)} ${a.unit}`,
    });
  });
  return { awards: out, note };
}

/** Awards chosen in an input column (专项奖励), with a suggestion: the best entity of the matching group. */
export function evaluateChosen(
  a: z.infer<typeof ChosenAward>,
  ctx: RuleContext,
  groupScores: Map<string, ArrayLike<number>>,
  /** why entity i takes no part (vetoed, excluded), or null */
  notTaking: (i: number) => { zh: string; en: string } | null = () => null,
): { awards: AwardResult[]; notes: string[] } {
  const ents = ctx.entities;
  const out: AwardResult[] = [];
  const notes: string[] = [];
  ents.rows.forEach((row, i) => {
    const v = row.values[a.field];
    if (!live(ctx, i)) {
      // a special award typed for a vetoed (or excluded) unit is not paid, and the result says so
      const why = notTaking(i);
      if (why && typeof v === "string" && v.trim()) {
        const column = fieldLabel(ctx, ents, a.field);
        ctx.warn({
          code: "award-vetoed",
          sheet: ents.sheet,
          cell: row.cells[a.field] ?? row.cells.name ?? "",
          message: message(ctx.lang, "award-vetoed", {
            name: row.name,
            why: why.zh,
            whyEn: why.en,
            column,
            value: v.trim(),
            clause: a.clause,
          }),
          value: v.trim(),
        });
        notes.push(`${a.clause} ${row.name}${why.zh}，「${column}」填写的“${v.trim()}”不予发放`);
      }
      return;
    }
    if (typeof v !== "string" || !v.trim()) return;
    const chosen = v
      .split(/[、,，;；\s]+/)
      .map(nameKey)
      .filter(Boolean);
    for (const o of a.options) {
      if (!chosen.some((c) => c === nameKey(o.name) || nameKey(o.name).includes(c))) continue;
      out.push({
        entity: row.name,
        entityIndex: i,
        rule: a.id,
        clause: a.clause,
        label: `${a.label}：${o.name}`,
        amount: o.amount,
        unit: a.unit,
        upTo: false,
        subject: row.name,
        basis: `${a.clause} ${fieldLabel(ctx, ents, a.field)}：${o.name} → ${fmt(o.amount)} ${a.unit}`,
      });
    }
  });
  for (const o of a.options) {
    if (!o.suggestGroup) continue;
    const g = groupScores.get(o.suggestGroup);
    const group = ctx.scheme.groups.find((x) => x.id === o.suggestGroup);
    if (!g || !group) continue;
    let best = -1;
    for (let i = 0; i < g.length; i++) if (live(ctx, i) && (best < 0 || g[i] > g[best])) best = i;
    if (best >= 0)
      notes.push(
        `${a.clause} 专项奖励“${o.name}”建议：${group.name}得分最高的 ${ents.rows[best].name}（${fmt(g[best])} 分）`,
      );
  }
  return { awards: out, notes };
}
