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
import { t } from "../i18n";
import type { Lang } from "../types";
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
  /** the language of messages, and the scheme's words in it (its glossary) */
  lang?: Lang;
  word?: (zh: string) => string;
}

/**
 * filled: the table's own value; proposed: ZoneScore's; empty: nothing to propose (the table lacks its base or
 * horizon)
 */
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

/** What is being allocated, for messages: "规上工业产值 2025年", in the language of the fill's options. */
function labelOf(ind: TableIndicatorT, year: number | null, o: Pick<FillOptions, "lang" | "word"> = {}): string {
  return t(o.lang ?? "zh", "targets.fill.label", { name: (o.word ?? String)(ind.name), year: year ?? "" });
}

/** Units named in a message, listed in the fill's language. */
const listOf = (units: string[], o: FillOptions) => units.join(t(o.lang ?? "zh", "targets.list"));

/** A fill in progress: the table as read, the values proposed so far and the totals each column was given. */
interface Fill {
  table: TargetTableData;
  opts: FillOptions;
  byId: Map<string, TableIndicatorT>;
  values: Array<Array<number | null>>;
  totalGiven: Array<number | null>;
}

/** A column's total: the 总计 row as printed, else the scheme's. */
function givenTotal(f: Fill, ind: TableIndicatorT, year: number | null, c: number): number | null {
  const printed = f.table.totals[c];
  if (printed !== null && printed !== undefined) return printed;
  const s = ind.totals[year === null ? "0" : String(year)];
  return s === undefined ? null : s;
}

/** A column the user filled completely is kept as it is (a differing 总计 is reported by totalFixes). */
const allFilled = (f: Fill, c: number) => f.table.values.every((r) => r[c] !== null);

/** The base year's values of an indicator (every unit must have one), or null without a base year column. */
function baseValues(f: Fill, ind: TableIndicatorT): number[] | null {
  const { table } = f;
  if (ind.baseYear === undefined) return null;
  const c = colIndex(table, ind.id, ind.baseYear);
  if (c < 0) return null;
  const missing = table.units.filter((_, i) => f.values[i][c] === null);
  if (missing.length)
    throw new TargetError("base-missing", {
      label: labelOf(ind, ind.baseYear, f.opts),
      units: listOf(missing, f.opts),
    });
  return table.units.map((_, i) => f.values[i][c] as number);
}

/** Weights and offsets of the allocation: typed weights, the share of growth, or the base (equal without one). */
function weightsFor(f: Fill, ind: TableIndicatorT, base: number[] | null): { w: number[]; a: number[] } {
  const { table, opts } = f;
  const zero = table.units.map(() => 0);
  if (opts.allocate === "weights") {
    const ws = opts.weights ?? {};
    const missing = table.units.filter((u) => typeof ws[u] !== "number" || !(ws[u] >= 0));
    if (missing.length)
      throw new TargetError("weights-missing", { label: labelOf(ind, null, opts), units: listOf(missing, opts) });
    return { w: table.units.map((u) => ws[u]), a: zero };
  }
  const b = base ?? (ind.weightsFrom ? baseValues(f, f.byId.get(ind.weightsFrom)!) : null);
  if (opts.allocate === "growth" && base) {
    const prior = opts.prior?.[ind.id];
    const missing = table.units.filter((u) => typeof prior?.[u] !== "number");
    if (!prior || missing.length)
      throw new TargetError("prior-missing", {
        label: labelOf(ind, (ind.baseYear ?? 0) - 1, opts),
        units: listOf(prior ? missing : table.units, opts),
      });
    return { w: table.units.map((u, i) => Math.max(0, base[i] - prior[u])), a: base };
  }
  return { w: b ?? table.units.map(() => 1), a: zero };
}

