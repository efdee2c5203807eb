/**
 * Schemes as sheets officials edit in Excel: 方案, 数据表, 指标, 分组, 参数, 规则, 奖励, 结果运用, 选项 and a 说明 sheet.
 * One row per rule with its parameters in a readable form (`>50:10; >100:20`, `filter=statistical=是 & manufacturing=是`,
 * `weight=@w.taxPerMu`). Reading back validates everything and names the sheet and cell of a wrong edit.
 * Pure: works on SheetData and produces a plan, so both adapters can carry it.
 */
import type { SheetData, CellValue } from "../types";
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "../output/sheet-plan";
import { a1 } from "../read/normalise";
import { cellText } from "../read/values";
import { parseScheme, SchemeError, type ConditionT, type Scheme } from "./schema";
import { GLOSSARY_SHEET, glossaryFromSheets, glossarySheet } from "./glossary-sheet";

// ---- values in cells -------------------------------------------------------------------------------------------

const yes = (b: boolean) => (b ? "是" : "否");
function parseBool(s: string): boolean {
  const t = s.trim().toLowerCase();
  if (["是", "true", "y", "1", "√"].includes(t)) return true;
  if (["否", "false", "n", "0", "×", ""].includes(t)) return false;
  throw new Error(`“${s}”应为 是 或 否`);
}
function parseNum(s: string): number {
  const t = s.trim();
  const n = Number(t);
  if (t === "" || !Number.isFinite(n)) throw new Error(`“${s}”不是数字`);
  return n;
}
const list = (s: string) =>
  s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

function condText(c: ConditionT, defaultField?: string): string {
  const v =
    typeof c.value === "object" ? `@${c.value.param}` : typeof c.value === "boolean" ? yes(c.value) : String(c.value);
  const f = c.field === defaultField ? "" : c.field;
  return c.op === "is" ? `${f}=${v}` : `${f}${c.op}${v}`;
}
function parseCond(s: string, defaultField?: string): ConditionT {
  const m = /^\s*([A-Za-z][\w.-]*)?\s*(>=|<=|>|<|=|≥|≤)\s*(.+?)\s*$/.exec(s);
  if (!m) throw new Error(`条件“${s}”应写成 字段>=数值、字段=是 等形式`);
  const field = m[1] ?? defaultField;
  if (!field) throw new Error(`条件“${s}”缺少字段`);
  const op = ({ "≥": ">=", "≤": "<=" } as Record<string, string>)[m[2]] ?? m[2];
  const raw = m[3];
  if (raw.startsWith("@")) return { field, op: op as ConditionT["op"], value: { param: raw.slice(1) } };
  if (op === "=" && /^(是|否|true|false)$/i.test(raw)) return { field, op: "is", value: parseBool(raw) };
  return { field, op: op as ConditionT["op"], value: parseNum(raw) };
}
const condsText = (cs: ConditionT[], df?: string) => cs.map((c) => condText(c, df)).join(" & ");
const parseConds = (s: string, df?: string) =>
  s
    .split("&")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => parseCond(x, df));

type Kind = "num" | "bool" | "str" | "strs" | "nums" | "numOrParam" | "conds" | "target" | "levels" | "choices";
const KEY_TYPES: Record<string, Kind> = {
  points: "num",
  step: "num",
  floorShare: "num",
  capRatio: "num",
  cap: "num",
  max: "num",
  baseShare: "num",
  stepPct: "num",
  stepPoints: "num",
  bonusCapShare: "num",
  pointsPer: "num",
  amount: "num",
  minScore: "num",
  n: "num",
  years: "num",
  "amount.rate": "num",
  "amount.cap": "num",
  cumulative: "bool",
  upTo: "bool",
  includeCurrent: "bool",
  reading: "str",
  over: "str",
  subject: "str",
  enteredPoints: "str",
  enteredOption: "str",
  modeOption: "str",
  listTable: "str",
  kindField: "str",
  levelField: "str",
  option: "str",
  origin: "str",
  op: "str",
  mode: "str",
  below: "str",
  missing: "str",
  reason: "str",
  ties: "str",
  rankBy: "str",
  unit: "str",
  outcome: "str",
  field: "str",
  "amount.field": "str",
  fields: "strs",
  rules: "strs",
  fallbackTargets: "strs",
  amounts: "nums",
  weight: "numOrParam",
  benchmark: "numOrParam",
  filter: "conds",
  target: "target",
  levels: "levels",
  options: "choices",
};

