/** Gap sentences in both languages, and what a vetoed unit gets. */
import { checkAndScore } from "../../src/engine/pipeline";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { placeGap, runScenario, startWhatIf, unitGaps, awardGaps } from "../../src/engine/whatif";
import { book, planSheets } from "../helpers";

const chifeng = getBuiltInScheme("chifeng-2020")!;

test("a vetoed park: the veto rule says what lifts it, no other rule has a level, no place to gain", () => {
  const r = checkAndScore(planSheets(samplePlan(chifeng)!), chifeng);
  const w = startWhatIf(chifeng, r.dataset!, {}, r.run!);
  const name = r.run!.entities[r.run!.order[0]].name;
  const s = runScenario(w, [{ op: "set", table: "parks", key: name, field: "accident", value: true }]);
  const i = s.run.entities.findIndex((e) => e.name === name);
  const gaps = unitGaps(chifeng, s.data, s.run, i);
  const veto = gaps[chifeng.rules.findIndex((x) => x.id === "veto.accident")]!;
  expect(veto.text.zh).toMatch(/：是 → 否，恢复参评（不再一票否决）$/);
  expect(veto.text.en).toMatch(/: yes → no: being ranked again \(no veto\)$/);
  expect(gaps.filter((g, k) => g && chifeng.rules[k].kind !== "veto")).toEqual([]);
  expect(placeGap(chifeng, s.data, s.run, i).text.zh).toContain("不予评价");
  expect(awardGaps(chifeng, s.data, s.run, i).every((a) => !a.have && a.text.zh.includes("不予评价"))).toBe(true);
  // and applying the veto gap puts it back first
  const back = runScenario(w, [
    { op: "set", table: "parks", key: name, field: "accident", value: true },
    ...veto.changes.map((c) => c.change),
  ]);
  expect(back.run.entities[i].rank).toBe(1);
});

test("English gap sentences carry the same numbers, and the scheme's words (labels, units) in English", () => {
  const h = getBuiltInScheme("huaibei-2023")!;
  const r = checkAndScore(planSheets(samplePlan(h)!), h);
  const i = r.run!.entities.findIndex((e) => e.name === "烈山经济开发区");
  const g = unitGaps(h, r.dataset!, r.run!, i, "en")[0]!;
  expect(g.text.en).toBe(
    "increase in output of industry above designated size 26 hundred million yuan: another 24.1 hundred million yuan " +
      "(output of industry above designated size, this year 151 → 175.1 hundred million yuan) reaches the tier >50, " +
      "+10 points",
  );
  expect(g.changes[0].change).toEqual({
    op: "set",
    table: "zones",
    key: "烈山经济开发区",
    field: "output",
    value: 175.1,
  });
  expect([g.pointsBefore, g.pointsAfter, g.gain]).toEqual([0, 10, 10]);
});

test.each(["rank-step", "ratio-to-best"])(
  "each way to gain a place really gains it (%s, the run's own reading)",
  (reading) => {
    const r = checkAndScore(planSheets(samplePlan(chifeng)!), chifeng, { options: { rankReading: reading } });
    const w = startWhatIf(chifeng, r.dataset!, { options: { rankReading: reading } }, r.run!);
    for (const k of [2, 4, 7]) {
      const i = r.run!.order[k];
      const p = placeGap(chifeng, r.dataset!, r.run!, i, { ways: 10 });
      expect(p.ways.length).toBeGreaterThan(0);
      const costs = p.ways.map((x) => x.cost);
      expect(costs).toEqual([...costs].sort((a, b) => a - b));
      for (const way of p.ways) {
        const s = runScenario(w, way.apply);
        expect(s.run.entities[i].rank).toBe(way.rank);
        expect(way.rank).toBeLessThan(r.run!.entities[i].rank!);
        expect(s.run.entities[i].total).toBeCloseTo(way.total, 9);
      }
    }
  },
);

test("a derived field's input moves on the finer grid of the two inputs (found by the property test)", () => {
  const h = getBuiltInScheme("huaibei-2023")!;
  const r = checkAndScore(
    book({
      zones: [
        { name: "甲开发区", outputPrev: 78.4, output: 160 },
        { name: "乙开发区", outputPrev: 118.1, output: 109 },
      ],
    }),
    h,
    { force: true },
  );
  const g = unitGaps(h, r.dataset!, r.run!, 0)[0]!;
  expect(g.changes[0].change).toMatchObject({ field: "output", value: 178.5 });
  expect(g.text.zh).toBe(
    "规上工业产值增量 81.6 亿元：再增加 18.5 亿元（规上工业产值 160 → 178.5 亿元），达到 >100 档，+10 分",
  );
});
