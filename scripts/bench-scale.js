// npm run bench:scale (issue 14): the result workbook at scale, and a million enterprises checked and scored.
// 1. `zonescore score --out` on 100,000 enterprises × 6 indicators (mujun-template), live formulas and --values, as a
//    child process under node's DEFAULT heap (no --max-old-space-size): wall and CPU time, peak RSS
//    (/usr/bin/time -v), output size.
// 2. The baseline in the same run: writing the 10,000-enterprise result the old way (ExcelJS renders the whole plan,
//    grafted) against the rows written as XML (sheet-xml.ts), in-process, interleaved, median of 3 (CPU time).
// 3. The deflate level, on the 100,000 result's sheets: level 1 / 3 / 6, CPU time and size.
// 4. 1,000,000 enterprises: check, then check + score and the --json text (streamed, to a file), then check with an
//    error in every row and its --json, in a child process under the default heap: time and peak RSS; then the same
//    with the JSON made whole before it is written (the baseline; it runs out of memory). (A sheet of a million rows
//    is over the reader's row limit, LIMITS.rowsPerSheet 150,000, so the data is given as the sheets the reader would
//    return.)
// Uses build/node (npx tsc -p tsconfig.cli.json). Prints Markdown for BENCHMARKS.md, each table when it is measured.
// BENCH_SCALE_N overrides 100,000, BENCH_SCALE_MILLION 1,000,000, BENCH_SCALE_REPS 3; BENCH_SCALE_SKIP_WRITE,
// _BASELINE, _MILLION, _EAGER leave a part out.
const path = require("path");
const os = require("os");
const fs = require("fs");
const { spawnSync } = require("child_process");
const ExcelJS = require("exceljs");
const { unzipSync, deflateSync } = require("fflate");
const b = (m) => require(path.join(__dirname, "..", "build", "node", m));

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "zonescore.js");
const N = Number(process.env.BENCH_SCALE_N || 100000);
const MILLION = Number(process.env.BENCH_SCALE_MILLION || 1000000);
const REPS = Number(process.env.BENCH_SCALE_REPS || 3);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-scale-"));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function input(n) {
  const { getBuiltInScheme } = b("schemes");
  const { ExcelJsBook } = b("workbook/exceljs");
  const { mujunSamplePlan } = b("samples/mujun");
  const file = path.join(tmp, `mujun-${n}.xlsx`);
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets(mujunSamplePlan(getBuiltInScheme("mujun-template"), n));
  fs.writeFileSync(file, await book.toBuffer());
  return file;
}

/** A child process under /usr/bin/time -v: wall, CPU, peak RSS. */
function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const field = (name) => (r.stderr.match(new RegExp(`${name}: (.*)`)) || [])[1];
  const [m, sec] = (field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)") || "0:0").split(":").slice(-2);
  return {
    code: r.status,
    wall: (Number(m) * 60 + Number(sec)) * 1000,
    cpu: (Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)"))) * 1000,
    rss: Number(field("Maximum resident set size \\(kbytes\\)")) * 1024,
    err: r.stderr,
  };
}

function scoreRows(file) {
  const rows = [];
  for (const values of [false, true]) {
    const out = path.join(tmp, `out-${values ? "values" : "live"}.xlsx`);
    const args = [BIN, "score", file, "--scheme", "mujun-template", "--out", out, "--force"];
    const t = timed(values ? [...args, "--values"] : args);
    if (t.code !== 0) throw new Error(t.err.slice(-2000));
    const size = fs.statSync(out).size;
    rows.push(
      `| ${N.toLocaleString("en")} enterprises, ${values ? "--values" : "live formulas"} | ${s(t.wall)} | ${s(t.cpu)} | ` +
        `${mb(t.rss)} | ${mb(size)} |`,
    );
  }
  return rows;
}

/** The old write: ExcelJS renders every sheet of the plan, the package it writes is grafted (as before issue 14). */
async function oldWrite(bytes, plan, names) {
  const { writeSheet, filterColumns } = b("workbook/exceljs");
  const { graft, unzipPackage, addFilterCriteria } = b("workbook/package");
  const { quoteSheet } = b("workbook/port");
  const fresh = new ExcelJS.Workbook();
  for (const p of plan.sheets) {
    writeSheet(fresh.addWorksheet(names[p.key]), p, names);
    fresh.definedNames.add(`${quoteSheet(names[p.key])}!$A$1`, `ZoneScore.${p.key}`);
  }
  const written = await fresh.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const ours = unzipPackage(new Uint8Array(written));
  addFilterCriteria(ours, filterColumns(plan.sheets, names));
  return graft(unzipPackage(bytes), ours, { removeSheets: [], removeNames: () => false }, bytes);
}

