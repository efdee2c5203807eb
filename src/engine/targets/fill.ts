/**
 * Filling a target table (分解目标): read the user's table in its printed layout (unit × indicator × year, 总计 row),
 * propose every empty cell from the bases, the city totals and the policy's constraints, and suggest fixes for a
 * 总计 that differs from its members. Pure.
 */
import type { SheetData } from "../types";
import { cellAt, findTable } from "../read/table";
import { a1, nameKey, parseHeader } from "../read/normalise";
import { readNumber } from "../read/values";
import type { TableIndicatorT, TargetTableT } from "./schema";
import { allocate, gridInt, pathValue, roundEach, TargetError, type PathMethod } from "./allocate";

export type AllocateMethod = "base" | "growth" | "weights";

/** One column of the table: an indicator in a year (year null: the indicator's only column). */
export interface TableColumn {
  indicator: string;
  year: number | null;
  /** absolute column in the user's sheet, when the table was read from one */
  col?: number;
}

export interface TargetTableData {
  /** the sheet the table was read from (absent: built from the scheme alone) */
  sheet?: string;
  units: string[];
  /** absolute row of each unit in the sheet */
  unitRows?: number[];
  columns: TableColumn[];
  /** values[unit][column]; null where empty */
  values: Array<Array<number | null>>;
  /** the 总计 row as printed (null where empty), and its absolute row */
  totals: Array<number | null>;
  totalRow?: number;
}

/** Read the table of a scheme from the first sheet that holds it. Returns null when no sheet does. */
export function readTargetTable(sheets: readonly SheetData[], spec: TargetTableT): TargetTableData | null {
  // several sheets may hold the table (the printed one and a filled copy): the one with the most values wins
  let best: TargetTableData | null = null;
  let bestCount = -1;
  for (const sheet of sheets) {
    const t = readFrom(sheet, spec);
    if (!t) continue;
    const count = t.values.flat().filter((v) => v !== null).length;
    if (count > bestCount) {
      best = t;
      bestCount = count;
    }
  }
  return best;
}

function readFrom(sheet: SheetData, spec: TargetTableT): TargetTableData | null {
  {
    const raw = findTable(sheet, spec.unitHeader);
    if (!raw) return null;
    const keyCol = raw.columns.find((c) => spec.unitHeader.some((h) => nameKey(h) === c.parts.key))?.col;
    if (keyCol === undefined) return null;
    const columns: TableColumn[] = [];
    for (const ind of spec.indicators) {
      const names = [ind.name, ...ind.synonyms].map((n) => nameKey(parseHeader([n]).key));
      for (const hc of raw.columns) {
        if (hc.col === keyCol) continue;
        const key = nameKey(parseHeader([hc.path[0]]).key);
        if (!names.includes(key)) continue;
        const year = hc.parts.year ?? null;
        if (ind.years.length ? year !== null && ind.years.includes(year) : true)
          columns.push({ indicator: ind.id, year: ind.years.length ? year : null, col: hc.col });
      }
    }
    if (!columns.length) return null;
    const units: string[] = [];
    const unitRows: number[] = [];
    const values: Array<Array<number | null>> = [];
    const num = (r: number, c: number): number | null => {
      const n = readNumber(cellAt(sheet, r, c));
      return n.kind === "number" ? n.value : null;
    };
    for (const r of raw.dataRows) {
      const name = cellAt(sheet, r, keyCol);
      if (typeof name !== "string" || !name.trim()) continue;
      units.push(name.replace(/\s*\n\s*/g, "").trim());
      unitRows.push(r);
      values.push(columns.map((c) => num(r, c.col!)));
    }
    const totalRow = raw.totalRows[0];
    const totals = columns.map((c) => (totalRow === undefined ? null : num(totalRow, c.col!)));
    return { sheet: sheet.name, units, unitRows, columns, values, totals, totalRow };
  }
}

