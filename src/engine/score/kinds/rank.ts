/**
 * Rank-based scoring (排序法). The policy words "排第一名得满分，排第二名以后按相应比例折算分数，分数减完为止" admit
 * several readings; each is a named option and the one in force is stated in every result:
 *   rank-step      full − (rank − 1) × step, floored at 0; step defaults to full / N (N = ranked units)
 *   rank-linear    full × (N − rank) / (N − 1)
 *   ratio-to-best  full × x / best (lower-is-better: full × best / x); values ≤ 0 score 0
 *   min-max        floor + (full − floor) × (x − min) / (max − min), floor = floorShare × full
 * Tied values share a rank and its points; when all values are equal every unit gets full points (under
 * ratio-to-best only when they are above 0: the ratio stays the rule, so improving a value never lowers its points).
 */
import { z } from "zod";
import { id, RankReading, ruleBase } from "../../scheme/parts";
import { fmt, signed } from "../../format";
import { t } from "../../i18n";
import { message } from "../../messages";
import { a1, parseA1 } from "../../read/normalise";
import { ranks } from "../ranking";
import { fieldLabel, inputRef, isLower, live, say, show, word, type RuleContext } from "../context";
import { entityDetails, labelUnit, num } from "../entity-rule";
import { zeros, type RuleOutcome } from "../outcome";
import { xl } from "../../output/formula-parts";
import { both, capped, numeric, onGrid, unitOf } from "../../whatif/gap-parts";
import type { Formulas } from "../../output/formulas";
import type { GapEnv, RuleGap } from "../../whatif/gap-env";
import { kindTexts, fieldProblems, type KindModule, type SchemeRefs } from "./kind";

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
  /** when the entity table has this column, its values are the points (e.g. certified by a bureau), not ranks */
  enteredPoints: id.optional(),
  /**
   * an option that decides between the entered points and ranking: choice "entered" takes the points the bureau
   * gave (a blank cell is warned and counts 0), choice "rank" ranks the field; without it the column decides
   */
  enteredOption: id.optional(),
});

type Rule = z.output<typeof RankRule>;
export type Reading = z.infer<typeof RankReading>;

/** The points of one value under a reading, given the ranked values' statistics. */
function readingPoints(
  reading: Reading,
  x: number,
  r: number,
  s: { n: number; full: number; step: number; floor: number; min: number; max: number; bestPos: number },
  lower: boolean,
): number {
  switch (reading) {
    case "rank-step":
      return Math.max(0, s.full - (r - 1) * s.step);
    case "rank-linear":
      return s.n === 1 ? s.full : (s.full * (s.n - r)) / (s.n - 1);
    case "ratio-to-best":
      if (x <= 0) return 0;
      if (lower) return s.bestPos === Infinity ? 0 : (s.full * s.bestPos) / x;
      return s.max <= 0 ? 0 : (s.full * x) / s.max;
    default:
      return s.floor + ((s.full - s.floor) * (lower ? s.max - x : x - s.min)) / (s.max - s.min);
  }
}

/** The points of every value under a reading. Pure; `values[i] === null` → 0 and unranked. */
export function rankPoints(
  values: ReadonlyArray<number | null>,
  full: number,
  reading: Reading,
  lower: boolean,
  opts: { step?: number; floorShare?: number } = {},
): { points: number[]; rank: Array<number | null>; n: number } {
  const rank = ranks(values, "competition", lower);
  const xs = values.filter((v): v is number => v !== null);
  const n = xs.length;
  const points = zeros(values.length);
  if (n === 0) return { points, rank, n };
  let min = Infinity;
  let max = -Infinity;
  let bestPos = Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
    if (x > 0 && x < bestPos) bestPos = x;
  }
  const stats = { n, full, step: opts.step ?? full / n, floor: (opts.floorShare ?? 0) * full, min, max, bestPos };
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === null) continue;
    // all equal: full points, except that a ratio to the best stays a ratio (equal values ≤ 0 score 0, as any value
    // ≤ 0 does; otherwise improving one of them from -50 to -49.99 would drop it from full points to 0)
    const p =
      min === max && reading !== "ratio-to-best" ? full : readingPoints(reading, x, rank[i] as number, stats, lower);
    points[i] = Math.max(0, Math.min(full, p));
  }
  return { points, rank, n };
}

