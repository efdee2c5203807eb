/**
 * Gap to the next level for a unit: every rule's next level (gap-kinds.ts), the cheapest ways to gain one place in
 * the ranking, and what is missing for each award.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { Lang } from "../types";
import { fmt, roundTo, signed } from "../format";
import { t, type TextKey, type Vars } from "../i18n";
import { schemeUnit, schemeWord } from "../i18n/scheme-words";
import { fieldLabel, testAll } from "../score/context";
import { completionRatio } from "../score/awards";
import { describe as describeCond } from "../score/context";
import { score, type ScoreOptions } from "../score/scoring";
import { applyChanges, type Change } from "./changes";
import { both, changeText, costOf, makeEnv, type GapChange, type GapEnv, type RuleGap } from "./gap-env";
import { condText, gapFor } from "./gap-kinds";
import { vetoes } from "../score/kinds";

export type { RuleGap, GapChange } from "./gap-env";

/** Every rule's gap for one unit, in scheme order (null where no level exists). */
export function unitGaps(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, lang: Lang = "zh") {
  return scheme.rules.map((rule, k) => gapFor(rule, makeEnv(scheme, data, run, k, lang), unit));
}

/** The gap of one rule for every unit (what a column of the pane shows). */
export function ruleGaps(scheme: Scheme, data: Dataset, run: ScoreRun, ruleIndex: number, lang: Lang = "zh") {
  const env = makeEnv(scheme, data, run, ruleIndex, lang);
  return run.entities.map((_, i) => gapFor(scheme.rules[ruleIndex], env, i));
}

export interface PlaceWay {
  rule: string;
  /** the changes as shown (successive steps on one cell merged, alike new rows counted) */
  changes: GapChange[];
  /** the change set that does it, to apply as a scenario */
  apply: Change[];
  /** the unit's rank and total once the changes are made (the whole scheme rescored) */
  rank: number;
  total: number;
  gain: number;
  /** the sum over changes of |change| / |value before| (a yes/no or text change counts 1) */
  cost: number;
  text: { zh: string; en: string };
}

export interface PlaceGap {
  unit: number;
  name: string;
  rank: number | null;
  /** null when first or not ranked */
  above: { name: string; total: number; need: number } | null;
  /** the cheapest ways, one rule each, cheapest first */
  ways: PlaceWay[];
  text: { zh: string; en: string };
}

/** The unit ranked just above (the lowest total above this unit's), or null. */
function unitAbove(run: ScoreRun, unit: number): number {
  const e = run.entities[unit];
  let aboveIdx = -1;
  for (const i of run.order) {
    const o = run.entities[i];
    const higher = o.rank !== null && o.rank < e.rank! && o.total > e.total;
    if (higher && (aboveIdx < 0 || o.total <= run.entities[aboveIdx].total)) aboveIdx = i;
  }
  return aboveIdx;
}

type PlaceOpts = ScoreOptions & { maxSteps?: number; ways?: number };

/**
 * One rule's way to gain a place: its next levels taken one after another (at most `maxSteps`), the whole scheme
 * rescored after each, until the unit ranks higher; null when the rule cannot get it there.
 */
function wayFor(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, k: number, opts: PlaceOpts) {
  const lang = opts.lang ?? "zh";
  const e = run.entities[unit];
  let d = data;
  let r = run;
  const changes: GapChange[] = [];
  for (let step = 0; step < (opts.maxSteps ?? 12); step++) {
    const g = gapFor(scheme.rules[k], makeEnv(scheme, d, r, k, lang), unit);
    if (!g || g.status !== "gap" || g.gain <= 0) return null;
    changes.push(...g.changes);
    d = applyChanges(
      scheme,
      d,
      g.changes.map((c) => c.change),
      lang,
    );
    r = score(scheme, d, { lang, options: opts.options ?? run.options });
    const n = r.entities[unit];
    const rank = n.rank;
    if (rank === null || rank >= e.rank!) continue;
    const merged = mergeChanges(changes);
    const gain = roundTo(n.total - e.total, 9);
    const text = (l: Lang) =>
      t(l, "whatif.placeWay", {
        changes: merged.map((c) => changeText(c, l, scheme)).join(t(l, "basis.sep")),
        rank,
        gain: signed(gain),
      });
    const apply = changes.map((c) => c.change);
    const way: PlaceWay = {
      rule: scheme.rules[k].id,
      changes: merged,
      apply,
      rank,
      total: n.total,
      gain,
      cost: costOf(merged),
      text: { zh: text("zh"), en: text("en") },
    };
    return way;
  }
  return null;
}

/**
 * The cheapest ways to gain one place: for each rule, its next levels taken one after another (at most `maxSteps`)
 * until the rescored ranking puts the unit higher; then sorted by cost (relative size of the changes).
 */
