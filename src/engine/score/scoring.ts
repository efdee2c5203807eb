/**
 * typed tables → points, totals, ranks, grades and awards. A pure function of its inputs; the sentences are built
 * only when read, so what-if can call it on every keystroke.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset } from "../dataset";
import type { Issue, Lang } from "../types";
import type { AwardResult, Detail, EntityResult, Part, ScoreRun } from "./result";
import type { RuleContext } from "./context";
import type { RuleOutcome } from "./outcome";
import { evaluateChosen, evaluateFlagAmount, evaluateListAmount, evaluateRankAmount, evaluateRulesMet } from "./awards";
import { rankTyped } from "./ranking";
import { exactSum, fmt, roundTotal, TOTAL_DECIMALS } from "../format";
import { nameKey } from "../read/normalise";
import { message } from "../messages";
import { say, word } from "./context";
import { t, type TextKey } from "../i18n";
import { evaluateRule, vetoes } from "./kinds";
import type { Reading } from "./kinds/rank";
import { evaluateUsage } from "./usage";

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
      throw new Error(
        t("zh", "scheme.badChoice", { option: o.id, choice: g, choices: o.choices.map((c) => c.id).join("、") }),
      );
    out[o.id] = g ?? o.default;
  }
  return out;
}

/** What one run has found out so far: the context, the vetoes and exclusions, every rule's outcome. */
interface Judged {
  ctx: RuleContext;
  issues: Issue[];
  dup: boolean[];
  vetoReason: Array<string | null>;
  excludedBy: Array<Scheme["exclude"][number] | null>;
  outs: RuleOutcome[];
}

/** Vetoes first: a vetoed entity is neither scored nor ranked, and does not take part in others' ranks. */
function vetoesFirst(scheme: Scheme, ctx: RuleContext, outcomes: Array<RuleOutcome | null>): Array<string | null> {
  const vetoReason: Array<string | null> = new Array<string | null>(ctx.entities.rows.length).fill(null);
  scheme.rules.forEach((rule, k) => {
    if (!vetoes(rule)) return;
    const o = evaluateRule(rule, ctx);
    outcomes[k] = o;
    o.veto!.forEach((v, i) => {
      if (v && !vetoReason[i]) vetoReason[i] = v;
    });
  });
  return vetoReason;
}

/** Units the policy names as not (yet) evaluated: no rank, points or award, a warning at the name cell. */
function excludeUnits(scheme: Scheme, ctx: RuleContext, dup: boolean[], vetoReason: Array<string | null>) {
  const rows = ctx.entities.rows;
  const excludedBy: Judged["excludedBy"] = new Array(rows.length).fill(null);
  if (!scheme.exclude.length) return excludedBy;
  const names = new Map(scheme.exclude.map((x) => [nameKey(x.name), x]));
  for (let i = 0; i < rows.length; i++) {
    const x = names.get(nameKey(rows[i].name));
    if (!x || dup[i]) continue;
    excludedBy[i] = x;
    vetoReason[i] = say(ctx, "basis.excluded", { reason: word(ctx, x.reason), clause: word(ctx, x.clause) });
    ctx.warn({
      code: "excluded-unit",
      sheet: ctx.entities.sheet,
      cell: rows[i].cells.name ?? "",
      message: message(ctx.lang, "excluded-unit", {
        name: rows[i].name,
        clause: word(ctx, x.clause),
        reason: word(ctx, x.reason),
      }),
      value: rows[i].name,
    });
  }
  return excludedBy;
}

