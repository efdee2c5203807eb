/**
 * Result sheets of the target tools, as plans for the workbook port: the filled table in the annex's printed layout
 * (目标分解), the progress sheet with live formulas and conditional formatting (进度跟踪), the per-project threshold
 * check (项目约束核查), and the input sheets (templates and samples). Pure.
 */
import { newSheet, type PlanSheet, type PlanValue } from "../output/sheet-plan";
import { colLetters } from "../read/normalise";
import { t, type TextKey } from "../i18n";
import { schemeWord, type HasGlossary } from "../i18n/scheme-words";
import type { TargetSchemeT, TableIndicatorT, TargetTableT } from "./schema";
import type { FillProposal, TotalFix } from "./fill";
import type { Period, TrackRow, TrackRun, TrackTarget } from "./track";
import { REPORTED_STATUS } from "./track";
import { wordingText } from "./wording";
import { projectFailing, type ProjectResult } from "./responsibility";
import type { Lang } from "../types";

/** a sheet name quoted for a formula */
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

const rect = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

/** What every builder of a target sheet needs: the language and the scheme's words in it. */
interface Words {
  lang: Lang;
  /** a word of the target scheme (indicator, unit, title, department) in the sheet's language */
  word: (zh: string) => string;
}

function wordsOf(scheme: HasGlossary | undefined, lang: Lang): Words {
  return { lang, word: (zh) => (scheme ? schemeWord(scheme, lang, zh) : zh) };
}

/** Each column's indicator, looked up once. */
type Indicators = Map<string, TableIndicatorT>;

/** Title and the two header rows: 开发区 merged down; each indicator merged across its years. */
function fillHeader(s: PlanSheet, spec: TargetTableT, p: FillProposal, byId: Indicators, x: Words): void {
  const w = p.columns.length + 1;
  s.values.push([x.word(spec.title)]);
  s.merges.push(rect(0, 0, 0, w - 1));
  s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
  // a year-less column gets its unit
  const h1: PlanValue[] = [x.word(spec.unitHeader[0])];
  const h2: PlanValue[] = [null];
  s.merges.push(rect(1, 0, 2, 0));
  p.columns.forEach((c, j) => {
    const ind = byId.get(c.indicator)!;
    const first = j === 0 || p.columns[j - 1].indicator !== c.indicator;
    const name = x.word(ind.name);
    const unit = x.word(ind.unit);
    h1.push(first ? (c.year === null ? name : t(x.lang, "targets.fill.indicator", { name, unit })) : null);
    h2.push(
      c.year === null ? t(x.lang, "targets.fill.amount", { unit }) : t(x.lang, "targets.fill.year", { year: c.year }),
    );
    if (first) {
      let k = j;
      while (k + 1 < p.columns.length && p.columns[k + 1].indicator === c.indicator) k++;
      if (k > j) s.merges.push(rect(1, j + 1, 1, k + 1));
    }
  });
  s.values.push(h1, h2);
  s.styles.push({ rect: rect(1, 0, 2, w - 1), style: "header" });
}

/** The units (proposals in yellow) and the 总计 row of SUM formulas, each column in its table's precision. */
function fillBody(s: PlanSheet, p: FillProposal, byId: Indicators, lang: Lang): void {
  const w = p.columns.length + 1;
  const top = 3;
  p.units.forEach((u, i) => {
    s.values.push([u, ...p.values[i]]);
    p.source[i].forEach((src, j) => {
      if (src === "proposed") s.styles.push({ rect: rect(top + i, j + 1, top + i, j + 1), style: "top" });
    });
  });
  const bottom = top + p.units.length - 1;
  const totalRow = bottom + 1;
  s.values.push([t(lang, "targets.total"), ...p.totals]);
  p.columns.forEach((_, j) => {
    const L = colLetters(j + 1);
    s.formulas = s.formulas ?? [];
    s.formulas.push({ row: totalRow, col: j + 1, formula: `SUM(${L}${top + 1}:${L}${bottom + 1})` });
  });
  s.styles.push({ rect: rect(totalRow, 0, totalRow, w - 1), style: "header" });
  p.columns.forEach((c, j) => {
    const ind = byId.get(c.indicator)!;
    s.numberFormats.push({
      rect: rect(top, j + 1, totalRow, j + 1),
      format: ind.decimals ? `0.${"0".repeat(ind.decimals)}` : "0",
    });
  });
}

