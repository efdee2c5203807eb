/**
 * The rule kinds judged on one value of the entity's own row: target achievement, per-unit counts with a cap,
 * yes/no flags, entered scores, growth steps, benchmark ratios, deductions and vetoes. One evaluator each.
 */
import type { z } from "zod";
import type {
  BenchmarkRule,
  DeductionRule,
  EnteredRule,
  FlagRule,
  GrowthRule,
  PerUnitRule,
  TargetRule,
  VetoRule,
} from "../scheme/schema";
import type { Row, Table } from "../dataset";
import type { Detail, InputRef } from "./result";
import { fmt, roundTo, signed } from "../format";
import { fieldLabel, fieldUnit, headerCell, inputRef, live, numOrParam, type RuleContext } from "./context";
import { zeros, type RuleOutcome } from "./outcome";

/** Shared shape: points from one numeric or yes/no field; sentence and evidence built on demand. */
function perEntity(
  ctx: RuleContext,
  rule: { id: string; clause: string },
  fields: string[],
  compute: (row: Row, i: number) => number,
  say: (row: Row, i: number, points: number) => string,
  extraInputs?: (row: Row, i: number) => InputRef[],
): RuleOutcome {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const points = zeros(n);
  for (let i = 0; i < n; i++) if (live(ctx, i)) points[i] = compute(ents.rows[i], i);
  const basis = (i: number) => `${rule.clause} ${say(ents.rows[i], i, points[i])}`;
  const details = (): Detail[] =>
    points.flatMap((p, i) =>
      p === 0
        ? []
        : [
            {
              entity: ents.rows[i].name,
              entityIndex: i,
              rule: rule.id,
              clause: rule.clause,
              points: p,
              subject: ents.rows[i].name,
              basis: basis(i),
              inputs: [
                ...fields.map((f) => inputRef(ctx, ents, ents.rows[i], f)),
                ...(extraInputs ? extraInputs(ents.rows[i], i) : []),
              ],
            },
          ],
    );
  return { points, basis, details };
}

function num(row: Row, f: string): number | null {
  const v = row.values[f];
  return typeof v === "number" ? v : null;
}

function labelUnit(ctx: RuleContext, t: Table, f: string): [string, string] {
  const u = fieldUnit(ctx, t, f);
  return [fieldLabel(ctx, t, f), u ? " " + u : ""];
}

const targetIndex = new WeakMap<Table, Map<number, Row>>();
/** The target row of entity i in a targets table, or undefined. */
export function targetValue(
  ctx: RuleContext,
  table: string,
  column: string,
  entity: number,
): { value: number | null; ref: string } | undefined {
  const t = ctx.data.tables[table];
  if (!t) return undefined;
  let index = targetIndex.get(t);
  if (!index) {
    index = new Map();
    for (const r of t.rows) if (r.entity >= 0 && !index.has(r.entity)) index.set(r.entity, r);
    targetIndex.set(t, index);
  }
  const row = index.get(entity);
  if (!row) return undefined;
  const v = row.values[column];
  return { value: typeof v === "number" ? v : null, ref: row.cells[column] ? `${t.sheet}!${row.cells[column]}` : "" };
}

/** Target achievement: all-or-nothing (value ≥ target → points) or proportional (points × min(value / target, cap)). */
export function evaluateTarget(rule: z.infer<typeof TargetRule>, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const [label, u] = labelUnit(ctx, ents, rule.field);
  const year = ctx.data.year;
  const warned = new Set<number>();
  return perEntity(
    ctx,
    rule,
    [rule.field],
    (row, i) => {
      const v = num(row, rule.field);
      const t = targetValue(ctx, rule.target.table, rule.target.column, i);
      if (!t || t.value === null) {
        if (!warned.has(i))
          ctx.warn({
            code: "cannot-evaluate",
            sheet: ents.sheet,
            cell: row.cells.name ?? "",
            message: `${rule.id}（${row.name}）：目标一览表无${year}年${label}目标`,
          });
        warned.add(i);
        return 0;
      }
      if (v === null) return 0;
      if (rule.mode === "proportional")
        return t.value > 0 ? rule.points * Math.max(0, Math.min(v / t.value, rule.capRatio)) : 0;
      return (rule.op === ">=" ? v >= t.value : v > t.value) ? rule.points : 0;
    },
    (row, i, p) => {
      const v = num(row, rule.field);
      const t = targetValue(ctx, rule.target.table, rule.target.column, i);
      if (!t || t.value === null) return `目标一览表无${year}年${label}目标，无法评定 → 0`;
      if (v === null) return `${label}缺少数据 → 0`;
      if (rule.mode === "proportional")
        return `${label} ${fmt(v)}${u} ÷ ${year}年目标 ${fmt(t.value)}${u} = ${fmt((v / t.value) * 100)}%${v / t.value > rule.capRatio ? `，按 ${fmt(rule.capRatio * 100)}% 封顶` : ""} × ${fmt(rule.points)} → ${signed(p)}`;
      const rel = p ? (rule.op === ">=" ? "≥" : ">") : rule.op === ">=" ? "<" : "≤";
      return `${label} ${fmt(v)}${u} ${rel} ${year}年目标 ${fmt(t.value)}${u} → ${signed(p)}`;
    },
    (row, i) => {
      const t = targetValue(ctx, rule.target.table, rule.target.column, i);
      return t ? [{ label: `${year}年${label}目标`, value: t.value, ref: t.ref }] : [];
    },
  );
}

