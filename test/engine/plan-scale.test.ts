/**
 * Result planning grows linearly with the data (issue 14): counted in work, not timed.
 *
 * 1. The formula builder's cell references are counted while planning n and 10 n units; before planning became
 *    linear, every 排序法 cell checked every row (chifeng: ~n² references), so 10× the parks cost ~100× the references.
 * 2. References miss plain loops: at 19bb4fc^ the summary's rank formula counted the ranked units (and the dense rank's
 *    ties) on every row — no reference made, n² element reads. So the run's and the data's per-unit arrays (the
 *    entities, the order, awards, usage, details, each table's rows and each input sheet's rows) are handed to the
 *    planner behind Proxies that count every element read, and while planning, the built-ins that scan a collection
 *    (Array / typed-array methods, iterators, Map and Set iteration) count what they scan — which also sees arrays the
 *    planner builds itself. A scan of the units per unit makes 10× the units ~100× the count. With 19bb4fc^'s
 *    summary-formulas.ts applied, or with one `fc.pos.indexOf(…)` per rank cell, these cases fail (22× to 92×).
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

/** elements scanned by built-ins: in all, and in scans of collections at least `units` long */
interface Visits {
  all: number;
  long: number;
  units: number;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;
const ARRAY_SCANS = ["concat", "every", "some", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat"]
  .concat(["flatMap", "forEach", "includes", "indexOf", "lastIndexOf", "join", "map", "reduce", "reduceRight"])
  .concat(["reverse", "sort", "fill", "keys", "values", "entries"]);
const COLLECTION_SCANS = ["forEach", "keys", "values", "entries"];

/**
 * Until the returned function is called, every scan by a built-in method adds the size of what it scans to
 * `visits.n`: the Array and typed-array methods that walk the elements (and slice / splice: the elements they copy),
 * iterators (for…of, spread, Array.from, destructuring) and Map / Set iteration. This also sees arrays and maps the
 * planner builds itself; a hand-written index loop it does not see (the Proxies above see those over the run's arrays).
 */
function countBuiltinScans(visits: Visits): () => void {
  const saved: Array<[object, PropertyKey, PropertyDescriptor]> = [];
  const wrap = (proto: object, key: PropertyKey, size: (self: never, result: never) => number) => {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (!d || typeof d.value !== "function") return;
    const orig = d.value as Method;
    saved.push([proto, key, d]);
    const value: Method = function (this: unknown, ...args: unknown[]) {
      const result = orig.apply(this, args);
      const k = size(this as never, result as never);
      visits.all += k;
      if (k >= visits.units) visits.long += k;
      return result;
    };
    Object.defineProperty(proto, key, { ...d, value });
  };
  const length = (self: { length: number }) => self.length;
  const size = (self: { size: number }) => self.size;
  const copied = (_: unknown, result: { length: number }) => result.length;
  const typed = Object.getPrototypeOf(Int32Array.prototype) as object;
  for (const proto of [Array.prototype, typed]) {
    for (const key of [...ARRAY_SCANS, Symbol.iterator]) wrap(proto, key, length);
    wrap(proto, "slice", copied);
  }
  wrap(Array.prototype, "splice", length);
  for (const proto of [Map.prototype, Set.prototype])
    for (const key of [...COLLECTION_SCANS, Symbol.iterator]) wrap(proto, key, size);
  visits.all = visits.long = 0; // the setup above scanned its own lists
  return () => {
    // an index loop: the built-ins are still counted here
    for (let i = saved.length - 1; i >= 0; i--) Object.defineProperty(saved[i][0], saved[i][1], saved[i][2]);
  };
}

interface Work {
  /** element reads of the run's and the data's per-unit arrays, in all */
  total: number;
  reads: Reads;
  /** elements scanned by built-in methods (any array, map or set) */
  scanned: number;
  /** the same, counting only scans of collections with at least as many elements as units */
  scannedLong: number;
  units: number;
}

/** The work of planning (with live formulas, or values only), counted two ways, and the unit count. */
function workWhilePlanning(sheets: SheetData[], scheme: Scheme, live: boolean): Work {
  const r = checkAndScore(sheets, scheme, { force: true });
  if (!r.run || !r.dataset) throw new Error(`${scheme.id}: the bench data did not score`);
  const reads: Reads = new Map();
  const inputs = sheets.map((s) => ({ ...s, values: counted(s.values, `sheet ${s.name}`, reads) }));
  const run = countedRun(r.run, reads);
  const data = countedData(r.dataset, reads);
  const visits: Visits = { all: 0, long: 0, units: r.run.entities.length };
  const restore = countBuiltinScans(visits);
  try {
    plan(scheme, run, live ? { formulas: { data, sheets: inputs } } : {});
  } finally {
    restore();
  }
  let total = 0;
  for (const k of reads.values()) total += k;
  const { all: scanned, long: scannedLong } = visits;
  return { total, reads, scanned, scannedLong, units: r.run.entities.length };
}

const chifeng = getBuiltInScheme("chifeng-2020")!;
const mujun = getBuiltInScheme("mujun-template")!;
/** the dense rank (中国式排名) writes helper columns the competition rank does not */
const mujunDense: Scheme = { ...mujun, ranking: { ...mujun.ranking, ties: "dense" } };

describe("planning reads each unit a bounded number of times (no scan of the units per unit)", () => {
  test.each([
    ["chifeng-2020", chifeng, (n: number) => chifengParks(n), 100, true],
    ["mujun-template", mujun, (n: number) => enterprises(n), 200, true],
    ["mujun-template, dense ranks", mujunDense, (n: number) => enterprises(n), 200, true],
    ["chifeng-2020, values only", chifeng, (n: number) => chifengParks(n), 100, false],
    ["mujun-template, values only", mujun, (n: number) => enterprises(n), 200, false],
  ])("%s: 10× the units costs at most ~15× the element reads and scans", (_label, scheme, make, n, live) => {
    const small = workWhilePlanning(make(n), scheme, live);
    const large = workWhilePlanning(make(10 * n), scheme, live);
    // the count sees the data: every unit is read at least once from the run and from its table
    expect(small.units).toBe(n);
    expect(large.units).toBe(10 * n);
    expect(small.reads.get("run.entities") ?? 0).toBeGreaterThanOrEqual(n);
    // (the values-only plan is not given the data)
    if (live) expect(small.reads.get(`table ${scheme.entityTable}`) ?? 0).toBeGreaterThanOrEqual(n);
    expect(small.scanned).toBeGreaterThan(n);
    expect(small.scannedLong).toBeGreaterThanOrEqual(n);
    // at most ~15× the work, counted three ways; on failure the message shows the counts (the reads by array)
    const within = (a: number, z: number, what = `${a} → ${z}`) =>
      z / a <= 15 ? "≤ 15×" : `${(z / a).toFixed(1)}× (${what})`;
    const by = [...large.reads].map(([k, v]) => `${k}: ${small.reads.get(k) ?? 0} → ${v}`).join(", ");
    expect({
      reads: within(small.total, large.total, by),
      scans: within(small.scanned, large.scanned),
      // sharper: the work a unit legitimately costs (its rules, its cells) is not in it
      unitLongScans: within(small.scannedLong, large.scannedLong),
    }).toEqual({ reads: "≤ 15×", scans: "≤ 15×", unitLongScans: "≤ 15×" });
  });
});
