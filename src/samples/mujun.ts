/** Synthetic enterprises for mujun-template: deterministic, log-normal-ish spreads, a few 不参评 and missing 排放. */
import type { Scheme } from "../engine/scheme/schema";
import type { PlanValue, ResultPlan } from "../engine/output/sheet-plan";
import { newSheet } from "../engine/output/sheet-plan";
import { tableSheet, templateColumns } from "../engine/output/template";
import { makeUscc } from "../engine/read/uscc";

const ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A small, well-mixed deterministic generator (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mujunRows(n: number, seed = 20231): Array<Record<string, PlanValue>> {
  const r = mulberry32(seed);
  const spread = (median: number) => Math.round(median * Math.exp((r() + r() + r() - 1.5) * 1.2) * 100) / 100;
  const rows: Array<Record<string, PlanValue>> = [];
  for (let i = 0; i < n; i++) {
    let prefix = "913";
    for (let k = 0; k < 5; k++) prefix += ALPHA[Math.floor(r() * 10)];
    let org = "";
    for (let k = 0; k < 8; k++) org += ALPHA[Math.floor(r() * 31)];
    rows.push({
      name: `示例企业${String(i + 1).padStart(6, "0")}有限公司`,
      uscc: makeUscc(prefix, org),
      zone: `第${(i % 12) + 1}园区`,
      taxPerMu: spread(18),
      vaPerMu: spread(90),
      laborProd: spread(35),
      vaPerEnergy: spread(2.5),
      vaPerEmission: r() < 0.03 ? null : spread(400),
      rdShare: Math.round(r() * 600) / 100,
      excluded: r() < 0.01 ? "是" : null,
    });
  }
  return rows;
}

export function mujunSamplePlan(scheme: Scheme, n = 2000): ResultPlan {
  const params = newSheet("params", "参数");
  params.values.push(["参数", "值", "说明"], ["考评年度", 2023, ""]);
  for (const p of scheme.params)
    if (p.id !== "year")
      params.values.push([p.unit ? `${p.name}（${p.unit}）` : p.name, p.default ?? null, p.note ?? ""]);
  params.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 2 }, style: "header" });
  params.widths = [40, 12, 40];
  const spec = scheme.tables.find((t) => t.id === "enterprises")!;
  const sheet = tableSheet("enterprises", "企业亩均数据", templateColumns(spec), mujunRows(n), {
    title: "2023年度规上工业企业亩均效益评价数据",
  });
  return { sheets: [params, sheet], activate: "enterprises" };
}
