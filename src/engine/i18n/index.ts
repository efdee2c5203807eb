/**
 * The one text catalogue: issues, explanation sentences, notes, sheet and column titles, the pane's and the command
 * line's strings, in Chinese (default) and English. `t(lang, key, vars)` is the only way text is produced; a domain is
 * a file in zh/ with its English twin in en/ (the compiler checks the keys match; test/engine/catalogue.test.ts
 * checks every English text is free of Chinese). Pure.
 */
import type { Lang } from "../types";
import type { Vars } from "./types";
import { catalogue, type Package } from "./domains";

export { addKindWords } from "./domains";
import { schemeWord, type HasGlossary } from "./scheme-words";

export type { Vars, Entry, Entries, Mirror, TextPair } from "./types";
export type TextKey = keyof Package<"zh">;

const packageOf = (lang: Lang) => catalogue()[lang] as Record<TextKey, string | ((v: Vars) => string)>;

/** The text for a key in a language, with {name} placeholders filled from vars. */
export function t(lang: Lang, key: TextKey, vars: Vars = {}): string {
  const e = packageOf(lang)[key];
  if (typeof e === "function") return e(vars);
  return e.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** True when key is in the catalogue (for codes that come from data, such as issue codes). */
export function hasText(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(catalogue().zh, key);
}

/** Every key, for the completeness test. */
export function textKeys(lang: Lang): string[] {
  return Object.keys(packageOf(lang));
}

/** A scheme's title in the user's language: its English name where it has one, else its words through the glossary. */
export function schemeTitle(s: HasGlossary & { name: string; nameEn?: string }, lang: Lang): string {
  const byLang: Record<Lang, () => string> = { zh: () => s.name, en: () => s.nameEn ?? schemeWord(s, lang, s.name) };
  return byLang[lang]();
}
