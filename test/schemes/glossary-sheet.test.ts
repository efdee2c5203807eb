/** The rules sheets carry the scheme's glossary as 术语英文 (中文, English), so an edited scheme keeps its English. */
import ExcelJS from "exceljs";
import { getBuiltInScheme } from "../../src/schemes";
import { SchemeError } from "../../src/engine/scheme/schema";
import { SCHEME_SHEETS, schemeFromSheets, schemeToPlan } from "../../src/engine/scheme/sheets";
import { GLOSSARY_SHEET, glossaryFromSheets } from "../../src/engine/scheme/glossary-sheet";
import { schemeWord } from "../../src/engine/i18n/scheme-words";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import type { SheetData } from "../../src/engine/types";
import { planSheets } from "../helpers";

const chifeng = getBuiltInScheme("chifeng-2020")!;
const glossaryRows = (sheets: SheetData[]) => sheets.find((s) => s.name === GLOSSARY_SHEET)!.values as unknown[][];

test("the glossary is written as a 术语英文 sheet, one row per word, and is one of the scheme sheets", () => {
  const rows = glossaryRows(planSheets(schemeToPlan(chifeng)));
  expect(rows[0]).toEqual(["中文", "English"]);
  expect(rows.slice(1)).toEqual(Object.entries(chifeng.glossary));
  expect(rows).toContainEqual(["安全事故", "work-safety accident"]);
  expect(SCHEME_SHEETS).toContain(GLOSSARY_SHEET);
});

test("an edited glossary is read back from an .xlsx file: changed, added and removed words", async () => {
  const plan = schemeToPlan(chifeng);
  const rows = plan.sheets.find((s) => s.name === GLOSSARY_SHEET)!.values;
  rows.find((r) => r[0] === "安全事故")![1] = "safety accident";
  rows.push(["总分", "total score"]);
  rows.splice(
    rows.findIndex((r) => r[0] === "环境污染"),
    1,
  );
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets(plan);
  const back = schemeFromSheets(await (await ExcelJsBook.load(ExcelJS, await book.toBuffer())).readSheets());
  expect(back.glossary["安全事故"]).toBe("safety accident");
  expect(back.glossary["总分"]).toBe("total score");
  expect(back.glossary["环境污染"]).toBeUndefined();
  expect(Object.keys(back.glossary)).toHaveLength(Object.keys(chifeng.glossary).length);
  expect(schemeWord(back, "en", "附件1 三、9 安全事故")).toBe("Annex 1 §3.9 safety accident");
  expect(back.rules).toEqual(chifeng.rules);
});

test("a scheme without the sheet reads back with an empty glossary", () => {
  const sheets = planSheets(schemeToPlan(chifeng)).filter((s) => s.name !== GLOSSARY_SHEET);
  expect(schemeFromSheets(sheets).glossary).toEqual({});
});

test("wrong edits are errors at their cells: a word without English, English without a word, a word twice", () => {
  const sheets = planSheets(schemeToPlan(chifeng));
  const rows = glossaryRows(sheets);
  rows[0][1] = "英文";
  rows.push(["新词", null], [null, "orphan"], ["安全事故", "again"]);
  const first = rows.findIndex((r) => r[0] === "安全事故") + 1;
  const n = rows.length;
  const { problems } = glossaryFromSheets(sheets);
  expect(problems).toEqual([
    `术语英文!B1：表头应为“English”，现为“英文”`,
    `术语英文!B${n - 2}：缺少“新词”的英文`,
    `术语英文!A${n - 1}：英文“orphan”缺少对应的中文`,
    `术语英文!A${n}：“安全事故”已在第 ${first} 行给出`,
  ]);
  expect(() => schemeFromSheets(sheets)).toThrow(SchemeError);
});
