/**
 * Tracking actuals against targets (进度跟踪): completion rate, 时序进度 (months elapsed ÷ 12), status (已完成 /
 * 超序时进度 / 滞后), growth on the same period last year, several periods side by side with the trend. Pure.
 */
import type { SheetData } from "../types";
import { cellAt, findTable } from "../read/table";
import { a1, nameKey, toHalfWidth } from "../read/normalise";
import { cellText, readNumber } from "../read/values";
import type { DirectionT } from "./schema";

export interface Period {
  /** 2023-09 */
  key: string;
  year: number;
  /** months elapsed (1–12) */
  months: number;
  /** 2023年1-9月 */
  label: string;
  /** 时序进度: months ÷ 12 */
  progress: number;
}

const CN_Q: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function period(year: number, months: number): Period {
  return {
    key: `${year}-${String(months).padStart(2, "0")}`,
    year,
    months,
    label: months === 1 ? `${year}年1月` : `${year}年1-${months}月`,
    progress: months / 12,
  };
}

/** "2023-09", "2023年1-9月", "2023年9月", "2023Q3", "2023年三季度", "2023-H1", "2023年上半年", "2023年" → a period. */
export function parsePeriod(text: string): Period | null {
  const s = toHalfWidth(text).replace(/\s+/g, "");
  let m = /^((?:19|20)\d{2})[-/.]?(\d{1,2})$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) return period(+m[1], +m[2]);
  m = /^((?:19|20)\d{2})年(?:1[-–~至])?(\d{1,2})月(?:份|末)?(?:累计)?$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) return period(+m[1], +m[2]);
  m = /^((?:19|20)\d{2})[-]?[Qq]([1-4])$/.exec(s);
  if (m) return period(+m[1], +m[2] * 3);
  m = /^((?:19|20)\d{2})年(?:第)?([一二三四1-4])季度$/.exec(s);
  if (m) return period(+m[1], (CN_Q[m[2]] ?? +m[2]) * 3);
  m = /^((?:19|20)\d{2})[-]?[Hh]([12])$/.exec(s);
  if (m) return period(+m[1], +m[2] * 6);
  m = /^((?:19|20)\d{2})年(上|下)半年$/.exec(s);
  if (m) return period(+m[1], m[2] === "上" ? 6 : 12);
  m = /^((?:19|20)\d{2})年?(?:全年)?$/.exec(s);
  if (m) return period(+m[1], 12);
  return null;
}

/** What one row tracks: a unit's target for an indicator. */
export interface TrackTarget {
  id: string;
  /** the responsible unit (lead) or the zone */
  unit: string;
  co: string[];
  name: string;
  kind: "level" | "growth" | "status";
  /** level: the value; growth: the rate in percent */
  value?: number;
  unit_: string;
  direction: DirectionT;
  aspirational: boolean;
  cumulative: boolean;
  cite: string;
}

export type Status = "已完成" | "超序时进度" | "滞后" | "未报送";

export interface TrackCell {
  actual: number | string | null;
  lastYear: number | null;
  /** level: actual ÷ target; growth: actual growth (0.12 for 12 %) */
  rate: number | null;
  /** a comparable completion: level rate, or growth ÷ target growth */
  completion: number | null;
  status: Status | string;
  /** the input cells, for formulas */
  actualCell?: string;
  lastYearCell?: string;
}

/** Status words a unit may report for a task tracked by status, and what each counts as (exact words). */
export const REPORTED_STATUS: Record<string, readonly string[]> = {
  已完成: ["已完成", "完成", "已办结"],
  超序时进度: ["超序时进度", "序时推进", "正常推进", "推进中"],
  滞后: ["滞后", "未完成", "落后"],
};

export function reportedStatus(text: string): string {
  const t = text.trim();
  for (const [k, words] of Object.entries(REPORTED_STATUS)) if (words.includes(t)) return k;
  return t;
}

