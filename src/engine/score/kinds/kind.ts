/**
 * What a rule kind is: one module with every piece the engine needs of it (after HyperFormula's function plugins,
 * where a function's metadata and implementation sit together and are registered in a loop). The registry
 * (./index.ts) holds one module per kind in a table typed `{ [K in RuleKind]: KindOf<K> }`, so a kind without one of
 * these pieces, or registered under another kind's name, does not compile.
 */
import type { z } from "zod";
import type { ConditionT } from "../../scheme/parts";
import type { Scheme, TableSpecT } from "../../scheme/schema";
import type { Formulas } from "../../output/formulas";
import type { GapEnv, RuleGap } from "../../whatif/gap-env";
import type { RuleContext } from "../context";
import type { Lang } from "../../types";
import type { RuleOutcome } from "../outcome";
import { addKindWords, t, type Entries, type Mirror, type TextPair } from "../../i18n";

/** How a parameter's value is written in a cell of the rules sheet (规则). */
export type ValueKind =
  "num" | "bool" | "str" | "strs" | "nums" | "numOrParam" | "conds" | "target" | "levels" | "choices";

/** What the 满分 column of the rules sheet means for a kind (the help sheet groups the kinds by it). */
export type MaxMeaning = "full" | "highest" | "cap" | "mostDeducted";

/** A kind's row in the rules sheet: which key the 指标 and 满分 columns show, and how its 参数 are written. */
export interface KindCodec<R> {
  /** the key shown in the 指标 column: a field, the table judged (over) or a list of fields */
  column: "field" | "over" | "fields";
  /** the key shown in the 满分 column, and what that column means for this kind */
  max?: { key: keyof R & string; meaning: MaxMeaning };
  /** how each of the kind's own keys is written in the 参数 column */
  params: Record<string, ValueKind>;
  /** parts of the 参数 text that are not key=value (tiers: `field=x; >50:10; >100:20`) */
  segments?: {
    /** the key the segments stand for (left out of the key=value parts) */
    key: keyof R & string;
    write(rule: R): string[];
    /** `field` is the default field a `field=` part names */
    read(segs: string[], field: string | undefined): Record<string, unknown>;
  };
}

/** One list row's points in the 计算过程 sheet: a formula on its own cells, or null where the value stays. */
export interface ListRow {
  entity: number;
  subject: string;
  formula: string | null;
  value: number;
}

/** What a kind's cross-reference check gets: the scheme and quick look-ups of its tables, fields and parameters. */
export interface SchemeRefs {
  scheme: Scheme;
  /** the language the problems are written in */
  lang: Lang;
  tables: Map<string, TableSpecT>;
  entityFields: Set<string>;
  params: Set<string>;
  fieldsOf(table: string): Set<string>;
  /** problems with conditions judged on a table (unknown fields or parameters) */
  checkConds(where: string, table: string, conds: readonly ConditionT[]): string[];
}

/** Every piece of one rule kind. `R` is the rule as its schema parses it. */
export interface KindPieces<R extends { kind: string }> {
  kind: R["kind"];
  /** points per unit, eagerly; the explanation sentence (basis, from the catalogue domain `basis`) and the
   * evidence lazily */
  evaluate(rule: R, ctx: RuleContext): RuleOutcome;
  /** the live Excel formula of unit i's points, or null where the value stays (fx.fallback says why) */
  formula(rule: R, fx: Formulas, i: number): string | null;
  /** the rules-sheet codec (params to and from the readable cell text); its help is the catalogue's basis.help.* */
  codec: KindCodec<R>;
  /** cross-reference problems of one rule ("where" names it), in the scheme's words */
  check(rule: R, refs: SchemeRefs, where: string): string[];
  /** the smallest change of an input that lifts the unit to its next points level, or null where none exists */
  gap(rule: R, env: GapEnv, unit: number): RuleGap | null;
  /**
   * true for a kind that decides who is evaluated at all (一票否决): judged before the others (its outcome's `veto`
   * gives the reason per unit), its points count nowhere and it has no column of its own
   */
  vetoes?: true;
  /**
   * true for a kind whose formula reads only the unit's own input cells and cells every unit shares: its points are
   * computed on 计算过程, a row per unit in the entity table's order (the same formula on every row, written once in
   * R1C1), and the summary, in rank order, reads them by INDEX (issue 14: one formula a column, not one a unit)
   */
  ownRow?: true;
  /** a kind whose rule sums the rows of a list: each row's points for the 计算过程 sheet (none when it judges units) */
  listRows?(rule: R, fx: Formulas): ListRow[];
}

/** A kind module: its zod schema, its pieces and its words (`T`, from `kindTexts`, so the catalogue knows the keys). */
export interface KindModule<S extends z.ZodType<{ kind: string }>, T extends TextPair = TextPair> extends KindPieces<
  z.output<S>
> {
  schema: S;
  /** its sentences, warnings, name and gap levels in Chinese and English; the catalogue's domain `kinds` */
  texts: T;
}

/**
 * A kind's words: the English must have exactly the Chinese keys (a missing English sentence does not compile). They
 * join the catalogue's domain `kinds` as the module loads.
 */
export function kindTexts<Z extends Entries>(zh: Z, en: Mirror<Z>): TextPair<Z> {
  const pair = { zh, en };
  addKindWords(pair);
  return pair;
}

/** The check most kinds need: the field they read is a column of the entity table. */
export function fieldProblems(refs: SchemeRefs, where: string, field: string): string[] {
  return refs.entityFields.has(field) ? [] : [t(refs.lang, "scheme.noEntityField", { where, key: "field", field })];
}