/** Every rule judged: vetoes and exclusions first, then the other rules on the units left. */
function judge(scheme: Scheme, data: Dataset, opts: ScoreOptions): Judged {
  const entities = data.tables[scheme.entityTable];
  const n = entities.rows.length;
  const issues: Issue[] = [];
  const ctx: RuleContext = {
    scheme,
    data,
    entities,
    lang: opts.lang ?? "zh",
    options: resolveOptions(scheme, opts.options),
    excluded: new Array<boolean>(n).fill(false),
    warn: (i) => issues.push({ severity: "warning", ...i }),
  };
  const dup = entities.rows.map((r, i) => r.entity !== i);
  const outcomes: Array<RuleOutcome | null> = scheme.rules.map(() => null);
  const vetoReason = vetoesFirst(scheme, ctx, outcomes);
  const excludedBy = excludeUnits(scheme, ctx, dup, vetoReason);
  for (let i = 0; i < n; i++) ctx.excluded[i] = vetoReason[i] !== null;
  scheme.rules.forEach((rule, k) => {
    if (!outcomes[k]) outcomes[k] = evaluateRule(rule, ctx);
  });
  return { ctx, issues, dup, vetoReason, excludedBy, outs: outcomes as RuleOutcome[] };
}

/** Where each rule's points go: index 0..G-1 groups, G ungrouped score, G+1 bonus, G+2 deduction, −1 none (veto). */
function destinations(scheme: Scheme): number[] {
  const G = scheme.groups.length;
  const gIndex = new Map(scheme.groups.map((g, k) => [g.id, k]));
  return scheme.rules.map((rule) => {
    if (vetoes(rule)) return -1;
    if (rule.role === "bonus") return G + 1;
    if (rule.role === "deduction") return G + 2;
    return rule.group !== undefined ? gIndex.get(rule.group)! : G;
  });
}

type Totals = Pick<RunTables, "groupScores" | "score" | "bonus" | "deduction" | "base" | "total"> & {
  rankKey: Float64Array;
};

/**
 * Exact totals: every part is kept at full precision, each subtotal and the total is the exact (order-independent)
 * sum of its parts, capped where the scheme caps, and rounded once to TOTAL_DECIMALS places. Ranks, awards by
 * place, grades and result usage all compare these rounded totals; the live formulas round at the same place.
 */
function totalsOf(scheme: Scheme, j: Judged): Totals {
  const rows = j.ctx.entities.rows;
  const n = rows.length;
  const G = scheme.groups.length;
  const t: Totals = {
    groupScores: scheme.groups.map(() => new Float64Array(n)),
    score: new Float64Array(n),
    bonus: new Float64Array(n),
    deduction: new Float64Array(n),
    base: new Float64Array(n).fill(NaN),
    total: new Float64Array(n),
    rankKey: new Float64Array(n),
  };
  const dest = destinations(scheme);
  const caps = scheme.groups.map((g) => (g.cap ? g.weight : Infinity));
  // scratch space, reused for every entity: parts by destination, then every term of the total
  const R = j.outs.length + 1;
  const bins = new Float64Array((G + 3) * R);
  const count = new Int32Array(G + 3);
  const all = new Float64Array(G + 3 * R);
  const sumBin = (d: number) => exactSum(bins, d * R, d * R + count[d]);
  for (let i = 0; i < n; i++) {
    count.fill(0);
    for (let k = 0; k < j.outs.length; k++)
      if (dest[k] >= 0) bins[dest[k] * R + count[dest[k]]++] = j.outs[k].points[i];
    let m = 0;
    for (let g = 0; g < G; g++) {
      const raw = Math.min(sumBin(g), caps[g]);
      t.groupScores[g][i] = roundTotal(raw);
      all[m++] = raw;
    }
    for (let q = 0; q < count[G]; q++) all[m++] = bins[G * R + q];
    t.score[i] = roundTotal(exactSum(all, 0, m));
    t.bonus[i] = roundTotal(sumBin(G + 1));
    t.deduction[i] = roundTotal(sumBin(G + 2));
    for (const d of [G + 1, G + 2]) for (let q = 0; q < count[d]; q++) all[m++] = bins[d * R + q];
    const b = scheme.total.base ? rows[i].values[scheme.total.base] : null;
    if (typeof b === "number") all[m++] = t.base[i] = b;
    t.total[i] = j.vetoReason[i] ? 0 : roundTotal(exactSum(all, 0, m));
    t.rankKey[i] = j.dup[i] || j.vetoReason[i] ? NaN : t.total[i];
  }
  return t;
}

