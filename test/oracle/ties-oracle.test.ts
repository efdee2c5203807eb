/**
 * Ties under each tie rule with vetoed and excluded units, in live formulas recalculated by LibreOffice (issue 14):
 * the 排序法 cells rank over the 参评 helper column of 计算过程 (RANK.EQ, and the shared count, highest and lowest),
 * so a vetoed or excluded unit's value — here the best of all — counts for no one, under every reading; tied values
 * and tied totals rank equal under competition, dense and average ranking. Then a unit is vetoed and a value moved
 * in the file itself: recalculated again, every cell follows the engine run on the changed inputs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { parseScheme, type Scheme } from "../../src/engine/scheme/schema";
import { newSheet, type ResultPlan } from "../../src/engine/output/sheet-plan";
import { tableSheet } from "../../src/engine/output/template";
import { ruleHeader } from "../../src/engine/output/result-plan";
import type { ScoreRun } from "../../src/engine/score/result";
import { dropCachedResults, recalc } from "./libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-ties-oracle-"));

const rank = (id: string, field: string, reading: string, extra: Record<string, number> = {}) => ({
  id,
  clause: `条款${id}`,
  kind: "rank" as const,
  field,
  points: 10,
  reading,
  label: id,
  description: "排序法",
  ...extra,
});

function schemeWith(ties: "competition" | "dense" | "average"): Scheme {
  return parseScheme({
    schemaVersion: 1,
    id: `ties-${ties}`,
    name: "并列与否决测试",
    source: "测试",
    entityTable: "units",
    tables: [
      {
        id: "units",
        name: "单位指标",
        level: "entity",
        columns: [
          { id: "name", name: "单位", type: "text", role: "key", required: true },
          { id: "x", name: "指标x", type: "number", required: true },
          { id: "y", name: "指标y", type: "number", required: true, direction: "lower" },
          { id: "veto", name: "发生事故", type: "bool", missingAs: false },
        ],
      },
    ],
    rules: [
      {
        id: "v",
        clause: "否决",
        kind: "veto",
        field: "veto",
        reason: "发生事故",
        label: "否决",
        description: "一票否决",
      },
      rank("xs", "x", "rank-step"),
      rank("xl", "x", "rank-linear"),
      rank("xr", "x", "ratio-to-best"),
      rank("xm", "x", "min-max", { floorShare: 0.2 }),
      rank("ys", "y", "rank-step", { step: 3 }),
      rank("ym", "y", "min-max"),
    ],
    exclude: [{ name: "单位6", clause: "附件", reason: "暂不考核" }],
    ranking: { ties },
  });
}

// 单位3 (vetoed) and 单位6 (excluded) hold the best values; 1 and 2 tie on everything, so do 4 and 8
const X = [90, 90, 95, 80, 70, 99, 60, 80];
const Y = [5, 5, 1, 7, 6, 1, 9, 7];
const rows = X.map((x, i) => ({ name: `单位${i + 1}`, x, y: Y[i], veto: i === 2 ? "是" : "否" }));
const cols = [
  { path: ["单位"], key: "name" },
  { path: ["指标x"], key: "x" },
  { path: ["指标y"], key: "y" },
  { path: ["发生事故"], key: "veto" },
];
const input = (rs: typeof rows): ResultPlan => ({
  sheets: [{ ...newSheet("p", "参数"), values: [["考评年度", 2024]] }, tableSheet("units", "单位指标", cols, rs)],
});
// the edit: 单位5 is vetoed, 单位7 rises to tie 1 and 2 on x (row 1 is the header: 单位k is row k + 1)
const changedRows = rows.map((r, i) => (i === 4 ? { ...r, veto: "是" } : i === 6 ? { ...r, x: 90 } : r));
const edit = (wb: ExcelJS.Workbook) => {
  const z = wb.getWorksheet("单位指标")!;
  expect([z.getCell("A6").value, z.getCell("A8").value]).toEqual(["单位5", "单位7"]);
  z.getCell("D6").value = "是";
  z.getCell("B8").value = 90;
};

async function written(scheme: Scheme, rs: typeof rows, name: string) {
  const created = await ExcelJsBook.create(ExcelJS);
  await created.addSheets(input(rs));
  const book = await ExcelJsBook.load(ExcelJS, await created.toBuffer());
  const sheets = await book.readSheets();
  const r = checkAndScore(sheets, scheme);
  expect(r.errors).toBe(0);
  await book.writeResult(plan(scheme, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const file = path.join(dir, name);
  fs.writeFileSync(file, await book.toBuffer());
  return { file, run: r.run! };
}

/** Edit the file (optionally) and drop every cached result, so that what comes back is LibreOffice's own. */
async function prepared(file: string, out: string, change?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change?.(wb);
  expect(dropCachedResults(wb)).toBeGreaterThan(10);
  await wb.xlsx.writeFile(out);
  return out;
}

