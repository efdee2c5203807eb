/** Unit conversion between what a header states and what an indicator expects. Pure. */
import { nameKey } from "./normalise";

const DIMENSIONS: Array<Record<string, number>> = [
  { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 },
  { 亩: 1, 公顷: 15, 平方米: 3 / 2000 },
  { "元/亩": 1, "万元/亩": 1e4, "亿元/亩": 1e8 },
  { "%": 1, "‰": 0.1 },
  { 吨: 1, 万吨: 1e4 },
];
/** Units of counts are interchangeable: a header may say 个, 家, 户, 项 or 件. */
const COUNT_UNITS = new Set(["个", "家", "户", "项", "件", "人", "次"]);

/** Factor that turns a value in `from` into `to`: 1 when either is absent or both are counts, null if incompatible. */
export function unitFactor(from: string | undefined, to: string | undefined): number | null {
  if (!from || !to) return 1;
  const f = nameKey(from);
  const t = nameKey(to);
  if (f === t) return 1;
  if (COUNT_UNITS.has(f) && COUNT_UNITS.has(t)) return 1;
  for (const dim of DIMENSIONS) {
    if (f in dim && t in dim) return dim[f] / dim[t];
  }
  return null;
}
