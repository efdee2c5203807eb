/**
 * The workbook port: the only thing the pipeline needs from a host. Read the user's sheets as values and merge
 * areas; write a result plan into new sheets, replacing only the sheets ZoneScore wrote before.
 */
import type { SheetData } from "../engine/types";
import type { ResultPlan } from "../engine/output/sheet-plan";
import type { MappingFile } from "../engine/read/workbook";
import { parseScenarios, type SavedScenario } from "../engine/whatif/scenario";
import { t, type TextKey, type Vars } from "../engine/i18n";
import type { Lang } from "../engine/types";

/**
 * A refusal or failure of a workbook operation, worded in the caller's language: `message` is the English, `text(lang)`
 * the user's. Crosses the standalone page's worker as its key and variables (book-worker.ts, book-client.ts).
 */
export class WorkbookError extends Error {
  constructor(
    readonly key: TextKey,
    readonly vars: Vars = {},
  ) {
    super(t("en", key, vars));
  }
  text(lang: Lang): string {
    return t(lang, this.key, this.vars);
  }
}

/** What ZoneScore remembers in a workbook: the confirmed column mapping, name aliases and named what-if scenarios. */
export type Settings = MappingFile & { scenarios?: SavedScenario[] };

/** The hidden sheet that holds the settings (JSON in A1), found by its defined name, not by its sheet name. */
export const SETTINGS_NAME = "ZoneScoreSettings";
export const SETTINGS_SHEET = "ZoneScore设置";

export function parseSettings(text: unknown): Settings | null {
  if (typeof text !== "string" || !text.trim()) return null;
  try {
    const v = JSON.parse(text) as Settings;
    if (!v || typeof v !== "object") return null;
    if (v.scenarios !== undefined) {
      // scenarios that do not parse are dropped; the mapping and aliases stay usable
      try {
        v.scenarios = parseScenarios(v.scenarios);
      } catch {
        delete v.scenarios;
      }
    }
    return v;
  } catch {
    return null;
  }
}

export interface WriteReport {
  /** plan key → the sheet name actually used */
  written: Record<string, string>;
  /** ZoneScore sheets of an earlier run that were replaced */
  replaced: string[];
  /** what this host could not do (a feature below its requirement set, a cap), in both languages, for the pane */
  notices?: Array<{ zh: string; en: string }>;
}

/** One cell of the user's own sheet to write (0-based row and column). */
export interface CellWrite {
  row: number;
  col: number;
  value: number | string;
  /** a confirmed fix: the number the cell must hold now (absent: the cell must be empty) */
  replaces?: number;
}

/** A cell not written: its address, what it holds (or the merged area it lies in), and why. */
export interface CellRefusal {
  cell: string;
  found: string;
  reason: "filled" | "changed" | "merged";
}

export interface FillReport {
  /** addresses written ("E4") */
  filled: string[];
  refused: CellRefusal[];
}

/**
 * How far a write has got: `done` of `total` (Office: bytes of the result's requests synced, reported after each
 * sync; ExcelJS: its sheets rendered). Calls arrive in order, `done` never decreases, and the last call has
 * `done === total`. `final` is set from the call at which the write can no longer be cancelled (it is committing: the
 * swap in Excel) to the end.
 */
export interface WriteProgress {
  done: number;
  total: number;
  final: boolean;
}

/**
 * Optional progress and cancellation of `writeResult` / `addSheets`. `signal` is looked at between the write's steps
 * up to its commit: once it is aborted there, the write stops, the workbook is put back exactly as it was and the
 * promise rejects with WriteCancelled. An abort after the commit began changes nothing: the write finishes.
 */
export interface WriteOptions {
  onProgress?: (p: WriteProgress) => void;
  signal?: AbortSignal;
}

/** A write stopped by its signal; the workbook is as it was before the write. */
export class WriteCancelled extends Error {
  constructor() {
    super("write cancelled");
    this.name = "WriteCancelled";
  }
}

export function isWriteCancelled(e: unknown): boolean {
  return e instanceof Error && e.name === "WriteCancelled";
}

/**
 * A write's steps for an adapter: `step(done)` reports, and before the commit first throws WriteCancelled when the
 * signal is aborted; `commit(done)` is the last look at the signal, and every report from it on is `final`; `end()`
 * reports `total`.
 */
export function writeSteps(opts: WriteOptions | undefined, total: number) {
  let last = 0;
  let final = false;
  const report = (done: number) => {
    last = Math.max(last, Math.min(done, total));
    opts?.onProgress?.({ done: last, total, final });
  };
  const check = () => {
    if (!final && opts?.signal?.aborted) throw new WriteCancelled();
  };
  return {
    step(done: number) {
      check();
      report(done);
    },
    commit(done: number) {
      check();
      final = true;
      report(done);
    },
    end() {
      final = true;
      report(total);
    },
  };
}

export interface WorkbookPort {
  /** every sheet except those ZoneScore wrote */
  readSheets(): Promise<SheetData[]>;
  /** write result sheets (marked as ZoneScore's); earlier ZoneScore sheets are removed, the user's are never touched */
  writeResult(plan: ResultPlan, opts?: WriteOptions): Promise<WriteReport>;
  /** add sheets that become the user's own (the input template): unmarked, never replaced */
  addSheets(plan: ResultPlan, opts?: WriteOptions): Promise<WriteReport>;
  /** the settings saved in the workbook (read together with the sheets where the host allows) */
  readSettings(): Promise<Settings | null>;
  /** save settings in a very hidden sheet */
  writeSettings(settings: Settings): Promise<void>;
  /**
   * Write cells of the user's own sheet, after the user confirmed it: only cells that are empty (or, for a fix, hold
   * exactly `replaces`); any other is refused and reported, never overwritten. Nothing else of the workbook changes.
   */
  fillCells(sheet: string, cells: readonly CellWrite[]): Promise<FillReport>;
}

/** The sheet a marker name points at: "ZoneScore.summary" → "=加分汇总!$A$1" or "'加分 汇总'!$A$1". */
export function sheetOfReference(ref: string): string | null {
  const s = ref.replace(/^=/, "");
  const bang = s.lastIndexOf("!");
  if (bang < 0) return null;
  let name = s.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return name || null;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
