/**
 * typed tables → points, totals, ranks, grades and awards. A pure function of its inputs; the sentences are built
 * only when read, so what-if can call it on every keystroke.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset } from "../dataset";
import type { Issue, Lang } from "../types";
import type { AwardResult, Detail, EntityResult, Part, ScoreRun, UsageResult } from "./result";
import type { RuleContext } from "./context";
import type { RuleOutcome } from "./outcome";
import { evaluateChosen, evaluateFlagAmount, evaluateListAmount, evaluateRankAmount, evaluateRulesMet } from "./awards";
import { rankTyped } from "./ranking";
import { exactSum, fmt, roundTotal, TOTAL_DECIMALS } from "../format";
import { nameKey } from "../read/normalise";
import { message } from "../messages";
import { evaluateRule } from "./kinds";
import { READING_TEXT, type Reading } from "./kinds/rank";

export { evaluateRule };

export interface ScoreOptions {
  lang?: Lang;
  /** option id → choice id, overriding the scheme's defaults (e.g. { rankReading: "rank-linear" }) */
  options?: Record<string, string>;
}

/** Shared by every entity of a run: columns of numbers its getters read (no boxed number per entity). */
interface RunTables {
  basis(rule: number, entity: number): string;
  ruleIds: string[];
  points: number[][];
  groupIds: string[];
  groupScores: Float64Array[];
  total: Float64Array;
  score: Float64Array;
  bonus: Float64Array;
  deduction: Float64Array;
  base: Float64Array;
  rank: Float64Array;
  vetoReason: Array<string | null>;
  grade: Array<string | undefined>;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

class Entity implements EntityResult {
  constructor(
    private readonly run: RunTables,
    readonly index: number,
    readonly name: string,
    readonly sheet: string,
    readonly row: number,
  ) {}
  get rank(): number | null {
    return orNull(this.run.rank[this.index]);
  }
  get total(): number {
    return this.run.total[this.index];
  }
  get score(): number {
    return this.run.score[this.index];
  }
  get bonus(): number {
    return this.run.bonus[this.index];
  }
  get deduction(): number {
    return this.run.deduction[this.index];
  }
  get base(): number | null {
    return orNull(this.run.base[this.index]);
  }
  get vetoed(): boolean {
    return this.run.vetoReason[this.index] !== null;
  }
  get vetoReason(): string | undefined {
    return this.run.vetoReason[this.index] ?? undefined;
  }
  get grade(): string | undefined {
    return this.run.grade[this.index];
  }
  get points(): number[] {
    return this.run.points.map((p) => p[this.index]);
  }
  get groups(): Record<string, number> {
    const g: Record<string, number> = {};
    this.run.groupIds.forEach((id, k) => (g[id] = this.run.groupScores[k][this.index]));
    return g;
  }
  get parts(): Part[] {
    return this.run.points.map((p, r) => ({
      rule: this.run.ruleIds[r],
      points: p[this.index],
      basis: this.run.basis(r, this.index),
    }));
  }
}

export function resolveOptions(scheme: Scheme, given: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of scheme.options) {
    const g = given[o.id];
    if (g !== undefined && !o.choices.some((c) => c.id === g))
      throw new Error(`选项 ${o.id} 没有 “${g}”，可选：${o.choices.map((c) => c.id).join("、")}`);
    out[o.id] = g ?? o.default;
  }
  return out;
}

