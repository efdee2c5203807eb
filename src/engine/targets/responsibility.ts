/**
 * A responsibility table as published (序号 | 主要目标 / 重点工作 | 目标任务来源 | 牵头单位 | 协同责任单位, section rows
 * such as 一、主要发展目标, merged cells for a source or unit shared by several rows), the numeric targets its text
 * states, and the per-project threshold check ("234+1.2"). Pure.
 */
import type { CellValue, Rect, SheetData } from "../types";
import { cellAt, lastCol, lastRow } from "../read/table";
import { a1, toHalfWidth } from "../read/normalise";
import { cellText, readNumber } from "../read/values";
import type { ProjectThresholdT } from "./schema";
import { directionOf, type TargetWording } from "./wording";

/** A target a sentence states: its wording, and what it is about. */
export interface ExtractedTarget extends TargetWording {
  name: string;
  /** a horizon year stated with it (到2025年达40家) */
  year?: number;
  /** 各: a target for each of several units */
  each: boolean;
  /** the words it was read from */
  cite: string;
}

const UNITS = "亿元|万美元|万元|美元|家|个|户|项|人|支|座|台|%";
const MONEY = /^(亿元|万元|万美元|美元)$/;
const CLAUSE_END = /[，。；、,;：:（(】【!！？?\n]/;

/** Every numeric target a sentence states. Thresholds in 【】 and money qualifiers ("5亿元以上项目") are skipped. */
export function extractTargets(text: string): ExtractedTarget[] {
  const s = toHalfWidth(text).replace(/[ \t]+/g, "");
  // blank out bracketed definitions (the thresholds of a mechanism, not targets)
  const scan = s.replace(/【[^】]*】/g, (m) => " ".repeat(m.length));
  const re = new RegExp(`(\\d+(?:\\.\\d+)?)(?:[-–~至](\\d+(?:\\.\\d+)?))?(${UNITS})`, "g");
  const out: ExtractedTarget[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(scan))) {
    const start = m.index;
    const end = start + m[0].length;
    const prevCh = scan[start - 1] ?? "";
    if (/[\d.]/.test(prevCh)) continue;
    const after = scan.slice(end, end + 6);
    const unit = m[3];
    // a money amount qualifying a noun: 5亿元以上项目, 年销售收入1亿元以上无研发活动
    const rest = after.replace(/^(以上|以下)/, "");
    if (MONEY.test(unit) && /^[\u4e00-\u9fa5]/.test(rest) && !/^(的|左右)/.test(rest)) continue;
    // clause before the number
    let b = start;
    while (b > 0 && !CLAUSE_END.test(scan[b - 1])) b--;
    const clause = scan.slice(b, start);
    let e = end;
    while (e < scan.length && !CLAUSE_END.test(scan[e])) e++;
    const growth = unit === "%" && /(增长|增速|提升|提高)[^\d]{0,3}$/.test(clause);
    const direction = directionOf(clause.replace(/^.*(增长|增速|提升|提高)/, ""), after);
    const yearM = /(?:到|至|于)?((?:19|20)\d{2})年/.exec(clause);
    let name = clause
      .replace(/(?:到|至|于)?(?:19|20)\d{2}年(?:前|内|底)?/g, "")
      .replace(/^(其中|全年|年度|确保|力争|全力|实现|完成|加快|推动|争取|并|且|和|与|及)+/, "")
      .replace(/(增长|增速|提升|提高)$/, "")
      .replace(/(力争|确保|实现|完成|达到|达|突破|超过|超|不少于|不低于|至少|各|累计|共|新建)+$/, "")
      .replace(/(力争|确保)/g, "");
    if (!name) name = clause || scan.slice(end, e);
    const t: ExtractedTarget = {
      name,
      kind: growth ? "growth" : "level",
      value: Number(m[1]),
      unit,
      direction,
      aspirational: /力争|争取/.test(clause),
      each: /各$/.test(clause.replace(/(力争|确保|达)+$/, "")),
      cite: s.slice(b, e),
    };
    if (m[2] !== undefined) t.upper = Number(m[2]);
    if (yearM) t.year = Number(yearM[1]);
    out.push(t);
  }
  return out;
}

export interface ResponsibilityItem {
  /** 一、主要发展目标 / 二、重点工作 */
  part: string;
  /** 一、推进双招双引 (within 二、重点工作) */
  section: string;
  no: number | null;
  text: string;
  source: string;
  lead: string;
  co: string[];
  /** the cell holding the text */
  cell: string;
  targets: ExtractedTarget[];
}

export interface ResponsibilityTable {
  sheet: string;
  items: ResponsibilityItem[];
}

const SECTION_RE = /^([一二三四五六七八九十]+)[、.．]/;

function mergeAt(merges: Rect[] | null, r: number, c: number): Rect | undefined {
  return merges?.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
}

