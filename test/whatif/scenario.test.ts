/**
 * Scenarios: a change set gives exactly what re-reading the edited workbook gives (the oracle: the same sheets with
 * the cell changed, read and scored from scratch), the dataset is never mutated, the diff names every mover, and
 * change sets and named scenarios are list operations and plain JSON.
 */
import ExcelJS from "exceljs";
import { checkAndScore } from "../../src/engine/pipeline";
import type { SheetData, CellValue } from "../../src/engine/types";
import type { Dataset } from "../../src/engine/dataset";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { applyChanges, WhatIfError, type Change } from "../../src/engine/whatif/changes";
import {
  deleteScenario,
  parseScenarios,
  reset,
  runScenario,
  saveScenario,
  startWhatIf,
  undo,
  withChange,
  without,
} from "../../src/engine/whatif/scenario";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { parseSettings } from "../../src/workbook/port";
import { huaibei, planSheets, sampleSheets } from "../helpers";

const chifeng = getBuiltInScheme("chifeng-2020")!;

function colIndex(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: c - 1 };
}

/** the sheets with one input cell changed, found through the dataset's own cell address */
function edit(sheets: SheetData[], data: Dataset, table: string, name: string, field: string, v: CellValue) {
  const t = data.tables[table];
  const row = t.rows.find((r) => r.name === name)!;
  const { row: r, col: c } = colIndex(row.cells[field]);
  const out = sheets.map((s) => ({ ...s, values: s.values.map((x) => [...x]) }));
  const s = out.find((x) => x.name === t.sheet)!;
  s.values[r - s.originRow][c - s.originCol] = v;
  return out;
}

const snapshot = (d: Dataset) =>
  JSON.stringify(Object.values(d.tables).map((t) => t.rows.map((r) => [r.name, r.entity, r.values])));

