import ExcelJS from "exceljs";
import { checkAndScore, plan, toJson } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { OfficeBook, REQUEST_BUDGET } from "../../src/workbook/office";
import { newSheet, type ResultPlan } from "../../src/engine/output/sheet-plan";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import { FakeWorkbookState, fakeFromSheets } from "../fakes/excel";
import { huaibei, sampleSheets } from "../helpers";

async function sampleFile(): Promise<ExcelJsBook> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(huaibeiSamplePlan(huaibei));
  return ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
}

async function scoreOffice(fake: FakeWorkbookState, force = false) {
  const office = new OfficeBook(fake.run, fake.supports, "t");
  const syncs0 = fake.syncs;
  const sheets = await office.readSheets();
  const readSyncs = fake.syncs - syncs0;
  const r = checkAndScore(sheets, huaibei, { force });
  const syncs1 = fake.syncs;
  await office.writeResult(plan(huaibei, r.run!));
  return { r, readSyncs, writeSyncs: fake.syncs - syncs1, office };
}

describe("the sample scored through each path gives the same JSON", () => {
  test("engine on the plan, ExcelJS file round trip, and the Office adapter on the strict fake", async () => {
    const direct = checkAndScore(sampleSheets(), huaibei);
    const book = await sampleFile();
    const viaFile = checkAndScore(await book.readSheets(), huaibei);
    const fake = fakeFromSheets(sampleSheets());
    const { r: viaOffice, readSyncs, writeSyncs } = await scoreOffice(fake);
    const j = (x: typeof direct) => JSON.stringify(toJson("huaibei-2023", x.allIssues, x.run));
    expect(j(viaFile)).toBe(j(direct));
    expect(j(viaOffice)).toBe(j(direct));
    expect(direct.run!.entities.map((e) => e.bonus)).toEqual([120, 35, 50, 55, 50, 65]);
    // sizes first, then merged areas and cells; names and new sheets, cells and formats, swap
    expect(readSyncs).toBeLessThanOrEqual(3);
    expect(writeSyncs).toBeLessThanOrEqual(3);
    expect(fake.maxRequest()).toBeLessThan(REQUEST_BUDGET);
  });
});

describe("writing never touches the user's sheets", () => {
  test("Office: user sheets unchanged cell by cell; a second run replaces only ZoneScore's sheets", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const before = fake.sheets.map((s) => s.snapshot());
    await scoreOffice(fake);
    const count = fake.sheets.length;
    expect(fake.sheets.slice(0, before.length).map((s) => s.snapshot())).toEqual(before);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "参数",
      "开发区指标",
      "项目清单",
      "企业清单",
      "目标一览表",
      "加分汇总",
      "加分明细",
      "奖励测算",
      "校验结果",
    ]);
    await scoreOffice(fake);
    expect(fake.sheets.length).toBe(count);
    expect(fake.sheets.slice(0, before.length).map((s) => s.snapshot())).toEqual(before);
    expect(fake.names.map((n) => n.name).sort()).toEqual([
      "ZoneScore.awards",
      "ZoneScore.details",
      "ZoneScore.issues",
      "ZoneScore.summary",
    ]);
    expect(fake.active?.name).toBe("加分汇总");
  });
  test("Office: a user's own sheet called 加分汇总 is left alone; ZoneScore's renamed sheet is still recognised", async () => {
    const sheets = sampleSheets();
    sheets.push({ name: "加分汇总", originRow: 0, originCol: 0, values: [["我的笔记"]], merges: [] });
    const fake = fakeFromSheets(sheets);
    await scoreOffice(fake);
    expect(fake.sheet("加分汇总")!.get(0, 0)!.v).toBe("我的笔记");
    const ours = fake.names.find((n) => n.name === "ZoneScore.summary")!.sheet;
    expect(ours.name).toBe("加分汇总(2)");
    ours.name = "我改的名字";
    await scoreOffice(fake);
    expect(fake.sheet("我改的名字")).toBeUndefined();
    expect(fake.sheet("加分汇总")!.get(0, 0)!.v).toBe("我的笔记");
    expect(fake.sheets.length).toBe(10);
  });
  test("ExcelJS: the same, on a real file", async () => {
    const book = await sampleFile();
    const before = JSON.stringify(await book.readSheets());
    const r1 = checkAndScore(await book.readSheets(), huaibei);
    await book.writeResult(plan(huaibei, r1.run!));
    const again = await ExcelJsBook.load(ExcelJS, await book.toBuffer(), { model: true });
    expect(JSON.stringify(await again.readSheets())).toBe(before);
    const n = again.wb.worksheets.length;
    await again.writeResult(plan(huaibei, checkAndScore(await again.readSheets(), huaibei).run!));
    const third = await ExcelJsBook.load(ExcelJS, await again.toBuffer(), { model: true });
    expect(third.wb.worksheets.length).toBe(n);
    expect(JSON.stringify(await third.readSheets())).toBe(before);
    expect(third.wb.worksheets.map((w) => w.name)).toEqual([
      "参数",
      "开发区指标",
      "项目清单",
      "企业清单",
      "目标一览表",
      "加分汇总",
      "加分明细",
      "奖励测算",
      "校验结果",
    ]);
  });
});

