/**
 * Live formulas stay near linear to recalculate (issue 14): what many cells share is one helper cell on 计算过程, so a
 * 排序法 cell is RANK.EQ over one column plus a few single-cell references. Before, each rank cell with a vetoed unit
 * among 1,000 parks repeated the veto column three times inside SUMPRODUCT (1,490 bytes on average, 95 % of the
 * formula bytes), and every benchmark cell recomputed the column's AVERAGE.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { getBuiltInScheme } from "../../src/schemes";
import { YES_WORDS } from "../../src/engine/output/formula-parts";
import type { PlanSheet } from "../../src/engine/output/sheet-plan";
import { chifengParks, enterprises } from "../office/data";
import type { SheetData } from "../../src/engine/types";

function planned(id: string, sheets: SheetData[], opts: { reading?: string } = {}) {
  const scheme = JSON.parse(JSON.stringify(getBuiltInScheme(id)!));
  if (opts.reading)
    scheme.options = scheme.options.map((o: { id: string }) =>
      o.id === "rankReading" ? { ...o, default: opts.reading } : o,
    );
  const r = checkAndScore(sheets, scheme, { force: true });
  const p = plan(scheme, r.run!, { formulas: { data: r.dataset!, sheets } });
  const sheet = (key: string) => p.sheets.find((s) => s.key === key)!;
  return { scheme, run: r.run!, summary: sheet("summary"), calc: sheet("calc") };
}

/** The formulas of the summary's columns of the rank rules. */
function rankCells(scheme: ReturnType<typeof planned>["scheme"], summary: PlanSheet): string[] {
  const shown = scheme.rules
    .map((r: { kind: string }, k: number) => (r.kind === "veto" ? -1 : k))
    .filter((k: number) => k >= 0);
  const cols = new Set(shown.flatMap((k: number, j: number) => (scheme.rules[k].kind === "rank" ? [2 + j] : [])));
  return summary.formulas!.filter((f) => cols.has(f.col)).map((f) => f.formula);
}

const vetoWords = (f: string) => YES_WORDS.filter((w) => f.includes(`"${w}"`)).length;

describe.each(["rank-step", "rank-linear", "ratio-to-best", "min-max"])("chifeng, 1,000 parks, %s", (reading) => {
  const { scheme, run, summary, calc } = planned("chifeng-2020", chifengParks(1000), { reading });
  const cells = rankCells(scheme, summary);

  test("some parks are vetoed and every rank cell of the others is a formula", () => {
    expect(run.entities.filter((e) => e.vetoed).length).toBeGreaterThan(5);
    const live = run.entities.filter((e) => !e.vetoed).length;
    // every 排序法 rule is a formula for every park taking part (ratio-to-best of a lower-is-better one stays a value)
    expect(cells.length).toBeGreaterThanOrEqual(live * 10);
  });

  test("a rank cell holds no veto vector and no SUMPRODUCT, and stays short", () => {
    const bad = cells.filter(
      (f) =>
        vetoWords(f) > 0 || f.includes("SUMPRODUCT") || (f.match(/RANK\.EQ\(/g)?.length ?? 0) > 1 || f.length > 260,
    );
    expect(bad.slice(0, 3)).toEqual([]);
    const mean = cells.reduce((a, f) => a + f.length, 0) / cells.length;
    expect(mean).toBeLessThan(200);
  });

  test("the veto words are written once a park, in the 参评 flag column of 计算过程", () => {
    const flags = calc.formulas!.filter((f) => vetoWords(f.formula) > 0);
    expect(flags.length).toBe(run.entities.length);
    expect(new Set(flags.map((f) => f.col)).size).toBe(1);
    // its cached values: 0 for the vetoed parks, 1 for the others
    const col = flags[0].col;
    const values = run.entities.map((_e, i) => calc.values[1 + i][col]);
    expect(values).toEqual(run.entities.map((e) => (e.vetoed ? 0 : 1)));
  });
});

test("mujun: each benchmark mean is one AVERAGE cell, not one a score cell", () => {
  const { summary, calc } = planned("mujun-template", enterprises(500));
  const summaryAverages = summary.formulas!.filter((f) => f.formula.includes("AVERAGE(")).length;
  expect(summaryAverages).toBe(0);
  const means = calc.formulas!.filter((f) => f.formula.startsWith("AVERAGE("));
  expect(means.length).toBe(6);
  // and the grades read the count of totals from one cell
  expect(summary.formulas!.some((f) => f.formula.includes("COUNT("))).toBe(false);
});
