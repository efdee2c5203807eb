/**
 * Thresholds / tiers: the first tier (most points first) whose conditions all hold is awarded; never summed unless
 * the scheme says cumulative. Judged on the entity's own row (二(一)) or on each row of a list that rolls up to it,
 * summed per entity (二(二), 二(三)).
 */
import { z } from "zod";
import { Condition, id, ruleBase, type ConditionT } from "../../scheme/parts";
import type { Row, Table } from "../../dataset";
import type { Detail } from "../result";
import type { GapEnv, GapChange, RuleGap } from "../../whatif/gap-env";
import type { Lang } from "../../types";
import type { Formulas } from "../../output/formulas";
import { cleanSum, fmt, signed } from "../../format";
import { cellOf, describe, inputRef, live, say, test, testAll, word, type RuleContext } from "../context";
import { entityDetails } from "../entity-rule";
import { zeros, type RuleOutcome } from "../outcome";
import { capped, condTarget, condText, costOf, gapOf, meet, solve } from "../../whatif/gap-parts";
import { t } from "../../i18n";
import { condsText, parseConds, parseNum } from "../../scheme/cell-values";
import { kindTexts, type KindModule, type ListRow, type SchemeRefs } from "./kind";

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

type Rule = z.output<typeof TiersRule>;
type Tier = Rule["tiers"][number];

/** points for one row, or null when the filter excludes it; unknown when a value needed is missing */
function rowPoints(ctx: RuleContext, rule: Rule, tiers: Tier[], row: Row): { points: number; unknown: boolean } | null {
  const f = testAll(ctx, row, rule.filter);
  if (f === false) return null;
  let unknown = f === null;
  let points = 0;
  for (const t of tiers) {
    const j = testAll(ctx, row, t.when);
    if (j === null) unknown = true;
    if (j === true && f === true) {
      if (!rule.cumulative) return { points: t.points, unknown: false };
      points += t.points;
    }
  }
  return { points, unknown: points === 0 && unknown };
}

/** The sentence for one row: the tiers met and the points, or what fell short. */
function rowText(ctx: RuleContext, rule: Rule, tiers: Tier[], table: Table, row: Row, points: number): string {
  const conds = (cs: ConditionT[]) => cs.map((c) => describe(ctx, table, row, c)).join(say(ctx, "basis.comma"));
  if (points !== 0) {
    const met = tiers.filter((t) => testAll(ctx, row, t.when) === true);
    const used = rule.cumulative ? met : met.slice(0, 1);
    return `${used.map((t) => conds(t.when)).join(say(ctx, "basis.sep"))} → ${signed(points)}`;
  }
  const filterFail = rule.filter.filter((c) => test(ctx, row, c) !== true);
  return say(ctx, "basis.tiers.none", { conds: conds([...filterFail, ...tiers[tiers.length - 1].when]) });
}

function inputs(ctx: RuleContext, rule: Rule, table: Table, row: Row) {
  const fields = new Set([
    ...rule.filter.map((c) => c.field),
    ...rule.tiers.flatMap((t) => t.when.map((c) => c.field)),
  ]);
  return [...fields].map((f) => inputRef(ctx, table, row, f));
}

/** A row whose tiers cannot be judged (a value missing): a warning at the first cell that cannot be judged. */
function warnUnknown(
  ctx: RuleContext,
  rule: Rule,
  tiers: Tier[],
  table: Table,
  row: Row,
  conds: ConditionT[],
  or: string,
) {
  const subject =
    rule.subject && table.id !== ctx.entities.id ? String(row.values[rule.subject] ?? row.name) : row.name;
  ctx.warn({
    code: "cannot-evaluate",
    sheet: table.sheet,
    cell: cellOf(ctx, table, row, conds.find((c) => test(ctx, row, c) === null)?.field ?? or),
    message: say(ctx, "basis.ruleRow", {
      rule: rule.id,
      name: subject,
      text: rowText(ctx, rule, tiers, table, row, 0),
    }),
  });
}

/** Tiers judged on the entity's own row. */
function onEntities(rule: Rule, ctx: RuleContext, tiers: Tier[], table: Table): RuleOutcome {
  const points = zeros(ctx.entities.rows.length);
  for (let i = 0; i < points.length; i++) {
    if (!live(ctx, i)) continue;
    const r = rowPoints(ctx, rule, tiers, table.rows[i]);
    if (!r) continue;
    points[i] = r.points;
    const conds = tiers.flatMap((t) => t.when);
    if (r.unknown) warnUnknown(ctx, rule, tiers, table, table.rows[i], conds, tiers[0].when[0].field);
  }
  const clause = word(ctx, rule.clause);
  const basis = (i: number) =>
    testAll(ctx, table.rows[i], rule.filter) === false
      ? `${clause} ${say(ctx, "basis.tiers.notApplicable")}`
      : `${clause} ${rowText(ctx, rule, tiers, table, table.rows[i], points[i])}`;
  const details = () => entityDetails(ctx, rule, points, basis, (i) => inputs(ctx, rule, table, table.rows[i]));
  return { points, basis, details };
}

