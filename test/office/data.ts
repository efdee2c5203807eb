/** Workbooks at the sizes the issue names: Huaibei 1,000 zones, Chifeng 1,000 parks, 100,000 enterprises × 10. */
import type { PlanSheet, PlanValue } from "../../src/engine/output/sheet-plan";
import { newSheet } from "../../src/engine/output/sheet-plan";
import type { SheetData } from "../../src/engine/types";
import { tableSheet, templateColumns } from "../../src/engine/output/template";
import { getBuiltInScheme } from "../../src/schemes";
import { chifengSampleRows } from "../../src/samples/chifeng-2020";
import { mujunRows, mulberry32 } from "../../src/samples/mujun";

export const huaibei = getBuiltInScheme("huaibei-2023")!;
export const chifeng = getBuiltInScheme("chifeng-2020")!;
export const mujun = getBuiltInScheme("mujun-template")!;

const asSheets = (plans: PlanSheet[]): SheetData[] =>
  plans.map((s) => ({ name: s.name, originRow: 0, originCol: 0, values: s.values, merges: s.merges }) as SheetData);

function params(): PlanSheet {
  const p = newSheet("p", "参数");
  p.values.push(["考评年度", 2023]);
  return p;
}

/** huaibei-2023 with n zones, 10 projects and 5 enterprises each (the benchmark's data) */
export function huaibeiZones(n: number): SheetData[] {
  const spec = (id: string) => huaibei.tables.find((t) => t.id === id)!;
  const r = mulberry32(42);
  const zr: Array<Record<string, PlanValue>> = [];
  const pr: Array<Record<string, PlanValue>> = [];
  const er: Array<Record<string, PlanValue>> = [];
  const tr: Array<Record<string, PlanValue>> = [];
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
  return asSheets([
    params(),
    tableSheet("z", "开发区指标", templateColumns(spec("zones")), zr),
    tableSheet("p", "项目清单", templateColumns(spec("projects")), pr),
    tableSheet("e", "企业清单", templateColumns(spec("enterprises")), er),
    tableSheet("t", "目标一览表", templateColumns(spec("targets")), tr, { title: "目标" }),
  ]);
}

/** chifeng-2020 with n parks (the 14 sample parks, varied) */
export function chifengParks(n: number): SheetData[] {
  const base = chifengSampleRows();
  const r = mulberry32(7);
  const zr: Array<Record<string, PlanValue>> = [];
  for (let i = 0; i < n; i++) {
    const s: Record<string, PlanValue> = {
      ...base[i % base.length],
      name: `园区${i + 1}`,
      accident: "否",
      pollution: i % 97 === 0 ? "是" : "否",
    };
    for (const k of Object.keys(s))
      if (typeof s[k] === "number" && !/^(green|mgmt)/.test(k))
        s[k] = Math.round((s[k] as number) * (0.5 + r()) * 100) / 100;
    s.mgmt5 = 1;
    zr.push(s);
  }
  const spec = chifeng.tables.find((t) => t.id === "parks")!;
  return asSheets([
    params(),
    tableSheet(
      "z",
      "园区指标",
      templateColumns(spec).filter((c) => !c.key.endsWith("Points")),
      zr,
    ),
  ]);
}

/** mujun-template: n enterprises × 10 columns */
export function enterprises(n: number): SheetData[] {
  const spec = mujun.tables.find((t) => t.id === "enterprises")!;
  return asSheets([params(), tableSheet("e", "企业亩均数据", templateColumns(spec), mujunRows(n))]);
}
