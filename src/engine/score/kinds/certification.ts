/**
 * Certification bonus by level (附加分): 省级 +5, 国家级 +10, per certification or the highest only. Recognitions come
 * from one column per kind (绿色园区认定: 国家级) and, when the scheme names a list table, from rows of kind + level
 * (further kinds: "绿色园区、智慧园区、循环经济园区等"). A level text the scheme does not know is warned at its cell
 * and counts 0, never silently.
 */
import { z } from "zod";
import { id, ruleBase } from "../../scheme/parts";
import type { Row, Table } from "../../dataset";
import type { GapEnv, RuleGap } from "../../whatif/gap-env";
import { cellText } from "../../read/values";
import { nameKey } from "../../read/normalise";
import { fmt, signed } from "../../format";
import { message } from "../../messages";
import { fieldLabel, inputRef, live, say, word, type RuleContext } from "../context";
import { entityDetails } from "../entity-rule";
import { zeros, type RuleOutcome } from "../outcome";
import { both, capped, fieldChange, gapOf } from "../../whatif/gap-parts";
import { formulaString } from "../../output/limits";
import { absAddr, quoteSheet, searchText, xl } from "../../output/formula-parts";
import type { Formulas } from "../../output/formulas";
import { kindTexts, type KindModule, type SchemeRefs } from "./kind";
import { t } from "../../i18n";

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

type Rule = z.output<typeof CertificationRule>;

/** The level a cell names: the first level whose text it contains (国家级 before 省级 when listed so). */
const sortedLevels = new WeakMap<Rule, Array<{ match: string; key: string; points: number }>>();

/** Empty, 无, 否: no recognition. */
function blank(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === "") return true;
  const t = nameKey(cellText(v as string));
  return !t || t === "无" || t === "否" || t === "—" || t === "-";
}

export function levelPoints(rule: Rule, v: unknown): { match: string; points: number } | null {
  if (blank(v)) return null;
  const t = nameKey(cellText(v as string));
  let levels = sortedLevels.get(rule);
  if (!levels)
    sortedLevels.set(
      rule,
      (levels = [...rule.levels].sort((a, b) => b.points - a.points).map((l) => ({ ...l, key: nameKey(l.match) }))),
    );
  return levels.find((l) => t.includes(l.key)) ?? null;
}

/** The mode in force: the scheme's option when it names one, else the rule's own mode. */
export function certificationMode(rule: Rule, options: Record<string, string>): "sum" | "highest" {
  const o = rule.modeOption ? options[rule.modeOption] : undefined;
  return o === "sum" || o === "highest" ? o : rule.mode;
}

interface Item {
  label: string;
  level: { match: string; points: number };
  table: Table;
  row: Row;
  field: string;
}

/** Every recognition of every live unit, from its own columns and the list table; unknown levels warned. */
function collect(rule: Rule, ctx: RuleContext): Item[][] {
  const ents = ctx.entities;
  const items: Item[][] = Array.from({ length: ents.rows.length }, () => []);
  const known = rule.levels.map((l) => l.match).join("、");
  const take = (i: number, table: Table, row: Row, field: string, label: string) => {
    const v = row.values[field];
    if (blank(v)) return;
    const level = levelPoints(rule, v);
    if (level) return void items[i].push({ label, level, table, row, field });
    const value = cellText(v as string);
    // none: the word a cell may hold for "no recognition" (matched in input, so quoted as it is typed)
    const vars = {
      rule: rule.id,
      clause: rule.clause,
      name: ents.rows[i].name,
      column: label,
      value,
      known,
      none: "无",
    };
    const cell = row.cells[field] ?? row.cells.name ?? "";
    ctx.warn({
      code: "unknown-level",
      sheet: table.sheet,
      cell,
      message: message(ctx.lang, "unknown-level", vars),
      value,
    });
  };
  for (let i = 0; i < items.length; i++)
    if (live(ctx, i)) for (const f of rule.fields) take(i, ents, ents.rows[i], f, fieldLabel(ctx, ents, f));
  const list = rule.listTable ? ctx.data.tables[rule.listTable] : undefined;
  if (list && rule.kindField && rule.levelField)
    for (const row of list.rows) {
      if (row.entity < 0 || !live(ctx, row.entity)) continue;
      const kind = row.values[rule.kindField];
      const label = typeof kind === "string" && kind.trim() ? kind.trim() : fieldLabel(ctx, list, rule.levelField);
      take(row.entity, list, row, rule.levelField, label);
    }
  return items;
}

