/**
 * Certification bonus by level (附加分): 省级 +5, 国家级 +10, per certification or the highest only. Recognitions come
 * from one column per kind (绿色园区认定: 国家级) and, when the scheme names a list table, from rows of kind + level
 * (further kinds: "绿色园区、智慧园区、循环经济园区等"). A level text the scheme does not know is warned at its cell
 * and counts 0, never silently.
 */
import type { z } from "zod";
import type { CertificationRule } from "../scheme/schema";
import type { Row, Table } from "../dataset";
import { cellText } from "../read/values";
import { nameKey } from "../read/normalise";
import { fmt, signed } from "../format";
import { message } from "../messages";
import { fieldLabel, inputRef, live, type RuleContext } from "./context";
import { zeros, type RuleOutcome } from "./outcome";

type Rule = z.infer<typeof CertificationRule>;

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

export function evaluateCertification(rule: Rule, ctx: RuleContext): RuleOutcome {
  const ents = ctx.entities;
  const n = ents.rows.length;
  const points = zeros(n);
  const mode = certificationMode(rule, ctx.options);
  const items: Item[][] = Array.from({ length: n }, () => []);
  const known = rule.levels.map((l) => l.match).join("、");
  const take = (i: number, table: Table, row: Row, field: string, label: string) => {
    const v = row.values[field];
    if (blank(v)) return;
    const level = levelPoints(rule, v);
    if (level) items[i].push({ label, level, table, row, field });
    else
      ctx.warn({
        code: "unknown-level",
        sheet: table.sheet,
        cell: row.cells[field] ?? row.cells.name ?? "",
        message: message(ctx.lang, "unknown-level", {
          rule: rule.id,
          clause: rule.clause,
          name: ents.rows[i].name,
          column: label,
          value: cellText(v as string),
          known,
          // the word a cell may hold for "no recognition" (matched in input, so quoted as it is typed)
          none: "无",
        }),
        value: cellText(v as string),
      });
  };
  for (let i = 0; i < n; i++) {
    if (!live(ctx, i)) continue;
    for (const f of rule.fields) take(i, ents, ents.rows[i], f, fieldLabel(ctx, ents, f));
  }
  const list = rule.listTable ? ctx.data.tables[rule.listTable] : undefined;
  if (list && rule.kindField && rule.levelField)
    for (const row of list.rows) {
      if (row.entity < 0 || !live(ctx, row.entity)) continue;
      const kind = row.values[rule.kindField];
      const label = typeof kind === "string" && kind.trim() ? kind.trim() : fieldLabel(ctx, list, rule.levelField);
      take(row.entity, list, row, rule.levelField, label);
    }
  for (let i = 0; i < n; i++) {
    const got = items[i].map((x) => x.level.points);
    points[i] = mode === "sum" ? got.reduce((s, x) => s + x, 0) : Math.max(0, ...got);
  }
  const modeText = mode === "highest" ? "，多项认定取最高" : "，每项认定分别计";
  const basis = (i: number) => {
    if (!items[i].length) return `${rule.clause} 无认定 → 0`;
    return `${rule.clause} ${items[i].map((x) => `${x.label}：${x.level.match} ${signed(x.level.points)}`).join("；")}${modeText} → ${signed(points[i])}`;
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
                inputs: [
                  ...rule.fields.map((f) => inputRef(ctx, ents, ents.rows[i], f)),
                  ...items[i]
                    .filter((x) => x.table !== ents)
                    .map((x) => ({
                      ...inputRef(ctx, x.table, x.row, x.field),
                      label: `${x.label}（${fmt(x.level.match)}）`,
                    })),
                ],
              },
            ]
          : [],
      ),
  };
}
