/** zonescore: the command line. Same pipeline as the task pane, on .xlsx files. */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { builtInSchemeIds, getBuiltInScheme } from "../schemes";
import { parseScheme, SchemeError, type Scheme } from "../engine/scheme/schema";
import { schemeFromSheets, schemeToPlan } from "../engine/scheme/sheets";
import { check, checkAndScore, plan, toJson } from "../engine/pipeline";
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
import type { MappingFile, ResolvedTable } from "../engine/read/workbook";
import type { ScoreRun } from "../engine/score/result";
import { displayNumber } from "../engine/format";
import { WHATIF_COMMANDS, whatIfMain } from "./whatif";

const HELP = `zonescore — 开发区考评助手 (ZoneScore) command line

用法 / usage:
  zonescore schemes                                   列出内置方案 / list built-in schemes
  zonescore template <scheme> --out F.xlsx            空白输入表 / write an empty input workbook
  zonescore sample <scheme> --out F.xlsx              示例输入表 / write the built-in sample workbook
  zonescore scheme export <scheme> --out F [--format json|xlsx]
                                                      方案导出为 JSON 或可编辑的规则表 / export a scheme
  zonescore check <in.xlsx> --scheme S [--year Y] [--json F] [--mapping M.json] [--save-mapping M.json]
                                                      校验 / check the indicator sheets
  zonescore score <in.xlsx> --scheme S [--year Y] [--out F.xlsx] [--json F] [--force]
                                                      评分 / score; writes a copy of the workbook with result sheets
  zonescore whatif <in.xlsx> --scheme S --set "单位/字段=值" [--gap 单位] …     推演 / what-if (see zonescore whatif)
  zonescore sensitivity <in.xlsx> --scheme S [--samples N] …              敏感性分析 / sensitivity

options:
  --scheme S   built-in id (see \`zonescore schemes\`), a scheme .json file, or an .xlsx with the rules sheets
  --year Y     evaluation year (overrides 参数!考评年度)
  --out F      output workbook (default: <in>.zonescore.xlsx beside the input; the input is never modified)
  --json F     also write the issues and results as JSON ("-" for standard output)
  --mapping M  which sheet is which table and which column is which indicator, plus name aliases (JSON);
               without it, the mapping saved in the workbook by the pane is used
  --save-mapping M   (check) write the mapping the reader used, to edit and give back with --mapping
  --force      score even when the data has errors
  --values     write the result sheets as values (an archive snapshot) instead of live formulas
  --separate   write the result sheets (as values) into a new workbook instead of a copy of the input
  --option K=V a reading where the policy is ambiguous, e.g. --option rankReading=rank-linear
               (zonescore schemes lists each scheme's options; the one in force is written in the results)
  --lang en    English messages (default: Chinese)

exit codes: 0 success (warnings allowed) · 1 the data has errors · 2 usage error
`;

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
  if (id === undefined)
    throw new UsageError("需要 --scheme（见 `zonescore schemes`）", "--scheme is required (see `zonescore schemes`)");
  const b = getBuiltInScheme(id);
  if (b) return b;
  if (/\.json$/i.test(id) && fs.existsSync(id)) {
    const text = readInput(id).toString("utf8");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new UsageError(
        `${id} 不是有效的 JSON：${(e as Error).message}`,
        `${id} is not valid JSON: ${(e as Error).message}`,
      );
    }
    return parseScheme(raw);
  }
  if (fs.existsSync(id) && (/\.xlsx$/i.test(id) || fs.statSync(id).isDirectory())) {
    const book = await loadBook(id, lang);
    return schemeFromSheets(await readSheets(book));
  }
  throw new UsageError(
    `未知方案“${id}”；内置方案：${builtInSchemeIds().join("、")}；或给出方案 .json / .xlsx 文件`,
    `unknown scheme "${id}"; built-in: ${builtInSchemeIds().join(", ")}; or a .json / .xlsx scheme file`,
  );
}

/** --option rankReading=rank-linear (repeatable, or a=b,c=d) */
function schemeOptions(v: Opt, scheme: Scheme): Record<string, string> {
  if (v === undefined) return {};
  const out: Record<string, string> = {};
  const parts = (Array.isArray(v) ? v : [String(v)]).flatMap((x) => x.split(","));
  for (const part of parts) {
    const [k, c] = part.split("=");
    const o = scheme.options.find((x) => x.id === k);
    const has = scheme.options.map((x) => `${x.id}=${x.choices.map((y) => y.id).join("|")}`).join(", ") || "none";
    if (!o || !c)
      throw new UsageError(
        `未知的 --option “${part}”；${scheme.id} 可选：${has}`,
        `unknown option "${part}"; ${scheme.id} has: ${has}`,
      );
    if (!o.choices.some((x) => x.id === c)) {
      const choices = o.choices.map((x) => x.id).join(", ");
      throw new UsageError(
        `选项 ${k} 没有“${c}”；可选：${choices}`,
        `option ${k} has no choice "${c}"; choices: ${choices}`,
      );
    }
    out[k] = c;
  }
  return out;
}

