// npm test [-- jest args]: all tests. npm run test:unit: the hermetic ones (no browser, no LibreOffice, no build).
// npm run test:e2e: the ones that need the built pages, the compiled command line, chromium or LibreOffice.
// Each ends with the plain line "N passed, N failed".
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { setup } = require("./setup-e2e");

const root = path.join(__dirname, "..");
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  return r.status === null ? 1 : r.status;
};

/**
 * Test files that need the built pages (browser, the manifest in dist/), the compiled command line (cli) or an outside
 * program (LibreOffice, python3-openpyxl); name a new one `*.e2e.test.ts`. Everything else is a unit test.
 */
const E2E = ["/test/browser/", "/test/oracle/", "/test/cli[^/]*$", "/test/manifest[^/]*$", "\\.e2e\\.test\\.tsx?$"];

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function prepareE2e() {
  if (!setup()) process.exit(1);
  if (run("npx", ["tsc", "-p", "tsconfig.cli.json"]) !== 0) process.exit(1);
  const built = path.join(root, "dist", "index.html");
  const sources = Math.max(
    newest(path.join(root, "src")),
    newest(path.join(root, "assets")),
    fs.statSync(path.join(root, "manifest.xml")).mtimeMs,
    fs.statSync(path.join(root, "webpack.config.js")).mtimeMs,
  );
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
    console.log("test: building the pages (webpack)…");
    if (run("npx", ["webpack", "--mode", "production"]) !== 0) process.exit(1);
  }
}

const [mode, ...rest] = ["unit", "e2e", "all"].includes(process.argv[2])
  ? process.argv.slice(2)
  : ["all", ...process.argv.slice(2)];
let select = [];
if (mode === "unit") select = ["--testPathIgnorePatterns", ...E2E];
if (mode === "e2e") select = ["--testPathPattern", E2E.join("|")];
if (mode !== "unit") prepareE2e();

const results = path.join(root, "build", `jest-results-${mode}.json`);
fs.mkdirSync(path.dirname(results), { recursive: true });
const code = run("npx", ["jest", "--json", `--outputFile=${results}`, ...select, ...rest]);
let passed = 0;
let failed = 0;
try {
  const j = JSON.parse(fs.readFileSync(results, "utf8"));
  passed = j.numPassedTests;
  failed = j.numFailedTests + (j.numRuntimeErrorTestSuites || 0);
} catch {
  failed = Math.max(failed, 1);
}
if (passed + failed === 0) failed = 1; // a run that ran no test is a failure
console.log(`${passed} passed, ${failed} failed`);
process.exit(code !== 0 || failed ? 1 : 0);
