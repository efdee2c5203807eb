/** ScoreRun → the result sheets (加分汇总, 加分明细, 奖励测算, 校验结果). Pure. */
import { formulaString, withinLimits } from "./limits";
import type { Scheme } from "../scheme/schema";
import type { Issue, Lang } from "../types";
import type { ScoreRun } from "../score/result";
import { newSheet, type PlanSheet, type PlanValue, type ResultPlan } from "./sheet-plan";
import { a1, parseA1 } from "../read/normalise";
import type { Dataset } from "../dataset";
import type { SheetData } from "../types";
import { Formulas } from "./formulas";
import { TOTAL_DECIMALS } from "../format";

const SEVERITY_TEXT = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

function titleRows(s: PlanSheet, title: string, subtitle: string, width: number): void {
  s.values.push([title], [subtitle]);
  s.merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 }, { top: 1, left: 0, bottom: 1, right: width - 1 });
  s.styles.push(
    { rect: { top: 0, left: 0, bottom: 0, right: width - 1 }, style: "title" },
    { rect: { top: 1, left: 0, bottom: 1, right: width - 1 }, style: "subtitle" },
  );
}

/** A rule's column title in the policy's words: its clause and short label (二(四) 产值目标), never the internal id. */
export function ruleHeader(rule: { clause: string; label: string }): string {
  return `${rule.clause} ${rule.label}`;
}

/**
 * A column's number format from its values: integers without decimals, otherwise two decimals (one format per
 * column, so that a column reads alike); with `dash`, zero shows as "—" (no points) rather than 0.
 */
export function columnFormat(values: readonly PlanValue[], dash: boolean): string {
  const whole = values.every((v) => typeof v !== "number" || Number.isInteger(Math.round(v * 100) / 100));
  const f = whole ? "0" : "0.00";
  return dash ? `${f};-${f};"—"` : f;
}

function formatColumns(s: PlanSheet, first: number, last: number, cols: number[], dash: boolean): void {
  if (last < first) return;
  for (const c of cols)
    s.numberFormats.push({
      rect: { top: first, left: c, bottom: last, right: c },
      format: columnFormat(
        s.values.slice(first, last + 1).map((r) => r[c] ?? null),
        dash,
      ),
    });
}

function header(s: PlanSheet, cols: string[]): void {
  const r = s.values.length;
  s.values.push(cols);
  s.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: "header" });
  s.freeze = { rows: r + 1, cols: 2 };
}

export interface PlanOptions {
  lang?: Lang;
  generatedAt?: string;
  /** live formulas on the input cells (needs the data and the sheets they came from); values when absent */
  formulas?: { data: Dataset; sheets: readonly SheetData[] };
}