export function placeGap(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, opts: PlaceOpts = {}): PlaceGap {
  const e = run.entities[unit];
  const head = { unit, name: e.name, rank: e.rank };
  if (e.vetoed || e.rank === null)
    return { ...head, above: null, ways: [], text: both("whatif.vetoed", { reason: e.vetoReason ?? "" }) };
  if (e.rank === 1) return { ...head, above: null, ways: [], text: both("whatif.first") };
  const aboveIdx = unitAbove(run, unit);
  const above = aboveIdx >= 0 ? run.entities[aboveIdx] : null;
  const need = above ? roundTo(above.total - e.total, 9) : 0;
  const ways = scheme.rules
    .map((rule, k) => (vetoes(rule) ? null : wayFor(scheme, data, run, unit, k, opts)))
    .filter((w): w is PlaceWay => w !== null)
    .sort((a, b) => a.cost - b.cost || b.gain - a.gain);
  const vars = {
    rank: e.rank,
    total: fmt(e.total),
    above: above?.name ?? "",
    aboveTotal: fmt(above?.total ?? 0),
    need: fmt(need),
  };
  return {
    ...head,
    above: above ? { name: above.name, total: above.total, need } : null,
    ways: ways.slice(0, opts.ways ?? 3),
    text: both("whatif.placeNeed", vars),
  };
}

/** Successive steps on the same cell become one change from the original value to the last. */
function mergeChanges(changes: GapChange[]): GapChange[] {
  const out = new Map<string, GapChange>();
  const extra: GapChange[] = [];
  for (const c of changes) {
    const ch = c.change;
    if (ch.op === "add" && c.add) {
      const same = extra.find((x) => x.add && JSON.stringify(x.change) === JSON.stringify(ch));
      if (same) same.add = { ...same.add!, count: same.add!.count + 1 };
      else extra.push({ ...c, add: { ...c.add } });
      continue;
    }
    if (ch.op !== "set") {
      extra.push(c);
      continue;
    }
    const key = `${ch.table}\u0000${ch.key}\u0000${ch.row ?? ""}\u0000${ch.field}`;
    const first = out.get(key);
    if (!first) {
      out.set(key, { ...c });
      continue;
    }
    const from = first.from;
    const delta = typeof c.to === "number" && typeof from === "number" ? roundTo(c.to - from, 9) : null;
    out.set(key, {
      ...c,
      from,
      delta,
      via: c.via && first.via ? { ...c.via, from: first.via.from } : c.via,
    });
  }
  return [...out.values(), ...extra];
}

export interface AwardGap {
  award: string;
  label: string;
  /** already awarded this run */
  have: boolean;
  /** the unit's rank or value, the need, in words */
  text: { zh: string; en: string };
  /** for rules-met: the rules still at 0 with their own gaps */
  rules?: Array<RuleGap | null>;
}

type AwardOf<K extends Scheme["awards"][number]["kind"]> = Extract<Scheme["awards"][number], { kind: K }>;

/** The award's words in both languages. */
const sayAward = (s: Scheme, a: { label: string }, key: TextKey, vars: Vars | ((l: Lang) => Vars) = {}) =>
  both(key, (l) => ({ award: schemeWord(s, l, a.label), ...(typeof vars === "function" ? vars(l) : vars) }));

/** rules-met: the rules still at 0 points, each with its own gap. */
function rulesMetGap(env: GapEnv, unit: number, a: AwardOf<"rules-met">): AwardGap {
  const { scheme, data, run } = env;
  const lang = env.ctx.lang;
  const missing = a.rules
    .map((id) => scheme.rules.findIndex((r) => r.id === id))
    .filter((k) => k >= 0 && run.entities[unit].points[k] <= 0);
  const gaps = missing.map((k) => gapFor(scheme.rules[k], makeEnv(scheme, data, run, k, lang), unit));
  const names = (l: Lang) =>
    missing
      .map((k) => `${scheme.rules[k].id} ${schemeWord(scheme, l, scheme.rules[k].label)}`)
      .join(t(l, "basis.enum"));
  return {
    award: a.id,
    label: a.label,
    have: false,
    text: sayAward(scheme, a, "whatif.awardRules", (l) => ({ rules: names(l) })),
    rules: gaps,
  };
}

/** list-amount: the unit's row that fails the fewest conditions, with what it still needs. */
function listAwardGap(env: GapEnv, scheme: Scheme, unit: number, a: AwardOf<"list-amount">): AwardGap {
  const table = env.data.tables[a.over];
  const ctx = env.ctx;
  let best: { subject: string; fails: Array<{ need: (l: Lang) => string; now: string }> } | null = null;
  for (const row of table?.rows ?? []) {
    if (row.entity !== unit) continue;
    const fails = a.filter
      .filter((c) => testAll(ctx, row, [c]) !== true)
      .map((c) => ({ need: (l: Lang) => condText(env, table!, c, l, false), now: describeCond(ctx, table!, row, c) }));
    const subject = a.subject ? String(row.values[a.subject] ?? row.name) : row.name;
    if (!best || fails.length < best.fails.length) best = { subject, fails };
  }
  const base = { award: a.id, label: a.label, have: false };
  if (!best) {
    const what = scheme.tables.find((t) => t.id === a.over)?.name ?? a.over;
    return {
      ...base,
      text: sayAward(scheme, a, "whatif.awardListNone", (l) => ({ what: schemeWord(scheme, l, what) })),
    };
  }
  const fails = best.fails;
  const conds = (l: Lang) =>
    fails.map((f) => t(l, "basis.gap.needNow", { need: f.need(l), now: f.now })).join(t(l, "basis.comma"));
  const vars = (l: Lang) => ({ award: schemeWord(scheme, l, a.label), subject: best!.subject, conds: conds(l) });
  return {
    ...base,
    text: { zh: t("zh", "whatif.awardList", vars("zh")), en: t("en", "whatif.awardList", vars("en")) },
  };
}

