/**
 * The fuzz suite: seeded mutations of the built-in samples at cell, row, sheet and file level, each case sent through
 * what a user's file goes through — recognition and limits, the ExcelJS reader, the engine (check and score, forced),
 * the result plan (live formulas and values), the ExcelJS writer, and the written file read back. Every case is
 * determined by its seed alone, so a failure is replayed with `npm run fuzz -- --seed N`.
 *
 * A case fails on: a crash (an exception other than the reader's own refusals), a non-finite number in a result
 * (totals, points, awards) or a null where --json promises a number, an input modified, or an output that cannot be
 * read back. Hangs (> 20 s) are caught by the runner (scripts/fuzz.js runs cases in a worker it can stop).
 */
import ExcelJS from "exceljs";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { mujunSamplePlan } from "../../src/samples/mujun";
import { checkAndScore, plan, toJson } from "../../src/engine/pipeline";
import { recogniseFile } from "../../src/engine/read/filekind";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { inspectXlsx, WorkbookFileError } from "../../src/workbook/inspect";
import { PackageError } from "../../src/workbook/package";
import type { Scheme } from "../../src/engine/scheme/schema";

export const SCHEMES = ["huaibei-2023", "chifeng-2020", "mujun-template"];
export type Level = "cell" | "row" | "sheet" | "file";

export interface CaseResult {
  seed: number;
  scheme: string;
  level: Level;
  mutations: string[];
  /** what happened: scored, refused (with the message code), or a failure kind */
  outcome: "scored" | "not-scored" | "refused";
  refusal?: string;
  failure?: "crash" | "non-finite" | "input-modified" | "unreadable-output";
  detail?: string;
  ms: number;
}

/** mulberry32: small, fast, good enough to pick mutations */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const base = new Map<string, Uint8Array>();
/** The built-in sample of a scheme, as an .xlsx written by ExcelJS (built once per process). */
export async function sampleFile(id: string): Promise<Uint8Array> {
  const hit = base.get(id);
  if (hit) return hit;
  const b = await ExcelJsBook.create(ExcelJS);
  const scheme = getBuiltInScheme(id)!;
  // the mujun sample with 100 enterprises instead of 2,000: the same generator, cases many times faster
  await b.addSheets(id === "mujun-template" ? mujunSamplePlan(scheme, 100) : samplePlan(scheme)!);
  const buf = await b.toBuffer();
  base.set(id, buf);
  return buf;
}

