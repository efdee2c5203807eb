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
import { wt } from "./text";

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
const r9 = (x: number) => Math.round(x * 1e9) / 1e9;

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

export function sensitivity(
  scheme: Scheme,
  data: Dataset,
  baseline: ScoreRun,
  opts: SensitivityOptions = {},
): SensitivityResult {
  const lang = opts.lang ?? "zh";
  const seed = opts.seed ?? 1;
  const samples = opts.samples ?? 1000;
  const pct = opts.pct ?? 20;
  const ties = scheme.ranking.ties;
  const ents = baseline.entities;
  const n = ents.length;
  const baseRank = new Float64Array(n);
  const baseTotal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    baseRank[i] = ents[i].rank ?? NaN;
    baseTotal[i] = ents[i].rank === null ? NaN : ents[i].total;
  }
  const top3 = ents.filter((e) => e.rank !== null && e.rank <= 3).map((e) => e.index);
  const groups = { readings: new Runs(), weights: new Runs(), leaveOut: new Runs() };

  // (a) readings and tie rules
  const readings: ReadingCombo[] = [];
  if (opts.readings !== false) {
    for (const o of combos(scheme))
      for (const t of TIES) {
        const s: Scheme = t === ties ? scheme : { ...scheme, ranking: { ...scheme.ranking, ties: t } };
        const run = score(s, data, { lang, options: o });
        const r = new Float64Array(n);
        for (let i = 0; i < n; i++) r[i] = run.entities[i].rank ?? NaN;
        groups.readings.push(r);
        const names = scheme.options.map((x) => `${x.name} ${o[x.id]}`).join(lang === "zh" ? "，" : ", ");
        readings.push({
          options: o,
          ties: t,
          label: {
            zh: wt("zh", "comboLabel", { options: names, ties: t }),
            en: wt("en", "comboLabel", { options: names, ties: t }),
          },
          ranks: Array.from(r, (x) => (Number.isNaN(x) ? null : x)),
          top3Same: sameTop3(top3, r),
        });
      }
  }

  // the factors: group subtotals, or each scoring rule's points
  const factorDefs: Array<{ id: string; name: string; weight: number; contrib: Float64Array }> = [];
  if (scheme.groups.length) {
    for (const g of scheme.groups) {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = ents[i].groups[g.id] ?? 0;
      factorDefs.push({ id: g.id, name: g.name, weight: g.weight, contrib: c });
    }
  } else {
    const pts = ents.map((e) => e.points);
    scheme.rules.forEach((rule, k) => {
      if (rule.kind === "veto" || rule.role === "deduction") return;
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = pts[i][k];
      factorDefs.push({ id: rule.id, name: rule.label, weight: 1, contrib: c });
    });
  }

  // (b) weights by seeded Monte Carlo
  const factors: Factor[] = [];
  let weightsMeanShift = 0;
  if (opts.weights !== false && factorDefs.length && samples > 0) {
    const rnd = seededRandom(seed);
    const F = factorDefs.length;
    const W = factorDefs.reduce((s, f) => s + f.weight, 0);
    const mult = new Float64Array(samples * F);
    const y = new Float64Array(samples);
    const totals = new Float64Array(n);
    for (let s = 0; s < samples; s++) {
      let sum = 0;
      for (let f = 0; f < F; f++) {
        const m = 1 + (pct / 100) * (2 * rnd() - 1);
        mult[s * F + f] = m;
        sum += factorDefs[f].weight * m;
      }
      for (let f = 0; f < F; f++) mult[s * F + f] *= W / sum;
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(baseTotal[i])) {
          totals[i] = NaN;
          continue;
        }
        let t = baseTotal[i];
        for (let f = 0; f < F; f++) t += factorDefs[f].contrib[i] * (mult[s * F + f] - 1);
        totals[i] = r9(t);
      }
      const r = rankTyped(totals, ties).rank;
      groups.weights.push(r);
      y[s] = meanShift(baseRank, r).mean;
    }
    // first-order index: the variance of the mean of y over ten equal-count bins of the factor's multiplier
    let ym = 0;
    for (const v of y) ym += v;
    ym /= samples;
    let vy = 0;
    for (const v of y) vy += (v - ym) * (v - ym);
    vy /= samples;
    weightsMeanShift = ym;
    const bins = Math.min(10, samples);
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
      const d = factorDefs[f];
      factors.push({ id: d.id, name: d.name, weight: d.weight, index: vy > 0 ? r9(Math.min(1, vb / vy)) : 0 });
    }
    factors.sort((a, b) => b.index - a.index);
  }

  // (c) leave one rule out
  const leaveOut: LeaveOut[] = [];
  if (opts.leaveOut !== false) {
    const pts = ents.map((e) => e.points);
    const gIndex = new Map(scheme.groups.map((g, k) => [g.id, k]));
    // raw (uncapped) group sums, to re-cap a group without one of its rules
    const raw = scheme.groups.map(() => new Float64Array(n));
    scheme.rules.forEach((rule, k) => {
      if (rule.kind === "veto" || rule.role !== "score" || rule.group === undefined) return;
      const g = raw[gIndex.get(rule.group)!];
      for (let i = 0; i < n; i++) g[i] += pts[i][k];
    });
    scheme.rules.forEach((rule, k) => {
      if (rule.kind === "veto") return;
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
          const before = r9(Math.min(raw[gk][i], cap));
          const after = r9(Math.min(raw[gk][i] - pts[i][k], cap));
          totals[i] = r9(baseTotal[i] - before + after);
        } else totals[i] = r9(baseTotal[i] - pts[i][k]);
      }
      const r = rankTyped(totals, ties).rank;
      groups.leaveOut.push(r);
      const m = meanShift(baseRank, r);
      leaveOut.push({
        rule: rule.id,
        label: rule.label,
        meanShift: r9(m.mean),
        maxShift: m.max,
        top3Same: sameTop3(top3, r),
        ranks: Array.from(r, (x) => (Number.isNaN(x) ? null : x)),
      });
    });
    leaveOut.sort((a, b) => b.meanShift - a.meanShift || b.maxShift - a.maxShift);
  }

  const all = [...groups.readings.rows, ...groups.weights.rows, ...groups.leaveOut.rows];
  const share = (rs: Float64Array[]) => (rs.length ? r9(rs.filter((r) => sameTop3(top3, r)).length / rs.length) : null);
  const units: UnitSensitivity[] = ents.map((e, i) => ({
    index: i,
    name: e.name,
    baseRank: e.rank,
    baseTotal: e.total,
    all: stats(all, i),
    readings: stats(groups.readings.rows, i),
    weights: stats(groups.weights.rows, i),
    leaveOut: stats(groups.leaveOut.rows, i),
  }));
  return {
    scheme: scheme.id,
    seed,
    samples,
    pct,
    units,
    top3,
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
    factors,
    weightsMeanShift: r9(weightsMeanShift),
    leaveOut,
  };
}
