import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { getBuiltInScheme } from "../../src/schemes";
import { checkAndScore } from "../../src/engine/pipeline";
import { chifengSamplePlan, chifengSampleRows } from "../../src/samples/chifeng-2020";
import { planSheets } from "../helpers";
import { parseA1 } from "../../src/engine/read/normalise";
import { schemeFromSheets, schemeToPlan } from "../../src/engine/scheme/sheets";

const scheme = getBuiltInScheme("chifeng-2020")!;
const BIN = path.join(__dirname, "..", "..", "bin", "zonescore.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-chifeng-"));
const zs = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

test("the scheme encodes 23 indicators in 7 groups weighing 30/12/30/7/7/7/7 = 100, each citing its clause", () => {
  const indicators = scheme.rules.filter((r) => r.group);
  expect(indicators).toHaveLength(23);
  expect(scheme.groups.map((g) => g.weight)).toEqual([30, 12, 30, 7, 7, 7, 7]);
  for (const g of scheme.groups) {
    const max = indicators
      .filter((r) => r.group === g.id)
      .reduce(
        (s, r) => s + ("points" in r ? (r.kind === "per-unit" ? r.cap! : r.points) : r.kind === "entered" ? r.max : 0),
        0,
      );
    expect(max).toBe(g.weight);
  }
  expect(scheme.rules.every((r) => r.clause.startsWith("附件1"))).toBe(true);
});

