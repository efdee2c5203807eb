/**
 * Allocating a total to units and rounding it to a table's precision with the total kept exact. Pure.
 *
 * The real-valued allocation is v_i = clamp(a_i + λ·w_i, floor_i, cap_i) with one λ for all free units, found by
 * bisection (proportional to weights when a_i = 0; "share of growth" when a_i is the unit's base). Rounding is the
 * largest-remainder method on the table's grid (1 for counts, 0.1 for one decimal, …), inside the floors and caps, so
 * the rounded values add up to the total exactly (checked in integer grid units, not in floating point).
 */

/** A constraint that cannot be met, with what a person needs to fix it. */
export class TargetError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
  ) {
    super(`${code}: ${JSON.stringify(params)}`);
  }
}

export interface AllocationInput {
  /** unit names, for messages */
  names: readonly string[];
  /** the total to reach exactly */
  total: number;
  /** weights (shares); used when not all zero, else equal weights */
  weights: readonly number[];
  /** offsets a_i (the unit's base when the increment is shared); default 0 */
  offsets?: readonly number[];
  /** lower bounds (a policy floor, last year's value for a rising series) */
  floors?: ReadonlyArray<number | null | undefined>;
  /** upper bounds (next year's value for a rising series) */
  caps?: ReadonlyArray<number | null | undefined>;
  /** cells already filled by the user: kept as they are, the rest takes what remains */
  fixed?: ReadonlyArray<number | null | undefined>;
  /** decimals of the table's precision: 0 for counts */
  decimals: number;
  /** what is being allocated, for messages (e.g. "规上工业产值 2025年") */
  label: string;
}

const EPS = 1e-9;

/** x on the grid of `scale` (10^decimals) as an integer, or null when it is not on the grid. */
function onGrid(x: number, scale: number): number | null {
  const v = x * scale;
  const r = Math.round(v);
  return Math.abs(v - r) <= 1e-6 * Math.max(1, Math.abs(v)) ? r : null;
}

function fmt(x: number, decimals: number): string {
  return String(Number(x.toFixed(decimals)));
}

/** An allocation in integer grid units: the free units with their bounds, and what remains for them. */
interface Grid {
  inp: AllocationInput;
  scale: number;
  free: number[];
  /** the fixed cells' sum and what remains of the total for the free units, in grid units */
  fixedInt: number;
  remaining: number;
  /** bounds of each free unit, in grid units (±Infinity where none) */
  lo: Map<number, number>;
  hi: Map<number, number>;
}

/** The grid of an allocation: the total on it, the fixed cells taken out, each free unit's bounds on it. */
function gridOf(inp: AllocationInput): Grid {
  const scale = 10 ** inp.decimals;
  const totalInt = onGrid(inp.total, scale);
  if (totalInt === null)
    throw new TargetError("total-off-grid", { label: inp.label, total: inp.total, decimals: inp.decimals });
  const fixed = inp.fixed ?? [];
  const free: number[] = [];
  let fixedInt = 0;
  for (let i = 0; i < inp.names.length; i++) {
    const f = fixed[i];
    if (f === null || f === undefined) free.push(i);
    else fixedInt += Math.round(f * scale);
  }
  const lo = new Map<number, number>();
  const hi = new Map<number, number>();
  for (const i of free) {
    const f = inp.floors?.[i];
    const c = inp.caps?.[i];
    lo.set(i, f === null || f === undefined ? -Infinity : Math.ceil(f * scale - 1e-6));
    hi.set(i, c === null || c === undefined ? Infinity : Math.floor(c * scale + 1e-6));
    if (lo.get(i)! > hi.get(i)!)
      throw new TargetError("floor-above-cap", {
        label: inp.label,
        unit: inp.names[i],
        floor: fmt(f!, inp.decimals),
        cap: fmt(c!, inp.decimals),
      });
  }
  return { inp, scale, free, fixedInt, remaining: totalInt - fixedInt, lo, hi };
}

/** The free units' floors must fit in what remains, and their caps reach it. */
function checkFeasible(g: Grid): void {
  const { inp, scale, free, remaining } = g;
  const d = inp.decimals;
  const sumFloors = free.reduce((s, i) => s + g.lo.get(i)!, 0);
  const sumCaps = free.reduce((s, i) => s + g.hi.get(i)!, 0);
  if (sumFloors > remaining) {
    const bound = free.filter((i) => g.lo.get(i)! > -Infinity);
    throw new TargetError("floors-exceed-total", {
      label: inp.label,
      floors: bound.map((i) => `${inp.names[i]} ≥ ${fmt(g.lo.get(i)! / scale, d)}`).join("、"),
      sum: fmt(sumFloors / scale, d),
      remaining: fmt(remaining / scale, d),
      total: fmt(inp.total, d),
      filled: fmt(g.fixedInt / scale, d),
    });
  }
  if (sumCaps < remaining)
    throw new TargetError("caps-below-total", {
      label: inp.label,
      caps: free.map((i) => `${inp.names[i]} ≤ ${fmt(g.hi.get(i)! / scale, d)}`).join("、"),
      sum: fmt(sumCaps / scale, d),
      remaining: fmt(remaining / scale, d),
      total: fmt(inp.total, d),
    });
}

