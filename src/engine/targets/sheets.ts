/**
 * Result sheets of the target tools, as plans for the workbook port: the filled table in the annex's printed layout
 * (目标分解), the progress sheet with live formulas and conditional formatting (进度跟踪), the per-project threshold
 * check (项目约束核查), and the input sheets (templates and samples). Pure.
 */
import { newSheet, type PlanSheet, type PlanValue } from "../output/sheet-plan";
import { colLetters } from "../read/normalise";
import type { TargetSchemeT, TableIndicatorT } from "./schema";
import type { FillProposal, TotalFix } from "./fill";
import type { Period, TrackRun, TrackTarget } from "./track";
import { REPORTED_STATUS, STATUS_EN } from "./track";
import { wordingText } from "./wording";
import type { ProjectResult } from "./responsibility";
import type { Lang } from "../types";

/** a sheet name quoted for a formula */
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

const rect = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

function indicatorHeader(ind: TableIndicatorT): string {
  return `${ind.name}（${ind.unit}）`;
}

/** The filled table in the annex's own layout: title, two-row merged header, the units, a 总计 row of SUM formulas. */
export function fillPlan(scheme: TargetSchemeT, p: FillProposal, fixes: TotalFix[], lang: Lang = "zh"): PlanSheet {
  const spec = scheme.table!;
  const s = newSheet("targets.fill", lang === "zh" ? "目标分解" : "Targets filled");
  const byId = new Map(spec.indicators.map((i) => [i.id, i]));
  const w = p.columns.length + 1;
  s.values.push([spec.title]);
  s.merges.push(rect(0, 0, 0, w - 1));
  s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
  // two header rows: 开发区 merged down; each indicator merged across its years; a year-less column gets its unit
  const h1: PlanValue[] = [spec.unitHeader[0]];
  const h2: PlanValue[] = [null];
  s.merges.push(rect(1, 0, 2, 0));
  p.columns.forEach((c, j) => {
    const ind = byId.get(c.indicator)!;
    const first = j === 0 || p.columns[j - 1].indicator !== c.indicator;
    h1.push(first ? (c.year === null ? ind.name : indicatorHeader(ind)) : null);
    h2.push(c.year === null ? `数量（${ind.unit}）` : `${c.year}年`);
    if (first) {
      let k = j;
      while (k + 1 < p.columns.length && p.columns[k + 1].indicator === c.indicator) k++;
      if (k > j) s.merges.push(rect(1, j + 1, 1, k + 1));
    }
  });
  s.values.push(h1, h2);
  s.styles.push({ rect: rect(1, 0, 2, w - 1), style: "header" });
  const top = 3;
  p.units.forEach((u, i) => {
    s.values.push([u, ...p.values[i]]);
    p.source[i].forEach((src, j) => {
      if (src === "proposed") s.styles.push({ rect: rect(top + i, j + 1, top + i, j + 1), style: "top" });
    });
  });
  const bottom = top + p.units.length - 1;
  const totalRow = bottom + 1;
  s.values.push([lang === "zh" ? "总计" : "Total", ...p.totals]);
  p.columns.forEach((_, j) => {
    const L = colLetters(j + 1);
    s.formulas = s.formulas ?? [];
    s.formulas.push({ row: totalRow, col: j + 1, formula: `SUM(${L}${top + 1}:${L}${bottom + 1})` });
  });
  s.styles.push({ rect: rect(totalRow, 0, totalRow, w - 1), style: "header" });
  p.columns.forEach((c, j) => {
    const ind = byId.get(c.indicator)!;
    s.numberFormats.push({
      rect: rect(top, j + 1, totalRow, j + 1),
      format: ind.decimals ? `0.${"0".repeat(ind.decimals)}` : "0",
    });
  });
  // how it was made, in the sheet itself
  const notes: string[] = [
    lang === "zh"
      ? `黄色单元格为建议值（路径：${p.method === "geometric" ? "等比（年均增速相同）" : "等差（每年增量相同）"}；总目标分解：${{ base: "按基数占比", growth: "按增量占比", weights: "按输入权重" }[p.allocate]}），其余为原表已填数值，未作改动。`
      : `Yellow cells are proposals (path: ${p.method}; allocation: ${p.allocate}); the others are the table's own values, unchanged.`,
    lang === "zh"
      ? "取整：按表的精度用最大余数法，保证各开发区之和等于总目标；逐年递增、每个开发区的下限均已满足。总计行为 SUM 公式。"
      : "Rounded to the table's precision by largest remainder so that the members add up to the total exactly; rising series and floors kept. The total row is SUM formulas.",
  ];
  for (const ind of spec.indicators) notes.push(`${ind.name}：${ind.cite}`);
  for (const f of fixes) {
    const ind = byId.get(f.indicator)!;
    const label = `${ind.name}${f.year === null ? "" : ` ${f.year}年`}`;
    notes.push(
      lang === "zh"
        ? `总计核对：${label} 原表总计 ${f.printed}${f.cell ? `（${f.cell}）` : ""}，各开发区合计 ${f.sum}。建议二选一：总计改为 ${f.setTotal}；或各开发区改为 ${f.members.join("、")}（按占比补足差额）。`
        : `Total check: ${label} prints ${f.printed}${f.cell ? ` (${f.cell})` : ""} but its members add up to ${f.sum}. Either set the total to ${f.setTotal}, or set the members to ${f.members.join(", ")}.`,
    );
  }
  s.values.push([]);
  for (const n of notes) {
    s.values.push([n]);
    const r = s.values.length - 1;
    s.merges.push(rect(r, 0, r, w - 1));
    s.styles.push({ rect: rect(r, 0, r, w - 1), style: "wrap" });
    s.rowHeights = [...(s.rowHeights ?? []), { row: r, height: 30 }];
  }
  // a label over a single column (每年新开工建设工业项目, 新增上市…企业) wraps: a wider column and a taller header row
  const single = (j: number) =>
    (j === 0 || p.columns[j - 1].indicator !== p.columns[j].indicator) &&
    (j === p.columns.length - 1 || p.columns[j + 1].indicator !== p.columns[j].indicator);
  s.widths = [30, ...p.columns.map((_, j) => (single(j) ? 16 : 11))];
  s.rowHeights = [...(s.rowHeights ?? []), { row: 0, height: 28 }, { row: 1, height: 48 }, { row: 2, height: 20 }];
  s.freeze = { rows: 3, cols: 1 };
  s.print = { titleRows: [1, 2], landscape: true };
  return s;
}

