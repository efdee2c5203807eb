/**
 * How values are written in the cells of the scheme sheets (是 / 否, numbers, lists, conditions such as
 * `investment>=100 & statistical=是`, parameter references `@w.tax`), both ways. Pure; errors are thrown with the
 * words to show at the cell.
 */
import type { ConditionT } from "./parts";
import type { ValueKind } from "../score/kinds/kind";
import { t as text } from "../i18n";

export const yes = (b: boolean) => (b ? "是" : "否");
export function parseBool(s: string): boolean {
  const t = s.trim().toLowerCase();
  if (["是", "true", "y", "1", "√"].includes(t)) return true;
  if (["否", "false", "n", "0", "×", ""].includes(t)) return false;
  throw new Error(text("zh", "scheme.notYesNo", { text: s }));
}
export function parseNum(s: string): number {
  const t = s.trim();
  const n = Number(t);
  if (t === "" || !Number.isFinite(n)) throw new Error(text("zh", "scheme.notNumber", { text: s }));
  return n;
}
export const list = (s: string) =>
  s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function condText(c: ConditionT, defaultField?: string): string {
  const v =
    typeof c.value === "object" ? `@${c.value.param}` : typeof c.value === "boolean" ? yes(c.value) : String(c.value);
  const f = c.field === defaultField ? "" : c.field;
  return c.op === "is" ? `${f}=${v}` : `${f}${c.op}${v}`;
}
export function parseCond(s: string, defaultField?: string): ConditionT {
  const m = /^\s*([A-Za-z][\w.-]*)?\s*(>=|<=|>|<|=|≥|≤)\s*(.+?)\s*$/.exec(s);
  if (!m) throw new Error(text("zh", "scheme.condText", { text: s }));
  const field = m[1] ?? defaultField;
  if (!field) throw new Error(text("zh", "scheme.condField", { text: s }));
  const op = ({ "≥": ">=", "≤": "<=" } as Record<string, string>)[m[2]] ?? m[2];
  const raw = m[3];
  if (raw.startsWith("@")) return { field, op: op as ConditionT["op"], value: { param: raw.slice(1) } };
  if (op === "=" && /^(是|否|true|false)$/i.test(raw)) return { field, op: "is", value: parseBool(raw) };
  return { field, op: op as ConditionT["op"], value: parseNum(raw) };
}
export const condsText = (cs: ConditionT[], df?: string) => cs.map((c) => condText(c, df)).join(" & ");
export const parseConds = (s: string, df?: string) =>
  s
    .split("&")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => parseCond(x, df));

export function valueText(kind: ValueKind, v: unknown): string {
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
export function parseValue(kind: ValueKind, s: string): unknown {
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
      if (!table || !column) throw new Error(text("zh", "scheme.tableColumn", { text: s }));
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