/** How the table was made, in the sheet itself: method, rounding, each indicator's source, each 总计 that differs. */
function fillNotes(spec: TargetTableT, p: FillProposal, fixes: TotalFix[], byId: Indicators, x: Words): string[] {
  const { lang, word } = x;
  const notes: string[] = [
    t(lang, "targets.fill.note", {
      path: t(lang, `targets.fill.path.${p.method}`),
      allocate: t(lang, `targets.fill.allocate.${p.allocate}`),
    }),
    t(lang, "targets.fill.rounding"),
  ];
  for (const ind of spec.indicators)
    notes.push(t(lang, "targets.fill.cite", { name: word(ind.name), cite: word(ind.cite) }));
  for (const f of fixes) {
    const ind = byId.get(f.indicator)!;
    notes.push(
      t(lang, "targets.fill.totalCheck", {
        label: t(lang, "targets.fill.label", { name: word(ind.name), year: f.year ?? "" }),
        printed: f.printed,
        cell: f.cell ?? "",
        sum: f.sum,
        setTotal: f.setTotal,
        members: f.members.join(t(lang, "targets.list")),
      }),
    );
  }
  return notes;
}

/** Notes below a table, one merged wrapping row each. */
function pushNotes(s: PlanSheet, notes: readonly string[], w: number): void {
  s.values.push([]);
  for (const n of notes) {
    s.values.push([n]);
    const r = s.values.length - 1;
    s.merges.push(rect(r, 0, r, w - 1));
    s.styles.push({ rect: rect(r, 0, r, w - 1), style: "wrap" });
    s.rowHeights = [...(s.rowHeights ?? []), { row: r, height: 30 }];
  }
}

/** The filled table in the annex's own layout: title, two-row merged header, the units, a 总计 row of SUM formulas. */
export function fillPlan(scheme: TargetSchemeT, p: FillProposal, fixes: TotalFix[], lang: Lang = "zh"): PlanSheet {
  const spec = scheme.table!;
  const x = wordsOf(scheme, lang);
  const s = newSheet("targets.fill", t(lang, "targets.fill.sheet"));
  const byId: Indicators = new Map(spec.indicators.map((i) => [i.id, i]));
  fillHeader(s, spec, p, byId, x);
  fillBody(s, p, byId, lang);
  pushNotes(s, fillNotes(spec, p, fixes, byId, x), p.columns.length + 1);
  // a label over a single column (每年新开工建设工业项目, 新增上市…企业) wraps: a wider column and a taller header row
  const single = (j: number) =>
    (j === 0 || p.columns[j - 1].indicator !== p.columns[j].indicator) &&
    (j === p.columns.length - 1 || p.columns[j + 1].indicator !== p.columns[j].indicator);
  s.widths = [30, ...p.columns.map((_, j) => (single(j) ? 16 : 11))];
  s.rowHeights = [...(s.rowHeights ?? []), { row: 0, height: 28 }, { row: 1, height: 48 }, { row: 2, height: 20 }];
  s.freeze = { rows: 3, cols: 1 };
  s.print = { titleRows: [1, 2], landscape: true };
  return s;
}

const STATUS_KEY: Record<string, "done" | "ahead" | "behind" | "none"> = {
  已完成: "done",
  超序时进度: "ahead",
  滞后: "behind",
  未报送: "none",
};

