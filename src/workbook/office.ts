/**
 * The Office.js adapter, checked against Microsoft's own Office.js client (test/office/client.ts).
 *
 * Reading: one sync for the sheet names, markers and each sheet's dimensions (and merged areas, per sheet, by index,
 * with a fallback when a sheet has more than Excel's 512), then the cells in row blocks sized to stay well under the
 * 5 MB a response may carry on Excel on the web (halved and retried if Excel still refuses).
 * Writing: everything goes into temporary sheets first, in requests of at most REQUEST_BUDGET bytes as the client
 * serialises them (halved and retried on RequestPayloadSizeLimitExceeded); then one sync swaps them in (earlier result
 * sheets are renamed aside and hidden, the new ones take their names, the markers move) and a last one deletes the old
 * sheets. A failure before the swap completes restores the workbook exactly; a failure of the last deletion leaves the
 * new results in place and the old ones hidden, removed by a retry or by the next run.
 * Every batch asks Excel to wait while the user is editing a cell (delayForCellEdit).
 */
import { a1ToR1C1 } from "./r1c1";
import type { CellValue, Rect, SheetData } from "../engine/types";
import {
  MARKER_PREFIX,
  rectangular,
  replacedBy,
  safeSheetName,
  TONE_FILL,
  TONE_FONT,
  type PlanSheet,
  type PlanStyle,
  type PlanValue,
  type ResultPlan,
} from "../engine/output/sheet-plan";
import { a1 } from "../engine/read/normalise";
import { formatKind } from "../engine/read/values";
import { t, type TextKey, type Vars } from "../engine/i18n";
import { resolveSheetRefs } from "../engine/output/result-plan";
import {
  parseSettings,
  quoteSheet,
  SETTINGS_NAME,
  SETTINGS_SHEET,
  sheetOfReference,
  WorkbookError,
  type CellWrite,
  type FillReport,
  type Settings,
  writeSteps,
  type WorkbookPort,
  type WriteOptions,
  type WriteReport,
} from "./port";

/** Excel.run(options, batch) */
/** Excel.run(options, batch) */
export type ExcelRunner = <T>(
  options: { delayForCellEdit?: boolean },
  batch: (ctx: Excel.RequestContext) => Promise<T>,
) => Promise<T>;
export type SupportsFn = (set: string, version: string) => boolean;

/** Largest request we send in one sync, as the client serialises it; Excel on the web refuses requests over 5 MB. */
export const REQUEST_BUDGET = 4_000_000;
/**
 * Cells read in the first sync: values and number formats cost ≈ 20 bytes a cell of numbers and short names in the
 * response (≤ 5 MB on the web); later syncs are sized on the bytes a cell took so far (READ_BYTES a response), and a
 * request Excel still refuses (long texts) is halved and read again.
 */
export const READ_CELLS = 180_000;
/** What a read response aims at, under Excel on the web's 5 MB (5,242,880 bytes) with room for the JSON around it. */
export const READ_BYTES = 3_800_000;
/** Notes Excel keeps per workbook, as ZoneScore counts them; the rest are summarised in one note. */
export const NOTE_CAP = 5000;
/** A cell holds at most 32,767 characters: longer settings are split down column A. */
export const SETTINGS_CHUNK = 30_000;
/** Temporary sheets (ours while a write runs, or left by a write that could not finish) start with this. */
export const TEMP_PREFIX = "zs~";
/** exactly the names ZoneScore gives temporary sheets (zs~<tag>~<n>, zs~old~<tag>~<n>): a user's sheet never matches */
const TEMP_NAME = /^zs~(old~)?[0-9a-z]{1,8}~\d{1,3}$/;
export const isTempSheet = (name: string): boolean => TEMP_NAME.test(name);

const OPTIONS = { delayForCellEdit: true };

/** A number's format when it makes the number a date, a time or a percentage (what the reader records), else none. */
export function meaningfulFormat(value: unknown, format: unknown): string | undefined {
  if (typeof value !== "number" || typeof format !== "string") return undefined;
  const kind = formatKind(format);
  return kind === "date" || kind === "percent" ? format : undefined;
}

