// npm test: makes sure what the tests need is there (the command line compiled, the pages built, Debian's chromium
// for the browser test), runs jest, and ends with the plain line "N passed, N failed".
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  return r.status === null ? 1 : r.status;
};

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Debian's chromium (browser test) and LibreOffice Calc (the formula oracle): installed when missing and we may. */
function ensureTools() {
  const tools = [
    { bin: process.env.CHROMIUM_PATH || "/usr/bin/chromium", packages: ["chromium", "fonts-wqy-microhei"], args: [] },
    {
      bin: process.env.SOFFICE_PATH || "/usr/bin/soffice",
      packages: ["libreoffice-calc"],
      args: ["--no-install-recommends"],
    },
  ];
  // Debian's openpyxl (and Pillow for its images) makes the round-trip corpus at test time
  const hasPython = () =>
    spawnSync("/usr/bin/python3", ["-c", "import openpyxl, PIL"], { stdio: "ignore" }).status === 0;
  tools.push({ bin: "/usr/bin/python3", packages: ["python3-openpyxl", "python3-pil"], args: [], present: hasPython });
  const present = (t) => (t.present ? t.present() : fs.existsSync(t.bin));
  const missing = tools.filter((t) => !present(t));
  if (!missing.length) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    console.log(`test: installing ${missing.flatMap((t) => t.packages).join(", ")} (apt-get)…`);
    run("apt-get", ["update", "-qq"], { env });
    for (const t of missing) run("apt-get", ["install", "-y", "-qq", ...t.args, ...t.packages], { env });
  }
  for (const t of tools) {
    if (!present(t)) {
      console.error(
        t.present
          ? `test: ${t.bin} cannot import openpyxl and PIL. Install them (Debian: apt-get install ${t.packages.join(" ")}).`
          : `test: ${t.bin} is missing. Install it (Debian: apt-get install ${t.packages.join(" ")}) or set ${t.bin.includes("soffice") ? "SOFFICE_PATH" : "CHROMIUM_PATH"}.`,
      );
      process.exit(1);
    }
  }
}

ensureTools();
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

const results = path.join(root, "build", "jest-results.json");
fs.mkdirSync(path.dirname(results), { recursive: true });
const code = run("npx", ["jest", "--json", `--outputFile=${results}`, ...process.argv.slice(2)]);
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
