/**
 * Checks a careful statistician would make once the tables are read: impossible values, year-on-year jumps, a value
 * 10,000× off its column (万元 typed into an 亿元 column), coverage, constant columns, skewed distributions with the
 * cells responsible (JRC composite-indicator practice, Excel's SKEW and KURT), target series that should rise,
 * percentages typed as fractions, duplicate credit codes. Every finding names its sheet and cell. Pure.
 */
import type { ColumnSpecT, Scheme, TableSpecT } from "../scheme/schema";
import type { Table } from "../dataset";
import type { Issues, RawInfo } from "./workbook";
import { cellAt } from "./table";
import { readNumber } from "./values";
import { a1, nameKey } from "./normalise";
import { fmt, roundTo } from "../format";
import { usccOrgProblem } from "./uscc";
import { t as text } from "../i18n";

/** The unit a value 10,000× too large was probably typed in (万元), named in the warning. */
const bigUnit = (issues: Issues) => text(issues.lang, "read.bigUnit");

const AREA = new Set(["亩", "公顷", "平方米"]);
const r4 = (x: number) => roundTo(x, 4);

/** Excel's SKEW (sample skewness) and KURT (sample excess kurtosis); null when undefined. */
export function skewKurt(xs: ArrayLike<number> & Iterable<number>): { skew: number | null; kurt: number | null } {
  const n = xs.length;
  if (n < 3) return { skew: null, kurt: null };
  let total = 0;
  for (const x of xs) total += x;
  const mean = total / n;
  let m2 = 0;
  for (const x of xs) m2 += (x - mean) * (x - mean);
  const sd = Math.sqrt(m2 / (n - 1));
  if (sd === 0) return { skew: null, kurt: null };
  let s3 = 0;
  let s4 = 0;
  for (const x of xs) {
    const z = (x - mean) / sd;
    const z2 = z * z;
    s3 += z2 * z;
    s4 += z2 * z2;
  }
  const skew = (n / ((n - 1) * (n - 2))) * s3;
  const kurt =
    n < 4 ? null : ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * s4 - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  return { skew, kurt };
}

/** The values whose removal (most extreme first, at most 10 % of them) brings |skew| and kurtosis within bounds. */
export function outliers(xs: readonly number[], skewMax: number, kurtMax: number): number[] {
  const idx = xs.map((_, i) => i);
  const out: number[] = [];
  // JRC practice treats a handful of outliers; a column still skewed after ten removals is skewed by nature
  const limit = Math.max(1, Math.min(10, Math.floor(xs.length * 0.1)));
  for (;;) {
    const vals = idx.map((i) => xs[i]);
    const { skew, kurt } = skewKurt(vals);
    if (skew === null || kurt === null || Math.abs(skew) < skewMax || kurt < kurtMax) return out;
    if (out.length >= limit) return out;
    const mean = vals.reduce((s, x) => s + x, 0) / vals.length;
    let worst = 0;
    for (let k = 1; k < idx.length; k++) if (Math.abs(xs[idx[k]] - mean) > Math.abs(xs[idx[worst]] - mean)) worst = k;
    out.push(idx[worst]);
    idx.splice(worst, 1);
  }
}

/** The k-th smallest value (quickselect, in place): the median without sorting 100,000 values. */
export function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Totals and amounts that cannot fall below zero (新增 / 增量 / 增速 can). */
function isTotalAmount(name: string): boolean {
  return /总额|总量|总产值|总值|总投资/.test(name) && !/新增|增量|增速|增长|增加/.test(name);
}

function isShare(name: string): boolean {
  return /比重|占比|比例|占.*比/.test(name);
}

/** One numeric column's numbers (parallel arrays, no object per cell: 100,000 rows are common for enterprise lists). */
interface ColumnValues {
  t: Table;
  col: ColumnSpecT;
  /** the column's header as the sheet writes it */
  label: string;
  /** the row index of each number */
  rowsIdx: Int32Array;
  xs: Float64Array;
  /** the cell of the k-th number */
  cellOf: (k: number) => string;
}