/** Chinese or English status text for the JSON and the pane. */
export function statusText(status: string, lang: Lang): string {
  return lang === "zh" ? status : (STATUS_EN[status] ?? status);
}

export interface TrackPlanOptions {
  lang?: Lang;
  title: string;
}

/**
 * 进度跟踪: one row per target; per period 累计完成 and 上年同期 (formulas on the actuals sheet), 完成率 or 增速,
 * 状态; then 趋势 and 排名. 时序进度 sits in its own row above the data, as a formula (months/12).
 */
export function trackPlan(run: TrackRun, opts: TrackPlanOptions): PlanSheet {
  const lang = opts.lang ?? "zh";
  const zh = lang === "zh";
  const s = newSheet("targets.track", zh ? "进度跟踪" : "Progress");
  // the status words the formulas write, in the sheet's language
  const W = {
    done: statusText("已完成", lang),
    ahead: statusText("超序时进度", lang),
    behind: statusText("滞后", lang),
    none: statusText("未报送", lang),
  };
  s.formulas = [];
  const fixedCols = 6; // 序号 单位 指标 目标 目标值 类型
  const per = 4;
  const np = run.periods.length;
  const trendCol = fixedCols + per * np;
  const compCol = trendCol + 1;
  const rankCol = trendCol + 2;
  const w = rankCol + 1;
  const last = run.periods[np - 1];
  s.values.push([`${opts.title}${zh ? ` 进度跟踪（截至${last.label}）` : ` progress (to ${last.key})`}`]);
  s.merges.push(rect(0, 0, 0, w - 1));
  s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
  s.values.push([
    zh
      ? `时序进度 = 已过月数 ÷ 12。数量类：完成率 = 累计完成 ÷ 年度目标，≥100% 为已完成，≥ 时序进度为超序时进度，否则滞后；增长类：增速 = 累计 ÷ 上年同期 − 1，达到目标增速为超序时进度（全年为已完成）。“左右”目标按 ±${Math.round(run.tolerance * 100)}% 区间下限判断。实绩单元格引用「${run.actualsSheet ?? ""}」，修改实绩后本表自动重算。`
      : `Time progress = months elapsed ÷ 12. Counts: completion = cumulative ÷ annual target (≥100 % completed, ≥ time progress ahead, else behind); growth: cumulative ÷ same period last year − 1 against the target rate. Actuals are formulas on "${run.actualsSheet ?? ""}".`,
  ]);
  s.merges.push(rect(1, 0, 1, w - 1));
  s.styles.push({ rect: rect(1, 0, 1, w - 1), style: "wrap" });
  s.rowHeights = [{ row: 1, height: 45 }];
  const H1 = 2;
  const h1: PlanValue[] = zh
    ? ["序号", "责任单位", "指标", "年度目标", "目标值", "类型"]
    : ["No.", "Unit", "Indicator", "Target", "Value", "Kind"];
  const h2: PlanValue[] = new Array(fixedCols).fill(null);
  for (let c = 0; c < fixedCols; c++) s.merges.push(rect(H1, c, H1 + 1, c));
  run.periods.forEach((p, k) => {
    const c0 = fixedCols + per * k;
    h1.push(zh ? p.label : p.key, null, null, null);
    h2.push(...(zh ? ["累计完成", "上年同期", "完成率/增速", "状态"] : ["Cumulative", "Last year", "Rate", "Status"]));
    s.merges.push(rect(H1, c0, H1, c0 + per - 1));
  });
  const rankHead =
    run.rankBy === "indicator" ? (zh ? "完成度排名（同指标）" : "Rank (same indicator)") : zh ? "完成度排名" : "Rank";
  h1.push(zh ? "趋势（较上期）" : "Trend", zh ? "完成度" : "Completion", rankHead);
  h2.push(null, null, null);
  for (const c of [trendCol, compCol, rankCol]) s.merges.push(rect(H1, c, H1 + 1, c));
  s.values.push(h1, h2);
  s.styles.push({ rect: rect(H1, 0, H1 + 1, w - 1), style: "header" });
  // 时序进度 row
  const TP = H1 + 2;
  const tpRow: PlanValue[] = [null, null, zh ? "时序进度" : "Time progress", null, null, null];
  run.periods.forEach((p, k) => {
    const c0 = fixedCols + per * k;
    tpRow.push(null, null, p.progress, null);
    s.formulas!.push({ row: TP, col: c0 + 2, formula: `${p.months}/12` });
    s.numberFormats.push({ rect: rect(TP, c0 + 2, TP, c0 + 2), format: "0.0%" });
  });
  s.values.push(tpRow);
  s.styles.push({ rect: rect(TP, 0, TP, w - 1), style: "note" });
  const first = TP + 1;
  const lastRow = first + run.rows.length - 1;
  const src = run.actualsSheet ? quoteSheet(run.actualsSheet) : null;
  const ref = (cell: string | undefined) => (src && cell ? `${src}!${cell}` : null);
  const tol = run.tolerance;
  run.rows.forEach((row, i) => {
    const r = first + i;
    const t = row.target;
    const R = r + 1;
    const E = `$E${R}`;
    const vals: PlanValue[] = [
      i + 1,
      t.unit,
      t.name,
      t.kind === "status" ? (zh ? "按状态跟踪" : "by status") : wordingText({ ...t, unit: t.unit_ }, tol),
      t.kind === "growth" ? (t.value ?? 0) / 100 : (t.value ?? null),
      t.kind === "growth"
        ? zh
          ? "增长"
          : "growth"
        : t.kind === "status"
          ? zh
            ? "状态"
            : "status"
          : zh
            ? "数量"
            : "level",
    ];
    if (t.kind === "growth") s.numberFormats.push({ rect: rect(r, 4, r, 4), format: "0%" });
    row.cells.forEach((c, k) => {
      const c0 = fixedCols + per * k;
      const A = `${colLetters(c0)}${R}`;
      const L = `${colLetters(c0 + 1)}${R}`;
      const RT = `${colLetters(c0 + 2)}${R}`;
      const T = `${colLetters(c0 + 2)}$${TP + 1}`;
      vals.push(c.actual, c.lastYear, c.rate, statusText(String(c.status), lang));
      const ra = ref(c.actualCell);
      const rl = ref(c.lastYearCell);
      if (ra) s.formulas!.push({ row: r, col: c0, formula: `IF(${ra}="","",${ra})` });
      if (rl) s.formulas!.push({ row: r, col: c0 + 1, formula: `IF(${rl}="","",${rl})` });
      if (t.kind === "status") {
        // a reported word counts as one of the three statuses (序时推进 → 超序时进度), other words stay as typed
        const words = (k: string) => REPORTED_STATUS[k].map((x) => `${A}="${x}"`).join(",");
        s.formulas!.push({
          row: r,
          col: c0 + 3,
          formula: `IF(${A}="","${W.none}",IF(OR(${words("已完成")}),"${W.done}",IF(OR(${words("超序时进度")}),"${W.ahead}",IF(OR(${words("滞后")}),"${W.behind}",${A}))))`,
        });
        return;
      }
      const full = run.periods[k].progress >= 1;
      if (t.kind === "growth") {
        s.formulas!.push({ row: r, col: c0 + 2, formula: `IF(OR(${A}="",${L}="",N(${L})=0),"",${A}/${L}-1)` });
        const met =
          t.direction === "band" ? `${RT}>=${E}*(1-${tol})` : t.direction === "above" ? `${RT}>${E}` : `${RT}>=${E}`;
        s.formulas!.push({
          row: r,
          col: c0 + 3,
          formula: `IF(${RT}="","${W.none}",IF(${met},IF(${T}>=1,"${W.done}","${W.ahead}"),"${W.behind}"))`,
        });
        s.numberFormats.push({ rect: rect(r, c0 + 2, r, c0 + 2), format: "0.0%" });
        return;
      }
      s.formulas!.push({ row: r, col: c0 + 2, formula: `IF(OR(${A}="",N(${E})=0),"",${A}/${E})` });
      s.numberFormats.push({ rect: rect(r, c0 + 2, r, c0 + 2), format: "0.0%" });
      const progress = t.cumulative ? T : "1";
      let formula: string;
      if (t.direction === "atMost")
        formula = `IF(${A}="","${W.none}",IF(${A}<=${E},IF(${T}>=1,"${W.done}","${W.ahead}"),"${W.behind}"))`;
      else {
        const low = t.direction === "band" ? `${E}*(1-${tol})` : E;
        const done = t.direction === "above" ? `${A}>${E}` : `${A}>=${low}`;
        const doneText = t.cumulative || full ? `"${W.done}"` : `IF(${T}>=1,"${W.done}","${W.ahead}")`;
        formula = `IF(${A}="","${W.none}",IF(${done},${doneText},IF(AND(${low}>0,${A}/(${low})>=${progress},${T}<1),"${W.ahead}","${W.behind}")))`;
      }
      s.formulas!.push({ row: r, col: c0 + 3, formula });
    });
    // trend: this period's rate against the previous one; completion (growth ÷ target growth for growth targets)
    const lastC = row.cells[row.cells.length - 1];
    const prevC = row.cells.length > 1 ? row.cells[row.cells.length - 2] : null;
    const trend = lastC.rate !== null && prevC && prevC.rate !== null ? lastC.rate - prevC.rate : null;
    vals.push(trend, lastC.completion, run.rank[i]);
    if (np > 1) {
      const a = `${colLetters(fixedCols + per * (np - 1) + 2)}${R}`;
      const b = `${colLetters(fixedCols + per * (np - 2) + 2)}${R}`;
      s.formulas!.push({ row: r, col: trendCol, formula: `IF(OR(${a}="",${b}=""),"",${a}-${b})` });
    }
    const rt = `${colLetters(fixedCols + per * (np - 1) + 2)}${R}`;
    if (t.kind === "growth")
      s.formulas!.push({ row: r, col: compCol, formula: `IF(OR(${rt}="",N(${E})<=0),"",${rt}/${E})` });
    else if (t.kind === "level") s.formulas!.push({ row: r, col: compCol, formula: `IF(${rt}="","",${rt})` });
    const C = `${colLetters(compCol)}`;
    s.formulas!.push({
      row: r,
      col: rankCol,
      formula:
        run.rankBy === "all"
          ? `IF(ISNUMBER(${C}${R}),RANK(${C}${R},${C}$${first + 1}:${C}$${lastRow + 1}),"")`
          : `IF(ISNUMBER(${C}${R}),SUMPRODUCT(($C$${first + 1}:$C$${lastRow + 1}=$C${R})*ISNUMBER(${C}$${first + 1}:${C}$${lastRow + 1})*(${C}$${first + 1}:${C}$${lastRow + 1}>${C}${R}))+1,"")`,
    });
    s.values.push(vals);
  });
  if (run.rows.length) {
    s.numberFormats.push({ rect: rect(first, trendCol, lastRow, trendCol), format: '"▲"0.0%;"▼"0.0%;"—"' });
    s.numberFormats.push({ rect: rect(first, compCol, lastRow, compCol), format: "0.0%" });
    run.periods.forEach((_, k) => {
      const c = fixedCols + per * k + 3;
      const a = `${colLetters(c)}${first + 1}`;
      const area = rect(first, c, lastRow, c);
      s.conditional = s.conditional ?? [];
      s.conditional.push(
        { rect: area, formula: `${a}="${W.behind}"`, tone: "bad" },
        { rect: area, formula: `${a}="${W.ahead}"`, tone: "good" },
        { rect: area, formula: `${a}="${W.done}"`, tone: "ok" },
      );
    });
  }
  // the lagging list and the per-unit view (values as of writing; the table above stays live)
  s.values.push([]);
  const lagTitle = s.values.length;
  s.values.push([
    zh
      ? `滞后清单（${last.label}，写入时的数据；修改实绩后以上表“状态”列为准）`
      : `Behind schedule (${last.key}, as written; the status column above stays live)`,
  ]);
  s.styles.push({ rect: rect(lagTitle, 0, lagTitle, w - 1), style: "subtitle" });
  s.merges.push(rect(lagTitle, 0, lagTitle, w - 1));
  if (!run.lagging.length) s.values.push([zh ? "无" : "none"]);
  for (const i of run.lagging) {
    const row = run.rows[i];
    const c = row.cells[row.cells.length - 1];
    s.values.push([
      i + 1,
      row.target.unit,
      row.target.name,
      wordingText({ ...row.target, unit: row.target.unit_ }, tol),
      null,
      null,
      c.actual,
      null,
      c.rate,
    ]);
    s.numberFormats.push({ rect: rect(s.values.length - 1, 8, s.values.length - 1, 8), format: "0.0%" });
  }
  // per unit: targets led and co-owned, and how many are behind (live COUNTIFS on the table)
  const units = [...new Set(run.rows.map((r) => r.target.unit).filter(Boolean))];
  if (units.length > 1) {
    s.values.push([]);
    const ut = s.values.length;
    s.values.push([zh ? "按责任单位" : "By responsible unit"]);
    s.styles.push({ rect: rect(ut, 0, ut, w - 1), style: "subtitle" });
    s.merges.push(rect(ut, 0, ut, w - 1));
    const hr = s.values.length;
    s.values.push(
      zh
        ? [null, "责任单位", "牵头目标数", "协同目标数", "滞后（牵头）", "已完成（牵头）"]
        : [null, "Unit", "Leads", "Co-owns", "Behind (lead)", "Completed (lead)"],
    );
    s.styles.push({ rect: rect(hr, 1, hr, 5), style: "header" });
    const statusL = colLetters(fixedCols + per * (np - 1) + 3);
    for (const u of units) {
      const r = s.values.length;
      const lead = run.rows.filter((x) => x.target.unit === u);
      const co = run.rows.filter((x) => x.target.co.includes(u)).length;
      const behind = lead.filter((x) => x.cells[x.cells.length - 1].status === "滞后").length;
      const done = lead.filter((x) => x.cells[x.cells.length - 1].status === "已完成").length;
      s.values.push([null, u, lead.length, co, behind, done]);
      const B = `$B$${first + 1}:$B$${lastRow + 1}`;
      const S = `$${statusL}$${first + 1}:$${statusL}$${lastRow + 1}`;
      s.formulas.push({ row: r, col: 2, formula: `COUNTIF(${B},B${r + 1})` });
      s.formulas.push({ row: r, col: 4, formula: `COUNTIFS(${B},B${r + 1},${S},"${W.behind}")` });
      s.formulas.push({ row: r, col: 5, formula: `COUNTIFS(${B},B${r + 1},${S},"${W.done}")` });
    }
  }
  s.widths = [6, 18, 28, 22, 10, 8, ...run.periods.flatMap(() => [11, 11, 11, 11]), 12, 10, 10];
  s.freeze = { rows: TP + 1, cols: 3 };
  s.print = { titleRows: [H1, H1 + 1], landscape: true };
  return s;
}

