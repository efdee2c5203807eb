/**
 * What every result sheet is built from, computed once: the scheme and the run, the language (catalogue texts and the
 * scheme's own words in it), the subtitle, the rules shown as columns and the summary's tail columns (subtotals,
 * totals, grade, remark), each with a stable id so that no code finds a column by its title. Pure.
 */
import type { Scheme } from "../scheme/schema";
import type { Issue, Lang, SheetData } from "../types";
import type { ScoreRun } from "../score/result";
import type { Dataset } from "../dataset";
import type { PlanSheet, PlanValue } from "./sheet-plan";
import { t, type TextKey, type Vars } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";
import { absA1 } from "./formula-parts";
import { vetoes } from "../score/kinds";

export interface PlanOptions {
  lang?: Lang;
  generatedAt?: string;
  /** live formulas on the input cells (needs the data and the sheets they came from); values when absent */
  formulas?: { data: Dataset; sheets: readonly SheetData[] };
  /** above this many units 加分明细 is one row per unit with the rules' points in columns (default 2,000) */
  detailLimit?: number;
}

export type Entity = ScoreRun["entities"][number];

/** A summary column after the rule columns: what it is (its id), its title and its value for a unit. */
export interface TailCol {
  id: "score" | "bonus" | "deduction" | "base" | "total" | "grade" | "remark" | `group:${string}`;
  name: string;
  value: (e: Entity) => PlanValue;
}

export interface PlanCtx {
  scheme: Scheme;
  run: ScoreRun;
  issues: readonly Issue[];
  lang: Lang;
  opts: PlanOptions;
  /** a catalogue text in the plan's language */
  tx: (key: TextKey, vars?: Vars) => string;
  /** a word of the scheme (rule name, clause, unit, …) in the plan's language */
  w: (zh: string) => string;
  /** the subtitle row of every sheet: source, year, stamp */
  sub: string;
  /** the header of the name column: the entity table's key column in the scheme's words */
  nameHeader: string;
  /** the rules with a column of their own (every rule but the vetoes), by scheme index */
  shownRules: number[];
  tail: TailCol[];
}

/** The summary's columns after the rules: group subtotals, 得分, 附加分 / 加分合计, 扣分, 基础得分, 总分, 等级, 备注. */
function tailColumns(scheme: Scheme, run: ScoreRun, tx: PlanCtx["tx"], w: PlanCtx["w"]): TailCol[] {
  const has = (role: string) => scheme.rules.some((r) => r.role === role && !vetoes(r));
  const hasBase = !!scheme.total.base && run.entities.some((e) => e.base !== null);
  const grouped = scheme.groups.length > 0;
  const live = (f: (e: Entity) => PlanValue) => (e: Entity) => (e.vetoed ? null : f(e));
  const tail: TailCol[] = scheme.groups.map((g) => ({
    id: `group:${g.id}` as const,
    name: tx("sheet.col.group", { name: w(g.name), weight: g.weight }),
    value: live((e) => e.groups[g.id] ?? 0),
  }));
  if (has("score") && grouped) tail.push({ id: "score", name: tx("sheet.col.score"), value: live((e) => e.score) });
  if (has("bonus"))
    tail.push({
      id: "bonus",
      name: tx(grouped ? "sheet.col.bonusGrouped" : "sheet.col.bonusTotal"),
      value: live((e) => e.bonus),
    });
  if (has("deduction"))
    tail.push({ id: "deduction", name: tx("sheet.col.deduction"), value: live((e) => e.deduction) });
  if (hasBase || (scheme.total.base && !grouped))
    tail.push({ id: "base", name: tx("sheet.col.base"), value: (e) => e.base });
  tail.push({ id: "total", name: tx("sheet.col.total"), value: live((e) => e.total) });
  if (scheme.grading)
    tail.push({ id: "grade", name: tx("sheet.col.grade"), value: (e) => (e.grade === undefined ? null : w(e.grade)) });
  if (scheme.rules.some(vetoes))
    tail.push({
      id: "remark",
      name: tx("sheet.col.remark"),
      value: (e) => (e.vetoed ? tx("sheet.vetoed", { reason: e.vetoReason ?? "" }) : null),
    });
  return tail;
}

/** The context of one plan. */
export function planContext(scheme: Scheme, run: ScoreRun, issues: readonly Issue[], opts: PlanOptions): PlanCtx {
  const lang = opts.lang ?? "zh";
  const tx = (key: TextKey, vars?: Vars) => t(lang, key, vars);
  const w = (zh: string) => schemeWord(scheme, lang, zh);
  const stamp = opts.generatedAt ? ` · ${opts.generatedAt}` : "";
  const entitySpec = scheme.tables.find((x) => x.id === scheme.entityTable)!;
  const key = entitySpec.columns.find((c) => c.role === "key")?.name;
  return {
    scheme,
    run,
    issues,
    lang,
    opts,
    tx,
    w,
    sub: tx("sheet.subtitle", { source: w(scheme.source), year: run.year, stamp }),
    nameHeader: key ? w(key) : tx("sheet.col.name"),
    shownRules: scheme.rules.map((r, k) => (vetoes(r) ? -1 : k)).filter((k) => k >= 0),
    tail: tailColumns(scheme, run, tx, w),
  };
}

