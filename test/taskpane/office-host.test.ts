/**
 * The Excel host's template and 应用建议 operations, over the strict Excel fake: the template goes into a NEW workbook
 * (Excel.createWorkbook with a real .xlsx) unless the user chose this one; a suggestion is written as text into the
 * one cell, never read as a number or a formula.
 */
import ExcelJS from "exceljs";
import { officeHost } from "../../src/taskpane/office-host";
import { buildTemplatePlan } from "../../src/engine/output/template";
import { FakeWorkbookState } from "./../fakes/excel";
import { huaibei } from "../helpers";

function install(fake: FakeWorkbookState) {
  const created: string[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = { run: fake.run, createWorkbook: async (b64: string) => void created.push(b64) };
  g.Office = { context: { requirements: { isSetSupported: fake.supports } } };
  return created;
}

afterEach(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

test("the template opens as a new workbook; the user's workbook is not touched", async () => {
  const fake = new FakeWorkbookState();
  fake.addSheet("我的数据").set(0, 0, "x");
  const before = fake.snapshot();
  const created = install(fake);
  const out = await officeHost().insertTemplate(buildTemplatePlan(huaibei), "t.xlsx", "new");
  expect(out).toEqual({ opened: true });
  expect(fake.snapshot()).toBe(before);
  expect(created).toHaveLength(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Uint8Array.from(Buffer.from(created[0], "base64")).buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(buildTemplatePlan(huaibei).sheets.map((s) => s.name));
});

test("into this workbook only when chosen (the pane confirms first); without ExcelApi 1.8 a new workbook is refused", async () => {
  const fake = new FakeWorkbookState();
  fake.addSheet("我的数据").set(0, 0, "x");
  const created = install(fake);
  await officeHost().insertTemplate(buildTemplatePlan(huaibei), "t.xlsx", "current");
  expect(created).toHaveLength(0);
  expect(fake.sheets.map((s) => s.name)).toEqual(["我的数据", ...buildTemplatePlan(huaibei).sheets.map((s) => s.name)]);
  fake.apiMinor = 7;
  await expect(officeHost().insertTemplate(buildTemplatePlan(huaibei), "t.xlsx", "new")).rejects.toThrow(
    "ExcelApi 1.8",
  );
});

test("应用建议 writes the suggested name as text into the one cell", async () => {
  const fake = new FakeWorkbookState();
  const ws = fake.addSheet("项目清单");
  ws.set(2, 1, "濉溪开发区");
  ws.set(2, 2, "keep");
  install(fake);
  await officeHost().setCellText!("项目清单", "B3", "濉溪经济开发区");
  expect(ws.get(2, 1)!.v).toBe("濉溪经济开发区");
  expect(ws.get(2, 2)!.v).toBe("keep");
  expect(
    ws.formats.some((f) => f.key === "numberFormat" && f.value === "@" && f.rect.top === 2 && f.rect.left === 1),
  ).toBe(true);
});
