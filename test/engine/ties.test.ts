/**
 * Ties that are ties (issue 9 §1): equal exact totals rank equal and pool their awards, whatever the order of the
 * units and of the rules, including totals built from repeating-decimal rank shares (full × k / N, N = 3, 7, 13, 26).
 */
import fc from "fast-check";
import { parseScheme, type Scheme, type SchemeInput } from "../../src/engine/scheme/schema";
import { displayNumber, exactSum, roundTo, roundTotal } from "../../src/engine/format";
import { miniRun } from "../helpers";
import type { ScoreRun } from "../../src/engine/score/result";

type RuleIn = SchemeInput["rules"][number];

function scheme(rules: RuleIn[], fields: string[], groups = false, extra: Partial<SchemeInput> = {}): Scheme {
  return parseScheme({
    schemaVersion: 1,
    id: "ties",
    name: "并列测试",
    source: "测试",
    entityTable: "units",
    tables: [
      {
        id: "units",
        name: "单位",
        level: "entity",
        columns: [
          { id: "name", name: "单位", type: "text", role: "key", required: true },
          ...fields.map((id) => ({ id, name: id, type: "number" as const })),
        ],
      },
    ],
    groups: groups
      ? [
          { id: "g1", name: "一", weight: 1000, cap: true },
          { id: "g2", name: "二", weight: 1000, cap: true },
        ]
      : [],
    notes: ["测试：权重合计不为 100"],
    rules,
    awards: [
      {
        id: "award",
        clause: "五",
        kind: "rank-amount",
        amounts: [300, 200, 100],
        ties: "pool",
        unit: "万元",
        label: "综合奖励",
        description: "并列者平分相应名次奖金",
      },
    ],
    options: [
      {
        id: "rankReading",
        name: "排序法折算方式",
        default: "rank-step",
        choices: ["rank-step", "rank-linear", "ratio-to-best", "min-max"].map((id) => ({
          id,
          name: id,
          description: id,
        })),
      },
    ],
    ...extra,
  });
}

const rankRule = (id: string, field: string, points: number, group?: string): RuleIn => ({
  id,
  clause: `条款 ${id}`,
  kind: "rank",
  field,
  points,
  label: id,
  description: "排序法",
  ...(group ? { group } : {}),
});

/** name → [rank, total award amount] */
function outcome(run: ScoreRun): Record<string, [number | null, number]> {
  const out: Record<string, [number | null, number]> = {};
  for (const e of run.entities) out[e.name] = [e.rank, 0];
  for (const a of run.awards) out[a.entity][1] += a.amount;
  return out;
}

