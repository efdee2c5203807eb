/**
 * Reading through Microsoft's real Office.js client (issue 14): only the cells' values travel. Excel returns an error
 * as its text ("#DIV/0!"), so a text starting with "#" is a candidate whose type is asked in one more sync (none when
 * no cell starts with "#"); requests are sized on the bytes a cell took so far, and a response too large for Excel on
 * the web is read again in smaller requests.
 */
import type { SheetData } from "../../src/engine/types";
import { OfficeBook } from "../../src/workbook/office";
import { fakeFromSheets, type FakeWorkbookState } from "../fakes/excel";
import { OfficeClientHarness, WIRE_LIMIT } from "./client";

const sheet = (name: string, values: unknown[][]): SheetData =>
  ({ name, originRow: 0, originCol: 0, values, merges: null }) as SheetData;

async function read(sheets: SheetData[], edit?: (fake: FakeWorkbookState) => void) {
  const fake = fakeFromSheets(sheets);
  edit?.(fake);
  const h = new OfficeClientHarness(fake);
  const got = await new OfficeBook(h.run, fake.supports, "t").readSheets();
  return { got, h };
}

test("an error cell reads as { error }, a text that looks like one stays text, and only '#' texts cost a sync", async () => {
  const rows = [
    ["名称", "值", "备注"],
    ["甲", { error: "#DIV/0!" }, "(the text #N/A)"],
    ["乙", 1.5, "#标签"],
    ["丙", { error: "#N/A" }, null],
  ];
  // typed with Excel's apostrophe: the text "#N/A", not the error
  const { got, h } = await read([sheet("数据", rows)], (f) => f.sheet("数据")!.set(1, 2, "'#N/A"));
  const values = got.find((s) => s.name === "数据")!.values;
  expect(values[1]).toEqual(["甲", { error: "#DIV/0!" }, "#N/A"]);
  expect(values[2]).toEqual(["乙", 1.5, "#标签"]);
  expect(values[3]).toEqual(["丙", { error: "#N/A" }, null]);
  // the same workbook without any cell starting with "#" reads in one sync less
  const plain = rows.map((r) => r.map((v) => (typeof v === "object" || String(v).includes("#") ? 0 : v)));
  const other = await read([sheet("数据", plain)]);
  expect(other.got[0].values[1]).toEqual(["甲", 0, 0]);
  expect(h.syncs()).toBe(other.h.syncs() + 1);
});

test("long texts: requests shrink until Excel answers, every answer under 5 MB, and every cell arrives", async () => {
  const text = (r: number, c: number) => `第${r}行第${c}列：` + "很长的说明文字".repeat(8);
  const rows = Array.from({ length: 20_000 }, (_, r) => Array.from({ length: 10 }, (_c, c) => text(r, c)));
  const { got, h } = await read([sheet("长文本", rows)]);
  const values = got[0].values;
  expect(values.length).toBe(20_000);
  expect(values[0][0]).toBe(text(0, 0));
  expect(values[19_999][9]).toBe(text(19_999, 9));
  // refused requests are only the too-large ones, and each answer that came back was under the limit
  expect(h.wire.filter((w) => w.error && !/PayloadSizeLimitExceeded/.test(w.error))).toEqual([]);
  expect(Math.max(...h.wire.filter((w) => !w.error).map((w) => w.responseBytes))).toBeLessThan(WIRE_LIMIT);
  // sized on what a cell cost: after the first answer no request is refused again
  const refused = h.wire.map((w, i) => (w.error ? i : -1)).filter((i) => i >= 0);
  const firstAnswer = h.wire.findIndex((w, i) => i > 1 && !w.error && w.responseBytes > 1e6);
  expect(refused.every((i) => i < firstAnswer)).toBe(true);
});
