/** What scoring produces: every point with its clause, its inputs and a sentence saying why. Pure data. */
import type { Issue } from "./types";

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

export interface EntityResult {
  index: number;
  name: string;
  sheet: string;
  row: number;
  rank: number | null;
  total: number;
  bonus: number;
  base: number | null;
  vetoed: boolean;
  vetoReason?: string;
  parts: Part[];
}

export interface ScoreRun {
  scheme: string;
  year: number;
  issues: Issue[];
  /** in input order */
  entities: EntityResult[];
  /** entity indexes by rank (ties keep input order) */
  order: number[];
  details: Detail[];
  awards: AwardResult[];
  /** facts the reader should know: where the year and parameters came from, how 三(三) ranked */
  notes: string[];
}
