/**
 * zonescore whatif / zonescore sensitivity: what-if on a workbook from the command line. Its own strict parsing
 * (unknown options are errors); the input is never written: --out must name another file.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { getBuiltInScheme, builtInSchemeIds } from "../schemes";
import { parseScheme, SchemeError, type Scheme } from "../engine/scheme/schema";
import { schemeFromSheets } from "../engine/scheme/sheets";
import { checkAndScore, plan } from "../engine/pipeline";
import type { Dataset, FieldValue } from "../engine/dataset";
import type { Lang } from "../engine/types";
import { nameKey } from "../engine/read/normalise";
import { ExcelJsBook } from "../workbook/exceljs";
import { PackageError } from "../workbook/package";
import { inspectXlsx, WorkbookFileError } from "../workbook/inspect";
import { message } from "../engine/messages";
import { guardOutputs, readInput, writeAtomic } from "./files";
import { UsageError as CliUsageError } from "./usage";
import {
  awardGaps,
  placeGap,
  runScenario,
  saveScenario,
  scenarioSheet,
  sensitivity,
  sensitivitySheet,
  startWhatIf,
  unitGaps,
  WhatIfError,
  type Change,
  type ScenarioDiff,
} from "../engine/whatif";
import { findRow } from "../engine/whatif/changes";

export const WHATIF_COMMANDS = new Set(["whatif", "sensitivity"]);

export const WHATIF_HELP = `zonescore whatif <in.xlsx> --scheme S --set "单位/字段=值" [--set …] [--scenario NAME] [--gap 单位]
                 [--option K=V] [--year Y] [--json F|-] [--out F.xlsx [--save-scenario NAME]] [--lang en]
    推演：修改数值后重新评分，与基准比较（名次 ↑/↓、总分、各项得分、奖励），列出名次变动的全部单位；
    --set "表/行名/字段=值" 修改清单表（项目、企业）中的一行；--scenario 使用工作簿中保存的情景；
    --gap 单位 列出该单位每项指标到下一档的差距、进一名的最省办法和各项奖励还差什么。
    what-if: rescore after edits and compare with the baseline; --gap: the gap to the next level for a unit.
zonescore sensitivity <in.xlsx> --scheme S [--samples 1000] [--pct 20] [--seed 1] [--option K=V] [--json F|-]
                 [--out F.xlsx] [--lang en]
    敏感性分析：折算方式组合、权重扰动（蒙特卡洛）、逐项剔除指标 / readings, weights, leave one out.
`;

class UsageError extends Error {}

export interface WhatIfIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const VALUE_OPTS = new Set([
  "scheme",
  "set",
  "scenario",
  "gap",
  "option",
  "year",
  "json",
  "out",
  "save-scenario",
  "lang",
  "samples",
  "pct",
  "seed",
]);
const REPEATABLE = new Set(["set", "option"]);

interface Parsed {
  cmd: string;
  input: string;
  one: Record<string, string>;
  many: Record<string, string[]>;
}

function parse(argv: string[]): Parsed {
  const [cmd, ...rest] = argv;
  const pos: string[] = [];
  const one: Record<string, string> = {};
  const many: Record<string, string[]> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("--")) {
      pos.push(a);
      continue;
    }
    let k = a.slice(2);
    let v: string | undefined;
    const eq = k.indexOf("=");
    if (eq >= 0) [k, v] = [k.slice(0, eq), k.slice(eq + 1)];
    else v = rest[++i];
    if (!VALUE_OPTS.has(k)) throw new UsageError(`unknown option --${k}`);
    if (v === undefined) throw new UsageError(`--${k} needs a value`);
    if (REPEATABLE.has(k)) (many[k] ??= []).push(v);
    else if (k in one) throw new UsageError(`--${k} given twice`);
    else one[k] = v;
  }
  if (pos.length !== 1) throw new UsageError(`${cmd}: give exactly one input workbook`);
  return { cmd, input: pos[0], one, many };
}

/** the input, read and recognised as the other commands read it (a folder, a zip that is not a workbook … are refused) */
async function loadBook(file: string): Promise<ExcelJsBook> {
  const data = readInput(file);
  await inspectXlsx(data, file);
  try {
    return await ExcelJsBook.load(ExcelJS, data);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw new WorkbookFileError("file-xlsx-corrupt", { file });
  }
}

