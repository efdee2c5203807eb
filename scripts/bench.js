// npm run bench: times the pipeline on synthetic data beside a baseline measured in the same run.
// Prints a Markdown table for BENCHMARKS.md. Uses the compiled engine in build/node (npm ci / npm test build it).
const path = require("path");
const os = require("os");
const { performance } = require("perf_hooks");
const b = (m) => require(path.join(__dirname, "..", "build", "node", m));
const { getBuiltInScheme } = b("schemes");
const { check, checkAndScore } = b("engine/pipeline");
const { score } = b("engine/score");
const { tableSheet, templateColumns } = b("engine/template");

const scheme = getBuiltInScheme("huaibei-2023");
const spec = (id) => scheme.tables.find((t) => t.id === id);

function rng(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function workbook(zones, projectsPerZone, enterprisesPerZone) {
  const r = rng(42);
  const zrows = [], prows = [], erows = [], trows = [];
  for (let i = 0; i < zones; i++) {
    const name = `第${i + 1}开发区`;
    const prev = 50 + r() * 400;
    zrows.push({ name, outputPrev: prev, output: prev + r() * 150, newProjects: Math.floor(r() * 60), enterprises: Math.floor(r() * 200), listed: r() < 0.1 ? 1 : null, landTask: r() < 0.5 ? "是" : "否", base: 60 + r() * 30, taxPerMu: 10 + r() * 30 });
    trows.push({ name, "output@2023": 100 + r() * 300, newProjects: 20 + Math.floor(r() * 30), "enterprises@2023": 50 + Math.floor(r() * 100) });
    for (let k = 0; k < projectsPerZone; k++) prows.push({ name: `${name}项目${k}`, zone: name, planned: r() * 200, actual: r() * 40, statistical: "是", manufacturing: r() < 0.8 ? "是" : "否", idleLand: r() < 0.2 ? "是" : "否", area: 20 + r() * 100, taxPerMu: 10 + r() * 30, aboveScale: "是" });
    for (let k = 0; k < enterprisesPerZone; k++) erows.push({ name: `${name}企业${k}`, zone: name, revenue: r() * 150, prevMax: r() * 150, manufacturing: "是" });
  }
  const sheets = [
    tableSheet("zones", "开发区指标", templateColumns(spec("zones")), zrows),
    tableSheet("projects", "项目清单", templateColumns(spec("projects")), prows),
    tableSheet("enterprises", "企业清单", templateColumns(spec("enterprises")), erows),
    tableSheet("targets", "目标一览表", templateColumns(spec("targets")), trows, { title: "目标一览表" }),
  ];
  return sheets.map((s) => ({ name: s.name, originRow: 0, originCol: 0, values: s.values, merges: s.merges }));
}

function time(fn, minMs = 300) {
  fn();
  const times = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 5) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows = [];
for (const [zones, p, e] of [[6, 2, 1], [1000, 10, 5]]) {
  const sheets = workbook(zones, p, e);
  const c = check(sheets, scheme, { year: 2023 });
  if (c.errors) throw new Error("bench data has errors: " + JSON.stringify(c.issues.slice(0, 3)));
  const cells = sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  const tScore = time(() => score(scheme, c.dataset));
  const tAll = time(() => checkAndScore(sheets, scheme, { year: 2023 }));
  const totals = c.dataset.tables.zones.rows.map((r) => r.values.output);
  const tSort = time(() => [...totals].sort((a, b) => b - a));
  const tCopy = time(() => sheets.map((s) => s.values.map((r) => r.slice())));
  rows.push(`| huaibei-2023, ${zones} zones, ${zones * p} projects, ${zones * e} enterprises (${cells} cells) | score ${tScore.toFixed(3)} ms | read+check+score ${tAll.toFixed(2)} ms | sort ${zones} totals ${tSort.toFixed(4)} ms; copy all cells ${tCopy.toFixed(2)} ms |`);
}
console.log(`Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Medians.\n`);
console.log("| data | scoring (pure, what-if path) | whole pipeline from cell values | baselines in the same run |");
console.log("|---|---|---|---|");
for (const r of rows) console.log(r);
