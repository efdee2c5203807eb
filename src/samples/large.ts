/**
 * The samples at the sizes the benchmarks and the Excel-path tests use: Huaibei with n zones (10 projects and 5
 * enterprises each), Chifeng with n parks (the 14 sample parks, varied), the mujun template with n enterprises.
 * Seeded, so that every run measures the same data. `scripts/bench.js` and `test/office/data.ts` both use them.
 */
import type { Scheme } from "../engine/scheme/schema";
import type { PlanSheet, PlanValue } from "../engine/output/sheet-plan";
import { newSheet } from "../engine/output/sheet-plan";
import type { SheetData } from "../engine/types";
import { tableSheet, templateColumns } from "../engine/output/template";
import { chifengSampleRows } from "./chifeng-2020";
import { mujunRows, mulberry32 } from "./mujun";

/** Plan sheets as the sheets a workbook would give the reader. */
export function asSheets(plans: PlanSheet[]): SheetData[] {
  return plans.map(
    (s) => ({ name: s.name, originRow: 0, originCol: 0, values: s.values, merges: s.merges }) as SheetData,
  );
}

/** The 参数 sheet: 考评年度 2023. */
export function largeParams(): PlanSheet {
  const p = newSheet("p", "参数");
  p.values.push(["考评年度", 2023]);
  return p;
}

type Rows = Array<Record<string, PlanValue>>;

/** huaibei-2023 with n zones, 10 projects and 5 enterprises each, and each zone's targets. */
export function huaibeiZonesPlan(huaibei: Scheme, n: number): PlanSheet[] {
  const spec = (id: string) => huaibei.tables.find((t) => t.id === id)!;
  const r = mulberry32(42);
  const [zr, pr, er, tr]: Rows[] = [[], [], [], []];
  for (let i = 0; i < n; i++) {
    const name = `第${i + 1}开发区`;
    const prev = 50 + r() * 400;
    zr.push({
      name,
      outputPrev: prev,
      output: prev + r() * 150,
      newProjects: Math.floor(r() * 60),
      enterprises: Math.floor(r() * 200),
      landTask: r() < 0.5 ? "是" : "否",
      base: 60 + r() * 30,
      taxPerMu: 10 + r() * 30,
    });
    tr.push({
      name,
      "output@2023": 100 + r() * 300,
      newProjects: 20 + Math.floor(r() * 30),
      "enterprises@2023": 50 + Math.floor(r() * 100),
    });
    for (let k = 0; k < 10; k++)
      pr.push({
        name: `${name}项目${k}`,
        zone: name,
        planned: r() * 200,
        actual: r() * 40,
        statistical: "是",
        manufacturing: r() < 0.8 ? "是" : "否",
      });
    for (let k = 0; k < 5; k++)
      er.push({ name: `${name}企业${k}`, zone: name, revenue: r() * 150, prevMax: r() * 150, manufacturing: "是" });
  }
  return [
    largeParams(),
    tableSheet("z", "开发区指标", templateColumns(spec("zones")), zr),
    tableSheet("p", "项目清单", templateColumns(spec("projects")), pr),
    tableSheet("e", "企业清单", templateColumns(spec("enterprises")), er),
    tableSheet("t", "目标一览表", templateColumns(spec("targets")), tr, { title: "目标" }),
  ];
}

/** chifeng-2020 with n parks: the 14 sample parks, their platform figures varied, one in 97 with 污染事件. */
export function chifengParksPlan(chifeng: Scheme, n: number): PlanSheet[] {
  const base = chifengSampleRows();
  const r = mulberry32(7);
  const zr: Rows = [];
  for (let i = 0; i < n; i++) {
    const s: Record<string, PlanValue> = {
      ...base[i % base.length],
      name: `园区${i + 1}`,
      accident: "否",
      pollution: i % 97 === 0 ? "是" : "否",
    };
    // vary the platform figures; the bureau scores (green*, mgmt*) stay within their maxima, as valid data would
    for (const k of Object.keys(s))
      if (typeof s[k] === "number" && !/^(green|mgmt)/.test(k))
        s[k] = Math.round((s[k] as number) * (0.5 + r()) * 100) / 100;
    s.mgmt5 = 1;
    zr.push(s);
  }
  const spec = chifeng.tables.find((t) => t.id === "parks")!;
  const columns = templateColumns(spec).filter((c) => !c.key.endsWith("Points"));
  return [largeParams(), tableSheet("z", "园区指标", columns, zr)];
}

/** mujun-template: n enterprises × 10 columns. */
export function mujunEnterprisesPlan(mujun: Scheme, n: number): PlanSheet[] {
  const spec = mujun.tables.find((t) => t.id === "enterprises")!;
  return [largeParams(), tableSheet("e", "企业亩均数据", templateColumns(spec), mujunRows(n))];
}
