import type { Detail } from "../result";

/** What a rule kind returns: points and a basis sentence per entity (input order), and one detail per award of points. */
export interface RuleOutcome {
  points: number[];
  basis: string[];
  details: Detail[];
}

export function emptyOutcome(n: number): RuleOutcome {
  return { points: new Array<number>(n).fill(0), basis: new Array<string>(n).fill(""), details: [] };
}
