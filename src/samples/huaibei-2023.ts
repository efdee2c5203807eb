/**
 * The built-in sample workbook for huaibei-2023: the policy's annex exactly as printed (including its 总计 row,
 * whose 2023 规上工业企业 total of 497 does not equal the sum of the zones, 493), and plausible 2023 actuals chosen
 * so that every rule meets its boundaries somewhere (an increment of exactly 50, a target met exactly, ...).
 */
import type { Scheme } from "../engine/scheme/schema";
import type { PlanSheet, PlanValue, ResultPlan } from "../engine/output/sheet-plan";
import { newSheet } from "../engine/output/sheet-plan";
import { tableSheet, templateColumns, type PhysCol } from "../engine/output/template";
import { makeUscc } from "../engine/read/uscc";

const ANNEX: Array<[string, number[], number, number[], number]> = [
  ["濉溪经济开发区", [310, 418, 530, 660], 50, [128, 148, 162, 185], 2],
  ["相山经济开发区", [41, 60, 90, 120], 15, [62, 77, 86, 103], 1],
  ["杜集经济开发区", [60, 93, 120, 150], 15, [54, 69, 78, 95], 1],
  ["烈山经济开发区", [120, 150, 200, 260], 15, [54, 66, 78, 95], 1],
  ["淮北高新技术产业\n开发区", [100, 139, 220, 300], 35, [92, 100, 116, 133], 1],
  ["安徽（淮北）新型\n煤化工合成材料基地", [210, 260, 400, 510], 10, [27, 33, 40, 49], 2],
];
/** the annex's own 总计 row, as printed */
const ANNEX_TOTAL = [841, 1120, 1560, 2000, 140, 417, 497, 560, 660, 8];

// zone, output 2022, output 2023, new projects, enterprises, listed, review, filing, land task, AA, intensive, base,
// tax/亩
const ZONES: Array<
  [string, number, number, number, number, number, number, number, string, string, string, number, number]
> = [
  ["濉溪经济开发区", 325, 431.6, 52, 150, 1, 0, 1, "是", "否", "是", 72.5, 28],
  ["相山经济开发区", 45, 58.2, 16, 77, 0, 1, 0, "否", "否", "否", 68, 18],
  ["杜集经济开发区", 62, 112, 15, 70, 0, 0, 0, "是", "否", "否", 70.2, 22],
  ["烈山经济开发区", 125, 151, 14, 66, 0, 0, 2, "√", "是", "否", 66.5, 20],
  ["淮北高新技术产业开发区", 101, 139, 36, 101, 0, 1, 0, "×", "", "", 74, 31],
  ["安徽(淮北)新型煤化工合成材料基地", 215, 268.4, 9, 34, 0, 0, 0, "是", "否", "是", 69, 35],
];

// name, zone, planned, actual, 纳统, 制造业, awarded before, idle land, area, tax/亩, 规上
const PROJECTS: Array<
  [string, string, number, number, string, string, string, string, number | null, number | null, string]
> = [
  ["年产20万吨铝基新材料项目", "濉溪经济开发区", 120, 25, "是", "是", "否", "否", null, null, "否"],
  ["高端装备制造产业园项目", "濉溪经济开发区", 60, 12, "是", "是", "否", "否", null, null, "否"],
  ["智能终端产业园项目", "相山经济开发区", 100, 19.5, "是", "是", "否", "否", null, null, "否"],
  ["闲置用地再利用纺织项目", "相山经济开发区", 2.5, 1.1, "是", "是", "否", "是", 60, 25, "是"],
  ["闲置厂房盘活精密铸造项目", "杜集经济开发区", 3, 1.5, "是", "是", "否", "是", 80, 26, "是"],
  ["新能源电池项目", "烈山经济开发区", 150, 30, "是", "是", "是", "否", null, null, "否"],
  ["低效用地再开发食品加工项目", "烈山经济开发区", 2, 1.2, "是", "是", "否", "是", 55, 24, "是"],
  ["生物医药产业园项目", "淮北高新技术产业开发区", 80, 15, "否", "是", "否", "否", null, null, "否"],
  ["数字经济产业园项目", "淮北高新技术产业开发区", 55, 9.9, "是", "是", "否", "否", null, null, "否"],
  ["煤制烯烃延链项目", "安徽（淮北）新型煤化工合成材料基地", 200, 40, "是", "是", "否", "否", null, null, "否"],
];