describe("the 14-park sample, end to end through the command line", () => {
  const input = path.join(tmp, "chifeng.xlsx");
  const json = path.join(tmp, "chifeng.json");
  let j: {
    entities: Array<{
      name: string;
      rank: number | null;
      total: number;
      score: number;
      bonus: number;
      vetoed: boolean;
      vetoReason?: string;
      groups: Record<string, number>;
      parts: Array<{ rule: string; points: number; basis: string }>;
    }>;
    awards: Array<{ entity: string; rule: string; amount: number }>;
    usage: Array<{ entity: string; rule: string }>;
    notes: string[];
    issues: Array<{ code: string; cell: string }>;
  };
  beforeAll(() => {
    expect(zs("sample", "chifeng-2020", "--out", input).status).toBe(0);
    const r = zs("score", input, "--scheme", "chifeng-2020", "--out", path.join(tmp, "out.xlsx"), "--json", json);
    expect(r.status).toBe(0);
    j = JSON.parse(fs.readFileSync(json, "utf8"));
  });
  const part = (name: string, rule: string) =>
    j.entities.find((e) => e.name === name)!.parts.find((p) => p.rule === rule)!.points;

  test("four 高新区 parks are scored separately; the vetoed park has no score and no rank", () => {
    // 14 parks evaluated + 喀喇沁旗新材料产业园, listed but not evaluated (附件1 一)
    expect(j.entities).toHaveLength(15);
    expect(j.entities.filter((e) => e.name.startsWith("赤峰高新区"))).toHaveLength(4);
    const v = j.entities.find((e) => e.name === "巴林右旗工业园区")!;
    expect([v.vetoed, v.rank, v.total]).toEqual([true, null, 0]);
    expect(v.vetoReason).toContain("环境污染");
    expect(j.entities.filter((e) => e.rank !== null)).toHaveLength(13);
  });

  test("recomputed by hand from the policy's words (排序法 read as rank-step over the 13 parks evaluated)", () => {
    const rows = chifengSampleRows().filter((r) => r.name !== "巴林右旗工业园区");
    const N = rows.length;
    const stepPoints = (field: string, full: number, name: string) => {
      const x = rows.find((r) => r.name === name)![field] as number;
      const rank = 1 + rows.filter((r) => (r[field] as number) > x).length;
      return Math.max(0, full - (rank - 1) * (full / N));
    };
    // 新增工业总产值: 东山 42.5 is first (6 points); 玉龙 30.1 second: 6 − 6/13
    expect(part("赤峰高新区东山园区", "1.1")).toBe(6);
    expect(part("赤峰玉龙工业园区", "1.1")).toBeCloseTo(6 - 6 / 13, 9);
    for (const name of ["赤峰高新区安庆园区", "宁城经济开发区", "内蒙古林西工业园区"]) {
      for (const [rule, field, full] of [
        ["1.1", "newOutput", 6],
        ["1.4", "taxGrowth", 6],
        ["2.3", "taxPerMu", 4],
        ["4.2", "infraNew", 4],
      ] as const) {
        expect(part(name, rule)).toBeCloseTo(stepPoints(field, full, name), 9);
      }
    }
    // 3.1 / 3.2 (三、3): the points 市区域经济合作局 gave, by default
    for (const r of rows) {
      expect(part(r.name as string, "3.1")).toBe(r.projectsPoints);
      expect(part(r.name as string, "3.2")).toBe(r.chainPoints);
    }
    // 新增高新技术企业 1 point each up to 3: 东山 4 → 3; 新增研发机构 1 each up to 4: 红山 3 → 3
    expect(part("赤峰高新区东山园区", "5.1")).toBe(3);
    expect(part("赤峰高新区红山园区", "5.2")).toBe(3);
    // 附加分: 东山 国家级绿色园区 +10 and 省级智慧园区 +5; 克什克腾 国家级循环经济园区 +10;
    // 宁城 省级智慧园区 +5 and, from the 认定清单 sheet, 自治区级绿色工业园区 +5
    expect(j.entities.find((e) => e.name === "赤峰高新区东山园区")!.bonus).toBe(15);
    expect(j.entities.find((e) => e.name === "宁城经济开发区")!.bonus).toBe(10);
    expect(j.entities.find((e) => e.name === "克什克腾循环经济开发区")!.bonus).toBe(10);
    // a bureau score above its maximum (克什克腾 信息报送 1.5 of 1) is taken as 1, with a warning at its cell
    expect(part("克什克腾循环经济开发区", "7.5")).toBe(1);
    expect(j.issues.some((i) => i.code === "entered-out-of-range")).toBe(true);
    // total = sum of the 7 group subtotals (each within its weight) + 附加分
    for (const e of j.entities.filter((x) => !x.vetoed)) {
      const sum = Object.values(e.groups).reduce((s, x) => s + x, 0);
      // subtotals are each rounded to 6 decimals, the total once from the exact parts: they agree within 7 × 5e-7
      expect(Math.abs(e.total - (sum + e.bonus))).toBeLessThanOrEqual(4e-6);
      scheme.groups.forEach((g) => expect(e.groups[g.id]).toBeLessThanOrEqual(g.weight));
    }
  });

  test("rewards 300 / 200 / 100 万元 for places 1–3, special awards from the input column, suggestions in the notes", () => {
    const top = [...j.entities]
      .filter((e) => e.rank !== null && e.rank <= 3)
      .sort((a, b) => a.rank! - b.rank!)
      .map((e) => e.name);
    expect(j.awards.filter((a) => a.rule === "award.rank").map((a) => [a.entity, a.amount])).toEqual([
      [top[0], 300],
      [top[1], 200],
      [top[2], 100],
    ]);
    expect(j.awards.filter((a) => a.rule === "award.special")).toHaveLength(4);
    expect(j.notes.some((n) => n.includes("专项奖励“创新发展”建议"))).toBe(true);
    expect(j.notes.some((n) => n.includes("rank-step"))).toBe(true);
  });

  test("result usage across years from the 往年结果 sheet (borrowed rules, switched on), written to a 结果运用 sheet", async () => {
    // off by default (附件1 五 has no such rule): nothing found, and the notes say so
    expect(j.usage).toEqual([]);
    expect(j.notes.some((n) => n.includes("use.streak90") && n.includes("未启用"))).toBe(true);
    const r = zs(
      "score",
      input,
      "--scheme",
      "chifeng-2020",
      "--option",
      "borrowedUsage=on",
      "--out",
      path.join(tmp, "usage.xlsx"),
      "--json",
      json + ".usage.json",
    );
    expect(r.status).toBe(0);
    const u = JSON.parse(fs.readFileSync(json + ".usage.json", "utf8")) as typeof j & {
      usage: Array<{ entity: string; rule: string; basis: string }>;
    };
    for (const x of u.usage) expect(x.basis).toMatch(/借自(甘肃|湖北)省.*赤政发〔2020〕172号未作规定/);
    expect(u.usage.filter((x) => x.rule === "use.streak90").map((x) => x.entity)).toEqual(["赤峰高新区东山园区"]);
    expect(
      u.usage
        .filter((x) => x.rule === "use.bottom5")
        .map((x) => x.entity)
        .sort(),
    ).toEqual(
      [
        "内蒙古林西工业园区",
        "红山绿色食品产业园区",
        "赤峰高新区安庆园区",
        "巴林左旗工业园区",
        "阿鲁科尔沁旗工业园区",
      ].sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "usage.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "参数",
      "园区指标",
      "认定清单",
      "往年结果",
      "分组排名",
      "评分汇总",
      // live formulas: the values the 排序法 cells share (参评 flags, counts, highest and lowest; issue 14)
      "计算过程",
      "得分明细",
      "奖励测算",
      "结果运用",
      "校验结果",
    ]);
  });

  test("another reading of 排序法 chosen on the command line changes the points and is stated", () => {
    const r = zs(
      "score",
      input,
      "--scheme",
      "chifeng-2020",
      "--option",
      "rankReading=rank-linear",
      "--out",
      path.join(tmp, "lin.xlsx"),
      "--json",
      "-",
    );
    expect(r.status).toBe(0);
    const k = JSON.parse(r.stdout);
    expect(k.options).toEqual({
      rankReading: "rank-linear",
      investReading: "entered",
      certMode: "sum",
      borrowedUsage: "off",
    });
    const p = k.entities
      .find((e: { name: string }) => e.name === "赤峰玉龙工业园区")
      .parts.find((x: { rule: string }) => x.rule === "1.1").points;
    expect(p).toBeCloseTo((6 * (13 - 2)) / 12, 9);
    expect(zs("score", input, "--scheme", "chifeng-2020", "--option", "rankReading=guess").status).toBe(2);
  });
});

