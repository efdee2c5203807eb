import { check } from "../../src/engine/pipeline";
import { findTable } from "../../src/engine/read/table";
import { readBool, readNumber } from "../../src/engine/read/values";
import type { SheetData } from "../../src/engine/types";
import { book, huaibei, sampleSheets } from "../helpers";

describe("the Huaibei annex, read from its merged two-row layout", () => {
  const annex = sampleSheets().find((s) => s.name === "目标一览表")!;
  test("header paths, names with line breaks and the 总计 row", () => {
    const t = findTable(annex, ["开发区"])!;
    expect(t.headerTop).toBe(1);
    expect(t.headerBottom).toBe(2);
    expect(t.columns.map((c) => c.path.join("/"))).toEqual([
      "开发区",
      "规上工业产值（亿元）/2022年",
      "规上工业产值（亿元）/2023年",
      "规上工业产值（亿元）/2024年",
      "规上工业产值（亿元）/2025年",
      "每年新开工建设工业项目/数量（个）",
      "规上工业企业（家）/2022年",
      "规上工业企业（家）/2023年",
      "规上工业企业（家）/2024年",
      "规上工业企业（家）/2025年",
      "新增上市（在审、辅导备案）企业（家）/2025年",
    ]);
    expect(t.dataRows).toHaveLength(6);
    expect(t.totalRows).toHaveLength(1);
  });
  test("targets of the year are read per zone, names matched across line breaks and bracket widths", () => {
    const c = check(sampleSheets(), huaibei);
    const targets = c.dataset!.tables.targets;
    expect(targets.rows.map((r) => [r.name, r.values.output, r.values.newProjects, r.values.enterprises])).toEqual([
      ["濉溪经济开发区", 418, 50, 148],
      ["相山经济开发区", 60, 15, 77],
      ["杜集经济开发区", 93, 15, 69],
      ["烈山经济开发区", 150, 15, 66],
      ["淮北高新技术产业开发区", 139, 35, 100],
      ["安徽（淮北）新型煤化工合成材料基地", 260, 10, 33],
    ]);
    expect(targets.rows.every((r) => r.entity >= 0)).toBe(true);
  });
  test("the annex's own total of 497 for 2023 enterprises (the zones add up to 493) is flagged at its cell", () => {
    const c = check(sampleSheets(), huaibei);
    const t = c.issues.filter((i) => i.code === "total-mismatch");
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ severity: "warning", sheet: "目标一览表", cell: "H10", value: "497", fix: "493" });
  });
  test("without merge information (older Excel) the same paths come from the layout", () => {
    const noMerges: SheetData = { ...annex, merges: null };
    const a = findTable(annex, ["开发区"])!.columns.map((c) => c.path);
    const b = findTable(noMerges, ["开发区"])!.columns.map((c) => c.path);
    expect(b).toEqual(a);
  });
});

describe("values as officials type them", () => {
  test.each([
    [12, 12],
    ["12", 12],
    ["1,234.5", 1234.5],
    ["１２３", 123],
    ["－5", -5],
    ["(123)", -123],
    [" 7 ", 7],
  ])("number %p → %p", (v, n) => expect(readNumber(v)).toEqual({ kind: "number", value: n }));
  test.each([null, "", "-", "—", "/", "无"])("missing %p", (v) => expect(readNumber(v).kind).toBe("missing"));
  test.each(["abc", "12亿x", { error: "#N/A" }])("invalid %p", (v) => expect(readNumber(v).kind).toBe("invalid"));
  test.each([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["n", false],
    ["√", true],
    ["×", false],
    [1, true],
    [0, false],
    ["TRUE", true],
    ["false", false],
    [true, true],
  ])("yes/no %p → %p", (v, b) => expect(readBool(v as string)).toEqual({ kind: "bool", value: b }));
});

