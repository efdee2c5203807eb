/**
 * The pane's one state model: the workbook, the scheme and its options, the year, the language, the findings with the
 * mapping the reader used, and the results. Pure (a reducer); the App dispatches and renders.
 *
 * Findings and results remember the inputs they were made from (`inputsKey`); when the inputs change they are shown
 * as out of date (`isStale`). A new workbook clears everything that came from the previous one.
 */
import type { Issue } from "../engine/types";
import type { ResolvedTable } from "../engine/read/workbook";
import type { ScoreRun } from "../engine/score/result";
import type { UiLang } from "./i18n";
import type { Progress } from "./book-client";

export type StatusKey =
  | { key: "checked"; errors: number; warnings: number }
  | {
      key: "scored";
      errors: number;
      warnings: number;
      sheets: string[];
      /** what this Excel could not do in the write (a feature below its requirement set, a cap), in both languages */
      notices?: Array<{ zh: string; en: string }>;
    }
  | { key: "blocked"; errors: number }
  | { key: "opened"; name: string }
  | { key: "savedMapping"; errors: number; warnings: number }
  | { key: "templateNew" }
  | { key: "templateFile"; name: string }
  | { key: "wrote"; sheets: string[] }
  | { key: "applied"; cell: string; text: string; errors: number; warnings: number }
  | { key: "cancelled" }
  | { key: "error"; text: string };

export interface Findings {
  issues: Issue[];
  mapping: ResolvedTable[];
  errors: number;
  warnings: number;
  /** the inputs they were made from */
  inputs: string;
}

export interface Results {
  run: ScoreRun;
  written: string[];
  inputs: string;
}

/** A stage's progress; in a stage with steps of its own (the write), how far it has got (`part`). */
export type BusyProgress = Progress & { part?: { done: number; total: number } };

export interface Busy {
  task: "open" | "check" | "score" | "template" | "mapping" | "apply" | "download";
  progress: BusyProgress | null;
  cancellable: boolean;
  /** 取消 no longer applies: the write is committing (`final`), or a cancel is undoing it (`cancelling`) */
  lock?: "final" | "cancelling";
}

export interface State {
  lang: UiLang;
  /** increases with every workbook opened: what was found in one never shows for another */
  book: number;
  fileName: string;
  hasBook: boolean;
  schemeId: string;
  /** the scheme the workbook's sheets suggest */
  suggested: string | null;
  options: Record<string, string>;
  /** as typed; empty = from the workbook's 参数 sheet */
  year: string;
  valuesOnly: boolean;
  /** bumped when the mapping or aliases saved in the workbook change */
  mappingVersion: number;
  busy: Busy | null;
  status: StatusKey | null;
  findings: Findings | null;
  results: Results | null;
}

export type Action =
  | { type: "lang"; lang: UiLang }
  | { type: "opened"; name: string; suggested: string | null }
  | { type: "closed" }
  | { type: "suggest"; suggested: string | null }
  | { type: "scheme"; id: string }
  | { type: "option"; id: string; value: string }
  | { type: "year"; year: string }
  | { type: "valuesOnly"; on: boolean }
  | { type: "mappingSaved" }
  | { type: "busy"; busy: Busy | null }
  | { type: "progress"; progress: BusyProgress }
  | { type: "lock"; lock: NonNullable<Busy["lock"]> }
  | { type: "status"; status: StatusKey | null }
  | { type: "findings"; findings: Findings }
  | { type: "results"; results: Results | null };

export function initialState(lang: UiLang, schemeId: string, hasBook: boolean): State {
  return {
    lang,
    book: hasBook ? 1 : 0,
    fileName: "",
    hasBook,
    schemeId,
    suggested: null,
    options: {},
    year: "",
    valuesOnly: false,
    mappingVersion: 0,
    busy: null,
    status: null,
    findings: null,
    results: null,
  };
}

/** What findings and results depend on. The language is not among them: a language change re-renders them. */
export function inputsKey(s: State): string {
  return JSON.stringify([s.book, s.schemeId, s.options, yearOf(s.year) ?? null, s.mappingVersion]);
}

export function isStale(s: State, made: { inputs: string } | null): boolean {
  return !!made && made.inputs !== inputsKey(s);
}

/** the typed year as a number, or undefined when empty or not a plausible year */
export function yearOf(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const y = Number(t);
  return y >= 1990 && y <= 2100 ? y : undefined;
}

export function yearInvalid(text: string): boolean {
  return text.trim() !== "" && yearOf(text) === undefined;
}

export function reducer(s: State, a: Action): State {
  switch (a.type) {
    case "lang":
      return { ...s, lang: a.lang };
    case "opened":
      // a new workbook: nothing of the previous one stays (findings, mapping, results, year, status)
      return {
        ...s,
        book: s.book + 1,
        hasBook: true,
        fileName: a.name,
        suggested: a.suggested,
        schemeId: a.suggested ?? s.schemeId,
        options: a.suggested && a.suggested !== s.schemeId ? {} : s.options,
        year: "",
        mappingVersion: 0,
        findings: null,
        results: null,
        status: { key: "opened", name: a.name },
      };
    case "suggest":
      // Excel: the workbook's sheets suggest a scheme when the pane opens; a choice made meanwhile is kept
      return s.findings || s.results || !a.suggested
        ? { ...s, suggested: a.suggested }
        : { ...s, suggested: a.suggested, schemeId: a.suggested };
    case "closed":
      return {
        ...s,
        book: s.book + 1,
        hasBook: false,
        fileName: "",
        suggested: null,
        year: "",
        findings: null,
        results: null,
      };
    case "scheme":
      return a.id === s.schemeId ? s : { ...s, schemeId: a.id, options: {} };
    case "option":
      return { ...s, options: { ...s.options, [a.id]: a.value } };
    case "year":
      return { ...s, year: a.year };
    case "valuesOnly":
      return { ...s, valuesOnly: a.on };
    case "mappingSaved":
      return { ...s, mappingVersion: s.mappingVersion + 1 };
    case "busy":
      return { ...s, busy: a.busy, status: a.busy ? null : s.status };
    case "progress":
      return s.busy ? { ...s, busy: { ...s.busy, progress: a.progress } } : s;
    case "lock":
      return s.busy ? { ...s, busy: { ...s.busy, lock: a.lock } } : s;
    case "status":
      return { ...s, status: a.status };
    case "findings":
      return { ...s, findings: a.findings };
    case "results":
      return { ...s, results: a.results };
  }
}