describe("the strict fake is strict", () => {
  test("reading a property before load + sync throws", async () => {
    const fake = fakeFromSheets(sampleSheets());
    await expect(
      fake.run({}, async (ctx) => {
        const ws = ctx.workbook.worksheets;
        ws.load("items/name");
        return ws.items.length;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });
  test("a failure at any sync of a write leaves the workbook as it was", async () => {
    const base = fakeFromSheets(sampleSheets());
    const office = new OfficeBook(base.run, base.supports, "t");
    const r = checkAndScore(await office.readSheets(), huaibei);
    const p = plan(huaibei, r.run!);
    for (let k = 1; k <= 2; k++) {
      const fake = fakeFromSheets(sampleSheets());
      const before = fake.snapshot();
      fake.failAtSync = k;
      await expect(new OfficeBook(fake.run, fake.supports, "t").writeResult(p)).rejects.toThrow(/injected/);
      expect(fake.snapshot()).toBe(before);
    }
  });
  test("below ExcelApi 1.13 merges are unknown and the reader still finds the annex", async () => {
    const fake = fakeFromSheets(sampleSheets());
    fake.apiMinor = 9;
    const sheets = await new OfficeBook(fake.run, fake.supports, "t").readSheets();
    expect(sheets.every((s) => s.merges === null)).toBe(true);
    expect(checkAndScore(sheets, huaibei).run!.entities.map((e) => e.bonus)).toEqual([120, 35, 50, 55, 50, 65]);
  });
});

describe("large writes", () => {
  test("200,000 cells are split into requests under ~4 MB, one sync each, plus the swap", async () => {
    const fake = new FakeWorkbookState();
    fake.addSheet("数据").set(0, 0, "x");
    const s = newSheet("big", "大表");
    for (let r = 0; r < 20000; r++)
      s.values.push(Array.from({ length: 10 }, (_, c) => `开发区第${r}行第${c}列的较长说明文字`));
    const p: ResultPlan = { sheets: [s] };
    const office = new OfficeBook(fake.run, fake.supports, "t");
    await office.writeResult(p);
    expect(fake.maxRequest()).toBeLessThanOrEqual(REQUEST_BUDGET + 64 * 1024);
    const bytes = fake.requestBytes.reduce((a, b) => a + b, 0);
    expect(fake.syncs).toBe(Math.ceil(bytes / REQUEST_BUDGET) + 2);
    expect(fake.sheet("大表")!.get(19999, 9)!.v).toBe("开发区第19999行第9列的较长说明文字");
  });
  test("100,000 short cells go in at most three syncs (names and sheets, cells, swap)", async () => {
    const fake = new FakeWorkbookState();
    fake.addSheet("数据").set(0, 0, "x");
    const s = newSheet("big", "大表");
    for (let r = 0; r < 10000; r++) s.values.push(Array.from({ length: 10 }, (_, c) => r * 10 + c));
    await new OfficeBook(fake.run, fake.supports, "t").writeResult({ sheets: [s] });
    expect(fake.syncs).toBeLessThanOrEqual(3);
  });
});

describe("text that looks like a formula stays text", () => {
  test("a zone called =HYPERLINK(...) is written as text through Office.js and ExcelJS", async () => {
    const sheets = sampleSheets();
    const zones = sheets.find((s) => s.name === "开发区指标")!;
    zones.values[4][0] = '=HYPERLINK("http://example.invalid","x")';
    const fake = fakeFromSheets(sheets);
    await scoreOffice(fake, true);
    const summary = fake.names.find((n) => n.name === "ZoneScore.summary")!.sheet;
    const cells = [...summary.cells.values()];
    expect(cells.some((c) => c.formula)).toBe(false);
    expect(cells.some((c) => c.v === '=HYPERLINK("http://example.invalid","x")')).toBe(true);
    const file = await ExcelJsBook.create(ExcelJS);
    const r = checkAndScore(sheets, huaibei, { force: true });
    await file.writeResult(plan(huaibei, r.run!));
    const back = await ExcelJsBook.load(ExcelJS, await file.toBuffer(), { model: true });
    const ws = back.wb.getWorksheet("加分汇总")!;
    const found: unknown[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (String(c.value).startsWith("=HYPERLINK")) found.push(c.value);
      }),
    );
    expect(found).toEqual(['=HYPERLINK("http://example.invalid","x")']);
  });
});

describe("a result replaces only ZoneScore's earlier sheets of its own family", () => {
  const tracking = (v: string): ResultPlan => ({
    sheets: [{ ...newSheet("targets.track", "进度跟踪"), values: [[v]] }],
  });
  const sensitivity: ResultPlan = { sheets: [{ ...newSheet("whatif.sensitivity", "敏感性分析"), values: [["s"]] }] };
  const scoring = ["加分汇总", "加分明细", "奖励测算", "校验结果"];

  test("Office: tracking after scoring keeps the scoring sheets; scoring again keeps the tracking sheet", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const { office } = await scoreOffice(fake);
    await office.writeResult(tracking("1"));
    await office.writeResult(sensitivity);
    const names = () => fake.sheets.map((s) => s.name);
    expect(names()).toEqual(expect.arrayContaining([...scoring, "进度跟踪", "敏感性分析"]));
    await office.writeResult(tracking("2"));
    expect(names().filter((n) => n.startsWith("进度跟踪"))).toEqual(["进度跟踪"]);
    expect(fake.sheet("进度跟踪")!.get(0, 0)!.v).toBe("2");
    await scoreOffice(fake);
    expect(names().filter((n) => !sampleSheets().some((s) => s.name === n))).toEqual(
      expect.arrayContaining([...scoring, "进度跟踪", "敏感性分析"]),
    );
    expect(names().length).toBe(sampleSheets().length + scoring.length + 2);
    expect(fake.names.map((n) => n.name).sort()).toEqual(
      [
        "ZoneScore.awards",
        "ZoneScore.details",
        "ZoneScore.issues",
        "ZoneScore.summary",
        "ZoneScore.targets.track",
        "ZoneScore.whatif.sensitivity",
      ].sort(),
    );
  });

  test("Office: a write that fails keeps every family's markers as they were", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const { office } = await scoreOffice(fake);
    await office.writeResult(tracking("1"));
    const markers = fake.names.map((n) => `${n.name}→${n.sheet.name}`).sort();
    fake.failAtSync = fake.syncs + 2;
    await expect(office.writeResult(tracking("2"))).rejects.toThrow();
    fake.failAtSync = null;
    expect(fake.names.map((n) => `${n.name}→${n.sheet.name}`).sort()).toEqual(markers);
    expect(fake.sheet("进度跟踪")!.get(0, 0)!.v).toBe("1");
  });

  test.each([
    ["in memory", false],
    ["grafted into the user's package", true],
  ])("ExcelJS (%s): tracking keeps the scoring sheets and scoring keeps tracking", async (_how, reload) => {
    let book = await sampleFile();
    const again = async () => (reload ? ExcelJsBook.load(ExcelJS, await book.toBuffer()) : book);
    await book.writeResult(plan(huaibei, checkAndScore(await book.readSheets(), huaibei).run!));
    book = await again();
    await book.writeResult(tracking("1"));
    book = await again();
    await book.writeResult(plan(huaibei, checkAndScore(await book.readSheets(), huaibei).run!));
    const last = await ExcelJsBook.load(ExcelJS, await book.toBuffer(), { model: true });
    const user = ["参数", "开发区指标", "项目清单", "企业清单", "目标一览表"];
    const names = last.wb.worksheets.map((w) => w.name);
    expect(names.slice(0, user.length)).toEqual(user);
    expect(names.slice(user.length).sort()).toEqual([...scoring, "进度跟踪"].sort());
    expect([...last.markedSheets().values()].sort()).toEqual(
      [
        "ZoneScore.awards",
        "ZoneScore.details",
        "ZoneScore.issues",
        "ZoneScore.summary",
        "ZoneScore.targets.track",
      ].sort(),
    );
  });
});