/** The scheme's table as data, empty but for what the caller gives (units and base values). */
export function emptyTargetTable(spec: TargetTableT, units: readonly string[]): TargetTableData {
  const columns: TableColumn[] = [];
  for (const ind of spec.indicators)
    if (ind.years.length) for (const y of ind.years) columns.push({ indicator: ind.id, year: y });
    else columns.push({ indicator: ind.id, year: null });
  return {
    units: [...units],
    columns,
    values: units.map(() => columns.map(() => null)),
    totals: columns.map(() => null),
  };
}

export interface FillOptions {
  method: PathMethod;
  allocate: AllocateMethod;
  /** typed weights by unit name (allocate = weights) */
  weights?: Record<string, number>;
  /** the year before the base, by indicator id and unit name (allocate = growth: share of the last increment) */
  prior?: Record<string, Record<string, number>>;
}

/** filled: the table's own value; proposed: ZoneScore's; empty: nothing to propose (the table lacks its base or horizon) */
export type CellSource = "filled" | "proposed" | "empty";

export interface FillProposal {
  units: string[];
  columns: TableColumn[];
  values: Array<Array<number | null>>;
  source: CellSource[][];
  /** the total each column reaches (the sum of its members), and whether it was given (policy or 总计 row) */
  totals: number[];
  totalGiven: Array<number | null>;
  /** what was used, written into the sheet */
  method: PathMethod;
  allocate: AllocateMethod;
}

function colIndex(t: TargetTableData, ind: string, year: number | null): number {
  return t.columns.findIndex((c) => c.indicator === ind && c.year === year);
}

function labelOf(ind: TableIndicatorT, year: number | null): string {
  return `${ind.name}${year === null ? "" : ` ${year}年`}`;
}

/**
 * Propose every empty cell. Filled cells are kept exactly; totals (from the 总计 row, else the scheme) are exact
 * after rounding; floors and rising series are kept; an infeasible constraint throws TargetError naming it.
 */
