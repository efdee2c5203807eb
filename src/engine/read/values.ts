/** Reading cell values the way officials type them. Pure. */
import type { CellValue } from "../types";
import { toHalfWidth } from "./normalise";

export type NumberRead =
  | { kind: "number"; value: number; /** a unit typed in the cell (3亿元, 12%), to convert from */ unit?: string }
  | { kind: "missing" }
  | { kind: "invalid"; reason: "text" | "excel-error"; text: string };

const MISSING_MARKERS = new Set(["", "-", "--", "—", "——", "/", "无", "空", "n/a", "na"]);

export function isErrorCell(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (isErrorCell(v)) return v.error;
  return String(v);
}

/** A number from a cell: numbers stored as text, thousands separators, full-width digits, accounting negatives. */
const MISSING: { kind: "missing" } = Object.freeze({ kind: "missing" as const });
const TRUE: BoolRead = Object.freeze({ kind: "bool" as const, value: true });
const FALSE: BoolRead = Object.freeze({ kind: "bool" as const, value: false });

export function readNumber(v: CellValue): NumberRead {
  if (v === null) return MISSING;
  if (typeof v === "number")
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "invalid", reason: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "invalid", reason: "text", text: String(v) };
  if (isErrorCell(v)) return { kind: "invalid", reason: "excel-error", text: v.error };
  let s = toHalfWidth(v).replace(/[\s\u00a0]+/g, "");
  if (MISSING_MARKERS.has(s.toLowerCase())) return MISSING;
  if (/^#[A-Z/0!?]+[!?A]?$/.test(s)) return { kind: "invalid", reason: "excel-error", text: v };
  let neg = false;
  const acct = /^\((.*)\)$/.exec(s);
  if (acct) {
    neg = true;
    s = acct[1];
  }
  s = s.replace(/^[−–]/, "-");
  // a unit or a multiplier typed in the cell: 3亿元, 1.2万, 12%, 500万元, 80亩
  let unit: string | undefined;
  let mult = 1;
  const u = /^(.*?\d)(亿元|万元|千元|元|万亩|亩|公顷|平方米|%|‰|个|家|户|项|件|人|亿|万|千)$/.exec(s);
  if (u) {
    s = u[1];
    const w = u[2];
    if (w === "亿") mult = 1e8;
    else if (w === "万") mult = 1e4;
    else if (w === "千") mult = 1e3;
    else if (w === "千元") unit = "千元";
    else if (w === "万亩") {
      unit = "亩";
      mult = 1e4;
    } else unit = w;
  }
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s) || /^[+-]?\.\d+$/.test(s)) {
    const n = Number(s.replace(/,/g, "")) * mult;
    if (Number.isFinite(n))
      return unit ? { kind: "number", value: neg ? -n : n, unit } : { kind: "number", value: neg ? -n : n };
  }
  return { kind: "invalid", reason: "text", text: v };
}

export type BoolRead = { kind: "bool"; value: boolean } | { kind: "missing" } | { kind: "invalid"; text: string };

const TRUE_WORDS = new Set(["是", "y", "yes", "√", "✓", "✔", "1", "true", "对", "有", "已完成", "完成"]);
const FALSE_WORDS = new Set(["否", "n", "no", "×", "✗", "✘", "x", "0", "false", "不是", "未完成"]);

/** A yes/no cell: 是/否, Y/N, √/×, 1/0, TRUE/FALSE. */
export function readBool(v: CellValue): BoolRead {
  if (v === null) return MISSING;
  if (typeof v === "boolean") return v ? TRUE : FALSE;
  if (typeof v === "number") {
    if (v === 1) return TRUE;
    if (v === 0) return FALSE;
    return { kind: "invalid", text: String(v) };
  }
  if (isErrorCell(v)) return { kind: "invalid", text: v.error };
  const s = toHalfWidth(v).replace(/\s+/g, "").toLowerCase();
  if (s === "") return MISSING;
  if (TRUE_WORDS.has(s)) return TRUE;
  if (FALSE_WORDS.has(s)) return FALSE;
  return { kind: "invalid", text: v };
}

/** What a number format says a value is: a date (or time), a percentage, text, or nothing special (null). */
export function formatKind(format: string | undefined | null): "date" | "percent" | "text" | null {
  if (!format || /^general$/i.test(format)) return null;
  if (format === "@") return "text";
  // drop quoted literals, escaped characters, colours and conditions before looking at the codes
  const f = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, (m) => (/^\[(h+|m+|s+)\]$/i.test(m) ? "h" : ""))
    .replace(/_./g, "");
  if (/%/.test(f)) return "percent";
  if (/[yYdD]|[hH]|[sS]|上午|下午|AM\/PM|A\/P|年|月|日|时|分|秒/.test(f)) return "date";
  // m alone is a month or a minute: a date either way, unless it is part of a word like "mm" in a currency
  if (/m/i.test(f)) return "date";
  return null;
}

/** Excel's serial day number as yyyy-mm-dd (1900 date system), for messages. */
export function serialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 86400000);
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return String(serial);
  const iso = d.toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
