/**
 * What a number means, in Excel as in files: the Office.js read brings each cell's number format (through Microsoft's
 * real client against the strict fake), so a date typed where a figure belongs is an error at its cell, not 45,356
 * 亿元, and a percentage typed into a % column reads as one (12% → 12). Before, only the file reader gave formats and
 * Excel's cells were read as bare numbers.
 */
import { checkAndScore } from "../../src/engine/pipeline";
import { OfficeBook } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { OfficeClientHarness } from "./client";
import { chifeng, chifengParks } from "./data";

test("a date typed into a figure is an error at its cell; 12% typed into a % column reads as 12", async () => {
  const fake = fakeFromSheets(chifengParks(14));
  const ws = fake.sheet("园区指标")!;
  ws.typeIn(1, 1, "2024/3/5"); // B2: 园区1's 新增工业总产值（亿元）
  ws.typeIn(2, 2, "12%"); // C3: 园区2's 工业总产值增速（%）
  ws.typeIn(3, 2, 7.5); // C4: a plain number stays a plain number
  const h = new OfficeClientHarness(fake);
  const read = await new OfficeBook(h.run, fake.supports, "t").readSheets();
  const sheet = read.find((s) => s.name === "园区指标")!;
  expect(sheet.values[1][1]).toBe(45356);
  expect(sheet.formats?.[1]?.[1]).toBe("yyyy/m/d");
  expect(sheet.values[2][2]).toBe(0.12);
  expect(sheet.formats?.[2]?.[2]).toBe("0%");
  expect(sheet.formats?.[3]?.[2]).toBeUndefined();

  const r = checkAndScore(read, chifeng, { force: true });
  expect(r.allIssues).toContainEqual(
    expect.objectContaining({ severity: "error", code: "date-in-number", sheet: "园区指标", cell: "B2" }),
  );
  expect(r.allIssues).toContainEqual(
    expect.objectContaining({ code: "percent-format-read", sheet: "园区指标", cell: "C3" }),
  );
  const park2 = r.dataset!.tables.parks.rows.find((x) => x.name === "园区2")!;
  expect(park2.values.outputGrowth).toBe(12);
  const park1 = r.dataset!.tables.parks.rows.find((x) => x.name === "园区1")!;
  expect(park1.values.newOutput ?? null).toBeNull();
}, 60_000);
