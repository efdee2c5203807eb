// Child of bench-scale.js: check, then check + score n mujun enterprises, and write the --json text to a file in
// pieces (as `zonescore score --json` does); peak RSS sampled every 50 ms. Prints Markdown rows on stderr.
const path = require("path");
const b = (m) => require(path.join(__dirname, "..", "build", "node", m));
const { getBuiltInScheme } = b("schemes");
const { check, checkAndScore, runJson } = b("engine/pipeline");
const { mujunSamplePlan } = b("samples/mujun");
const { asSheets } = b("samples/large");
const { writeJson } = b("cli/io");

const n = Number(process.argv[2]);
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const { setInterval, clearInterval } = require("timers");
const timer = setInterval(sample, 50);
const mb = (x) => `${(x / 2 ** 20).toFixed(0)} MB`;
const row = (label, t0) => {
  sample();
  process.stderr.write(`| ${label} | ${((Date.now() - t0) / 1000).toFixed(1)} s | ${mb(peak)} (sampled) |\n`);
};

// `zonescore check` and `zonescore score` are separate runs: check's outcome is dropped before scoring (made in a
// function of its own, so that no register of the main function keeps it alive)
let counts = "";
function checkOnly(sheets, scheme) {
  const c = check(sheets, scheme, {});
  counts = `${c.errors} errors, ${c.warnings} warnings, ${c.issues.length} issues`;
}

(async () => {
  const scheme = getBuiltInScheme("mujun-template");
  let t = Date.now();
  const sheets = asSheets(mujunSamplePlan(scheme, n).sheets);
  row(`the input sheets (${n.toLocaleString("en")} rows)`, t);
  t = Date.now();
  checkOnly(sheets, scheme);
  row(`check (${counts})`, t);
  t = Date.now();
  const r = checkAndScore(sheets, scheme, { force: true });
  row("check + score", t);
  t = Date.now();
  await writeJson(process.argv[3], runJson(scheme.id, r.allIssues, r.run, r.dataset?.year ?? null), () => {});
  row(`--json (${(require("fs").statSync(process.argv[3]).size / 2 ** 20).toFixed(0)} MB of JSON)`, t);
  clearInterval(timer);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
