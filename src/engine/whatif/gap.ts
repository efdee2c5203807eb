/**
 * Gap to the next level for a unit: every rule's next level (gap-kinds.ts), the cheapest ways to gain one place in
 * the ranking, and what is missing for each award.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { Lang } from "../types";
import { fmt, signed } from "../format";
import { fieldLabel, targetValue, testAll } from "../score/context";
import { describe as describeCond } from "../score/context";
import { score, type ScoreOptions } from "../score/scoring";
import { applyChanges, type Change } from "./changes";
import { changeText, makeEnv, type GapChange, type RuleGap } from "./gap-env";
import { condText, gapFor } from "./gap-kinds";
import { wt } from "./text";

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

const costOf = (changes: GapChange[]) =>
  changes.reduce((s, c) => {
    if (typeof c.to !== "number" || typeof c.from !== "number") return s + 1;
    return s + Math.abs(c.to - c.from) / Math.max(Math.abs(c.from), c.res ?? 1);
  }, 0);

/**
 * The cheapest ways to gain one place: for each rule, its next levels taken one after another (at most `maxSteps`)
 * until the rescored ranking puts the unit higher; then sorted by cost (relative size of the changes).
 */
export function placeGap(
  scheme: Scheme,
  data: Dataset,
  run: ScoreRun,
  unit: number,
  opts: ScoreOptions & { maxSteps?: number; ways?: number } = {},
): PlaceGap {
  const lang = opts.lang ?? "zh";
  const e = run.entities[unit];
  const head = { unit, name: e.name, rank: e.rank };
  if (e.vetoed || e.rank === null) {
    const t = {
      zh: wt("zh", "vetoed", { reason: e.vetoReason ?? "" }),
      en: wt("en", "vetoed", { reason: e.vetoReason ?? "" }),
    };
    return { ...head, above: null, ways: [], text: t };
  }
  if (e.rank === 1) return { ...head, above: null, ways: [], text: { zh: wt("zh", "first"), en: wt("en", "first") } };
  let aboveIdx = -1;
  for (const i of run.order) {
    const o = run.entities[i];
    if (
      o.rank !== null &&
      o.rank < e.rank &&
      o.total > e.total &&
      (aboveIdx < 0 || o.total <= run.entities[aboveIdx].total)
    )
      aboveIdx = i;
  }
  const above = aboveIdx >= 0 ? run.entities[aboveIdx] : null;
  const need = above ? Math.round((above.total - e.total) * 1e9) / 1e9 : 0;
  const ways: PlaceWay[] = [];
  const maxSteps = opts.maxSteps ?? 12;
  scheme.rules.forEach((rule, k) => {
    if (rule.kind === "veto") return;
    let d = data;
    let r = run;
    const changes: GapChange[] = [];
    for (let step = 0; step < maxSteps; step++) {
      const g = gapFor(rule, makeEnv(scheme, d, r, k, lang), unit);
      if (!g || g.status !== "gap" || g.gain <= 0) return;
      changes.push(...g.changes);
      d = applyChanges(
        scheme,
        d,
        g.changes.map((c) => c.change),
        lang,
      );
      r = score(scheme, d, { lang, options: opts.options ?? run.options });
      const n = r.entities[unit];
      if (n.rank !== null && n.rank < e.rank!) {
        const merged = mergeChanges(changes, data, scheme, lang);
        const gain = Math.round((n.total - e.total) * 1e9) / 1e9;
        const text = (l: Lang) =>
          wt(l, "placeWay", {
            changes: merged.map((c) => changeText(c, l)).join(l === "zh" ? "；" : "; "),
            rank: n.rank!,
            gain: signed(gain),
          });
        ways.push({
          rule: rule.id,
          changes: merged,
          apply: changes.map((c) => c.change),
          rank: n.rank,
          total: n.total,
          gain,
          cost: costOf(merged),
          text: { zh: text("zh"), en: text("en") },
        });
        return;
      }
    }
  });
  ways.sort((a, b) => a.cost - b.cost || b.gain - a.gain);
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
    text: { zh: wt("zh", "placeNeed", vars), en: wt("en", "placeNeed", vars) },
  };
}

/** Successive steps on the same cell become one change from the original value to the last. */
function mergeChanges(changes: GapChange[], data: Dataset, _scheme: Scheme, _lang: Lang): GapChange[] {
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
    const delta = typeof c.to === "number" && typeof from === "number" ? Math.round((c.to - from) * 1e9) / 1e9 : null;
    out.set(key, {
      ...c,
      from,
      delta,
      via: c.via && first.via ? { ...c.via, from: first.via.from } : c.via,
    });
  }
  void data;
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

