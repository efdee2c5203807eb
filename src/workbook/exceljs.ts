/** The file adapter: reads and writes .xlsx with ExcelJS (node and browser). */
import type ExcelJS from "exceljs";
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
  type ResultPlan,
} from "../engine/output/sheet-plan";
import { colLetters, parseRangeA1 } from "../engine/read/normalise";
import { filePrefixed } from "../engine/output/formulas";
import { resolveSheetRefs } from "../engine/output/result-plan";
import { formatKind } from "../engine/read/values";
import { dropDecoded, LIMITS, WorkbookFileError } from "./inspect";
import {
  parseSettings,
  quoteSheet,
  SETTINGS_NAME,
  SETTINGS_SHEET,
  sheetOfReference,
  type CellWrite,
  type FillReport,
  type Settings,
  writeSteps,
  type WorkbookPort,
  type WriteOptions,
  type WriteReport,
} from "./port";
import {
  addFilterCriteria,
  PackageError,
  graft,
  readablePackage,
  repack,
  setCellInPart,
  sheetEntries,
  unzipPackage,
  zipPackage,
  type GraftOptions,
  type Parts,
  type StreamedRows,
} from "./package";
import { dimensionRef, sheetDataXml, sheetSize, StyleSweep } from "./sheet-xml";
import { PackageReader } from "./xlsx-read";
import { fillCellsInParts } from "./patch";

type ExcelJSModule = typeof ExcelJS;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function convert(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  if (typeof v === "object") {
    if ("error" in v) return { error: String(v.error) };
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && r !== null && "error" in r)
        return { error: String((r as { error: unknown }).error) };
      return convert(r as ExcelJS.CellValue);
    }
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** the font of a link */
const linkFont = (): Partial<ExcelJS.Font> => ({ color: { argb: "FF0563C1" }, underline: true });

const STYLE: Record<PlanStyle, (c: ExcelJS.Cell) => void> = {
  title: (c) => {
    c.font = { bold: true, size: 14 };
    c.alignment = { vertical: "middle", horizontal: "center" };
  },
  subtitle: (c) => {
    c.font = { italic: true, size: 9, color: { argb: "FF666666" } };
    c.alignment = { horizontal: "center" };
  },
  header: (c) => {
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    c.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    c.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  },
  top: (c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  },
  vetoed: (c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    c.font = { color: { argb: "FF808080" } };
  },
  note: (c) => {
    c.font = { size: 9, color: { argb: "FF666666" } };
  },
  error: (c) => {
    c.font = { bold: true, color: { argb: "FFC00000" } };
  },
  warning: (c) => {
    c.font = { color: { argb: "FFC65911" } };
  },
  wrap: (c) => {
    c.alignment = { wrapText: true, vertical: "top" };
  },
};

/** What a loaded workbook will gain when it is written: grafted into the user's package by toBuffer. */
interface Pending {
  /** the result sheets (marked), with the names they take */
  result?: { plan: ResultPlan; names: Record<string, string> };
  /** sheets that become the user's own (unmarked) */
  added: Array<{ plan: ResultPlan; names: Record<string, string> }>;
  settings?: { value: Settings; name: string };
  /** the user's sheet parts with cells set by 应用建议 (the user's own bytes are kept until the file is written) */
  cells: Parts;
}

export class ExcelJsBook implements WorkbookPort {
  /** the user's package as loaded, with its bytes: the result is grafted into it (null for a workbook made here) */
  private source: { parts: Parts; bytes: Uint8Array; lib: ExcelJSModule; reader: PackageReader } | null = null;
  private pending: Pending = { added: [], cells: {} };
  /** sheets rendered into this.wb with a filter (a workbook made here): name → filter column in its range */
  private readonly filters = new Map<string, number>();
  /** told the rows of each result sheet written so far while the result is written (progress of a long write) */
  onRows?: (sheet: string, done: number, total: number) => void;
  private model: ExcelJS.Workbook | null;
  constructor(wb: ExcelJS.Workbook | null) {
    this.model = wb;
  }

  /** The ExcelJS workbook: the one made here, or a loaded one's when loaded with `{ model: true }`. */
  get wb(): ExcelJS.Workbook {
    if (!this.model) throw new Error("ExcelJsBook: loaded without its ExcelJS model (load with { model: true })");
    return this.model;
  }

