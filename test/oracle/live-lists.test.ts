/**
 * Issue 12 §5, recalculated by LibreOffice: in formula mode 加分明细 and 奖励测算 list every candidate with live
 * points and amounts, so after input edits that create new awardees and new detail rows, the recalculated sheets'
 * non-zero rows equal a fresh values-mode (`--values`) run on the edited input, compared by unit and rule (summed),
 * not by row position. The filter that shows only the non-zero rows is in the file and survives LibreOffice; the
 * 情景对比 baseline written beside the live summary follows the edit too.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { summaryRefs } from "../../src/engine/output/result-plan";
import { runScenario, scenarioSheet, startWhatIf } from "../../src/engine/whatif";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import type { Scheme } from "../../src/engine/scheme/schema";
import type { PlanSheet } from "../../src/engine/output/sheet-plan";
import { dropCachedResults, recalc, SOFFICE } from "./libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-live-lists-"));

/** The sample input as a file, edited (or not) in another tool. */
async function inputBook(scheme: Scheme, edit?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJsBook> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(samplePlan(scheme)!);
  const book = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
  if (!edit) return book;
  edit(book.wb);
  return ExcelJsBook.load(ExcelJS, new Uint8Array((await book.wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Scored and written with live formulas. */
async function liveFile(scheme: Scheme, name: string) {
  const book = await inputBook(scheme);
  const sheets = await book.readSheets();
  const r = checkAndScore(sheets, scheme);
  expect(r.errors).toBe(0);
  const opts = { formulas: { data: r.dataset!, sheets } };
  const p = plan(scheme, r.run!, opts);
  // 情景对比 beside the live summary: its baseline columns are live too (a scenario without changes)
  const w = startWhatIf(scheme, r.dataset!, {}, r.run!);
  const sc = [{ scenario: { name: "原样", changes: [] }, run: runScenario(w, []).run }];
  p.sheets.push(scenarioSheet(scheme, r.run!, sc, "zh", summaryRefs(scheme, r.run!, opts)!));
  await book.writeResult(p);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await book.toBuffer());
  return { file, plan: p, run: r.run! };
}

/** A fresh values-mode run on the edited input: its detail and award sheets. */
async function valuesRun(scheme: Scheme, edit: (wb: ExcelJS.Workbook) => void) {
  const book = await inputBook(scheme, edit);
  const r = checkAndScore(await book.readSheets(), scheme);
  expect(r.errors).toBe(0);
  return { plan: plan(scheme, r.run!, {}), run: r.run! };
}

type Sums = Map<string, number>;
const key = (unit: unknown, rule: unknown) => `${String(unit)} · ${String(rule)}`;

/** (unit, rule) → the sum of the non-zero amounts of a table (header on row 3, amounts in column 4). */
function sums(rows: Array<[unknown, unknown, unknown]>): Sums {
  const out: Sums = new Map();
  for (const [unit, rule, amount] of rows) {
    if (typeof amount !== "number" || amount === 0) continue;
    out.set(key(unit, rule), (out.get(key(unit, rule)) ?? 0) + amount);
  }
  return out;
}

/** The table's rows of a values-mode plan sheet. */
function planRows(s: PlanSheet): Array<[unknown, unknown, unknown]> {
  const out: Array<[unknown, unknown, unknown]> = [];
  for (const row of s.values.slice(3)) {
    if (!row.length || row[3] === undefined) break;
    out.push([row[0], row[1], row[3]]);
  }
  return out;
}

/** The table's rows as LibreOffice computed them (a formula cell's result), down to the first empty row. */
async function fileRows(file: string, sheet: string): Promise<Array<[unknown, unknown, unknown]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const out: Array<[unknown, unknown, unknown]> = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.getCell(1).text) break;
    const c = row.getCell(4);
    const v = c.formula !== undefined ? c.result : c.value;
    out.push([row.getCell(1).text, row.getCell(2).text, v]);
  }
  return out;
}

function expectSame(got: Sums, want: Sums): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) {
    const g = got.get(k)!;
    if (Math.abs(g - v) > 1e-9 * Math.max(1, Math.abs(v))) throw new Error(`${k}: LibreOffice ${g}, the engine ${v}`);
  }
}

/** Every cached formula result dropped, so that what comes back is LibreOffice's own computation. */
async function stripResults(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(dropCachedResults(wb)).toBeGreaterThan(10);
  await wb.xlsx.writeFile(file);
}

