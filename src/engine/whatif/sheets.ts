/**
 * Result-plan sheets for what-if: 敏感性分析 (each unit's rank over the sensitivity runs, the top three's stability,
 * the indicators the ranking is most sensitive to) and 情景对比 (each scenario's totals and ranks per unit and the
 * differences from the baseline; the differences are formulas on the sheet's own cells, so a corrected figure there
 * follows). Pure plan data, written by either adapter like the other result sheets.
 */
import type { Scheme } from "../scheme/schema";
import type { ScoreRun } from "../score/result";
import type { Lang } from "../types";
import { newSheet, rectangular, type PlanSheet, type PlanValue } from "../output/sheet-plan";
import type { SensitivityResult } from "./sensitivity";
import type { SavedScenario } from "./scenario";
import { t, type TextKey, type Vars } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";

function colName(c: number): string {
  let s = "";
  for (let x = c + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function title(s: PlanSheet, text: string, sub: string, width: number) {
  s.values.push([text], [sub]);
  s.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: width - 1 }, style: "title" });
  s.styles.push({ rect: { top: 1, left: 0, bottom: 1, right: width - 1 }, style: "subtitle" });
  s.merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 }, { top: 1, left: 0, bottom: 1, right: width - 1 });
}

function header(s: PlanSheet, cols: string[]) {
  const r = s.values.length;
  s.values.push(cols);
  s.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: "header" });
  return r;
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/** The sensitivity sheet's words: the catalogue's and the scheme's, in the sheet's language. */
interface SensWords {
  w: (k: TextKey, v?: Vars) => string;
  word: (zh: string) => string;
  /** the (b) analysis, named with its parameters */
  weights: string;
  /** the scheme's name */
  scheme: string;
}

/** Per unit, in ranking order: baseline rank and total, the median and 5–95 % ranks over all runs and per analysis. */
function sensitivityUnits(s: PlanSheet, run: ScoreRun, res: SensitivityResult, x: SensWords): void {
  const { w } = x;
  const interval = (name: string) => `${name.slice(0, 3)} ${w("whatif.interval")}`;
  const cols = [
    ...["baseRank", "unit", "baseTotal", "median", "p5", "p95"].map((k) => w(`whatif.${k}` as TextKey)),
    interval(w("whatif.readings")),
    interval(x.weights),
    interval(w("whatif.leaveOut")),
  ];
  const heading = w("whatif.sheetTitle", {
    scheme: x.scheme,
    title: w("whatif.sensTitle"),
    year: run.year,
  });
  title(s, heading, w("whatif.sensNote", { pct: res.pct }), cols.length);
  const h = header(s, cols);
  s.freeze = { rows: h + 1, cols: 2 };
  const iv = (v: { p5: number; p95: number } | null) => (v ? `${v.p5}–${v.p95}` : null);
  for (const i of run.order) {
    const u = res.units[i];
    const all = u.all;
    const total = u.baseRank === null ? null : u.baseTotal;
    s.values.push([u.baseRank, u.name, total, all?.median ?? null, all?.p5 ?? null, all?.p95 ?? null]);
    s.values[s.values.length - 1].push(iv(u.readings), iv(u.weights), iv(u.leaveOut));
  }
  const last = s.values.length - 1;
  s.numberFormats.push({ rect: { top: h + 1, left: 2, bottom: last, right: 2 }, format: "0.00" });
}

/** The top three's stability per analysis, then the indicators and weights by influence. */
function sensitivityInfluence(s: PlanSheet, res: SensitivityResult, x: SensWords): void {
  const { w, word } = x;
  s.values.push([]);
  const h2 = header(s, [w("whatif.analysis"), w("whatif.runs"), w("whatif.top3Share")]);
  const share: Array<[string, number, number | null]> = [
    [w("whatif.readings"), res.runs.readings, res.top3Share.readings],
    [x.weights, res.runs.weights, res.top3Share.weights],
    [w("whatif.leaveOut"), res.runs.leaveOut, res.top3Share.leaveOut],
    [w("whatif.all"), res.runs.all, res.top3Share.all],
  ];
  for (const [a, runs, sh] of share) s.values.push([a, runs, pct(sh)]);
  s.numberFormats.push({ rect: { top: h2 + 1, left: 2, bottom: h2 + share.length, right: 2 }, format: "0.0%" });
  s.values.push([]);
  header(s, [w("whatif.indicator"), w("whatif.meanShift"), w("whatif.maxShift")]);
  for (const l of res.leaveOut) s.values.push([`${l.rule} ${word(l.label)}`, l.meanShift, l.maxShift]);
  if (res.factors.length) {
    s.values.push([]);
    header(s, [w("whatif.indicator"), w("whatif.weightIndex")]);
    for (const f of res.factors) s.values.push([w("whatif.factor", { name: word(f.name), weight: f.weight }), f.index]);
  }
}