async function baseline(n) {
  const { getBuiltInScheme } = b("schemes");
  const { ExcelJsBook } = b("workbook/exceljs");
  const { checkAndScore, plan } = b("engine/pipeline");
  const scheme = getBuiltInScheme("mujun-template");
  const bytes = new Uint8Array(fs.readFileSync(await input(n)));
  const rows = [];
  for (const live of [true, false]) {
    const book = await ExcelJsBook.load(ExcelJS, bytes);
    const sheets = await book.readSheets();
    const r = checkAndScore(sheets, scheme, { force: true });
    const p = plan(scheme, r.run, live ? { formulas: { data: r.dataset, sheets } } : {});
    const times = { old: [], now: [] };
    let sizes = {};
    for (let i = 0; i < REPS; i++) {
      const fresh = await ExcelJsBook.load(ExcelJS, bytes);
      const report = await fresh.writeResult(p);
      let t = cpu();
      const a = await fresh.toBuffer();
      times.now.push(cpu() - t);
      t = cpu();
      const o = await oldWrite(bytes, p, report.written);
      times.old.push(cpu() - t);
      sizes = { now: a.length, old: o.length };
    }
    const med = (x) => x.sort((u, v) => u - v)[Math.floor(x.length / 2)];
    rows.push(
      `| ${n.toLocaleString("en")} enterprises, ${live ? "live formulas" : "values"} | ${s(med(times.old))} → ` +
        `**${s(med(times.now))}** (${(med(times.old) / med(times.now)).toFixed(1)}×) | ${mb(sizes.old)} → ${mb(sizes.now)} |`,
    );
  }
  return rows;
}

function levels(file) {
  const parts = unzipSync(fs.readFileSync(file));
  const ours = Object.entries(parts).filter(([k, v]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k) && v.length > 1e6);
  const total = ours.reduce((a, [, v]) => a + v.length, 0);
  return [1, 3, 6].map((level) => {
    const t = cpu();
    let size = 0;
    for (const [, v] of ours) size += deflateSync(v, { level }).length;
    return `| ${level}${level === 3 ? " (used)" : ""} | ${mb(total)} | ${s(cpu() - t)} | ${mb(size)} |`;
  });
}

/** The million child, streaming the JSON, then (unless BENCH_SCALE_SKIP_EAGER) the baseline making it whole first. */
function million() {
  const script = path.join(__dirname, "bench-scale-million.js");
  const run = (mode) => {
    const t = timed([script, String(MILLION), path.join(tmp, "million.json"), mode]);
    const oom = /heap out of memory/.test(t.err);
    if (t.code !== 0 && !(mode === "eager" && oom)) throw new Error(t.err.slice(-2000));
    const end = oom ? "**JavaScript heap out of memory**" : "whole child process";
    const lines = t.err.split("\n").filter((l) => l.startsWith("|"));
    // the child resets the kernel's peak before each step, so /usr/bin/time's peak is the last step's (the one that
    // ran out of memory, if one did): the whole process's peak is the largest of the steps'
    const steps = lines.map((l) => Number(/\| ([\d.]+) MB \|$/.exec(l)?.[1] ?? 0) * 2 ** 20);
    const peak = Math.max(t.rss, ...steps);
    return [...lines, `| ${mode}: ${end} (wall by /usr/bin/time, the largest peak RSS) | ${s(t.wall)} | ${mb(peak)} |`];
  };
  return [...run("streamed"), ...(process.env.BENCH_SCALE_SKIP_EAGER ? [] : run("eager"))];
}

(async () => {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
  const out = { push: (...lines) => console.log(lines.join("\n")) };
  out.push(
    `Machine: ${os.cpus()[0].model.trim()}, ${os.cpus().length} cores, ${mb(os.totalmem())} RAM, Node ${process.version}, ` +
      `default heap limit ${mb(require("v8").getHeapStatistics().heap_size_limit)}. ` +
      `Date: ${new Date().toISOString().slice(0, 16)} UTC. Load average at start: ${load}.`,
    "",
  );
  if (!process.env.BENCH_SCALE_SKIP_WRITE) {
    const file = await input(N);
    out.push(
      "| `zonescore score --out` | wall | CPU | peak RSS | result file |",
      "|---|---|---|---|---|",
      ...scoreRows(file),
      "",
      "| deflate level | sheet XML | CPU | compressed |",
      "|---|---|---|---|",
      ...levels(path.join(tmp, "out-values.xlsx")),
      "",
    );
  }
  if (!process.env.BENCH_SCALE_SKIP_BASELINE)
    out.push(
      `| write the result (in-process, CPU, median of ${REPS}) | ExcelJS render → rows as XML | result file |`,
      "|---|---|---|",
      ...(await baseline(10000)),
      "",
    );
  if (!process.env.BENCH_SCALE_SKIP_MILLION)
    out.push(`| ${MILLION.toLocaleString("en")} enterprises | time | peak RSS |`, "|---|---|---|", ...million());
  out.push(
    "",
    `Load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}.`,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