/** 项目约束核查: each project's values against the thresholds, pass/fail as live formulas, failing ones named. */
export function projectPlan(
  scheme: TargetSchemeT,
  results: ProjectResult[],
  source: { sheet: string; cells: string[][] } | null,
  lang: Lang = "zh",
): PlanSheet {
  const pc = scheme.projectCheck!;
  const zh = lang === "zh";
  const s = newSheet("targets.projects", zh ? "项目约束核查" : "Project check");
  s.formulas = [];
  const th = pc.thresholds;
  const w = th.length + 3;
  s.values.push([pc.name]);
  s.merges.push(rect(0, 0, 0, w - 1));
  s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
  s.values.push([pc.cite]);
  s.merges.push(rect(1, 0, 1, w - 1));
  s.styles.push({ rect: rect(1, 0, 1, w - 1), style: "wrap" });
  s.rowHeights = [{ row: 1, height: 30 }];
  s.values.push([
    zh ? "项目名称" : "Project",
    ...th.map((t) => `${t.name}${t.unit ? `（${t.unit}）` : ""} ≥ ${t.min}`),
    zh ? "结论" : "Result",
    zh ? "未达标项" : "Failing",
  ]);
  s.styles.push({ rect: rect(2, 0, 2, w - 1), style: "header" });
  const src = source ? quoteSheet(source.sheet) : null;
  results.forEach((p, i) => {
    const r = 3 + i;
    const R = r + 1;
    s.values.push([
      p.name,
      ...p.values,
      p.pass ? (zh ? "达标" : "pass") : zh ? "未达标" : "fail",
      [...p.failing, ...p.missing.map((m) => `${m} ${zh ? "未填" : "missing"}`)].join("；"),
    ]);
    th.forEach((t, k) => {
      const cell = source?.cells[i]?.[k];
      if (src && cell) s.formulas!.push({ row: r, col: k + 1, formula: `IF(${src}!${cell}="","",${src}!${cell})` });
    });
    const conds = th.map((t, k) => `AND(ISNUMBER(${colLetters(k + 1)}${R}),${colLetters(k + 1)}${R}>=${t.min})`);
    s.formulas!.push({
      row: r,
      col: th.length + 1,
      formula: `IF(AND(${conds.join(",")}),"${zh ? "达标" : "pass"}","${zh ? "未达标" : "fail"}")`,
    });
  });
  if (results.length) {
    const c = th.length + 1;
    const a = `${colLetters(c)}4`;
    s.conditional = [
      { rect: rect(3, c, 2 + results.length, c), formula: `${a}="${zh ? "未达标" : "fail"}"`, tone: "bad" },
      { rect: rect(3, c, 2 + results.length, c), formula: `${a}="${zh ? "达标" : "pass"}"`, tone: "good" },
    ];
  }
  s.widths = [30, ...th.map(() => 16), 10, 40];
  s.freeze = { rows: 3, cols: 1 };
  return s;
}

