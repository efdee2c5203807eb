/**
 * zonescore whatif / zonescore sensitivity: what-if on a workbook from the command line. Options are parsed strictly
 * as every command's are (src/cli/args.ts: an unknown option is refused with a suggestion); the input is never
 * written: outputs are checked against it before any work and written atomically (src/cli/io.ts, src/cli/files.ts).
 */
import * as fs from "fs";
import { getBuiltInScheme, builtInSchemeIds } from "../schemes";
import { parseScheme, SchemeError, type Scheme } from "../engine/scheme/schema";
import { schemeFromSheets } from "../engine/scheme/sheets";
import { checkAndScore, plan } from "../engine/pipeline";
import type { Dataset, FieldValue } from "../engine/dataset";
import type { Lang } from "../engine/types";
import { nameKey } from "../engine/read/normalise";
import type { ExcelJsBook } from "../workbook/exceljs";
import { PackageError } from "../workbook/package";
import { WorkbookFileError } from "../workbook/inspect";
import { message } from "../engine/messages";
import { t } from "../engine/i18n";
import { readInput, writeAtomic } from "./files";
import { loadBook, prepareOutputs, readSheets, writeJson } from "./io";
import { langOf, parseCommandLine, type OptionSpecs } from "./args";
import { UsageError } from "./usage";
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
  type ScenarioResult,
} from "../engine/whatif";
import type { AwardLine } from "../engine/whatif/scenario";
import { schemeWord } from "../engine/i18n/scheme-words";
import { findRow } from "../engine/whatif/changes";
import type { Settings } from "../workbook/port";

export const WHATIF_COMMANDS = new Set(["whatif", "sensitivity"]);

export interface WhatIfIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A usage error in both languages, from the catalogue. */
const usage = UsageError.of;

const VALUE = { type: "string" } as const;
const MANY = { type: "string", multiple: true } as const;
/** The options of both commands: the scheme and its readings, the year, the outputs; then each command's own. */
const COMMON: OptionSpecs = { scheme: VALUE, option: MANY, year: VALUE, json: VALUE, out: VALUE };
const OPTIONS: Record<string, OptionSpecs> = {
  whatif: { ...COMMON, set: MANY, scenario: VALUE, gap: VALUE, "save-scenario": VALUE },
  sensitivity: { ...COMMON, samples: VALUE, pct: VALUE, seed: VALUE },
};

interface Parsed {
  cmd: string;
  input: string;
  one: Record<string, string>;
  many: Record<string, string[]>;
}

function parse(argv: string[]): Parsed {
  const a = parseCommandLine(
    argv,
    (first) => (first && OPTIONS[first] ? { name: first, options: OPTIONS[first], positionals: [0, 1] } : null),
    { ...OPTIONS.whatif, ...OPTIONS.sensitivity },
  );
  if (a.pos.length !== 1) throw usage("whatif.cli.oneInput", { cmd: a.cmd });
  const one: Record<string, string> = {};
  const many: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(a.opts))
    if (typeof v === "string") one[k] = v;
    else if (Array.isArray(v)) many[k] = v;
  return { cmd: a.cmd, input: a.pos[0], one, many };
}

async function schemeOf(id: string | undefined, lang: Lang): Promise<Scheme> {
  if (!id) throw usage("whatif.cli.schemeRequired");
  const b = getBuiltInScheme(id);
  if (b) return b;
  if (/\.json$/i.test(id) && fs.existsSync(id)) {
    try {
      return parseScheme(JSON.parse(readInput(id).toString("utf8")));
    } catch (e) {
      if (e instanceof SchemeError || e instanceof UsageError) throw e;
      throw usage("whatif.cli.badJson", { file: id, why: (e as Error).message });
    }
  }
  if (/\.xlsx$/i.test(id) && fs.existsSync(id)) return schemeFromSheets(await readSheets(await loadBook(id, lang)));
  throw usage("whatif.cli.unknownScheme", { id, ids: builtInSchemeIds().join(", ") });
}

function options(list: string[] | undefined, scheme: Scheme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (list ?? []).flatMap((x) => x.split(","))) {
    const [k, c] = part.split("=");
    const o = scheme.options.find((x) => x.id === k);
    if (!o || !c || !o.choices.some((x) => x.id === c)) {
      const list = scheme.options.map((x) => `${x.id}=${x.choices.map((y) => y.id).join("|")}`).join(", ");
      throw usage("whatif.cli.unknownOption", (l) => ({
        part,
        scheme: scheme.id,
        list: list || t(l, "whatif.cli.none"),
      }));
    }
    out[k] = c;
  }
  return out;
}

