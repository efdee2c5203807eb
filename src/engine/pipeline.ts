/**
 * The pipeline verbs, each keeping its intermediate: read (sheets → tables, issues) → check → score → plan.
 * Every host (task pane, browser page, command line) calls these and nothing else.
 */
import type { Scheme } from "./scheme/schema";
import type { Issue, Lang, SheetData } from "./types";
import type { Dataset } from "./dataset";
import type { EntityResult, ScoreRun } from "./score/result";
import { Lazy } from "./lazy";
import type { ResultPlan } from "./output/sheet-plan";
import { readWorkbook, type MappingFile, type ResolvedTable } from "./read/workbook";
import { score } from "./score/scoring";
import { buildResultPlan, type PlanOptions } from "./output/result-plan";

export interface CheckOutcome {
  dataset: Dataset | null;
  issues: Issue[];
  /** the mapping the reader used, to confirm or change */
  mapping: ResolvedTable[];
  errors: number;
  warnings: number;
}

export interface PipelineOptions {
  year?: number;
  lang?: Lang;
  /** scheme options (readings) chosen by the user, e.g. { rankReading: "rank-linear" } */
  options?: Record<string, string>;
  /** the user's confirmed column mapping and name aliases */
  mapping?: MappingFile;
}

/**
 * Read and check. The scoring's own data warnings (a bureau score above its maximum, an unrecognised level, a unit
 * the scheme excludes, a special award typed for a vetoed unit, …) are raised here too: `check` scores the data and
 * keeps its warnings, so 校验 in the pane and `zonescore check` report every warning `score` would.
 */
export function check(sheets: readonly SheetData[], scheme: Scheme, opts: PipelineOptions = {}): CheckOutcome {
  return readAndScore(sheets, scheme, opts).check;
}

function readAndScore(
  sheets: readonly SheetData[],
  scheme: Scheme,
  opts: PipelineOptions,
): { check: CheckOutcome; run: ScoreRun | null } {
  const r = readWorkbook(sheets, scheme, opts);
  const run = r.dataset ? score(scheme, r.dataset, { lang: opts.lang, options: opts.options }) : null;
  const issues = run ? [...r.issues, ...run.issues] : r.issues;
  if (run) run.issues = issues;
  return {
    run,
    check: {
      dataset: r.dataset,
      issues,
      mapping: r.mapping,
      errors: issues.filter((i) => i.severity === "error").length,
      warnings: issues.filter((i) => i.severity === "warning").length,
    },
  };
}

export interface ScoreOutcome extends CheckOutcome {
  /** null when the data has errors and force was not given, or when the tables could not be read at all */
  run: ScoreRun | null;
  /** read issues followed by scoring warnings */
  allIssues: Issue[];
}

export function checkAndScore(
  sheets: readonly SheetData[],
  scheme: Scheme,
  opts: PipelineOptions & { force?: boolean } = {},
): ScoreOutcome {
  const { check: c, run } = readAndScore(sheets, scheme, opts);
  if (!c.dataset || !run || (c.errors > 0 && !opts.force)) return { ...c, run: null, allIssues: c.issues };
  return { ...c, run, allIssues: c.issues };
}

/** The result sheets: live formulas over the input cells when the data and sheets are given, else values. */
export function plan(scheme: Scheme, run: ScoreRun, opts: PlanOptions = {}): ResultPlan {
  return buildResultPlan(scheme, run, run.issues, opts);
}

/** One entity of the --json result. */
export interface EntityJson {
  name: string;
  rank: number | null;
  total: number;
  score: number;
  bonus: number;
  deduction: number;
  base: number | null;
  vetoed: boolean;
  vetoReason?: string;
  grade?: string;
  groups: Record<string, number>;
  parts: Array<{ rule: string; points: number; basis: string }>;
}

export interface AwardJson {
  entity: string;
  rule: string;
  amount: number;
  unit: string;
  upTo: boolean;
  basis: string;
}

export interface UsageJson {
  entity: string;
  rule: string;
  outcome: string;
  basis: string;
}

/** The JSON the command line writes with --json. */
export interface RunJson {
  scheme: string;
  year: number | null;
  issues: Issue[];
  entities: EntityJson[];
  awards: AwardJson[];
  usage: UsageJson[];
  options: Record<string, string>;
  notes: string[];
}

/**
 * The same JSON with its long lists made as they are written (`Lazy`): what the command line streams, so that a
 * million entities never exist as objects (with their basis sentences) all at once. Same keys in the same order.
 */
export interface RunJsonStream extends Omit<RunJson, "issues" | "entities" | "awards" | "usage"> {
  issues: Lazy<Issue>;
  entities: Lazy<EntityJson>;
  awards: Lazy<AwardJson>;
  usage: Lazy<UsageJson>;
}

function entityJson(e: EntityResult): EntityJson {
  const out: EntityJson = {
    name: e.name,
    rank: e.rank,
    total: e.total,
    score: e.score,
    bonus: e.bonus,
    deduction: e.deduction,
    base: e.base,
    vetoed: e.vetoed,
    groups: e.groups,
    parts: e.parts.map((p) => ({ rule: p.rule, points: p.points, basis: p.basis })),
  };
  if (e.vetoReason) out.vetoReason = e.vetoReason;
  if (e.grade) out.grade = e.grade;
  return out;
}

/** The --json result, its lists lazy: written member by member by the command line (src/cli/io.ts). */
export function runJson(
  schemeId: string,
  issues: readonly Issue[],
  run: ScoreRun | null,
  year: number | null = null,
): RunJsonStream {
  const none = Lazy.map<never, never>([], (x) => x);
  return {
    scheme: schemeId,
    year: run?.year ?? year,
    issues: Lazy.map(issues, (i) => i),
    entities: run ? Lazy.map(run.order, (i) => entityJson(run.entities[i])) : none,
    awards: run
      ? Lazy.map(run.awards, (a) => ({
          entity: a.entity,
          rule: a.rule,
          amount: a.amount,
          unit: a.unit,
          upTo: a.upTo,
          basis: a.basis,
        }))
      : none,
    usage: run
      ? Lazy.map(run.usage, (u) => ({ entity: u.entity, rule: u.rule, outcome: u.outcome, basis: u.basis }))
      : none,
    options: run?.options ?? {},
    notes: run?.notes ?? [],
  };
}

/** The --json result made whole, as plain objects and arrays (for tests and callers that keep it). */
export function toJson(
  schemeId: string,
  issues: readonly Issue[],
  run: ScoreRun | null,
  year: number | null = null,
): RunJson {
  const s = runJson(schemeId, issues, run, year);
  return { ...s, issues: [...s.issues], entities: [...s.entities], awards: [...s.awards], usage: [...s.usage] };
}
