// npm run bench: times the engine on synthetic data, each beside a baseline measured in the same run on the same data.
// Prints Markdown for BENCHMARKS.md. Uses the engine compiled into build/node (npm ci / npm test build it).
const path = require("path");
const os = require("os");
const { performance } = require("perf_hooks");
const b = (m) => require(path.join(__dirname, "..", "build", "node", m));
const { getBuiltInScheme } = b("schemes");
const { check, checkAndScore } = b("engine/pipeline");
const { score } = b("engine/score/scoring");
const { asSheets, chifengParksPlan, huaibeiZonesPlan, mujunEnterprisesPlan } = b("samples/large");
const { samplePlan } = b("samples/index");

function time(fn, minMs = 400) {
  for (let i = 0; i < 5; i++) fn();
  const times = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 5) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, c) => a - c);
  return times[Math.floor(times.length / 2)];
}
const ms = (x) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
const rows = [];
/** the checked data of each scoring bench, by scheme id, for the what-if rows */
const datasets = {};

function measure(label, scheme, sheets, extraBaselines = "") {
  const c = check(sheets, scheme, { year: 2023 });
  datasets[scheme.id] = c.dataset;
  if (c.errors) throw new Error(`${label}: bench data has errors: ${JSON.stringify(c.issues.slice(0, 3))}`);
  const entities = c.dataset.tables[scheme.entityTable].rows;
  const tScore = time(() => score(scheme, c.dataset));
  const tExplain = time(() => {
    const run = score(scheme, c.dataset);
    for (const e of run.entities) for (let k = 0; k < scheme.rules.length; k++) run.basis(k, e.index);
  }, 200);
  const tAll = time(() => checkAndScore(sheets, scheme, { year: 2023 }), 200);
  const totals = entities.map((r, i) => (i * 7919) % 1000);
  const tSort = time(() => [...totals].sort((x, y) => y - x));
  rows.push(
    `| ${label} | **${ms(tScore)} ms** | ${ms(tExplain)} ms | ${ms(tAll)} ms | sort ${entities.length} numbers once: ${ms(tSort)} ms${extraBaselines} |`,
  );
}

function scoringBenches() {
  // huaibei-2023: zones with projects and enterprises that roll up
  const huaibei = getBuiltInScheme("huaibei-2023");
  measure(
    "huaibei-2023: 1,000 zones, 10,000 projects, 5,000 enterprises",
    huaibei,
    asSheets(huaibeiZonesPlan(huaibei, 1000)),
  );
  // chifeng-2020: 1,000 synthetic parks (the 14 sample parks, varied)
  const chifeng = getBuiltInScheme("chifeng-2020");
  measure("chifeng-2020: 1,000 parks × 26 rules (target < 20 ms)", chifeng, asSheets(chifengParksPlan(chifeng, 1000)));
  // mujun-template: 100,000 enterprises
  const mujun = getBuiltInScheme("mujun-template");
  measure(
    "mujun-template: 100,000 enterprises × 6 indicators + grades (target < 300 ms)",
    mujun,
    asSheets(mujunEnterprisesPlan(mujun, 100000)),
  );
}

// reading and checking 100,000 rows × 10 columns from an .xlsx, beside merely loading it with ExcelJS
async function readBench() {
  const ExcelJS = require("exceljs");
  const { ExcelJsBook } = b("workbook/exceljs");
  const scheme = getBuiltInScheme("mujun-template");
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets({ sheets: mujunEnterprisesPlan(scheme, 100000) });
  const buf = await book.toBuffer();
  // ExcelJS's model, as this row has measured since 2026-11-25 (the package reader: scripts/bench-read.js)
  const load = async () => ExcelJsBook.load(ExcelJS, buf, { model: true });
  let loaded;
  const tLoad = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    loaded = await load();
    tLoad.push(performance.now() - t);
  }
  const tRead = time(
    () =>
      loaded.wb.worksheets.map((ws) =>
        require(path.join(__dirname, "..", "build", "node", "workbook", "exceljs")).readWorksheet(ws),
      ),
    1500,
  );
  const sheets = loaded.wb.worksheets.map((ws) =>
    require(path.join(__dirname, "..", "build", "node", "workbook", "exceljs")).readWorksheet(ws),
  );
  const tCheck = time(() => {
    const r = check(sheets, scheme);
    if (r.errors) throw new Error("errors in bench data");
  }, 1500);
  tLoad.sort((x, y) => x - y);
  return `| read + check 100,000 rows × 10 columns (mujun-template, ${(buf.length / 1e6).toFixed(1)} MB .xlsx; target < 1 s) | cells → tables ${ms(tRead)} ms + check ${ms(tCheck)} ms = **${ms(tRead + tCheck)} ms** | | | ExcelJS merely loading the file: ${ms(tLoad[1])} ms |`;
}