async function schemeOf(id: string | undefined): Promise<Scheme> {
  if (!id) throw new UsageError("--scheme is required (see `zonescore schemes`)");
  const b = getBuiltInScheme(id);
  if (b) return b;
  if (/\.json$/i.test(id) && fs.existsSync(id)) {
    try {
      return parseScheme(JSON.parse(fs.readFileSync(id, "utf8")));
    } catch (e) {
      if (e instanceof SchemeError) throw e;
      throw new UsageError(`${id} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (/\.xlsx$/i.test(id) && fs.existsSync(id)) return schemeFromSheets(await (await loadBook(id)).readSheets());
  throw new UsageError(`unknown scheme "${id}"; built-in: ${builtInSchemeIds().join(", ")}`);
}

function options(list: string[] | undefined, scheme: Scheme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (list ?? []).flatMap((x) => x.split(","))) {
    const [k, c] = part.split("=");
    const o = scheme.options.find((x) => x.id === k);
    if (!o || !c || !o.choices.some((x) => x.id === c))
      throw new UsageError(
        `unknown option "${part}"; ${scheme.id} has: ${scheme.options.map((x) => `${x.id}=${x.choices.map((y) => y.id).join("|")}`).join(", ") || "none"}`,
      );
    out[k] = c;
  }
  return out;
}

function intOpt(v: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number ${min}–${max}, not "${v}"`);
  return n;
}

/** the field a --set names: its id, its column name (with or without 本年), or a synonym */
function fieldOf(scheme: Scheme, tableId: string, text: string): string {
  const spec = scheme.tables.find((t) => t.id === tableId)!;
  const k = nameKey(text);
  const hit = [...spec.columns, ...spec.derived.map((d) => ({ ...d, synonyms: [] as string[] }))].find(
    (c) =>
      c.id === text ||
      nameKey(c.name) === k ||
      nameKey(c.name.replace(/^本年|^当年/, "")) === k ||
      ("synonyms" in c && c.synonyms.some((s) => nameKey(s) === k)),
  );
  if (!hit)
    throw new UsageError(
      `${spec.name} has no field "${text}"; fields: ${spec.columns
        .filter((c) => !c.role)
        .map((c) => c.name)
        .join("、")}`,
    );
  return hit.id;
}

function valueOf(scheme: Scheme, tableId: string, field: string, text: string, where: string): FieldValue {
  const col = scheme.tables.find((t) => t.id === tableId)!.columns.find((c) => c.id === field);
  const t = text.trim();
  if (t === "") return null;
  if (!col || col.type === "number" || col.type === "count") {
    const n = Number(t.replace(/[,，]/g, ""));
    if (!Number.isFinite(n)) throw new UsageError(`${where}: "${text}" is not a number`);
    return n;
  }
  if (col.type === "bool") {
    if (/^(是|y|yes|true|1|√)$/i.test(t)) return true;
    if (/^(否|n|no|false|0|×)$/i.test(t)) return false;
    throw new UsageError(`${where}: "${text}" is not 是/否`);
  }
  return t;
}

/** --set "单位/字段=值" (the unit table) or "表/行名/字段=值" (a list such as 项目清单) */
function setChange(scheme: Scheme, data: Dataset, s: string, lang: Lang): Change {
  const eq = s.indexOf("=");
  if (eq < 0) throw new UsageError(`--set "${s}": expected 单位/字段=值`);
  const parts = s.slice(0, eq).split("/");
  const value = s.slice(eq + 1);
  let table = scheme.entityTable;
  if (parts.length === 3) {
    const t = scheme.tables.find(
      (x) => x.id === parts[0] || nameKey(x.name) === nameKey(parts[0]) || data.tables[x.id]?.sheet === parts[0],
    );
    if (!t) throw new UsageError(`--set "${s}": no table "${parts[0]}"`);
    table = t.id;
    parts.shift();
  } else if (parts.length !== 2) throw new UsageError(`--set "${s}": expected 单位/字段=值 or 表/行名/字段=值`);
  const [key, fieldText] = parts;
  const field = fieldOf(scheme, table, fieldText);
  const t = data.tables[table];
  if (!t) throw new UsageError(`--set "${s}": the workbook has no ${table} table`);
  try {
    findRow(t, key, undefined, lang);
  } catch (e) {
    throw new UsageError(`--set "${s}": ${(e as Error).message}`);
  }
  return { op: "set", table, key, field, value: valueOf(scheme, table, field, value, `--set "${s}"`) };
}

function diffText(d: ScenarioDiff, lang: Lang): string {
  const zh = lang === "zh";
  const lines: string[] = [];
  for (const i of d.changed) {
    const u = d.unit(i);
    const rank = (r: number | null) => (r === null ? "—" : String(r));
    const dt = u.totalDelta === 0 ? "" : ` (${u.totalDelta > 0 ? "+" : ""}${u.totalDelta})`;
    lines.push(
      `${u.name}：${zh ? "名次" : "rank"} ${rank(u.rankBefore)} → ${rank(u.rankAfter)} ${u.arrow}  ${zh ? "总分" : "total"} ${u.totalBefore} → ${u.totalAfter}${dt}`.trimEnd(),
    );
    for (const r of u.rules)
      lines.push(`    ${r.rule}: ${r.before} → ${r.after} (${r.delta > 0 ? "+" : ""}${r.delta})`);
    for (const a of u.awardsGained)
      lines.push(`    + ${a.label} ${a.subject === u.name ? "" : a.subject + " "}${a.amount} ${a.unit}`);
    for (const a of u.awardsLost)
      lines.push(`    − ${a.label} ${a.subject === u.name ? "" : a.subject + " "}${a.amount} ${a.unit}`);
    if (u.gradeBefore !== u.gradeAfter)
      lines.push(`    ${zh ? "等级" : "grade"} ${u.gradeBefore ?? "—"} → ${u.gradeAfter ?? "—"}`);
  }
  if (!d.changed.length) lines.push(zh ? "无变化" : "no change");
  else
    lines.push(
      `${zh ? "名次变动" : "rank moved"}：${d.moved.map((i) => `${d.unit(i).name} ${d.unit(i).arrow}`).join("；") || (zh ? "无" : "none")}`,
    );
  return lines.join("\n") + "\n";
}

async function emitJson(target: string | undefined, value: unknown, io: WhatIfIo) {
  if (target === undefined) return;
  const text = JSON.stringify(value, null, 2) + "\n";
  if (target === "-") io.out(text);
  else await writeAtomic(target, text);
}

export async function whatIfMain(argv: string[], io: WhatIfIo): Promise<number> {
  try {
    return await runCli(argv, io);
  } catch (e) {
    const lang: Lang = argv.includes("en") && argv[argv.indexOf("en") - 1] === "--lang" ? "en" : "zh";
    if (e instanceof UsageError || e instanceof SchemeError || e instanceof WhatIfError) {
      io.err(`zonescore: ${e.message}\n`);
      if (e instanceof UsageError) io.err(WHATIF_HELP);
      return 2;
    }
    if (e instanceof CliUsageError) {
      io.err(`zonescore: ${e.text(lang)}\n`);
      return 2;
    }
    if (e instanceof WorkbookFileError) {
      io.err(`zonescore: ${message(lang, e.code, e.params)}\n`);
      return 2;
    }
    if (e instanceof PackageError) {
      io.err(
        `zonescore: ${lang === "zh" ? e.zh : e.message}（${lang === "zh" ? "未写入任何文件" : "nothing was written"}）\n`,
      );
      return 1;
    }
    throw e;
  }
}

async function runCli(argv: string[], io: WhatIfIo): Promise<number> {
  const a = parse(argv);
  const lang: Lang = a.one.lang === "en" ? "en" : "zh";
  if (a.one.lang !== undefined && a.one.lang !== "en" && a.one.lang !== "zh")
    throw new UsageError("--lang must be zh or en");
  const scheme = await schemeOf(a.one.scheme);
  const book = await loadBook(a.input);
  const settings = await book.readSettings();
  const sheets = await book.readSheets();
  const year = a.one.year === undefined ? undefined : intOpt(a.one.year, "year", 1990, 2100, 0);
  const opts = options(a.many.option, scheme);
  const r = checkAndScore(sheets, scheme, { year, lang, options: opts, mapping: settings ?? undefined });
  if (!r.run || !r.dataset) {
    io.err(
      lang === "zh"
        ? `数据有 ${r.errors} 个错误，无法推演（先运行 zonescore check）\n`
        : `the data has ${r.errors} errors (run zonescore check)\n`,
    );
    return 1;
  }
  const out = a.one.out;
  const outputs: Array<[string, string]> = [];
  if (out !== undefined) outputs.push(["--out", out]);
  if (a.one.json !== undefined && a.one.json !== "-") outputs.push(["--json", a.one.json]);
  guardOutputs([["input", a.input]], outputs);
  if (a.cmd === "sensitivity") {
    const res = sensitivity(scheme, r.dataset, r.run, {
      lang,
      options: opts,
      samples: intOpt(a.one.samples, "samples", 1, 100000, 1000),
      pct: intOpt(a.one.pct, "pct", 0, 90, 20),
      seed: intOpt(a.one.seed, "seed", 0, 2 ** 31 - 1, 1),
    });
    await emitJson(a.one.json, res, io);
    if (a.one.json !== "-") {
      const zh = lang === "zh";
      for (const i of r.run.order) {
        const u = res.units[i];
        io.out(
          u.all
            ? `${u.baseRank}\t${u.name}\t${zh ? "中位" : "median"} ${u.all.median}\t5–95%: ${u.all.p5}–${u.all.p95}\n`
            : `—\t${u.name}\n`,
        );
      }
      io.out(`${zh ? "前三名不变的比例" : "top three unchanged"}: ${Math.round(res.top3Share.all * 1000) / 10}%\n`);
      io.out(
        `${zh ? "最敏感的指标" : "most influential indicators"}: ${res.leaveOut
          .slice(0, 5)
          .map((l) => `${l.rule} ${l.label} (${l.meanShift})`)
          .join("；")}\n`,
      );
    }
    if (out !== undefined) {
      await book.writeResult({ sheets: [sensitivitySheet(scheme, r.run, res, lang)] });
      await writeAtomic(out, await book.toBuffer());
      io.err(`${lang === "zh" ? "已写入" : "wrote"} ${out}\n`);
    }
    return 0;
  }
  // whatif
  const saved = settings?.scenarios ?? [];
  const changes: Change[] = [];
  if (a.one.scenario !== undefined) {
    const s = saved.find((x) => x.name === a.one.scenario);
    if (!s)
      throw new UsageError(
        `no scenario "${a.one.scenario}" in ${a.input}; saved: ${saved.map((x) => x.name).join("、") || "none"}`,
      );
    changes.push(...s.changes);
  }
  for (const s of a.many.set ?? []) changes.push(setChange(scheme, r.dataset, s, lang));
  if (a.one["save-scenario"] !== undefined && out === undefined)
    throw new UsageError("--save-scenario needs --out (the input is never modified)");
  const w = startWhatIf(scheme, r.dataset, { lang, options: opts }, r.run);
  const s = runScenario(w, changes);
  const gapUnit = a.one.gap;
  let gaps: unknown = undefined;
  let gapText = "";
  if (gapUnit !== undefined) {
    let i: number;
    try {
      i = findRow(r.dataset.tables[scheme.entityTable], gapUnit, undefined, lang);
    } catch (e) {
      throw new UsageError(`--gap: ${(e as Error).message}`);
    }
    const rules = unitGaps(scheme, s.data, s.run, i, lang);
    const place = placeGap(scheme, s.data, s.run, i, { lang, options: opts });
    const awards = awardGaps(scheme, s.data, s.run, i, lang);
    gaps = { unit: s.run.entities[i].name, rules: rules.filter((g) => g), place, awards };
    gapText =
      `\n${s.run.entities[i].name}\n` +
      rules
        .filter((g) => g)
        .map((g) => `  ${g!.text[lang]}\n`)
        .join("") +
      `  ${place.text[lang]}\n` +
      place.ways.map((x) => `    · ${x.text[lang]}\n`).join("") +
      awards.map((x) => `  ${x.text[lang]}\n`).join("");
  }
  await emitJson(
    a.one.json,
    { changes, diff: { changed: s.diff.changed.map((i) => s.diff.unit(i)), moved: s.diff.moved }, gaps },
    io,
  );
  if (a.one.json !== "-") io.out(diffText(s.diff, lang) + gapText);
  if (out !== undefined) {
    // the result sheets of the scenario as values (its figures are not in the input cells), and 情景对比
    const name = a.one["save-scenario"] ?? (lang === "zh" ? "命令行情景" : "command line scenario");
    const p = plan(scheme, s.run, { lang });
    p.sheets.push(scenarioSheet(scheme, r.run, [{ scenario: { name, changes }, run: s.run }], lang));
    await book.writeResult(p);
    if (a.one["save-scenario"] !== undefined)
      await book.writeSettings({ ...(settings ?? {}), scenarios: saveScenario(saved, { name, changes }) });
    await writeAtomic(out, await book.toBuffer());
    io.err(`${lang === "zh" ? "已写入" : "wrote"} ${out}\n`);
  }
  return 0;
}
