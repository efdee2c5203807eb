/** What scoring produces: every point with its clause, its inputs and a sentence saying why. */
import type { Issue } from "../types";

/** An input cell a point depends on. */
export interface InputRef {
  label: string;
  value: number | boolean | string | null;
  /** "Sheet!B5" */
  ref: string;
}

/** One rule's points for one entity (the summary sheet's cell). */
export interface Part {
  rule: string;
  points: number;
  basis: string;
}

/** One award of points (the detail sheet's row): a zone-level judgement, or one project / enterprise. */
export interface Detail {
  entity: string;
  entityIndex: number;
  rule: string;
  clause: string;
  points: number;
  subject: string;
  basis: string;
  inputs: InputRef[];
}

export interface AwardResult {
  entity: string;
  entityIndex: number;
  rule: string;
  clause: string;
  label: string;
  amount: number;
  unit: string;
  /** the policy gives an upper limit (最高 / 不超过) */
  upTo: boolean;
  subject: string;
  basis: string;
}

/** A result-usage finding across years (e.g. 90+ two years running → 优先支持扩区升级). */
export interface UsageResult {
  entity: string;
  entityIndex: number;
  rule: string;
  clause: string;
  outcome: string;
  basis: string;
}

export interface EntityResult {
  readonly index: number;
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly rank: number | null;
  /** base + score + bonus + deduction; 0 when vetoed */
  readonly total: number;
  /** sum of the group subtotals (score-role rules, each group capped at its weight) */
  readonly score: number;
  /** sum of bonus-role rules (加分, 附加分) */
  readonly bonus: number;
  /** sum of deduction-role rules (≤ 0) */
  readonly deduction: number;
  readonly base: number | null;
  readonly vetoed: boolean;
  readonly vetoReason?: string;
  readonly grade?: string;
  /** group id → subtotal */
  readonly groups: Record<string, number>;
  /** points per rule, in scheme order */
  readonly points: number[];
  /** each rule's points with its sentence (built when read) */
  readonly parts: Part[];
}

export interface ScoreRun {
  scheme: string;
  year: number;
  issues: Issue[];
  /** in input order */
  entities: EntityResult[];
  /** entity indexes by rank (ties keep input order; vetoed last) */
  order: number[];
  awards: AwardResult[];
  usage: UsageResult[];
  /** option id → choice in force */
  options: Record<string, string>;
  /** facts the reader should know: where the year and parameters came from, which readings are in force */
  notes: string[];
  /** why entity e got the points of rule r (scheme order) */
  basis(rule: number, entity: number): string;
  /** every award of points with its evidence, by rank then rule */
  details(): Detail[];
}
