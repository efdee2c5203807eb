/**
 * Sample and template workbooks of the target tools:
 * - huaibei-2023 fill: the annex as printed but with only its 2022 column and the policy's 2025 totals (to fill);
 * - huaibei-2023 track: the annex as printed plus 2023 actuals by zone for 1-6 and 1-9 months;
 * - yeji-2023: its targets with plausible actuals for 1-6 and 1-9 months (some lagging, some ahead);
 * - xuancheng-2023: the responsibility table in its published layout, actuals, and a project list for "234+1.2".
 * The numbers other than the policies' own are invented for demonstration, chosen to hit every status.
 */
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "../engine/output/sheet-plan";
import { tableSheet, type PhysCol } from "../engine/output/template";
import type { TargetSchemeT } from "../engine/targets/schema";
import { parsePeriod, type TrackTarget } from "../engine/targets/track";
import { actualsSheet } from "../engine/targets/sheets";
import { trackTargets } from "../engine/targets";
import { XUANCHENG_ROWS } from "../schemes/xuancheng-2023";

/** the annex as printed: zone, output 2022–2025, projects, enterprises 2022–2025, listings 2025 */
export const ANNEX_PRINTED: Array<[string, number[], number, number[], number]> = [
  ["濉溪经济开发区", [310, 418, 530, 660], 50, [128, 148, 162, 185], 2],
  ["相山经济开发区", [41, 60, 90, 120], 15, [62, 77, 86, 103], 1],
  ["杜集经济开发区", [60, 93, 120, 150], 15, [54, 69, 78, 95], 1],
  ["烈山经济开发区", [120, 150, 200, 260], 15, [54, 66, 78, 95], 1],
  ["淮北高新技术产业\n开发区", [100, 139, 220, 300], 35, [92, 100, 116, 133], 1],
  ["安徽（淮北）新型\n煤化工合成材料基地", [210, 260, 400, 510], 10, [27, 33, 40, 49], 2],
];
export const ANNEX_TOTAL = [841, 1120, 1560, 2000, 140, 417, 497, 560, 660, 8];

const YEARS = [2022, 2023, 2024, 2025];

function annexCols(): PhysCol[] {
  return [
    { path: ["开发区"], key: "name", width: 30 },
    ...YEARS.map((y) => ({ path: ["规上工业产值（亿元）", `${y}年`], key: `output@${y}` })),
    { path: ["每年新开工建设工业项目", "数量（个）"], key: "newProjects" },
    ...YEARS.map((y) => ({ path: ["规上工业企业（家）", `${y}年`], key: `enterprises@${y}` })),
    { path: ["新增上市（在审、辅导备案）企业（家）", "2025年"], key: "listings@2025" },
  ];
}

/** The annex sheet; `full` prints every cell, otherwise only the 2022 column and the policy's totals. */
/**
 * The annex sheet: "full" prints every cell as the policy does; "base" only its 2022 column and the policy's totals
 * (the sample to fill); "blank" the zones and the policy's totals, for the user to type the 2022 actuals (template).
 */
export function annexSheet(mode: "full" | "base" | "blank"): PlanSheet {
  const full = mode === "full";
  const rows = ANNEX_PRINTED.map(([name, out, proj, ent, list]) => {
    const r: Record<string, PlanValue> = { name };
    YEARS.forEach((y, i) => {
      if (full || (mode === "base" && y === 2022)) {
        r[`output@${y}`] = out[i];
        r[`enterprises@${y}`] = ent[i];
      }
    });
    if (full) {
      r.newProjects = proj;
      r["listings@2025"] = list;
    }
    return r;
  });
  const s = tableSheet("annex", "目标一览表", annexCols(), rows, {
    title: "全市开发区高质量发展工业攻坚行动目标一览表",
  });
  const base = mode === "base";
  s.values.push(
    full
      ? ["总计", ...ANNEX_TOTAL]
      : ["总计", base ? 841 : null, null, null, 2000, 140, base ? 417 : null, null, null, 660, null],
  );
  return s;
}

function period(k: string) {
  return parsePeriod(k)!;
}

export function huaibeiFillSample(): ResultPlan {
  return { sheets: [annexSheet("base")] };
}

/** 2023 actuals by zone: [output, new projects, enterprises] for 1-6 and 1-9 months, and last year's same period */
// prettier-ignore
const ZONE_ACTUALS: Array<[string, number[][], number[][], number[][]]> = [
  ["濉溪经济开发区", [[200, 170], [330, 255]], [[24, 20], [40, 31]], [[140, 128], [150, 130]]],
  ["相山经济开发区", [[24, 21], [38, 31]], [[6, 6], [9, 9]], [[70, 62], [74, 63]]],
  ["杜集经济开发区", [[52, 30], [80, 45]], [[8, 7], [12, 11]], [[62, 54], [69, 55]]],
  ["烈山经济开发区", [[70, 60], [112.5, 90]], [[6, 5], [10, 9]], [[58, 54], [60, 54]]],
  ["淮北高新技术产业开发区", [[66, 50], [95, 74]], [[17, 15], [27, 25]], [[96, 92], [101, 93]]],
  ["安徽（淮北）新型煤化工合成材料基地", [[120, 100], [200, 150]], [[4, 4], [6, 7]], [[30, 27], [31, 27]]],
];

