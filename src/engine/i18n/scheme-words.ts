/**
 * The scheme's own words (its rule names, column labels, units, clause references) in the user's language: Chinese as
 * the scheme writes them, English from the scheme's glossary, with clause numbers, years and common units translated
 * by rule, and text made of such pieces (a clause and a label, a word and its unit or year, a number and its unit)
 * translated piece by piece. Words the glossary lacks stay Chinese (a test per built-in scheme checks none is
 * missing). Pure.
 */
import type { Lang } from "../types";

export interface HasGlossary {
  glossary?: Record<string, string>;
}

type Glossary = Readonly<Record<string, string>>;

/** A unit's English: alone (a column's unit, in brackets) and after a number (106.6 hundred million yuan). */
interface UnitWords {
  label: string;
  counted: string;
}

const unit = (label: string, counted = label): UnitWords => ({ label, counted });

/**
 * Units every scheme uses. A scheme's glossary may give a unit other words; the counters (个, 家, …) say what is
 * counted only where the scheme's word does, so after a number 个 is the number alone.
 */
const UNITS: Readonly<Record<string, UnitWords>> = {
  亿元: unit("100 million yuan", "hundred million yuan"),
  万元: unit("10,000 yuan", "ten thousand yuan"),
  元: unit("yuan"),
  万美元: unit("10,000 US dollars", "ten thousand US dollars"),
  亩: unit("mu"),
  公顷: unit("hectares"),
  "万元/亩": unit("10,000 yuan/mu", "ten thousand yuan/mu"),
  "万元/人": unit("10,000 yuan/person", "ten thousand yuan/person"),
  "万元/吨": unit("10,000 yuan/tonne", "ten thousand yuan/tonne"),
  "万元/吨标准煤": unit("10,000 yuan/tonne of standard coal", "ten thousand yuan/tonne of standard coal"),
  "%": unit("%"),
  个百分点: unit("percentage points"),
  分: unit("points"),
  个: unit("number", ""),
  家: unit("firms"),
  户: unit("firms"),
  人: unit("people"),
  项: unit("items"),
  次: unit("times"),
};

