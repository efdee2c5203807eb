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
import { parseScheme, SchemeError, type RuleKind, type Scheme } from "./schema";
import { KINDS, type KindCodec, type MaxMeaning, type ValueKind } from "../score/kinds";
import { t as say } from "../i18n";
import { SCHEME_SHEETS } from "./sheet-names";
import { list, parseBool, parseNum, parseValue, valueText, yes } from "./cell-values";
import { glossaryFromSheets, glossarySheet } from "./glossary-sheet";

/** The keys of awards and result-usage rules in 参数, with how each value is written; rule kinds bring their own. */
const OTHER_KEYS: Record<string, ValueKind> = {
  amount: "num",
  minScore: "num",
  n: "num",
  years: "num",
  "amount.rate": "num",
  "amount.cap": "num",
  upTo: "bool",
  includeCurrent: "bool",
  over: "str",
  subject: "str",
  option: "str",
  origin: "str",
  ties: "str",
  rankBy: "str",
  unit: "str",
  outcome: "str",
  field: "str",
  "amount.field": "str",
  rules: "strs",
  fallbackTargets: "strs",
  amounts: "nums",
  filter: "conds",
  options: "choices",
};
const KEY_TYPES: Record<string, ValueKind> = Object.assign(
  {},
  ...Object.values(KINDS).map((k) => k.codec.params as Record<string, ValueKind>),
  OTHER_KEYS,
);

// ---- parameters of a rule or award -------------------------------------------------------------------------------

const RULE_BASE = ["id", "clause", "group", "role", "kind", "label", "description"];

/** The codec of a rule kind, or undefined for an award's or a usage rule's kind. */
function codecOf(kind: string): KindCodec<Record<string, unknown>> | undefined {
  return Object.prototype.hasOwnProperty.call(KINDS, kind)
    ? (KINDS[kind as RuleKind].codec as unknown as KindCodec<Record<string, unknown>>)
    : undefined;
}

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
  const segments = codecOf(obj.kind as string)?.segments;
  const parts: string[] = segments ? segments.write(obj) : [];
  for (const [k, v] of flatten(obj)) {
    if (skip.includes(k) || k === segments?.key || v === undefined) continue;
    if ((k === "filter" || k === "fallbackTargets") && Array.isArray(v) && v.length === 0) continue;
    const t = KEY_TYPES[k];
    if (!t) throw new Error(say("zh", "scheme.noTextForm", { key: k }));
    parts.push(`${k}=${valueText(t, v)}`);
  }
  return parts.join("; ");
}

/** One `key=value` part into out (`amount.rate=…` into out.amount). */
function setParam(out: Record<string, unknown>, k: string, v: unknown): void {
  if (!k.startsWith("amount.")) {
    out[k] = v;
    return;
  }
  const o = (out.amount as Record<string, unknown>) ?? {};
  o[k.slice(7)] = v;
  out.amount = o;
}

