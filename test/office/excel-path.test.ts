/**
 * The Excel path through Microsoft's own Office.js client (test/office/client.ts): the adapter's real Excel.run
 * batches, real request JSON, sizes measured with the client's serializer, answered from the strict fake.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { buildResultPlan } from "../../src/engine/output/result-plan";
import type { Scheme } from "../../src/engine/scheme/schema";
import type { Issue, SheetData } from "../../src/engine/types";
import { newSheet, type ResultPlan } from "../../src/engine/output/sheet-plan";
import { OfficeBook, REQUEST_BUDGET } from "../../src/workbook/office";
import { FakeWorkbookState, fakeFromSheets } from "../fakes/excel";
import { sampleSheets } from "../helpers";
import { OfficeClientHarness, WIRE_LIMIT } from "./client";
import { expectFinalSheetRefs } from "./refs";
import { chifeng, chifengParks, enterprises, huaibei, huaibeiZones } from "./data";

/** what the tests print for the README's payload table */
const figures: string[] = [];
afterAll(() => {
  if (figures.length) process.stdout.write(`\nOffice.js wire figures:\n${figures.join("\n")}\n`);
});

function harness(fake: FakeWorkbookState) {
  const h = new OfficeClientHarness(fake);
  return { h, office: new OfficeBook(h.run, fake.supports, "t") };
}

/** megabytes (10^6 bytes), as REQUEST_BUDGET counts them */
const mb = (n: number) => (n / 1e6).toFixed(2);

/** read, score and write through the real client; every request and response under the wire limit */
async function roundTrip(label: string, sheets: SheetData[], scheme: Scheme, formulas: boolean) {
  const fake = fakeFromSheets(sheets);
  const { h, office } = harness(fake);
  const read = await office.readSheets();
  const readSyncs = h.syncs();
  const inputs = fake.sheets.map((x) => x.name);
  const r = checkAndScore(read, scheme, { force: true });
  expect(r.run).toBeTruthy();
  const p = plan(scheme, r.run!, formulas ? { formulas: { data: r.dataset!, sheets: read } } : {});
  const w0 = h.wire.length;
  await office.writeResult(p);
  const write = h.wire.slice(w0).filter((w) => !w.cleanup);
  expect(h.wire.filter((w) => w.error)).toEqual([]);
  expect(h.maxRequest()).toBeLessThan(WIRE_LIMIT);
  expect(h.maxResponse()).toBeLessThan(WIRE_LIMIT);
  // the budget holds as the client measures: no request over 4 MB
  expect(h.maxRequest()).toBeLessThanOrEqual(REQUEST_BUDGET);
  // formula mode: the result sheets' formulas name one another by their final names, as Excel leaves them after the swap
  if (formulas) expectFinalSheetRefs(fake, inputs);
  figures.push(
    `| ${label} | ${readSyncs} | ${mb(Math.max(...h.wire.slice(0, w0).map((w) => w.responseBytes)))} MB | ${write.length} | ${mb(Math.max(...write.map((w) => w.requestBytes)))} MB |`,
  );
  return { fake, h, office, r, p };
}

