/** A workbook whose zone headers no reader can recognise, and the column mapping that fixes it (settings tests). */
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import type { CellValue, SheetData } from "../../src/engine/types";
import { huaibei, planSheets } from "../helpers";
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";

function sampleSheets(): SheetData[] {
  return planSheets(huaibeiSamplePlan(huaibei));
}

/** The sample with the zone sheet's headers renamed beyond recognition, and a project naming its zone by a short form. */
export function oddSheets(): SheetData[] {
  const sheets = sampleSheets();
  const z = sheets.find((s) => s.name === "开发区指标")!;
  z.values[2] = z.values[2].map((v, i) => (i === 0 ? v : v === null ? null : `指标${i}`)) as CellValue[];
  z.values[3] = z.values[3].map(() => null);
  const p = sheets.find((s) => s.name === "项目清单")!;
  p.values[2][1] = "濉溪开发区";
  return sheets;
}
export const MAP = {
  tables: {
    zones: {
      sheet: "开发区指标",
      columns: {
        name: "A",
        outputPrev: "B",
        output: "C",
        newProjects: "D",
        enterprises: "E",
        listed: "F",
        review: "G",
        filing: "H",
        landTask: "I",
        aaRated: "J",
        intensive: "K",
        base: "L",
        taxPerMu: "M",
      },
    },
  },
  aliases: { 濉溪开发区: "濉溪经济开发区" },
};

/**
 * The odd workbook as an ExcelJS book with MAP saved in it, scored with the mapping it reads back, and the result
 * written: what the settings tests (in the library and on the command line) start from.
 */
export async function oddBookScored(): Promise<{ book: ExcelJsBook; errors: number }> {
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets({
    sheets: oddSheets().map((s) => ({
      key: s.name,
      name: s.name,
      values: s.values as never,
      merges: s.merges ?? [],
      widths: [],
      numberFormats: [],
      styles: [],
      links: [],
    })),
  });
  await book.writeSettings(MAP);
  const r = checkAndScore(await book.readSheets(), huaibei, { mapping: (await book.readSettings())! });
  await book.writeResult(plan(huaibei, r.run!));
  return { book, errors: r.errors };
}