export function proposeFill(spec: TargetTableT, table: TargetTableData, opts: FillOptions): FillProposal {
  const n = table.units.length;
  const values = table.values.map((r) => r.map((v) => v));
  const source: CellSource[][] = table.values.map((r) => r.map((v) => (v === null ? "proposed" : "filled")));
  const totalGiven: Array<number | null> = table.columns.map(() => null);
  const byId = new Map(spec.indicators.map((i) => [i.id, i]));
  const given = (ind: TableIndicatorT, year: number | null, c: number): number | null => {
    const printed = table.totals[c];
    if (printed !== null && printed !== undefined) return printed;
    const s = ind.totals[year === null ? "0" : String(year)];
    return s === undefined ? null : s;
  };
  const col = (i: number, c: number) => values[i][c];
  // a column the user filled completely is kept as it is (a differing 总计 is reported by totalFixes)
  const allFilled = (c: number) => table.values.every((r) => r[c] !== null);
  const baseOf = (ind: TableIndicatorT): number[] | null => {
    if (ind.baseYear === undefined) return null;
    const c = colIndex(table, ind.id, ind.baseYear);
    if (c < 0) return null;
    const missing = table.units.filter((_, i) => col(i, c) === null);
    if (missing.length)
      throw new TargetError("base-missing", {
        label: labelOf(ind, ind.baseYear),
        units: missing.join("、"),
      });
    return table.units.map((_, i) => col(i, c) as number);
  };
  const weightsFor = (ind: TableIndicatorT, base: number[] | null): { w: number[]; a: number[] } => {
    const zero = table.units.map(() => 0);
    if (opts.allocate === "weights") {
      const ws = opts.weights ?? {};
      const missing = table.units.filter((u) => typeof ws[u] !== "number" || !(ws[u] >= 0));
      if (missing.length) throw new TargetError("weights-missing", { label: ind.name, units: missing.join("、") });
      return { w: table.units.map((u) => ws[u]), a: zero };
    }
    const b = base ?? (ind.weightsFrom ? baseOf(byId.get(ind.weightsFrom)!) : null);
    if (opts.allocate === "growth" && base) {
      const prior = opts.prior?.[ind.id];
      const missing = table.units.filter((u) => typeof prior?.[u] !== "number");
      if (!prior || missing.length)
        throw new TargetError("prior-missing", {
          label: labelOf(ind, (ind.baseYear ?? 0) - 1),
          units: (prior ? missing : table.units).join("、"),
        });
      return { w: table.units.map((u, i) => Math.max(0, base[i] - prior[u])), a: base };
    }
    return { w: b ?? table.units.map(() => 1), a: zero };
  };

  for (const ind of spec.indicators) {
    const floor = ind.floor ?? 0;
    if (!ind.years.length || ind.years.length === 1) {
      // one column: allocate its total, or the floor for each unit when no total is stated
      const year = ind.years.length ? ind.years[0] : null;
      const c = colIndex(table, ind.id, year);
      if (c < 0) continue;
      const total = given(ind, year, c);
      totalGiven[c] = total;
      const fixed = table.units.map((_, i) => col(i, c));
      if (allFilled(c)) continue;
      if (total === null) {
        for (let i = 0; i < n; i++) if (fixed[i] === null) values[i][c] = floor;
        continue;
      }
      const { w, a } = weightsFor(ind, null);
      const v = allocate({
        names: table.units,
        total,
        weights: w,
        offsets: a,
        floors: table.units.map(() => floor),
        fixed,
        decimals: ind.decimals,
        label: labelOf(ind, year),
      });
      v.forEach((x, i) => (values[i][c] = x));
      continue;
    }
    // a series: base year → horizon
    const years = [...ind.years].sort((x, y) => x - y);
    const base = baseOf(ind);
    const b = ind.baseYear ?? years[0];
    const h = years[years.length - 1];
    const ch = colIndex(table, ind.id, h);
    // the user's table may leave an indicator (or its horizon year) out: nothing to fill there
    if (ch < 0 || colIndex(table, ind.id, b) < 0) continue;
    const totalH = given(ind, h, ch);
    totalGiven[ch] = totalH;
    if (!base) throw new TargetError("no-base", { label: ind.name });
    const filledMax = table.units.map((_, i) => {
      let m = -Infinity;
      for (const y of years) {
        const c = colIndex(table, ind.id, y);
        if (y !== h && c >= 0 && col(i, c) !== null) m = Math.max(m, col(i, c) as number);
      }
      return m;
    });
    const floorsH = table.units.map((_, i) => Math.max(floor, ind.rising ? Math.max(base[i], filledMax[i]) : floor));
    if (totalH === null) throw new TargetError("no-total", { label: labelOf(ind, h) });
    const { w, a } = weightsFor(ind, base);
    const horizon = allFilled(ch)
      ? table.units.map((_, i) => col(i, ch) as number)
      : allocate({
          names: table.units,
          total: totalH,
          weights: w,
          offsets: a,
          floors: floorsH,
          fixed: table.units.map((_, i) => col(i, ch)),
          decimals: ind.decimals,
          label: labelOf(ind, h),
        });
    horizon.forEach((x, i) => (values[i][ch] = x));
    // intermediate years: each unit's path through its known points, allocated where a total is given
    for (const y of years) {
      if (y <= b || y >= h) continue;
      const c = colIndex(table, ind.id, y);
      if (c < 0) continue;
      const raw = table.units.map((_, i) => {
        if (values[i][c] !== null) return values[i][c] as number;
        // surrounding known points (base, filled or earlier proposed years, horizon)
        let py = b;
        let pv = base[i];
        for (const yy of years)
          if (yy > b && yy < y) {
            const cc = colIndex(table, ind.id, yy);
            if (cc >= 0 && values[i][cc] !== null) {
              py = yy;
              pv = values[i][cc] as number;
            }
          }
        let ny = h;
        let nv = horizon[i];
        for (const yy of [...years].reverse())
          if (yy > y && yy < h) {
            const cc = colIndex(table, ind.id, yy);
            if (cc >= 0 && table.values[i][cc] !== null) {
              ny = yy;
              nv = table.values[i][cc] as number;
            }
          }
        return pathValue(opts.method, pv, py, nv, ny, y);
      });
      const prev = table.units.map((_, i) => {
        let v = base[i];
        for (const yy of years)
          if (yy > b && yy < y) {
            const cc = colIndex(table, ind.id, yy);
            if (cc >= 0 && values[i][cc] !== null) v = values[i][cc] as number;
          }
        return v;
      });
      const next = table.units.map((_, i) => {
        let v = horizon[i];
        for (const yy of [...years].reverse())
          if (yy > y && yy < h) {
            const cc = colIndex(table, ind.id, yy);
            if (cc >= 0 && table.values[i][cc] !== null) v = table.values[i][cc] as number;
          }
        return v;
      });
      const total = given(ind, y, c);
      totalGiven[c] = total;
      const fixed = table.units.map((_, i) => col(i, c));
      if (allFilled(c)) continue;
      let v: number[];
      if (total !== null)
        v = allocate({
          names: table.units,
          total,
          weights: raw,
          floors: table.units.map((_, i) => Math.max(floor, ind.rising ? prev[i] : floor)),
          caps: table.units.map((_, i) => (ind.rising ? next[i] : null)),
          fixed,
          decimals: ind.decimals,
          label: labelOf(ind, y),
        });
      else
        v = roundEach(raw, ind.decimals).map((x, i) =>
          fixed[i] !== null ? (fixed[i] as number) : ind.rising ? Math.min(next[i], Math.max(prev[i], x)) : x,
        );
      v.forEach((x, i) => (values[i][c] = x));
    }
  }
  const out = values;
  out.forEach((r, i) => r.forEach((v, j) => v === null && (source[i][j] = "empty")));
  const totals = table.columns.map((c, j) => {
    const ind = byId.get(c.indicator)!;
    return out.reduce((s, r) => s + gridInt(r[j] ?? 0, ind.decimals), 0) / 10 ** ind.decimals;
  });
  return {
    units: table.units,
    columns: table.columns,
    values: out,
    source,
    totals,
    totalGiven,
    method: opts.method,
    allocate: opts.allocate,
  };
}

