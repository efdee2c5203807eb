/**
 * Range.formulasR1C1 (ExcelApi 1.2) in the strict fake, through Microsoft's Office.js client: one formula over a range
 * is applied to every cell relative to that cell (each cell holds it in A1, as Excel shows it), a grid must be the
 * range's size; and the adapter's A1 → R1C1 converter, checked against the fake's R1C1 → A1 at every cell.
 */
import { a1ToR1C1 } from "../../src/workbook/r1c1";
import { FakeWorkbookState, r1c1ToA1 } from "../fakes/excel";
import { OfficeClientHarness } from "./client";

describe("the strict fake takes formulasR1C1 as Excel does", () => {
  test("a scalar formula is applied to every cell of the range, relative to that cell", async () => {
    const fake = new FakeWorkbookState();
    fake.addSheet("数据");
    const h = new OfficeClientHarness(fake);
    await h.run({}, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("数据").getRange("C2:C4");
      (r as unknown as { formulasR1C1: string }).formulasR1C1 = "=RC[-2]*R1C1+SUM(R[-1]C[-1]:RC[-1])";
      await ctx.sync();
    });
    const s = fake.sheet("数据")!;
    expect([1, 2, 3].map((y) => s.get(y, 2)?.formula)).toEqual([
      "=A2*$A$1+SUM(B1:B2)",
      "=A3*$A$1+SUM(B2:B3)",
      "=A4*$A$1+SUM(B3:B4)",
    ]);
    expect(h.wire.filter((w) => w.error)).toEqual([]);
  });

  test("a grid must have the range's size; a reference above row 1 is refused", async () => {
    const fake = new FakeWorkbookState();
    fake.addSheet("数据");
    const h = new OfficeClientHarness(fake);
    const write = (address: string, v: unknown) =>
      h.run({}, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("数据").getRange(address);
        (r as unknown as { formulasR1C1: unknown }).formulasR1C1 = v;
        await ctx.sync();
      });
    await expect(write("A1:B2", [["=1"]])).rejects.toThrow();
    await expect(write("A1", "=R[-1]C")).rejects.toThrow();
    await write("A2:B2", [["=R[-1]C", "x"]]);
    expect(fake.sheet("数据")!.get(1, 0)?.formula).toBe("=A1");
    expect(fake.sheet("数据")!.get(1, 1)?.v).toBe("x");
  });
});

describe("A1 → R1C1 for the formulas we write", () => {
  const cases: Array<[string, number, number, string]> = [
    ["=A1", 0, 0, "=RC"],
    ["=$A$1+B2", 4, 2, "=R1C1+R[-3]C[-1]"],
    ["=$B7*C$3", 6, 3, "=RC2*R3C[-1]"],
    ["=ROUND(SUM('评分 汇总'!D5:$F$9),6)", 4, 0, "=ROUND(SUM('评分 汇总'!RC[3]:R9C6),6)"],
    ['=IF(A2="A1 B2",LOG10(X9),0)', 1, 1, '=IF(RC[-1]="A1 B2",LOG10(R[7]C[22]),0)'],
    ["=SUMPRODUCT(('zs~1'!$B$2:$B$9=A2)*1)", 1, 3, "=SUMPRODUCT(('zs~1'!R2C2:R9C2=RC[-3])*1)"],
    ["=Data1!A1+XFD1048576", 0, 0, "=Data1!RC+R[1048575]C[16383]"],
  ];
  test.each(cases)("%s at (%i, %i)", (a1, row, col, r1c1) => {
    expect(a1ToR1C1(a1, row, col)).toBe(r1c1);
    // and back, at the same cell: what Excel would hold
    expect(r1c1ToA1(r1c1, row, col)).toBe(a1);
  });
  test("what it does not translate gives null (the cell is written in A1)", () => {
    expect(a1ToR1C1("=SUM(A:A)", 0, 0)).toBeNull();
    expect(a1ToR1C1("=SUM(2:3)", 0, 0)).toBeNull();
    expect(a1ToR1C1('="unclosed', 0, 0)).toBeNull();
    expect(a1ToR1C1("=XFE1", 0, 0)).toBeNull();
  });
});
