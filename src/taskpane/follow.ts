/**
 * Excel: the pane follows edits of the input sheets. The changed cells (read in one sync by the host's watcher) are
 * applied to the sheets read before, the workbook is checked and scored again in memory, and the new run is compared
 * with the run that was last written: which units moved since the written result. Nothing is written. Pure.
 */
import { checkAndScore } from "../engine/pipeline";
import type { Scheme } from "../engine/scheme/schema";
import type { Dataset } from "../engine/dataset";
import type { ScoreRun } from "../engine/score/result";
import type { SheetData } from "../engine/types";
import type { Settings } from "../workbook/port";
import { diffRuns, type ScenarioDiff } from "../engine/whatif";
import { patchSheets, type CellPatch } from "../workbook/office-watch";
import type { UiLang } from "./i18n";

export interface Followed {
  sheets: SheetData[];
  /** null when the edited data no longer scores (an error in a cell): the pane keeps the previous state */
  data: Dataset | null;
  run: ScoreRun | null;
  /** against the run last written; null when the data does not score */
  diff: ScenarioDiff | null;
  /** cells changed since the last written result */
  cells: number;
  errors: number;
}

export interface FollowInput {
  sheets: readonly SheetData[];
  settings: Settings | null;
  scheme: Scheme;
  lang: UiLang;
  options: Record<string, string>;
  year?: number;
  /** the run last written to the workbook */
  written: ScoreRun;
  /** cells changed before these patches */
  cellsBefore: number;
}

/** Apply the patches, rescore, and compare with the written run. */
export function follow(x: FollowInput, patches: readonly CellPatch[]): Followed {
  const sheets = patchSheets(x.sheets, patches);
  const r = checkAndScore(sheets, x.scheme, {
    lang: x.lang,
    options: x.options,
    year: x.year,
    mapping: x.settings ?? undefined,
  });
  const cells = x.cellsBefore + patches.reduce((n, p) => n + p.values.length * (p.values[0]?.length ?? 0), 0);
  const ids = x.scheme.rules.map((q) => q.id);
  const comparable = r.run && r.run.entities.length === x.written.entities.length;
  return {
    sheets,
    data: r.dataset ?? null,
    run: r.run ?? null,
    diff: comparable ? diffRuns(x.written, r.run!, x.lang, ids) : null,
    cells,
    errors: r.errors,
  };
}