  static async create(lib: ExcelJSModule): Promise<ExcelJsBook> {
    return new ExcelJsBook(new lib.Workbook());
  }

  /**
   * Read a workbook: its package is unzipped once and scanned by the reader (xlsx-read.ts); the package is kept to
   * write the result into. With `model`, ExcelJS also loads it (see package.ts: only what reading needs, so charts,
   * images and other parts never stop it), for whoever wants to look at the cells (tests, the former reader).
   * `parts`: the package as inspectXlsx unzipped it, so that it is unzipped once.
   */
  static async load(
    lib: ExcelJSModule,
    data: ArrayBuffer | Uint8Array,
    opts: { model?: boolean; parts?: Parts } = {},
  ): Promise<ExcelJsBook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    // the parts inspectXlsx unzipped, when it did (it measured them first)
    const parts = opts.parts ?? unzipPackage(bytes);
    const reader = new PackageReader(parts);
    const book = new ExcelJsBook(opts.model ? await loadModel(lib, parts) : null);
    book.source = { parts, bytes, lib, reader };
    return book;
  }

  /** ZoneScore's sheets, by their markers (defined names ZoneScore.<key>), not by name. */
  markedSheets(): Map<string, string> {
    const out = new Map<string, string>();
    const names = this.source
      ? this.source.reader.names.map((n) => ({ name: n.name, ranges: [n.ref] }))
      : (this.wb.definedNames.model as Array<{ name: string; ranges: string[] }>);
    const exists = (sheet: string) =>
      this.source ? this.source.reader.sheets.some((s) => s.name === sheet) : !!this.wb.getWorksheet(sheet);
    for (const n of names) {
      if (!n.name.startsWith(MARKER_PREFIX)) continue;
      const sheet = n.ranges[0] ? sheetOfReference(n.ranges[0]) : null;
      if (sheet && exists(sheet)) out.set(sheet, n.name);
    }
    return out;
  }

  async readSheets(): Promise<SheetData[]> {
    if (!this.source) return this.readSheetsFromModel();
    const ours = this.markedSheets();
    const settings = this.settingsName();
    const { reader, parts } = this.source;
    try {
      return reader.sheets
        .filter((s) => !ours.has(s.name) && s.name !== settings)
        .map((s) => {
          const out = reader.readSheet(s);
          checkUsedRange(out);
          return out;
        });
    } finally {
      dropDecoded(parts);
    }
  }

  /**
   * The sheets as the former reader gave them: from ExcelJS's model of the workbook. The reference the package
   * reader is compared with (test/workbook/reader-parity.test.ts, scripts/bench-read.js); a book made here reads so.
   */
  readSheetsFromModel(): SheetData[] {
    const ours = this.markedSheets();
    const settings = this.settingsName();
    const out: SheetData[] = [];
    this.wb.eachSheet((ws) => {
      if (ours.has(ws.name) || ws.name === settings) return;
      out.push(readWorksheet(ws));
    });
    return out;
  }

  /** The settings sheet's name, by its defined name. */
  private settingsName(): string | undefined {
    const names = this.source
      ? this.source.reader.names.map((n) => ({ name: n.name, ranges: [n.ref] }))
      : (this.wb.definedNames.model as Array<{ name: string; ranges: string[] }>);
    const n = names.find((x) => x.name === SETTINGS_NAME);
    const name = n?.ranges[0] ? sheetOfReference(n.ranges[0]) : null;
    if (!name) return undefined;
    return (this.source ? this.source.reader.sheets.some((s) => s.name === name) : this.wb.getWorksheet(name))
      ? name
      : undefined;
  }

  private settingsSheet(): ExcelJS.Worksheet | undefined {
    const name = this.settingsName();
    return name ? this.wb.getWorksheet(name) : undefined;
  }

  async readSettings(): Promise<Settings | null> {
    if (this.pending.settings) return this.pending.settings.value;
    if (this.source) {
      const name = this.settingsName();
      return name ? parseSettings(this.source.reader.firstCell(name)) : null;
    }
    return parseSettings(this.settingsSheet()?.getCell("A1").value);
  }

  async writeSettings(settings: Settings): Promise<void> {
    if (this.source) {
      this.pending.settings = undefined;
      const name = safeSheetName(this.settingsName() ?? SETTINGS_SHEET, this.takenNames({ settings: true }));
      this.pending.settings = { value: settings, name };
      return;
    }
    let ws = this.settingsSheet();
    if (!ws) {
      const taken = new Set<string>();
      this.wb.eachSheet((w) => taken.add(w.name));
      ws = this.wb.addWorksheet(safeSheetName(SETTINGS_SHEET, taken), { state: "veryHidden" });
      this.wb.definedNames.removeAllNames(SETTINGS_NAME);
      this.wb.definedNames.add(`${quoteSheet(ws.name)}!$A$1`, SETTINGS_NAME);
    }
    ws.getCell("A1").value = JSON.stringify(settings);
  }

  /**
   * Fill cells of the user's own sheet (confirmed by the user). A loaded file: only that sheet's part of the package
   * changes, only in those cells (patch.ts); the model read from takes the same values. A workbook made here: the
   * cells are set through ExcelJS with the same rule (empty, or holding exactly `replaces`).
   */
  async fillCells(sheet: string, cells: readonly CellWrite[]): Promise<FillReport> {
    if (this.source) {
      // the changed parts wait with the other cell edits (应用建议) until the file is written
      const r = fillCellsInParts({ ...this.source.parts, ...this.pending.cells }, sheet, cells);
      Object.assign(this.pending.cells, r.changed);
      // the sheets read from now on have the filled cells
      this.source.reader = new PackageReader({ ...this.source.parts, ...this.pending.cells });
      const loaded = this.model?.getWorksheet(sheet);
      const written = new Set(r.report.filled);
      for (const c of cells) {
        const ref = colLetters(c.col) + String(c.row + 1);
        if (written.has(ref) && loaded) loaded.getCell(ref).value = c.value;
      }
      return r.report;
    }
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new PackageError("workbook.fill.noSheet", { sheet });
    const report: FillReport = { filled: [], refused: [] };
    for (const c of cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      const v = cell.value;
      const empty = v === null || v === undefined || (typeof v === "string" && !v.trim());
      if (cell.isMerged && cell.master !== cell)
        report.refused.push({ cell: cell.address, found: "", reason: "merged" });
      else if (c.replaces === undefined ? !empty : v !== c.replaces)
        report.refused.push({
          cell: cell.address,
          found: shownValue(v),
          reason: c.replaces === undefined ? "filled" : "changed",
        });
      else {
        cell.value = c.value;
        report.filled.push(cell.address);
      }
    }
    return report;
  }

  /**
   * 应用建议: `text` into one cell of the user's sheet (the cell a finding pointed at, after the user confirmed). The
   * sheets read from now on have it; the written file has it in that one cell, every other part as the user's.
   */
  async setCellText(sheet: string, cell: string, text: string): Promise<void> {
    if (this.source) {
      const { part, xml } = setCellInPart({ ...this.source.parts, ...this.pending.cells }, sheet, cell, text);
      this.pending.cells[part] = xml;
      // the sheets read from now on have the cell (the user's own parts stay as they were until the file is written)
      this.source.reader = new PackageReader({ ...this.source.parts, ...this.pending.cells });
      const loaded = this.model?.getWorksheet(sheet);
      if (loaded) loaded.getCell(cell).value = text;
      return;
    }
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new PackageError("workbook.noCell", { sheet, cell });
    if (ws.getCell(cell).formula) throw new PackageError("workbook.cellFormula", { sheet, cell });
    ws.getCell(cell).value = text;
  }

  /** ZoneScore's earlier sheets that writing `plan` as a result replaces: those of the plan's families. */
  private replacedSheets(plan: ResultPlan): Map<string, string> {
    const replaces = replacedBy(plan);
    return new Map([...this.markedSheets()].filter(([, m]) => replaces(m.slice(MARKER_PREFIX.length))));
  }

  /**
   * A file's workbook records the result (the sheets are rendered when the file is written): the signal is looked at
   * before anything changes. A new workbook renders sheet by sheet, reporting each; its commit is the first change.
   */
  async writeResult(plan: ResultPlan, opts?: WriteOptions): Promise<WriteReport> {
    const steps = writeSteps(opts, plan.sheets.length);
    steps.step(0);
    if (this.source) {
      const replaced = [...this.replacedSheets(plan).keys()];
      // a result of another family written earlier in this session stays (scoring, then tracking, then download)
      const replaces = replacedBy(plan);
      const kept = this.pending.result?.plan.sheets.filter((p) => !replaces(p.key)) ?? [];
      const merged: ResultPlan = { ...plan, sheets: [...kept, ...plan.sheets] };
      steps.commit(0);
      this.pending.result = undefined;
      const names = planNames(merged, this.takenNames({ result: merged }));
      this.pending.result = { plan: merged, names };
      steps.end();
      return { written: Object.fromEntries(plan.sheets.map((p) => [p.key, names[p.key]])), replaced };
    }
    const ours = this.replacedSheets(plan);
    const replaced: string[] = [];
    steps.commit(0);
    for (const [sheet, name] of ours) {
      const ws = this.wb.getWorksheet(sheet);
      if (ws) this.wb.removeWorksheet(ws.id);
      this.wb.definedNames.removeAllNames(name);
      replaced.push(sheet);
    }
    // names of stale markers whose sheet is gone
    const live = new Set(this.markedSheets().values());
    for (const n of [...(this.wb.definedNames.model as Array<{ name: string }>)])
      if (n.name.startsWith(MARKER_PREFIX) && !live.has(n.name)) this.wb.definedNames.removeAllNames(n.name);
    const report = this.render(plan, true, steps.step);
    steps.end();
    return { written: report, replaced };
  }

  async addSheets(plan: ResultPlan, opts?: WriteOptions): Promise<WriteReport> {
    const steps = writeSteps(opts, plan.sheets.length);
    steps.commit(0);
    if (this.source) {
      const names = planNames(plan, this.takenNames({}));
      this.pending.added.push({ plan, names });
      steps.end();
      return { written: names, replaced: [] };
    }
    const written = this.render(plan, false, steps.step);
    steps.end();
    return { written, replaced: [] };
  }

  /** names the pending sheets take */
  private pendingNames(): Set<string> {
    const out = new Set<string>();
    for (const a of [...this.pending.added, ...(this.pending.result ? [this.pending.result] : [])])
      for (const n of Object.values(a.names)) out.add(n);
    if (this.pending.settings) out.add(this.pending.settings.name);
    return out;
  }

  /** sheet names in use once the write is done, leaving out those about to be replaced */
  private takenNames(replacing: { result?: ResultPlan; settings?: boolean }): Set<string> {
    const gone = new Set<string>();
    const result = replacing.result ?? this.pending.result?.plan;
    if (result) for (const s of this.replacedSheets(result).keys()) gone.add(s);
    const settings = this.settingsName();
    if (settings && (replacing.settings || this.pending.settings)) gone.add(settings);
    const taken = new Set(
      sheetEntries(this.source!.parts)
        .map((e) => e.name)
        .filter((n) => !gone.has(n)),
    );
    for (const n of this.pendingNames()) taken.add(n);
    return taken;
  }

  /** `sheetDone(n)` after each of the plan's sheets is rendered */
  private render(plan: ResultPlan, mark: boolean, sheetDone?: (n: number) => void): Record<string, string> {
    const taken = new Set<string>();
    this.wb.eachSheet((ws) => taken.add(ws.name));
    const written: Record<string, string> = {};
    for (const p of plan.sheets) {
      const name = safeSheetName(p.name, taken);
      taken.add(name);
      written[p.key] = name;
    }
    let done = 0;
    for (const p of plan.sheets) {
      const name = written[p.key];
      writeSheet(this.wb.addWorksheet(name), p, written);
      if (p.filter) this.filters.set(name, p.filter.column - p.filter.rect.left);
      if (mark) this.wb.definedNames.add(`${quoteSheet(name)}!$A$1`, MARKER_PREFIX + p.key);
      sheetDone?.(++done);
    }
    if (plan.activate && written[plan.activate]) {
      const ws = this.wb.getWorksheet(written[plan.activate]);
      if (ws) {
        const index = this.wb.worksheets.indexOf(ws);
        this.wb.views = [
          {
            x: 0,
            y: 0,
            width: 20000,
            height: 12000,
            firstSheet: 0,
            activeTab: Math.max(0, index),
            visibility: "visible",
          },
        ];
      }
    }
    return written;
  }

  async toBuffer(): Promise<Uint8Array> {
    if (this.source) return this.grafted(this.source);
    const b = new Uint8Array((await this.wb.xlsx.writeBuffer()) as ArrayBuffer);
    const filters = new Map([...this.filters].filter(([name]) => this.wb.getWorksheet(name)));
    if (!filters.size) return b;
    const parts = unzipPackage(b);
    addFilterCriteria(parts, filters);
    return zipPackage(parts);
  }

  /**
   * The user's package with the pending sheets grafted in. ExcelJS renders what is small into a workbook of its own
   * (each sheet's layout, links, notes and conditional formats, with no rows; and a palette: one cell per distinct
   * cell format the rows use); the rows are written straight to XML in chunks (sheet-xml.ts) in place of the
   * skeleton's, so that a result of any size never becomes a workbook model. Only the new parts (with the workbook's
   * index parts and the styles) are added; the user's parts stay as they were.
   */
  private async grafted(src: NonNullable<ExcelJsBook["source"]>): Promise<Uint8Array> {
    const { result, added, settings, cells } = this.pending;
    const changed = new Set(Object.keys(cells));
    const user = changed.size ? { ...src.parts, ...cells } : src.parts;
    if (!result && !added.length && !settings) return changed.size ? repack(user, user, src.bytes, changed) : src.bytes;
    const fresh = new src.lib.Workbook();
    const sheets: Array<{ p: PlanSheet; name: string; names: Record<string, string> }> = [];
    for (const a of added) for (const p of a.plan.sheets) sheets.push({ p, name: a.names[p.key], names: a.names });
    if (result) for (const p of result.plan.sheets) sheets.push({ p, name: result.names[p.key], names: result.names });
    const sweeps = sheets.map((x) => {
      skeletonSheet(fresh.addWorksheet(x.name), x.p);
      const sweep = new StyleSweep(x.p);
      const { rows, width } = sheetSize(x.p);
      sweep.collect(rows, width);
      return sweep;
    });
    if (result)
      for (const p of result.plan.sheets)
        fresh.definedNames.add(`${quoteSheet(result.names[p.key])}!$A$1`, MARKER_PREFIX + p.key);
    if (settings) {
      const ws = fresh.addWorksheet(settings.name, { state: "veryHidden" });
      ws.getCell("A1").value = JSON.stringify(settings.value);
      fresh.definedNames.add(`${quoteSheet(settings.name)}!$A$1`, SETTINGS_NAME);
    }
    const palette = paletteSheet(fresh, sweeps);
    // stored, not compressed: it is unpacked at once (the package is compressed once, when grafted)
    const written = await fresh.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
    const ours = unzipPackage(new Uint8Array(written as ArrayBuffer));
    const planned = [...added, ...(result ? [result] : [])];
    addFilterCriteria(ours, new Map(planned.flatMap((a) => [...filterColumns(a.plan.sheets, a.names)])));
    const formatOf = paletteFormats(ours, palette.name, palette.keys);
    const streamed: Record<string, StreamedRows> = {};
    sheets.forEach((x, i) => {
      streamed[x.name] = {
        dimension: dimensionRef(x.p),
        rows: (xf) => {
          const own = new Map([...sweeps[i].keys.keys()].map((k) => [k, xf(formatOf.get(`${i}|${k}`) ?? 0)]));
          const onRows = this.onRows && ((done: number, total: number) => this.onRows?.(x.name, done, total));
          return sheetDataXml(x.p, { names: x.names, styleIndex: (k) => own.get(k) ?? 0, onRows }, sweeps[i]);
        },
      };
    });
    const opts = { ...this.removal(), changed, streamed, skipSheets: [palette.name] };
    return graft(user, ours, opts, src.bytes);
  }

  /** What the graft takes out: the replaced sheets (and the old settings sheet), their markers and stale ones. */
  private removal(): Pick<GraftOptions, "removeSheets" | "removeNames"> {
    const { result, settings } = this.pending;
    const replaced = result ? this.replacedSheets(result.plan) : new Map<string, string>();
    const remove = [...replaced.keys()];
    const live = new Set(this.markedSheets().values());
    const oldSettings = this.settingsName();
    if (settings && oldSettings) remove.push(oldSettings);
    return {
      removeSheets: remove,
      // the replaced sheets' markers and stale ones whose sheet is gone; other families' markers stay
      removeNames: (n) =>
        (!!result && n.startsWith(MARKER_PREFIX) && (!live.has(n) || [...replaced.values()].includes(n))) ||
        (!!settings && n === SETTINGS_NAME),
    };
  }
}