function evaluate(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const mode = certificationMode(rule, ctx.options);
  const items = collect(rule, ctx);
  const points = zeros(ents.rows.length);
  for (let i = 0; i < points.length; i++) {
    const got = items[i].map((x) => x.level.points);
    points[i] = mode === "sum" ? got.reduce((s, x) => s + x, 0) : Math.max(0, ...got);
  }
  const clause = word(ctx, rule.clause);
  const modeText = say(ctx, mode === "highest" ? "basis.cert.highest" : "basis.cert.sum");
  const item = (x: Item) =>
    say(ctx, "basis.cert.item", {
      label: word(ctx, x.label),
      level: word(ctx, x.level.match),
      points: signed(x.level.points),
    });
  const basis = (i: number) => {
    if (!items[i].length) return `${clause} ${say(ctx, "basis.cert.none")}`;
    return `${clause} ${items[i].map(item).join(say(ctx, "basis.sep"))}${modeText} → ${signed(points[i])}`;
  };
  const inputs = (i: number) => [
    ...rule.fields.map((f) => inputRef(ctx, ents, ents.rows[i], f)),
    ...items[i]
      .filter((x) => x.table !== ents)
      .map((x) => ({ ...inputRef(ctx, x.table, x.row, x.field), label: `${x.label}（${fmt(x.level.match)}）` })),
  ];
  return { points, basis, details: () => entityDetails(ctx, rule, points, basis, inputs) };
}

/** Each certification column: nested IF(SEARCH) on its level texts (highest first); summed or the highest. */
function formula(rule: Rule, fx: Formulas, i: number): string | null {
  const { data, run } = fx.c;
  const list = rule.listTable ? data.tables[rule.listTable] : undefined;
  if (list && fx.rowOf(list, i)) return fx.fallback("basis.fallback.certList");
  const t = fx.entities;
  const row = t.rows[i];
  const levels = [...rule.levels].sort((a, b) => b.points - a.points);
  const per = rule.fields.map((f) => {
    if (!row.cells[f]) return "0";
    const r = `${quoteSheet(t.sheet)}!${absAddr(row.cells[f])}`;
    const found = (match: string) => `ISNUMBER(SEARCH(${formulaString(searchText(nameKey(match)))},${r}))`;
    return levels.reduceRight((acc, l) => `IF(${found(l.match)},${xl(l.points)},${acc})`, "0");
  });
  return certificationMode(rule, run.options) === "highest" ? `MAX(${per.join(",")})` : per.join("+");
}

function check(rule: Rule, refs: SchemeRefs, where: string): string[] {
  const out: string[] = [];
  for (const f of rule.fields)
    if (!refs.entityFields.has(f)) out.push(t(refs.lang, "scheme.noEntityField", { where, key: "fields", field: f }));
  if (rule.modeOption) {
    const o = refs.scheme.options.find((x) => x.id === rule.modeOption);
    if (!o || o.choices.some((c) => c.id !== "sum" && c.id !== "highest"))
      out.push(t(refs.lang, "scheme.modeOption", { where, option: rule.modeOption }));
  }
  if (rule.listTable) {
    if (!refs.tables.has(rule.listTable))
      out.push(t(refs.lang, "scheme.noTable", { where, key: "listTable", table: rule.listTable }));
    for (const f of [rule.kindField, rule.levelField])
      if (!f || !refs.fieldsOf(rule.listTable).has(f))
        out.push(
          t(refs.lang, "scheme.listFields", {
            where,
            table: rule.listTable,
            field: f ?? t(refs.lang, "scheme.notGiven"),
          }),
        );
  }
  return out;
}

/** The column whose next level gains least (the next level above the best one when only the highest counts). */
function gap(rule: Rule, env: GapEnv, unit: number): RuleGap | null {
  if (!live(env.ctx, unit)) return null;
  const row = env.entities.rows[unit];
  const levels = [...rule.levels].sort((a, b) => a.points - b.points);
  const cur = rule.fields.map((f) => levelPoints(rule, row.values[f])?.points ?? 0);
  const best = Math.max(0, ...cur);
  let pick: { f: string; to: string; gain: number } | null = null;
  rule.fields.forEach((f, k) => {
    const from = rule.mode === "highest" ? best : cur[k];
    const next = levels.find((l) => l.points > from);
    if (next && next.points - from > 0 && (!pick || next.points - from < pick.gain))
      pick = { f, to: next.match, gain: next.points - from };
  });
  if (!pick) return capped(env, unit);
  const p = pick as { f: string; to: string; gain: number };
  return gapOf(env, unit, [fieldChange(env, env.entities, row, p.f, p.to)], both("whatif.certLevel", { level: p.to }));
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.cert.none": "无认定 → 0",
    "basis.cert.item": "{label}：{level} {points}",
    "basis.cert.highest": "，多项认定取最高",
    "basis.cert.sum": "，每项认定分别计",
    "basis.fallback.certList": "认定清单表中的认定",
    "basis.kind.certification": "认定加分",
    "whatif.certLevel": "{level}",
  },
  {
    "basis.cert.none": "no recognition → 0",
    "basis.cert.item": "{label}: {level} {points}",
    "basis.cert.highest": ", the highest recognition counts",
    "basis.cert.sum": ", each recognition counts",
    "basis.fallback.certList": "a recognition from the recognition list",
    "basis.kind.certification": "certification bonus",
    "whatif.certLevel": "{level}",
  },
);

export const certification: KindModule<typeof CertificationRule, typeof texts> = {
  kind: "certification",
  schema: CertificationRule,
  texts,
  evaluate,
  formula,
  codec: {
    column: "fields",
    params: {
      fields: "strs",
      levels: "levels",
      mode: "str",
      modeOption: "str",
      listTable: "str",
      kindField: "str",
      levelField: "str",
    },
  },
  check,
  gap,
};
