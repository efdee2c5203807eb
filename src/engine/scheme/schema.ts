/**
 * The scheme format: a policy encoded as data. Validated with zod; every rule and award cites its clause.
 * Engine code imports only the inferred types from here.
 */
import { z } from "zod";

const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, "只能包含字母、数字和 . _ -");

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

/** A number in a rule, or the value of a parameter the user fills in the 参数 sheet. */
export const NumOrParam = z.union([z.number(), z.object({ param: z.string().regex(/^[A-Za-z0-9_.-]+$/) })]);

const ParamRef = z.object({ param: id });
export const Condition = z.object({
  field: id,
  op: z.enum([">=", ">", "<=", "<", "=", "is"]),
  value: z.union([z.number(), z.boolean(), ParamRef]),
});

const ruleBase = {
  id,
  clause: z.string().min(1),
  description: z.string().min(1),
  /** a short column title for the summary sheet */
  label: z.string().min(1),
  /** the 一级指标 group whose subtotal this rule counts in */
  group: id.optional(),
  /** score: counts in its group; bonus: 加分 / 附加分 on top; deduction: 扣分 */
  role: z.enum(["score", "bonus", "deduction"]).default("score"),
};

/** The readings of 排序法 ("排第一名得满分，排第二名以后按相应比例折算分数，分数减完为止"). */
export const RankReading = z.enum(["rank-step", "rank-linear", "ratio-to-best", "min-max"]);

export const RankRule = z.object({
  ...ruleBase,
  kind: z.literal("rank"),
  field: id,
  /** full points */
  points: z.number().positive(),
  /** a fixed reading; when absent the scheme's option rankReading decides (and the user may change it) */
  reading: RankReading.optional(),
  /** rank-step: points lost per place (default full / N) */
  step: z.number().positive().optional(),
  /** min-max: the share of full points the last one keeps (e.g. 0.2) */
  floorShare: z.number().min(0).max(1).default(0),
  /** when the entity table has this column, its values are the points (e.g. certified by a bureau) instead of ranking */
  enteredPoints: id.optional(),
  /**
   * an option that decides between the entered points and ranking: choice "entered" takes the points the bureau
   * gave (a blank cell is warned and counts 0), choice "rank" ranks the field; without it the column decides
   */
  enteredOption: id.optional(),
});

export const TiersRule = z.object({
  ...ruleBase,
  kind: z.literal("tiers"),
  /** the table whose rows are judged: the entity table, or a list that rolls up to it */
  over: id,
  filter: z.array(Condition).default([]),
  /** the first tier (highest points first) whose conditions all hold is awarded; tiers are not summed */
  tiers: z.array(z.object({ when: z.array(Condition).min(1), points: z.number() })).min(1),
  /** every tier met is added (累计) instead of the highest only */
  cumulative: z.boolean().default(false),
  /** the row's name in the evidence (e.g. 项目名称) */
  subject: id.optional(),
});

export const TargetRule = z.object({
  ...ruleBase,
  kind: z.literal("target"),
  field: id,
  target: z.object({ table: id, column: id }),
  op: z.enum([">=", ">"]).default(">="),
  points: z.number(),
  /** all: full points when met; proportional: points × min(value / target, capRatio) */
  mode: z.enum(["all", "proportional"]).default("all"),
  capRatio: z.number().positive().default(1),
});

export const PerUnitRule = z.object({
  ...ruleBase,
  kind: z.literal("per-unit"),
  field: id,
  points: z.number(),
  cap: z.number().optional(),
});

export const FlagRule = z.object({
  ...ruleBase,
  kind: z.literal("flag"),
  field: id,
  points: z.number(),
});

export const EnteredRule = z.object({
  ...ruleBase,
  kind: z.literal("entered"),
  field: id,
  /** points are clamped to [0, max]; a value outside is a warning */
  max: z.number().positive(),
});

export const GrowthRule = z.object({
  ...ruleBase,
  kind: z.literal("growth-steps"),
  /** a growth rate in % against the base year */
  field: id,
  points: z.number().positive(),
  /** share of the points for holding the base-year level (growth 0) */
  baseShare: z.number().min(0).max(1),
  /** + stepPoints for every stepPct % of growth */
  stepPct: z.number().positive(),
  stepPoints: z.number().positive(),
  /** the growth bonus is capped at this share of the points */
  bonusCapShare: z.number().min(0),
  /** below the base level: base points reduced in proportion to the fall, or nothing */
  below: z.enum(["proportional", "zero"]).default("proportional"),
});

export const BenchmarkRule = z.object({
  ...ruleBase,
  kind: z.literal("benchmark-ratio"),
  field: id,
  /** points = weight × min(x / benchmark, cap) (lower-is-better: benchmark / x) */
  weight: NumOrParam,
  benchmark: NumOrParam,
  cap: z.number().positive(),
  /** a missing value: 0 points, or the mean score of the entities that have it */
  missing: z.enum(["zero", "mean-score"]).default("zero"),
});

