/**
 * Gap to the next level, per rule kind: each kind module (src/engine/score/kinds) has its `gap` function, so a kind
 * without one does not compile. Each returns the smallest change of one input (or of the inputs one tier needs) that
 * lifts the unit to its next points level, "已达上限" where no higher level exists, or null where no level can be
 * reached by changing an input (a unit not scored, a missing target, a missing parameter).
 */
import { KINDS, type KindPieces } from "../score/kinds";
import type { GapEnv, RuleGap, RuleKind, RuleOf } from "./gap-env";

export { condText } from "./gap-env";

export type GapFn<K extends RuleKind> = (rule: RuleOf<K>, env: GapEnv, unit: number) => RuleGap | null;

/** Every kind's gap function, from the registry. */
export const GAP_FNS = Object.fromEntries(
  Object.values(KINDS).map((k) => [k.kind, (k as unknown as KindPieces<RuleOf<RuleKind>>).gap]),
) as { [K in RuleKind]: GapFn<K> };

export function gapFor<K extends RuleKind>(rule: RuleOf<K>, env: GapEnv, unit: number): RuleGap | null {
  return (GAP_FNS[rule.kind] as GapFn<K>)(rule, env, unit);
}
