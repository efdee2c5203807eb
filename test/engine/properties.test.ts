import fc from "fast-check";
import { rankPoints, type Reading } from "../../src/engine/score/kinds/rank";
import { miniRun, miniScheme } from "../helpers";
import { roundTo } from "../../src/engine/format";

const READINGS: Reading[] = ["rank-step", "rank-linear", "ratio-to-best", "min-max"];
const value = fc.oneof(
  fc.integer({ min: -50, max: 200 }),
  fc.double({ min: -50, max: 200, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100),
);
const values = fc.array(value, { minLength: 1, maxLength: 25 });

describe("rank readings (properties)", () => {
  test("rank 1 gets full points under every reading (positive values)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 25 }),
        fc.constantFrom(...READINGS),
        fc.boolean(),
        (xs, reading, lower) => {
          const { points, rank } = rankPoints(xs, 7, reading, lower);
          rank.forEach((r, i) => {
            if (r === 1) expect(points[i]).toBe(7);
          });
        },
      ),
    );
  });
  test("tied values get equal points; points stay within [0, full]", () => {
    fc.assert(
      fc.property(
        values,
        fc.constantFrom(...READINGS),
        fc.boolean(),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (xs, reading, lower, floorShare) => {
          const { points } = rankPoints(xs, 6, reading, lower, { floorShare });
          for (let i = 0; i < xs.length; i++) {
            expect(points[i]).toBeGreaterThanOrEqual(0);
            expect(points[i]).toBeLessThanOrEqual(6);
            for (let j = 0; j < xs.length; j++) if (xs[i] === xs[j]) expect(points[i]).toBe(points[j]);
          }
        },
      ),
    );
  });
  test("improving a higher-is-better value never lowers its points", () => {
    fc.assert(
      fc.property(
        values,
        fc.nat(),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom(...READINGS),
        (xs, k, delta, reading) => {
          const i = k % xs.length;
          const before = rankPoints(xs, 10, reading, false).points[i];
          const ys = [...xs];
          ys[i] = Math.round((xs[i] + delta) * 100) / 100;
          const after = rankPoints(ys, 10, reading, false).points[i];
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
    );
  });
  test("lowering a lower-is-better value never lowers its points", () => {
    fc.assert(
      fc.property(
        values,
        fc.nat(),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.constantFrom(...READINGS),
        (xs, k, delta, reading) => {
          const i = k % xs.length;
          const before = rankPoints(xs, 10, reading, true).points[i];
          const ys = [...xs];
          ys[i] = Math.round((xs[i] - delta) * 100) / 100;
          const after = rankPoints(ys, 10, reading, true).points[i];
          // ratio-to-best gives 0 to values ≤ 0 (stated in the basis); the property holds above 0
          if (reading === "ratio-to-best" && ys[i] <= 0) return;
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        },
      ),
    );
  });
});

describe("whole schemes (properties)", () => {
  const scheme = miniScheme(
    [
      { id: "a" },
      { id: "n", type: "count" },
      { id: "b", required: false },
      { id: "k", type: "count" },
      { id: "f", type: "bool" },
    ],
    [
      { id: "r", clause: "1", group: "g1", kind: "rank", field: "a", points: 10, label: "r", description: "d" },
      {
        id: "u",
        clause: "2",
        group: "g1",
        kind: "per-unit",
        field: "n",
        points: 2,
        cap: 6,
        label: "u",
        description: "d",
      },
      {
        id: "t",
        clause: "3",
        group: "g2",
        kind: "tiers",
        over: "units",
        tiers: [
          { when: [{ field: "a", op: ">", value: 50 }], points: 3 },
          { when: [{ field: "a", op: ">", value: 100 }], points: 5 },
        ],
        label: "t",
        description: "d",
      },
      {
        id: "m",
        clause: "4",
        group: "g2",
        kind: "benchmark-ratio",
        field: "b",
        weight: 5,
        benchmark: 40,
        cap: 1.5,
        missing: "mean-score",
        label: "m",
        description: "d",
      },
      {
        id: "d",
        clause: "5",
        role: "deduction",
        kind: "deduction",
        field: "k",
        pointsPer: 1.5,
        max: 4,
        label: "d",
        description: "d",
      },
      { id: "f", clause: "6", role: "bonus", kind: "flag", field: "f", points: 2, label: "f", description: "d" },
    ],
    {
      groups: [
        { id: "g1", name: "一", weight: 14 },
        { id: "g2", name: "二", weight: 8 },
      ],
      notes: ["测试：权重合计不为 100"],
    },
  );
  const row = fc.record({
    a: fc.integer({ min: 0, max: 150 }),
    n: fc.integer({ min: 0, max: 5 }),
    b: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    k: fc.integer({ min: 0, max: 5 }),
    f: fc.constantFrom("是", "否"),
  });
  const table = fc
    .array(row, { minLength: 2, maxLength: 12 })
    .map((rs) => rs.map((r, i) => ({ name: `园区${i + 1}`, ...r })));

  test("totals equal the sum of the parts (groups capped), caps and floors hold", () => {
    fc.assert(
      fc.property(table, (rs) => {
        const run = miniRun(scheme, rs);
        for (const e of run.entities) {
          const p = Object.fromEntries(scheme.rules.map((r, k) => [r.id, e.points[k]]));
          // subtotals and totals are kept at 6 decimals (TOTAL_DECIMALS), from the parts at full precision
          expect(e.groups.g1).toBeCloseTo(Math.min(14, p.r + p.u), 6);
          expect(e.groups.g2).toBeCloseTo(Math.min(8, p.t + p.m), 6);
          expect(e.total).toBeCloseTo(Math.min(14, p.r + p.u) + Math.min(8, p.t + p.m) + p.f + p.d, 6);
          expect(e.total).toBe(roundTo(e.total, 6));
          expect(p.u).toBeLessThanOrEqual(6);
          expect(p.d).toBeGreaterThanOrEqual(-4);
          expect(p.m).toBeLessThanOrEqual(7.5);
          expect([0, 3, 5]).toContain(p.t);
        }
      }),
      { numRuns: 60 },
    );
  });
  test("shuffling the rows changes nothing but their order", () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat()), (rs, keys) => {
        const shuffled = rs
          .map((r, i) => ({ r, k: keys[i] ?? i }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r);
        const a = miniRun(scheme, rs);
        const b = miniRun(scheme, shuffled);
        const byName = (run: typeof a) =>
          Object.fromEntries(run.entities.map((e) => [e.name, [e.total, e.rank, e.points.join()]]));
        expect(byName(b)).toEqual(byName(a));
      }),
      { numRuns: 40 },
    );
  });
  test("improving an indicator never lowers that entity's total", () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.integer({ min: 1, max: 60 }), (rs, k, delta) => {
        const i = k % rs.length;
        const before = miniRun(scheme, rs).entities[i].total;
        const better = rs.map((r, j) => (j === i ? { ...r, a: r.a + delta } : r));
        expect(miniRun(scheme, better).entities[i].total).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
