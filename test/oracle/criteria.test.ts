/**
 * Exact matching in formula criteria (issue 15.6): zone names made of * ? ~ = < > and spaces must not act as
 * wildcards or comparisons in the live formulas. Seeded random names (fast-check) plus a hand-made worst case are
 * written as workbooks, scored in formula mode, recalculated by LibreOffice, and every formula cell of the summary is
 * compared with the engine's value.
 */
import { ruleHeader } from "../../src/engine/output/result-plan";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { nameKey } from "../../src/engine/read/normalise";
import type { SheetData } from "../../src/engine/types";
import { book, huaibei } from "../helpers";
import { getBuiltInScheme } from "../../src/schemes";
import { chifengSamplePlan } from "../../src/samples/chifeng-2020";
import { recalc } from "./libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-criteria-"));

/** A workbook of zones with these names, each with two projects (one worth 10, one worth 5) and a flag. */
function zonesNamed(names: string[]): SheetData[] {
  return book({
    zones: names.map((name, i) => ({ name, output: 100 + 60 * (i % 3), landTask: i % 2 ? "是" : "否" })),
    projects: names.flatMap((zone, i) => [
      { name: `P${i}a`, zone, planned: 100, actual: 20 },
      { name: `P${i}b`, zone, planned: 60 + i, actual: 12 },
    ]),
    enterprises: names.map((zone, i) => ({ name: `E${i}`, zone, revenue: 50 * (i + 1), prevMax: 10 })),
  });
}

const names = fc
  .uniqueArray(
    fc
      .array(fc.constantFrom("*", "?", "~", "=", "<", ">", " ", "甲"), { minLength: 1, maxLength: 5 })
      .map((cs) => cs.join("").trim())
      .filter((s) => s.length > 0),
    { minLength: 3, maxLength: 7, selector: (s) => nameKey(s) },
  )
  .filter((xs) => new Set(xs.map(nameKey)).size === xs.length);

test("names made of * ? ~ = < > and spaces are matched exactly by every formula (LibreOffice recalculates)", async () => {
  const cases: string[][] = [
    ["*", "?", "~", "~*", "=甲", "<>", ">甲", "甲 ?", "<=*"],
    ...fc.sample(names, { seed: 1506, numRuns: 7 }),
  ];
  const files: string[] = [];
  const runs = [];
  for (const [j, ns] of cases.entries()) {
    const sheets = zonesNamed(ns);
    const r = checkAndScore(sheets, huaibei, { force: true });
    expect(r.run).toBeTruthy();
    expect(r.run!.entities.map((e) => e.name).sort()).toEqual([...ns].sort());
    // the input sheets themselves, so that the formulas have their cells
    const withInput = await ExcelJsBook.create(ExcelJS);
    await withInput.addSheets({
      sheets: sheets.map((s) => ({
        key: s.name,
        name: s.name,
        values: s.values.map((row) => row.map((v) => (typeof v === "object" && v !== null ? null : v))),
        merges: s.merges ?? [],
        styles: [],
        numberFormats: [],
        links: [],
        widths: [],
      })),
    });
    const loaded = await ExcelJsBook.load(ExcelJS, await withInput.toBuffer());
    await loaded.writeResult(
      plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets: await loaded.readSheets() } }),
    );
    const f = path.join(dir, `case${j}.xlsx`);
    fs.writeFileSync(f, await loaded.toBuffer());
    files.push(f);
    runs.push(r.run!);
  }
  const out = recalc(files);
  let compared = 0;
  for (const [j, f] of out.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet("加分汇总")!;
    const header = ["", ...Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(3).getCell(c + 1).text)];
    const run = runs[j];
    for (let rn = 4; rn <= ws.rowCount; rn++) {
      const row = ws.getRow(rn);
      const e = run.entities.find((x) => x.name === row.getCell(2).text);
      if (!e) continue;
      for (const [c, h] of header.entries()) {
        if (c === 0) continue;
        const cell = row.getCell(c);
        if (cell.formula === undefined) continue;
        // rule columns are headed in the policy's words (clause + label), as ruleHeader writes them
        const ruleIndex = huaibei.rules.findIndex((x) => ruleHeader(x) === h);
        const want = h === "加分合计" ? e.bonus : h === "总分" ? e.total : h === "名次" ? e.rank : e.points[ruleIndex];
        if (typeof want !== "number") continue;
        if (typeof cell.result !== "number" || Math.abs(cell.result - want) > 1e-9)
          throw new Error(
            `case ${j} (${JSON.stringify(cases[j])}): ${e.name} ${h} LibreOffice ${String(cell.result)}, engine ${want}`,
          );
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(cases.length * 20);
}, 240000);

test("a veto cell holding * is no veto in the formulas either (exact comparison, not MATCH's wildcard)", async () => {
  const chifeng = getBuiltInScheme("chifeng-2020")!;
  const input = chifengSamplePlan(chifeng);
  const z = input.sheets.find((x) => x.name === "园区指标")!;
  const col = (label: string) => z.values[2].findIndex((v) => typeof v === "string" && v.startsWith(label));
  z.values[3][col("发生重特大安全生产事故")] = "是"; // vetoed: the ranks are counted without it (its 参评 flag is 0)
  z.values[4][col("发生环境污染事件")] = "*"; // not a yes: the engine does not veto it
  const created = await ExcelJsBook.create(ExcelJS);
  await created.addSheets(input);
  const loaded = await ExcelJsBook.load(ExcelJS, await created.toBuffer());
  const sheets = await loaded.readSheets();
  const r = checkAndScore(sheets, chifeng, { force: true });
  const star = r.run!.entities.find((e) => e.name === z.values[4][0])!;
  expect(star.vetoed).toBe(false);
  expect(r.run!.entities.some((e) => e.vetoed)).toBe(true);
  await loaded.writeResult(plan(chifeng, r.run!, { formulas: { data: r.dataset!, sheets } }));
  const f = path.join(dir, "veto-star.xlsx");
  fs.writeFileSync(f, await loaded.toBuffer());
  const [out] = recalc([f]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("评分汇总")!;
  const header = ["", ...Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(3).getCell(c + 1).text)];
  let compared = 0;
  for (let rn = 4; rn <= ws.rowCount; rn++) {
    const row = ws.getRow(rn);
    const e = r.run!.entities.find((x) => x.name === row.getCell(2).text);
    if (!e || e.vetoed) continue;
    for (const [c, h] of header.entries()) {
      if (c === 0) continue;
      const cell = row.getCell(c);
      if (cell.formula === undefined) continue;
      const k = chifeng.rules.findIndex((x) => ruleHeader(x) === h);
      if (k < 0 || chifeng.rules[k].kind !== "rank") continue;
      if (typeof cell.result !== "number" || Math.abs(cell.result - e.points[k]) > 1e-9)
        throw new Error(`${e.name} ${h}: LibreOffice ${String(cell.result)}, engine ${e.points[k]}`);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(20);
}, 120000);
