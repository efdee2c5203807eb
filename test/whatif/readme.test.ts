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
  const produced = [...gapLines("huaibei-2023", "烈山经济开发区"), ...gapLines("chifeng-2020", "宁城经济开发区")];
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
  const by = (n: string) => res.units.find((u) => u.name === n)!;
  for (const n of ["赤峰高新区元宝山园区", "宁城经济开发区"]) expect([by(n).all!.p5, by(n).all!.p95]).toEqual([3, 4]);
  const wide = res.units.filter((u) => u.all && u.all.p5 !== u.all.p95).map((u) => u.name);
  expect(wide.sort()).toEqual(["赤峰高新区元宝山园区", "宁城经济开发区"].sort());
  const some = res.units.filter(
    (u) => u.readings && (u.readings.p5 !== u.readings.p95 || u.leaveOut!.p5 !== u.leaveOut!.p95),
  );
  expect(some.map((u) => u.name).sort()).toEqual(
    ["赤峰高新区元宝山园区", "宁城经济开发区", "赤峰高新区安庆园区", "红山绿色食品产业园区", "巴林左旗工业园区"].sort(),
  );
  expect(Math.round(res.top3Share.weights! * 100)).toBe(66);
  expect(res.top3Share.readings).toBe(1);
  expect(res.factors.slice(0, 2).map((f) => f.name)).toEqual(["科技创新", "总量指标"]);
});