/** Judge one target in one period. `tolerance` is the band of 左右 (±). */
export function judge(
  t: TrackTarget,
  p: Period,
  actual: number | string | null,
  lastYear: number | null,
  tolerance: number,
): TrackCell {
  const cell: TrackCell = { actual, lastYear, rate: null, completion: null, status: "未报送" };
  if (actual === null || actual === "") return cell;
  if (t.kind === "status" || typeof actual === "string") {
    cell.status = reportedStatus(typeof actual === "string" ? actual : String(actual));
    return cell;
  }
  const full = p.progress >= 1;
  if (t.kind === "growth") {
    if (lastYear === null || lastYear === 0) return cell;
    const g = actual / lastYear - 1;
    const target = (t.value ?? 0) / 100;
    cell.rate = g;
    cell.completion = target > 0 ? g / target : null;
    const met =
      t.direction === "band" ? g >= target - tolerance * target : t.direction === "above" ? g > target : g >= target;
    cell.status = met ? (full ? "已完成" : "超序时进度") : "滞后";
    return cell;
  }
  const v = t.value ?? 0;
  cell.rate = v === 0 ? null : actual / v;
  cell.completion = cell.rate;
  const progress = t.cumulative ? p.progress : 1;
  if (t.direction === "atMost") {
    cell.status = actual <= v ? (full ? "已完成" : "超序时进度") : "滞后";
    return cell;
  }
  const low = t.direction === "band" ? v * (1 - tolerance) : v;
  const done = t.direction === "above" ? actual > v : actual >= low;
  if (done) cell.status = t.cumulative || full ? "已完成" : "超序时进度";
  else cell.status = low > 0 && actual / low >= progress && !full ? "超序时进度" : "滞后";
  return cell;
}

/** The actuals sheet: rows (编号 / 单位 / 指标) × periods, each with 累计完成 and 上年同期. */
export interface ActualsTable {
  sheet: string;
  periods: Period[];
  rows: Array<{
    id: string;
    unit: string;
    name: string;
    row: number;
    cells: Array<{
      actual: number | string | null;
      lastYear: number | null;
      actualCell?: string;
      lastYearCell?: string;
    }>;
  }>;
}

/** Read the actuals: the header names 指标, and a group per period ("2023年1-9月") with 累计完成 / 上年同期. */
export function readActuals(sheets: readonly SheetData[]): ActualsTable | null {
  for (const sheet of sheets) {
    const raw = findTable(sheet, ["指标", "指标名称", "目标指标"]);
    if (!raw) continue;
    const colOf = (re: RegExp) => raw.columns.find((c) => c.path.length === 1 && re.test(c.path[0]))?.col;
    const nameCol = colOf(/^(指标|指标名称|目标指标)$/);
    const idCol = colOf(/^(编号|目标编号)$/);
    const unitCol = colOf(/^(责任单位|牵头单位|单位|开发区|职责单位)$/);
    const periods: Period[] = [];
    const pcols: Array<{ actual?: number; lastYear?: number }> = [];
    for (const hc of raw.columns) {
      const p = parsePeriod(hc.path[0]);
      if (!p) continue;
      let i = periods.findIndex((x) => x.key === p.key);
      if (i < 0) {
        periods.push(p);
        pcols.push({});
        i = periods.length - 1;
      }
      if (hc.path[1] && /上年|同期/.test(hc.path[1])) pcols[i].lastYear = hc.col;
      else pcols[i].actual = hc.col;
    }
    if (nameCol === undefined || !periods.length) continue;
    const rows: ActualsTable["rows"] = [];
    for (const r of raw.dataRows) {
      const name = cellText(cellAt(sheet, r, nameCol)).trim();
      if (!name) continue;
      rows.push({
        id: idCol === undefined ? "" : cellText(cellAt(sheet, r, idCol)).trim(),
        unit:
          unitCol === undefined
            ? ""
            : cellText(cellAt(sheet, r, unitCol))
                .replace(/\s*\n\s*/g, "")
                .trim(),
        name,
        row: r,
        cells: pcols.map((pc) => {
          const av = pc.actual === undefined ? null : cellAt(sheet, r, pc.actual);
          const an = readNumber(av);
          const actual = an.kind === "number" ? an.value : typeof av === "string" && av.trim() ? av.trim() : null;
          const ln = pc.lastYear === undefined ? null : readNumber(cellAt(sheet, r, pc.lastYear));
          return {
            actual,
            lastYear: ln && ln.kind === "number" ? ln.value : null,
            actualCell: pc.actual === undefined ? undefined : a1(r, pc.actual),
            lastYearCell: pc.lastYear === undefined ? undefined : a1(r, pc.lastYear),
          };
        }),
      });
    }
    // periods in time order
    const order = periods.map((_, i) => i).sort((x, y) => periods[x].key.localeCompare(periods[y].key));
    return {
      sheet: sheet.name,
      periods: order.map((i) => periods[i]),
      rows: rows.map((r) => ({ ...r, cells: order.map((i) => r.cells[i]) })),
    };
  }
  return null;
}