/** Bytes of a JSON value in UTF-8, as the client sends it. */
export function jsonBytes(v: unknown): number {
  const t = JSON.stringify(v);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/**
 * Request bytes of a block of values: the JSON array, plus the client's split into 1,500-cell pieces (≈ 600 bytes
 * each).
 */
export function payloadBytes(values: ReadonlyArray<ReadonlyArray<unknown>>): number {
  const cells = values.length * (values[0]?.length ?? 0);
  return jsonBytes(values) + 600 * Math.ceil(cells / 1500) + 300;
}

/**
 * Bytes one queued operation costs in a request as the real client writes it (untracked range path, its
 * instantiation, the action), measured with @microsoft/office-js over 10,000 operations and rounded up ~8%: a column
 * width or row height ≈ 520, a merge ≈ 365, a link ≈ 380 + its JSON, a number format ≈ 370 + its grid, a style ≈ 400
 * + 113 per property set + 148 per font/fill object.
 */
const OP_BYTES = 560;
const MERGE_BYTES = 400;
const LINK_BYTES = 420;
const styleBytes = (setters: number, objects: number) => 430 + 125 * setters + 160 * objects;

/**
 * A value written so that Excel keeps it exactly: every text gets a leading apostrophe (Excel's own "this is text"
 * mark, not part of the value), so "00123", an 18-digit code, "2023-01-01", "TRUE" or "=x" are never parsed.
 */
export function safeValue(v: PlanValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string") return v === "" ? "" : "'" + v;
  return v;
}

function errorCode(e: unknown): string {
  const x = e as { code?: string; message?: string };
  return x?.code ?? (/^([A-Za-z]+):/.exec(String(x?.message ?? e))?.[1] || "");
}
const tooLarge = (e: unknown) =>
  errorCode(e) === "RequestPayloadSizeLimitExceeded" || /payload size|PayloadSizeLimit/i.test(String(e));

const FILL: Partial<Record<PlanStyle, string>> = { header: "#DDEBF7", top: "#FFF2CC", vetoed: "#E7E6E6" };
const FONT_COLOR: Partial<Record<PlanStyle, string>> = {
  subtitle: "#666666",
  note: "#666666",
  error: "#C00000",
  warning: "#C65911",
  vetoed: "#808080",
};

/** A piece of a write: queues its operations; `bytes` is what they cost in a request. */
interface Piece {
  bytes: number;
  queue: () => void;
  formulas?: boolean;
}

export class OfficeBook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRunner,
    private readonly supports: SupportsFn,
    /** for tests: a fixed suffix for temporary sheet names */
    private readonly tempTag: string = Math.random().toString(36).slice(2, 8),
  ) {}

  /** the settings found by the last readSheets */
  private settings: Settings | null | undefined;
  /** what the last write could not do (notes beyond the cap, features the host lacks), for the pane to say */
  lastNotes: string[] = [];

  async readSettings(): Promise<Settings | null> {
    if (this.settings === undefined) await this.readSheets();
    return this.settings ?? null;
  }

  async writeSettings(settings: Settings): Promise<void> {
    const text = JSON.stringify(settings);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += SETTINGS_CHUNK) chunks.push(text.slice(i, i + SETTINGS_CHUNK));
    await this.run(OPTIONS, async (ctx) => {
      const { sheets, names } = loadNames(ctx);
      await ctx.sync();
      const existing = names.items.find((n) => n.name === SETTINGS_NAME);
      const sheetName = existing ? sheetOfReference(existing.formula) : null;
      let ws: Excel.Worksheet;
      let old = 0;
      if (sheetName && sheets.items.some((x) => x.name === sheetName)) {
        ws = sheets.getItem(sheetName);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        await ctx.sync();
        old = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      } else {
        ws = sheets.add(
          safeSheetName(
            SETTINGS_SHEET,
            sheets.items.map((x) => x.name),
          ),
        );
        ws.visibility = "VeryHidden";
        if (existing) existing.delete();
        names.add(SETTINGS_NAME, ws.getRange("A1"));
      }
      const rows = Math.max(chunks.length, old);
      ws.getRangeByIndexes(0, 0, rows, 1).values = Array.from({ length: rows }, (_, i) =>
        i < chunks.length ? ["'" + chunks[i]] : [""],
      );
      await ctx.sync();
    });
    this.settings = settings;
  }

  async readSheets(): Promise<SheetData[]> {
    const merges = this.supports("ExcelApi", "1.13");
    return this.run(OPTIONS, async (ctx) => {
      // 1. names, markers and the size of every sheet (no cells yet)
      const { dims, settingsRange, areas, banded } = await readSizes(ctx, merges);
      this.settings = null;
      if (settingsRange && !settingsRange.isNullObject)
        this.settings = parseSettings(settingsRange.values.map((r) => String(r[0] ?? "")).join(""));

      // 2. merged areas by index (no address parsing: sheet names may hold commas), then the cells in row blocks
      const { rects, collections } = queueMergeAreas(dims, areas, merges);
      const out: SheetData[] = dims.map(({ name, used }) =>
        used.isNullObject
          ? { name, originRow: 0, originCol: 0, values: [], merges: null }
          : { name, originRow: used.rowIndex, originCol: used.columnIndex, values: [], merges: null },
      );
      await readBlocks(ctx, dims, out, () =>
        collections.forEach((c, i) => {
          if (c) rects[i] = c.items.map((r) => rectOf(r.rowIndex, r.columnIndex, r.rowCount, r.columnCount));
        }),
      );
      out.forEach((s, i) => (s.merges = s.values.length ? rects[i] : merges && rects[i] !== null ? [] : null));
      for (const name of banded) {
        const i = dims.findIndex((d) => d.name === name);
        const s = out[i];
        if (!s.values.length) continue;
        s.merges = await bandMerges(ctx, name, s.originRow, s.originCol, s.values.length, s.values[0]?.length ?? 0);
      }
      return out;
    });
  }

  /** Progress (bytes) after each sync of the pieces and at the swap; a cancel before the swap undoes it exactly. */
  writeResult(plan: ResultPlan, opts?: WriteOptions): Promise<WriteReport> {
    return this.write(plan, true, opts);
  }

  addSheets(plan: ResultPlan, opts?: WriteOptions): Promise<WriteReport> {
    return this.write(plan, false, opts);
  }

  /**
   * Fill cells of the user's own sheet (confirmed by the user): one sync reads what the cells hold now (formula,
   * value, type, the merged area they lie in), one sync writes those that are empty (or hold exactly `replaces`) and
   * are not inside a merged area other than at its top-left; every other cell is refused and reported. Texts get the
   * leading apostrophe (never read as a formula, number or date).
   */
  async fillCells(sheet: string, cells: readonly CellWrite[]): Promise<FillReport> {
    return this.run(OPTIONS, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const ranges = cells.map((c) => ws.getRangeByIndexes(c.row, c.col, 1, 1).load("formulas,values,valueTypes"));
      // the merged area a cell lies in (ExcelApi 1.13): only its top-left cell may be written
      const merged = this.supports("ExcelApi", "1.13")
        ? ranges.map((r) => r.getMergedAreasOrNullObject().load("address"))
        : null;
      await ctx.sync().catch((e: unknown) => {
        throw errorCode(e) === "ItemNotFound" ? new WorkbookError("workbook.fill.noSheet", { sheet }) : e;
      });
      const report: FillReport = { filled: [], refused: [] };
      cells.forEach((c, i) => {
        const r = ranges[i];
        const cell = a1(c.row, c.col);
        const area =
          merged && !merged[i].isNullObject ? merged[i].address.slice(merged[i].address.lastIndexOf("!") + 1) : "";
        if (area && area.split(":")[0].replace(/\$/g, "") !== cell) {
          report.refused.push({ cell, found: area, reason: "merged" });
          return;
        }
        const f = r.formulas[0][0];
        const v = r.values[0][0];
        const formula = typeof f === "string" && f.startsWith("=");
        const empty = !formula && (r.valueTypes[0][0] === "Empty" || (typeof v === "string" && !v.trim()));
        const ok = c.replaces === undefined ? empty : !formula && v === c.replaces;
        if (!ok) {
          const found = formula ? String(f) : String(v ?? "");
          report.refused.push({ cell, found, reason: c.replaces === undefined ? "filled" : "changed" });
          return;
        }
        r.values = [[safeValue(c.value)]];
        report.filled.push(cell);
      });
      if (report.filled.length) await ctx.sync();
      return report;
    });
  }

  /** Select a cell (clicking an issue in the pane). One sync. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(OPTIONS, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  private async write(plan: ResultPlan, mark: boolean, opts?: WriteOptions): Promise<WriteReport> {
    const temps = plan.sheets.map((_, i) => `${TEMP_PREFIX}${this.tempTag}~${i}`);
    const aside = (i: number) => `${TEMP_PREFIX}old~${this.tempTag}~${i}`;
    const feature = {
      links: this.supports("ExcelApi", "1.7"),
      page: this.supports("ExcelApi", "1.9"),
      notes: this.supports("ExcelApi", "1.18"),
      conditional: this.supports("ExcelApi", "1.6"),
      filter: this.supports("ExcelApi", "1.9"),
    };
    this.lastNotes = [];
    const w: WriteState = { plan, mark, temps, aside, feature, before: null, swapped: false, removeAfter: [], opts };
    try {
      const report = await this.run(OPTIONS, (ctx) => this.writeIn(ctx, w));
      if (w.removeAfter.length) await this.removeSheets(w.removeAfter).catch(() => undefined);
      return report;
    } catch (e) {
      if (!w.swapped) await this.restore(w.before, temps).catch(() => undefined);
      throw e;
    }
  }

  /** The write inside one batch: temporary sheets filled, then swapped for the old results, which go last. */
  private async writeIn(ctx: Excel.RequestContext, w: WriteState): Promise<WriteReport> {
    const o = await openWrite(ctx, w);
    w.before = {
      old: o.old,
      dangling: o.dangling.map((n) => ({ name: n.name, formula: n.formula })),
      temps: [],
      markers: w.plan.sheets.map((p) => MARKER_PREFIX + p.key),
    };
    w.before.temps = o.added.map((ws) => ws.id);
    // 1. everything into temporary sheets, in requests under the budget (a cancel is seen between syncs)
    const pieces = queueTemps(w, o.added, this.lastNotes);
    // progress in bytes sent (the pieces' estimates): even in time, whatever the pieces' sizes
    const upTo = pieces.reduce((a, x) => (a.push(a[a.length - 1] + x.bytes), a), [0]);
    const steps = writeSteps(w.opts, upTo[pieces.length]);
    steps.step(0);
    await send(ctx, pieces, (i) => steps.step(upTo[i]));
    // 2. the swap, in one sync: old results aside (hidden), the new ones take their names, the markers move
    steps.commit(upTo[pieces.length]);
    const written = queueSwap(w, o);
    await ctx.sync();
    w.swapped = true;
    steps.end();
    // 3. the old sheets (and leftovers of an earlier failed write) go last
    const gone = [...o.old.map((_, i) => w.aside(i)), ...o.leftovers];
    if (gone.length) {
      for (const g of gone) o.sheets.getItem(g).delete();
      // the write has happened: if this fails, the hidden old sheets go in a retry (or with the next run)
      await ctx.sync().catch(() => (w.removeAfter = gone));
    }
    return { written, replaced: o.old.map((x) => x.name), notices: this.notices(w.feature) };
  }

  /** Delete the sheets that are still there (a retry of the write's last step). */
  private async removeSheets(list: string[]): Promise<void> {
    await this.run(OPTIONS, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const left = sheets.items.filter((x) => list.includes(x.name));
      if (!left.length) return;
      for (const x of left) sheets.getItem(x.name).delete();
      await ctx.sync();
    });
  }

  /** What the pane should say about this write: notes left out, features this Excel lacks. */
  private notices(feature: { links: boolean; page: boolean; notes: boolean }): Array<{ zh: string; en: string }> {
    const out: Array<{ zh: string; en: string }> = [];
    const both = (key: TextKey, vars: Vars = {}) => ({ zh: t("zh", key, vars), en: t("en", key, vars) });
    const skipped = this.lastNotes.reduce((n, x) => n + Number(x.split(":")[2] ?? 0), 0);
    if (skipped && !feature.notes) out.push(both("workbook.notice.noNotes", { n: skipped }));
    else if (skipped) out.push(both("workbook.notice.notesCap", { n: skipped, cap: NOTE_CAP }));
    if (!feature.page) out.push(both("workbook.notice.noPage"));
    return out;
  }

  /** Undo a write that failed before its swap completed: the workbook as it was. */
  private async restore(before: Before | null, temps: string[]): Promise<void> {
    await this.run(OPTIONS, async (ctx) => {
      const { sheets, names } = loadNames(ctx, true);
      await ctx.sync();
      // the new sheets, whatever name they have reached (by id), and any temporary sheet of this write
      for (const x of sheets.items)
        if ((before?.temps ?? []).includes(x.id) || temps.includes(x.name)) sheets.getItem(x.id).delete();
      if (before) {
        for (const o of before.old) {
          const ws = sheets.getItem(o.id);
          ws.name = o.name;
          ws.visibility = o.visibility as Excel.SheetVisibility;
        }
        const want = new Set([...before.old.map((o) => o.marker), ...before.dangling.map((d) => d.name)]);
        // the markers this write moved or added; other families' markers were never touched
        const touched = new Set([...before.markers, ...before.old.map((o) => o.marker)]);
        for (const n of names.items) if (touched.has(n.name)) names.getItem(n.name).delete();
        for (const o of before.old) names.add(o.marker, sheets.getItem(o.id).getRange("A1"));
        for (const d of before.dangling) if (want.has(d.name)) names.add(d.name, d.formula);
      }
      await ctx.sync();
    });
  }
}