export const CertificationRule = z.object({
  ...ruleBase,
  kind: z.literal("certification"),
  /** one column per certification (e.g. 绿色园区), holding its level (国家级 / 省级 / 无) */
  fields: z.array(id).min(1),
  levels: z.array(z.object({ match: z.string().min(1), points: z.number() })).min(1),
  /** per certification (sum) or only the highest level */
  mode: z.enum(["sum", "highest"]).default("sum"),
  /** an option whose choice (sum / highest) decides the mode, so the reading in force is stated and selectable */
  modeOption: id.optional(),
  /** further recognitions as rows of a list table: one row per recognition with its kind and its level */
  listTable: id.optional(),
  kindField: id.optional(),
  levelField: id.optional(),
});

export const DeductionRule = z.object({
  ...ruleBase,
  kind: z.literal("deduction"),
  field: id,
  /** points deducted per unit (a positive number) */
  pointsPer: z.number().positive(),
  /** the most that can be deducted (a positive number) */
  max: z.number().positive().optional(),
});

export const VetoRule = z.object({
  ...ruleBase,
  kind: z.literal("veto"),
  /** a yes/no column: yes → 不予评价 */
  field: id,
  /** what the result says, e.g. 发生重特大安全生产事故 */
  reason: z.string().min(1),
});

export const RuleSpec = z.discriminatedUnion("kind", [
  RankRule,
  TiersRule,
  TargetRule,
  PerUnitRule,
  FlagRule,
  EnteredRule,
  GrowthRule,
  BenchmarkRule,
  CertificationRule,
  DeductionRule,
  VetoRule,
]);

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
export type ConditionT = z.infer<typeof Condition>;
export type RuleSpecT = z.infer<typeof RuleSpec>;
export type AwardSpecT = z.infer<typeof AwardSpec>;
export type GroupSpecT = z.infer<typeof GroupSpec>;
export type UsageRuleT = z.infer<typeof UsageRule>;
export type NumOrParamT = z.infer<typeof NumOrParam>;