describe("sizes through the real client (every request and response < 5 MB)", () => {
  test("Huaibei sample, 6 zones: three syncs to read, three to write, and the result is there", async () => {
    const { fake, h } = await roundTrip("huaibei-2023, 6 zones (values)", sampleSheets(), huaibei, false);
    // 3 syncs to read (names and sizes, merged areas, cells), 3 to write (names, cells and formats, swap)
    expect(h.syncs()).toBeLessThanOrEqual(6);
    expect(fake.sheet("加分汇总")).toBeDefined();
  });
  test.each([
    ["values", false],
    ["formulas", true],
  ])("Huaibei, 1,000 zones (%s)", async (mode, formulas) => {
    await roundTrip(`huaibei-2023, 1,000 zones (${mode})`, huaibeiZones(1000), huaibei, formulas as boolean);
  });
  test("formula mode: 加分明细 and 奖励测算 get their AutoFilter (not equal to 0) through the real client", async () => {
    const { fake, p } = await roundTrip("huaibei-2023, 6 zones (formulas)", sampleSheets(), huaibei, true);
    for (const key of ["details", "awards"]) {
      const planned = p.sheets.find((s) => s.key === key)!.filter!;
      const af = fake.sheet(p.sheets.find((s) => s.key === key)!.name)!.autoFilter;
      expect(af).toEqual({ rect: planned.rect, column: 3, criteria: { filterOn: "Custom", criterion1: "<>0" } });
    }
    // below ExcelApi 1.9 there is no AutoFilter: the sheets are written without one
    const old = fakeFromSheets(sampleSheets());
    old.apiMinor = 8;
    const { office } = harness(old);
    const read = await office.readSheets();
    const r = checkAndScore(read, huaibei);
    await office.writeResult(plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets: read } }));
    expect(old.sheet("奖励测算")!.autoFilter).toBeNull();
    expect(old.sheet("奖励测算")!.get(3, 0)).toBeDefined();
  });
  test("Chifeng, 1,000 parks (values)", async () => {
    await roundTrip("chifeng-2020, 1,000 parks (values)", chifengParks(1000), chifeng, false);
  });
  test("Chifeng, 1,000 parks (formulas)", async () => {
    await roundTrip("chifeng-2020, 1,000 parks (formulas)", chifengParks(1000), chifeng, true);
  }, 600_000);
  test("100,000 enterprises × 10 columns: read in row blocks, written back", async () => {
    const sheets = enterprises(100_000);
    const fake = fakeFromSheets(sheets);
    const { h, office } = harness(fake);
    const read = await office.readSheets();
    expect(h.wire.filter((w) => w.error)).toEqual([]);
    const e = read.find((s) => s.name === "企业亩均数据")!;
    expect(e.values.length).toBe(sheets[1].values.length);
    expect(e.values[100_000]).toEqual(sheets[1].values[100_000]);
    const readSyncs = h.syncs();
    const readMax = h.maxResponse();
    // write the same table back as a result sheet
    const out = newSheet("copy", "企业副本");
    out.values = sheets[1].values as typeof out.values;
    const w0 = h.wire.length;
    await office.writeResult({ sheets: [out] });
    const write = h.wire.slice(w0).filter((w) => !w.cleanup);
    expect(h.wire.filter((w) => w.error)).toEqual([]);
    expect(h.maxRequest()).toBeLessThan(WIRE_LIMIT);
    expect(h.maxResponse()).toBeLessThan(WIRE_LIMIT);
    expect(h.maxRequest()).toBeLessThanOrEqual(REQUEST_BUDGET);
    expect(fake.sheet("企业副本")!.get(100_000, 0)!.v).toBe(sheets[1].values[100_000][0]);
    figures.push(
      `| 100,000 enterprises × 10 (read, write back) | ${readSyncs} | ${mb(readMax)} MB | ${write.length} | ${mb(Math.max(...write.map((w) => w.requestBytes)))} MB |`,
    );
  });
  test("a 校验结果 sheet with 20,000 findings (links, styles) stays under the limit", async () => {
    const fake = fakeFromSheets(huaibeiZones(50));
    const { h, office } = harness(fake);
    const read = await office.readSheets();
    const r = checkAndScore(read, huaibei, { force: true });
    const issues: Issue[] = Array.from({ length: 20_000 }, (_, i) => ({
      severity: i % 3 ? "warning" : "error",
      code: "number",
      sheet: "开发区指标",
      cell: `C${(i % 50) + 4}`,
      message: `第${i + 1}条：应为数字（亿元），实际为文字，请改为数字后重新校验`,
      value: `约${i}亿`,
      fix: "改为数字",
    }));
    const p = buildResultPlan(huaibei, r.run!, issues, {});
    const w0 = h.wire.length;
    await office.writeResult(p);
    const write = h.wire.slice(w0).filter((w) => !w.cleanup);
    expect(h.wire.filter((w) => w.error)).toEqual([]);
    expect(h.maxRequest()).toBeLessThanOrEqual(REQUEST_BUDGET);
    figures.push(
      `| 校验结果 with 20,000 findings | – | – | ${write.length} | ${mb(Math.max(...write.map((w) => w.requestBytes)))} MB |`,
    );
  });
});

