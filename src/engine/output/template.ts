/** Input sheets as officials lay them out: title row, optional note row, one- or two-row headers with merges. Pure. */
import type { Scheme, TableSpecT } from "../scheme/schema";
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "./sheet-plan";
import { roundTo } from "../format";

/** A physical column: its header path (one or two levels) and the key of its value in a row record. */
export interface PhysCol {
  path: string[];
  key: string;
  width?: number;
}

function withUnit(name: string, unit?: string): string {
  return unit && unit !== "分" ? `${name}（${unit}）` : unit === "分" ? `${name}（分）` : name;
}

/** The template's columns for a table: one per column, or one per year under a group header (the annex layout). */
export function templateColumns(spec: TableSpecT): PhysCol[] {
  const out: PhysCol[] = [];
  for (const c of spec.columns) {
    if (c.templateYears)
      for (const y of c.templateYears) out.push({ path: [withUnit(c.name, c.unit), `${y}年`], key: `${c.id}@${y}` });
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

/** A sheet with a title row, an optional note row, the header (merged where it spans) and the rows. */
export function tableSheet(
  key: string,
  name: string,
  cols: PhysCol[],
  rows: ReadonlyArray<Record<string, PlanValue>>,
  opts: TableSheetOptions = {},
): PlanSheet {
  const s = newSheet(key, name);
  const width = cols.length;
  if (opts.title) {
    s.values.push([opts.title]);
    s.merges.push({ top: s.values.length - 1, left: 0, bottom: s.values.length - 1, right: width - 1 });
    s.styles.push({
      rect: { top: s.values.length - 1, left: 0, bottom: s.values.length - 1, right: width - 1 },
      style: "title",
    });
  }
  if (opts.note) {
    s.values.push([opts.note]);
    s.styles.push({
      rect: { top: s.values.length - 1, left: 0, bottom: s.values.length - 1, right: 0 },
      style: "note",
    });
  }
  const depth = Math.max(...cols.map((c) => c.path.length));
  const top = s.values.length;
  for (let d = 0; d < depth; d++)
    s.values.push(
      cols.map((c, i) =>
        c.path.length === 1
          ? d === 0
            ? c.path[0]
            : null
          : d === 0 && i > 0 && cols[i - 1].path.length > 1 && cols[i - 1].path[0] === c.path[0]
            ? null
            : (c.path[d] ?? null),
      ),
    );
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
  s.styles.push({ rect: { top, left: 0, bottom: top + depth - 1, right: width - 1 }, style: "header" });
  s.freeze = { rows: top + depth, cols: 1 };
  for (const r of rows) s.values.push(cols.map((c) => (r[c.key] === undefined ? null : r[c.key])));
  if (opts.total) {
    const t = opts.total;
    s.values.push(
      cols.map((c, i) => {
        if (i === 0) return t.label;
        if (!t.keys.includes(c.key)) return null;
        let sum = 0;
        for (const r of rows) if (typeof r[c.key] === "number") sum += r[c.key] as number;
        return roundTo(sum, 9);
      }),
    );
  }
  s.widths = cols.map(
    (c) => c.width ?? Math.max(10, Math.min(30, Math.ceil(Math.max(...c.path.map((p) => p.length)) * 1.8))),
  );
  return s;
}

/** An empty input workbook for a scheme: its sheets and headers, a 参数 sheet and a 说明 sheet. */
export function buildTemplatePlan(scheme: Scheme): ResultPlan {
  const sheets: PlanSheet[] = [];
  const params = newSheet("params", "参数");
  params.values.push(["参数", "值", "说明"]);
  params.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 2 }, style: "header" });
  for (const p of scheme.params) params.values.push([p.unit ? `${p.name}（${p.unit}）` : p.name, null, p.note ?? ""]);
  params.widths = [36, 14, 50];
  sheets.push(params);
  for (const t of scheme.tables) {
    const cols = templateColumns(t);
    sheets.push(
      tableSheet(t.id, t.name, cols, [], {
        title: t.templateTitle ?? t.name,
        total: t.templateTotal ? { label: "总计", keys: cols.slice(1).map((c) => c.key) } : undefined,
      }),
    );
  }
  const help = newSheet("help", "说明");
  help.values.push(
    [`${scheme.name}：输入表说明`],
    [`依据：${scheme.source}`],
    [],
    ["工作表", "列", "单位", "必填", "类型", "可接受的其他列名", "说明"],
  );
  help.styles.push(
    { rect: { top: 0, left: 0, bottom: 0, right: 0 }, style: "title" },
    { rect: { top: 3, left: 0, bottom: 3, right: 6 }, style: "header" },
  );
  const typeText = { text: "文字", number: "数字", count: "整数", bool: "是/否（是/否、√/×、Y/N、1/0）", code: "代码" };
  for (const t of scheme.tables) {
    for (const c of t.columns) {
      const year = c.relYear === 0 ? "（考评年度）" : c.relYear === -1 ? "（考评年度上一年）" : "";
      help.values.push([
        t.name,
        c.name + year,
        c.unit ?? "",
        c.required ? "是" : c.missingAs !== undefined ? "否（空白按默认）" : "否",
        typeText[c.type],
        c.synonyms.join("、"),
        c.note ?? "",
      ]);
    }
  }
  for (const p of scheme.params)
    help.values.push([
      "参数",
      p.name,
      p.unit ?? "",
      p.required ? "是" : "否",
      p.type === "number" ? "数字" : "文字",
      p.synonyms.join("、"),
      p.note ?? "",
    ]);
  help.values.push(
    [],
    ["表头可带单位（全角或半角括号），可用“2023年”代替“本年”；表头上方可有标题行和“填报单位”说明行。"],
  );
  for (const n of scheme.notes) help.values.push([n]);
  help.widths = [14, 34, 10, 14, 22, 40, 50];
  sheets.push(help);
  return { sheets, activate: scheme.entityTable };
}