export function buildResultPlan(
  scheme: Scheme,
  run: ScoreRun,
  issues: readonly Issue[],
  opts: PlanOptions = {},
): ResultPlan {
  const lang = opts.lang ?? "zh";
  const stamp = opts.generatedAt ? ` · ${opts.generatedAt}` : "";
  const sub = `${scheme.source} · 考评年度 ${run.year} · ZoneScore 生成${stamp}`;
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const sheets: PlanSheet[] = [];

  // 加分汇总: a row per entity, every rule's points, group subtotals, totals, rank
  const entitySpec = scheme.tables.find((t) => t.id === scheme.entityTable)!;
  const nameHeader = entitySpec.columns.find((c) => c.role === "key")?.name ?? "名称";
  const has = (role: string) => scheme.rules.some((r) => r.role === role && r.kind !== "veto");
  const hasBase = !!scheme.total.base && run.entities.some((e) => e.base !== null);
  const vetoRules = scheme.rules.map((r, k) => (r.kind === "veto" ? k : -1)).filter((k) => k >= 0);
  const shownRules = scheme.rules.map((_, k) => k).filter((k) => !vetoRules.includes(k));
  const summary = newSheet("summary", scheme.groups.length ? "评分汇总" : "加分汇总");
  const tail: Array<[string, (e: (typeof run.entities)[number]) => PlanValue]> = [];
  for (const g of scheme.groups)
    tail.push([`${g.name}（${g.weight}）`, (e) => (e.vetoed ? null : (e.groups[g.id] ?? 0))]);
  if (has("score") && scheme.groups.length) tail.push(["得分", (e) => (e.vetoed ? null : e.score)]);
  if (has("bonus")) tail.push([scheme.groups.length ? "附加分" : "加分合计", (e) => (e.vetoed ? null : e.bonus)]);
  if (has("deduction")) tail.push(["扣分", (e) => (e.vetoed ? null : e.deduction)]);
  if (hasBase || (scheme.total.base && !scheme.groups.length)) tail.push(["基础得分", (e) => e.base]);
  tail.push(["总分", (e) => (e.vetoed ? null : e.total)]);
  if (scheme.grading) tail.push(["等级", (e) => e.grade ?? null]);
  if (vetoRules.length) tail.push(["备注", (e) => (e.vetoed ? `不予评价：${e.vetoReason}` : null)]);
  const cols = ["名次", nameHeader, ...shownRules.map((k) => ruleHeader(scheme.rules[k])), ...tail.map((t) => t[0])];
  titleRows(summary, `${scheme.name} — ${summary.name}（${run.year}年度）`, sub, cols.length);
  header(summary, cols);
  const first = summary.values.length;
  for (const i of run.order) {
    const e = run.entities[i];
    summary.values.push([
      e.rank,
      e.name,
      ...shownRules.map((k) => (e.vetoed ? null : e.points[k])),
      ...tail.map((t) => t[1](e)),
    ]);
    const r = summary.values.length - 1;
    if (e.vetoed)
      summary.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: "vetoed" });
    else if (e.rank !== null && e.rank <= 3)
      summary.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: "top" });
  }
  const last = summary.values.length - 1;
  const calc = opts.formulas ? newSheet("calc", "计算过程") : null;
  const formulaNote = opts.formulas
    ? summaryFormulas(
        scheme,
        run,
        summary,
        first,
        shownRules,
        tail.map((t) => t[0]),
        opts.formulas,
        calc!,
      )
    : null;
  if (last >= first) {
    summary.numberFormats.push({ rect: { top: first, left: 0, bottom: last, right: 0 }, format: "0" });
    // rule and bonus columns: "—" where a unit got no points; subtotals and totals show their 0
    const tailStart = 2 + shownRules.length;
    const numericTail = tail
      .map((t, j) => [t[0], tailStart + j] as const)
      .filter(([n]) => n !== "等级" && n !== "备注");
    formatColumns(
      summary,
      first,
      last,
      shownRules.map((_, j) => 2 + j),
      true,
    );
    formatColumns(
      summary,
      first,
      last,
      numericTail.filter(([n]) => n === "附加分" || n === "加分合计" || n === "扣分").map(([, c]) => c),
      true,
    );
    formatColumns(
      summary,
      first,
      last,
      numericTail.filter(([n]) => n !== "附加分" && n !== "加分合计" && n !== "扣分").map(([, c]) => c),
      false,
    );
  }
  summary.print = { titleRows: [first - 1, first - 1], landscape: true };
  // the audit trail: every score cell carries a note with the rule, the clause, the inputs and the arithmetic
  // (up to 20,000 cells; larger runs are explained row by row in the detail sheet)
  if (run.order.length * shownRules.length <= 20000) {
    summary.notes = [];
    run.order.forEach((i, pos) => {
      if (run.entities[i].vetoed) return;
      shownRules.forEach((k, j) =>
        summary.notes!.push({
          row: first + pos,
          col: 2 + j,
          text: `${scheme.rules[k].id} ${scheme.rules[k].label}\n${run.basis(k, i)}`,
        }),
      );
    });
  }
  summary.rowHeights = [{ row: first - 1, height: 48 }];
  summary.bars = {
    column: 2 + shownRules.length + tail.findIndex((t) => t[0] === "总分"),
    top: first,
    bottom: last,
    stackColumns: scheme.groups.length
      ? scheme.groups.map((g) => 2 + shownRules.length + tail.findIndex((t) => t[0].startsWith(g.name)))
      : shownRules.map((_, j) => 2 + j),
  };
  // the group view is the page a city hands on (tens of parks); above 500 units the rule-level sheet stands alone,
  // which also keeps a large write to Excel within its request budget
  const groupView =
    scheme.groups.length && run.order.length <= 500
      ? groupSheet(scheme, run, summary, first, shownRules.length, tail, !!opts.formulas, sub)
      : null;
  summary.values.push([]);
  // a note that names a rule by its internal id (2.4.output) names it in the policy's words instead
  const named = scheme.rules
    .filter((r) => /[a-z]/i.test(r.id))
    .sort((a, b) => b.id.length - a.id.length)
    .map((r) => [r.id, ruleHeader(r)] as const);
  const words = (n: string) => named.reduce((t, [id, h]) => t.split(id).join(h), n);
  const notes = [...run.notes, ...scheme.notes].map(words);
  notes.push(formulaNote ?? "本表为数值（存档版）：修改输入表不会改变本表；需要随输入自动更新时请用公式模式");
  if (errors || warnings) notes.push(`校验：${errors} 个错误，${warnings} 个警告，见「校验结果」`);
  for (const n of notes) {
    summary.values.push([`注：${n}`]);
    summary.styles.push({
      rect: { top: summary.values.length - 1, left: 0, bottom: summary.values.length - 1, right: 0 },
      style: "note",
    });
  }
  summary.widths = [6, 26, ...shownRules.map(() => 11), ...tail.map((t) => (t[0] === "备注" ? 30 : 10))];
  if (groupView) sheets.push(groupView);
  sheets.push(summary);

  if (calc && calc.values.length > 1) sheets.push(calc);

  // 加分明细: a row per award of points, with the evidence
  const detail = newSheet("details", scheme.groups.length ? "得分明细" : "加分明细");
  const dcols = [nameHeader, "规则", "条款", "加分", "对象", "依据", "输入单元格"];
  titleRows(detail, `${scheme.name} — ${detail.name}（${run.year}年度）`, sub, dcols.length);
  header(detail, dcols);
  const ruleLabel = new Map(scheme.rules.map((r) => [r.id, r.label]));
  for (const d of run.details()) {
    detail.values.push([
      d.entity,
      ruleLabel.get(d.rule) ?? d.rule,
      d.clause,
      d.points,
      d.subject,
      d.basis,
      d.inputs
        .map((x) => x.ref)
        .filter(Boolean)
        .join("、"),
    ]);
  }
  formatColumns(detail, 3, detail.values.length - 1, [3], false);
  detail.print = { titleRows: [2, 2], landscape: true };
  detail.widths = [26, 14, 8, 8, 28, 80, 36];
  sheets.push(detail);

  // 奖励测算: money, land and salary points, with units
  const award = newSheet("awards", "奖励测算");
  const acols = [nameHeader, "奖励", "条款", "金额/数量", "单位", "性质", "对象", "依据"];
  titleRows(award, `${scheme.name} — 奖励测算（${run.year}年度）`, sub, acols.length);
  header(award, acols);
  const order = new Map(run.order.map((e, i) => [e, i]));
  const aw = [...run.awards].sort((a, b) => order.get(a.entityIndex)! - order.get(b.entityIndex)!);
  for (const a of aw)
    award.values.push([
      a.entity,
      a.label,
      a.clause,
      a.amount,
      a.unit,
      a.upTo ? "最高限额" : "按规定",
      a.subject,
      a.basis,
    ]);
  if (aw.length === 0) award.values.push(["（无）"]);
  if (opts.formulas) {
    const n = rankAwardFormulas(scheme, run, aw, award, {
      first,
      totalCol: 2 + shownRules.length + tail.findIndex((t) => t[0] === "总分"),
      data: opts.formulas.data,
    });
    if (n)
      award.values.push(
        [],
        [
          `注：按名次的奖励（${n} 个）为实时公式，随评分汇总中的名次和总分变化（并列者平分相应名次奖金）；输入修改后新进入奖励名次的单位不在本表中，请重新生成`,
        ],
      );
  }
  if (aw.length) formatColumns(award, 3, 3 + aw.length - 1, [3], false);
  award.print = { titleRows: [2, 2], landscape: true };
  award.widths = [26, 24, 8, 10, 14, 10, 28, 80];
  if (scheme.awards.length) sheets.push(award);

  // 结果运用: findings across years
  if (scheme.usage.length) {
    const use = newSheet("usage", "结果运用");
    const ucols = [nameHeader, "规则", "条款", "结果运用", "依据"];
    titleRows(use, `${scheme.name} — 结果运用（${run.year}年度）`, sub, ucols.length);
    header(use, ucols);
    // the rule in words (连续 2 年得分 ≥ 90), not its internal id
    const usageText = new Map(
      scheme.usage.map((u) => [
        u.id,
        u.kind === "score-streak" ? `连续 ${u.years} 年得分 ≥ ${u.minScore}` : `连续 ${u.years} 次排名后 ${u.n} 位`,
      ]),
    );
    for (const u of run.usage)
      use.values.push([u.entity, usageText.get(u.rule) ?? u.rule, u.clause, u.outcome, u.basis]);
    if (!run.usage.length) use.values.push(["（无）"]);
    use.widths = [26, 14, 12, 24, 80];
    sheets.push(use);
  }

  if (issues.length) sheets.push(issueSheet(issues, lang, `校验结果（${run.year}年度）`));
  return withinLimits({ sheets, activate: groupView ? "groups" : "summary" });
}