/** The actuals sheet (月度调度): 编号, 责任单位, 指标, 年度目标, and per period 累计完成 / 上年同期. */
export function actualsSheet(
  targets: readonly TrackTarget[],
  periods: readonly Period[],
  data: Record<string, Array<[number | string | null, number | null]>> = {},
  title = "",
  tolerance = 0.05,
): PlanSheet {
  const s = newSheet("actuals", "月度调度");
  const w = 4 + periods.length * 2;
  let top = 0;
  if (title) {
    s.values.push([title]);
    s.merges.push(rect(0, 0, 0, w - 1));
    s.styles.push({ rect: rect(0, 0, 0, w - 1), style: "title" });
    top = 1;
  }
  s.values.push(["编号", "责任单位", "指标", "年度目标", ...periods.flatMap((p) => [p.label, null])]);
  s.values.push([null, null, null, null, ...periods.flatMap(() => ["累计完成", "上年同期"])]);
  for (let c = 0; c < 4; c++) s.merges.push(rect(top, c, top + 1, c));
  periods.forEach((_, k) => s.merges.push(rect(top, 4 + 2 * k, top, 5 + 2 * k)));
  s.styles.push({ rect: rect(top, 0, top + 1, w - 1), style: "header" });
  for (const t of targets) {
    const d = data[t.id] ?? [];
    s.values.push([
      t.id,
      t.unit,
      t.name,
      t.kind === "status" ? "按状态" : wordingText({ ...t, unit: t.unit_ }, tolerance),
      ...periods.flatMap((_, k) => [d[k]?.[0] ?? null, d[k]?.[1] ?? null]),
    ]);
  }
  s.widths = [9, 18, 30, 22, ...periods.flatMap(() => [11, 11])];
  s.freeze = { rows: top + 2, cols: 3 };
  return s;
}
