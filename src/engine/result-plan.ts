/** ScoreRun → the result sheets (加分汇总, 加分明细, 奖励测算, 校验结果). Pure. */
import type { Scheme } from "../schemes/schema";
import type { Issue, Lang } from "./types";
import type { ScoreRun } from "./result";
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "./plan";
import { parseA1 } from "./text";

const SEVERITY_TEXT = { zh: { error: "错误", warning: "警告", info: "提示" }, en: { error: "error", warning: "warning", info: "info" } };

function titleRows(s: PlanSheet, title: string, subtitle: string, width: number): void {
  s.values.push([title], [subtitle]);
  s.merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 }, { top: 1, left: 0, bottom: 1, right: width - 1 });
  s.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: width - 1 }, style: "title" }, { rect: { top: 1, left: 0, bottom: 1, right: width - 1 }, style: "subtitle" });
}

function header(s: PlanSheet, cols: string[]): void {
  const r = s.values.length;
  s.values.push(cols);
  s.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: "header" });
  s.freeze = { rows: r + 1, cols: 2 };
}

export function buildResultPlan(scheme: Scheme, run: ScoreRun, issues: readonly Issue[], opts: { lang?: Lang; generatedAt?: string } = {}): ResultPlan {
  const lang = opts.lang ?? "zh";
  const stamp = opts.generatedAt ? ` · ${opts.generatedAt}` : "";
  const sub = `${scheme.source} · 考评年度 ${run.year} · ZoneScore 生成${stamp}`;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const sheets: PlanSheet[] = [];

  // 加分汇总: a row per zone, every rule's points, bonus total, base, total, rank
  const summary = newSheet("summary", "加分汇总");
  const cols = ["名次", "开发区", ...scheme.rules.map((r) => `${r.id} ${r.label}`), "加分合计", "基础得分", "总分"];
  titleRows(summary, `${scheme.name} — 加分汇总（${run.year}年度）`, sub, cols.length);
  header(summary, cols);
  const first = summary.values.length;
  for (const i of run.order) {
    const e = run.entities[i];
    summary.values.push([e.rank, e.name, ...e.parts.map((p) => p.points), e.bonus, e.base, e.total]);
    if (e.rank !== null && e.rank <= 3) summary.styles.push({ rect: { top: summary.values.length - 1, left: 0, bottom: summary.values.length - 1, right: cols.length - 1 }, style: "top" });
  }
  const last = summary.values.length - 1;
  if (last >= first) summary.numberFormats.push({ rect: { top: first, left: 2, bottom: last, right: cols.length - 1 }, format: "0.##" });
  summary.values.push([]);
  const notes = [...run.notes, `排名：总分从高到低，并列者名次相同（同 Excel RANK.EQ），并列行按开发区表中的顺序排列`, ...scheme.notes];
  if (errors || warnings) notes.push(`校验：${errors} 个错误，${warnings} 个警告，见「校验结果」`);
  for (const n of notes) {
    summary.values.push([`注：${n}`]);
    summary.styles.push({ rect: { top: summary.values.length - 1, left: 0, bottom: summary.values.length - 1, right: 0 }, style: "note" });
  }
  summary.widths = [6, 26, ...scheme.rules.map(() => 11), 10, 10, 10];
  sheets.push(summary);

  // 加分明细: a row per award of points, with the evidence
  const detail = newSheet("details", "加分明细");
  const dcols = ["开发区", "规则", "条款", "加分", "对象", "依据", "输入单元格"];
  titleRows(detail, `${scheme.name} — 加分明细（${run.year}年度）`, sub, dcols.length);
  header(detail, dcols);
  for (const d of run.details) {
    detail.values.push([d.entity, d.rule, d.clause, d.points, d.subject, d.basis, d.inputs.map((x) => x.ref).filter(Boolean).join("、")]);
  }
  detail.widths = [26, 14, 8, 8, 28, 80, 36];
  sheets.push(detail);

  // 奖励测算: money, land and salary points, with units
  const award = newSheet("awards", "奖励测算");
  const acols = ["开发区", "奖励", "条款", "金额/数量", "单位", "性质", "对象", "依据"];
  titleRows(award, `${scheme.name} — 奖励测算（${run.year}年度）`, sub, acols.length);
  header(award, acols);
  const order = new Map(run.order.map((e, i) => [e, i]));
  const aw = [...run.awards].sort((a, b) => order.get(a.entityIndex)! - order.get(b.entityIndex)!);
  for (const a of aw) award.values.push([a.entity, `${a.rule} ${a.label}`, a.clause, a.amount, a.unit, a.upTo ? "最高限额" : "按规定", a.subject, a.basis]);
  if (aw.length === 0) award.values.push(["（无）"]);
  award.widths = [26, 24, 8, 10, 14, 10, 28, 80];
  sheets.push(award);

  if (issues.length) sheets.push(issueSheet(issues, lang, `校验结果（${run.year}年度）`));
  return { sheets, activate: "summary" };
}

export function issueSheet(issues: readonly Issue[], lang: Lang, title: string): PlanSheet {
  const s = newSheet("issues", lang === "zh" ? "校验结果" : "Checks");
  const cols = lang === "zh" ? ["级别", "代码", "工作表", "单元格", "说明", "值", "建议"] : ["Severity", "Code", "Sheet", "Cell", "Message", "Value", "Suggestion"];
  titleRows(s, title, lang === "zh" ? "点击单元格地址可跳转到该单元格" : "Click a cell address to go to that cell", cols.length);
  header(s, cols);
  for (const i of issues) {
    const r = s.values.length;
    const row: PlanValue[] = [SEVERITY_TEXT[lang][i.severity], i.code, i.sheet, i.cell, i.message, i.value ?? null, i.fix ?? null];
    s.values.push(row);
    if (i.sheet && i.cell && isAddress(i.cell)) s.links.push({ row: r, col: 3, sheet: i.sheet, cell: i.cell });
    if (i.severity !== "info") s.styles.push({ rect: { top: r, left: 0, bottom: r, right: 0 }, style: i.severity });
  }
  s.freeze = { rows: 3, cols: 0 };
  s.widths = [8, 18, 16, 10, 70, 20, 24];
  return s;
}

function isAddress(a: string): boolean {
  try {
    parseA1(a);
    return true;
  } catch {
    return false;
  }
}
