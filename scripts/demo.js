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

// target tables (zonescore targets): fill the Huaibei annex from its 2022 column and the 2025 totals; track the
// three schemes at 2023年1-9月 (xuancheng also checks its project list against "234+1.2")
{
  const t = (...args) => zs("targets", ...args);
  const annex = path.join(out, "targets-huaibei-2023-annex.xlsx");
  if (t("sample", "huaibei-2023", "--kind", "fill", "--out", annex) !== 0) process.exit(1);
  const filled = path.join(out, "targets-huaibei-2023-filled.xlsx");
  if (
    t("fill", annex, "--scheme", "huaibei-2023", "--method", "geometric", "--allocate", "base", "--out", filled) !== 0
  )
    process.exit(1);
  for (const [scheme, kind] of [
    ["huaibei-2023", "track"],
    ["yeji-2023", "track"],
    ["xuancheng-2023", "track"],
  ]) {
    const sample = path.join(out, `targets-${scheme}-sample.xlsx`);
    const result = path.join(out, `targets-${scheme}-progress.xlsx`);
    if (t("sample", scheme, "--kind", kind, "--out", sample) !== 0) process.exit(1);
    if (t("track", sample, "--scheme", scheme, "--period", "2023-09", "--out", result) !== 0) process.exit(1);
  }
}
