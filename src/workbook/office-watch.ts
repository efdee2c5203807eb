/**
 * Excel: the pane follows edits of the input sheets. One handler on `workbook.worksheets.onChanged` (ExcelApi 1.9:
 * every sheet, also those added later, in one registration); the events of a burst of typing or a paste are
 * collected for a short while (debounced), then the changed ranges are read in ONE sync (values, value types and
 * number formats, nothing else) and handed over as cell patches. Nothing is written. Sheets the pane does not read
 * (ZoneScore's own result sheets) are filtered out before anything is read, by their id.
 */
import type { CellValue, SheetData } from "../engine/types";
import { meaningfulFormat, type ExcelRunner, type SupportsFn } from "./office";

/** The cells of one changed range, as the reader sees them (errors as { error }, empty cells as null). */
export interface CellPatch {
  sheet: string;
  /** 0-based row and column of values[0][0] */
  row: number;
  col: number;
  values: CellValue[][];
  /** the formats that make a number a date, a time or a percentage, indexed like `values` (sparse) */
  formats: Array<Array<string | undefined>>;
}

export interface WatchOptions {
  /** the sheets whose edits matter (the input sheets the pane read); an edit elsewhere is ignored */
  sheets: () => ReadonlySet<string>;
  /** called once per debounced burst with every changed range, read in one sync */
  onPatches: (patches: CellPatch[]) => void;
  onError?: (e: unknown) => void;
  /** the pause after the last event before reading (default 300 ms) */
  debounceMs?: number;
}

/** What an onChanged event tells: the sheet by id and the range by address (no sheet name). */
interface Pending {
  worksheetId: string;
  address: string;
}

/** the ExcelApi version that has `worksheets.onChanged` */
export const WATCH_API = "1.9";

/** Read the changed ranges in one sync (names and ids to map each event to its sheet, then values and types). */
async function readChanged(run: ExcelRunner, pending: Pending[], wanted: ReadonlySet<string>): Promise<CellPatch[]> {
  return run({ delayForCellEdit: true }, async (ctx) => {
    const items = pending.map((p) => {
      const ws = ctx.workbook.worksheets.getItem(p.worksheetId);
      ws.load("name");
      const range = ws.getRange(p.address);
      range.load("values,valueTypes,numberFormat,rowIndex,columnIndex");
      return { ws, range };
    });
    await ctx.sync();
    return items
      .filter((x) => wanted.has(x.ws.name))
      .map(({ ws, range }) => ({
        sheet: ws.name,
        row: range.rowIndex,
        col: range.columnIndex,
        values: range.values.map((r, i) =>
          r.map((v, j) => {
            if (range.valueTypes[i][j] === "Error") return { error: String(v) };
            return v === "" || v === null || v === undefined ? null : (v as CellValue);
          }),
        ),
        formats: range.values.map((r, i) =>
          r.map((_, j) => meaningfulFormat(range.values[i][j], range.numberFormat[i]?.[j])),
        ),
      }));
  });
}

/**
 * Start following edits. Resolves to a function that stops (removes the handler); resolves to null when this Excel
 * lacks ExcelApi 1.9 (the pane then simply does not follow). Registration is one sync; the sheet ids of the input
 * sheets are loaded with it, so edits of other sheets are dropped without a read.
 */
export async function watchInputs(
  run: ExcelRunner,
  supports: SupportsFn,
  o: WatchOptions,
): Promise<(() => Promise<void>) | null> {
  if (!supports("ExcelApi", WATCH_API)) return null;
  let pending: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const ids = new Map<string, string>();
  const flush = async () => {
    timer = null;
    const batch = pending;
    pending = [];
    const wanted = o.sheets();
    const known = batch.filter((p) => !ids.has(p.worksheetId) || wanted.has(ids.get(p.worksheetId)!));
    const unique = [...new Map(known.map((p) => [`${p.worksheetId}!${p.address}`, p])).values()];
    if (!unique.length) return;
    try {
      const patches = await readChanged(run, unique, wanted);
      if (patches.length) o.onPatches(patches);
    } catch (e) {
      o.onError?.(e);
    }
  };
  const handler = async (e: Excel.WorksheetChangedEventArgs) => {
    pending.push({ worksheetId: e.worksheetId, address: e.address });
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), o.debounceMs ?? 300);
  };
  let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  // the user may be typing in a cell when the pane starts following: Excel holds the request until they leave it
  await run({ delayForCellEdit: true }, async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/id");
    result = sheets.onChanged.add(handler);
    await ctx.sync();
    for (const ws of sheets.items) ids.set(ws.id, ws.name);
  });
  return async () => {
    if (timer) clearTimeout(timer);
    // removed in the context it was added in (Excel's rule for event handlers)
    const r = result!;
    r.remove();
    await r.context.sync();
  };
}

/**
 * The patches applied to sheets read before (a copy; the sheets given are not changed). A cell outside a sheet's
 * read block grows the block; a sheet not among them is ignored.
 */
export function patchSheets<T extends Patchable>(sheets: readonly T[], patches: readonly CellPatch[]): T[] {
  const out = sheets.map((s) => ({
    ...s,
    values: s.values.map((r) => [...r]),
    formats: s.formats ? Array.from(s.formats, (r) => (r ? [...r] : undefined)) : undefined,
  }));
  for (const p of patches) {
    const s = out.find((x) => x.name === p.sheet);
    if (!s) continue;
    if (!s.values.length) {
      s.originRow = p.row;
      s.originCol = p.col;
    }
    grow(s, p.row, p.col, p.row + p.values.length - 1, p.col + (p.values[0]?.length ?? 1) - 1);
    const formats = (s.formats ??= []);
    p.values.forEach((r, i) =>
      r.forEach((v, j) => {
        const y = p.row + i - s.originRow;
        const x = p.col + j - s.originCol;
        s.values[y][x] = v;
        const f = p.formats[i]?.[j];
        if (f !== undefined) (formats[y] ??= [])[x] = f;
        else if (formats[y]) formats[y][x] = undefined;
      }),
    );
  }
  return out;
}

type Patchable = Pick<SheetData, "name" | "originRow" | "originCol" | "values" | "formats">;

/** Widen a sheet's block of values (filled with empty cells) to reach rows top…bottom and columns left…right. */
function grow(s: Omit<Patchable, "name">, top: number, left: number, bottom: number, right: number): void {
  const width = () => s.values[0]?.length ?? 0;
  if (left < s.originCol) {
    const n = s.originCol - left;
    s.values = s.values.map((r) => [...Array<CellValue>(n).fill(null), ...r]);
    s.formats = s.formats?.map((r) => (r ? [...Array<undefined>(n), ...r] : r));
    s.originCol = left;
  }
  if (top < s.originRow) {
    const n = s.originRow - top;
    s.values = [...Array.from({ length: n }, () => Array<CellValue>(width()).fill(null)), ...s.values];
    if (s.formats) s.formats = [...Array<undefined>(n), ...s.formats];
    s.originRow = top;
  }
  const w = Math.max(width(), right - s.originCol + 1);
  while (s.values.length < bottom - s.originRow + 1) s.values.push(Array<CellValue>(w).fill(null));
  s.values = s.values.map((r) => (r.length < w ? [...r, ...Array<CellValue>(w - r.length).fill(null)] : r));
}
