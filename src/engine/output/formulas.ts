/**
 * Live formulas for the result sheets: each score cell as an Excel formula on the user's own input cells, so that
 * changing an input in Excel, LibreOffice or WPS updates points, totals and ranks without ZoneScore. Only functions
 * that Excel 2016 and LibreOffice 7.4 both have (no XLOOKUP, LET, FILTER, MINIFS, dynamic arrays). Where a cell cannot
 * be reached by a formula (a number typed as text, a list that rolls up, a vetoed unit among those ranked), the value
 * stays and the sheet says so. Pure.
 */
import type { ConditionT } from "../scheme/parts";
import type { RuleOf, Scheme } from "../scheme/schema";
import type { Dataset, Row, Table } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { SheetData } from "../types";
import { a1, parseA1 } from "../read/normalise";
import { cellAt } from "../read/table";
import { nameKey } from "../read/normalise";
import { formulaOf, listRowsOf, type ListRow } from "../score/kinds";
import { t, type TextKey } from "../i18n";
import { formulaString } from "./limits";
import { SharedCells } from "./shared-cells";

/** A reason a score cell stays a value: a key of the catalogue's basis.fallback.* */
export type FallbackKey = Extract<TextKey, `basis.fallback.${string}`>;
import { absA1, quoteSheet as q, searchText, xl as n, YES_WORDS } from "./formula-parts";

export interface FormulaContext {
  scheme: Scheme;
  run: ScoreRun;
  data: Dataset;
  sheets: readonly SheetData[];
}

export class Formulas {
  private readonly sheetOf = new Map<string, SheetData>();
  /** how many score cells stayed values, and why (in Chinese) */
  readonly fallbacks = new Map<string, number>();
  /** the same by catalogue key, for the result in another language: t(lang, key) */
  readonly fallbackKeys = new Map<FallbackKey, number>();
  /** answers that depend on a whole table, computed once a plan rather than once a cell (planning stays linear) */
  private readonly memos = new Map<string, unknown>();
  /** cells many formulas share, computed once on the calc sheet (a flag a unit, means, counts) */
  readonly shared: SharedCells;
  /** while true, ref() gives the unit's own cells as relative references (formulas on the calc sheet's unit rows) */
  private relativeRefs = false;
  constructor(readonly c: FormulaContext) {
    for (const s of c.sheets) this.sheetOf.set(s.name, s);
    this.shared = new SharedCells(c.run.entities.map((e) => e.name));
  }

  /** The value of `compute` for this key, computed on the first call. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** The row of table `t` that belongs to entity i (undefined when none). */
  rowOf(t: Table, i: number): Row | undefined {
    const index = this.memo(`rowOf|${t.id}`, () => {
      const m = new Map<number, Row>();
      for (const r of t.rows) if (!m.has(r.entity)) m.set(r.entity, r);
      return m;
    });
    return index.get(i);
  }

  /** Count a score cell that stays a value, with the reason; returns null for the caller to return. */
  fallback(key: FallbackKey): null {
    const why = t("zh", key);
    this.fallbacks.set(why, (this.fallbacks.get(why) ?? 0) + 1);
    this.fallbackKeys.set(key, (this.fallbackKeys.get(key) ?? 0) + 1);
    return null;
  }

  /** A reference to a field's cell when the cell itself holds what the engine read (a number, or yes/no text). */
  ref(t: Table, row: Row, field: string, kind: "number" | "any" = "number"): string | null {
    const addr = row.cells[field];
    if (!addr) return null;
    const sheet = this.sheetOf.get(t.sheet);
    if (!sheet) return null;
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const r = Number(m[2]) - 1;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    const v = cellAt(sheet, r, c - 1);
    if (kind === "number" && typeof v !== "number") return null;
    const f = t.factors?.[field] ?? 1;
    const ref = `${q(t.sheet)}!${this.relativeRefs ? a1(r, c - 1) : absA1(r, c - 1)}`;
    return f === 1 ? ref : `(${ref}*${n(f)})`;
  }

  /** The column of a field over all entity rows, when they are contiguous and nothing else lies between. */
  range(t: Table, field: string): string | null {
    return this.memo(`range|${t.id}|${field}`, () => this.rangeOf(t, field));
  }

