import { getBuiltInScheme } from "../../src/schemes";
import { checkAndScore } from "../../src/engine/pipeline";
import { chifengSamplePlan } from "../../src/samples/chifeng-2020";
import { planSheets } from "../helpers";
import { parseA1 } from "../../src/engine/read/normalise";
import { schemeFromSheets, schemeToPlan } from "../../src/engine/scheme/sheets";

const scheme = getBuiltInScheme("chifeng-2020")!;

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
