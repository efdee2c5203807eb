/**
 * Gap to the next level, property-tested for every rule kind: applying the reported change reaches the level (the
 * whole scheme rescored, not the gap code's own arithmetic), and a smaller change — one step less at the data's
 * resolution, or 99.9 % of it at that resolution — does not.
 */
import fc from "fast-check";
import { score } from "../../src/engine/score/scoring";
import { applyChanges, type Change } from "../../src/engine/whatif/changes";
import { makeEnv, type RuleGap } from "../../src/engine/whatif/gap-env";
import { GAP_FNS, gapFor } from "../../src/engine/whatif/gap-kinds";
import type { RuleKind } from "../../src/engine/whatif/gap-env";
import { book, huaibei, miniScheme } from "../helpers";
import { checkAndScore } from "../../src/engine/pipeline";
import { build, names, type Built } from "./fixtures";

const RUNS = Number(process.env.WHATIF_RUNS ?? 40);
const seen = new Map<RuleKind, { gap: number; capped: number }>();
/** gaps found per rule id, to show each variant was exercised */
const seenRule = new Map<string, number>();

function pointsAfter(b: Built, changes: Change[], unit: number, k: number): number {
  const d = applyChanges(b.scheme, b.data, changes);
  return score(b.scheme, d, { options: b.run.options }).entities[unit].points[k];
}

/** the same change set with change j made smaller: its value moved back toward the original by `back` */
function shrink(g: RuleGap, j: number, back: number): Change[] {
  return g.changes.map((c, m) => {
    if (m !== j || c.change.op !== "set" || typeof c.change.value !== "number") return c.change;
    return { ...c.change, value: Math.round((c.change.value - back) * 1e9) / 1e9 };
  });
}

/** check every gap of every unit for the rules of the given kinds */
function verify(b: Built, kinds?: RuleKind[]) {
  b.scheme.rules.forEach((rule, k) => {
    if (kinds && !kinds.includes(rule.kind)) return;
    const env = makeEnv(b.scheme, b.data, b.run, k);
    b.run.entities.forEach((e, i) => {
      const g = gapFor(rule, env, i);
      if (!g) return;
      const s = seen.get(rule.kind) ?? { gap: 0, capped: 0 };
      seen.set(rule.kind, s);
      expect(g.pointsBefore).toBe(e.points[k]);
      if (g.status === "capped") {
        s.capped++;
        expect(g.changes).toEqual([]);
        return;
      }
      s.gap++;
      seenRule.set(rule.id, (seenRule.get(rule.id) ?? 0) + 1);
      const changes = g.changes.map((c) => c.change);
      if (rule.kind === "veto") {
        const d = applyChanges(b.scheme, b.data, changes);
        expect(score(b.scheme, d).entities[i].vetoReason ?? "").not.toContain(rule.reason);
        return;
      }
      // the change reaches the level, by the whole scheme rescored
      const after = pointsAfter(b, changes, i, k);
      expect(after).toBeCloseTo(g.pointsAfter, 9);
      expect(g.gain).toBeGreaterThan(0);
      // any smaller change does not: one step less at the data's resolution, and 99.9 % of the change
      g.changes.forEach((c, j) => {
        if (c.change.op !== "set" || typeof c.to !== "number" || c.res === null) return;
        const delta = typeof c.from === "number" ? c.to - c.from : null;
        const sign = delta === null ? 1 : Math.sign(delta);
        if (delta === 0) return;
        expect(pointsAfter(b, shrink(g, j, sign * c.res), i, k)).toBeLessThan(g.pointsAfter - 1e-9);
        if (delta === null) return;
        // 99.9 % of the change, on the data's grid (a value the data could hold), rounded toward the original
        const part = Math.floor(Math.abs(delta * 0.999) / c.res + 1e-9) * c.res * sign;
        expect(pointsAfter(b, shrink(g, j, delta - part), i, k)).toBeLessThan(g.pointsAfter - 1e-9);
      });
    });
  });
}

const dec1 = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);

