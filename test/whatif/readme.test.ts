/** The README's what-if examples are what the code produces (every gap line, and the sensitivity summary). */
import * as fs from "fs";
import * as path from "path";
import { checkAndScore } from "../../src/engine/pipeline";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { awardGaps, placeGap, sensitivity, unitGaps } from "../../src/engine/whatif";
import { planSheets } from "../helpers";

function gapLines(id: string, unit: string): string[] {
  const s = getBuiltInScheme(id)!;
  const r = checkAndScore(planSheets(samplePlan(s)!), s);
  const i = r.run!.entities.findIndex((e) => e.name === unit);
  const p = placeGap(s, r.dataset!, r.run!, i);
  return [
    ...unitGaps(s, r.dataset!, r.run!, i).flatMap((g) => (g ? [g.text.zh] : [])),
    p.text.zh,
    ...p.ways.map((w) => w.text.zh),
    ...awardGaps(s, r.dataset!, r.run!, i).map((a) => a.text.zh),
  ];
}

test("every gap line of the README's example block is produced by the code", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const block = readme.split("Produced by this code on the built-in samples")[1].split("```text\n")[1].split("```")[0];
  const produced = [...gapLines("huaibei-2023", "烈山经济开发区"), ...gapLines("chifeng-2020", "赤峰高新区元宝山园区")];
  const shown = block
    .split("\n")
    .filter((l) => l.startsWith("  "))
    .map((l) => l.trim().replace(/^· /, ""));
  expect(shown.length).toBeGreaterThan(12);
  for (const l of shown) expect(produced).toContain(l);
});

test("the README's sensitivity summary of the Chifeng sample", () => {
  const s = getBuiltInScheme("chifeng-2020")!;
  const r = checkAndScore(planSheets(samplePlan(s)!), s);
  const res = sensitivity(s, r.dataset!, r.run!, { seed: 1 });
  expect(res.top3Share.weights).toBe(1);
  expect(res.factors.every((f) => f.index === 0)).toBe(true);
  expect(
    sensitivity(s, r.dataset!, r.run!, { seed: 1, pct: 50, readings: false, leaveOut: false }).top3Share.weights,
  ).toBe(0.976);
  const combos = s.options.reduce((n, o) => n * o.choices.length, 1) * 3;
  expect([s.options.length, res.readings.length]).toEqual([4, 96]);
  expect(combos).toBe(96);
  const by = (n: string) => res.units.find((u) => u.name === n)!;
  for (const n of ["宁城经济开发区", "赤峰玉龙工业园区", "赤峰高新区元宝山园区"])
    expect([n, by(n).readings!.p5, by(n).readings!.p95]).toEqual([n, 2, 4]);
  expect(res.top3Share.readings).toBe(0.375);
  expect(res.leaveOut[0].rule).toBe("8");
});