/** The words for a list's rows (企业, 项目, 条目). */
function whatOf(ctx: RuleContext, table: Table): string {
  const key = table.id === "enterprises" ? "enterprises" : table.id === "projects" ? "projects" : "items";
  return say(ctx, `basis.tiers.what.${key}` as "basis.tiers.what.items");
}

/** Tiers judged on each row of a list, summed per entity; each row's points kept for the evidence. */
function onList(rule: Rule, ctx: RuleContext, tiers: Tier[], table: Table): RuleOutcome {
  const points = zeros(ctx.entities.rows.length);
  const rowPts = new Float64Array(table.rows.length);
  const subjectOf = (row: Row) => (rule.subject ? String(row.values[rule.subject] ?? row.name) : row.name);
  table.rows.forEach((row, k) => {
    if (row.entity < 0) return;
    const r = rowPoints(ctx, rule, tiers, row);
    if (!r) return;
    const conds = [...rule.filter, ...tiers.flatMap((t) => t.when)];
    if (r.unknown) warnUnknown(ctx, rule, tiers, table, row, conds, rule.subject ?? "name");
    rowPts[k] = r.points;
    points[row.entity] += r.points;
  });
  for (let i = 0; i < points.length; i++) points[i] = cleanSum([points[i]]);
  const what = whatOf(ctx, table);
  const clause = word(ctx, rule.clause);
  const basis = (i: number) => {
    const items: string[] = [];
    table.rows.forEach((row, k) => {
      if (row.entity === i && rowPts[k] !== 0) items.push(`${subjectOf(row)} ${signed(rowPts[k])}`);
    });
    const vars = { n: items.length, what, items: items.join(say(ctx, "basis.sep")), total: fmt(points[i]) };
    return `${clause} ${say(ctx, items.length ? "basis.tiers.list" : "basis.tiers.listNone", vars)}`;
  };
  const details = (): Detail[] =>
    table.rows.flatMap((row, k) => {
      if (rowPts[k] === 0) return [];
      const text = rowText(ctx, rule, tiers, table, row, rowPts[k]);
      const e = ctx.entities.rows[row.entity];
      const detail = { entity: e.name, entityIndex: row.entity, rule: rule.id, clause: rule.clause, points: rowPts[k] };
      const basis = `${clause} ${say(ctx, "basis.tiers.row", { subject: subjectOf(row), text })}`;
      return [{ ...detail, subject: subjectOf(row), basis, inputs: inputs(ctx, rule, table, row) }];
    });
  return { points, basis, details };
}

function evaluate(rule: Rule, ctx: RuleContext): RuleOutcome {
  const table = ctx.data.tables[rule.over];
  const tiers = [...rule.tiers].sort((a, b) => b.points - a.points);
  if (!table) {
    const basis = () => `${word(ctx, rule.clause)} ${say(ctx, "basis.tiers.noTable")}`;
    return { points: zeros(ctx.entities.rows.length), basis, details: () => [] };
  }
  return table.id === ctx.entities.id ? onEntities(rule, ctx, tiers, table) : onList(rule, ctx, tiers, table);
}

// ---- the rules sheet: `field=x; >50:10; >100:20` -----------------------------------------------------------------

function singleField(tiers: Array<{ when: ConditionT[] }>): string | undefined {
  const fields = new Set(tiers.flatMap((t) => t.when.map((c) => c.field)));
  return fields.size === 1 ? [...fields][0] : undefined;
}

/** The tiers as `>50:10` parts, after `field=x` when every tier judges the same field. */
function writeTiers(rule: Rule): string[] {
  const field = singleField(rule.tiers);
  const parts = rule.tiers.map((t) => `${condsText(t.when, field)}:${t.points}`);
  return field ? [`field=${field}`, ...parts] : parts;
}

/** One tier written `条件:分值` (the last colon, ASCII or full-width, separates the points). */
function readTier(seg: string, field: string | undefined): { when: ConditionT[]; points: number } {
  const k = seg.lastIndexOf(":") >= 0 ? seg.lastIndexOf(":") : seg.lastIndexOf("：");
  if (k < 0) throw new Error(t("zh", "scheme.tierText", { text: seg }));
  return { when: parseConds(seg.slice(0, k), field), points: parseNum(seg.slice(k + 1)) };
}