describe("failures found through the real client", () => {
  test("3. deleting any result sheet and running again works", async () => {
    for (const gone of ["加分汇总", "加分明细", "奖励测算", "校验结果"]) {
      const fake = fakeFromSheets(sampleSheets());
      const { office } = harness(fake);
      const r = checkAndScore(await office.readSheets(), huaibei);
      const p = plan(huaibei, r.run!);
      await office.writeResult(p);
      // the user deletes one result sheet: its marker name stays, as =#REF!$A$1
      const s = fake.sheet(gone)!;
      fake.sheets = fake.sheets.filter((x) => x !== s);
      for (const n of fake.names) if (n.sheet === s) n.broken = true;
      const again = checkAndScore(await office.readSheets(), huaibei);
      await office.writeResult(plan(huaibei, again.run!));
      expect(fake.sheet(gone)).toBeDefined();
      expect(fake.names.filter((n) => n.broken)).toEqual([]);
      expect(fake.names.map((n) => n.name).sort()).toEqual([
        "ZoneScore.awards",
        "ZoneScore.details",
        "ZoneScore.issues",
        "ZoneScore.summary",
      ]);
    }
  });
  test("4. an 18-digit USCC, 00123 and 2023-01-01 come back from the written sheets exactly as typed", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const { office } = harness(fake);
    const s = newSheet("t", "文本");
    const typed = ["913406001234567890", "00123", "2023-01-01", "1.50", "TRUE", "50%", "1E5", "  7 "];
    s.values.push(["名称", "代码"]);
    for (const t of typed) s.values.push([t, t]);
    s.values.push(["数", 42]);
    await office.writeResult({ sheets: [s] });
    const back = (await office.readSheets()).find((x) => x.name === "文本");
    // our own result sheets are not input: read the cells from the workbook
    expect(back).toBeUndefined();
    const ws = fake.sheet("文本")!;
    typed.forEach((t, i) => {
      expect(ws.get(i + 1, 0)).toMatchObject({ v: t, type: "String" });
      expect(ws.get(i + 1, 1)).toMatchObject({ v: t, type: "String" });
    });
    expect(ws.get(typed.length + 1, 1)).toMatchObject({ v: 42, type: "Double" });
  });
  test("4. zone names that look like numbers or dates stay names in 加分汇总", async () => {
    const sheets = sampleSheets();
    const zones = sheets.find((x) => x.name === "开发区指标")!;
    const names = ["00123", "2023-01-01", "913406001234567890"];
    const old = zones.values.map((row) => row[0]).filter((v) => typeof v === "string" && v.endsWith("开发区"));
    const rename = new Map(old.slice(1, 4).map((o, i) => [o, names[i]]));
    expect(rename.size).toBe(3);
    // the zone's name changes everywhere it is written (zones, targets, projects, enterprises)
    for (const sh of sheets)
      for (const row of sh.values)
        row.forEach((v, c) => {
          if (typeof v === "string" && rename.has(v)) row[c] = rename.get(v)!;
        });
    const fake = fakeFromSheets(sheets);
    const { office } = harness(fake);
    const r = checkAndScore(await office.readSheets(), huaibei, { force: true });
    expect(r.run!.entities.map((e) => e.name)).toEqual(expect.arrayContaining(names));
    await office.writeResult(plan(huaibei, r.run!));
    const summary = fake.sheet("加分汇总")!;
    const texts = [...summary.cells.values()].map((c) => c.v);
    for (const n of names) expect(texts).toContain(n);
  });
  test("5. more than 512 merged areas on a sheet: the read still works and finds them", async () => {
    const sheets = sampleSheets();
    const grid: SheetData = {
      name: "合并很多",
      originRow: 0,
      originCol: 0,
      values: Array.from({ length: 1200 }, (_, r) => [`行${r}`, null, "x"]),
      merges: Array.from({ length: 600 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2 + 1, right: 1 })),
    };
    sheets.push(grid);
    const fake = fakeFromSheets(sheets);
    const { h, office } = harness(fake);
    const read = await office.readSheets();
    expect(h.wire.filter((w) => w.error && !/merged/.test(w.error))).toEqual([]);
    const m = read.find((x) => x.name === "合并很多")!;
    expect(m.merges).toHaveLength(600);
    expect(checkAndScore(read, huaibei).run!.entities.map((e) => e.bonus)).toEqual([120, 35, 50, 55, 50, 65]);
  });
  test("5. merged areas on a sheet whose name has a comma are read by index", async () => {
    const sheets = sampleSheets();
    sheets.push({
      name: "甲,乙 (2023)",
      originRow: 0,
      originCol: 0,
      values: [
        ["a", null, "b"],
        [1, 2, 3],
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 1, left: 1, bottom: 1, right: 2 },
      ],
    });
    const fake = fakeFromSheets(sheets);
    const { office } = harness(fake);
    const m = (await office.readSheets()).find((x) => x.name === "甲,乙 (2023)")!;
    expect(m.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]);
  });
  test("6. running while a cell is in edit mode waits for the user instead of failing", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const { h, office } = harness(fake);
    fake.cellEditMode = true;
    const r = checkAndScore(await office.readSheets(), huaibei);
    fake.cellEditMode = true;
    await office.writeResult(plan(huaibei, r.run!));
    expect(fake.cellEditWaits).toBe(2);
    expect(h.wire.filter((w) => !w.cleanup).every((w) => w.delayForCellEdit)).toBe(true);
    expect(fake.sheets.some((s) => s.name.startsWith("zs~"))).toBe(false);
  });
  test("7. a same-named sheet added during the write: the earlier results are kept, nothing half-written", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const { office } = harness(fake);
    const r = checkAndScore(await office.readSheets(), huaibei);
    const p = plan(huaibei, r.run!);
    await office.writeResult(p);
    // the user renames our summary (it stays ours: found by its marker name)
    fake.sheet("加分汇总")!.name = "旧汇总";
    const before = fake.snapshot();
    // then, while the next write runs, a sheet called 加分汇总 appears (another user, another add-in): the name the
    // new summary is about to take. It appears just before the swap (the sync before the last, which deletes).
    const probe = fakeFromSheets(sampleSheets());
    const { office: o2 } = harness(probe);
    await o2.writeResult(p);
    const s0 = probe.syncs;
    await o2.writeResult(p);
    const last = probe.syncs - s0;
    const start = fake.syncs;
    fake.beforeSync = (n) => {
      if (n === start + last - 1) fake.addSheet("加分汇总");
    };
    const ok = await office.writeResult(p).then(
      () => true,
      () => false,
    );
    fake.beforeSync = null;
    // the new summary cannot take its name: the write fails, and the earlier results are all there, exactly
    expect(ok).toBe(false);
    expect(fake.sheet("加分汇总")).toBeDefined();
    const s = JSON.parse(fake.snapshot());
    s.sheets = s.sheets.filter((x: string) => !x.includes('"name":"加分汇总"'));
    expect(JSON.stringify(s)).toBe(before);
    expect(fake.sheet("旧汇总")!.visibility).toBe("Visible");
    expect(fake.sheets.some((x) => x.name.startsWith("zs~"))).toBe(false);
  });
});

