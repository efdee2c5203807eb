/** The Huaibei annex rebuilt from the policy's 2022 column and its 2025 totals, through a real .xlsx. */
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { getTargetScheme } from "../../src/schemes/targets";
import { runFill } from "../../src/engine/targets";
import { annexSheet, huaibeiFillSample, ANNEX_PRINTED } from "../../src/samples/targets";
import { gridInt } from "../../src/engine/targets/allocate";
import type { SheetData } from "../../src/engine/types";

async function roundTrip(
  plan: ReturnType<typeof huaibeiFillSample>,
): Promise<{ sheets: SheetData[]; book: ExcelJsBook }> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(plan);
  const book = await ExcelJsBook.load(ExcelJS, await b.toBuffer());
  return { sheets: await book.readSheets(), book };
}

const scheme = getTargetScheme("huaibei-2023")!;

describe.each([
  ["geometric", "base"],
  ["linear", "base"],
  ["geometric", "weights"],
  ["linear", "weights"],
] as const)("Huaibei annex rebuilt (%s path, %s allocation)", (method, allocate) => {
  // typed weights: the printed 2025 shares (what the city actually decided), so the rebuild can be compared
  const weights = Object.fromEntries(ANNEX_PRINTED.map(([n, out]) => [n.replace(/\n/g, ""), out[3]]));
  it("keeps the 2022 column, hits the 2025 totals exactly, rises every year, gives each zone ≥ 1 listing", async () => {
    const { sheets } = await roundTrip(huaibeiFillSample());
    const r = runFill(sheets, scheme, { method, allocate, weights });
    const p = { ...r.proposal, values: r.proposal.values as number[][] };
    expect(r.proposal.values.flat().every((v) => typeof v === "number")).toBe(true);
    const col = (ind: string, y: number | null) => p.columns.findIndex((c) => c.indicator === ind && c.year === y);
    expect(p.units).toHaveLength(6);
    ANNEX_PRINTED.forEach(([, out, , ent], i) => {
      expect(p.values[i][col("output", 2022)]).toBe(out[0]);
      expect(p.values[i][col("enterprises", 2022)]).toBe(ent[0]);
      expect(p.source[i][col("output", 2022)]).toBe("filled");
    });
    const sum = (j: number) => p.values.reduce((s, r) => s + gridInt(r[j], 0), 0);
    expect(sum(col("output", 2025))).toBe(2000);
    expect(sum(col("enterprises", 2025))).toBe(660);
    expect(sum(col("newProjects", null))).toBe(140);
    for (const ind of ["output", "enterprises"])
      p.values.forEach((row) => {
        for (const [a, b] of [
          [2022, 2023],
          [2023, 2024],
          [2024, 2025],
        ])
          expect(row[col(ind, b)]).toBeGreaterThanOrEqual(row[col(ind, a)]);
      });
    p.values.forEach((row) => expect(row[col("listings", 2025)]).toBeGreaterThanOrEqual(1));
    for (const row of p.values) for (const v of row) expect(Number.isInteger(v)).toBe(true);
    if (allocate === "weights")
      // with the printed shares as weights, 2025 comes back as printed
      ANNEX_PRINTED.forEach(([, out, , ,], i) => expect(p.values[i][col("output", 2025)]).toBe(out[3]));
  });
});

describe("writing the filled table", () => {
  it("a new sheet in the annex layout: title, two-row merged header, 总计 row as SUM formulas; the user's sheet untouched", async () => {
    const { sheets, book } = await roundTrip(huaibeiFillSample());
    const r = runFill(sheets, scheme, { method: "geometric", allocate: "base" });
    const before = JSON.stringify((await book.readSheets()).find((s) => s.name === "目标一览表"));
    const rep = await book.writeResult(r.plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(rep.written["targets.fill"])!;
    expect(ws.getCell("A1").value).toBe("全市开发区高质量发展工业攻坚行动目标一览表");
    expect(ws.getCell("A2").value).toBe("开发区");
    expect(ws.getCell("B2").value).toBe("规上工业产值（亿元）");
    expect(ws.getCell("B3").value).toBe("2022年");
    expect((ws as unknown as { _merges: Record<string, unknown> })._merges).toHaveProperty("B2");
    expect(ws.getCell("A10").value).toBe("总计");
    expect(ws.getCell("E10").value).toMatchObject({ formula: "SUM(E4:E9)", result: 2000 });
    const after = (await book.readSheets()).find((s) => s.name === "目标一览表");
    expect(JSON.stringify(after)).toBe(before);
  });

  it("the printed annex's own 总计 (2023 enterprises 497 ≠ 493) gets two suggested fixes", async () => {
    const { sheets } = await roundTrip({ sheets: [annexSheet("full")] });
    const r = runFill(sheets, scheme, { method: "geometric", allocate: "base" });
    const f = r.fixes.find((x) => x.indicator === "enterprises" && x.year === 2023)!;
    expect(f).toMatchObject({ printed: 497, sum: 493, setTotal: 493 });
    expect(f.cell).toBe("H10");
    expect(f.members.reduce((s, x) => s + x, 0)).toBe(497);
    expect(r.fixes).toHaveLength(1);
    // a full table: nothing to propose, nothing changed
    expect(r.proposal.source.flat().every((s) => s === "filled")).toBe(true);
  });
});