// ---- the gap to the next tier -------------------------------------------------------------------------------------

/** The tier's conditions as a level's words. */
function tierLevel(env: GapEnv, table: Table, tier: Tier, short: boolean, lang: Lang): string {
  const conds = tier.when.map((c) => condText(env, table, c, lang, short)).join(t(lang, "basis.and"));
  return t(lang, "whatif.tierLevel", { conds });
}

/** The cheapest change of one row to a higher tier (every higher tier is a candidate; the cheapest wins). */
function tryRow(rule: Rule, env: GapEnv, unit: number, table: Table, row: Row, base: number): RuleGap | null {
  const sorted = [...rule.tiers].sort((a, b) => a.points - b.points);
  let best: RuleGap | null = null;
  let bestCost = Infinity;
  for (const tier of sorted) {
    if (tier.points <= 0 || testAll(env.ctx, row, tier.when) === true) continue;
    if (!rule.cumulative && tier.points <= base) continue;
    const ch = meet(env, table, row, [...rule.filter, ...tier.when]);
    if (!ch || !ch.length) continue;
    const single = tier.when.length === 1 && ch.length === 1 && ch[0].field === tier.when[0].field;
    const level = { zh: tierLevel(env, table, tier, single, "zh"), en: tierLevel(env, table, tier, single, "en") };
    const g = gapOf(env, unit, ch, level);
    const cost = g ? costOf(g.changes) : Infinity;
    if (g && g.gain > 0 && cost < bestCost) [best, bestCost] = [g, cost];
  }
  return best;
}

/** "项目甲 " before a list row's field label */
function rowName(table: Table, c: GapChange): string {
  const ch = c.change;
  if (ch.op !== "set") return "";
  const r = table.rows.find((x) => x.name === ch.key && (ch.row === undefined || x.row === ch.row));
  return r ? `${r.name} ` : "";
}

/** One more list row that meets the lowest tier with points (and the filter). */
function addRow(rule: Rule, env: GapEnv, unit: number, table: Table, tier: Tier | undefined): RuleGap | null {
  const spec = env.scheme.tables.find((x) => x.id === table.id);
  if (!tier || !spec || spec.level !== "list") return null;
  const conds = [...rule.filter, ...tier.when];
  const values: Record<string, number | boolean | string | null> = {};
  for (const c of conds) {
    const v = condTarget(env, c);
    if (v === null) return null;
    values[c.field] = c.op === "is" ? v : solve(c.op, v as number, env.res(table, c.field));
  }
  const key = spec.columns.find((c) => c.role === "key");
  if (key) values[key.id] = t("zh", "whatif.newRow");
  const what = spec.name;
  const condWords = (lang: Lang) => conds.map((c) => condText(env, table, c, lang, false)).join(t(lang, "basis.comma"));
  const change: GapChange = {
    change: { op: "add", table: table.id, unit: env.entities.rows[unit].name, values },
    table: table.id,
    field: "",
    label: what,
    unit: "",
    from: null,
    to: null,
    delta: null,
    res: null,
    add: { what, conds: { zh: condWords("zh"), en: condWords("en") }, count: 1 },
  };
  const level = { zh: tierLevel(env, table, tier, false, "zh"), en: tierLevel(env, table, tier, false, "en") };
  const g = gapOf(env, unit, [change], level);
  return g && g.gain > 0 ? g : null;
}

/** A list: the cheapest row of this unit to lift to its next tier; else one more row that meets the lowest tier. */
function listGap(rule: Rule, env: GapEnv, unit: number, table: Table): RuleGap | null {
  let best: RuleGap | null = null;
  let bestCost = Infinity;
  for (const row of table.rows) {
    if (row.entity !== unit || testAll(env.ctx, row, rule.filter) === false) continue;
    const base = rule.tiers.reduce((p, x) => (testAll(env.ctx, row, x.when) === true ? Math.max(p, x.points) : p), 0);
    const g = tryRow(rule, env, unit, table, row, base);
    if (g && costOf(g.changes) < bestCost) [best, bestCost] = [g, costOf(g.changes)];
  }
  if (!best) {
    const lowest = [...rule.tiers].sort((a, b) => a.points - b.points).find((x) => x.points > 0);
    return addRow(rule, env, unit, table, lowest);
  }
  for (const c of best.changes) c.label = `${rowName(table, c)}${c.label}`;
  return gapOf(env, unit, best.changes, best.level);
}

