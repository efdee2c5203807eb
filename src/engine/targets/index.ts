/**
 * The target tools' verbs, shared by the command line and the pane: fill a target table, track a period, check
 * projects. Pure (sheets in, plans and data out).
 */
import type { SheetData } from "../types";
import type { ResultPlan } from "../output/sheet-plan";
import type { TargetSchemeT, TargetTableT } from "./schema";
import { cellAt, findTable } from "../read/table";
import { a1, nameKey, parseHeader } from "../read/normalise";
import { cellText, readNumber } from "../read/values";
import { emptyTargetTable, proposeFill, readTargetTable, totalFixes, type FillOptions } from "./fill";
import type { FillProposal, TargetTableData, TotalFix } from "./fill";
import { readActuals, track, type Period, type TrackRun, type TrackTarget } from "./track";
import { checkProjects, readResponsibility, type ProjectResult, type ResponsibilityTable } from "./responsibility";
import { fillPlan, projectPlan, trackPlan } from "./sheets";
import { TargetError } from "./allocate";
import type { Lang } from "../types";
import { schemeWord } from "../i18n/scheme-words";

export { TargetError } from "./allocate";

export interface FillResult {
  table: TargetTableData;
  proposal: FillProposal;
  fixes: TotalFix[];
  plan: ResultPlan;
}

export function runFill(
  sheets: readonly SheetData[],
  scheme: TargetSchemeT,
  opts: FillOptions & { lang?: Lang },
): FillResult {
  const spec = scheme.table;
  if (!spec) throw new TargetError("no-table", { scheme: scheme.id });
  const table = readTargetTable(sheets, spec) ?? null;
  if (!table) throw new TargetError("table-not-found", { title: spec.title, header: spec.unitHeader.join("/") });
  const proposal = proposeFill(spec, table, { ...opts, word: (zh) => schemeWord(scheme, opts.lang ?? "zh", zh) });
  const fixes = totalFixes(spec, table);
  return {
    table,
    proposal,
    fixes,
    plan: { sheets: [fillPlan(scheme, proposal, fixes, opts.lang)], activate: "targets.fill" },
  };
}

export { emptyTargetTable };

/** The scheme's own list of targets. */
function schemeTargets(scheme: TargetSchemeT): TrackTarget[] {
  return scheme.targets.map((t) => ({
    id: t.id,
    unit: t.lead,
    co: t.co,
    name: t.name,
    kind: t.kind,
    value: t.value,
    unit_: t.unit,
    direction: t.direction,
    aspirational: t.aspirational,
    cumulative: t.cumulative,
    cite: t.cite,
  }));
}

/** The responsibility items that state no number, tracked by status (unless the scheme cites them already). */
function statusTargets(scheme: TargetSchemeT, resp: ResponsibilityTable): TrackTarget[] {
  const out: TrackTarget[] = [];
  for (const it of resp.items) {
    if (it.targets.length) continue;
    // already a status target of the scheme (cited by its words)
    if (scheme.targets.some((t) => t.kind === "status" && it.text.includes(t.cite))) continue;
    out.push({
      id: `S-${it.part.split("、")[0]}${it.section ? `-${it.section.split("、")[0]}` : ""}-${it.no ?? ""}`,
      unit: it.lead,
      co: it.co,
      name: it.text.split(/[。；]/)[0].slice(0, 40),
      kind: "status",
      unit_: "",
      direction: "atLeast",
      aspirational: false,
      cumulative: false,
      cite: `${it.section || it.part} ${it.no ?? ""}（${it.cell}）`,
    });
  }
  return out;
}

