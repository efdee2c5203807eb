// npm run demo: for every registered scheme, builds its sample workbook, checks it, scores it, writes the result
// workbook under demo/ and prints the ranking; then fills and tracks the target schemes
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "zonescore.js");
const out = path.join(root, "demo");
fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(path.join(root, "build", "node", "cli", "main.js"))) {
  const r = spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}
const zs = (...args) => {
  console.log(`\n$ zonescore ${args.map((a) => path.relative(root, a) || a).join(" ")}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: "inherit" });
  return r.status;
};
// Every registered scheme (src/schemes) with its built-in sample (src/samples): adding a scheme adds it here.
const { builtInSchemeIds, getTargetScheme, targetSchemeIds } = require(path.join(root, "build", "node", "schemes"));
/** A result with more units than this prints only its counts by grade (the mujun template has 2,000 enterprises). */
const LONG_LIST = 100;

for (const scheme of builtInSchemeIds()) {
  const sample = path.join(out, `${scheme}-sample.xlsx`);
  const result = path.join(out, `${scheme}-result.xlsx`);
  if (zs("sample", scheme, "--out", sample) !== 0) process.exit(1);
  if (zs("check", sample, "--scheme", scheme) !== 0) process.exit(1);
  const jf = path.join(out, `${scheme}-result.json`);
  console.log(`\n$ zonescore score ${path.relative(root, sample)} --scheme ${scheme} --out … --json …`);
  const r = spawnSync(process.execPath, [bin, "score", sample, "--scheme", scheme, "--out", result, "--json", jf], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (r.status !== 0) process.exit(1);
  const j = JSON.parse(fs.readFileSync(jf, "utf8"));
  if (j.entities.length <= LONG_LIST) process.stdout.write(r.stdout);
  else {
    const counts = {};
    for (const e of j.entities) counts[e.grade || "不参评"] = (counts[e.grade || "不参评"] || 0) + 1;
    const summary = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
    console.log(`${j.entities.length} 个 / units; 分档 / grades: ${summary.join(" · ")}`);
  }
  console.log(
    `示例输入 / sample input: ${path.relative(root, sample)}\n评分结果 / result:       ${path.relative(root, result)}`,
  );
}

// target tables (zonescore targets): a scheme with a table to fill is filled from its sample's base column and the
// policy's totals; every target scheme is tracked at month 9 of its year (xuancheng also checks its projects)
for (const scheme of targetSchemeIds()) {
  const s = getTargetScheme(scheme);
  const t = (...args) => zs("targets", ...args);
  if (s.table) {
    const annex = path.join(out, `targets-${scheme}-annex.xlsx`);
    if (t("sample", scheme, "--kind", "fill", "--out", annex) !== 0) process.exit(1);
    const filled = path.join(out, `targets-${scheme}-filled.xlsx`);
    if (t("fill", annex, "--scheme", scheme, "--method", "geometric", "--allocate", "base", "--out", filled) !== 0)
      process.exit(1);
  }
  const sample = path.join(out, `targets-${scheme}-sample.xlsx`);
  const result = path.join(out, `targets-${scheme}-progress.xlsx`);
  if (t("sample", scheme, "--kind", "track", "--out", sample) !== 0) process.exit(1);
  if (t("track", sample, "--scheme", scheme, "--period", `${s.year}-09`, "--out", result) !== 0) process.exit(1);
}
