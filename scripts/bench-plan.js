// npm run bench:plan [-- [--only=mujun|chifeng] [--sizes=1000,10000] <old build dir> …]: the cost of building the
// result plan as the data grows (issue 14), printed as Markdown for BENCHMARKS.md. Uses the engine in build/node. Each
// cell is "wall time (CPU time, user + system, of the process)": on a shared machine the CPU time is the steadier.
//
// mujun: mujun-template at 1,000 / 10,000 / 100,000 enterprises (src/samples/large.ts, as `npm run bench`): the
// values-only plan and the plan with live formulas (`plan(scheme, run, { formulas: { data, sheets } })`), each also
// with the compact 明细 (one row per unit) at every size (`detailLimit: 0`; by default it is compact only above 2,000
// units, so the default plan changes shape between 1,000 and 10,000), beside two baselines measured in the same run
// on the same data: scoring alone, and one sort of the n totals (an n log n reference). Then the ratio per 10× step of
// each, next to the n log n ratio 10 · log(10n) / log(n). Each old build given is planned with live formulas at the sizes up to 10,000 only (the old
// engines are quadratic: 100,000 would take tens of minutes). Minimum of 10 runs at 1,000, 8 at 10,000, 2 at 100,000
// (an old engine: 3 at 1,000, 1 at 10,000; the sort: 20).
//
// chifeng (with an old build): chifeng-2020 with a vetoed park every 97 (so 排序法 uses the SUMPRODUCT form), the first
// old engine and this one in one process, at 250, 500 and 1,000 parks: minimum of 3 runs each (1 for the old engine
// at 1,000), scoring alone as the baseline.
//
// Build an old engine (e.g. 8ffd208, before planning was linear; 19bb4fc^, with the rank formula's per-row count):
// git archive <commit> src tsconfig*.json | tar -x -C build/oldsrc && npx tsc -p build/oldsrc/tsconfig.cli.json \
//   --outDir build/old
// Run with --expose-gc (the npm script does) so that each run starts after a collection.
"use strict";
const path = require("path");
const os = require("os");
const { execFileSync } = require("child_process");
const { performance, PerformanceObserver } = require("perf_hooks");
const { chifengParks } = require("./chifeng-parks");

const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith("--only=")) || "").slice("--only=".length);
const sizesArg = (args.find((a) => a.startsWith("--sizes=")) || "").slice("--sizes=".length);
const sizes = sizesArg ? sizesArg.split(",").map(Number) : [1000, 10000, 100000];
const oldDirs = args.filter((a) => !a.startsWith("--")).map((d) => path.resolve(d));
const newDir = path.join(__dirname, "..", "build", "node");
const loader = (dir) => (m) => require(path.join(dir, m));
/** sizes above this are not planned by an old engine (quadratic) */
const OLD_MAX = 10000;

/** The least wall time of k runs of f, in ms, and (the `cpu` field) the least CPU time, user + system, of the same runs. */
function min(f, k) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let i = 0; i < k; i++) {
    if (global.gc) global.gc();
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall = Math.min(wall, performance.now() - t);
    const d = process.cpuUsage(c);
    cpu = Math.min(cpu, (d.user + d.system) / 1000);
  }
  return Object.assign(new Number(wall), { cpu });
}
/**
 * The mean wall and CPU time of f over back-to-back runs (at least 3, and at least ~1 s of work), with no collection
 * forced between them: the collector's cost is shared out over the runs as it is in use. The least of k runs after a
 * forced collection (`min`) leaves it out of small plans (at 10,000 units the whole plan fits in the young generation)
 * but not out of large ones, which biases the ratio per 10× step against the larger size.
 */
function series(f) {
  if (global.gc) global.gc();
  let runs = 0;
  const c = process.cpuUsage();
  const t = performance.now();
  while (runs < 3 || performance.now() - t < 1000) {
    f();
    runs++;
  }
  const d = process.cpuUsage(c);
  return Object.assign(new Number((performance.now() - t) / runs), { cpu: (d.user + d.system) / 1000 / runs, runs });
}
const fmt1 = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
/** "wall (CPU)" */
const fmt = (x) => `${fmt1(+x)} (${fmt1(x.cpu)})`;
const loads = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");

