/**
 * Cells that many live formulas share, each computed once on the 计算过程 sheet (issue 14), so that recalculating a
 * result stays near linear in the units: a 排序法 cell is RANK.EQ over one helper column and reads the count, the
 * highest and the lowest value from one cell each, a benchmark that defaults to the mean reads one AVERAGE cell, and
 * who takes part (not vetoed, not excluded) is one flag a unit instead of the veto cells repeated inside every rank.
 * On the sheet: columns F:G hold one shared value a row (what it is, its value), column I the units (in the order of
 * the entity table) and J onwards one column a per-unit helper. Every cell carries the engine's value as its cached
 * result. Pure.
 */
import type { TextKey, Vars } from "../i18n";
import type { PlanSheet, PlanValue } from "./sheet-plan";
import { absA1 } from "./formula-parts";
import { sheetRef } from "./plan-context";

/** A helper's title in the plan's language: a catalogue text (tx) with the scheme's words (w) in it. */
export type Label = (tx: (key: TextKey, vars?: Vars) => string, w: (zh: string) => string) => string;
export interface HelperCell {
  /** null: the cell holds the value only (a fallback, or a number that no formula computes) */
  formula: string | null;
  value: PlanValue;
}

/** The columns of the helper block (0-based) and its first row (under the calc sheet's header). */
const SHARED_LABEL = 5;
const SHARED_VALUE = 6;
const UNIT_NAME = 8;
const FIRST_ROW = 1;
/** The letter of the helper block's unit names (whose row a per-unit helper cell is). */
export const UNIT_NAME_COLUMN = absA1(0, UNIT_NAME).replace(/[$\d]/g, "");

export class SharedCells {
  private readonly shared = new Map<string, { row: number; label: Label } & HelperCell>();
  private readonly columns = new Map<string, { col: number; label: Label; cells: HelperCell[] }>();
  /** `units`: the names of the units by entity index, the rows of every per-unit column */
  constructor(private readonly units: readonly string[]) {}

  /** A reference to the one cell that holds `make().formula`, made on the first call for this key. */
  cell(key: string, label: Label, make: () => HelperCell): string {
    let s = this.shared.get(key);
    if (!s) this.shared.set(key, (s = { row: FIRST_ROW + this.shared.size, label, ...make() }));
    return `${sheetRef("calc")}!${absA1(s.row, SHARED_VALUE)}`;
  }

  /** The range of a per-unit helper column (a row per unit by entity index), made on the first call for this key. */
  column(key: string, label: Label, make: (i: number) => HelperCell): string {
    const col = this.columnOf(key, label, make);
    const top = absA1(FIRST_ROW, col);
    return `${sheetRef("calc")}!${top}:${absA1(FIRST_ROW + this.units.length - 1, col)}`;
  }

  /** Unit i's cell of a per-unit helper column made before (column(key, …)). */
  unitCell(key: string, i: number): string {
    return `${sheetRef("calc")}!${absA1(FIRST_ROW + i, this.columns.get(key)!.col)}`;
  }

  /** Whether row i of a helper column made before holds a formula (false: only its value). */
  hasFormula(key: string, i: number): boolean {
    return this.columns.get(key)?.cells[i]?.formula != null;
  }

  private columnOf(key: string, label: Label, make: (i: number) => HelperCell): number {
    let c = this.columns.get(key);
    if (!c) {
      c = { col: UNIT_NAME + 1 + this.columns.size, label, cells: this.units.map((_u, i) => make(i)) };
      this.columns.set(key, c);
    }
    return c.col;
  }

  get size(): number {
    return this.shared.size + this.columns.size;
  }

  /** Write the helpers beside what the calc sheet holds (its values, formulas, header and widths). */
  layout(calc: PlanSheet, tx: (key: TextKey, vars?: Vars) => string, w: (zh: string) => string): void {
    if (!this.size) return;
    const put = (row: number, col: number, v: PlanValue) => {
      while (calc.values.length <= row) calc.values.push([]);
      const r = calc.values[row];
      while (r.length < col) r.push(null);
      r[col] = v;
    };
    const formulas = (calc.formulas ??= []);
    const header = (col: number, text: string) => {
      put(0, col, text);
      calc.styles.push({ rect: { top: 0, left: col, bottom: 0, right: col }, style: "header" });
    };
    if (this.shared.size) {
      header(SHARED_LABEL, tx("sheet.calc.shared"));
      header(SHARED_VALUE, tx("sheet.calc.sharedValue"));
    }
    for (const s of this.shared.values()) {
      put(s.row, SHARED_LABEL, s.label(tx, w));
      put(s.row, SHARED_VALUE, s.value);
      if (s.formula !== null) formulas.push({ row: s.row, col: SHARED_VALUE, formula: s.formula });
    }
    if (this.columns.size) {
      header(UNIT_NAME, tx("sheet.col.entity"));
      this.units.forEach((name, i) => put(FIRST_ROW + i, UNIT_NAME, name));
    }
    for (const c of this.columns.values()) {
      header(c.col, c.label(tx, w));
      c.cells.forEach((x, i) => {
        put(FIRST_ROW + i, c.col, x.value);
        if (x.formula !== null) formulas.push({ row: FIRST_ROW + i, col: c.col, formula: x.formula });
      });
    }
    const widths = [...calc.widths];
    while (widths.length < UNIT_NAME + 1 + this.columns.size) widths.push(2);
    widths[SHARED_LABEL] = 30;
    widths[SHARED_VALUE] = 12;
    widths[UNIT_NAME] = 26;
    for (const c of this.columns.values()) widths[c.col] = 14;
    calc.widths = widths;
  }
}