/**
 * A sheet without its rows: what ExcelJS renders of it is small (merges, widths, panes, page set-up, links, notes,
 * conditional formats); its rows are written by sheet-xml.ts.
 */
function skeletonSheet(ws: ExcelJS.Worksheet, p: PlanSheet): void {
  for (const l of p.links) {
    const cell = ws.getRow(l.row + 1).getCell(l.col + 1);
    const v = p.values[l.row]?.[l.col];
    cell.value = { text: String(v ?? l.cell), hyperlink: `#${quoteSheet(l.sheet)}!${l.cell}` };
  }
  writeLayout(ws, p, p.values.length);
  writeFilter(ws, p);
  for (const n of p.notes ?? []) ws.getRow(n.row + 1).getCell(n.col + 1).note = n.text;
  writeConditional(ws, p);
}

/**
 * A sheet with one cell per distinct cell format (by sheet and style key: "i|key", a key's operations are numbered
 * per sheet), styled as writeSheet styles a cell.
 */
function paletteSheet(wb: ExcelJS.Workbook, sweeps: StyleSweep[]): { name: string; keys: string[] } {
  const taken = new Set<string>();
  wb.eachSheet((w) => taken.add(w.name));
  const name = safeSheetName("ZoneScore palette", taken);
  const ws = wb.addWorksheet(name, { state: "veryHidden" });
  const keys: string[] = [];
  sweeps.forEach((s, i) => {
    for (const [key, ops] of s.keys) {
      keys.push(`${i}|${key}`);
      const cell = ws.getCell(keys.length, 1);
      cell.value = 0;
      for (const op of ops) {
        if ("fmt" in op) cell.numFmt = op.fmt;
        else if ("style" in op) STYLE[op.style](cell);
        else cell.font = linkFont();
      }
    }
  });
  return { name, keys };
}

