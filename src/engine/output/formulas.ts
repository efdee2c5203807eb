/**
 * Live formulas for the result sheets: each score cell as an Excel formula on the user's own input cells, so that
 * changing an input in Excel, LibreOffice or WPS updates points, totals and ranks without ZoneScore. Only functions
 * that Excel 2016 and LibreOffice 7.4 both have (no XLOOKUP, LET, FILTER, MINIFS, dynamic arrays). Where a cell cannot
 * be reached by a formula (a number typed as text, a list that rolls up, a vetoed unit among those ranked), the value
 * stays and the sheet says so. Pure.
 */
import type { ConditionT, RuleSpecT, Scheme } from "../scheme/schema";
import type { Dataset, Row, Table } from "../dataset";
import type { ScoreRun } from "../score/result";
import type { SheetData } from "../types";
import { a1, parseA1 } from "../read/normalise";
import { cellAt } from "../read/table";
import { nameKey } from "../read/normalise";
import { certificationMode } from "../score/certification";
import { usesEnteredPoints } from "../score/rank-rule";
import { roundTo } from "../format";
import { formulaString } from "./limits";

const YES_WORDS = ["是", "√", "✓", "Y", "y", "yes", "TRUE", "对", "有", "完成", "已完成"];

export interface FormulaContext {
  scheme: Scheme;
  run: ScoreRun;
  data: Dataset;
  sheets: readonly SheetData[];
}

const q = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
const n = (x: number) => String(roundTo(x, 12));

export class Formulas {
  private readonly sheetOf = new Map<string, SheetData>();
  /** how many score cells stayed values, and why */
  readonly fallbacks = new Map<string, number>();
  constructor(private readonly c: FormulaContext) {
    for (const s of c.sheets) this.sheetOf.set(s.name, s);
  }

  private fallback(why: string): null {
    this.fallbacks.set(why, (this.fallbacks.get(why) ?? 0) + 1);
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
    const ref = `${q(t.sheet)}!${abs(r, c - 1)}`;
    return f === 1 ? ref : `(${ref}*${n(f)})`;
  }

  /** The column of a field over all entity rows, when they are contiguous and nothing else lies between. */
  range(t: Table, field: string): string | null {
    const rows = t.rows.map((r) => r.row);
    if (!rows.length || !t.rows[0].cells[field]) return null;
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    if (bottom - top + 1 !== rows.length || (t.otherRows ?? []).some((r) => r > top && r < bottom)) return null;
    const col = t.rows[0].cells[field].replace(/\d+$/, "");
    if ((t.factors?.[field] ?? 1) !== 1) return null;
    return `${q(t.sheet)}!$${col}$${top + 1}:$${col}$${bottom + 1}`;
  }

  private yes(ref: string): string {
    return `OR(${ref}=TRUE,${ref}=1,${YES_WORDS.map((w) => `${ref}="${w}"`).join(",")})`;
  }

  /** A field as an expression: its cell, or a derived difference of two cells. */
  private field(t: Table, row: Row, field: string): string | null {
    const spec = this.c.scheme.tables.find((x) => x.id === t.id);
    const d = spec?.derived.find((x) => x.id === field);
    if (d) {
      const a = this.ref(t, row, d.args[0]);
      const b = this.ref(t, row, d.args[1]);
      return a && b ? `(${a}-${b})` : null;
    }
    return this.ref(t, row, field);
  }

