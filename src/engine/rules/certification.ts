/** Certification bonus by level: 省级 +5, 国家级 +10, per certification or the highest only. */
import type { z } from "zod";
import type { CertificationRule } from "../../schemes/schema";
import { cellText } from "../values";
import { nameKey } from "../text";
import { signed } from "../format";
import { fieldLabel, inputRef, live, type RuleContext } from "./context";
import { zeros, type RuleOutcome } from "./types";

type Rule = z.infer<typeof CertificationRule>;

/** The level a cell names: the first level whose text it contains (国家级 before 省级 when listed so). */
const sortedLevels = new WeakMap<Rule, Array<{ match: string; key: string; points: number }>>();

export function levelPoints(rule: Rule, v: unknown): { match: string; points: number } | null {
  if (v === null || v === undefined || v === false || v === "") return null;
  const t = nameKey(cellText(v as string));
  if (!t || t === "无" || t === "否") return null;
  let levels = sortedLevels.get(rule);
  if (!levels)
    sortedLevels.set(
      rule,
      (levels = [...rule.levels].sort((a, b) => b.points - a.points).map((l) => ({ ...l, key: nameKey(l.match) }))),
    );
  return levels.find((l) => t.includes(l.key)) ?? null;
}

export function evaluateCertification(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const points = zeros(n);
  for (let i = 0; i < n; i++) {
    if (!live(ctx, i)) continue;
    const got = rule.fields.map((f) => levelPoints(rule, ents.rows[i].values[f])?.points ?? 0);
    points[i] = rule.mode === "sum" ? got.reduce((s, x) => s + x, 0) : Math.max(0, ...got);
  }
  const basis = (i: number) => {
    const items = rule.fields.map((f) => ({ f, l: levelPoints(rule, ents.rows[i].values[f]) })).filter((x) => x.l);
    if (!items.length) return `${rule.clause} 无认定 → 0`;
    return `${rule.clause} ${items.map((x) => `${fieldLabel(ctx, ents, x.f)}：${x.l!.match} ${signed(x.l!.points)}`).join("；")}${rule.mode === "highest" ? "，取最高" : ""} → ${signed(points[i])}`;
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
                inputs: rule.fields.map((f) => inputRef(ctx, ents, ents.rows[i], f)),
              },
            ]
          : [],
      ),
  };
}
