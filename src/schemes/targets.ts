/** The built-in target schemes (tables to fill, targets to track), validated once on first use. */
import { parseTargetScheme, type TargetSchemeInput, type TargetSchemeT } from "../engine/targets/schema";
import { huaibei2023Targets } from "./huaibei-2023-targets";
import { yeji2023 } from "./yeji-2023";
import { xuancheng2023 } from "./xuancheng-2023";

const BUILT_IN: Record<string, TargetSchemeInput> = {
  "huaibei-2023": huaibei2023Targets,
  "yeji-2023": yeji2023,
  "xuancheng-2023": xuancheng2023,
};
const cache = new Map<string, TargetSchemeT>();

export function targetSchemeIds(): string[] {
  return Object.keys(BUILT_IN);
}

export function getTargetScheme(id: string): TargetSchemeT | undefined {
  const raw = BUILT_IN[id];
  if (!raw) return undefined;
  let s = cache.get(id);
  if (!s) {
    s = parseTargetScheme(raw);
    cache.set(id, s);
  }
  return s;
}
