/**
 * How much the ranking depends on choices the policy leaves open (after COINr's get_sensitivity: the rank of each unit
 * over many runs, its median and 5–95 % interval, and which inputs move the ranking most):
 *   (a) every combination of the scheme's reading options and tie rules, each rescored;
 *   (b) group weights perturbed uniformly within ±pct %, renormalised to the original weight sum, by seeded Monte
 *       Carlo: a group's points scale with its weight (a scheme without groups: each scoring rule is its own factor,
 *       the multipliers renormalised to mean 1); bonus points, deductions and the base stay as they are;
 *   (c) one scoring rule left out at a time (a capped group re-capped without it).
 * Deterministic for a seed. Built on the score results (totals, group subtotals, points per rule), not on internals.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { Lang } from "../types";
import { rankTyped, type TieRule } from "../score/ranking";
import { score } from "../score/scoring";
import { t } from "../i18n";
import { roundTo } from "../format";
import { schemeWord } from "../i18n/scheme-words";
import { vetoes } from "../score/kinds";

/** A small seeded PRNG (xorshift32 after a splitmix-style scramble of the seed): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let z = (seed >>> 0) + 0x9e3779b9;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  let s = (z ^ (z >>> 16)) >>> 0 || 0x6d2b79f5;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s - 1) / 4294967295;
  };
}

export interface SensitivityOptions {
  lang?: Lang;
  /** the reading options the baseline uses */
  options?: Record<string, string>;
  seed?: number;
  /** Monte Carlo samples for the weights (default 1,000) */
  samples?: number;
  /** ± per cent each weight may move (default 20) */
  pct?: number;
  /** which analyses to run (all by default) */
  readings?: boolean;
  weights?: boolean;
  leaveOut?: boolean;
}

export interface RankStats {
  median: number;
  p5: number;
  p95: number;
  min: number;
  max: number;
}

export interface UnitSensitivity {
  index: number;
  name: string;
  baseRank: number | null;
  baseTotal: number;
  /** null when the unit is not ranked (vetoed, duplicate) */
  all: RankStats | null;
  readings: RankStats | null;
  weights: RankStats | null;
  leaveOut: RankStats | null;
}

export interface ReadingCombo {
  options: Record<string, string>;
  ties: TieRule;
  label: { zh: string; en: string };
  ranks: Array<number | null>;
  top3Same: boolean;
}

export interface Factor {
  id: string;
  name: string;
  weight: number;
  /** first-order sensitivity of the mean absolute rank change to this factor's weight (binned estimate, 0–1) */
  index: number;
}

export interface LeaveOut {
  rule: string;
  label: string;
  meanShift: number;
  maxShift: number;
  top3Same: boolean;
  /** every unit's rank without this rule */
  ranks: Array<number | null>;
}

export interface SensitivityResult {
  scheme: string;
  seed: number;
  samples: number;
  pct: number;
  units: UnitSensitivity[];
  /** the units ranked 1–3 in the baseline */
  top3: number[];
  /** share of runs in which the top three are the same three units */
  top3Share: { all: number; readings: number | null; weights: number | null; leaveOut: number | null };
  runs: { all: number; readings: number; weights: number; leaveOut: number };
  readings: ReadingCombo[];
  /** group (or rule) weights and their first-order indices, most influential first */
  factors: Factor[];
  /** the mean absolute rank change over the weight samples */
  weightsMeanShift: number;
  /** rules left out, the ones the ranking is most sensitive to first */
  leaveOut: LeaveOut[];
}

const TIES: TieRule[] = ["competition", "dense", "average"];
/** Every combination of the scheme's options (cartesian product). */
function combos(scheme: Scheme): Array<Record<string, string>> {
  let out: Array<Record<string, string>> = [{}];
  for (const o of scheme.options) out = out.flatMap((c) => o.choices.map((ch) => ({ ...c, [o.id]: ch.id })));
  return out;
}

/** Ranks collected run by run: one row of n per run. */
class Runs {
  rows: Float64Array[] = [];
  push(r: Float64Array) {
    this.rows.push(r);
  }
}

