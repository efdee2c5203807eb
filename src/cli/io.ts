/**
 * Input workbooks and output files of every command (score, check, targets, whatif, sensitivity): an input is
 * recognised and measured before ExcelJS parses it; outputs are checked before any work (never an input, never each
 * other, writable; temporaries left by an interrupted run reported); JSON goes to a file or standard output.
 */
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../workbook/exceljs";
import { inspectXlsx, WorkbookFileError } from "../workbook/inspect";
import { message } from "../engine/messages";
import type { Lang, SheetData } from "../engine/types";
import { checkWritable, guardOutputs, readInput, staleTemps, writeAtomic } from "./files";
import { UsageError } from "./usage";
import { t } from "../engine/i18n";
import { Lazy } from "../engine/lazy";

/** A workbook error (not an .xlsx, over a limit) as a usage error in the user's language. */
export function fileError(e: WorkbookFileError): UsageError {
  return new UsageError((lang) => message(lang, e.code, e.params));
}

/** Load an input workbook: recognised and measured (and unzipped, once) before it is read. */
export async function loadBook(file: string | undefined, lang: Lang): Promise<ExcelJsBook> {
  void lang;
  if (!file) throw UsageError.of("cli.needInput");
  const data = readInput(file);
  let parts;
  try {
    parts = await inspectXlsx(data, file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw fileError(e);
    throw e;
  }
  try {
    return await ExcelJsBook.load(ExcelJS, data, { parts });
  } catch (e) {
    if (e instanceof WorkbookFileError) throw fileError(e);
    throw fileError(new WorkbookFileError("file-xlsx-corrupt", { file }));
  }
}

export async function readSheets(book: ExcelJsBook): Promise<SheetData[]> {
  try {
    return await book.readSheets();
  } catch (e) {
    if (e instanceof WorkbookFileError) throw fileError(e);
    throw e;
  }
}

/**
 * JSON.stringify(value, null, 2) + "\n", in pieces of about 16 KB: a result of a million units is far longer than the
 * longest string JavaScript can hold, so it is never made whole (to a file or standard output); its `Lazy` lists are
 * made member by member as they are written.
 */
export async function writeJson(target: string | undefined, value: unknown, out: (s: string) => void): Promise<void> {
  if (target === undefined) return;
  if (target === "-") for (const s of batched(jsonChunks(value))) out(s);
  else await writeAtomic(target, toAsync(batched(jsonChunks(value))));
}

async function* toAsync(chunks: Iterable<string>): AsyncGenerator<string> {
  yield* chunks;
}

/**
 * Chunks joined into pieces of at least `size` characters, the last one ending with a newline. Small pieces keep the
 * heap small: what a piece holds when a young-generation collection runs is moved to the old generation and lingers
 * there as garbage until a full collection. Measured writing the 1,000,000-enterprise result (bench-scale-million.js,
 * heap 789 MB before): the heap peaked 1,645 MB higher with pieces of 1 MB, 567 MB with 64 KB, 395 MB with 16 KB.
 */
function* batched(chunks: Iterable<string>, size = 1 << 14): Generator<string> {
  let buf = "";
  for (const c of chunks) {
    buf += c;
    if (buf.length >= size) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}\n`;
}

/**
 * The text of JSON.stringify(v, null, 2) in chunks: objects and arrays down to `depth` levels are written member by
 * member, what lies deeper by JSON.stringify itself (re-indented). A `Lazy` sequence is written as the array it
 * stands for, each member made as it is written.
 */
export function* jsonChunks(v: unknown, indent = "", depth = 2): Generator<string> {
  const skip = (x: unknown) => x === undefined || typeof x === "function" || typeof x === "symbol";
  const lazy = v instanceof Lazy;
  const toJSON = v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function";
  if (depth === 0 || v === null || typeof v !== "object" || (toJSON && !lazy)) {
    const s = JSON.stringify(v, null, 2) as string | undefined;
    yield s === undefined ? "null" : indent ? s.replace(/\n/g, `\n${indent}`) : s;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v) || lazy) {
    // a lazy sequence's members are made here, one at a time, and dropped once written
    const items: Iterable<unknown> = v as Iterable<unknown>;
    let i = 0;
    for (const x of items) {
      yield `${i++ ? "," : "["}\n${inner}`;
      yield* jsonChunks(skip(x) ? null : x, inner, depth - 1);
    }
    return yield i ? `\n${indent}]` : "[]";
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !skip(o[k]));
  if (!keys.length) return yield "{}";
  yield "{";
  for (let i = 0; i < keys.length; i++) {
    yield `${i ? "," : ""}\n${inner}${JSON.stringify(keys[i])}: `;
    yield* jsonChunks(o[keys[i]], inner, depth - 1);
  }
  yield `\n${indent}}`;
}

/** Outputs are checked before any work: never an input, never each other, writable; stale temporaries reported. */
export function prepareOutputs(
  inputs: Array<[string, string | undefined]>,
  outputs: Array<[string, string | undefined]>,
  lang: Lang,
  err: (s: string) => void,
): void {
  const ins = inputs.filter((x): x is [string, string] => x[1] !== undefined && x[1] !== "-");
  const outs = outputs.filter((x): x is [string, string] => x[1] !== undefined && x[1] !== "-");
  guardOutputs(ins, outs);
  for (const [, f] of outs) {
    checkWritable(f);
    for (const tmp of staleTemps(f)) err(`${t(lang, "cli.staleTemp", { file: tmp })}\n`);
  }
}