/** The sheet XML of a named sheet in a file. */
function sheetXml(file: string, name: string): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const wb = strFromU8(parts["xl/workbook.xml"]);
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const t = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, "");
  return strFromU8(parts[`xl/${t}`]);
}

beforeAll(() => {
  expect(fs.existsSync(SOFFICE)).toBe(true);
});

const cases: Array<[string, (wb: ExcelJS.Workbook) => void]> = [
  [
    "huaibei-2023",
    (wb) => {
      const z = wb.getWorksheet("开发区指标")!;
      // 相山 reaches its output target and 烈山 its projects target: new target points (detail rows)
      z.getCell("C6").value = 61;
      z.getCell("D8").value = 15;
      // a unit's platform company newly rated AA (平台公司AA级, a new award)
      z.getCell("J6").value = "是";
      // a project of 相山 reaches 20 亿元 (the 计算过程 row changes)
      wb.getWorksheet("项目清单")!.getCell("D5").value = 20;
    },
  ],
  [
    "chifeng-2020",
    (wb) => {
      const z = wb.getWorksheet("园区指标")!;
      z.getCell("Q7").value = 9; // 安庆: new 高新技术企业, capped at 3 (a new detail row)
      z.getCell("AA13").value = "自治区级"; // 巴林左旗: a provincial 绿色园区 certification (a new detail row)
      // 元宝山园区 (fourth) first on output and taxes: it enters the places of 综合奖励 (a new awardee)
      z.getCell("B6").value = 50;
      z.getCell("D6").value = 12;
    },
  ],
];

describe.each(cases)(
  "%s: the live 加分明细 and 奖励测算 after input edits, recalculated by LibreOffice",
  (id, edit) => {
    const scheme = getBuiltInScheme(id)!;
    test("their non-zero rows equal a fresh values run on the edited input, by unit and rule", async () => {
      const a = await liveFile(scheme, `${id}.xlsx`);
      const after = await valuesRun(scheme, edit);
      const names = { details: a.plan.sheets.find((s) => s.key === "details")!.name, awards: "奖励测算" };
      const table = (p: typeof a.plan, k: string) => sums(planRows(p.sheets.find((s) => s.key === k)!));
      // the edits matter: new awardees and new detail rows that a values run before the edits did not have
      const before = plan(scheme, a.run, {});
      for (const k of ["details", "awards"]) {
        const had = table(before, k);
        expect([...table(after.plan, k).keys()].filter((x) => !had.has(x)).length).toBeGreaterThan(0);
      }

      // the file as written: a filter on the amounts, the zero rows hidden
      for (const k of ["details", "awards"] as const) {
        const xml = sheetXml(a.file, names[k]);
        expect(xml).toMatch(/<autoFilter ref="A3:[A-Z]+\d+"><filterColumn colId="3"><customFilters>/);
        const hidden = a.plan.sheets.find((s) => s.key === k)!.filter!.hidden;
        expect(hidden.length).toBeGreaterThan(0);
        for (const r of hidden) expect(xml).toMatch(new RegExp(`<row r="${r + 1}"[^>]* hidden="1"`));
      }

      // edited in place, every cached result dropped, recalculated by LibreOffice
      const edited = path.join(dir, `${id}-edited.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(a.file);
      edit(wb);
      await wb.xlsx.writeFile(edited);
      await stripResults(edited);
      const [ra, re] = recalc([a.file, edited]);
      // LibreOffice reads the filter with its criterion and the rows it hides, and writes them back
      for (const k of ["details", "awards"] as const) {
        const xml = sheetXml(ra, names[k]);
        expect(xml).toMatch(/<autoFilter ref="A3:[A-Z]+\d+">\s*<filterColumn colId="3">\s*<customFilters\b/);
        expect(xml).toMatch(/<customFilter operator="notEqual" val="0"\/>/);
        const hidden = a.plan.sheets.find((s) => s.key === k)!.filter!.hidden;
        for (const r of hidden) expect(xml).toMatch(new RegExp(`<row r="${r + 1}"[^>]* hidden="(1|true)"`));
      }
      for (const k of ["details", "awards"] as const) {
        const want = sums(planRows(after.plan.sheets.find((s) => s.key === k)!));
        expectSame(sums(await fileRows(re, names[k])), want);
      }
    }, 240000);
  },
);