describe("repeating-decimal rank shares: constructed ties", () => {
  const fulls = [6, 4, 10, 3, 2.5, 7];
  test.each([3, 7, 13, 26])("N = %i: every unit first on one rule and mirrored on the other ties with all", (N) => {
    // unit i is (i+1)-th on x and (N−i)-th on y: full − i·full/N + full − (N−1−i)·full/N, the same for every i
    for (const full of fulls) {
      const s = scheme([rankRule("x", "x", full), rankRule("y", "y", full)], ["x", "y"]);
      const rows = Array.from({ length: N }, (_, i) => ({ name: `单位${i + 1}`, x: N - i, y: i + 1 }));
      for (const reading of ["rank-step", "rank-linear"]) {
        const run = miniRun(s, rows, { rankReading: reading });
        expect(new Set(run.entities.map((e) => e.total)).size).toBe(1);
        expect(run.entities.every((e) => e.rank === 1)).toBe(true);
        // all N share places 1–3: (300 + 200 + 100) / N each, and no one gets more
        const each = roundTotal(600 / N);
        expect(run.awards.map((a) => a.amount)).toEqual(new Array(N).fill(each));
        expect(displayNumber(run.entities[0].total)).toBe(displayNumber(run.entities[N - 1].total));
      }
    }
  });

  test.each([7, 13, 26])("N = %i: grades by percentile follow the tie (the tied units share a grade)", (N) => {
    // units 1–3 tie (ranks 1,2,3 / 2,3,1 / 3,1,2 on three rules of 6 points); the top 20 % is A: the tie rank 1 is A
    const rules = ["x", "y", "w"].map((f) => rankRule(f, f, 6));
    const s = scheme(rules, ["x", "y", "w"], false, {
      grading: { method: "percentile", bands: [0.2], labels: ["A", "B"] },
    });
    const order = [
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
    ];
    const rows = Array.from({ length: N }, (_, i) => ({
      name: `单位${i + 1}`,
      x: 100 - (i < 3 ? order[i][0] : i + 1),
      y: 100 - (i < 3 ? order[i][1] : i + 1),
      w: 100 - (i < 3 ? order[i][2] : i + 1),
    }));
    const run = miniRun(s, rows);
    expect(run.entities.slice(0, 3).map((e) => [e.rank, e.grade])).toEqual([
      [1, "A"],
      [1, "A"],
      [1, "A"],
    ]);
    expect(run.entities[3].rank).toBe(4);
  });

  test("the construction does drift in plain floating point (so the tests above can fail)", () => {
    let drifted = 0;
    for (const N of [3, 7, 13, 26])
      for (const full of fulls) {
        const naive = new Set<number>();
        for (let i = 0; i < N; i++) naive.add(full - i * (full / N) + (full - (N - 1 - i) * (full / N)));
        if (naive.size > 1) drifted++;
      }
    expect(drifted).toBeGreaterThan(0);
  });

  test.each([3, 7, 13, 26])("N = %i: two units tied for first pool 1st + 2nd; the third place takes the rest", (N) => {
    fc.assert(
      fc.property(fc.constantFrom(...fulls), fc.constantFrom(...fulls), fc.boolean(), (f1, f2, groups) => {
        // A: 1st on x, 2nd on y; B: 2nd on x, 1st on y (same full on x and y); the rest below on both;
        // z (another full) puts everyone level, so the tie is made of repeating shares of N
        const rules = [
          rankRule("x", "x", f1, groups ? "g1" : undefined),
          rankRule("y", "y", f1, groups ? "g2" : undefined),
          rankRule("z", "z", f2, groups ? "g1" : undefined),
        ];
        const s = scheme(rules, ["x", "y", "z"], groups);
        const rows = Array.from({ length: N }, (_, i) => ({
          name: `单位${i + 1}`,
          x: i === 0 ? 100 : i === 1 ? 99 : 50 - i,
          y: i === 0 ? 99 : i === 1 ? 100 : 50 - i,
          z: i < 2 ? N : (i * 7) % N,
        }));
        const run = miniRun(s, rows);
        const [a, b, c] = run.entities;
        expect(a.total).toBe(b.total);
        expect([a.rank, b.rank]).toEqual([1, 1]);
        const paid = outcome(run);
        expect(paid["单位1"][1]).toBe(250);
        expect(paid["单位2"][1]).toBe(250);
        // the third place (alone or pooled) takes the remaining 100: 600 in all, up to the 0.000001 万元 (1 分) a
        // three-way split of 100 cannot give out
        expect(c.rank).toBeGreaterThanOrEqual(3);
        expect(Math.abs(exactSum(Object.values(paid).map((p) => p[1])) - 600)).toBeLessThanOrEqual(N * 5e-7);
      }),
      { numRuns: 15 },
    );
  });
});

