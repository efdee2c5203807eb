/**
 * The 进度跟踪 sheet recalculated by LibreOffice: every completion rate, growth, status, trend and rank the sheet's
 * formulas give must equal the engine's; then an actual is edited in the input sheet, LibreOffice recalculates the
 * written file again, and the sheet must follow (the status flips) and still agree with the engine on the new data.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { getTargetScheme } from "../../src/schemes/targets";
import { runTrack } from "../../src/engine/targets";
import { parsePeriod, type TrackRun } from "../../src/engine/targets/track";
import { targetSample } from "../../src/samples/targets";
import { recalc, SOFFICE } from "./libreoffice";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-targets-oracle-"));
const period = parsePeriod("2023-09")!;

async function tracked(id: string, name: string, edit?: (wb: ExcelJS.Workbook) => void) {
  const scheme = getTargetScheme(id)!;
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(targetSample(scheme, "track"));
  let bytes = await b.toBuffer();
  if (edit) {
    // edit the file as a user would (a plain ExcelJS round trip), then read it again
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    edit(wb);
    bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }
  const again = await ExcelJsBook.load(ExcelJS, bytes);
  const r = runTrack(await again.readSheets(), scheme, period);
  const rep = await again.writeResult(r.plan);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await again.toBuffer());
  return { file, run: r.run, sheet: rep.written["targets.track"] };
}

/** rows of the track sheet after LibreOffice: [rate, status] per period, then trend, completion, rank */
async function computed(file: string, sheet: string, run: TrackRun) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const first = 6; // title, note, two header rows, 时序进度 → data from Excel row 6
  const val = (r: number, c: number) => {
    const v = ws.getRow(r).getCell(c).value as unknown;
    if (v && typeof v === "object" && "result" in (v as object)) return (v as { result: unknown }).result ?? "";
    if (v && typeof v === "object" && "formula" in (v as object)) return "";
    return v ?? "";
  };
  const np = run.periods.length;
  return run.rows.map((_, i) => {
    const r = first + i;
    const cells = run.periods.map((__, k) => ({ rate: val(r, 7 + 4 * k + 2), status: val(r, 7 + 4 * k + 3) }));
    return { cells, trend: val(r, 7 + 4 * np), completion: val(r, 8 + 4 * np), rank: val(r, 9 + 4 * np) };
  });
}

function compare(run: TrackRun, lo: Awaited<ReturnType<typeof computed>>) {
  const num = (x: unknown) => (typeof x === "number" ? x : x === "" || x === undefined ? null : x);
  run.rows.forEach((row, i) => {
    row.cells.forEach((c, k) => {
      const got = lo[i].cells[k];
      expect({ id: row.target.id, k, status: got.status }).toEqual({ id: row.target.id, k, status: c.status });
      if (c.rate === null)
        expect({ id: row.target.id, k, rate: num(got.rate) }).toEqual({ id: row.target.id, k, rate: null });
      else
        expect({ id: row.target.id, k, rate: Math.round((num(got.rate) as number) * 1e9) }).toEqual({
          id: row.target.id,
          k,
          rate: Math.round(c.rate * 1e9),
        });
    });
    const comp = row.cells[row.cells.length - 1].completion;
    if (comp === null || row.target.kind === "status") expect(num(lo[i].completion)).toBeNull();
    else expect(num(lo[i].completion) as number).toBeCloseTo(comp, 9);
    expect(num(lo[i].rank)).toBe(run.rank[i]);
  });
}

const haveSoffice = fs.existsSync(SOFFICE);

describe("进度跟踪 recalculated by LibreOffice", () => {
  it("LibreOffice is installed (npm test installs it on Debian)", () => {
    expect(haveSoffice).toBe(true);
  });

  it("yeji-2023, huaibei-2023 (before and after editing an actual) and xuancheng-2023", async () => {
    const yj = await tracked("yeji-2023", "yeji.xlsx");
    const hb = await tracked("huaibei-2023", "huaibei.xlsx");
    // 濉溪 1-9月 output 330 of 418 (78.9 % ≥ 75 %: ahead); edited to 300 (71.8 %: behind)
    const hbEdited = await tracked("huaibei-2023", "huaibei-edited.xlsx", (wb) => {
      const ws = wb.getWorksheet("月度调度")!;
      let done = false;
      ws.eachRow((row) => {
        if (!done && row.getCell(2).value === "濉溪经济开发区" && row.getCell(3).value === "规上工业产值") {
          row.getCell(7).value = 300;
          done = true;
        }
      });
      expect(done).toBe(true);
    });
    // yeji y7 工业投资 1-9月 15.8 of 21 (75.2 %: ahead) → 14 (66.7 %: behind)
    const yjEdited = await tracked("yeji-2023", "yeji-edited.xlsx", (wb) => {
      const ws = wb.getWorksheet("月度调度")!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === "y7") row.getCell(7).value = 14;
      });
    });
    // xuancheng: tasks tracked by reported status words (序时推进 counts as 超序时进度), bands (50家左右), shares
    const xc = await tracked("xuancheng-2023", "xuancheng.xlsx");
    const out = recalc([yj.file, hb.file, hbEdited.file, yjEdited.file, xc.file]);
    compare(xc.run, await computed(out[4], xc.sheet, xc.run));
    expect(xc.run.rows.find((r) => r.target.id === "S-二-一-1")!.cells[1].status).toBe("超序时进度");
    const idx = (run: TrackRun, id: string) => run.rows.findIndex((r) => r.target.id === id);
    compare(yj.run, await computed(out[0], yj.sheet, yj.run));
    compare(hb.run, await computed(out[1], hb.sheet, hb.run));
    compare(hbEdited.run, await computed(out[2], hbEdited.sheet, hbEdited.run));
    compare(yjEdited.run, await computed(out[3], yjEdited.sheet, yjEdited.run));
    const zone = "output:濉溪经济开发区";
    expect(hb.run.rows[idx(hb.run, zone)].cells[1].status).toBe("超序时进度");
    expect(hbEdited.run.rows[idx(hbEdited.run, zone)].cells[1].status).toBe("滞后");
    expect(yj.run.rows[idx(yj.run, "y7")].cells[1].status).toBe("超序时进度");
    expect(yjEdited.run.rows[idx(yjEdited.run, "y7")].cells[1].status).toBe("滞后");
  }, 240000);

  it("the written file itself follows an edited actual: edit the input cell of the result file, recalculate", async () => {
    const hb = await tracked("huaibei-2023", "huaibei-live.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(hb.file);
    const ws = wb.getWorksheet("月度调度")!;
    ws.eachRow((row) => {
      if (row.getCell(2).value === "濉溪经济开发区" && row.getCell(3).value === "规上工业产值")
        row.getCell(7).value = 300;
    });
    const edited = path.join(dir, "huaibei-live-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const [out] = recalc([edited]);
    const lo = await computed(out, hb.sheet, hb.run);
    const i = hb.run.rows.findIndex((r) => r.target.id === "output:濉溪经济开发区");
    expect(lo[i].cells[1].status).toBe("滞后");
    expect(lo[i].cells[1].rate as number).toBeCloseTo(300 / 418, 9);
  }, 120000);
});
