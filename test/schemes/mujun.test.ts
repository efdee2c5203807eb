import { getBuiltInScheme } from "../../src/schemes";
import { checkAndScore } from "../../src/engine/pipeline";
import { mujunSamplePlan } from "../../src/samples/mujun";
import { planSheets } from "../helpers";
import { parseScheme } from "../../src/engine/scheme/schema";

const scheme = getBuiltInScheme("mujun-template")!;

test("2,000 enterprises graded with the default bands: counts match 25 % / 70 % / 95 % of those graded", () => {
  const r = checkAndScore(planSheets(mujunSamplePlan(scheme, 2000)), scheme);
  expect(r.errors).toBe(0);
  const run = r.run!;
  expect(run.entities).toHaveLength(2000);
  const excluded = run.entities.filter((e) => e.vetoed);
  expect(excluded.length).toBeGreaterThan(0);
  expect(excluded.every((e) => e.grade === undefined && e.rank === null && e.vetoReason?.includes("不参评"))).toBe(
    true,
  );
  const graded = run.entities.filter((e) => !e.vetoed);
  const n = graded.length;
  // distinct totals, so the bands cut exactly
  expect(new Set(graded.map((e) => e.total)).size).toBe(n);
  const count = (g: string) => graded.filter((e) => e.grade === g).length;
  expect(count("A")).toBe(Math.round(0.25 * n));
  expect(count("B")).toBe(Math.round(0.7 * n) - Math.round(0.25 * n));
  expect(count("C")).toBe(Math.round(0.95 * n) - Math.round(0.7 * n));
  expect(count("D")).toBe(n - Math.round(0.95 * n));
  // every A scores above every B, and so on
  const min = (g: string) => Math.min(...graded.filter((e) => e.grade === g).map((e) => e.total));
  const max = (g: string) => Math.max(...graded.filter((e) => e.grade === g).map((e) => e.total));
  expect(min("A")).toBeGreaterThan(max("B"));
  expect(min("B")).toBeGreaterThan(max("C"));
  expect(min("C")).toBeGreaterThan(max("D"));
});

test("score = Σ weight × min(x / benchmark, 2); a missing 排放 gets that indicator's mean score; benchmarks default to the average", () => {
  const r = checkAndScore(planSheets(mujunSamplePlan(scheme, 300)), scheme);
  const run = r.run!;
  const ds = r.dataset!;
  const rows = ds.tables.enterprises.rows;
  const bench = (id: string) => ds.params[`b.${id}`].value as number;
  const live = rows.filter((x) => x.values.excluded !== true);
  const mean = (id: string) => live.reduce((s, x) => s + (x.values[id] as number), 0) / live.length;
  expect(bench("taxPerMu")).toBeCloseTo(rows.reduce((s, x) => s + (x.values.taxPerMu as number), 0) / rows.length, 6);
  expect(mean("taxPerMu")).toBeGreaterThan(0);
  const e = run.entities.find((x) => !x.vetoed && typeof rows[x.index].values.vaPerEmission === "number")!;
  const v = rows[e.index].values;
  const expected = [
    ["taxPerMu", 30],
    ["vaPerMu", 20],
    ["laborProd", 15],
    ["vaPerEnergy", 15],
    ["vaPerEmission", 10],
    ["rdShare", 10],
  ].reduce((s, [id, w]) => s + (w as number) * Math.min((v[id as string] as number) / bench(id as string), 2), 0);
  expect(e.total).toBeCloseTo(expected, 6);
  const miss = run.entities.find((x) => !x.vetoed && rows[x.index].values.vaPerEmission === null)!;
  const k = scheme.rules.findIndex((x) => x.id === "m.vaPerEmission");
  const others = run.entities
    .filter((x) => !x.vetoed && typeof rows[x.index].values.vaPerEmission === "number")
    .map((x) => x.points[k]);
  expect(miss.points[k]).toBeCloseTo(others.reduce((s, x) => s + x, 0) / others.length, 9);
  expect(run.basis(k, miss.index)).toContain("平均得分");
});

test("a header in 元/吨标准煤 is converted to 万元/吨标准煤 with the indicator's own factor", () => {
  const sheets = planSheets(mujunSamplePlan(scheme, 50));
  const data = sheets.find((s) => s.name === "企业亩均数据")!;
  const col = data.values[1].findIndex((h) => typeof h === "string" && h.startsWith("单位能耗增加值"));
  data.values[1][col] = "单位能耗增加值（元/吨标准煤）";
  const before = data.values[2][col] as number;
  data.values[2][col] = before * 10000;
  const r = checkAndScore(sheets, scheme);
  expect(r.errors).toBe(0);
  expect(r.dataset!.tables.enterprises.rows[0].values.vaPerEnergy).toBeCloseTo(before, 9);
});

test("grades by score cut-offs when the scheme says so", () => {
  const s = parseScheme({
    ...JSON.parse(JSON.stringify(scheme)),
    grading: { method: "cutoffs", bands: [120, 90, 60], labels: ["A", "B", "C", "D"] },
  });
  const run = checkAndScore(planSheets(mujunSamplePlan(s, 400)), s).run!;
  for (const e of run.entities.filter((x) => !x.vetoed)) {
    const want = e.total >= 120 ? "A" : e.total >= 90 ? "B" : e.total >= 60 ? "C" : "D";
    expect(e.grade).toBe(want);
  }
  expect(new Set(run.entities.map((e) => e.grade)).size).toBeGreaterThan(2);
});
