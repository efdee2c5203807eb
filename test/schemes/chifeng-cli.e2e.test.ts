// The Chifeng 14-park sample through the compiled command line (build/node): an e2e test.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { getBuiltInScheme } from "../../src/schemes";
import { chifengSampleRows } from "../../src/samples/chifeng-2020";

const scheme = getBuiltInScheme("chifeng-2020")!;
const BIN = path.join(__dirname, "..", "..", "bin", "zonescore.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-chifeng-"));
const zs = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

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
