/**
 * The registry of rule kinds: one line per kind. Everything the engine does with a rule (parse it, score it, write its
 * formula, write and read its row of the rules sheet, check its references, find its gap, say it in words) goes
 * through this table, typed `{ [K in RuleKind]: KindOf<K> }`, so a kind with a piece missing does not compile. See
 * README "Adding a rule kind".
 */
import type { z } from "zod";
import type { Formulas } from "../../output/formulas";
import type { GapEnv, RuleGap } from "../../whatif/gap-env";
import type { RuleContext } from "../context";
import type { RuleOutcome } from "../outcome";
import type { KindModule, KindPieces, ListRow, SchemeRefs } from "./kind";
import { rank } from "./rank";
import { tiers } from "./tiers";
import { target } from "./target";
import { perUnit } from "./per-unit";
import { flag } from "./flag";
import { entered } from "./entered";
import { growthSteps } from "./growth-steps";
import { benchmarkRatio } from "./benchmark-ratio";
import { certification } from "./certification";
import { deduction } from "./deduction";
import { veto } from "./veto";

const MODULES = {
  rank,
  tiers,
  target,
  "per-unit": perUnit,
  flag,
  entered,
  "growth-steps": growthSteps,
  "benchmark-ratio": benchmarkRatio,
  certification,
  deduction,
  veto,
};

type Modules = typeof MODULES;
/** The name of a rule kind ("rank", "tiers", …). */
export type RuleKind = keyof Modules;
/** A rule of any kind, as parsed. */
export type RuleSpecT = { [K in RuleKind]: z.output<Modules[K]["schema"]> }[RuleKind];
/** A rule of one kind. */
export type RuleOf<K extends RuleKind> = Extract<RuleSpecT, { kind: K }>;
/** The module of one kind: its schema parses rules of that kind and nothing else. */
export type KindOf<K extends RuleKind> = KindModule<Modules[K]["schema"]> & { kind: K };

/** Every kind, each with every piece (a missing kind, piece or a module under another kind's name fails here). */
export const KINDS: { [K in RuleKind]: KindOf<K> } = MODULES;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** One language's words of every kind, in one object. */
type KindWords<L extends "zh" | "en"> = UnionToIntersection<Modules[RuleKind]["texts"][L]>;
const wordsIn = <L extends "zh" | "en">(lang: L) =>
  Object.assign({}, ...Object.values(MODULES).map((m) => m.texts[lang])) as KindWords<L>;
/** Every kind's own words (its `texts`) in Chinese and English: the type of the catalogue's domain `kinds`. */
export const KIND_TEXTS = { zh: wordsIn("zh"), en: wordsIn("en") };

type AnyRuleSchema = Modules[RuleKind]["schema"];
/** The schemas of every kind in registry order, for the scheme's discriminated union. */
export const RULE_SCHEMAS = Object.values(MODULES).map((m) => m.schema) as [AnyRuleSchema, ...AnyRuleSchema[]];

/** A rule's module, with its pieces typed for any rule (the module is the one of the rule's own kind). */
function kindOf(rule: RuleSpecT): KindPieces<RuleSpecT> {
  return KINDS[rule.kind] as unknown as KindPieces<RuleSpecT>;
}

/** Score one rule: its kind's evaluator. */
export function evaluateRule(rule: RuleSpecT, ctx: RuleContext): RuleOutcome {
  return kindOf(rule).evaluate(rule, ctx);
}

/** One rule's live formula for entity i: its kind's formula. */
export function formulaOf(rule: RuleSpecT, fx: Formulas, i: number): string | null {
  return kindOf(rule).formula(rule, fx, i);
}

/** Whether a rule's formula reads only the unit's own cells and shared ones (computed on 计算过程 in input order). */
export function ownRowOf(rule: RuleSpecT): boolean {
  return kindOf(rule).ownRow === true;
}

/** One rule's cross-reference problems: its kind's check. */
export function checkRule(rule: RuleSpecT, refs: SchemeRefs, where: string): string[] {
  return kindOf(rule).check(rule, refs, where);
}

/** Does the rule decide who is evaluated at all (一票否决)? Its kind says so. */
export function vetoes(rule: RuleSpecT): boolean {
  return kindOf(rule).vetoes === true;
}

/** The list rows of a rule that sums a list's rows (the 计算过程 sheet), from its kind; none for other rules. */
export function listRowsOf(rule: RuleSpecT, fx: Formulas): ListRow[] {
  return kindOf(rule).listRows?.(rule, fx) ?? [];
}

/** One rule's gap for a unit: its kind's gap function. */
export function gapOfRule(rule: RuleSpecT, env: GapEnv, unit: number): RuleGap | null {
  return kindOf(rule).gap(rule, env, unit);
}

export type { KindModule, KindPieces, KindCodec, ListRow, SchemeRefs, ValueKind, MaxMeaning } from "./kind";
