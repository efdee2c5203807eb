// Child of bench-scale.js: n mujun enterprises checked, then checked + scored with the --json text written to a
// file (in pieces, as `zonescore score --json` does), then every row given a bad R&D share (a not-a-number error
// each: n issues) checked with its --json (as `zonescore check --json`). Each step in a function of its own, so that
// what a step made is dropped before the next (they are separate runs of the CLI). The peak RSS of each step from
// the kernel (Linux). Prints Markdown rows on stderr. With a third argument "eager", the JSON is made whole first
// (toJson, as before the result was streamed): the baseline.
const path = require("path");
const fs = require("fs");
const b = (m) => require(path.join(__dirname, "..", "build", "node", m));
const { getBuiltInScheme } = b("schemes");
const { check, checkAndScore, runJson, toJson } = b("engine/pipeline");
const { mujunSamplePlan } = b("samples/mujun");
const { asSheets } = b("samples/large");
const { writeJson } = b("cli/io");

const n = Number(process.argv[2]);
const jsonFile = process.argv[3];
const eager = process.argv[4] === "eager";
const json = eager ? toJson : runJson;
const mb = (x) => `${(x / 2 ** 20).toFixed(0)} MB`;
const jsonSize = () => `${(fs.statSync(jsonFile).size / 2 ** 20).toFixed(0)} MB of JSON`;
const counts = (c) => `${c.errors.toLocaleString("en")} errors, ${c.warnings.toLocaleString("en")} warnings`;
// the kernel's peak RSS of this process (VmHWM), reset before each step (clear_refs 5): exact, where a timer sampling
// process.memoryUsage() would never run during a synchronous step
const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]) * 1024;

/** Runs one step and prints its row: wall time and the peak RSS while it ran. */
async function step(f) {
  const t = Date.now();
  fs.writeFileSync("/proc/self/clear_refs", "5");
  const label = await f();
  process.stderr.write(`| ${label} | ${((Date.now() - t) / 1000).toFixed(1)} s | ${mb(peakRss())} |\n`);
}

function checkOnly(sheets, scheme) {
  return `check (${counts(check(sheets, scheme, {}))})`;
}

async function scoreJson(sheets, scheme) {
  let r;
  await step(() => {
    r = checkAndScore(sheets, scheme, { force: true });
    return "check + score";
  });
  await step(async () => {
    await writeJson(jsonFile, json(scheme.id, r.allIssues, r.run, r.dataset?.year ?? null), () => {});
    return `\`--json\` of the scored run${eager ? ", made whole first" : ""} (${jsonSize()})`;
  });
}

/** Every row's R&D share made text: one error a row. */
function spoil(sheets) {
  const rd = (v) => typeof v === "string" && v.startsWith("R&D");
  const s = sheets.find((x) => x.name === "企业亩均数据");
  const head = s.values.findIndex((r) => r.some(rd));
  const col = s.values[head].findIndex(rd);
  for (let i = head + 1; i < s.values.length; i++) s.values[i][col] = "n/a";
}

async function checkErrors(sheets, scheme) {
  const c = check(sheets, scheme, {});
  await writeJson(jsonFile, json(scheme.id, c.issues, null, c.dataset?.year ?? null), () => {});
  return `check + \`--json\`, a bad R&D share in every row (${counts(c)}; ${jsonSize()})`;
}

(async () => {
  const scheme = getBuiltInScheme("mujun-template");
  let sheets;
  await step(() => {
    sheets = asSheets(mujunSamplePlan(scheme, n).sheets);
    return `the input sheets (${n.toLocaleString("en")} rows)`;
  });
  await step(() => checkOnly(sheets, scheme));
  await scoreJson(sheets, scheme);
  spoil(sheets);
  await step(() => checkErrors(sheets, scheme));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