/** One column: allocate its total, or the floor for each unit when no total is stated. */
function fillSingle(f: Fill, ind: TableIndicatorT): void {
  const { table } = f;
  const floor = ind.floor ?? 0;
  const year = ind.years.length ? ind.years[0] : null;
  const c = colIndex(table, ind.id, year);
  if (c < 0) return;
  const total = givenTotal(f, ind, year, c);
  f.totalGiven[c] = total;
  const fixed = table.units.map((_, i) => f.values[i][c]);
  if (allFilled(f, c)) return;
  if (total === null) {
    for (let i = 0; i < table.units.length; i++) if (fixed[i] === null) f.values[i][c] = floor;
    return;
  }
  const { w, a } = weightsFor(f, ind, null);
  const v = allocate({
    names: table.units,
    total,
    weights: w,
    offsets: a,
    floors: table.units.map(() => floor),
    fixed,
    decimals: ind.decimals,
    label: labelOf(ind, year, f.opts),
  });
  v.forEach((x, i) => (f.values[i][c] = x));
}

/** A series from its base year to its horizon: the years, the base values, and the horizon's proposed values. */
interface Series {
  ind: TableIndicatorT;
  years: number[];
  base: number[];
  b: number;
  h: number;
  horizon: number[];
}

/** The horizon year: its total allocated above each unit's base (and any value filled before it), when rising. */
function fillHorizon(f: Fill, ind: TableIndicatorT, years: number[], base: number[], h: number, ch: number): number[] {
  const { table } = f;
  const floor = ind.floor ?? 0;
  const totalH = f.totalGiven[ch];
  const filledMax = table.units.map((_, i) => {
    let m = -Infinity;
    for (const y of years) {
      const c = colIndex(table, ind.id, y);
      if (y !== h && c >= 0 && f.values[i][c] !== null) m = Math.max(m, f.values[i][c] as number);
    }
    return m;
  });
  const floorsH = table.units.map((_, i) => Math.max(floor, ind.rising ? Math.max(base[i], filledMax[i]) : floor));
  if (totalH === null) throw new TargetError("no-total", { label: labelOf(ind, h, f.opts) });
  const { w, a } = weightsFor(f, ind, base);
  const horizon = allFilled(f, ch)
    ? table.units.map((_, i) => f.values[i][ch] as number)
    : allocate({
        names: table.units,
        total: totalH,
        weights: w,
        offsets: a,
        floors: floorsH,
        fixed: table.units.map((_, i) => f.values[i][ch]),
        decimals: ind.decimals,
        label: labelOf(ind, h, f.opts),
      });
  horizon.forEach((x, i) => (f.values[i][ch] = x));
  return horizon;
}

/** The known point before year y (base, filled or earlier proposed years) and after it (filled years, horizon). */
function knownPoints(f: Fill, s: Series, i: number, y: number): { py: number; pv: number; ny: number; nv: number } {
  const { table } = f;
  let py = s.b;
  let pv = s.base[i];
  for (const yy of s.years)
    if (yy > s.b && yy < y) {
      const cc = colIndex(table, s.ind.id, yy);
      if (cc >= 0 && f.values[i][cc] !== null) {
        py = yy;
        pv = f.values[i][cc] as number;
      }
    }
  let ny = s.h;
  let nv = s.horizon[i];
  for (const yy of [...s.years].reverse())
    if (yy > y && yy < s.h) {
      const cc = colIndex(table, s.ind.id, yy);
      if (cc >= 0 && table.values[i][cc] !== null) {
        ny = yy;
        nv = table.values[i][cc] as number;
      }
    }
  return { py, pv, ny, nv };
}

/** An intermediate year: each unit's path through its known points, allocated where a total is given. */
function fillIntermediate(f: Fill, s: Series, y: number): void {
  const { table, opts } = f;
  const { ind } = s;
  const floor = ind.floor ?? 0;
  const c = colIndex(table, ind.id, y);
  if (c < 0) return;
  const known = table.units.map((_, i) => knownPoints(f, s, i, y));
  const raw = known.map((k, i) =>
    f.values[i][c] !== null ? (f.values[i][c] as number) : pathValue(opts.method, k.pv, k.py, k.nv, k.ny, y),
  );
  const prev = known.map((k) => k.pv);
  const next = known.map((k) => k.nv);
  const total = givenTotal(f, ind, y, c);
  f.totalGiven[c] = total;
  const fixed = table.units.map((_, i) => f.values[i][c]);
  if (allFilled(f, c)) return;
  const v =
    total !== null
      ? allocate({
          names: table.units,
          total,
          weights: raw,
          floors: table.units.map((_, i) => Math.max(floor, ind.rising ? prev[i] : floor)),
          caps: table.units.map((_, i) => (ind.rising ? next[i] : null)),
          fixed,
          decimals: ind.decimals,
          label: labelOf(ind, y, opts),
        })
      : roundEach(raw, ind.decimals).map((x, i) =>
          fixed[i] !== null ? (fixed[i] as number) : ind.rising ? Math.min(next[i], Math.max(prev[i], x)) : x,
        );
  v.forEach((x, i) => (f.values[i][c] = x));
}

