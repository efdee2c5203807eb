/**
 * The standalone page (Debian chromium, playwright-core) on a workbook made by another tool (openpyxl: a bar chart,
 * an image, comments, validation, conditional formats, names): it is read and scored as usual, and the downloaded
 * result keeps every part of the user's package byte for byte, with the result sheets added (issue 16.5).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import { huaibei } from "../helpers";
import { DIST, serve, type Served } from "./serve";

const INDEX_PARTS = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
let served: Served;
let base = "";
let browser: Browser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-browser-pkg-"));

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, "index.html"))).toBe(true);
  served = await serve();
  base = served.base;
  browser = served.browser;
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(huaibeiSamplePlan(huaibei));
  fs.writeFileSync(path.join(dir, "base.xlsx"), await b.toBuffer());
  const r = spawnSync(
    "/usr/bin/python3",
    [path.join(__dirname, "..", "workbook", "roundtrip-corpus.py"), path.join(dir, "base.xlsx"), dir],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`the openpyxl corpus could not be made: ${r.stderr}`);
}, 90000);

afterAll(async () => {
  await served?.close();
});

test("a workbook with a chart, an image and comments (openpyxl) is read in the page, and the download keeps every part", async () => {
  const input = path.join(dir, "all.xlsx");
  const page = await browser.newPage({ acceptDownloads: true, locale: "zh-CN" });
  const outside: string[] = [];
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(base)) return route.continue();
    outside.push(u);
    return route.abort();
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/index.html`);
  await page.getByTestId("file-input").setInputFiles(input);
  await page.getByTestId("file-name").waitFor();
  await page.getByRole("button", { name: "评分并写入结果" }).click();
  const ranking = page.getByTestId("ranking");
  await ranking.waitFor();
  const firstRow = await ranking.locator('[role="row"]').nth(1).innerText();
  expect(firstRow).toContain("濉溪经济开发区");
  expect(firstRow).toContain("192.50");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  const saved = path.join(dir, "all.result.xlsx");
  await download.saveAs(saved);
  const a = unzipSync(new Uint8Array(fs.readFileSync(input)));
  const b = unzipSync(new Uint8Array(fs.readFileSync(saved)));
  let same = 0;
  for (const p of Object.keys(a)) {
    expect(b[p]).toBeDefined();
    if (INDEX_PARTS.has(p)) continue;
    expect(Buffer.from(b[p]).equals(Buffer.from(a[p]))).toBe(true);
    same++;
  }
  expect(same).toBeGreaterThan(15); // charts, drawings, the image, comments, the user's sheets
  const back = await ExcelJsBook.load(ExcelJS, fs.readFileSync(saved), { model: true });
  expect([...back.markedSheets().keys()]).toEqual(expect.arrayContaining(["加分汇总", "加分明细"]));
  expect(back.wb.getWorksheet("加分汇总")!.getCell("B4").value).toBe("濉溪经济开发区");
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
}, 120000);
