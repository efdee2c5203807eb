/**
 * Result planning grows linearly with the data (issue 14): counted in work, not timed.
 *
 * 1. The formula builder's cell references are counted while planning n and 10 n units; before planning became
 *    linear, every 排序法 cell checked every row (chifeng: ~n² references), so 10× the parks cost ~100× the references.
 * 2. References miss plain loops: at 19bb4fc^ the summary's rank formula counted the ranked units (and the dense rank's
 *    ties) on every row — no reference made, n² element reads. So the run's and the data's per-unit arrays (the
 *    entities, the order, awards, usage, details, each table's rows and each input sheet's rows) are handed to the
 *    planner behind Proxies that count every element read; a scan per row makes 10× the units ~100× the reads.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { Formulas } from "../../src/engine/output/formulas";
import { getBuiltInScheme } from "../../src/schemes";
import { chifengParks, enterprises } from "../office/data";
import type { SheetData } from "../../src/engine/types";
import type { Dataset } from "../../src/engine/dataset";
import type { ScoreRun } from "../../src/engine/score/result";
import type { Scheme } from "../../src/engine/scheme/schema";

function referencesWhilePlanning(sheets: SheetData[], id: string): number {
  const scheme = getBuiltInScheme(id)!;
  const r = checkAndScore(sheets, scheme, { force: true });
  const spy = jest.spyOn(Formulas.prototype, "ref");
  try {
    plan(scheme, r.run!, { formulas: { data: r.dataset!, sheets } });
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("planning the result with live formulas is linear in the units", () => {
  test.each([
    ["chifeng-2020", (n: number) => chifengParks(n), 40],
    ["mujun-template", (n: number) => enterprises(n), 200],
  ])("%s: 10× the units costs at most ~10× the references", (id, make, n) => {
    const small = referencesWhilePlanning(make(n), id);
    const large = referencesWhilePlanning(make(10 * n), id);
    expect(small).toBeGreaterThan(n);
    expect(large / small).toBeLessThanOrEqual(11);
  });
});

/** Element reads of the arrays handed to the planner, by which array they were read from. */
type Reads = Map<string, number>;

/** `a` behind a Proxy that counts reads of its elements (by index: [i], for…of, filter, map, spread, …) as `name`. */
function counted<T>(a: readonly T[], name: string, reads: Reads): T[] {
  return new Proxy(a as T[], {
    get(target, prop, receiver) {
      // an array index is a property name made of digits; length, methods and symbols are not counted
      if (typeof prop === "string" && prop.length > 0 && prop.charCodeAt(0) >= 48 && prop.charCodeAt(0) <= 57)
        reads.set(name, (reads.get(name) ?? 0) + 1);
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** The run with its per-unit arrays counted (details() is built once by the run, so its array is wrapped once). */
function countedRun(run: ScoreRun, reads: Reads): ScoreRun {
  let details: ReturnType<ScoreRun["details"]> | null = null;
  return {
    ...run,
    entities: counted(run.entities, "run.entities", reads),
    order: counted(run.order, "run.order", reads),
    awards: counted(run.awards, "run.awards", reads),
    usage: counted(run.usage, "run.usage", reads),
    details: () => (details ??= counted(run.details(), "run.details()", reads)),
  };
}

function countedData(data: Dataset, reads: Reads): Dataset {
  const tables = Object.fromEntries(
    Object.entries(data.tables).map(([id, t]) => [id, { ...t, rows: counted(t.rows, `table ${id}`, reads) }]),
  );
  return { ...data, tables };
}

/** Every element read of the per-unit arrays while planning with live formulas, and the unit count. */
function readsWhilePlanning(sheets: SheetData[], scheme: Scheme): { total: number; reads: Reads; units: number } {
  const r = checkAndScore(sheets, scheme, { force: true });
  if (!r.run || !r.dataset) throw new Error(`${scheme.id}: the bench data did not score`);
  const reads: Reads = new Map();
  const inputs = sheets.map((s) => ({ ...s, values: counted(s.values, `sheet ${s.name}`, reads) }));
  plan(scheme, countedRun(r.run, reads), { formulas: { data: countedData(r.dataset, reads), sheets: inputs } });
  let total = 0;
  for (const k of reads.values()) total += k;
  return { total, reads, units: r.run.entities.length };
}

const chifeng = getBuiltInScheme("chifeng-2020")!;
const mujun = getBuiltInScheme("mujun-template")!;
/** the dense rank (中国式排名) writes helper columns the competition rank does not */
const mujunDense: Scheme = { ...mujun, ranking: { ...mujun.ranking, ties: "dense" } };

describe("planning reads each unit a bounded number of times (no scan of the units per unit)", () => {
  test.each([
    ["chifeng-2020", chifeng, (n: number) => chifengParks(n), 40],
    ["mujun-template", mujun, (n: number) => enterprises(n), 200],
    ["mujun-template, dense ranks", mujunDense, (n: number) => enterprises(n), 200],
  ])("%s: 10× the units costs at most ~15× the element reads", (_label, scheme, make, n) => {
    const small = readsWhilePlanning(make(n), scheme);
    const large = readsWhilePlanning(make(10 * n), scheme);
    // the count sees the data: every unit is read at least once from the run and from its table
    expect(small.units).toBe(n);
    expect(large.units).toBe(10 * n);
    expect(small.reads.get("run.entities") ?? 0).toBeGreaterThanOrEqual(n);
    expect(small.reads.get(`table ${scheme.entityTable}`) ?? 0).toBeGreaterThanOrEqual(n);
    const ratio = large.total / small.total;
    const by = [...large.reads].map(([k, v]) => `${k}: ${small.reads.get(k) ?? 0} → ${v}`).join(", ");
    // on failure, the message names the arrays and their counts
    expect(ratio <= 15 ? "≤ 15×" : `${ratio.toFixed(1)}× (${by})`).toBe("≤ 15×");
  });
});
