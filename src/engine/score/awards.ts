/** Awards that are not points: money, land quota, salary-assessment points. One evaluator per kind. */
import type { z } from "zod";
import type { ChosenAward, FlagAmountAward, ListAmountAward, RankAmountAward, RulesMetAward } from "../scheme/schema";
import type { Row } from "../dataset";
import type { AwardResult } from "./result";
import { fmt, roundTo, roundTotal } from "../format";
import { ranks } from "./ranking";
import { nameKey } from "../read/normalise";
import { describe, fieldLabel, live, say, targetValue, test, word, type RuleContext } from "./context";
import { message } from "../messages";

type Award = { id: string; clause: string; label: string; unit: string };

/** An award to unit i (the row's fields that every award kind fills alike). */
function awardTo(
  ctx: RuleContext,
  a: Award,
  i: number,
  amount: number,
  basis: string,
  more: Partial<AwardResult> = {},
) {
  const name = ctx.entities.rows[i].name;
  const base = { entity: name, entityIndex: i, rule: a.id, clause: a.clause, label: a.label, amount, unit: a.unit };
  return { ...base, upTo: false, subject: name, basis, ...more } as AwardResult;
}

/** "最高 " before an amount the policy gives as an upper limit. */
const upTo = (ctx: RuleContext, yes: boolean) => (yes ? say(ctx, "basis.award.upTo") : "");

export function evaluateListAmount(a: z.infer<typeof ListAmountAward>, ctx: RuleContext): AwardResult[] {
  const table = ctx.data.tables[a.over];
  if (!table) return [];
  const out: AwardResult[] = [];
  const conds = (row: Row, cs: typeof a.filter) =>
    cs.map((c) => describe(ctx, table, row, c)).join(say(ctx, "basis.comma"));
  for (const row of table.rows) {
    if (row.entity < 0 || !live(ctx, row.entity)) continue;
    const results = a.filter.map((c) => test(ctx, row, c));
    if (results.some((r) => r === false)) continue;
    const subject = a.subject ? String(row.values[a.subject] ?? row.name) : row.name;
    const unknown = a.filter.filter((_, k) => results[k] === null);
    if (unknown.length) {
      const text = say(ctx, "basis.award.cannotJudge", { award: a.id, subject, conds: conds(row, unknown) });
      ctx.warn({
        code: "cannot-evaluate",
        sheet: table.sheet,
        cell: row.cells[unknown[0].field] ?? row.cells.name ?? "",
        message: text,
      });
      continue;
    }
    const base = row.values[a.amount.field] as number;
    const raw = roundTo(base * a.amount.rate, 9);
    const amount = a.amount.cap !== undefined ? Math.min(raw, a.amount.cap) : raw;
    const vars = {
      subject,
      conds: conds(row, a.filter),
      label: word(ctx, fieldLabel(ctx, table, a.amount.field)),
      base: fmt(base),
      rate: fmt(a.amount.rate),
      raw: fmt(raw),
      cap: a.amount.cap !== undefined && raw > a.amount.cap ? fmt(a.amount.cap) : "",
      upTo: upTo(ctx, a.upTo),
      amount: fmt(amount),
      unit: word(ctx, a.unit),
    };
    const basis = `${word(ctx, a.clause)} ${say(ctx, "basis.award.list", vars)}`;
    out.push(awardTo(ctx, a, row.entity, amount, basis, { upTo: a.upTo, subject }));
  }
  return out;
}

export function evaluateFlagAmount(a: z.infer<typeof FlagAmountAward>, ctx: RuleContext): AwardResult[] {
  const ents = ctx.entities;
  const label = word(ctx, fieldLabel(ctx, ents, a.field));
  const vars = { label, upTo: upTo(ctx, a.upTo), amount: fmt(a.amount), unit: word(ctx, a.unit) };
  const basis = `${word(ctx, a.clause)} ${say(ctx, "basis.award.flag", vars)}`;
  return ents.rows.flatMap((row, i) =>
    live(ctx, i) && row.values[a.field] === true ? [awardTo(ctx, a, i, a.amount, basis, { upTo: a.upTo })] : [],
  );
}

