/**
 * The scheme format: a policy encoded as data. Validated with zod; every rule and award cites its clause.
 * Engine code imports only the inferred types from here.
 */
import { z } from "zod";
import { Condition, id, NumOrParam, RankReading, type ConditionT, type NumOrParamT } from "./parts";
import { RULE_SCHEMAS, type RuleSpecT } from "../score/kinds";
import { checkRule, type SchemeRefs } from "../score/kinds";
import { t } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";
import type { Lang } from "../types";

export { Condition, NumOrParam, RankReading };
export type { ConditionT, NumOrParamT, RuleSpecT };
export type { RuleKind, RuleOf } from "../score/kinds";

export const ColumnType = z.enum(["text", "number", "count", "bool", "code"]);

export const ColumnSpec = z.object({
  id,
  /** canonical Chinese header, used in templates */
  name: z.string().min(1),
  /** other headers accepted for this column */
  synonyms: z.array(z.string()).default([]),
  type: ColumnType,
  unit: z.string().optional(),
  /** other units a header may state, with the factor that converts them into `unit` (beyond 元/万元/亿元, 亩/公顷 …) */
  units: z.record(z.string(), z.number().positive()).optional(),
  /** 0: the evaluation year (or a header with no year); -1: the year before */
  relYear: z.number().int().optional(),
  required: z.boolean().default(false),
  /** key: the entity's name; ref: the name of the entity this row belongs to; uscc: a 统一社会信用代码 */
  role: z.enum(["key", "ref", "uscc"]).optional(),
  /** higher or lower is better (rank readings, growth) */
  direction: z.enum(["higher", "lower"]).default("higher"),
  /** a blank cell means this value (e.g. 0 new listings, 否); otherwise a blank required cell is an error */
  missingAs: z.union([z.number(), z.boolean()]).optional(),
  /** template layout: a group header with one sub-column per year (the annex), or one sub-header */
  templateYears: z.array(z.number().int()).optional(),
  templateSub: z.string().optional(),
  /** what the template's 说明 sheet says about the column */
  note: z.string().optional(),
});

export const DerivedSpec = z.object({
  id,
  name: z.string(),
  op: z.literal("sub"),
  args: z.tuple([z.string(), z.string()]),
  unit: z.string().optional(),
});

export const TableSpec = z.object({
  id,
  name: z.string(),
  /** sheet names that hint at this table (sheets are found by their headers; the name only breaks ties) */
  sheetNames: z.array(z.string()).default([]),
  /** entity: the scored units; list: rows that roll up to an entity; targets: the annex target table */
  level: z.enum(["entity", "list", "targets", "history"]),
  required: z.boolean().default(true),
  columns: z.array(ColumnSpec).min(1),
  derived: z.array(DerivedSpec).default([]),
  /** the template's title row (the policy annex's own title) */
  templateTitle: z.string().optional(),
  /** a 总计 row in the template */
  templateTotal: z.boolean().default(false),
});

export const ParamSpec = z.object({
  id,
  name: z.string(),
  synonyms: z.array(z.string()).default([]),
  type: z.enum(["number", "text"]),
  unit: z.string().optional(),
  required: z.boolean().default(false),
  /** when the parameter is not given: the mean of an entity column */
  fallbackMeanOf: z.object({ table: id, column: id }).optional(),
  /** used when the workbook does not give the parameter */
  default: z.union([z.number(), z.string()]).optional(),
  note: z.string().optional(),
});

/**
 * A rule: one of the kinds registered in src/engine/score/kinds (each kind's schema lives in its own module there).
 */
export const RuleSpec = z.discriminatedUnion("kind", RULE_SCHEMAS);

const awardBase = {
  id,
  clause: z.string().min(1),
  description: z.string().min(1),
  label: z.string().min(1),
  unit: z.string().min(1),
};

export const ListAmountAward = z.object({
  ...awardBase,
  kind: z.literal("list-amount"),
  over: id,
  filter: z.array(Condition).default([]),
  /** min(field × rate, cap) */
  amount: z.object({ field: id, rate: z.number(), cap: z.number().optional() }),
  /** the policy says 最高 / 不超过: the amount is an upper limit */
  upTo: z.boolean().default(false),
  subject: id.optional(),
});

export const FlagAmountAward = z.object({
  ...awardBase,
  kind: z.literal("flag-amount"),
  field: id,
  amount: z.number(),
  upTo: z.boolean().default(false),
});