/** A series: base year → horizon, then the years between. */
function fillSeries(f: Fill, ind: TableIndicatorT): void {
  const { table } = f;
  const years = [...ind.years].sort((x, y) => x - y);
  const base = baseValues(f, ind);
  const b = ind.baseYear ?? years[0];
  const h = years[years.length - 1];
  const ch = colIndex(table, ind.id, h);
  // the user's table may leave an indicator (or its horizon year) out: nothing to fill there
  if (ch < 0 || colIndex(table, ind.id, b) < 0) return;
  f.totalGiven[ch] = givenTotal(f, ind, h, ch);
  if (!base) throw new TargetError("no-base", { label: labelOf(ind, null, f.opts) });
  const horizon = fillHorizon(f, ind, years, base, h, ch);
  const s: Series = { ind, years, base, b, h, horizon };
  for (const y of years) if (y > b && y < h) fillIntermediate(f, s, y);
}

/**
 * Propose every empty cell. Filled cells are kept exactly; totals (from the 总计 row, else the scheme) are exact
 * after rounding; floors and rising series are kept; an infeasible constraint throws TargetError naming it.
 */
export function proposeFill(spec: TargetTableT, table: TargetTableData, opts: FillOptions): FillProposal {
  const f: Fill = {
    table,
    opts,
    byId: new Map(spec.indicators.map((i) => [i.id, i])),
    values: table.values.map((r) => r.map((v) => v)),
    totalGiven: table.columns.map(() => null),
  };
  const source: CellSource[][] = table.values.map((r) => r.map((v) => (v === null ? "proposed" : "filled")));
  for (const ind of spec.indicators)
    if (!ind.years.length || ind.years.length === 1) fillSingle(f, ind);
    else fillSeries(f, ind);
  const out = f.values;
  out.forEach((r, i) => r.forEach((v, j) => v === null && (source[i][j] = "empty")));
  const totals = table.columns.map((c, j) => {
    const ind = f.byId.get(c.indicator)!;
    return out.reduce((s, r) => s + gridInt(r[j] ?? 0, ind.decimals), 0) / 10 ** ind.decimals;
  });
  return {
    units: table.units,
    columns: table.columns,
    values: out,
    source,
    totals,
    totalGiven: f.totalGiven,
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

/** A cell of the user's own table to write in place (0-based); `replaces` is the number a fixed 总计 holds now. */
export interface InPlaceCell {
  row: number;
  col: number;
  value: number;
  replaces?: number;
}

/**
 * What accepting into the user's own table writes: the empty cells the proposal fills (never a filled one) and,
 * when asked, each 总计 that differs from its members set to their sum (written only while it still holds the
 * printed number). Empty when the table was not read from a sheet.
 */
export function inPlaceCells(
  table: TargetTableData,
  proposal: FillProposal,
  fixes: readonly TotalFix[] = [],
): { sheet: string; cells: InPlaceCell[] } | null {
  if (!table.sheet || !table.unitRows) return null;
  const cells: InPlaceCell[] = [];
  table.columns.forEach((c, j) => {
    if (c.col === undefined) return;
    table.units.forEach((_, i) => {
      const value = proposal.values[i][j];
      if (table.values[i][j] !== null || proposal.source[i][j] !== "proposed" || value === null) return;
      cells.push({ row: table.unitRows![i], col: c.col!, value });
    });
    const fix = fixes.find((f) => f.indicator === c.indicator && f.year === c.year);
    if (fix && table.totalRow !== undefined)
      cells.push({ row: table.totalRow, col: c.col, value: fix.setTotal, replaces: fix.printed });
  });
  return { sheet: table.sheet, cells };
}
