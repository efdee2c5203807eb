/**
 * Filling the user's own cells inside the package (src/workbook/patch.ts, ExcelJsBook.fillCells): only the cells
 * written change, in the one sheet part; every other part keeps its bytes and its compressed data; a filled cell is
 * refused and reported, never overwritten; numbers stay numbers and texts are inline strings; fills survive a later
 * write of result sheets (the graft).
 */
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { rawEntries, unzipPackage } from "../../src/workbook/package";
import { fillPackageCells, patchSheetXml } from "../../src/workbook/patch";

/** A small table: title merged over A1:D1, 2022 filled, 2023 empty (C3 styled, C4 a blank text, C6 missing). */
async function fixture(formula = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "标题";
  ws.mergeCells("A1:D1");
  ws.getRow(2).values = ["单位", 2022, 2023];
  ws.getRow(3).values = ["甲", 10];
  ws.getCell("C3").numFmt = "0.0";
  ws.getRow(4).values = ["乙", 20, " "];
  ws.getRow(5).values = ["总计", formula ? { formula: "SUM(B3:B4)", result: 30 } : 30, 497];
  ws.getCell("A7").value = "丙";
  wb.addWorksheet("其他").getCell("A1").value = "x";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const SHEET = "xl/worksheets/sheet1.xml";

async function readBack(zip: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(zip as unknown as ArrayBuffer);
  return wb.getWorksheet("表")!;
}

test("only the written cells change; every other part keeps its bytes and its compressed data (the workbook asks for a recalculation: it has formulas)", async () => {
  const zip = await fixture();
  const parts = unzipPackage(zip);
  const r = fillPackageCells(parts, zip, "表", [
    { row: 2, col: 2, value: 12.5 }, // C3: an empty styled cell
    { row: 3, col: 2, value: 21 }, // C4: a blank text counts as empty (the reader reads it so)
    { row: 6, col: 2, value: 3 }, // C7: a row with a cell before it, none here
    { row: 7, col: 4, value: "<说明> & =1+1" }, // E8: a row that does not exist; text stays text
  ]);
  expect(r.report).toEqual({ filled: ["C3", "C4", "C7", "E8"], refused: [] });
  const after = unzipPackage(r.zip);
  expect(Object.keys(after)).toEqual(Object.keys(parts));
  const before = rawEntries(zip);
  const now = rawEntries(r.zip);
  // formulas over the filled cells are recalculated when the file is opened (their cached results predate the fill)
  expect(strFromU8(after["xl/workbook.xml"])).toBe(
    strFromU8(parts["xl/workbook.xml"]).replace(
      /<calcPr calcId="(\d+)"\/>/,
      '<calcPr fullCalcOnLoad="1" calcId="$1"/>',
    ),
  );
  expect(strFromU8(after["xl/workbook.xml"])).toContain('fullCalcOnLoad="1"');
  for (const name of Object.keys(parts)) {
    if (name === SHEET || name === "xl/workbook.xml") continue;
    expect(Buffer.from(after[name]).equals(Buffer.from(parts[name]))).toBe(true);
    expect(Buffer.from(now.get(name)!.data).equals(Buffer.from(before.get(name)!.data))).toBe(true);
  }
  const xml = strFromU8(after[SHEET]);
  expect(xml).toContain('<c r="C3" s="1"><v>12.5</v></c>');
  expect(xml).toContain('<c r="C4"><v>21</v></c>');
  expect(xml).toContain('<row r="8"><c r="E8" t="inlineStr"><is><t xml:space="preserve">&lt;说明&gt; &amp; =1+1</t>');
  expect(xml).toContain('<dimension ref="A1:E8"/>');
  // the rest of the sheet as it was: the part before <sheetData> and after it unchanged
  const old = strFromU8(parts[SHEET]);
  expect(xml.slice(0, xml.indexOf("<sheetData>"))).toBe(
    old.slice(0, old.indexOf("<sheetData>")).replace("A1:D7", "A1:E8"),
  );
  expect(xml.slice(xml.indexOf("</sheetData>"))).toBe(old.slice(old.indexOf("</sheetData>")));
  const ws = await readBack(r.zip);
  expect(ws.getCell("C3").value).toBe(12.5);
  expect(ws.getCell("C3").numFmt).toBe("0.0");
  expect(ws.getCell("C4").value).toBe(21);
  expect(ws.getCell("C7").value).toBe(3);
  expect(ws.getCell("E8").value).toBe("<说明> & =1+1");
  expect(ws.getCell("B5").value).toMatchObject({ formula: "SUM(B3:B4)" });
});

test("a filled cell is refused and named, never overwritten; nothing written leaves the package as it was", async () => {
  const zip = await fixture();
  const parts = unzipPackage(zip);
  const r = fillPackageCells(parts, zip, "表", [
    { row: 2, col: 1, value: 99 }, // B3 holds 10
    { row: 4, col: 1, value: 99 }, // B5 a formula
    { row: 1, col: 0, value: 99 }, // A2 a shared string
    { row: 0, col: 2, value: 99 }, // C1 inside the merged title (not its top-left cell)
    { row: 4, col: 2, value: 493, replaces: 490 }, // C5 holds 497, not 490
  ]);
  expect(r.report.filled).toEqual([]);
  expect(r.report.refused).toEqual([
    { cell: "C1", found: "A1:D1", reason: "merged" },
    { cell: "A2", found: "单位", reason: "filled" },
    { cell: "B3", found: "10", reason: "filled" },
    { cell: "B5", found: "=SUM(B3:B4)", reason: "filled" },
    { cell: "C5", found: "497", reason: "changed" },
  ]);
  expect(r.zip).toBe(zip);
  // mixed: the empty cell is written, the filled one beside it is not
  const m = fillPackageCells(parts, zip, "表", [
    { row: 2, col: 1, value: 99 },
    { row: 2, col: 2, value: 11 },
  ]);
  expect(m.report).toEqual({ filled: ["C3"], refused: [{ cell: "B3", found: "10", reason: "filled" }] });
  const ws = await readBack(m.zip);
  expect(ws.getCell("B3").value).toBe(10);
  expect(ws.getCell("C3").value).toBe(11);
});

test("a confirmed fix replaces a 总计 only while it holds the printed number", async () => {
  const zip = await fixture();
  const r = fillPackageCells(unzipPackage(zip), zip, "表", [{ row: 4, col: 2, value: 493, replaces: 497 }]);
  expect(r.report.filled).toEqual(["C5"]);
  expect((await readBack(r.zip)).getCell("C5").value).toBe(493);
});

test("sheets whose rows carry no addresses, or no such sheet: a clear refusal, nothing written", async () => {
  const zip = await fixture();
  expect(() => fillPackageCells(unzipPackage(zip), zip, "没有", [{ row: 0, col: 0, value: 1 }])).toThrow(/没有/);
  const bare = '<worksheet><sheetData><row><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
  expect(() => patchSheetXml(bare, [{ row: 0, col: 1, value: 2 }], () => [], "S")).toThrow(/S/);
});

test("ExcelJsBook: the fills survive a later result write (the graft keeps the patched sheet); the model reads them", async () => {
  const book = await ExcelJsBook.load(ExcelJS, await fixture());
  const rep = await book.fillCells("表", [
    { row: 2, col: 2, value: 12 },
    { row: 2, col: 1, value: 1 },
  ]);
  expect(rep.refused.map((x) => x.cell)).toEqual(["B3"]);
  const sheets = await book.readSheets();
  expect(sheets.find((s) => s.name === "表")!.values[2][2]).toBe(12);
  const sheet = {
    key: "x",
    name: "新表",
    values: [["a"]],
    merges: [],
    widths: [8],
    numberFormats: [],
    styles: [],
    links: [],
  };
  await book.addSheets({ sheets: [sheet] });
  const out = await book.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ArrayBuffer);
  expect(wb.getWorksheet("表")!.getCell("C3").value).toBe(12);
  expect(wb.getWorksheet("表")!.getCell("B3").value).toBe(10);
  expect(wb.getWorksheet("新表")).toBeDefined();
});

