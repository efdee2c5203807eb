import { rankPoints } from "../../src/engine/score/kinds/rank";
import { growthPoints } from "../../src/engine/score/kinds/growth-steps";
import { ranks } from "../../src/engine/score/ranking";
import { GrowthRule } from "../../src/engine/score/kinds/growth-steps";
import { miniRun, miniScheme, pointsOf } from "../helpers";

const rows = (xs: Array<number | null>, key = "x") => xs.map((x, i) => ({ name: `单位${i + 1}`, [key]: x }));

describe("ranking tie rules", () => {
  const v = [90, 80, 80, 70, null];
  test("competition 1,2,2,4 · dense 1,2,2,3 · average 1,2.5,2.5,4; missing values are unranked", () => {
    expect(ranks(v, "competition")).toEqual([1, 2, 2, 4, null]);
    expect(ranks(v, "dense")).toEqual([1, 2, 2, 3, null]);
    expect(ranks(v, "average")).toEqual([1, 2.5, 2.5, 4, null]);
    expect(ranks([5, 1, 3], "competition", true)).toEqual([3, 1, 2]);
  });
  test("the scheme's tie rule decides the totals' ranks", () => {
    const s = miniScheme(
      [{ id: "x" }],
      [{ id: "e", clause: "c", kind: "entered", field: "x", max: 100, label: "x", description: "d" }],
      { ranking: { ties: "dense" } },
    );
    const r = miniRun(s, rows([90, 80, 80, 70]));
    expect(r.entities.map((e) => e.rank)).toEqual([1, 2, 2, 3]);
  });
});

describe("rank-based scoring (排序法), every reading", () => {
  const xs = [50, 40, 40, 10, 0];
  test("rank-step: full − (rank − 1) × full / N, floored at 0; ties share", () => {
    expect(rankPoints(xs, 10, "rank-step", false).points).toEqual([10, 8, 8, 4, 2]);
    expect(rankPoints(xs, 10, "rank-step", false, { step: 3 }).points).toEqual([10, 7, 7, 1, 0]);
  });
  test("rank-linear: full × (N − rank) / (N − 1)", () => {
    expect(rankPoints(xs, 10, "rank-linear", false).points).toEqual([10, 7.5, 7.5, 2.5, 0]);
  });
  test("ratio-to-best: full × x / best; ≤ 0 scores 0; lower-is-better full × best / x", () => {
    expect(rankPoints(xs, 10, "ratio-to-best", false).points).toEqual([10, 8, 8, 2, 0]);
    expect(rankPoints([2, 4, 8, -1], 8, "ratio-to-best", true).points).toEqual([8, 4, 2, 0]);
  });
  test("min-max with a floor share (Anhui's 20 %)", () => {
    expect(rankPoints(xs, 10, "min-max", false).points).toEqual([10, 8, 8, 2, 0]);
    expect(rankPoints(xs, 10, "min-max", false, { floorShare: 0.2 }).points).toEqual([10, 8.4, 8.4, 3.6, 2]);
    expect(rankPoints(xs, 10, "min-max", true).points).toEqual([0, 2, 2, 8, 10]);
  });
  test("all equal → full points for all, under every reading; missing values get 0 and no rank", () => {
    for (const reading of ["rank-step", "rank-linear", "ratio-to-best", "min-max"] as const) {
      expect(rankPoints([3, 3, null], 6, reading, false).points).toEqual([6, 6, 0]);
    }
  });
  test("ratio-to-best: equal values ≤ 0 score 0 like any value ≤ 0 (fast-check found -50, -50 → full, then 0)", () => {
    expect(rankPoints([-50, -50], 10, "ratio-to-best", false).points).toEqual([0, 0]);
    expect(rankPoints([-49.99, -50], 10, "ratio-to-best", false).points).toEqual([0, 0]);
    expect(rankPoints([0, 0], 10, "ratio-to-best", true).points).toEqual([0, 0]);
    expect(rankPoints([4, 4], 10, "ratio-to-best", true).points).toEqual([10, 10]);
    for (const reading of ["rank-step", "rank-linear", "min-max"] as const)
      expect(rankPoints([-50, -50], 10, reading, false).points).toEqual([10, 10]);
  });
  test("the reading is a named option: the default is stated, a user choice changes points and is stated", () => {
    const s = miniScheme(
      [{ id: "x" }],
      [{ id: "r", clause: "三、1", kind: "rank", field: "x", points: 10, label: "x", description: "d" }],
    );
    const a = miniRun(s, rows([50, 40, 40, 10, 0]));
    expect(pointsOf(a, "r")).toEqual([10, 8, 8, 4, 2]);
    expect(a.notes.join()).toContain("rank-step");
    expect(a.notes.join()).toContain("［默认］");
    const b = miniRun(s, rows([50, 40, 40, 10, 0]), { rankReading: "rank-linear" });
    expect(pointsOf(b, "r")).toEqual([10, 7.5, 7.5, 2.5, 0]);
    expect(b.notes.join()).toContain("rank-linear");
    expect(b.notes.join()).toContain("［用户选择］");
    expect(() => miniRun(s, rows([1]), { rankReading: "nonsense" })).toThrow(/rankReading/);
  });
  test("bureau points replace ranking when that column is present, clamped with a warning", () => {
    const s = miniScheme(
      [{ id: "x" }, { id: "xp", required: false }],
      [
        {
          id: "r",
          clause: "三、3",
          kind: "rank",
          field: "x",
          enteredPoints: "xp",
          points: 10,
          label: "x",
          description: "d",
        },
      ],
    );
    const r = miniRun(s, [
      { name: "甲", x: 1, xp: 9 },
      { name: "乙", x: 9, xp: 12 },
    ]);
    expect(pointsOf(r, "r")).toEqual([9, 10]);
    expect(r.issues.some((i) => i.code === "entered-out-of-range")).toBe(true);
  });
});