function quantile(sorted: Float64Array, q: number): number {
  const k = Math.max(0, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.min(k, sorted.length - 1)];
}

function stats(runs: Float64Array[], i: number): RankStats | null {
  const xs = new Float64Array(runs.length);
  let m = 0;
  for (const r of runs) if (!Number.isNaN(r[i])) xs[m++] = r[i];
  if (!m) return null;
  const s = xs.subarray(0, m).sort();
  const median = m % 2 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
  return { median, p5: quantile(s, 0.05), p95: quantile(s, 0.95), min: s[0], max: s[m - 1] };
}

const sameTop3 = (top3: number[], r: Float64Array) => top3.every((i) => r[i] <= 3) && top3.length === countTop(r);
function countTop(r: Float64Array): number {
  let c = 0;
  for (let i = 0; i < r.length; i++) if (r[i] <= 3) c++;
  return c;
}

function meanShift(base: Float64Array, r: Float64Array): { mean: number; max: number } {
  let s = 0;
  let c = 0;
  let max = 0;
  for (let i = 0; i < base.length; i++) {
    if (Number.isNaN(base[i]) || Number.isNaN(r[i])) continue;
    const d = Math.abs(base[i] - r[i]);
    s += d;
    c++;
    if (d > max) max = d;
  }
  return { mean: c ? s / c : 0, max };
}

/** The baseline every analysis departs from: ranks and totals per unit (NaN where unranked) and the top three. */
interface Base {
  scheme: Scheme;
  lang: Lang;
  ents: ScoreRun["entities"];
  n: number;
  ties: TieRule;
  baseRank: Float64Array;
  baseTotal: Float64Array;
  top3: number[];
}

function baseOf(scheme: Scheme, baseline: ScoreRun, lang: Lang): Base {
  const ents = baseline.entities;
  const n = ents.length;
  const baseRank = new Float64Array(n);
  const baseTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    baseRank[i] = ents[i].rank ?? NaN;
    baseTotal[i] = ents[i].rank === null ? NaN : ents[i].total;
  }
  const top3 = ents.filter((e) => e.rank !== null && e.rank <= 3).map((e) => e.index);
  return { scheme, lang, ents, n, ties: scheme.ranking.ties, baseRank, baseTotal, top3 };
}

const ranksOf = (r: Float64Array) => Array.from(r, (x) => (Number.isNaN(x) ? null : x));

/** (a) every combination of readings and tie rules, each rescored. */
function readingRuns(b: Base, data: Dataset, runs: Runs): ReadingCombo[] {
  const { scheme, lang, n } = b;
  const readings: ReadingCombo[] = [];
  for (const o of combos(scheme))
    for (const ties of TIES) {
      const s: Scheme = ties === b.ties ? scheme : { ...scheme, ranking: { ...scheme.ranking, ties } };
      const run = score(s, data, { lang, options: o });
      const r = new Float64Array(n);
      for (let i = 0; i < n; i++) r[i] = run.entities[i].rank ?? NaN;
      runs.push(r);
      const names = (l: Lang) =>
        scheme.options.map((x) => `${schemeWord(scheme, l, x.name)} ${o[x.id]}`).join(t(l, "whatif.listSep"));
      readings.push({
        options: o,
        ties,
        label: {
          zh: t("zh", "whatif.comboLabel", { options: names("zh"), ties }),
          en: t("en", "whatif.comboLabel", { options: names("en"), ties }),
        },
        ranks: ranksOf(r),
        top3Same: sameTop3(b.top3, r),
      });
    }
  return readings;
}

/** A weight that can move: a group's subtotal, or (without groups) a scoring rule's points, per unit. */
interface FactorDef {
  id: string;
  name: string;
  weight: number;
  contrib: Float64Array;
}

/** The factors: group subtotals, or each scoring rule's points. */
function factorDefs(b: Base): FactorDef[] {
  const { scheme, ents, n } = b;
  const defs: FactorDef[] = [];
  if (scheme.groups.length) {
    for (const g of scheme.groups) {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = ents[i].groups[g.id] ?? 0;
      defs.push({ id: g.id, name: schemeWord(scheme, b.lang, g.name), weight: g.weight, contrib: c });
    }
    return defs;
  }
  const pts = ents.map((e) => e.points);
  scheme.rules.forEach((rule, k) => {
    if (vetoes(rule) || rule.role === "deduction") return;
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = pts[i][k];
    defs.push({ id: rule.id, name: schemeWord(scheme, b.lang, rule.label), weight: 1, contrib: c });
  });
  return defs;
}