  private param(id: string): string | null {
    const p = this.c.data.params[id];
    if (!p || typeof p.value !== "number") return null;
    if (p.cell && p.sheet && this.sheetOf.has(p.sheet) && /^[A-Z]+\d+$/.test(p.cell))
      return `${q(p.sheet)}!${p.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
    const spec = this.c.scheme.params.find((x) => x.id === id);
    if (spec?.fallbackMeanOf) {
      const t = this.c.data.tables[spec.fallbackMeanOf.table];
      const r = t && this.range(t, spec.fallbackMeanOf.column);
      if (r) return `AVERAGE(${r})`;
    }
    return n(p.value);
  }

  private cond(t: Table, row: Row, c: ConditionT): string | null {
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
  tiersOn(rule: Extract<RuleSpecT, { kind: "tiers" }>, t: Table, row: Row): string | null {
    const tiers = [...rule.tiers].sort((a, b) => b.points - a.points);
    const filter = rule.filter.map((c) => this.cond(t, row, c));
    const parts = tiers.map((x) => x.when.map((c) => this.cond(t, row, c)));
    if (filter.some((x) => x === null) || parts.some((p) => p.some((x) => x === null))) return null;
    const all = (p: Array<string | null>) => `AND(${[...filter, ...p].join(",")})`;
    if (rule.cumulative) return tiers.map((x, j) => `IF(${all(parts[j])},${n(x.points)},0)`).join("+");
    return tiers.reduceRight((acc, x, j) => `IF(${all(parts[j])},${n(x.points)},${acc})`, "0");
  }

  /** The rows of a list rule for the 计算过程 sheet: each item's points as a formula on its own cells (or its value). */
  listRows(k: number): Array<{ entity: number; subject: string; formula: string | null; value: number }> {
    const { scheme, data } = this.c;
    const rule = scheme.rules[k];
    if (rule.kind !== "tiers" || rule.over === scheme.entityTable) return [];
    const t = data.tables[rule.over];
    if (!t) return [];
    const out: Array<{ entity: number; subject: string; formula: string | null; value: number }> = [];
    for (const row of t.rows) {
      if (row.entity < 0 || this.c.run.entities[row.entity].vetoed) continue;
      const f = this.tiersOn(rule, t, row);
      if (!f) this.fallback("清单中输入不是数字单元格");
      const subject = rule.subject ? String(row.values[rule.subject] ?? row.name) : row.name;
      out.push({ entity: row.entity, subject, formula: f, value: 0 });
    }
    return out;
  }

  private keyField(t: Table): string {
    return this.c.scheme.tables.find((x) => x.id === t.id)?.columns.find((c) => c.role === "key")?.id ?? "name";
  }

  /** The name cells' text of the units the scheme excludes (暂不考核), or null when one is not a text cell. */
  private excludedNames(t: Table): string[] | null {
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

  /** The formula of rule k for entity i, or null (the value stays). */
  rule(k: number, i: number): string | null {
    const { scheme, run, data } = this.c;
    const rule: RuleSpecT = scheme.rules[k];
    const t = data.tables[scheme.entityTable];
    const row = t.rows[i];
    if (run.entities[i].vetoed) return null;
    switch (rule.kind) {
      case "flag": {
        const r = this.ref(t, row, rule.field, "any");
        return r ? `IF(${this.yes(r)},${n(rule.points)},0)` : this.fallback("缺少输入单元格");
      }
      case "per-unit": {
        const r = this.ref(t, row, rule.field);
        if (!r) return this.fallback("输入不是数字单元格");
        return rule.cap !== undefined ? `MIN(${r}*${n(rule.points)},${n(rule.cap)})` : `${r}*${n(rule.points)}`;
      }
      case "entered": {
        const r = this.ref(t, row, rule.field);
        return r ? `MAX(0,MIN(${r},${n(rule.max)}))` : this.fallback("输入不是数字单元格");
      }
      case "deduction": {
        const r = this.ref(t, row, rule.field);
        if (!r) return this.fallback("输入不是数字单元格");
        return rule.max !== undefined
          ? `-MIN(${r}*${n(rule.pointsPer)},${n(rule.max)})`
          : `-(${r}*${n(rule.pointsPer)})`;
      }
      case "growth-steps": {
        const g = this.ref(t, row, rule.field);
        if (!g) return this.fallback("输入不是数字单元格");
        const base = rule.points * rule.baseShare;
        const below = rule.below === "zero" ? "0" : `MAX(0,${n(base)}*(1+${g}/100))`;
        return `IF(${g}<0,${below},${n(base)}+MIN(FLOOR(${g}/${n(rule.stepPct)}+1E-9,1)*${n(rule.stepPoints)},${n(rule.points * rule.bonusCapShare)}))`;
      }
      case "target": {
        const r = this.ref(t, row, rule.field);
        const tt = data.tables[rule.target.table];
        const trow = tt?.rows.find((x) => x.entity === i);
        const tr = tt && trow ? this.ref(tt, trow, rule.target.column) : null;
        if (!r || !tr) return this.fallback("目标或实际值不是数字单元格");
        if (rule.mode === "proportional")
          return `IF(${tr}>0,${n(rule.points)}*MAX(0,MIN(${r}/${tr},${n(rule.capRatio)})),0)`;
        return `IF(${r}${rule.op}${tr},${n(rule.points)},0)`;
      }
      case "tiers": {
        // a list that rolls up (projects, enterprises) is summed from the 计算过程 sheet: see listRows
        if (rule.over !== scheme.entityTable) return null;
        return this.tiersOn(rule, t, row) ?? this.fallback("输入不是数字单元格");
      }
      case "rank": {
        if (usesEnteredPoints(rule, run.options, t.rows, (j) => !run.entities[j].vetoed)) {
          const r = this.ref(t, row, rule.enteredPoints!);
          return r ? `MAX(0,MIN(${r},${n(rule.points)}))` : this.fallback("认定部门给分不是数字单元格");
        }
        if (t.rows.some((r, j) => r.entity !== j)) return this.fallback("有重复的单位");
        const x = this.ref(t, row, rule.field);
        const rg = this.range(t, rule.field);
        if (!x || !rg) return this.fallback("输入不是数字单元格");
        if (
          t.rows.some((r) => typeof r.values[rule.field] !== "number") ||
          t.rows.some((r) => this.ref(t, r, rule.field) === null)
        )
          return this.fallback("排序范围内有非数字单元格");
        const col = scheme.tables.find((s) => s.id === t.id)?.columns.find((c) => c.id === rule.field);
        const lower = col?.direction === "lower";
        const reading = rule.reading ?? run.options.rankReading ?? "rank-step";
        const full = n(rule.points);
        if (run.entities.some((e) => e.vetoed)) {
          // units under a veto take no part in the ranking: count only the others, with SUMPRODUCT
          const vetoes = scheme.rules
            .filter((r) => r.kind === "veto")
            .map((r) => this.range(t, (r as { field: string }).field));
          if (vetoes.some((v) => v === null) || (reading !== "rank-step" && reading !== "rank-linear"))
            return this.fallback("有不予评价的单位时按比值或极差折算");
          // exact comparisons: MATCH would take a veto cell holding * or ? as a wildcard (issue 15.6)
          const excl = vetoes.map(
            (v) => `${YES_WORDS.map((w) => `(${v}=${formulaString(w)})`).join("+")}+(${v}=TRUE)+(${v}=1)`,
          );
          // units the scheme excludes (暂不考核) are recognised by the text of their name cell
          const excludedNames = this.excludedNames(t);
          if (excludedNames === null) return this.fallback("暂不考核的单位名称不是文字单元格");
          if (excludedNames.length) {
            const keyRange = this.range(t, this.keyField(t));
            if (!keyRange) return this.fallback("暂不考核的单位名称不是文字单元格");
            excl.push(...excludedNames.map((x) => `(${keyRange}=${formulaString(x)})`));
          }
          const live = `(1-SIGN(${excl.join("+")}))`;
          const N = `SUMPRODUCT(ISNUMBER(${rg})*${live})`;
          const rk2 = `(1+SUMPRODUCT(ISNUMBER(${rg})*(${rg}${lower ? "<" : ">"}${x})*${live}))`;
          const same = `SUMPRODUCT(ISNUMBER(${rg})*(${rg}<>${x})*${live})=0`;
          const f2 =
            reading === "rank-step"
              ? `MAX(0,${full}-(${rk2}-1)*${rule.step !== undefined ? n(rule.step) : `${full}/${N}`})`
              : `IF(${N}=1,${full},${full}*(${N}-${rk2})/(${N}-1))`;
          return `IF(${same},${full},MAX(0,MIN(${full},${f2})))`;
        }
        const rk = `RANK.EQ(${x},${rg},${lower ? 1 : 0})`;
        let f: string;
        if (reading === "rank-step")
          f = `MAX(0,${full}-(${rk}-1)*${rule.step !== undefined ? n(rule.step) : `${full}/COUNT(${rg})`})`;
        else if (reading === "rank-linear")
          f = `IF(COUNT(${rg})=1,${full},${full}*(COUNT(${rg})-${rk})/(COUNT(${rg})-1))`;
        else if (reading === "ratio-to-best") {
          if (lower) return this.fallback("按比值折算的越小越好指标");
          f = `IF(OR(${x}<=0,MAX(${rg})<=0),0,${full}*${x}/MAX(${rg}))`;
        } else {
          const floor = n(rule.floorShare * rule.points);
          f = lower
            ? `${floor}+(${full}-${floor})*(MAX(${rg})-${x})/(MAX(${rg})-MIN(${rg}))`
            : `${floor}+(${full}-${floor})*(${x}-MIN(${rg}))/(MAX(${rg})-MIN(${rg}))`;
        }
        return `IF(MAX(${rg})=MIN(${rg}),${full},MAX(0,MIN(${full},${f})))`;
      }
      case "benchmark-ratio": {
        const x = this.ref(t, row, rule.field);
        if (!x) return this.fallback("缺数据或不是数字单元格");
        const w = typeof rule.weight === "number" ? n(rule.weight) : this.param(rule.weight.param);
        const b = typeof rule.benchmark === "number" ? n(rule.benchmark) : this.param(rule.benchmark.param);
        if (!w || !b) return this.fallback("缺少权重或基准值");
        const col = scheme.tables.find((s) => s.id === t.id)?.columns.find((c) => c.id === rule.field);
        // a benchmark that defaults to the average is AVERAGE over the column: every row, as the engine takes it
        return col?.direction === "lower"
          ? `IF(${x}>0,${w}*MAX(0,MIN(${b}/${x},${n(rule.cap)})),0)`
          : `${w}*MAX(0,MIN(${x}/${b},${n(rule.cap)}))`;
      }
      case "certification": {
        if (rule.listTable && data.tables[rule.listTable]?.rows.some((x) => x.entity === i))
          return this.fallback("认定清单表中的认定");
        const levels = [...rule.levels].sort((a, b) => b.points - a.points);
        const per = rule.fields.map((f) => {
          const r = row.cells[f] ? `${q(t.sheet)}!${row.cells[f].replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}` : null;
          if (!r) return "0";
          return levels.reduceRight(
            (acc, l) =>
              `IF(ISNUMBER(SEARCH(${formulaString(searchText(nameKey(l.match)))},${r})),${n(l.points)},${acc})`,
            "0",
          );
        });
        return certificationMode(rule, run.options) === "highest" ? `MAX(${per.join(",")})` : per.join("+");
      }
      case "veto":
        return null;
    }
  }
}

/** Text that SEARCH, SUMIFS, COUNTIF and MATCH take literally: their wildcards * ? and the escape ~ escaped with ~. */
export function searchText(s: string): string {
  return s.replace(/[~*?]/g, "~$&");
}

/** Excel writes newer functions with a prefix inside files (not through Office.js). */
export function filePrefixed(formula: string): string {
  return formula.replace(/\bRANK\.(EQ|AVG)\(/g, "_xlfn.RANK.$1(");
}