/** Grades: by percentile of rank (top bands[0] share gets labels[0], …) or by cut-offs of the total. */
function gradesOf(scheme: Scheme, rank: Float64Array, total: Float64Array): Array<string | undefined> {
  const n = rank.length;
  const grade: Array<string | undefined> = new Array<string | undefined>(n);
  const g = scheme.grading;
  if (!g) return grade;
  let ranked = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(rank[i])) ranked++;
  const limits = g.bands.map((b) => Math.round(b * ranked));
  for (let i = 0; i < n; i++) {
    const r = rank[i];
    if (Number.isNaN(r)) continue;
    let k = 0;
    if (g.method === "percentile") while (k < limits.length && r > limits[k]) k++;
    else while (k < g.bands.length && total[i] < g.bands[k]) k++;
    grade[i] = g.labels[k];
  }
  return grade;
}

/** The notes every result states: the year, the parameters and options in force, how totals and ranks are taken. */
function runNotes(scheme: Scheme, ctx: RuleContext, results: EntityResult[]): string[] {
  const { data, options } = ctx;
  const notes: string[] = [say(ctx, "basis.note.year", { year: data.year, source: data.yearSource })];
  for (const p of scheme.params) {
    const v = data.params[p.id];
    if (!v || p.id === "year") continue;
    const value = fmt(typeof v.value === "number" ? v.value : String(v.value));
    const unit = p.unit ? " " + word(ctx, p.unit) : "";
    notes.push(say(ctx, "basis.note.param", { name: word(ctx, p.name), value, unit, source: v.source }));
  }
  for (const o of scheme.options) {
    const c = o.choices.find((x) => x.id === options[o.id])!;
    const vars = {
      name: word(ctx, o.name),
      id: c.id,
      choice: word(ctx, c.name),
      description: word(ctx, c.description),
    };
    notes.push(say(ctx, options[o.id] === o.default ? "basis.note.option" : "basis.note.optionChosen", vars));
  }
  notes.push(say(ctx, "basis.note.total", { decimals: TOTAL_DECIMALS }));
  notes.push(say(ctx, "basis.note.ranking", { ties: say(ctx, `basis.note.ties.${scheme.ranking.ties}` as TextKey) }));
  const baseField = scheme.total.base;
  if (results.length && baseField && results.every((r) => r.base === null)) {
    const spec = scheme.tables.find((t) => t.id === scheme.entityTable)?.columns.find((c) => c.id === baseField);
    notes.push(say(ctx, "basis.note.noBase", { column: word(ctx, spec?.name ?? baseField) }));
  }
  const vetoed = results.filter((r) => r.vetoed);
  const item = (r: EntityResult) => say(ctx, "basis.note.vetoedUnit", { name: r.name, reason: r.vetoReason ?? "" });
  if (vetoed.length) notes.push(say(ctx, "basis.note.vetoed", { units: vetoed.map(item).join(say(ctx, "basis.sep")) }));
  return notes;
}

/** Every award of the scheme; rank-amount and chosen awards add notes. */
function runAwards(scheme: Scheme, j: Judged, results: EntityResult[], groupScores: Float64Array[]) {
  const { ctx } = j;
  const awards: AwardResult[] = [];
  const notes: string[] = [];
  const pointsByRule = new Map(scheme.rules.map((r, k) => [r.id, j.outs[k].points]));
  const groups = new Map<string, ArrayLike<number>>(scheme.groups.map((g, k) => [g.id, groupScores[k]]));
  const totals = results.map((r) => (r.rank === null ? null : r.total));
  const notTaking = (i: number) => {
    if (j.dup[i] || (!j.excludedBy[i] && !j.vetoReason[i])) return null;
    const key = j.excludedBy[i] ? "basis.notTaking.excluded" : "basis.notTaking.vetoed";
    const reason = j.vetoReason[i] ?? "";
    return { zh: t("zh", key, { reason }), en: t("en", key, { reason }) };
  };
  for (const a of scheme.awards) {
    if (a.kind === "list-amount") awards.push(...evaluateListAmount(a, ctx));
    else if (a.kind === "flag-amount") awards.push(...evaluateFlagAmount(a, ctx));
    else if (a.kind === "rules-met") awards.push(...evaluateRulesMet(a, ctx, pointsByRule));
    else {
      const r = a.kind === "chosen" ? evaluateChosen(a, ctx, groups, notTaking) : evaluateRankAmount(a, ctx, totals);
      awards.push(...r.awards);
      notes.push(...r.notes);
    }
  }
  return { awards, notes };
}