/** A status in the user's language (for the JSON, the pane and the sheets); a word the unit typed stays as typed. */
export function statusText(status: string, lang: Lang): string {
  const k = STATUS_KEY[status];
  return k ? t(lang, `targets.status.${k}`) : status;
}

export interface TrackPlanOptions {
  lang?: Lang;
  title: string;
  /** the target scheme, for its words in English (a glossary) and its notes (its readings, written under the table) */
  scheme?: HasGlossary & { notes?: readonly string[] };
}

/** The progress sheet's layout: where each block sits, and the words it writes, shared by its builders. */
interface TrackCtx extends Words {
  s: PlanSheet;
  run: TrackRun;
  formulas: NonNullable<PlanSheet["formulas"]>;
  /** the status words the formulas write, in the sheet's language */
  W: { done: string; ahead: string; behind: string; none: string };
  np: number;
  trendCol: number;
  compCol: number;
  rankCol: number;
  /** the sheet's width */
  w: number;
  /** the 时序进度 row; the first and last target rows */
  TP: number;
  first: number;
  lastRow: number;
  /** a cell of the actuals sheet, for a formula */
  ref: (cell: string | undefined) => string | null;
}

/** 序号 单位 指标 目标 目标值 类型, then four columns per period */
const FIXED_COLS = 6;
const PER = 4;
const H1 = 2;

function trackCtx(s: PlanSheet, run: TrackRun, opts: TrackPlanOptions): TrackCtx {
  const lang = opts.lang ?? "zh";
  const np = run.periods.length;
  const trendCol = FIXED_COLS + PER * np;
  const TP = H1 + 2;
  const src = run.actualsSheet ? quoteSheet(run.actualsSheet) : null;
  s.formulas = [];
  return {
    ...wordsOf(opts.scheme, lang),
    s,
    run,
    formulas: s.formulas,
    W: {
      done: statusText("已完成", lang),
      ahead: statusText("超序时进度", lang),
      behind: statusText("滞后", lang),
      none: statusText("未报送", lang),
    },
    np,
    trendCol,
    compCol: trendCol + 1,
    rankCol: trendCol + 2,
    w: trendCol + 3,
    TP,
    first: TP + 1,
    lastRow: TP + run.rows.length,
    ref: (cell) => (src && cell ? `${src}!${cell}` : null),
  };
}

const periodText = (lang: Lang, p: Period) => t(lang, "targets.period", { label: p.label, key: p.key });

/** The title, the note on how statuses are judged, and the two header rows. */
function trackHeader(c: TrackCtx, title: string): void {
  const { s, run, lang, w } = c;
  const last = run.periods[c.np - 1];
  s.values.push([t(lang, "targets.track.title", { title, label: last.label, key: last.key })]);
  s.merges.push(rect(0, 0, 0, w - 1));
  s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
  s.values.push([
    t(lang, "targets.track.note", { pct: Math.round(run.tolerance * 100), sheet: run.actualsSheet ?? "" }),
  ]);
  s.merges.push(rect(1, 0, 1, w - 1));
  s.styles.push({ rect: rect(1, 0, 1, w - 1), style: "wrap" });
  s.rowHeights = [{ row: 1, height: 45 }];
  const col = (k: string) => t(lang, `targets.col.${k}` as TextKey);
  const h1: PlanValue[] = ["no", "unit", "indicator", "target", "value", "kind"].map(col);
  const h2: PlanValue[] = new Array(FIXED_COLS).fill(null);
  for (let k = 0; k < FIXED_COLS; k++) s.merges.push(rect(H1, k, H1 + 1, k));
  run.periods.forEach((p, k) => {
    const c0 = FIXED_COLS + PER * k;
    h1.push(periodText(lang, p), null, null, null);
    h2.push(...["cumulative", "lastYear", "rate", "status"].map(col));
    s.merges.push(rect(H1, c0, H1, c0 + PER - 1));
  });
  h1.push(col("trend"), col("completion"), col(run.rankBy === "indicator" ? "rankSame" : "rank"));
  h2.push(null, null, null);
  for (const k of [c.trendCol, c.compCol, c.rankCol]) s.merges.push(rect(H1, k, H1 + 1, k));
  s.values.push(h1, h2);
  s.styles.push({ rect: rect(H1, 0, H1 + 1, w - 1), style: "header" });
}