export function runChecks(
  scheme: Scheme,
  tables: Record<string, Table>,
  raw: Record<string, RawInfo>,
  issues: Issues,
): void {
  const bounds = scheme.checks;
  for (const spec of scheme.tables) {
    const t = tables[spec.id];
    const info = raw[spec.id];
    if (!t || !info) continue;
    const numeric = spec.columns.filter((c) => (c.type === "number" || c.type === "count") && info.mapping.has(c.id));
    for (const col of numeric) {
      const cv = columnValues(t, col, info.mapping.get(col.id)!.header);
      checkImpossible(cv, issues);
      // a value 10,000× off the rest of its column (万元 in an 亿元 column, or the reverse)
      if (cv.xs.length >= 4 && col.type === "number") checkScale(cv, bounds, issues);
      if (spec.level !== "entity" || t.rows.length < 3) continue;
      checkDistribution(cv, info, bounds, issues);
    }
    checkYearOnYear(spec, t, info, bounds, issues);
    if (spec.level === "targets") checkRisingSeries(spec, info, issues);
    checkUsccDuplicates(spec, t, issues);
  }
}

/** The numbers of one column, with the row each stands in. */
function columnValues(t: Table, col: ColumnSpecT, label: string): ColumnValues {
  const rowsAll = new Int32Array(t.rows.length);
  const xsAll = new Float64Array(t.rows.length);
  let count = 0;
  for (let i = 0; i < t.rows.length; i++) {
    const x = t.rows[i].values[col.id];
    if (typeof x === "number") {
      rowsAll[count] = i;
      xsAll[count++] = x;
    }
  }
  const rowsIdx = rowsAll.subarray(0, count);
  const xs = xsAll.subarray(0, count);
  return { t, col, label, rowsIdx, xs, cellOf: (k: number) => t.rows[rowsIdx[k]].cells[col.id] };
}

/** Impossible values: areas below 0, totals below 0, shares outside 0–100 %. */
function checkImpossible({ t, col, label, xs, cellOf }: ColumnValues, issues: Issues): void {
  const area = col.unit !== undefined && AREA.has(col.unit);
  const share = col.unit === "%" && isShare(col.name);
  const amount = isTotalAmount(col.name);
  if (!(area || share || amount)) return;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    if (area && x < 0) issues.add("error", "negative-area", t.sheet, cellOf(k), { column: label, value: x }, String(x));
    if (amount && x < 0)
      issues.add("error", "negative-amount", t.sheet, cellOf(k), { column: label, value: x }, String(x));
    if (share && (x < 0 || x > 100))
      issues.add("error", "share-out-of-range", t.sheet, cellOf(k), { column: label, value: x }, String(x));
  }
}

/** A value 10,000× off the median of its column (万元 in an 亿元 column, or the reverse), with the likely fix. */
function checkScale({ t, col, label, xs, cellOf }: ColumnValues, bounds: Scheme["checks"], issues: Issues): void {
  const all = new Float64Array(xs.length);
  let m = 0;
  for (const x of xs) if (x !== 0) all[m++] = x < 0 ? -x : x;
  const abs = all.subarray(0, m);
  if (abs.length < 4) return;
  const median = select(abs, Math.floor(abs.length / 2));
  const hi = median * bounds.scaleRatio;
  const lo = median / bounds.scaleRatio;
  for (let k = 0; k < xs.length; k++) {
    const a = Math.abs(xs[k]);
    if (a === 0 || (a < hi && a > lo)) continue;
    const x = xs[k];
    if (a >= hi)
      issues.add(
        "warning",
        "scale-outlier",
        t.sheet,
        cellOf(k),
        { column: label, value: fmt(x), ratio: Math.round(a / median), unit: col.unit ?? "", big: bigUnit(issues) },
        String(x),
        fmt(r4(x / 10000)),
      );
    else
      issues.add(
        "warning",
        "scale-outlier-small",
        t.sheet,
        cellOf(k),
        { column: label, value: fmt(x), ratio: Math.round(median / a), unit: col.unit ?? "" },
        String(x),
        fmt(x * 10000),
      );
  }
}

/** Coverage, constant columns, skewed distributions (entity-level indicators only). */
function checkDistribution(cv: ColumnValues, info: RawInfo, bounds: Scheme["checks"], issues: Issues): void {
  const { t, col, label, xs, cellOf } = cv;
  const distribution = col.type === "number" && col.unit !== "分" && xs.length >= 8;
  const coverage = xs.length / t.rows.length;
  const head = `${a1(info.raw.headerTop, info.mapping.get(col.id)!.col)}`;
  if (!col.required && coverage < bounds.coverageMin && xs.length > 0)
    issues.add("warning", "low-coverage", t.sheet, head, {
      column: label,
      pct: Math.round(coverage * 100),
      min: Math.round(bounds.coverageMin * 100),
    });
  if (xs.length >= 3 && xs.every((x) => x === xs[0]))
    issues.add("warning", "constant-column", t.sheet, head, { column: label, value: fmt(xs[0]) });
  else if (distribution) {
    const { skew, kurt } = skewKurt(xs);
    if (skew !== null && kurt !== null && Math.abs(skew) >= bounds.skewMax && kurt >= bounds.kurtMax) {
      for (const k of outliers(Array.from(xs), bounds.skewMax, bounds.kurtMax))
        issues.add(
          "warning",
          "outlier",
          t.sheet,
          cellOf(k),
          { column: label, value: fmt(xs[k]), skew: fmt(r4(skew)), kurt: fmt(r4(kurt)) },
          String(xs[k]),
        );
    }
  }
}

