/**
 * typed tables → points, totals, ranks and awards. A pure function of its inputs, cheap enough to call on every
 * keystroke of a what-if edit.
 */
import type { Scheme, RuleSpecT } from "../schemes/schema";
import type { Dataset } from "./dataset";
import type { Issue, Lang } from "./types";
import type { AwardResult, Detail, EntityResult, ScoreRun } from "./result";
import type { RuleContext } from "./rules/context";
import type { RuleOutcome } from "./rules/types";
import { evaluateTiers } from "./rules/tiers";
import { evaluateTarget } from "./rules/target";
import { evaluatePerUnit } from "./rules/per-unit";
import { evaluateFlag } from "./rules/flag";
import { evaluateFlagAmount, evaluateListAmount, evaluateRankAmount, evaluateRulesMet } from "./rules/awards";
import { competitionRanks, rankOrder } from "./rank";
import { cleanSum, fmt } from "./format";

export function evaluateRule(rule: RuleSpecT, ctx: RuleContext): RuleOutcome {
  switch (rule.kind) {
    case "tiers": return evaluateTiers(rule, ctx);
    case "target": return evaluateTarget(rule, ctx);
    case "per-unit": return evaluatePerUnit(rule, ctx);
    case "flag": return evaluateFlag(rule, ctx);
  }
}

export interface ScoreOptions {
  lang?: Lang;
}

export function score(scheme: Scheme, data: Dataset, opts: ScoreOptions = {}): ScoreRun {
  const entities = data.tables[scheme.entityTable];
  const issues: Issue[] = [];
  const ctx: RuleContext = { scheme, data, entities, lang: opts.lang ?? "zh", warn: (i) => issues.push({ severity: "warning", ...i }) };
  const n = entities.rows.length;
  const live = entities.rows.map((r, i) => r.entity === i);

  const pointsByRule = new Map<string, number[]>();
  const basisByRule = new Map<string, string[]>();
  const details: Detail[] = [];
  for (const rule of scheme.rules) {
    const o = evaluateRule(rule, ctx);
    pointsByRule.set(rule.id, o.points);
    basisByRule.set(rule.id, o.basis);
    details.push(...o.details);
  }

  const notes: string[] = [`考评年度 ${data.year}（来自 ${data.yearSource}）`];
  for (const p of scheme.params) {
    const v = data.params[p.id];
    if (v && p.id !== "year") notes.push(`${p.name} ${fmt(typeof v.value === "number" ? v.value : String(v.value))}${p.unit ? " " + p.unit : ""}（来自 ${v.source}）`);
  }
  const awards: AwardResult[] = [];
  for (const a of scheme.awards) {
    if (a.kind === "list-amount") awards.push(...evaluateListAmount(a, ctx));
    else if (a.kind === "flag-amount") awards.push(...evaluateFlagAmount(a, ctx));
    else if (a.kind === "rules-met") awards.push(...evaluateRulesMet(a, ctx, pointsByRule));
    else {
      const r = evaluateRankAmount(a, ctx);
      awards.push(...r.awards);
      notes.push(r.note);
    }
  }

  const results: EntityResult[] = entities.rows.map((row, i) => {
    const parts = scheme.rules.map((rule) => ({ rule: rule.id, points: pointsByRule.get(rule.id)![i], basis: basisByRule.get(rule.id)![i] }));
    const bonus = cleanSum(parts.map((p) => p.points));
    const b = scheme.total.base ? row.values[scheme.total.base] : null;
    const base = typeof b === "number" ? b : null;
    return { index: i, name: row.name, sheet: entities.sheet, row: row.row, rank: null, total: cleanSum([base ?? 0, bonus]), bonus, base, vetoed: false, parts };
  });
  const ranks = competitionRanks(results.map((r, i) => (live[i] && !r.vetoed ? r.total : null)));
  results.forEach((r, i) => (r.rank = ranks[i]));
  if (n && scheme.total.base && results.every((r) => r.base === null)) notes.push("开发区表无「综合考评基础得分」列：总分 = 加分合计");
  // order details and awards by entity rank, then rule order, for reading
  const ruleOrder = new Map(scheme.rules.map((r, i) => [r.id, i]));
  const order = rankOrder(ranks);
  const pos = new Map(order.map((e, i) => [e, i]));
  details.sort((a, b) => pos.get(a.entityIndex)! - pos.get(b.entityIndex)! || ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)!);
  return { scheme: scheme.id, year: data.year, issues, entities: results, order, details, awards, notes };
}
