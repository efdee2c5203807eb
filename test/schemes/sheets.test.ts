import ExcelJS from "exceljs";
import { builtInSchemeIds, getBuiltInScheme } from "../../src/schemes";
import { parseScheme, SchemeError } from "../../src/engine/scheme/schema";
import { parseParams, schemeFromSheets, schemeToPlan } from "../../src/engine/scheme/sheets";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { checkAndScore } from "../../src/engine/pipeline";
import { tableSheet } from "../../src/engine/output/template";
import type { SheetData } from "../../src/engine/types";
import { planSheets } from "../helpers";

describe("a scheme exported to JSON and to the rules sheets and read back is identical", () => {
  test.each(builtInSchemeIds())("%s through JSON", (id) => {
    const s = getBuiltInScheme(id)!;
    expect(parseScheme(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });
  test.each(builtInSchemeIds())("%s through the sheets, in an .xlsx file", async (id) => {
    const s = getBuiltInScheme(id)!;
    const book = await ExcelJsBook.create(ExcelJS);
    await book.addSheets(schemeToPlan(s));
    const back = await ExcelJsBook.load(ExcelJS, await book.toBuffer());
    expect(schemeFromSheets(await back.readSheets())).toEqual(s);
  });
});

test("parameters are readable: tiers as >50:10; >100:20, conditions with &, parameters with @", () => {
  const s = getBuiltInScheme("huaibei-2023")!;
  const rules = planSheets(schemeToPlan(s)).find((x) => x.name === "规则")!;
  const row = (id: string) => rules.values.find((r) => r[0] === id)!;
  expect(row("2.1")[6]).toBe("field=outputIncrement; >100:20; >50:10; cumulative=否");
  expect(row("2.2")[6]).toBe(
    "planned>=100 & actual>=20:10; planned>=50 & actual>=10:5; filter=statistical=是 & manufacturing=是 & awardedBefore=否; cumulative=否; subject=name",
  );
  expect(parseParams("weight=@w.x; cap=2; missing=mean-score", "benchmark-ratio")).toEqual({
    weight: { param: "w.x" },
    cap: 2,
    missing: "mean-score",
  });
});

function edit(
  sheets: SheetData[],
  name: string,
  f: (rows: Array<Array<string | number | boolean | null>>) => void,
): void {
  const s = sheets.find((x) => x.name === name)!;
  f(s.values as Array<Array<string | number | boolean | null>>);
}

test("a wrong edit is an error naming the sheet and the cell, and what is expected", () => {
  const sheets = planSheets(schemeToPlan(getBuiltInScheme("huaibei-2023")!));
  edit(sheets, "规则", (rows) => {
    rows[1][6] = "field=outputIncrement; >100:二十";
    rows[3][7] = 5;
  });
  edit(sheets, "指标", (rows) => (rows[2][8] = "也许"));
  try {
    schemeFromSheets(sheets);
    throw new Error("no error");
  } catch (e) {
    expect(e).toBeInstanceOf(SchemeError);
    const p = (e as SchemeError).problems;
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^指标!I3：.*是 或 否/),
        expect.stringMatching(/^规则!G2：“二十”不是数字/),
        expect.stringMatching(/^规则!H4：.*满分由参数决定/),
      ]),
    );
  }
  const bad = planSheets(schemeToPlan(getBuiltInScheme("huaibei-2023")!));
  edit(bad, "规则", (rows) => (rows[1][4] = "nosuchfield"));
  expect(() => schemeFromSheets(bad)).toThrow(/规则!A2.*nosuchfield/);
});

