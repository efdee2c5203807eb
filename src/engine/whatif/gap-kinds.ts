/**
 * Gap to the next level, one pure function per rule kind, registered in a typed table so that a kind without a gap
 * function does not compile. Each returns the smallest change of one input (or of the inputs one tier needs) that
 * lifts the unit to its next points level, "已达上限" where no higher level exists, or null where no level can be
 * reached by changing an input (a unit not scored, a missing target, a missing parameter).
 */
import type { ConditionT } from "../scheme/schema";
import type { Row, Table } from "../dataset";
import type { Lang } from "../types";
import { fmt } from "../format";
import { fieldLabel, fieldUnit, live, numOrParam, testAll } from "../score/context";
import { levelPoints } from "../score/certification";
import { targetValue } from "../score/simple";
import {
  both,
  capped,
  changeText,
  fieldChange,
  gapOf,
  onGrid,
  solve,
  type GapChange,
  type GapEnv,
  type RuleGap,
  type RuleKind,
  type RuleOf,
} from "./gap-env";
import { wt } from "./text";

export type GapFn<K extends RuleKind> = (rule: RuleOf<K>, env: GapEnv, unit: number) => RuleGap | null;

const num = (row: Row, f: string): number | null => {
  const v = row.values[f];
  return typeof v === "number" ? v : null;
};
const isLower = (env: GapEnv, field: string) =>
  env.scheme.tables.find((t) => t.id === env.entities.id)?.columns.find((c) => c.id === field)?.direction === "lower";
const unitOf = (env: GapEnv, t: Table, f: string) => {
  const u = fieldUnit(env.ctx, t, f);
  return u === "%" ? u : u ? " " + u : "";
};

/** raise (or lower) one numeric field to `to`, unless that is no change */
function numeric(env: GapEnv, unit: number, field: string, to: number, level: { zh: string; en: string }) {
  const row = env.entities.rows[unit];
  return gapOf(env, unit, [fieldChange(env, env.entities, row, field, to)], level);
}

// ---- tiers ---------------------------------------------------------------------------------------------------

function condTarget(env: GapEnv, c: ConditionT): number | boolean | null {
  if (typeof c.value !== "object") return c.value;
  const p = env.data.params[c.value.param];
  return p && typeof p.value === "number" ? p.value : null;
}

const OP: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

export function condText(env: GapEnv, table: Table, c: ConditionT, lang: Lang, short: boolean): string {
  const t = condTarget(env, c);
  const label = short ? "" : fieldLabel(env.ctx, table, c.field);
  if (c.op === "is") return `${label}${lang === "zh" ? "：" : ": "}${t === true ? wt(lang, "yes") : wt(lang, "no")}`;
  const u = fieldUnit(env.ctx, table, c.field);
  return `${label}${short ? "" : " "}${OP[c.op]}${t === null ? "?" : fmt(t)}${short || !u ? "" : " " + u}`;
}

/** the changes that make every condition hold on a row, or null when one cannot be met */
function meet(env: GapEnv, table: Table, row: Row, conds: readonly ConditionT[]): GapChange[] | null {
  const out: GapChange[] = [];
  const planned = new Map<string, number | boolean>();
  for (const c of conds) {
    const t = condTarget(env, c);
    if (t === null) return null;
    const v = planned.has(c.field) ? planned.get(c.field)! : row.values[c.field];
    if (c.op === "is") {
      if (v === t) continue;
      planned.set(c.field, t);
      continue;
    }
    if (typeof t !== "number") return null;
    const x = typeof v === "number" ? v : null;
    const ok =
      x !== null &&
      (c.op === ">=" ? x >= t : c.op === ">" ? x > t : c.op === "<=" ? x <= t : c.op === "<" ? x < t : x === t);
    if (ok) continue;
    planned.set(c.field, solve(c.op, t, env.res(table, c.field)));
  }
  for (const [f, to] of planned) out.push(fieldChange(env, table, row, f, to));
  return out;
}

const costOf = (changes: GapChange[]) =>
  changes.reduce((s, c) => {
    if (typeof c.to !== "number" || typeof c.from !== "number") return s + 1;
    return s + Math.abs(c.to - c.from) / Math.max(Math.abs(c.from), c.res ?? 1);
  }, 0);