function gap(rule: Rule, env: GapEnv, unit: number): RuleGap | null {
  if (!live(env.ctx, unit)) return null;
  const table = env.data.tables[rule.over];
  if (!table) return null;
  if (table.id !== env.entities.id) return listGap(rule, env, unit, table);
  const row = table.rows[unit];
  const p = env.cur(unit);
  const top = Math.max(...rule.tiers.map((x) => x.points));
  const allMet = rule.cumulative && rule.tiers.every((x) => testAll(env.ctx, row, x.when) === true);
  if ((!rule.cumulative && p >= top && testAll(env.ctx, row, rule.filter) === true) || allMet) return capped(env, unit);
  return tryRow(rule, env, unit, table, row, p);
}

/** A list's rows for the 计算过程 sheet: each row's points as a formula on its own cells (summed per unit there). */
function listRows(rule: Rule, fx: Formulas): ListRow[] {
  const { scheme, data, run } = fx.c;
  const table = data.tables[rule.over];
  if (rule.over === scheme.entityTable || !table) return [];
  const out: ListRow[] = [];
  for (const row of table.rows) {
    if (row.entity < 0 || run.entities[row.entity].vetoed) continue;
    const f = fx.tiersOn(rule, table, row);
    if (!f) fx.fallback("basis.fallback.listInput");
    const subject = rule.subject ? String(row.values[rule.subject] ?? row.name) : row.name;
    out.push({ entity: row.entity, subject, formula: f, value: 0 });
  }
  return out;
}

function check(rule: Rule, refs: SchemeRefs, where: string): string[] {
  const out = refs.tables.has(rule.over)
    ? []
    : [t(refs.lang, "scheme.noTable", { where, key: "over", table: rule.over })];
  out.push(...refs.checkConds(where + " filter", rule.over, rule.filter));
  rule.tiers.forEach((x, i) => out.push(...refs.checkConds(`${where} tiers[${i}]`, rule.over, x.when)));
  return out;
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.tiers.noTable": "缺少数据表",
    "basis.tiers.none": "{conds}，未达到任何档次 → 0",
    "basis.tiers.notApplicable": "不适用",
    "basis.tiers.what.enterprises": "企业",
    "basis.tiers.what.projects": "项目",
    "basis.tiers.what.items": "条目",
    "basis.tiers.list": "{n}个{what}：{items}，合计 {total}",
    "basis.tiers.listNone": "无符合条件的{what} → 0",
    "basis.tiers.row": "{subject}：{text}",
    "basis.kind.tiers": "分档",
    "basis.help.tiers":
      "分档（tiers）：每档写成 条件:分值，例如 >50:10; >100:20（指标列已给字段时可省略字段）；" +
      "filter=… 为适用条件；cumulative=是 为累计加分。",
    "whatif.tierLevel": "{conds} 档",
  },
  {
    "basis.tiers.noTable": "the data table is missing",
    "basis.tiers.none": "{conds}: no tier reached → 0",
    "basis.tiers.notApplicable": "does not apply",
    "basis.tiers.what.enterprises": "enterprise(s)",
    "basis.tiers.what.projects": "project(s)",
    "basis.tiers.what.items": "item(s)",
    "basis.tiers.list": "{n} {what}: {items}, total {total}",
    "basis.tiers.listNone": "no qualifying {what} → 0",
    "basis.tiers.row": "{subject}: {text}",
    "basis.kind.tiers": "tiers",
    "basis.help.tiers":
      "Tiers: each tier is condition:points, e.g. >50:10; >100:20 (the field may be left out when the indicator " +
      "column gives it); filter=… is when the rule applies; cumulative=yes adds every tier met.",
    "whatif.tierLevel": "the tier {conds}",
  },
);

export const tiers: KindModule<typeof TiersRule, typeof texts> = {
  kind: "tiers",
  schema: TiersRule,
  texts,
  evaluate,
  // a list that rolls up (projects, enterprises) is summed from the 计算过程 sheet (its rows: listRows)
  formula: (rule, fx, i) =>
    rule.over !== fx.c.scheme.entityTable
      ? null
      : (fx.tiersOn(rule, fx.entities, fx.entities.rows[i]) ?? fx.fallback("basis.fallback.notNumber")),
  codec: {
    column: "over",
    params: { filter: "conds", cumulative: "bool", subject: "str" },
    segments: {
      key: "tiers",
      write: writeTiers,
      read: (segs, field) => ({ tiers: segs.map((seg) => readTier(seg, field)) }),
    },
  },
  check,
  gap,
  listRows,
};