test("an imaginary city's scheme made only by editing the sheets (growth steps, tiers, entered scores, a veto, dense ranking) scores a workbook", () => {
  const sheets = planSheets(schemeToPlan(getBuiltInScheme("chifeng-2020")!));
  edit(sheets, "方案", (rows) => {
    for (const r of rows) {
      if (r[0] === "id") r[1] = "lanhu-2026";
      if (r[0] === "name") r[1] = "澜湖市开发区考评（示例）";
      if (r[0] === "ranking.ties") r[1] = "dense";
      if (r[0] === "historyTable") r[1] = null;
    }
  });
  edit(sheets, "数据表", (rows) => rows.splice(2));
  edit(sheets, "指标", (rows) => {
    rows.splice(1);
    rows.push(
      ["parks", "name", "开发区", null, "text", null, null, null, "是", "key", null, "higher", null, null, null],
      ["parks", "growth", "税收增速", null, "number", "%", null, null, "是", null, null, "higher", null, null, null],
      [
        "parks",
        "output",
        "工业产值",
        null,
        "number",
        "亿元",
        "万吨:0.5",
        null,
        "是",
        null,
        null,
        "higher",
        null,
        null,
        null,
      ],
      [
        "parks",
        "env",
        "生态环境局评分",
        null,
        "number",
        "分",
        null,
        null,
        "否",
        null,
        null,
        "higher",
        null,
        null,
        null,
      ],
      [
        "parks",
        "accident",
        "发生安全事故",
        null,
        "bool",
        null,
        null,
        null,
        "否",
        null,
        "否",
        "higher",
        null,
        null,
        null,
      ],
    );
  });
  edit(sheets, "分组", (rows) => {
    rows.splice(1);
    rows.push(["g", "发展", 80, "是", null], ["e", "环境", 20, "是", null]);
  });
  edit(sheets, "规则", (rows) => {
    rows.splice(1);
    rows.push(
      ["v", "第九条", null, "score", "accident", "veto", "reason=发生安全事故", null, "安全", "发生安全事故的不予评价"],
      [
        "g1",
        "第三条",
        "g",
        "score",
        "growth",
        "growth-steps",
        "baseShare=0.8; stepPct=5; stepPoints=1; bonusCapShare=0.5",
        40,
        "税收增速",
        "保持基数得80%，每增长5%加1分，加分不超过50%",
      ],
      [
        "g2",
        "第四条",
        "g",
        "score",
        "parks",
        "tiers",
        "field=output; >=100:40; >=50:20",
        null,
        "产值",
        "产值达到50亿元、100亿元分别得20分、40分",
      ],
      ["e1", "第五条", "e", "score", "env", "entered", null, 20, "环境", "由生态环境局评分"],
    );
  });
  edit(sheets, "奖励规则", (rows) => rows.splice(1));
  edit(sheets, "结果运用规则", (rows) => rows.splice(1));
  const scheme = schemeFromSheets(sheets);
  expect(scheme.id).toBe("lanhu-2026");
  expect(scheme.ranking.ties).toBe("dense");

  const data = tableSheet(
    "parks",
    "园区指标",
    ["开发区", "税收增速（%）", "工业产值（亿元）", "生态环境局评分", "发生安全事故"].map((h, i) => ({
      path: [h],
      key: String(i),
    })),
    [
      { 0: "东湖开发区", 1: 12, 2: 120, 3: 18, 4: "否" },
      { 0: "西湖开发区", 1: 25, 2: 60, 3: 25, 4: "否" },
      { 0: "南湖开发区", 1: -10, 2: 100, 3: 16, 4: "否" },
      { 0: "北湖开发区", 1: 30, 2: 200, 3: 20, 4: "是" },
    ],
  );
  const r = checkAndScore(
    planSheets({
      sheets: [
        { ...data },
        {
          key: "p",
          name: "参数",
          values: [["考评年度", 2026]],
          merges: [],
          widths: [],
          numberFormats: [],
          styles: [],
          links: [],
        },
      ],
    }),
    scheme,
  );
  expect(r.errors).toBe(0);
  const e = Object.fromEntries(r.run!.entities.map((x) => [x.name, x]));
  // 东湖: growth 12% → 32 + 2 = 34; output 120 → 40; g capped at 80 → 74; env 18 → 92
  expect(e["东湖开发区"].total).toBe(92);
  // 西湖: 25% → 32 + 5 = 37; output 60 → 20 → 57; env 25 → 20 (warned) → 77
  expect(e["西湖开发区"].total).toBe(77);
  // 南湖: −10% → 32 × 0.9 = 28.8; 100 → 40; env 16 → 84.8
  expect(e["南湖开发区"].total).toBeCloseTo(84.8, 9);
  expect(e["北湖开发区"].vetoed).toBe(true);
  expect([e["东湖开发区"].rank, e["南湖开发区"].rank, e["西湖开发区"].rank, e["北湖开发区"].rank]).toEqual([
    1,
    2,
    3,
    null,
  ]);
  expect(r.run!.issues.some((i) => i.code === "entered-out-of-range")).toBe(true);
});

test("an invalid scheme is rejected with messages naming the rule and the field", () => {
  const s = JSON.parse(JSON.stringify(getBuiltInScheme("chifeng-2020")!));
  s.rules[2].points = -6;
  s.rules[5].field = "nosuch";
  s.rules[8].group = "nogroup";
  try {
    parseScheme(s);
    throw new Error("accepted");
  } catch (e) {
    expect((e as SchemeError).problems.join("\n")).toMatch(/rules\[1\.1\]\.points/);
  }
  s.rules[2].points = 6;
  expect(() => parseScheme(s)).toThrow(/规则 1\.4 .*nosuch[\s\S]*规则 2\.2 .*nogroup/);
});

test("per-indicator accepted units convert (万元/吨标煤, 元/吨标准煤 for 单位能耗增加值)", () => {
  const m = getBuiltInScheme("mujun-template")!;
  const col = m.tables[0].columns.find((c) => c.id === "vaPerEnergy")!;
  expect(col.units).toEqual({ "万元/吨标煤": 1, "元/吨标准煤": 0.0001 });
});