/** The cell format index ExcelJS gave each palette cell, by style key. */
function paletteFormats(ours: Parts, name: string, keys: string[]): Map<string, number> {
  const e = sheetEntries(ours).find((x) => x.name === name);
  const xml = e?.part ? new TextDecoder().decode(ours[e.part]) : "";
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<c r="A(\d+)"(?: s="(\d+)")?/g)) out.set(keys[Number(m[1]) - 1], Number(m[2] ?? 0));
  return out;
}

/** ExcelJS's model of a loaded package: with the cell notes where ExcelJS can read them, without where it cannot. */
async function loadModel(lib: ExcelJSModule, parts: Parts): Promise<ExcelJS.Workbook> {
  const wb = new lib.Workbook();
  try {
    await wb.xlsx.load(readablePackage(parts, { notes: true }) as unknown as ArrayBuffer);
    return wb;
  } catch {
    const again = new lib.Workbook();
    await again.xlsx.load(readablePackage(parts) as unknown as ArrayBuffer);
    return again;
  }
}

/** What an ExcelJS cell holds, as the user would read it ("=SUM(B4:B9)" for a formula). */
function shownValue(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object" || v instanceof Date) return String(v);
  if ("formula" in v || "sharedFormula" in v) return `=${"formula" in v ? v.formula : v.sharedFormula}`;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  return "text" in v ? String(v.text) : JSON.stringify(v);
}

