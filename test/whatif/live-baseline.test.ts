/**
 * 情景对比 where the baseline is live (issue 12 §3): written with a summary in formula mode, its baseline total and
 * rank are formulas on the summary's own total and rank cells of the same unit (not constants), so they follow an
 * input edit as the summary does; in values mode they stay values. LibreOffice recalculates them in
 * test/oracle/live-lists.test.ts.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { summaryRefs } from "../../src/engine/output/result-plan";
import { runScenario, scenarioSheet, startWhatIf } from "../../src/engine/whatif";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { parseA1 } from "../../src/engine/read/normalise";
import { planSheets } from "../helpers";

test.each(["huaibei-2023", "chifeng-2020"])("%s: the baseline columns reference the live summary's cells", (id) => {
  const scheme = getBuiltInScheme(id)!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme);
  const opts = { formulas: { data: r.dataset!, sheets } };
  const p = plan(scheme, r.run!, opts);
  const summary = p.sheets.find((s) => s.key === "summary")!;
  const w = startWhatIf(scheme, r.dataset!, {}, r.run!);
  const sc = [{ scenario: { name: "A", changes: [] }, run: runScenario(w, []).run }];
  const live = summaryRefs(scheme, r.run!, opts)!;
  const cmp = scenarioSheet(scheme, r.run!, sc, "zh", live);
  const live0 = scenarioSheet(scheme, r.run!, sc, "zh");
  const formulaAt = (row: number, col: number) => cmp.formulas!.find((f) => f.row === row && f.col === col)?.formula;
  let checked = 0;
  cmp.values.forEach((row, k) => {
    const i = r.run!.entities.findIndex((e) => e.name === row[1]);
    if (i < 0) return;
    const e = r.run!.entities[i];
    for (const [col, want] of [
      [2, e.total],
      [3, e.rank],
    ] as const) {
      const f = formulaAt(k, col);
      if (e.rank === null) {
        expect(f).toBeUndefined();
        continue;
      }
      // a reference to the summary's cell of the same unit, which is a live formula holding that value
      const m = /^⟦summary⟧!\$([A-Z]+)\$(\d+)$/.exec(f ?? "")!;
      expect(m).not.toBeNull();
      const at = parseA1(`${m[1]}${m[2]}`)!;
      expect(summary.values[at.row][1]).toBe(e.name);
      expect(summary.values[at.row][at.col]).toBe(want);
      expect(summary.formulas!.some((x) => x.row === at.row && x.col === at.col)).toBe(true);
      checked++;
    }
  });
  expect(checked).toBe(2 * r.run!.entities.filter((e) => e.rank !== null).length);
  // without a live summary the baseline stays values, and only the differences are formulas
  expect(live0.formulas!.some((f) => f.col === 2 || f.col === 3)).toBe(false);
  expect(summaryRefs(scheme, r.run!, {})).toBeNull();
});