/** count × rate, and the same capped: the arithmetic shared by per-unit points and deductions */
function perUnit(row: Row, field: string, rate: number, cap?: number): { raw: number; capped: number } {
  const raw = (num(row, field) ?? 0) * rate;
  return { raw, capped: cap !== undefined ? Math.min(raw, cap) : raw };
}

/** Per-unit counts with an optional cap: 每新增1家上市企业加20分; 每新增一户得1分，最高3分. */
export function evaluatePerUnit(rule: z.infer<typeof PerUnitRule>, ctx: RuleContext): RuleOutcome {
  const [label, u] = labelUnit(ctx, ctx.entities, rule.field);
  const raw = (row: Row) => perUnit(row, rule.field, rule.points, rule.cap).raw;
  return perEntity(
    ctx,
    rule,
    [rule.field],
    (row) => perUnit(row, rule.field, rule.points, rule.cap).capped,
    (row, _i, p) => {
      const v = num(row, rule.field);
      if (v === null) return `${label}缺少数据 → 0`;
      const capText = rule.cap !== undefined && raw(row) > rule.cap ? `，最高 ${fmt(rule.cap)}` : "";
      return `${label} ${fmt(v)}${u.trim()} × ${fmt(rule.points)} = ${fmt(raw(row))}${capText} → ${signed(p)}`;
    },
  );
}

/** Yes/no flags: 完成年度盘活闲置和低效用地目标任务 → +10. */
export function evaluateFlag(rule: z.infer<typeof FlagRule>, ctx: RuleContext): RuleOutcome {
  const label = fieldLabel(ctx, ctx.entities, rule.field);
  return perEntity(
    ctx,
    rule,
    [rule.field],
    (row) => (row.values[rule.field] === true ? rule.points : 0),
    (row, _i, p) =>
      typeof row.values[rule.field] === "boolean"
        ? `${label}：${fmt(row.values[rule.field])} → ${signed(p)}`
        : `${label}缺少数据 → 0`,
  );
}

/** Entered scores (a department's points): clamped to [0, max]; a value outside is a warning. */
export function evaluateEntered(rule: z.infer<typeof EnteredRule>, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const label = fieldLabel(ctx, ents, rule.field);
  return perEntity(
    ctx,
    rule,
    [rule.field],
    (row) => {
      const v = num(row, rule.field);
      if (v === null) return 0;
      if (v < 0 || v > rule.max)
        ctx.warn({
          code: "entered-out-of-range",
          sheet: ents.sheet,
          cell: row.cells[rule.field] ?? "",
          message: `规则 ${rule.id}（${row.name}）：「${label}」填了 ${fmt(v)} 分，应在 0–${fmt(rule.max)} 之间，已按 ${fmt(Math.max(0, Math.min(v, rule.max)))} 分计`,
          value: String(v),
        });
      return Math.max(0, Math.min(v, rule.max));
    },
    (row, _i, p) => {
      const v = num(row, rule.field);
      if (v === null) return `${label}未评分 → 0`;
      return v === p
        ? `${label}（部门评分，满分 ${fmt(rule.max)}）${fmt(v)} → ${signed(p)}`
        : `${label}（部门评分）填 ${fmt(v)}，超出 0–${fmt(rule.max)}，按 ${fmt(p)} 计`;
    },
  );
}

/** Growth steps: base share for holding the base level, + k points per p % growth, bonus capped. */
export function growthPoints(rule: z.infer<typeof GrowthRule>, g: number): number {
  const base = rule.points * rule.baseShare;
  if (g < 0) return rule.below === "zero" ? 0 : Math.max(0, base * (1 + g / 100));
  const bonus = Math.min(Math.floor(roundTo(g / rule.stepPct, 9)) * rule.stepPoints, rule.points * rule.bonusCapShare);
  return base + bonus;
}

export function evaluateGrowth(rule: z.infer<typeof GrowthRule>, ctx: RuleContext): RuleOutcome {
  const label = fieldLabel(ctx, ctx.entities, rule.field);
  return perEntity(
    ctx,
    rule,
    [rule.field],
    (row) => {
      const g = num(row, rule.field);
      return g === null ? 0 : growthPoints(rule, g);
    },
    (row, _i, p) => {
      const g = num(row, rule.field);
      if (g === null) return `${label}缺少数据 → 0`;
      const base = rule.points * rule.baseShare;
      if (g < 0)
        return `${label} ${fmt(g)}%，低于基数：${rule.below === "zero" ? "不得分" : `${fmt(base)} × (1 ${fmt(g)}%)`} → ${signed(p)}`;
      return `${label} ${fmt(g)}%：保持基数 ${fmt(base)} + 每 ${fmt(rule.stepPct)}% 加 ${fmt(rule.stepPoints)}（最多 ${fmt(rule.points * rule.bonusCapShare)}）→ ${signed(p)}`;
    },
  );
}

