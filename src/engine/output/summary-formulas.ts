/**
 * Live formulas over the summary's values: each rule cell on the input cells (or on the 计算过程 sheet for lists that
 * roll up), subtotals and the total rounded where the engine rounds, the rank and the grade. Pure.
 */
import type { SheetData } from "../types";
import type { Dataset } from "../dataset";
import type { PlanSheet } from "./sheet-plan";
import { a1 } from "../read/normalise";
import { absA1 } from "./formula-parts";
import { Formulas } from "./formulas";
import { ownRowOf } from "../score/kinds";
import { UNIT_NAME_COLUMN } from "./shared-cells";
import { formulaString } from "./limits";
import { TOTAL_DECIMALS } from "../format";
import { sheetRef, tailCol, type PlanCtx } from "./plan-context";

type Cell = { row: number; col: number; formula: string };

/** What the formulas of one summary share. */
interface FormulaCtx {
  ctx: PlanCtx;
  f: Formulas;
  data: Dataset;
  /** the summary's first data row */
  first: number;
  /** the summary sheet, and the column after its table where each row's unit place goes (when a rule needs it) */
  sheet: PlanSheet;
  placeCol: number;
  placeMade: boolean;
  /** the calc sheet's name (the place column's title names it) */
  calcName: string;
  ruleCol: Map<number, number>;
  totalCol: number;
  /** $X$4:$X$20, the totals RANK.EQ compares */
  totalRange: string;
  /** the summary row of each unit (by entity index), counted from `first` */
  pos: number[];
  /** rows of each rolled-up rule on the calc sheet */
  calcRange: Map<number, { top: number; bottom: number }>;
  out: Cell[];
}

const R = (x: string) => `ROUND(${x},${TOTAL_DECIMALS})`;
const sum = (xs: string[]) => (xs.length ? `SUM(${xs.join(",")})` : "0");

/** The engine's points per listed item of rule k (entity index + subject → points), the calc sheet's values. */
function pointsByItem(ctx: PlanCtx, k: number): Map<string, number> {
  const byItem = new Map<string, number>();
  for (const d of ctx.run.details())
    if (d.rule === ctx.scheme.rules[k].id) {
      const key = `${d.entityIndex}\u0000${d.subject}`;
      byItem.set(key, (byItem.get(key) ?? 0) + d.points);
    }
  return byItem;
}

/**
 * Lists that roll up (projects, enterprises): one row per item on 计算过程, summed per unit by an exact match on the
 * name. Returns the rows each rule occupies.
 */
function calcRows(ctx: PlanCtx, f: Formulas, calc: PlanSheet): Map<number, { top: number; bottom: number }> {
  const { tx } = ctx;
  calc.values.push([tx("sheet.col.rule"), tx("sheet.col.entity"), tx("sheet.col.item"), tx("sheet.col.itemPoints")]);
  calc.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 3 }, style: "header" });
  calc.freeze = { rows: 1, cols: 0 };
  calc.widths = [12, 30, 36, 10];
  calc.formulas = [];
  const calcRange = new Map<number, { top: number; bottom: number }>();
  for (const k of ctx.shownRules) {
    const rows = f.listRows(k);
    if (!rows.length) continue;
    const top = calc.values.length;
    // the engine's points per item, as the cached results (and as the value where no formula reaches)
    const byItem = pointsByItem(ctx, k);
    for (const r of rows) {
      const e = ctx.run.entities[r.entity];
      calc.values.push([ctx.scheme.rules[k].id, e.name, r.subject, byItem.get(`${r.entity}\u0000${r.subject}`) ?? 0]);
      if (r.formula) calc.formulas.push({ row: calc.values.length - 1, col: 3, formula: r.formula });
    }
    calcRange.set(k, { top, bottom: calc.values.length - 1 });
  }
  return calcRange;
}

/** The position of each unit (by entity index) in the rank order. */
function positions(order: readonly number[], n: number): number[] {
  const pos = new Array<number>(n).fill(-1);
  order.forEach((i, p) => (pos[i] = p));
  return pos;
}

/**
 * The cell on summary row r that says which unit the row shows: its place among the calc sheet's unit rows, a value in
 * a column after the table (made on the first call). On the row itself, so that the INDEX beside it reads the same in
 * R1C1 on every row and a sort of the summary keeps each row's place with its unit.
 */
