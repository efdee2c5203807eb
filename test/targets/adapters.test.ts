/** 进度跟踪 through both adapters: live formulas and conditional formatting in a file and through Office.js (fake). */
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { OfficeBook } from "../../src/workbook/office";
import { WorkbookError } from "../../src/workbook/port";
import { getTargetScheme } from "../../src/schemes/targets";
import { runTrack } from "../../src/engine/targets";
import { parsePeriod } from "../../src/engine/targets/track";
import { targetSample } from "../../src/samples/targets";
import { FakeWorkbookState } from "../fakes/excel";

async function tracked() {
  const scheme = getTargetScheme("yeji-2023")!;
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(targetSample(scheme, "track"));
  const book = await ExcelJsBook.load(ExcelJS, await b.toBuffer());
  const sheets = await book.readSheets();
  return { book, sheets, r: runTrack(sheets, scheme, parsePeriod("2023-09")!) };
}

test("in a file: the status columns carry the three conditional rules, cells are formulas on 月度调度", async () => {
  const { book, r } = await tracked();
  const rep = await book.writeResult(r.plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(rep.written["targets.track"])!;
  const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae: string[] }> }> })
    .conditionalFormattings;
  const refs = cf.map((c) => `${c.ref} ${c.rules[0].formulae[0]}`);
  const n = r.run.rows.length;
  expect(refs).toContain(`J6:J${5 + n} J6="滞后"`);
  expect(refs).toContain(`N6:N${5 + n} N6="已完成"`);
  // y1 is the first row: its 1-9月 cumulative is a formula on the actuals sheet
  expect(ws.getCell("K6").value).toMatchObject({ formula: `IF('月度调度'!G4="","",'月度调度'!G4)`, result: 12 });
  expect(ws.getCell("M5").value).toMatchObject({ formula: "9/12", result: 0.75 });
});

test("through Office.js (strict fake): the same rules are added with '=' formulas and fills", async () => {
  const { r } = await tracked();
  const fake = new FakeWorkbookState();
  fake.apiMinor = 13;
  await new OfficeBook(fake.run, fake.supports, "t").writeResult(r.plan);
  const sheet = [...fake.sheets.values()].find((s) => s.name === "进度跟踪")!;
  expect(sheet.conditional).toHaveLength(6);
  expect(sheet.conditional[0]).toMatchObject({ formula: '=J6="滞后"', fill: "#FFC7CE" });
  expect(sheet.conditional[0].rect).toMatchObject({ top: 5, left: 9, right: 9, bottom: 5 + r.run.rows.length - 1 });
});

test("in English the sheet's status words, conditional rules and counts are English", async () => {
  const scheme = getTargetScheme("yeji-2023")!;
  const { sheets } = await tracked();
  const r = runTrack(sheets, scheme, parsePeriod("2023-09")!, { lang: "en" });
  const s = r.plan.sheets[0];
  expect(s.name).toBe("Progress");
  const texts = JSON.stringify([s.values, s.formulas, s.conditional]);
  for (const zh of ["已完成", "超序时进度", "滞后", "未报送"]) expect(texts).not.toContain(`"${zh}"`);
  expect(texts).toContain("behind schedule");
});

test("fillCells through Office.js (strict fake): one read and one write; filled cells and formulas refused", async () => {
  const fake = new FakeWorkbookState();
  const ws = fake.addSheet("目标一览表");
  ws.set(2, 1, 10); // B3
  ws.set(3, 2, " "); // C4: a blank text counts as empty
  ws.set(4, 1, "=SUM(B3:B4)"); // B5
  ws.set(4, 2, 497); // C5: the printed 总计
  ws.merges.push({ top: 0, left: 0, bottom: 0, right: 3 }); // A1:D1, the title
  const book = new OfficeBook(fake.run, fake.supports, "t");
  const rep = await book.fillCells("目标一览表", [
    { row: 2, col: 2, value: 12.5 },
    { row: 3, col: 2, value: 21 },
    { row: 2, col: 1, value: 99 },
    { row: 4, col: 1, value: 99 },
    { row: 4, col: 2, value: 493, replaces: 490 },
    { row: 5, col: 3, value: "=1+1" },
    { row: 0, col: 2, value: 1 }, // C1, inside the title
  ]);
  expect(fake.syncs).toBe(2);
  expect(rep.filled).toEqual(["C3", "C4", "D6"]);
  expect(rep.refused).toEqual([
    { cell: "B3", found: "10", reason: "filled" },
    { cell: "B5", found: "=SUM(B3:B4)", reason: "filled" },
    { cell: "C5", found: "497", reason: "changed" },
    { cell: "C1", found: "A1:D1", reason: "merged" },
  ]);
  expect(ws.get(0, 2)).toBeUndefined();
  expect(ws.get(2, 2)).toMatchObject({ v: 12.5, type: "Double" });
  expect(ws.get(3, 2)).toMatchObject({ v: 21 });
  expect(ws.get(2, 1)).toMatchObject({ v: 10 });
  expect(ws.get(4, 1)).toMatchObject({ formula: "=SUM(B3:B4)" });
  expect(ws.get(4, 2)).toMatchObject({ v: 497 });
  expect(ws.get(5, 3)).toMatchObject({ v: "=1+1", type: "String" }); // text stays text, never a formula
  // the confirmed fix while the 总计 still holds the printed number; a sheet that is gone is named
  expect((await book.fillCells("目标一览表", [{ row: 4, col: 2, value: 493, replaces: 497 }])).filled).toEqual(["C5"]);
  expect(ws.get(4, 2)).toMatchObject({ v: 493 });
  // in the user's language, whichever it is (the pane words it with text(lang))
  const gone = await book.fillCells("没有", [{ row: 0, col: 0, value: 1 }]).catch((e: unknown) => e);
  expect(gone).toBeInstanceOf(WorkbookError);
  expect((gone as WorkbookError).text("zh")).toBe("找不到工作表「没有」");
  expect((gone as WorkbookError).text("en")).toMatch(/没有/);
  expect((gone as WorkbookError).text("en")).not.toBe((gone as WorkbookError).text("zh"));
});