export function huaibeiTrackSample(): ResultPlan {
  const periods = [period("2023-06"), period("2023-09")];
  const targets: TrackTarget[] = [];
  const data: Record<string, Array<[number | string | null, number | null]>> = {};
  ANNEX_PRINTED.forEach(([name, out, proj, ent], i) => {
    const zone = ZONE_ACTUALS[i][0];
    for (const [id, ind, v, unit, act] of [
      ["output", "规上工业产值", out[1], "亿元", ZONE_ACTUALS[i][1]],
      ["newProjects", "每年新开工建设工业项目", proj, "个", ZONE_ACTUALS[i][2]],
      ["enterprises", "规上工业企业", ent[1], "家", ZONE_ACTUALS[i][3]],
    ] as Array<[string, string, number, string, number[][]]>) {
      const t: TrackTarget = {
        id: `${id}:${zone}`,
        unit: zone,
        co: [],
        name: ind,
        kind: "level",
        value: v,
        unit_: unit,
        direction: "atLeast",
        aspirational: false,
        cumulative: true,
        cite: name,
      };
      targets.push(t);
      data[t.id] = act.map(([a, l]) => [a, l]);
    }
  });
  const actuals = actualsSheet(targets, periods, data, "2023年全市开发区工业攻坚行动月度调度表");
  return { sheets: [annexSheet("full"), actuals], activate: "actuals" };
}

/** yeji: [1-6月 cumulative, last year, 1-9月 cumulative, last year] by target id (growth targets need last year) */
const YEJI: Record<string, Array<number | string | null>> = {
  y1: [6, null, 12, null],
  y2: [52, 47, 80, 70.5],
  y3: [52, null, 80, null],
  y4: [10.6, 9.7, 16.4, 14.8],
  y5: [3.1, 2.95, 4.8, 4.5],
  y6: [12, 10.3, 19.4, 16.6],
  y7: [9, 6.2, 15.8, 11.1],
  y8: [9, 6.2, 15.8, 11.1],
  y9: [4.8, 3.1, 8.6, 5.6],
  y10: [4.8, 3.1, 8.6, 5.6],
  y11: [0, null, 1, null],
  "t1.1a": [2, null, 4, null],
  "t1.1b": [4, null, 8, null],
  "t1.1c": [1, null, 1, null],
  "t1.2a": [4, null, 8, null],
  "t1.2b": [3, null, 6, null],
  "t1.3": [6, null, 4, null],
  "t2.2a": [10, null, 19, null],
  "t3.1c": [6, null, 6, null],
  "t4.1e": [3, null, 6, null],
  "t4.2g": [30, null, 50, null],
  "t4.3b": [2.2, null, 3.1, null],
  "t6.3a": [1, null, 3, null],
};

export function yejiSample(scheme: TargetSchemeT): ResultPlan {
  const periods = [period("2023-06"), period("2023-09")];
  const { targets } = trackTargets([], scheme, 2023);
  const data: Record<string, Array<[number | string | null, number | null]>> = {};
  for (const [id, v] of Object.entries(YEJI))
    data[id] = [
      [v[0], v[1] as number | null],
      [v[2], v[3] as number | null],
    ];
  return {
    sheets: [actualsSheet(targets, periods, data, "叶集区2023年工业经济主要目标月度调度表", scheme.bandTolerance)],
  };
}

/** The responsibility table as published: merged section rows, a two-row header, cells shared by rows merged. */
export function responsibilitySheet(): PlanSheet {
  const s = newSheet("responsibility", "责任分解表");
  s.values.push(["宣城经开区2023年度重点工作及责任分解表"]);
  s.merges.push({ top: 0, left: 0, bottom: 0, right: 4 });
  s.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 4 }, style: "title" });
  s.values.push(["序号", "主要目标", "目标任务来源", "牵头单位", "协同责任\n单位"]);
  s.styles.push({ rect: { top: 1, left: 0, bottom: 1, right: 4 }, style: "header" });
  let part = "";
  let section = "";
  // where the published table leaves a cell blank, the cell above spans it (a vertical merge)
  const open: Array<number | null> = [null, null, null, null, null];
  const close = (c: number, upTo: number) => {
    const from = open[c];
    if (from !== null && upTo > from) s.merges.push({ top: from, left: c, bottom: upTo, right: c });
    open[c] = null;
  };
  for (const [p, sec, no, text, source, lead, co] of XUANCHENG_ROWS) {
    if (p !== part) {
      for (const c of [2, 3, 4]) close(c, s.values.length - 1);
      part = p;
      s.values.push([p]);
      s.merges.push({ top: s.values.length - 1, left: 0, bottom: s.values.length - 1, right: 4 });
    }
    if (sec !== section) {
      for (const c of [2, 3, 4]) close(c, s.values.length - 1);
      section = sec;
      if (sec) {
        s.values.push([sec]);
        s.merges.push({ top: s.values.length - 1, left: 0, bottom: s.values.length - 1, right: 4 });
      }
    }
    const r = s.values.length;
    s.values.push([no, text, source || null, lead || null, co || null]);
    ([2, 3, 4] as const).forEach((c, k) => {
      const v = [source, lead, co][k];
      if (v) {
        close(c, r - 1);
        open[c] = r;
      }
    });
  }
  for (const c of [2, 3, 4]) close(c, s.values.length - 1);
  s.styles.push({ rect: { top: 2, left: 1, bottom: s.values.length - 1, right: 4 }, style: "wrap" });
  s.widths = [6, 70, 20, 14, 22];
  return s;
}