/** The Monte Carlo samples: each sample's multipliers (renormalised) and its mean absolute rank change. */
interface WeightSamples {
  mult: Float64Array;
  y: Float64Array;
}

/** (b) weights perturbed within ±pct %, renormalised to the original weight sum, each sample reranked. */
function sampleWeights(b: Base, defs: FactorDef[], o: { samples: number; pct: number; seed: number }, runs: Runs) {
  const { n, baseTotal } = b;
  const { samples, pct } = o;
  const rnd = seededRandom(o.seed);
  const F = defs.length;
  const W = defs.reduce((s, f) => s + f.weight, 0);
  const mult = new Float64Array(samples * F);
  const y = new Float64Array(samples);
  const totals = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let f = 0; f < F; f++) {
      const m = 1 + (pct / 100) * (2 * rnd() - 1);
      mult[s * F + f] = m;
      sum += defs[f].weight * m;
    }
    for (let f = 0; f < F; f++) mult[s * F + f] *= W / sum;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(baseTotal[i])) {
        totals[i] = NaN;
        continue;
      }
      let total = baseTotal[i];
      for (let f = 0; f < F; f++) total += defs[f].contrib[i] * (mult[s * F + f] - 1);
      totals[i] = roundTo(total, 9);
    }
    const r = rankTyped(totals, b.ties).rank;
    runs.push(r);
    y[s] = meanShift(b.baseRank, r).mean;
  }
  return { mult, y } satisfies WeightSamples;
}

/**
 * First-order index of each factor: the variance of the mean of y over ten equal-count bins of the factor's
 * multiplier, over the variance of y. Most influential first; also the mean of y.
 */
function firstOrder(defs: FactorDef[], w: WeightSamples): { factors: Factor[]; mean: number } {
  const { mult, y } = w;
  const samples = y.length;
  const F = defs.length;
  let ym = 0;
  for (const v of y) ym += v;
  ym /= samples;
  let vy = 0;
  for (const v of y) vy += (v - ym) * (v - ym);
  vy /= samples;
  const bins = Math.min(10, samples);
  const factors: Factor[] = [];
  for (let f = 0; f < F; f++) {
    const idx = Array.from({ length: samples }, (_, s) => s).sort((a, b) => mult[a * F + f] - mult[b * F + f]);
    let vb = 0;
    for (let b = 0; b < bins; b++) {
      const lo = Math.floor((b * samples) / bins);
      const hi = Math.floor(((b + 1) * samples) / bins);
      let m = 0;
      for (let k = lo; k < hi; k++) m += y[idx[k]];
      m /= Math.max(1, hi - lo);
      vb += ((hi - lo) / samples) * (m - ym) * (m - ym);
    }
    const d = defs[f];
    factors.push({
      id: d.id,
      name: d.name,
      weight: d.weight,
      index: vy > 0 ? roundTo(Math.min(1, vb / vy), 9) : 0,
    });
  }
  factors.sort((a, b) => b.index - a.index);
  return { factors, mean: ym };
}

/** Each group's raw (uncapped) sum of its scoring rules, to re-cap a group without one of its rules. */
function rawGroupSums(b: Base): Float64Array[] {
  const { scheme, ents, n } = b;
  const pts = ents.map((e) => e.points);
  const gIndex = new Map(scheme.groups.map((g, k) => [g.id, k]));
  const raw = scheme.groups.map(() => new Float64Array(n));
  scheme.rules.forEach((rule, k) => {
    if (vetoes(rule) || rule.role !== "score" || rule.group === undefined) return;
    const g = raw[gIndex.get(rule.group)!];
    for (let i = 0; i < n; i++) g[i] += pts[i][k];
  });
  return raw;
}