/** The names a plan's sheets take beside the taken ones. */
function planNames(plan: ResultPlan, taken: Set<string>): Record<string, string> {
  const t = new Set(taken);
  const names: Record<string, string> = {};
  for (const p of plan.sheets) {
    names[p.key] = safeSheetName(p.name, t);
    t.add(names[p.key]);
  }
  return names;
}

/** Merged areas. `ws.model` would rebuild the model of every row; ExcelJS keeps the merges in `_merges`. */
function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  const ranges = internal
    ? Object.values(internal)
        .map((m) => m.range)
        .filter((r): r is string => typeof r === "string")
    : ((ws.model as { merges?: string[] }).merges ?? []);
  return ranges.map((m) => parseRangeA1(m));
}

export function readWorksheet(ws: ExcelJS.Worksheet): SheetData {
  const merges = mergesOf(ws);
  // getSheetValues is ExcelJS's fast path: one sparse array per row, 1-based; reuse its arrays, converted in place
  const raw = ws.getSheetValues() as unknown as Array<Array<unknown> | undefined>;
  // the used range, not the claimed one: rows after the last one with content are not read at all
  const height = usedHeight(raw);
  const values: CellValue[][] = new Array(height);
  const formats: NonNullable<SheetData["formats"]> = [];
  for (let rn = 1; rn <= height; rn++) {
    const row = raw[rn];
    if (!row) {
      values[rn - 1] = [];
      continue;
    }
    row.shift();
    let xrow: ExcelJS.Row | undefined;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === undefined || v === null) continue;
      const t = typeof v;
      if (t === "number" || v instanceof Date) {
        // what the value means may be in its format: a date, a percentage
        xrow ??= ws.findRow(rn);
        const fmt = (xrow?.findCell(c + 1) as ExcelJS.Cell | undefined)?.numFmt;
        const kind = formatKind(fmt);
        if (kind === "date" || kind === "percent" || v instanceof Date)
          (formats[rn - 1] ??= [])[c] = kind === "date" || kind === "percent" ? fmt : "yyyy-mm-dd";
      }
      if (t !== "number" && t !== "string" && t !== "boolean") row[c] = convert(v as ExcelJS.CellValue);
    }
    values[rn - 1] = trimRow(row as CellValue[]);
  }
  // a merged area keeps its value in the top-left cell only, as in Excel (ExcelJS repeats it)
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const out = values[r];
      if (!out) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c < out.length) out[c] = null;
    }
  }
  const out: SheetData = { name: ws.name, originRow: 0, originCol: 0, values, merges };
  checkUsedRange(out);
  if (ws.state === "hidden" || ws.state === "veryHidden") out.visibility = ws.state;
  if (formats.length) out.formats = formats;
  return out;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * The number of rows up to the last one with content (ExcelJS's rows are 1-based; a stray blank far away is not
 * content).
 */