function yearOpt(v: Opt): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !Number.isInteger(n) || n < 1990 || n > 2100)
    throw new UsageError(
      `--year 应为年份，如 2023，而不是“${String(v)}”`,
      `--year must be a year such as 2023, not "${String(v)}"`,
    );
  return n;
}

/** The mapping in force: a file given with --mapping, else what the workbook remembers. */
async function mappingFor(book: ExcelJsBook, file: string | undefined): Promise<MappingFile | undefined> {
  if (file !== undefined) {
    const text = readInput(file).toString("utf8");
    try {
      return JSON.parse(text) as MappingFile;
    } catch (e) {
      throw new UsageError(
        `${file} 不是有效的 JSON：${(e as Error).message}`,
        `${file} is not valid JSON: ${(e as Error).message}`,
      );
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
    throw new UsageError(
      `无法在不改动原工作簿其他内容的前提下加入结果表：${e.zh}。未写入任何文件。可加 --separate，把结果（数值）写入一个新的工作簿。`,
      `cannot add the result sheets without changing the rest of the workbook: ${e.message}. Nothing was written. Use --separate to write the results (as values) into a new workbook.`,
    );
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

const SEV = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

function printIssues(issues: readonly Issue[], lang: Lang, err: (s: string) => void): void {
  for (const i of issues) {
    const where = i.sheet ? `${i.sheet}${i.cell ? "!" + i.cell : ""}` : "";
    err(
      `${SEV[lang][i.severity]} [${i.code}] ${where ? where + " " : ""}${i.message}${i.fix ? `（建议：${i.fix}）` : ""}\n`,
    );
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

export function rankingText(run: ScoreRun, scheme: Scheme): string {
  const nameW = Math.max(8, ...run.entities.map((e) => width(e.name)));
  const grouped = scheme.groups.length > 0;
  const cols: Array<[string, (e: ScoreRun["entities"][number]) => string]> = [];
  if (grouped) cols.push(["得分", (e) => n2(e.score)]);
  if (scheme.rules.some((r) => r.role === "bonus")) cols.push([grouped ? "附加分" : "加分", (e) => n2(e.bonus)]);
  if (scheme.total.base) cols.push(["基础分", (e) => (e.base === null ? "—" : n2(e.base))]);
  cols.push(["总分", (e) => n2(e.total)]);
  if (scheme.grading) cols.push(["等级", (e) => e.grade ?? "—"]);
  const head = `${pad("名次", 6)}${pad(scheme.tables.find((t) => t.id === scheme.entityTable)?.columns.find((c) => c.role === "key")?.name ?? "名称", nameW + 2)}${cols.map((c) => pad(c[0], 9)).join("")}`;
  const lines = [head.trimEnd()];
  for (const i of run.order) {
    const e = run.entities[i];
    if (e.vetoed) lines.push(`${pad("—", 6)}${pad(e.name, nameW + 2)}不予评价：${e.vetoReason}`);
    else
      lines.push(
        `${pad(String(e.rank ?? "—"), 6)}${pad(e.name, nameW + 2)}${cols.map((c) => pad(c[1](e), 9)).join("")}`.trimEnd(),
      );
  }
  return lines.join("\n") + "\n";
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (WHATIF_COMMANDS.has(argv[0])) return whatIfMain(argv, io);
  const lang = langOf(argv);
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zonescore: ${e.text(lang)}\n`);
      io.err(lang === "zh" ? "用法见 `zonescore --help`\n" : "`zonescore --help` for usage\n");
      return 2;
    }
    if (e instanceof SchemeError) {
      io.err(`zonescore: ${e.message}\n`);
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
    options: ["scheme", "year", "json", "mapping", "save-mapping"],
    positionals: [1, 1],
    run: cmdCheck,
  },
  score: {
    options: ["scheme", "year", "out", "json", "mapping", "force", "values", "separate", "option"],
    positionals: [1, 1],
    run: cmdScore,
  },
  scheme: { options: ["out", "format"], positionals: [2, 2], run: cmdSchemeExport },
  help: { options: [], positionals: [0, 1], run: async (_a, _l, io) => (io.out(HELP), 0) },
};

async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === "targets") return (await import("./targets")).targetsMain(argv.slice(1), io);
  const a = parseArgs(argv);
  const lang: Lang = a.opts.lang === "en" ? "en" : "zh";
  if (a.opts.lang !== undefined && a.opts.lang !== "en" && a.opts.lang !== "zh")
    throw new UsageError(`--lang 只能是 zh 或 en`, `--lang must be zh or en`);
  if (a.opts.help || a.cmd === "") {
    io.out(HELP);
    return a.cmd === "" && !a.opts.help ? 2 : 0;
  }
  const c = COMMANDS[a.cmd];
  if (!c) {
    const s = suggest(a.cmd, Object.keys(COMMANDS));
    throw new UsageError(
      `未知命令“${a.cmd}”${s ? `，是否要用 ${s}？` : ""}`,
      `unknown command "${a.cmd}"${s ? `; did you mean ${s}?` : ""}`,
    );
  }
  return c.run(a, lang, io);
}

async function cmdSchemes(_a: Parsed, lang: Lang, io: Io): Promise<number> {
  for (const id of builtInSchemeIds()) {
    const s = getBuiltInScheme(id)!;
    io.out(`${id}\t${lang === "en" && s.nameEn ? s.nameEn : s.name}\n`);
    for (const o of s.options)
      io.out(
        `  --option ${o.id}=${o.choices.map((c) => (c.id === o.default ? `[${c.id}]` : c.id)).join("|")}\t${o.name}\n`,
      );
  }
  return 0;
}

async function cmdTemplate(a: Parsed, lang: Lang, io: Io): Promise<number> {
  const out = str(a.opts.out);
  if (out === undefined) throw new UsageError("需要 --out F.xlsx", "--out F.xlsx is required");
  prepareOutputs(schemeInput(a.pos[0]), [["--out", out]], lang, io.err);
  const scheme = await resolveScheme(a.pos[0], lang);
  const p = a.cmd === "template" ? buildTemplatePlan(scheme) : samplePlan(scheme);
  if (!p) throw new UsageError(`${scheme.id} 没有内置示例`, `no built-in sample for ${scheme.id}`);
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
  const book = await loadBook(input, lang);
  const mapping = await mappingFor(book, str(a.opts.mapping));
  const c = check(await readSheets(book), scheme, { year, lang, mapping });
  if (saveMapping !== undefined)
    await writeAtomic(saveMapping, JSON.stringify(mappingFile(c.mapping, mapping?.aliases), null, 2) + "\n");
  printIssues(c.issues, lang, io.err);
  await writeJson(json, toJson(scheme.id, c.issues, null, c.dataset?.year ?? null), io.out);
  io.err(
    lang === "zh"
      ? `校验完成：${c.errors} 个错误，${c.warnings} 个警告\n`
      : `checked: ${c.errors} errors, ${c.warnings} warnings\n`,
  );
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
  const options = schemeOptions(a.opts.option, scheme);
  const book = await loadBook(input, lang);
  const mapping = await mappingFor(book, str(a.opts.mapping));
  const sheets = await readSheets(book);
  const r = checkAndScore(sheets, scheme, { year, lang, force: a.opts.force === true, options, mapping });
  printIssues(r.allIssues, lang, io.err);
  await writeJson(json, toJson(scheme.id, r.allIssues, r.run, r.dataset?.year ?? null), io.out);
  if (!r.run) {
    io.err(
      lang === "zh"
        ? `数据有 ${r.errors} 个错误，未评分（修正后重试，或用 --force）\n`
        : `the data has ${r.errors} errors; not scored (fix them, or use --force)\n`,
    );
    return 1;
  }
  // live formulas over the input cells by default; --values writes a frozen snapshot for archiving; --separate
  // writes the result sheets (values) alone into a new workbook
  const separate = a.opts.separate === true;
  const p = plan(scheme, r.run, {
    lang,
    formulas: a.opts.values || separate ? undefined : { data: r.dataset!, sheets },
  });
  await writeAtomic(outFile, separate ? await separateBook(p) : await graftedCopy(book, p));
  if (json !== "-") io.out(rankingText(r.run, scheme));
  io.err(
    lang === "zh"
      ? `已写入 ${outFile}（${r.errors} 个错误，${r.warnings} 个警告）\n`
      : `wrote ${outFile} (${r.errors} errors, ${r.warnings} warnings)\n`,
  );
  return r.errors ? 1 : 0;
}

async function cmdSchemeExport(a: Parsed, lang: Lang, io: Io): Promise<number> {
  if (a.pos[0] !== "export")
    throw new UsageError(
      "用法：zonescore scheme export <方案> --out F [--format json|xlsx]",
      "usage: zonescore scheme export <scheme> --out F [--format json|xlsx]",
    );
  const out = str(a.opts.out);
  if (out === undefined) throw new UsageError("需要 --out F", "--out F is required");
  const format = str(a.opts.format) ?? (/\.xlsx$/i.test(out) ? "xlsx" : "json");
  if (format !== "json" && format !== "xlsx")
    throw new UsageError(
      `--format 只能是 json 或 xlsx，而不是 ${format}`,
      `--format must be json or xlsx, not ${format}`,
    );
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