describe("tiers, targets, per-unit, flags, entered", () => {
  test("tiers: highest only, or cumulative when the scheme says so; ≥ and > at the boundary", () => {
    const tiers = [
      { when: [{ field: "x", op: ">=" as const, value: 10 }], points: 1 },
      { when: [{ field: "x", op: ">" as const, value: 20 }], points: 2 },
    ];
    const hi = miniScheme(
      [{ id: "x" }],
      [{ id: "t", clause: "c", kind: "tiers", over: "units", tiers, label: "t", description: "d" }],
    );
    const cu = miniScheme(
      [{ id: "x" }],
      [{ id: "t", clause: "c", kind: "tiers", over: "units", tiers, cumulative: true, label: "t", description: "d" }],
    );
    expect(pointsOf(miniRun(hi, rows([9.99, 10, 20, 20.01])), "t")).toEqual([0, 1, 1, 2]);
    expect(pointsOf(miniRun(cu, rows([9.99, 10, 20, 20.01])), "t")).toEqual([0, 1, 1, 3]);
  });
  test("per-unit with a cap: 每新增一户得1分，最高3分", () => {
    const s = miniScheme(
      [{ id: "x", type: "count" }],
      [{ id: "u", clause: "c", kind: "per-unit", field: "x", points: 1, cap: 3, label: "u", description: "d" }],
    );
    expect(pointsOf(miniRun(s, rows([0, 2, 3, 4, 10])), "u")).toEqual([0, 2, 3, 3, 3]);
  });
  test("flags", () => {
    const s = miniScheme(
      [{ id: "f", type: "bool" }],
      [{ id: "f", clause: "c", kind: "flag", field: "f", points: 4, label: "f", description: "d" }],
    );
    expect(
      pointsOf(
        miniRun(s, [
          { name: "a", f: "是" },
          { name: "b", f: "否" },
        ]),
        "f",
      ),
    ).toEqual([4, 0]);
  });
  test("entered scores are clamped to [0, max] with a warning at the cell", () => {
    const s = miniScheme(
      [{ id: "x", required: false }],
      [{ id: "e", clause: "c", kind: "entered", field: "x", max: 3, label: "e", description: "d" }],
    );
    const r = miniRun(s, rows([2.5, 3, 3.5, -1, null]));
    expect(pointsOf(r, "e")).toEqual([2.5, 3, 3, 0, 0]);
    expect(r.issues.filter((i) => i.code === "entered-out-of-range").map((i) => i.cell)).toEqual(["B4", "B5"]);
  });
  test("targets: all-or-nothing, or proportional with a cap", () => {
    const targets = {
      id: "tg",
      name: "目标",
      level: "targets" as const,
      columns: [
        { id: "name", name: "单位", type: "text" as const, role: "key" as const, required: true },
        { id: "x", name: "目标值", type: "number" as const, required: true },
      ],
    };
    const all = miniScheme(
      [{ id: "x" }],
      [
        {
          id: "t",
          clause: "c",
          kind: "target",
          field: "x",
          target: { table: "tg", column: "x" },
          points: 10,
          label: "t",
          description: "d",
        },
      ],
      { tables: [targets] },
    );
    const prop = miniScheme(
      [{ id: "x" }],
      [
        {
          id: "t",
          clause: "c",
          kind: "target",
          field: "x",
          target: { table: "tg", column: "x" },
          points: 10,
          mode: "proportional",
          capRatio: 1.2,
          label: "t",
          description: "d",
        },
      ],
      { tables: [targets] },
    );
    const sheet = {
      name: "目标",
      originRow: 0,
      originCol: 0,
      merges: [],
      values: [
        ["单位", "目标值"],
        ["单位1", 100],
        ["单位2", 100],
        ["单位3", 100],
        ["单位4", 100],
      ],
    };
    expect(pointsOf(miniRun(all, rows([99.9, 100, 150, 0]), {}, [sheet]), "t")).toEqual([0, 10, 10, 0]);
    expect(pointsOf(miniRun(prop, rows([50, 100, 150, 0]), {}, [sheet]), "t")).toEqual([5, 10, 12, 0]);
  });
});

