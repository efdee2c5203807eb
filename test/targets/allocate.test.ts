/** Allocation properties (fast-check): exact totals, floors, filled cells, rising series, clear infeasibility. */
import fc from "fast-check";
import { allocate, gridInt, TargetError } from "../../src/engine/targets/allocate";
import { proposeFill, emptyTargetTable } from "../../src/engine/targets/fill";
import { parseTargetScheme } from "../../src/engine/targets/schema";
import { message } from "../../src/engine/messages";

const names = (n: number) => Array.from({ length: n }, (_, i) => `单位${i + 1}`);

describe("allocate", () => {
  it("reaches the total exactly after rounding, for random weights, totals and precisions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        (weights, decimals, totalInt) => {
          const total = totalInt / 10 ** decimals;
          const v = allocate({ names: names(weights.length), total, weights, decimals, label: "t" });
          const sum = v.reduce((s, x) => s + gridInt(x, decimals), 0);
          expect(sum).toBe(totalInt);
          for (const x of v) expect(Math.abs(x * 10 ** decimals - Math.round(x * 10 ** decimals))).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it("keeps every floor and never changes a filled cell", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            w: fc.integer({ min: 0, max: 1000 }),
            floor: fc.option(fc.integer({ min: 0, max: 50 })),
            fixed: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 3 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.integer({ min: 0, max: 3000 }),
        (units, extra) => {
          const fixedSum = units.reduce((s, u) => s + (u.fixed ?? 0), 0);
          const floorSum = units.reduce((s, u) => s + (u.fixed === null ? (u.floor ?? 0) : 0), 0);
          const allFixed = units.every((u) => u.fixed !== null);
          const total = fixedSum + (allFixed ? 0 : floorSum + extra);
          const v = allocate({
            names: names(units.length),
            total,
            weights: units.map((u) => u.w),
            floors: units.map((u) => u.floor),
            fixed: units.map((u) => u.fixed),
            decimals: 0,
            label: "t",
          });
          expect(v.reduce((s, x) => s + x, 0)).toBe(total);
          units.forEach((u, i) => {
            if (u.fixed !== null) expect(v[i]).toBe(u.fixed);
            else expect(v[i]).toBeGreaterThanOrEqual(u.floor ?? -Infinity);
          });
        },
      ),
    );
  });

  it("floors above the total give an error naming the floors, in both languages", () => {
    let err: unknown;
    try {
      allocate({
        names: ["濉溪", "相山", "杜集"],
        total: 2,
        weights: [1, 1, 1],
        floors: [1, 1, 1],
        decimals: 0,
        label: "新增上市企业 2025年",
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TargetError);
    const e = err as TargetError;
    expect(e.code).toBe("floors-exceed-total");
    const zh = message("zh", e.code, e.params);
    expect(zh).toContain("新增上市企业 2025年");
    expect(zh).toContain("濉溪 ≥ 1");
    expect(zh).toContain("合计 3");
    expect(message("en", e.code, e.params)).toContain("infeasible");
  });

  it("filled cells that already exceed the total leave negative room: an error, not a silent violation", () => {
    expect(() =>
      allocate({
        names: names(3),
        total: 10,
        weights: [1, 1, 1],
        fixed: [8, 5, null],
        floors: [0, 0, 0],
        decimals: 0,
        label: "x",
      }),
    ).toThrow(TargetError);
  });

  it("a total off the table's precision is refused", () => {
    expect(() => allocate({ names: names(2), total: 10.5, weights: [1, 1], decimals: 0, label: "x" })).toThrow(
      /total-off-grid/,
    );
  });

  it("equal weights split a remainder deterministically and the total stays exact", () => {
    expect(allocate({ names: names(3), total: 10, weights: [1, 1, 1], decimals: 0, label: "x" })).toEqual([4, 3, 3]);
  });
});

const scheme = (rising: boolean, floor?: number) =>
  parseTargetScheme({
    id: "t",
    name: "t",
    nameEn: "t",
    source: "test",
    year: 2023,
    table: {
      title: "测试目标表",
      unitHeader: ["单位"],
      indicators: [
        {
          id: "x",
          name: "产值",
          unit: "亿元",
          decimals: 1,
          years: [2022, 2023, 2024, 2025],
          baseYear: 2022,
          totals: {},
          rising,
          floor,
          cite: "test",
        },
      ],
    },
  });

