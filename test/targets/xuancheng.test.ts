/** Xuancheng: the responsibility table read from its published layout, every numeric target found, "234+1.2". */
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { getTargetScheme } from "../../src/schemes/targets";
import { readResponsibility, checkProjects, extractTargets } from "../../src/engine/targets/responsibility";
import { runProjects } from "../../src/engine/targets";
import { responsibilitySheet, xuanchengSample } from "../../src/samples/targets";
import { XUANCHENG_ROWS } from "../../src/schemes/xuancheng-2023";
import type { ResultPlan } from "../../src/engine/output/sheet-plan";

async function sheetsOf(plan: ResultPlan) {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(plan);
  return (await ExcelJsBook.load(ExcelJS, await b.toBuffer())).readSheets();
}
const scheme = getTargetScheme("xuancheng-2023")!;

describe("xuancheng-2023 responsibility table", () => {
  it("reads every item with its part, section, source and units from the published layout (merged cells)", async () => {
    const t = readResponsibility(await sheetsOf({ sheets: [responsibilitySheet()] }))!;
    expect(t.items).toHaveLength(XUANCHENG_ROWS.length);
    expect(t.items[0]).toMatchObject({ part: "一、主要发展目标", no: 1, lead: "经发局", source: "宣开管〔2023〕1号" });
    expect(t.items[0].co).toEqual(["招商局", "投资服务服局"]);
    // row 2 prints no source: the merged cell above gives it
    expect(t.items[1]).toMatchObject({ no: 2, source: "宣开管〔2023〕1号", lead: "投资服务局" });
    const s2 = t.items.find((i) => i.section === "一、推进双招双引" && i.no === 2)!;
    expect(s2.part).toBe("二、重点工作");
    expect(s2.lead).toBe("招商局");
    expect(s2.source).toBe("宣开管〔2023〕14号");
  });

  it("finds every numeric target of the scheme in the table's text, with its direction", async () => {
    const t = readResponsibility(await sheetsOf({ sheets: [responsibilitySheet()] }))!;
    const found = t.items.flatMap((i) => i.targets);
    for (const target of scheme.targets.filter((x) => x.kind !== "status")) {
      const hit = found.find(
        (f) => f.value === target.value && f.kind === target.kind && target.cite.includes(String(target.value)),
      );
      expect({ id: target.id, hit: !!hit }).toEqual({ id: target.id, hit: true });
      if (target.direction === "band")
        expect(found.some((f) => f.value === target.value && f.direction === "band")).toBe(true);
    }
    // thresholds in 【】 and money qualifiers are not targets
    const five = t.items.find((i) => i.text.includes("234+1.2"))!;
    expect(five.targets).toEqual([]);
  });

  it("reads directions from the words", () => {
    const [a] = extractTargets("工业总产值力争达350亿元。");
    expect(a).toMatchObject({ value: 350, unit: "亿元", direction: "atLeast", aspirational: true });
    const [b] = extractTargets("新增规上工业企业50家左右。");
    expect(b).toMatchObject({ value: 50, direction: "band" });
    const [c] = extractTargets("力争园区经营性收入突破500亿元,重返全省开发区30强");
    expect(c).toMatchObject({ value: 500, direction: "above" });
    const g = extractTargets("加快吸引和利用外资,确保增长15%以上,力争达2000万美元。");
    expect(g.map((x) => [x.kind, x.value, x.unit])).toEqual([
      ["growth", 15, "%"],
      ["level", 2000, "万美元"],
    ]);
    const q = extractTargets("全年招引亿元以上强链补链项目30个,其中5亿元以上项目达20个以上,10亿元以上项目8个。");
    expect(q.map((x) => x.value)).toEqual([30, 20, 8]);
  });
});

describe("234+1.2 per project", () => {
  const th = scheme.projectCheck!.thresholds;
  it.each(th.map((t, i) => [t.name, i] as const))(
    "%s: at passes, just below fails (named), just above passes",
    (_n, k) => {
      const ok = th.map((t) => t.min);
      const row = (v: number) => ({ name: "p", row: 0, values: ok.map((x, i) => (i === k ? v : x)) });
      const eps = th[k].min >= 10 ? 0.01 : 0.001;
      const [at, below, above] = checkProjects([row(th[k].min), row(th[k].min - eps), row(th[k].min + eps)], th);
      expect(at.pass).toBe(true);
      expect(below.pass).toBe(false);
      expect(below.failing).toEqual([`${th[k].name} ${th[k].min - eps} < ${th[k].min}${th[k].unit}`]);
      expect(above.pass).toBe(true);
    },
  );

  it("the sample's project list: the project exactly at every threshold passes; failing thresholds are named", async () => {
    const r = runProjects(await sheetsOf(xuanchengSample(scheme)), scheme)!;
    expect(r.results.map((p) => p.pass)).toEqual([true, true, false, false]);
    expect(r.results[3].failing.map((f) => f.split(" ")[0])).toEqual([
      "亩均投资强度",
      "亩均应税销售收入",
      "建设容积率",
    ]);
  });
});

test("the per-unit quotas of 二、一、3 (经济部门各2-3个 …) are said in the 进度跟踪 result as not tracked, and why", async () => {
  const { runTrack } = await import("../../src/engine/targets");
  const { parsePeriod } = await import("../../src/engine/targets/track");
  const { targetSample } = await import("../../src/samples/targets");
  const sheets = await sheetsOf(targetSample(scheme, "track"));
  const texts = (lang: "zh" | "en") =>
    runTrack(sheets, scheme, parsePeriod("2023-09")!, { lang })
      .plan.sheets[0].values.flat()
      .filter((v): v is string => typeof v === "string");
  expect(texts("zh").find((v) => v.includes("经济部门各2-3个"))).toContain("政策未说明哪些部门属经济部门");
  expect(texts("en").find((v) => v.includes("2-3 for each economic department"))).toContain(
    "the policy does not say which departments are economic",
  );
  // the totals of the same sentence are tracked
  const ids = runTrack(sheets, scheme, parsePeriod("2023-09")!).run.rows.map((r) => r.target.id);
  expect(ids).toEqual(expect.arrayContaining(["x2.1.3a", "x2.1.3b"]));
});
