/**
 * A 14-park sample for chifeng-2020: the four 赤峰高新区 parks counted separately (附件1 一) and the other parks the
 * policy names, with plausible 2020 figures, plus 喀喇沁旗新材料产业园, which the policy does not evaluate yet (附件1
 * 一: warned, no rank, points or award). One park reports an environmental pollution event (vetoed; the special
 * award typed for it is not paid), a few values tie, one bureau score is out of range, the bureau's points for 3.1 /
 * 3.2 are given, a 认定清单 sheet adds a recognition beyond the three columns, and a sheet of earlier results feeds
 * the (optional, borrowed) result-usage rules.
 */
import type { Scheme } from "../engine/scheme/schema";
import type { PlanValue, ResultPlan } from "../engine/output/sheet-plan";
import { newSheet } from "../engine/output/sheet-plan";
import { tableSheet, templateColumns } from "../engine/output/template";

const PARKS = [
  "赤峰高新区东山园区",
  "赤峰高新区红山园区",
  "赤峰高新区元宝山园区",
  "赤峰高新区安庆园区",
  "赤峰玉龙工业园区",
  "元宝山综合产业园区",
  "宁城经济开发区",
  "敖汉旗工业园区",
  "阿鲁科尔沁旗工业园区",
  "巴林左旗工业园区",
  "巴林右旗工业园区",
  "内蒙古林西工业园区",
  "克什克腾循环经济开发区",
  "红山绿色食品产业园区",
];

// newOutput 亿元, outputGrowth %, tax 亿元, taxGrowth %, jobsGrowth %, outputPerMu, investPerMu, taxPerMu (万元/亩),
// projects, chain, fixedInvestGrowth %, infraGrowth %, infraNew 亿元, hiTech, rdInst
const Q: number[][] = [
  [42.5, 12.3, 9.8, 8.1, 3.2, 612, 310, 28.5, 18, 6, 15.2, 10.1, 6.2, 4, 2],
  [18.2, 9.6, 4.1, 6.5, 2.1, 455, 280, 19.2, 12, 4, 9.8, 7.5, 3.1, 3, 3],
  [25.6, 15.8, 6.2, 12.4, 4.5, 520, 295, 24.1, 9, 5, 18.6, 12.2, 4.4, 1, 1],
  [8.4, 6.2, 1.9, 3.3, 1.2, 310, 190, 11.5, 7, 2, 5.5, 4.1, 1.8, 0, 0],
  [30.1, 11.0, 7.4, 9.9, 2.8, 580, 330, 26.3, 15, 6, 12.4, 9.0, 5.0, 2, 1],
  [12.7, 7.4, 3.0, 4.2, 1.5, 402, 240, 15.8, 8, 3, 7.1, 5.6, 2.2, 1, 0],
  [21.9, 13.5, 5.5, 10.8, 3.9, 498, 305, 22.7, 12, 5, 14.0, 11.3, 3.9, 2, 2],
  [10.3, 8.8, 2.6, 5.1, 2.4, 365, 220, 14.2, 6, 2, 8.2, 6.0, 1.5, 1, 1],
  [6.1, 4.5, 1.2, -2.3, 0.6, 280, 175, 9.6, 4, 1, 3.9, -1.5, 0.9, 0, 0],
  [7.8, 5.9, 1.6, 2.0, 0.9, 295, 185, 10.4, 5, 2, 4.6, 2.3, 1.1, 1, 0],
  [9.9, 7.1, 2.2, 4.8, 1.8, 340, 205, 12.9, 6, 3, 6.8, 5.2, 1.4, 0, 1],
  [5.2, 3.8, 1.0, -1.1, -0.5, 260, 160, 8.8, 3, 1, 2.5, 1.0, 0.7, 0, 0],
  [11.6, 9.2, 2.9, 6.0, 2.6, 388, 230, 14.9, 7, 3, 9.1, 6.7, 2.0, 2, 1],
  [4.3, 6.6, 0.9, 3.9, 1.1, 250, 150, 7.9, 4, 1, 5.2, 3.3, 0.6, 3, 0],
];
// 3.1 / 3.2: the points 市区域经济合作局 gave (附件1 三、3, the default reading)
const BUREAU: Array<[number, number]> = [
  [10, 10],
  [8, 7.5],
  [7, 8.5],
  [5.5, 4],
  [9.5, 10],
  [6, 5.5],
  [8, 8.5],
  [5, 4],
  [3.5, 2],
  [4, 4],
  [5, 5.5],
  [2.5, 2],
  [5.5, 5.5],
  [3.5, 2],
];
/** the park the policy does not evaluate yet (附件1 一), as a county would still list it */
export const CHIFENG_EXCLUDED = "喀喇沁旗新材料产业园";

