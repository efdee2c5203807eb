// node scripts/bench-read.js <old build dir>: `zonescore check` on the 100,000-enterprise mujun file (6.4 MB, made
// by src/samples/large.ts as in bench.js's file-reading row), the old command line (ExcelJS's full load, JSZip for
// the limits) and this one (the package reader on fflate, unzipped once), each run in its own process, interleaved
// old/new so that both see the same load: wall time and peak resident memory (the child's maxRSS), median of 3 pairs.
// Build the old command line with
//   git archive <commit> src tsconfig*.json | tar -x -C build/oldsrc && npx tsc -p build/oldsrc/tsconfig.cli.json --outDir build/old
// Prints Markdown for BENCHMARKS.md.
const path = require("path");
const fs = require("fs");
const os = require("os");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const oldDir = path.resolve(process.argv[2] || "build/old");
const newDir = path.join(root, "build", "node");

async function input(file) {
  if (fs.existsSync(file)) return;
  const ExcelJS = require("exceljs");
  const b = (m) => require(path.join(newDir, m));
  const { ExcelJsBook } = b("workbook/exceljs");
  const { getBuiltInScheme } = b("schemes");
  const { mujunEnterprisesPlan } = b("samples/large");
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets({ sheets: mujunEnterprisesPlan(getBuiltInScheme("mujun-template"), 100000) });
  fs.writeFileSync(file, await book.toBuffer());
}

/** One `zonescore check` in its own process: seconds and peak MB. */
function run(dir, file) {
  const rss = path.join(os.tmpdir(), `bench-read-rss-${process.pid}`);
  const script = `require(${JSON.stringify(path.join(dir, "cli", "main.js"))}).main(process.argv.slice(1))`;
  const args = ["-r", __filename, "-e", script, "check", file, "--scheme", "mujun-template", "--json", "-"];
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, BENCH_READ_RSS: rss }, encoding: "utf8" });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`check failed (${r.status}): ${r.stderr}`);
  const issues = JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))).issues?.length ?? -1;
  const out = r.stdout;
  const mb = Number(fs.readFileSync(rss, "utf8")) / 1024;
  fs.rmSync(rss, { force: true });
  return { s, mb, issues, out };
}

// in a child (preloaded with -r): the peak resident memory is reported when the command line exits; see the end
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const file = path.join(os.tmpdir(), "zonescore-bench-mujun-100000.xlsx");
  await input(file);
  const runs = { old: [], new: [] };
  for (let k = 0; k < 3; k++) {
    runs.old.push(run(oldDir, file));
    runs.new.push(run(newDir, file));
  }
  // the same output (the JSON and the summary line) from both
  const found = new Set([...runs.old, ...runs.new].map((r) => r.issues));
  if (new Set([...runs.old, ...runs.new].map((r) => r.out)).size !== 1)
    throw new Error("the two command lines printed different results");
  const m = (xs, f) => median(xs.map(f));
  const [to, tn, mo, mn] = [
    m(runs.old, (r) => r.s),
    m(runs.new, (r) => r.s),
    m(runs.old, (r) => r.mb),
    m(runs.new, (r) => r.mb),
  ];
  const size = (fs.statSync(file).size / 1e6).toFixed(1);
  console.log(
    `Machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, Node ${process.version}; ` +
      `${new Date().toISOString().slice(0, 16)} UTC; load average before ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" / ")}`,
  );
  console.log("");
  console.log(
    "| `zonescore check`, mujun-template, 100,000 enterprises (" + size + " MB) | time | peak memory (RSS) |",
  );
  console.log("|---|---|---|");
  console.log(`| before: ExcelJS's full load (+ JSZip for the limits) | ${to.toFixed(2)} s | ${mo.toFixed(0)} MB |`);
  console.log(`| after: the package reader on fflate, unzipped once | ${tn.toFixed(2)} s | ${mn.toFixed(0)} MB |`);
  console.log(`| ratio | **${(tn / to).toFixed(2)}×** | **${(mn / mo).toFixed(2)}×** |`);
  console.log("");
  console.log(
    `(each pair: ${runs.old.map((r, i) => `${r.s.toFixed(2)} s / ${runs.new[i].s.toFixed(2)} s`).join("; ")};` +
      ` ${found.values().next().value} findings from both)`,
  );
}

if (process.env.BENCH_READ_RSS)
  process.on("exit", () => fs.writeFileSync(process.env.BENCH_READ_RSS, String(process.resourceUsage().maxRSS)));
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