// name, organisation code body (8 characters; both check characters are computed), zone, revenue, highest before, 制造业
const ENTERPRISES: Array<[string, string, string, number, number, string]> = [
  ["淮北某铝业有限公司", "MA2N0QX1", "濉溪经济开发区", 105, 88, "是"],
  ["淮北某化工新材料有限公司", "MA2N1B2C", "安徽（淮北）新型煤化工合成材料基地", 62, 48, "是"],
  ["淮北某电子科技有限公司", "MA2N4D5E", "淮北高新技术产业开发区", 100, 70, "是"],
  ["淮北某机械有限公司", "MA2N7F8G", "烈山经济开发区", 51, 50, "是"],
  ["淮北某食品有限公司", "MA2P0H1J", "杜集经济开发区", 120, 130, "是"],
  ["淮北某商贸服务有限公司", "MA2P3K4L", "相山经济开发区", 60, 20, "否"],
];

export function huaibeiSamplePlan(scheme: Scheme): ResultPlan {
  const params = newSheet("params", "参数");
  params.values.push(["参数", "值"], ["考评年度", 2023], ["全市开发区平均亩均税收（万元/亩）", 25]);
  params.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 1 }, style: "header" });
  params.widths = [36, 12];
  const sheets = [params, zonesSheet(), projectsSheet(scheme), enterprisesSheet(scheme), annexSheet(scheme)];
  return { sheets, activate: "zones" };
}

/** The annex 目标一览表 as printed, with its own 总计 row. */
function annexSheet(scheme: Scheme): PlanSheet {
  const targetsSpec = scheme.tables.find((t) => t.id === "targets")!;
  const tcols = templateColumns(targetsSpec);
  const trows = ANNEX.map(([name, out, proj, ent, list]) => {
    const r: Record<string, PlanValue> = { name, newProjects: proj, "listings@2025": list };
    [2022, 2023, 2024, 2025].forEach((y, i) => {
      r[`output@${y}`] = out[i];
      r[`enterprises@${y}`] = ent[i];
    });
    return r;
  });
  const annex = tableSheet("targets", "目标一览表", tcols, trows, {
    title: "全市开发区高质量发展工业攻坚行动目标一览表",
  });
  annex.values.push(["总计", ...ANNEX_TOTAL]);
  return annex;
}

/** The zone sheet as a statistics office would send it: title, a note row, a two-row header with years. */
function zonesSheet(): PlanSheet {
  const zcols: PhysCol[] = [
    { path: ["开发区"], key: "name", width: 30 },
    { path: ["规上工业产值（亿元）", "2022年"], key: "outputPrev" },
    { path: ["规上工业产值（亿元）", "2023年"], key: "output" },
    { path: ["新开工建设工业项目（个）"], key: "newProjects" },
    { path: ["规上工业企业（家）"], key: "enterprises" },
    { path: ["新增上市企业（家）"], key: "listed" },
    { path: ["新增上市在审企业（家）"], key: "review" },
    { path: ["新增辅导备案企业（家）"], key: "filing" },
    { path: ["盘活闲置低效用地任务完成"], key: "landTask" },
    { path: ["平台公司新评AA级"], key: "aaRated" },
    { path: ["集约评价进入全省前三分之一"], key: "intensive" },
    { path: ["综合考评基础得分"], key: "base" },
    { path: ["亩均税收（万元/亩）"], key: "taxPerMu" },
  ];
  const zrows = ZONES.map((z) => ({
    name: z[0],
    outputPrev: z[1],
    output: z[2],
    newProjects: z[3],
    enterprises: z[4],
    listed: z[5],
    review: z[6],
    filing: z[7],
    landTask: z[8],
    aaRated: z[9] || null,
    intensive: z[10] || null,
    base: z[11],
    taxPerMu: z[12],
  }));
  return tableSheet("zones", "开发区指标", zcols, zrows, {
    title: "2023年全市开发区工业攻坚行动指标完成情况",
    note: "填报单位：市发展改革委（开发区办）",
  });
}

/** The project list (项目清单). */
function projectsSheet(scheme: Scheme): PlanSheet {
  const pSpec = scheme.tables.find((t) => t.id === "projects")!;
  const prows = PROJECTS.map((p) => ({
    name: p[0],
    zone: p[1],
    planned: p[2],
    actual: p[3],
    statistical: p[4],
    manufacturing: p[5],
    awardedBefore: p[6],
    idleLand: p[7],
    area: p[8],
    taxPerMu: p[9],
    aboveScale: p[10],
  }));
  return tableSheet("projects", "项目清单", templateColumns(pSpec), prows, {
    title: "2023年开发区重点工业项目清单",
  });
}

/** The enterprise list (企业清单), with valid 统一社会信用代码. */
function enterprisesSheet(scheme: Scheme): PlanSheet {
  const eSpec = scheme.tables.find((t) => t.id === "enterprises")!;
  const erows = ENTERPRISES.map((e) => ({
    name: e[0],
    uscc: makeUscc("91340600", e[1]),
    zone: e[2],
    revenue: e[3],
    prevMax: e[4],
    manufacturing: e[5],
  }));
  return tableSheet("enterprises", "企业清单", templateColumns(eSpec), erows, {
    title: "2023年开发区制造业企业营业收入情况",
  });
}