/**
 * The group-level ranking (名次, name, one column per 一级指标, 得分, 附加分, 总分, 备注): what fits on one A4 landscape
 * page for schemes with many rules; the rule-level sheet stays beside it. In formula mode every number refers to the
 * rule-level sheet, so both follow the inputs together.
 */
function groupSheet(
  scheme: Scheme,
  run: ScoreRun,
  summary: PlanSheet,
  first: number,
  ruleCols: number,
  tail: Array<[string, unknown]>,
  live: boolean,
  sub: string,
): PlanSheet {
  const g = newSheet("groups", "分组排名");
  // the veto reason goes under the table (a column of it would not fit the page width)
  const names = tail.map((t) => t[0]).filter((n) => n !== "备注");
  const cols = [String(summary.values[first - 1][0]), String(summary.values[first - 1][1]), ...names];
  titleRows(g, `${scheme.name} — 综合排名（${run.year}年度）`, sub, cols.length);
  header(g, cols);
  const from = (c: number) => (c < 2 ? c : c + ruleCols);
  const rows = run.order.length;
  for (let pos = 0; pos < rows; pos++) {
    const src = summary.values[first + pos];
    const e = run.entities[run.order[pos]];
    const totalAt = cols.indexOf("总分");
    g.values.push(cols.map((_, c) => (e.vetoed && c === totalAt ? "不予评价" : (src[from(c)] ?? null))));
    const r = g.values.length - 1;
    const style = summary.styles.find((x) => x.rect.top === first + pos && (x.style === "vetoed" || x.style === "top"));
    if (style) g.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: style.style });
  }
  const last = first + rows - 1;
  if (live) {
    g.formulas = [];
    const formulaCells = new Set((summary.formulas ?? []).map((f) => `${f.row},${f.col}`));
    for (let pos = 0; pos < rows; pos++)
      for (let c = 0; c < cols.length; c++)
        if (formulaCells.has(`${first + pos},${from(c)}`))
          g.formulas.push({ row: first + pos, col: c, formula: `${sheetRef("summary")}!${a1(first + pos, from(c))}` });
  }
  g.numberFormats.push({ rect: { top: first, left: 0, bottom: last, right: 0 }, format: "0" });
  names.forEach((n, j) => {
    const f = summary.numberFormats.find((x) => x.rect.left === 2 + ruleCols + j && x.rect.top === first);
    if (f && rows)
      g.numberFormats.push({ rect: { top: first, left: 2 + j, bottom: last, right: 2 + j }, format: f.format });
  });
  g.print = { titleRows: [first - 1, first - 1], landscape: true };
  g.rowHeights = [{ row: first - 1, height: 48 }];
  g.freeze = { rows: first, cols: 2 };
  // widths in characters (a CJK character counts two): the longest name, up to 20; numbers 6.5
  const nameWidth = Math.min(
    20,
    Math.max(8, ...run.entities.map((e) => [...e.name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 1))),
  );
  g.widths = [4.5, nameWidth, ...names.map(() => 6.5)];
  g.values.push([]);
  const notes = [`各一级指标得分由「${summary.name}」中的逐项指标得分汇总而来`];
  for (const i of run.order)
    if (run.entities[i].vetoed) notes.push(`${run.entities[i].name}不予评价：${run.entities[i].vetoReason}`);
  for (const n of notes) {
    g.values.push([`注：${n}`]);
    g.styles.push({
      rect: { top: g.values.length - 1, left: 0, bottom: g.values.length - 1, right: 0 },
      style: "note",
    });
  }
  return g;
}

