/**
 * Target schemes: target tables to fill (分解目标) and target lists to track (进度跟踪), as data validated with zod.
 * Kept apart from schema.ts (the scoring schemes). Every target cites the text it comes from.
 */
import { z } from "zod";

/** how a target is worded: X以上 / 不少于X / 达X (≥), 超过X / 突破X (>), 不超过X (≤), X左右 (a band) */
export const Direction = z.enum(["atLeast", "above", "atMost", "band"]);
export type DirectionT = z.infer<typeof Direction>;

/** One indicator of a target table (zone × year), e.g. the Huaibei annex's 规上工业产值 2022–2025. */
export const TableIndicator = z.object({
  id: z.string(),
  /** the header as printed, without unit, e.g. 规上工业产值 */
  name: z.string(),
  synonyms: z.array(z.string()).default([]),
  unit: z.string(),
  /** decimals of the table's precision (0 for counts) */
  decimals: z.number().int().min(0).max(4),
  /** years printed for this indicator (empty: one column without a year, e.g. 每年新开工建设工业项目) */
  years: z.array(z.number().int()).default([]),
  /** the year whose values are actuals (the base of every path); absent: no base in the table */
  baseYear: z.number().int().optional(),
  /** city totals the policy states, by year ("0" for the year-less column) */
  totals: z.record(z.string(), z.number()).default({}),
  /** how the total is worded: atLeast (X以上), above (突破X) — the table holds it exactly either way */
  totalDirection: Direction.default("atLeast"),
  /** per-unit floor the policy states (各开发区…1家以上) */
  floor: z.number().optional(),
  /** targets rise year on year (from the base) */
  rising: z.boolean().default(true),
  /** without a base of its own: share the total by this indicator's base values (or equally) */
  weightsFrom: z.string().optional(),
  cite: z.string(),
});
export type TableIndicatorT = z.infer<typeof TableIndicator>;

export const TargetTable = z.object({
  /** title printed above the table */
  title: z.string(),
  /** the unit column's header (开发区) and its synonyms */
  unitHeader: z.array(z.string()).min(1),
  units: z.array(z.string()).default([]),
  indicators: z.array(TableIndicator).min(1),
});
export type TargetTableT = z.infer<typeof TargetTable>;

/** A target to track: a number with its direction, or a task tracked by status. */
export const TrackedTarget = z.object({
  id: z.string(),
  /** the indicator, e.g. 规上工业产值 */
  name: z.string(),
  /** level: reach a value; growth: grow by a rate on the same period last year; status: done / not done */
  kind: z.enum(["level", "growth", "status"]),
  value: z.number().optional(),
  /** for growth targets: the rate in percent (12 for 增长12%) */
  unit: z.string().default(""),
  direction: Direction.default("atLeast"),
  /** 力争: an aspirational target (reported as such) */
  aspirational: z.boolean().default(false),
  /** cumulative through the year (时序进度 applies); false for rates and shares */
  cumulative: z.boolean().default(true),
  /** responsible units, lead first */
  lead: z.string().default(""),
  co: z.array(z.string()).default([]),
  /** section of the document (二、工作目标 / 三(一)1 …) */
  section: z.string().default(""),
  /** the words of the document this target is read from */
  cite: z.string(),
});
export type TrackedTargetT = z.infer<typeof TrackedTarget>;

export const ProjectThreshold = z.object({
  id: z.string(),
  name: z.string(),
  synonyms: z.array(z.string()).default([]),
  unit: z.string(),
  min: z.number(),
});
export type ProjectThresholdT = z.infer<typeof ProjectThreshold>;

export const TargetScheme = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** the source document (file under shared/policies and its title) */
  source: z.string(),
  year: z.number().int(),
  /** the target table to fill, when the document has one */
  table: TargetTable.optional(),
  /** the targets to track */
  targets: z.array(TrackedTarget).default([]),
  /** "左右" read as a band of ± this share (0.05 = ±5 %); a named option */
  bandTolerance: z.number().min(0).max(0.5).default(0.05),
  /** a per-project check of thresholds (宣城 "234+1.2") */
  projectCheck: z
    .object({ name: z.string(), cite: z.string(), thresholds: z.array(ProjectThreshold).min(1) })
    .optional(),
  /** the responsibility table's printed headers (序号, 主要目标, 目标任务来源, 牵头单位, 协同责任单位) */
  responsibility: z.object({ headers: z.array(z.string()) }).optional(),
  notes: z.array(z.string()).default([]),
  /** English for the scheme's own words (as in the scoring schemes); `schemeWord()` in engine/i18n reads it */
  glossary: z.record(z.string(), z.string()).default({}),
});
export type TargetSchemeT = z.infer<typeof TargetScheme>;
export type TargetSchemeInput = z.input<typeof TargetScheme>;

export function parseTargetScheme(raw: unknown): TargetSchemeT {
  return TargetScheme.parse(raw);
}
