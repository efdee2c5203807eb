/**
 * The pipeline verbs, each keeping its intermediate: read (sheets → tables, issues) → check → score → plan.
 * Every host (task pane, browser page, command line) calls these and nothing else.
 */
import type { Scheme } from "../schemes/schema";
import type { Issue, Lang, SheetData } from "./types";
import type { Dataset } from "./dataset";
import type { ScoreRun } from "./result";
import type { ResultPlan } from "./plan";
import { readWorkbook } from "./read";
import { score } from "./score";
import { buildResultPlan } from "./result-plan";

export interface CheckOutcome {
  dataset: Dataset | null;
  issues: Issue[];
  errors: number;
  warnings: number;
}

export interface PipelineOptions {
  year?: number;
  lang?: Lang;
}

export function check(sheets: readonly SheetData[], scheme: Scheme, opts: PipelineOptions = {}): CheckOutcome {
  const r = readWorkbook(sheets, scheme, opts);
  return { dataset: r.dataset, issues: r.issues, errors: r.issues.filter((i) => i.severity === "error").length, warnings: r.issues.filter((i) => i.severity === "warning").length };
}

export interface ScoreOutcome extends CheckOutcome {
  /** null when the data has errors and force was not given, or when the tables could not be read at all */
  run: ScoreRun | null;
  /** read issues followed by scoring warnings */
  allIssues: Issue[];
}

export function checkAndScore(sheets: readonly SheetData[], scheme: Scheme, opts: PipelineOptions & { force?: boolean } = {}): ScoreOutcome {
  const c = check(sheets, scheme, opts);
  if (!c.dataset || (c.errors > 0 && !opts.force)) return { ...c, run: null, allIssues: c.issues };
  const run = score(scheme, c.dataset, { lang: opts.lang });
  const allIssues = [...c.issues, ...run.issues];
  run.issues = allIssues;
  return { ...c, run, allIssues, warnings: allIssues.filter((i) => i.severity === "warning").length };
}

export function plan(scheme: Scheme, run: ScoreRun, opts: { lang?: Lang; generatedAt?: string } = {}): ResultPlan {
  return buildResultPlan(scheme, run, run.issues, opts);
}

/** The JSON the command line writes with --json. */
export interface RunJson {
  scheme: string;
  year: number | null;
  issues: Issue[];
  entities: Array<{ name: string; rank: number | null; total: number; bonus: number; base: number | null; vetoed: boolean; parts: Array<{ rule: string; points: number; basis: string }> }>;
  awards: Array<{ entity: string; rule: string; amount: number; unit: string; upTo: boolean; basis: string }>;
  notes: string[];
}

export function toJson(schemeId: string, issues: readonly Issue[], run: ScoreRun | null, year: number | null = null): RunJson {
  return {
    scheme: schemeId,
    year: run?.year ?? year,
    issues: [...issues],
    entities: run
      ? run.order.map((i) => {
          const e = run.entities[i];
          return { name: e.name, rank: e.rank, total: e.total, bonus: e.bonus, base: e.base, vetoed: e.vetoed, parts: e.parts.map((p) => ({ rule: p.rule, points: p.points, basis: p.basis })) };
        })
      : [],
    awards: run ? run.awards.map((a) => ({ entity: a.entity, rule: a.rule, amount: a.amount, unit: a.unit, upTo: a.upTo, basis: a.basis })) : [],
    notes: run?.notes ?? [],
  };
}
