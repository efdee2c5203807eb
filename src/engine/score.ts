/**
 * typed tables → points, totals, ranks, grades and awards. A pure function of its inputs; the sentences are built
 * only when read, so what-if can call it on every keystroke.
 */
import type { Scheme, RuleSpecT } from "../schemes/schema";
import type { Dataset, Row } from "./dataset";
import type { Issue, Lang } from "./types";
import type { AwardResult, Detail, EntityResult, Part, ScoreRun, UsageResult } from "./result";
import type { RuleContext } from "./rules/context";
import type { RuleOutcome } from "./rules/types";
import { evaluateTiers } from "./rules/tiers";
import { evaluateRank, READING_TEXT, type Reading } from "./rules/rank";
import { evaluateBenchmark, evaluateDeduction, evaluateEntered, evaluateFlag, evaluateGrowth, evaluatePerUnit, evaluateTarget, evaluateVeto } from "./rules/simple";
import { evaluateCertification } from "./rules/certification";
import { evaluateChosen, evaluateFlagAmount, evaluateListAmount, evaluateRankAmount, evaluateRulesMet } from "./rules/awards";
import { rankOrder, ranks } from "./rank";
import { fmt } from "./format";
import { nameKey } from "./text";

export function evaluateRule(rule: RuleSpecT, ctx: RuleContext): RuleOutcome {
  switch (rule.kind) {
    case "rank": return evaluateRank(rule, ctx);
    case "tiers": return evaluateTiers(rule, ctx);
    case "target": return evaluateTarget(rule, ctx);
    case "per-unit": return evaluatePerUnit(rule, ctx);
    case "flag": return evaluateFlag(rule, ctx);
    case "entered": return evaluateEntered(rule, ctx);
    case "growth-steps": return evaluateGrowth(rule, ctx);
    case "benchmark-ratio": return evaluateBenchmark(rule, ctx);
    case "certification": return evaluateCertification(rule, ctx);
    case "deduction": return evaluateDeduction(rule, ctx);
    case "veto": return evaluateVeto(rule, ctx);
  }
}

export interface ScoreOptions {
  lang?: Lang;
  /** option id → choice id, overriding the scheme's defaults (e.g. { rankReading: "rank-linear" }) */
  options?: Record<string, string>;
}

const r9 = (x: number) => Math.round(x * 1e9) / 1e9;

class Entity implements EntityResult {
  rank: number | null = null;
  total = 0;
  score = 0;
  bonus = 0;
  deduction = 0;
  vetoed = false;
  vetoReason?: string;
  grade?: string;
  groups: Record<string, number> = {};
  constructor(
    private readonly run: { basis(rule: number, entity: number): string; ruleIds: string[] },
    readonly index: number,
    readonly name: string,
    readonly sheet: string,
    readonly row: number,
    readonly base: number | null,
    readonly points: number[],
  ) {}
  get parts(): Part[] {
    return this.points.map((p, r) => ({ rule: this.run.ruleIds[r], points: p, basis: this.run.basis(r, this.index) }));
  }
}

export function resolveOptions(scheme: Scheme, given: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of scheme.options) {
    const g = given[o.id];
    if (g !== undefined && !o.choices.some((c) => c.id === g)) throw new Error(`选项 ${o.id} 没有 “${g}”，可选：${o.choices.map((c) => c.id).join("、")}`);
    out[o.id] = g ?? o.default;
  }
  return out;
}

