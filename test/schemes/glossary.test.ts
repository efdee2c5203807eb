/**
 * Every built-in scheme speaks English with --lang en: each of its words that can reach output has English (from its
 * glossary, or by rule for clauses, units and years), and its glossary holds no entry for a word it no longer has.
 */
import { builtInSchemeIds, getBuiltInScheme, getTargetScheme, targetSchemeIds } from "../../src/schemes";
import { schemeWord, type HasGlossary } from "../../src/engine/i18n/scheme-words";
import { CJK, schemeTexts } from "./scheme-texts";

const schemes: Array<[string, HasGlossary]> = [
  ...builtInSchemeIds().map((id) => [id, getBuiltInScheme(id)!] as [string, HasGlossary]),
  ...targetSchemeIds().map((id) => [`targets ${id}`, getTargetScheme(id)!] as [string, HasGlossary]),
];

describe.each(schemes)("%s", (_id, scheme) => {
  const texts = schemeTexts(scheme);

  test("has words that reach output, and a glossary", () => {
    expect(texts.length).toBeGreaterThan(10);
    expect(Object.keys(scheme.glossary ?? {}).length).toBeGreaterThan(10);
  });

  test("every word that can reach output has English", () => {
    const untranslated = texts.filter((s) => CJK.test(schemeWord(scheme, "en", s)));
    expect(untranslated).toEqual([]);
  });

  test("every glossary entry occurs in the scheme's words (no stale entries) and is English", () => {
    // a key is a whole word, or a piece a word is made of (the title 主要发展目标 of the section 一、主要发展目标 1)
    const glossary = Object.entries(scheme.glossary ?? {});
    expect(glossary.filter(([zh]) => !texts.some((t) => t.includes(zh))).map(([zh]) => zh)).toEqual([]);
    expect(glossary.filter(([, en]) => CJK.test(en) || en.trim() === "")).toEqual([]);
  });

  test("Chinese stays as the scheme writes it", () => {
    for (const s of texts) expect(schemeWord(scheme, "zh", s)).toBe(s);
  });
});

test("the walk finds the words of rules, awards, options, tables and notes, and skips ids and matched words", () => {
  const texts = schemeTexts(getBuiltInScheme("chifeng-2020"));
  for (const s of [
    "附件1 三、9",
    "安全事故",
    "综合奖励",
    "按名次线性折算",
    "园区指标",
    "认定清单",
    "喀喇沁旗新材料产业园",
  ])
    expect(texts).toContain(s);
  for (const s of ["veto.accident", "rank-step", "parks", "园区名称", "考核指标", "newOutput"])
    expect(texts).not.toContain(s);
});