/** The real-valued allocation in grid units: clamp(a_i + λ·w_i, floor_i, cap_i), λ bracketed then bisected. */
function realAllocation(g: Grid): number[] {
  const { inp, scale, free, remaining } = g;
  let w = free.map((i) => Math.max(0, inp.weights[i] ?? 0));
  if (!w.some((x) => x > 0)) w = free.map(() => 1);
  const a = free.map((i) => (inp.offsets?.[i] ?? 0) * scale);
  const value = (lam: number) => free.map((i, k) => Math.min(g.hi.get(i)!, Math.max(g.lo.get(i)!, a[k] + lam * w[k])));
  const sum = (lam: number) => value(lam).reduce((s, x) => s + x, 0);
  let l = -1;
  let h = 1;
  while (sum(l) > remaining && l > -1e300) l *= 2;
  while (sum(h) < remaining && h < 1e300) h *= 2;
  for (let it = 0; it < 200; it++) {
    const m = (l + h) / 2;
    if (sum(m) < remaining) l = m;
    else h = m;
    if (h - l <= EPS * Math.max(1, Math.abs(h))) break;
  }
  // units with zero weight and no bounds would be unbounded only through a_i: values are finite here
  return value(h);
}

/** Move `diff` grid steps (one per unit a round, in `order`) while each stays within its bound; what is left. */
function nudge(base: number[], order: number[], diff: number, fits: (k: number) => boolean): number {
  const step = Math.sign(diff);
  while (diff !== 0) {
    let moved = false;
    for (const k of order) {
      if (diff === 0) break;
      if (fits(k)) {
        base[k] += step;
        diff -= step;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return diff;
}

/** Largest remainder on the grid, inside [floor, cap]: the rounded values add up to what remains, exactly. */
function largestRemainder(g: Grid, real: number[]): number[] {
  const { free } = g;
  const lo = (k: number) => g.lo.get(free[k])!;
  const hi = (k: number) => g.hi.get(free[k])!;
  const base = real.map((x, k) => Math.min(hi(k), Math.max(lo(k), Math.floor(x + 1e-9))));
  let diff = g.remaining - base.reduce((s, x) => s + x, 0);
  const order = free.map((_, k) => k);
  if (diff > 0) {
    order.sort((x, y) => real[y] - base[y] - (real[x] - base[x]) || x - y);
    diff = nudge(base, order, diff, (k) => base[k] + 1 <= hi(k));
  } else if (diff < 0) {
    order.sort((x, y) => real[x] - base[x] - (real[y] - base[y]) || y - x);
    diff = nudge(base, order, diff, (k) => base[k] - 1 >= lo(k));
  }
  if (diff !== 0)
    throw new TargetError("cannot-round", { label: g.inp.label, total: fmt(g.inp.total, g.inp.decimals) });
  return base;
}

/** Allocate and round. Returns one value per unit (the fixed ones unchanged); throws TargetError when infeasible. */
export function allocate(inp: AllocationInput): number[] {
  const g = gridOf(inp);
  const fixed = inp.fixed ?? [];
  const out = new Array<number>(inp.names.length);
  for (let i = 0; i < inp.names.length; i++) if (!g.free.includes(i)) out[i] = fixed[i] as number;
  if (g.free.length === 0) {
    if (g.remaining !== 0)
      throw new TargetError("filled-differ-total", {
        label: inp.label,
        sum: fmt(g.fixedInt / g.scale, inp.decimals),
        total: fmt(inp.total, inp.decimals),
      });
    return out;
  }
  checkFeasible(g);
  const base = largestRemainder(g, realAllocation(g));
  g.free.forEach((i, k) => (out[i] = base[k] / g.scale));
  return out;
}

/** Round each value to the grid without a total to keep (a year whose total the policy does not state). */
export function roundEach(values: readonly number[], decimals: number): number[] {
  const scale = 10 ** decimals;
  return values.map((v) => Math.round(v * scale + 1e-9) / scale);
}

export type PathMethod = "geometric" | "linear";

/** The value of a path from `base` (year b) to `target` (year h) in year y. */
export function pathValue(method: PathMethod, base: number, b: number, target: number, h: number, y: number): number {
  if (h === b) return target;
  const t = (y - b) / (h - b);
  if (method === "geometric" && base > 0 && target > 0) return base * Math.pow(target / base, t);
  return base + (target - base) * t;
}

/** Integer grid value of x (for exact sums in tests and plans). */
export function gridInt(x: number, decimals: number): number {
  return Math.round(x * 10 ** decimals);
}