test("the engine gives the same result as the command line on the same plan", () => {
  const r = checkAndScore(planSheets(chifengSamplePlan(scheme)), scheme);
  expect(r.errors).toBe(0);
  expect(r.run!.entities.filter((e) => e.rank === 1).map((e) => e.name)).toEqual(["赤峰高新区东山园区"]);
});

// ---- 赤政发〔2020〕172号 read as the policy says (issue 9 §2), on the engine with edited sample sheets -------------

type Cells = Record<string, Record<string, string | number | null>>;
/** The sample plan with some cells of 园区指标 changed: park name → column header → value. */
function sampleWith(cells: Cells = {}, certRows?: Array<[string, string, string]>) {
  const p = chifengSamplePlan(scheme);
  const parks = p.sheets.find((s) => s.key === "parks")!;
  const h = parks.values.findIndex((r) => r[0] === "园区");
  const header = parks.values[h].map((x) => String(x ?? "").replace(/（.*$/, ""));
  for (const [name, cols] of Object.entries(cells)) {
    const row = parks.values.find((r) => r[0] === name)!;
    for (const [col, v] of Object.entries(cols)) {
      const c = header.indexOf(col);
      if (c < 0) throw new Error(`no column ${col}: ${header.join(",")}`);
      row[c] = v;
    }
  }
  if (certRows) {
    const certs = p.sheets.find((s) => s.key === "certs")!;
    const ch = certs.values.findIndex((r) => r[0] === "园区");
    certs.values.splice(ch + 1, certs.values.length, ...certRows);
  }
  return planSheets(p);
}
function scoreWith(
  cells: Cells = {},
  options: Record<string, string> = {},
  certRows?: Array<[string, string, string]>,
) {
  const r = checkAndScore(sampleWith(cells, certRows), scheme, { options });
  expect(r.errors).toBe(0);
  const run = r.run!;
  const e = (name: string) => run.entities.find((x) => x.name === name)!;
  return {
    r,
    run,
    e,
    pts: (name: string, rule: string) => e(name).points[scheme.rules.findIndex((x) => x.id === rule)],
  };
}