// what-if: one edit → rescored and diffed; sensitivity (readings × ties, 1,000 weight samples, leave one out)
function whatifBenches() {
  const { runScenario, startWhatIf, sensitivity } = b("engine/whatif/index");
  const out = [];
  // the edit and its baseline alternate in one loop, so that a shared machine's load falls on both alike
  const pair = (a, c, minMs) => {
    for (let i = 0; i < 3; i++) {
      a();
      c();
    }
    const ta = [];
    const tc = [];
    const start = performance.now();
    while (performance.now() - start < minMs || ta.length < 7) {
      let t = performance.now();
      a();
      ta.push(performance.now() - t);
      t = performance.now();
      c();
      tc.push(performance.now() - t);
    }
    const med = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    return [med(ta), med(tc)];
  };
  const edit = (label, scheme, data, field) => {
    const w = startWhatIf(scheme, data);
    const ents = data.tables[scheme.entityTable].rows;
    let k = 0;
    const [t, tScore] = pair(
      () => {
        const row = ents[k++ % ents.length];
        const v = row.values[field];
        runScenario(w, [{ op: "set", table: scheme.entityTable, key: row.name, field, value: (v ?? 0) + 1 }]);
      },
      () => score(scheme, data),
      1500,
    );
    out.push(`| ${label} | **${ms(t)} ms** | score alone (no edit, no diff), alternating with it: ${ms(tScore)} ms |`);
  };
  const chifeng = getBuiltInScheme("chifeng-2020");
  const mujun = getBuiltInScheme("mujun-template");
  edit("one edit → rescored + diffed: chifeng-2020, 1,000 parks", chifeng, datasets["chifeng-2020"], "newOutput");
  edit(
    "one edit → rescored + diffed: mujun-template, 100,000 enterprises",
    mujun,
    datasets["mujun-template"],
    "taxPerMu",
  );
  const sens = (label, scheme, data) => {
    const base = score(scheme, data);
    const [t, tScore] = pair(
      () => sensitivity(scheme, data, base, { seed: 1, samples: 1000 }),
      () => score(scheme, data),
      1500,
    );
    out.push(`| ${label} | **${ms(t)} ms** | one score of the same data, alternating with it: ${ms(tScore)} ms |`);
  };
  const small = check(asSheets(samplePlan(chifeng).sheets), chifeng).dataset;
  const parks = small.tables[chifeng.entityTable].rows.length;
  const combos = chifeng.options.reduce((n, o) => n * o.choices.length, 1) * 3;
  const left = chifeng.rules.filter((r) => r.kind !== "veto").length;
  const what = `× 1,000 weight samples + ${combos} reading combinations + ${left} rules left out`;
  sens(`sensitivity: chifeng-2020, ${parks} sample parks ${what} (target < 1 s)`, chifeng, small);
  sens(`sensitivity: chifeng-2020, 1,000 parks ${what}`, chifeng, datasets["chifeng-2020"]);
  return out;
}

if (process.argv[2] === "read") {
  // in its own process, so that the heaps of the scoring benchmarks do not slow its garbage collection
  readBench().then(
    (line) => console.log(line),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
  return;
}
scoringBenches();
if (process.argv[2] === "whatif") {
  // npm run bench -- whatif: the what-if rows only (with the scoring rows they reuse the data of)
  for (const r of rows) console.log(r);
  for (const r of whatifBenches()) console.log(r);
  return;
}
const readLine = require("child_process")
  .execFileSync(process.execPath, [__filename, "read"], { encoding: "utf8" })
  .trim();
console.log(
  `Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}. Medians of repeated runs.\n`,
);
console.log(
  "| data | score (points, totals, ranks, grades, awards) | score + every explanation | read + check + score from cell values | baseline in the same run |",
);
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
console.log(readLine);
console.log(
  "\n| what-if (node; the browser runs the same engine) | median | baseline in the same run |\n|---|---|---|",
);
for (const r of whatifBenches()) console.log(r);
