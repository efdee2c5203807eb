/**
 * The result sheets written straight to XML (sheet-xml.ts, issue 14) against ExcelJS rendering the whole plan, as the
 * file adapter wrote them before: both grafted into the same input, read back with ExcelJS, compared cell by cell
 * (values, formulas and their results, number formats, fonts, fills, borders, alignment, notes, links) and sheet by
 * sheet (merges, column widths, row heights, panes, page set-up, conditional formats, defined names).
 */
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook, filterColumns, writeSheet } from "../../src/workbook/exceljs";
import { MARKER_PREFIX, type ResultPlan } from "../../src/engine/output/sheet-plan";
import { addFilterCriteria, crc32, crcUpdate, graft, unzipPackage } from "../../src/workbook/package";
import { quoteSheet } from "../../src/workbook/port";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { xmlText } from "../../src/workbook/sheet-xml";

async function inputBytes(id: string): Promise<Uint8Array> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(samplePlan(getBuiltInScheme(id)!)!);
  return b.toBuffer();
}

async function resultPlan(id: string, bytes: Uint8Array, live: boolean): Promise<ResultPlan> {
  const scheme = getBuiltInScheme(id)!;
  const sheets = await (await ExcelJsBook.load(ExcelJS, bytes)).readSheets();
  const r = checkAndScore(sheets, scheme, { force: true });
  return plan(scheme, r.run!, {
    generatedAt: "2026-11-28 12:00",
    ...(live ? { formulas: { data: r.dataset!, sheets } } : {}),
  });
}

/** The earlier render: ExcelJS writes the whole plan into a workbook of its own, which is grafted into the input. */
async function excelJsRender(bytes: Uint8Array, p: ResultPlan, names: Record<string, string>): Promise<Uint8Array> {
  const fresh = new ExcelJS.Workbook();
  for (const s of p.sheets) {
    writeSheet(fresh.addWorksheet(names[s.key]), s, names);
    fresh.definedNames.add(`${quoteSheet(names[s.key])}!$A$1`, MARKER_PREFIX + s.key);
  }
  const written = await fresh.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
  const ours = unzipPackage(new Uint8Array(written as ArrayBuffer));
  addFilterCriteria(ours, filterColumns(p.sheets, names));
  return graft(unzipPackage(bytes), ours, { removeSheets: [], removeNames: () => false }, bytes);
}

/** As plain data; the data bars' extension id is a fresh GUID in every render */
const plain = (x: unknown) =>
  JSON.parse(JSON.stringify(x ?? null, (k, v: unknown) => (k === "x14Id" ? "(a GUID)" : v))) as unknown;

/** Everything ExcelJS reads back of a cell. */
function cellModel(c: ExcelJS.Cell): unknown {
  return plain({
    value: c.value,
    numFmt: c.numFmt,
    font: c.font,
    fill: c.fill,
    border: c.border,
    alignment: c.alignment,
    note: c.note,
  });
}

/** Everything ExcelJS reads back of a sheet, but the cells. */
function sheetModel(ws: ExcelJS.Worksheet): unknown {
  const m = ws.model as unknown as Record<string, unknown>;
  return plain({
    merges: m.merges,
    cols: m.cols,
    views: m.views,
    pageSetup: m.pageSetup,
    conditionalFormattings: m.conditionalFormattings,
    state: ws.state,
    heights: (m.rows as Array<{ number: number; height?: number; customHeight?: boolean; hidden?: boolean }>)
      .filter((r) => r.height !== undefined || r.customHeight || r.hidden)
      .map((r) => [r.number, r.height, r.hidden === true]),
    autoFilter: m.autoFilter,
  });
}

async function compare(before: Uint8Array, after: Uint8Array, names: string[]): Promise<number> {
  const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await a.xlsx.load(before as unknown as ArrayBuffer);
  await b.xlsx.load(after as unknown as ArrayBuffer);
  expect(plain(b.definedNames.model)).toEqual(plain(a.definedNames.model));
  let cells = 0;
  for (const name of names) {
    const [wa, wb] = [a.getWorksheet(name)!, b.getWorksheet(name)!];
    expect(wb).toBeDefined();
    expect(sheetModel(wb)).toEqual(sheetModel(wa));
    const rows = Math.max(wa.rowCount, wb.rowCount);
    const cols = Math.max(wa.columnCount, wb.columnCount);
    expect([wb.rowCount, wb.columnCount]).toEqual([wa.rowCount, wa.columnCount]);
    for (let r = 1; r <= rows; r++)
      for (let c = 1; c <= cols; c++) {
        const [x, y] = [cellModel(wa.getCell(r, c)), cellModel(wb.getCell(r, c))];
        if (JSON.stringify(x) !== JSON.stringify(y)) expect({ name, r, c, cell: y }).toEqual({ name, r, c, cell: x });
        cells++;
      }
  }
  return cells;
}

describe.each(["huaibei-2023", "chifeng-2020", "mujun-template"])("%s", (id) => {
  test.each([
    ["live formulas", true],
    ["values", false],
  ])(
    "the rows written as XML are the cells ExcelJS wrote (%s)",
    async (_mode, live) => {
      const bytes = await inputBytes(id);
      const p = await resultPlan(id, bytes, live);
      const book = await ExcelJsBook.load(ExcelJS, bytes);
      const report = await book.writeResult(p);
      const after = await book.toBuffer();
      const before = await excelJsRender(bytes, p, report.written);
      const cells = await compare(before, after, Object.values(report.written));
      expect(cells).toBeGreaterThan(100);
      if (live) expect(p.sheets.some((s) => (s.formulas ?? []).length > 0)).toBe(true);
    },
    300000,
  );
});

test("text is escaped as ExcelJS escapes it: entities, and control characters other than tab and newline dropped", () => {
  expect(xmlText(`a<b>&'"\u0001\t\n\r\u007f`)).toBe("a&lt;b&gt;&amp;&apos;&quot;\t\n\r");
});

test("the zip's CRC-32: the standard check value, and the same over any split of the data", () => {
  const enc = new TextEncoder();
  expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
  const data = enc.encode('淮北 ZoneScore <c r="A1"/> 0123456789'.repeat(7));
  for (const cut of [0, 1, 2, 3, 5, 17, data.length - 1])
    expect((crcUpdate(crcUpdate(-1, data.subarray(0, cut)), data.subarray(cut)) ^ -1) >>> 0).toBe(crc32(data));
});