/**
 * The garbage collector's time (ms) during one run of f, after a collection, and the run's CPU time: the "gc" entries
 * of a PerformanceObserver that start within the run (they are delivered after it, hence the wait).
 */
async function gcTime(f) {
  const entries = [];
  const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  obs.observe({ entryTypes: ["gc"] });
  if (global.gc) global.gc();
  await new Promise((r) => setTimeout(r, 20));
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const end = performance.now();
  const d = process.cpuUsage(c);
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  const gc = entries.filter((e) => e.startTime >= t && e.startTime < end).reduce((a, e) => a + e.duration, 0);
  return { gc, cpu: (d.user + d.system) / 1000 };
}

/** mujun-template with n enterprises, checked and scored by the engine build `b` (the sheets as the reader gives). */
function mujunSetup(b, sheets) {
  const { getBuiltInScheme } = b("schemes");
  const { check, plan } = b("engine/pipeline");
  const { score } = b("engine/score/scoring");
  const scheme = getBuiltInScheme("mujun-template");
  const c = check(sheets, scheme, { year: 2023 });
  if (c.errors) throw new Error(`mujun bench data has errors: ${JSON.stringify(c.issues.slice(0, 3))}`);
  const data = c.dataset;
  const run = score(scheme, data);
  return {
    units: run.entities.length,
    totals: run.entities.map((e) => e.total),
    score: () => score(scheme, data),
    values: () => plan(scheme, run),
    valuesCompact: () => plan(scheme, run, { detailLimit: 0 }),
    formulas: () => plan(scheme, run, { formulas: { data, sheets } }),
    compact: () => plan(scheme, run, { formulas: { data, sheets }, detailLimit: 0 }),
  };
}

async function mujunRow(n, warmUp = false) {
  const b = loader(newDir);
  const { asSheets, mujunEnterprisesPlan } = b("samples/large");
  const sheets = asSheets(mujunEnterprisesPlan(b("schemes").getBuiltInScheme("mujun-template"), n));
  const k = warmUp ? 3 : n <= 1000 ? 10 : n <= 10000 ? 8 : 2;
  const B = mujunSetup(b, sheets);
  if (B.units !== n) throw new Error(`${B.units} enterprises scored, ${n} made`);
  const row = { n };
  row.sort = min(() => [...B.totals].sort((x, y) => y - x), 20);
  row.score = min(B.score, k);
  row.values = min(B.values, k);
  row.valuesCompact = min(B.valuesCompact, k);
  row.formulas = min(B.formulas, k);
  row.compact = min(B.compact, k);
  row.valuesSeries = series(B.values);
  if (warmUp) return row;
  row.gc = await gcTime(B.values);
  row.old = oldDirs.map((dir) =>
    n > OLD_MAX ? null : min(mujunSetup(loader(dir), sheets).formulas, n > 1000 ? 1 : 3),
  );
  // the values plan of each old build at every size (it was not quadratic), for a before/after in the same run
  row.oldValues = [];
  row.oldGc = [];
  for (const dir of oldDirs) {
    const old = mujunSetup(loader(dir), sheets);
    row.oldValues.push(min(old.values, k));
    row.oldGc.push(await gcTime(old.values));
  }
  return row;
}

