/** Issue messages by stable code, from the text catalogue (src/engine/i18n). Pure. */
import type { Lang } from "./types";
import { hasText, t, type Vars } from "./i18n";

/** The message for an issue code; an unknown code is returned as it is. */
export function message(lang: Lang, code: string, p: Vars = {}): string {
  return hasText(code) ? t(lang, code, p) : code;
}

export type ExpectedKind = "number" | "count" | "bool" | "text" | "code";

/** What a cell should hold, in words ("a number", "是/否"). */
export function expected(lang: Lang, kind: ExpectedKind): string {
  return t(lang, `expected.${kind}`);
}
