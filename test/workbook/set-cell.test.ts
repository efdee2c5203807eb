/**
 * 应用建议 in a file (the standalone page): one cell of the user's sheet changes in memory; the written file has that
 * cell changed and every other part of the user's package byte for byte; the bytes the user gave are never changed.
 */
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { PackageError, sheetEntries, unzipPackage } from "../../src/workbook/package";
import { huaibei } from "../helpers";

/** the huaibei sample with an unknown zone name at 项目清单!B3 (a formula at 项目清单!D3 when asked), as a file */
async function sampleFile(formula = false): Promise<Uint8Array> {
  const p = huaibeiSamplePlan(huaibei);
  p.sheets.find((s) => s.name === "项目清单")!.values[2][1] = "濉溪开发区";
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(p);
  if (formula) b.wb.getWorksheet("项目清单")!.getCell("D3").value = { formula: "1+1", result: 2 };
  return b.toBuffer();
}

const partOf = (parts: Record<string, Uint8Array>, sheet: string) =>
  sheetEntries(parts).find((e) => e.name === sheet)!.part!;

test("the cell changes in the sheets read and in the written file; nothing else of the package does", async () => {
  const bytes = await sampleFile();
  const copy = bytes.slice();
  const book = await ExcelJsBook.load(ExcelJS, bytes, { model: true });
  const before = checkAndScore(await book.readSheets(), huaibei, {});
  expect(before.allIssues.find((i) => i.code === "unknown-entity")).toMatchObject({ sheet: "项目清单", cell: "B3" });
  const styleBefore = book.wb.getWorksheet("项目清单")!.getCell("B3").style;

  await book.setCellText("项目清单", "B3", "濉溪经济开发区");
  const after = checkAndScore(await book.readSheets(), huaibei, {});
  expect(after.allIssues.filter((i) => i.code === "unknown-entity")).toEqual([]);
  expect(after.errors).toBe(0);

  const out = await book.toBuffer();
  expect(bytes).toEqual(copy); // the user's bytes as given
  const a = unzipPackage(copy); // (folder entries aside)
  const b = unzipPackage(out);
  const changed = partOf(a, "项目清单");
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const k of Object.keys(a))
    if (k !== changed) expect({ k, same: Buffer.compare(a[k], b[k]) === 0 }).toEqual({ k, same: true });
  expect(strFromU8(b[changed])).toContain("濉溪经济开发区");
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(out as unknown as ArrayBuffer);
  const cell = back.getWorksheet("项目清单")!.getCell("B3");
  expect(cell.value).toBe("濉溪经济开发区");
  expect(cell.style).toEqual(styleBefore);
  // the other cells of the row are as they were
  expect(back.getWorksheet("项目清单")!.getCell("A3").value).toBe(
    book.wb.getWorksheet("项目清单")!.getCell("A3").value,
  );
});

test("with the result sheets grafted in as well, the changed cell is in the file", async () => {
  const book = await ExcelJsBook.load(ExcelJS, await sampleFile());
  await book.setCellText("项目清单", "B3", "濉溪经济开发区");
  const sheets = await book.readSheets();
  const r = checkAndScore(sheets, huaibei, {});
  expect(r.run).toBeTruthy();
  await book.writeResult(
    plan(huaibei, r.run!, { lang: "zh", generatedAt: "t", formulas: { data: r.dataset!, sheets } }),
  );
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
  expect(back.getWorksheet("项目清单")!.getCell("B3").value).toBe("濉溪经济开发区");
  expect(back.getWorksheet("加分汇总")).toBeTruthy();
  // a second change to the same sheet keeps the first
  await book.setCellText("项目清单", "B4", "测试园区");
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
  expect(again.getWorksheet("项目清单")!.getCell("B3").value).toBe("濉溪经济开发区");
  expect(again.getWorksheet("项目清单")!.getCell("B4").value).toBe("测试园区");
});

test("a formula or an empty cell is never overwritten: the refusal names the sheet and the cell", async () => {
  const book = await ExcelJsBook.load(ExcelJS, await sampleFile(true), { model: true });
  const refusal = (cell: string) =>
    book.setCellText("项目清单", cell, "x").then(
      () => null,
      (e: unknown) => e as PackageError,
    );
  const f = await refusal("D3");
  expect(f).toBeInstanceOf(PackageError);
  expect(f!.text("zh")).toBe("工作表「项目清单」的单元格 D3 是公式，未修改（请改它引用的单元格）");
  expect(f!.text("en")).toContain("cell D3 of the sheet 项目清单 is a formula");
  expect((await refusal("ZZ999"))!.key).toBe("workbook.noCell");
  expect(book.wb.getWorksheet("项目清单")!.getCell("D3").formula).toBe("1+1");
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
  expect(back.getWorksheet("项目清单")!.getCell("D3").formula).toBe("1+1");
});
