/**
 * The oracle test: write each built-in scheme's sample in formula mode, let LibreOffice recalculate every formula,
 * and compare every point, total and rank with the engine. Then change input cells in the file, recalculate again,
 * and compare with the engine run on the changed inputs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { mujunSamplePlan } from "../../src/samples/mujun";
import type { Scheme } from "../../src/schemes/schema";
import type { ResultPlan } from "../../src/engine/plan";
import { recalc, SOFFICE } from "./libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-oracle-"));

async function scoredFile(scheme: Scheme, input: ResultPlan, name: string, edit?: (wb: ExcelJS.Workbook) => void) {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(input);
  let book = await ExcelJsBook.load(ExcelJS, await b.toBuffer());
  if (edit) {
    // the user edits the workbook in another tool (here ExcelJS itself): only what the result is grafted into
    edit(book.wb);
    book = await ExcelJsBook.load(ExcelJS, new Uint8Array((await book.wb.xlsx.writeBuffer()) as ArrayBuffer));
  }
  const sheets = await book.readSheets();
  const r = checkAndScore(sheets, scheme);
  expect(r.errors).toBe(0);
  await book.writeResult(plan(scheme, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const file = path.join(dir, name);
  fs.writeFileSync(file, await book.toBuffer());
  return { file, run: r.run!, book };
}

/** The summary sheet as LibreOffice computed it: entity name → the row's numbers. */
async function computed(file: string, scheme: Scheme) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(scheme.groups.length ? "评分汇总" : "加分汇总")!;
  const out = new Map<string, Array<number | string | null>>();
  const header = (ws.getRow(3).values as unknown[]).slice(1).map((v) => String(v ?? ""));
  ws.eachRow((row, rn) => {
    if (rn <= 3) return;
    const name = row.getCell(2).text;
    if (!name || name.startsWith("注：")) return;
    const vals: Array<number | string | null> = [];
    for (let c = 1; c <= header.length; c++) {
      const cell = row.getCell(c);
      const v =
        cell.formula !== undefined ||
        (typeof cell.value === "object" && cell.value !== null && "formula" in (cell.value as object))
          ? (cell.result as unknown)
          : cell.value;
      vals.push(typeof v === "number" || typeof v === "string" ? v : v === null || v === undefined ? null : String(v));
    }
    out.set(name, vals);
  });
  return { header, rows: out };
}

/** Relative tolerance 1e-9 (LibreOffice stores 15 significant digits). */
function close(got: unknown, want: number): void {
  expect(typeof got).toBe("number");
  const g = got as number;
  if (Math.abs(g - want) > 1e-9 * Math.max(1, Math.abs(want)))
    throw new Error(`LibreOffice computed ${g}, the engine ${want}`);
}

function compare(
  scheme: Scheme,
  run: Awaited<ReturnType<typeof scoredFile>>["run"],
  got: Awaited<ReturnType<typeof computed>>,
) {
  const shown = scheme.rules.map((r, k) => (r.kind === "veto" ? -1 : k)).filter((k) => k >= 0);
  const totalCol = got.header.indexOf("总分");
  let compared = 0;
  for (const e of run.entities) {
    const row = got.rows.get(e.name);
    if (!row) throw new Error(`no row for ${e.name}; rows: ${[...got.rows.keys()].join(", ")}`);
    if (e.vetoed) continue;
    shown.forEach((k, j) => {
      close(row![2 + j], e.points[k]);
      compared++;
    });
    close(row![totalCol], e.total);
    if (scheme.ranking.ties !== "dense") expect(row![0]).toBe(e.rank);
    const gradeCol = got.header.indexOf("等级");
    if (gradeCol >= 0) expect(row![gradeCol]).toBe(e.grade);
    compared += 2;
  }
  return compared;
}

async function stripResults(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && typeof v.formula === "string") {
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
          n++;
        }
      }),
    ),
  );
  expect(n).toBeGreaterThan(10);
  await wb.xlsx.writeFile(file);
  return n;
}

beforeAll(() => {
  expect(fs.existsSync(SOFFICE)).toBe(true);
});

/** The chifeng sample without its vetoed park, so that every 排序法 cell is a live RANK.EQ formula; reading as given. */
function chifengNoVeto(reading: string) {
  return (s: Scheme): ResultPlan => {
    const p = samplePlan(s)!;
    const parks = p.sheets.find((x) => x.name === "园区指标")!;
    const col = (parks.values[2] as unknown[]).indexOf("发生环境污染事件");
    for (const row of parks.values.slice(3)) if (row[col] === "是") row[col] = "否";
    (s as { options: Scheme["options"] }).options = s.options.map((o) =>
      o.id === "rankReading" ? { ...o, default: reading } : o,
    );
    return p;
  };
}