function usedHeight(raw: Array<Array<unknown> | undefined>): number {
  for (let rn = raw.length - 1; rn >= 1; rn--) {
    const row = raw[rn];
    if (!row) continue;
    for (let c = row.length - 1; c >= 1; c--) if (!blank(row[c])) return rn;
  }
  return 0;
}

/** Drop blank cells at the end of a row: a formatted or space-filled cell at XFD is not content. */
function trimRow(row: CellValue[]): CellValue[] {
  let n = row.length;
  while (n > 0 && blank(row[n - 1])) n--;
  if (n < row.length) row.length = n;
  return row;
}

/** The reader scans rows × columns of the used range: refuse, naming the far cell, before that takes minutes. */
function checkUsedRange(s: SheetData): void {
  let cols = 0;
  let far = { row: 0, col: 0 };
  s.values.forEach((r, i) => {
    if (r.length > cols) {
      cols = r.length;
      far = { row: i, col: r.length - 1 };
    }
  });
  const rows = s.values.length;
  if (rows > LIMITS.rowsPerSheet)
    throw new WorkbookFileError("limit-rows", { sheet: s.name, rows, max: LIMITS.rowsPerSheet });
  if (rows * cols > LIMITS.usedCells) {
    const last = s.values[rows - 1];
    const cell =
      cols - 1 === far.col && rows - 1 === far.row ? far : { row: rows - 1, col: Math.max(0, last.length - 1) };
    throw new WorkbookFileError("limit-used-range", {
      sheet: s.name,
      cell: `${colLetters(cell.col)}${cell.row + 1}`,
      rows,
      cols,
      max: LIMITS.usedCells,
    });
  }
}

