/** The Huaibei scheme (huaibei-2023) clause by clause: 二(一)–二(五), the awards 2.6, 2.7 and 3.3, totals and ranks. */
import { checkAndScore } from "../../src/engine/pipeline";
import type { ScoreRun } from "../../src/engine/score/result";
import { book, huaibei } from "../helpers";

function run(sheets: ReturnType<typeof book>): ScoreRun {
  const r = checkAndScore(sheets, huaibei);
  if (!r.run) throw new Error("not scored: " + JSON.stringify(r.issues.filter((i) => i.severity === "error")));
  return r.run;
}
const pts = (r: ScoreRun, zone: string, rule: string) =>
  r.entities.find((e) => e.name === zone)!.parts.find((p) => p.rule === rule)!.points;

describe("2.1 二(一) output increment: > 50 → 10, > 100 → 20, highest tier only", () => {
  test.each([
    [0, 0],
    [49.99, 0],
    [50, 0],
    [50.01, 10],
    [99.99, 10],
    [100, 10],
    [100.01, 20],
    [500, 20],
  ])("increment %p → %p points", (inc, expected) => {
    const r = run(book({ zones: [{ name: "甲开发区", outputPrev: 200, output: 200 + inc }] }));
    expect(pts(r, "甲开发区", "2.1")).toBe(expected);
  });
  test("tiers are not summed: 120 gives 20, not 30, and the basis says why", () => {
    const r = run(book({ zones: [{ name: "甲", outputPrev: 100, output: 220 }] }));
    const p = r.entities[0].parts.find((x) => x.rule === "2.1")!;
    expect(p.points).toBe(20);
    expect(p.basis).toContain("规上工业产值增量 120 亿元 > 100");
  });
});

describe("2.2 二(二) projects: planned ≥ 100 & actual ≥ 20 → 10; planned ≥ 50 & actual ≥ 10 → 5", () => {
  const cases: Array<[number, number, number]> = [
    [100, 20, 10],
    [99.99, 20, 5],
    [100, 19.99, 5],
    [50, 10, 5],
    [49.99, 10, 0],
    [50, 9.99, 0],
    [300, 100, 10],
  ];
  test.each(cases)("planned %p, actual %p → %p", (planned, actual, expected) => {
    const r = run(book({ zones: [{ name: "甲" }], projects: [{ name: "项目A", zone: "甲", planned, actual }] }));
    expect(pts(r, "甲", "2.2")).toBe(expected);
  });
  test("a project awarded before, not 纳统, or not 制造业 gets nothing; several projects add up per zone", () => {
    const r = run(
      book({
        zones: [{ name: "甲" }, { name: "乙" }],
        projects: [
          { name: "A", zone: "甲", planned: 100, actual: 20 },
          { name: "B", zone: "甲", planned: 60, actual: 12 },
          { name: "C", zone: "甲", planned: 100, actual: 20, awardedBefore: "是" },
          { name: "D", zone: "乙", planned: 100, actual: 20, statistical: "否" },
          { name: "E", zone: "乙", planned: 100, actual: 20, manufacturing: "否" },
        ],
      }),
    );
    expect(pts(r, "甲", "2.2")).toBe(15);
    expect(pts(r, "乙", "2.2")).toBe(0);
    expect(
      r
        .details()
        .filter((d) => d.rule === "2.2")
        .map((d) => d.subject),
    ).toEqual(["A", "B"]);
  });
});

describe("2.3 二(三) enterprises: revenue first above 100 → 10, first above 50 → 5", () => {
  const cases: Array<[number, number, number]> = [
    [100, 0, 5],
    [100.01, 100, 10],
    [100.01, 100.01, 0],
    [150, 80, 10],
    [50, 0, 0],
    [50.01, 50, 5],
    [60, 50.01, 0],
    [120, 40, 10],
  ];
  test.each(cases)("revenue %p, highest before %p → %p", (revenue, prevMax, expected) => {
    const r = run(book({ zones: [{ name: "甲" }], enterprises: [{ name: "企业", zone: "甲", revenue, prevMax }] }));
    expect(pts(r, "甲", "2.3")).toBe(expected);
  });
  test("non-manufacturing enterprises are not counted", () => {
    const r = run(
      book({
        zones: [{ name: "甲" }],
        enterprises: [{ name: "商贸", zone: "甲", revenue: 200, prevMax: 0, manufacturing: "否" }],
      }),
    );
    expect(pts(r, "甲", "2.3")).toBe(0);
  });
});

