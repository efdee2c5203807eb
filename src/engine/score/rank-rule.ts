/**
 * Rank-based scoring (排序法). The policy words "排第一名得满分，排第二名以后按相应比例折算分数，分数减完为止" admit
 * several readings; each is a named option and the one in force is stated in every result:
 *   rank-step      full − (rank − 1) × step, floored at 0; step defaults to full / N (N = ranked units)
 *   rank-linear    full × (N − rank) / (N − 1)
 *   ratio-to-best  full × x / best (lower-is-better: full × best / x); values ≤ 0 score 0
 *   min-max        floor + (full − floor) × (x − min) / (max − min), floor = floorShare × full
 * Tied values share a rank and its points; when all values are equal every unit gets full points.
 */
import type { z } from "zod";
import type { RankReading, RankRule } from "../scheme/schema";
import { fmt, signed } from "../format";
import { ranks } from "./ranking";
import { fieldLabel, fieldUnit, inputRef, live, type RuleContext } from "./context";
import { zeros, type RuleOutcome } from "./outcome";
import { message } from "../messages";
import { a1, parseA1 } from "../read/normalise";

type Rule = z.infer<typeof RankRule>;
export type Reading = z.infer<typeof RankReading>;

export const READING_TEXT: Record<Reading, string> = {
  "rank-step": "按名次等差递减：满分 −（名次 − 1）× 满分 ÷ 参评数，减完为止",
  "rank-linear": "按名次线性折算：满分 ×（参评数 − 名次）÷（参评数 − 1）",
  "ratio-to-best": "按与第一名的比值折算：满分 × 本值 ÷ 最好值",
  "min-max": "按极差折算：保底 +（满分 − 保底）×（本值 − 最小值）÷（最大值 − 最小值）",
};

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
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const allEqual = min === max;
  const step = opts.step ?? full / n;
  const floor = (opts.floorShare ?? 0) * full;
  let bestPos = Infinity;
  for (const x of xs) if (x > 0 && x < bestPos) bestPos = x;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === null) continue;
    if (allEqual) {
      points[i] = full;
      continue;
    }
    const r = rank[i] as number;
    let p: number;
    switch (reading) {
      case "rank-step":
        p = Math.max(0, full - (r - 1) * step);
        break;
      case "rank-linear":
        p = n === 1 ? full : (full * (n - r)) / (n - 1);
        break;
      case "ratio-to-best":
        if (x <= 0) p = 0;
        else if (lower) p = bestPos === Infinity ? 0 : (full * bestPos) / x;
        else p = max <= 0 ? 0 : (full * x) / max;
        break;
      default:
        p = floor + ((full - floor) * (lower ? max - x : x - min)) / (max - min);
    }
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

