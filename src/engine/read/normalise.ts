/** Text normalisation shared by header matching, name matching and value parsing. Pure. */

/** Full-width ASCII (U+FF01–U+FF5E) → half-width, ideographic space → space. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

/** Key for comparing names: no whitespace or line breaks, half-width, brackets unified, lower case. */
const NEEDS_WORK = /[\uff01-\uff5e\u3000\s\u00a0【】〔〕［］A-Z]/;

export function nameKey(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return toHalfWidth(s)
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[【〔［]/g, "[")
    .replace(/[】〕］]/g, "]")
    .toLowerCase();
}

/** A display name: line breaks and runs of whitespace removed (Chinese names carry no meaningful spaces). */
export function displayName(s: string): string {
  if (!/[\r\n]|^\s|\s$/.test(s)) return s;
  return s.replace(/[\r\n]+/g, "").replace(/^\s+|\s+$/g, "");
}

export const YEAR_RE = /((?:19|20)\d{2})\s*年(?:度)?/;
const RELATIVE_YEAR: Array<[RegExp, number]> = [
  [/(本年|当年|今年|本年度)/, 0],
  [/(上年|去年|上一年|上年度|上年同期)/, -1],
];

export interface HeaderParts {
  /** the header without its unit and year, as a name key */
  key: string;
  /** unit found in brackets, e.g. 亿元 */
  unit?: string;
  /** an absolute year (2023) */
  year?: number;
  /** a relative year: 0 this year, -1 last year */
  relYear?: number;
}

const BRACKETS = /[（(]([^（）()]*)[）)]/g;

/** Split a header path such as ["规上工业产值（亿元）", "2023年"] into name, unit and year. */
export function parseHeader(path: readonly string[]): HeaderParts {
  let unit: string | undefined;
  let year: number | undefined;
  let relYear: number | undefined;
  const names: string[] = [];
  for (const raw of path) {
    let s = toHalfWidth(raw).replace(/\s+/g, "");
    s = s.replace(BRACKETS, (_m, inner: string) => {
      const u = inner.trim();
      if (u && isUnitText(u)) {
        unit = u;
        return "";
      }
      return _m;
    });
    const y = YEAR_RE.exec(s);
    if (y) {
      year = Number(y[1]);
      s = s.replace(YEAR_RE, "");
    }
    for (const [re, rel] of RELATIVE_YEAR) {
      if (re.test(s)) {
        relYear = rel;
        s = s.replace(re, "");
      }
    }
    if (s) names.push(s);
  }
  return { key: nameKey(names.join("/")), unit, year, relYear };
}

const UNIT_WORDS = [
  "元",
  "万元",
  "亿元",
  "个",
  "家",
  "户",
  "项",
  "亩",
  "公顷",
  "平方米",
  "%",
  "‰",
  "分",
  "万元/亩",
  "亿元/亩",
  "元/亩",
  "吨",
  "万吨",
  "人",
  "件",
  "次",
];
const UNIT_PART = /^(万|亿|千|百|十)?(元|吨|吨标准煤|吨标煤|亩|人|个|家|户|项|件|次|公顷|平方米|%|‰|分|千瓦时|度|年)$/;
export function isUnitText(s: string): boolean {
  const t = nameKey(s);
  if (UNIT_WORDS.includes(t)) return true;
  const parts = t.split("/");
  return parts.length <= 3 && parts.every((p) => UNIT_PART.test(p));
}

/** Excel column letters for a 0-based column index. */
export function colLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address for 0-based row and column. */
export function a1(row: number, col: number): string {
  return colLetters(col) + String(row + 1);
}

/** Parse "B5" or "$B$5" to 0-based row/col. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) throw new Error(`not an A1 cell address: ${addr}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parse "A1:C3" (or a single cell) to a 0-based rectangle. */
export function parseRangeA1(addr: string): { top: number; left: number; bottom: number; right: number } {
  const bang = addr.lastIndexOf("!");
  const ref = bang >= 0 ? addr.slice(bang + 1) : addr;
  const [p, q] = ref.split(":");
  const a = parseA1(p);
  const b = q ? parseA1(q) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