export function score(scheme: Scheme, data: Dataset, opts: ScoreOptions = {}): ScoreRun {
  const entities = data.tables[scheme.entityTable];
  const n = entities.rows.length;
  const issues: Issue[] = [];
  const options = resolveOptions(scheme, opts.options);
  const ctx: RuleContext = {
    scheme,
    data,
    entities,
    lang: opts.lang ?? "zh",
    options,
    excluded: new Array<boolean>(n).fill(false),
    warn: (i) => issues.push({ severity: "warning", ...i }),
  };
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
  // units the policy names as not (yet) evaluated: no rank, points or award, a warning at the name cell
  const excludedBy: Array<Scheme["exclude"][number] | null> = new Array(n).fill(null);
  if (scheme.exclude.length) {
    const names = new Map(scheme.exclude.map((x) => [nameKey(x.name), x]));
    for (let i = 0; i < n; i++) {
      const x = names.get(nameKey(entities.rows[i].name));
      if (!x || dup[i]) continue;
      excludedBy[i] = x;
      vetoReason[i] = `暂不考核：${x.reason}（${x.clause}）`;
      ctx.warn({
        code: "excluded-unit",
        sheet: entities.sheet,
        cell: entities.rows[i].cells.name ?? "",
        message: message(ctx.lang, "excluded-unit", {
          name: entities.rows[i].name,
          clause: x.clause,
          reason: x.reason,
        }),
        value: entities.rows[i].name,
      });
    }
  }
  for (let i = 0; i < n; i++) ctx.excluded[i] = vetoReason[i] !== null;
  scheme.rules.forEach((rule, k) => {
    if (!outcomes[k]) outcomes[k] = evaluateRule(rule, ctx);
  });
  const outs = outcomes as RuleOutcome[];
  const ruleIds = scheme.rules.map((r) => r.id);
  const basis = (r: number, e: number) =>
    vetoReason[e] && scheme.rules[r].kind !== "veto" ? `不予评价：${vetoReason[e]}` : outs[r].basis(e);
  const pointsByRule = new Map(scheme.rules.map((r, k) => [r.id, outs[k].points]));

  const baseField = scheme.total.base;
  // Exact totals: every part is kept at full precision, each subtotal and the total is the exact (order-independent)
  // sum of its parts, capped where the scheme caps, and rounded once to TOTAL_DECIMALS places. Ranks, awards by
  // place, grades and result usage all compare these rounded totals; the live formulas round at the same place.
  const gIndex = new Map(scheme.groups.map((g, k) => [g.id, k]));
  const gRaw = scheme.groups.map(() => new Float64Array(n));
  const sc = new Float64Array(n);
  const bo = new Float64Array(n);
  const de = new Float64Array(n);
  const rows = entities.rows;
  const base = new Float64Array(n).fill(NaN);
  const total = new Float64Array(n);
  const rankKey = new Float64Array(n);
  // the parts of one entity by destination: index 0..G-1 groups, G ungrouped score, G+1 bonus, G+2 deduction
  const G = scheme.groups.length;
  const dest = scheme.rules.map((rule) =>
    rule.kind === "veto"
      ? -1
      : rule.role === "bonus"
        ? G + 1
        : rule.role === "deduction"
          ? G + 2
          : rule.group !== undefined
            ? gIndex.get(rule.group)!
            : G,
  );
  const caps = scheme.groups.map((g) => (g.cap ? g.weight : Infinity));
  // scratch space, reused for every entity: parts by destination, then every term of the total
  const R = outs.length + 1;
  const bins = new Float64Array((G + 3) * R);
  const count = new Int32Array(G + 3);
  const all = new Float64Array(G + 3 * R);
  for (let i = 0; i < n; i++) {
    count.fill(0);
    for (let k = 0; k < outs.length; k++) {
      const d = dest[k];
      if (d >= 0) bins[d * R + count[d]++] = outs[k].points[i];
    }
    let m = 0;
    for (let g = 0; g < G; g++) {
      const raw = Math.min(exactSum(bins, g * R, g * R + count[g]), caps[g]);
      gRaw[g][i] = roundTotal(raw);
      all[m++] = raw;
    }
    for (let q = 0; q < count[G]; q++) all[m++] = bins[G * R + q];
    sc[i] = roundTotal(exactSum(all, 0, m));
    bo[i] = roundTotal(exactSum(bins, (G + 1) * R, (G + 1) * R + count[G + 1]));
    de[i] = roundTotal(exactSum(bins, (G + 2) * R, (G + 2) * R + count[G + 2]));
    for (let q = 0; q < count[G + 1]; q++) all[m++] = bins[(G + 1) * R + q];
    for (let q = 0; q < count[G + 2]; q++) all[m++] = bins[(G + 2) * R + q];
    const b = baseField ? rows[i].values[baseField] : null;
    if (typeof b === "number") {
      base[i] = b;
      all[m++] = b;
    }
    total[i] = vetoReason[i] ? 0 : roundTotal(exactSum(all, 0, m));
    rankKey[i] = dup[i] || vetoReason[i] ? NaN : total[i];
  }
  const groupScores = new Map<string, ArrayLike<number>>(scheme.groups.map((g, k) => [g.id, gRaw[k]]));
  const ranked = rankTyped(rankKey, scheme.ranking.ties);
  const order = ranked.order;
  const grade: Array<string | undefined> = new Array<string | undefined>(n);
  const tables: RunTables = {
    basis,
    ruleIds,
    points: outs.map((o) => o.points),
    groupIds: scheme.groups.map((g) => g.id),
    groupScores: gRaw,
    total,
    score: sc,
    bonus: bo,
    deduction: de,
    base,
    rank: ranked.rank,
    vetoReason,
    grade,
  };
  const results: Entity[] = new Array(n);
  for (let i = 0; i < n; i++) results[i] = new Entity(tables, i, rows[i].name, entities.sheet, rows[i].row);

  if (scheme.grading) {
    const g = scheme.grading;
    const rk = ranked.rank;
    let count = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(rk[i])) count++;
    const limits = g.bands.map((b) => Math.round(b * count));
    for (let i = 0; i < n; i++) {
      const r = rk[i];
      if (Number.isNaN(r)) continue;
      let k = 0;
      if (g.method === "percentile") while (k < limits.length && r > limits[k]) k++;
      else while (k < g.bands.length && total[i] < g.bands[k]) k++;
      grade[i] = g.labels[k];
    }
  }

  const notes: string[] = [`考评年度 ${data.year}（来自 ${data.yearSource}）`];
  for (const p of scheme.params) {
    const v = data.params[p.id];
    if (v && p.id !== "year")
      notes.push(
        `${p.name} ${fmt(typeof v.value === "number" ? v.value : String(v.value))}${p.unit ? " " + p.unit : ""}（来自 ${v.source}）`,
      );
  }
  for (const o of scheme.options) {
    const c = o.choices.find((x) => x.id === options[o.id])!;
    notes.push(
      `${o.name}：${c.id}（${c.name}：${c.description}）${options[o.id] === o.default ? "［默认］" : "［用户选择］"}`,
    );
  }
  const tieText = {
    competition: "并列者名次相同，下一名次顺延（同 Excel RANK.EQ）",
    dense: "并列者名次相同，下一名次不空缺（中国式排名）",
    average: "并列者取平均名次（同 Excel RANK.AVG）",
  };
  notes.push(
    `总分：各项得分按全精度计算，小计与总分为各项的精确和（与相加顺序无关），四舍五入保留 ${TOTAL_DECIMALS} 位小数后再比较；名次、按名次的奖励（并列平分）、等级和结果运用均按此总分判断，实时公式以 ROUND(总分, ${TOTAL_DECIMALS}) 同样取舍；表中显示保留 2 位小数`,
  );
  notes.push(`排名：总分从高到低，${tieText[scheme.ranking.ties]}；并列行按评价对象表中的顺序排列`);
  if (n && baseField && results.every((r) => r.base === null))
    notes.push(
      `评价对象表无「${scheme.tables.find((t) => t.id === scheme.entityTable)?.columns.find((c) => c.id === baseField)?.name ?? baseField}」列：总分不含基础得分`,
    );
  const vetoed = results.filter((r) => r.vetoed);
  if (vetoed.length) notes.push(`不予评价：${vetoed.map((r) => `${r.name}（${r.vetoReason}）`).join("；")}`);

  const totals: Array<number | null> = scheme.awards.some((a) => a.kind === "rank-amount")
    ? results.map((r) => (r.rank === null ? null : r.total))
    : [];
  const awards: AwardResult[] = [];
  for (const a of scheme.awards) {
    if (a.kind === "list-amount") awards.push(...evaluateListAmount(a, ctx));
    else if (a.kind === "flag-amount") awards.push(...evaluateFlagAmount(a, ctx));
    else if (a.kind === "rules-met") awards.push(...evaluateRulesMet(a, ctx, pointsByRule));
    else if (a.kind === "chosen") {
      const c = evaluateChosen(a, ctx, groupScores, (i) =>
        dup[i]
          ? null
          : excludedBy[i]
            ? { zh: "暂不考核", en: "is not evaluated this year" }
            : vetoReason[i]
              ? { zh: `不予评价（${vetoReason[i]}）`, en: "is vetoed (不予评价) this year" }
              : null,
      );
      awards.push(...c.awards);
      notes.push(...c.notes);
    } else {
      const r = evaluateRankAmount(a, ctx, totals);
      awards.push(...r.awards);
      notes.push(r.note);
    }
  }

  const usage = evaluateUsage(scheme, data, results, options);
  for (const u of scheme.usage)
    if (u.option)
      notes.push(
        options[u.option] === "on"
          ? `结果运用 ${u.id}“${u.description}”已启用：${u.origin ?? u.clause}`
          : `结果运用 ${u.id}（${u.origin ?? u.clause}）未启用（选项 ${u.option}）`,
      );

  let detailCache: Detail[] | null = null;
  const posArr = new Int32Array(n);
  order.forEach((e, k) => (posArr[e] = k));
  const pos = { get: (e: number) => posArr[e] };
  // awards and usage read best first (by rank, then in scheme order)
  const awardOrder = new Map(scheme.awards.map((a, k) => [a.id, k]));
  awards.sort(
    (a, b) => awardOrder.get(a.rule)! - awardOrder.get(b.rule)! || pos.get(a.entityIndex) - pos.get(b.entityIndex),
  );
  usage.sort((a, b) => pos.get(a.entityIndex) - pos.get(b.entityIndex));
  const details = () => {
    if (!detailCache) {
      const all: Array<Detail & { r: number }> = [];
      outs.forEach((o, r) => {
        for (const d of o.details()) if (!vetoReason[d.entityIndex]) all.push({ ...d, r });
      });
      all.sort((a, b) => pos.get(a.entityIndex) - pos.get(b.entityIndex) || a.r - b.r);
      detailCache = all.map(({ r: _r, ...d }) => d);
    }
    return detailCache;
  };
  return {
    scheme: scheme.id,
    year: data.year,
    issues,
    entities: results,
    order,
    awards,
    usage,
    options,
    notes,
    basis,
    details,
  };
}