export function parseParams(text: string, kind: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const segments = codecOf(kind)?.segments;
  const segs = text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
  let field: string | undefined;
  const free: string[] = [];
  for (const seg of segs) {
    const m = /^([A-Za-z][\w.]*)\s*=\s*(.*)$/.exec(seg);
    if (m && (KEY_TYPES[m[1]] || m[1] === "field")) {
      const v = parseValue(KEY_TYPES[m[1]] ?? "str", m[2]);
      if (segments && m[1] === "field") field = v as string;
      else setParam(out, m[1], v);
    } else if (segments) free.push(seg);
    else
      throw new Error(
        say("zh", "scheme.notKeyValue", { text: seg, keys: Object.keys(KEY_TYPES).slice(0, 12).join("、") }),
      );
  }
  return segments ? { ...out, ...segments.read(free, field) } : out;
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

/** The 方案 sheet: the scheme's own fields, one per row. */
function metaRows(s: Scheme): PlanValue[][] {
  return [
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
}

function tableRows(s: Scheme): PlanValue[][] {
  const derived = (t: Scheme["tables"][number]) =>
    t.derived.map((d) => `${d.id}=${d.args[0]}-${d.args[1]}:${d.name}${d.unit ? ":" + d.unit : ""}`).join(",") || null;
  return s.tables.map((t) => [
    t.id,
    t.name,
    t.level,
    t.sheetNames.join(","),
    yes(t.required),
    t.templateTitle ?? null,
    yes(t.templateTotal),
    derived(t),
  ]);
}

function columnRows(s: Scheme): PlanValue[][] {
  const units = (u: Record<string, number> | undefined) =>
    u
      ? Object.entries(u)
          .map(([k, f]) => `${k}:${f}`)
          .join(",")
      : null;
  return s.tables.flatMap((t) =>
    t.columns.map((c) => [
      t.id,
      c.id,
      c.name,
      c.synonyms.join(",") || null,
      c.type,
      c.unit ?? null,
      units(c.units),
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
}

function paramRows(s: Scheme): PlanValue[][] {
  return s.params.map((p) => [
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
}

/** The 规则 sheet: one row per rule, the 指标, 满分 and 参数 columns as its kind's codec writes them. */
function ruleRows(s: Scheme): PlanValue[][] {
  return s.rules.map((r) => {
    const codec = codecOf(r.kind)!;
    const fk = codec.column;
    const mk = codec.max?.key;
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
}

/** 奖励规则 and 结果运用规则: id, clause, kind, the 参数 text (every key but those in columns of their own), the rest. */
function otherRows<T extends { id: string; clause: string; kind: string }>(
  items: T[],
  skip: string[],
  rest: (x: T) => PlanValue[],
): PlanValue[][] {
  const keys = ["id", "clause", "kind", ...skip];
  const text = (x: T) => paramsText(x as unknown as Record<string, unknown>, keys) || null;
  return items.map((x) => [x.id, x.clause, x.kind, text(x), ...rest(x)]);
}

const awardRows = (s: Scheme) =>
  otherRows(s.awards, ["unit", "label", "description"], (a) => [a.unit, a.label, a.description]);
const usageRows = (s: Scheme) => otherRows(s.usage, ["outcome", "description"], (u) => [u.outcome, u.description]);

/** The 方案说明 sheet: how to edit the sheets; the kinds and what 满分 means for each, from the registry. */
function helpSheet(s: Scheme): PlanSheet {
  const help = newSheet("help", "方案说明");
  const kinds = Object.values(KINDS).map((k) => say("zh", "basis.help.kind", { kind: k.kind, name: kindName(k.kind) }));
  const meanings: MaxMeaning[] = ["full", "highest", "cap", "mostDeducted"];
  const max = meanings.map((m) => {
    const ks = Object.values(KINDS).filter((k) => (k.codec as KindCodec<unknown>).max?.meaning === m);
    return say("zh", `basis.help.max.${m}`, { kinds: ks.map((k) => k.kind).join("/") });
  });
  help.values.push(
    [say("zh", "basis.help.title", { name: s.name })],
    [say("zh", "basis.help.edit")],
    [say("zh", "basis.help.params")],
    [say("zh", "basis.help.tiers")],
    [say("zh", "basis.help.kinds", { kinds: kinds.join(" · ") })],
    [say("zh", "basis.help.roles", { max: max.join("，") })],
  );
  help.widths = [120];
  return help;
}

/** A kind's name in the help sheet (排序法, 分档, …). */
const kindName = (kind: RuleKind) => say("zh", `basis.kind.${kind}`);

export function schemeToPlan(s: Scheme): ResultPlan {
  const groups = s.groups.map((g) => [g.id, g.name, g.weight, yes(g.cap), g.responsible ?? null]);
  const options = s.options.map((o) => [
    o.id,
    o.name,
    o.default,
    o.choices.map((c) => `${c.id}:${c.name}:${c.description}`).join("\n"),
  ]);
  return {
    sheets: [
      sheet("s.meta", "方案", ["字段", "值"], metaRows(s), [16, 80]),
      sheet("s.tables", "数据表", TABLE_COLS, tableRows(s), [12, 14, 10, 26, 6, 30, 8, 40]),
      sheet("s.columns", "指标", COLUMN_COLS, columnRows(s), [12, 16, 30, 36, 8, 12, 16, 6, 6, 8, 8, 8, 22, 12, 40]),
      sheet("s.groups", "分组", GROUP_COLS, groups, [10, 16, 8, 8, 36]),
      sheet("s.params", "方案参数", PARAM_COLS, paramRows(s), [18, 30, 20, 8, 12, 6, 10, 24, 40]),
      sheet("s.rules", "规则", RULE_COLS, ruleRows(s), [14, 14, 10, 10, 22, 14, 60, 8, 16, 70]),
      sheet("s.awards", "奖励规则", AWARD_COLS, awardRows(s), [16, 12, 12, 60, 12, 18, 60]),
      sheet("s.usage", "结果运用规则", USAGE_COLS, usageRows(s), [16, 18, 14, 40, 20, 60]),
      sheet("s.options", "选项", OPTION_COLS, options, [14, 18, 14, 100]),
      glossarySheet(s.glossary),
      helpSheet(s),
    ],
  };
}

export { SCHEME_SHEETS };

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
    if (required) problems.list.push(say("zh", "scheme.noSheet", { sheet: name }));
    return null;
  }
  const text = (v: CellValue) => (v === null ? "" : cellText(v).trim());
  const header = (s.values[0] ?? []).map(text);
  expected.forEach((h, i) => {
    if (header[i] !== h)
      problems.at(
        name,
        s.originRow,
        s.originCol + i,
        say("zh", "scheme.header", { expected: h, found: header[i] ?? "" }),
      );
  });
  const rows = s.values
    .slice(1)
    .map((r, k) => ({ row: s.originRow + 1 + k, cells: expected.map((_, i) => text(r[i] ?? null)) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  return { name, rows, header };
}

/** Reading one sheet's rows: a cell's parse errors are collected with the sheet and cell, and the row goes on. */
class Reader {
  constructor(
    readonly P: Problems,
    readonly g: Grid,
  ) {}
  col(h: string): number {
    return this.g.header.indexOf(h);
  }
  /** f(), or undefined with the error recorded at (row, column h) */
  wrap<T>(row: number, h: string, f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      this.P.at(this.g.name, row, Math.max(0, this.col(h)), (e as Error).message);
      return undefined;
    }
  }
  optNum(row: number, h: string, s: string): number | undefined {
    return s === "" ? undefined : this.wrap(row, h, () => parseNum(s));
  }
  bool(row: number, h: string, s: string): boolean | undefined {
    return this.wrap(row, h, () => parseBool(s));
  }
}

const opt = (s: string) => (s === "" ? undefined : s);

/** The 方案 sheet: fields, notes and units not evaluated (名称 | 条款 | 原因). */
function readMeta(meta: Grid | null, P: Problems) {
  const m: Record<string, string> = {};
  const notes: string[] = [];
  const exclude: Array<{ name: string; clause: string; reason: string }> = [];
  for (const r of meta?.rows ?? []) {
    if (r.cells[0] === "note") notes.push(r.cells[1]);
    else if (r.cells[0] === "exclude") {
      const [name, clause, ...reason] = r.cells[1].split("|").map((x) => x.trim());
      if (!name || !clause || !reason.join("|"))
        P.at("方案", r.row, 1, say("zh", "scheme.exclude", { text: r.cells[1] }));
      else exclude.push({ name, clause, reason: reason.join(" | ") });
    } else m[r.cells[0]] = r.cells[1];
  }
  return { m, notes, exclude };
}

/** A derived field `id=列1-列2:名称[:单位]`, or null (recorded as a problem). */
function readDerived(R: Reader, row: number, d: string) {
  const mm = /^([\w.-]+)=([\w.-]+)-([\w.-]+):([^:]+)(?::(.+))?$/.exec(d);
  if (!mm) {
    R.P.at(R.g.name, row, 7, say("zh", "scheme.derived", { text: d }));
    return null;
  }
  const base = { id: mm[1], name: mm[4], op: "sub" as const, args: [mm[2], mm[3]] as [string, string] };
  return mm[5] ? { ...base, unit: mm[5] } : base;
}

function readTables(R: Reader) {
  return R.g.rows.map((r) => {
    const [id, name, level, hints, required, title, total, derived] = r.cells;
    return {
      id,
      name,
      level,
      sheetNames: list(hints),
      required: R.bool(r.row, "必填", required) ?? true,
      templateTitle: opt(title),
      templateTotal: R.bool(r.row, "模板总计", total) ?? false,
      derived: list(derived)
        .map((d) => readDerived(R, r.row, d))
        .filter((x) => x !== null),
      columns: [] as unknown[],
    };
  });
}

/** One row of 指标 as a column spec (only the cells given). */
function readColumn(R: Reader, r: Grid["rows"][number]): Record<string, unknown> {
  const [, id, name, syn, type, unit, units, relYear, required, role, missingAs, direction, tYears, tSub, note] =
    r.cells;
  const c: Record<string, unknown> = {
    id,
    name,
    synonyms: list(syn),
    type,
    required: R.bool(r.row, "必填", required) ?? false,
    direction: direction || "higher",
  };
  if (unit) c.unit = unit;
  if (units) c.units = R.wrap(r.row, "其他单位", () => Object.fromEntries(list(units).map(unitFactor)));
  if (relYear !== "") c.relYear = R.optNum(r.row, "年份", relYear);
  if (role) c.role = role;
  if (missingAs !== "")
    c.missingAs = type === "bool" ? R.bool(r.row, "空白按", missingAs) : R.optNum(r.row, "空白按", missingAs);
  if (tYears) c.templateYears = R.wrap(r.row, "模板年份", () => list(tYears).map(parseNum));
  if (tSub) c.templateSub = tSub;
  if (note) c.note = note;
  return c;
}

const unitFactor = (x: string): [string, number] => {
  const [u, f] = x.split(/[:：]/);
  return [u.trim(), parseNum(f ?? "")];
};

/** The 指标 rows into their tables' columns. */
function readColumns(R: Reader, tables: ReturnType<typeof readTables>): void {
  for (const r of R.g.rows) {
    const t = tables.find((x) => x.id === r.cells[0]);
    if (!t) R.P.at(R.g.name, r.row, 0, say("zh", "scheme.noDataTable", { table: r.cells[0] }));
    else t.columns.push(readColumn(R, r));
  }
}

function readGroups(R: Reader | null) {
  return (R?.g.rows ?? []).map((r) => {
    const [id, name, weight, cap, resp] = r.cells;
    const g: Record<string, unknown> = {
      id,
      name,
      weight: R!.optNum(r.row, "权重", weight),
      cap: R!.bool(r.row, "封顶", cap) ?? true,
    };
    if (resp) g.responsible = resp;
    return g;
  });
}

function readParams(R: Reader | null) {
  return (R?.g.rows ?? []).map((r) => {
    const [id, name, syn, type, unit, required, def, mean, note] = r.cells;
    const p: Record<string, unknown> = {
      id,
      name,
      synonyms: list(syn),
      type,
      required: R!.bool(r.row, "必填", required) ?? false,
    };
    if (unit) p.unit = unit;
    if (def !== "") p.default = type === "number" ? R!.optNum(r.row, "默认值", def) : def;
    if (mean) {
      const [table, column] = mean.split(".");
      p.fallbackMeanOf = { table, column };
    }
    if (note) p.note = note;
    return p;
  });
}

/** The 规则 rows: the 指标 and 满分 columns and the 参数 text as the rule's kind reads them. */
function readRules(R: Reader) {
  return R.g.rows.map((r) => {
    const [id, clause, group, role, field, kind, ptext, max, label, description] = r.cells;
    const o: Record<string, unknown> = { id, clause, role: role || "score", kind, label, description };
    if (group) o.group = group;
    const codec = codecOf(kind);
    const fk = codec?.column ?? "field";
    o[fk] = fk === "fields" ? list(field) : field;
    Object.assign(o, R.wrap(r.row, "参数", () => parseParams(ptext, kind)) ?? {});
    const mk = codec?.max?.key;
    if (mk && max !== "") o[mk] = R.optNum(r.row, "满分", max);
    if (!mk && max !== "") R.P.at(R.g.name, r.row, R.col("满分"), say("zh", "scheme.maxByParams", { kind }));
    return o;
  });
}

/** 奖励规则 and 结果运用规则: the fixed columns and the 参数 text. */
function readOthers(R: Reader | null, names: string[]) {
  return (R?.g.rows ?? []).map((r) => {
    const o: Record<string, unknown> = Object.fromEntries(names.map((n, i) => [n, r.cells[i]]));
    delete o.ptext;
    return { ...o, ...(R!.wrap(r.row, "参数", () => parseParams(r.cells[3], o.kind as string)) ?? {}) };
  });
}

function readOptions(R: Reader | null) {
  const choice = (x: string) => {
    const [cid, cname, ...desc] = x.split(":");
    return { id: cid, name: cname ?? cid, description: desc.join(":") || cname || cid };
  };
  return (R?.g.rows ?? []).map((r) => {
    const [id, name, def, choices] = r.cells;
    const list = choices
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
    return { id, name, default: def, choices: list.map(choice) };
  });
}

/** The scheme's own fields from 方案 (ranking, checks, grading, …) around the parts read from the other sheets. */
function schemeInput(meta: ReturnType<typeof readMeta>, parts: Record<string, unknown>): Record<string, unknown> {
  const { m, notes, exclude } = meta;
  const input: Record<string, unknown> = {
    schemaVersion: m.schemaVersion ? Number(m.schemaVersion) : 1,
    id: m.id,
    name: m.name,
    source: m.source,
    entityTable: m.entityTable,
    ...parts,
    notes,
    exclude,
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
  return input;
}

/** The sheets of a scheme, read and validated; every wrong edit is named with its sheet and cell. */
export function schemeFromSheets(sheets: readonly SheetData[]): Scheme {
  const P = new Problems();
  const meta = readMeta(grid(sheets, "方案", ["字段", "值"], P), P);
  const read = (name: string, cols: string[], required: boolean) => {
    const g = grid(sheets, name, cols, P, required);
    return g ? new Reader(P, g) : null;
  };
  const tablesR = read("数据表", TABLE_COLS, true);
  const colsR = read("指标", COLUMN_COLS, true);
  const groupsR = read("分组", GROUP_COLS, false);
  const paramsR = read("方案参数", PARAM_COLS, false);
  const rulesR = read("规则", RULE_COLS, true);
  const awardsR = read("奖励规则", AWARD_COLS, false);
  const usageR = read("结果运用规则", USAGE_COLS, false);
  const optionsR = read("选项", OPTION_COLS, false);
  if (P.list.length) throw new SchemeError(P.list);
  const tables = readTables(tablesR!);
  readColumns(colsR!, tables);
  const groups = readGroups(groupsR);
  const parts = {
    tables,
    params: readParams(paramsR),
    groups,
    rules: readRules(rulesR!),
    awards: readOthers(awardsR, ["id", "clause", "kind", "ptext", "unit", "label", "description"]),
    usage: readOthers(usageR, ["id", "clause", "kind", "ptext", "outcome", "description"]),
    options: readOptions(optionsR),
  };
  const glossary = glossaryFromSheets(sheets);
  P.list.push(...glossary.problems);
  if (P.list.length) throw new SchemeError(P.list);
  try {
    return parseScheme(schemeInput(meta, { ...parts, glossary: glossary.glossary }));
  } catch (e) {
    if (e instanceof SchemeError)
      throw new SchemeError(e.problems.map((p) => locate(p, rulesR!.g, awardsR?.g ?? null)));
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
