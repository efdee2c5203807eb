/**
 * Thresholds / tiers: the first tier (most points first) whose conditions all hold is awarded; never summed unless
 * the scheme says cumulative. Judged on the entity's own row (二(一)) or on each row of a list that rolls up to it,
 * summed per entity (二(二), 二(三)).
 */
import type { z } from "zod";
import type { TiersRule } from "../scheme/schema";
import type { Row, Table } from "../dataset";
import type { Detail } from "./result";
import { cleanSum, fmt, signed } from "../format";
import { cellOf, describe, inputRef, live, test, testAll, type RuleContext } from "./context";
import { zeros, type RuleOutcome } from "./outcome";

type Rule = z.infer<typeof TiersRule>;

/** points for one row, or null when the filter excludes it; unknown when a value needed is missing */
function rowPoints(
  ctx: RuleContext,
  rule: Rule,
  tiers: Rule["tiers"],
  row: Row,
): { points: number; unknown: boolean } | null {
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

function rowText(ctx: RuleContext, rule: Rule, tiers: Rule["tiers"], table: Table, row: Row, points: number): string {
  const met = tiers.filter((t) => testAll(ctx, row, t.when) === true);
  if (points !== 0) {
    const used = rule.cumulative ? met : met.slice(0, 1);
    return `${used.map((t) => t.when.map((c) => describe(ctx, table, row, c)).join("，")).join("；")} → ${signed(points)}`;
  }
  const lowest = tiers[tiers.length - 1];
  const filterFail = rule.filter.filter((c) => test(ctx, row, c) !== true);
  const parts = [...filterFail, ...lowest.when].map((c) => describe(ctx, table, row, c));
  return `${parts.join("，")}，未达到任何档次 → 0`;
}

function inputs(ctx: RuleContext, rule: Rule, table: Table, row: Row) {
  const fields = new Set([
    ...rule.filter.map((c) => c.field),
    ...rule.tiers.flatMap((t) => t.when.map((c) => c.field)),
  ]);
  return [...fields].map((f) => inputRef(ctx, table, row, f));
}

export function evaluateTiers(rule: Rule, ctx: RuleContext): RuleOutcome {
  const n = ctx.entities.rows.length;
  const points = zeros(n);
  const table = ctx.data.tables[rule.over];
  const tiers = [...rule.tiers].sort((a, b) => b.points - a.points);
  if (!table) return { points, basis: () => `${rule.clause} 缺少数据表`, details: () => [] };

  if (table.id === ctx.entities.id) {
    for (let i = 0; i < n; i++) {
      if (!live(ctx, i)) continue;
      const row = table.rows[i];
      const r = rowPoints(ctx, rule, tiers, row);
      if (!r) continue;
      points[i] = r.points;
      if (r.unknown)
        ctx.warn({
          code: "cannot-evaluate",
          sheet: table.sheet,
          cell: cellOf(
            ctx,
            table,
            row,
            tiers.flatMap((t) => t.when).find((c) => test(ctx, row, c) === null)?.field ?? tiers[0].when[0].field,
          ),
          message: `${rule.id}（${row.name}）：${rowText(ctx, rule, tiers, table, row, 0)}`,
        });
    }
    const basis = (i: number) =>
      testAll(ctx, table.rows[i], rule.filter) === false
        ? `${rule.clause} 不适用`
        : `${rule.clause} ${rowText(ctx, rule, tiers, table, table.rows[i], points[i])}`;
    const details = (): Detail[] =>
      points.flatMap((p, i) =>
        p === 0
          ? []
          : [
              {
                entity: table.rows[i].name,
                entityIndex: i,
                rule: rule.id,
                clause: rule.clause,
                points: p,
                subject: table.rows[i].name,
                basis: basis(i),
                inputs: inputs(ctx, rule, table, table.rows[i]),
              },
            ],
      );
    return { points, basis, details };
  }

  // a list: sum per entity, keep each row's points for the evidence
  const rowPts = new Float64Array(table.rows.length);
  const subjectOf = (row: Row) => (rule.subject ? String(row.values[rule.subject] ?? row.name) : row.name);
  table.rows.forEach((row, k) => {
    if (row.entity < 0) return;
    const r = rowPoints(ctx, rule, tiers, row);
    if (!r) return;
    if (r.unknown)
      ctx.warn({
        code: "cannot-evaluate",
        sheet: table.sheet,
        cell: cellOf(
          ctx,
          table,
          row,
          [...rule.filter, ...tiers.flatMap((t) => t.when)].find((c) => test(ctx, row, c) === null)?.field ??
            rule.subject ??
            "name",
        ),
        message: `${rule.id}（${subjectOf(row)}）：${rowText(ctx, rule, tiers, table, row, 0)}`,
      });
    rowPts[k] = r.points;
    points[row.entity] += r.points;
  });
  for (let i = 0; i < n; i++) points[i] = cleanSum([points[i]]);
  const what = table.id === "enterprises" ? "企业" : table.id === "projects" ? "项目" : "条目";
  const basis = (i: number) => {
    const items: string[] = [];
    table.rows.forEach((row, k) => {
      if (row.entity === i && rowPts[k] !== 0) items.push(`${subjectOf(row)} ${signed(rowPts[k])}`);
    });
    return items.length
      ? `${rule.clause} ${items.length}个${what}：${items.join("；")}，合计 ${fmt(points[i])}`
      : `${rule.clause} 无符合条件的${what} → 0`;
  };
  const details = (): Detail[] => {
    const out: Detail[] = [];
    table.rows.forEach((row, k) => {
      if (rowPts[k] === 0) return;
      const e = ctx.entities.rows[row.entity];
      out.push({
        entity: e.name,
        entityIndex: row.entity,
        rule: rule.id,
        clause: rule.clause,
        points: rowPts[k],
        subject: subjectOf(row),
        basis: `${rule.clause} ${subjectOf(row)}：${rowText(ctx, rule, tiers, table, row, rowPts[k])}`,
        inputs: inputs(ctx, rule, table, row),
      });
    });
    return out;
  };
  return { points, basis, details };
}