function valueText(kind: Kind, v: unknown): string {
  switch (kind) {
    case "bool":
      return yes(v as boolean);
    case "strs":
    case "nums":
      return (v as unknown[]).join(",");
    case "numOrParam":
      return typeof v === "object" ? `@${(v as { param: string }).param}` : String(v);
    case "conds":
      return condsText(v as ConditionT[]);
    case "target":
      return `${(v as { table: string }).table}.${(v as { column: string }).column}`;
    case "levels":
      return (v as Array<{ match: string; points: number }>).map((l) => `${l.match}:${l.points}`).join(",");
    case "choices":
      return (v as Array<{ name: string; amount: number; suggestGroup?: string }>)
        .map((o) => [o.name, o.amount, o.suggestGroup].filter((x) => x !== undefined).join(":"))
        .join(",");
    default:
      return String(v);
  }
}
function parseValue(kind: Kind, s: string): unknown {
  switch (kind) {
    case "num":
      return parseNum(s);
    case "bool":
      return parseBool(s);
    case "strs":
      return list(s);
    case "nums":
      return list(s).map(parseNum);
    case "numOrParam":
      return s.trim().startsWith("@") ? { param: s.trim().slice(1) } : parseNum(s);
    case "conds":
      return parseConds(s);
    case "target": {
      const [table, column] = s.trim().split(".");
      if (!table || !column) throw new Error(`“${s}”应写成 表.列，例如 targets.output`);
      return { table, column };
    }
    case "levels":
      return list(s).map((x) => {
        const [match, p] = x.split(/[:：]/);
        return { match: match.trim(), points: parseNum(p ?? "") };
      });
    case "choices":
      return list(s).map((x) => {
        const [name, amount, suggestGroup] = x.split(/[:：]/).map((y) => y.trim());
        return suggestGroup
          ? { name, amount: parseNum(amount ?? ""), suggestGroup }
          : { name, amount: parseNum(amount ?? "") };
      });
    default:
      return s.trim();
  }
}

// ---- parameters of a rule or award -------------------------------------------------------------------------------

/** The column 满分 carries the key that caps a rule; the others go into 参数. */
const MAX_KEY: Record<string, string> = {
  rank: "points",
  target: "points",
  flag: "points",
  "growth-steps": "points",
  entered: "max",
  "per-unit": "cap",
  deduction: "max",
};
const RULE_BASE = ["id", "clause", "group", "role", "kind", "label", "description"];
const FIELD_IN_COLUMN = (kind: string) => (kind === "tiers" ? "over" : kind === "certification" ? "fields" : "field");

function flatten(o: Record<string, unknown>, prefix = ""): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(o)) {
    const key = prefix + k;
    if (v && typeof v === "object" && !Array.isArray(v) && !("param" in v) && k === "amount")
      out.push(...flatten(v as Record<string, unknown>, key + "."));
    else out.push([key, v]);
  }
  return out;
}

export function paramsText(obj: Record<string, unknown>, skip: string[]): string {
  const parts: string[] = [];
  const kind = obj.kind as string;
  if (kind === "tiers") {
    const field = singleField(obj.tiers as Array<{ when: ConditionT[] }>);
    for (const t of obj.tiers as Array<{ when: ConditionT[]; points: number }>)
      parts.push(`${condsText(t.when, field)}:${t.points}`);
    if (field) parts.unshift(`field=${field}`);
  }
  for (const [k, v] of flatten(obj)) {
    if (skip.includes(k) || k === "tiers" || v === undefined) continue;
    if ((k === "filter" || k === "fallbackTargets") && Array.isArray(v) && v.length === 0) continue;
    const t = KEY_TYPES[k];
    if (!t) throw new Error(`没有 ${k} 的文字形式`);
    parts.push(`${k}=${valueText(t, v)}`);
  }
  return parts.join("; ");
}

function singleField(tiers: Array<{ when: ConditionT[] }>): string | undefined {
  const fields = new Set(tiers.flatMap((t) => t.when.map((c) => c.field)));
  return fields.size === 1 ? [...fields][0] : undefined;
}