/** 时序进度 in its own row above the data, as a formula (months/12). */
function timeProgressRow(c: TrackCtx): void {
  const { s, TP } = c;
  const row: PlanValue[] = [null, null, t(c.lang, "targets.track.timeProgress"), null, null, null];
  c.run.periods.forEach((p, k) => {
    const c0 = FIXED_COLS + PER * k;
    row.push(null, null, p.progress, null);
    c.formulas.push({ row: TP, col: c0 + 2, formula: `${p.months}/12` });
    s.numberFormats.push({ rect: rect(TP, c0 + 2, TP, c0 + 2), format: "0.0%" });
  });
  s.values.push(row);
  s.styles.push({ rect: rect(TP, 0, TP, c.w - 1), style: "note" });
}

/** A target's words as printed: its wording with the unit in the sheet's language, or "by status". */
function targetWords(c: TrackCtx, t0: TrackTarget): string {
  if (t0.kind === "status") return t(c.lang, "targets.track.byStatus");
  return wordingText({ ...t0, unit: c.word(t0.unit_) }, c.run.tolerance, c.lang);
}

/** The cells of one target in one period: references to the actuals, the rate and the status as formulas. */
interface PeriodCells {
  r: number;
  k: number;
  /** 累计完成, 上年同期, 完成率 or 增速 (this row), 时序进度 (its row), 目标值 */
  A: string;
  L: string;
  RT: string;
  T: string;
  E: string;
}

/** A task tracked by status: a reported word counts as one of the three statuses, other words stay as typed. */
function statusFormula(c: TrackCtx, q: PeriodCells): void {
  const { A } = q;
  const { W } = c;
  const words = (k: string) => REPORTED_STATUS[k].map((x) => `${A}="${x}"`).join(",");
  c.formulas.push({
    row: q.r,
    col: FIXED_COLS + PER * q.k + 3,
    formula:
      `IF(${A}="","${W.none}",IF(OR(${words("已完成")}),"${W.done}",` +
      `IF(OR(${words("超序时进度")}),"${W.ahead}",IF(OR(${words("滞后")}),"${W.behind}",${A}))))`,
  });
}

/** A growth target: 增速 = 累计 ÷ 上年同期 − 1 against the target rate. */
function growthFormulas(c: TrackCtx, t0: TrackTarget, q: PeriodCells): void {
  const { A, L, RT, T, E } = q;
  const { W } = c;
  const c0 = FIXED_COLS + PER * q.k;
  const tol = c.run.tolerance;
  c.formulas.push({ row: q.r, col: c0 + 2, formula: `IF(OR(${A}="",${L}="",N(${L})=0),"",${A}/${L}-1)` });
  const met =
    t0.direction === "band" ? `${RT}>=${E}*(1-${tol})` : t0.direction === "above" ? `${RT}>${E}` : `${RT}>=${E}`;
  c.formulas.push({
    row: q.r,
    col: c0 + 3,
    formula: `IF(${RT}="","${W.none}",IF(${met},IF(${T}>=1,"${W.done}","${W.ahead}"),"${W.behind}"))`,
  });
  c.s.numberFormats.push({ rect: rect(q.r, c0 + 2, q.r, c0 + 2), format: "0.0%" });
}