export function evaluateRulesMet(
  a: z.infer<typeof RulesMetAward>,
  ctx: RuleContext,
  pointsByRule: Map<string, number[]>,
): AwardResult[] {
  const vars = { rules: a.rules.join(say(ctx, "basis.enum")), amount: fmt(a.amount), unit: word(ctx, a.unit) };
  const basis = `${word(ctx, a.clause)} ${say(ctx, "basis.award.rulesMet", vars)}`;
  return ctx.entities.rows.flatMap((_row, i) =>
    live(ctx, i) && a.rules.every((r) => (pointsByRule.get(r)?.[i] ?? 0) > 0)
      ? [awardTo(ctx, a, i, a.amount, basis)]
      : [],
  );
}

type RankAward = z.infer<typeof RankAmountAward>;
interface Ranking {
  values: Array<number | null>;
  /** what unit i is ranked by, with its value */
  shown: string[];
  note: string;
}

/** The mean completion ratio (actual / target) of the target rules named, per unit; null where one is missing. */
export function completionRatio(a: RankAward, ctx: RuleContext, i: number): number | null {
  const ratios: number[] = [];
  for (const id of a.fallbackTargets) {
    const rule = ctx.scheme.rules.find((r) => r.id === id);
    if (!rule || rule.kind !== "target") continue;
    const t = targetValue(ctx, rule.target.table, rule.target.column, i);
    const v = ctx.entities.rows[i].values[rule.field];
    if (!t || t.value === null || t.value <= 0 || typeof v !== "number") return null;
    ratios.push(v / t.value);
  }
  return ratios.length ? ratios.reduce((s, x) => s + x, 0) / ratios.length : null;
}

/** What the award ranks by: a column when the workbook has it, else the mean completion of targets, else totals. */
function rankingOf(a: RankAward, ctx: RuleContext, totals: Array<number | null>): Ranking {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const clause = word(ctx, a.clause);
  const r: Ranking = { values: new Array<number | null>(n).fill(null), shown: new Array<string>(n).fill(""), note: "" };
  const set = (i: number, v: number | null, shown: string) => {
    if (v === null || !live(ctx, i)) return;
    r.values[i] = v;
    r.shown[i] = shown;
  };
  if (a.rankBy !== undefined && ents.rows.some((row) => typeof row.values[a.rankBy!] === "number")) {
    const label = word(ctx, fieldLabel(ctx, ents, a.rankBy));
    r.note = `${clause} ${say(ctx, "basis.award.byColumn", { label })}`;
    ents.rows.forEach((row, i) => {
      const v = row.values[a.rankBy!];
      if (typeof v === "number") set(i, v, `${label} ${fmt(v)}`);
    });
  } else if (a.fallbackTargets.length) {
    const column = a.rankBy ? word(ctx, fieldLabel(ctx, ents, a.rankBy)) : say(ctx, "basis.award.rankBasis");
    const targets = a.fallbackTargets.join(say(ctx, "basis.enum"));
    r.note = `${clause} ${say(ctx, "basis.award.byCompletion", { column, targets })}`;
    for (let i = 0; i < n; i++) {
      const ratio = live(ctx, i) ? completionRatio(a, ctx, i) : null;
      const v = ratio === null ? null : roundTotal(ratio);
      if (v !== null) set(i, v, say(ctx, "basis.award.meanCompletion", { pct: fmt(roundTo(v * 100, 2)) }));
    }
  } else {
    r.note = `${clause} ${say(ctx, "basis.award.byTotal")}`;
    totals.forEach((t, i) => set(i, t, say(ctx, "basis.award.total", { total: fmt(t ?? 0) })));
  }
  return r;
}

/**
 * Awards by place. Ranked by a column, or by the mean completion ratio of target rules, or by total.
 * Ties: "pool" splits the tied places' amounts equally (1st and 2nd tied: (300 + 200) / 2 each); "share" gives each
 * tied entity the amount of the shared place.
 */
export function evaluateRankAmount(
  a: RankAward,
  ctx: RuleContext,
  totals: Array<number | null>,
): { awards: AwardResult[]; notes: string[] } {
  const r = rankingOf(a, ctx, totals);
  const rk = ranks(r.values, "competition");
  const out: AwardResult[] = [];
  rk.forEach((rank, i) => {
    if (rank === null || rank > a.amounts.length) return;
    const tied = rk.filter((x) => x === rank).length;
    let amount = a.amounts[rank - 1];
    let how = "";
    if (tied > 1 && a.ties === "pool") {
      const sum = a.amounts.slice(rank - 1, rank - 1 + tied).reduce((s, x) => s + x, 0);
      amount = roundTotal(sum / tied);
      how = say(ctx, "basis.award.pooled", { tied, rank, last: rank + tied - 1, sum: fmt(sum) });
    } else if (tied > 1) how = say(ctx, "basis.award.shared", { tied });
    const vars = { shown: r.shown[i], rank, how, amount: fmt(amount), unit: word(ctx, a.unit) };
    out.push(awardTo(ctx, a, i, amount, `${word(ctx, a.clause)} ${say(ctx, "basis.award.rank", vars)}`));
  });
  return { awards: out, notes: [r.note] };
}