describe("2.4 二(四) targets (≥ target for the year) and per-listing counts", () => {
  test.each([
    [417.99, 0],
    [418, 20],
    [418.01, 20],
  ])("output %p against a target of 418 → %p", (output, expected) => {
    const r = run(
      book({
        zones: [{ name: "甲", output }],
        targets: [{ name: "甲", "output@2023": 418, newProjects: 50, "enterprises@2023": 148 }],
      }),
    );
    expect(pts(r, "甲", "2.4.output")).toBe(expected);
  });
  test("projects and enterprises targets, at and below", () => {
    const r = run(
      book({
        zones: [
          { name: "甲", newProjects: 50, enterprises: 147 },
          { name: "乙", newProjects: 49, enterprises: 148 },
        ],
        targets: [
          { name: "甲", "output@2023": 1, newProjects: 50, "enterprises@2023": 148 },
          { name: "乙", "output@2023": 1, newProjects: 50, "enterprises@2023": 148 },
        ],
      }),
    );
    expect([pts(r, "甲", "2.4.projects"), pts(r, "甲", "2.4.enterprises")]).toEqual([10, 0]);
    expect([pts(r, "乙", "2.4.projects"), pts(r, "乙", "2.4.enterprises")]).toEqual([0, 10]);
  });
  test("the target of the evaluation year is used, not another year's", () => {
    const sheets = book({
      year: 2024,
      zones: [{ name: "甲", output: 150 }],
      targets: [
        {
          name: "甲",
          "output@2023": 100,
          "output@2024": 200,
          "output@2025": 120,
          newProjects: 1,
          "enterprises@2024": 1,
        },
      ],
    });
    expect(pts(run(sheets), "甲", "2.4.output")).toBe(0);
  });
  test("each listing +20, in review +10, filing +5, blank counts as 0", () => {
    const r = run(book({ zones: [{ name: "甲", listed: 2, review: 1, filing: 3 }, { name: "乙" }] }));
    expect([pts(r, "甲", "2.4.listed"), pts(r, "甲", "2.4.review"), pts(r, "甲", "2.4.filing")]).toEqual([40, 10, 15]);
    expect([pts(r, "乙", "2.4.listed"), pts(r, "乙", "2.4.review"), pts(r, "乙", "2.4.filing")]).toEqual([0, 0, 0]);
  });
});

describe("2.5 二(五) land task and the land reward", () => {
  test.each([
    ["是", 10],
    ["√", 10],
    ["Y", 10],
    [1, 10],
    [true, 10],
    ["否", 0],
    ["×", 0],
    [0, 0],
    ["FALSE", 0],
  ])("task %p → %p", (v, expected) => {
    const r = run(book({ zones: [{ name: "甲", landTask: v as string }] }));
    expect(pts(r, "甲", "2.5")).toBe(expected);
  });
  const idle = { zone: "甲", planned: 3, actual: 1.5, idleLand: "是", area: 60, taxPerMu: 25, aboveScale: "是" };
  test("min(亩 × 3, 200) 万元, an upper limit, at the boundaries of its conditions", () => {
    const r = run(
      book({
        avgTax: 25,
        zones: [{ name: "甲" }],
        projects: [
          { name: "P60", ...idle },
          { name: "P80", ...idle, area: 80 },
          { name: "P49", ...idle, area: 49.9 },
          { name: "Pact1", ...idle, actual: 1 },
          { name: "Ptax", ...idle, taxPerMu: 24.99 },
          { name: "Pnot", ...idle, aboveScale: "否" },
        ],
      }),
    );
    const land = r.awards.filter((a) => a.rule === "2.5.land-reward");
    expect(land.map((a) => [a.subject, a.amount, a.unit, a.upTo])).toEqual([
      ["P60", 180, "万元", true],
      ["P80", 200, "万元", true],
    ]);
  });
  test("without the parameter the average comes from the zone column; without either the reward is a warning, never a silent 0", () => {
    const withMean = run(
      book({
        avgTax: null,
        zones: [
          { name: "甲", taxPerMu: 20 },
          { name: "乙", taxPerMu: 30 },
        ],
        projects: [{ name: "P", ...idle }],
      }),
    );
    expect(withMean.awards.find((a) => a.rule === "2.5.land-reward")?.amount).toBe(180);
    expect(withMean.notes.join()).toContain("平均");
    const none = run(book({ avgTax: null, zones: [{ name: "甲" }], projects: [{ name: "P", ...idle }] }));
    expect(none.awards.filter((a) => a.rule === "2.5.land-reward")).toHaveLength(0);
    expect(
      none.issues.some(
        (i) => i.severity === "warning" && i.code === "cannot-evaluate" && i.message.includes("2.5.land-reward"),
      ),
    ).toBe(true);
  });
});

