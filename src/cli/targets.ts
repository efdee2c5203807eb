/**
 * zonescore targets: fill a target table (分解目标), track a period (进度跟踪), check projects, write templates and
 * samples. Options are parsed strictly as every command's are (src/cli/args.ts: an unknown option is refused with a
 * suggestion, exit 2); outputs are checked against the inputs before any work and written atomically (src/cli/io.ts,
 * src/cli/files.ts).
 */
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../workbook/exceljs";
import { getTargetScheme, targetSchemeIds } from "../schemes/targets";
import type { TargetSchemeT } from "../engine/targets/schema";
import { runFill, runProjects, runTrack, targetSchemeName, TargetError } from "../engine/targets";
import type { FillResult, TrackResult } from "../engine/targets";
import { inPlaceCells, type FillOptions } from "../engine/targets/fill";
import { a1 } from "../engine/read/normalise";
import { parsePeriod, type Period } from "../engine/targets/track";
import { statusText } from "../engine/targets/sheets";
import { projectFailing } from "../engine/targets/responsibility";
import { schemeWord } from "../engine/i18n/scheme-words";
import { targetSample, targetsTemplate } from "../samples/targets";
import { message } from "../engine/messages";
import { t } from "../engine/i18n";
import type { Lang } from "../engine/types";
import { langOf, parseCommandLine, type OptionSpec, type OptionSpecs } from "./args";
import { readInput, writeAtomic } from "./files";
import { loadBook, prepareOutputs, readSheets, writeJson } from "./io";
import { UsageError } from "./usage";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A usage error in both languages, from the catalogue. */
const usage = UsageError.of;

const VALUE: OptionSpec = { type: "string" };

/** Each subcommand's options (all take a value) and how many positional arguments follow it. */
const SUBCOMMANDS: Record<string, { options: string[]; positionals: [number, number] }> = {
  schemes: { options: [], positionals: [0, 0] },
  fill: {
    options: ["scheme", "method", "allocate", "weights", "prior", "out", "json", "into-table", "fix-totals"],
    positionals: [0, 1],
  },
  track: { options: ["scheme", "period", "out", "json", "tolerance"], positionals: [0, 1] },
  template: { options: ["out"], positionals: [0, 1] },
  sample: { options: ["out", "kind"], positionals: [0, 1] },
};

/** options without a value: the explicit confirmations of writing into the user's own table */
const FLAGS = new Set(["into-table", "fix-totals"]);

const ALL_OPTIONS: OptionSpecs = Object.fromEntries(
  [...new Set(Object.values(SUBCOMMANDS).flatMap((c) => c.options))].map((k) => [
    k,
    FLAGS.has(k) ? { type: "boolean" } : VALUE,
  ]),
);

interface Args {
  sub: string;
  pos: string[];
  opts: Record<string, string>;
  lang: Lang;
}

/** Strict parsing (src/cli/args.ts): unknown options with a suggestion, missing values, options given twice. */
function parse(argv: string[], lang: Lang): Args {
  const sub = argv[0] ?? "";
  if (!SUBCOMMANDS[sub]) throw usage("targets.cli.unknownSub", { sub });
  const a = parseCommandLine(
    argv,
    (first) => {
      const c = first === undefined ? undefined : SUBCOMMANDS[first];
      if (!c) return null;
      return { name: `targets ${first}`, positionals: c.positionals, options: pick(ALL_OPTIONS, c.options) };
    },
    ALL_OPTIONS,
  );
  const opts: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.opts)) if (typeof v === "string") opts[k] = v;
  for (const k of FLAGS) if (a.opts[k] === true) opts[k] = "yes";
  return { sub, pos: a.pos, opts, lang };
}

const pick = (o: OptionSpecs, keys: string[]): OptionSpecs => Object.fromEntries(keys.map((k) => [k, o[k]]));

function oneOf<T extends string>(v: string | undefined, allowed: readonly T[], name: string, dflt: T): T {
  if (v === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(v))
    throw usage("targets.cli.oneOf", { name, choices: allowed.join(","), value: v });
  return v as T;
}

function schemeOf(id: string | undefined): TargetSchemeT {
  if (!id) throw usage("targets.cli.schemeRequired");
  const s = getTargetScheme(id);
  if (!s) throw usage("targets.cli.noScheme", { id, ids: targetSchemeIds().join(",") });
  return s;
}

/** A JSON file given as an option, read as the user's input. */
function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readInput(file).toString("utf8"));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw usage("targets.cli.badJson", { file, why: (e as Error).message });
  }
}

/** --weights 单位=权重,… or a JSON file of them. */
function readMap(v: string | undefined, name: string): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  const obj = /\.json$/i.test(v)
    ? readJsonFile(v)
    : Object.fromEntries(
        v.split(/[,，]/).map((p) => {
          const [k, x] = p.split("=");
          return [k?.trim(), Number(x)];
        }),
      );
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj as Record<string, unknown>)) {
    if (!k || typeof x !== "number" || !Number.isFinite(x)) throw usage("targets.cli.notNumber", { name, key: k });
    out[k] = x;
  }
  return out;
}