type Chosen = z.infer<typeof ChosenAward>;

/** A special award typed for a vetoed (or excluded) unit is not paid: a warning at its cell and a note. */
function notPaid(a: Chosen, ctx: RuleContext, row: Row, why: { zh: string; en: string }, value: string): string {
  const column = fieldLabel(ctx, ctx.entities, a.field);
  ctx.warn({
    code: "award-vetoed",
    sheet: ctx.entities.sheet,
    cell: row.cells[a.field] ?? row.cells.name ?? "",
    message: message(ctx.lang, "award-vetoed", {
      name: row.name,
      why: why.zh,
      whyEn: why.en,
      column,
      value,
      clause: a.clause,
    }),
    value,
  });
  const vars = { name: row.name, why: why[ctx.lang], column: word(ctx, column), value };
  return `${word(ctx, a.clause)} ${say(ctx, "basis.award.notPaid", vars)}`;
}

/** The awards a unit's cell names (separated by 、 , ; or spaces; an option matches by its name or a part of it). */
function chosenFor(a: Chosen, ctx: RuleContext, i: number, v: string): AwardResult[] {
  const chosen = v
    .split(/[、,，;；\s]+/)
    .map(nameKey)
    .filter(Boolean);
  const label = word(ctx, fieldLabel(ctx, ctx.entities, a.field));
  return a.options
    .filter((o) => chosen.some((c) => c === nameKey(o.name) || nameKey(o.name).includes(c)))
    .map((o) => {
      const vars = { label, option: word(ctx, o.name), amount: fmt(o.amount), unit: word(ctx, a.unit) };
      const basis = `${word(ctx, a.clause)} ${say(ctx, "basis.award.chosen", vars)}`;
      return awardTo(ctx, a, i, o.amount, basis, {
        label: say(ctx, "basis.award.chosenLabel", { label: a.label, option: o.name }),
      });
    });
}

/** Suggestions: for each option tied to a group, the live unit with the best score in that group. */
function suggestions(a: Chosen, ctx: RuleContext, groupScores: Map<string, ArrayLike<number>>): string[] {
  const notes: string[] = [];
  for (const o of a.options) {
    const g = o.suggestGroup ? groupScores.get(o.suggestGroup) : undefined;
    const group = ctx.scheme.groups.find((x) => x.id === o.suggestGroup);
    if (!g || !group) continue;
    let best = -1;
    for (let i = 0; i < g.length; i++) if (live(ctx, i) && (best < 0 || g[i] > g[best])) best = i;
    if (best < 0) continue;
    const vars = { option: word(ctx, o.name), group: word(ctx, group.name), name: ctx.entities.rows[best].name };
    notes.push(`${word(ctx, a.clause)} ${say(ctx, "basis.award.suggest", { ...vars, points: fmt(g[best]) })}`);
  }
  return notes;
}

/** Awards chosen in an input column (专项奖励), with a suggestion: the best entity of the matching group. */
export function evaluateChosen(
  a: Chosen,
  ctx: RuleContext,
  groupScores: Map<string, ArrayLike<number>>,
  /** why entity i takes no part (vetoed, excluded), or null */
  notTaking: (i: number) => { zh: string; en: string } | null = () => null,
): { awards: AwardResult[]; notes: string[] } {
  const out: AwardResult[] = [];
  const notes: string[] = [];
  ctx.entities.rows.forEach((row, i) => {
    const v = row.values[a.field];
    const text = typeof v === "string" ? v.trim() : "";
    if (live(ctx, i)) out.push(...(text ? chosenFor(a, ctx, i, v as string) : []));
    else {
      const why = notTaking(i);
      if (why && text) notes.push(notPaid(a, ctx, row, why, text));
    }
  });
  return { awards: out, notes: [...notes, ...suggestions(a, ctx, groupScores)] };
}