const tiers: GapFn<"tiers"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const table = env.data.tables[rule.over];
  if (!table) return null;
  const sorted = [...rule.tiers].sort((a, b) => a.points - b.points);
  const top = sorted[sorted.length - 1].points;
  const level = (t: (typeof sorted)[number], short: boolean) => ({
    zh: wt("zh", "tierLevel", { conds: t.when.map((c) => condText(env, table, c, "zh", short)).join("且") }),
    en: wt("en", "tierLevel", { conds: t.when.map((c) => condText(env, table, c, "en", short)).join(" and ") }),
  });
  // every higher tier is a candidate; the cheapest change wins (the nearest tier, unless a higher one is nearer)
  const tryRow = (row: Row, base: number, withFilter: boolean): RuleGap | null => {
    let best: RuleGap | null = null;
    let bestCost = Infinity;
    for (const t of sorted) {
      if (t.points <= 0 || testAll(env.ctx, row, t.when) === true) continue;
      if (!rule.cumulative && t.points <= base) continue;
      const ch = meet(env, table, row, withFilter ? [...rule.filter, ...t.when] : t.when);
      if (!ch || !ch.length) continue;
      const single = t.when.length === 1 && ch.length === 1 && ch[0].field === t.when[0].field;
      const g = gapOf(env, unit, ch, level(t, single));
      const cost = g ? costOf(g.changes) : Infinity;
      if (g && g.gain > 0 && cost < bestCost) [best, bestCost] = [g, cost];
    }
    return best;
  };
  if (table.id === env.entities.id) {
    const row = table.rows[unit];
    const p = env.cur(unit);
    const allMet = rule.cumulative && sorted.every((t) => testAll(env.ctx, row, t.when) === true);
    if ((!rule.cumulative && p >= top && testAll(env.ctx, row, rule.filter) === true) || allMet)
      return capped(env, unit);
    return tryRow(row, p, true);
  }
  // a list: the cheapest row of this unit to lift to its next tier; else one more row that meets the lowest tier
  let best: RuleGap | null = null;
  let bestCost = Infinity;
  for (const row of table.rows) {
    if (row.entity !== unit || testAll(env.ctx, row, rule.filter) === false) continue;
    const base = sorted.reduce((p, t) => (testAll(env.ctx, row, t.when) === true ? Math.max(p, t.points) : p), 0);
    const g = tryRow(row, base, true);
    if (g) {
      const cost = costOf(g.changes);
      if (cost < bestCost) [best, bestCost] = [g, cost];
    }
  }
  if (best) {
    for (const c of best.changes) c.label = `${row0(table, c)}${c.label}`;
    return gapOf(env, unit, best.changes, best.level);
  }
  return addRow(
    rule,
    env,
    unit,
    table,
    sorted.find((t) => t.points > 0),
  );
};

/** "项目甲 " before a list row's field label */
function row0(table: Table, c: GapChange): string {
  const ch = c.change;
  if (ch.op !== "set") return "";
  const r = table.rows.find((x) => x.name === ch.key && (ch.row === undefined || x.row === ch.row));
  return r ? `${r.name} ` : "";
}

function addRow(
  rule: RuleOf<"tiers">,
  env: GapEnv,
  unit: number,
  table: Table,
  tier: RuleOf<"tiers">["tiers"][number] | undefined,
): RuleGap | null {
  if (!tier) return null;
  const spec = env.scheme.tables.find((t) => t.id === table.id);
  if (!spec || spec.level !== "list") return null;
  const values: Record<string, number | boolean | string | null> = {};
  for (const c of [...rule.filter, ...tier.when]) {
    const t = condTarget(env, c);
    if (t === null) return null;
    values[c.field] = c.op === "is" ? t : solve(c.op, t as number, env.res(table, c.field));
  }
  const key = spec.columns.find((c) => c.role === "key");
  if (key) values[key.id] = wt("zh", "newRow");
  const what = spec.name;
  const conds = (lang: Lang) =>
    [...rule.filter, ...tier.when].map((c) => condText(env, table, c, lang, false)).join(lang === "zh" ? "，" : ", ");
  const lv = (lang: Lang) =>
    wt(lang, "tierLevel", {
      conds: tier.when.map((c) => condText(env, table, c, lang, false)).join(lang === "zh" ? "且" : " and "),
    });
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
    add: { what, conds: { zh: conds("zh"), en: conds("en") }, count: 1 },
  };
  const g = gapOf(env, unit, [change], { zh: lv("zh"), en: lv("en") });
  if (!g) return null;
  return g.gain > 0 ? g : null;
}

// ---- rank (排序法) ---------------------------------------------------------------------------------------------