/**
 * Entered points or ranking: the scheme's option when the rule names one (choice "entered" or "rank"; under
 * "entered" a workbook without the points column is ranked, with a warning), else the points column when the
 * workbook has a number in it.
 */
export function usesEnteredPoints(
  rule: Rule,
  options: Record<string, string>,
  rows: ReadonlyArray<{ values: Record<string, unknown>; cells: Record<string, string> }>,
  isLive: (i: number) => boolean,
): boolean {
  const entered = rule.enteredPoints;
  if (!entered) return false;
  if (rule.enteredOption)
    return options[rule.enteredOption] !== "rank" && rows.some((r, i) => isLive(i) && r.cells[entered] !== undefined);
  return rows.some((r, i) => isLive(i) && typeof r.values[entered] === "number");
}

/** The name of the choice in force of the rule's enteredOption ("" without one). */
function choiceName(rule: Rule, ctx: RuleContext): string {
  const opt = rule.enteredOption ? ctx.scheme.options.find((o) => o.id === rule.enteredOption) : undefined;
  return opt?.choices.find((c) => c.id === ctx.options[opt.id])?.name ?? "";
}

/** One unit's entered points, clamped to [0, full]; a blank under an explicit reading or a value outside is warned. */
function enteredPointsOf(rule: Rule, ctx: RuleContext, i: number, elabel: string): number {
  const entered = rule.enteredPoints!;
  const row = ctx.entities.rows[i];
  const v = row.values[entered];
  if (typeof v !== "number") {
    // only under an explicit reading: without one, a blank means "not given" as before
    if (rule.enteredOption && (v === null || v === undefined))
      ctx.warn({
        code: "entered-missing",
        sheet: ctx.entities.sheet,
        cell: row.cells[entered] ?? row.cells[rule.field] ?? row.cells.name ?? "",
        message: message(ctx.lang, "entered-missing", {
          rule: rule.id,
          clause: rule.clause,
          name: row.name,
          reading: choiceName(rule, ctx),
          column: elabel,
        }),
      });
    return 0;
  }
  if (v < 0 || v > rule.points)
    ctx.warn({
      code: "entered-out-of-range",
      sheet: ctx.entities.sheet,
      cell: row.cells[entered] ?? "",
      message: say(ctx, "basis.rank.outOfRange", {
        rule: rule.id,
        name: row.name,
        label: elabel,
        value: fmt(v),
        max: fmt(rule.points),
      }),
      value: String(v),
    });
  return Math.max(0, Math.min(v, rule.points));
}

/** Points entered by a bureau replace ranking when the workbook has that column. */
function enteredOutcome(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const entered = rule.enteredPoints!;
  const elabel = fieldLabel(ctx, ents, entered);
  const points = zeros(ents.rows.length);
  for (let i = 0; i < points.length; i++) if (live(ctx, i)) points[i] = enteredPointsOf(rule, ctx, i, elabel);
  const clause = word(ctx, rule.clause);
  const label = word(ctx, elabel);
  const basis = (i: number) => {
    const value = show(ctx, ents.rows[i].values[entered]);
    return `${clause} ${say(ctx, "basis.rank.entered", { label, value, points: signed(points[i]) })}`;
  };
  const inputs = (i: number) => [inputRef(ctx, ents, ents.rows[i], entered)];
  return { points, basis, details: () => entityDetails(ctx, rule, points, basis, inputs) };
}

/**
 * The bureau's points are the reading in force, but the workbook has no column for them: rank the counts, and say
 * so (a warning at the counts' header). Returns the words the sentence adds, or "".
 */
