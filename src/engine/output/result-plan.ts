/**
 * ScoreRun → the result sheets (加分汇总, 加分明细, 奖励测算, 结果运用, 校验结果), in the user's language: titles,
 * headers and notes from the catalogue (domain `sheets`), the scheme's own words through its glossary. Pure.
 */
import { withinLimits } from "./limits";
import type { Scheme } from "../scheme/schema";
import type { Issue, Lang } from "../types";
import type { ScoreRun } from "../score/result";
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "./sheet-plan";
import { a1, parseA1 } from "../read/normalise";
import { t } from "../i18n";
import {
  formatColumns,
  header,
  noteRows,
  planContext,
  sheetTitle,
  summaryCells,
  SUMMARY_FIRST_ROW,
  sheetRef,
  tailCol,
  type SummaryCells,
  titleRows,
  type PlanCtx,
  type PlanOptions,
} from "./plan-context";
import { summaryFormulas } from "./summary-formulas";
import { liveAwardRows, liveDetailRows } from "./live-sheets";
import { groupSheet } from "./group-sheet";

export { columnFormat, sheetRef, type PlanOptions } from "./plan-context";

/** Above this many units 加分明细 is one row per unit (issue 14); PlanOptions.detailLimit sets another. */
export const DETAIL_LIMIT = 2000;

/** A rule's column title in the policy's words: its clause and short label (二(四) 产值目标), never the internal id. */
export function ruleHeader(rule: { clause: string; label: string }, word: (zh: string) => string = (x) => x): string {
  return `${word(rule.clause)} ${word(rule.label)}`;
}

export function buildResultPlan(
  scheme: Scheme,
  run: ScoreRun,
  issues: readonly Issue[],
  opts: PlanOptions = {},
): ResultPlan {
  const ctx = planContext(scheme, run, issues, opts);
  const sheets: PlanSheet[] = [];
  const s = summarySheet(ctx);
  if (s.groupView) sheets.push(s.groupView);
  sheets.push(s.sheet);
  if (s.calc && s.calc.values.length > 1) sheets.push(s.calc);
  sheets.push(detailSheet(ctx, s.calc, s.first, s.sheet));
  const award = awardSheet(ctx, s.first);
  if (scheme.awards.length) sheets.push(award);
  if (scheme.usage.length) sheets.push(usageSheet(ctx));
  if (issues.length) sheets.push(issueSheet(issues, ctx.lang, ctx.tx("sheet.issues.title", { year: run.year })));
  return withinLimits({ sheets, activate: s.groupView ? "groups" : "summary" });
}

/** The summary's rows: a row per entity in rank order, top three highlighted, vetoed rows greyed. */
function summaryRows(ctx: PlanCtx, summary: PlanSheet, width: number): void {
  const { run, shownRules, tail } = ctx;
  const rules = shownRules.length;
  for (const i of run.order) {
    const e = run.entities[i];
    // one array a row, filled in place (a spread of mapped arrays made three more a row), and the unit's points read
    // once (e.points builds the array of every rule's points on each read)
    const row = new Array<PlanValue>(2 + rules + tail.length);
    row[0] = e.rank;
    row[1] = e.name;
    const points = e.vetoed ? null : e.points;
    for (let j = 0; j < rules; j++) row[2 + j] = points === null ? null : points[shownRules[j]];
    for (let j = 0; j < tail.length; j++) row[2 + rules + j] = tail[j].value(e);
    summary.values.push(row);
    const r = summary.values.length - 1;
    if (e.vetoed) summary.styles.push({ rect: { top: r, left: 0, bottom: r, right: width - 1 }, style: "vetoed" });
    else if (e.rank !== null && e.rank <= 3)
      summary.styles.push({ rect: { top: r, left: 0, bottom: r, right: width - 1 }, style: "top" });
  }
}

/** Number formats: rule and bonus columns show "—" where a unit got no points; subtotals and totals show their 0. */
function summaryFormats(ctx: PlanCtx, summary: PlanSheet, first: number, last: number): void {
  if (last < first) return;
  summary.numberFormats.push({ rect: { top: first, left: 0, bottom: last, right: 0 }, format: "0" });
  const tailStart = 2 + ctx.shownRules.length;
  const numeric = ctx.tail
    .map((x, j) => [x.id, tailStart + j] as const)
    .filter(([id]) => id !== "grade" && id !== "remark");
  const dashed = (id: string) => id === "bonus" || id === "deduction";
  const ruleCols = ctx.shownRules.map((_, j) => 2 + j);
  formatColumns(summary, first, last, ruleCols, true);
  formatColumns(
    summary,
    first,
    last,
    numeric.filter(([id]) => dashed(id)).map(([, c]) => c),
    true,
  );
  formatColumns(
    summary,
    first,
    last,
    numeric.filter(([id]) => !dashed(id)).map(([, c]) => c),
    false,
  );
}

