import type { Detail } from "./result";

/**
 * What a rule kind returns. Points are computed eagerly and cheaply (what-if calls this on every keystroke);
 * the sentences and the evidence are built only when asked for (result sheets, JSON, the pane's explanation).
 */
export interface RuleOutcome {
  /** points per entity, in input order (0 for entities that are not scored) */
  points: number[];
  /** why entity i got its points, with the numbers used */
  basis(i: number): string;
  /** each award of points with its inputs (one per project or enterprise for list rules) */
  details(): Detail[];
  /** veto rules: the reason per entity, or null */
  veto?: Array<string | null>;
}

export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