export interface TrackRow {
  target: TrackTarget;
  cells: TrackCell[];
  /** the row of the actuals sheet it was matched to */
  actualsRow?: number;
}

export interface TrackRun {
  periods: Period[];
  rows: TrackRow[];
  /** targets without a row in the actuals sheet */
  unmatched: string[];
  /** rows lagging in the last period */
  lagging: number[];
  /** rank by completion in the last period (1 = best; equal completions share a rank; null: no completion) */
  rank: Array<number | null>;
  /** ranked within each indicator (zones × indicators) or over all targets */
  rankBy: "indicator" | "all";
  tolerance: number;
  actualsSheet?: string;
}

/** Match targets to actual rows (by 编号, else by unit and indicator) and judge them up to `upTo`. */
export function track(
  targets: readonly TrackTarget[],
  actuals: ActualsTable,
  upTo: Period,
  tolerance: number,
): TrackRun {
  const periods = actuals.periods.filter((p) => p.year === upTo.year && p.months <= upTo.months);
  if (!periods.some((p) => p.key === upTo.key)) periods.push(upTo);
  periods.sort((a, b) => a.key.localeCompare(b.key));
  const idx = periods.map((p) => actuals.periods.findIndex((x) => x.key === p.key));
  const unmatched: string[] = [];
  const rows: TrackRow[] = targets.map((t) => {
    const hit =
      actuals.rows.find((r) => r.id && r.id === t.id) ??
      actuals.rows.find(
        (r) => nameKey(r.name) === nameKey(t.name) && (!r.unit || !t.unit || nameKey(r.unit) === nameKey(t.unit)),
      );
    if (!hit) unmatched.push(t.id);
    const cells = periods.map((p, k) => {
      const c = hit && idx[k] >= 0 ? hit.cells[idx[k]] : undefined;
      const out = judge(t, p, c?.actual ?? null, c?.lastYear ?? null, tolerance);
      if (c?.actualCell) out.actualCell = c.actualCell;
      if (c?.lastYearCell) out.lastYearCell = c.lastYearCell;
      return out;
    });
    return hit ? { target: t, cells, actualsRow: hit.row } : { target: t, cells };
  });
  const last = rows.map((r) => r.cells[r.cells.length - 1]);
  const lagging = last.map((c, i) => (c.status === "滞后" ? i : -1)).filter((i) => i >= 0);
  const comps = last.map((c) => c.completion);
  // several units under one indicator (zones × indicators): rank within the indicator; otherwise all targets together
  const key = rows.map((r) => nameKey(r.target.name));
  const rankBy: "indicator" | "all" = key.some((k, i) => key.indexOf(k) !== i) ? "indicator" : "all";
  const rank = comps.map((c, i) =>
    c === null
      ? null
      : 1 + comps.filter((x, j) => x !== null && x > c && (rankBy === "all" || key[j] === key[i])).length,
  );
  return { periods, rows, unmatched, lagging, rank, rankBy, tolerance, actualsSheet: actuals.sheet };
}