/** This year against last year, for indicators that have both (本年 / 上年 or 2023年 / 2022年). */
function checkYearOnYear(spec: TableSpecT, t: Table, info: RawInfo, bounds: Scheme["checks"], issues: Issues): void {
  for (const cur of spec.columns) {
    if (cur.relYear !== 0) continue;
    const names = new Set([cur.name, ...cur.synonyms].map((n) => nameKey(n.replace(/^(本年|当年|今年)/, ""))));
    const prev = spec.columns.find(
      (c) => c.relYear === -1 && [c.name, ...c.synonyms].some((n) => names.has(nameKey(n.replace(/^(上年|去年)/, "")))),
    );
    if (!prev || !info.mapping.has(cur.id) || !info.mapping.has(prev.id)) continue;
    for (const r of t.rows) {
      const a = r.values[cur.id];
      const b = r.values[prev.id];
      if (typeof a !== "number" || typeof b !== "number" || b === 0) continue;
      const g = (a - b) / Math.abs(b);
      if (g > bounds.yoyMax || g < bounds.yoyMin)
        issues.add(
          "warning",
          "yoy-jump",
          t.sheet,
          r.cells[cur.id],
          {
            column: info.mapping.get(cur.id)!.header,
            value: fmt(a),
            prev: fmt(b),
            pct: fmt(Math.round(g * 1000) / 10),
            max: fmt(bounds.yoyMax * 100),
            min: fmt(bounds.yoyMin * 100),
          },
          String(a),
        );
    }
  }
}

/** A target series by year (the annex: 2022年 … 2025年) should rise year on year. */
function checkRisingSeries(spec: TableSpecT, info: RawInfo, issues: Issues): void {
  const groups = new Map<string, Array<{ year: number; col: number; header: string }>>();
  for (const h of info.raw.columns) {
    if (h.parts.year === undefined || !h.parts.key) continue;
    const k = h.parts.key;
    groups.set(k, [...(groups.get(k) ?? []), { year: h.parts.year, col: h.col, header: h.path.join(" / ") }]);
  }
  for (const [, cols] of groups) {
    if (cols.length < 2) continue;
    cols.sort((a, b) => a.year - b.year);
    for (const r of info.raw.dataRows) {
      for (let k = 1; k < cols.length; k++) {
        const a = readNumber(cellAt(info.sheet, r, cols[k - 1].col));
        const b = readNumber(cellAt(info.sheet, r, cols[k].col));
        if (a.kind !== "number" || b.kind !== "number" || b.value > a.value) continue;
        issues.add(
          "warning",
          "series-not-rising",
          info.sheet.name,
          a1(r, cols[k].col),
          { column: cols[k].header, value: fmt(b.value), prevYear: cols[k - 1].year, prev: fmt(a.value) },
          String(b.value),
        );
        break;
      }
    }
  }
  void spec;
}

function checkUsccDuplicates(spec: TableSpecT, t: Table, issues: Issues): void {
  const col = spec.columns.find((c) => c.role === "uscc");
  if (!col) return;
  const seen = new Map<string, number>();
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    const v = r.values[col.id];
    if (typeof v !== "string" || !v) continue;
    const k = /^[0-9A-Z]{18}$/.test(v) ? v : v.trim().toUpperCase();
    const first = seen.get(k);
    if (first !== undefined)
      issues.add(
        "warning",
        "uscc-duplicate",
        t.sheet,
        r.cells[col.id],
        { value: v, first: t.rows[first].cells[col.id] },
        v,
      );
    else seen.set(k, i);
    const org = usccOrgProblem(k);
    if (org) issues.add("warning", "uscc-org-check", t.sheet, r.cells[col.id], { value: v, expected: org.expected }, v);
  }
}