/** One write: the plan, the temporary names, what this Excel supports, and how far the write got. */
interface WriteState {
  plan: ResultPlan;
  /** result sheets (marked, replacing the earlier run's) rather than sheets that become the user's */
  mark: boolean;
  temps: string[];
  /** the name an old result sheet takes while it is set aside */
  aside: (i: number) => string;
  feature: Features;
  /** the workbook before the write, for undoing it */
  before: Before | null;
  swapped: boolean;
  /** old sheets to delete in a retry when the last step failed */
  removeAfter: string[];
  /** progress and cancel (port.ts WriteOptions) */
  opts?: WriteOptions;
}

/** The temporary sheets added, and what the workbook holds of earlier runs: their sheets, markers and leftovers. */
async function openWrite(ctx: Excel.RequestContext, w: WriteState) {
  const { sheets, names } = loadNames(ctx, true);
  const added = w.plan.sheets.map((_, i) => sheets.add(w.temps[i]));
  added.forEach((ws) => ws.load("id"));
  await ctx.sync();
  const real = new Set(sheets.items.map((x) => x.name));
  // only earlier sheets of the families this plan writes are replaced (tracking keeps the scoring result)
  const replaces = replacedBy(w.plan);
  const marked = w.mark ? markedSheets(names.items, real) : new Map<string, string>();
  const ours = new Map([...marked].filter(([, m]) => replaces(m.slice(MARKER_PREFIX.length))));
  // markers whose sheet is gone (the user deleted it: =#REF!$A$1) are removed with the others
  const dangling = w.mark
    ? names.items.filter((n) => n.name.startsWith(MARKER_PREFIX) && !marked.has(sheetOfReference(n.formula) ?? ""))
    : [];
  // sheets left by a write that could not finish
  const leftovers = sheets.items.filter((x) => isTempSheet(x.name)).map((x) => x.name);
  const old = [...ours].map(([sheet, marker]) => {
    const item = sheets.items.find((x) => x.name === sheet)!;
    return { id: item.id, name: sheet, marker, visibility: item.visibility };
  });
  return { sheets, names, added, real, ours, dangling, leftovers, old };
}
type Opened = Awaited<ReturnType<typeof openWrite>>;