/** Result usage across years, from the table of earlier results (年度, 名称, 得分, 名次). */
function evaluateUsage(
  scheme: Scheme,
  data: Dataset,
  results: EntityResult[],
  options: Record<string, string>,
): UsageResult[] {
  const rules = scheme.usage.filter((u) => !u.option || options[u.option] === "on");
  if (!rules.length || !scheme.historyTable) return [];
  const hist = data.tables[scheme.historyTable];
  const byYear = new Map<number, Map<string, { score: number | null; rank: number | null }>>();
  const counts = new Map<number, number>();
  for (const r of hist?.rows ?? []) {
    const y = r.values.year;
    if (typeof y !== "number") continue;
    let m = byYear.get(y);
    if (!m) byYear.set(y, (m = new Map()));
    m.set(nameKey(r.name), {
      score: typeof r.values.score === "number" ? r.values.score : null,
      rank: typeof r.values.rank === "number" ? r.values.rank : null,
    });
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const ranked = results.filter((r) => r.rank !== null).length;
  const out: UsageResult[] = [];
  for (const u of rules) {
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
      if (ok)
        out.push({
          entity: e.name,
          entityIndex: e.index,
          rule: u.id,
          clause: u.clause,
          outcome: u.outcome,
          basis: `${u.clause}${u.origin ? `（${u.origin}）` : ""} ${seen.join("，")}${u.kind === "score-streak" ? `，均不低于 ${fmt(u.minScore ?? 0)} 分` : `，均在倒数 ${u.n} 名内`} → ${u.outcome}`,
        });
    }
  }
  return out;
}

export { READING_TEXT, type Reading };