/** (c) one scoring rule left out at a time (a capped group re-capped without it); most influential first. */
function leaveOutRuns(b: Base, runs: Runs): LeaveOut[] {
  const { scheme, ents, n, baseTotal } = b;
  const pts = ents.map((e) => e.points);
  const gIndex = new Map(scheme.groups.map((g, k) => [g.id, k]));
  const raw = rawGroupSums(b);
  const leaveOut: LeaveOut[] = [];
  scheme.rules.forEach((rule, k) => {
    if (vetoes(rule)) return;
    const totals = new Float64Array(n);
    const gk = rule.role === "score" && rule.group !== undefined ? gIndex.get(rule.group)! : -1;
    const g = gk >= 0 ? scheme.groups[gk] : null;
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(baseTotal[i])) {
        totals[i] = NaN;
        continue;
      }
      if (g) {
        const cap = g.cap ? g.weight : Infinity;
        const before = roundTo(Math.min(raw[gk][i], cap), 9);
        const after = roundTo(Math.min(raw[gk][i] - pts[i][k], cap), 9);
        totals[i] = roundTo(baseTotal[i] - before + after, 9);
      } else totals[i] = roundTo(baseTotal[i] - pts[i][k], 9);
    }
    const r = rankTyped(totals, b.ties).rank;
    runs.push(r);
    const m = meanShift(b.baseRank, r);
    leaveOut.push({
      rule: rule.id,
      label: schemeWord(scheme, b.lang, rule.label),
      meanShift: roundTo(m.mean, 9),
      maxShift: m.max,
      top3Same: sameTop3(b.top3, r),
      ranks: ranksOf(r),
    });
  });
  return leaveOut.sort((x, y) => y.meanShift - x.meanShift || y.maxShift - x.maxShift);
}

/** Each unit's rank statistics over all runs and over each analysis. */
function unitStats(b: Base, groups: Record<"readings" | "weights" | "leaveOut", Runs>, all: Float64Array[]) {
  return b.ents.map((e, i): UnitSensitivity => ({
    index: i,
    name: e.name,
    baseRank: e.rank,
    baseTotal: e.total,
    all: stats(all, i),
    readings: stats(groups.readings.rows, i),
    weights: stats(groups.weights.rows, i),
    leaveOut: stats(groups.leaveOut.rows, i),
  }));
}

export function sensitivity(
  scheme: Scheme,
  data: Dataset,
  baseline: ScoreRun,
  opts: SensitivityOptions = {},
): SensitivityResult {
  const seed = opts.seed ?? 1;
  const samples = opts.samples ?? 1000;
  const pct = opts.pct ?? 20;
  const b = baseOf(scheme, baseline, opts.lang ?? "zh");
  const groups = { readings: new Runs(), weights: new Runs(), leaveOut: new Runs() };
  const readings = opts.readings !== false ? readingRuns(b, data, groups.readings) : [];
  const defs = factorDefs(b);
  let weighted: { factors: Factor[]; mean: number } = { factors: [], mean: 0 };
  if (opts.weights !== false && defs.length && samples > 0)
    weighted = firstOrder(defs, sampleWeights(b, defs, { samples, pct, seed }, groups.weights));
  const leaveOut = opts.leaveOut !== false ? leaveOutRuns(b, groups.leaveOut) : [];
  const all = [...groups.readings.rows, ...groups.weights.rows, ...groups.leaveOut.rows];
  const share = (rs: Float64Array[]) =>
    rs.length ? roundTo(rs.filter((r) => sameTop3(b.top3, r)).length / rs.length, 9) : null;
  return {
    scheme: scheme.id,
    seed,
    samples,
    pct,
    units: unitStats(b, groups, all),
    top3: b.top3,
    top3Share: {
      all: share(all) ?? 1,
      readings: share(groups.readings.rows),
      weights: share(groups.weights.rows),
      leaveOut: share(groups.leaveOut.rows),
    },
    runs: {
      all: all.length,
      readings: groups.readings.rows.length,
      weights: groups.weights.rows.length,
      leaveOut: groups.leaveOut.rows.length,
    },
    readings,
    factors: weighted.factors,
    weightsMeanShift: roundTo(weighted.mean, 9),
    leaveOut,
  };
}