/** The sheet column of a tail column (-1 when the summary has none). */
export function tailCol(ctx: PlanCtx, id: TailCol["id"]): number {
  const j = ctx.tail.findIndex((x) => x.id === id);
  return j < 0 ? -1 : 2 + ctx.shownRules.length + j;
}

/** A sheet's title: the scheme, the sheet and the year. */
export function sheetTitle(ctx: PlanCtx, sheet: string): string {
  return ctx.tx("sheet.title", { scheme: ctx.w(ctx.scheme.name), sheet, year: ctx.run.year });
}

/** The two title rows (title, subtitle), merged across the table. */
export function titleRows(s: PlanSheet, title: string, subtitle: string, width: number): void {
  s.values.push([title], [subtitle]);
  s.merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 }, { top: 1, left: 0, bottom: 1, right: width - 1 });
  s.styles.push(
    { rect: { top: 0, left: 0, bottom: 0, right: width - 1 }, style: "title" },
    { rect: { top: 1, left: 0, bottom: 1, right: width - 1 }, style: "subtitle" },
  );
}

/** The header row (frozen with the two name columns). */
export function header(s: PlanSheet, cols: string[]): void {
  const r = s.values.length;
  s.values.push(cols);
  s.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: "header" });
  s.freeze = { rows: r + 1, cols: 2 };
}

/** Notes under a table, one a row, each "注：…". */
export function noteRows(s: PlanSheet, ctx: Pick<PlanCtx, "tx">, notes: readonly string[]): void {
  for (const n of notes) {
    s.values.push([ctx.tx("sheet.note", { text: n })]);
    s.styles.push({
      rect: { top: s.values.length - 1, left: 0, bottom: s.values.length - 1, right: 0 },
      style: "note",
    });
  }
}

/**
 * A column's number format from its values: integers without decimals, otherwise two decimals (one format per
 * column, so that a column reads alike); with `dash`, zero shows as "—" (no points) rather than 0.
 */
export function columnFormat(values: readonly PlanValue[], dash: boolean): string {
  return numberFormat(values.every(whole), dash);
}

/** Whether a value shows without decimals (not a number, or a whole number at two decimals). */
const whole = (v: PlanValue | undefined) => typeof v !== "number" || Number.isInteger(Math.round(v * 100) / 100);
const numberFormat = (integers: boolean, dash: boolean) => {
  const f = integers ? "0" : "0.00";
  return dash ? `${f};-${f};"—"` : f;
};

/** Each of the columns `cols` of rows first..last gets its number format (read in place: no copy of the column). */
export function formatColumns(s: PlanSheet, first: number, last: number, cols: number[], dash: boolean): void {
  if (last < first) return;
  for (const c of cols) {
    let integers = true;
    for (let r = first; r <= last && integers; r++) integers = whole(s.values[r][c]);
    s.numberFormats.push({
      rect: { top: first, left: c, bottom: last, right: c },
      format: numberFormat(integers, dash),
    });
  }
}

/** A reference to another result sheet, resolved by the adapter to the name it gets (⟦key⟧ → '名称'). */
export function sheetRef(key: string): string {
  return `⟦${key}⟧`;
}

/** The summary's first data row: two title rows and the header above it. */
export const SUMMARY_FIRST_ROW = 3;
/** The summary's rank column (the rule columns follow the rank and the name). */
const RANK_COL = 0;

/** Absolute references to a unit's cells on the summary (in another sheet's formulas), by entity index. */
export interface SummaryCells {
  /** the unit's rule k cell */
  rule(k: number, i: number): string;
  total(i: number): string;
  rank(i: number): string;
  /** every unit's total (the range RANK.EQ compares) */
  totalRange: string;
}

/** Where each unit's cells are on the summary (units in rank order from `first`). */
export function summaryCells(ctx: PlanCtx, first: number = SUMMARY_FIRST_ROW): SummaryCells {
  const pos = new Map(ctx.run.order.map((e, p) => [e, p]));
  const summary = sheetRef("summary");
  const at = (i: number, col: number) => `${summary}!${absA1(first + pos.get(i)!, col)}`;
  const ruleCol = new Map(ctx.shownRules.map((k, j) => [k, 2 + j]));
  const totalCol = tailCol(ctx, "total");
  const n = ctx.run.order.length;
  return {
    totalRange: `${summary}!${absA1(first, totalCol)}:${absA1(first + Math.max(0, n - 1), totalCol)}`,
    rule: (k, i) => at(i, ruleCol.get(k)!),
    total: (i) => at(i, totalCol),
    rank: (i) => at(i, RANK_COL),
  };
}