/** Benchmark ratio (亩均效益): weight × min(x / benchmark, cap); lower-is-better: benchmark / x. */
export function evaluateBenchmark(rule: z.infer<typeof BenchmarkRule>, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const col = ctx.scheme.tables.find((t) => t.id === ents.id)?.columns.find((c) => c.id === rule.field);
  const lower = col?.direction === "lower";
  const w = numOrParam(ctx, rule.weight);
  const b = numOrParam(ctx, rule.benchmark);
  const points = zeros(n);
  const label = fieldLabel(ctx, ents, rule.field);
  if (w === null || b === null || b <= 0) {
    ctx.warn({
      code: "cannot-evaluate",
      sheet: ents.sheet,
      cell: headerCell(ents, rule.field) || headerCell(ents, "name"),
      message: `${rule.id}：缺少权重或基准值（或基准值不大于 0），「${label}」无法评分`,
    });
    return { points, basis: () => `${rule.clause} 缺少权重或基准值 → 0`, details: () => [] };
  }
  let sum = 0;
  let have = 0;
  const missing: number[] = [];
  const rows = ents.rows;
  const f = rule.field;
  for (let i = 0; i < n; i++) {
    if (!live(ctx, i)) continue;
    const x = rows[i].values[f];
    if (typeof x !== "number") {
      missing.push(i);
      continue;
    }
    const ratio = lower ? (x > 0 ? b / x : 0) : x / b;
    const p = w * Math.max(0, Math.min(ratio, rule.cap));
    points[i] = p;
    sum += p;
    have++;
  }
  const mean = have ? sum / have : 0;
  if (rule.missing === "mean-score") for (const i of missing) points[i] = mean;
  const missingSet = new Set(missing);
  const basis = (i: number): string => {
    const x = rows[i].values[f];
    if (typeof x !== "number")
      return `${rule.clause} ${label}缺少数据 → ${rule.missing === "mean-score" ? `按该项平均得分 ${fmt(mean)}` : "0"}`;
    const ratio = lower ? (x > 0 ? b / x : 0) : x / b;
    return `${rule.clause} ${fmt(w)} × min(${lower ? `${fmt(b)} ÷ ${fmt(x)}` : `${fmt(x)} ÷ ${fmt(b)}`} = ${fmt(ratio)}, ${fmt(rule.cap)}) → ${fmt(points[i])}`;
  };
  return {
    points,
    basis,
    details: () =>
      points.flatMap((p, i) =>
        p === 0 && !missingSet.has(i)
          ? []
          : [
              {
                entity: rows[i].name,
                entityIndex: i,
                rule: rule.id,
                clause: rule.clause,
                points: p,
                subject: rows[i].name,
                basis: basis(i),
                inputs: [inputRef(ctx, ents, rows[i], f)],
              },
            ],
      ),
  };
}

/** Deductions: pointsPer for each unit, at most max; the part is negative. */
export function evaluateDeduction(rule: z.infer<typeof DeductionRule>, ctx: RuleContext): RuleOutcome {
  const [label, u] = labelUnit(ctx, ctx.entities, rule.field);
  const raw = (row: Row) => perUnit(row, rule.field, rule.pointsPer, rule.max).raw;
  return perEntity(
    ctx,
    rule,
    [rule.field],
    (row) => -perUnit(row, rule.field, rule.pointsPer, rule.max).capped,
    (row, _i, p) => {
      const v = num(row, rule.field);
      if (v === null || v === 0) return `${label} ${v === null ? "未填" : "0"} → 0`;
      return `${label} ${fmt(v)}${u.trim()} × ${fmt(rule.pointsPer)}${rule.max !== undefined && raw(row) > rule.max ? `，最多扣 ${fmt(rule.max)}` : ""} → ${signed(p)}`;
    },
  );
}

/** Veto (一票否决): the entity gets no score and no rank, and the result says why. */
export function evaluateVeto(rule: z.infer<typeof VetoRule>, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const label = fieldLabel(ctx, ents, rule.field);
  const veto = ents.rows.map((r, i) =>
    live(ctx, i) && r.values[rule.field] === true ? `${rule.reason}（${rule.clause}）` : null,
  );
  return {
    points: zeros(ents.rows.length),
    veto,
    basis: (i) =>
      `${rule.clause} ${label}：${fmt(ents.rows[i].values[rule.field] ?? null)}${veto[i] ? " → 不予评价" : ""}`,
    details: () => [],
  };
}
