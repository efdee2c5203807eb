// node scripts/bench-ties.js <old build dir>: chifeng-2020 scoring on 1,000 parks, the old engine and this one
// interleaved in one process (the same load for both): median and minimum of 200 runs each. Build the old engine with
// git archive <commit> src tsconfig*.json | tar -x -C build/oldsrc && tsc -p build/oldsrc/tsconfig.cli.json --outDir build/old
const path = require("path");
const { performance } = require("perf_hooks");
function setup(dir) {
  const b = (m) => require(path.join(dir, m));
  const { getBuiltInScheme } = b("schemes");
  const { check } = b("engine/pipeline");
  const { score } = b("engine/score/scoring");
  const { tableSheet, templateColumns } = b("engine/output/template");
  const { chifengSampleRows } = b("samples/chifeng-2020");
  const scheme = getBuiltInScheme("chifeng-2020");
  const base = chifengSampleRows();
  const zr = [];
  for (let i = 0; i < 1000; i++)
    zr.push({ ...base[i % base.length], name: `园区${i + 1}`, accident: "否", pollution: i % 97 === 0 ? "是" : "否" });
  const s = tableSheet("parks", "园区指标", templateColumns(scheme.tables.find((t) => t.id === "parks")), zr);
  const sheets = [
    { name: "参数", originRow: 0, originCol: 0, values: [["考评年度", 2023]], merges: [] },
    { name: s.name, originRow: 0, originCol: 0, values: s.values, merges: s.merges },
  ];
  const c = check(sheets, scheme, { year: 2023 });
  if (c.errors) throw new Error("errors");
  return () => score(scheme, c.dataset);
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
