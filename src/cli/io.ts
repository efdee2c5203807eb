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

export async function writeJson(target: string | undefined, value: unknown, out: (s: string) => void): Promise<void> {
  if (target === undefined) return;
  const text = JSON.stringify(value, null, 2) + "\n";
  if (target === "-") out(text);
  else await writeAtomic(target, text);
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