/**
 * The audit trail: every score cell carries a note with the rule, the clause, the inputs and the arithmetic (up to
 * 20,000 cells; larger runs are explained row by row in the detail sheet).
 */
function cellNotes(ctx: PlanCtx, summary: PlanSheet, first: number): void {
  const { run, scheme, shownRules, w } = ctx;
  if (run.order.length * shownRules.length > 20000) return;
  summary.notes = [];
  run.order.forEach((i, pos) => {
    if (run.entities[i].vetoed) return;
    shownRules.forEach((k, j) =>
      summary.notes!.push({
        row: first + pos,
        col: 2 + j,
        text: `${scheme.rules[k].id} ${w(scheme.rules[k].label)}\n${run.basis(k, i)}`,
      }),
    );
  });
}

/** The bar chart (or data bars) of the totals, stacked by group or by rule. */
function summaryBars(ctx: PlanCtx, summary: PlanSheet, first: number, last: number): void {
  const { scheme, shownRules } = ctx;
  summary.rowHeights = [{ row: first - 1, height: 48 }];
  summary.bars = {
    column: tailCol(ctx, "total"),
    top: first,
    bottom: last,
    stackColumns: scheme.groups.length
      ? scheme.groups.map((g) => tailCol(ctx, `group:${g.id}`))
      : shownRules.map((_, j) => 2 + j),
  };
  if (ctx.lang !== "zh") summary.bars.title = ctx.tx("sheet.chart");
}

/** The notes under the summary: the run's and the scheme's, formulas or values, the count of check findings. */
function summaryNotes(ctx: PlanCtx, summary: PlanSheet, formulaNote: string | null): void {
  const { scheme, run, issues, tx, w } = ctx;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  // a note that names a rule by its internal id (2.4.output) names it in the policy's words instead
  const named = scheme.rules
    .filter((r) => /[a-z]/i.test(r.id))
    .sort((a, b) => b.id.length - a.id.length)
    .map((r) => [r.id, ruleHeader(r, w)] as const);
  const words = (n: string) => named.reduce((acc, [id, h]) => acc.split(id).join(h), n);
  const notes = [...run.notes, ...scheme.notes.map(w)].map(words);
  notes.push(formulaNote ?? tx("sheet.note.values"));
  if (errors || warnings) notes.push(tx("sheet.note.checks", { errors, warnings, sheet: tx("sheet.issues") }));
  noteRows(summary, ctx, notes);
}

/**
 * References to each unit's total and rank cells on the summary that buildResultPlan writes with these options, for a
 * sheet written in the same result (情景对比's live baseline); null in values mode, where nothing is live.
 */
export function summaryRefs(scheme: Scheme, run: ScoreRun, opts: PlanOptions): SummaryCells | null {
  if (!opts.formulas) return null;
  return summaryCells(planContext(scheme, run, [], opts), SUMMARY_FIRST_ROW);
}

/** 加分汇总 / 评分汇总 (and the group view beside it): a row per entity, every rule's points, subtotals, total, rank. */
function summarySheet(ctx: PlanCtx) {
  const { scheme, run, shownRules, tail, tx, opts } = ctx;
  const summary = newSheet("summary", tx(scheme.groups.length ? "sheet.summary.scored" : "sheet.summary.bonus"));
  const cols = [
    tx("sheet.col.rank"),
    ctx.nameHeader,
    ...shownRules.map((k) => ruleHeader(scheme.rules[k], ctx.w)),
    ...tail.map((x) => x.name),
  ];
  titleRows(summary, sheetTitle(ctx, summary.name), ctx.sub, cols.length);
  header(summary, cols);
  const first = summary.values.length;
  // summaryRefs and the live detail and award sheets find the units' cells from here
  if (first !== SUMMARY_FIRST_ROW) throw new Error(`the summary's first row moved to ${first}`);
  summaryRows(ctx, summary, cols.length);
  const last = summary.values.length - 1;
  const calc = opts.formulas ? newSheet("calc", tx("sheet.calc")) : null;
  const formulaNote = opts.formulas ? summaryFormulas(ctx, summary, first, opts.formulas, calc!) : null;
  summaryFormats(ctx, summary, first, last);
  summary.print = { titleRows: [first - 1, first - 1], landscape: true };
  cellNotes(ctx, summary, first);
  summaryBars(ctx, summary, first, last);
  // the group view is the page a city hands on (tens of parks); above 500 units the rule-level sheet stands alone,
  // which also keeps a large write to Excel within its request budget
  const groupView = scheme.groups.length && run.order.length <= 500 ? groupSheet(ctx, summary, first) : null;
  summary.values.push([]);
  summaryNotes(ctx, summary, formulaNote);
  summary.widths = [6, 26, ...shownRules.map(() => 11), ...tail.map((x) => (x.id === "remark" ? 30 : 10))];
  return { sheet: summary, first, calc, groupView };
}