function intOpt(v: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw usage("whatif.cli.intRange", { name, min, max, value: v });
  return n;
}

/** the field a --set names: its id, its column name (with or without 本年), or a synonym */
function fieldOf(scheme: Scheme, tableId: string, text: string): string {
  const spec = scheme.tables.find((x) => x.id === tableId)!;
  const k = nameKey(text);
  const hit = [...spec.columns, ...spec.derived.map((d) => ({ ...d, synonyms: [] as string[] }))].find(
    (c) =>
      c.id === text ||
      nameKey(c.name) === k ||
      nameKey(c.name.replace(/^本年|^当年/, "")) === k ||
      ("synonyms" in c && c.synonyms.some((s) => nameKey(s) === k)),
  );
  if (!hit) {
    const fields = spec.columns.filter((c) => !c.role).map((c) => c.name);
    const vars = (l: Lang) => ({ table: spec.name, field: text, fields: fields.join(t(l, "whatif.cli.names")) });
    throw usage("whatif.cli.noField", vars);
  }
  return hit.id;
}

function valueOf(scheme: Scheme, tableId: string, field: string, text: string, where: string): FieldValue {
  const col = scheme.tables.find((x) => x.id === tableId)!.columns.find((c) => c.id === field);
  const v = text.trim();
  if (v === "") return null;
  if (!col || col.type === "number" || col.type === "count") {
    const n = Number(v.replace(/[,，]/g, ""));
    if (!Number.isFinite(n)) throw usage("whatif.cli.notNumber", { where, text });
    return n;
  }
  if (col.type === "bool") {
    // the yes/no words a user types (data the command matches, in either language)
    if (/^(是|y|yes|true|1|√)$/i.test(v)) return true;
    if (/^(否|n|no|false|0|×)$/i.test(v)) return false;
    throw usage("whatif.cli.notYesNo", { where, text });
  }
  return v;
}

/** The table a --set names: the unit table (单位/字段=值), or a list (表/行名/字段=值) by id, name or sheet. */
function setTable(scheme: Scheme, data: Dataset, s: string, parts: string[]): string {
  if (parts.length === 2) return scheme.entityTable;
  if (parts.length !== 3) throw usage("whatif.cli.setForm3", { set: s });
  const x = scheme.tables.find(
    (y) => y.id === parts[0] || nameKey(y.name) === nameKey(parts[0]) || data.tables[y.id]?.sheet === parts[0],
  );
  if (!x) throw usage("whatif.cli.noTable", { set: s, table: parts[0] });
  parts.shift();
  return x.id;
}

/** --set "单位/字段=值" (the unit table) or "表/行名/字段=值" (a list such as 项目清单) */
function setChange(scheme: Scheme, data: Dataset, s: string, lang: Lang): Change {
  const eq = s.indexOf("=");
  if (eq < 0) throw usage("whatif.cli.setForm", { set: s });
  const parts = s.slice(0, eq).split("/");
  const table = setTable(scheme, data, s, parts);
  const [key, fieldText] = parts;
  const field = fieldOf(scheme, table, fieldText);
  const rows = data.tables[table];
  if (!rows) throw usage("whatif.cli.bookNoTable", { set: s, table });
  try {
    findRow(rows, key, undefined, lang);
  } catch (e) {
    // findRow speaks the run's language, the one this error is shown in
    const why = (e as Error).message;
    throw usage("whatif.cli.setError", { set: s, why });
  }
  return { op: "set", table, key, field, value: valueOf(scheme, table, field, s.slice(eq + 1), `--set "${s}"`) };
}

/** The difference a scenario makes, as text: each changed unit, then every unit whose rank moved. */
function diffText(d: ScenarioDiff, lang: Lang, word: (zh: string) => string): string {
  const lines: string[] = [];
  const sign = (x: number) => `${x > 0 ? "+" : ""}${x}`;
  const rank = (r: number | null) => (r === null ? "—" : String(r));
  for (const i of d.changed) {
    const u = d.unit(i);
    const delta = u.totalDelta === 0 ? "" : ` (${sign(u.totalDelta)})`;
    const line = t(lang, "whatif.cli.unitLine", {
      ...{ name: u.name, before: rank(u.rankBefore), after: rank(u.rankAfter), arrow: u.arrow },
      ...{ totalBefore: u.totalBefore, totalAfter: u.totalAfter, delta },
    });
    lines.push(line.trimEnd());
    for (const r of u.rules) lines.push(`    ${r.rule}: ${r.before} → ${r.after} (${sign(r.delta)})`);
    const subject = (a: { subject: string }) => (a.subject === u.name ? "" : a.subject + " ");
    const award = (a: AwardLine) => `${word(a.label)} ${subject(a)}${a.amount} ${word(a.unit)}`;
    for (const a of u.awardsGained) lines.push(`    + ${award(a)}`);
    for (const a of u.awardsLost) lines.push(`    − ${award(a)}`);
    if (u.gradeBefore !== u.gradeAfter)
      lines.push(t(lang, "whatif.cli.gradeLine", { before: u.gradeBefore ?? "—", after: u.gradeAfter ?? "—" }));
  }
  if (!d.changed.length) lines.push(t(lang, "whatif.cli.noChange"));
  else {
    const moved = d.moved.map((i) => `${d.unit(i).name} ${d.unit(i).arrow}`).join(t(lang, "whatif.sep"));
    lines.push(t(lang, "whatif.cli.moved", { list: moved || t(lang, "whatif.cli.none") }));
  }
  return lines.join("\n") + "\n";
}