function noEnteredColumn(rule: Rule, ctx: RuleContext): string {
  const entered = rule.enteredPoints;
  if (!entered || !rule.enteredOption || ctx.options[rule.enteredOption] === "rank") return "";
  const ents = ctx.entities;
  const first = ents.rows.findIndex((r, i) => live(ctx, i) && r.cells[rule.field] !== undefined);
  const elabel = fieldLabel(ctx, ents, entered);
  if (first >= 0) {
    const at = parseA1(ents.rows[first].cells[rule.field]);
    ctx.warn({
      code: "entered-column-missing",
      sheet: ents.sheet,
      cell: a1(Math.max(0, at.row - 1), at.col),
      message: message(ctx.lang, "entered-column-missing", {
        rule: rule.id,
        clause: rule.clause,
        column: elabel,
        field: fieldLabel(ctx, ents, rule.field),
        reading: choiceName(rule, ctx),
        option: `${rule.enteredOption}=rank`,
      }),
    });
  }
  return say(ctx, "basis.rank.noColumn", { label: word(ctx, elabel) });
}

/** Why unit i got its points under the reading (the rank, and the arithmetic of the reading). */
function rankSentence(
  rule: Rule,
  ctx: RuleContext,
  r: { reading: Reading; values: Array<number | null>; points: number[]; rank: Array<number | null>; n: number },
  noColumn: string,
  i: number,
): string {
  const [label, unit] = labelUnit(ctx, ctx.entities, rule.field);
  const clause = word(ctx, rule.clause);
  const x = r.values[i];
  if (x === null) return `${clause} ${say(ctx, "basis.rank.missing", { label })}`;
  const rank = r.rank[i] as number;
  const points = signed(r.points[i]);
  const head = `${clause} ${say(ctx, "basis.rank.head", { label, value: fmt(x), unit, noColumn, n: r.n, rank })}`;
  if (r.points[i] === rule.points && rank === 1) return say(ctx, "basis.rank.full", { head, points });
  const step = fmt(rule.step ?? rule.points / r.n);
  const how: Record<Reading, string> = {
    "rank-step": `${fmt(rule.points)} − ${rank - 1} × ${step} → ${points}`,
    "rank-linear": `${fmt(rule.points)} × (${r.n} − ${rank}) ÷ ${r.n - 1} → ${points}`,
    "ratio-to-best": x <= 0 ? say(ctx, "basis.rank.ratioZero") : say(ctx, "basis.rank.ratio", { points }),
    "min-max": say(ctx, "basis.rank.minMax", { points }),
  };
  return say(ctx, "basis.rank.how", { head, how: how[r.reading] });
}

function evaluate(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  if (rule.enteredPoints && usesEnteredPoints(rule, ctx.options, ents.rows, (i) => live(ctx, i)))
    return enteredOutcome(rule, ctx);
  const noColumn = noEnteredColumn(rule, ctx);
  const reading: Reading = rule.reading ?? (ctx.options.rankReading as Reading | undefined) ?? "rank-step";
  const values = ents.rows.map((row, i) => (live(ctx, i) ? num(row, rule.field) : null));
  const opts = { step: rule.step, floorShare: rule.floorShare };
  const ranked = { reading, values, ...rankPoints(values, rule.points, reading, isLower(ctx, rule.field), opts) };
  const basis = (i: number) => rankSentence(rule, ctx, ranked, noColumn, i);
  const inputs = (i: number) => [inputRef(ctx, ents, ents.rows[i], rule.field)];
  return { points: ranked.points, basis, details: () => entityDetails(ctx, rule, ranked.points, basis, inputs) };
}

function check(rule: Rule, refs: SchemeRefs, where: string): string[] {
  const out = fieldProblems(refs, where, rule.field);
  const s = refs.scheme;
  if (rule.enteredPoints && !refs.entityFields.has(rule.enteredPoints))
    out.push(t(refs.lang, "scheme.noField", { where, key: "enteredPoints", field: rule.enteredPoints }));
  if (rule.enteredOption) {
    const o = s.options.find((x) => x.id === rule.enteredOption);
    if (!rule.enteredPoints || !o || o.choices.some((c) => c.id !== "entered" && c.id !== "rank"))
      out.push(t(refs.lang, "scheme.enteredOption", { where, option: rule.enteredOption }));
  }
  if (!rule.reading && !s.options.some((o) => o.id === "rankReading"))
    out.push(t(refs.lang, "scheme.noReading", { where }));
  return out;
}

// ---- the live formula ------------------------------------------------------------------------------------------

