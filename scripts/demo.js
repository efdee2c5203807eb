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
const sample = path.join(out, "huaibei-2023-sample.xlsx");
const result = path.join(out, "huaibei-2023-result.xlsx");
if (zs("sample", "huaibei-2023", "--out", sample) !== 0) process.exit(1);
if (zs("check", sample, "--scheme", "huaibei-2023") !== 0) process.exit(1);
if (zs("score", sample, "--scheme", "huaibei-2023", "--out", result, "--json", path.join(out, "huaibei-2023-result.json")) !== 0) process.exit(1);
console.log(`\n示例输入 / sample input:  ${path.relative(root, sample)}\n评分结果 / result:        ${path.relative(root, result)}`);
