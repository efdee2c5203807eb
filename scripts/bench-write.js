// npm run bench:write: the cost of writing the result INTO the user's package (issue 16.5) against the old path that
// rewrote the whole workbook with ExcelJS, on the built-in samples and a 10,000-enterprise mujun file. Times are
// medians of 5 runs (after one warm-up) of: reading the file, and writing the result workbook (formula mode).
// Uses the code compiled into build/node (npm ci / npm test build it). Prints Markdown for BENCHMARKS.md.
const path = require("path");
const os = require("os");
const { performance } = require("perf_hooks");
const ExcelJS = require("exceljs");
const b = (m) => require(path.join(__dirname, "..", "build", "node", m));
const { getBuiltInScheme } = b("schemes");
const { checkAndScore, plan } = b("engine/pipeline");
const { ExcelJsBook } = b("workbook/exceljs");
const { samplePlan } = b("samples");
const { mujunSamplePlan } = b("samples/mujun");

async function median(fn, n = 5) {
  await fn();
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((x, y) => x - y);
  return t[Math.floor(n / 2)];
}
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;

async function row(label, scheme, input) {
  const created = await ExcelJsBook.create(ExcelJS);
  await created.addSheets(input);
  const bytes = await created.toBuffer();
  const resultPlan = async (book) => {
    const sheets = await book.readSheets();
    const r = checkAndScore(sheets, scheme, { force: true });
    return plan(scheme, r.run, { formulas: { data: r.dataset, sheets } });
  };
  // the old path: ExcelJS loads everything, the result goes into its model, ExcelJS writes everything again
  const oldLoad = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    return new ExcelJsBook(wb);
  };
  let oldOut;
  const tOldRead = await median(oldLoad);
  const pOld = await resultPlan(await oldLoad());
  const tOldWrite = await median(async () => {
    const book = await oldLoad();
    await book.writeResult(pOld);
    oldOut = await book.toBuffer();
  });
  // the new path: ExcelJS reads a reduced copy; the result sheets are rendered alone and grafted into the package
  let newOut;
  const tNewRead = await median(() => ExcelJsBook.load(ExcelJS, bytes));
  const pNew = await resultPlan(await ExcelJsBook.load(ExcelJS, bytes));
  const tNewWrite = await median(async () => {
    const book = await ExcelJsBook.load(ExcelJS, bytes);
    await book.writeResult(pNew);
    newOut = await book.toBuffer();
  });
  return `| ${label} | ${kb(bytes.length)} | ${ms(tOldRead)} ms → **${ms(tNewRead)} ms** | ${ms(tOldWrite - tOldRead)} ms → **${ms(tNewWrite - tNewRead)} ms** | ${kb(oldOut.length)} → **${kb(newOut.length)}** |`;
}

(async () => {
  const out = [
    `Machine: ${os.cpus()[0].model.trim()}, ${os.cpus().length} cores, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| input workbook | size | read (old → new) | write the result, load excluded (old → new) | result file (old → new) |",
    "|---|---|---|---|---|",
  ];
  for (const id of ["huaibei-2023", "chifeng-2020", "mujun-template"]) {
    const s = getBuiltInScheme(id);
    out.push(await row(`${id} sample`, s, samplePlan(s)));
  }
  const mujun = getBuiltInScheme("mujun-template");
  out.push(await row("mujun-template, 10,000 enterprises", mujun, mujunSamplePlan(mujun, 10000)));
  console.log(out.join("\n"));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