test("a workbook without formulas: the sheet part is the only part that changes", async () => {
  const zip = await fixture(false);
  const parts = unzipPackage(zip);
  const r = fillPackageCells(parts, zip, "表", [{ row: 2, col: 2, value: 1 }]);
  const after = unzipPackage(r.zip);
  const changed = Object.keys(parts).filter((k) => !Buffer.from(after[k]).equals(Buffer.from(parts[k])));
  expect(changed).toEqual([SHEET]);
});

test("a cell given twice is written once (the last value): never two elements with one address", async () => {
  const zip = await fixture();
  const r = fillPackageCells(unzipPackage(zip), zip, "表", [
    { row: 9, col: 1, value: 1 },
    { row: 9, col: 1, value: 2 },
  ]);
  expect(r.report.filled).toEqual(["B10"]);
  expect(strFromU8(unzipPackage(r.zip)[SHEET]).match(/<c r="B10"/g)).toHaveLength(1);
  expect((await readBack(r.zip)).getCell("B10").value).toBe(2);
});

test("ExcelJsBook: a fill and an 应用建议 edit of the same sheet both reach the written file, in either order", async () => {
  for (const order of ["text first", "fill first"]) {
    const book = await ExcelJsBook.load(ExcelJS, await fixture());
    const text = () => book.setCellText("表", "A3", "甲区");
    const fill = () => book.fillCells("表", [{ row: 2, col: 2, value: 12 }]);
    if (order === "text first") await text().then(fill);
    else await fill().then(text);
    const ws = await readBack(await book.toBuffer());
    expect({ order, a3: ws.getCell("A3").value, c3: ws.getCell("C3").value }).toEqual({ order, a3: "甲区", c3: 12 });
  }
});
