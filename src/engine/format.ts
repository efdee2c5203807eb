/** Numbers for people and the one rounding rule of the engine. Pure. */

/**
 * Decimal places totals are kept at before anything compares them (ranks, awards by place, grades, result usage).
 * The live formulas round at the same place: `ROUND(total, TOTAL_DECIMALS)`.
 */
export const TOTAL_DECIMALS = 6;

/**
 * Round half away from zero at `digits` decimal places, as a spreadsheet's ROUND does: the number is first read at
 * the 15 significant digits a spreadsheet keeps, so 1.0000005 (stored as 1.00000049999…) rounds up to 1.000001, and
 * two sums of the same parts added in a different order (which differ in the 16th digit) round alike.
 * The only rounding helper of the engine; every other module calls this one.
 */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const m = POW10[digits] ?? 10 ** digits;
  const ax = x < 0 ? -x : x;
  let scaled = ax * m;
  const fl = Math.floor(scaled);
  // fast path: clearly away from a half, where reading at 15 digits cannot change the outcome
  if (Math.abs(scaled - fl - 0.5) > 1e-9 * (scaled + 1)) {
    const r = (scaled - fl < 0.5 ? fl : fl + 1) / m;
    return x < 0 ? (r === 0 ? 0 : -r) : r;
  }
  scaled = Number((Number(ax.toPrecision(15)) * m).toPrecision(15));
  const r = Math.floor(scaled + 0.5) / m;
  return x < 0 ? (r === 0 ? 0 : -r) : r;
}
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A total (or subtotal) at the engine's stated precision. */
export function roundTotal(x: number): number {
  return roundTo(x, TOTAL_DECIMALS);
}

/**
 * A figure for people (CLI table, task pane, messages): rounded to 2 decimals, integers without decimals
 * (86, 93.65, 93.50). Equal totals look equal; the JSON and the result cells keep full values.
 */
export function displayNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  const r = roundTo(x, 2);
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

/** The same for totals; an alias kept for readers that look for it by this name. */
export const formatTotal = displayNumber;

/** The number format of score cells in the result sheets (a live cell can change, so it always shows 2 decimals). */
export const SCORE_FORMAT = "0.00";

/** Numbers in explanations: as short as they can be without losing digits that matter. Pure. */
export function fmt(x: number | string): string {
  if (typeof x === "string") return x;
  if (Number.isInteger(x)) return String(x);
  return String(roundTo(x, 4));
}

export function signed(x: number): string {
  return x > 0 ? `+${fmt(x)}` : x < 0 ? `−${fmt(-x)}` : "0";
}

/**
 * Σ of doubles independent of their order: the exact sum of the parts (Shewchuk's partials, as Python's math.fsum),
 * correctly rounded once. Permuting the rules or the parts of a total never changes it.
 */
export function exactSum(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  const partials = PARTIALS;
  let len = 0;
  for (let k = from; k < to; k++) {
    let x = xs[k];
    let j = 0;
    for (let p = 0; p < len; p++) {
      let y = partials[p];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[j++] = lo;
      x = hi;
    }
    partials[j] = x;
    len = j + 1;
  }
  // add the partials from the largest down, stopping at the first inexact step; then correct a half-way case, so the
  // result is the exact sum correctly rounded (unique, hence the same for every order of the parts)
  let p = len - 1;
  if (p < 0) return 0;
  let hi = partials[p];
  let lo = 0;
  while (p > 0) {
    const x = hi;
    const y = partials[--p];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (p > 0 && ((lo < 0 && partials[p - 1] < 0) || (lo > 0 && partials[p - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
/** Scratch space for exactSum: non-overlapping partials of doubles number at most ~40. */
const PARTIALS = new Float64Array(64);

/** Sum without binary noise: 0.1 + 0.2 gives 0.3 (order-independent, at 9 decimals). */
export function cleanSum(xs: readonly number[]): number {
  return roundTo(exactSum(xs), 9);
}
