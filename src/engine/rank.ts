/** Ranking. Competition ranking (1, 2, 2, 4), as Excel RANK.EQ; ties keep input order. Pure. */

/** Ranks of `values` (higher is better); null values get no rank. */
export function competitionRanks(values: ReadonlyArray<number | null>): Array<number | null> {
  const idx = values.map((v, i) => i).filter((i) => values[i] !== null);
  idx.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const ranks: Array<number | null> = values.map(() => null);
  idx.forEach((i, pos) => {
    const prev = pos > 0 ? idx[pos - 1] : -1;
    ranks[i] = prev >= 0 && values[prev] === values[i] ? (ranks[prev] as number) : pos + 1;
  });
  return ranks;
}

/** Entity indexes ordered by rank, ties (and unranked, last) in input order. */
export function rankOrder(ranks: ReadonlyArray<number | null>): number[] {
  return ranks
    .map((r, i) => i)
    .sort((a, b) => (ranks[a] ?? Infinity) - (ranks[b] ?? Infinity) || a - b);
}
