/**
 * The what-if texts live in the catalogue (src/engine/i18n, domain `whatif`, keys `whatif.<name>`). `wt` is the
 * domain's short form for the gap modules, which build keys from data: `wt(lang, "more")` is `t(lang, "whatif.more")`;
 * a key the domain lacks is returned as it is.
 */
import type { Lang } from "../types";
import { hasText, t, type Vars } from "../i18n";

export function wt(lang: Lang, key: string, vars: Vars = {}): string {
  const k = `whatif.${key}`;
  return hasText(k) ? t(lang, k, vars) : key;
}