/** A record's own entry (never one inherited from Object.prototype, such as "constructor"). */
function own<T>(r: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined;
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十一 → 21; digits stay; anything else is returned unchanged. */
function numeral(s: string): string {
  if (/^\d+$/.test(s)) return s;
  if (s.length === 1) return String(NUMERALS[s] ?? s);
  if (s[0] === "十") return String(10 + (NUMERALS[s[1]] ?? 0));
  if (s.length === 2 && s[1] === "十") return String(NUMERALS[s[0]] * 10);
  if (s.length === 3 && s[1] === "十") return String(NUMERALS[s[0]] * 10 + NUMERALS[s[2]]);
  return s;
}

const NUM = "[一二三四五六七八九十]+|\\d+";
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** The clause patterns, compiled once (schemeWord runs for every cell's sentence). */
const CLAUSE = {
  chain: new RegExp(`(^|\\s)((?:(?:${NUM})、\\s*)+(?:${NUM})(?![一二三四五六七八九十\\d]))`, "g"),
  sub: new RegExp(`(^|\\s)(${NUM})\\s*[(（](${NUM})[)）]`, "g"),
  bracket: new RegExp(`[(（](${NUM})[)）]`, "g"),
  section: new RegExp(`(^|\\s)(${NUM})、`, "g"),
  annexSection: new RegExp(`(Annex \\d+\\s+)([一二三四五六七八九十]+)(?=$|\\s)`, "g"),
  titled: new RegExp(`^((?:(?:${NUM})、)+)(.+)$`),
};

/** 二、一、2 → §2.1.2; 三、9 → §3.9 (a chain of numbers joined by 、, at the start or after a space). */
function chainEn(clause: string): string {
  return clause.replace(
    CLAUSE.chain,
    (_m, pre: string, c: string) => `${pre}§${c.split(/、\s*/).map(numeral).join(".")}`,
  );
}

/**
 * 二(一) → §2(1); 三(三)1 → §3(3)1; 三、9 → §3.9; 二、一、2 → §2.1.2; 附件1 一 → Annex 1 §1; 附件1 三、9 → Annex 1
 * §3.9; （二十一） → (21); 二、 before a title → §2. Anything else is returned unchanged.
 */
export function clauseEn(clause: string): string {
  return chainEn(clause.replace(/附件\s*(\d+)/g, "Annex $1"))
    .replace(CLAUSE.sub, (_m, pre, a, b) => `${pre}§${numeral(a)}(${numeral(b)})`)
    .replace(CLAUSE.bracket, (_m, a) => `(${numeral(a)})`)
    .replace(CLAUSE.section, (_m, pre, a) => `${pre}§${numeral(a)} `)
    .replace(CLAUSE.annexSection, (_m, pre, a) => `${pre}§${numeral(a)}`)
    .replace(/\s+$/, "");
}

/** A unit alone: the glossary's words, else the common units'. */
function unitEn(g: Glossary, zh: string): string | undefined {
  return own(g, zh) ?? own(UNITS, zh)?.label;
}

/** 106.6 亿元 → 106.6 hundred million yuan; 12% → 12%; 15 家 → 15 firms; 140 个 → 140. */
function amountEn(g: Glossary, zh: string): string | undefined {
  const m = /^([-+−]?\d[\d,]*(?:\.\d+)?)\s*(\S+)$/.exec(zh);
  if (!m) return undefined;
  const words = own(g, m[2]) ?? own(UNITS, m[2])?.counted;
  if (words === undefined) return undefined;
  if (words === "" || words === "%") return m[1] + words;
  return `${m[1]} ${words}`;
}

/** 2023年 → 2023; 2023年10月31日 → 2023-10-31; 2022–2025年 → 2022–2025. */
function dateEn(zh: string): string | undefined {
  const day = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(zh);
  if (day) return `${day[1]}-${day[2].padStart(2, "0")}-${day[3].padStart(2, "0")}`;
  const year = /^(\d{4}(?:\s*[–-]\s*\d{4})?)\s*年(?:度)?$/.exec(zh);
  return year ? year[1] : undefined;
}

/** A clause reference alone (二(一), 附件1 三、9): translated by rule when nothing Chinese is left. */
function clauseOnly(zh: string): string | undefined {
  const en = clauseEn(zh);
  return CJK.test(en) ? undefined : en;
}

/** 规上工业产值（亿元） → output … (100 million yuan): a word and a bracketed unit, year or word at its end. */
function bracketedEn(g: Glossary, zh: string): string | undefined {
  const m = /^(.+?)\s*[（(]([^（）()]+)[）)]$/.exec(zh);
  if (!m) return undefined;
  const head = wordEn(g, m[1]);
  const tail = unitEn(g, m[2]) ?? wordEn(g, m[2]);
  return head !== undefined && tail !== undefined ? `${head} (${tail})` : undefined;
}

/** 2023年规上工业产值, 规上工业产值2023年, 规上工业产值 2023: a word with its year. */
function withYearEn(g: Glossary, zh: string): string | undefined {
  const m = /^(\d{4})年(.+)$/.exec(zh) ?? /^(.+?)\s*(\d{4})年?$/.exec(zh);
  if (!m) return undefined;
  const [year, word] = /^\d{4}$/.test(m[1]) ? [m[1], m[2]] : [m[2], m[1]];
  const en = wordEn(g, word);
  return en === undefined ? undefined : `${en} ${year}`;
}

/** 二(一) 规上工业产值增量 106.6 亿元: pieces separated by spaces, each translated; undefined unless every one is. */
function piecesEn(g: Glossary, zh: string): string | undefined {
  const parts = zh.split(/\s+/);
  if (parts.length < 2) return undefined;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const pair = i + 1 < parts.length ? amountEn(g, `${parts[i]} ${parts[i + 1]}`) : undefined;
    const en = pair ?? wordEn(g, parts[i]) ?? (/^[^\u3400-\u9fff]*$/.test(parts[i]) ? parts[i] : undefined);
    if (en === undefined) return undefined;
    out.push(en);
    if (pair !== undefined) i++;
  }
  return out.join(" ");
}

/** 二、工作目标 → §2 work objectives: a numbered section title. */
function sectionEn(g: Glossary, zh: string): string | undefined {
  const m = CLAUSE.titled.exec(zh);
  if (!m || /^\d+$/.test(m[2])) return undefined;
  const title = wordEn(g, m[2]);
  return title === undefined ? undefined : `${clauseEn(m[1]).trim()} ${title}`;
}

/** The English of a scheme word, or undefined when some piece of it has none. */
function wordEn(g: Glossary, zh: string): string | undefined {
  const s = zh.trim();
  if (!s) return s;
  return (
    unitEn(g, s) ??
    amountEn(g, s) ??
    dateEn(s) ??
    clauseOnly(s) ??
    sectionEn(g, s) ??
    bracketedEn(g, s) ??
    withYearEn(g, s) ??
    piecesEn(g, s)
  );
}

/**
 * The English already found, per glossary (a scheme's labels recur in every row): a glossary is not changed once
 * its scheme is parsed; each cache holds at most CACHE_MAX words.
 */
const CACHE = new WeakMap<Glossary, Map<string, string>>();
const CACHE_MAX = 20000;
const NO_GLOSSARY: Glossary = {};

/** A word of the scheme in the user's language. */
export function schemeWord(scheme: HasGlossary, lang: Lang, zh: string): string {
  if (lang === "zh" || !zh) return zh;
  const g = scheme.glossary ?? NO_GLOSSARY;
  let known = CACHE.get(g);
  if (!known) CACHE.set(g, (known = new Map()));
  let en = known.get(zh);
  if (en === undefined) {
    en = wordEn(g, zh) ?? clauseEn(zh);
    if (known.size < CACHE_MAX) known.set(zh, en);
  }
  return en;
}

/** A unit of the scheme in the user's language (亿元 → 100 million yuan). */
export function schemeUnit(scheme: HasGlossary, lang: Lang, zh: string): string {
  if (lang === "zh" || !zh) return zh;
  return unitEn(scheme.glossary ?? {}, zh) ?? schemeWord(scheme, lang, zh);
}

/**
 * A number with a unit of the scheme, the number as given: 106.6 亿元 → 106.6 hundred million yuan; in Chinese the
 * number, a space and the unit, as the explanation sentences write it (13.5 %).
 */
export function schemeAmount(scheme: HasGlossary, lang: Lang, n: string | number, zhUnit: string): string {
  const zh = zhUnit ? `${n} ${zhUnit}` : String(n);
  if (lang === "zh") return zh;
  return amountEn(scheme.glossary ?? {}, zh) ?? schemeWord(scheme, lang, zh);
}