export function evaluateRank(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const reading: Reading = rule.reading ?? (ctx.options.rankReading as Reading | undefined) ?? "rank-step";
  const col = ctx.scheme.tables.find((t) => t.id === ents.id)?.columns.find((c) => c.id === rule.field);
  const lower = col?.direction === "lower";
  const label = fieldLabel(ctx, ents, rule.field);
  const unit = fieldUnit(ctx, ents, rule.field);

  // points entered by a bureau replace ranking when the workbook has that column
  const entered = rule.enteredPoints;
  if (entered && usesEnteredPoints(rule, ctx.options, ents.rows, (i) => live(ctx, i))) {
    const elabel = fieldLabel(ctx, ents, entered);
    const points = zeros(n);
    const opt = rule.enteredOption ? ctx.scheme.options.find((o) => o.id === rule.enteredOption) : undefined;
    const reading = opt?.choices.find((c) => c.id === ctx.options[opt.id])?.name ?? "";
    for (let i = 0; i < n; i++) {
      const v = ents.rows[i].values[entered];
      if (!live(ctx, i)) continue;
      if (typeof v !== "number") {
        // only under an explicit reading: without one, a blank means "not given" as before
        if (opt && (v === null || v === undefined))
          ctx.warn({
            code: "entered-missing",
            sheet: ents.sheet,
            cell: ents.rows[i].cells[entered] ?? ents.rows[i].cells[rule.field] ?? ents.rows[i].cells.name ?? "",
            message: message(ctx.lang, "entered-missing", {
              rule: rule.id,
              clause: rule.clause,
              name: ents.rows[i].name,
              reading,
              column: elabel,
            }),
          });
        continue;
      }
      if (v < 0 || v > rule.points)
        ctx.warn({
          code: "entered-out-of-range",
          sheet: ents.sheet,
          cell: ents.rows[i].cells[entered] ?? "",
          message: `规则 ${rule.id}（${ents.rows[i].name}）：「${elabel}」${fmt(v)} 分超出 0–${fmt(rule.points)}，已截取`,
          value: String(v),
        });
      points[i] = Math.max(0, Math.min(v, rule.points));
    }
    const basis = (i: number) =>
      `${rule.clause} ${elabel}（认定部门给分）${fmt(ents.rows[i].values[entered] ?? null)} → ${signed(points[i])}`;
    return {
      points,
      basis,
      details: () =>
        points.flatMap((p, i) =>
          p
            ? [
                {
                  entity: ents.rows[i].name,
                  entityIndex: i,
                  rule: rule.id,
                  clause: rule.clause,
                  points: p,
                  subject: ents.rows[i].name,
                  basis: basis(i),
                  inputs: [inputRef(ctx, ents, ents.rows[i], entered)],
                },
              ]
            : [],
        ),
    };
  }

  // the bureau's points are the reading in force, but the workbook has no column for them: rank the counts, and say so
  let noColumn = "";
  if (entered && rule.enteredOption && ctx.options[rule.enteredOption] !== "rank") {
    const first = ents.rows.findIndex((r, i) => live(ctx, i) && r.cells[rule.field] !== undefined);
    const opt = ctx.scheme.options.find((o) => o.id === rule.enteredOption);
    const elabel = fieldLabel(ctx, ents, entered);
    noColumn = `（无「${elabel}」列，按认定数排序）`;
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
          field: label,
          reading: opt?.choices.find((c) => c.id === ctx.options[opt.id])?.name ?? "",
          option: `${rule.enteredOption}=rank`,
        }),
      });
    }
  }
  const values: Array<number | null> = new Array<number | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const v = ents.rows[i].values[rule.field];
    if (live(ctx, i) && typeof v === "number") values[i] = v;
  }
  const {
    points,
    rank,
    n: ranked,
  } = rankPoints(values, rule.points, reading, lower, { step: rule.step, floorShare: rule.floorShare });
  const u = unit ? " " + unit : "";
  const basis = (i: number) => {
    const x = values[i];
    if (x === null) return `${rule.clause} ${label}缺少数据，不参与排序 → 0`;
    const head = `${rule.clause} ${label} ${fmt(x)}${u}${noColumn}，${ranked} 个参评中第 ${rank[i]} 名`;
    if (points[i] === rule.points && rank[i] === 1) return `${head} → ${signed(points[i])}（满分）`;
    switch (reading) {
      case "rank-step":
        return `${head}：${fmt(rule.points)} − ${(rank[i] as number) - 1} × ${fmt(rule.step ?? rule.points / ranked)} → ${signed(points[i])}`;
      case "rank-linear":
        return `${head}：${fmt(rule.points)} × (${ranked} − ${rank[i]}) ÷ ${ranked - 1} → ${signed(points[i])}`;
      case "ratio-to-best":
        return x <= 0 ? `${head}：值不大于 0，按比值法不得分 → 0` : `${head}：按与最好值之比 → ${signed(points[i])}`;
      default:
        return `${head}：按极差折算 → ${signed(points[i])}`;
    }
  };
  return {
    points,
    basis,
    details: () =>
      points.flatMap((p, i) =>
        p
          ? [
              {
                entity: ents.rows[i].name,
                entityIndex: i,
                rule: rule.id,
                clause: rule.clause,
                points: p,
                subject: ents.rows[i].name,
                basis: basis(i),
                inputs: [inputRef(ctx, ents, ents.rows[i], rule.field)],
              },
            ]
          : [],
      ),
  };
}