export function parseParams(text: string, kind: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const tiers: Array<{ when: ConditionT[]; points: number }> = [];
  const segs = text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
  let field: string | undefined;
  const tierSegs: string[] = [];
  for (const seg of segs) {
    const m = /^([A-Za-z][\w.]*)\s*=\s*(.*)$/.exec(seg);
    if (m && (KEY_TYPES[m[1]] || m[1] === "field")) {
      const k = m[1];
      const v = parseValue(KEY_TYPES[k] ?? "str", m[2]);
      if (kind === "tiers" && k === "field") field = v as string;
      else if (k.startsWith("amount.")) {
        const o = (out.amount as Record<string, unknown>) ?? {};
        o[k.slice(7)] = v;
        out.amount = o;
      } else out[k] = v;
    } else if (kind === "tiers") tierSegs.push(seg);
    else throw new Error(`“${seg}”不是 参数=值 的形式（可用：${Object.keys(KEY_TYPES).slice(0, 12).join("、")}…）`);
  }
  for (const seg of tierSegs) {
    const k = seg.lastIndexOf(":") >= 0 ? seg.lastIndexOf(":") : seg.lastIndexOf("：");
    if (k < 0) throw new Error(`档次“${seg}”应写成 条件:分值，例如 >50:10`);
    tiers.push({ when: parseConds(seg.slice(0, k), field), points: parseNum(seg.slice(k + 1)) });
  }
  if (kind === "tiers") out.tiers = tiers;
  return out;
}

// ---- scheme → sheets ----------------------------------------------------------------------------------------------

function sheet(key: string, name: string, header: string[], rows: PlanValue[][], widths: number[]): PlanSheet {
  const s = newSheet(key, name);
  s.values.push(header, ...rows);
  s.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: header.length - 1 }, style: "header" });
  s.freeze = { rows: 1, cols: 1 };
  s.widths = widths;
  return s;
}

const TABLE_COLS = ["表", "名称", "层级", "工作表名提示", "必填", "模板标题", "模板总计", "派生字段"];
const COLUMN_COLS = [
  "表",
  "列",
  "名称",
  "同义词",
  "类型",
  "单位",
  "其他单位",
  "年份",
  "必填",
  "角色",
  "空白按",
  "方向",
  "模板年份",
  "模板子表头",
  "说明",
];
const GROUP_COLS = ["分组", "名称", "权重", "封顶", "负责单位"];
const PARAM_COLS = ["参数", "名称", "同义词", "类型", "单位", "必填", "默认值", "未填取平均", "说明"];
const RULE_COLS = ["规则", "条款", "分组", "角色", "指标", "类型", "参数", "满分", "标签", "说明"];
const AWARD_COLS = ["奖励", "条款", "类型", "参数", "单位", "标签", "说明"];
const USAGE_COLS = ["规则", "条款", "类型", "参数", "结果", "说明"];
const OPTION_COLS = ["选项", "名称", "默认", "可选项"];

