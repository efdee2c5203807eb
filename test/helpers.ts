import type { CellValue, SheetData } from "../src/engine/types";
import type { PlanValue, ResultPlan } from "../src/engine/output/sheet-plan";
import { newSheet } from "../src/engine/output/sheet-plan";
import { tableSheet, templateColumns } from "../src/engine/output/template";
import { getBuiltInScheme } from "../src/schemes";
import { huaibeiSamplePlan } from "../src/samples/huaibei-2023";

export const huaibei = getBuiltInScheme("huaibei-2023")!;

/** A plan's sheets as the reader sees them (values from A1, merges as given). */
export function planSheets(plan: ResultPlan): SheetData[] {
  return plan.sheets.map((s) => ({
    name: s.name,
    originRow: 0,
    originCol: 0,
    values: s.values.map((r) => r.map((v) => v as CellValue)),
    merges: s.merges,
  }));
}

export function sampleSheets(): SheetData[] {
  return planSheets(huaibeiSamplePlan(huaibei));
}

type R = Record<string, PlanValue>;
const spec = (id: string) => huaibei.tables.find((t) => t.id === id)!;

/** A minimal huaibei-2023 workbook: zones default to meeting nothing, targets to 100/10/10 for the year. */
export function book(opts: {
  zones: R[];
  projects?: R[];
  enterprises?: R[];
  targets?: R[];
  year?: number;
  avgTax?: number | null;
}): SheetData[] {
  const year = opts.year ?? 2023;
  const zone = (z: R): R => ({ outputPrev: 100, output: 100, newProjects: 0, enterprises: 0, landTask: "否", ...z });
  const params = newSheet("params", "参数");
  params.values.push(["考评年度", year]);
  if (opts.avgTax !== null && opts.avgTax !== undefined)
    params.values.push(["全市开发区平均亩均税收（万元/亩）", opts.avgTax]);
  const zcols = templateColumns(spec("zones"));
  const targets =
    opts.targets ??
    opts.zones.map((z) => ({
      name: z.name,
      [`output@${year}`]: 1000,
      newProjects: 1000,
      [`enterprises@${year}`]: 1000,
    }));
  const tcols = templateColumns({
    ...spec("targets"),
    columns: spec("targets").columns.map((c) =>
      c.templateYears ? { ...c, templateYears: [year - 1, year, year + 1] } : c,
    ),
  });
  const plan: ResultPlan = {
    sheets: [
      params,
      tableSheet("zones", "开发区指标", zcols, opts.zones.map(zone), { title: "开发区指标" }),
      tableSheet(
        "projects",
        "项目清单",
        templateColumns(spec("projects")),
        (opts.projects ?? []).map((p) => ({ statistical: "是", manufacturing: "是", ...p })),
      ),
      tableSheet(
        "enterprises",
        "企业清单",
        templateColumns(spec("enterprises")),
        (opts.enterprises ?? []).map((e) => ({ manufacturing: "是", ...e })),
      ),
      tableSheet("targets", "目标一览表", tcols, targets, { title: "目标一览表" }),
    ],
  };
  return planSheets(plan);
}

import { parseScheme, type Scheme, type SchemeInput } from "../src/engine/scheme/schema";
import { checkAndScore } from "../src/engine/pipeline";
import type { ScoreRun } from "../src/engine/score/result";

type ColIn = SchemeInput["tables"][number]["columns"][number];
type RuleIn = SchemeInput["rules"][number];

/** A one-table scheme for testing rule kinds: a key column "name" plus the given columns and rules. */
export function miniScheme(
  columns: Array<Partial<ColIn> & { id: string }>,
  rules: RuleIn[],
  extra: Partial<SchemeInput> = {},
): Scheme {
  return parseScheme({
    schemaVersion: 1,
    id: "mini",
    name: "测试方案",
    source: "测试",
    entityTable: "units",
    tables: [
      {
        id: "units",
        name: "单位",
        level: "entity",
        columns: [
          { id: "name", name: "单位", type: "text", role: "key", required: true },
          ...columns.map((c) => ({ name: c.id, type: "number" as const, ...c })),
        ],
      },
      ...(extra.tables ?? []),
    ],
    rules,
    options: [
      {
        id: "rankReading",
        name: "排序法折算方式",
        default: "rank-step",
        choices: ["rank-step", "rank-linear", "ratio-to-best", "min-max"].map((id) => ({
          id,
          name: id,
          description: id,
        })),
      },
    ],
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "tables")),
  });
}

/** Score rows (objects keyed by column id) under a scheme made by miniScheme. */
export function miniRun(
  scheme: Scheme,
  rows: Array<Record<string, PlanValue>>,
  options: Record<string, string> = {},
  sheets: SheetData[] = [],
): ScoreRun {
  const spec = scheme.tables.find((t) => t.id === scheme.entityTable)!;
  const cols = spec.columns.map((c) => ({ path: [c.name], key: c.id }));
  const plan: ResultPlan = {
    sheets: [{ ...newSheet("p", "参数"), values: [["考评年度", 2023]] }, tableSheet("units", spec.name, cols, rows)],
  };
  const r = checkAndScore([...planSheets(plan), ...sheets], scheme, { options, force: true });
  if (!r.run) throw new Error("not scored: " + JSON.stringify(r.issues));
  return r.run;
}

export const pointsOf = (run: ScoreRun, rule: string) => {
  const k = run.entities[0]?.parts.findIndex((p) => p.rule === rule);
  return run.entities.map((e) => e.points[k]);
};