describe("附件1 三、8 附加分: levels, an unknown level, sum or highest, further kinds", () => {
  test("自治区级 and 省部级 count as 省级 (+5); 国家级 +10", () => {
    const { e } = scoreWith({
      赤峰高新区安庆园区: { 绿色园区认定: "自治区级" },
      敖汉旗工业园区: { 智慧园区认定: "省部级" },
      巴林左旗工业园区: { 循环经济园区认定: "国家级" },
    });
    expect(e("赤峰高新区安庆园区").bonus).toBe(5);
    expect(e("敖汉旗工业园区").bonus).toBe(5);
    expect(e("巴林左旗工业园区").bonus).toBe(10);
  });
  test("an unrecognised level text is a warning at its cell, in Chinese and English, never silently 0", () => {
    const { r, e } = scoreWith({ 赤峰高新区安庆园区: { 绿色园区认定: "盟级示范" } });
    expect(e("赤峰高新区安庆园区").bonus).toBe(0);
    const w = r.allIssues.filter((i) => i.code === "unknown-level");
    expect(w).toHaveLength(1);
    expect(w[0].sheet).toBe("园区指标");
    expect(w[0].message).toContain("盟级示范");
    expect(w[0].message).toContain("三、8");
    const en = checkAndScore(sampleWith({ 赤峰高新区安庆园区: { 绿色园区认定: "盟级示范" } }), scheme, { lang: "en" });
    expect(en.allIssues.find((i) => i.code === "unknown-level")!.message).toMatch(/not a known level/);
    // the cell named is the one holding the text
    const sheets = sampleWith({ 赤峰高新区安庆园区: { 绿色园区认定: "盟级示范" } });
    const parks = sheets.find((s) => s.name === "园区指标")!;
    const { row, col } = parseA1(w[0].cell);
    expect(parks.values[row][col]).toBe("盟级示范");
  });
  test("several recognitions add up by default (certMode=sum); certMode=highest counts only the highest; stated", () => {
    const sum = scoreWith();
    expect(sum.e("赤峰高新区东山园区").bonus).toBe(15); // 国家级 绿色 + 省级 智慧
    expect(sum.run.notes.some((n) => n.includes("附加分多项认定的计法：sum"))).toBe(true);
    const hi = scoreWith({}, { certMode: "highest" });
    expect(hi.e("赤峰高新区东山园区").bonus).toBe(10);
    expect(hi.run.notes.some((n) => n.includes("附加分多项认定的计法：highest"))).toBe(true);
    expect(
      hi.run.basis(
        scheme.rules.findIndex((x) => x.id === "8"),
        hi.e("赤峰高新区东山园区").index,
      ),
    ).toContain("取最高");
  });
  test("further kinds (“绿色园区、智慧园区、循环经济园区等”) come from the 认定清单 sheet as kind + level", () => {
    const { e, run } = scoreWith({}, {}, [
      ["赤峰高新区安庆园区", "绿色工业园区", "国家级"],
      ["赤峰高新区安庆园区", "新型工业化产业示范基地", "省级"],
    ]);
    expect(e("赤峰高新区安庆园区").bonus).toBe(15);
    const basis = run.basis(
      scheme.rules.findIndex((x) => x.id === "8"),
      e("赤峰高新区安庆园区").index,
    );
    expect(basis).toContain("绿色工业园区：国家级 +10");
    expect(basis).toContain("新型工业化产业示范基地：省级 +5");
  });
});

test("附件1 三、9 一票否决 in the clause's words: column headers and the veto reason", () => {
  const accident = scheme.tables[0].columns.find((c) => c.id === "accident")!;
  const pollution = scheme.tables[0].columns.find((c) => c.id === "pollution")!;
  expect(accident.name).toBe("发生重特大安全生产事故");
  expect(pollution.name).toBe("发生环境污染事件");
  const clause = "凡工业园区发生重特大安全生产事故和环境污染事件的，当年不予评价考核并向社会公告";
  expect(accident.note).toContain(clause);
  const { e } = scoreWith({ 敖汉旗工业园区: { 发生重特大安全生产事故: "是" } });
  expect(e("敖汉旗工业园区").vetoed).toBe(true);
  expect(e("敖汉旗工业园区").vetoReason).toBe("发生重特大安全生产事故，当年不予评价考核并向社会公告（附件1 三、9）");
  expect(e("巴林右旗工业园区").vetoReason).toBe("发生环境污染事件，当年不予评价考核并向社会公告（附件1 三、9）");
});

