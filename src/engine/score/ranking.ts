/** Ranking with the tie rule of the scheme. Ties keep input order. Pure. */

export type TieRule = "competition" | "dense" | "average";

/**
 * Ranks of `values` (higher is better unless `lower`); null values get no rank.
 * competition: 1, 2, 2, 4 (Excel RANK.EQ) · dense: 1, 2, 2, 3 (中国式排名) · average: 1, 2.5, 2.5, 4 (RANK.AVG).
 */
export function ranks(
  values: ReadonlyArray<number | null>,
  ties: TieRule = "competition",
  lower = false,
): Array<number | null> {
  return rankWithOrder(values, ties, lower).rank;
}

/** Ranks, and the indexes in rank order (ties in input order, unranked last in input order): one sort for both. */
export function rankWithOrder(
  values: ReadonlyArray<number | null>,
  ties: TieRule = "competition",
  lower = false,
): { rank: Array<number | null>; order: number[] } {
  const v = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) v[i] = values[i] === null ? NaN : (values[i] as number);
  const r = rankTyped(v, ties, lower);
  const rank: Array<number | null> = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) rank[i] = Number.isNaN(r.rank[i]) ? null : r.rank[i];
  return { rank, order: r.order };
}

/** The same on a typed array, NaN for missing: no boxed numbers, for 100,000 entities. */
export function rankTyped(
  v: Float64Array,
  ties: TieRule = "competition",
  lower = false,
): { rank: Float64Array; order: number[] } {
  const idx: number[] = [];
  for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) idx.push(i);
  idx.sort(lower ? (a, b) => v[a] - v[b] || a - b : (a, b) => v[b] - v[a] || a - b);
  const out = new Float64Array(v.length).fill(NaN);
  let pos = 0;
  let dense = 0;
  while (pos < idx.length) {
    let end = pos;
    while (end + 1 < idx.length && v[idx[end + 1]] === v[idx[pos]]) end++;
    dense++;
    const r = ties === "competition" ? pos + 1 : ties === "dense" ? dense : (pos + 1 + end + 1) / 2;
    for (let k = pos; k <= end; k++) out[idx[k]] = r;
    pos = end + 1;
  }
  for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i])) idx.push(i);
  return { rank: out, order: idx };
}