function unitPlace(fc: FormulaCtx, r: number): string {
  const { run, tx } = fc.ctx;
  const sheet = fc.sheet;
  if (!fc.placeMade) {
    fc.placeMade = true;
    const put = (row: number, v: string | number) => {
      const cells = sheet.values[row];
      while (cells.length < fc.placeCol) cells.push(null);
      cells[fc.placeCol] = v;
    };
    put(fc.first - 1, tx("sheet.col.calcPlace", { sheet: fc.calcName, col: UNIT_NAME_COLUMN }));
    const header = { top: fc.first - 1, left: fc.placeCol, bottom: fc.first - 1, right: fc.placeCol };
    sheet.styles.push({ rect: header, style: "header" });
    run.order.forEach((i, p) => put(fc.first + p, i + 1));
  }
  return a1(r, fc.placeCol).replace(/^([A-Z]+)/, "$$$1");
}

/**
 * Rule k of an ownRow kind for unit i on summary row r: INDEX into its column on the calc sheet (input order) at the
 * unit's place, or null where the calc cell holds only the engine's value (the summary keeps it too).
 */
function ownRowFormula(fc: FormulaCtx, k: number, r: number, i: number): string | null {
  if (fc.ctx.run.entities[i].vetoed) return null;
  const { key, range } = fc.f.ownRowColumn(k);
  return fc.f.shared.hasFormula(key, i) ? `INDEX(${range},${unitPlace(fc, r)})` : null;
}

/** The rule cells of one unit's row; returns how many stayed values. */
function ruleFormulas(fc: FormulaCtx, r: number, i: number): number {
  let fallbackCells = 0;
  for (const k of fc.ctx.shownRules) {
    const span = fc.calcRange.get(k);
    const calc = sheetRef("calc");
    const rule = fc.ctx.scheme.rules[k];
    const formula = span
      ? // an exact match on the name (SUMIFS would read * ? ~ and a leading = < > in a name as criteria: issue 15.6)
        `SUMPRODUCT((${calc}!$B$${span.top + 1}:$B$${span.bottom + 1}=${a1(r, 1)})` +
        `*${calc}!$D$${span.top + 1}:$D$${span.bottom + 1})`
      : ownRowOf(rule)
        ? ownRowFormula(fc, k, r, i)
        : fc.f.rule(k, i);
    if (formula) fc.out.push({ row: r, col: fc.ruleCol.get(k)!, formula });
    else fallbackCells++;
  }
  return fallbackCells;
}

/**
 * Subtotals and the total of one unit's row. They round at the engine's place (TOTAL_DECIMALS), each from the rule
 * cells themselves, so that RANK.EQ sees the totals the engine ranked (equal exact totals stay equal, whatever
 * Excel's sum order).
 */
function totalFormulas(fc: FormulaCtx, r: number, i: number): void {
  const { scheme } = fc.ctx;
  const cellsOf = (pred: (k: number) => boolean) =>
    fc.ctx.shownRules.filter(pred).map((k) => a1(r, fc.ruleCol.get(k)!));
  const push = (col: number, formula: string) => fc.out.push({ row: r, col, formula });
  const rawGroups: string[] = [];
  for (const g of scheme.groups) {
    const parts = cellsOf((k) => scheme.rules[k].group === g.id && scheme.rules[k].role === "score");
    const raw = g.cap ? `MIN(${sum(parts)},${g.weight})` : sum(parts);
    push(tailCol(fc.ctx, `group:${g.id}`), R(raw));
    rawGroups.push(raw);
  }
  const ungrouped = cellsOf((k) => scheme.rules[k].role === "score" && !scheme.rules[k].group);
  const scoreRaw = [...rawGroups, ...ungrouped];
  const scoreCol = tailCol(fc.ctx, "score");
  if (scoreCol >= 0) push(scoreCol, R(scoreRaw.length ? scoreRaw.join("+") : "0"));
  const bonusCells = cellsOf((k) => scheme.rules[k].role === "bonus");
  const bonusCol = tailCol(fc.ctx, "bonus");
  if (bonusCol >= 0) push(bonusCol, R(sum(bonusCells)));
  const dedCells = cellsOf((k) => scheme.rules[k].role === "deduction");
  const dedCol = tailCol(fc.ctx, "deduction");
  if (dedCol >= 0) push(dedCol, R(sum(dedCells)));
  const baseCol = tailCol(fc.ctx, "base");
  if (baseCol >= 0 && scheme.total.base) {
    const t = fc.data.tables[scheme.entityTable];
    const ref = fc.f.ref(t, t.rows[i], scheme.total.base);
    if (ref) push(baseCol, ref);
  }
  const terms = [
    ...scoreRaw,
    bonusCells.length ? sum(bonusCells) : "",
    dedCells.length ? sum(dedCells) : "",
    baseCol >= 0 ? `N(${a1(r, baseCol)})` : "",
  ].filter(Boolean);
  push(fc.totalCol, R(terms.length ? terms.join("+") : "0"));
}

