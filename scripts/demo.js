// npm run demo: builds the sample workbook (the Huaibei annex and plausible 2023 actuals), checks it, scores it,
// writes the result workbook under demo/ and prints the ranking.
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
for (const scheme of ["huaibei-2023", "chifeng-2020", "mujun-template"]) {
  const sample = path.join(out, `${scheme}-sample.xlsx`);
  const result = path.join(out, `${scheme}-result.xlsx`);
  if (zs("sample", scheme, "--out", sample) !== 0) process.exit(1);
  if (zs("check", sample, "--scheme", scheme) !== 0) process.exit(1);
  if (scheme === "mujun-template") {
    // 2,000 enterprises: print only the grade counts
    const jf = path.join(out, `${scheme}-result.json`);
    const r = spawnSync(process.execPath, [bin, "score", sample, "--scheme", scheme, "--out", result, "--json", jf], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) process.exit(1);
    const j = JSON.parse(fs.readFileSync(jf, "utf8"));
    const counts = {};
    for (const e of j.entities) counts[e.grade || "不参评"] = (counts[e.grade || "不参评"] || 0) + 1;
    console.log(
      `分档 / grades: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(" · ")}`,
    );
  } else if (
    zs("score", sample, "--scheme", scheme, "--out", result, "--json", path.join(out, `${scheme}-result.json`)) !== 0
  )
    process.exit(1);
  console.log(
    `示例输入 / sample input: ${path.relative(root, sample)}\n评分结果 / result:       ${path.relative(root, result)}`,
  );
}
