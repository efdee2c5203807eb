/**
 * The group-level ranking (名次, name, one column per 一级指标, 得分, 附加分, 总分): what fits on one A4 landscape page
 * for schemes with many rules; the rule-level sheet stays beside it. In formula mode every number refers to the
 * rule-level sheet, so both follow the inputs together. Pure.
 */
import { newSheet, type PlanSheet } from "./sheet-plan";
import { a1 } from "../read/normalise";
import { header, noteRows, sheetRef, sheetTitle, titleRows, type PlanCtx } from "./plan-context";

/** The rows: the summary's values of the shown columns, "不予评价" in the total of a vetoed unit, the same styles. */
function groupRows(ctx: PlanCtx, g: PlanSheet, summary: PlanSheet, first: number, cols: string[]): void {
  const { run, tail } = ctx;
  const ruleCols = ctx.shownRules.length;
  const from = (c: number) => (c < 2 ? c : c + ruleCols);
  const totalAt = 2 + tail.filter((x) => x.id !== "remark").findIndex((x) => x.id === "total");
  for (let pos = 0; pos < run.order.length; pos++) {
    const src = summary.values[first + pos];
    const e = run.entities[run.order[pos]];
    g.values.push(cols.map((_, c) => (e.vetoed && c === totalAt ? ctx.tx("sheet.notRated") : (src[from(c)] ?? null))));
    const r = g.values.length - 1;
    const style = summary.styles.find((x) => x.rect.top === first + pos && (x.style === "vetoed" || x.style === "top"));
    if (style) g.styles.push({ rect: { top: r, left: 0, bottom: r, right: cols.length - 1 }, style: style.style });
  }
}

/** In formula mode, each cell whose summary cell is a formula refers to it. */
function groupFormulas(ctx: PlanCtx, g: PlanSheet, summary: PlanSheet, first: number, width: number): void {
  const ruleCols = ctx.shownRules.length;
  const from = (c: number) => (c < 2 ? c : c + ruleCols);
  g.formulas = [];
  const formulaCells = new Set((summary.formulas ?? []).map((f) => `${f.row},${f.col}`));
  for (let pos = 0; pos < ctx.run.order.length; pos++)
    for (let c = 0; c < width; c++)
      if (formulaCells.has(`${first + pos},${from(c)}`))
        g.formulas.push({ row: first + pos, col: c, formula: `${sheetRef("summary")}!${a1(first + pos, from(c))}` });
}

/** Number formats (as the summary's columns have them), print set-up and widths for one A4 landscape page. */
function groupLayout(ctx: PlanCtx, g: PlanSheet, summary: PlanSheet, first: number, names: string[]): void {
  const rows = ctx.run.order.length;
  const last = first + rows - 1;
  const ruleCols = ctx.shownRules.length;
  g.numberFormats.push({ rect: { top: first, left: 0, bottom: last, right: 0 }, format: "0" });
  names.forEach((_n, j) => {
    const f = summary.numberFormats.find((x) => x.rect.left === 2 + ruleCols + j && x.rect.top === first);
    if (f && rows)
      g.numberFormats.push({ rect: { top: first, left: 2 + j, bottom: last, right: 2 + j }, format: f.format });
  });
  g.print = { titleRows: [first - 1, first - 1], landscape: true };
  g.rowHeights = [{ row: first - 1, height: 48 }];
  g.freeze = { rows: first, cols: 2 };
  // widths in characters (a CJK character counts two): the longest name, up to 20; numbers 6.5
  const charWidth = (name: string) => [...name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 1);
  const nameWidth = Math.min(20, Math.max(8, ...ctx.run.entities.map((e) => charWidth(e.name))));
  g.widths = [4.5, nameWidth, ...names.map(() => 6.5)];
}

/** 分组排名, shown first, beside the rule-level summary it is drawn from. */
export function groupSheet(ctx: PlanCtx, summary: PlanSheet, first: number): PlanSheet {
  const { run, tx } = ctx;
  const g = newSheet("groups", tx("sheet.groups"));
  // the veto reason goes under the table (a column of it would not fit the page width)
  const names = ctx.tail.filter((x) => x.id !== "remark").map((x) => x.name);
  const cols = [String(summary.values[first - 1][0]), String(summary.values[first - 1][1]), ...names];
  titleRows(g, sheetTitle(ctx, tx("sheet.groups.heading")), ctx.sub, cols.length);
  header(g, cols);
  groupRows(ctx, g, summary, first, cols);
  if (ctx.opts.formulas) groupFormulas(ctx, g, summary, first, cols.length);
  groupLayout(ctx, g, summary, first, names);
  g.values.push([]);
  const notes = [tx("sheet.note.groups", { sheet: summary.name })];
  for (const i of run.order) {
    const e = run.entities[i];
    if (e.vetoed) notes.push(tx("sheet.entityVetoed", { name: e.name, reason: e.vetoReason ?? "" }));
  }
  noteRows(g, ctx, notes);
  return g;
}