/** Values, formulas and formatting of every sheet as pieces; notes over the cap are recorded in `lastNotes`. */
function queueTemps(w: WriteState, added: Excel.Worksheet[], lastNotes: string[]): Piece[] {
  const pieces: Piece[] = [];
  const tempNames = Object.fromEntries(w.plan.sheets.map((x, j) => [x.key, w.temps[j]]));
  let notesLeft = NOTE_CAP;
  w.plan.sheets.forEach((p, i) => {
    const ws = added[i];
    const values = rectangular(p.values);
    const width = values[0]?.length ?? 0;
    // the rows with formulas go once, as formulas (their other cells' values with them): no values beneath them
    const f = formulaBlock(p, values, tempNames);
    const safe = (from: number, to: number) => values.slice(from, to).map((row) => row.map(safeValue));
    if (width > 0 && !f) rowPieces(safe(0, values.length), 0, width, ws, "values", pieces);
    if (width > 0 && f) {
      if (f.top > 0) rowPieces(safe(0, f.top), 0, width, ws, "values", pieces);
      // a column's run of formulas that read the same in R1C1 goes as one formula over the run (after the rows)
      const runs = sameFormulaRuns(f.rows, f.top);
      rowPieces(f.rows, f.top, width, ws, "formulas", pieces);
      for (const run of runs) pieces.push(runPiece(ws, run));
      const after = f.top + f.rows.length;
      if (after < values.length) rowPieces(safe(after, values.length), after, width, ws, "values", pieces);
    }
    const n = decorate(ws, p, w.feature, pieces, notesLeft);
    notesLeft -= n.notes;
    if (n.skipped) lastNotes.push(`notes:${p.key}:${n.skipped}`);
  });
  return pieces;
}

/** Queues the swap: the old results aside and hidden, the new sheets named, the markers moved; returns the names. */
function queueSwap(w: WriteState, o: Opened): Record<string, string> {
  const { plan, mark } = w;
  const taken = new Set([...o.real].filter((n) => !o.ours.has(n) && !isTempSheet(n)));
  // the sheet to show first, so that hiding the old ones never hides the active sheet
  const show = plan.activate !== undefined ? plan.sheets.findIndex((p) => p.key === plan.activate) : -1;
  o.added[show >= 0 ? show : 0]?.activate();
  o.old.forEach((x, i) => {
    const ws = o.sheets.getItem(x.id);
    ws.name = w.aside(i);
    ws.visibility = "Hidden";
  });
  if (mark) {
    for (const x of o.old) o.names.getItem(x.marker).delete();
    for (const n of o.dangling) o.names.getItem(n.name).delete();
  }
  const written: Record<string, string> = {};
  plan.sheets.forEach((p, i) => {
    const name = safeSheetName(p.name, taken);
    taken.add(name);
    written[p.key] = name;
    o.added[i].name = name;
    if (mark) o.names.add(MARKER_PREFIX + p.key, o.added[i].getRange("A1"));
  });
  return written;
}

/** A sheet to read: its name and its used range (dimensions loaded). */
type Dim = { name: string; used: Excel.Range };

/**
 * Reading, step 1: the sheets to read (not ZoneScore's, not the settings, not temporaries), their sizes and the
 * settings cells; where merged areas can be read (ExcelApi 1.13), their counts in the same sync. A sheet with more
 * merged areas than one request may return is listed in `banded` (read in row bands later).
 */
async function readSizes(ctx: Excel.RequestContext, merges: boolean) {
  const { sheets, names } = loadNames(ctx);
  await ctx.sync();
  const real = new Set(sheets.items.map((x) => x.name));
  const ours = markedSheets(names.items, real);
  const settingsRef = names.items.find((n) => n.name === SETTINGS_NAME);
  const settingsSheet = settingsRef ? sheetOfReference(settingsRef.formula) : null;
  const inputs = sheets.items.filter((ws) => !ours.has(ws.name) && ws.name !== settingsSheet && !isTempSheet(ws.name));
  // the dimensions of every sheet and the settings cells; merged areas of all sheets in the same sync
  const queueDims = () => queueSizes(ctx, inputs, settingsSheet && real.has(settingsSheet) ? settingsSheet : null);
  /** sheets with more merged areas than one call may return: read in row bands */
  const banded: string[] = [];
  let { dims, settingsRange } = queueDims();
  let areas: Array<Excel.RangeAreas | null> = merges ? dims.map((d) => areaOf(d.used)) : [];
  try {
    await ctx.sync();
  } catch (e) {
    // a sheet with more than 512 merged areas fails the whole request: again without, then sheet by sheet
    if (!merges) throw e;
    ({ dims, settingsRange } = queueDims());
    await ctx.sync();
    areas = [];
    for (const d of dims) {
      const a = areaOf(ctx.workbook.worksheets.getItem(d.name).getUsedRangeOrNullObject(true));
      try {
        await ctx.sync();
        areas.push(a);
      } catch {
        areas.push(null);
        banded.push(d.name);
      }
    }
  }
  return { dims, settingsRange, areas, banded };
}

/** Queues loading the used range of each input sheet, and the values of the settings sheet. */
function queueSizes(
  ctx: Excel.RequestContext,
  inputs: ReadonlyArray<{ name: string }>,
  settingsSheet: string | null,
): { dims: Dim[]; settingsRange: Excel.Range | null } {
  const dims = inputs.map(({ name }) => {
    const used = ctx.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, used };
  });
  let settingsRange: Excel.Range | null = null;
  if (settingsSheet) {
    settingsRange = ctx.workbook.worksheets.getItem(settingsSheet).getUsedRangeOrNullObject(true);
    settingsRange.load("values");
  }
  return { dims, settingsRange };
}