export function issueSheet(issues: readonly Issue[], lang: Lang, title: string): PlanSheet {
  const s = newSheet("issues", lang === "zh" ? "校验结果" : "Checks");
  const cols =
    lang === "zh"
      ? ["级别", "代码", "工作表", "单元格", "说明", "值", "建议"]
      : ["Severity", "Code", "Sheet", "Cell", "Message", "Value", "Suggestion"];
  titleRows(
    s,
    title,
    lang === "zh" ? "点击单元格地址可跳转到该单元格" : "Click a cell address to go to that cell",
    cols.length,
  );
  header(s, cols);
  for (const i of issues) {
    const r = s.values.length;
    const row: PlanValue[] = [
      SEVERITY_TEXT[lang][i.severity],
      i.code,
      i.sheet,
      i.cell,
      i.message,
      i.value ?? null,
      i.fix ?? null,
    ];
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

/**
 * Awards by place that rank by total, as live formulas on the summary's rank and total cells: the amount of the place,
 * or, for tied units under "pool", the amounts of the places they share split equally, rounded where the engine
 * rounds. Returns how many cells got a formula.
 */
function rankAwardFormulas(
  scheme: Scheme,
  run: ScoreRun,
  aw: ScoreRun["awards"],
  award: PlanSheet,
  at: { first: number; totalCol: number; data: Dataset },
): number {
  if (scheme.ranking.ties !== "competition" || at.totalCol < 2) return 0;
  const pos = new Map(run.order.map((e, k) => [e, k]));
  const ents = at.data.tables[scheme.entityTable];
  const col = (c: number) => a1(0, c).replace(/\d+$/, "");
  const lastRow = at.first + run.order.length;
  const totalRange = `${sheetRef("summary")}!$${col(at.totalCol)}$${at.first + 1}:$${col(at.totalCol)}$${lastRow}`;
  const formulas: Array<{ row: number; col: number; formula: string }> = [];
  aw.forEach((x, k) => {
    const a = scheme.awards.find((y) => y.id === x.rule);
    if (!a || a.kind !== "rank-amount") return;
    const byColumn = a.rankBy !== undefined && ents?.rows.some((r) => typeof r.values[a.rankBy!] === "number");
    if (byColumn || a.fallbackTargets.length) return;
    const row = at.first + pos.get(x.entityIndex)! + 1;
    const R = `${sheetRef("summary")}!$A$${row}`;
    const T = `${sheetRef("summary")}!$${col(at.totalCol)}$${row}`;
    const places = `{${a.amounts.map((_, j) => j + 1).join(",")}}`;
    const amounts = `{${a.amounts.join(",")}}`;
    const K = a.amounts.length;
    const tied = `COUNTIF(${totalRange},${T})`;
    const amount =
      a.ties === "pool"
        ? `ROUND(SUMPRODUCT((${places}>=${R})*(${places}<${R}+${tied})*${amounts})/${tied},${TOTAL_DECIMALS})`
        : `INDEX(${amounts},${R})`;
    formulas.push({ row: 3 + k, col: 3, formula: `IF(AND(ISNUMBER(${R}),${R}<=${K}),${amount},0)` });
  });
  if (formulas.length) award.formulas = [...(award.formulas ?? []), ...formulas];
  return formulas.length;
}

/** A reference to another result sheet, resolved by the adapter to the name it gets (⟦key⟧ → '名称'). */
export function sheetRef(key: string): string {
  return `⟦${key}⟧`;
}

/** Replace ⟦key⟧ placeholders with the quoted sheet names the adapter chose. */
export function resolveSheetRefs(formula: string, names: Record<string, string>): string {
  return formula.replace(/⟦([^⟧]+)⟧/g, (_m, k: string) => `'${(names[k] ?? k).replace(/'/g, "''")}'`);
}

/** Put live formulas over the summary's values; returns the sentence the sheet shows about them. */
function summaryFormulas(
  scheme: Scheme,
  run: ScoreRun,
  sheet: PlanSheet,
  first: number,
  shownRules: number[],
  tailNames: string[],
  src: { data: Dataset; sheets: readonly SheetData[] },
  calc: PlanSheet,
): string {
  const f = new Formulas({ scheme, run, data: src.data, sheets: src.sheets });
  const out: Array<{ row: number; col: number; formula: string }> = [];
  // lists that roll up (projects, enterprises): one row per item on 计算过程, summed per unit by an exact match on the name
  calc.values.push(["规则", "评价对象", "项目/企业", "得分"]);
  calc.styles.push({ rect: { top: 0, left: 0, bottom: 0, right: 3 }, style: "header" });
  calc.freeze = { rows: 1, cols: 0 };
  calc.widths = [12, 30, 36, 10];
  calc.formulas = [];
  const calcRange = new Map<number, { top: number; bottom: number }>();
  for (const k of shownRules) {
    const rows = f.listRows(k);
    if (!rows.length) continue;
    const top = calc.values.length;
    // the engine's points per item, as the cached results (and as the value where no formula reaches)
    const byItem = new Map<string, number>();
    for (const d of run.details())
      if (d.rule === scheme.rules[k].id)
        byItem.set(
          `${d.entityIndex}\u0000${d.subject}`,
          (byItem.get(`${d.entityIndex}\u0000${d.subject}`) ?? 0) + d.points,
        );
    for (const r of rows) {
      const e = run.entities[r.entity];
      calc.values.push([scheme.rules[k].id, e.name, r.subject, byItem.get(`${r.entity}\u0000${r.subject}`) ?? 0]);
      if (r.formula) calc.formulas.push({ row: calc.values.length - 1, col: 3, formula: r.formula });
    }
    calcRange.set(k, { top, bottom: calc.values.length - 1 });
  }
  const ruleCol = new Map(shownRules.map((k, j) => [k, 2 + j]));
  const tailCol = (name: string) => {
    const j = tailNames.findIndex((t) => t === name || t.startsWith(name));
    return j < 0 ? -1 : 2 + shownRules.length + j;
  };
  const lastRow = first + run.order.length - 1;
  const totalCol = tailCol("总分");
  const totalRange = `$${a1(first, totalCol).replace(/\d+$/, "")}$${first + 1}:$${a1(first, totalCol).replace(/\d+$/, "")}$${lastRow + 1}`;
  const cell = (r: number, c: number) => a1(r, c);
  let fallbackCells = 0;
  run.order.forEach((i, pos) => {
    const r = first + pos;
    const e = run.entities[i];
    if (e.vetoed) return;
    for (const k of shownRules) {
      const span = calcRange.get(k);
      const formula = span
        ? // an exact match on the name (SUMIFS would read * ? ~ and a leading = < > in a name as criteria: issue 15.6)
          `SUMPRODUCT((${sheetRef("calc")}!$B$${span.top + 1}:$B$${span.bottom + 1}=${cell(r, 1)})*${sheetRef("calc")}!$D$${span.top + 1}:$D$${span.bottom + 1})`
        : f.rule(k, i);
      if (formula) out.push({ row: r, col: ruleCol.get(k)!, formula });
      else fallbackCells++;
    }
    const cellsOf = (pred: (k: number) => boolean) => shownRules.filter(pred).map((k) => cell(r, ruleCol.get(k)!));
    const sum = (xs: string[]) => (xs.length ? `SUM(${xs.join(",")})` : "0");
    // subtotals and the total round at the engine's place (TOTAL_DECIMALS), each from the rule cells themselves,
    // so that RANK.EQ sees the totals the engine ranked (equal exact totals stay equal, whatever Excel's sum order)
    const R = (x: string) => `ROUND(${x},${TOTAL_DECIMALS})`;
    const rawGroups: string[] = [];
    for (const g of scheme.groups) {
      const c = tailCol(g.name);
      const parts = cellsOf((k) => scheme.rules[k].group === g.id && scheme.rules[k].role === "score");
      const raw = g.cap ? `MIN(${sum(parts)},${g.weight})` : sum(parts);
      out.push({ row: r, col: c, formula: R(raw) });
      rawGroups.push(raw);
    }
    const ungrouped = cellsOf((k) => scheme.rules[k].role === "score" && !scheme.rules[k].group);
    const scoreRaw = [...rawGroups, ...ungrouped];
    const scoreCol = tailCol("得分");
    if (scoreCol >= 0) out.push({ row: r, col: scoreCol, formula: R(scoreRaw.length ? scoreRaw.join("+") : "0") });
    const bonusCells = cellsOf((k) => scheme.rules[k].role === "bonus");
    const bonusCol = Math.max(tailCol("附加分"), tailCol("加分合计"));
    if (bonusCol >= 0) out.push({ row: r, col: bonusCol, formula: R(sum(bonusCells)) });
    const dedCells = cellsOf((k) => scheme.rules[k].role === "deduction");
    const dedCol = tailCol("扣分");
    if (dedCol >= 0) out.push({ row: r, col: dedCol, formula: R(sum(dedCells)) });
    const baseCol = tailCol("基础得分");
    if (baseCol >= 0 && scheme.total.base) {
      const t = src.data.tables[scheme.entityTable];
      const ref = f.ref(t, t.rows[i], scheme.total.base);
      if (ref) out.push({ row: r, col: baseCol, formula: ref });
    }
    const terms = [
      ...scoreRaw,
      bonusCells.length ? sum(bonusCells) : "",
      dedCells.length ? sum(dedCells) : "",
      baseCol >= 0 ? `N(${cell(r, baseCol)})` : "",
    ].filter(Boolean);
    out.push({ row: r, col: totalCol, formula: R(terms.length ? terms.join("+") : "0") });
    // rank: RANK.EQ for competition ranking, RANK.AVG for average; the dense rank stays a value
    if (scheme.ranking.ties === "competition")
      out.push({ row: r, col: 0, formula: `RANK.EQ(${cell(r, totalCol)},${totalRange},0)` });
    else if (scheme.ranking.ties === "average")
      out.push({ row: r, col: 0, formula: `RANK.AVG(${cell(r, totalCol)},${totalRange},0)` });
    else
      out.push({
        row: r,
        col: 0,
        formula: `SUMPRODUCT((${totalRange}>${cell(r, totalCol)})/COUNTIF(${totalRange},${totalRange}&""))+1`,
      });
    const gradeCol = tailCol("等级");
    if (gradeCol >= 0 && scheme.grading && scheme.ranking.ties === "competition") {
      const g = scheme.grading;
      const test = (j: number) =>
        g.method === "percentile"
          ? `${cell(r, 0)}<=ROUND(${g.bands[j]}*COUNT(${totalRange}),0)`
          : `${cell(r, totalCol)}>=${g.bands[j]}`;
      out.push({
        row: r,
        col: gradeCol,
        formula: g.bands.reduceRight(
          (acc, _b, j) => `IF(${test(j)},${formulaString(g.labels[j])},${acc})`,
          formulaString(g.labels[g.labels.length - 1]),
        ),
      });
    }
  });
  sheet.formulas = out;
  const why = [...f.fallbacks].map(([w, c]) => `${w} ${c} 个`).join("、");
  const calcNote = calcRange.size
    ? "；项目、企业的加分逐项列在「计算过程」，按评价对象汇总（归属按生成时的名称匹配）"
    : "";
  return `本表为实时公式：修改输入表中的数据后，得分、总分和名次自动重算${calcNote}${fallbackCells ? `；${fallbackCells} 个得分单元格为数值，不随输入变化（${why}）` : ""}`;
}
