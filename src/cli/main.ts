/** zonescore: the command line. Same pipeline as the task pane, on .xlsx files. */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { builtInSchemeIds, getBuiltInScheme } from "../schemes";
import { parseScheme, SchemeError, type Scheme } from "../engine/scheme/schema";
import { schemeFromSheets, schemeToPlan } from "../engine/scheme/sheets";
import { check, checkAndScore, plan, runJson } from "../engine/pipeline";
import { buildTemplatePlan } from "../engine/output/template";
import { ExcelJsBook } from "../workbook/exceljs";
import { PackageError } from "../workbook/package";
import { samplePlan } from "../samples";
import type { Issue, Lang } from "../engine/types";
import { message } from "../engine/messages";
import { WorkbookFileError } from "../workbook/inspect";
import { langOf, parseCommandLine, suggest, type OptionSpecs, type Parsed } from "./args";
import { readInput, writeAtomic } from "./files";
import { loadBook, prepareOutputs, readSheets, writeJson } from "./io";
import { UsageError } from "./usage";
import { NO_PROGRESS, progress, progressAfterMs, type Progress } from "./progress";
import type { MappingFile, ResolvedTable } from "../engine/read/workbook";
import type { ScoreRun } from "../engine/score/result";
import { displayNumber } from "../engine/format";
import { WHATIF_COMMANDS, whatIfMain } from "./whatif";
import { schemeTitle, t } from "../engine/i18n";
import { schemeWord as word } from "../engine/i18n/scheme-words";

/** Options any command may take, with their types: a command lists which of them it accepts. */
const OPTIONS: OptionSpecs = {
  scheme: { type: "string" },
  year: { type: "string" },
  out: { type: "string" },
  json: { type: "string" },
  mapping: { type: "string" },
  "save-mapping": { type: "string" },
  force: { type: "boolean" },
  values: { type: "boolean" },
  separate: { type: "boolean" },
  option: { type: "string", multiple: true },
  format: { type: "string" },
  progress: { type: "boolean" },
  "detail-limit": { type: "string" },
};

/** Parse argv strictly for the command it names (see COMMANDS). */
export function parseArgs(argv: string[]): Parsed {
  return parseCommandLine(
    argv,
    (first) => {
      const c = first === undefined ? undefined : COMMANDS[first];
      if (!c) return null;
      const options: OptionSpecs = {};
      for (const k of c.options) options[k] = OPTIONS[k] ?? c.extraOptions?.[k] ?? { type: "string" };
      return { name: first!, options, positionals: c.positionals };
    },
    { ...OPTIONS, ...Object.assign({}, ...Object.values(COMMANDS).map((c) => c.extraOptions ?? {})) },
  );
}

type Opt = string | boolean | string[] | undefined;
const str = (v: Opt): string | undefined => (typeof v === "string" ? v : undefined);

/** A built-in id, a scheme .json file, or an .xlsx file with the scheme sheets (规则, 指标, …). */
async function resolveScheme(id: string | undefined, lang: Lang): Promise<Scheme> {
  if (id === undefined) throw UsageError.of("cli.needScheme");
  const b = getBuiltInScheme(id);
  if (b) return b;
  if (/\.json$/i.test(id) && fs.existsSync(id)) {
    const text = readInput(id).toString("utf8");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw UsageError.of("cli.badJson", { file: id, why: (e as Error).message });
    }
    return parseScheme(raw);
  }
  if (fs.existsSync(id) && (/\.xlsx$/i.test(id) || fs.statSync(id).isDirectory())) {
    const book = await loadBook(id, lang);
    return schemeFromSheets(await readSheets(book));
  }
  throw UsageError.of("cli.unknownScheme", (l) => ({ id, ids: builtInSchemeIds().join(t(l, "cli.listSep")) }));
}