  private rangeOf(t: Table, field: string): string | null {
    const rows = t.rows.map((r) => r.row);
    if (!rows.length || !t.rows[0].cells[field]) return null;
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    if (bottom - top + 1 !== rows.length || (t.otherRows ?? []).some((r) => r > top && r < bottom)) return null;
    const col = t.rows[0].cells[field].replace(/\d+$/, "");
    if ((t.factors?.[field] ?? 1) !== 1) return null;
    return `${q(t.sheet)}!$${col}$${top + 1}:$${col}$${bottom + 1}`;
  }

  /** A yes/no cell read as the engine reads it. */
  yes(ref: string): string {
    return `OR(${ref}=TRUE,${ref}=1,${YES_WORDS.map((w) => `${ref}="${w}"`).join(",")})`;
  }

  /** A field as an expression: its cell, or a derived difference of two cells. */
  field(t: Table, row: Row, field: string): string | null {
    const spec = this.c.scheme.tables.find((x) => x.id === t.id);
    const d = spec?.derived.find((x) => x.id === field);
    if (d) {
      const a = this.ref(t, row, d.args[0]);
      const b = this.ref(t, row, d.args[1]);
      return a && b ? `(${a}-${b})` : null;
    }
    return this.ref(t, row, field);
  }

  /** A parameter: its cell, the mean it defaults to, or its value. */
  param(id: string): string | null {
    const p = this.c.data.params[id];
    if (!p || typeof p.value !== "number") return null;
    if (p.cell && p.sheet && this.sheetOf.has(p.sheet) && /^[A-Z]+\d+$/.test(p.cell))
      return `${q(p.sheet)}!${p.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
    const spec = this.c.scheme.params.find((x) => x.id === id);
    if (spec?.fallbackMeanOf) {
      const t = this.c.data.tables[spec.fallbackMeanOf.table];
      const r = t && this.range(t, spec.fallbackMeanOf.column);
      // one AVERAGE cell that every formula reads (not the whole column again in every cell)
      if (r)
        return this.shared.cell(
          `mean|${id}`,
          (tx, w) => tx("sheet.calc.mean", { param: w(spec.name) }),
          () => ({
            formula: `AVERAGE(${r})`,
            value: p.value,
          }),
        );
    }
    return n(p.value);
  }

  cond(t: Table, row: Row, c: ConditionT): string | null {
    if (c.op === "is") {
      const r = this.ref(t, row, c.field, "any");
      if (!r) return null;
      return c.value === true ? this.yes(r) : `NOT(${this.yes(r)})`;
    }
    const x = this.field(t, row, c.field);
    const v = typeof c.value === "object" ? this.param(c.value.param) : n(c.value as number);
    if (!x || !v) return null;
    return `${x}${c.op}${v}`;
  }

  /** Tiers judged on one row of any table: nested IFs on that row's cells (highest tier first), or null. */
  tiersOn(rule: RuleOf<"tiers">, t: Table, row: Row): string | null {
    const tiers = [...rule.tiers].sort((a, b) => b.points - a.points);
    const filter = rule.filter.map((c) => this.cond(t, row, c));
    const parts = tiers.map((x) => x.when.map((c) => this.cond(t, row, c)));
    if (filter.some((x) => x === null) || parts.some((p) => p.some((x) => x === null))) return null;
    const all = (p: Array<string | null>) => `AND(${[...filter, ...p].join(",")})`;
    if (rule.cumulative) return tiers.map((x, j) => `IF(${all(parts[j])},${n(x.points)},0)`).join("+");
    return tiers.reduceRight((acc, x, j) => `IF(${all(parts[j])},${n(x.points)},${acc})`, "0");
  }

  /** The rows of a list rule for the 计算过程 sheet: each item's points as a formula on its own cells (or its value). */
  listRows(k: number): ListRow[] {
    return listRowsOf(this.c.scheme.rules[k], this);
  }

  keyField(t: Table): string {
    return this.c.scheme.tables.find((x) => x.id === t.id)?.columns.find((c) => c.role === "key")?.id ?? "name";
  }

  /** The name cells' text of the units the scheme excludes (暂不考核), or null when one is not a text cell. */
  excludedNames(t: Table): string[] | null {
    return this.memo(`excluded|${t.id}`, () => this.excludedNamesOf(t));
  }

  private excludedNamesOf(t: Table): string[] | null {
    const keys = new Set(this.c.scheme.exclude.map((x) => nameKey(x.name)));
    if (!keys.size) return [];
    const out: string[] = [];
    const sheet = this.sheetOf.get(t.sheet);
    const key = this.keyField(t);
    for (const row of t.rows) {
      if (!keys.has(nameKey(row.name))) continue;
      const addr = row.cells[key];
      if (!sheet || !addr) return null;
      const rc = parseA1(addr);
      const v = rc ? cellAt(sheet, rc.row, rc.col) : null;
      if (typeof v !== "string") return null;
      out.push(v);
    }
    return out;
  }

  /**
   * The cell of unit i's 参评 flag on the calc sheet (1: takes part; 0: vetoed or excluded), on its own veto cells and
   * name, or null where a formula cannot tell (the reason counted).
   */
  takesPart(i: number): string | null {
    const why = this.memo("takesPart", () => this.takesPartColumn());
    return why ? this.fallback(why) : this.shared.unitCell("takesPart", i);
  }

  private takesPartColumn(): FallbackKey | null {
    const t = this.entities;
    const vetoes = this.c.scheme.rules.flatMap((r) => (r.kind === "veto" ? [r.field] : []));
    if (vetoes.some((v) => this.range(t, v) === null)) return "basis.fallback.vetoCells";
    // units the scheme excludes (暂不考核) are recognised by the text of their name cell
    const excluded = this.excludedNames(t);
    const key = this.keyField(t);
    if (excluded === null || (excluded.length && !this.range(t, key))) return "basis.fallback.excludedName";
    const cells: Array<string | null> = [];
    for (let i = 0; i < this.c.run.entities.length; i++) {
      const row = this.rowOf(t, i);
      const refs = row ? vetoes.map((v) => this.ref(t, row, v, "any")) : [null];
      const name = row && excluded.length ? this.ref(t, row, key, "any") : "";
      if (refs.some((r) => r === null) || name === null) return "basis.fallback.vetoCells";
      // exact comparisons: MATCH would take a veto cell holding * or ? as a wildcard (issue 15.6)
      const yes = (v: string) => [...YES_WORDS.map((w) => `(${v}=${formulaString(w)})`), `(${v}=TRUE)`, `(${v}=1)`];
      const out = [...(refs as string[]).flatMap(yes), ...excluded.map((x) => `(${name}=${formulaString(x)})`)];
      cells.push(out.length ? `1-SIGN(${out.join("+")})` : "1");
    }
    const vetoed = this.c.run.entities.map((e) => e.vetoed);
    this.shared.column(
      "takesPart",
      (tx) => tx("sheet.calc.takesPart"),
      (i) => ({
        formula: cells[i]!,
        value: vetoed[i] ? 0 : 1,
      }),
    );
    return null;
  }

  /** The formula of rule k for entity i, or null (the value stays): the rule kind's own formula (score/kinds). */
  rule(k: number, i: number): string | null {
    const { scheme, run } = this.c;
    if (run.entities[i].vetoed) return null;
    return formulaOf(scheme.rules[k], this, i);
  }

  /**
   * Rule k's points computed on the calc sheet, a row per unit in the entity table's order (ownRow kinds): the unit's
   * own cells are relative references there, so where the input rows are contiguous every row reads the same in R1C1.
   * Vetoed units and units whose points no formula reaches hold the engine's value. Returns the column's key and
   * range; `shared.hasFormula(key, i)` tells whether unit i's cell is live.
   */
  ownRowColumn(k: number): { key: string; range: string } {
    const rule = this.c.scheme.rules[k];
    const key = `ownRow|${rule.id}`;
    const range = this.shared.column(
      key,
      (tx, w) => tx("sheet.calc.points", { rule: `${w(rule.clause)} ${w(rule.label)}` }),
      (i) => {
        const e = this.c.run.entities[i];
        if (e.vetoed) return { formula: null, value: null };
        this.relativeRefs = true;
        try {
          return { formula: formulaOf(rule, this, i), value: e.points[k] };
        } finally {
          this.relativeRefs = false;
        }
      },
    );
    return { key, range };
  }

  /** The entity table. */
  get entities(): Table {
    return this.c.data.tables[this.c.scheme.entityTable];
  }
}

export { searchText };

/** Excel writes newer functions with a prefix inside files (not through Office.js). */
export function filePrefixed(formula: string): string {
  return formula.replace(/\bRANK\.(EQ|AVG)\(/g, "_xlfn.RANK.$1(");
}