export const RulesMetAward = z.object({
  ...awardBase,
  kind: z.literal("rules-met"),
  /** every one of these rules must have awarded points */
  rules: z.array(id).min(1),
  amount: z.number(),
});

export const RankAmountAward = z.object({
  ...awardBase,
  kind: z.literal("rank-amount"),
  /** rank by this entity column when the workbook has it; with neither this nor fallbackTargets, by total */
  rankBy: id.optional(),
  /** ... else by the mean completion ratio (actual / target) of these target rules */
  fallbackTargets: z.array(id).default([]),
  /** amount for place 1, 2, ... */
  amounts: z.array(z.number()).min(1),
  /** tied entities: pool the tied places' amounts and split equally, or each takes the amount of the shared place */
  ties: z.enum(["pool", "share"]).default("pool"),
});

export const ChosenAward = z.object({
  ...awardBase,
  kind: z.literal("chosen"),
  /** a text column naming the award(s) the entity was chosen for, separated by 、 or , */
  field: id,
  options: z.array(z.object({ name: z.string().min(1), amount: z.number(), suggestGroup: id.optional() })).min(1),
});

export const AwardSpec = z.discriminatedUnion("kind", [
  ListAmountAward,
  FlagAmountAward,
  RulesMetAward,
  RankAmountAward,
  ChosenAward,
]);

export const GroupSpec = z.object({
  id,
  name: z.string().min(1),
  weight: z.number().positive(),
  /** the group subtotal never passes its weight */
  cap: z.boolean().default(true),
  /** who scores it, as the policy says */
  responsible: z.string().optional(),
});

export const UsageRule = z.object({
  id,
  clause: z.string().min(1),
  description: z.string().min(1),
  /** score-streak: total ≥ minScore in each of the last `years` evaluations; bottom-streak: among the last n in each */
  kind: z.enum(["score-streak", "bottom-streak"]),
  minScore: z.number().optional(),
  n: z.number().int().positive().optional(),
  years: z.number().int().min(1),
  /** the current evaluation counts as the most recent year */
  includeCurrent: z.boolean().default(true),
  outcome: z.string().min(1),
  /** the rule applies only when this option is "on" (rules borrowed from other policies stay off by default) */
  option: id.optional(),
  /** where a borrowed rule comes from, stated with every finding */
  origin: z.string().optional(),
});

/** A unit the policy names as not (yet) evaluated: warned at its cell; no rank, points or award. */
export const ExcludeSpec = z.object({
  name: z.string().min(1),
  clause: z.string().min(1),
  reason: z.string().min(1),
});

export const OptionSpec = z.object({
  id,
  name: z.string().min(1),
  choices: z.array(z.object({ id, name: z.string().min(1), description: z.string().min(1) })).min(1),
  default: id,
});

export const GradingSpec = z.object({
  /** percentile: by rank, the top bands[0] share gets labels[0], …; cutoffs: total ≥ bands[i] gets labels[i] */
  method: z.enum(["percentile", "cutoffs"]),
  bands: z.array(z.number()).min(1),
  labels: z.array(z.string().min(1)).min(2),
});

export const SchemeSpec = z.object({
  schemaVersion: z.literal(1),
  id,
  name: z.string(),
  nameEn: z.string().optional(),
  source: z.string(),
  /** the entity table (the units that are ranked) */
  entityTable: id,
  tables: z.array(TableSpec).min(1),
  params: z.array(ParamSpec).default([]),
  groups: z.array(GroupSpec).default([]),
  rules: z.array(RuleSpec),
  awards: z.array(AwardSpec).default([]),
  usage: z.array(UsageRule).default([]),
  /** the table of earlier results (年度, 开发区, 得分, 名次) that usage rules read */
  historyTable: id.optional(),
  /** units the policy names as not evaluated (e.g. 待纳入…后再行考核) */
  exclude: z.array(ExcludeSpec).default([]),
  /** named choices where the policy admits several readings; the one in force is stated in every result */
  options: z.array(OptionSpec).default([]),
  grading: GradingSpec.optional(),
  total: z.object({ base: id.optional() }).default({}),
  /** bounds of the plausibility checks (year on year, coverage, distribution, scale) */
  checks: z
    .object({
      yoyMax: z.number().default(3),
      yoyMin: z.number().default(-0.8),
      coverageMin: z.number().min(0).max(1).default(0.65),
      skewMax: z.number().positive().default(2),
      kurtMax: z.number().positive().default(3.5),
      scaleRatio: z.number().positive().default(3000),
    })
    .default({ yoyMax: 3, yoyMin: -0.8, coverageMin: 0.65, skewMax: 2, kurtMax: 3.5, scaleRatio: 3000 }),
  /** competition 1,2,2,4 (Excel RANK.EQ); dense 1,2,2,3 (中国式排名); average (RANK.AVG) */
  ranking: z
    .object({ ties: z.enum(["competition", "dense", "average"]).default("competition") })
    .default({ ties: "competition" }),
  notes: z.array(z.string()).default([]),
  /**
   * English for the scheme's own words (rule, indicator, column, table, group, award, option and unit names, clause
   * references, notes), keyed by the Chinese text as written in this scheme; `schemeWord()` in engine/i18n reads it.
   */
  glossary: z.record(z.string(), z.string()).default({}),
});