/** What is missing for each award of the scheme. */
export function awardGaps(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, lang: Lang = "zh"): AwardGap[] {
  const e = run.entities[unit];
  const ents = data.tables[scheme.entityTable];
  const env = makeEnv(scheme, data, run, 0, lang);
  const ctx = env.ctx;
  return scheme.awards.map((a): AwardGap => {
    const mine = run.awards.filter((x) => x.rule === a.id && x.entityIndex === unit);
    const say = (key: string, vars: Record<string, string | number>) => ({
      zh: wt("zh", key, { award: a.label, ...vars }),
      en: wt("en", key, { award: a.label, ...vars }),
    });
    if (mine.length) {
      const amount = mine.reduce((s, x) => s + x.amount, 0);
      return {
        award: a.id,
        label: a.label,
        have: true,
        text: say("awardHave", { amount: fmt(Math.round(amount * 1e9) / 1e9), unit: a.unit }),
      };
    }
    if (e.vetoed)
      return { award: a.id, label: a.label, have: false, text: say("vetoed", { reason: e.vetoReason ?? "" }) };
    switch (a.kind) {
      case "flag-amount":
        return {
          award: a.id,
          label: a.label,
          have: false,
          text: say("awardFlag", { field: fieldLabel(ctx, ents, a.field) }),
        };
      case "rules-met": {
        const missing = a.rules
          .map((id) => scheme.rules.findIndex((r) => r.id === id))
          .filter((k) => k >= 0 && e.points[k] <= 0);
        const gaps = missing.map((k) => gapFor(scheme.rules[k], makeEnv(scheme, data, run, k, lang), unit));
        const names = missing.map((k) => `${scheme.rules[k].id} ${scheme.rules[k].label}`).join("、");
        return { award: a.id, label: a.label, have: false, text: say("awardRules", { rules: names }), rules: gaps };
      }
      case "list-amount": {
        const table = data.tables[a.over];
        const spec = scheme.tables.find((t) => t.id === a.over);
        let best: { subject: string; fails: Array<{ need: (l: Lang) => string; now: string }> } | null = null;
        for (const row of table?.rows ?? []) {
          if (row.entity !== unit) continue;
          const fails = a.filter
            .filter((c) => testAll(ctx, row, [c]) !== true)
            .map((c) => ({
              need: (l: Lang) => condText(env, table!, c, l, false),
              now: describeCond(ctx, table!, row, c),
            }));
          const subject = a.subject ? String(row.values[a.subject] ?? row.name) : row.name;
          if (!best || fails.length < best.fails.length) best = { subject, fails };
        }
        if (!best)
          return {
            award: a.id,
            label: a.label,
            have: false,
            text: say("awardListNone", { what: spec?.name ?? a.over }),
          };
        const fails = best.fails;
        return {
          award: a.id,
          label: a.label,
          have: false,
          text: {
            zh: wt("zh", "awardList", {
              award: a.label,
              subject: best.subject,
              conds: fails.map((f) => `${f.need("zh")}（${f.now}）`).join("，"),
            }),
            en: wt("en", "awardList", {
              award: a.label,
              subject: best.subject,
              conds: fails.map((f) => `${f.need("en")} (${f.now})`).join(", "),
            }),
          },
        };
      }
      case "chosen":
        return { award: a.id, label: a.label, have: false, text: say("awardChosen", {}) };
      case "rank-amount":
        return rankAwardGap(scheme, data, run, unit, a);
    }
  });
}

type RankAward = Extract<Scheme["awards"][number], { kind: "rank-amount" }>;

function rankAwardGap(scheme: Scheme, data: Dataset, run: ScoreRun, unit: number, a: RankAward): AwardGap {
  const ents = data.tables[scheme.entityTable];
  const env = makeEnv(scheme, data, run, 0);
  const live = (i: number) => run.entities[i].rank !== null;
  let values: Array<number | null>;
  let by: { zh: string; en: string };
  const hasColumn = a.rankBy !== undefined && ents.rows.some((r) => typeof r.values[a.rankBy!] === "number");
  if (hasColumn) {
    values = ents.rows.map((r, i) =>
      live(i) && typeof r.values[a.rankBy!] === "number" ? (r.values[a.rankBy!] as number) : null,
    );
    const l = fieldLabel(env.ctx, ents, a.rankBy!);
    by = { zh: `「${l}」`, en: l };
  } else if (a.fallbackTargets.length) {
    values = ents.rows.map((r, i) => {
      if (!live(i)) return null;
      const ratios: number[] = [];
      for (const id of a.fallbackTargets) {
        const rule = scheme.rules.find((x) => x.id === id);
        if (!rule || rule.kind !== "target") continue;
        const t = targetValue(env.ctx, rule.target.table, rule.target.column, i);
        const v = r.values[rule.field];
        if (!t || t.value === null || t.value <= 0 || typeof v !== "number") return null;
        ratios.push(v / t.value);
      }
      return ratios.length ? ratios.reduce((s, x) => s + x, 0) / ratios.length : null;
    });
    by = { zh: wt("zh", "byCompletion"), en: wt("en", "byCompletion") };
  } else {
    values = run.entities.map((x) => (x.rank === null ? null : x.total));
    by = { zh: wt("zh", "byTotal"), en: wt("en", "byTotal") };
  }
  const mine = values[unit];
  if (mine === null)
    return {
      award: a.id,
      label: a.label,
      have: false,
      text: {
        zh: wt("zh", "awardRankNone", { award: a.label, by: by.zh }),
        en: wt("en", "awardRankNone", { award: a.label, by: by.en }),
      },
    };
  const sorted = values.filter((v): v is number => v !== null).sort((x, y) => y - x);
  const rank = 1 + sorted.filter((v) => v > mine).length;
  const places = a.amounts.length;
  const last = sorted[Math.min(places, sorted.length) - 1];
  const pct = a.fallbackTargets.length && !hasColumn;
  const show = (x: number) => (pct ? `${fmt(Math.round(x * 10000) / 100)}%` : fmt(Math.round(x * 1e9) / 1e9));
  const vars = (l: Lang) => ({ award: a.label, by: by[l], rank, places, last: show(last), need: show(last - mine) });
  return {
    award: a.id,
    label: a.label,
    have: false,
    text: { zh: wt("zh", "awardRank", vars("zh")), en: wt("en", "awardRank", vars("en")) },
  };
}

export type { Change };