describe("growth steps, benchmark ratio, certification, deduction, veto, groups", () => {
  const g = GrowthRule.parse({
    id: "g",
    clause: "c",
    kind: "growth-steps",
    field: "x",
    points: 10,
    baseShare: 0.8,
    stepPct: 5,
    stepPoints: 1,
    bonusCapShare: 0.5,
    label: "g",
    description: "d",
  });
  test("growth steps: 80 % at the base level, +1 per 5 %, bonus capped at 50 %; below the base, in proportion", () => {
    expect([0, 4.99, 5, 10, 24.9, 25, 100].map((x) => growthPoints(g, x))).toEqual([8, 8, 9, 10, 12, 13, 13]);
    expect(growthPoints(g, -10)).toBe(7.2);
    expect(growthPoints({ ...g, below: "zero" }, -10)).toBe(0);
    expect(growthPoints(g, -150)).toBe(0);
  });
  test("benchmark ratio: weight × min(x / benchmark, cap); a missing value gets 0 or the mean score", () => {
    const rule = (missing: "zero" | "mean-score") => ({
      id: "b",
      clause: "c",
      kind: "benchmark-ratio" as const,
      field: "x",
      weight: 30,
      benchmark: 20,
      cap: 2,
      missing,
      label: "b",
      description: "d",
    });
    const s0 = miniScheme([{ id: "x", required: false }], [rule("zero")]);
    expect(pointsOf(miniRun(s0, rows([10, 20, 40, 60, null])), "b")).toEqual([15, 30, 60, 60, 0]);
    const s1 = miniScheme([{ id: "x", required: false }], [rule("mean-score")]);
    expect(pointsOf(miniRun(s1, rows([10, 20, 40, 60, null])), "b")).toEqual([15, 30, 60, 60, 41.25]);
  });
  test("certification: per certification or the highest only", () => {
    const cols = [
      { id: "c1", type: "text" as const },
      { id: "c2", type: "text" as const },
    ];
    const levels = [
      { match: "国家级", points: 10 },
      { match: "省级", points: 5 },
    ];
    const sum = miniScheme(cols, [
      {
        id: "c",
        clause: "8",
        role: "bonus",
        kind: "certification",
        fields: ["c1", "c2"],
        levels,
        label: "c",
        description: "d",
      },
    ]);
    const hi = miniScheme(cols, [
      {
        id: "c",
        clause: "8",
        role: "bonus",
        kind: "certification",
        fields: ["c1", "c2"],
        levels,
        mode: "highest",
        label: "c",
        description: "d",
      },
    ]);
    const data = [
      { name: "a", c1: "国家级", c2: "省级" },
      { name: "b", c1: "省级绿色园区", c2: "无" },
      { name: "c", c1: null, c2: null },
    ];
    expect(pointsOf(miniRun(sum, data), "c")).toEqual([15, 5, 0]);
    expect(pointsOf(miniRun(hi, data), "c")).toEqual([10, 5, 0]);
  });
  test("deductions with a floor, groups capped at their weight, total = parts + bonus − deductions", () => {
    const s = miniScheme(
      [{ id: "a" }, { id: "b" }, { id: "k", type: "count" }, { id: "plus" }],
      [
        { id: "a", clause: "c", group: "g1", kind: "entered", field: "a", max: 8, label: "a", description: "d" },
        { id: "b", clause: "c", group: "g1", kind: "entered", field: "b", max: 8, label: "b", description: "d" },
        {
          id: "k",
          clause: "c",
          role: "deduction",
          kind: "deduction",
          field: "k",
          pointsPer: 2,
          max: 5,
          label: "k",
          description: "d",
        },
        { id: "p", clause: "c", role: "bonus", kind: "entered", field: "plus", max: 5, label: "p", description: "d" },
      ],
      { groups: [{ id: "g1", name: "一组", weight: 10 }], notes: ["测试：权重合计不为 100"] },
    );
    const r = miniRun(s, [
      { name: "甲", a: 8, b: 8, k: 1, plus: 2 },
      { name: "乙", a: 3, b: 4, k: 4, plus: 0 },
    ]);
    expect(pointsOf(r, "k")).toEqual([-2, -5]);
    expect(r.entities.map((e) => [e.groups.g1, e.score, e.bonus, e.deduction, e.total])).toEqual([
      [10, 10, 2, -2, 10],
      [7, 7, 0, -5, 2],
    ]);
  });
  test("veto: no score, no rank, the reason is given, and others rank without it", () => {
    const s = miniScheme(
      [{ id: "x" }, { id: "bad", type: "bool", missingAs: false }],
      [
        {
          id: "v",
          clause: "三、9",
          kind: "veto",
          field: "bad",
          reason: "发生重特大安全生产事故",
          label: "v",
          description: "d",
        },
        { id: "r", clause: "c", kind: "rank", field: "x", points: 10, label: "r", description: "d" },
      ],
    );
    const r = miniRun(s, [
      { name: "甲", x: 100, bad: "是" },
      { name: "乙", x: 50 },
      { name: "丙", x: 10 },
    ]);
    expect(r.entities.map((e) => [e.vetoed, e.rank, e.total])).toEqual([
      [true, null, 0],
      [false, 1, 10],
      [false, 2, 5],
    ]);
    expect(r.entities[0].vetoReason).toContain("发生重特大安全生产事故");
    expect(r.basis(1, 0)).toContain("不予评价");
    expect(r.order).toEqual([1, 2, 0]);
  });
});

describe("awards by rank and result usage", () => {
  const s = (ties: "pool" | "share") =>
    miniScheme(
      [{ id: "x" }],
      [{ id: "e", clause: "c", kind: "entered", field: "x", max: 100, label: "e", description: "d" }],
      {
        awards: [
          {
            id: "a",
            clause: "五",
            kind: "rank-amount",
            amounts: [300, 200, 100],
            ties,
            unit: "万元",
            label: "奖",
            description: "d",
          },
        ],
      },
    );
  test("tied places pool their awards and split them equally by default; or each takes the shared place's amount", () => {
    const pool = miniRun(s("pool"), rows([90, 90, 80, 70]));
    expect(pool.awards.map((a) => [a.entity, a.amount])).toEqual([
      ["单位1", 250],
      ["单位2", 250],
      ["单位3", 100],
    ]);
    const share = miniRun(s("share"), rows([90, 90, 80, 70]));
    expect(share.awards.map((a) => [a.entity, a.amount])).toEqual([
      ["单位1", 300],
      ["单位2", 300],
      ["单位3", 100],
    ]);
  });
});
