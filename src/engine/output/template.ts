/**
 * Input sheets as officials lay them out: title row, optional note row, one- or two-row headers with merges; and the
 * empty input workbook of a scheme with its 说明 sheet. Pure.
 */
import type { Scheme, TableSpecT } from "../scheme/schema";
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "./sheet-plan";
import { roundTo } from "../format";
import type { Lang } from "../types";
import { t, type TextKey, type Vars } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";

/** A physical column: its header path (one or two levels) and the key of its value in a row record. */
export interface PhysCol {
  path: string[];
  key: string;
  width?: number;
}

/** A header with its unit, as the reader recognises it: 产值（亿元）. */
function withUnit(name: string, unit?: string): string {
  return unit ? t("zh", "sheet.template.withUnit", { name, unit }) : name;
}

/** The template's columns for a table: one per column, or one per year under a group header (the annex layout). */
export function templateColumns(spec: TableSpecT): PhysCol[] {
  const out: PhysCol[] = [];
  for (const c of spec.columns) {
    if (c.templateYears)
      for (const y of c.templateYears)
        out.push({
          path: [withUnit(c.name, c.unit), t("zh", "sheet.template.year", { year: y })],
          key: `${c.id}@${y}`,
        });
    else if (c.templateSub) out.push({ path: [c.name, c.templateSub], key: c.id });
    else
      out.push({
        path: [withUnit(c.name, c.type === "bool" ? undefined : c.unit)],
        key: c.id,
        width: c.role === "key" || c.role === "uscc" ? 24 : undefined,
      });
  }
  return out;
}

export interface TableSheetOptions {
  title?: string;
  note?: string;
  total?: { label: string; keys: string[] };
}

/** The title row (merged across the table) and the note row above the header. */
function titleAndNote(s: PlanSheet, width: number, opts: TableSheetOptions): void {
  const row = () => s.values.length - 1;
  if (opts.title) {
    s.values.push([opts.title]);
    s.merges.push({ top: row(), left: 0, bottom: row(), right: width - 1 });
    s.styles.push({ rect: { top: row(), left: 0, bottom: row(), right: width - 1 }, style: "title" });
  }
  if (opts.note) {
    s.values.push([opts.note]);
    s.styles.push({ rect: { top: row(), left: 0, bottom: row(), right: 0 }, style: "note" });
  }
}

/** The header cell of column i at header level d: a group title once over its span, then its sub-headers. */
function headerCell(cols: PhysCol[], i: number, d: number): string | null {
  const c = cols[i];
  if (c.path.length === 1) return d === 0 ? c.path[0] : null;
  const continues = d === 0 && i > 0 && cols[i - 1].path.length > 1 && cols[i - 1].path[0] === c.path[0];
  return continues ? null : (c.path[d] ?? null);
}

/** The header rows from row `top`, merged where a one-level column spans the levels or a group spans its columns. */
function headerRows(s: PlanSheet, cols: PhysCol[], top: number, depth: number): void {
  for (let d = 0; d < depth; d++) s.values.push(cols.map((_c, i) => headerCell(cols, i, d)));
  if (depth > 1) {
    for (let i = 0; i < cols.length; i++) {
      if (cols[i].path.length === 1) s.merges.push({ top, left: i, bottom: top + depth - 1, right: i });
      else if (i === 0 || cols[i - 1].path.length === 1 || cols[i - 1].path[0] !== cols[i].path[0]) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1].path.length > 1 && cols[j + 1].path[0] === cols[i].path[0]) j++;
        if (j > i) s.merges.push({ top, left: i, bottom: top, right: j });
      }
    }
  }
  s.styles.push({ rect: { top, left: 0, bottom: top + depth - 1, right: cols.length - 1 }, style: "header" });
  s.freeze = { rows: top + depth, cols: 1 };
}

/** The totals row: its label, and the sum of each listed column. */
function totalRow(
  cols: PhysCol[],
  rows: ReadonlyArray<Record<string, PlanValue>>,
  t: { label: string; keys: string[] },
) {
  return cols.map((c, i) => {
    if (i === 0) return t.label;
    if (!t.keys.includes(c.key)) return null;
    let sum = 0;
    for (const r of rows) if (typeof r[c.key] === "number") sum += r[c.key] as number;
    return roundTo(sum, 9);
  });
}