/** Every rule cell, total and rank of the units taking part, LibreOffice against the engine; returns the count. */
async function compare(file: string, scheme: Scheme, run: ScoreRun): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("加分汇总")!;
  const header = Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(3).getCell(c + 1).text);
  let compared = 0;
  for (let rn = 4; rn <= ws.rowCount; rn++) {
    const row = ws.getRow(rn);
    const e = run.entities.find((x) => x.name === row.getCell(2).text);
    if (!e || e.vetoed) continue;
    const want = (h: string, c: number) => {
      const k = scheme.rules.findIndex((x) => ruleHeader(x) === h);
      return c === 0 ? e.rank : h === "总分" ? e.total : k >= 0 ? e.points[k] : undefined;
    };
    header.forEach((h, c) => {
      const w = want(h, c);
      if (w === undefined || w === null) return;
      const got = row.getCell(c + 1).result;
      if (typeof got !== "number" || Math.abs(got - w) > 1e-9)
        throw new Error(`${scheme.ranking.ties} ${e.name} ${h}: LibreOffice ${String(got)}, the engine ${w}`);
      compared++;
    });
  }
  return compared;
}

test("tied values and totals rank equal under each tie rule; vetoed and excluded units count for no one", async () => {
  const cases = [];
  for (const ties of ["competition", "dense", "average"] as const) {
    const scheme = schemeWith(ties);
    const a = await written(scheme, rows, `${ties}.xlsx`);
    const b = await written(scheme, changedRows, `${ties}-changed.xlsx`);
    // the ties the test is about: 1 and 2 share a total and a rank, so do 4 and 8; 3 and 6 take no part
    const [u1, u2, u3, u4, , u6, , u8] = a.run.entities;
    expect([u3.vetoed, u6.vetoed]).toEqual([true, true]);
    expect([u1.total, u1.rank]).toEqual([u2.total, u2.rank]);
    expect([u4.total, u4.rank]).toEqual([u8.total, u8.rank]);
    expect(b.run.entities[4].vetoed).toBe(true);
    expect(b.run.entities.map((e) => e.total)).not.toEqual(a.run.entities.map((e) => e.total));
    const before = await prepared(a.file, path.join(dir, `${ties}-before.xlsx`));
    const after = await prepared(a.file, path.join(dir, `${ties}-edited.xlsx`), edit);
    cases.push({ scheme, files: [before, after], runs: [a.run, b.run] });
  }
  const out = recalc(cases.flatMap((c) => c.files));
  for (const [j, c] of cases.entries()) {
    // 6 live units × (6 rules, total, rank) before; 5 after
    expect(await compare(out[2 * j], c.scheme, c.runs[0])).toBe(6 * 8);
    expect(await compare(out[2 * j + 1], c.scheme, c.runs[1])).toBe(5 * 8);
  }
  // dense and average ranks of the tie are what those rules say
  const ranks = cases.map((c) => c.runs[0].entities.map((e) => e.rank));
  expect(ranks[1][0]).toBe(1);
  expect(ranks[2][0]).toBe(1.5);
}, 240000);
