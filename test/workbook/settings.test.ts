import ExcelJS from "exceljs";
import { check, checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { OfficeBook } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { huaibei } from "../helpers";
import { MAP, oddBookScored, oddSheets } from "./odd-workbook";

test("without the mapping the odd workbook has errors; with it, none", () => {
  expect(check(oddSheets(), huaibei).errors).toBeGreaterThan(0);
  const c = check(oddSheets(), huaibei, { mapping: MAP });
  expect(c.errors).toBe(0);
  expect(c.mapping.find((t) => t.table === "zones")!.columns.find((x) => x.id === "output")).toMatchObject({
    column: "C",
    confidence: 1,
  });
});

test("ExcelJS: settings live in a very hidden sheet, are not input, survive a result write and a reload", async () => {
  const { book: b, errors } = await oddBookScored();
  expect(errors).toBe(0);
  const back = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
  expect(await back.readSettings()).toEqual(MAP);
  expect((await back.readSheets()).map((s) => s.name)).not.toContain("ZoneScore设置");
  expect(back.wb.getWorksheet("ZoneScore设置")!.state).toBe("veryHidden");
});

test("Office: settings are read in the same three syncs as the sheets, written hidden, and kept by a result write", async () => {
  const fake = fakeFromSheets(oddSheets());
  const office = new OfficeBook(fake.run, fake.supports, "t");
  await office.writeSettings(MAP);
  const hidden = fake.names.find((n) => n.name === "ZoneScoreSettings")!.sheet;
  expect(hidden.visibility).toBe("VeryHidden");
  const fresh = new OfficeBook(fake.run, fake.supports, "t");
  const s0 = fake.syncs;
  const sheets = await fresh.readSheets();
  const settings = await fresh.readSettings();
  // the sizes (with the settings cells), the merged areas, the cells
  expect(fake.syncs - s0).toBe(3);
  expect(settings).toEqual(MAP);
  expect(sheets.map((s) => s.name)).not.toContain(hidden.name);
  const r = checkAndScore(sheets, huaibei, { mapping: settings! });
  expect(r.errors).toBe(0);
  await fresh.writeResult(plan(huaibei, r.run!));
  expect(fake.sheet(hidden.name)).toBeDefined();
  expect(await new OfficeBook(fake.run, fake.supports, "t").readSettings()).toEqual(MAP);
});