/** The input and the outputs, checked before any work; option files (--prior, --weights W.json) are inputs too. */
function prepare(a: Args, io: Io, input: string | undefined): void {
  const weights = a.opts.weights !== undefined && /\.json$/i.test(a.opts.weights) ? a.opts.weights : undefined;
  prepareOutputs(
    [
      ["input", input],
      ["--weights", weights],
      ["--prior", a.opts.prior],
    ],
    [
      ["--out", a.opts.out],
      ["--json", a.opts.json],
    ],
    a.lang,
    io.err,
  );
}

function needOut(a: Args): string {
  if (!a.opts.out) throw usage("targets.cli.needOut");
  return a.opts.out;
}

function oneInput(a: Args): string {
  if (a.pos.length !== 1) throw usage("targets.cli.needInput");
  return a.pos[0];
}

export async function targetsMain(argv: string[], io: Io, lang: Lang = "zh"): Promise<number> {
  if (langOf(argv) === "en") lang = "en";
  try {
    return await run(argv, io, lang);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zonescore targets: ${e.text(lang)}\n${t(lang, "targets.cli.usage")}\n`);
      return 2;
    }
    if (e instanceof TargetError) {
      io.err(`zonescore targets: ${message(lang, e.code, e.params)}\n`);
      return 1;
    }
    throw e;
  }
}

async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  if (!argv.length || argv[0] === "--help" || argv[0] === "help") {
    io.out(t(lang, "targets.cli.usage") + "\n");
    return argv.length ? 0 : 2;
  }
  const a = parse(argv, lang);
  switch (a.sub) {
    case "schemes":
      return cmdSchemes(a, io);
    case "template":
    case "sample":
      return cmdSample(a, io);
    case "fill":
      return cmdFill(a, io);
    default:
      return cmdTrack(a, io);
  }
}

/** Each built-in target scheme: id, name, and what it offers (fill, track, project check). */
export function targetSchemeRows(lang: Lang): Array<{ id: string; name: string; what: string }> {
  return targetSchemeIds().map((id) => {
    const s = getTargetScheme(id)!;
    // a table is tracked too (its cells become targets: trackTargets in engine/targets/index.ts)
    const tracks = s.targets.length > 0 || !!s.table || !!s.responsibility;
    const what = [s.table ? t(lang, "targets.cli.fill") : "", tracks ? t(lang, "targets.cli.track") : ""]
      .filter(Boolean)
      .join("+");
    const projects = s.projectCheck ? t(lang, "targets.cli.projects") : "";
    return { id, name: targetSchemeName(s, lang), what: what + projects };
  });
}

/** targets schemes: each built-in target scheme and what it offers. */
function cmdSchemes(a: Args, io: Io): number {
  for (const r of targetSchemeRows(a.lang)) io.out(`${r.id}\t${r.name}\t${r.what}\n`);
  return 0;
}

/** targets template / sample: an input workbook for a scheme. */
async function cmdSample(a: Args, io: Io): Promise<number> {
  if (a.pos.length !== 1) throw usage("targets.cli.needScheme");
  const scheme = schemeOf(a.pos[0]);
  const out = needOut(a);
  const kind = oneOf(a.opts.kind, ["fill", "track"] as const, "kind", scheme.table ? "fill" : "track");
  prepare(a, io, undefined);
  const plan = a.sub === "template" ? targetsTemplate(scheme) : targetSample(scheme, kind);
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets(plan);
  await writeAtomic(out, await book.toBuffer());
  io.out(`${out}\n`);
  return 0;
}

/** The fill options from the command line. */
function fillOptions(a: Args): FillOptions {
  const method = oneOf(a.opts.method, ["geometric", "linear"] as const, "method", "geometric");
  const allocate = oneOf(a.opts.allocate, ["base", "growth", "weights"] as const, "allocate", "base");
  const weights = readMap(a.opts.weights, "weights");
  if (allocate === "weights" && !weights) throw usage("targets.cli.weightsNeeded");
  const prior = a.opts.prior === undefined ? undefined : (readJsonFile(a.opts.prior) as FillOptions["prior"]);
  return { method, allocate, weights, prior };
}

/** targets fill: the table with every empty cell proposed, written as the user's own sheet in a copy. */
async function cmdFill(a: Args, io: Io): Promise<number> {
  const { lang } = a;
  const input = oneInput(a);
  const scheme = schemeOf(a.opts.scheme);
  const fo = fillOptions(a);
  const out = needOut(a);
  if (a.opts["fix-totals"] && !a.opts["into-table"]) throw usage("targets.cli.fixNeedsInto");
  prepare(a, io, input);
  const book = await loadBook(input, lang);
  const r = runFill(await readSheets(book), scheme, { ...fo, lang });
  // confirmed by --into-table: the table's own empty cells too (and, with --fix-totals, the differing 总计)
  if (a.opts["into-table"]) await fillTable(book, r, !!a.opts["fix-totals"], a, io);
  // the accepted table becomes the user's own sheet (not replaced by a later run)
  await book.addSheets(r.plan);
  await writeAtomic(out, await book.toBuffer());
  await writeJson(a.opts.json, fillJson(scheme, fo, r), io.out);
  for (const f of r.fixes)
    io.err(
      t(lang, "targets.cli.totalCheck", {
        indicator: f.indicator,
        year: f.year ?? "",
        printed: f.printed,
        cell: f.cell ?? "",
        sum: f.sum,
      }) + "\n",
    );
  const proposed = r.proposal.source.flat().filter((x) => x === "proposed").length;
  io.err(t(lang, "targets.cli.wroteFill", { out, proposed }) + "\n");
  return 0;
}

/** Write the proposal into the empty cells of the user's own table; refused cells are named, never overwritten. */
async function fillTable(book: ExcelJsBook, r: FillResult, fixTotals: boolean, a: Args, io: Io): Promise<void> {
  const { lang } = a;
  const target = inPlaceCells(r.table, r.proposal, fixTotals ? r.fixes : []);
  if (!target) throw usage("targets.cli.noTableSheet");
  const rep = await book.fillCells(target.sheet, target.cells);
  for (const x of rep.refused) {
    const expected = target.cells.find((c) => a1(c.row, c.col) === x.cell)?.replaces ?? "";
    io.err(t(lang, `workbook.fill.${x.reason}`, { cell: x.cell, found: x.found, expected }) + "\n");
  }
  io.err(t(lang, "targets.cli.filledTable", { sheet: target.sheet, n: rep.filled.length }) + "\n");
}

function fillJson(scheme: TargetSchemeT, fo: FillOptions, r: FillResult) {
  return {
    scheme: scheme.id,
    method: fo.method,
    allocate: fo.allocate,
    units: r.proposal.units,
    columns: r.proposal.columns.map((c) => ({ indicator: c.indicator, year: c.year })),
    values: r.proposal.values,
    source: r.proposal.source,
    totals: r.proposal.totals,
    fixes: r.fixes,
  };
}

/** --period and --tolerance. */
function trackOptions(a: Args): { period: Period; tolerance?: number } {
  if (!a.opts.period) throw usage("targets.cli.periodRequired");
  const period = parsePeriod(a.opts.period);
  if (!period) throw usage("targets.cli.badPeriod", { period: a.opts.period });
  if (a.opts.tolerance === undefined) return { period };
  const tolerance = Number(a.opts.tolerance);
  if (!(tolerance >= 0 && tolerance <= 0.5)) throw usage("targets.cli.badTolerance");
  return { period, tolerance };
}

/** targets track: 进度跟踪 (and the project check where the scheme has one) in a copy of the workbook. */
async function cmdTrack(a: Args, io: Io): Promise<number> {
  const { lang } = a;
  const input = oneInput(a);
  const scheme = schemeOf(a.opts.scheme);
  const { period, tolerance } = trackOptions(a);
  const out = needOut(a);
  prepare(a, io, input);
  const book = await loadBook(input, lang);
  const sheets = await readSheets(book);
  const r = runTrack(sheets, scheme, period, { lang, tolerance });
  const projects = runProjects(sheets, scheme, lang);
  await book.writeResult({ sheets: [...r.plan.sheets, ...(projects?.plan.sheets ?? [])], activate: r.plan.activate });
  await writeAtomic(out, await book.toBuffer());
  await writeJson(a.opts.json, trackJson(scheme, r, projects, lang), io.out);
  const last = r.run.rows.map((x) => x.cells[x.cells.length - 1].status);
  const count = (s: string) => last.filter((x) => x === s).length;
  const counts = { done: count("已完成"), ahead: count("超序时进度"), behind: count("滞后"), none: count("未报送") };
  const label = t(lang, "targets.period", { label: period.label, key: period.key });
  io.err(t(lang, "targets.cli.wroteTrack", { period: label, ...counts, out }) + "\n");
  const thresholds = scheme.projectCheck?.thresholds ?? [];
  const word = (zh: string) => schemeWord(scheme, lang, zh);
  for (const p of projects?.results.filter((x) => !x.pass) ?? [])
    io.err(
      t(lang, "targets.cli.fails", {
        name: p.name,
        what: [...projectFailing(p, thresholds, word), ...p.missing.map(word)].join(t(lang, "targets.projects.sep")),
      }) + "\n",
    );
  return 0;
}

function trackJson(scheme: TargetSchemeT, r: TrackResult, projects: ReturnType<typeof runProjects>, lang: Lang) {
  return {
    scheme: scheme.id,
    periods: r.run.periods,
    rows: r.run.rows.map((x, i) => ({
      id: x.target.id,
      unit: x.target.unit,
      name: x.target.name,
      kind: x.target.kind,
      value: x.target.value ?? null,
      direction: x.target.direction,
      cells: x.cells.map((c) => ({ ...c, status: statusText(String(c.status), lang) })),
      rank: r.run.rank[i],
    })),
    lagging: r.run.lagging.map((i) => r.run.rows[i].target.id),
    unmatched: r.run.unmatched,
    projects: projects?.results ?? null,
  };
}