const cases: Array<[string, (s: Scheme) => ResultPlan, (wb: ExcelJS.Workbook) => void]> = [
  [
    "huaibei-2023",
    (s) => samplePlan(s)!,
    (wb) => {
      // 相山 reaches its output target and 烈山 its projects target; 杜集's increment passes 50
      const z = wb.getWorksheet("开发区指标")!;
      z.getCell("C6").value = 61;
      z.getCell("D8").value = 15;
      z.getCell("C7").value = 112.5;
      // a project's investment (summed through 计算过程): 相山's 智能终端 reaches 20 亿元 → +10 instead of +5
      const p = wb.getWorksheet("项目清单")!;
      expect(p.getCell("A5").value).toBe("智能终端产业园项目");
      p.getCell("D5").value = 20;
    },
  ],
  [
    "chifeng-2020",
    (s) => samplePlan(s)!,
    (wb) => {
      const z = wb.getWorksheet("园区指标")!;
      // a vetoed park takes no part in the ranking; the 排序法 cells count only the others
      z.getCell("B12").value = 50; // 阿鲁科尔沁 becomes first on 新增工业总产值
      z.getCell("L9").value = 15.2; // 元宝山综合 ties 东山 on 工业固定资产投资增速
      z.getCell("O7").value = 9; // 安庆: new 高新技术企业, capped at 3
      z.getCell("X8").value = 0.5; // 玉龙: 信息报送 score
      z.getCell("Y13").value = "省级"; // 巴林左旗: a provincial 绿色园区 certification
      z.getCell("Q9").value = 1; // 元宝山综合: 规划环评 score
    },
  ],
  ...["rank-step", "rank-linear", "ratio-to-best", "min-max"].map(
    (reading) =>
      [
        `chifeng-2020#${reading}`,
        chifengNoVeto(reading),
        (wb: ExcelJS.Workbook) => {
          const z = wb.getWorksheet("园区指标")!;
          z.getCell("B12").value = 50; // 阿鲁科尔沁 becomes first on 新增工业总产值
          z.getCell("M5").value = -3; // 红山: infrastructure investment falls
          z.getCell("L9").value = 15.2; // 元宝山综合 ties 东山 on 工业固定资产投资增速
        },
      ] as [string, (s: Scheme) => ResultPlan, (wb: ExcelJS.Workbook) => void],
  ),
  [
    "mujun-template",
    (s) => mujunSamplePlan(s, 300),
    (wb) => {
      const z = wb.getWorksheet("企业亩均数据")!;
      z.getCell("D5").value = 400; // an enterprise far above the benchmark (capped at 2×)
      z.getCell("I7").value = 1; // another's R&D share
    },
  ],
];

describe.each(cases)("%s in formula mode, recalculated by LibreOffice", (name, input, edit) => {
  const id = name.split("#")[0];
  // a private copy: a case may set its own reading of 排序法
  const scheme = JSON.parse(JSON.stringify(getBuiltInScheme(id)!)) as Scheme;
  test("every point, total and rank equals the engine's, before and after changing inputs in the file", async () => {
    const file = name.replace("#", "-");
    const a = await scoredFile(scheme, input(scheme), `${file}.xlsx`);
    const b = await scoredFile(scheme, input(scheme), `${file}-changed.xlsx`, edit);
    // the changes must matter, or the second half proves nothing
    expect(b.run.entities.map((e) => e.total)).not.toEqual(a.run.entities.map((e) => e.total));
    // the file written before the change, edited in place and recalculated, must follow the change too
    const edited = path.join(dir, `${file}-edited.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a.file);
    edit(wb);
    await wb.xlsx.writeFile(edited);
    // drop every cached result, so that what comes back can only be LibreOffice's own computation
    const formulas = await stripResults(a.file);
    await stripResults(edited);
    // every one of the 23 indicators is a live formula (13 parks when one is vetoed, 14 otherwise)
    if (name.startsWith("chifeng-2020#")) expect(formulas).toBeGreaterThanOrEqual(14 * 23);
    if (name === "chifeng-2020") expect(formulas).toBeGreaterThanOrEqual(13 * 23);
    const [ra, redited] = recalc([a.file, edited]);
    expect(compare(scheme, a.run, await computed(ra, scheme))).toBeGreaterThan(10);
    expect(compare(scheme, b.run, await computed(redited, scheme))).toBeGreaterThan(10);
  }, 240000);
});