/** A level target: 完成率 = 累计 ÷ 目标, judged against 时序进度 when the target is cumulative. */
function levelFormulas(c: TrackCtx, t0: TrackTarget, q: PeriodCells): void {
  const { A, T, E } = q;
  const { W } = c;
  const c0 = FIXED_COLS + PER * q.k;
  const tol = c.run.tolerance;
  c.formulas.push({ row: q.r, col: c0 + 2, formula: `IF(OR(${A}="",N(${E})=0),"",${A}/${E})` });
  c.s.numberFormats.push({ rect: rect(q.r, c0 + 2, q.r, c0 + 2), format: "0.0%" });
  const full = c.run.periods[q.k].progress >= 1;
  const progress = t0.cumulative ? T : "1";
  let formula: string;
  if (t0.direction === "atMost")
    formula = `IF(${A}="","${W.none}",IF(${A}<=${E},IF(${T}>=1,"${W.done}","${W.ahead}"),"${W.behind}"))`;
  else {
    const low = t0.direction === "band" ? `${E}*(1-${tol})` : E;
    const done = t0.direction === "above" ? `${A}>${E}` : `${A}>=${low}`;
    const doneText = t0.cumulative || full ? `"${W.done}"` : `IF(${T}>=1,"${W.done}","${W.ahead}")`;
    formula =
      `IF(${A}="","${W.none}",IF(${done},${doneText},` +
      `IF(AND(${low}>0,${A}/(${low})>=${progress},${T}<1),"${W.ahead}","${W.behind}")))`;
  }
  c.formulas.push({ row: q.r, col: c0 + 3, formula });
}

/** One period of one target: its values, and formulas on the actuals sheet for the actual, last year and status. */
function periodCells(c: TrackCtx, row: TrackRow, r: number, vals: PlanValue[]): void {
  const t0 = row.target;
  const R = r + 1;
  row.cells.forEach((cell, k) => {
    const c0 = FIXED_COLS + PER * k;
    const q: PeriodCells = {
      r,
      k,
      A: `${colLetters(c0)}${R}`,
      L: `${colLetters(c0 + 1)}${R}`,
      RT: `${colLetters(c0 + 2)}${R}`,
      T: `${colLetters(c0 + 2)}$${c.TP + 1}`,
      E: `$E${R}`,
    };
    vals.push(cell.actual, cell.lastYear, cell.rate, statusText(String(cell.status), c.lang));
    const ra = c.ref(cell.actualCell);
    const rl = c.ref(cell.lastYearCell);
    if (ra) c.formulas.push({ row: r, col: c0, formula: `IF(${ra}="","",${ra})` });
    if (rl) c.formulas.push({ row: r, col: c0 + 1, formula: `IF(${rl}="","",${rl})` });
    if (t0.kind === "status") statusFormula(c, q);
    else if (t0.kind === "growth") growthFormulas(c, t0, q);
    else levelFormulas(c, t0, q);
  });
}

/** Trend (this period's rate against the previous one), completion (growth ÷ target growth) and rank. */
function trendAndRank(c: TrackCtx, row: TrackRow, i: number, r: number, vals: PlanValue[]): void {
  const { np, first, lastRow } = c;
  const t0 = row.target;
  const R = r + 1;
  const E = `$E${R}`;
  const lastC = row.cells[row.cells.length - 1];
  const prevC = row.cells.length > 1 ? row.cells[row.cells.length - 2] : null;
  const trend = lastC.rate !== null && prevC && prevC.rate !== null ? lastC.rate - prevC.rate : null;
  vals.push(trend, lastC.completion, c.run.rank[i]);
  const rateOf = (k: number) => `${colLetters(FIXED_COLS + PER * k + 2)}${R}`;
  if (np > 1) {
    const a = rateOf(np - 1);
    const b = rateOf(np - 2);
    c.formulas.push({ row: r, col: c.trendCol, formula: `IF(OR(${a}="",${b}=""),"",${a}-${b})` });
  }
  const rt = rateOf(np - 1);
  if (t0.kind === "growth")
    c.formulas.push({ row: r, col: c.compCol, formula: `IF(OR(${rt}="",N(${E})<=0),"",${rt}/${E})` });
  else if (t0.kind === "level") c.formulas.push({ row: r, col: c.compCol, formula: `IF(${rt}="","",${rt})` });
  const C = `${colLetters(c.compCol)}`;
  const col = `${C}$${first + 1}:${C}$${lastRow + 1}`;
  c.formulas.push({
    row: r,
    col: c.rankCol,
    formula:
      c.run.rankBy === "all"
        ? `IF(ISNUMBER(${C}${R}),RANK(${C}${R},${col}),"")`
        : `IF(ISNUMBER(${C}${R}),SUMPRODUCT(($C$${first + 1}:$C$${lastRow + 1}=$C${R})` +
          `*ISNUMBER(${col})*(${col}>${C}${R}))+1,"")`,
  });
}