const rank: GapFn<"rank"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const rows = env.entities.rows;
  const entered = rule.enteredPoints;
  if (entered && rows.some((r, i) => live(env.ctx, i) && typeof r.values[entered] === "number")) {
    const v = num(rows[unit], entered);
    if (v !== null && v >= rule.points) return capped(env, unit);
    return numeric(env, unit, entered, rule.points, both("fullLevel", { points: fmt(rule.points) }));
  }
  const x = num(rows[unit], rule.field);
  if (x === null) return null;
  const lower = isLower(env, rule.field);
  const p = env.cur(unit);
  const better = (a: number, b: number) => (lower ? a < b : a > b);
  const above: number[] = [];
  rows.forEach((r, i) => {
    const v = num(r, rule.field);
    if (i !== unit && live(env.ctx, i) && v !== null && better(v, x) && !above.includes(v)) above.push(v);
  });
  if (!above.length) return p >= rule.points ? capped(env, unit) : null;
  above.sort((a, b) => (lower ? b - a : a - b)); // nearest first
  const res = env.res(env.entities, rule.field);
  const u = unitOf(env, env.entities, rule.field);
  for (const y of above) {
    const who = rows.findIndex((r, i) => i !== unit && live(env.ctx, i) && num(r, rule.field) === y);
    const place =
      1 + rows.filter((r, i) => live(env.ctx, i) && i !== unit && better(num(r, rule.field) ?? NaN, y)).length;
    const pass = onGrid(Math.abs(y - x) + res, res);
    const level = {
      zh: wt("zh", "rankLevel", {
        above: rows[who].name,
        rank: place,
        verb: wt("zh", lower ? "less" : "more"),
        pass: fmt(pass),
        unit: u,
      }),
      en: wt("en", "rankLevel", {
        above: rows[who].name,
        rank: place,
        verb: wt("en", lower ? "less" : "more"),
        pass: fmt(pass),
        unit: u,
      }),
    };
    const g = numeric(env, unit, rule.field, y, level);
    if (g && g.gain > 0) return g;
  }
  return null;
};

// ---- the kinds judged on one value ----------------------------------------------------------------------------

const target: GapFn<"target"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const t = targetValue(env.ctx, rule.target.table, rule.target.column, unit);
  if (!t || t.value === null) return null;
  const v = num(env.entities.rows[unit], rule.field);
  const res = env.res(env.entities, rule.field);
  const u = unitOf(env, env.entities, rule.field);
  const year = env.data.year;
  if (rule.mode === "proportional") {
    if (t.value <= 0) return null;
    const full = rule.capRatio * t.value;
    if (v !== null && v >= full) return capped(env, unit);
    const to = solve(">=", full, res);
    return numeric(env, unit, rule.field, to, both("targetLevel", { year, target: fmt(onGrid(full, res)), unit: u }));
  }
  const met = v !== null && (rule.op === ">=" ? v >= t.value : v > t.value);
  if (met) return capped(env, unit);
  return numeric(
    env,
    unit,
    rule.field,
    solve(rule.op, t.value, res),
    both("targetLevel", { year, target: fmt(t.value), unit: u }),
  );
};

const perUnit: GapFn<"per-unit"> = (rule, env, unit) => {
  if (!live(env.ctx, unit) || rule.points <= 0) return null;
  const v = num(env.entities.rows[unit], rule.field) ?? 0;
  if (rule.cap !== undefined && v * rule.points >= rule.cap - 1e-9) return capped(env, unit);
  const res = Math.max(env.res(env.entities, rule.field), 1e-6);
  return numeric(env, unit, rule.field, onGrid(v + res, res), both("perUnitLevel"));
};

const flag: GapFn<"flag"> = (rule, env, unit) => {
  if (!live(env.ctx, unit) || rule.points <= 0) return null;
  const row = env.entities.rows[unit];
  if (row.values[rule.field] === true) return capped(env, unit);
  return gapOf(
    env,
    unit,
    [fieldChange(env, env.entities, row, rule.field, true)],
    both("fullLevel", { points: fmt(rule.points) }),
  );
};

const entered: GapFn<"entered"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const v = num(env.entities.rows[unit], rule.field);
  if (v !== null && v >= rule.max) return capped(env, unit);
  return numeric(env, unit, rule.field, rule.max, both("fullLevel", { points: fmt(rule.max) }));
};