/**
 * The rank: RANK.EQ for competition ranking, RANK.AVG for average, a count over helper columns for the dense rank.
 * The rows are written best first, so while the totals still stand in that order (one shared cell checks it), a
 * competition or dense rank follows from the row above in one step (equal total: the same rank) instead of comparing
 * the whole column in every row; once an edit breaks the order, every row compares the column again.
 */
function rankFormula(fc: FormulaCtx, r: number): string {
  const total = a1(r, fc.totalCol);
  const ties = fc.ctx.scheme.ranking.ties;
  if (ties === "average") return `RANK.AVG(${total},${fc.totalRange},0)`;
  let full: string;
  if (ties === "competition") full = `RANK.EQ(${total},${fc.totalRange},0)`;
  else {
    const { totals, shares } = denseHelpers(fc);
    // the shares of the units tied on a total sum to 1 (up to the last bit: hence the ROUND to a whole place)
    full = `ROUND(1+SUMPRODUCT((${totals}>${total})*${shares}),0)`;
  }
  if (r === fc.first) return `IF(${inOrder(fc)},1,${full})`;
  const above = a1(r - 1, 0);
  // the place of row r in the written order as ROW()-…, so that every row reads the same in R1C1 (one formula a column)
  const next = ties === "competition" ? `ROW()-${fc.first}` : `${above}+1`;
  return `IF(${inOrder(fc)},IF(${total}=${a1(r - 1, fc.totalCol)},${above},${next}),${full})`;
}

/** One cell: TRUE while the totals of the ranked rows still stand best first (as written). */
function inOrder(fc: FormulaCtx): string {
  const { run } = fc.ctx;
  // counted once a plan (this is asked for every row)
  const ranked = fc.f.memo("inOrder.ranked", () => run.order.filter((i) => !run.entities[i].vetoed).length);
  if (ranked < 2) return "TRUE";
  const col = (top: number, bottom: number) =>
    `${sheetRef("summary")}!${absA1(top, fc.totalCol)}:${absA1(bottom, fc.totalCol)}`;
  const last = fc.first + ranked - 1;
  return fc.f.shared.cell(
    "inOrder",
    (tx) => tx("sheet.calc.inOrder"),
    () => ({
      formula: `SUMPRODUCT(--(${col(fc.first, last - 1)}<${col(fc.first + 1, last)}))=0`,
      value: true,
    }),
  );
}

/**
 * The dense rank's helpers on the calc sheet, a row per unit: its total, and 1 / the number of units with that total
 * (0 without one), so that a rank cell counts the distinct higher totals in one pass.
 */
function denseHelpers(fc: FormulaCtx): { totals: string; shares: string } {
  const { run } = fc.ctx;
  const at = (i: number) => `${sheetRef("summary")}!${absA1(fc.first + fc.pos[i], fc.totalCol)}`;
  const all = `${sheetRef("summary")}!${fc.totalRange}`;
  const ties = fc.f.memo("dense.ties", () => {
    const m = new Map<number, number>();
    for (const e of run.entities) if (!e.vetoed) m.set(e.total, (m.get(e.total) ?? 0) + 1);
    return m;
  });
  const live = (i: number) => !run.entities[i].vetoed;
  const totals = fc.f.shared.column(
    "dense.total",
    (tx) => tx("sheet.calc.total"),
    (i) => ({
      formula: at(i),
      value: live(i) ? run.entities[i].total : 0,
    }),
  );
  const shares = fc.f.shared.column(
    "dense.share",
    (tx) => tx("sheet.calc.tieShare"),
    (i) => ({
      formula: `IF(ISNUMBER(${at(i)}),1/COUNTIF(${all},${at(i)}),0)`,
      value: live(i) ? 1 / ties.get(run.entities[i].total)! : 0,
    }),
  );
  return { totals, shares };
}