/** The entered points, clamped, as a formula. */
function enteredFormula(rule: Rule, fx: Formulas, i: number): string | null {
  const r = fx.ref(fx.entities, fx.entities.rows[i], rule.enteredPoints!);
  return r ? `MAX(0,MIN(${r},${xl(rule.points)}))` : fx.fallback("basis.fallback.enteredPoints");
}

const isLowerIn = (rule: Rule, fx: Formulas) => isLower({ scheme: fx.c.scheme, entities: fx.entities }, rule.field);

/** The words of a helper cell's title about this rule ("{rule}: …"). */
const about = (rule: Rule) => (w: (zh: string) => string) => `${w(rule.clause)} ${w(rule.label)}`;

/**
 * The values ranked: the column itself, or, while a unit is vetoed or excluded, a helper column of the values of the
 * units taking part (a unit's value when its 参评 flag is 1, else empty: RANK.EQ, COUNT, MAX and MIN skip it).
 */
function pool(rule: Rule, fx: Formulas, rg: string, i: number): { range: string; own: string | null } | null {
  const { run } = fx.c;
  if (!fx.memo("rank.anyOut", () => run.entities.some((e) => e.vetoed))) return { range: rg, own: null };
  if (fx.takesPart(i) === null) return null;
  const t = fx.entities;
  const key = `rank.pool|${rule.id}`;
  const range = fx.shared.column(
    key,
    (tx, w) => tx("sheet.calc.pool", { rule: about(rule)(w) }),
    (j) => {
      const x = fx.ref(t, t.rows[j], rule.field)!;
      const v = t.rows[j].values[rule.field];
      return {
        formula: `IF(AND(${fx.takesPart(j)}=1,ISNUMBER(${x})),${x},"")`,
        value: !run.entities[j].vetoed && typeof v === "number" ? v : "",
      };
    },
  );
  return { range, own: fx.shared.unitCell(key, i) };
}

/** The count, highest and lowest of the values ranked, each one cell that every rank cell of the rule reads. */
function stats(rule: Rule, fx: Formulas, range: string) {
  const { run } = fx.c;
  const xs = fx.memo(`rank.values|${rule.id}`, () =>
    fx.entities.rows.flatMap((r, j) => {
      const v = r.values[rule.field];
      return !run.entities[j].vetoed && typeof v === "number" ? [v] : [];
    }),
  );
  const words = { count: "sheet.calc.count", max: "sheet.calc.max", min: "sheet.calc.min" } as const;
  const value = {
    count: () => xs.length,
    max: () => xs.reduce((a, b) => (b > a ? b : a)),
    min: () => xs.reduce((a, b) => (b < a ? b : a)),
  };
  const cell = (what: keyof typeof words) =>
    fx.shared.cell(
      `rank.${what}|${rule.id}`,
      (tx, w) => tx(words[what], { rule: about(rule)(w) }),
      () => ({
        formula: `${what.toUpperCase()}(${range})`,
        value: xs.length ? value[what]() : 0,
      }),
    );
  return { n: cell("count"), max: cell("max"), min: cell("min") };
}

/**
 * RANK.EQ over the values ranked and the reading's arithmetic on the shared count, highest and lowest (so a rank cell
 * reads the column once), or null where the reading cannot be a formula. A unit that stops taking part (a veto typed
 * in later) scores 0 rather than an error.
 */
function rankedFormula(rule: Rule, fx: Formulas, i: number, x: string, rg: string, reading: string): string | null {
  const lower = isLowerIn(rule, fx);
  if (reading === "ratio-to-best" && lower) return fx.fallback("basis.fallback.ratioLower");
  const p = pool(rule, fx, rg, i);
  if (!p) return null;
  const { n, max, min } = stats(rule, fx, p.range);
  const full = xl(rule.points);
  const rk = `RANK.EQ(${x},${p.range},${lower ? 1 : 0})`;
  let f: string;
  if (reading === "rank-step")
    f = `MAX(0,${full}-(${rk}-1)*${rule.step !== undefined ? xl(rule.step) : `${full}/${n}`})`;
  else if (reading === "rank-linear") f = `IF(${n}=1,${full},${full}*(${n}-${rk})/(${n}-1))`;
  else if (reading === "ratio-to-best") f = `IF(OR(${x}<=0,${max}<=0),0,${full}*${x}/${max})`;
  else {
    const floor = xl(rule.floorShare * rule.points);
    f = lower
      ? `${floor}+(${full}-${floor})*(${max}-${x})/(${max}-${min})`
      : `${floor}+(${full}-${floor})*(${x}-${min})/(${max}-${min})`;
  }
  const bounded = `MAX(0,MIN(${full},${f}))`;
  const body = reading === "ratio-to-best" ? bounded : `IF(${max}=${min},${full},${bounded})`;
  return p.own ? `IF(ISNUMBER(${p.own}),${body},0)` : body;
}