/** Queues loading the count of a range's merged areas. */
function areaOf(used: Excel.Range): Excel.RangeAreas {
  const a = used.getMergedAreasOrNullObject();
  a.load("areaCount");
  return a;
}

/**
 * Queues loading the merged areas of each sheet that has some; `rects` starts empty for each sheet where merges can
 * be read ([]), null where they cannot (or where the sheet is to be read in bands).
 */
function queueMergeAreas(dims: Dim[], areas: Array<Excel.RangeAreas | null>, merges: boolean) {
  const rects: Array<Rect[] | null> = dims.map(() => (merges ? [] : null));
  const collections = dims.map((d, i) => {
    const a = areas[i];
    if (!merges) return null;
    if (!a) {
      rects[i] = null;
      return null;
    }
    if (d.used.isNullObject || a.isNullObject || !a.areaCount) return null;
    const c = a.areas;
    c.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    return c;
  });
  return { rects, collections };
}

/** A block of rows of one sheet, read in one range. */
type Block = { i: number; top: number; rows: number };

/** The row blocks still to read, each under `limit` cells. */
function planBlocks(dims: Dim[], out: SheetData[], limit: number): Block[] {
  const blocks: Block[] = [];
  dims.forEach(({ used }, i) => {
    if (used.isNullObject) return;
    const per = Math.max(1, Math.floor(limit / Math.max(1, used.columnCount)));
    for (let top = out[i].values.length; top < used.rowCount; top += per)
      blocks.push({ i, top, rows: Math.min(per, used.rowCount - top) });
  });
  return blocks;
}

/** A cell whose value may be an error (Excel returns an error as its text, "#N/A"): its type is asked afterwards. */
type Candidate = { i: number; row: number; col: number };

/**
 * Reads the cells' values in row blocks, as many as fit in one request (`READ_CELLS` at first, then sized on the bytes
 * a cell took so far; halved while a request is too large), filling each request to its limit across sheets.
 * `afterFirst` runs once the first request has come back (the merged areas were loaded with it). Values and number
 * formats travel, not types: a text starting with "#" could be an error, and only those cells' types are read
 * afterwards (usually none).
 */
async function readBlocks(ctx: Excel.RequestContext, dims: Dim[], out: SheetData[], afterFirst: () => void) {
  let limit = READ_CELLS;
  let first = true;
  const candidates: Candidate[] = [];
  for (;;) {
    const blocks = planBlocks(dims, out, limit);
    if (!blocks.length && !first) break;
    const batch = queueBatch(ctx, dims, blocks, limit);
    try {
      await ctx.sync();
    } catch (e) {
      if (!tooLarge(e) || limit < 1000) throw e;
      limit = Math.floor(limit / 2);
      continue;
    }
    if (first) {
      afterFirst();
      first = false;
    }
    let cells = 0;
    let bytes = 0;
    for (const { i, range } of batch) {
      cells += range.values.length * (range.values[0]?.length ?? 0);
      bytes += jsonBytes(range.values) + jsonBytes(range.numberFormat);
      appendValues(out[i], i, range, candidates);
    }
    // the next requests sized on what a cell cost in this one, to about READ_BYTES (never above twice READ_CELLS)
    if (cells >= 1000) limit = Math.max(1000, Math.min(2 * READ_CELLS, Math.floor((READ_BYTES * cells) / bytes)));
  }
  if (candidates.length) await readErrors(ctx, dims, out, candidates);
}

/** Queues the next rows (up to `limit` cells, a block cut to fill what is left) that fit in one request. */
function queueBatch(ctx: Excel.RequestContext, dims: Dim[], blocks: Block[], limit: number) {
  const batch: Array<{ i: number; top: number; range: Excel.Range }> = [];
  let cells = 0;
  for (const b of blocks) {
    const w = Math.max(1, dims[b.i].used.columnCount);
    const rows = batch.length ? Math.min(b.rows, Math.floor((limit - cells) / w)) : b.rows;
    if (rows < 1) break;
    // blocks of one sheet follow each other in order
    const range = ctx.workbook.worksheets
      .getItem(dims[b.i].name)
      .getRangeByIndexes(dims[b.i].used.rowIndex + b.top, dims[b.i].used.columnIndex, rows, w)
      .untrack();
    // the number format tells a date or a percentage from a plain number (45051 typed as a date is not 亿元); no
    // valueTypes: a number is a Double, and an error comes back as its text (a candidate, see readErrors)
    range.load("values,numberFormat");
    batch.push({ i: b.i, top: b.top, range });
    cells += rows * w;
    if (rows < b.rows) break;
  }
  return batch;
}

/**
 * A block's values appended to its sheet (empty cells as null); texts that may be errors noted as candidates; a
 * number's format when it makes the number a date, a time or a percentage (`SheetData.formats`, as the file reader
 * gives it).
 */
function appendValues(sheet: SheetData, i: number, range: Excel.Range, candidates: Candidate[]): void {
  const values = range.values;
  const formats = (sheet.formats ??= []);
  for (let r = 0; r < values.length; r++) {
    const row = sheet.values.length;
    sheet.values.push(
      values[r].map((v, col) => {
        if (v === "" || v === null || v === undefined) return null;
        if (typeof v === "string" && v.startsWith("#")) candidates.push({ i, row, col });
        const f = meaningfulFormat(v, range.numberFormat[r]?.[col]);
        if (f) (formats[row] ??= [])[col] = f;
        return v as CellValue;
      }),
    );
  }
}

/**
 * The types of the cells that may hold an error, in bands of nearby rows (each band's rectangle, at most READ_CELLS
 * cells a request): a cell whose type is Error becomes { error }.
 */