describe("awards 2.6, 2.7 and 3.3", () => {
  test("AA platform 500 万元 (upper limit); all three targets → 100 亩; intensive → 200 亩", () => {
    const r = run(
      book({
        zones: [
          { name: "甲", aaRated: "是", intensive: "是", output: 10, newProjects: 1, enterprises: 1 },
          { name: "乙", output: 10, newProjects: 1, enterprises: 0 },
        ],
        targets: [
          { name: "甲", "output@2023": 10, newProjects: 1, "enterprises@2023": 1 },
          { name: "乙", "output@2023": 10, newProjects: 1, "enterprises@2023": 1 },
        ],
      }),
    );
    const a = (zone: string) => r.awards.filter((x) => x.entity === zone).map((x) => [x.rule, x.amount, x.unit]);
    expect(a("甲")).toEqual(
      expect.arrayContaining([
        ["2.6", 500, "万元"],
        ["2.7.targets", 100, "亩"],
        ["2.7.intensive", 200, "亩"],
      ]),
    );
    expect(a("乙").map((x) => x[0])).not.toContain("2.7.targets");
  });
  test("3.3 ranks by 年度目标考核得分 when present; ties share the place", () => {
    const r = run(
      book({
        zones: [
          { name: "甲", annualScore: 90 },
          { name: "乙", annualScore: 95 },
          { name: "丙", annualScore: 95 },
        ],
      }),
    );
    const salary = r.awards.filter((a) => a.rule === "3.3").map((a) => [a.entity, a.amount]);
    expect(salary).toEqual([
      ["乙", 1],
      ["丙", 1],
    ]);
    expect(r.notes.join()).toContain("年度目标考核得分");
  });
  test("3.3 falls back to the mean completion ratio of the three targets, and says so", () => {
    const r = run(
      book({
        zones: [
          { name: "甲", output: 110, newProjects: 10, enterprises: 10 },
          { name: "乙", output: 100, newProjects: 12, enterprises: 10 },
          { name: "丙", output: 50, newProjects: 5, enterprises: 5 },
        ],
        targets: ["甲", "乙", "丙"].map((name) => ({
          name,
          "output@2023": 100,
          newProjects: 10,
          "enterprises@2023": 10,
        })),
      }),
    );
    // 甲 (1.1+1+1)/3 = 1.0333; 乙 (1+1.2+1)/3 = 1.0667 → 乙 first, 甲 second
    expect(
      r.awards
        .filter((a) => a.rule === "3.3")
        .map((a) => [a.entity, a.amount])
        .sort((x, y) => Number(y[1]) - Number(x[1])),
    ).toEqual([
      ["乙", 1],
      ["甲", 0.5],
    ]);
    expect(r.notes.join()).toContain("平均完成率");
  });
});

describe("totals and ranks", () => {
  test("total = base + bonus, ranked as RANK.EQ (1, 2, 2, 4)", () => {
    const r = run(
      book({
        zones: [
          { name: "甲", base: 80, landTask: "是" },
          { name: "乙", base: 85 },
          { name: "丙", base: 85 },
          { name: "丁", base: 60, listed: 1 },
        ],
      }),
    );
    expect(r.entities.map((e) => [e.name, e.total])).toEqual([
      ["甲", 90],
      ["乙", 85],
      ["丙", 85],
      ["丁", 80],
    ]);
    const rank = Object.fromEntries(r.entities.map((e) => [e.name, e.rank]));
    expect(rank).toEqual({ 甲: 1, 乙: 2, 丙: 2, 丁: 4 });
    expect(r.order.map((i) => r.entities[i].name)).toEqual(["甲", "乙", "丙", "丁"]);
  });
  test("every total equals the sum of its parts plus base", () => {
    const r = run(
      book({
        zones: [
          { name: "甲", base: 10.1, listed: 1, review: 2, filing: 1, landTask: "是", outputPrev: 1, output: 60.2 },
        ],
      }),
    );
    const e = r.entities[0];
    expect(e.bonus).toBe(e.parts.reduce((s, p) => s + p.points, 0));
    expect(e.total).toBeCloseTo(10.1 + e.bonus, 9);
  });
});