describe("proposeFill on random tables", () => {
  it("series rise year on year, horizon totals are exact, filled cells are kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom("geometric" as const, "linear" as const),
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { freq: 2 }), { minLength: 8, maxLength: 8 }),
        (bases10, growth10, method, filledMid) => {
          const s = scheme(true);
          const units = bases10.map((_, i) => `单位${i}`);
          const t = emptyTargetTable(s.table!, units);
          bases10.forEach((b, i) => (t.values[i][0] = b / 10));
          // a few filled 2023 cells (above the base, so a rising series stays possible)
          const filled = bases10.map((b, i) => (filledMid[i] === null ? null : (b + filledMid[i]!) / 10));
          filled.forEach((f, i) => (t.values[i][1] = f));
          const sumBase = bases10.reduce((x, y) => x + y, 0);
          const maxKnown = bases10.map((b, i) => Math.max(b, filled[i] === null ? 0 : b + filledMid[i]!));
          const totalInt = maxKnown.reduce((x, y) => x + y, 0) + growth10;
          t.totals[3] = totalInt / 10;
          const p = proposeFill(s.table!, t, { method, allocate: "base" });
          expect(p.values.flat().every((v) => typeof v === "number")).toBe(true);
          const values = p.values as number[][];
          expect(values.reduce((x, r) => x + gridInt(r[3], 1), 0)).toBe(totalInt);
          values.forEach((r, i) => {
            expect(r[0]).toBe(bases10[i] / 10);
            if (filled[i] !== null) expect(r[1]).toBe(filled[i]);
            for (let y = 1; y < 4; y++) expect(gridInt(r[y], 1)).toBeGreaterThanOrEqual(gridInt(r[y - 1], 1));
          });
          expect(sumBase).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("allocation by share of growth", () => {
  it("splits the increment by the last increment, keeps each base, and names the missing prior year", () => {
    const s = parseTargetScheme({
      id: "g",
      name: "g",
      nameEn: "g",
      source: "test",
      year: 2023,
      table: {
        title: "t",
        unitHeader: ["单位"],
        indicators: [
          {
            id: "x",
            name: "产值",
            unit: "亿元",
            decimals: 0,
            years: [2022, 2025],
            baseYear: 2022,
            totals: { "2025": 160 },
            cite: "t",
          },
        ],
      },
    });
    const t = emptyTargetTable(s.table!, ["甲", "乙", "丙"]);
    [50, 30, 20].forEach((b, i) => (t.values[i][0] = b));
    // last increments 2021→2022: 甲 +10, 乙 +30, 丙 0 (丙 takes none of the 60 to add)
    const p = proposeFill(s.table!, t, {
      method: "linear",
      allocate: "growth",
      prior: { x: { 甲: 40, 乙: 0, 丙: 20 } },
    });
    expect(p.values.map((r) => r[1])).toEqual([65, 75, 20]);
    let err: TargetError | undefined;
    try {
      proposeFill(s.table!, t, { method: "linear", allocate: "growth", prior: { x: { 甲: 40 } } });
    } catch (e) {
      err = e as TargetError;
    }
    expect(err?.code).toBe("prior-missing");
    expect(message("zh", err!.code, err!.params)).toContain("乙、丙");
  });
});

describe("a table that lacks a column", () => {
  it("an indicator without its horizon year is left empty (marked so), not filled with zeros", () => {
    const s = scheme(true);
    const t = emptyTargetTable(s.table!, ["甲", "乙"]);
    t.columns = t.columns.slice(0, 3); // 2022–2024 only
    t.values = [
      [10, null, null],
      [20, null, null],
    ];
    t.totals = [30, null, null];
    const p = proposeFill(s.table!, t, { method: "linear", allocate: "base" });
    expect(p.values).toEqual([
      [10, null, null],
      [20, null, null],
    ]);
    expect(p.source[0]).toEqual(["filled", "empty", "empty"]);
  });
});