async function readErrors(ctx: Excel.RequestContext, dims: Dim[], out: SheetData[], candidates: Candidate[]) {
  const bands: Array<{ i: number; top: number; bottom: number; left: number; right: number }> = [];
  for (const c of candidates) {
    const b = bands[bands.length - 1];
    const w = (x: { left: number; right: number }) => Math.max(x.right, c.col) - Math.min(x.left, c.col) + 1;
    if (b && b.i === c.i && c.row - b.bottom <= 16 && (c.row - b.top + 1) * w(b) <= READ_CELLS) {
      b.bottom = c.row;
      b.left = Math.min(b.left, c.col);
      b.right = Math.max(b.right, c.col);
    } else bands.push({ i: c.i, top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  while (bands.length) {
    const batch: Array<{ band: (typeof bands)[number]; range: Excel.Range }> = [];
    let cells = 0;
    while (bands.length) {
      const b = bands[0];
      const n = (b.bottom - b.top + 1) * (b.right - b.left + 1);
      if (batch.length && cells + n > READ_CELLS) break;
      const d = dims[b.i].used;
      const range = ctx.workbook.worksheets
        .getItem(dims[b.i].name)
        .getRangeByIndexes(d.rowIndex + b.top, d.columnIndex + b.left, b.bottom - b.top + 1, b.right - b.left + 1)
        .untrack();
      range.load("valueTypes");
      batch.push({ band: bands.shift()!, range });
      cells += n;
    }
    await ctx.sync();
    for (const { band, range } of batch)
      range.valueTypes.forEach((row, y) =>
        row.forEach((type, x) => {
          const cells = out[band.i].values[band.top + y];
          const v = cells[band.left + x];
          if (type === "Error" && typeof v === "string") cells[band.left + x] = { error: v };
        }),
      );
  }
}

/**
 * Merged areas of a sheet with more than Excel's 512 per call: the used range in row bands, halved until each band
 * answers; areas are read by index. Null (unknown) if even a single row fails.
 */
async function bandMerges(
  ctx: Excel.RequestContext,
  sheet: string,
  top: number,
  left: number,
  rows: number,
  cols: number,
): Promise<Rect[] | null> {
  const found = new Map<string, Rect>();
  const bands: Array<[number, number]> = [
    [top, Math.ceil(rows / 2)],
    [top + Math.ceil(rows / 2), rows - Math.ceil(rows / 2)],
  ].filter((b) => b[1] > 0) as Array<[number, number]>;
  while (bands.length) {
    const [t, n] = bands.shift()!;
    const a = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(t, left, n, cols).getMergedAreasOrNullObject();
    a.load("areaCount");
    try {
      await ctx.sync();
    } catch {
      if (n <= 1) return null;
      const h = Math.ceil(n / 2);
      bands.unshift([t, h], [t + h, n - h]);
      continue;
    }
    if (a.isNullObject || !a.areaCount) continue;
    const c = a.areas;
    c.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
    await ctx.sync();
    for (const r of c.items) {
      const rect = rectOf(r.rowIndex, r.columnIndex, r.rowCount, r.columnCount);
      found.set(`${rect.top},${rect.left},${rect.bottom},${rect.right}`, rect);
    }
  }
  return [...found.values()].sort((x, y) => x.top - y.top || x.left - y.left);
}

interface Before {
  old: Array<{ id: string; name: string; marker: string; visibility: string }>;
  dangling: Array<{ name: string; formula: string }>;
  temps: string[];
  /** the markers of the sheets this write adds */
  markers: string[];
}

function rectOf(row: number, col: number, rows: number, cols: number): Rect {
  return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
}

/** Send pieces in requests under the budget; on RequestPayloadSizeLimitExceeded, the same pieces at half the budget. */
/** `step(done)` after each sync: the pieces sent so far (it may throw to stop the write: a cancel). */
async function send(ctx: Excel.RequestContext, pieces: Piece[], step?: (done: number) => void): Promise<void> {
  // the estimate is within a few per cent of the client's bytes (object ids grow longer in large requests): aim at 90%
  let budget = Math.floor(REQUEST_BUDGET * 0.9);
  let i = 0;
  while (i < pieces.length) {
    let j = i;
    let bytes = 0;
    let formulas = false;
    while (j < pieces.length && (j === i || bytes + pieces[j].bytes <= budget)) {
      bytes += pieces[j].bytes;
      formulas ||= !!pieces[j].formulas;
      j++;
    }
    // formulas are written with calculation held until the sync, not recalculated cell by cell
    if (formulas) ctx.workbook.application.suspendApiCalculationUntilNextSync();
    for (let k = i; k < j; k++) pieces[k].queue();
    try {
      await ctx.sync();
    } catch (e) {
      if (!tooLarge(e) || budget < 64 * 1024) throw e;
      budget = Math.floor(budget / 2);
      continue;
    }
    i = j;
    step?.(i);
  }
}

/** Shortest run of equal R1C1 formulas written as one: below it the per-cell A1 text costs less than an operation. */
const MIN_RUN = 8;

/** A column's rows [from, to] (0-based, on the sheet) that all take the same R1C1 formula. */
interface Run {
  col: number;
  from: number;
  to: number;
  r1c1: string;
}

/**
 * Per column, the runs of at least MIN_RUN consecutive formula cells whose R1C1 text is identical; their cells in
 * `rows` become "" (written over by the run's one formula afterwards, so no A1 text goes for them).
 */
function sameFormulaRuns(rows: Array<Array<string | number | boolean>>, top: number): Run[] {
  const runs: Run[] = [];
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    let start = 0;
    let text: string | null = null;
    const close = (end: number) => {
      if (text !== null && end - start >= MIN_RUN) {
        runs.push({ col: c, from: top + start, to: top + end - 1, r1c1: text });
        for (let y = start; y < end; y++) rows[y][c] = "";
      }
    };
    for (let y = 0; y <= rows.length; y++) {
      const v = y < rows.length ? rows[y][c] : undefined;
      const t = typeof v === "string" && v.startsWith("=") ? a1ToR1C1(v, top + y, c) : null;
      if (t !== null && t === text) continue;
      close(y);
      start = y;
      text = t;
    }
  }
  return runs;
}

/** One formula (R1C1) over a column's run: Excel applies it to every cell of the range, relative to that cell. */
function runPiece(ws: Excel.Worksheet, run: Run): Piece {
  return {
    // measured through the real client at 100,000 rows (7,693 runs in one request): ≈ 480 bytes + the formula's
    bytes: jsonBytes(run.r1c1) + OP_BYTES,
    formulas: true,
    queue: () => {
      const range = ws.getRangeByIndexes(run.from, run.col, run.to - run.from + 1, 1).untrack();
      // a single value is applied to every cell of the range (Office.js types it as a grid only)
      (range as unknown as { formulasR1C1: string }).formulasR1C1 = run.r1c1;
    },
  };
}

/**
 * Row blocks of values or formulas as pieces of at most ~256 KB, so any budget can be met. The sheets are new and
 * empty, so each piece goes only over the columns between its first and its last non-empty cell (a column of
 * formulas written as one R1C1 run, or an empty margin, costs nothing); a piece with no cell to write is left out.
 */
function rowPieces(
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
  top: number,
  w: number,
  ws: Excel.Worksheet,
  what: "values" | "formulas",
  out: Piece[],
): void {
  let r = 0;
  while (r < rows.length) {
    let end = r;
    let bytes = 0;
    while (end < rows.length && (end === r || bytes < 256 * 1024)) {
      bytes += jsonBytes(rows[end]) + 1;
      end++;
    }
    const a = r;
    const [left, right] = filledColumns(rows, a, end, w);
    r = end;
    if (left > right) continue;
    const block = rows.slice(a, end).map((row) => row.slice(left, right + 1));
    out.push({
      bytes: payloadBytes(block),
      formulas: what === "formulas",
      queue: () => {
        // untracked: Excel keeps no reference for it, so the client has nothing to release after the run
        const range = ws.getRangeByIndexes(top + a, left, block.length, right - left + 1).untrack();
        if (what === "values") range.values = block as (string | number | boolean)[][];
        else range.formulas = block as (string | number | boolean)[][];
      },
    });
  }
}

/** The first and last column (of w) holding anything but "" in rows [from, to); left > right when none does. */
function filledColumns(
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
  from: number,
  to: number,
  w: number,
): [number, number] {
  let left = w;
  let right = -1;
  for (let y = from; y < to; y++) {
    const row = rows[y];
    for (let c = 0; c < left && c < row.length; c++)
      if (row[c] !== "") {
        left = c;
        break;
      }
    for (let c = Math.min(w, row.length) - 1; c > right; c--)
      if (row[c] !== "") {
        right = c;
        break;
      }
  }
  return [left, right];
}

/** Queue the loads every batch starts with: sheet names (ids and visibility to write) and defined names. */
function loadNames(
  ctx: Excel.RequestContext,
  forWrite = false,
): { sheets: Excel.WorksheetCollection; names: Excel.NamedItemCollection } {
  const sheets = ctx.workbook.worksheets;
  sheets.load(forWrite ? "items/name,items/id,items/visibility" : "items/name");
  const names = ctx.workbook.names;
  names.load("items/name,items/formula");
  return { sheets, names };
}

/** ZoneScore's result sheets: sheet → marker name, only for markers that point at a sheet that exists. */
function markedSheets(
  items: ReadonlyArray<{ name: string; formula: string }>,
  real: ReadonlySet<string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of items) {
    if (!n.name.startsWith(MARKER_PREFIX)) continue;
    const s = sheetOfReference(n.formula);
    if (s && real.has(s)) out.set(s, n.name);
  }
  return out;
}

/** The rows that carry formulas, as Office.js wants them: "=…" for a formula, the value elsewhere (no file prefix). */
function formulaBlock(
  p: PlanSheet,
  values: PlanValue[][],
  names: Record<string, string>,
): { top: number; rows: Array<Array<string | number | boolean>> } | null {
  const fs = p.formulas ?? [];
  if (!fs.length) return null;
  let top = Infinity;
  let bottom = -1;
  for (const f of fs) {
    if (f.row < top) top = f.row;
    if (f.row > bottom) bottom = f.row;
  }
  const rows = values.slice(top, bottom + 1).map((row) => row.map(safeValue));
  for (const f of fs) rows[f.row - top][f.col] = "=" + resolveSheetRefs(f.formula, names);
  return { top, rows };
}

function rectAddress(r: Rect): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** Queues one operation of a given request size. */
type QueueOp = (queue: () => void, bytes?: number) => void;
/** What this Excel supports for the sheets' formatting. */
type Features = { links: boolean; page: boolean; notes: boolean; conditional?: boolean; filter?: boolean };

/**
 * The formatting of one sheet as pieces: number formats, styles, merges, widths, freeze, page layout (ExcelApi 1.9),
 * row heights, notes (ExcelApi 1.18, at most `notesLeft`, the rest summarised in one note), chart, links (1.7).
 */
function decorate(
  ws: Excel.Worksheet,
  p: PlanSheet,
  feature: Features,
  out: Piece[],
  notesLeft: number,
): { notes: number; skipped: number } {
  const op: QueueOp = (queue, bytes = OP_BYTES) => out.push({ bytes, queue });
  // one value a rectangle, not a grid of the same string (100,000 rows × 8 columns of "0.00" were one 5.7 MB request):
  // Excel applies a single value to every cell of the range (the client passes it through as it is, and ExcelScript's
  // Range.setNumberFormat documents it: "each cell in the given range will be updated")
  for (const f of p.numberFormats) {
    const range = (): { numberFormat: unknown } => ws.getRange(rectAddress(f.rect)).untrack();
    op(() => (range().numberFormat = f.format), jsonBytes(f.format) + OP_BYTES);
  }
  for (const s of p.styles) styleOp(ws, s, op);
  layoutOps(ws, p, feature, op);
  // conditional formats (ExcelApi 1.6): a custom rule per tone, e.g. 滞后 red on a status column
  if (feature.conditional) for (const cf of p.conditional ?? []) conditionalOp(ws, cf, op);
  if (feature.filter && p.filter) filterOp(ws, p.filter, op);
  const notes = noteOps(ws, p, feature, op, notesLeft);
  if (p.bars && p.bars.bottom >= p.bars.top && p.bars.stackColumns.length) chartOp(ws, p, p.bars, op);
  if (feature.links)
    for (const l of p.links) {
      const link = { documentReference: `${quoteSheet(l.sheet)}!${l.cell}`, textToDisplay: l.cell };
      op(() => (ws.getRangeByIndexes(l.row, l.col, 1, 1).untrack().hyperlink = link), jsonBytes(link) + LINK_BYTES);
    }
  return notes;
}

/** One style (title, header, error, wrap, fills and font colours) on its range. */
function styleOp(ws: Excel.Worksheet, s: PlanSheet["styles"][number], op: QueueOp): void {
  const apply = () => {
    const fmt = ws.getRange(rectAddress(s.rect)).untrack().format;
    if (s.style === "title") {
      fmt.font.bold = true;
      fmt.font.size = 14;
      fmt.horizontalAlignment = "Center";
    } else if (s.style === "header") {
      fmt.font.bold = true;
      fmt.wrapText = true;
      fmt.horizontalAlignment = "Center";
      fmt.verticalAlignment = "Center";
    } else if (s.style === "error") fmt.font.bold = true;
    else if (s.style === "wrap") {
      fmt.wrapText = true;
      fmt.verticalAlignment = "Top";
    }
    if (FILL[s.style]) fmt.fill.color = FILL[s.style]!;
    if (FONT_COLOR[s.style]) fmt.font.color = FONT_COLOR[s.style]!;
  };
  // properties set and font/fill objects used, for the byte estimate
  const setters =
    (s.style === "header" ? 4 : s.style === "title" ? 3 : s.style === "wrap" ? 2 : s.style === "error" ? 1 : 0) +
    (FILL[s.style] ? 1 : 0) +
    (FONT_COLOR[s.style] ? 1 : 0);
  const objects =
    (s.style === "header" || s.style === "title" || s.style === "error" || FONT_COLOR[s.style] ? 1 : 0) +
    (FILL[s.style] ? 1 : 0);
  op(apply, styleBytes(setters, objects));
}

/** Merges, column widths, frozen panes, the page layout (ExcelApi 1.9) and row heights. */
function layoutOps(ws: Excel.Worksheet, p: PlanSheet, feature: Features, op: QueueOp): void {
  for (const m of p.merges) op(() => ws.getRange(rectAddress(m)).untrack().merge(false), MERGE_BYTES);
  p.widths.forEach((w, i) =>
    op(() => (ws.getRangeByIndexes(0, i, 1, 1).untrack().format.columnWidth = Math.round(w * 6.5))),
  );
  const fr = p.freeze;
  if (fr && (fr.rows || fr.cols))
    op(() => {
      // one call: freezeRows then freezeColumns would leave only the columns frozen
      if (fr.rows && fr.cols) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr.rows, fr.cols));
      else if (fr.rows) ws.freezePanes.freezeRows(fr.rows);
      else ws.freezePanes.freezeColumns(fr.cols!);
    });
  if (p.print && feature.page) {
    const pr = p.print;
    op(() => {
      ws.pageLayout.orientation = pr.landscape ? "Landscape" : "Portrait";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.setPrintTitleRows(`$${pr.titleRows[0] + 1}:$${pr.titleRows[1] + 1}`);
      if (pr.lastColumn !== undefined)
        ws.pageLayout.setPrintArea(ws.getRangeByIndexes(0, 0, Math.max(1, p.values.length), pr.lastColumn + 1));
    }, OP_BYTES * 4);
  }
  for (const h of p.rowHeights ?? [])
    op(() => (ws.getRangeByIndexes(h.row, 0, 1, 1).untrack().format.rowHeight = h.height));
}