/** 加分明细: a row per award of points, with the evidence; in formula mode every candidate, live (live-sheets.ts). */
function detailSheet(ctx: PlanCtx, calc: PlanSheet | null, first: number, summary: PlanSheet): PlanSheet {
  const { scheme, run, tx, w, opts } = ctx;
  const detail = newSheet("details", tx(scheme.groups.length ? "sheet.details.scored" : "sheet.details.bonus"));
  if (run.entities.length > (opts.detailLimit ?? DETAIL_LIMIT)) return compactDetail(ctx, detail, summary, first);
  const keys = ["rule", "clause", "points", "subject", "basis", "inputs"] as const;
  const dcols = [ctx.nameHeader, ...keys.map((k) => tx(`sheet.col.${k}`))];
  titleRows(detail, sheetTitle(ctx, detail.name), ctx.sub, dcols.length);
  header(detail, dcols);
  detail.print = { titleRows: [2, 2], landscape: true };
  detail.widths = [26, 14, 8, 8, 28, 80, 36];
  if (opts.formulas) {
    liveDetailRows(ctx, detail, calc, first);
    return detail;
  }
  const ruleLabel = new Map(scheme.rules.map((r) => [r.id, r.label]));
  for (const d of run.details()) {
    const label = ruleLabel.get(d.rule);
    detail.values.push([
      d.entity,
      label === undefined ? d.rule : w(label),
      w(d.clause),
      d.points,
      d.subject,
      d.basis,
      d.inputs
        .map((x) => x.ref)
        .filter(Boolean)
        .join(tx("sheet.listSep")),
    ]);
  }
  formatColumns(detail, 3, detail.values.length - 1, [3], false);
  return detail;
}

/**
 * 加分明细 of a large run (issue 14): one row per unit with each rule's points in a column (vetoed units with the
 * reason), and a note above the table saying what is left out and where the full detail is. In formula mode each
 * points cell refers to the same unit's cell on the summary (rows in the same order from its first data row), so it
 * follows an edit and a column is one formula in R1C1.
 */
function compactDetail(ctx: PlanCtx, detail: PlanSheet, summary: PlanSheet, summaryFirst: number): PlanSheet {
  const { scheme, run, tx, w, opts } = ctx;
  const cols = [ctx.nameHeader, ...ctx.shownRules.map((k) => ruleHeader(scheme.rules[k], w)), tx("sheet.col.remark")];
  titleRows(detail, sheetTitle(ctx, detail.name), ctx.sub, cols.length);
  const limit = opts.detailLimit ?? DETAIL_LIMIT;
  const live = opts.formulas ? [tx("sheet.note.compactDetailLive", { sheet: summary.name })] : [];
  noteRows(detail, ctx, [tx("sheet.note.compactDetail", { units: run.entities.length, limit }), ...live]);
  header(detail, cols);
  const first = detail.values.length;
  const formulas = opts.formulas ? (detail.formulas ??= []) : null;
  const rules = ctx.shownRules.length;
  run.order.forEach((i, p) => {
    const e = run.entities[i];
    const remark = e.vetoed ? tx("sheet.vetoed", { reason: e.vetoReason ?? "" }) : null;
    // the rule columns as the summary's row of the unit has them (the same values, null where vetoed): copied, not
    // read again from the run, so the two sheets share their numbers instead of each boxing its own
    const from = summary.values[summaryFirst + p];
    const row = new Array<PlanValue>(rules + 2);
    row[0] = e.name;
    for (let j = 0; j < rules; j++) row[1 + j] = from[2 + j];
    row[rules + 1] = remark;
    detail.values.push(row);
    // the summary's rule columns start at its third column (rank, name, rules…)
    if (formulas && !e.vetoed)
      ctx.shownRules.forEach((_k, j) =>
        formulas.push({
          row: first + p,
          col: 1 + j,
          formula: `${sheetRef("summary")}!${a1(summaryFirst + p, 2 + j)}`,
        }),
      );
  });
  const ruleCols = ctx.shownRules.map((_, j) => 1 + j);
  formatColumns(detail, first, detail.values.length - 1, ruleCols, true);
  detail.freeze = { rows: first, cols: 1 };
  detail.print = { titleRows: [first - 1, first - 1], landscape: true };
  detail.widths = [26, ...ctx.shownRules.map(() => 11), 30];
  return detail;
}