function formula(rule: Rule, fx: Formulas, i: number): string | null {
  const { run } = fx.c;
  const t = fx.entities;
  // whole-column questions are answered once a plan (fx.memo), so planning n units stays linear
  const entered = fx.memo(`rank.entered|${rule.id}`, () =>
    usesEnteredPoints(rule, run.options, t.rows, (j) => !run.entities[j].vetoed),
  );
  if (entered) return enteredFormula(rule, fx, i);
  if (fx.memo(`rank.unordered|${t.id}`, () => t.rows.some((r, j) => r.entity !== j)))
    return fx.fallback("basis.fallback.duplicates");
  const x = fx.ref(t, t.rows[i], rule.field);
  const rg = fx.range(t, rule.field);
  if (!x || !rg) return fx.fallback("basis.fallback.notNumber");
  const gaps = fx.memo(`rank.gaps|${t.id}|${rule.field}`, () =>
    t.rows.some((r) => typeof r.values[rule.field] !== "number" || fx.ref(t, r, rule.field) === null),
  );
  if (gaps) return fx.fallback("basis.fallback.rankRange");
  const reading = rule.reading ?? run.options.rankReading ?? "rank-step";
  return rankedFormula(rule, fx, i, x, rg, reading);
}

// ---- the gap to the next place ----------------------------------------------------------------------------------

/** Entered points: the gap is the full points. */
function enteredGap(rule: Rule, env: GapEnv, unit: number): RuleGap | null {
  const v = num(env.entities.rows[unit], rule.enteredPoints!);
  if (v !== null && v >= rule.points) return capped(env, unit);
  return numeric(env, unit, rule.enteredPoints!, rule.points, both("whatif.fullLevel", { points: fmt(rule.points) }));
}

/** The next distinct values above the unit's, nearest first. */
function valuesAbove(rule: Rule, env: GapEnv, unit: number, x: number, lower: boolean) {
  const better = (a: number, b: number) => (lower ? a < b : a > b);
  const above: number[] = [];
  env.entities.rows.forEach((r, i) => {
    const v = num(r, rule.field);
    if (i !== unit && live(env.ctx, i) && v !== null && better(v, x) && !above.includes(v)) above.push(v);
  });
  return above.sort((a, b) => (lower ? b - a : a - b)); // nearest first
}

/** Ranked: the nearest value above whose reaching gains points (tie with that unit). */
function rankGap(rule: Rule, env: GapEnv, unit: number): RuleGap | null {
  if (!live(env.ctx, unit)) return null;
  const rows = env.entities.rows;
  const entered = rule.enteredPoints;
  if (entered && rows.some((r, i) => live(env.ctx, i) && typeof r.values[entered] === "number"))
    return enteredGap(rule, env, unit);
  const x = num(rows[unit], rule.field);
  if (x === null) return null;
  const lower = isLower(env.ctx, rule.field);
  const better = (a: number, b: number) => (lower ? a < b : a > b);
  const above = valuesAbove(rule, env, unit, x, lower);
  if (!above.length) return env.cur(unit) >= rule.points ? capped(env, unit) : null;
  const res = env.res(env.entities, rule.field);
  for (const y of above) {
    const who = rows.findIndex((r, i) => i !== unit && live(env.ctx, i) && num(r, rule.field) === y);
    const place =
      1 + rows.filter((r, i) => live(env.ctx, i) && i !== unit && better(num(r, rule.field) ?? NaN, y)).length;
    const pass = fmt(onGrid(Math.abs(y - x) + res, res));
    const vars = (l: "zh" | "en") => ({
      above: rows[who].name,
      rank: place,
      verb: t(l, lower ? "whatif.less" : "whatif.more"),
      pass,
      unit: unitOf(env, env.entities, rule.field, l),
    });
    const level = { zh: t("zh", "whatif.rankLevel", vars("zh")), en: t("en", "whatif.rankLevel", vars("en")) };
    const g = numeric(env, unit, rule.field, y, level);
    if (g && g.gain > 0) return g;
  }
  return null;
}

