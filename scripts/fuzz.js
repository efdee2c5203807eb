// npm run fuzz -- [--n 10000] [--from 1] [--seed N] [--cli-every 20] [--out fuzz-failures]
/* global setInterval, clearInterval */
// Runs the seeded fuzz cases of test/fuzz/fuzz.ts in a worker thread; a case running over 20 s is a hang: the worker
// is stopped and a new one continues with the next seed. Each failure is saved with its seed (input, output, JSON)
// for replay with --seed. Prints a summary and exits 1 if any case failed.
"use strict";
const fs = require("fs");
const path = require("path");
const { Worker, isMainThread, parentPort, workerData } = require("worker_threads");

const root = path.join(__dirname, "..");
const HANG_MS = 20000;

/** Load TypeScript sources directly (the same compiler the project uses, no type check). */
function registerTs() {
  const ts = require("typescript");
  require.extensions[".ts"] = function (module, filename) {
    const src = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(src, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        jsx: ts.JsxEmit.ReactJSX,
      },
    });
    module._compile(out.outputText, filename);
  };
}

if (!isMainThread) {
  registerTs();
  const fuzz = require(path.join(root, "test", "fuzz", "fuzz.ts"));
  const { seeds, cliEvery, rereadEvery, saveDir } = workerData;
  (async () => {
    const dir = fuzz.tmpDir();
    for (const seed of seeds) {
      parentPort.postMessage({ start: seed });
      const r =
        cliEvery > 0 && seed % cliEvery === 0
          ? await fuzz.runCliCase(seed, dir)
          : await fuzz.runCase(seed, { reread: seed % rereadEvery === 0, saveDir });
      parentPort.postMessage({ done: r });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    parentPort.postMessage({ finished: true });
  })();
  return;
}

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}
const n = Number(arg("n", "500"));
const from = Number(arg("from", "1"));
const one = arg("seed", undefined);
const cliEvery = Number(arg("cli-every", "20"));
// every output is checked as a zip package with its workbook part; every n-th is also read back by ExcelJS
const rereadEvery = Number(arg("reread-every", "5"));
const jobs = Math.max(1, Number(arg("jobs", "1")));
const saveDir = path.resolve(arg("out", path.join(root, "fuzz-failures")));
const seeds = one !== undefined ? [Number(one)] : Array.from({ length: n }, (_, i) => from + i);

const results = [];
const t0 = Date.now();

/** One worker over `seeds`, replaced by a new one after a hang until every seed has run. */
async function runSeeds(mine) {
  let pending = mine.slice();
  const runWorker = () =>
    new Promise((resolve) => {
      const w = new Worker(__filename, { workerData: { seeds: pending, cliEvery, rereadEvery, saveDir } });
      let current = null;
      let started = 0;
      const timer = setInterval(() => {
        if (current !== null && Date.now() - started > HANG_MS) {
          const seed = current;
          results.push({
            seed,
            level: "?",
            scheme: "?",
            mutations: [],
            outcome: "refused",
            failure: "hang",
            ms: Date.now() - started,
          });
          fs.mkdirSync(saveDir, { recursive: true });
          fs.writeFileSync(path.join(saveDir, `${seed}.json`), JSON.stringify({ seed, failure: "hang" }) + "\n");
          pending = pending.slice(pending.indexOf(seed) + 1);
          clearInterval(timer);
          current = null;
          w.terminate().then(() => resolve(pending.length > 0));
        }
      }, 500);
      w.on("message", (m) => {
        if (m.start !== undefined) {
          current = m.start;
          started = Date.now();
        } else if (m.done) {
          results.push(m.done);
          current = null;
          if (results.length % 500 === 0)
            process.stderr.write(
              `fuzz: ${results.length}/${seeds.length} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
            );
        } else if (m.finished) {
          clearInterval(timer);
          pending = [];
          w.terminate().then(() => resolve(false));
        }
      });
      w.on("error", (e) => {
        // an exception escaping the worker (e.g. out of memory): a crash of the current case
        clearInterval(timer);
        const seed = current ?? pending[0];
        results.push({
          seed,
          level: "?",
          scheme: "?",
          mutations: [],
          outcome: "refused",
          failure: "crash",
          detail: String(e && e.stack),
          ms: 0,
        });
        pending = pending.slice(pending.indexOf(seed) + 1);
        resolve(pending.length > 0);
      });
    });
  while (await runWorker());
}

(async () => {
  await Promise.all(Array.from({ length: jobs }, (_, j) => runSeeds(seeds.filter((_, i) => i % jobs === j))));
  registerTs();
  const { summarise } = require(path.join(root, "test", "fuzz", "fuzz.ts"));
  const s = summarise(results);
  const count = (k) => s.failures.filter((f) => f.failure === k).length;
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`fuzz: ${s.cases} cases (seeds ${seeds[0]}–${seeds[seeds.length - 1]}) in ${secs} s`);
  console.log(
    `  levels: ${Object.entries(s.byLevel)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  console.log(`  scored ${s.scored}, not scored (data errors) ${s.notScored}, refused with a message ${s.refused}`);
  console.log(
    `  refusals: ${Object.entries(s.refusals)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  console.log(
    `  crashes ${count("crash")}, hangs ${count("hang")}, non-finite ${count("non-finite")}, inputs modified ${count("input-modified")}, unreadable outputs ${count("unreadable-output")}`,
  );
  console.log(`  slowest case ${s.slowestMs} ms`);
  for (const f of s.failures.slice(0, 20))
    console.log(
      `  FAIL seed ${f.seed} ${f.failure}: ${(f.mutations || []).join("; ")} — ${String(f.detail || "").split("\n")[0]}`,
    );
  if (s.failures.length) console.log(`  saved in ${saveDir} (replay: npm run fuzz -- --seed N)`);
  process.exit(s.failures.length ? 1 : 0);
})();
