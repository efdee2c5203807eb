/**
 * The strict fake renames sheet references as Excel does when a worksheet is renamed (test/fakes/excel.ts
 * renameSheet / renameSheetRefs): cell formulas of every sheet, conditional formats, chart series, defined names.
 */
import { FakeContext, FakeWorkbookState, renameSheetRefs, sheetRefName, sheetsNamedIn } from "./excel";

describe("renameSheetRefs", () => {
  test.each([
    ["quoted, with a range", "=SUM('zs~t~0'!B2:B9)", "zs~t~0", "排名", "=SUM('排名'!B2:B9)"],
    ["unquoted to a plain name", "=Sheet1!A1+1", "Sheet1", "Results", "=Results!A1+1"],
    ["unquoted to a name with a space", "=Sheet1!A1", "Sheet1", "My Sheet", "='My Sheet'!A1"],
    ["unquoted to CJK", "=Sheet1!$A$1", "Sheet1", "汇总", "='汇总'!$A$1"],
    ["unquoted to a name that reads as a cell", "=Sheet1!A1", "Sheet1", "AB12", "='AB12'!A1"],
    ["unquoted to R1C1-like", "=Sheet1!A1", "Sheet1", "R1C2", "='R1C2'!A1"],
    ["unquoted to a leading digit", "=Sheet1!A1", "Sheet1", "2024", "='2024'!A1"],
    ["an apostrophe in the old name", "='a''b'!A1*2", "a'b", "c", "='c'!A1*2"],
    ["a double quote in the old name", `='a"b'!A1&"a""b"`, 'a"b', "c", `='c'!A1&"a""b"`],
    ["an apostrophe in the new name", "='x y'!A1", "x y", "it's", "='it''s'!A1"],
    ["case-insensitive", "=sheet1!A1+'SHEET1'!B2", "Sheet1", "S", "=S!A1+'S'!B2"],
    ["bare CJK", "=一月!B2+一月!B3", "一月", "二月", "='二月'!B2+'二月'!B3"],
    ["3-D quoted", "=SUM('Jan:zs~t~1'!A1)", "zs~t~1", "Mar", "=SUM('Jan:Mar'!A1)"],
    ["3-D bare", "=SUM(Jan:Feb!A1)", "Feb", "Mar 1", "=SUM('Jan:Mar 1'!A1)"],
    ["3-D bare stays bare", "=SUM(Jan:Feb!A1)", "Jan", "Dec", "=SUM(Dec:Feb!A1)"],
    [
      "INDEX as the adapter writes it",
      "=INDEX('zs~a~2'!$C$2:$C$9,$F4)",
      "zs~a~2",
      "计算过程",
      "=INDEX('计算过程'!$C$2:$C$9,$F4)",
    ],
  ])("%s", (_l, f, from, to, want) => {
    expect(renameSheetRefs(f, from, to)).toBe(want);
  });

  test.each([
    ["a string literal", `=IF(A1="'Sheet1'!A1","Sheet1!B2",Sheet1!C3)`, `=IF(A1="'Sheet1'!A1","Sheet1!B2",S!C3)`],
    [
      "a sheet whose name contains the old one",
      "=MySheet1!A1+'Sheet10'!A1+Sheet1x!A1",
      "=MySheet1!A1+'Sheet10'!A1+Sheet1x!A1",
    ],
    ["a sheet whose name ends with it, quoted", "='My Sheet1'!A1", "='My Sheet1'!A1"],
    ["another workbook's sheet", "='[b.xlsx]Sheet1'!A1+[b.xlsx]Sheet1!A2", "='[b.xlsx]Sheet1'!A1+[b.xlsx]Sheet1!A2"],
    ["a defined name or function called like it", "=Sheet1+SHEET1(A1)", "=Sheet1+SHEET1(A1)"],
    ["a string after a quoted name", `='Sheet1'!A1&"x"`, `='S'!A1&"x"`],
  ])("leaves alone %s", (_l, f, want) => {
    expect(renameSheetRefs(f, "Sheet1", "S")).toBe(want);
  });

  test("sheetRefName quotes what Excel needs quoted", () => {
    expect(["Sheet1", "_x", "a.b"].map((n) => sheetRefName(n))).toEqual(["Sheet1", "_x", "a.b"]);
    expect(["a b", "排名", "1a", "A1", "XFD1", "R", "C3", "a-b", "zs~t~0", "o'k"].map((n) => sheetRefName(n))).toEqual([
      "'a b'",
      "'排名'",
      "'1a'",
      "'A1'",
      "'XFD1'",
      "'R'",
      "'C3'",
      "'a-b'",
      "'zs~t~0'",
      "'o''k'",
    ]);
  });
});

