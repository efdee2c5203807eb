import { check } from "../../src/engine/pipeline";
import { findTable } from "../../src/engine/table";
import { readBool, readNumber } from "../../src/engine/values";
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

import { safeSheetName } from "../../src/engine/plan";
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