const growth: GapFn<"growth-steps"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const g = num(env.entities.rows[unit], rule.field);
  if (g === null) return null;
  const res = env.res(env.entities, rule.field);
  if (g < 0) return numeric(env, unit, rule.field, 0, both("baseLevel"));
  const capPts = rule.points * rule.bonusCapShare;
  const steps = Math.floor(Math.round((g / rule.stepPct) * 1e9) / 1e9);
  if (steps * rule.stepPoints >= capPts - 1e-9) return capped(env, unit);
  const pct = (steps + 1) * rule.stepPct;
  return numeric(env, unit, rule.field, solve(">=", pct, res), both("growthLevel", { pct: fmt(pct) }));
};

const benchmark: GapFn<"benchmark-ratio"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const w = numOrParam(env.ctx, rule.weight);
  const b = numOrParam(env.ctx, rule.benchmark);
  const x = num(env.entities.rows[unit], rule.field);
  if (w === null || b === null || b <= 0 || x === null || w <= 0) return null;
  const lower = isLower(env, rule.field);
  const ratio = lower ? (x > 0 ? b / x : 0) : x / b;
  if (ratio >= rule.cap - 1e-12) return capped(env, unit);
  const res = env.res(env.entities, rule.field);
  let to = lower ? solve("<=", b / rule.cap, res) : solve(">=", rule.cap * b, res);
  // the evaluator divides: step once more when binary rounding leaves the ratio a hair under the cap
  const full = w * rule.cap;
  for (
    let k = 0;
    k < 3 &&
    env.pointsWith([fieldChange(env, env.entities, env.entities.rows[unit], rule.field, to).change], unit) <
      full - 1e-9;
    k++
  )
    to = onGrid(lower ? to - res : to + res, res);
  return numeric(env, unit, rule.field, to, both("benchLevel", { cap: fmt(rule.cap) }));
};

const certification: GapFn<"certification"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const row = env.entities.rows[unit];
  const levels = [...rule.levels].sort((a, b) => a.points - b.points);
  const cur = rule.fields.map((f) => levelPoints(rule, row.values[f])?.points ?? 0);
  const best = Math.max(0, ...cur);
  let pick: { f: string; to: string; gain: number } | null = null;
  rule.fields.forEach((f, k) => {
    const next = levels.find((l) => l.points > (rule.mode === "highest" ? best : cur[k]));
    if (!next) return;
    const gain = rule.mode === "highest" ? next.points - best : next.points - cur[k];
    if (gain > 0 && (!pick || gain < pick.gain)) pick = { f, to: next.match, gain };
  });
  if (!pick) return capped(env, unit);
  const p = pick as { f: string; to: string; gain: number };
  return gapOf(env, unit, [fieldChange(env, env.entities, row, p.f, p.to)], both("certLevel", { level: p.to }));
};

const deduction: GapFn<"deduction"> = (rule, env, unit) => {
  if (!live(env.ctx, unit)) return null;
  const v = num(env.entities.rows[unit], rule.field);
  if (v === null || v <= 0) return capped(env, unit, "noDeduction");
  const res = Math.max(env.res(env.entities, rule.field), 1e-6);
  const raw = v * rule.pointsPer;
  // below the cap every unit less deducts less; above it, the count must fall under max / pointsPer
  const to =
    rule.max !== undefined && raw > rule.max ? solve("<", rule.max / rule.pointsPer, res) : onGrid(v - res, res);
  return numeric(env, unit, rule.field, Math.max(0, to), both("deductLevel"));
};

const veto: GapFn<"veto"> = (rule, env, unit) => {
  const row = env.entities.rows[unit];
  if (row.values[rule.field] !== true) return null;
  const g = gapOf(env, unit, [fieldChange(env, env.entities, row, rule.field, false)], both("vetoLevel"), 0);
  if (g)
    g.text = {
      zh: `${changeText(g.changes[0], "zh")}，${g.level.zh}`,
      en: `${changeText(g.changes[0], "en")}: ${g.level.en}`,
    };
  return g;
};

/** The registry: every rule kind has its gap function (a missing kind fails to compile). */
export const GAP_FNS: { [K in RuleKind]: GapFn<K> } = {
  rank,
  tiers,
  target,
  "per-unit": perUnit,
  flag,
  entered,
  "growth-steps": growth,
  "benchmark-ratio": benchmark,
  certification,
  deduction,
  veto,
};

export function gapFor<K extends RuleKind>(rule: RuleOf<K>, env: GapEnv, unit: number): RuleGap | null {
  return (GAP_FNS[rule.kind] as GapFn<K>)(rule, env, unit);
}
