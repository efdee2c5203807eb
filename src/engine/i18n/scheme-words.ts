/**
 * The scheme's own words (its rule names, column labels, units, clause references) in the user's language: Chinese as
 * the scheme writes them, English from the scheme's glossary, with clause numbers and common units translated by
 * rule. Words the glossary lacks stay Chinese (a test per built-in scheme checks none is missing). Pure.
 */
import type { Lang } from "../types";

export interface HasGlossary {
  glossary?: Record<string, string>;
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function numeral(s: string): string {
  if (/^\d+$/.test(s)) return s;
  if (s.length === 1) return String(NUMERALS[s] ?? s);
  if (s[0] === "十") return String(10 + (NUMERALS[s[1]] ?? 0));
  if (s.length === 2 && s[1] === "十") return String(NUMERALS[s[0]] * 10);
  if (s.length === 3 && s[1] === "十") return String(NUMERALS[s[0]] * 10 + NUMERALS[s[2]]);
  return s;
}

/** 二(一) → §2(1); 三、9 → §3.9; 附件1 一 → Annex 1 §1. Anything else is returned unchanged. */
export function clauseEn(clause: string): string {
  const num = "[一二三四五六七八九十]+|\\d+";
  return clause
    .replace(/附件\s*(\d+)/g, "Annex $1")
    .replace(new RegExp(`(^|\\s)(${num})、\\s*(\\d+)`, "g"), (_m, pre, a, b) => `${pre}§${numeral(a)}.${b}`)
    .replace(
      new RegExp(`(^|\\s)(${num})\\s*[(（](${num})[)）]`, "g"),
      (_m, pre, a, b) => `${pre}§${numeral(a)}(${numeral(b)})`,
    )
    .replace(new RegExp(`[(（](${num})[)）]`, "g"), (_m, a) => `(${numeral(a)})`)
    .replace(new RegExp(`(^|\\s)(${num})、`, "g"), (_m, pre, a) => `${pre}§${numeral(a)} `)
    .replace(/\s+$/, "");
}

/** A word of the scheme in the user's language. */
export function schemeWord(scheme: HasGlossary, lang: Lang, zh: string): string {
  if (lang === "zh" || !zh) return zh;
  const g = scheme.glossary?.[zh];
  if (g !== undefined) return g;
  return clauseEn(zh);
}