export async function whatIfMain(argv: string[], io: WhatIfIo): Promise<number> {
  const lang = langOf(argv);
  try {
    return await runCli(argv, io);
  } catch (e) {
    if (e instanceof SchemeError) {
      io.err(`zonescore: ${e.text(lang)}\n`);
      return 2;
    }
    if (e instanceof WhatIfError) {
      io.err(`zonescore: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`zonescore: ${e.text(lang)}\n`);
      io.err(t(lang, "whatif.cli.help"));
      return 2;
    }
    if (e instanceof WorkbookFileError) {
      io.err(`zonescore: ${message(lang, e.code, e.params)}\n`);
      return 2;
    }
    if (e instanceof PackageError) {
      io.err(`zonescore: ${t(lang, "whatif.cli.nothingWritten", { why: e.text(lang) })}\n`);
      return 1;
    }
    throw e;
  }
}

/** A run of either command: the parsed options, the scheme, the input workbook and its baseline score. */
interface Ctx {
  a: Parsed;
  lang: Lang;
  io: WhatIfIo;
  scheme: Scheme;
  book: ExcelJsBook;
  settings: Settings | null;
  options: Record<string, string>;
  data: Dataset;
  run: NonNullable<ReturnType<typeof checkAndScore>["run"]>;
}

async function runCli(argv: string[], io: WhatIfIo): Promise<number> {
  const a = parse(argv);
  const lang = langOf(argv);
  if (a.one.lang !== undefined && a.one.lang !== "en" && a.one.lang !== "zh") throw usage("whatif.cli.langValue");
  const scheme = await schemeOf(a.one.scheme, lang);
  const schemeFile: Array<[string, string | undefined]> = getBuiltInScheme(a.one.scheme!)
    ? []
    : [["--scheme", a.one.scheme]];
  prepareOutputs(
    [["input", a.input], ...schemeFile],
    [
      ["--out", a.one.out],
      ["--json", a.one.json],
    ],
    lang,
    io.err,
  );
  const book = await loadBook(a.input, lang);
  const settings = await book.readSettings();
  const sheets = await readSheets(book);
  const year = a.one.year === undefined ? undefined : intOpt(a.one.year, "year", 1990, 2100, 0);
  const opts = options(a.many.option, scheme);
  const r = checkAndScore(sheets, scheme, { year, lang, options: opts, mapping: settings ?? undefined });
  if (!r.run || !r.dataset) {
    io.err(t(lang, "whatif.cli.dataErrors", { n: r.errors }) + "\n");
    return 1;
  }
  const c: Ctx = { a, lang, io, scheme, book, settings, options: opts, data: r.dataset, run: r.run };
  return a.cmd === "sensitivity" ? runSensitivity(c) : runWhatIf(c);
}

/** zonescore sensitivity: the ranks over the runs, the top three's stability, the most influential indicators. */
async function runSensitivity(c: Ctx): Promise<number> {
  const { a, lang, io } = c;
  const res = sensitivity(c.scheme, c.data, c.run, {
    lang,
    options: c.options,
    samples: intOpt(a.one.samples, "samples", 1, 100000, 1000),
    pct: intOpt(a.one.pct, "pct", 0, 90, 20),
    seed: intOpt(a.one.seed, "seed", 0, 2 ** 31 - 1, 1),
  });
  await writeJson(a.one.json, res, io.out);
  if (a.one.json !== "-") {
    for (const i of c.run.order) {
      const u = res.units[i];
      io.out(
        u.all
          ? t(lang, "whatif.cli.sensLine", { rank: u.baseRank ?? "null", name: u.name, ...u.all }) + "\n"
          : `—\t${u.name}\n`,
      );
    }
    io.out(t(lang, "whatif.cli.top3", { pct: Math.round(res.top3Share.all * 1000) / 10 }) + "\n");
    const top = res.leaveOut
      .slice(0, 5)
      .map((l) => `${l.rule} ${schemeWord(c.scheme, lang, l.label)} (${l.meanShift})`);
    io.out(t(lang, "whatif.cli.influential", { list: top.join(t(lang, "whatif.sep")) }) + "\n");
  }
  if (a.one.out !== undefined) {
    await c.book.writeResult({ sheets: [sensitivitySheet(c.scheme, c.run, res, lang)] });
    await writeAtomic(a.one.out, await c.book.toBuffer());
    io.err(t(lang, "whatif.cli.wrote", { out: a.one.out }) + "\n");
  }
  return 0;
}

/** The change set: a saved scenario by name, then every --set. */
function scenarioChanges(c: Ctx): Change[] {
  const { a, lang } = c;
  const saved = c.settings?.scenarios ?? [];
  const changes: Change[] = [];
  if (a.one.scenario !== undefined) {
    const s = saved.find((x) => x.name === a.one.scenario);
    if (!s) {
      const vars = (l: Lang) => ({
        name: a.one.scenario,
        input: a.input,
        saved: saved.map((x) => x.name).join(t(l, "whatif.cli.names")) || t(l, "whatif.cli.none"),
      });
      throw usage("whatif.cli.noScenario", vars);
    }
    changes.push(...s.changes);
  }
  for (const s of a.many.set ?? []) changes.push(setChange(c.scheme, c.data, s, lang));
  return changes;
}

/** --gap: each rule's next level, the cheapest ways up a place, what each award still needs (JSON and text). */
function gapReport(c: Ctx, s: ScenarioResult): { gaps: unknown; text: string } {
  const { lang } = c;
  let i: number;
  try {
    i = findRow(c.data.tables[c.scheme.entityTable], c.a.one.gap, undefined, lang);
  } catch (e) {
    throw usage("whatif.cli.gapError", { why: (e as Error).message });
  }
  const rules = unitGaps(c.scheme, s.data, s.run, i, lang).filter((g) => g);
  const place = placeGap(c.scheme, s.data, s.run, i, { lang, options: c.options });
  const awards = awardGaps(c.scheme, s.data, s.run, i, lang);
  const text =
    `\n${s.run.entities[i].name}\n` +
    rules.map((g) => `  ${g!.text[lang]}\n`).join("") +
    `  ${place.text[lang]}\n` +
    place.ways.map((x) => `    · ${x.text[lang]}\n`).join("") +
    awards.map((x) => `  ${x.text[lang]}\n`).join("");
  return { gaps: { unit: s.run.entities[i].name, rules, place, awards }, text };
}

/** --out: the scenario's result sheets (as values) and 情景对比 in a copy; --save-scenario keeps it by name. */
async function writeScenario(c: Ctx, s: ScenarioResult, changes: Change[], out: string): Promise<void> {
  const { a, lang } = c;
  const name = a.one["save-scenario"] ?? t(lang, "whatif.cli.scenarioName");
  const p = plan(c.scheme, s.run, { lang });
  p.sheets.push(scenarioSheet(c.scheme, c.run, [{ scenario: { name, changes }, run: s.run }], lang));
  await c.book.writeResult(p);
  if (a.one["save-scenario"] !== undefined) {
    const scenarios = saveScenario(c.settings?.scenarios ?? [], { name, changes });
    await c.book.writeSettings({ ...(c.settings ?? {}), scenarios });
  }
  await writeAtomic(out, await c.book.toBuffer());
  c.io.err(t(lang, "whatif.cli.wrote", { out }) + "\n");
}

/** zonescore whatif: the change set rescored and compared with the baseline; --gap; --out. */
async function runWhatIf(c: Ctx): Promise<number> {
  const { a, lang, io } = c;
  const changes = scenarioChanges(c);
  if (a.one["save-scenario"] !== undefined && a.one.out === undefined) throw usage("whatif.cli.saveNeedsOut");
  const w = startWhatIf(c.scheme, c.data, { lang, options: c.options }, c.run);
  const s = runScenario(w, changes);
  const gap = a.one.gap !== undefined ? gapReport(c, s) : { gaps: undefined, text: "" };
  const diff = { changed: s.diff.changed.map((i) => s.diff.unit(i)), moved: s.diff.moved };
  await writeJson(a.one.json, { changes, diff, gaps: gap.gaps }, io.out);
  if (a.one.json !== "-") io.out(diffText(s.diff, lang, (zh) => schemeWord(c.scheme, lang, zh)) + gap.text);
  if (a.one.out !== undefined) await writeScenario(c, s, changes, a.one.out);
  return 0;
}
