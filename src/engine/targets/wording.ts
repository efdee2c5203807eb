/**
 * Reading the words of a target: "15家以上", "增长12%以上", "超过100亿元", "力争达350亿元", "50家左右", "不少于3个".
 * Pure.
 */
import type { DirectionT } from "./schema";
import { toHalfWidth } from "../read/normalise";
import { t } from "../i18n";
import type { Lang } from "../types";

export interface TargetWording {
  kind: "level" | "growth";
  value: number;
  /** for a range "2-3个": the upper end (the lower end is `value`) */
  upper?: number;
  unit: string;
  direction: DirectionT;
  aspirational: boolean;
}

export const UNIT_RE = "亿元|万元|万美元|美元|亿|万|家|个|户|项|人|支|座|台|次|%|亩|座|项目";
const NUM = "(\\d+(?:\\.\\d+)?)";

/** The direction stated around a number: before (超过 / 不少于 / 突破 / 不超过) or after (以上 / 左右 / 以内). */
export function directionOf(before: string, after: string): DirectionT {
  if (/^(左右|上下)/.test(after)) return "band";
  if (/(不超过|不高于|控制在|以内|以下)$/.test(before) || /^(以内|以下)/.test(after)) return "atMost";
  if (/^以上/.test(after) || /(不少于|不低于|至少|达到|达|实现|完成|确保)$/.test(before)) return "atLeast";
  if (/(超过|超|突破|高于)$/.test(before)) return "above";
  return "atLeast";
}

/** One target wording, e.g. what a target cell holds ("≥15", "增长12%以上", "超过100亿元"). Null when none. */
export function readWording(text: string): TargetWording | null {
  const s = toHalfWidth(text).replace(/\s+/g, "");
  const m = new RegExp(`${NUM}(?:[-–~至到]${NUM})?(${UNIT_RE})?`).exec(s);
  if (!m) return null;
  const before = s.slice(0, m.index);
  const after = s.slice(m.index + m[0].length);
  const growth = /(增长|增速|提升|提高)[^\d]{0,4}$/.test(before) && m[3] === "%";
  let direction = directionOf(before.replace(/^.*?(增长|增速|提升|提高)/, ""), after);
  if (/^>=|^≥/.test(s)) direction = "atLeast";
  else if (/^>/.test(s)) direction = "above";
  else if (/^<=|^≤/.test(s)) direction = "atMost";
  const out: TargetWording = {
    kind: growth ? "growth" : "level",
    value: Number(m[1]),
    unit: m[3] ?? "",
    direction,
    aspirational: /力争|争取/.test(before),
  };
  if (m[2] !== undefined) out.upper = Number(m[2]);
  return out;
}

/**
 * A wording as printed in a result sheet: "≥ 15家", "增长 ≥ 12%", "> 100亿元", "50家左右 (±5%)". The unit is given in
 * the sheet's language by the caller (it is the scheme's word).
 */
export function wordingText(
  w: { kind: string; value?: number; unit: string; direction: DirectionT; aspirational?: boolean },
  tolerance = 0.05,
  lang: Lang = "zh",
): string {
  if (w.value === undefined) return "—";
  const sign = { atLeast: "≥ ", above: "> ", atMost: "≤ ", band: "" }[w.direction];
  const band = w.direction === "band" ? t(lang, "targets.wording.band", { pct: Math.round(tolerance * 100) }) : "";
  const aim = w.aspirational ? t(lang, "targets.wording.aspirational") : "";
  const growth = w.kind === "growth" ? t(lang, "targets.wording.growth") : "";
  return `${aim}${growth}${sign}${w.value}${w.unit}${band}`;
}