/** Validate a scheme and check its cross-references; errors name the rule and the field. */
export function parseScheme(input: unknown): Scheme {
  const r = SchemeSpec.safeParse(input);
  if (!r.success) {
    const msgs = r.error.issues.map((i) => `${describePath(input, i.path)}: ${i.message}`);
    throw new SchemeError(msgs);
  }
  const s = r.data;
  const problems: string[] = [];
  const tables = new Map(s.tables.map((t) => [t.id, t]));
  if (!tables.has(s.entityTable)) problems.push(`entityTable: 没有 id 为 ${s.entityTable} 的表`);
  const fieldsOf = (tid: string) => {
    const t = tables.get(tid);
    return t ? new Set([...t.columns.map((c) => c.id), ...t.derived.map((d) => d.id)]) : new Set<string>();
  };
  const params = new Set(s.params.map((p) => p.id));
  const entityFields = fieldsOf(s.entityTable);
  const checkConds = (where: string, tid: string, conds: ConditionT[]) => {
    const f = fieldsOf(tid);
    for (const c of conds) {
      if (!f.has(c.field)) problems.push(`${where}: 表 ${tid} 没有字段 ${c.field}`);
      if (typeof c.value === "object" && !params.has(c.value.param))
        problems.push(`${where}: 没有参数 ${c.value.param}`);
    }
  };
  const ruleIds = new Set<string>();
  for (const r of s.rules) {
    const where = `规则 ${r.id} (${r.clause})`;
    if (ruleIds.has(r.id)) problems.push(`${where}: id 重复`);
    ruleIds.add(r.id);
    if (r.group && !s.groups.some((g) => g.id === r.group)) problems.push(`${where}: group: 没有分组 ${r.group}`);
    if (r.kind === "tiers") {
      if (!tables.has(r.over)) problems.push(`${where}: over: 没有表 ${r.over}`);
      checkConds(where + " filter", r.over, r.filter);
      r.tiers.forEach((t, i) => checkConds(`${where} tiers[${i}]`, r.over, t.when));
    } else if (r.kind === "certification") {
      for (const f of r.fields) if (!entityFields.has(f)) problems.push(`${where}: fields: 评价对象表没有字段 ${f}`);
      if (r.modeOption) {
        const o = s.options.find((x) => x.id === r.modeOption);
        if (!o || o.choices.some((c) => c.id !== "sum" && c.id !== "highest"))
          problems.push(`${where}: modeOption: 需要选项 ${r.modeOption}，其选项为 sum / highest`);
      }
      if (r.listTable) {
        if (!tables.has(r.listTable)) problems.push(`${where}: listTable: 没有表 ${r.listTable}`);
        for (const f of [r.kindField, r.levelField])
          if (!f || !fieldsOf(r.listTable).has(f))
            problems.push(`${where}: kindField / levelField: 表 ${r.listTable} 没有字段 ${f ?? "（未填）"}`);
      }
    } else {
      if (!entityFields.has(r.field)) problems.push(`${where}: field: 评价对象表没有字段 ${r.field}`);
      if (r.kind === "target" && !fieldsOf(r.target.table).has(r.target.column))
        problems.push(`${where}: target: 表 ${r.target.table} 没有字段 ${r.target.column}`);
      if (r.kind === "rank" && r.enteredPoints && !entityFields.has(r.enteredPoints))
        problems.push(`${where}: enteredPoints: 没有字段 ${r.enteredPoints}`);
      if (r.kind === "rank" && r.enteredOption) {
        const o = s.options.find((x) => x.id === r.enteredOption);
        if (!r.enteredPoints || !o || o.choices.some((c) => c.id !== "entered" && c.id !== "rank"))
          problems.push(`${where}: enteredOption: 需要 enteredPoints 和选项 ${r.enteredOption}（entered / rank）`);
      }
      if (r.kind === "rank" && !r.reading && !s.options.some((o) => o.id === "rankReading"))
        problems.push(`${where}: reading: 未指定折算方式，方案也没有 rankReading 选项`);
      if (r.kind === "benchmark-ratio") {
        for (const v of [r.weight, r.benchmark])
          if (typeof v === "object" && !params.has(v.param)) problems.push(`${where}: 没有参数 ${v.param}`);
      }
    }
  }
  for (const a of s.awards) {
    const where = `奖励 ${a.id} (${a.clause})`;
    if (a.kind === "list-amount") {
      checkConds(where + " filter", a.over, a.filter);
      if (!fieldsOf(a.over).has(a.amount.field)) problems.push(`${where}: amount.field: 没有字段 ${a.amount.field}`);
    } else if (a.kind === "flag-amount") {
      if (!entityFields.has(a.field)) problems.push(`${where}: field: 没有字段 ${a.field}`);
    } else if (a.kind === "rules-met") {
      for (const x of a.rules) if (!ruleIds.has(x)) problems.push(`${where}: rules: 没有规则 ${x}`);
    } else if (a.kind === "chosen") {
      if (!entityFields.has(a.field)) problems.push(`${where}: field: 没有字段 ${a.field}`);
      for (const o of a.options)
        if (o.suggestGroup && !s.groups.some((g) => g.id === o.suggestGroup))
          problems.push(`${where}: suggestGroup: 没有分组 ${o.suggestGroup}`);
    } else {
      for (const x of a.fallbackTargets) {
        const rule = s.rules.find((q) => q.id === x);
        if (!rule || rule.kind !== "target") problems.push(`${where}: fallbackTargets: ${x} 不是目标类规则`);
      }
      if (a.rankBy && !entityFields.has(a.rankBy)) problems.push(`${where}: rankBy: 没有字段 ${a.rankBy}`);
    }
  }
  if (s.total.base && !entityFields.has(s.total.base)) problems.push(`total.base: 没有字段 ${s.total.base}`);
  const gsum = s.groups.reduce((x, g) => x + g.weight, 0);
  if (
    s.groups.length &&
    s.groups.some((g) => g.cap) &&
    Math.abs(gsum - 100) > 1e-9 &&
    s.notes.every((n) => !n.includes("权重合计"))
  )
    problems.push(`groups: 权重合计为 ${gsum}，应为 100（或在 notes 中说明“权重合计”）`);
  for (const o of s.options)
    if (!o.choices.some((c) => c.id === o.default)) problems.push(`选项 ${o.id}: default ${o.default} 不在 choices 中`);
  for (const u of s.usage)
    if (u.option && !s.options.some((o) => o.id === u.option && o.choices.some((c) => c.id === "on")))
      problems.push(`结果运用 ${u.id}: option: 需要选项 ${u.option}（on / off）`);
  if (s.usage.length && !s.historyTable) problems.push(`usage: 需要 historyTable（往年结果表）`);
  if (s.historyTable && !tables.has(s.historyTable)) problems.push(`historyTable: 没有表 ${s.historyTable}`);
  if (s.grading && s.grading.labels.length !== s.grading.bands.length + 1)
    problems.push(`grading: labels 应比 bands 多一个`);
  if (problems.length) throw new SchemeError(problems);
  return s;
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
  constructor(readonly problems: string[]) {
    super("方案无效 / invalid scheme:\n  " + problems.join("\n  "));
    this.name = "SchemeError";
  }
}
