// node scripts/bench-plan.js <old build dir>: building the result plan with live formulas (chifeng-2020, with a
// vetoed park every 97, so 排序法 uses the SUMPRODUCT form), the old engine and this one in one process, at 250, 500 and
// 1,000 parks: the minimum of 3 runs each, scoring alone as the baseline. Build the old engine with
// git archive <commit> src tsconfig*.json | tar -x -C build/oldsrc && npx tsc -p build/oldsrc/tsconfig.cli.json --outDir build/old
const path = require("path");
const { performance } = require("perf_hooks");
const { chifengParks } = require("./chifeng-parks");
function setup(dir, n) {
  const b = (m) => require(path.join(dir, m));
  const { plan } = b("engine/pipeline");
  const { score } = b("engine/score/scoring");
  const { scheme, sheets, dataset } = chifengParks(b, n);
  const run = score(scheme, dataset);
  return {
    score: () => score(scheme, dataset),
    plan: () => plan(scheme, run, { formulas: { data: dataset, sheets } }),
  };
}
const min = (f, k) => {
  let best = Infinity;
  for (let i = 0; i < k; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
};
const oldDir = path.resolve(process.argv[2] || "build/old");
const newDir = path.join(__dirname, "..", "build", "node");
console.log("| parks | score (baseline) | result plan with formulas, before | after |");
console.log("|---|---|---|---|");
for (const n of [250, 500, 1000]) {
  const A = setup(oldDir, n);
  const B = setup(newDir, n);
  const s = min(B.score, 5);
  const a = min(A.plan, n > 500 ? 1 : 3);
  const b = min(B.plan, 3);
  const f = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
  console.log(`| ${n.toLocaleString("en")} | ${f(s)} | ${f(a)} | ${f(b)} |`);
}