export function score(scheme: Scheme, data: Dataset, opts: ScoreOptions = {}): ScoreRun {
  const entities = data.tables[scheme.entityTable];
  const n = entities.rows.length;
  const issues: Issue[] = [];
  const options = resolveOptions(scheme, opts.options);
  const ctx: RuleContext = { scheme, data, entities, lang: opts.lang ?? "zh", options, excluded: new Array<boolean>(n).fill(false), warn: (i) => issues.push({ severity: "warning", ...i }) };
  const dup = entities.rows.map((r, i) => r.entity !== i);

  // vetoes first: a vetoed entity is neither scored nor ranked, and does not take part in others' ranks
  const outcomes: Array<RuleOutcome | null> = scheme.rules.map(() => null);
  const vetoReason: Array<string | null> = new Array<string | null>(n).fill(null);
  scheme.rules.forEach((rule, k) => {
    if (rule.kind !== "veto") return;
    const o = evaluateRule(rule, ctx);
    outcomes[k] = o;
    o.veto!.forEach((v, i) => {
      if (v && !vetoReason[i]) vetoReason[i] = v;
    });
  });
  for (let i = 0; i < n; i++) ctx.excluded[i] = vetoReason[i] !== null;
  scheme.rules.forEach((rule, k) => {
    if (!outcomes[k]) outcomes[k] = evaluateRule(rule, ctx);
  });
  const outs = outcomes as RuleOutcome[];
  const ruleIds = scheme.rules.map((r) => r.id);
  const basis = (r: number, e: number) => (vetoReason[e] && scheme.rules[r].kind !== "veto" ? `不予评价：${vetoReason[e]}` : outs[r].basis(e));
  const pointsByRule = new Map(scheme.rules.map((r, k) => [r.id, outs[k].points]));

  const baseField = scheme.total.base;
  const groupScores = new Map<string, number[]>(scheme.groups.map((g) => [g.id, new Array<number>(n).fill(0)]));
  const results: Entity[] = new Array(n);
  const nr = scheme.rules.length;
  const roles = scheme.rules.map((r) => r.role);
  const groupOf = scheme.rules.map((r) => r.group);
  const caps = new Map(scheme.groups.map((g) => [g.id, g.cap ? g.weight : Infinity]));
  for (let i = 0; i < n; i++) {
    const row: Row = entities.rows[i];
    const pts = new Array<number>(nr);
    let sc = 0;
    let bo = 0;
    let de = 0;
    const groups: Record<string, number> = {};
    for (let k = 0; k < nr; k++) {
      const p = outs[k].points[i];
      pts[k] = p;
      if (roles[k] === "bonus") bo += p;
      else if (roles[k] === "deduction") de += p;
      else {
        const g = groupOf[k];
        if (g) groups[g] = (groups[g] ?? 0) + p;
        else sc += p;
      }
    }
    for (const g of scheme.groups) {
      const v = r9(Math.min(groups[g.id] ?? 0, caps.get(g.id)!));
      groups[g.id] = v;
      groupScores.get(g.id)![i] = v;
      sc += v;
    }
    const b = baseField ? row.values[baseField] : null;
    const e = new Entity({ basis, ruleIds }, i, row.name, entities.sheet, row.row, typeof b === "number" ? b : null, pts);
    e.score = r9(sc);
    e.bonus = r9(bo);
    e.deduction = r9(de);
    e.groups = groups;
    e.total = r9((e.base ?? 0) + sc + bo + de);
    if (vetoReason[i]) {
      e.vetoed = true;
      e.vetoReason = vetoReason[i]!;
      e.total = 0;
    }
    results[i] = e;
  }
  const rk = ranks(results.map((r, i) => (dup[i] || r.vetoed ? null : r.total)), scheme.ranking.ties);
  for (let i = 0; i < n; i++) results[i].rank = rk[i];
  const order = rankOrder(rk);

  if (scheme.grading) {
    const g = scheme.grading;
    const ranked = rk.filter((r) => r !== null).length;
    for (const i of order) {
      const e = results[i];
      if (e.rank === null) continue;
      let k = 0;
      if (g.method === "percentile") while (k < g.bands.length && e.rank > Math.round(g.bands[k] * ranked)) k++;
      else while (k < g.bands.length && e.total < g.bands[k]) k++;
      e.grade = g.labels[k];
    }
  }

  const notes: string[] = [`考评年度 ${data.year}（来自 ${data.yearSource}）`];
  for (const p of scheme.params) {
    const v = data.params[p.id];
    if (v && p.id !== "year") notes.push(`${p.name} ${fmt(typeof v.value === "number" ? v.value : String(v.value))}${p.unit ? " " + p.unit : ""}（来自 ${v.source}）`);
  }
  for (const o of scheme.options) {
    const c = o.choices.find((x) => x.id === options[o.id])!;
    notes.push(`${o.name}：${c.id}（${c.name}：${c.description}）${options[o.id] === o.default ? "［默认］" : "［用户选择］"}`);
  }
  const tieText = { competition: "并列者名次相同，下一名次顺延（同 Excel RANK.EQ）", dense: "并列者名次相同，下一名次不空缺（中国式排名）", average: "并列者取平均名次（同 Excel RANK.AVG）" };
  notes.push(`排名：总分从高到低，${tieText[scheme.ranking.ties]}；并列行按评价对象表中的顺序排列`);
  if (n && baseField && results.every((r) => r.base === null)) notes.push(`评价对象表无「${scheme.tables.find((t) => t.id === scheme.entityTable)?.columns.find((c) => c.id === baseField)?.name ?? baseField}」列：总分不含基础得分`);
  const vetoed = results.filter((r) => r.vetoed);
  if (vetoed.length) notes.push(`不予评价：${vetoed.map((r) => `${r.name}（${r.vetoReason}）`).join("；")}`);

  const totals = results.map((r) => (r.rank === null ? null : r.total));
  const awards: AwardResult[] = [];
  for (const a of scheme.awards) {
    if (a.kind === "list-amount") awards.push(...evaluateListAmount(a, ctx));
    else if (a.kind === "flag-amount") awards.push(...evaluateFlagAmount(a, ctx));
    else if (a.kind === "rules-met") awards.push(...evaluateRulesMet(a, ctx, pointsByRule));
    else if (a.kind === "chosen") {
      const c = evaluateChosen(a, ctx, groupScores);
      awards.push(...c.awards);
      notes.push(...c.notes);
    } else {
      const r = evaluateRankAmount(a, ctx, totals);
      awards.push(...r.awards);
      notes.push(r.note);
    }
  }

  const usage = evaluateUsage(scheme, data, results);

  let detailCache: Detail[] | null = null;
  const pos = new Map(order.map((e, k) => [e, k]));
  // awards and usage read best first (by rank, then in scheme order)
  const awardOrder = new Map(scheme.awards.map((a, k) => [a.id, k]));
  awards.sort((a, b) => awardOrder.get(a.rule)! - awardOrder.get(b.rule)! || pos.get(a.entityIndex)! - pos.get(b.entityIndex)!);
  usage.sort((a, b) => pos.get(a.entityIndex)! - pos.get(b.entityIndex)!);
  const details = () => {
    if (!detailCache) {
      const all: Array<Detail & { r: number }> = [];
      outs.forEach((o, r) => {
        for (const d of o.details()) if (!vetoReason[d.entityIndex]) all.push({ ...d, r });
      });
      all.sort((a, b) => pos.get(a.entityIndex)! - pos.get(b.entityIndex)! || a.r - b.r);
      detailCache = all.map(({ r: _r, ...d }) => d);
    }
    return detailCache;
  };
  return { scheme: scheme.id, year: data.year, issues, entities: results, order, awards, usage, options, notes, basis, details };
}

