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
import { wt } from "./text";

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

/** 敏感性分析: per unit, then the top three's stability, then the indicators and weights by influence. */
export function sensitivitySheet(scheme: Scheme, run: ScoreRun, res: SensitivityResult, lang: Lang = "zh"): PlanSheet {
  const s = newSheet("whatif.sensitivity", wt(lang, "sensTitle"));
  const t = (k: string, v: Record<string, string | number> = {}) => wt(lang, k, v);
  const cols = [
    t("baseRank"),
    t("unit"),
    t("baseTotal"),
    t("median"),
    t("p5"),
    t("p95"),
    `${t("readings").slice(0, 3)} ${t("interval")}`,
    `${t("weights", { pct: res.pct, samples: res.samples, seed: res.seed }).slice(0, 3)} ${t("interval")}`,
    `${t("leaveOut").slice(0, 3)} ${t("interval")}`,
  ];
  title(s, `${scheme.name} — ${t("sensTitle")}（${run.year}）`, t("sensNote", { pct: res.pct }), cols.length);
  const h = header(s, cols);
  s.freeze = { rows: h + 1, cols: 2 };
  const iv = (x: { p5: number; p95: number } | null) => (x ? `${x.p5}–${x.p95}` : null);
  for (const i of run.order) {
    const u = res.units[i];
    s.values.push([
      u.baseRank,
      u.name,
      u.baseRank === null ? null : u.baseTotal,
      u.all?.median ?? null,
      u.all?.p5 ?? null,
      u.all?.p95 ?? null,
      iv(u.readings),
      iv(u.weights),
      iv(u.leaveOut),
    ]);
  }
  const last = s.values.length - 1;
  s.numberFormats.push({ rect: { top: h + 1, left: 2, bottom: last, right: 2 }, format: "0.00" });
  s.values.push([]);
  const h2 = header(s, [t("analysis"), t("runs"), t("top3Share")]);
  const share: Array<[string, number, number | null]> = [
    [t("readings"), res.runs.readings, res.top3Share.readings],
    [t("weights", { pct: res.pct, samples: res.samples, seed: res.seed }), res.runs.weights, res.top3Share.weights],
    [t("leaveOut"), res.runs.leaveOut, res.top3Share.leaveOut],
    [t("all"), res.runs.all, res.top3Share.all],
  ];
  for (const [a, runs, sh] of share) s.values.push([a, runs, pct(sh)]);
  s.numberFormats.push({ rect: { top: h2 + 1, left: 2, bottom: h2 + share.length, right: 2 }, format: "0.0%" });
  s.values.push([]);
  header(s, [t("indicator"), t("meanShift"), t("maxShift")]);
  for (const l of res.leaveOut) s.values.push([`${l.rule} ${l.label}`, l.meanShift, l.maxShift]);
  if (res.factors.length) {
    s.values.push([]);
    header(s, [t("indicator"), t("weightIndex")]);
    for (const f of res.factors) s.values.push([`${f.name}（${f.weight}）`, f.index]);
  }
  s.values = rectangular(s.values);
  s.widths = [10, 28, 10, 10, 9, 9, 14, 14, 14];
  return s;
}

export interface ScenarioRun {
  scenario: SavedScenario;
  run: ScoreRun;
}

/** 情景对比: baseline total and rank, then per scenario total, rank, Δ total and Δ rank (formulas on this sheet). */
export function scenarioSheet(scheme: Scheme, base: ScoreRun, scenarios: ScenarioRun[], lang: Lang = "zh"): PlanSheet {
  const s = newSheet("whatif.scenarios", wt(lang, "scenTitle"));
  const t = (k: string) => wt(lang, k);
  const top: PlanValue[] = [null, null, t("baseline"), null];
  const cols = [t("baseRank"), t("unit"), t("total"), t("rank")];
  for (const sc of scenarios) {
    top.push(sc.scenario.name, null, null, null);
    cols.push(t("total"), t("rank"), t("dTotal"), t("dRank"));
  }
  title(
    s,
    `${scheme.name} — ${t("scenTitle")}（${base.year}）`,
    scenarios.map((x) => `${x.scenario.name}：${x.scenario.changes.length} ${t("changes")}`).join("；"),
    cols.length,
  );
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
