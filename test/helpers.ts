import type { CellValue, SheetData } from "../src/engine/types";
import type { PlanValue, ResultPlan } from "../src/engine/plan";
import { newSheet } from "../src/engine/plan";
import { tableSheet, templateColumns } from "../src/engine/template";
import { getBuiltInScheme } from "../src/schemes";
import { huaibeiSamplePlan } from "../src/samples/huaibei-2023";

export const huaibei = getBuiltInScheme("huaibei-2023")!;

/** A plan's sheets as the reader sees them (values from A1, merges as given). */
export function planSheets(plan: ResultPlan): SheetData[] {
  return plan.sheets.map((s) => ({ name: s.name, originRow: 0, originCol: 0, values: s.values.map((r) => r.map((v) => v as CellValue)), merges: s.merges }));
}

export function sampleSheets(): SheetData[] {
  return planSheets(huaibeiSamplePlan(huaibei));
}

type R = Record<string, PlanValue>;
const spec = (id: string) => huaibei.tables.find((t) => t.id === id)!;

/** A minimal huaibei-2023 workbook: zones default to meeting nothing, targets to 100/10/10 for the year. */
export function book(opts: { zones: R[]; projects?: R[]; enterprises?: R[]; targets?: R[]; year?: number; avgTax?: number | null }): SheetData[] {
  const year = opts.year ?? 2023;
  const zone = (z: R): R => ({ outputPrev: 100, output: 100, newProjects: 0, enterprises: 0, landTask: "否", ...z });
  const params = newSheet("params", "参数");
  params.values.push(["考评年度", year]);
  if (opts.avgTax !== null && opts.avgTax !== undefined) params.values.push(["全市开发区平均亩均税收（万元/亩）", opts.avgTax]);
  const zcols = templateColumns(spec("zones"));
  const targets = opts.targets ?? opts.zones.map((z) => ({ name: z.name, [`output@${year}`]: 1000, newProjects: 1000, [`enterprises@${year}`]: 1000 }));
  const tcols = templateColumns({ ...spec("targets"), columns: spec("targets").columns.map((c) => (c.templateYears ? { ...c, templateYears: [year - 1, year, year + 1] } : c)) });
  const plan: ResultPlan = {
    sheets: [
      params,
      tableSheet("zones", "开发区指标", zcols, opts.zones.map(zone), { title: "开发区指标" }),
      tableSheet("projects", "项目清单", templateColumns(spec("projects")), (opts.projects ?? []).map((p) => ({ statistical: "是", manufacturing: "是", ...p }))),
      tableSheet("enterprises", "企业清单", templateColumns(spec("enterprises")), (opts.enterprises ?? []).map((e) => ({ manufacturing: "是", ...e }))),
      tableSheet("targets", "目标一览表", tcols, targets, { title: "目标一览表" }),
    ],
  };
  return planSheets(plan);
}