/** A 总计 that differs from the sum of its members, with two ways to make them agree. */
export interface TotalFix {
  indicator: string;
  year: number | null;
  /** the 总计 cell (A1), when read from a sheet */
  cell?: string;
  printed: number;
  sum: number;
  /** set the 总计 to the members' sum */
  setTotal: number;
  /** or change the members (largest remainder by share) so that they reach the printed total */
  members: number[];
}

export function totalFixes(spec: TargetTableT, table: TargetTableData): TotalFix[] {
  const out: TotalFix[] = [];
  const byId = new Map(spec.indicators.map((i) => [i.id, i]));
  table.columns.forEach((c, j) => {
    const printed = table.totals[j];
    const ind = byId.get(c.indicator);
    if (printed === null || !ind) return;
    const members = table.values.map((r) => r[j]);
    if (members.some((v) => v === null)) return;
    const sumInt = members.reduce<number>((s, v) => s + gridInt(v as number, ind.decimals), 0);
    if (sumInt === gridInt(printed, ind.decimals)) return;
    let fixed: number[];
    try {
      fixed = allocate({
        names: table.units,
        total: printed,
        weights: members as number[],
        floors: members.map(() => 0),
        decimals: ind.decimals,
        label: labelOf(ind, c.year),
      });
    } catch {
      fixed = [];
    }
    out.push({
      indicator: c.indicator,
      year: c.year,
      cell: table.totalRow !== undefined && c.col !== undefined ? a1(table.totalRow, c.col) : undefined,
      printed,
      sum: sumInt / 10 ** ind.decimals,
      setTotal: sumInt / 10 ** ind.decimals,
      members: fixed,
    });
  });
  return out;
}