describe("a scenario equals the edited workbook read afresh", () => {
  const sheets = sampleSheets();
  const base = checkAndScore(sheets, huaibei);
  const w = startWhatIf(huaibei, base.dataset!, {}, base.run!);

  test("a unit's figure: totals, ranks, awards and the derived increment follow; the dataset is untouched", () => {
    const before = snapshot(base.dataset!);
    const changes: Change[] = [{ op: "set", table: "zones", key: "烈山经济开发区", field: "output", value: 190 }];
    const s = runScenario(w, changes);
    expect(snapshot(base.dataset!)).toBe(before);
    const fresh = checkAndScore(edit(sheets, base.dataset!, "zones", "烈山经济开发区", "output", 190), huaibei).run!;
    expect(s.run.entities.map((e) => [e.name, e.total, e.rank])).toEqual(
      fresh.entities.map((e) => [e.name, e.total, e.rank]),
    );
    expect(s.run.awards.map((a) => [a.entity, a.rule, a.amount])).toEqual(
      fresh.awards.map((a) => [a.entity, a.rule, a.amount]),
    );
    const i = s.run.entities.findIndex((e) => e.name === "烈山经济开发区");
    const u = s.diff.units[i];
    // 增量 151 − 125 = 26 → 65: the 2.1 tier rises from 0 to +10 (>50)
    expect(u.rules).toEqual([{ rule: "2.1", before: 0, after: 10, delta: 10 }]);
    expect(u.totalDelta).toBe(10);
    expect(u.rankBefore).toBe(4);
    expect(u.rankAfter).toBe(3);
    expect(u.arrow).toBe("↑1");
    // the unit it passed moved down and is listed; no one else moved
    expect(s.diff.moved.map((k) => s.diff.units[k].name)).toEqual(["烈山经济开发区", "淮北高新技术产业开发区"]);
    expect(s.diff.units.find((x) => x.name === "淮北高新技术产业开发区")!.arrow).toBe("↓1");
    // 烈山's better completion ratio takes the second 薪酬考核 place (0.5 分) from 濉溪, whose rank stays first
    const sx = s.diff.units.find((x) => x.name === "濉溪经济开发区")!;
    expect(sx.arrow).toBe("");
    expect(sx.awardsLost.map((a) => [a.rule, a.amount])).toEqual([["3.3", 0.5]]);
    expect(u.awardsGained.map((a) => [a.rule, a.amount])).toEqual([["3.3", 0.5]]);
    expect(s.diff.changed.sort((a, b) => a - b)).toEqual([...s.diff.moved, sx.index].sort((a, b) => a - b));
  });

  test("a new project row (two more 亿元 projects) equals the workbook with the rows added", () => {
    const s = runScenario(w, [
      {
        op: "add",
        table: "projects",
        unit: "相山经济开发区",
        values: {
          name: "新项目甲",
          planned: 120,
          actual: 25,
          statistical: true,
          manufacturing: true,
          awardedBefore: false,
        },
      },
      {
        op: "add",
        table: "projects",
        unit: "相山经济开发区",
        values: {
          name: "新项目乙",
          planned: 60,
          actual: 10,
          statistical: true,
          manufacturing: true,
          awardedBefore: false,
        },
      },
    ]);
    const ps = sheets.map((x) => ({ ...x, values: x.values.map((r) => [...r]) }));
    const p = ps.find((x) => x.name === "项目清单")!;
    const hdr = p.values.findIndex((r) => r.includes("项目名称"));
    const cols = p.values[hdr].map(String);
    const at = (h: string) => cols.findIndex((c) => c.includes(h));
    for (const [name, planned, actual] of [
      ["新项目甲", 120, 25],
      ["新项目乙", 60, 10],
    ] as const) {
      const row: CellValue[] = new Array<CellValue>(cols.length).fill(null);
      row[at("项目名称")] = name;
      row[at("所属开发区")] = "相山经济开发区";
      row[at("计划总投资")] = planned;
      row[at("完成固定资产投资")] = actual;
      row[at("是否纳统")] = "是";
      row[at("是否制造业")] = "是";
      row[at("往年已获")] = "否";
      p.values.splice(hdr + 1, 0, row);
    }
    const fresh = checkAndScore(ps, huaibei).run!;
    expect(s.run.entities.map((e) => [e.name, e.total, e.rank])).toEqual(
      fresh.entities.map((e) => [e.name, e.total, e.rank]),
    );
    const u = s.diff.units.find((x) => x.name === "相山经济开发区")!;
    expect(u.rules.find((r) => r.rule === "2.2")!.delta).toBe(15);
  });

  test("a bureau-given score (Chifeng 绿色发展) and a veto: the vetoed unit leaves the ranking, others move up", () => {
    const cs = planSheets(samplePlan(chifeng)!);
    const cb = checkAndScore(cs, chifeng);
    const cw = startWhatIf(chifeng, cb.dataset!, {}, cb.run!);
    const top = cb.run!.entities[cb.run!.order[0]].name;
    const s = runScenario(cw, [
      { op: "set", table: "parks", key: top, field: "accident", value: true },
      { op: "set", table: "parks", key: cb.run!.entities[cb.run!.order[5]].name, field: "green1", value: 0 },
    ]);
    let edited = edit(cs, cb.dataset!, "parks", top, "accident", "是");
    edited = edit(edited, cb.dataset!, "parks", cb.run!.entities[cb.run!.order[5]].name, "green1", 0);
    const fresh = checkAndScore(edited, chifeng).run!;
    expect(s.run.entities.map((e) => [e.total, e.rank])).toEqual(fresh.entities.map((e) => [e.total, e.rank]));
    const u = s.diff.units.find((x) => x.name === top)!;
    expect(u.vetoedAfter).toBe(true);
    expect(u.arrow).toBe("不再参评");
    expect(s.diff.moved.length).toBeGreaterThan(3);
    // awards by place move with the ranking: the new first takes the first prize
    expect(u.awardsLost.some((a) => a.rule === "award.rank")).toBe(true);
  });

  test("a parameter: the city's average tax per mu decides the land reward", () => {
    const s = runScenario(w, [{ op: "param", param: "avgTaxPerMu", value: 23 }]);
    const gained = s.diff.units.flatMap((u) => u.awardsGained.map((a) => [u.name, a.rule, a.amount]));
    expect(gained).toEqual([["烈山经济开发区", "2.5.land-reward", 165]]);
    const unit = huaibei.awards.find((a) => a.id === "2.5.land-reward")!.unit;
    expect(s.diff.units.find((u) => u.name === "烈山经济开发区")!.awardDelta).toEqual({ [unit]: 165 });
  });
});