// ---- its words: sentences, warnings, its name and its gap levels (the catalogue's domain `kinds`) ----

const texts = kindTexts(
  {
    "basis.rank.outOfRange": "规则 {rule}（{name}）：「{label}」{value} 分超出 0–{max}，已截取",
    "basis.rank.entered": "{label}（认定部门给分）{value} → {points}",
    "basis.rank.noColumn": "（无「{label}」列，按认定数排序）",
    "basis.rank.missing": "{label}缺少数据，不参与排序 → 0",
    "basis.rank.head": "{label} {value}{unit}{noColumn}，{n} 个参评中第 {rank} 名",
    "basis.rank.full": "{head} → {points}（满分）",
    "basis.rank.how": "{head}：{how}",
    "basis.rank.ratioZero": "值不大于 0，按比值法不得分 → 0",
    "basis.rank.ratio": "按与最好值之比 → {points}",
    "basis.rank.minMax": "按极差折算 → {points}",
    "basis.fallback.ratioLower": "按比值折算的越小越好指标",
    "basis.fallback.rankRange": "排序范围内有非数字单元格",
    "basis.fallback.excludedName": "暂不考核的单位名称不是文字单元格",
    "basis.fallback.vetoCells": "一票否决的列无法用公式读取（不是连续的单元格）",
    "basis.fallback.duplicates": "有重复的单位",
    "basis.fallback.enteredPoints": "认定部门给分不是数字单元格",
    "basis.kind.rank": "排序法",
    "whatif.rankLevel": "与 {above} 并列第 {rank} 名（超过它需{verb} {pass}{unit}）",
  },
  {
    "basis.rank.outOfRange": 'rule {rule} ({name}): "{label}" {value} points is outside 0–{max}; clamped',
    "basis.rank.entered": "{label} (points given by the certifying bureau) {value} → {points}",
    "basis.rank.noColumn": ' (no "{label}" column: ranked by the counts)',
    "basis.rank.missing": "{label}: no data, not ranked → 0",
    "basis.rank.head": "{label} {value}{unit}{noColumn}, place {rank} of {n} ranked",
    "basis.rank.full": "{head} → {points} (full points)",
    "basis.rank.how": "{head}: {how}",
    "basis.rank.ratioZero": "value not above 0, no points by ratio → 0",
    "basis.rank.ratio": "by ratio to the best value → {points}",
    "basis.rank.minMax": "by range → {points}",
    "basis.fallback.ratioLower": "a ratio reading of a lower-is-better indicator",
    "basis.fallback.rankRange": "a cell in the ranked range is not a number",
    "basis.fallback.excludedName": "the name of a unit not evaluated is not a text cell",
    "basis.fallback.vetoCells": "a veto column a formula cannot read (not one block of cells)",
    "basis.fallback.duplicates": "units listed twice",
    "basis.fallback.enteredPoints": "the bureau's points are not a number cell",
    "basis.kind.rank": "ranking",
    "whatif.rankLevel": "a tie with {above} at place {rank} (passing it needs {verb} {pass}{unit})",
  },
);

export const rank: KindModule<typeof RankRule, typeof texts> = {
  kind: "rank",
  schema: RankRule,
  texts,
  evaluate,
  formula,
  codec: {
    column: "field",
    max: { key: "points", meaning: "full" },
    params: {
      points: "num",
      reading: "str",
      step: "num",
      floorShare: "num",
      enteredPoints: "str",
      enteredOption: "str",
    },
  },
  check,
  gap: rankGap,
};