/** One result sheet into an ExcelJS worksheet: values, formulas, formats, layout, notes and conditional formats. */
export function writeSheet(ws: ExcelJS.Worksheet, p: PlanSheet, names: Record<string, string> = {}): void {
  const values = rectangular(p.values);
  values.forEach((row, r) => {
    const xr = ws.getRow(r + 1);
    row.forEach((v, c) => {
      if (v !== null) xr.getCell(c + 1).value = v;
    });
  });
  for (const f of p.formulas ?? []) {
    const cell = ws.getRow(f.row + 1).getCell(f.col + 1);
    const result = values[f.row]?.[f.col];
    const formula = filePrefixed(resolveSheetRefs(f.formula, names));
    cell.value =
      result === null || result === undefined ? { formula } : ({ formula, result } as ExcelJS.CellFormulaValue);
  }
  for (const f of p.numberFormats) forRect(ws, f.rect, (c) => (c.numFmt = f.format));
  for (const s of p.styles) forRect(ws, s.rect, STYLE[s.style]);
  for (const l of p.links) {
    const cell = ws.getRow(l.row + 1).getCell(l.col + 1);
    cell.value = { text: String(cell.value ?? l.cell), hyperlink: `#${quoteSheet(l.sheet)}!${l.cell}` };
    cell.font = linkFont();
  }
  writeLayout(ws, p, values.length);
  writeFilter(ws, p);
  for (const n of p.notes ?? []) ws.getRow(n.row + 1).getCell(n.col + 1).note = n.text;
  writeConditional(ws, p);
}

