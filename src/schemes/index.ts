/** The built-in schemes, validated once on first use. */
import { parseScheme, type Scheme, type SchemeInput } from "../engine/scheme/schema";
import { huaibei2023 } from "./huaibei-2023";
import { chifeng2020 } from "./chifeng-2020";
import { mujunTemplate } from "./mujun-template";

const BUILT_IN: Record<string, SchemeInput> = {
  "huaibei-2023": huaibei2023,
  "chifeng-2020": chifeng2020,
  "mujun-template": mujunTemplate,
};
const cache = new Map<string, Scheme>();

export function builtInSchemeIds(): string[] {
  return Object.keys(BUILT_IN);
}

export function getBuiltInScheme(id: string): Scheme | undefined {
  const raw = BUILT_IN[id];
  if (!raw) return undefined;
  let s = cache.get(id);
  if (!s) {
    s = parseScheme(raw);
    cache.set(id, s);
  }
  return s;
}

/** target schemes (fill and track): huaibei-2023's annex, yeji-2023, xuancheng-2023 */
export { getTargetScheme, targetSchemeIds } from "./targets";