export type Scheme = z.infer<typeof SchemeSpec>;
export type SchemeInput = z.input<typeof SchemeSpec>;
export type TableSpecT = z.infer<typeof TableSpec>;
export type ColumnSpecT = z.infer<typeof ColumnSpec>;
export type ParamSpecT = z.infer<typeof ParamSpec>;
export type AwardSpecT = z.infer<typeof AwardSpec>;
export type GroupSpecT = z.infer<typeof GroupSpec>;
export type UsageRuleT = z.infer<typeof UsageRule>;

/** Validate a scheme and check its cross-references; errors name the rule and the field. */
export function parseScheme(input: unknown): Scheme {
  const r = SchemeSpec.safeParse(input);
  if (!r.success) {
    const msgs = r.error.issues.map((i) => `${describePath(input, i.path)}: ${i.message}`);
    throw new SchemeError(msgs);
  }
  const s = r.data;
  const problems = crossRefProblems(s, "zh");
  if (problems.length) throw new SchemeError(problems, (lang) => crossRefProblems(s, lang));
  return s;
}

/** Every cross-reference problem of a parsed scheme, in a language. */
function crossRefProblems(s: Scheme, lang: Lang): string[] {
  const refs = schemeRefs(s, lang);
  const problems: string[] = [];
  if (!refs.tables.has(s.entityTable)) problems.push(t(lang, "scheme.noEntityTable", { table: s.entityTable }));
  problems.push(...ruleProblems(s, refs), ...awardProblems(s, refs), ...schemeProblems(s, refs));
  return problems;
}

/** Look-ups of a scheme's tables, fields and parameters, for the cross-reference checks. */
function schemeRefs(s: Scheme, lang: Lang): SchemeRefs {
  const tables = new Map(s.tables.map((t) => [t.id, t]));
  const fieldsOf = (tid: string) => {
    const t = tables.get(tid);
    return t ? new Set([...t.columns.map((c) => c.id), ...t.derived.map((d) => d.id)]) : new Set<string>();
  };
  const params = new Set(s.params.map((p) => p.id));
  const checkConds = (where: string, tid: string, conds: readonly ConditionT[]) => {
    const f = fieldsOf(tid);
    const out: string[] = [];
    for (const c of conds) {
      if (!f.has(c.field)) out.push(t(lang, "scheme.tableNoField", { where, table: tid, field: c.field }));
      if (typeof c.value === "object" && !params.has(c.value.param))
        out.push(t(lang, "scheme.noParam", { where, param: c.value.param }));
    }
    return out;
  };
  return { scheme: s, lang, tables, entityFields: fieldsOf(s.entityTable), params, fieldsOf, checkConds };
}

/** Every rule: a unique id, a known group, and its kind's own check. */
function ruleProblems(s: Scheme, refs: SchemeRefs): string[] {
  const problems: string[] = [];
  const ruleIds = new Set<string>();
  for (const r of s.rules) {
    const where = t(refs.lang, "scheme.whereRule", { id: r.id, clause: schemeWord(s, refs.lang, r.clause) });
    if (ruleIds.has(r.id)) problems.push(t(refs.lang, "scheme.duplicateId", { where }));
    ruleIds.add(r.id);
    if (r.group && !s.groups.some((g) => g.id === r.group))
      problems.push(t(refs.lang, "scheme.noGroup", { where, key: "group", group: r.group }));
    problems.push(...checkRule(r, refs, where));
  }
  return problems;
}