/** Result usage across years, from the table of earlier results (年度, 名称, 得分, 名次). */
function evaluateUsage(scheme: Scheme, data: Dataset, results: EntityResult[]): UsageResult[] {
  if (!scheme.usage.length || !scheme.historyTable) return [];
  const hist = data.tables[scheme.historyTable];
  const byYear = new Map<number, Map<string, { score: number | null; rank: number | null }>>();
  const counts = new Map<number, number>();
  for (const r of hist?.rows ?? []) {
    const y = r.values.year;
    if (typeof y !== "number") continue;
    let m = byYear.get(y);
    if (!m) byYear.set(y, (m = new Map()));
    m.set(nameKey(r.name), { score: typeof r.values.score === "number" ? r.values.score : null, rank: typeof r.values.rank === "number" ? r.values.rank : null });
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const ranked = results.filter((r) => r.rank !== null).length;
  const out: UsageResult[] = [];
  for (const u of scheme.usage) {
    const years: number[] = [];
    for (let k = u.includeCurrent ? 0 : 1; years.length < u.years; k++) years.push(data.year - k);
    for (const e of results) {
      const seen: string[] = [];
      const ok = years.every((y) => {
        let score: number | null;
        let rank: number | null;
        let count: number;
        if (y === data.year && u.includeCurrent) {
          score = e.rank === null ? null : e.total;
          rank = e.rank;
          count = ranked;
        } else {
          const h = byYear.get(y)?.get(nameKey(e.name));
          score = h?.score ?? null;
          rank = h?.rank ?? null;
          count = counts.get(y) ?? 0;
        }
        if (u.kind === "score-streak") {
          seen.push(`${y}年 ${score === null ? "无" : fmt(score)} 分`);
          return score !== null && score >= (u.minScore ?? 0);
        }
        seen.push(`${y}年 第 ${rank ?? "—"}/${count} 名`);
        return rank !== null && count > 0 && rank > count - (u.n ?? 0);
      });
      if (ok) out.push({ entity: e.name, entityIndex: e.index, rule: u.id, clause: u.clause, outcome: u.outcome, basis: `${u.clause} ${seen.join("，")}${u.kind === "score-streak" ? `，均不低于 ${fmt(u.minScore ?? 0)} 分` : `，均在倒数 ${u.n} 名内`} → ${u.outcome}` });
    }
  }
  return out;
}

export { READING_TEXT, type Reading };