/** One target's row. */
function targetRow(c: TrackCtx, row: TrackRow, i: number): void {
  const r = c.first + i;
  const t0 = row.target;
  const vals: PlanValue[] = [
    i + 1,
    c.word(t0.unit),
    c.word(t0.name),
    targetWords(c, t0),
    t0.kind === "growth" ? (t0.value ?? 0) / 100 : (t0.value ?? null),
    t(c.lang, `targets.kind.${t0.kind}`),
  ];
  if (t0.kind === "growth") c.s.numberFormats.push({ rect: rect(r, 4, r, 4), format: "0%" });
  periodCells(c, row, r, vals);
  trendAndRank(c, row, i, r, vals);
  c.s.values.push(vals);
}

/** Number formats of the trend and completion columns; the status cells coloured by conditional formatting. */
function trackFormats(c: TrackCtx): void {
  const { s, first, lastRow, W } = c;
  if (!c.run.rows.length) return;
  s.numberFormats.push({ rect: rect(first, c.trendCol, lastRow, c.trendCol), format: '"▲"0.0%;"▼"0.0%;"—"' });
  s.numberFormats.push({ rect: rect(first, c.compCol, lastRow, c.compCol), format: "0.0%" });
  c.run.periods.forEach((_, k) => {
    const col = FIXED_COLS + PER * k + 3;
    const a = `${colLetters(col)}${first + 1}`;
    const area = rect(first, col, lastRow, col);
    s.conditional = s.conditional ?? [];
    s.conditional.push(
      { rect: area, formula: `${a}="${W.behind}"`, tone: "bad" },
      { rect: area, formula: `${a}="${W.ahead}"`, tone: "good" },
      { rect: area, formula: `${a}="${W.done}"`, tone: "ok" },
    );
  });
}

/** A subtitle row across the sheet. */
function subtitle(c: TrackCtx, text: string): void {
  c.s.values.push([]);
  const r = c.s.values.length;
  c.s.values.push([text]);
  c.s.styles.push({ rect: rect(r, 0, r, c.w - 1), style: "subtitle" });
  c.s.merges.push(rect(r, 0, r, c.w - 1));
}

/** The lagging list, as of writing (the table above stays live). */
function laggingList(c: TrackCtx): void {
  const { s, run, lang } = c;
  const last = run.periods[c.np - 1];
  subtitle(c, t(lang, "targets.track.lagging", { label: last.label, key: last.key }));
  if (!run.lagging.length) s.values.push([t(lang, "targets.none")]);
  for (const i of run.lagging) {
    const row = run.rows[i];
    const cell = row.cells[row.cells.length - 1];
    const t0 = row.target;
    s.values.push([
      i + 1,
      c.word(t0.unit),
      c.word(t0.name),
      wordingText({ ...t0, unit: c.word(t0.unit_) }, run.tolerance, lang),
      null,
      null,
      cell.actual,
      null,
      cell.rate,
    ]);
    s.numberFormats.push({ rect: rect(s.values.length - 1, 8, s.values.length - 1, 8), format: "0.0%" });
  }
}

