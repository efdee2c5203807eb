/**
 * The ExcelJS adapter honours a write's progress and cancel (port.ts WriteOptions), as the Office adapter does: a
 * file's workbook records the result in one step, a new workbook renders sheet by sheet; a signal aborted before the
 * commit leaves the workbook as it was (the file written is the user's, byte for byte) and rejects as cancelled.
 */
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { isWriteCancelled, writeSteps, type WriteProgress } from "../../src/workbook/port";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import { huaibei } from "../helpers";

async function sampleBytes(): Promise<Uint8Array> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(huaibeiSamplePlan(huaibei));
  return b.toBuffer();
}

async function resultOf(book: ExcelJsBook) {
  return plan(huaibei, checkAndScore(await book.readSheets(), huaibei).run!);
}

test("a file's workbook: cancelled before the commit, the file is the user's byte for byte; else recorded", async () => {
  const bytes = await sampleBytes();
  const book = await ExcelJsBook.load(ExcelJS, bytes);
  const p = await resultOf(book);
  const ctl = new AbortController();
  ctl.abort();
  const e = await book.writeResult(p, { signal: ctl.signal }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(isWriteCancelled(e)).toBe(true);
  expect(Buffer.from(await book.toBuffer()).equals(Buffer.from(bytes))).toBe(true);
  // not cancelled: progress from 0 to its total, final from the commit on, and the result is in the file
  const calls: WriteProgress[] = [];
  const report = await book.writeResult(p, { signal: new AbortController().signal, onProgress: (x) => calls.push(x) });
  const n = p.sheets.length;
  expect(calls).toEqual([
    { done: 0, total: n, final: false },
    { done: 0, total: n, final: true },
    { done: n, total: n, final: true },
  ]);
  const again = await ExcelJsBook.load(ExcelJS, await book.toBuffer(), { model: true });
  expect(Object.values(report.written).every((name) => again.wb.getWorksheet(name))).toBe(true);
});

test("a new workbook: one report per sheet rendered; cancelled before the commit, no sheet is added", async () => {
  const book = await ExcelJsBook.load(ExcelJS, await sampleBytes(), { model: true });
  const p = await resultOf(book);
  const fresh = await ExcelJsBook.create(ExcelJS);
  await fresh.addSheets(huaibeiSamplePlan(huaibei));
  const names = () => fresh.wb.worksheets.map((w) => w.name);
  const before = names();
  const ctl = new AbortController();
  // the user cancels while the write reports its first step: the commit sees it
  const e = await fresh.writeResult(p, { signal: ctl.signal, onProgress: () => ctl.abort() }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(isWriteCancelled(e)).toBe(true);
  expect(names()).toEqual(before);
  const calls: WriteProgress[] = [];
  await fresh.writeResult(p, { onProgress: (x) => calls.push(x) });
  const n = p.sheets.length;
  expect(calls.map((x) => x.done)).toEqual([0, 0, ...Array.from({ length: n }, (_, i) => i + 1), n]);
  expect(calls.map((x) => x.final)).toEqual([false, ...Array.from({ length: n + 2 }, () => true)]);
  expect(names().length).toBe(before.length + n);
});

test("writeSteps: an abort after the commit is not seen; done never decreases and stays within its total", () => {
  const calls: WriteProgress[] = [];
  const ctl = new AbortController();
  const s = writeSteps({ signal: ctl.signal, onProgress: (x) => calls.push(x) }, 10);
  s.step(4);
  s.step(2);
  s.commit(6);
  ctl.abort();
  s.step(12);
  s.end();
  expect(calls).toEqual([
    { done: 4, total: 10, final: false },
    { done: 4, total: 10, final: false },
    { done: 6, total: 10, final: true },
    { done: 10, total: 10, final: true },
    { done: 10, total: 10, final: true },
  ]);
  const early = writeSteps({ signal: ctl.signal }, 3);
  expect(() => early.step(1)).toThrow(expect.objectContaining({ name: "WriteCancelled" }) as Error);
});