/** What is missing for one award the unit does not have. */
function missingFor(
  scheme: Scheme,
  data: Dataset,
  run: ScoreRun,
  unit: number,
  env: GapEnv,
  a: Scheme["awards"][number],
) {
  const base = { award: a.id, label: a.label, have: false };
  switch (a.kind) {
    case "flag-amount":
      return {
        ...base,
        text: sayAward(scheme, a, "whatif.awardFlag", { field: fieldLabel(env.ctx, env.entities, a.field) }),
      };
    case "rules-met":
      return rulesMetGap(env, unit, a);
    case "list-amount":
      return listAwardGap(env, scheme, unit, a);
    case "chosen":
      return { ...base, text: sayAward(scheme, a, "whatif.awardChosen") };
    case "rank-amount":
      return rankAwardGap(scheme, data, run, unit, a);
  }
}

/** What is missing for each award of the scheme. */
export function awardGaps(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, lang: Lang = "zh"): AwardGap[] {
  const e = run.entities[unit];
  const env = makeEnv(scheme, data, run, 0, lang);
  return scheme.awards
    .map((a): AwardGap => {
      const mine = run.awards.filter((x) => x.rule === a.id && x.entityIndex === unit);
      const base = { award: a.id, label: a.label };
      if (mine.length) {
        const amount = roundTo(
          mine.reduce((s, x) => s + x.amount, 0),
          9,
        );
        return {
          ...base,
          have: true,
          text: sayAward(scheme, a, "whatif.awardHave", (l) => ({
            amount: fmt(amount),
            unit: schemeUnit(scheme, l, a.unit),
          })),
        };
      }
      if (e.vetoed)
        return { ...base, have: false, text: sayAward(scheme, a, "whatif.vetoed", { reason: e.vetoReason ?? "" }) };
      return missingFor(scheme, data, run, unit, env, a);
    })
    .map((g) => ({ ...g, label: schemeWord(scheme, lang, g.label) }));
}

type RankAward = Extract<Scheme["awards"][number], { kind: "rank-amount" }>;

/** The values the award ranks by (a column, the mean completion of targets, or totals) and their name. */
function rankValues(scheme: Scheme, data: Dataset, run: ScoreRun, a: RankAward) {
  const ents = data.tables[scheme.entityTable];
  const env = makeEnv(scheme, data, run, 0);
  const live = (i: number) => run.entities[i].rank !== null;
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  if (a.rankBy !== undefined && ents.rows.some((r) => typeof r.values[a.rankBy!] === "number")) {
    const l = fieldLabel(env.ctx, ents, a.rankBy);
    const by = { zh: t("zh", "basis.gap.byColumn", { label: l }), en: t("en", "basis.gap.byColumn", { label: l }) };
    return { values: ents.rows.map((r, i) => (live(i) ? num(r.values[a.rankBy!]) : null)), by, pct: false };
  }
  if (a.fallbackTargets.length) {
    const values = ents.rows.map((_r, i) => (live(i) ? completionRatio(a, env.ctx, i) : null));
    return { values, by: both("whatif.byCompletion"), pct: true };
  }
  return {
    values: run.entities.map((x) => (x.rank === null ? null : x.total)),
    by: both("whatif.byTotal"),
    pct: false,
  };
}

function rankAwardGap(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, a: RankAward): AwardGap {
  const { values, by, pct } = rankValues(scheme, data, run, a);
  const base = { award: a.id, label: a.label, have: false };
  const mine = values[unit];
  if (mine === null) {
    const vars = (l: Lang) => ({ award: schemeWord(scheme, l, a.label), by: by[l] });
    return {
      ...base,
      text: { zh: t("zh", "whatif.awardRankNone", vars("zh")), en: t("en", "whatif.awardRankNone", vars("en")) },
    };
  }
  const sorted = values.filter((v): v is number => v !== null).sort((x, y) => y - x);
  const rank = 1 + sorted.filter((v) => v > mine).length;
  const places = a.amounts.length;
  const last = sorted[Math.min(places, sorted.length) - 1];
  const show = (x: number) => (pct ? `${fmt(roundTo(x * 100, 2))}%` : fmt(roundTo(x, 9)));
  const vars = (l: Lang) => ({
    award: schemeWord(scheme, l, a.label),
    by: by[l],
    rank,
    places,
    last: show(last),
    need: show(last - mine),
  });
  return {
    ...base,
    text: { zh: t("zh", "whatif.awardRank", vars("zh")), en: t("en", "whatif.awardRank", vars("en")) },
  };
}

export type { Change };