/** Per unit: targets led and co-owned, and how many are behind (live COUNTIFS on the table). */
function unitSummary(c: TrackCtx): void {
  const { s, run, lang, first, lastRow, W } = c;
  const units = [...new Set(run.rows.map((r) => r.target.unit).filter(Boolean))];
  if (units.length <= 1) return;
  subtitle(c, t(lang, "targets.track.byUnit"));
  const hr = s.values.length;
  const heads = ["unit", "leads", "coOwns", "behindLead", "doneLead"];
  s.values.push([null, ...heads.map((k) => t(lang, `targets.col.${k}` as TextKey))]);
  s.styles.push({ rect: rect(hr, 1, hr, 5), style: "header" });
  const statusL = colLetters(FIXED_COLS + PER * (c.np - 1) + 3);
  const lastStatus = (x: TrackRow) => x.cells[x.cells.length - 1].status;
  for (const u of units) {
    const r = s.values.length;
    const lead = run.rows.filter((x) => x.target.unit === u);
    const co = run.rows.filter((x) => x.target.co.includes(u)).length;
    const behind = lead.filter((x) => lastStatus(x) === "滞后").length;
    const done = lead.filter((x) => lastStatus(x) === "已完成").length;
    s.values.push([null, c.word(u), lead.length, co, behind, done]);
    const B = `$B$${first + 1}:$B$${lastRow + 1}`;
    const S = `$${statusL}$${first + 1}:$${statusL}$${lastRow + 1}`;
    c.formulas.push({ row: r, col: 2, formula: `COUNTIF(${B},B${r + 1})` });
    c.formulas.push({ row: r, col: 4, formula: `COUNTIFS(${B},B${r + 1},${S},"${W.behind}")` });
    c.formulas.push({ row: r, col: 5, formula: `COUNTIFS(${B},B${r + 1},${S},"${W.done}")` });
  }
}

/**
 * 进度跟踪: one row per target; per period 累计完成 and 上年同期 (formulas on the actuals sheet), 完成率 or 增速,
 * 状态; then 趋势 and 排名. 时序进度 sits in its own row above the data, as a formula (months/12).
 */
export function trackPlan(run: TrackRun, opts: TrackPlanOptions): PlanSheet {
  const s = newSheet("targets.track", t(opts.lang ?? "zh", "targets.track.sheet"));
  const c = trackCtx(s, run, opts);
  trackHeader(c, opts.title);
  timeProgressRow(c);
  run.rows.forEach((row, i) => targetRow(c, row, i));
  trackFormats(c);
  laggingList(c);
  unitSummary(c);
  s.widths = [6, 18, 28, 22, 10, 8, ...run.periods.flatMap(() => [11, 11, 11, 11]), 12, 10, 10];
  // the scheme's readings, said in the result: what the policy leaves silent or unquantified, and how it is read
  if (opts.scheme?.notes?.length) pushNotes(s, opts.scheme.notes.map(c.word), s.widths.length);
  s.freeze = { rows: c.TP + 1, cols: 3 };
  s.print = { titleRows: [H1, H1 + 1], landscape: true };
  return s;
}

