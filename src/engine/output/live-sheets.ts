/**
 * 加分明细 and 奖励测算 in formula mode (issue 12 §5): every candidate is listed — unit × rule (unit × item for lists
 * that roll up through 计算过程), unit × award (unit × item for awards over a list) — with its points or amount as a
 * live formula, and an AutoFilter shows only the rows that are not 0. So a unit that newly meets a target after an
 * input edit has its row already, and re-applying the filter shows it. Text columns (basis, inputs) describe the
 * inputs as written. Kinds no formula can follow (awards chosen in a text column, places by a column or by completion)
 * keep the rows of the awards made when written, as values. Pure.
 */
import type { z } from "zod";
import type { AwardSpec } from "../scheme/schema";
import type { ScoreRun } from "../score/result";
import type { PlanSheet, PlanValue } from "./sheet-plan";
import { Formulas } from "./formulas";
import { xl } from "./formula-parts";
import { TOTAL_DECIMALS } from "../format";
import {
  formatColumns,
  noteRows,
  sheetRef,
  summaryCells,
  type PlanCtx,
  type PlanOptions,
  type SummaryCells,
} from "./plan-context";

type LiveSources = NonNullable<PlanOptions["formulas"]>;

type Award = z.infer<typeof AwardSpec>;
/** One candidate row: its cells, and the live formula of its points or amount (null: the value stays). */
interface Candidate {
  cells: PlanValue[];
  formula: string | null;
}

const NUL = "\u0000";

/** The candidates under the sheet's header row, their formulas in `col`, and the filter that hides the zero ones. */
function putCandidates(sheet: PlanSheet, rows: Candidate[], col: number, width: number): void {
  const header = sheet.values.length - 1;
  sheet.formulas = [...(sheet.formulas ?? [])];
  const hidden: number[] = [];
  for (const c of rows) {
    const r = sheet.values.length;
    sheet.values.push(c.cells);
    if (c.formula) sheet.formulas.push({ row: r, col, formula: c.formula });
    if (c.cells[col] === 0) hidden.push(r);
  }
  const last = sheet.values.length - 1;
  if (last > header)
    sheet.filter = { rect: { top: header, left: 0, bottom: last, right: width - 1 }, column: col, hidden };
}