/** One award's references. */
function awardRefProblems(s: Scheme, refs: SchemeRefs, a: AwardSpecT, where: string): string[] {
  const out: string[] = [];
  const hasField = (f: string) => refs.entityFields.has(f);
  if (a.kind === "list-amount") {
    out.push(...refs.checkConds(where + " filter", a.over, a.filter));
    if (!refs.fieldsOf(a.over).has(a.amount.field))
      out.push(t(refs.lang, "scheme.noField", { where, key: "amount.field", field: a.amount.field }));
  } else if (a.kind === "flag-amount" || a.kind === "chosen") {
    if (!hasField(a.field)) out.push(t(refs.lang, "scheme.noField", { where, key: "field", field: a.field }));
    if (a.kind === "chosen")
      for (const o of a.options)
        if (o.suggestGroup && !s.groups.some((g) => g.id === o.suggestGroup))
          out.push(t(refs.lang, "scheme.noGroup", { where, key: "suggestGroup", group: o.suggestGroup }));
  } else if (a.kind === "rules-met") {
    for (const x of a.rules)
      if (!s.rules.some((r) => r.id === x)) out.push(t(refs.lang, "scheme.noRule", { where, rule: x }));
  } else {
    for (const x of a.fallbackTargets) {
      const rule = s.rules.find((q) => q.id === x);
      if (!rule || rule.kind !== "target") out.push(t(refs.lang, "scheme.notTarget", { where, rule: x }));
    }
    if (a.rankBy && !hasField(a.rankBy))
      out.push(t(refs.lang, "scheme.noField", { where, key: "rankBy", field: a.rankBy }));
  }
  return out;
}

function awardProblems(s: Scheme, refs: SchemeRefs): string[] {
  return s.awards.flatMap((a) =>
    awardRefProblems(
      s,
      refs,
      a,
      t(refs.lang, "scheme.whereAward", { id: a.id, clause: schemeWord(s, refs.lang, a.clause) }),
    ),
  );
}

/** The scheme as a whole: the base column, group weights, options, usage and its history, grading. */
function schemeProblems(s: Scheme, refs: SchemeRefs): string[] {
  const problems: string[] = [];
  if (s.total.base && !refs.entityFields.has(s.total.base))
    problems.push(t(refs.lang, "scheme.noBase", { field: s.total.base }));
  const gsum = s.groups.reduce((x, g) => x + g.weight, 0);
  const weightsStated = s.notes.some((n) => n.includes("权重合计"));
  if (s.groups.length && s.groups.some((g) => g.cap) && Math.abs(gsum - 100) > 1e-9 && !weightsStated)
    problems.push(t(refs.lang, "scheme.weights", { sum: gsum }));
  for (const o of s.options)
    if (!o.choices.some((c) => c.id === o.default))
      problems.push(t(refs.lang, "scheme.badDefault", { option: o.id, choice: o.default }));
  for (const u of s.usage)
    if (u.option && !s.options.some((o) => o.id === u.option && o.choices.some((c) => c.id === "on")))
      problems.push(t(refs.lang, "scheme.usageOption", { id: u.id, option: u.option }));
  if (s.usage.length && !s.historyTable) problems.push(t(refs.lang, "scheme.noHistory", {}));
  if (s.historyTable && !refs.tables.has(s.historyTable))
    problems.push(t(refs.lang, "scheme.noHistoryTable", { table: s.historyTable }));
  if (s.grading && s.grading.labels.length !== s.grading.bands.length + 1)
    problems.push(t(refs.lang, "scheme.grading", {}));
  return problems;
}

function describePath(input: unknown, path: PropertyKey[]): string {
  // name the rule or award by its id rather than by its index
  const parts: string[] = [];
  let cur: unknown = input;
  for (const p of path) {
    const next = cur && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[p as never] : undefined;
    if (typeof p === "number" && next && typeof next === "object" && "id" in next)
      parts.push(`[${String((next as { id: unknown }).id)}]`);
    else parts.push(typeof p === "number" ? `[${p}]` : `.${String(p)}`);
    cur = next;
  }
  return parts.join("").replace(/^\./, "") || "(方案)";
}

export class SchemeError extends Error {
  /** problems: in Chinese (the message); inLang: the same problems in a language (by default as they are) */
  constructor(
    readonly problems: string[],
    private readonly inLang: (lang: Lang) => string[] = () => problems,
  ) {
    super(t("zh", "scheme.invalid") + "\n  " + problems.join("\n  "));
    this.name = "SchemeError";
  }
  /** The error in the user's language (its problems rendered again from their codes and values). */
  text(lang: Lang): string {
    return t(lang, "scheme.invalid") + "\n  " + this.inLang(lang).join("\n  ");
  }
}