describe("gap to the next level: property tests for every rule kind", () => {
  test("rank (排序法), every reading, higher and lower is better, ties and missing values", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.integer({ min: 0, max: 40 }).map((x) => x / 2),
            { freq: 8 },
          ),
          { minLength: 2, maxLength: 7 },
        ),
        fc.constantFrom("rank-step", "rank-linear", "ratio-to-best", "min-max"),
        fc.boolean(),
        (xs, reading, lower) => {
          const s = miniScheme(
            [{ id: "x", direction: lower ? "lower" : "higher" }],
            [{ id: "r", clause: "三、1", kind: "rank", field: "x", points: 10, label: "x", description: "d" }],
          );
          verify(
            build(
              s,
              xs.map((x, i) => ({ name: names(7)[i], x })),
              {},
              { rankReading: reading },
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("tiers on the unit's own row (a derived field: 产值增量), targets, per-unit counts and flags (huaibei-2023)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            outputPrev: dec1(50, 300),
            inc: dec1(-20, 160),
            newProjects: fc.integer({ min: 0, max: 30 }),
            enterprises: fc.integer({ min: 0, max: 120 }),
            listed: fc.integer({ min: 0, max: 3 }),
            landTask: fc.constantFrom("是", "否"),
            goal: dec1(100, 400),
            goalProjects: fc.integer({ min: 5, max: 25 }),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        (zs) => {
          const sheets = book({
            zones: zs.map((z, i) => ({
              name: `开发区${i + 1}`,
              outputPrev: z.outputPrev,
              output: Math.round((z.outputPrev + z.inc) * 10) / 10,
              newProjects: z.newProjects,
              enterprises: z.enterprises,
              listed: z.listed,
              landTask: z.landTask,
            })),
            targets: zs.map((z, i) => ({
              name: `开发区${i + 1}`,
              "output@2023": z.goal,
              newProjects: z.goalProjects,
              "enterprises@2023": 60,
            })),
          });
          const r = checkAndScore(sheets, huaibei, { force: true });
          verify({ scheme: huaibei, data: r.dataset!, run: r.run! }, ["tiers", "target", "per-unit", "flag"]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("tiers over project and enterprise lists (two conditions a tier), a new row where no row can rise", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ planned: dec1(0, 150), actual: dec1(0, 30), zone: fc.integer({ min: 0, max: 2 }) }), {
          maxLength: 6,
        }),
        fc.array(fc.record({ revenue: dec1(0, 140), prevMax: dec1(0, 120), zone: fc.integer({ min: 0, max: 2 }) }), {
          maxLength: 5,
        }),
        (ps, es) => {
          const zones = ["甲开发区", "乙开发区", "丙开发区"];
          const sheets = book({
            zones: zones.map((name) => ({ name })),
            projects: ps.map((p, k) => ({
              name: `项目${k + 1}`,
              zone: zones[p.zone],
              planned: p.planned,
              actual: p.actual,
            })),
            enterprises: es.map((e, k) => ({
              name: `企业${k + 1}`,
              zone: zones[e.zone],
              revenue: e.revenue,
              prevMax: e.prevMax,
            })),
          });
          const r = checkAndScore(sheets, huaibei, { force: true });
          verify({ scheme: huaibei, data: r.dataset!, run: r.run! }, ["tiers"]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("cumulative tiers with ≥ and < conditions", () => {
    fc.assert(
      fc.property(
        fc.array(dec1(0, 100), { minLength: 1, maxLength: 5 }),
        fc.array(dec1(0, 50), { minLength: 5, maxLength: 5 }),
        (xs, ys) => {
          const s = miniScheme(
            [{ id: "x" }, { id: "y" }],
            [
              {
                id: "t",
                clause: "c",
                kind: "tiers",
                over: "units",
                cumulative: true,
                tiers: [
                  { when: [{ field: "x", op: ">=", value: 30 }], points: 3 },
                  { when: [{ field: "x", op: ">", value: 60 }], points: 5 },
                  { when: [{ field: "y", op: "<", value: 10 }], points: 2 },
                ],
                label: "t",
                description: "d",
              },
            ],
          );
          verify(
            build(
              s,
              xs.map((x, i) => ({ name: names(5)[i], x, y: ys[i] })),
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("per-unit with a cap, entered scores, growth steps, deductions with a maximum", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            n: fc.integer({ min: 0, max: 6 }),
            e: fc.option(dec1(0, 12), { freq: 6 }),
            g: dec1(-30, 40),
            d: fc.integer({ min: 0, max: 6 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom("proportional", "zero"),
        (us, below) => {
          const s = miniScheme(
            [{ id: "n", type: "count" }, { id: "e" }, { id: "g", unit: "%" }, { id: "d", type: "count" }],
            [
              { id: "pu", clause: "c", kind: "per-unit", field: "n", points: 1, cap: 3, label: "pu", description: "d" },
              { id: "en", clause: "c", kind: "entered", field: "e", max: 10, label: "en", description: "d" },
              {
                id: "gr",
                clause: "c",
                kind: "growth-steps",
                field: "g",
                points: 10,
                baseShare: 0.6,
                stepPct: 5,
                stepPoints: 1,
                bonusCapShare: 0.4,
                below,
                label: "gr",
                description: "d",
              },
              {
                id: "de",
                clause: "c",
                kind: "deduction",
                field: "d",
                pointsPer: 2,
                max: 5,
                label: "de",
                description: "d",
                role: "deduction",
              },
            ],
          );
          verify(
            build(
              s,
              us.map((u, i) => ({ name: names(5)[i], ...u })),
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("benchmark ratios (higher and lower is better), certifications (sum and highest), vetoes", () => {
    const levels = ["国家级", "省级", "无", null];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.option(dec1(0.1, 50), { freq: 6 }),
            y: dec1(0.5, 40),
            c1: fc.constantFrom(...levels),
            c2: fc.constantFrom(...levels),
            v: fc.constantFrom("是", "否", "否"),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        fc.constantFrom("sum", "highest"),
        (us, mode) => {
          const s = miniScheme(
            [
              { id: "x" },
              { id: "y", direction: "lower" },
              { id: "c1", type: "text" },
              { id: "c2", type: "text" },
              { id: "v", type: "bool" },
            ],
            [
              { id: "vt", clause: "c", kind: "veto", field: "v", reason: "事故", label: "vt", description: "d" },
              {
                id: "bx",
                clause: "c",
                kind: "benchmark-ratio",
                field: "x",
                weight: 30,
                benchmark: 12.5,
                cap: 1.2,
                label: "bx",
                description: "d",
              },
              {
                id: "by",
                clause: "c",
                kind: "benchmark-ratio",
                field: "y",
                weight: 20,
                benchmark: 7.5,
                cap: 1.5,
                label: "by",
                description: "d",
              },
              {
                id: "ce",
                clause: "c",
                kind: "certification",
                fields: ["c1", "c2"],
                levels: [
                  { match: "国家级", points: 10 },
                  { match: "省级", points: 5 },
                ],
                mode,
                label: "ce",
                description: "d",
                role: "bonus",
              },
            ],
          );
          verify(
            build(
              s,
              us.map((u, i) => ({ name: names(5)[i], ...u })),
            ),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("targets, all-or-nothing and proportional with a cap ratio; rank with bureau-entered points", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.option(dec1(0, 150), { freq: 6 }),
            goal: dec1(10, 120),
            ep: fc.option(dec1(0, 10), { freq: 3 }),
          }),
          {
            minLength: 2,
            maxLength: 5,
          },
        ),
        fc.constantFrom(">=", ">"),
        (us, op) => {
          const s = miniScheme(
            [{ id: "x" }, { id: "ep" }],
            [
              {
                id: "ta",
                clause: "c",
                kind: "target",
                field: "x",
                target: { table: "goals", column: "goal" },
                op,
                points: 10,
                label: "ta",
                description: "d",
              },
              {
                id: "tp",
                clause: "c",
                kind: "target",
                field: "x",
                target: { table: "goals", column: "goal" },
                mode: "proportional",
                capRatio: 1.2,
                points: 20,
                label: "tp",
                description: "d",
              },
              {
                id: "rk",
                clause: "c",
                kind: "rank",
                field: "x",
                points: 10,
                enteredPoints: "ep",
                label: "rk",
                description: "d",
              },
            ],
            {
              tables: [
                {
                  id: "goals",
                  name: "目标表",
                  level: "targets",
                  columns: [
                    { id: "name", name: "单位", type: "text", role: "key", required: true },
                    { id: "goal", name: "目标", type: "number" },
                  ],
                },
              ],
            },
          );
          const rows = us.map((u, i) => ({ name: names(5)[i], x: u.x, ep: u.ep }));
          verify(build(s, rows, { goals: us.map((u, i) => ({ name: names(5)[i], goal: u.goal })) }));
        },
      ),
      { numRuns: RUNS },
    );
    for (const id of ["ta", "tp", "rk"]) expect([id, (seenRule.get(id) ?? 0) > 0]).toEqual([id, true]);
  });

  test("every rule kind has a gap function, and every kind was exercised with a gap and (where one exists) a cap", () => {
    const kinds = Object.keys(GAP_FNS).sort();
    expect([...seen.keys()].sort()).toEqual(kinds);
    for (const k of kinds) expect(seen.get(k as RuleKind)!.gap).toBeGreaterThan(0);
    for (const k of [
      "tiers",
      "target",
      "per-unit",
      "flag",
      "entered",
      "growth-steps",
      "benchmark-ratio",
      "certification",
      "deduction",
      "rank",
    ])
      expect([k, seen.get(k as RuleKind)!.capped > 0]).toEqual([k, true]);
  });
});
