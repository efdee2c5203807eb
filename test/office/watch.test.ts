/**
 * The pane follows edits in Excel: `worksheets.onChanged` raised by the strict fake (as Excel does: after the change,
 * asynchronously, for the user's edits and the API's writes, only once the handler is registered by a sync) reaches
 * the adapter's handler through Microsoft's own Office.js client; a burst of edits is read in ONE sync, applied to
 * the sheets read before and rescored; nothing is written.
 */
import { checkAndScore } from "../../src/engine/pipeline";
import { OfficeBook } from "../../src/workbook/office";
import { watchInputs, patchSheets, type CellPatch } from "../../src/workbook/office-watch";
import { follow } from "../../src/taskpane/follow";
import { FakeWorkbookState, fakeFromSheets, type FakeChangedArgs } from "../fakes/excel";
import { huaibei, sampleSheets } from "../helpers";
import { OfficeClientHarness } from "./client";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(f: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!f()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await tick(5);
  }
}

describe("the strict fake raises worksheets.onChanged like Excel", () => {
  test("registered only by a sync; raised after the change, asynchronously, with the sheet's id and the address", async () => {
    const fake = new FakeWorkbookState();
    const ws = fake.addSheet("数据");
    const seen: FakeChangedArgs[] = [];
    await fake.run({}, async (ctx) => {
      (ctx.workbook.worksheets.onChanged as unknown as { add(h: (a: FakeChangedArgs) => void): void }).add((a) =>
        seen.push(a),
      );
      fake.userEdit("数据", "A1", [[1]]);
      await tick(5);
      expect(seen).toEqual([]); // not registered before the sync
      await ctx.sync();
    });
    fake.userEdit("数据", "B2:C3", [
      [1, 2],
      [3, 4],
    ]);
    expect(seen).toEqual([]); // not synchronously
    expect(ws.get(1, 2)!.v).toBe(2); // the change has taken effect first
    await until(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ worksheetId: ws.id, address: "B2:C3", changeType: "RangeEdited" });
    // a write through the API raises it too
    await fake.run({}, async (ctx) => {
      ctx.workbook.worksheets.getItem("数据").getRange("D4").values = [[5]];
      await ctx.sync();
    });
    await until(() => seen.length === 2);
    expect(seen[1]).toMatchObject({ address: "D4", triggerSource: "ThisLocalAddin" });
  });

  test("below ExcelApi 1.9 the event does not exist", async () => {
    const fake = new FakeWorkbookState();
    fake.apiMinor = 8;
    await fake.run({}, async (ctx) => {
      expect(() => ctx.workbook.worksheets.onChanged).toThrow("ApiNotFound");
    });
    expect(await watchInputs(fake.run, fake.supports, { sheets: () => new Set(), onPatches: () => undefined })).toBe(
      null,
    );
  });
});

test("through the real Office.js client: an edit of an input range → one read sync and a rescore; no write", async () => {
  const sheets = sampleSheets();
  const fake = fakeFromSheets(sheets);
  fake.addSheet("别的表").set(0, 0, "x");
  const h = new OfficeClientHarness(fake);
  const office = new OfficeBook(h.run, fake.supports, "t");
  const read = await office.readSheets();
  const base = checkAndScore(read, huaibei, {});
  expect(base.run).toBeTruthy();
  const got: CellPatch[][] = [];
  const stop = await watchInputs(h.run, fake.supports, {
    sheets: () => new Set(read.map((s) => s.name).filter((n) => n !== "别的表")),
    onPatches: (p) => got.push(p),
    debounceMs: 30,
  });
  expect(stop).not.toBeNull();
  expect(fake.clientChangedRegistrations).toBe(1);

  // the user types twice in 烈山's 2023 output (a burst) and once in a sheet the pane does not read
  const zones = read.find((s) => s.name === "开发区指标")!;
  const row = zones.values.findIndex((r) => r[0] === "烈山经济开发区");
  expect(row).toBeGreaterThan(0);
  const s0 = h.syncs();
  fake.userEdit("开发区指标", `C${row + 1}`, [[190]]);
  fake.userEdit("开发区指标", `C${row + 1}`, [[200]]);
  fake.userEdit("别的表", "B2", [["y"]]);
  const edited = fake.snapshot();
  await until(() => got.length === 1);
  await tick(100);
  expect(got).toHaveLength(1);
  expect(h.syncs() - s0).toBe(1); // one read for the burst
  expect(got[0]).toEqual([{ sheet: "开发区指标", row, col: 2, values: [[200]], formats: [[undefined]] }]);
  expect(fake.snapshot()).toBe(edited); // nothing written

  // applied to the sheets read before and rescored: the zone's total and rank follow
  const f = follow(
    { sheets: read, settings: null, scheme: huaibei, lang: "zh", options: {}, written: base.run!, cellsBefore: 0 },
    got[0],
  );
  const lieshan = base.run!.entities.findIndex((e) => e.name === "烈山经济开发区");
  expect(f.run!.entities[lieshan].total).toBeGreaterThan(base.run!.entities[lieshan].total);
  expect(f.diff!.changed).toContain(lieshan);
  expect(f.diff!.moved).toContain(lieshan); // 4th → 3rd (README's gap: +24.1 亿元 lifts it a place)
  expect(f.cells).toBe(1);
  expect(f.run!.entities[lieshan].total).toBe(
    checkAndScore(patchSheets(read, got[0]), huaibei, {}).run!.entities[lieshan].total,
  );
  // the sheets read before are not changed
  expect(zones.values[row][2]).toBe(151);

  // a date typed where a figure belongs comes with its format: an error at the cell, not 45,356 亿元
  fake.userEdit("开发区指标", `C${row + 1}`, [["2024/3/5"]]);
  await until(() => got.length === 2);
  expect(got[1]).toEqual([{ sheet: "开发区指标", row, col: 2, values: [[45356]], formats: [["yyyy/m/d"]] }]);
  const dated = checkAndScore(patchSheets(read, got[1]), huaibei, {});
  expect(dated.allIssues).toContainEqual(
    expect.objectContaining({ code: "date-in-number", sheet: "开发区指标", cell: `C${row + 1}` }),
  );
  got.pop();

  // an edit of a sheet the pane does not read (known by its id): no read at all
  const s2 = h.syncs();
  fake.userEdit("别的表", "C3", [["z"]]);
  await tick(100);
  expect(h.syncs()).toBe(s2);
  expect(got).toHaveLength(1);

  await stop!();
  expect(fake.clientChangedRegistrations).toBe(0);
  const s1 = h.syncs();
  fake.userEdit("开发区指标", `C${row + 1}`, [[1]]);
  await tick(100);
  expect(h.syncs()).toBe(s1);
  expect(got).toHaveLength(1);
});