/** Merges, column widths, frozen panes, the page setup (A4, fitted to the width) and row heights. */
function writeLayout(ws: ExcelJS.Worksheet, p: PlanSheet, rows: number): void {
  for (const m of p.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  p.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (p.freeze) ws.views = [{ state: "frozen", xSplit: p.freeze.cols, ySplit: p.freeze.rows }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: p.print?.landscape === false ? "portrait" : "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  if (p.print) ws.pageSetup.printTitlesRow = `${p.print.titleRows[0] + 1}:${p.print.titleRows[1] + 1}`;
  if (p.print?.lastColumn !== undefined) ws.pageSetup.printArea = `A1:${colLetters(p.print.lastColumn)}${rows}`;
  for (const h of p.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
}

/**
 * The plan's AutoFilter: its range and the rows it hides as written (the criterion, which ExcelJS cannot write, is
 * added to the sheet's XML by addFilterCriteria).
 */
function writeFilter(ws: ExcelJS.Worksheet, p: PlanSheet): void {
  if (!p.filter) return;
  const r = p.filter.rect;
  ws.autoFilter = { from: { row: r.top + 1, column: r.left + 1 }, to: { row: r.bottom + 1, column: r.right + 1 } };
  for (const h of p.filter.hidden) ws.getRow(h + 1).hidden = true;
}

/** Sheet name → the filter column within its range, for the sheets of a plan that have a filter. */
export function filterColumns(sheets: readonly PlanSheet[], names: Record<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of sheets) if (p.filter && names[p.key]) out.set(names[p.key], p.filter.column - p.filter.rect.left);
  return out;
}

/** The plan's conditional formats (a tone where a formula holds), and data bars on the totals. */
function writeConditional(ws: ExcelJS.Worksheet, p: PlanSheet): void {
  (p.conditional ?? []).forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: `${colLetters(cf.rect.left)}${cf.rect.top + 1}:${colLetters(cf.rect.right)}${cf.rect.bottom + 1}`,
      rules: [
        {
          type: "expression",
          priority: i + 2,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${TONE_FILL[cf.tone]}` } },
            font: { color: { argb: `FF${TONE_FONT[cf.tone]}` } },
          },
        },
      ],
    }),
  );
  // a file cannot carry the Excel chart: data bars on the totals say the same at a glance
  if (p.bars && p.bars.bottom >= p.bars.top) {
    const col = colLetters(p.bars.column);
    ws.addConditionalFormatting({
      ref: `${col}${p.bars.top + 1}:${col}${p.bars.bottom + 1}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          minLength: 0,
          maxLength: 100,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: "FF5B9BD5" },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

function forRect(ws: ExcelJS.Worksheet, r: Rect, f: (c: ExcelJS.Cell) => void): void {
  for (let i = r.top; i <= r.bottom; i++) {
    const row = ws.getRow(i + 1);
    for (let j = r.left; j <= r.right; j++) f(row.getCell(j + 1));
  }
}
