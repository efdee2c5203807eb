/**
 * Sensitivity: deterministic for a seed; a unit that dominates every indicator stays first in every run; leaving a
 * rule out equals rescoring the scheme without it; no perturbation reproduces the baseline; the two what-if sheets
 * are valid plans whose formulas compute what their cached values say.
 */
import ExcelJS from "exceljs";
import { checkAndScore } from "../../src/engine/pipeline";
import { score } from "../../src/engine/score/scoring";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { seededRandom, sensitivity } from "../../src/engine/whatif/sensitivity";
import { runScenario, startWhatIf } from "../../src/engine/whatif/scenario";
import { scenarioSheet, sensitivitySheet } from "../../src/engine/whatif/sheets";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { miniScheme, planSheets } from "../helpers";
import { build, names } from "./fixtures";

const chifeng = getBuiltInScheme("chifeng-2020")!;
const sample = () => {
  const r = checkAndScore(planSheets(samplePlan(chifeng)!), chifeng);
  return { data: r.dataset!, run: r.run! };
};

test("the PRNG is seeded, uniform enough, in [0, 1)", () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const xs = Array.from({ length: 20000 }, () => a());
  expect(Array.from({ length: 20000 }, () => b())).toEqual(xs);
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  const deciles = new Array(10).fill(0);
  for (const x of xs) deciles[Math.floor(x * 10)]++;
  for (const d of deciles) expect(Math.abs(d - 2000)).toBeLessThan(200);
  expect(seededRandom(43)()).not.toBe(seededRandom(42)());
});

describe("sensitivity on the Chifeng sample (7 groups, every combination of its options)", () => {
  const { data, run } = sample();
  const res = sensitivity(chifeng, data, run, { seed: 7, samples: 300, pct: 60 });
  const combos = chifeng.options.reduce((n, o) => n * o.choices.length, 1) * 3;

  test("deterministic with a seed; another seed draws other weights", () => {
    expect(sensitivity(chifeng, data, run, { seed: 7, samples: 300, pct: 60 })).toEqual(res);
    const other = sensitivity(chifeng, data, run, { seed: 8, samples: 300, pct: 60 });
    expect(other.factors).not.toEqual(res.factors);
  });

  test("(a) every combination of readings and tie rules; the baseline's own combination gives the baseline ranks", () => {
    expect(res.readings.length).toBe(combos);
    const own = res.readings.find(
      (c) => c.options.rankReading === run.options.rankReading && c.ties === chifeng.ranking.ties,
    )!;
    expect(own.ranks).toEqual(run.entities.map((e) => e.rank));
    const linear = score(chifeng, data, { options: { rankReading: "rank-linear" } });
    expect(
      res.readings.find((c) => c.options.rankReading === "rank-linear" && c.ties === "competition")!.ranks,
    ).toEqual(linear.entities.map((e) => e.rank));
  });

  test("(c) leaving a rule out equals rescoring the scheme without that rule", () => {
    for (const l of res.leaveOut) {
      const without = { ...chifeng, rules: chifeng.rules.filter((r) => r.id !== l.rule) };
      expect([l.rule, l.ranks]).toEqual([l.rule, score(without, data).entities.map((e) => e.rank)]);
    }
    // the most influential first (COINr's mean absolute rank change)
    const shifts = res.leaveOut.map((l) => l.meanShift);
    expect(shifts).toEqual([...shifts].sort((a, b) => b - a));
    expect(res.leaveOut.length).toBe(chifeng.rules.filter((r) => r.kind !== "veto").length);
  });

  test("(b) intervals contain the baseline rank; the vetoed park has none; shares and indices are in range", () => {
    for (const u of res.units) {
      if (u.baseRank === null) {
        expect(u.all).toBeNull();
        continue;
      }
      expect(u.weights!.p5).toBeLessThanOrEqual(u.weights!.median);
      expect(u.weights!.median).toBeLessThanOrEqual(u.weights!.p95);
      expect(u.all!.min).toBeLessThanOrEqual(u.baseRank);
      expect(u.all!.max).toBeGreaterThanOrEqual(u.baseRank);
    }
    expect(res.runs).toEqual({
      all: combos + 300 + res.leaveOut.length,
      readings: combos,
      weights: 300,
      leaveOut: res.leaveOut.length,
    });
    for (const v of Object.values(res.top3Share)) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
    expect(res.factors.map((f) => f.id).sort()).toEqual(chifeng.groups.map((g) => g.id).sort());
    for (const f of res.factors) expect(f.index).toBeGreaterThanOrEqual(0);
  });

  test("no perturbation (±0 %) reproduces the baseline in every weight sample", () => {
    const still = sensitivity(chifeng, data, run, { samples: 50, pct: 0, readings: false, leaveOut: false });
    expect(still.top3Share.weights).toBe(1);
    for (const u of still.units)
      if (u.baseRank !== null) expect([u.weights!.p5, u.weights!.p95]).toEqual([u.baseRank, u.baseRank]);
  });

  test("the 敏感性分析 and 情景对比 sheets: one row per unit, formulas that compute their cached values, writable", async () => {
    const sheet = sensitivitySheet(chifeng, run, res);
    expect(sheet.name).toBe("敏感性分析");
    const first = sheet.values.findIndex((r) => r[1] === run.entities[run.order[0]].name);
    expect(sheet.values.slice(first, first + run.order.length).map((r) => r[1])).toEqual(
      run.order.map((i) => run.entities[i].name),
    );
    const w = startWhatIf(chifeng, data, {}, run);
    const second = run.entities[run.order[1]].name;
    const sc = [
      {
        scenario: {
          name: "第二名产值翻番",
          changes: [{ op: "set" as const, table: "parks", key: second, field: "newOutput", value: 100 }],
        },
      },
      { scenario: { name: "线性读法", changes: [] } },
    ].map((x) => ({ ...x, run: runScenario(w, x.scenario.changes).run }));
    const cmp = scenarioSheet(chifeng, run, sc);
    const cell = (a1: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = [...m[1]].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return cmp.values[Number(m[2]) - 1][col] as number;
    };
    expect(cmp.formulas!.length).toBeGreaterThan(0);
    for (const f of cmp.formulas!) {
      const [a, b] = f.formula.split("-");
      expect(Math.abs(cell(a) - cell(b) - (cmp.values[f.row][f.col] as number))).toBeLessThan(1e-9);
    }
    const row = cmp.values.find((r) => r[1] === second)!;
    const after = sc[0].run.entities.find((e) => e.name === second)!;
    expect(row.slice(4, 8)).toEqual([after.total, after.rank, row[6], 2 - after.rank!]);
    expect(row[6] as number).toBeGreaterThan(0);
    const book = await ExcelJsBook.create(ExcelJS);
    const rep = await book.writeResult({ sheets: [sheet, cmp] });
    expect(Object.values(rep.written)).toEqual(["敏感性分析", "情景对比"]);
  });

  test("English sheets", () => {
    const s = sensitivitySheet(chifeng, run, res, "en");
    expect(s.name).toBe("Sensitivity");
    expect(
      s.values.flat().filter((v) => typeof v === "string" && /Median rank|Top three unchanged/.test(v)).length,
    ).toBe(2);
  });
});