/** --option rankReading=rank-linear (repeatable, or a=b,c=d) */
function schemeOptions(v: Opt, scheme: Scheme): Record<string, string> {
  if (v === undefined) return {};
  const out: Record<string, string> = {};
  const parts = (Array.isArray(v) ? v : [String(v)]).flatMap((x) => x.split(","));
  for (const part of parts) {
    const [k, c] = part.split("=");
    const o = scheme.options.find((x) => x.id === k);
    const has = scheme.options.map((x) => `${x.id}=${x.choices.map((y) => y.id).join("|")}`).join(", ");
    if (!o || !c) throw UsageError.of("cli.unknownSchemeOption", { part, scheme: scheme.id, has: has || "none" });
    if (!o.choices.some((x) => x.id === c))
      throw UsageError.of("cli.noChoice", { option: k, choice: c, choices: o.choices.map((x) => x.id).join(", ") });
    out[k] = c;
  }
  return out;
}

function yearOpt(v: Opt): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !Number.isInteger(n) || n < 1990 || n > 2100)
    throw UsageError.of("cli.badYear", { value: String(v) });
  return n;
}

/** --detail-limit N: above N units 加分明细 is one row per unit (a whole number ≥ 0). */
function detailLimitOpt(v: Opt): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isInteger(n) || n < 0)
    throw UsageError.of("cli.badDetailLimit", { value: String(v) });
  return n;
}

/** The mapping in force: a file given with --mapping, else what the workbook remembers. */
async function mappingFor(book: ExcelJsBook, file: string | undefined): Promise<MappingFile | undefined> {
  if (file !== undefined) {
    const text = readInput(file).toString("utf8");
    try {
      return JSON.parse(text) as MappingFile;
    } catch (e) {
      throw UsageError.of("cli.badJson", { file, why: (e as Error).message });
    }
  }
  return (await book.readSettings()) ?? undefined;
}

/** The mapping the reader used, as a file the user can edit and give back with --mapping. */
export function mappingFile(resolved: ResolvedTable[], aliases?: Record<string, string>): MappingFile {
  const tables: NonNullable<MappingFile["tables"]> = {};
  for (const t of resolved) {
    const columns: Record<string, string> = {};
    for (const c of t.columns) if (c.column) columns[c.id] = c.column;
    tables[t.table] = { sheet: t.sheet, columns };
  }
  return aliases && Object.keys(aliases).length ? { tables, aliases } : { tables };
}

/**
 * The input with the result sheets added, every part of the user's own left as it was; where the package does not
 * allow that, a refusal that says why and offers --separate (nothing is written).
 */
async function graftedCopy(book: ExcelJsBook, p: ReturnType<typeof plan>): Promise<Uint8Array> {
  await book.writeResult(p);
  try {
    return await book.toBuffer();
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    throw UsageError.of("cli.cannotGraft", (l) => ({ reason: e.text(l) }));
  }
}

/** --separate: the result sheets alone, as values, in a new workbook. */
async function separateBook(p: ReturnType<typeof plan>): Promise<Uint8Array> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.writeResult(p);
  return b.toBuffer();
}

/** A scheme given as a file is an input too. */
const schemeInput = (s: string | undefined): Array<[string, string | undefined]> =>
  s !== undefined && !getBuiltInScheme(s) ? [["--scheme", s]] : [];