async function mujunSection() {
  const cols = ["sort", "score", "values", "valuesCompact", "formulas", "compact", "valuesSeries"];
  const titles =
    "plan, values | the same, compact 明细 | plan, live formulas | the same, compact 明细 | " +
    "plan, values: mean of back-to-back runs (collections shared out)";
  const oldNames = oldDirs.map((d) => path.basename(d));
  const rows = [];
  console.log(
    `| enterprises | sort the n totals once (n log n) | score (baseline) | ${titles} |` +
      oldNames.map((o) => ` ${o}: plan, live formulas | ${o}: plan, values |`).join(""),
  );
  console.log(`|---|---|---|---|---|---|---|---|${oldNames.map(() => "---|---|").join("")}`);
  await mujunRow(1000, true); // warm up: the first size measured would otherwise pay for compiling the hot paths
  for (const n of sizes) {
    const r = await mujunRow(n);
    rows.push(r);
    const old = r.old.map((x, j) => ` ${x === null ? "(not run)" : fmt(x)} | ${fmt(r.oldValues[j])} |`).join("");
    console.log(`| ${n.toLocaleString("en")} | ${cols.map((c) => fmt(r[c])).join(" | ")} |${old}`);
  }
  const gcCell = (g) => `${fmt1(g.gc)} of ${fmt1(g.cpu)}`;
  console.log(
    "\nThe garbage collector's time in one values plan (PerformanceObserver \"gc\"), of the run's CPU time:\n",
  );
  console.log(`| enterprises | this build |${oldNames.map((o) => ` ${o} |`).join("")}`);
  console.log(`|---|---|${oldNames.map(() => "---|").join("")}`);
  for (const r of rows)
    console.log(`| ${r.n.toLocaleString("en")} | ${gcCell(r.gc)} |${r.oldGc.map((g) => ` ${gcCell(g)} |`).join("")}`);
  console.log("\nCPU time ratio (wall time ratio):\n");
  console.log(
    `| 10× step | n log n | sort | score | ${titles} |${oldNames.map((o) => ` ${o}: plan, values |`).join("")}`,
  );
  console.log(`|---|---|---|---|---|---|---|---|---|${oldNames.map(() => "---|").join("")}`);
  for (let i = 1; i < rows.length; i++) {
    const [a, z] = [rows[i - 1], rows[i]];
    const nlogn = (z.n * Math.log(z.n)) / (a.n * Math.log(a.n));
    const ratio = (c) => `${(z[c].cpu / a[c].cpu).toFixed(1)}× (${(z[c] / a[c]).toFixed(1)}×)`;
    const step = `${a.n.toLocaleString("en")} → ${z.n.toLocaleString("en")}`;
    const oldRatio = z.oldValues.map(
      (x, j) => ` ${(x.cpu / a.oldValues[j].cpu).toFixed(1)}× (${(x / a.oldValues[j]).toFixed(1)}×) |`,
    );
    console.log(`| ${step} | ${nlogn.toFixed(1)}× | ${cols.map(ratio).join(" | ")} |${oldRatio.join("")}`);
  }
}

function chifengSetup(dir, n) {
  const b = loader(dir);
  const { plan } = b("engine/pipeline");
  const { score } = b("engine/score/scoring");
  const { scheme, sheets, dataset } = chifengParks(b, n);
  const run = score(scheme, dataset);
  return {
    score: () => score(scheme, dataset),
    plan: () => plan(scheme, run, { formulas: { data: dataset, sheets } }),
  };
}

function chifengSection() {
  console.log(`\n| parks | score (baseline) | result plan with formulas, ${path.basename(oldDirs[0])} | this build |`);
  console.log("|---|---|---|---|");
  for (const n of [250, 500, 1000]) {
    const A = chifengSetup(oldDirs[0], n);
    const B = chifengSetup(newDir, n);
    const s = min(B.score, 5);
    const a = min(A.plan, n > 500 ? 1 : 3);
    const b = min(B.plan, 3);
    console.log(`| ${n.toLocaleString("en")} | ${fmt(s)} | ${fmt(a)} | ${fmt(b)} |`);
  }
}

const git = (...a) => {
  try {
    return execFileSync("git", a, { cwd: __dirname, encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
};
console.log(
  `Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}${global.gc ? "" : " (without --expose-gc)"}. ${new Date().toISOString()}, ` +
    `commit ${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--", "../src") ? " (src modified)" : ""}. ` +
    `Load average at the start ${loads()}.\n`,
);
(async () => {
  if (only !== "chifeng") await mujunSection();
  if (only !== "mujun" && oldDirs.length > 0) chifengSection();
  console.log(`\nLoad average at the end ${loads()}.`);
})();