export function schemeToPlan(s: Scheme): ResultPlan {
  const meta: PlanValue[][] = [
    ["schemaVersion", s.schemaVersion],
    ["id", s.id],
    ["name", s.name],
    ["nameEn", s.nameEn ?? null],
    ["source", s.source],
    ["entityTable", s.entityTable],
    ["historyTable", s.historyTable ?? null],
    ["ranking.ties", s.ranking.ties],
    ["total.base", s.total.base ?? null],
    ...Object.entries(s.checks).map(([k, v]) => [`checks.${k}`, v] as PlanValue[]),
    ["grading.method", s.grading?.method ?? null],
    ["grading.bands", s.grading ? s.grading.bands.join(",") : null],
    ["grading.labels", s.grading ? s.grading.labels.join(",") : null],
    ...s.notes.map((n) => ["note", n] as PlanValue[]),
    ...s.exclude.map((x) => ["exclude", `${x.name} | ${x.clause} | ${x.reason}`] as PlanValue[]),
  ];
  const tables = s.tables.map((t) => [
    t.id,
    t.name,
    t.level,
    t.sheetNames.join(","),
    yes(t.required),
    t.templateTitle ?? null,
    yes(t.templateTotal),
    t.derived.map((d) => `${d.id}=${d.args[0]}-${d.args[1]}:${d.name}${d.unit ? ":" + d.unit : ""}`).join(",") || null,
  ]);
  const columns = s.tables.flatMap((t) =>
    t.columns.map((c) => [
      t.id,
      c.id,
      c.name,
      c.synonyms.join(",") || null,
      c.type,
      c.unit ?? null,
      c.units
        ? Object.entries(c.units)
            .map(([u, f]) => `${u}:${f}`)
            .join(",")
        : null,
      c.relYear ?? null,
      yes(c.required),
      c.role ?? null,
      c.missingAs === undefined ? null : typeof c.missingAs === "boolean" ? yes(c.missingAs) : c.missingAs,
      c.direction,
      c.templateYears ? c.templateYears.join(",") : null,
      c.templateSub ?? null,
      c.note ?? null,
    ]),
  );
  const groups = s.groups.map((g) => [g.id, g.name, g.weight, yes(g.cap), g.responsible ?? null]);
  const params = s.params.map((p) => [
    p.id,
    p.name,
    p.synonyms.join(",") || null,
    p.type,
    p.unit ?? null,
    yes(p.required),
    p.default ?? null,
    p.fallbackMeanOf ? `${p.fallbackMeanOf.table}.${p.fallbackMeanOf.column}` : null,
    p.note ?? null,
  ]);
  const rules = s.rules.map((r) => {
    const fk = FIELD_IN_COLUMN(r.kind);
    const mk = MAX_KEY[r.kind];
    const o = r as unknown as Record<string, unknown>;
    const fieldValue = o[fk];
    return [
      r.id,
      r.clause,
      r.group ?? null,
      r.role,
      Array.isArray(fieldValue) ? fieldValue.join(",") : (fieldValue as string),
      r.kind,
      paramsText(o, [...RULE_BASE, fk, ...(mk ? [mk] : [])]) || null,
      mk ? ((o[mk] as number | undefined) ?? null) : null,
      r.label,
      r.description,
    ];
  });
  const awards = s.awards.map((a) => [
    a.id,
    a.clause,
    a.kind,
    paramsText(a as unknown as Record<string, unknown>, ["id", "clause", "kind", "unit", "label", "description"]) ||
      null,
    a.unit,
    a.label,
    a.description,
  ]);
  const usage = s.usage.map((u) => [
    u.id,
    u.clause,
    u.kind,
    paramsText(u as unknown as Record<string, unknown>, ["id", "clause", "kind", "outcome", "description"]) || null,
    u.outcome,
    u.description,
  ]);
  const options = s.options.map((o) => [
    o.id,
    o.name,
    o.default,
    o.choices.map((c) => `${c.id}:${c.name}:${c.description}`).join("\n"),
  ]);
  const help = newSheet("help", "方案说明");
  help.values.push(
    [`${s.name}：方案表说明`],
    ["改动「规则」「指标」等表后，用 zonescore score … --scheme 本文件.xlsx 评分；出错时会指出哪张表哪个单元格。"],
    ["参数写成 参数=值，用分号分隔；条件写成 字段>=数值、字段=是，多个条件用 & 连接；参数引用写成 @参数id。"],
    [
      "分档（tiers）：每档写成 条件:分值，例如 >50:10; >100:20（指标列已给字段时可省略字段）；filter=… 为适用条件；cumulative=是 为累计加分。",
    ],
    [
      "类型：rank 排序法 · tiers 分档 · target 目标完成 · per-unit 按个数 · flag 是否 · entered 部门评分 · growth-steps 增长分步 · benchmark-ratio 标杆比值 · certification 认定加分 · deduction 扣分 · veto 一票否决",
    ],
    [
      "角色：score 计入分组得分 · bonus 附加分/加分 · deduction 扣分。满分列：rank/target/flag/growth-steps 为满分，entered 为最高分，per-unit 为封顶，deduction 为最多扣分。",
    ],
  );
  help.widths = [120];
  return {
    sheets: [
      sheet("s.meta", "方案", ["字段", "值"], meta, [16, 80]),
      sheet("s.tables", "数据表", TABLE_COLS, tables, [12, 14, 10, 26, 6, 30, 8, 40]),
      sheet("s.columns", "指标", COLUMN_COLS, columns, [12, 16, 30, 36, 8, 12, 16, 6, 6, 8, 8, 8, 22, 12, 40]),
      sheet("s.groups", "分组", GROUP_COLS, groups, [10, 16, 8, 8, 36]),
      sheet("s.params", "方案参数", PARAM_COLS, params, [18, 30, 20, 8, 12, 6, 10, 24, 40]),
      sheet("s.rules", "规则", RULE_COLS, rules, [14, 14, 10, 10, 22, 14, 60, 8, 16, 70]),
      sheet("s.awards", "奖励规则", AWARD_COLS, awards, [16, 12, 12, 60, 12, 18, 60]),
      sheet("s.usage", "结果运用规则", USAGE_COLS, usage, [16, 18, 14, 40, 20, 60]),
      sheet("s.options", "选项", OPTION_COLS, options, [14, 18, 14, 100]),
      glossarySheet(s.glossary),
      help,
    ],
  };
}