describe("sheets left by a write that could not finish", () => {
  test("are not read as input and are removed by the next write; a user's sheet called zs~… is left alone", async () => {
    const sheets = sampleSheets();
    sheets.push({ name: "zs~abc123~0", originRow: 0, originCol: 0, values: [["残留"]], merges: [] });
    sheets.push({ name: "zs~我的表", originRow: 0, originCol: 0, values: [["我的"]], merges: [] });
    const fake = fakeFromSheets(sheets);
    const { office } = harness(fake);
    const read = await office.readSheets();
    expect(read.map((s) => s.name)).not.toContain("zs~abc123~0");
    expect(read.map((s) => s.name)).toContain("zs~我的表");
    await office.writeResult(plan(huaibei, checkAndScore(read, huaibei).run!));
    expect(fake.sheet("zs~abc123~0")).toBeUndefined();
    expect(fake.sheet("zs~我的表")!.get(0, 0)!.v).toBe("我的");
  });
});

describe("a failure at every sync of a write, through the real client, leaves the workbook exactly as before", () => {
  async function everySync(sheets: SheetData[], make: (read: SheetData[]) => ResultPlan, twice: boolean) {
    const probe = fakeFromSheets(sheets);
    const { office: o1 } = harness(probe);
    const p = make(await o1.readSheets());
    if (twice) await o1.writeResult(p);
    const s0 = probe.syncs;
    await o1.writeResult(p);
    const n = probe.syncs - s0;
    expect(n).toBeGreaterThan(1);
    const after = probe.snapshot();
    // the formulas name the final sheets (after a second run too: the old results were renamed aside, then deleted)
    expectFinalSheetRefs(
      probe,
      sheets.map((x) => x.name),
    );
    let rejected = 0;
    for (let k = 1; k <= n; k++) {
      const fake = fakeFromSheets(sheets);
      const { office } = harness(fake);
      if (twice) await office.writeResult(p);
      const before = fake.snapshot();
      fake.failAtSync = fake.syncs + k;
      const error = await office.writeResult(p).then(
        () => null,
        (e: Error) => e,
      );
      fake.failAtSync = null;
      if (error) {
        expect(error.message).toMatch(/injected/);
        expect(fake.snapshot()).toBe(before);
        rejected++;
      } else {
        // only the last sync (deleting the replaced sheets) may fail after the new results are in place: the write
        // has then happened, and the old sheets are removed by a retry
        expect(k).toBe(n);
        expect(fake.snapshot()).toBe(after);
      }
    }
    expect(rejected).toBeGreaterThanOrEqual(n - 1);
  }
  test("first run and a second run over earlier results (sample, formulas)", async () => {
    const mk = (read: SheetData[]) => {
      const r = checkAndScore(read, huaibei);
      return plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets: read } });
    };
    await everySync(sampleSheets(), mk, false);
    await everySync(sampleSheets(), mk, true);
  });
});
