/** zonescore: the command line. Same pipeline as the task pane, on .xlsx files. */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { builtInSchemeIds, getBuiltInScheme } from "../schemes";
import { parseScheme, SchemeError, type Scheme } from "../schemes/schema";
import { schemeFromSheets, schemeToPlan } from "../schemes/sheets";
import { check, checkAndScore, plan, toJson } from "../engine/pipeline";
import { buildTemplatePlan } from "../engine/template";
import { ExcelJsBook } from "../workbook/exceljs";
import { samplePlan } from "../samples";
import type { Issue, Lang } from "../engine/types";
import type { MappingFile, ResolvedTable } from "../engine/read";
import type { ScoreRun } from "../engine/result";

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
  --option K=V a reading where the policy is ambiguous, e.g. --option rankReading=rank-linear
               (zonescore schemes lists each scheme's options; the one in force is written in the results)
  --lang en    English messages (default: Chinese)

exit codes: 0 success (warnings allowed) · 1 the data has errors · 2 usage error
`;

class UsageError extends Error {}

interface Args {
  cmd: string;
  pos: string[];
  opts: Record<string, string | true>;
}

const FLAGS = new Set(["force", "help", "h", "values"]);

export function parseArgs(argv: string[]): Args {
  const pos: string[] = [];
  const opts: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--") || a === "-h") {
      const [k, inline] = a.replace(/^-+/, "").split("=", 2);
      if (FLAGS.has(k)) opts[k] = true;
      else if (inline !== undefined) opts[k] = inline;
      else {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`--${k} needs a value`);
        opts[k] = v;
      }
    } else pos.push(a);
  }
  return { cmd: pos.shift() ?? "", pos, opts };
}

/** A built-in id, a scheme .json file, or an .xlsx file with the scheme sheets (规则, 指标, …). */
async function resolveScheme(id: string | true | undefined): Promise<Scheme> {
  if (typeof id !== "string") throw new UsageError("--scheme is required (see `zonescore schemes`)");
  const b = getBuiltInScheme(id);
  if (b) return b;
  if (/\.json$/i.test(id) && fs.existsSync(id)) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(id, "utf8"));
    } catch (e) {
      throw new UsageError(`${id} is not valid JSON: ${(e as Error).message}`);
    }
    return parseScheme(raw);
  }
  if (/\.xlsx$/i.test(id) && fs.existsSync(id)) {
    const book = await loadBook(id);
    return schemeFromSheets(await book.readSheets());
  }
  throw new UsageError(
    `unknown scheme "${id}"; built-in: ${builtInSchemeIds().join(", ")}; or a .json / .xlsx scheme file`,
  );
}

/** --option rankReading=rank-linear (repeatable as --option a=b,c=d) */
function schemeOptions(v: string | true | undefined, scheme: Scheme): Record<string, string> {
  if (v === undefined) return {};
  if (typeof v !== "string") throw new UsageError("--option needs id=choice");
  const out: Record<string, string> = {};
  for (const part of v.split(",")) {
    const [k, c] = part.split("=");
    const o = scheme.options.find((x) => x.id === k);
    if (!o || !c)
      throw new UsageError(
        `unknown option "${part}"; ${scheme.id} has: ${scheme.options.map((x) => `${x.id}=${x.choices.map((y) => y.id).join("|")}`).join(", ") || "none"}`,
      );
    if (!o.choices.some((x) => x.id === c))
      throw new UsageError(`option ${k} has no choice "${c}"; choices: ${o.choices.map((x) => x.id).join(", ")}`);
    out[k] = c;
  }
  return out;
}

function yearOpt(v: string | true | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !Number.isInteger(n) || n < 1990 || n > 2100)
    throw new UsageError(`--year must be a year such as 2023, not "${String(v)}"`);
  return n;
}

/** The mapping in force: a file given with --mapping, else what the workbook remembers. */
async function mappingFor(book: ExcelJsBook, file: string | true | undefined): Promise<MappingFile | undefined> {
  if (typeof file === "string") {
    if (!fs.existsSync(file)) throw new UsageError(`no such mapping file: ${file}`);
    try {
      return JSON.parse(fs.readFileSync(file, "utf8")) as MappingFile;
    } catch (e) {
      throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
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

async function loadBook(file: string | undefined): Promise<ExcelJsBook> {
  if (!file) throw new UsageError("an input .xlsx file is required");
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  try {
    return await ExcelJsBook.load(ExcelJS, fs.readFileSync(file));
  } catch (e) {
    throw new UsageError(`cannot read ${file} as an .xlsx workbook: ${(e as Error).message}`);
  }
}

/** Write a file through a temporary name, so that a failure never leaves half a file. */
function writeAtomic(file: string, data: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function writeJson(target: string | true | undefined, value: unknown, out: (s: string) => void): void {
  if (typeof target !== "string") return;
  const text = JSON.stringify(value, null, 2) + "\n";
  if (target === "-") out(text);
  else writeAtomic(target, text);
}

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

const n2 = (x: number) => String(Math.round(x * 100) / 100);

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
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof SchemeError) {
      io.err(`zonescore: ${e.message}\n`);
      if (e instanceof UsageError) io.err("`zonescore --help` for usage\n");
      return 2;
    }
    throw e;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === "targets") return (await import("./targets")).targetsMain(argv.slice(1), io);
  const a = parseArgs(argv);
  const lang: Lang = a.opts.lang === "en" ? "en" : "zh";
  if (a.opts.help || a.opts.h || a.cmd === "help" || a.cmd === "") {
    io.out(HELP);
    return a.cmd === "" && !a.opts.help && !a.opts.h ? 2 : 0;
  }
  switch (a.cmd) {
    case "schemes": {
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
    case "template":
    case "sample": {
      const scheme = await resolveScheme(a.pos[0]);
      const out = a.opts.out;
      if (typeof out !== "string") throw new UsageError("--out F.xlsx is required");
      const p = a.cmd === "template" ? buildTemplatePlan(scheme) : samplePlan(scheme);
      if (!p) throw new UsageError(`no built-in sample for ${scheme.id}`);
      const book = await ExcelJsBook.create(ExcelJS);
      await book.addSheets(p);
      writeAtomic(out, await book.toBuffer());
      io.out(`${out}\n`);
      return 0;
    }
    case "check": {
      const scheme = await resolveScheme(a.opts.scheme);
      const book = await loadBook(a.pos[0]);
      const mapping = await mappingFor(book, a.opts.mapping);
      const c = check(await book.readSheets(), scheme, { year: yearOpt(a.opts.year), lang, mapping });
      if (typeof a.opts["save-mapping"] === "string")
        writeAtomic(a.opts["save-mapping"], JSON.stringify(mappingFile(c.mapping, mapping?.aliases), null, 2) + "\n");
      printIssues(c.issues, lang, io.err);
      writeJson(a.opts.json, toJson(scheme.id, c.issues, null, c.dataset?.year ?? null), io.out);
      io.err(
        lang === "zh"
          ? `校验完成：${c.errors} 个错误，${c.warnings} 个警告\n`
          : `checked: ${c.errors} errors, ${c.warnings} warnings\n`,
      );
      return c.errors ? 1 : 0;
    }
    case "score": {
      const scheme = await resolveScheme(a.opts.scheme);
      const input = a.pos[0];
      const book = await loadBook(input);
      const mapping = await mappingFor(book, a.opts.mapping);
      const sheets = await book.readSheets();
      const r = checkAndScore(sheets, scheme, {
        year: yearOpt(a.opts.year),
        lang,
        force: a.opts.force === true,
        options: schemeOptions(a.opts.option, scheme),
        mapping,
      });
      printIssues(r.allIssues, lang, io.err);
      writeJson(a.opts.json, toJson(scheme.id, r.allIssues, r.run, r.dataset?.year ?? null), io.out);
      if (!r.run) {
        io.err(
          lang === "zh"
            ? `数据有 ${r.errors} 个错误，未评分（修正后重试，或用 --force）\n`
            : `the data has ${r.errors} errors; not scored (fix them, or use --force)\n`,
        );
        return 1;
      }
      const outFile = typeof a.opts.out === "string" ? a.opts.out : input!.replace(/(\.xlsx)?$/i, ".zonescore.xlsx");
      if (path.resolve(outFile) === path.resolve(input!))
        throw new UsageError("--out must differ from the input file (the input is never modified)");
      // live formulas over the input cells by default; --values writes a frozen snapshot for archiving
      await book.writeResult(
        plan(scheme, r.run, { lang, formulas: a.opts.values ? undefined : { data: r.dataset!, sheets } }),
      );
      writeAtomic(outFile, await book.toBuffer());
      if (a.opts.json !== "-") io.out(rankingText(r.run, scheme));
      io.err(
        lang === "zh"
          ? `已写入 ${outFile}（${r.errors} 个错误，${r.warnings} 个警告）\n`
          : `wrote ${outFile} (${r.errors} errors, ${r.warnings} warnings)\n`,
      );
      return r.errors ? 1 : 0;
    }
    case "scheme": {
      if (a.pos[0] !== "export")
        throw new UsageError("usage: zonescore scheme export <scheme> --out F [--format json|xlsx]");
      const scheme = await resolveScheme(a.pos[1]);
      const out = a.opts.out;
      if (typeof out !== "string") throw new UsageError("--out F is required");
      const format = typeof a.opts.format === "string" ? a.opts.format : /\.xlsx$/i.test(out) ? "xlsx" : "json";
      if (format === "json") writeAtomic(out, JSON.stringify(scheme, null, 2) + "\n");
      else if (format === "xlsx") {
        const book = await ExcelJsBook.create(ExcelJS);
        await book.addSheets(schemeToPlan(scheme));
        writeAtomic(out, await book.toBuffer());
      } else throw new UsageError(`--format must be json or xlsx, not ${format}`);
      io.out(`${out}\n`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${a.cmd}"`);
  }
}
