/**
 * The 推演 view's pure helpers: which fields of a table can be edited, what a typed text means for a field, how an
 * edit joins the change set (successive keystrokes in one cell are one change, so undo goes back to the value before
 * the edit), and the sentences that compare a unit with the baseline. No React, no host.
 */
import type { Scheme } from "../engine/scheme/schema";
import type { Dataset, FieldValue, Row } from "../engine/dataset";
import type { Change, UnitDiff } from "../engine/whatif";
import { t, type TextKey, type Vars } from "../engine/i18n";
import { keyColumn } from "../engine/read/workbook";
import { displayNumber, fmt, roundTo } from "../engine/format";
import type { UiLang } from "./i18n";

export interface EditableField {
  id: string;
  name: string;
  type: "number" | "count" | "bool" | "text" | "code";
  unit?: string;
}

/** The columns of a table a user may change (not the name columns: rows are named by them). */
export function editableFields(scheme: Scheme, table: string): EditableField[] {
  const spec = scheme.tables.find((x) => x.id === table);
  if (!spec) return [];
  const key = keyColumn(spec).id;
  return spec.columns
    .filter((c) => c.id !== key && c.role !== "ref")
    .map((c) => ({ id: c.id, name: c.name, type: c.type as EditableField["type"], unit: c.unit }));
}

/** The list tables whose rows roll up to a unit (projects, enterprises), present in the data. */
export function listTables(scheme: Scheme, data: Dataset): Array<{ id: string; name: string }> {
  return scheme.tables.filter((x) => x.level === "list" && data.tables[x.id]).map((x) => ({ id: x.id, name: x.name }));
}

/** A typed text as the field's value; `null` for blank; `undefined` when it is not a value of that type. */
export function parseField(f: EditableField, text: string): FieldValue | undefined {
  const s = text.trim();
  if (s === "") return null;
  if (f.type === "bool") return s === "yes" ? true : s === "no" ? false : undefined;
  if (f.type === "number" || f.type === "count") {
    const n = Number(s.replace(/[,，]/g, ""));
    return Number.isFinite(n) && !(f.type === "count" && n < 0) ? n : undefined;
  }
  return s;
}

/** The value as an input shows it (a yes/no field as the select's option value). */
export function fieldText(f: EditableField, v: FieldValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (f.type === "bool") return v === true ? "yes" : v === false ? "no" : "";
  return String(v);
}

const sameCell = (a: Change, b: Change) =>
  a.op === "set" && b.op === "set" && a.table === b.table && a.key === b.key && a.field === b.field && a.row === b.row;

/** The change set with one more edit; a further edit of the cell just edited replaces it (one keystroke ≠ one step). */
export function withEdit(changes: readonly Change[], c: Change): Change[] {
  const last = changes[changes.length - 1];
  return last && sameCell(last, c) ? [...changes.slice(0, -1), c] : [...changes, c];
}

const w = (lang: UiLang, key: TextKey, vars: Vars = {}) => t(lang, key, vars);

/**
 * One more row like this one for the same unit (e.g. one more 亿元 project): its figures copied, its name made unique
 * ("{name}（新增 n）", n counting the rows added so far) so that it can be edited and removed by name like the others;
 * a 统一社会信用代码 is not copied (it names one enterprise).
 */
export function copyRowChange(
  scheme: Scheme,
  table: string,
  row: Row,
  unit: string,
  changes: readonly Change[],
  lang: UiLang,
): Change {
  const spec = scheme.tables.find((x) => x.id === table)!;
  const n = changes.filter((c) => c.op === "add").length + 1;
  const key = keyColumn(spec).id;
  const values: Record<string, FieldValue> = {};
  for (const c of spec.columns) {
    if (c.role === "ref") continue;
    values[c.id] =
      c.id === key
        ? w(lang, "whatifPane.copyName", { name: row.name, n })
        : c.role === "uscc"
          ? null
          : (row.values[c.id] ?? null);
  }
  return { op: "add", table, unit, values };
}

/** The row taken away (by its sheet row too when another row has the same name). */
export function removeRowChange(table: string, row: Row, rows: readonly Row[]): Change {
  const twice = rows.filter((x) => x.name === row.name).length > 1;
  return { op: "remove", table, key: row.name, ...(twice && row.row >= 0 ? { row: row.row } : {}) };
}

/** "+15", "−2.5", "0" with the pane's rounding. */
export function delta(x: number): string {
  const r = roundTo(x, 2);
  return r > 0 ? `+${displayNumber(r)}` : r < 0 ? `−${displayNumber(-r)}` : "0";
}

const rankText = (lang: UiLang, r: number | null) => (r === null ? w(lang, "whatifPane.unranked") : String(r));

/** The scheme's words in the user's language: a rule by its id, a label, a unit. */
export interface Words {
  rule: (id: string) => string;
  word: (zh: string) => string;
  unit: (zh: string) => string;
}
const PLAIN: Words = { rule: (x) => x, word: (x) => x, unit: (x) => x };

/** The sentences comparing one unit with the baseline: rank, total, awards, then each rule that changed. */
export function unitLines(u: UnitDiff, lang: UiLang, words: Words = PLAIN): string[] {
  const { rule: ruleName, word, unit: unitWord } = words;
  const out = [
    w(lang, "whatifPane.rankLine", {
      before: rankText(lang, u.rankBefore),
      after: rankText(lang, u.rankAfter),
      arrow: u.arrow,
    }).trim(),
    w(lang, "whatifPane.totalLine", {
      before: displayNumber(u.totalBefore),
      after: displayNumber(u.totalAfter),
      delta: delta(u.totalDelta),
    }),
  ];
  const awards = [
    ...u.awardsGained.map((a) =>
      w(lang, "whatifPane.awardGained", { label: word(a.label), amount: fmt(a.amount), unit: unitWord(a.unit) }),
    ),
    ...u.awardsLost.map((a) =>
      w(lang, "whatifPane.awardLost", { label: word(a.label), amount: fmt(a.amount), unit: unitWord(a.unit) }),
    ),
    ...Object.entries(u.awardDelta)
      .filter(([, x]) => x !== 0)
      .map(([unit, x]) => `${delta(x)} ${unitWord(unit)}`),
  ];
  if (awards.length) out.push(w(lang, "whatifPane.awardLine", { list: awards.join(t(lang, "whatif.sep")) }));
  for (const r of u.rules)
    out.push(
      w(lang, "whatifPane.ruleLine", {
        rule: ruleName(r.rule),
        before: displayNumber(r.before),
        after: displayNumber(r.after),
        delta: delta(r.delta),
      }),
    );
  return out;
}

/** One line for a unit whose rank moved. */
export function movedLine(u: UnitDiff, lang: UiLang): string {
  return w(lang, "whatifPane.movedItem", {
    name: u.name,
    before: rankText(lang, u.rankBefore),
    after: rankText(lang, u.rankAfter),
    arrow: u.arrow,
  }).trim();
}

/** What the live region says after a rescore. */
export function announceLine(u: UnitDiff, lang: UiLang): string {
  return w(lang, "whatifPane.announce", {
    name: u.name,
    rank: rankText(lang, u.rankAfter),
    arrow: u.arrow ? ` ${u.arrow}` : "",
    total: displayNumber(u.totalAfter),
    delta: delta(u.totalDelta),
  });
}