test("a unit that dominates every indicator has rank interval [1, 1] under every analysis", () => {
  const s = miniScheme(
    [{ id: "a" }, { id: "b" }, { id: "c", direction: "lower" }, { id: "d" }],
    [
      { id: "ra", clause: "1", kind: "rank", field: "a", points: 20, group: "g1", label: "a", description: "d" },
      { id: "rb", clause: "2", kind: "rank", field: "b", points: 20, group: "g1", label: "b", description: "d" },
      { id: "rc", clause: "3", kind: "rank", field: "c", points: 30, group: "g2", label: "c", description: "d" },
      { id: "rd", clause: "4", kind: "entered", field: "d", max: 30, group: "g3", label: "d", description: "d" },
    ],
    {
      groups: [
        { id: "g1", name: "经济", weight: 40 },
        { id: "g2", name: "效率", weight: 30 },
        { id: "g3", name: "管理", weight: 30 },
      ],
    },
  );
  const n = 9;
  const rows = names(n).map((name, i) => ({
    name,
    a: i === 0 ? 100 : 10 + ((i * 37) % 50),
    b: i === 0 ? 99 : 5 + ((i * 53) % 60),
    c: i === 0 ? 1 : 2 + ((i * 29) % 40),
    d: i === 0 ? 30 : (i * 7) % 29,
  }));
  const b = build(s, rows);
  const res = sensitivity(s, b.data, b.run, { seed: 1, samples: 1000, pct: 40 });
  const top = res.units[0];
  for (const st of [top.all, top.readings, top.weights, top.leaveOut]) expect([st!.p5, st!.p95]).toEqual([1, 1]);
  // and the others do move: the test can fail
  expect(res.units.slice(1).some((u) => u.all!.p5 !== u.all!.p95)).toBe(true);
});

test("weights are renormalised: with a single group every perturbed sample equals the baseline", () => {
  const s = miniScheme(
    [{ id: "a" }, { id: "b" }],
    [
      { id: "ra", clause: "1", kind: "rank", field: "a", points: 50, group: "g", label: "a", description: "d" },
      { id: "rb", clause: "2", kind: "rank", field: "b", points: 50, group: "g", label: "b", description: "d" },
    ],
    { groups: [{ id: "g", name: "全部", weight: 100 }] },
  );
  const b = build(
    s,
    names(6).map((name, i) => ({ name, a: (i * 37) % 11, b: (i * 5) % 7 })),
  );
  const res = sensitivity(s, b.data, b.run, { samples: 200, pct: 50, readings: false, leaveOut: false });
  for (const u of res.units) expect([u.weights!.p5, u.weights!.p95]).toEqual([u.baseRank, u.baseRank]);
  // two groups: the same data moves
  const s2 = miniScheme(
    [{ id: "a" }, { id: "b" }],
    [
      { id: "ra", clause: "1", kind: "rank", field: "a", points: 50, group: "g1", label: "a", description: "d" },
      { id: "rb", clause: "2", kind: "rank", field: "b", points: 50, group: "g2", label: "b", description: "d" },
    ],
    {
      groups: [
        { id: "g1", name: "甲", weight: 50 },
        { id: "g2", name: "乙", weight: 50 },
      ],
    },
  );
  const b2 = build(
    s2,
    names(6).map((name, i) => ({ name, a: (i * 37) % 11, b: (i * 5) % 7 })),
  );
  const res2 = sensitivity(s2, b2.data, b2.run, { samples: 200, pct: 50, readings: false, leaveOut: false });
  expect(res2.units.some((u) => u.weights!.p5 !== u.weights!.p95)).toBe(true);
});