/**
 * The AutoFilter (ExcelApi 1.9) that shows only the rows whose cell in the filter column is not 0; Excel filters at
 * once, on the values the formulas written before it give, and 数据 → 重新应用 filters again after an input edit.
 */
function filterOp(ws: Excel.Worksheet, f: NonNullable<PlanSheet["filter"]>, op: QueueOp): void {
  const criteria: Excel.FilterCriteria = { filterOn: "Custom", criterion1: "<>0" };
  op(
    () => ws.autoFilter.apply(ws.getRange(rectAddress(f.rect)).untrack(), f.column - f.rect.left, criteria),
    jsonBytes(criteria) + OP_BYTES * 2,
  );
}

/** A custom conditional format: the tone's fill and font where the formula holds. */
function conditionalOp(ws: Excel.Worksheet, cf: NonNullable<PlanSheet["conditional"]>[number], op: QueueOp): void {
  op(
    () => {
      const r = cf.rect;
      const f = ws
        .getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1)
        .untrack()
        .conditionalFormats.add("Custom");
      f.custom.rule.formula = `=${cf.formula}`;
      f.custom.format.fill.color = `#${TONE_FILL[cf.tone]}`;
      f.custom.format.font.color = `#${TONE_FONT[cf.tone]}`;
    },
    jsonBytes(cf.formula) + OP_BYTES * 4,
  );
}

