/* global document */
// npm run screenshot: pictures for review.
// 1. The result sheets as officials will see them printed, through LibreOffice (soffice → PDF) and pdftoppm (→ PNG),
//    for each built-in sample: demo/sheet-<scheme>-<sheet key>.png (the ranking, the group view, the details).
// 2. The pane's states in Debian chromium at 350 × 900 (the built standalone page, dist/): demo/pane-<n>-<state>.png.
// Needs Debian's libreoffice-calc, poppler-utils, chromium and a CJK font (fonts-wqy-microhei): `npm run setup:e2e`.
const { spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "zonescore.js");
const dist = path.join(root, "dist");
const out = path.join(root, "demo");
fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-shot-"));
const need = (cmd, pkg) => {
  if (spawnSync("which", [cmd]).status !== 0) {
    console.error(`screenshot: ${cmd} is missing (Debian: apt-get install ${pkg})`);
    process.exit(1);
  }
};
need("soffice", "libreoffice-calc");
need("pdftoppm", "poppler-utils");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SHEETS = { summary: "ranking", groups: "groups", details: "details" };

async function sheets() {
  const singles = [];
  for (const scheme of ["huaibei-2023", "chifeng-2020", "mujun-template"]) {
    const sample = path.join(tmp, `${scheme}.xlsx`);
    const result = path.join(tmp, `${scheme}-result.xlsx`);
    for (const args of [
      ["sample", scheme, "--out", sample],
      ["score", sample, "--scheme", scheme, "--out", result, "--values"],
    ]) {
      const r = spawnSync(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "inherit"] });
      if (r.status !== 1 && r.status !== 0) process.exit(1);
    }
    // one file per result sheet, so that each PDF's first page is the one to look at
    const probe = new ExcelJS.Workbook();
    await probe.xlsx.readFile(result);
    const marks = new Map(
      probe.definedNames.model
        .filter((n) => n.name.startsWith("ZoneScore."))
        .map((n) => [n.name.slice("ZoneScore.".length), n.ranges[0].split("!")[0].replace(/^'|'$/g, "")]),
    );
    for (const [key, label] of Object.entries(SHEETS)) {
      const name = marks.get(key);
      if (!name) continue;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(result);
      for (const w of [...wb.worksheets]) if (w.name !== name) wb.removeWorksheet(w.id);
      const single = path.join(tmp, `sheet-${scheme}-${label}.xlsx`);
      await wb.xlsx.writeFile(single);
      singles.push(single);
    }
  }
  const pdf = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${tmp}/lo-profile`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      tmp,
      ...singles,
    ],
    { encoding: "utf8" },
  );
  if (pdf.status !== 0) throw new Error(pdf.stderr);
  for (const single of singles) {
    const base = path.basename(single, ".xlsx");
    const png = spawnSync(
      "pdftoppm",
      ["-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", path.join(tmp, `${base}.pdf`), path.join(out, base)],
      { encoding: "utf8" },
    );
    if (png.status !== 0) throw new Error(png.stderr);
    console.log(path.relative(root, path.join(out, `${base}.png`)));
  }
}

async function pane() {
  if (!fs.existsSync(path.join(dist, "index.html")) || !fs.existsSync(CHROMIUM)) {
    console.error("screenshot: the pane needs dist/ (npm run build) and chromium; skipped");
    return;
  }
  const { chromium } = require("playwright-core");
  const server = http.createServer((req, res) => {
    const p = path.join(dist, decodeURIComponent((req.url || "/").split("?")[0]));
    if (!p.startsWith(dist) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader("Content-Type", p.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript");
    fs.createReadStream(p).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
  await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  let n = 0;
  const shot = async (state) => {
    const file = path.join(out, `pane-${String(++n).padStart(2, "0")}-${state}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(path.relative(root, file));
  };
  const idle = () => page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  await page.goto(`${base}/index.html`);
  await page.getByTestId("check").waitFor();
  await shot("empty");
  // a huaibei workbook with a short zone name: a finding with a suggestion
  const odd = path.join(tmp, "huaibei-odd.xlsx");
  {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "huaibei-2023.xlsx"));
    wb.getWorksheet("项目清单").getCell("B3").value = "濉溪开发区";
    await wb.xlsx.writeFile(odd);
  }
  await page.getByTestId("file-input").setInputFiles(odd);
  await page.getByTestId("file-name").waitFor();
  await idle();
  await shot("opened");
  await page.getByTestId("check").click();
  await page.getByTestId("issues").waitFor();
  await idle();
  await page.getByTestId("issues").locator("li button").first().click();
  await shot("checked-findings");
  await page.getByTestId("file-input").setInputFiles(path.join(tmp, "chifeng-2020.xlsx"));
  await page.waitForFunction(
    () => document.querySelector('[data-testid="file-name"]')?.textContent === "chifeng-2020.xlsx",
  );
  await idle();
  await page.getByTestId("score").click();
  await page.getByTestId("ranking").waitFor();
  await idle();
  await shot("scored-chifeng");
  await page.getByTestId("ranking").locator("button[aria-expanded]").first().click();
  await page.getByTestId("unit-details").waitFor();
  await shot("unit-details");
  await page.getByTestId("option-rankReading").click();
  await page.getByRole("option").nth(1).click();
  await page.getByTestId("results-stale").waitFor();
  await shot("stale");
  await page.getByTestId("language").click();
  await shot("english");
  await page.getByTestId("language").click();
  await page.getByTestId("file-input").setInputFiles(path.join(tmp, "mujun-template.xlsx"));
  await page.waitForFunction(
    () => document.querySelector('[data-testid="file-name"]')?.textContent === "mujun-template.xlsx",
  );
  await idle();
  await page.getByTestId("score").click();
  await page.getByTestId("grade-chart").waitFor();
  await idle();
  await shot("scored-mujun");
  await page.setViewportSize({ width: 175, height: 450 });
  await shot("zoom-200");
  await browser.close();
  server.close();
}

(async () => {
  await sheets();
  await pane();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