test("附件1 五: result usage borrowed from other provinces is off by default and says where it comes from when on", () => {
  for (const u of scheme.usage) {
    expect(u.option).toBe("borrowedUsage");
    expect(u.origin).toMatch(/借自.*赤政发〔2020〕172号未作规定/);
  }
  expect(scheme.options.find((o) => o.id === "borrowedUsage")!.default).toBe("off");
  expect(scoreWith().run.usage).toEqual([]);
  const on = scoreWith({}, { borrowedUsage: "on" }).run;
  expect(on.usage.length).toBeGreaterThan(0);
  expect(on.notes.some((n) => n.includes("已启用") && n.includes("借自甘肃省"))).toBe(true);
});

test("附件1 一: 喀喇沁旗新材料产业园 (待纳入…后再行考核) is warned at its cell and gets no rank, points or award", () => {
  expect(scheme.exclude).toEqual([
    expect.objectContaining({
      name: "喀喇沁旗新材料产业园",
      clause: "附件1 一",
      reason: expect.stringContaining("再行考核"),
    }),
  ]);
  const { r, e, run } = scoreWith({ 喀喇沁旗新材料产业园: { 专项奖励: "招商引资" } });
  const k = e("喀喇沁旗新材料产业园");
  expect([k.rank, k.total, k.points.every((p) => p === 0)]).toEqual([null, 0, true]);
  expect(run.awards.filter((a) => a.entity === k.name)).toEqual([]);
  const w = r.allIssues.find((i) => i.code === "excluded-unit")!;
  expect(w.severity).toBe("warning");
  expect(w.message).toContain("附件1 一");
  const parks = sampleWith().find((s) => s.name === "园区指标")!;
  const { row, col } = parseA1(w.cell);
  expect(parks.values[row][col]).toBe("喀喇沁旗新材料产业园");
  // the others are ranked among 13 (14 listed − 巴林右旗 vetoed − 喀喇沁 excluded … + 13 ranked)
  expect(run.entities.filter((x) => x.rank !== null)).toHaveLength(13);
  // the typed special award is not paid either, with a warning
  expect(r.allIssues.some((i) => i.code === "award-vetoed" && i.message.includes("喀喇沁旗新材料产业园"))).toBe(true);
});

test("附件1 三、3 招商引资 3.1/3.2: bureau-given points by default (with the reason), ranking as the option", () => {
  const opt = scheme.options.find((o) => o.id === "investReading")!;
  expect(opt.default).toBe("entered");
  expect(opt.choices.find((c) => c.id === "entered")!.description).toContain("按照招商引资办法认定");
  const bureau = scoreWith();
  expect(bureau.pts("赤峰高新区红山园区", "3.1")).toBe(8);
  expect(bureau.pts("赤峰高新区红山园区", "3.2")).toBe(7.5);
  // a blank bureau score under the bureau reading is a warning at its cell, 0 points
  const blank = scoreWith({ 赤峰高新区红山园区: { 当年招商引资项目数量得分: null } });
  expect(blank.pts("赤峰高新区红山园区", "3.1")).toBe(0);
  expect(blank.r.allIssues.some((i) => i.code === "entered-missing")).toBe(true);
  // ranking the recognised counts: 红山 12 projects; 东山 18 and 玉龙 15 above → third of 13: 10 − 2 × 10/13
  const ranked = scoreWith({}, { investReading: "rank" });
  expect(ranked.pts("赤峰高新区红山园区", "3.1")).toBeCloseTo(10 - (2 * 10) / 13, 12);
  expect(ranked.run.notes.some((n) => n.includes("招商引资 3.1、3.2 的计分方式：rank"))).toBe(true);
});

test("附件1 五 and 三、9: a special award typed for a vetoed park is not paid; a warning and a note say so", () => {
  const { r, run } = scoreWith();
  expect(run.awards.some((a) => a.entity === "巴林右旗工业园区")).toBe(false);
  const w = r.allIssues.find((i) => i.code === "award-vetoed" && i.message.includes("巴林右旗工业园区"))!;
  expect(w.message).toContain("绿色发展");
  expect(w.message).toContain("不予发放");
  expect(run.notes.some((n) => n.includes("巴林右旗工业园区") && n.includes("不予发放"))).toBe(true);
});

test("the new scheme fields round-trip through the rules sheets and the zod schema", () => {
  const back = schemeFromSheets(planSheets(schemeToPlan(scheme)));
  expect(back).toEqual(scheme);
});