const XC: Record<string, Array<number | string | null>> = {
  "x1.1": [150, null, 240, null],
  "x1.2": [42, null, 61, null],
  "x1.3": [20, null, 46, null],
  "x1.4": ["序时推进", null, "已完成", null],
  "x2.1.2a": [12, null, 20, null],
  "x2.1.6a": [980, 800, 1400, 1250],
  "x2.2.1a": [20, null, 36, null],
  "x2.2.1c": [25, null, 31, null],
  "x2.2.5": [60, 42, 95, 62],
  "x2.5.2c": [5, null, 12, null],
  "S-二-一-1": ["序时推进", null, "序时推进", null],
  "S-二-一-4": ["序时推进", null, "已完成", null],
  "S-二-二-2": ["滞后", null, "序时推进", null],
  "S-二-三-2": ["序时推进", null, "滞后", null],
  "S-二-四-2": ["序时推进", null, "序时推进", null],
  "S-二-六-2": ["已完成", null, "已完成", null],
};

export function xuanchengSample(scheme: TargetSchemeT): ResultPlan {
  const periods = [period("2023-06"), period("2023-09")];
  const resp = responsibilitySheet();
  // the items without a number are tracked by status: read them from the table as the user's workbook holds it
  const asRead = { name: resp.name, originRow: 0, originCol: 0, values: resp.values, merges: resp.merges };
  const { targets } = trackTargets([asRead], scheme, 2023);
  const data: Record<string, Array<[number | string | null, number | null]>> = {};
  for (const [id, v] of Object.entries(XC))
    data[id] = [
      [v[0], v[1] as number | null],
      [v[2], v[3] as number | null],
    ];
  const actuals = actualsSheet(targets, periods, data, "宣城经开区2023年重点目标月度调度表", scheme.bandTolerance);
  const projects = tableSheet(
    "projects",
    "招引项目清单",
    [
      { path: ["项目名称"], key: "name", width: 30 },
      { path: ["亩均税收（万元/亩）"], key: "taxPerMu" },
      { path: ["亩均投资强度（万元/亩）"], key: "investPerMu" },
      { path: ["亩均应税销售收入（万元/亩）"], key: "salesPerMu" },
      { path: ["建设容积率"], key: "far" },
    ],
    [
      { name: "光伏组件扩产项目", taxPerMu: 25, investPerMu: 420, salesPerMu: 600, far: 1.5 },
      { name: "锂电新材料项目（恰好达标）", taxPerMu: 20, investPerMu: 300, salesPerMu: 400, far: 1.2 },
      { name: "储能系统集成项目", taxPerMu: 19.9, investPerMu: 350, salesPerMu: 450, far: 1.3 },
      { name: "宠物用品产业园项目", taxPerMu: 22, investPerMu: 299, salesPerMu: 399, far: 1.19 },
    ],
    { title: "2023年招引项目投资协议指标" },
  );
  return { sheets: [resp, actuals, projects], activate: "responsibility" };
}

/** Templates: the actuals sheet of a scheme with its targets and empty periods (quarters of the year). */
export function targetsTemplate(scheme: TargetSchemeT): ResultPlan {
  if (scheme.table) return { sheets: [annexSheet("blank")] };
  const { targets } = trackTargets([], scheme, scheme.year);
  const periods = [3, 6, 9, 12].map((m) => period(`${scheme.year}-${String(m).padStart(2, "0")}`));
  const sheets = [actualsSheet(targets, periods, {}, `${scheme.name} 月度调度表`, scheme.bandTolerance)];
  if (scheme.responsibility) sheets.unshift(responsibilitySheet());
  return { sheets };
}

export function targetSample(scheme: TargetSchemeT, kind: "fill" | "track"): ResultPlan {
  if (scheme.id === "huaibei-2023") return kind === "fill" ? huaibeiFillSample() : huaibeiTrackSample();
  if (scheme.id === "yeji-2023") return yejiSample(scheme);
  return xuanchengSample(scheme);
}
