/**
 * The Office.js adapter. Reads every sheet in two context.sync calls (names, then all used ranges together) and
 * writes a whole result in two more (write into temporary sheets, then swap them in), splitting only writes whose
 * request would pass ~4 MB (Excel on the web rejects requests over 5 MB) into one sync per chunk.
 * On any failure the temporary sheets are removed, so the workbook is left as it was.
 */
import type { CellValue, Rect, SheetData } from "../engine/types";
import {
  MARKER_PREFIX,
  rectangular,
  safeSheetName,
  TONE_FILL,
  TONE_FONT,
  type PlanSheet,
  type PlanStyle,
  type PlanValue,
  type ResultPlan,
} from "../engine/plan";
import { a1, parseRangeA1 } from "../engine/text";
import { resolveSheetRefs } from "../engine/result-plan";
import {
  parseSettings,
  quoteSheet,
  SETTINGS_NAME,
  SETTINGS_SHEET,
  sheetOfReference,
  type Settings,
  type WorkbookPort,
  type WriteReport,
} from "./port";

export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SupportsFn = (set: string, version: string) => boolean;

/** Largest request we send in one sync (bytes of the values we write); Excel on the web's limit is 5 MB. */
export const REQUEST_BUDGET = 4_000_000;

/** Approximate request bytes of a block of values, as JSON in UTF-8. */
export function payloadBytes(values: ReadonlyArray<ReadonlyArray<PlanValue>>): number {
  let n = 2;
  for (const row of values) {
    n += 3;
    for (const v of row) {
      if (v === null) n += 3;
      else if (typeof v === "string") {
        n += 3;
        for (let i = 0; i < v.length; i++) {
          const c = v.charCodeAt(i);
          n += c < 0x80 ? (c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : 3;
        }
      } else n += String(v).length + 1;
    }
  }
  return n;
}

/** Text that Excel would take for a formula (= + - @) is written as text. */
export function safeValue(v: PlanValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return "'" + v;
  return v;
}

const FILL: Partial<Record<PlanStyle, string>> = { header: "#DDEBF7", top: "#FFF2CC", vetoed: "#E7E6E6" };
const FONT_COLOR: Partial<Record<PlanStyle, string>> = {
  subtitle: "#666666",
  note: "#666666",
  error: "#C00000",
  warning: "#C65911",
  vetoed: "#808080",
};

export class OfficeBook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRunner,
    private readonly supports: SupportsFn,
    /** for tests: a fixed suffix for temporary sheet names */
    private readonly tempTag: string = Math.random().toString(36).slice(2, 8),
  ) {}

  /** the settings found by the last readSheets (read in the same two syncs) */
  private settings: Settings | null | undefined;

  async readSettings(): Promise<Settings | null> {
    if (this.settings === undefined) await this.readSheets();
    return this.settings ?? null;
  }

  async writeSettings(settings: Settings): Promise<void> {
    await this.run(async (ctx) => {
      const { sheets, names } = loadNames(ctx);
      await ctx.sync();
      const existing = names.items.find((n) => n.name === SETTINGS_NAME);
      const sheetName = existing ? sheetOfReference(existing.formula) : null;
      let ws: Excel.Worksheet;
      if (sheetName && sheets.items.some((x) => x.name === sheetName)) ws = sheets.getItem(sheetName);
      else {
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
      ws.getRange("A1").values = [["'" + JSON.stringify(settings)]];
      await ctx.sync();
    });
    this.settings = settings;
  }

  async readSheets(): Promise<SheetData[]> {
    const merges = this.supports("ExcelApi", "1.13");
    return this.run(async (ctx) => {
      const { sheets, names } = loadNames(ctx);
      await ctx.sync();
      const ours = markedSheets(names.items);
      const settingsRef = names.items.find((n) => n.name === SETTINGS_NAME);
      const settingsSheet = settingsRef ? sheetOfReference(settingsRef.formula) : null;
      let settingsCell: Excel.Range | null = null;
      if (settingsSheet && sheets.items.some((x) => x.name === settingsSheet)) {
        settingsCell = ctx.workbook.worksheets.getItem(settingsSheet).getRange("A1");
        settingsCell.load("values");
      }
      const reads = sheets.items
        .filter((ws) => !ours.has(ws.name) && ws.name !== settingsSheet)
        .map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("values,valueTypes,rowIndex,columnIndex");
          let areas: Excel.RangeAreas | null = null;
          if (merges) {
            areas = used.getMergedAreasOrNullObject();
            areas.load("address");
          }
          return { name: ws.name, used, areas };
        });
      await ctx.sync();
      this.settings = settingsCell ? parseSettings(settingsCell.values[0]?.[0]) : null;
      return reads.map(({ name, used, areas }) => {
        if (used.isNullObject) return { name, originRow: 0, originCol: 0, values: [], merges: merges ? [] : null };
        const types = used.valueTypes;
        const values: CellValue[][] = used.values.map((row, r) =>
          row.map((v, c) => {
            if (types[r][c] === "Error") return { error: String(v) };
            if (v === "" || v === null || v === undefined) return null;
            return v as CellValue;
          }),
        );
        let rects: Rect[] | null = null;
        if (areas) rects = areas.isNullObject ? [] : areas.address.split(",").map((s) => parseRangeA1(s.trim()));
        return { name, originRow: used.rowIndex, originCol: used.columnIndex, values, merges: rects };
      });
    });
  }

  writeResult(plan: ResultPlan): Promise<WriteReport> {
    return this.write(plan, true);
  }

  addSheets(plan: ResultPlan): Promise<WriteReport> {
    return this.write(plan, false);
  }

  /** Select a cell (clicking an issue in the pane). One sync. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  private async write(plan: ResultPlan, mark: boolean): Promise<WriteReport> {
    const temps = plan.sheets.map((_, i) => `zs~${this.tempTag}~${i}`);
    const links = this.supports("ExcelApi", "1.7");
    try {
      return await this.run(async (ctx) => {
        const { sheets, names } = loadNames(ctx);
        // 1. write everything into temporary sheets (one sync, or one per ~4 MB chunk)
        const added = plan.sheets.map((_, i) => sheets.add(temps[i]));
        // every write is counted against the request budget; a sync is made before a write that would pass it
        let budget = REQUEST_BUDGET;
        const spend = async (bytes: number) => {
          if (bytes > budget && budget < REQUEST_BUDGET) {
            await ctx.sync();
            budget = REQUEST_BUDGET;
          }
          budget -= bytes;
        };
        /** rows top.. of a block, as many per request as fit */
        const chunked = async (
          rows: ReadonlyArray<ReadonlyArray<PlanValue | string>>,
          set: (from: number, to: number) => void,
        ) => {
          let r = 0;
          while (r < rows.length) {
            let end = r;
            let bytes = 0;
            while (end < rows.length) {
              const b = payloadBytes([rows[end] as PlanValue[]]);
              if (bytes + b > budget && (end > r || budget < REQUEST_BUDGET)) break;
              bytes += b;
              end++;
            }
            if (end === r) {
              await ctx.sync();
              budget = REQUEST_BUDGET;
              continue;
            }
            set(r, end);
            budget -= bytes;
            r = end;
          }
        };
        for (let i = 0; i < plan.sheets.length; i++) {
          const p = plan.sheets[i];
          const ws = added[i];
          const values = rectangular(p.values);
          const w = values[0]?.length ?? 0;
          if (w > 0) {
            const safe = values.map((row) => row.map(safeValue));
            await chunked(safe, (a, b) => (ws.getRangeByIndexes(a, 0, b - a, w).values = safe.slice(a, b)));
          }
          // references to other result sheets point at their temporary names; Excel follows the renames of the swap
          const tempNames = Object.fromEntries(plan.sheets.map((x, j) => [x.key, temps[j]]));
          const f = formulaBlock(p, values, tempNames);
          if (f)
            await chunked(
              f.rows,
              (a, b) => (ws.getRangeByIndexes(f.top + a, 0, b - a, w).formulas = f.rows.slice(a, b)),
            );
          const withNotes = this.supports("ExcelApi", "1.18");
          // the formatting requests: number formats are sent cell by cell, the rest is small
          const formats = p.numberFormats.reduce(
            (x, f) => x + (f.rect.bottom - f.rect.top + 1) * (f.rect.right - f.rect.left + 1) * (f.format.length + 3),
            0,
          );
          await spend(
            formats + (p.styles.length + p.merges.length + p.links.length) * 160 + p.widths.length * 80 + 2048,
          );
          if (withNotes && p.notes) await spend(p.notes.slice(0, 5000).reduce((x, n) => x + n.text.length * 3 + 40, 0));
          decorate(ws, p, links, withNotes);
        }
        await ctx.sync();
        // 2. swap: remove ZoneScore's earlier sheets, give the new ones their names, mark them
        const ours = mark ? markedSheets(names.items) : new Map<string, string>();
        const taken = new Set(sheets.items.map((s) => s.name).filter((n) => !ours.has(n) && !temps.includes(n)));
        for (const [sheet] of ours) sheets.getItem(sheet).delete();
        if (mark) for (const n of names.items) if (n.name.startsWith(MARKER_PREFIX)) n.delete();
        const written: Record<string, string> = {};
        plan.sheets.forEach((p, i) => {
          const name = safeSheetName(p.name, taken);
          taken.add(name);
          written[p.key] = name;
          added[i].name = name;
          if (mark) names.add(MARKER_PREFIX + p.key, added[i].getRange("A1"));
        });
        const show = plan.activate !== undefined ? plan.sheets.findIndex((p) => p.key === plan.activate) : -1;
        if (show >= 0) added[show].activate();
        await ctx.sync();
        return { written, replaced: [...ours.keys()] };
      });
    } catch (e) {
      await this.cleanup(temps).catch(() => undefined);
      throw e;
    }
  }

  /** Remove temporary sheets left by a failed write. */
  private async cleanup(temps: string[]): Promise<void> {
    await this.run(async (ctx) => {
      for (const t of temps) ctx.workbook.worksheets.getItemOrNullObject(t).delete();
      await ctx.sync();
    });
  }
}

