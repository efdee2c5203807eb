import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { OfficeBook, REQUEST_BUDGET } from "../../src/workbook/office";
import { newSheet, type ResultPlan } from "../../src/engine/output/sheet-plan";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { FakeWorkbookState, fakeFromSheets } from "../fakes/excel";
import { OfficeClientHarness } from "../office/client";
import { huaibei, planSheets, sampleSheets } from "../helpers";
import { colLetters } from "../../src/engine/read/normalise";

const chifeng = getBuiltInScheme("chifeng-2020")!;

test("the plan for the demo workbook matches the reviewed snapshot (formula mode)", () => {
  const sheets = sampleSheets();
  const r = checkAndScore(sheets, huaibei);
  const p = plan(huaibei, r.run!, { generatedAt: "2026-11-25 12:00", formulas: { data: r.dataset!, sheets } });
  expect(JSON.parse(JSON.stringify(p))).toMatchSnapshot();
});

test("every score cell is explained by a note: the rule, the clause, the inputs and the arithmetic", async () => {
  const sheets = sampleSheets();
  const r = checkAndScore(sheets, huaibei);
  const b = await ExcelJsBook.create(ExcelJS);
  await b.writeResult(plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const back = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
  const ws = back.wb.getWorksheet("加分汇总")!;
  expect(ws.getCell("B4").value).toBe("濉溪经济开发区");
  const note = ws.getCell("C4").note as unknown;
  const text =
    typeof note === "string" ? note : (note as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join("");
  expect(text).toContain("2.1 工业增量");
  expect(text).toContain("二(一) 规上工业产值增量 106.6 亿元 > 100 → +20");
});

test("Excel gets a stacked bar chart of the totals by group, A4 landscape with the header row repeated", async () => {
  const fake = fakeFromSheets(planSheets(samplePlan(chifeng)!));
  const office = new OfficeBook(fake.run, fake.supports, "t");
  const sheets = await office.readSheets();
  const r = checkAndScore(sheets, chifeng);
  await office.writeResult(plan(chifeng, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const summary = fake.sheet("评分汇总")!;
  expect(summary.charts).toHaveLength(1);
  expect(summary.charts[0].type).toBe("BarStacked");
  expect(summary.charts[0].series).toHaveLength(7);
  // rows 4–18: the 14 parks and 喀喇沁旗新材料产业园, listed but not evaluated (附件1 一); the series name the summary by
  // its final name (the chart was made on the temporary sheet; the swap's rename carried its references, as in Excel)
  expect(summary.charts[0].series.every((x) => x.values.startsWith("'评分汇总'!") && x.x === "'评分汇总'!B4:B18")).toBe(
    true,
  );
  expect(summary.page).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$3:$3" });
  // formulas reach Excel through Office.js without the file prefix
  const f = [...summary.cells.values()].filter((c) => c.formula);
  expect(f.length).toBeGreaterThan(50);
  expect(f.some((c) => c.formula!.startsWith("=IF(") && c.formula!.includes("RANK.EQ("))).toBe(true);
  expect(f.some((c) => c.formula!.includes("_xlfn"))).toBe(false);
});

test("a file cannot carry that chart: it gets data bars on the totals instead, and the same print set-up", async () => {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(samplePlan(chifeng)!);
  const sheets = await b.readSheets();
  const r = checkAndScore(sheets, chifeng);
  await b.writeResult(plan(chifeng, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const back = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
  const ws = back.wb.getWorksheet("评分汇总")!;
  const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> })
    .conditionalFormattings;
  const total = (ws.getRow(3).values as unknown[]).indexOf("总分");
  const letter = colLetters(total - 1);
  expect(cf.some((c) => c.ref.startsWith(`${letter}4`) && c.rules[0].type === "dataBar")).toBe(true);
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.printTitlesRow).toBe("3:3");
  expect(ws.getCell("A4").formula).toContain("_xlfn.RANK.EQ(");
});

test("a failure at any sync of a chunked write leaves the workbook as it was", async () => {
  const big = newSheet("big", "大表");
  for (let r = 0; r < 20000; r++)
    big.values.push(Array.from({ length: 10 }, (_, c) => `开发区第${r}行第${c}列的较长说明文字`));
  const p: ResultPlan = { sheets: [big] };
  const probe = new FakeWorkbookState();
  probe.addSheet("数据").set(0, 0, "x");
  await new OfficeBook(probe.run, probe.supports, "t").writeResult(p);
  const syncs = probe.syncs;
  expect(syncs).toBeGreaterThan(2);
  expect(probe.maxRequest()).toBeLessThanOrEqual(REQUEST_BUDGET + 64 * 1024);
  for (let k = 1; k <= syncs; k++) {
    const fake = new FakeWorkbookState();
    fake.addSheet("数据").set(0, 0, "x");
    const before = fake.snapshot();
    fake.failAtSync = k;
    await expect(new OfficeBook(fake.run, fake.supports, "t").writeResult(p)).rejects.toThrow(/injected/);
    expect(fake.snapshot()).toBe(before);
  }
});

test.each(["=1+1", "+86-555", "-5 (预计)", "@SUM(A1)", '=HYPERLINK("http://example.invalid")'])(
  "input text %p is written as text, never as a formula",
  async (text) => {
    const s = newSheet("t", "文本");
    s.values.push([text, 1]);
    const fake = new FakeWorkbookState();
    fake.addSheet("数据").set(0, 0, "x");
    await new OfficeBook(fake.run, fake.supports, "t").writeResult({ sheets: [s] });
    const cell = fake.sheet("文本")!.get(0, 0)!;
    expect(cell.formula).toBeUndefined();
    expect(cell.v).toBe(text);
    const b = await ExcelJsBook.create(ExcelJS);
    await b.writeResult({ sheets: [s] });
    const back = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
    expect(back.wb.getWorksheet("文本")!.getCell("A1").value).toBe(text);
  },
);

test("a formula-mode result of 1,000 parks stays under the request budget, in as few syncs as its size needs", async () => {
  const base = planSheets(samplePlan(chifeng)!);
  const parks = base.find((s) => s.name === "园区指标")!;
  const rows = parks.values.slice(3, 17);
  // copies without the pollution veto (the column is found by its header: the sample's columns may move)
  const pollution = parks.values[2].indexOf("发生环境污染事件");
  expect(pollution).toBeGreaterThan(0);
  for (let k = 0; k < 70; k++)
    parks.values.push(...rows.map((r) => r.map((v, c) => (c === 0 ? `${v}${k}` : c === pollution ? "否" : v))));
  const fake = fakeFromSheets(base);
  // through Microsoft's client, so that bytes are the request JSON as it is sent
  const h = new OfficeClientHarness(fake);
  const office = new OfficeBook(h.run, fake.supports, "t");
  const sheets = await office.readSheets();
  const r = checkAndScore(sheets, chifeng);
  expect(r.run!.entities.length).toBeGreaterThan(990);
  const w0 = h.wire.length;
  await office.writeResult(plan(chifeng, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const write = h.wire.slice(w0).filter((w) => !w.cleanup);
  expect(Math.max(...write.map((w) => w.requestBytes))).toBeLessThanOrEqual(REQUEST_BUDGET);
  // one sync per ~4 MB of requests (packed to 90% of it on an estimate a few per cent high), plus the names sync and
  // the swap: nothing is spent on half-empty requests
  const bytes = write.reduce((a, w) => a + w.requestBytes, 0);
  expect(write.length).toBeLessThanOrEqual(Math.ceil(bytes / (0.8 * REQUEST_BUDGET)) + 3);
});