/** The 计算过程 rows of the items listed for each rule and unit ("rule index \0 entity index" → rows there). */
function calcItems(ctx: PlanCtx, calc: PlanSheet | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!calc) return out;
  const ruleIndex = new Map(ctx.scheme.rules.map((r, k) => [r.id, k]));
  const entity = new Map(ctx.run.entities.map((e, i) => [e.name, i]));
  calc.values.forEach((row, r) => {
    const k = ruleIndex.get(String(row[0]));
    const i = entity.get(String(row[1]));
    if (r === 0 || k === undefined || i === undefined) return;
    const key = `${k}${NUL}${i}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  });
  return out;
}

/** The details the engine wrote, by rule, entity and subject. */
function detailsBy(run: ScoreRun): Map<string, ReturnType<ScoreRun["details"]>> {
  const out = new Map<string, ReturnType<ScoreRun["details"]>>();
  for (const d of run.details()) {
    for (const key of [`${d.rule}${NUL}${d.entityIndex}`, `${d.rule}${NUL}${d.entityIndex}${NUL}${d.subject}`])
      out.set(key, [...(out.get(key) ?? []), d]);
  }
  return out;
}

/** The candidates of 加分明细: every live unit × rule, a listed item of a roll-up rule on its own row. */
function detailCandidates(ctx: PlanCtx, calc: PlanSheet | null, at: SummaryCells): Candidate[] {
  const { scheme, run, tx, w } = ctx;
  const items = calcItems(ctx, calc);
  const byKey = detailsBy(run);
  const refs = (ds: ReturnType<ScoreRun["details"]> = []) =>
    ds
      .flatMap((d) => d.inputs.map((x) => x.ref))
      .filter(Boolean)
      .join(tx("sheet.listSep"));
  const out: Candidate[] = [];
  for (const i of run.order) {
    const e = run.entities[i];
    if (e.vetoed) continue;
    for (const k of ctx.shownRules) {
      const rule = scheme.rules[k];
      const head = [e.name, w(rule.label), w(rule.clause)];
      const rows = items.get(`${k}${NUL}${i}`);
      if (!rows) {
        const ds = byKey.get(`${rule.id}${NUL}${i}`);
        // the unit's rule cell on the summary: live there, or the value the summary keeps
        out.push({ cells: [...head, e.points[k], e.name, run.basis(k, i), refs(ds)], formula: at.rule(k, i) });
        continue;
      }
      for (const r of rows) {
        const subject = String(calc!.values[r][2]);
        const ds = byKey.get(`${rule.id}${NUL}${i}${NUL}${subject}`);
        const value = calc!.values[r][3] ?? 0;
        out.push({
          cells: [...head, value, subject, ds?.[0]?.basis ?? run.basis(k, i), refs(ds)],
          formula: `${sheetRef("calc")}!$D$${r + 1}`,
        });
      }
    }
  }
  return out;
}

/** The live amount of an award by place: the place's amount, or under "pool" the shared places' amounts split. */
function placeAmount(a: { amounts: number[]; ties?: string }, R: string, T: string, totalRange: string): string {
  const places = `{${a.amounts.map((_, j) => j + 1).join(",")}}`;
  const amounts = `{${a.amounts.join(",")}}`;
  const tied = `COUNTIF(${totalRange},${T})`;
  const amount =
    a.ties === "pool"
      ? `ROUND(SUMPRODUCT((${places}>=${R})*(${places}<${R}+${tied})*${amounts})/${tied},${TOTAL_DECIMALS})`
      : `INDEX(${amounts},${R})`;
  return `IF(AND(ISNUMBER(${R}),${R}<=${a.amounts.length}),${amount},0)`;
}

type Live = Array<{ subject: string; formula: string | null }>;

/** An award over a list (a project's money): a candidate per item of unit i, conditions and amount on its cells. */
function listAmount(a: Extract<Award, { kind: "list-amount" }>, f: Formulas, i: number): Live {
  const t = f.c.data.tables[a.over];
  if (!t) return [];
  const byEntity = f.memo(`rowsByEntity|${t.id}`, () => {
    const m = new Map<number, typeof t.rows>();
    for (const r of t.rows) m.set(r.entity, [...(m.get(r.entity) ?? []), r]);
    return m;
  });
  return (byEntity.get(i) ?? []).map((row) => {
    const subject = a.subject ? String(row.values[a.subject] ?? row.name) : row.name;
    const conds = a.filter.map((c) => f.cond(t, row, c));
    const base = f.ref(t, row, a.amount.field);
    if (!base || conds.some((c) => c === null)) return { subject, formula: null };
    const raw = `ROUND(${base}*${xl(a.amount.rate)},9)`;
    const amount = a.amount.cap !== undefined ? `MIN(${raw},${xl(a.amount.cap)})` : raw;
    return { subject, formula: conds.length ? `IF(AND(${conds.join(",")}),${amount},0)` : amount };
  });
}

/** The live candidates of award `a` for unit i, or null where no formula can follow it (values as written). */
function awardFormulas(ctx: PlanCtx, a: Award, f: Formulas, at: SummaryCells, i: number): Live | null {
  const name = ctx.run.entities[i].name;
  if (a.kind === "list-amount") return listAmount(a, f, i);
  if (a.kind === "flag-amount") {
    const row = f.rowOf(f.entities, i);
    const ref = row ? f.ref(f.entities, row, a.field, "any") : null;
    return [{ subject: name, formula: ref ? `IF(${f.yes(ref)},${xl(a.amount)},0)` : null }];
  }
  if (a.kind === "rules-met") {
    const ks = a.rules.map((id) => ctx.scheme.rules.findIndex((r) => r.id === id));
    if (ks.some((k) => !ctx.shownRules.includes(k))) return null;
    return [{ subject: name, formula: `IF(AND(${ks.map((k) => `${at.rule(k, i)}>0`).join(",")}),${xl(a.amount)},0)` }];
  }
  if (a.kind === "rank-amount") {
    const ents = f.entities;
    const byColumn = a.rankBy !== undefined && ents.rows.some((r) => typeof r.values[a.rankBy!] === "number");
    if (byColumn || a.fallbackTargets.length || ctx.scheme.ranking.ties !== "competition") return null;
    return [{ subject: name, formula: placeAmount(a, at.rank(i), at.total(i), at.totalRange) }];
  }
  return null;
}

/** The awards made when written, by award, unit and subject (amounts add up where a key repeats). */
function awardsBy(run: ScoreRun): Map<string, ScoreRun["awards"]> {
  const out = new Map<string, ScoreRun["awards"]>();
  for (const x of run.awards)
    for (const key of [`${x.rule}${NUL}${x.entityIndex}`, `${x.rule}${NUL}${x.entityIndex}${NUL}${x.subject}`])
      out.set(key, [...(out.get(key) ?? []), x]);
  return out;
}

/** The candidates of 奖励测算: every live unit × award (× item), amounts as formulas where they can follow. */
function awardCandidates(ctx: PlanCtx, f: Formulas, at: SummaryCells): Candidate[] {
  const { scheme, run, tx, w } = ctx;
  const made = awardsBy(run);
  const rows: Candidate[] = [];
  const row = (x: ScoreRun["awards"][number], formula: string | null) => {
    const nature = tx(x.upTo ? "sheet.upTo" : "sheet.asSet");
    rows.push({ cells: [x.entity, w(x.label), w(x.clause), x.amount, w(x.unit), nature, x.subject, x.basis], formula });
  };
  for (const i of run.order) {
    if (run.entities[i].vetoed) continue;
    for (const a of scheme.awards) {
      const cands = awardFormulas(ctx, a, f, at, i);
      if (!cands) {
        for (const x of made.get(`${a.id}${NUL}${i}`) ?? []) row(x, null);
        continue;
      }
      for (const c of cands) {
        const xs = made.get(`${a.id}${NUL}${i}${NUL}${c.subject}`);
        if (xs) xs.forEach((x) => row(x, c.formula));
        if (xs || !c.formula) continue;
        const upTo = "upTo" in a && a.upTo;
        const basis = tx("sheet.award.notMet", { description: w(a.description) });
        const cells = [
          run.entities[i].name,
          w(a.label),
          w(a.clause),
          0,
          w(a.unit),
          tx(upTo ? "sheet.upTo" : "sheet.asSet"),
        ];
        rows.push({ cells: [...cells, c.subject, `${w(a.clause)} ${basis}`], formula: c.formula });
      }
    }
  }
  return rows;
}

/** 加分明细 in formula mode: every candidate, its points on the summary (or 计算过程), zero rows filtered out. */
export function liveDetailRows(ctx: PlanCtx, detail: PlanSheet, calc: PlanSheet | null, first: number): void {
  const rows = detailCandidates(ctx, calc, summaryCells(ctx, first));
  putCandidates(detail, rows, 3, detail.values[detail.values.length - 1].length);
  if (!rows.length) detail.values.push([ctx.tx("sheet.none")]);
  formatColumns(detail, 3, detail.values.length - 1, [3], false);
  detail.values.push([]);
  noteRows(detail, ctx, [ctx.tx("sheet.note.liveDetail", { n: rows.length })]);
}

/** 奖励测算 in formula mode: every candidate, live amounts, zero rows filtered out; returns the live count. */
export function liveAwardRows(ctx: PlanCtx, award: PlanSheet, src: LiveSources, first: number): number {
  const f = new Formulas({ scheme: ctx.scheme, run: ctx.run, data: src.data, sheets: src.sheets });
  const rows = awardCandidates(ctx, f, summaryCells(ctx, first));
  const live = rows.filter((r) => r.formula).length;
  putCandidates(award, rows, 3, award.values[award.values.length - 1].length);
  if (!rows.length) award.values.push([ctx.tx("sheet.none")]);
  formatColumns(award, 3, award.values.length - 1, [3], false);
  award.values.push([]);
  noteRows(award, ctx, [ctx.tx("sheet.note.liveAwards", { n: rows.length, live, kept: rows.length - live })]);
  return live;
}
