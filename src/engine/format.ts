/** Numbers in explanations: as short as they can be without losing digits that matter. Pure. */
export function fmt(x: number | boolean | string | null | undefined): string {
  if (x === null || x === undefined) return "（空）";
  if (typeof x === "boolean") return x ? "是" : "否";
  if (typeof x === "string") return x;
  if (Number.isInteger(x)) return String(x);
  return String(Math.round(x * 10000) / 10000);
}

export function signed(x: number): string {
  return x > 0 ? `+${fmt(x)}` : x < 0 ? `−${fmt(-x)}` : "0";
}

/** Sum without binary noise: 0.1 + 0.2 gives 0.3. */
export function cleanSum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return Math.round(s * 1e9) / 1e9;
}