describe("property: permuting units and permuting rules never changes a rank or an award", () => {
  const fields = ["a", "b", "c", "d", "e"];
  const ruleArb = fc.record({
    field: fc.constantFrom(...fields),
    points: fc.constantFrom(1, 2, 2.5, 3, 4, 6, 7, 10, 13),
    reading: fc.constantFrom("rank-step", "rank-linear", "ratio-to-best", "min-max", undefined),
    group: fc.constantFrom("g1", "g2", undefined),
    kind: fc.constantFrom("rank", "rank", "per-unit", "entered"),
  });
  const schemeArb = fc.array(ruleArb, { minLength: 2, maxLength: 7 }).map((rs) =>
    rs.map((r, k): RuleIn => {
      const base = {
        id: `r${k}`,
        clause: `条款${k}`,
        label: `r${k}`,
        description: "d",
        ...(r.group ? { group: r.group } : {}),
      };
      if (r.kind === "per-unit")
        return { ...base, kind: "per-unit", field: r.field, points: r.points / 3, cap: r.points };
      if (r.kind === "entered") return { ...base, kind: "entered", field: r.field, max: r.points };
      return {
        ...base,
        kind: "rank",
        field: r.field,
        points: r.points,
        ...(r.reading ? { reading: r.reading as "rank-step" } : {}),
      };
    }),
  );
  const rowsArb = fc
    .array(
      fc.record({
        a: fc.integer({ min: 0, max: 4 }),
        b: fc.integer({ min: 0, max: 4 }),
        c: fc.integer({ min: 1, max: 3 }),
        d: fc.integer({ min: 0, max: 2 }),
        e: fc.integer({ min: 0, max: 9 }),
      }),
      { minLength: 3, maxLength: 26 },
    )
    .map((rs) => rs.map((r, i) => ({ name: `单位${i + 1}`, ...r })));

  test("ranks and awards by name are the same under any order of units and of rules", () => {
    fc.assert(
      fc.property(
        schemeArb,
        rowsArb,
        fc.array(fc.nat()),
        fc.array(fc.nat()),
        fc.boolean(),
        (rules, rows, uk, rk, groups) => {
          const perm = <T>(xs: T[], keys: number[]) =>
            xs
              .map((x, i) => ({ x, k: keys[i] ?? i }))
              .sort((p, q) => p.k - q.k)
              .map((p) => p.x);
          const rs = groups ? rules : rules.map((r) => ({ ...r, group: undefined }));
          const s1 = scheme(rs, fields, groups);
          const s2 = scheme(perm(rs, rk), fields, groups);
          const a = miniRun(s1, rows);
          const b = miniRun(s2, perm(rows, uk));
          expect(outcome(b)).toEqual(outcome(a));
          // equal totals ⇔ equal ranks
          for (const x of a.entities) for (const y of a.entities) if (x.total === y.total) expect(x.rank).toBe(y.rank);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the one rounding helper", () => {
  test("rounds half away from zero at the 15 digits a spreadsheet keeps, as ROUND does", () => {
    expect(roundTo(1.0000005, 6)).toBe(1.000001);
    expect(roundTo(-2.5, 0)).toBe(-3);
    // the what-if deltas and re-derived fields use it at 9 places (not Math.round, which rounds −x.5 up): a change and
    // its reverse are exact opposites, and a field derived again in a scenario equals the one the reader derived
    expect([roundTo(2.5e-9, 9), roundTo(-2.5e-9, 9)]).toEqual([3e-9, -3e-9]);
    expect(roundTo(-1e-12, 9)).toBe(0);
    expect(Object.is(roundTo(-1e-12, 9), -0)).toBe(false);
    expect(roundTo(0.1 + 0.2, 9)).toBe(0.3);
    // two sums of the same parts in another order, one bit apart
    expect(roundTo(1217 / 13, 6)).toBe(roundTo(1217 / 13 + 2 ** -46, 6));
    expect(roundTo(1217 / 13, 6)).toBe(93.615385);
    expect(displayNumber(85.999999998)).toBe("86");
    expect(displayNumber(93.653846)).toBe("93.65");
    expect(displayNumber(93.5)).toBe("93.50");
  });
  test("exactSum is the exact sum, correctly rounded", () => {
    expect(exactSum([1, 1e100, 1, -1e100])).toBe(2);
    expect(exactSum(new Array(10).fill(0.1))).toBe(1);
    expect(exactSum([])).toBe(0);
  });
  test("exactSum does not depend on the order of its parts", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 30 }), (xs) => {
        expect(exactSum([...xs].reverse())).toBe(exactSum(xs));
        expect(exactSum([...xs].sort((p, q) => p - q))).toBe(exactSum(xs));
      }),
    );
  });
});