// green1..3, mgmt1..5 (bureau scores), certGreen, certSmart, certCircular, accident, pollution, special
const E: Array<[number[], string, string, string, string, string, string]> = [
  [[3, 2, 2, 3, 1, 1, 1, 1], "国家级", "省级", "", "否", "否", "创新发展"],
  [[3, 2, 1.5, 2.5, 1, 1, 1, 1], "省级", "", "", "否", "否", ""],
  [[2.5, 2, 2, 3, 1, 1, 1, 0.5], "", "", "省级", "否", "否", ""],
  [[2, 1.5, 1.5, 2, 1, 0.5, 1, 1], "", "", "", "否", "否", ""],
  [[3, 2, 2, 3, 1, 1, 1, 1], "省级", "", "", "否", "否", "招商引资"],
  [[2.5, 1.5, 2, 2.5, 1, 1, 0.5, 1], "", "", "", "否", "否", ""],
  [[3, 2, 2, 3, 1, 1, 1, 1], "", "省级", "", "否", "否", "绿色发展"],
  [[2, 2, 1.5, 2, 1, 1, 1, 1], "", "", "", "否", "否", ""],
  [[2, 1, 1, 1.5, 1, 0.5, 0.5, 1], "", "", "", "否", "否", ""],
  [[2.5, 1.5, 1.5, 2, 1, 1, 1, 1], "", "", "", "否", "否", ""],
  [[1.5, 1, 0.5, 2, 1, 0.5, 0.5, 0.5], "", "", "", "否", "是", "绿色发展"],
  [[2, 1.5, 1, 2, 0.5, 0.5, 1, 1], "", "", "", "否", "否", ""],
  [[3, 2, 2, 2.5, 1, 1, 1, 1.5], "", "", "国家级", "否", "否", "园区公共服务平台"],
  [[2.5, 2, 2, 2, 1, 1, 1, 1], "省级", "", "", "否", "否", ""],
];

const QKEYS = [
  "newOutput",
  "outputGrowth",
  "tax",
  "taxGrowth",
  "jobsGrowth",
  "outputPerMu",
  "investPerMu",
  "taxPerMu",
  "projects",
  "chain",
  "fixedInvestGrowth",
  "infraGrowth",
  "infraNew",
  "hiTech",
  "rdInst",
];
const EKEYS = ["green1", "green2", "green3", "mgmt1", "mgmt2", "mgmt3", "mgmt4", "mgmt5"];

/** The 14 evaluated parks (without the excluded one). */
export function chifengSampleRows(): Array<Record<string, PlanValue>> {
  return PARKS.map((name, i) => {
    const r: Record<string, PlanValue> = { name };
    QKEYS.forEach((k, j) => (r[k] = Q[i][j]));
    [r.projectsPoints, r.chainPoints] = BUREAU[i];
    EKEYS.forEach((k, j) => (r[k] = E[i][0][j]));
    [r.certGreen, r.certSmart, r.certCircular, r.accident, r.pollution, r.special] = E[i].slice(1) as string[];
    for (const k of ["certGreen", "certSmart", "certCircular", "special"]) if (r[k] === "") r[k] = null;
    return r;
  });
}

/** The excluded park's row: figures typed as a county would, none of them scored. */
function excludedRow(): Record<string, PlanValue> {
  const r: Record<string, PlanValue> = { name: CHIFENG_EXCLUDED };
  QKEYS.forEach((k, j) => (r[k] = Q[5][j]));
  [r.projectsPoints, r.chainPoints] = [6, 5];
  EKEYS.forEach((k, j) => (r[k] = E[5][0][j]));
  Object.assign(r, {
    certGreen: null,
    certSmart: null,
    certCircular: null,
    accident: "否",
    pollution: "否",
    special: null,
  });
  return r;
}

export function chifengSamplePlan(scheme: Scheme): ResultPlan {
  const params = newSheet("params", "参数");
  params.values.push(["参数", "值"], ["考评年度", 2020]);
  params.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 1 }, style: "header" });
  params.widths = [20, 12];
  const spec = scheme.tables.find((t) => t.id === "parks")!;
  const parks = tableSheet("parks", "园区指标", templateColumns(spec), [...chifengSampleRows(), excludedRow()], {
    title: "2020年度赤峰市工业园区综合发展评价考核指标",
    note: "填报单位：赤峰市加快工业园区建设工作领导小组办公室",
  });
  const hspec = scheme.tables.find((t) => t.id === "history")!;
  const hist: Array<Record<string, PlanValue>> = [];
  // earlier results: 东山园区 above 90 both years; 林西 and 阿鲁科尔沁 among the last five both years
  const y2019 = [92.4, 80.1, 85.2, 60.3, 88.0, 70.2, 86.5, 66.0, 55.1, 58.2, 64.7, 52.3, 71.8, 62.0];
  const y2018 = [90.5, 78.3, 83.0, 61.2, 91.2, 68.9, 84.1, 67.5, 54.0, 60.8, 63.2, 50.9, 70.1, 59.4];
  for (const [year, scores] of [
    [2019, y2019],
    [2018, y2018],
  ] as Array<[number, number[]]>) {
    const order = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a]);
    order.forEach((i, k) => hist.push({ year, name: PARKS[i], score: scores[i], rank: k + 1 }));
  }
  const history = tableSheet("history", "往年结果", templateColumns(hspec), hist, { title: "往年考核结果" });
  // a recognition beyond the three columns (三、8 “等”): 宁城 自治区级绿色工业园区
  const cspec = scheme.tables.find((t) => t.id === "certs")!;
  const certs = tableSheet(
    "certs",
    "认定清单",
    templateColumns(cspec),
    [{ name: "宁城经济开发区", kind: "绿色工业园区", level: "自治区级" }],
    { title: "园区认定清单（附加分，附件1 三、8）" },
  );
  return { sheets: [params, parks, certs, history], activate: "parks" };
}