/** 敏感性分析: per unit, then the top three's stability, then the indicators and weights by influence. */
export function sensitivitySheet(scheme: Scheme, run: ScoreRun, res: SensitivityResult, lang: Lang = "zh"): PlanSheet {
  const s = newSheet("whatif.sensitivity", t(lang, "whatif.sensTitle"));
  const w = (k: TextKey, v: Vars = {}) => t(lang, k, v);
  const x: SensWords = {
    w,
    word: (zh) => schemeWord(scheme, lang, zh),
    weights: w("whatif.weights", { pct: res.pct, samples: res.samples, seed: res.seed }),
    scheme: schemeWord(scheme, lang, scheme.name),
  };
  sensitivityUnits(s, run, res, x);
  sensitivityInfluence(s, res, x);
  s.values = rectangular(s.values);
  s.widths = [10, 28, 10, 10, 9, 9, 14, 14, 14];
  return s;
}

export interface ScenarioRun {
  scenario: SavedScenario;
  run: ScoreRun;
}

/**
 * Where the baseline is live: references to each unit's total and rank cells on the summary written with formulas
 * in the same result (result-plan.ts summaryRefs), by entity index.
 */
export interface LiveBaseline {
  total(i: number): string;
  rank(i: number): string;
}

/**
 * 情景对比: baseline total and rank, then per scenario total, rank, Δ total and Δ rank (formulas on this sheet). With
 * `live`, the baseline columns are formulas on the summary's total and rank cells, so they follow an input edit as
 * the summary does (the scenarios stay the values they were computed with).
 */
export function scenarioSheet(
  scheme: Scheme,
  base: ScoreRun,
  scenarios: ScenarioRun[],
  lang: Lang = "zh",
  live?: LiveBaseline,
): PlanSheet {
  const s = newSheet("whatif.scenarios", t(lang, "whatif.scenTitle"));
  const w = (k: TextKey, v: Vars = {}) => t(lang, k, v);
  const top: PlanValue[] = [null, null, w("whatif.baseline"), null];
  const cols = [w("whatif.baseRank"), w("whatif.unit"), w("whatif.total"), w("whatif.rank")];
  for (const sc of scenarios) {
    top.push(sc.scenario.name, null, null, null);
    cols.push(w("whatif.total"), w("whatif.rank"), w("whatif.dTotal"), w("whatif.dRank"));
  }
  const heading = w("whatif.sheetTitle", {
    scheme: schemeWord(scheme, lang, scheme.name),
    title: w("whatif.scenTitle"),
    year: base.year,
  });
  const changes = (x: ScenarioRun) =>
    w("whatif.scenChanges", { name: x.scenario.name, count: x.scenario.changes.length, changes: w("whatif.changes") });
  title(s, heading, scenarios.map(changes).join(w("whatif.sep")), cols.length);
  const tr = s.values.length;
  s.values.push(top);
  s.merges.push({ top: tr, left: 2, bottom: tr, right: 3 });
  scenarios.forEach((_, k) => s.merges.push({ top: tr, left: 4 + 4 * k, bottom: tr, right: 7 + 4 * k }));
  s.styles.push({ rect: { top: tr, left: 0, bottom: tr, right: cols.length - 1 }, style: "header" });
  const h = header(s, cols);
  s.freeze = { rows: h + 1, cols: 2 };
  s.formulas = [];
  for (const i of base.order) {
    const e = base.entities[i];
    const r = s.values.length;
    const row: PlanValue[] = [e.rank, e.name, e.rank === null ? null : e.total, e.rank];
    if (live && e.rank !== null)
      s.formulas.push({ row: r, col: 2, formula: live.total(i) }, { row: r, col: 3, formula: live.rank(i) });
    scenarios.forEach((sc, k) => {
      const n = sc.run.entities[i];
      const c = 4 + 4 * k;
      const dT = n.rank === null || e.rank === null ? null : Math.round((n.total - e.total) * 1e9) / 1e9;
      const dR = n.rank === null || e.rank === null ? null : e.rank - n.rank;
      row.push(n.rank === null ? null : n.total, n.rank, dT, dR);
      if (dT !== null) s.formulas!.push({ row: r, col: c + 2, formula: `${colName(c)}${r + 1}-C${r + 1}` });
      if (dR !== null) s.formulas!.push({ row: r, col: c + 3, formula: `D${r + 1}-${colName(c + 1)}${r + 1}` });
    });
    s.values.push(row);
  }
  const last = s.values.length - 1;
  scenarios.forEach((_, k) => {
    s.numberFormats.push({
      rect: { top: h + 1, left: 6 + 4 * k, bottom: last, right: 6 + 4 * k },
      format: "+0.00;-0.00;0",
    });
    s.numberFormats.push({ rect: { top: h + 1, left: 7 + 4 * k, bottom: last, right: 7 + 4 * k }, format: "+0;-0;0" });
  });
  s.values = rectangular(s.values);
  s.widths = [8, 28, 10, 8, ...scenarios.flatMap(() => [10, 8, 10, 8])];
  return s;
}