/** The annex's cells for the year (and its year-less columns): one level target per zone and indicator. */
function annexTargets(sheets: readonly SheetData[], spec: TargetTableT, year: number): TrackTarget[] {
  const out: TrackTarget[] = [];
  const table = readTargetTable(sheets, spec);
  if (!table) return out;
  table.columns.forEach((c, j) => {
    if (c.year !== year && !(c.year === null)) return;
    const ind = spec.indicators.find((i) => i.id === c.indicator)!;
    table.units.forEach((u, i) => {
      const v = table.values[i][j];
      if (v === null) return;
      out.push({
        id: `${ind.id}:${u}`,
        unit: u,
        co: [],
        name: ind.name,
        kind: "level",
        value: v,
        unit_: ind.unit,
        direction: "atLeast",
        aspirational: false,
        cumulative: true,
        cite: `${spec.title}（${table.sheet}）`,
      });
    });
  });
  return out;
}

/** The targets to track: the scheme's list, the responsibility items without a number (by status), or the annex. */
export function trackTargets(
  sheets: readonly SheetData[],
  scheme: TargetSchemeT,
  year: number,
): { targets: TrackTarget[]; responsibility: ResponsibilityTable | null } {
  const out = schemeTargets(scheme);
  const resp = scheme.responsibility ? readResponsibility(sheets) : null;
  if (resp) out.push(...statusTargets(scheme, resp));
  if (scheme.table) out.push(...annexTargets(sheets, scheme.table, year));
  return { targets: out, responsibility: resp };
}

/** The scheme's name in the user's language. */
export function targetSchemeName(scheme: TargetSchemeT, lang: Lang): string {
  return { zh: scheme.name, en: scheme.nameEn }[lang];
}

export interface TrackResult {
  run: TrackRun;
  plan: ResultPlan;
  responsibility: ResponsibilityTable | null;
}

/** The header words the actuals reader looks for, quoted in its refusal as the sheet must spell them. */
const ACTUALS_HEADERS = { indicator: "指标", period: "2023年1-9月", done: "累计完成", lastYear: "上年同期" };

export function runTrack(
  sheets: readonly SheetData[],
  scheme: TargetSchemeT,
  period: Period,
  opts: { lang?: Lang; tolerance?: number } = {},
): TrackResult {
  const actuals = readActuals(sheets);
  if (!actuals) throw new TargetError("actuals-not-found", ACTUALS_HEADERS);
  const { targets, responsibility } = trackTargets(sheets, scheme, period.year);
  if (!targets.length) throw new TargetError("no-targets", { scheme: scheme.id, year: period.year });
  const tol = opts.tolerance ?? scheme.bandTolerance;
  const run = track(targets, actuals, period, tol);
  const plan: ResultPlan = {
    sheets: [trackPlan(run, { lang: opts.lang, title: targetSchemeName(scheme, opts.lang ?? "zh"), scheme })],
    activate: "targets.track",
  };
  return { run, plan, responsibility };
}

/** The project list: a sheet whose header names 项目名称 and the thresholds' columns. */
export function runProjects(
  sheets: readonly SheetData[],
  scheme: TargetSchemeT,
  lang: Lang = "zh",
): { results: ProjectResult[]; plan: ResultPlan } | null {
  const pc = scheme.projectCheck;
  if (!pc) return null;
  for (const sheet of sheets) {
    const raw = findTable(sheet, ["项目名称", "项目"]);
    if (!raw) continue;
    const keyCol = raw.columns.find((c) => /^项目(名称)?$/.test(c.parts.key))?.col;
    const cols = pc.thresholds.map(
      (t) =>
        raw.columns.find((c) => [t.name, ...t.synonyms].some((n) => nameKey(parseHeader([n]).key) === c.parts.key))
          ?.col,
    );
    if (keyCol === undefined || cols.some((c) => c === undefined)) continue;
    const rows = raw.dataRows
      .map((r) => ({
        name: cellText(cellAt(sheet, r, keyCol)).trim(),
        row: r,
        values: cols.map((c) => {
          const n = readNumber(cellAt(sheet, r, c!));
          return n.kind === "number" ? n.value : null;
        }),
      }))
      .filter((x) => x.name);
    const results = checkProjects(rows, pc.thresholds);
    const cells = rows.map((x) => cols.map((c) => a1(x.row, c!)));
    return {
      results,
      plan: { sheets: [projectPlan(scheme, results, { sheet: sheet.name, cells }, lang)] },
    };
  }
  return null;
}