/** 项目约束核查: each project's values against the thresholds, pass/fail as live formulas, failing ones named. */
export function projectPlan(
  scheme: TargetSchemeT,
  results: ProjectResult[],
  source: { sheet: string; cells: string[][] } | null,
  lang: Lang = "zh",
): PlanSheet {
  const pc = scheme.projectCheck!;
  const { word } = wordsOf(scheme, lang);
  const s = newSheet("targets.projects", t(lang, "targets.projects.sheet"));
  const formulas: NonNullable<PlanSheet["formulas"]> = (s.formulas = []);
  const th = pc.thresholds;
  const w = th.length + 3;
  const [pass, fail] = [t(lang, "targets.projects.pass"), t(lang, "targets.projects.fail")];
  s.values.push([word(pc.name)]);
  s.merges.push(rect(0, 0, 0, w - 1));
  s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
  s.values.push([word(pc.cite)]);
  s.merges.push(rect(1, 0, 1, w - 1));
  s.styles.push({ rect: rect(1, 0, 1, w - 1), style: "wrap" });
  s.rowHeights = [{ row: 1, height: 30 }];
  s.values.push([
    t(lang, "targets.projects.project"),
    ...th.map((x) => t(lang, "targets.projects.threshold", { name: word(x.name), unit: word(x.unit), min: x.min })),
    t(lang, "targets.projects.result"),
    t(lang, "targets.projects.failing"),
  ]);
  s.styles.push({ rect: rect(2, 0, 2, w - 1), style: "header" });
  const src = source ? quoteSheet(source.sheet) : null;
  results.forEach((p, i) => {
    const r = 3 + i;
    const R = r + 1;
    const missing = p.missing.map((m) => t(lang, "targets.projects.missing", { name: word(m) }));
    const short = [...projectFailing(p, th, word), ...missing].join(t(lang, "targets.projects.sep"));
    s.values.push([p.name, ...p.values, p.pass ? pass : fail, short]);
    th.forEach((_, k) => {
      const cell = source?.cells[i]?.[k];
      if (src && cell) formulas.push({ row: r, col: k + 1, formula: `IF(${src}!${cell}="","",${src}!${cell})` });
    });
    const conds = th.map((x, k) => `AND(ISNUMBER(${colLetters(k + 1)}${R}),${colLetters(k + 1)}${R}>=${x.min})`);
    formulas.push({ row: r, col: th.length + 1, formula: `IF(AND(${conds.join(",")}),"${pass}","${fail}")` });
  });
  if (results.length) {
    const c = th.length + 1;
    const a = `${colLetters(c)}4`;
    s.conditional = [
      { rect: rect(3, c, 2 + results.length, c), formula: `${a}="${fail}"`, tone: "bad" },
      { rect: rect(3, c, 2 + results.length, c), formula: `${a}="${pass}"`, tone: "good" },
    ];
  }
  s.widths = [30, ...th.map(() => 16), 10, 40];
  s.freeze = { rows: 3, cols: 1 };
  return s;
}

/** The actuals sheet (月度调度): 编号, 责任单位, 指标, 年度目标, and per period 累计完成 / 上年同期. */
export function actualsSheet(
  targets: readonly TrackTarget[],
  periods: readonly Period[],
  data: Record<string, Array<[number | string | null, number | null]>> = {},
  title = "",
  tolerance = 0.05,
): PlanSheet {
  const s = newSheet("actuals", "月度调度");
  const w = 4 + periods.length * 2;
  let top = 0;
  if (title) {
    s.values.push([title]);
    s.merges.push(rect(0, 0, 0, w - 1));
    s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
    top = 1;
  }
  s.values.push(["编号", "责任单位", "指标", "年度目标", ...periods.flatMap((p) => [p.label, null])]);
  s.values.push([null, null, null, null, ...periods.flatMap(() => ["累计完成", "上年同期"])]);
  for (let c = 0; c < 4; c++) s.merges.push(rect(top, c, top + 1, c));
  periods.forEach((_, k) => s.merges.push(rect(top, 4 + 2 * k, top, 5 + 2 * k)));
  s.styles.push({ rect: rect(top, 0, top + 1, w - 1), style: "header" });
  for (const t of targets) {
    const d = data[t.id] ?? [];
    s.values.push([
      t.id,
      t.unit,
      t.name,
      t.kind === "status" ? "按状态" : wordingText({ ...t, unit: t.unit_ }, tolerance),
      ...periods.flatMap((_, k) => [d[k]?.[0] ?? null, d[k]?.[1] ?? null]),
    ]);
  }
  s.widths = [9, 18, 30, 22, ...periods.flatMap(() => [11, 11])];
  s.freeze = { rows: top + 2, cols: 3 };
  return s;
}
