/** Numbers as the pane shows them: the engine's display rounding (two decimals, integers without), "—" for none. */
import { displayNumber } from "../engine/format";

export function showNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = displayNumber(x);
  return s === "-0" ? "0" : s;
}

/** points: "—" where a rule gave none */
export function showPoints(x: number | null | undefined): string {
  return x === 0 ? "—" : showNumber(x);
}
