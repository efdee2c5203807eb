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
  /** 0: the evaluation year (or a header with no year); -1: the year before */
  relYear: z.number().int().optional(),
  required: z.boolean().default(false),
  /** key: the entity's name; ref: the name of the entity this row belongs to; uscc: a 统一社会信用代码 */
  role: z.enum(["key", "ref", "uscc"]).optional(),
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
  level: z.enum(["entity", "list", "targets"]),
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
  note: z.string().optional(),
});

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
};

export const TiersRule = z.object({
  ...ruleBase,
  kind: z.literal("tiers"),
  /** the table whose rows are judged: the entity table, or a list that rolls up to it */
  over: id,
  filter: z.array(Condition).default([]),
  /** the first tier (highest points first) whose conditions all hold is awarded; tiers are not summed */
  tiers: z.array(z.object({ when: z.array(Condition).min(1), points: z.number() })).min(1),
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

export const RuleSpec = z.discriminatedUnion("kind", [TiersRule, TargetRule, PerUnitRule, FlagRule]);

const awardBase = { id, clause: z.string().min(1), description: z.string().min(1), label: z.string().min(1), unit: z.string().min(1) };

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
  /** rank by this entity column when the workbook has it ... */
  rankBy: id.optional(),
  /** ... else by the mean completion ratio (actual / target) of these target rules */
  fallbackTargets: z.array(id).default([]),
  /** amount for place 1, 2, ... (tied entities share the place's amount) */
  amounts: z.array(z.number()).min(1),
});

export const AwardSpec = z.discriminatedUnion("kind", [ListAmountAward, FlagAmountAward, RulesMetAward, RankAmountAward]);

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
  rules: z.array(RuleSpec),
  awards: z.array(AwardSpec).default([]),
  total: z.object({ base: id.optional() }).default({}),
  ranking: z.object({ ties: z.enum(["competition"]).default("competition") }).default({ ties: "competition" }),
  notes: z.array(z.string()).default([]),
});

export type Scheme = z.infer<typeof SchemeSpec>;
export type SchemeInput = z.input<typeof SchemeSpec>;
export type TableSpecT = z.infer<typeof TableSpec>;
export type ColumnSpecT = z.infer<typeof ColumnSpec>;
export type ParamSpecT = z.infer<typeof ParamSpec>;
export type ConditionT = z.infer<typeof Condition>;
export type RuleSpecT = z.infer<typeof RuleSpec>;
export type AwardSpecT = z.infer<typeof AwardSpec>;

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
      if (typeof c.value === "object" && !params.has(c.value.param)) problems.push(`${where}: 没有参数 ${c.value.param}`);
    }
  };
  const ruleIds = new Set<string>();
  for (const r of s.rules) {
    const where = `规则 ${r.id} (${r.clause})`;
    if (ruleIds.has(r.id)) problems.push(`${where}: id 重复`);
    ruleIds.add(r.id);
    if (r.kind === "tiers") {
      if (!tables.has(r.over)) problems.push(`${where}: over: 没有表 ${r.over}`);
      checkConds(where + " filter", r.over, r.filter);
      r.tiers.forEach((t, i) => checkConds(`${where} tiers[${i}]`, r.over, t.when));
    } else {
      if (!entityFields.has(r.field)) problems.push(`${where}: field: 开发区表没有字段 ${r.field}`);
      if (r.kind === "target" && !fieldsOf(r.target.table).has(r.target.column)) problems.push(`${where}: target: 表 ${r.target.table} 没有字段 ${r.target.column}`);
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
    } else {
      for (const x of a.fallbackTargets) {
        const rule = s.rules.find((q) => q.id === x);
        if (!rule || rule.kind !== "target") problems.push(`${where}: fallbackTargets: ${x} 不是目标类规则`);
      }
      if (a.rankBy && !entityFields.has(a.rankBy)) problems.push(`${where}: rankBy: 没有字段 ${a.rankBy}`);
    }
  }
  if (s.total.base && !entityFields.has(s.total.base)) problems.push(`total.base: 没有字段 ${s.total.base}`);
  if (problems.length) throw new SchemeError(problems);
  return s;
}

function describePath(input: unknown, path: PropertyKey[]): string {
  // name the rule or award by its id rather than by its index
  const parts: string[] = [];
  let cur: unknown = input;
  for (const p of path) {
    const next = cur && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[p as never] : undefined;
    if (typeof p === "number" && next && typeof next === "object" && "id" in next) parts.push(`[${String((next as { id: unknown }).id)}]`);
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