/** How many units have a total (the grades' percentile base): one cell every grade reads. */
function totalCount(fc: FormulaCtx): string {
  return fc.f.shared.cell(
    "totalCount",
    (tx) => tx("sheet.calc.totalCount"),
    () => ({
      formula: `COUNT(${sheetRef("summary")}!${fc.totalRange})`,
      value: fc.ctx.run.entities.filter((e) => !e.vetoed).length,
    }),
  );
}

/** The grade by percentile band or by score cut-off, as nested IFs (competition ranking only). */
function gradeFormula(fc: FormulaCtx, r: number): void {
  const { scheme, w } = fc.ctx;
  const gradeCol = tailCol(fc.ctx, "grade");
  if (gradeCol < 0 || !scheme.grading || scheme.ranking.ties !== "competition") return;
  const g = scheme.grading;
  const test = (j: number) =>
    g.method === "percentile"
      ? `${a1(r, 0)}<=ROUND(${g.bands[j]}*${totalCount(fc)},0)`
      : `${a1(r, fc.totalCol)}>=${g.bands[j]}`;
  fc.out.push({
    row: r,
    col: gradeCol,
    formula: g.bands.reduceRight(
      (acc, _b, j) => `IF(${test(j)},${formulaString(w(g.labels[j]))},${acc})`,
      formulaString(w(g.labels[g.labels.length - 1])),
    ),
  });
}

/** The sentence the summary shows about its formulas: live, what the calc sheet holds, which cells stayed values. */
function liveNote(fc: FormulaCtx, fallbackCells: number, calcName: string): string {
  const { tx } = fc.ctx;
  const why = [...fc.f.fallbacks]
    .map(([w, c]) => tx("sheet.note.fallbackCount", { why: w, n: c }))
    .join(tx("sheet.listSep"));
  const calc =
    (fc.calcRange.size ? tx("sheet.note.liveCalc", { sheet: calcName }) : "") +
    (fc.f.shared.size ? tx("sheet.note.liveShared", { sheet: calcName }) : "");
  const fallback = fallbackCells ? tx("sheet.note.liveFallback", { n: fallbackCells, why }) : "";
  return tx("sheet.note.live", { calc, fallback });
}

/** Put live formulas over the summary's values; returns the sentence the sheet shows about them. */
export function summaryFormulas(
  ctx: PlanCtx,
  sheet: PlanSheet,
  first: number,
  src: { data: Dataset; sheets: readonly SheetData[] },
  calc: PlanSheet,
): string {
  const { scheme, run } = ctx;
  const f = new Formulas({ scheme, run, data: src.data, sheets: src.sheets });
  const calcRange = calcRows(ctx, f, calc);
  const totalCol = tailCol(ctx, "total");
  const col = a1(first, totalCol).replace(/\d+$/, "");
  const fc: FormulaCtx = {
    ctx,
    f,
    data: src.data,
    first,
    sheet,
    placeCol: 2 + ctx.shownRules.length + ctx.tail.length,
    placeMade: false,
    calcName: calc.name,
    ruleCol: new Map(ctx.shownRules.map((k, j) => [k, 2 + j])),
    totalCol,
    totalRange: `$${col}$${first + 1}:$${col}$${first + run.order.length}`,
    pos: positions(run.order, run.entities.length),
    calcRange,
    out: [],
  };
  let fallbackCells = 0;
  run.order.forEach((i, pos) => {
    const r = first + pos;
    if (run.entities[i].vetoed) return;
    fallbackCells += ruleFormulas(fc, r, i);
    totalFormulas(fc, r, i);
    fc.out.push({ row: r, col: 0, formula: rankFormula(fc, r) });
    gradeFormula(fc, r);
  });
  sheet.formulas = fc.out;
  f.shared.layout(calc, ctx.tx, ctx.w);
  return liveNote(fc, fallbackCells, calc.name);
}
