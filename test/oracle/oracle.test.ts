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
import { parseScheme, type Scheme } from "../../src/engine/scheme/schema";
import { newSheet } from "../../src/engine/output/sheet-plan";
import { tableSheet } from "../../src/engine/output/template";
import type { ResultPlan } from "../../src/engine/output/sheet-plan";
import { dropCachedResults, recalc, SOFFICE } from "./libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-oracle-"));

async function scoredFile(scheme: Scheme, input: ResultPlan, name: string, edit?: (wb: ExcelJS.Workbook) => void) {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(input);
  let book = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
  if (edit) {
    // the user edits the workbook in another tool (here ExcelJS itself): only what the result is grafted into
    edit(book.wb);
    book = await ExcelJsBook.load(ExcelJS, new Uint8Array((await book.wb.xlsx.writeBuffer()) as ArrayBuffer), {
      model: true,
    });
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
  const n = dropCachedResults(wb);
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
    // and without the park the policy does not evaluate yet (附件1 一), which is ranked by SUMPRODUCT like a veto
    parks.values = parks.values.filter((row) => row[0] !== "喀喇沁旗新材料产业园");
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
      z.getCell("N9").value = 15.2; // 元宝山综合 ties 东山 on 工业固定资产投资增速
      z.getCell("Q7").value = 9; // 安庆: new 高新技术企业, capped at 3
      z.getCell("Z8").value = 0.5; // 玉龙: 信息报送 score
      z.getCell("AA13").value = "自治区级"; // 巴林左旗: a provincial (自治区级) 绿色园区 certification
      z.getCell("S9").value = 1; // 元宝山综合: 规划环评 score
      z.getCell("K6").value = 9; // 高新区元宝山园区: the bureau's points for 招商引资项目数量 (3.1)
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
          z.getCell("O5").value = -3; // 红山: infrastructure investment falls
          z.getCell("N9").value = 15.2; // 元宝山综合 ties 东山 on 工业固定资产投资增速
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

/**
 * Issue 9: a tie built from repeating decimals (rank-step shares of 7 units, full × k / 7) in live formulas. Units
 * 1–3 are first, second and third on three indicators in turn, so their exact totals are equal, but added left to
 * right in floating point they differ in the last bit (15.428571428571427 against …429). The totals round where the
 * engine rounds (ROUND(…, 6)), so RANK.EQ ranks them equal and the pooled award pays them equally — before, and after
 * an input edit that puts unit 4 first and leaves the three tied for second.
 */
describe("a repeating-decimal tie in formula mode, recalculated by LibreOffice", () => {
  const tieScheme = parseScheme({
    schemaVersion: 1,
    id: "tie7",
    name: "并列测试",
    source: "测试",
    entityTable: "units",
    tables: [
      {
        id: "units",
        name: "单位指标",
        level: "entity",
        columns: [
          { id: "name", name: "单位", type: "text", role: "key", required: true },
          ...["x", "y", "w"].map((id) => ({ id, name: `指标${id}`, type: "number" as const, required: true })),
        ],
      },
    ],
    rules: ["x", "y", "w"].map((f) => ({
      id: f,
      clause: `条款${f}`,
      kind: "rank" as const,
      field: f,
      points: 6,
      reading: "rank-step" as const,
      label: f,
      description: "排序法",
    })),
    awards: [
      {
        id: "award",
        clause: "五",
        kind: "rank-amount",
        amounts: [300, 200, 100],
        ties: "pool",
        unit: "万元",
        label: "综合奖励",
        description: "并列者平分相应名次奖金",
      },
    ],
  });
  const ranksOf = [
    [1, 2, 3],
    [2, 3, 1],
    [3, 1, 2],
  ];
  const value = (rank: number) => 100 - rank;
  const input = (): ResultPlan => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      name: `单位${i + 1}`,
      x: value(i < 3 ? ranksOf[i][0] : i + 1),
      y: value(i < 3 ? ranksOf[i][1] : i + 1),
      w: value(i < 3 ? ranksOf[i][2] : i + 1),
    }));
    const cols = [{ path: ["单位"], key: "name" }, ...["x", "y", "w"].map((k) => ({ path: [`指标${k}`], key: k }))];
    return {
      sheets: [{ ...newSheet("p", "参数"), values: [["考评年度", 2024]] }, tableSheet("units", "单位指标", cols, rows)],
    };
  };
  // 单位4 becomes first on every indicator (C5:E5 are its cells: row 1 header, rows 2–8 the units)
  const edit = (wb: ExcelJS.Workbook) => {
    const z = wb.getWorksheet("单位指标")!;
    expect(z.getCell("A5").value).toBe("单位4");
    for (const c of ["B5", "C5", "D5"]) z.getCell(c).value = 200;
  };

  async function paid(file: string): Promise<Map<string, number>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("奖励测算")!;
    const out = new Map<string, number>();
    ws.eachRow((row, rn) => {
      if (rn <= 3 || row.getCell(2).text !== "综合奖励") return; // the award's label, as the sheet shows it
      const c = row.getCell(4);
      out.set(row.getCell(1).text, (c.formula !== undefined ? c.result : c.value) as number);
    });
    return out;
  }

  test("the tied units rank equal and are paid equally, before and after an input edit", async () => {
    // in plain left-to-right floating point the three exact-equal totals differ: the ROUND is what makes them equal
    const p = (r: number) => 6 - ((r - 1) * 6) / 7;
    const naive = ranksOf.map((rs) => p(rs[0]) + p(rs[1]) + p(rs[2]));
    expect(new Set(naive).size).toBeGreaterThan(1);

    const a = await scoredFile(tieScheme, input(), "tie7.xlsx");
    const b = await scoredFile(tieScheme, input(), "tie7-changed.xlsx", edit);
    const edited = path.join(dir, "tie7-edited.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a.file);
    edit(wb);
    await wb.xlsx.writeFile(edited);
    await stripResults(a.file);
    await stripResults(edited);
    const [ra, redited] = recalc([a.file, edited]);

    // before: 单位1–3 tie first and share 300 + 200 + 100
    const before = await computed(ra, tieScheme);
    expect(compare(tieScheme, a.run, before)).toBeGreaterThan(10);
    expect([1, 2, 3].map((k) => before.rows.get(`单位${k}`)![0])).toEqual([1, 1, 1]);
    expect([1, 2, 3].map((k) => a.run.entities[k - 1].rank)).toEqual([1, 1, 1]);
    const payA = await paid(ra);
    expect([1, 2, 3].map((k) => payA.get(`单位${k}`))).toEqual([200, 200, 200]);
    expect(a.run.awards.map((x) => x.amount)).toEqual([200, 200, 200]);

    // after: 单位4 first (300); 单位1–3 tie second and share 200 + 100
    const after = await computed(redited, tieScheme);
    expect(compare(tieScheme, b.run, after)).toBeGreaterThan(10);
    expect([1, 2, 3, 4].map((k) => after.rows.get(`单位${k}`)![0])).toEqual([2, 2, 2, 1]);
    const third = Math.round((300 / 3) * 1e6) / 1e6;
    expect(b.run.awards.find((x) => x.entity === "单位1")!.amount).toBe(third);
    const payB = await paid(redited);
    expect([1, 2, 3].map((k) => payB.get(`单位${k}`))).toEqual([third, third, third]);
  }, 240000);
});