describe("checks name the sheet and the cell", () => {
  test("a missing required value and a number typed as words are errors at their cells; numbers stored as text are fine", () => {
    const sheets = book({
      zones: [
        { name: "甲", output: "一百" },
        { name: "乙", output: "120" },
        { name: "丙", outputPrev: null },
      ],
    });
    const c = check(sheets, huaibei);
    const errs = c.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.sheet, i.cell]);
    // header: title row 1, header row 2, data from row 3; columns A name, B output, C outputPrev
    expect(errs).toEqual([
      ["not-a-number", "开发区指标", "B3"],
      ["missing-value", "开发区指标", "C5"],
    ]);
    expect(c.issues.find((i) => i.code === "not-a-number")!.message).toContain("不是数字");
  });
  test("a duplicate zone is flagged at each repeat after the first", () => {
    const c = check(book({ zones: [{ name: "甲" }, { name: "乙" }, { name: " 甲" }, { name: "甲\n" }] }), huaibei);
    const d = c.issues.filter((i) => i.code === "duplicate-entity" && i.sheet === "开发区指标");
    expect(d.map((i) => i.cell)).toEqual(["A5", "A6"]);
    expect(d[0].message).toContain("A3");
  });
  test("a project or enterprise in an unknown zone is an error with a suggestion", () => {
    const c = check(
      book({
        zones: [{ name: "淮北高新技术产业开发区" }],
        projects: [{ name: "P", zone: "高新技术产业开发区", planned: 1, actual: 1 }],
        enterprises: [{ name: "E", zone: "别的区", revenue: 1, prevMax: 0 }],
      }),
      huaibei,
    );
    const u = c.issues.filter((i) => i.code === "unknown-entity");
    expect(u.map((i) => [i.sheet, i.cell, i.fix])).toEqual([
      ["项目清单", "B2", "淮北高新技术产业开发区"],
      ["企业清单", "C2", undefined],
    ]);
  });
  test("a 统一社会信用代码 failing its check character is a warning", () => {
    const c = check(
      book({
        zones: [{ name: "甲" }],
        enterprises: [{ name: "E", zone: "甲", revenue: 1, prevMax: 0, uscc: "91350100M000100Y44" }],
      }),
      huaibei,
    );
    const w = c.issues.filter((i) => i.code.startsWith("uscc"));
    expect(w).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "uscc-check",
        sheet: "企业清单",
        cell: "B2",
        fix: "91350100M000100Y43",
      }),
    ]);
  });
  test("headers with a year, full-width brackets and a unit in 万元 are mapped and converted", () => {
    const sheets = book({ zones: [{ name: "甲" }] });
    const z = sheets.find((s) => s.name === "开发区指标")!;
    const hdr = z.values[1];
    hdr[1] = "2023年规上工业产值(万元)";
    hdr[2] = "2022年 规上工业总产值（亿元）";
    z.values[2][1] = 1_500_000;
    z.values[2][2] = 100;
    const c = check(sheets, huaibei);
    expect(c.errors).toBe(0);
    expect(c.dataset!.tables.zones.rows[0].values.output).toBe(150);
    expect(c.dataset!.tables.zones.rows[0].values.outputIncrement).toBe(50);
    expect(c.issues.some((i) => i.code === "unit-converted")).toBe(true);
  });
  test("no evaluation year is an error unless --year is given", () => {
    const sheets = book({ zones: [{ name: "甲" }] }).filter((s) => s.name !== "参数");
    expect(check(sheets, huaibei).issues.map((i) => i.code)).toContain("missing-year");
    expect(check(sheets, huaibei, { year: 2023 }).errors).toBe(0);
  });
});