/** Queue the loads every batch starts with: sheet names and defined names (for the markers). */
function loadNames(ctx: Excel.RequestContext): { sheets: Excel.WorksheetCollection; names: Excel.NamedItemCollection } {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  const names = ctx.workbook.names;
  names.load("items/name,items/formula");
  return { sheets, names };
}

function markedSheets(items: ReadonlyArray<{ name: string; formula: string }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of items) {
    if (!n.name.startsWith(MARKER_PREFIX)) continue;
    const s = sheetOfReference(n.formula);
    if (s) out.set(s, n.name);
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

function decorate(ws: Excel.Worksheet, p: PlanSheet, links: boolean, notes = false): void {
  for (const f of p.numberFormats) {
    const rows = f.rect.bottom - f.rect.top + 1;
    const cols = f.rect.right - f.rect.left + 1;
    ws.getRange(rectAddress(f.rect)).numberFormat = Array.from({ length: rows }, () =>
      new Array<string>(cols).fill(f.format),
    );
  }
  for (const s of p.styles) {
    const fmt = ws.getRange(rectAddress(s.rect)).format;
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
  }
  for (const m of p.merges) ws.getRange(rectAddress(m)).merge(false);
  p.widths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 6.5)));
  if (p.freeze) {
    if (p.freeze.rows) ws.freezePanes.freezeRows(p.freeze.rows);
    if (p.freeze.cols) ws.freezePanes.freezeColumns(p.freeze.cols);
  }
  if (p.print) {
    ws.pageLayout.orientation = p.print.landscape ? "Landscape" : "Portrait";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.setPrintTitleRows(`$${p.print.titleRows[0] + 1}:$${p.print.titleRows[1] + 1}`);
    if (p.print.lastColumn !== undefined)
      ws.pageLayout.setPrintArea(ws.getRangeByIndexes(0, 0, Math.max(1, p.values.length), p.print.lastColumn + 1));
  }
  for (const h of p.rowHeights ?? []) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
  for (const cf of p.conditional ?? []) {
    const r = cf.rect;
    const f = ws
      .getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1)
      .conditionalFormats.add("Custom");
    f.custom.rule.formula = `=${cf.formula}`;
    f.custom.format.fill.color = `#${TONE_FILL[cf.tone]}`;
    f.custom.format.font.color = `#${TONE_FONT[cf.tone]}`;
  }
  // cell notes need ExcelApi 1.18; below it the detail sheet carries the same sentences
  if (notes && p.notes)
    for (const n of p.notes.slice(0, 5000)) ws.notes.add(ws.getRangeByIndexes(n.row, n.col, 1, 1), n.text);
  if (p.bars && p.bars.bottom >= p.bars.top && p.bars.stackColumns.length) {
    // a stacked bar chart of the totals by group (or by rule), names as categories, beside the table
    const b = p.bars;
    const rows = b.bottom - b.top + 1;
    const names = ws.getRangeByIndexes(b.top, 1, rows, 1);
    const [firstCol, ...rest] = b.stackColumns;
    const chart = ws.charts.add("BarStacked", ws.getRangeByIndexes(b.top - 1, firstCol, rows + 1, 1), "Columns");
    chart.title.text = "得分构成";
    chart.series.getItemAt(0).setXAxisValues(names);
    for (const c of rest) {
      const series = chart.series.add(String(p.values[b.top - 1]?.[c] ?? ""));
      series.setValues(ws.getRangeByIndexes(b.top, c, rows, 1));
      series.setXAxisValues(names);
    }
    chart.top = 20;
    chart.left = 700;
  }
  if (links) {
    for (const l of p.links) {
      ws.getRangeByIndexes(l.row, l.col, 1, 1).hyperlink = {
        documentReference: `${quoteSheet(l.sheet)}!${l.cell}`,
        textToDisplay: l.cell,
      };
    }
  }
}