function printIssues(issues: readonly Issue[], lang: Lang, err: (s: string) => void): void {
  for (const i of issues) {
    const where = i.sheet ? `${i.sheet}${i.cell ? "!" + i.cell : ""}` : "";
    const severity = t(lang, `sheet.severity.${i.severity}`);
    err(`${t(lang, "cli.issueLine", { severity, code: i.code, where, message: i.message, fix: i.fix ?? "" })}\n`);
  }
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
function pad(s: string, n: number): string {
  return s + " ".repeat(Math.max(0, n - width(s)));
}

const n2 = displayNumber;

/** The ranking table's columns after the name: score, bonus, base, total, grade (those the scheme has). */
function rankingColumns(scheme: Scheme, lang: Lang): Array<[string, (e: ScoreRun["entities"][number]) => string]> {
  const grouped = scheme.groups.length > 0;
  const cols: Array<[string, (e: ScoreRun["entities"][number]) => string]> = [];
  if (grouped) cols.push([t(lang, "cli.col.score"), (e) => n2(e.score)]);
  if (scheme.rules.some((r) => r.role === "bonus"))
    cols.push([t(lang, grouped ? "cli.col.bonusGrouped" : "cli.col.bonus"), (e) => n2(e.bonus)]);
  if (scheme.total.base) cols.push([t(lang, "cli.col.base"), (e) => (e.base === null ? "—" : n2(e.base))]);
  cols.push([t(lang, "cli.col.total"), (e) => n2(e.total)]);
  if (scheme.grading)
    cols.push([t(lang, "cli.col.grade"), (e) => (e.grade === undefined ? "—" : word(scheme, lang, e.grade))]);
  return cols;
}

/** The ranking as a text table: rank, name, the columns, vetoed units with their reason. */
export function rankingText(run: ScoreRun, scheme: Scheme, lang: Lang = "zh"): string {
  const nameW = Math.max(8, ...run.entities.map((e) => width(e.name)));
  const cols = rankingColumns(scheme, lang);
  const key = scheme.tables.find((x) => x.id === scheme.entityTable)?.columns.find((c) => c.role === "key")?.name;
  const nameHead = key === undefined ? t(lang, "cli.col.name") : word(scheme, lang, key);
  const head = `${pad(t(lang, "cli.col.rank"), 6)}${pad(nameHead, nameW + 2)}${cols.map((c) => pad(c[0], 9)).join("")}`;
  const lines = [head.trimEnd()];
  for (const i of run.order) {
    const e = run.entities[i];
    const name = pad(e.name, nameW + 2);
    if (e.vetoed) lines.push(`${pad("—", 6)}${name}${t(lang, "cli.vetoed", { reason: String(e.vetoReason) })}`);
    else lines.push(`${pad(String(e.rank ?? "—"), 6)}${name}${cols.map((c) => pad(c[1](e), 9)).join("")}`.trimEnd());
  }
  return lines.join("\n") + "\n";
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** standard error is a terminal (progress lines are shown there for long runs) */
  errTty?: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errTty: process.stderr.isTTY === true,
};

/** Progress lines for a long run: on a terminal, or wherever standard error goes with --progress. */
function progressFor(a: Parsed, lang: Lang, io: Io): Progress {
  if (a.opts.progress !== true && !io.errTty) return NO_PROGRESS;
  return progress({ lang, err: io.err, tty: io.errTty === true, afterMs: progressAfterMs() });
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (WHATIF_COMMANDS.has(argv[0])) return whatIfMain(argv, io);
  const lang = langOf(argv);
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zonescore: ${e.text(lang)}\n`);
      io.err(`${t(lang, "cli.seeHelp")}\n`);
      return 2;
    }
    if (e instanceof SchemeError) {
      io.err(`zonescore: ${e.text(lang)}\n`);
      return 2;
    }
    if (e instanceof WorkbookFileError) {
      io.err(`zonescore: ${message(lang, e.code, e.params)}\n`);
      return 2;
    }
    throw e;
  }
}

/** What a command takes and does. A new command is one entry here (its code may live in its own file). */
export interface Command {
  /** option names from OPTIONS (plus --help and --lang, which every command takes) */
  options: string[];
  /** options of its own, not in OPTIONS */
  extraOptions?: OptionSpecs;
  /** how many positional arguments after the command word: [min, max] */
  positionals: [number, number];
  run(a: Parsed, lang: Lang, io: Io): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  schemes: { options: [], positionals: [0, 0], run: cmdSchemes },
  template: { options: ["out"], positionals: [1, 1], run: cmdTemplate },
  sample: { options: ["out"], positionals: [1, 1], run: cmdTemplate },
  check: {
    options: ["scheme", "year", "json", "mapping", "save-mapping", "progress"],
    positionals: [1, 1],
    run: cmdCheck,
  },
  score: {
    options: [
      "scheme",
      "year",
      "out",
      "json",
      "mapping",
      "force",
      "values",
      "separate",
      "option",
      "detail-limit",
      "progress",
    ],
    positionals: [1, 1],
    run: cmdScore,
  },
  scheme: { options: ["out", "format"], positionals: [2, 2], run: cmdSchemeExport },
  help: { options: [], positionals: [0, 1], run: async (_a, lang, io) => (io.out(t(lang, "cli.help")), 0) },
};

async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === "targets") return (await import("./targets")).targetsMain(argv.slice(1), io);
  const a = parseArgs(argv);
  const lang = langOf(argv);
  if (a.opts.lang !== undefined && a.opts.lang !== "en" && a.opts.lang !== "zh") throw UsageError.of("cli.badLang");
  if (a.opts.help || a.cmd === "") {
    io.out(t(lang, "cli.help"));
    return a.cmd === "" && !a.opts.help ? 2 : 0;
  }
  const c = COMMANDS[a.cmd];
  if (!c) {
    const s = suggest(a.cmd, Object.keys(COMMANDS));
    throw UsageError.of("cli.unknownCommand", { cmd: a.cmd, suggest: s ?? "" });
  }
  return c.run(a, lang, io);
}

/** Every built-in scheme with its kind: those that score (with their options), then those that track targets. */
async function cmdSchemes(_a: Parsed, lang: Lang, io: Io): Promise<number> {
  for (const id of builtInSchemeIds()) {
    const s = getBuiltInScheme(id)!;
    io.out(`${id}\t${schemeTitle(s, lang)}\t${t(lang, "cli.kind.score")}\n`);
    for (const o of s.options)
      io.out(
        `  --option ${o.id}=${o.choices.map((c) => (c.id === o.default ? `[${c.id}]` : c.id)).join("|")}` +
          `\t${word(s, lang, o.name)}\n`,
      );
  }
  const { targetSchemeRows } = await import("./targets");
  for (const r of targetSchemeRows(lang))
    io.out(`${r.id}\t${r.name}\t${t(lang, "cli.kind.targets", { what: r.what })}\n`);
  return 0;
}

async function cmdTemplate(a: Parsed, lang: Lang, io: Io): Promise<number> {
  const out = str(a.opts.out);
  if (out === undefined) throw UsageError.of("cli.needOut");
  prepareOutputs(schemeInput(a.pos[0]), [["--out", out]], lang, io.err);
  const scheme = await resolveScheme(a.pos[0], lang);
  const p = a.cmd === "template" ? buildTemplatePlan(scheme, lang) : samplePlan(scheme);
  if (!p) throw UsageError.of("cli.noSample", { id: scheme.id });
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets(p);
  await writeAtomic(out, await book.toBuffer());
  io.out(`${out}\n`);
  return 0;
}

async function cmdCheck(a: Parsed, lang: Lang, io: Io): Promise<number> {
  const input = a.pos[0];
  const saveMapping = str(a.opts["save-mapping"]);
  const json = str(a.opts.json);
  prepareOutputs(
    [["input", input], ["--mapping", str(a.opts.mapping)], ...schemeInput(str(a.opts.scheme))],
    [
      ["--json", json],
      ["--save-mapping", saveMapping],
    ],
    lang,
    io.err,
  );
  const scheme = await resolveScheme(str(a.opts.scheme), lang);
  const year = yearOpt(a.opts.year);
  const progress = progressFor(a, lang, io);
  progress.stage("reading");
  const book = await loadBook(input, lang);
  const mapping = await mappingFor(book, str(a.opts.mapping));
  const sheets = await readSheets(book);
  progress.stage("checking");
  const c = check(sheets, scheme, { year, lang, mapping });
  if (saveMapping !== undefined)
    await writeAtomic(saveMapping, JSON.stringify(mappingFile(c.mapping, mapping?.aliases), null, 2) + "\n");
  printIssues(c.issues, lang, io.err);
  if (json !== undefined) progress.stage("json");
  await writeJson(json, runJson(scheme.id, c.issues, null, c.dataset?.year ?? null), io.out);
  progress.done();
  io.err(`${t(lang, "cli.checked", { errors: c.errors, warnings: c.warnings })}\n`);
  return c.errors ? 1 : 0;
}

async function cmdScore(a: Parsed, lang: Lang, io: Io): Promise<number> {
  const input = a.pos[0];
  const json = str(a.opts.json);
  const outFile = str(a.opts.out) ?? input.replace(/(\.xlsx)?$/i, ".zonescore.xlsx");
  prepareOutputs(
    [["input", input], ["--mapping", str(a.opts.mapping)], ...schemeInput(str(a.opts.scheme))],
    [
      ["--out", outFile],
      ["--json", json],
    ],
    lang,
    io.err,
  );
  const scheme = await resolveScheme(str(a.opts.scheme), lang);
  const year = yearOpt(a.opts.year);
  const detailLimit = detailLimitOpt(a.opts["detail-limit"]);
  const options = schemeOptions(a.opts.option, scheme);
  const progress = progressFor(a, lang, io);
  progress.stage("reading");
  const book = await loadBook(input, lang);
  const mapping = await mappingFor(book, str(a.opts.mapping));
  const sheets = await readSheets(book);
  progress.stage("scoring");
  const r = checkAndScore(sheets, scheme, { year, lang, force: a.opts.force === true, options, mapping });
  printIssues(r.allIssues, lang, io.err);
  if (json !== undefined) progress.stage("json");
  await writeJson(json, runJson(scheme.id, r.allIssues, r.run, r.dataset?.year ?? null), io.out);
  if (!r.run) {
    progress.done();
    io.err(`${t(lang, "cli.notScored", { errors: r.errors })}\n`);
    return 1;
  }
  // live formulas over the input cells by default; --values writes a frozen snapshot for archiving; --separate
  // writes the result sheets (values) alone into a new workbook
  const separate = a.opts.separate === true;
  progress.stage("planning");
  const p = plan(scheme, r.run, {
    lang,
    formulas: a.opts.values || separate ? undefined : { data: r.dataset!, sheets },
    detailLimit,
  });
  progress.stage("writing", { file: outFile });
  book.onRows = (sheet, done, total) => progress.rows(sheet, done, total);
  await writeAtomic(outFile, separate ? await separateBook(p) : await graftedCopy(book, p));
  progress.done();
  if (json !== "-") io.out(rankingText(r.run, scheme, lang));
  io.err(`${t(lang, "cli.wrote", { file: outFile, errors: r.errors, warnings: r.warnings })}\n`);
  return r.errors ? 1 : 0;
}

async function cmdSchemeExport(a: Parsed, lang: Lang, io: Io): Promise<number> {
  if (a.pos[0] !== "export") throw UsageError.of("cli.exportUsage");
  const out = str(a.opts.out);
  if (out === undefined) throw UsageError.of("cli.needOutFile");
  const format = str(a.opts.format) ?? (/\.xlsx$/i.test(out) ? "xlsx" : "json");
  if (format !== "json" && format !== "xlsx") throw UsageError.of("cli.badFormat", { format });
  prepareOutputs(schemeInput(a.pos[1]), [["--out", out]], lang, io.err);
  const scheme = await resolveScheme(a.pos[1], lang);
  if (format === "json") await writeAtomic(out, JSON.stringify(scheme, null, 2) + "\n");
  else {
    const book = await ExcelJsBook.create(ExcelJS);
    await book.addSheets(schemeToPlan(scheme));
    await writeAtomic(out, await book.toBuffer());
  }
  io.out(`${out}\n`);
  return 0;
}
