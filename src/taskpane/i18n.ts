/**
 * The pane's strings, from the one text catalogue (src/engine/i18n, domains `pane` and `targetPane`): Chinese by
 * default, English when Office's display language (or the browser's) is English. `strings(lang)` gives the shape the
 * components use (`t.title`, `t.issues(e, w)`, `t.stage[x]`); a text that takes values is a function of them in the
 * order ARGS lists.
 */
import { t, type TextKey } from "../engine/i18n";
import { pane } from "../engine/i18n/zh/pane";
import { targetPane } from "../engine/i18n/zh/target-pane";

export type UiLang = "zh" | "en";

/** The other language: the one the language switch offers. */
export function otherLang(lang: UiLang): UiLang {
  return OTHER[lang];
}
const OTHER: Record<UiLang, UiLang> = { zh: "en", en: "zh" };

/** Placeholder names of the pane's texts that take values, in the order the components pass them. */
const PANE_ARGS = {
  issues: ["e", "w"],
  vetoed: ["why"],
  wrote: ["s"],
  blocked: ["e"],
  recordAlias: ["a", "b"],
  opened: ["n"],
  suggested: ["name"],
  wrongScheme: ["name"],
  findingsCount: ["n"],
  showAll: ["n"],
  fix: ["f"],
  confirmFix: ["cell", "from", "to"],
  applied: ["cell", "text"],
  cellValue: ["ref", "v"],
  mappingOk: ["n"],
  mappingSheet: ["sheet", "a", "b"],
  details: ["name"],
  expand: ["name"],
  topN: ["n", "all"],
  allUnits: ["n"],
  showTop: ["n"],
  sheetCounts: ["sheet", "counts"],
  gradeCount: ["g", "n"],
  templateSaved: ["n"],
  labelled: ["label", "text"],
  templateFile: ["id"],
  rulesFile: ["id"],
  writing: ["pct"],
} as const;

const TARGET_ARGS = {
  fix: ["label", "printed", "sum", "members"],
  proposed: ["n", "fixes"],
  wroteSheet: ["s"],
  confirmTable: ["n", "sheet"],
  filledTable: ["n", "sheet"],
  refused: ["list"],
  trackSummary: ["p", "done", "ahead", "behind", "none"],
  cellLabel: ["what"],
  indicatorOption: ["name", "unit"],
} as const;

type Value = string | number;
type Fn<A extends readonly string[]> = (...v: { [I in keyof A]: Value }) => string;
/** `pane.stage.parse` → "stage"; `pane.title` → never */
type Group<K, P extends string> = K extends `${P}.${infer G}.${string}` ? G : never;
type Name<K, P extends string> = K extends `${P}.${infer N}` ? (N extends `${string}.${string}` ? never : N) : never;
type Sub<K, P extends string, G extends string> = K extends `${P}.${G}.${infer S}` ? S : never;
type Shape<Z, P extends string, A> = {
  [N in Name<keyof Z, P>]: N extends keyof A ? (A[N] extends readonly string[] ? Fn<A[N]> : never) : string;
} & { [G in Group<keyof Z, P>]: Record<Sub<keyof Z, P, G>, string> };

export type Strings = Shape<typeof pane, "pane", typeof PANE_ARGS> & {
  stage: Record<string, string>;
  language: string;
};
export type TargetStrings = Shape<typeof targetPane, "targetPane", typeof TARGET_ARGS>;

/** The accessor object for one domain: plain texts, functions of their values, and groups of texts. */
function build(lang: UiLang, keys: string[], args: Record<string, readonly string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys as TextKey[]) {
    const [, name, sub] = key.split(".");
    const names = args[name];
    if (sub !== undefined) ((out[name] ??= {}) as Record<string, string>)[sub] = t(lang, key);
    else if (names) out[name] = (...v: Value[]) => t(lang, key, Object.fromEntries(names.map((n, i) => [n, v[i]])));
    else out[name] = t(lang, key);
  }
  return out;
}

const cache = new Map<string, unknown>();
function cached<T>(id: string, make: () => T): T {
  if (!cache.has(id)) cache.set(id, make());
  return cache.get(id) as T;
}

export function strings(lang: UiLang): Strings {
  return cached(`pane:${lang}`, () => {
    const s = build(lang, Object.keys(pane), PANE_ARGS) as Strings;
    // the switch names the other language in that language
    s.language = t(otherLang(lang), "pane.languageName");
    return s;
  });
}

export function langFrom(tag: string | undefined | null): UiLang {
  return tag && /^en/i.test(tag) ? "en" : "zh";
}

/** The target panel's strings (分解目标 / 进度跟踪). */
export function targetStrings(lang: UiLang): TargetStrings {
  return cached(`targets:${lang}`, () => build(lang, Object.keys(targetPane), TARGET_ARGS) as TargetStrings);
}