describe("Worksheet.name = … in the fake", () => {
  test("rewrites every sheet's formulas, conditional formats, chart series; names follow the sheet", async () => {
    const st = new FakeWorkbookState();
    const tmp = st.addSheet("zs~t~0");
    const other = st.addSheet("zs~t~1");
    const user = st.addSheet("Data");
    tmp.set(0, 0, "=1");
    tmp.set(0, 1, "='zs~t~1'!A1*2");
    other.set(0, 0, "=SUM('zs~t~0'!A1:A3)&\"'zs~t~0'!A1\"");
    user.set(0, 0, "='zs~t~0'!B1+Data!A2");
    user.set(0, 1, "'='zs~t~0'!A1"); // text, not a formula
    other.conditional.push({ rect: { top: 0, left: 0, bottom: 0, right: 0 }, formula: "='zs~t~0'!$A$1>0" });
    other.charts.push({ type: "BarStacked", series: [{ name: "", values: "'zs~t~0'!A1:A3", x: "'zs~t~0'!B1:B3" }] });
    st.names.push({ name: "ZS_MARK", sheet: tmp, address: "$A$1" });
    const ctx = new FakeContext(st);
    ctx.workbook.worksheets.getItem("zs~t~0").name = "排名 A";
    ctx.workbook.worksheets.getItem("zs~t~1").name = "计算过程";
    // nothing happens before sync
    expect(user.get(0, 0)!.formula).toBe("='zs~t~0'!B1+Data!A2");
    const names = ctx.workbook.names.load("items/name,items/formula");
    await ctx.sync();
    expect(tmp.get(0, 1)!.formula).toBe("='计算过程'!A1*2");
    expect(other.get(0, 0)!.formula).toBe("=SUM('排名 A'!A1:A3)&\"'zs~t~0'!A1\"");
    expect(user.get(0, 0)!.formula).toBe("='排名 A'!B1+Data!A2");
    expect(user.get(0, 1)!.v).toBe("='zs~t~0'!A1");
    expect(other.conditional[0].formula).toBe("='排名 A'!$A$1>0");
    expect(other.charts[0].series[0]).toEqual({ name: "", values: "'排名 A'!A1:A3", x: "'排名 A'!B1:B3" });
    expect(names.items.map((n) => n.formula)).toEqual(["='排名 A'!$A$1"]);
  });

  test("a rename that fails (the name is taken) changes no formula", async () => {
    const st = new FakeWorkbookState();
    st.addSheet("A");
    const b = st.addSheet("B");
    b.set(0, 0, "=A!A1");
    const ctx = new FakeContext(st);
    ctx.workbook.worksheets.getItem("A").name = "b";
    await expect(ctx.sync()).rejects.toThrow(/ItemAlreadyExists/);
    expect(b.get(0, 0)!.formula).toBe("=A!A1");
  });
});

describe("sheetsNamedIn and FakeWorkbookState.sheetRefs", () => {
  test("list the sheets a formula names, not those in its strings or in other workbooks", () => {
    expect(sheetsNamedIn(`=SUM('a b'!A1:B2)+S1!C3+SUM('Jan:Mar'!A1)&"'x'!A1"&'[o.xlsx]y'!A1+[o.xlsx]z!A1`)).toEqual([
      "a b",
      "S1",
      "Jan",
      "Mar",
    ]);
    expect(sheetsNamedIn("=A1+SUM(B:B)")).toEqual([]);
  });
  test("cover cells, conditional formats, chart series and names", () => {
    const st = new FakeWorkbookState();
    const a = st.addSheet("A");
    a.set(0, 0, "='zs~t~0'!A1");
    a.conditional.push({ rect: { top: 0, left: 0, bottom: 0, right: 0 }, formula: "=B!A1>0" });
    a.charts.push({ type: "Bar", series: [{ name: "", values: "'C'!A1:A2" }] });
    st.names.push({ name: "N", sheet: a, address: "$A$1" });
    expect(st.sheetRefs().map((r) => `${r.where}: ${r.sheet}`)).toEqual([
      "A!0,0: zs~t~0",
      "A conditional format: B",
      "A chart: C",
      "name N: A",
    ]);
  });
});

describe("Worksheet.delete() in the fake", () => {
  test("references to the deleted sheet become #REF!, others stay", async () => {
    const st = new FakeWorkbookState();
    st.addSheet("Gone 1");
    st.addSheet("Gone");
    const keep = st.addSheet("Keep");
    keep.set(0, 0, `='Gone 1'!A1+Gone!B2+SUM(gone!C1:C3)&"Gone!A1"`);
    keep.conditional.push({ rect: { top: 0, left: 0, bottom: 0, right: 0 }, formula: "=Gone!$A$1>0" });
    const ctx = new FakeContext(st);
    ctx.workbook.worksheets.getItem("Gone").delete();
    await ctx.sync();
    expect(keep.get(0, 0)!.formula).toBe(`='Gone 1'!A1+#REF!B2+SUM(#REF!C1:C3)&"Gone!A1"`);
    expect(keep.conditional[0].formula).toBe("=#REF!$A$1>0");
    expect(sheetsNamedIn(keep.get(0, 0)!.formula!)).toEqual(["Gone 1"]);
  });
});
