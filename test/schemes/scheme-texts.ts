/**
 * Every string of a parsed scheme that can reach output (rule, indicator, column, table, group, award, option and unit
 * names, clauses, descriptions, notes, reasons, …), found by walking the object. Skipped: ids and references to ids,
 * enumerations, and words the engine only matches in the user's input (synonyms, sheet-name hints); the glossary
 * itself; and the names of the scored or responsible units (user data, like the zones of a target table).
 */
const SKIP = new Set([
  "id",
  "schemaVersion",
  "nameEn",
  "glossary",
  "synonyms",
  "sheetNames",
  "units",
  "lead",
  "co",
  // references to ids
  "entityTable",
  "historyTable",
  "field",
  "fields",
  "over",
  "subject",
  "table",
  "column",
  "param",
  "group",
  "suggestGroup",
  "rules",
  "fallbackTargets",
  "rankBy",
  "enteredPoints",
  "enteredOption",
  "modeOption",
  "option",
  "listTable",
  "kindField",
  "levelField",
  "weightsFrom",
  "base",
  "args",
  "default",
  // enumerations
  "kind",
  "type",
  "role",
  "level",
  "op",
  "mode",
  "method",
  "ties",
  "reading",
  "missing",
  "below",
  "direction",
  "totalDirection",
]);

/** A key named in SKIP holds ids or matched words when its value is a string or a list of strings (`rules` is both). */
function skipped(key: string, value: unknown): boolean {
  if (key === "glossary") return true;
  const strings = typeof value === "string" || (Array.isArray(value) && value.every((x) => typeof x === "string"));
  return SKIP.has(key) && strings;
}

/** The output strings of a scheme (scoring or target), each once, in the order met. */
export function schemeTexts(scheme: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (!skipped(k, x)) walk(x);
  };
  walk(scheme);
  return [...out];
}

/** CJK ideographs and CJK punctuation (、，（）“” …): what English text must not contain. */
export const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u201c\u201d]/;
