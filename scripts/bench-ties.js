// node scripts/bench-ties.js <old build dir>: chifeng-2020 scoring on 1,000 parks, the old engine and this one
// interleaved in one process (the same load for both): median and minimum of 200 runs each. Build the old engine with
// git archive <commit> src tsconfig*.json | tar -x -C build/oldsrc && tsc -p build/oldsrc/tsconfig.cli.json --outDir build/old
const path = require("path");
const { performance } = require("perf_hooks");
const { chifengParks } = require("./chifeng-parks");
function setup(dir) {
  const b = (m) => require(path.join(dir, m));
  const { score } = b("engine/score/scoring");
  const { scheme, dataset } = chifengParks(b, 1000);
  return () => score(scheme, dataset);
}
const A = setup(path.resolve(process.argv[2] || "build/old")),
  B = setup(path.join(__dirname, "..", "build", "node"));
const ta = [],
  tb = [];
for (let i = 0; i < 10; i++) {
  A();
  B();
}
for (let i = 0; i < 200; i++) {
  let t = performance.now();
  A();
  ta.push(performance.now() - t);
  t = performance.now();
  B();
  tb.push(performance.now() - t);
}
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
const min = (a) => Math.min(...a);
console.log(
  `old engine median ${med(ta).toFixed(2)} min ${min(ta).toFixed(2)} | now median ${med(tb).toFixed(2)} min ${min(tb).toFixed(2)}`,
);
