/** The Office adapter's host features on the strict fake: notes (1.18), page layout (1.9), freeze, calculation, settings. */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { newSheet } from "../../src/engine/output/sheet-plan";
import { NOTE_CAP, OfficeBook, SETTINGS_CHUNK } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { huaibei, sampleSheets } from "../helpers";

function book(apiMinor: number) {
  const fake = fakeFromSheets(sampleSheets());
  fake.apiMinor = apiMinor;
  return { fake, office: new OfficeBook(fake.run, fake.supports, "t") };
}

describe("notes (ExcelApi 1.18)", () => {
  test("at 1.18 every score cell of the summary gets its note", async () => {
    const { fake, office } = book(18);
    const r = checkAndScore(await office.readSheets(), huaibei);
    const p = plan(huaibei, r.run!);
    const want = p.sheets.find((s) => s.key === "summary")!.notes!;
    expect(want.length).toBeGreaterThan(0);
    await office.writeResult(p);
    const summary = fake.sheet("加分汇总")!;
    expect(summary.notes.size).toBe(want.length);
    for (const n of want) expect(summary.notes.get(`${n.row},${n.col}`)).toBe(n.text);
    expect(office.lastNotes).toEqual([]);
  });
  test("beyond the cap the rest are summarised in one note on A1, and the pane is told", async () => {
    const { fake, office } = book(18);
    const s = newSheet("summary", "汇总");
    for (let r = 0; r < NOTE_CAP + 10; r++) s.values.push([`单位${r}`, r]);
    s.notes = Array.from({ length: NOTE_CAP + 10 }, (_, r) => ({ row: r + 1, col: 1, text: `第${r}条依据` }));
    await office.writeResult({ sheets: [s] });
    const ws = fake.sheet("汇总")!;
    expect(ws.notes.size).toBe(NOTE_CAP);
    expect(ws.notes.get("0,0")).toMatch(/另有 11 个得分单元格未加批注/);
    expect(ws.notes.get("0,0")).toMatch(/11 more score cells have no note/);
    expect(office.lastNotes).toEqual(["notes:summary:11"]);
  });
  test("below 1.18 no note is attempted and the pane is told how many were left to the detail sheet", async () => {
    const { fake, office } = book(13);
    const r = checkAndScore(await office.readSheets(), huaibei);
    const p = plan(huaibei, r.run!);
    await office.writeResult(p);
    expect(fake.sheet("加分汇总")!.notes.size).toBe(0);
    const n = p.sheets.find((s) => s.key === "summary")!.notes!.length;
    expect(office.lastNotes).toEqual([`notes:summary:${n}`]);
    const report = await office.writeResult(p);
    expect(report.notices).toEqual([
      {
        zh: `此版本的 Excel 不支持单元格批注（需要 ExcelApi 1.18）：${n} 个得分单元格的依据见「加分明细」表。`,
        en: `This Excel cannot add cell notes (ExcelApi 1.18 needed): the basis of ${n} score cells is in the details sheet.`,
      },
    ]);
  });
});

describe("the requirement floor, ExcelApi 1.7", () => {
  test("at 1.7 a result is written without page layout (1.9) or merged areas read (1.13)", async () => {
    const { fake, office } = book(7);
    const sheets = await office.readSheets();
    expect(sheets.every((s) => s.merges === null)).toBe(true);
    const r = checkAndScore(sheets, huaibei);
    expect(r.run!.entities.map((e) => e.bonus)).toEqual([120, 35, 50, 55, 50, 65]);
    await office.writeResult(plan(huaibei, r.run!));
    expect(fake.sheet("加分汇总")!.page).toEqual({});
    expect(office.lastNotes.length).toBe(1);
    const at9 = book(9);
    await at9.office.writeResult(plan(huaibei, checkAndScore(await at9.office.readSheets(), huaibei).run!));
    expect(at9.fake.sheet("加分汇总")!.page.paperSize).toBe("A4");
  });
});

describe("freeze panes and calculation", () => {
  test("rows and columns frozen together with freezeAt (freezeRows then freezeColumns would keep only columns)", async () => {
    const { fake, office } = book(13);
    const s = newSheet("a", "冻结");
    for (let r = 0; r < 10; r++) s.values.push([r, r, r]);
    s.freeze = { rows: 3, cols: 2 };
    const t = newSheet("b", "只冻结行");
    t.values.push([1]);
    t.freeze = { rows: 1, cols: 0 };
    await office.writeResult({ sheets: [s, t] });
    expect([fake.sheet("冻结")!.frozenRows, fake.sheet("冻结")!.frozenCols]).toEqual([3, 2]);
    expect([fake.sheet("只冻结行")!.frozenRows, fake.sheet("只冻结行")!.frozenCols]).toEqual([1, 0]);
  });
  test("formulas are written with calculation suspended until the sync; values alone are not", async () => {
    const { fake, office } = book(13);
    const read = await office.readSheets();
    const r = checkAndScore(read, huaibei);
    const s0 = fake.syncs;
    await office.writeResult(plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets: read } }));
    const formulaSyncs = fake.suspendedSyncs.filter((n) => n > s0);
    expect(formulaSyncs.length).toBeGreaterThan(0);
    const s1 = fake.syncs;
    await office.writeResult(plan(huaibei, r.run!));
    expect(fake.suspendedSyncs.filter((n) => n > s1)).toEqual([]);
  });
});

describe("settings larger than a cell", () => {
  test("split down column A, read back whole, and shrunk again without leftovers", async () => {
    const { fake, office } = book(13);
    const big = {
      version: 1,
      aliases: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`别名${i}`, `开发区${i}`])),
    };
    await office.writeSettings(big as never);
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(2 * SETTINGS_CHUNK);
    const hidden = fake.names.find((n) => n.name === "ZoneScoreSettings")!.sheet;
    expect(hidden.get(2, 0)?.type).toBe("String");
    for (const c of hidden.cells.values()) expect(String(c.v).length).toBeLessThanOrEqual(32_767);
    expect(await new OfficeBook(fake.run, fake.supports, "t").readSettings()).toEqual(big);
    const small = { version: 1, aliases: { 甲: "乙" } };
    await office.writeSettings(small as never);
    expect(hidden.cells.size).toBe(1);
    expect(await new OfficeBook(fake.run, fake.supports, "t").readSettings()).toEqual(small);
  });
});