describe("bad changes get a clear message naming the sheet, the row and what was expected, in either language", () => {
  const base = checkAndScore(sampleSheets(), huaibei);
  const d = base.dataset!;
  const msg = (c: Change, lang: "zh" | "en" = "zh") => {
    try {
      applyChanges(huaibei, d, [c], lang);
    } catch (e) {
      expect(e).toBeInstanceOf(WhatIfError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };
  test.each([
    [
      { op: "set", table: "zones", key: "不存在开发区", field: "output", value: 1 },
      "「开发区指标」中没有「不存在开发区」",
      "开发区指标 has no row named 不存在开发区",
    ],
    [
      { op: "set", table: "zones", key: "相山经济开发区", field: "output", value: "很多" },
      "开发区指标「相山经济开发区」 的「本年规上工业产值」不能取 很多：应为数字",
      "cannot be 很多: expected a number",
    ],
    [
      { op: "set", table: "zones", key: "相山经济开发区", field: "outputIncrement", value: 9 },
      "「规上工业产值增量」由其他列算出，不能直接修改",
      "is computed from other columns",
    ],
    [
      { op: "set", table: "zones", key: "相山经济开发区", field: "listed", value: -1 },
      "应为不小于 0 的数字",
      "expected a number not below 0",
    ],
    [
      { op: "set", table: "zones", key: "相山经济开发区", field: "name", value: "x" },
      "不能修改名称列",
      "cannot be changed",
    ],
    [
      { op: "remove", table: "zones", key: "相山经济开发区" },
      "不能删除评价对象「相山经济开发区」",
      "cannot be removed",
    ],
    [{ op: "param", param: "nope", value: 1 }, "方案没有参数 nope", "has no parameter nope"],
  ] as Array<[Change, string, string]>)("%j", (c, zh, en) => {
    expect(msg(c)).toContain(zh);
    expect(msg(c, "en")).toContain(en);
  });
  test("a whole-sheet name written with full-width brackets and spaces still finds its row", () => {
    const out = applyChanges(huaibei, d, [
      { op: "set", table: "zones", key: "安徽（淮北）新型煤化工合成材料基地 ", field: "listed", value: 1 },
    ]);
    expect(out.tables.zones.rows.find((r) => r.name.startsWith("安徽"))!.values.listed).toBe(1);
    expect(d.tables.zones.rows.find((r) => r.name.startsWith("安徽"))!.values.listed).toBe(0);
    // untouched tables are shared, not copied
    expect(out.tables.projects).toBe(d.tables.projects);
  });
});

describe("undo, reset and named scenarios", () => {
  const a: Change = { op: "set", table: "zones", key: "相山经济开发区", field: "output", value: 80 };
  const b: Change = { op: "set", table: "zones", key: "相山经济开发区", field: "output", value: 90 };
  test("list operations leave the old list as it was; undo returns to the earlier value", () => {
    const one = withChange([], a);
    const two = withChange(one, b);
    expect(one).toEqual([a]);
    expect(two).toEqual([a, b]);
    expect(undo(two)).toEqual([a]);
    expect(without(two, 0)).toEqual([b]);
    expect(reset()).toEqual([]);
    const base = checkAndScore(sampleSheets(), huaibei);
    expect(applyChanges(huaibei, base.dataset!, undo(two)).tables.zones.rows[1].values.output).toBe(80);
    expect(applyChanges(huaibei, base.dataset!, two).tables.zones.rows[1].values.output).toBe(90);
  });
  test("named scenarios round-trip through JSON; bad ones are refused with the path of the problem", () => {
    let list = saveScenario([], { name: "相山两个亿元项目", changes: [a] });
    list = saveScenario(list, { name: "产值冲刺", changes: [a, b], note: "按季度" });
    list = saveScenario(list, { name: "相山两个亿元项目", changes: [b] });
    expect(list.map((s) => s.name)).toEqual(["相山两个亿元项目", "产值冲刺"]);
    expect(parseScenarios(JSON.parse(JSON.stringify(list)))).toEqual(list);
    expect(deleteScenario(list, "产值冲刺").map((s) => s.name)).toEqual(["相山两个亿元项目"]);
    expect(() =>
      parseScenarios([{ name: "x", changes: [{ op: "set", table: "zones", key: "k", field: "f", value: {} }] }]),
    ).toThrow("[0].changes[0].value");
    expect(() =>
      parseScenarios([
        { name: "x", changes: [] },
        { name: "x", changes: [] },
      ]),
    ).toThrow("情景数据无效");
    expect(() => parseScenarios("x", "en")).toThrow("Invalid scenario data");
  });
  test("a malformed scenario is described in the user's language, naming the path of the problem", () => {
    const bad = [{ name: "x", changes: [{ op: "set", table: "zones", key: "k", field: "f", value: {} }] }];
    expect(() => parseScenarios(bad)).toThrow("情景数据无效：[0].changes[0].value：应为数字、是/否、文字或空");
    expect(() => parseScenarios(bad, "en")).toThrow("[0].changes[0].value: expected a number, yes/no, text or null");
    const twice = [
      { name: "x", changes: [] },
      { name: "x", changes: [] },
    ];
    expect(() => parseScenarios(twice)).toThrow("[1].name：“x”出现两次");
    expect(() => parseScenarios([{ name: "y", changes: [{ op: "move" }] }], "en")).toThrow(
      "[0].changes[0].op: expected set, add, remove or param",
    );
  });
  test("scenarios travel in the workbook's ZoneScore settings, beside the mapping (ExcelJS adapter)", async () => {
    const book = await ExcelJsBook.create(ExcelJS);
    await book.writeSettings({
      aliases: { 高新区: "淮北高新技术产业开发区" },
      scenarios: [{ name: "产值冲刺", changes: [a, b] }],
    });
    const again = await ExcelJsBook.load(ExcelJS, await book.toBuffer());
    const s = await again.readSettings();
    expect(s?.scenarios).toEqual([{ name: "产值冲刺", changes: [a, b] }]);
    expect(s?.aliases).toEqual({ 高新区: "淮北高新技术产业开发区" });
    // scenarios that do not parse are dropped, the rest of the settings kept
    expect(parseSettings(JSON.stringify({ aliases: {}, scenarios: [{ name: 3 }] }))).toEqual({ aliases: {} });
  });
});

test("setting inputs to the values they have changes nothing: derived fields and column means are recomputed as the reader does", () => {
  const mujun = getBuiltInScheme("mujun-template")!;
  const m = checkAndScore(planSheets(samplePlan(mujun)!), mujun);
  const ents = m.dataset!.tables[mujun.entityTable];
  const cols = mujun.params.filter((p) => p.fallbackMeanOf).map((p) => p.fallbackMeanOf!.column);
  expect(cols.length).toBeGreaterThan(0);
  const same: Change[] = cols.flatMap((f) =>
    ents.rows.slice(0, 3).map((r) => ({
      op: "set" as const,
      table: mujun.entityTable,
      key: r.name,
      field: f,
      value: r.values[f] ?? null,
    })),
  );
  const w = startWhatIf(mujun, m.dataset!, {}, m.run!);
  const s = runScenario(w, same);
  expect(s.diff.changed).toEqual([]);
  for (const p of mujun.params)
    expect([p.id, s.data.params[p.id]?.value]).toEqual([p.id, m.dataset!.params[p.id]?.value]);
  const h = checkAndScore(sampleSheets(), huaibei);
  const hw = startWhatIf(huaibei, h.dataset!, {}, h.run!);
  const z = h.dataset!.tables.zones.rows;
  const hs = runScenario(
    hw,
    z.map((r) => ({
      op: "set" as const,
      table: "zones",
      key: r.name,
      field: "output",
      value: r.values.output ?? null,
    })),
  );
  expect(hs.diff.changed).toEqual([]);
  expect(hs.data.tables.zones.rows.map((r) => r.values.outputIncrement)).toEqual(
    z.map((r) => r.values.outputIncrement),
  );
});