/** Result usage rules switched on or off by an option say so. */
function usageNotes(scheme: Scheme, ctx: RuleContext): string[] {
  return scheme.usage
    .filter((u) => u.option)
    .map((u) => {
      const vars = { id: u.id, description: word(ctx, u.description), origin: word(ctx, u.origin ?? u.clause) };
      return ctx.options[u.option!] === "on"
        ? say(ctx, "basis.note.usageOn", vars)
        : say(ctx, "basis.note.usageOff", { ...vars, option: u.option! });
    });
}

/** The details of every rule, best unit first (then in scheme order), built once when first read. */
function detailsOf(j: Judged, pos: Int32Array): () => Detail[] {
  let cache: Detail[] | null = null;
  return () => {
    if (!cache) {
      const all: Array<Detail & { r: number }> = [];
      j.outs.forEach((o, r) => {
        for (const d of o.details()) if (!j.vetoReason[d.entityIndex]) all.push({ ...d, r });
      });
      all.sort((a, b) => pos[a.entityIndex] - pos[b.entityIndex] || a.r - b.r);
      cache = all.map(({ r: _r, ...d }) => d);
    }
    return cache;
  };
}

export function score(scheme: Scheme, data: Dataset, opts: ScoreOptions = {}): ScoreRun {
  const j = judge(scheme, data, opts);
  const { ctx, vetoReason, outs } = j;
  const rows = ctx.entities.rows;
  const basis = (r: number, e: number) =>
    vetoReason[e] && !vetoes(scheme.rules[r]) ? say(ctx, "basis.vetoed", { reason: vetoReason[e]! }) : outs[r].basis(e);
  const t = totalsOf(scheme, j);
  const ranked = rankTyped(t.rankKey, scheme.ranking.ties);
  const tables: RunTables = {
    ...t,
    basis,
    ruleIds: scheme.rules.map((r) => r.id),
    points: outs.map((o) => o.points),
    groupIds: scheme.groups.map((g) => g.id),
    rank: ranked.rank,
    vetoReason,
    grade: gradesOf(scheme, ranked.rank, t.total),
  };
  const results = rows.map((r, i) => new Entity(tables, i, r.name, ctx.entities.sheet, r.row));
  const notes = runNotes(scheme, ctx, results);
  const { awards, notes: awardNotes } = runAwards(scheme, j, results, t.groupScores);
  const usage = evaluateUsage(scheme, ctx, results);
  notes.push(...awardNotes, ...usageNotes(scheme, ctx));
  // awards and usage read best first (by rank, then in scheme order)
  const pos = new Int32Array(rows.length);
  ranked.order.forEach((e, k) => (pos[e] = k));
  const awardOrder = new Map(scheme.awards.map((a, k) => [a.id, k]));
  awards.sort((a, b) => awardOrder.get(a.rule)! - awardOrder.get(b.rule)! || pos[a.entityIndex] - pos[b.entityIndex]);
  usage.sort((a, b) => pos[a.entityIndex] - pos[b.entityIndex]);
  const { options, issues } = { options: ctx.options, issues: j.issues };
  const order = ranked.order;
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
    details: detailsOf(j, pos),
  };
}

export type { Reading };