/**
 * Cell notes need ExcelApi 1.18 (and a client that has them); below it the detail sheet carries the same sentences.
 * At most `notesLeft`; when some do not fit, one note in A1 says how many.
 */
function noteOps(
  ws: Excel.Worksheet,
  p: PlanSheet,
  feature: Features,
  op: QueueOp,
  notesLeft: number,
): { notes: number; skipped: number } {
  let used = 0;
  let skipped = 0;
  const notes = p.notes ?? [];
  const hasNotes = feature.notes && notes.length > 0 && (ws as unknown as { notes?: unknown }).notes !== undefined;
  if (notes.length && !hasNotes) skipped = notes.length;
  if (hasNotes) {
    const room = Math.max(0, notesLeft);
    const fits = notes.length <= room ? notes : notes.slice(0, Math.max(0, room - 1));
    for (const n of fits)
      op(() => ws.notes.add(ws.getRangeByIndexes(n.row, n.col, 1, 1).untrack(), n.text), jsonBytes(n.text) + OP_BYTES);
    used = fits.length;
    skipped = notes.length - fits.length;
    if (skipped && room > 0) {
      const vars = { n: skipped, cap: NOTE_CAP };
      const text = `${t("zh", "workbook.moreNotes", vars)}\n${t("en", "workbook.moreNotes", vars)}`;
      op(() => ws.notes.add(ws.getRangeByIndexes(0, 0, 1, 1), text), jsonBytes(text) + OP_BYTES);
      used++;
    }
  }
  return { notes: used, skipped };
}

/** A stacked bar chart of the totals by group (or by rule), names as categories, beside the table. */
function chartOp(ws: Excel.Worksheet, p: PlanSheet, b: NonNullable<PlanSheet["bars"]>, op: QueueOp): void {
  op(
    () => {
      const rows = b.bottom - b.top + 1;
      const names = ws.getRangeByIndexes(b.top, 1, rows, 1);
      const [firstCol, ...rest] = b.stackColumns;
      const chart = ws.charts.add("BarStacked", ws.getRangeByIndexes(b.top - 1, firstCol, rows + 1, 1), "Columns");
      chart.title.text = b.title ?? t("zh", "sheet.chart");
      chart.series.getItemAt(0).setXAxisValues(names);
      for (const c of rest) {
        const series = chart.series.add(String(p.values[b.top - 1]?.[c] ?? ""));
        series.setValues(ws.getRangeByIndexes(b.top, c, rows, 1));
        series.setXAxisValues(names);
      }
      chart.top = 20;
      chart.left = 700;
    },
    OP_BYTES * (4 + 3 * b.stackColumns.length),
  );
}
