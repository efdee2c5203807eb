/**
 * The shape most rule kinds share: points from the entity's own row, a sentence and the evidence built only when
 * asked for. Used by the kind modules in ./kinds. Pure.
 */
import type { Row, Table } from "../dataset";
import type { Detail, InputRef } from "./result";
import { fieldLabel, fieldUnit, inputRef, live, word, type RuleContext } from "./context";
import { zeros, type RuleOutcome } from "./outcome";

/** A number in a row, or null. */
export function num(row: Row, f: string): number | null {
  const v = row.values[f];
  return typeof v === "number" ? v : null;
}

/** A field's label and unit (" 亿元", or "" for points) in the run's language. */
export function labelUnit(ctx: RuleContext, t: Table, f: string): [string, string] {
  const u = fieldUnit(ctx, t, f);
  return [word(ctx, fieldLabel(ctx, t, f)), u ? " " + word(ctx, u) : ""];
}

/**
 * The details of a zone-level rule: one per entity with points (or for which `keep` says so), with the basis
 * sentence and the inputs it cites.
 */
export function entityDetails(
  ctx: RuleContext,
  rule: { id: string; clause: string },
  points: number[],
  basis: (i: number) => string,
  inputs: (i: number) => InputRef[],
  keep: (i: number) => boolean = () => false,
): Detail[] {
  const rows = ctx.entities.rows;
  return points.flatMap((p, i) =>
    p === 0 && !keep(i)
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
            inputs: inputs(i),
          },
        ],
  );
}

/** Shared shape: points from one numeric or yes/no field; sentence and evidence built on demand. */
export function perEntity(
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
  const clause = word(ctx, rule.clause);
  const basis = (i: number) => `${clause} ${say(ents.rows[i], i, points[i])}`;
  const inputs = (i: number) => [
    ...fields.map((f) => inputRef(ctx, ents, ents.rows[i], f)),
    ...(extraInputs ? extraInputs(ents.rows[i], i) : []),
  ];
  return { points, basis, details: () => entityDetails(ctx, rule, points, basis, inputs) };
}

/** count × rate, and the same capped: the arithmetic shared by per-unit points and deductions */
export function perUnit(row: Row, field: string, rate: number, cap?: number): { raw: number; capped: number } {
  const raw = (num(row, field) ?? 0) * rate;
  return { raw, capped: cap !== undefined ? Math.min(raw, cap) : raw };
}

/** A field's words in a sentence: its label and its unit (" 亿元", or "") in the run's language. */
export interface FieldWords {
  label: string;
  unit: string;
}

/**
 * The evaluator of a kind judged on one field of the unit's own row: `points` for each live unit, `sentence` for
 * why (after the clause), both given the field's words.
 */
export function onField<R extends { id: string; clause: string; field: string }>(
  points: (rule: R, ctx: RuleContext, row: Row, w: FieldWords) => number,
  sentence: (rule: R, ctx: RuleContext, row: Row, p: number, w: FieldWords) => string,
): (rule: R, ctx: RuleContext) => RuleOutcome {
  return (rule, ctx) => {
    const [label, unit] = labelUnit(ctx, ctx.entities, rule.field);
    const w = { label, unit };
    return perEntity(
      ctx,
      rule,
      [rule.field],
      (row) => points(rule, ctx, row, w),
      (row, _i, p) => sentence(rule, ctx, row, p, w),
    );
  };
}