/** A sheet with a title row, an optional note row, the header (merged where it spans) and the rows. */
export function tableSheet(
  key: string,
  name: string,
  cols: PhysCol[],
  rows: ReadonlyArray<Record<string, PlanValue>>,
  opts: TableSheetOptions = {},
): PlanSheet {
  const s = newSheet(key, name);
  titleAndNote(s, cols.length, opts);
  headerRows(s, cols, s.values.length, Math.max(...cols.map((c) => c.path.length)));
  for (const r of rows) s.values.push(cols.map((c) => (r[c.key] === undefined ? null : r[c.key])));
  if (opts.total) s.values.push(totalRow(cols, rows, opts.total));
  s.widths = cols.map(
    (c) => c.width ?? Math.max(10, Math.min(30, Math.ceil(Math.max(...c.path.map((p) => p.length)) * 1.8))),
  );
  return s;
}

/**
 * The 参数 sheet and the input tables: always in the scheme's words, which are what the reader recognises (a header
 * in another language would not be found).
 */
function inputSheets(scheme: Scheme): PlanSheet[] {
  const zh = (key: TextKey, vars?: Vars) => t("zh", key, vars);
  const params = newSheet("params", zh("sheet.template.params"));
  params.values.push([zh("sheet.template.params"), zh("sheet.template.value"), zh("sheet.template.note")]);
  params.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 2 }, style: "header" });
  for (const p of scheme.params)
    params.values.push([
      p.unit ? zh("sheet.template.withUnit", { name: p.name, unit: p.unit }) : p.name,
      null,
      p.note ?? "",
    ]);
  params.widths = [36, 14, 50];
  const sheets = [params];
  for (const tb of scheme.tables) {
    const cols = templateColumns(tb);
    const keys = cols.slice(1).map((c) => c.key);
    sheets.push(
      tableSheet(tb.id, tb.name, cols, [], {
        title: tb.templateTitle ?? tb.name,
        total: tb.templateTotal ? { label: zh("sheet.template.total"), keys } : undefined,
      }),
    );
  }
  return sheets;
}

/** The 说明 sheet's rows: one per column of every table, then one per parameter. */
function helpRows(scheme: Scheme, tx: (key: TextKey, vars?: Vars) => string, w: (zh: string) => string): PlanValue[][] {
  const type = (k: "text" | "number" | "count" | "bool" | "code") => tx(`sheet.template.type.${k}`);
  const yesNo = (b: boolean) => tx(b ? "sheet.template.yes" : "sheet.template.no");
  const sep = tx("sheet.listSep");
  const rows: PlanValue[][] = [];
  for (const tb of scheme.tables)
    for (const c of tb.columns) {
      const year =
        c.relYear === 0 ? tx("sheet.template.thisYear") : c.relYear === -1 ? tx("sheet.template.lastYear") : "";
      const required = c.required
        ? yesNo(true)
        : c.missingAs !== undefined
          ? tx("sheet.template.noDefault")
          : yesNo(false);
      const unit = c.unit ? w(c.unit) : "";
      rows.push([
        w(tb.name),
        w(c.name) + year,
        unit,
        required,
        type(c.type),
        c.synonyms.join(sep),
        c.note ? w(c.note) : "",
      ]);
    }
  for (const p of scheme.params) {
    const unit = p.unit ? w(p.unit) : "";
    const kind = type(p.type === "number" ? "number" : "text");
    const note = p.note ? w(p.note) : "";
    rows.push([tx("sheet.template.params"), w(p.name), unit, yesNo(p.required), kind, p.synonyms.join(sep), note]);
  }
  return rows;
}

/** The 说明 sheet: what each sheet and column of the template takes, in the user's language. */
function helpSheet(scheme: Scheme, lang: Lang): PlanSheet {
  const tx = (key: TextKey, vars?: Vars) => t(lang, key, vars);
  const w = (zh: string) => schemeWord(scheme, lang, zh);
  const help = newSheet("help", tx("sheet.template.help"));
  const heads = ["colSheet", "colColumn", "colUnit", "colRequired", "colType", "colSynonyms", "colNote"] as const;
  help.values.push(
    [tx("sheet.template.helpTitle", { scheme: w(scheme.name) })],
    [tx("sheet.template.source", { source: w(scheme.source) })],
    [],
    heads.map((h) => tx(`sheet.template.${h}`)),
  );
  help.styles.push(
    { rect: { top: 0, left: 0, bottom: 0, right: 0 }, style: "title" },
    { rect: { top: 3, left: 0, bottom: 3, right: 6 }, style: "header" },
  );
  help.values.push(...helpRows(scheme, tx, w), [], [tx("sheet.template.headers")]);
  for (const n of scheme.notes) help.values.push([w(n)]);
  help.widths = [14, 34, 10, 14, 22, 40, 50];
  return help;
}

/** An empty input workbook for a scheme: its sheets and headers, a 参数 sheet and a 说明 sheet (in `lang`). */
export function buildTemplatePlan(scheme: Scheme, lang: Lang = "zh"): ResultPlan {
  return { sheets: [...inputSheets(scheme), helpSheet(scheme, lang)], activate: scheme.entityTable };
}