/** Cell values an official (or a broken export) might leave in any cell. */
function cellValue(r: R): { value: ExcelJS.CellValue; numFmt?: string; label: string } {
  const k = int(r, 0, 27);
  switch (k) {
    case 0:
      return { value: 1e300, label: "1e300" };
    case 1:
      return { value: -1e300, label: "-1e300" };
    case 2:
      return { value: 1e16 * (1 + r()), label: "1e16" };
    case 3:
      return { value: Number.MAX_VALUE, label: "MAX_VALUE" };
    case 4:
      return { value: Number.MIN_VALUE, label: "MIN_VALUE" };
    case 5:
      return { value: new Date(Date.UTC(2023, int(r, 0, 11), int(r, 1, 28))), label: "date" };
    case 6:
      return {
        value: int(r, 1, 50000),
        numFmt: pick(r, ["yyyy-mm-dd", "m/d/yy", 'yyyy"年"m"月"d"日"']),
        label: "date-fmt",
      };
    case 7:
      return { value: r(), numFmt: pick(r, ["0%", "0.00%"]), label: "percent-fmt" };
    case 8:
      return {
        value: pick(r, ["=1+1", '=HYPERLINK("http://x")', "@SUM(A1)", "+1", "-1", "=cmd|' /C calc'!A0"]),
        label: "formula-text",
      };
    case 9:
      return { value: pick(r, ["*", "?", "~", "*濉溪*", "<5", ">=3", "=濉溪", "~*", " "]), label: "wildcard-text" };
    case 10:
      return { value: "长".repeat(int(r, 256, 40000)), label: "long-text" };
    case 11:
      return { value: null, label: "empty" };
    case 12:
      return { value: r() < 0.5, label: "boolean" };
    case 13:
      return {
        value: { error: pick(r, ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NUM!"]) } as ExcelJS.CellErrorValue,
        label: "error",
      };
    case 14:
      return { value: { richText: [{ text: "1" }, { text: "2.5" }] }, label: "rich-text" };
    case 15:
      return {
        value: pick(r, ["1,234", "１２３", "(5)", "12%", "3亿元", "500万元", "80亩", "1.2万", "—", "/", "无"]),
        label: "typed-number",
      };
    case 16:
      return { value: -int(r, 1, 1000), label: "negative" };
    case 17:
      return { value: 0, label: "zero" };
    case 18:
      return {
        value: pick(r, ["NaN", "Infinity", "-Infinity", "1e400", "0x1F", "1e15", "9".repeat(400)]),
        label: "numeric-text",
      };
    case 19:
      return {
        value: { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue,
        label: "formula-error",
      };
    case 20:
      return { value: { formula: "A1*2", result: int(r, 0, 999) } as ExcelJS.CellValue, label: "formula" };
    case 21:
      return { value: pick(r, ["是", "否", "Y", "N", "√", "×", "1", "0", "maybe"]), label: "yes-no" };
    case 22:
      return { value: pick(r, ["合计", "总计", "其中：", "注：数据来源"]), label: "total-label" };
    case 23:
      return { value: r() * 1e6, label: "random" };
    case 24:
      return { value: "\u0000\u0007\ud800", label: "control-chars" };
    case 25:
      return { value: pick(r, ["2022年", "2023年", "2024年", "本年", "上年"]), label: "year-text" };
    case 26:
      return {
        value: { text: "link", hyperlink: "http://example.invalid" } as ExcelJS.CellHyperlinkValue,
        label: "hyperlink",
      };
    default:
      return { value: 1e15 + r(), label: "near-limit" };
  }
}

function sheetOf(wb: ExcelJS.Workbook, r: R): ExcelJS.Worksheet | undefined {
  const ws = wb.worksheets;
  return ws.length ? pick(r, ws) : undefined;
}

/** Mutate the workbook model (cell, row and sheet level); returns the descriptions. */
function mutateBook(wb: ExcelJS.Workbook, level: Level, r: R, out: string[]): void {
  const ws = sheetOf(wb, r);
  if (!ws) return;
  const rows = Math.max(1, ws.rowCount);
  const cols = Math.max(1, ws.columnCount);
  if (level === "cell") {
    const n = int(r, 1, 4);
    for (let i = 0; i < n; i++) {
      const row = int(r, 1, rows + 1);
      const col = int(r, 1, cols + 1);
      const v = cellValue(r);
      const cell = ws.getRow(row).getCell(col);
      if (cell.isMerged && cell.master !== cell) continue;
      cell.value = v.value;
      if (v.numFmt) cell.numFmt = v.numFmt;
      out.push(`cell ${ws.name}!${cell.address} = ${v.label}`);
    }
  } else if (level === "row") {
    const k = int(r, 0, 5);
    const at = int(r, 1, rows);
    if (k === 0) {
      ws.spliceRows(at, 1);
      out.push(`row delete ${ws.name}!${at}`);
    } else if (k === 1) {
      const values = ws.getRow(at).values as ExcelJS.CellValue[];
      ws.insertRow(at + 1, values.slice(1));
      out.push(`row duplicate ${ws.name}!${at}`);
    } else if (k === 2) {
      ws.insertRow(at, []);
      out.push(`row blank ${ws.name}!${at}`);
    } else if (k === 3) {
      const values = ws.getRow(at).values as ExcelJS.CellValue[];
      ws.addRow(values.slice(1));
      out.push(`row copy-to-end ${ws.name}!${at}`);
    } else if (k === 4) {
      const row = ws.getRow(at);
      for (let c = 1; c <= cols; c++) row.getCell(c).value = cellValue(r).value;
      out.push(`row garbage ${ws.name}!${at}`);
    } else {
      ws.getRow(rows + int(r, 1, 3)).getCell(1).value = pick(r, ["合计", "注：以上数据为初步统计", "濉溪经济开发区"]);
      out.push(`row trailer ${ws.name}`);
    }
  } else if (level === "sheet") {
    const k = int(r, 0, 7);
    if (k === 0) {
      const name = pick(r, ["2022年指标", "2023年指标", "加分汇总", "参数", "Sheet1", "x".repeat(31), "指标（副本）"]);
      if (!wb.worksheets.some((w) => w.name === name)) {
        out.push(`sheet rename ${ws.name} → ${name}`);
        ws.name = name;
      }
    } else if (k === 1) {
      ws.state = pick(r, ["hidden", "veryHidden"] as const);
      out.push(`sheet ${ws.state} ${ws.name}`);
    } else if (k === 2) {
      wb.removeWorksheet(ws.id);
      out.push(`sheet delete ${ws.name}`);
    } else if (k === 3) {
      const name = `${pick(r, ["2022年", "2023年", "旧"])}${ws.name}`.slice(0, 31);
      if (!wb.getWorksheet(name)) {
        const copy = wb.addWorksheet(name, { state: r() < 0.3 ? "hidden" : "visible" });
        ws.eachRow((row, rn) => {
          copy.getRow(rn).values = (row.values as ExcelJS.CellValue[]).slice(1);
        });
        out.push(`sheet copy ${ws.name} → ${name}`);
      }
    } else if (k === 4) {
      wb.addWorksheet(`空表${int(r, 1, 99)}`);
      out.push("sheet add empty");
    } else if (k === 5) {
      const top = int(r, 1, rows);
      const left = int(r, 1, cols);
      try {
        ws.mergeCells(top, left, top + int(r, 0, 3), left + int(r, 0, 3));
        out.push(`sheet merge ${ws.name} at ${top},${left}`);
      } catch {
        // overlapping an existing merge: ExcelJS refuses, as Excel would
      }
    } else if (k === 6) {
      for (let i = 0; i < int(r, 1, 40); i++)
        ws.getRow(int(r, 1, rows)).getCell(int(r, 1, cols)).value = cellValue(r).value;
      out.push(`sheet scatter ${ws.name}`);
    } else {
      ws.getCell(pick(r, ["XFD1", "A1048576", "Z5000"])).value = pick(r, [" ", "x", 1]);
      out.push(`sheet far cell ${ws.name}`);
    }
  }
}

const FIXTURES = path.join(__dirname, "..", "corpus", "files");

/** File-level mutations on the bytes. */
async function mutateFile(buf: Uint8Array, r: R, out: string[]): Promise<Uint8Array> {
  const k = int(r, 0, 13);
  const b = Buffer.from(buf);
  switch (k) {
    case 0:
      out.push("file empty");
      return new Uint8Array(0);
    case 1: {
      const n = int(r, 1, b.length - 1);
      out.push(`file truncate ${n}`);
      return b.subarray(0, n);
    }
    case 2: {
      const c = Buffer.from(b);
      for (let i = 0; i < int(r, 1, 20); i++) c[int(r, 0, c.length - 1)] = int(r, 0, 255);
      out.push("file flip bytes");
      return c;
    }
    case 3:
      out.push("file random");
      return Uint8Array.from({ length: int(r, 1, 8192) }, () => int(r, 0, 255));
    case 4:
      out.push("file csv");
      return Buffer.from("开发区,规上工业产值\n濉溪,106.6\n");
    case 5:
      out.push("file append garbage");
      return Buffer.concat([b, Buffer.from("garbage after the end")]);
    case 6:
      out.push("file xls");
      return fs.readFileSync(path.join(FIXTURES, "sample.xls"));
    case 7:
      out.push("file ods");
      return fs.readFileSync(path.join(FIXTURES, "sample.ods"));
    case 8:
      out.push("file encrypted");
      return fs.readFileSync(path.join(FIXTURES, "encrypted.xlsx"));
    default: {
      // inside the package: a claimed dimension, a merge bomb, a part removed or broken
      const JSZip = (await import("jszip")).default;
      const z = await JSZip.loadAsync(buf);
      const sheets = Object.keys(z.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
      const p = pick(r, sheets);
      let x = await z.file(p)!.async("string");
      if (k === 9) {
        x = x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>');
        out.push(`file dimension claim ${p}`);
      } else if (k === 10) {
        const ref = pick(r, ["A50:XFD1048576", "A50:Z200000", "B60:C70"]);
        x = x
          .replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "")
          .replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
        out.push(`file merge ${ref} ${p}`);
      } else if (k === 11) {
        z.remove(pick(r, ["xl/styles.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml"]));
        out.push("file remove part");
      } else if (k === 12) {
        x = x.slice(0, int(r, 0, x.length));
        out.push(`file cut xml ${p}`);
      } else {
        x = x.replace(
          "</sheetData>",
          '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row></sheetData>',
        );
        out.push(`file far blank ${p}`);
      }
      z.file(p, x);
      return new Uint8Array(await z.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    }
  }
}

const hash = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

/** Numbers the JSON promises: every one must be finite (NaN and ±Infinity become null in JSON). */
function nonFinite(json: ReturnType<typeof toJson>): string | null {
  for (const e of json.entities) {
    for (const k of ["total", "score", "bonus", "deduction"] as const)
      if (!Number.isFinite(e[k])) return `${e.name}.${k} = ${e[k]}`;
    if (e.base !== null && !Number.isFinite(e.base)) return `${e.name}.base = ${e.base}`;
    for (const [g, v] of Object.entries(e.groups)) if (!Number.isFinite(v)) return `${e.name}.groups.${g} = ${v}`;
    for (const p of e.parts) if (!Number.isFinite(p.points)) return `${e.name}.${p.rule} = ${p.points}`;
  }
  for (const a of json.awards) if (!Number.isFinite(a.amount)) return `award ${a.entity}.${a.rule} = ${a.amount}`;
  return null;
}

export interface CaseOptions {
  /** read the written workbook back with ExcelJS (otherwise its zip structure is checked) */
  reread?: boolean;
  /** keep the mutated input and the output here when a case fails */
  saveDir?: string;
  /** hand cell, row and sheet mutations to the reader as a workbook model, not as bytes (faster; the smoke run) */
  inMemory?: boolean;
  /** serialise the written workbook on every n-th seed only (ExcelJS's zip writing is most of a case's time); 1 = all */
  serialiseEvery?: number;
}

/**
 * Build the mutated input of a seed (deterministic). With `inMemory`, cell, row and sheet mutations are handed over
 * as the mutated ExcelJS workbook (no write and re-read of the input): the smoke run's profile.
 */
export async function makeCase(
  seed: number,
  inMemory = false,
): Promise<{ scheme: Scheme; level: Level; input: Uint8Array; mutations: string[]; wb?: ExcelJS.Workbook }> {
  const r = rng(seed);
  const id = pick(r, SCHEMES);
  const scheme = getBuiltInScheme(id)!;
  const level = pick(r, ["cell", "cell", "row", "sheet", "file"] as const);
  const mutations: string[] = [];
  let input = await sampleFile(id);
  if (level === "file") input = await mutateFile(input, r, mutations);
  else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer);
    const rounds = int(r, 1, 3);
    for (let i = 0; i < rounds; i++) mutateBook(wb, level, r, mutations);
    if (inMemory) return { scheme, level, input, mutations, wb };
    input = new Uint8Array(await wb.xlsx.writeBuffer());
  }
  return { scheme, level, input, mutations };
}

/** Run one case through reader, engine, plan and writer; never throws. */
export async function runCase(seed: number, opts: CaseOptions = {}): Promise<CaseResult> {
  const t0 = Date.now();
  let built: Awaited<ReturnType<typeof makeCase>>;
  try {
    built = await makeCase(seed, opts.inMemory);
  } catch (e) {
    // the mutator itself failed (ExcelJS refusing an edit): not a finding about ZoneScore, but never hidden
    return {
      seed,
      scheme: "?",
      level: "cell",
      mutations: [],
      outcome: "refused",
      refusal: `mutator: ${(e as Error).message}`,
      ms: Date.now() - t0,
    };
  }
  const { scheme, level, input, mutations, wb } = built;
  const res: CaseResult = { seed, scheme: scheme.id, level, mutations, outcome: "refused", ms: 0 };
  const before = hash(input);
  let output: Uint8Array | undefined;
  const fail = (failure: CaseResult["failure"], detail: string): CaseResult => {
    res.failure = failure;
    res.detail = detail;
    res.ms = Date.now() - t0;
    if (opts.saveDir) {
      fs.mkdirSync(opts.saveDir, { recursive: true });
      fs.writeFileSync(path.join(opts.saveDir, `${seed}.xlsx`), input);
      if (output) fs.writeFileSync(path.join(opts.saveDir, `${seed}-out.xlsx`), output);
      fs.writeFileSync(path.join(opts.saveDir, `${seed}.json`), JSON.stringify(res, null, 2) + "\n");
    }
    return res;
  };
  // 1. recognition and limits: a refusal with a message code is the expected answer to a broken file
  try {
    if (!wb) await inspectXlsx(input, "fuzz.xlsx");
  } catch (e) {
    if (e instanceof WorkbookFileError) {
      res.refusal = e.code;
      res.ms = Date.now() - t0;
      return hash(input) === before ? res : fail("input-modified", "after inspection");
    }
    return fail("crash", `inspect: ${(e as Error).stack}`);
  }
  let book: ExcelJsBook;
  try {
    book = wb ? new ExcelJsBook(wb) : await ExcelJsBook.load(ExcelJS, input);
  } catch (e) {
    // what the command line reports as file-xlsx-corrupt
    res.refusal = `file-xlsx-corrupt (${String((e as Error).message).slice(0, 80)})`;
    res.ms = Date.now() - t0;
    return res;
  }
  try {
    let sheets;
    try {
      sheets = await book.readSheets();
    } catch (e) {
      if (e instanceof WorkbookFileError) {
        res.refusal = e.code;
        res.ms = Date.now() - t0;
        return res;
      }
      throw e;
    }
    const settings = await book.readSettings();
    const r = checkAndScore(sheets, scheme, { force: true, mapping: settings ?? undefined });
    const json = toJson(scheme.id, r.allIssues, r.run, r.dataset?.year ?? null);
    const bad = nonFinite(json);
    if (bad) return fail("non-finite", bad);
    if (
      JSON.stringify(json).includes("null") &&
      /"(total|score|bonus|deduction|points|amount)":null/.test(JSON.stringify(json))
    )
      return fail("non-finite", "null where a number is promised");
    if (!r.run) {
      res.outcome = "not-scored";
    } else {
      const p = plan(scheme, r.run, { formulas: seed % 2 ? { data: r.dataset!, sheets } : undefined });
      await book.writeResult(p);
      res.outcome = "scored";
      if (seed % (opts.serialiseEvery ?? 1) !== 0) {
        res.ms = Date.now() - t0;
        return hash(input) === before ? res : fail("input-modified", "the input bytes changed");
      }
      try {
        output = await book.toBuffer();
      } catch (e) {
        // the package cannot take the result sheets without changing the user's parts (e.g. it has no styles part):
        // the command line and the pane refuse with this reason and offer the results as a separate workbook
        if (!(e instanceof PackageError)) throw e;
        res.outcome = "refused";
        res.refusal = `package: ${e.message}`;
        res.ms = Date.now() - t0;
        return hash(input) === before ? res : fail("input-modified", "the input bytes changed");
      }
      if (recogniseFile(output) !== "xlsx")
        return fail("unreadable-output", `written file is ${recogniseFile(output)}`);
      try {
        if (opts.reread) {
          // read back by the package reader and parsed by ExcelJS (a second, independent reader of what we wrote)
          const back = await ExcelJsBook.load(ExcelJS, output, { model: true });
          const names = (await back.readSheets()).map((s) => s.name);
          if (!names.length) return fail("unreadable-output", "no sheets read back");
        } else {
          const JSZip = (await import("jszip")).default;
          const z = await JSZip.loadAsync(output);
          if (!z.file("xl/workbook.xml")) return fail("unreadable-output", "no xl/workbook.xml");
        }
      } catch (e) {
        return fail("unreadable-output", (e as Error).message);
      }
    }
  } catch (e) {
    return fail("crash", (e as Error).stack ?? String(e));
  }
  if (hash(input) !== before) return fail("input-modified", "the input bytes changed");
  res.ms = Date.now() - t0;
  return res;
}

/** The command line on a case, in process: the input file must stay byte-identical, no temporaries left. */
export async function runCliCase(seed: number, dir: string): Promise<CaseResult> {
  const t0 = Date.now();
  const { scheme, level, input, mutations } = await makeCase(seed);
  const res: CaseResult = { seed, scheme: scheme.id, level, mutations, outcome: "refused", ms: 0 };
  const f = path.join(dir, `in-${seed}.xlsx`);
  const out = path.join(dir, `out-${seed}.xlsx`);
  fs.writeFileSync(f, input);
  const before = hash(fs.readFileSync(f));
  // the compiled command line, as users run it
  const { main } = (await import("../../src/cli/main")) as typeof import("../../src/cli/main");
  let code: number;
  let err = "";
  try {
    code = await main(
      ["score", f, "--scheme", scheme.id, "--out", out, "--force", "--json", path.join(dir, `out-${seed}.json`)],
      {
        out: () => undefined,
        err: (s) => (err += s),
      },
    );
  } catch (e) {
    res.failure = "crash";
    res.detail = (e as Error).stack;
    return res;
  }
  res.ms = Date.now() - t0;
  if (hash(fs.readFileSync(f)) !== before) {
    res.failure = "input-modified";
    return res;
  }
  const left = fs.readdirSync(dir).filter((n) => n.includes(".tmp-"));
  if (left.length) {
    res.failure = "crash";
    res.detail = `temporaries left: ${left.join(", ")}`;
    return res;
  }
  if (code === 2) {
    res.refusal = err.split("\n")[0];
    if (/\n\s+at /.test(err)) {
      res.failure = "crash";
      res.detail = err;
    }
  } else res.outcome = fs.existsSync(out) ? "scored" : "not-scored";
  if (fs.existsSync(out)) {
    try {
      await ExcelJsBook.load(ExcelJS, fs.readFileSync(out));
    } catch (e) {
      res.failure = "unreadable-output";
      res.detail = (e as Error).message;
    }
  }
  return res;
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "zs-fuzz-"));
}

export interface Summary {
  cases: number;
  scored: number;
  notScored: number;
  refused: number;
  refusals: Record<string, number>;
  failures: CaseResult[];
  byLevel: Record<string, number>;
  slowestMs: number;
}

export function summarise(results: readonly CaseResult[]): Summary {
  const s: Summary = {
    cases: results.length,
    scored: 0,
    notScored: 0,
    refused: 0,
    refusals: {},
    failures: [],
    byLevel: {},
    slowestMs: 0,
  };
  for (const r of results) {
    s.byLevel[r.level] = (s.byLevel[r.level] ?? 0) + 1;
    s.slowestMs = Math.max(s.slowestMs, r.ms);
    if (r.failure) s.failures.push(r);
    if (r.outcome === "scored") s.scored++;
    else if (r.outcome === "not-scored") s.notScored++;
    else {
      s.refused++;
      // the command line's refusals are one-line messages: counted together
      const k = (r.refusal ?? "").startsWith("zonescore:")
        ? "command line (exit 2)"
        : (r.refusal ?? "").replace(/ \(.*$/, "");
      s.refusals[k] = (s.refusals[k] ?? 0) + 1;
    }
  }
  return s;
}