/** The sheets a scheme is written to; the reader of input workbooks leaves them alone. */
export const SCHEME_SHEETS = [
  "方案",
  "数据表",
  "指标",
  "分组",
  "方案参数",
  "规则",
  "奖励规则",
  "结果运用规则",
  "选项",
  GLOSSARY_SHEET,
  "方案说明",
];

/** Does this workbook carry a scheme in sheets? */
export function hasSchemeSheets(sheets: readonly SheetData[]): boolean {
  return ["方案", "数据表", "指标", "规则"].every((n) => sheets.some((s) => s.name === n));
}

// ---- sheets → scheme ----------------------------------------------------------------------------------------------

class Problems {
  list: string[] = [];
  at(sheet: string, row: number, col: number, msg: string): void {
    this.list.push(`${sheet}!${a1(row, col)}：${msg}`);
  }
}

interface Grid {
  name: string;
  rows: Array<{ row: number; cells: string[] }>;
  header: string[];
}

function grid(
  sheets: readonly SheetData[],
  name: string,
  expected: string[],
  problems: Problems,
  required = true,
): Grid | null {
  const s = sheets.find((x) => x.name === name);
  if (!s) {
    if (required) problems.list.push(`缺少工作表「${name}」`);
    return null;
  }
  const text = (v: CellValue) => (v === null ? "" : cellText(v).trim());
  const header = (s.values[0] ?? []).map(text);
  expected.forEach((h, i) => {
    if (header[i] !== h) problems.at(name, s.originRow, s.originCol + i, `表头应为“${h}”，现为“${header[i] ?? ""}”`);
  });
  const rows = s.values
    .slice(1)
    .map((r, k) => ({ row: s.originRow + 1 + k, cells: expected.map((_, i) => text(r[i] ?? null)) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  return { name, rows, header };
}

export function schemeFromSheets(sheets: readonly SheetData[]): Scheme {
  const P = new Problems();
  const col = (g: Grid, h: string) => g.header.indexOf(h);
  const wrap = <T>(g: Grid, row: number, h: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      P.at(g.name, row, Math.max(0, col(g, h)), (e as Error).message);
      return undefined;
    }
  };
  const opt = (s: string) => (s === "" ? undefined : s);
  const optNum = (g: Grid, row: number, h: string, s: string) =>
    s === "" ? undefined : wrap(g, row, h, () => parseNum(s));

  const meta = grid(sheets, "方案", ["字段", "值"], P);
  const m: Record<string, string> = {};
  const notes: string[] = [];
  const exclude: Array<{ name: string; clause: string; reason: string }> = [];
  for (const r of meta?.rows ?? []) {
    if (r.cells[0] === "note") notes.push(r.cells[1]);
    else if (r.cells[0] === "exclude") {
      const [name, clause, ...reason] = r.cells[1].split("|").map((x) => x.trim());
      if (!name || !clause || !reason.join("|"))
        P.at("方案", r.row, 1, `exclude 应写成 名称 | 条款 | 原因，现为“${r.cells[1]}”`);
      else exclude.push({ name, clause, reason: reason.join(" | ") });
    } else m[r.cells[0]] = r.cells[1];
  }
  const tablesG = grid(sheets, "数据表", TABLE_COLS, P);
  const colsG = grid(sheets, "指标", COLUMN_COLS, P);
  const groupsG = grid(sheets, "分组", GROUP_COLS, P, false);
  const paramsG = grid(sheets, "方案参数", PARAM_COLS, P, false);
  const rulesG = grid(sheets, "规则", RULE_COLS, P);
  const awardsG = grid(sheets, "奖励规则", AWARD_COLS, P, false);
  const usageG = grid(sheets, "结果运用规则", USAGE_COLS, P, false);
  const optionsG = grid(sheets, "选项", OPTION_COLS, P, false);
  if (P.list.length) throw new SchemeError(P.list);

  const tables = tablesG!.rows.map((r) => {
    const [id, name, level, hints, required, title, total, derived] = r.cells;
    return {
      id,
      name,
      level,
      sheetNames: list(hints),
      required: wrap(tablesG!, r.row, "必填", () => parseBool(required)) ?? true,
      templateTitle: opt(title),
      templateTotal: wrap(tablesG!, r.row, "模板总计", () => parseBool(total)) ?? false,
      derived: list(derived)
        .map((d) => {
          const mm = /^([\w.-]+)=([\w.-]+)-([\w.-]+):([^:]+)(?::(.+))?$/.exec(d);
          if (!mm) {
            P.at(tablesG!.name, r.row, 7, `派生字段“${d}”应写成 id=列1-列2:名称[:单位]`);
            return null;
          }
          return mm[5]
            ? { id: mm[1], name: mm[4], op: "sub" as const, args: [mm[2], mm[3]] as [string, string], unit: mm[5] }
            : { id: mm[1], name: mm[4], op: "sub" as const, args: [mm[2], mm[3]] as [string, string] };
        })
        .filter((x) => x !== null),
      columns: [] as unknown[],
    };
  });
  for (const r of colsG!.rows) {
    const [tid, id, name, syn, type, unit, units, relYear, required, role, missingAs, direction, tYears, tSub, note] =
      r.cells;
    const t = tables.find((x) => x.id === tid);
    if (!t) {
      P.at(colsG!.name, r.row, 0, `没有数据表“${tid}”（见「数据表」）`);
      continue;
    }
    const c: Record<string, unknown> = {
      id,
      name,
      synonyms: list(syn),
      type,
      required: wrap(colsG!, r.row, "必填", () => parseBool(required)) ?? false,
      direction: direction || "higher",
    };
    if (unit) c.unit = unit;
    if (units)
      c.units = wrap(colsG!, r.row, "其他单位", () =>
        Object.fromEntries(
          list(units).map((x) => {
            const [u, f] = x.split(/[:：]/);
            return [u.trim(), parseNum(f ?? "")];
          }),
        ),
      );
    if (relYear !== "") c.relYear = optNum(colsG!, r.row, "年份", relYear);
    if (role) c.role = role;
    if (missingAs !== "")
      c.missingAs =
        type === "bool"
          ? wrap(colsG!, r.row, "空白按", () => parseBool(missingAs))
          : optNum(colsG!, r.row, "空白按", missingAs);
    if (tYears) c.templateYears = wrap(colsG!, r.row, "模板年份", () => list(tYears).map(parseNum));
    if (tSub) c.templateSub = tSub;
    if (note) c.note = note;
    t.columns.push(c);
  }
  const groups = (groupsG?.rows ?? []).map((r) => {
    const [id, name, weight, cap, resp] = r.cells;
    const g: Record<string, unknown> = {
      id,
      name,
      weight: optNum(groupsG!, r.row, "权重", weight),
      cap: wrap(groupsG!, r.row, "封顶", () => parseBool(cap)) ?? true,
    };
    if (resp) g.responsible = resp;
    return g;
  });
  const params = (paramsG?.rows ?? []).map((r) => {
    const [id, name, syn, type, unit, required, def, mean, note] = r.cells;
    const p: Record<string, unknown> = {
      id,
      name,
      synonyms: list(syn),
      type,
      required: wrap(paramsG!, r.row, "必填", () => parseBool(required)) ?? false,
    };
    if (unit) p.unit = unit;
    if (def !== "") p.default = type === "number" ? optNum(paramsG!, r.row, "默认值", def) : def;
    if (mean) {
      const [table, column] = mean.split(".");
      p.fallbackMeanOf = { table, column };
    }
    if (note) p.note = note;
    return p;
  });
  const rules = rulesG!.rows.map((r) => {
    const [id, clause, group, role, field, kind, ptext, max, label, description] = r.cells;
    const o: Record<string, unknown> = { id, clause, role: role || "score", kind, label, description };
    if (group) o.group = group;
    const fk = FIELD_IN_COLUMN(kind);
    o[fk] = kind === "certification" ? list(field) : field;
    Object.assign(o, wrap(rulesG!, r.row, "参数", () => parseParams(ptext, kind)) ?? {});
    const mk = MAX_KEY[kind];
    if (mk && max !== "") o[mk] = optNum(rulesG!, r.row, "满分", max);
    if (!mk && max !== "") P.at(rulesG!.name, r.row, col(rulesG!, "满分"), `类型 ${kind} 的满分由参数决定，此列应留空`);
    return o;
  });
  const awards = (awardsG?.rows ?? []).map((r) => {
    const [id, clause, kind, ptext, unit, label, description] = r.cells;
    return {
      id,
      clause,
      kind,
      unit,
      label,
      description,
      ...(wrap(awardsG!, r.row, "参数", () => parseParams(ptext, kind)) ?? {}),
    };
  });
  const usage = (usageG?.rows ?? []).map((r) => {
    const [id, clause, kind, ptext, outcome, description] = r.cells;
    return {
      id,
      clause,
      kind,
      outcome,
      description,
      ...(wrap(usageG!, r.row, "参数", () => parseParams(ptext, kind)) ?? {}),
    };
  });
  const options = (optionsG?.rows ?? []).map((r) => {
    const [id, name, def, choices] = r.cells;
    return {
      id,
      name,
      default: def,
      choices: choices
        .split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean)
        .map((x) => {
          const [cid, cname, ...desc] = x.split(":");
          return { id: cid, name: cname ?? cid, description: desc.join(":") || cname || cid };
        }),
    };
  });
  const glossary = glossaryFromSheets(sheets);
  P.list.push(...glossary.problems);
  if (P.list.length) throw new SchemeError(P.list);

  const input: Record<string, unknown> = {
    schemaVersion: m.schemaVersion ? Number(m.schemaVersion) : 1,
    id: m.id,
    name: m.name,
    source: m.source,
    entityTable: m.entityTable,
    tables,
    params,
    groups,
    rules,
    awards,
    usage,
    options,
    notes,
    exclude,
    glossary: glossary.glossary,
    total: m["total.base"] ? { base: m["total.base"] } : {},
    checks: Object.fromEntries(
      Object.entries(m)
        .filter(([k]) => k.startsWith("checks."))
        .map(([k, v]) => [k.slice(7), Number(v)]),
    ),
    ranking: { ties: m["ranking.ties"] || "competition" },
  };
  if (m.nameEn) input.nameEn = m.nameEn;
  if (m.historyTable) input.historyTable = m.historyTable;
  if (m["grading.method"])
    input.grading = {
      method: m["grading.method"],
      bands: list(m["grading.bands"] ?? "").map(Number),
      labels: list(m["grading.labels"] ?? ""),
    };
  try {
    return parseScheme(input);
  } catch (e) {
    if (e instanceof SchemeError) throw new SchemeError(e.problems.map((p) => locate(p, rulesG!, awardsG)));
    throw e;
  }
}

/** Point a validation message about rules[k] or awards[k] at its row in the sheet. */
function locate(problem: string, rules: Grid, awards: Grid | null): string {
  const m = /^(rules|awards)\[([^\]]+)\]/.exec(problem);
  if (m) {
    const g = m[1] === "rules" ? rules : awards;
    const r =
      g?.rows.find((x) => x.cells[0] === m[2]) ?? (Number.isInteger(Number(m[2])) ? g?.rows[Number(m[2])] : undefined);
    if (g && r) return `${g.name}!A${r.row + 1}（${m[2]}）：${problem.slice(m[0].length).replace(/^[.:]\s*/, "")}`;
  }
  const n = /^(规则|奖励) ([^ ]+) /.exec(problem);
  if (n) {
    const g = n[1] === "规则" ? rules : awards;
    const r = g?.rows.find((x) => x.cells[0] === n[2]);
    if (g && r) return `${g.name}!A${r.row + 1}：${problem}`;
  }
  return problem;
}
