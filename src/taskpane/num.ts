/**
 * Numbers as the pane shows them: rounded to two decimals, integers without decimals, "—" for none.
 * (A local helper: the engine's display helper in src/engine/format.ts was not on main when this was written.)
 */
export function showNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const r = Math.round(x * 100) / 100;
  if (Object.is(r, -0) || r === 0) return "0";
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

/** points: "—" where a rule gave none */
export function showPoints(x: number | null | undefined): string {
  return x === 0 ? "—" : showNumber(x);
}