/** 奖励测算: money, land and salary points, with units; in formula mode every candidate, live (live-sheets.ts). */
function awardSheet(ctx: PlanCtx, first: number): PlanSheet {
  const { run, tx, w, opts } = ctx;
  const award = newSheet("awards", tx("sheet.awards"));
  const keys = ["award", "clause", "amount", "unit", "nature", "subject", "basis"] as const;
  const acols = [ctx.nameHeader, ...keys.map((k) => tx(`sheet.col.${k}`))];
  titleRows(award, sheetTitle(ctx, award.name), ctx.sub, acols.length);
  header(award, acols);
  award.print = { titleRows: [2, 2], landscape: true };
  award.widths = [26, 24, 8, 10, 14, 10, 28, 80];
  if (opts.formulas) {
    liveAwardRows(ctx, award, opts.formulas, first);
    return award;
  }
  // each unit's place in the rank order, by entity index (a typed array: no pair, no map entry a unit)
  const order = new Int32Array(run.entities.length);
  run.order.forEach((e, p) => (order[e] = p));
  const aw = [...run.awards].sort((a, b) => order[a.entityIndex] - order[b.entityIndex]);
  for (const a of aw) {
    const nature = tx(a.upTo ? "sheet.upTo" : "sheet.asSet");
    award.values.push([a.entity, w(a.label), w(a.clause), a.amount, w(a.unit), nature, a.subject, a.basis]);
  }
  if (aw.length === 0) award.values.push([tx("sheet.none")]);
  if (aw.length) formatColumns(award, 3, 3 + aw.length - 1, [3], false);
  return award;
}

/** 结果运用: findings across years, each rule in words (连续 2 年得分 ≥ 90), not its internal id. */
function usageSheet(ctx: PlanCtx): PlanSheet {
  const { scheme, run, tx, w } = ctx;
  const use = newSheet("usage", tx("sheet.usage"));
  const keys = ["rule", "clause", "outcome", "basis"] as const;
  const ucols = [ctx.nameHeader, ...keys.map((k) => tx(`sheet.col.${k}`))];
  titleRows(use, sheetTitle(ctx, use.name), ctx.sub, ucols.length);
  header(use, ucols);
  const usageText = new Map(
    scheme.usage.map((u) => [
      u.id,
      u.kind === "score-streak"
        ? tx("sheet.usage.streak", { years: u.years, min: String(u.minScore) })
        : tx("sheet.usage.bottom", { years: u.years, n: String(u.n) }),
    ]),
  );
  for (const u of run.usage)
    use.values.push([u.entity, usageText.get(u.rule) ?? u.rule, w(u.clause), w(u.outcome), u.basis]);
  if (!run.usage.length) use.values.push([tx("sheet.none")]);
  use.widths = [26, 14, 12, 24, 80];
  return use;
}

/** 校验结果: every issue with its sheet and cell (a link to the cell where it is an address). */
export function issueSheet(issues: readonly Issue[], lang: Lang, title: string): PlanSheet {
  const s = newSheet("issues", t(lang, "sheet.issues"));
  const keys = ["severity", "code", "sheet", "cell", "message", "value", "fix"] as const;
  const cols = keys.map((k) => t(lang, `sheet.col.${k}`));
  titleRows(s, title, t(lang, "sheet.issues.subtitle"), cols.length);
  header(s, cols);
  for (const i of issues) {
    const r = s.values.length;
    const severity = t(lang, `sheet.severity.${i.severity}`);
    const row: PlanValue[] = [severity, i.code, i.sheet, i.cell, i.message, i.value ?? null, i.fix ?? null];
    s.values.push(row);
    if (i.sheet && i.cell && isAddress(i.cell)) s.links.push({ row: r, col: 3, sheet: i.sheet, cell: i.cell });
    if (i.severity !== "info") s.styles.push({ rect: { top: r, left: 0, bottom: r, right: 0 }, style: i.severity });
  }
  s.freeze = { rows: 3, cols: 0 };
  s.widths = [8, 18, 16, 10, 70, 20, 24];
  return s;
}

function isAddress(a: string): boolean {
  try {
    parseA1(a);
    return true;
  } catch {
    return false;
  }
}

/** Replace ⟦key⟧ placeholders with the quoted sheet names the adapter chose. */
export function resolveSheetRefs(formula: string, names: Record<string, string>): string {
  return formula.replace(/⟦([^⟧]+)⟧/g, (_m, k: string) => `'${(names[k] ?? k).replace(/'/g, "''")}'`);
}