import { safeSheetName } from "../../src/engine/output/sheet-plan";
describe("sheet names", () => {
  test("at most 31 characters, none of [ ] : * ? / \\, no edge apostrophes, not History, unique ignoring case", () => {
    expect(safeSheetName("加分汇总", [])).toBe("加分汇总");
    expect(safeSheetName("加分汇总", ["加分汇总"])).toBe("加分汇总(2)");
    expect(safeSheetName("Result", ["result", "RESULT(2)"])).toBe("Result(3)");
    expect(safeSheetName("a[b]:c*d?e/f\\g", [])).toBe("a_b__c_d_e_f_g");
    expect(safeSheetName("'quoted'", [])).toBe("quoted");
    expect(safeSheetName("History", [])).toBe("History_");
    const long = "很长的工作表名称".repeat(6);
    expect(safeSheetName(long, []).length).toBe(31);
    expect(safeSheetName(long, [long.slice(0, 31)])).toMatch(/^.{28}\(2\)$/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// issue 16.1: which sheet; 16.2: what a cell means; 15.5: plausible magnitudes

describe("16.1 the sheet is chosen with reasons", () => {
  const zones = (out: number) => [
    { name: "甲", outputPrev: 100, output: out },
    { name: "乙", outputPrev: 100, output: 100 },
  ];
  /** the huaibei book with its zone sheet twice: named and titled for two years */
  function twoYears(first: number, second: number, extra: Partial<SheetData> = {}): SheetData[] {
    const a = book({ zones: zones(first === 2023 ? 300 : 110) });
    const b = book({ zones: zones(second === 2023 ? 300 : 110) });
    const za = a.find((s) => s.name === "开发区指标")!;
    const zb = { ...b.find((s) => s.name === "开发区指标")!, ...extra };
    za.name = `${first}年指标`;
    zb.name = `${second}年指标`;
    return [...a.filter((s) => s !== za).slice(0, 1), za, zb, ...a.filter((s) => s !== za).slice(1)];
  }
  const output = (c: ReturnType<typeof check>) =>
    c.dataset!.tables.zones.rows.find((r) => r.name === "甲")!.values.output;
  test("two year sheets: the one carrying the evaluation year is taken, whichever comes first, and the choice is said", () => {
    for (const [x, y] of [
      [2022, 2023],
      [2023, 2022],
    ]) {
      const c = check(twoYears(x, y), huaibei);
      expect(c.mapping.find((m) => m.table === "zones")!.sheet).toBe("2023年指标");
      expect(output(c)).toBe(300);
      const info = c.issues.find((i) => i.code === "sheet-chosen")!;
      expect(info).toMatchObject({ severity: "info", sheet: "2023年指标" });
      expect(info.message).toContain("2022年指标");
      expect(info.message).toContain("2023");
    }
    const en = check(twoYears(2022, 2023), huaibei, { lang: "en" }).issues.find((i) => i.code === "sheet-chosen")!;
    expect(en.message).toMatch(/evaluation year/);
  });
  test("a sheet and its hidden copy: the visible one; only a very hidden one: used, with a note", () => {
    const sheets = twoYears(2023, 2023);
    sheets[1].name = "开发区指标（副本）";
    sheets[1].visibility = "hidden";
    sheets[2].name = "开发区指标";
    sheets[1].values[sheets[1].values.length - 1][0] = "甲";
    const c = check(sheets, huaibei);
    expect(c.mapping.find((m) => m.table === "zones")!.sheet).toBe("开发区指标");
    expect(c.issues.some((i) => i.code === "ambiguous-sheet")).toBe(false);
    const only = check(
      sheets
        .filter((s) => s.name !== "开发区指标")
        .map((s) => (s.visibility ? { ...s, visibility: "veryHidden" as const } : s)),
      huaibei,
    );
    expect(only.mapping.find((m) => m.table === "zones")!.sheet).toBe("开发区指标（副本）");
    expect(only.issues).toContainEqual(
      expect.objectContaining({ code: "hidden-sheet-used", sheet: "开发区指标（副本）" }),
    );
  });
  test("still ambiguous: a warning naming both and how to choose; the saved mapping chooses silently", () => {
    const sheets = twoYears(2023, 2023);
    sheets[1].name = "指标A";
    sheets[2].name = "指标B";
    const c = check(sheets, huaibei);
    const w = c.issues.find((i) => i.code === "ambiguous-sheet")!;
    expect(w.severity).toBe("warning");
    expect(w.message).toContain("指标A");
    expect(w.message).toContain("指标B");
    expect(w.message).toMatch(/映射/);
    const m = check(sheets, huaibei, { mapping: { tables: { zones: { sheet: "指标B" } } } });
    expect(m.mapping.find((x) => x.table === "zones")!.sheet).toBe("指标B");
    expect(m.issues.some((i) => i.code === "ambiguous-sheet" || i.code === "sheet-chosen")).toBe(false);
  });
  test("through the file adapter: hidden states are carried; ZoneScore's own sheets are never input", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { ExcelJsBook } = await import("../../src/workbook/exceljs");
    const { samplePlan } = await import("../../src/samples");
    const { checkAndScore, plan } = await import("../../src/engine/pipeline");
    const b = await ExcelJsBook.create(ExcelJS);
    await b.addSheets(samplePlan(huaibei)!);
    const copy = b.wb.addWorksheet("旧版开发区指标", { state: "veryHidden" });
    copy.getCell("A1").value = "开发区";
    copy.getCell("B1").value = "规上工业产值";
    const r = checkAndScore(await b.readSheets(), huaibei);
    await b.writeResult(plan(huaibei, r.run!));
    const again = await ExcelJsBook.load(ExcelJS, await b.toBuffer());
    const sheets = await again.readSheets();
    expect(sheets.find((s) => s.name === "旧版开发区指标")!.visibility).toBe("veryHidden");
    expect(sheets.find((s) => s.name === "开发区指标")!.visibility).toBeUndefined();
    expect(sheets.map((s) => s.name)).not.toContain("加分汇总");
    const c = check(sheets, huaibei);
    expect(c.mapping.find((m) => m.table === "zones")!.sheet).toBe("开发区指标");
  });
});

describe("16.2 a cell's type and format are read with its value", () => {
  async function sampleWith(edit: (ws: import("exceljs").Worksheet) => void) {
    const ExcelJS = (await import("exceljs")).default;
    const { ExcelJsBook } = await import("../../src/workbook/exceljs");
    const { samplePlan } = await import("../../src/samples");
    const b = await ExcelJsBook.create(ExcelJS);
    await b.addSheets(samplePlan(huaibei)!);
    edit(b.wb.getWorksheet("开发区指标")!);
    const again = await ExcelJsBook.load(ExcelJS, await b.toBuffer());
    return check(await again.readSheets(), huaibei);
  }
  test("a date typed into a numeric column, and a number formatted as a date, are errors at their cells", async () => {
    const c = await sampleWith((ws) => {
      ws.getCell("C5").value = new Date(Date.UTC(2023, 4, 6));
      ws.getCell("D6").numFmt = "yyyy-mm-dd";
    });
    const d = c.issues.filter((i) => i.code === "date-in-number");
    expect(d.map((i) => [i.severity, i.sheet, i.cell])).toEqual([
      ["error", "开发区指标", "C5"],
      ["error", "开发区指标", "D6"],
    ]);
    expect(d[0].message).toContain("2023-05-06");
    expect(c.errors).toBe(2);
  });
  test("a percent-formatted cell in a count column is a finding; the sample as written has none", async () => {
    const c = await sampleWith((ws) => {
      ws.getCell("E5").numFmt = "0%";
    });
    expect(c.issues).toContainEqual(
      expect.objectContaining({ code: "percent-format-in-count", sheet: "开发区指标", cell: "E5" }),
    );
    const clean = await sampleWith(() => undefined);
    expect(clean.issues.filter((i) => /date|format/.test(i.code))).toEqual([]);
  });
});

describe("15.5 plausible magnitudes", () => {
  test("non-finite and astronomically large values are errors at the cell, in tables and in parameters", () => {
    const sheets = book({
      zones: [
        { name: "甲", output: 1e300 },
        { name: "乙", newProjects: -2e15 },
        { name: "丙", output: "1e400" },
      ],
      avgTax: 5e16,
    });
    const c = check(sheets, huaibei);
    const bad = c.issues.filter((i) => i.code === "implausible-value").map((i) => [i.sheet, i.cell]);
    expect(bad).toEqual(
      expect.arrayContaining([
        ["开发区指标", "B3"],
        ["开发区指标", "D4"],
        ["参数", "B2"],
      ]),
    );
    expect(c.errors).toBeGreaterThanOrEqual(3);
    const en = check(sheets, huaibei, { lang: "en" }).issues.find((i) => i.code === "implausible-value")!;
    expect(en.message).toMatch(/implausibl/);
  });
});
