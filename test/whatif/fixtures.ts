/** Small workbooks for what-if tests: a scheme made by miniScheme, rows as objects, optional list / target tables. */
import type { PlanValue, ResultPlan } from "../../src/engine/output/sheet-plan";
import { newSheet } from "../../src/engine/output/sheet-plan";
import { tableSheet, templateColumns } from "../../src/engine/output/template";
import { checkAndScore } from "../../src/engine/pipeline";
import type { Scheme } from "../../src/engine/scheme/schema";
import type { Dataset } from "../../src/engine/dataset";
import type { ScoreRun } from "../../src/engine/score/result";
import { planSheets } from "../helpers";

export type Rows = Array<Record<string, PlanValue>>;

export interface Built {
  scheme: Scheme;
  data: Dataset;
  run: ScoreRun;
}

/** Read and score a mini workbook; `others` gives the rows of the scheme's other tables by table id. */
export function build(
  scheme: Scheme,
  rows: Rows,
  others: Record<string, Rows> = {},
  options: Record<string, string> = {},
  params: Array<[string, PlanValue]> = [],
): Built {
  const spec = scheme.tables.find((t) => t.id === scheme.entityTable)!;
  const plan: ResultPlan = {
    sheets: [
      { ...newSheet("p", "参数"), values: [["考评年度", 2023], ...params] },
      tableSheet("units", spec.name, templateColumns(spec), rows),
      ...Object.entries(others).map(([id, r]) => {
        const t = scheme.tables.find((x) => x.id === id)!;
        return tableSheet(id, t.name, templateColumns(t), r, { title: t.name });
      }),
    ],
  };
  const r = checkAndScore(planSheets(plan), scheme, { options, force: true });
  if (!r.run || !r.dataset) throw new Error("not scored: " + JSON.stringify(r.issues.slice(0, 3)));
  return { scheme, data: r.dataset, run: r.run };
}

export const names = (n: number) => Array.from({ length: n }, (_, i) => `单位${i + 1}`);