function splitUnits(s: string): string[] {
  return s
    .split(/[、，,；;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** A cell's text; an empty cell inside a merged area reads the area's first cell. */
type CellText = (r: number, c: number) => string;

function textReader(sheet: SheetData): CellText {
  return (r, c) => {
    let v: CellValue = cellAt(sheet, r, c);
    if (v === null || (typeof v === "string" && !v.trim())) {
      const m = mergeAt(sheet.merges, r, c);
      if (m && (m.top !== r || m.left !== c)) v = cellAt(sheet, m.top, m.left);
    }
    return cellText(v)
      .replace(/\s*\n\s*/g, "")
      .trim();
  };
}

/** The columns of the table (序号 and 主要目标 at least) and its header row, within the first 16 rows. */
interface Layout {
  header: number;
  col: { no: number; text: number; source?: number; lead?: number; co?: number };
}

function findLayout(sheet: SheetData, txt: CellText): Layout | null {
  const col: Record<string, number> = {};
  for (let r = sheet.originRow; r <= Math.min(lastRow(sheet), sheet.originRow + 15); r++) {
    for (let c = sheet.originCol; c <= lastCol(sheet); c++) {
      const t = txt(r, c);
      if (t === "序号") col.no = c;
      else if (/^(主要目标|重点工作|工作任务|目标任务)$/.test(t) || /主要目标/.test(t)) col.text = c;
      else if (/来源/.test(t)) col.source = c;
      else if (/牵头/.test(t)) col.lead = c;
      else if (/协同|配合|责任单位/.test(t)) col.co = c;
    }
    if (col.no !== undefined && col.text !== undefined) return { header: r, col: col as Layout["col"] };
    for (const k of Object.keys(col)) delete col[k];
  }
  return null;
}

/** Where the reading is: the part and section above, and the units and source printed last (shared by rows below). */
interface Place {
  part: string;
  section: string;
  lead: string;
  source: string;
  co: string[];
}

/** A section row: 一、主要发展目标 / 二、重点工作 are parts; 一、推进双招双引 inside 重点工作 a section. */
function enterSection(at: Place, rowText: string): void {
  if (/主要发展目标|主要目标|重点工作|重点任务/.test(rowText) && rowText.length <= 10) {
    at.part = rowText;
    at.section = "";
  } else at.section = rowText;
}

/** One item row; an item without its own units shares those printed above it (the table leaves them blank). */
function itemAt(at: Place, txt: CellText, { col }: Layout, r: number, no: number | null): ResponsibilityItem {
  const text = txt(r, col.text);
  const sourceCell = col.source === undefined ? "" : txt(r, col.source);
  const leadCell = col.lead === undefined ? "" : txt(r, col.lead);
  const coCell = col.co === undefined ? "" : txt(r, col.co);
  at.lead = leadCell || at.lead;
  at.source = sourceCell || at.source;
  at.co = coCell ? splitUnits(coCell) : leadCell ? [] : at.co;
  const { part, section, source, lead, co } = at;
  return { part, section, no, text, source, lead, co, cell: a1(r, col.text), targets: extractTargets(text) };
}

/** The items of one sheet, below its header. */
function readItems(sheet: SheetData, txt: CellText, layout: Layout): ResponsibilityItem[] {
  const { col } = layout;
  // a header whose labels wrap onto a second row (协同责任 / 单位)
  let first = layout.header + 1;
  if (!txt(first, col.no) && !txt(first, col.text)) first++;
  const items: ResponsibilityItem[] = [];
  const at: Place = { part: "", section: "", lead: "", source: "", co: [] };
  for (let r = first; r <= lastRow(sheet); r++) {
    const text = txt(r, col.text);
    const rowText = txt(r, col.no) || text;
    if (!rowText) continue;
    const noNum = readNumber(cellAt(sheet, r, col.no));
    if (noNum.kind !== "number" && SECTION_RE.test(rowText)) enterSection(at, rowText);
    else if (text) items.push(itemAt(at, txt, layout, r, noNum.kind === "number" ? noNum.value : null));
  }
  return items;
}

/** Read a responsibility table in its published layout. Null when no sheet has its header (序号 + 主要目标). */
export function readResponsibility(sheets: readonly SheetData[]): ResponsibilityTable | null {
  for (const sheet of sheets) {
    const txt = textReader(sheet);
    const layout = findLayout(sheet, txt);
    if (!layout) continue;
    const items = readItems(sheet, txt, layout);
    if (items.length) return { sheet: sheet.name, items };
  }
  return null;
}

export interface ProjectResult {
  name: string;
  row: number;
  values: Array<number | null>;
  pass: boolean;
  /** thresholds not met, as "亩均税收 18 < 20 万元" */
  failing: string[];
  /** thresholds without a value */
  missing: string[];
}

/** A threshold not met, as "亩均税收 18 < 20万元/亩" (name and unit given in the reader's language). */
const shortfall = (name: string, v: number, min: number, unit: string) => `${name} ${v} < ${min}${unit}`;

/** The thresholds a project does not meet, as checkProjects words them, the scheme's words through `word`. */
export function projectFailing(
  p: ProjectResult,
  thresholds: readonly ProjectThresholdT[],
  word: (zh: string) => string = String,
): string[] {
  const failing: string[] = [];
  thresholds.forEach((th, i) => {
    const v = p.values[i];
    if (v !== null && v !== undefined && !(v >= th.min))
      failing.push(shortfall(word(th.name), v, th.min, word(th.unit)));
  });
  return failing;
}

/** The per-project threshold check: each value at or above its minimum passes. */
export function checkProjects(
  rows: ReadonlyArray<{ name: string; row: number; values: Array<number | null> }>,
  thresholds: readonly ProjectThresholdT[],
): ProjectResult[] {
  return rows.map((p) => {
    const failing: string[] = [];
    const missing: string[] = [];
    thresholds.forEach((t, i) => {
      const v = p.values[i];
      if (v === null || v === undefined) missing.push(t.name);
      else if (!(v >= t.min)) failing.push(shortfall(t.name, v, t.min, t.unit));
    });
    return { ...p, pass: failing.length === 0 && missing.length === 0, failing, missing };
  });
}
