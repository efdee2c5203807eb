/**
 * The standalone page's workbook, in a Web Worker: ExcelJS parses the file, reads the sheets, and later writes the
 * result sheets and the file to download, so the page never freezes. The page talks to it through BookClient
 * (book-client.ts); cancelling terminates the worker. Messages: { id, op, args } → { id, ok, value | error } and
 * { id, progress: { done, total, stage } } while a file is read or a result written. A write sent with a last
 * argument `{ signal: true }` says { progress: { stage: "ready" } } and waits for { op: "go" } or { op: "abort" }
 * (args: [its id]) before it commits; aborted, it ends with { cancelled: true } and the workbook as it was.
 */
import type { ExcelJsBook as Book } from "../workbook/exceljs";
import type { WorkbookPort, WriteOptions } from "../workbook/port";
import type { Lang } from "../engine/types";

interface Request {
  id: number;
  op:
    | "load"
    | "create"
    | "readSheets"
    | "readSettings"
    | "writeSettings"
    | "writeResult"
    | "addSheets"
    | "fillCells"
    | "toBuffer"
    | "setCellText"
    | "abort"
    | "go";
  args: unknown[];
}

type Scope = {
  postMessage(m: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
};
const scope = self as unknown as Scope;
let book: Book | null = null;
/** the writes under way that can be cancelled, by request id, and the go-ahead each one waits for */
const writes = new Map<number, AbortController>();
const gates = new Map<number, () => void>();

const lib = async () => {
  const [{ default: ExcelJS }, mod] = await Promise.all([import("exceljs"), import("../workbook/exceljs")]);
  return { ExcelJS, mod };
};

async function handle(req: Request): Promise<unknown> {
  const progress = (done: number, total: number, stage: string) =>
    scope.postMessage({ id: req.id, progress: { done, total, stage } });
  switch (req.op) {
    case "load": {
      // recognised and measured before ExcelJS parses it (size, rows, cells, merges): a clear message, not a hang
      const [data, file, lang] = req.args as [ArrayBuffer, string, Lang];
      progress(0, 4, "inspect");
      const [{ inspectXlsx, WorkbookFileError }, { message }] = await Promise.all([
        import("../workbook/inspect"),
        import("../engine/messages"),
      ]);
      const fail = (e: unknown): never => {
        if (e instanceof WorkbookFileError) throw new Error(message(lang, e.code, { file, ...e.params }));
        throw new Error(message(lang, "file-xlsx-corrupt", { file }));
      };
      const parts = await inspectXlsx(new Uint8Array(data), file).catch(fail);
      progress(1, 4, "parse");
      const { ExcelJS, mod } = await lib();
      book = await mod.ExcelJsBook.load(ExcelJS, data, { parts }).catch(fail);
      progress(2, 4, "sheets");
      const sheets = await book.readSheets();
      progress(3, 4, "settings");
      const settings = await book.readSettings();
      progress(4, 4, "done");
      return { sheets, settings };
    }
    case "create": {
      const { ExcelJS, mod } = await lib();
      book = await mod.ExcelJsBook.create(ExcelJS);
      return null;
    }
    case "toBuffer":
      return toBuffer((req.args as [Lang | undefined])[0] ?? "zh");
    case "setCellText":
      return setCellText(...(req.args as [string, string, string, Lang]));
    case "writeResult":
    case "addSheets":
      return write(req.op, req.args, progress, req.id);
    default: {
      const port = need() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return port[req.op as keyof WorkbookPort](...req.args);
    }
  }
}

/** A write with progress; one that carries a signal first waits for the page's go-ahead (or abort), then commits. */
async function write(
  op: "writeResult" | "addSheets",
  args: unknown[],
  progress: (done: number, total: number, stage: string) => void,
  id = 0,
): Promise<unknown> {
  const ctl = writes.get(id);
  const opts: WriteOptions = {
    onProgress: (p) => progress(p.done, p.total, p.final ? "final" : "write"),
    signal: ctl?.signal,
  };
  if (ctl)
    await new Promise<void>((go) => {
      gates.set(id, go);
      progress(0, 0, "ready");
    });
  try {
    return await need()[op](args[0] as Parameters<Book["writeResult"]>[0], opts);
  } finally {
    writes.delete(id);
    gates.delete(id);
  }
}

/** The file to download; a package that cannot take the result sheets is a refusal that says why, in `lang`. */
async function toBuffer(lang: Lang): Promise<Uint8Array> {
  const out = await need()
    .toBuffer()
    .then(
      (buf) => ({ buf }),
      (error: unknown) => ({ error }),
    );
  if ("buf" in out) return out.buf;
  const [{ PackageError }, { t }] = await Promise.all([import("../workbook/package"), import("../engine/i18n")]);
  if (out.error instanceof PackageError) throw new Error(t(lang, "workbook.refused", { reason: out.error.text(lang) }));
  throw out.error;
}

/** 应用建议 on the in-memory workbook; a cell it cannot change is a refusal that says why, in `lang`. */
async function setCellText(sheet: string, cell: string, text: string, lang: Lang): Promise<null> {
  const { PackageError } = await import("../workbook/package");
  try {
    await need().setCellText(sheet, cell, text);
  } catch (e) {
    throw e instanceof PackageError ? new Error(e.text(lang)) : e;
  }
  return null;
}

function need(): Book {
  if (!book) throw new Error("no workbook");
  return book;
}

/**
 * A failure as a message: a WorkbookError keeps its key and variables, to be worded in the user's language; a write
 * stopped by its signal says so (`cancelled`).
 */
async function failure(id: number, err: unknown) {
  const { WorkbookError, isWriteCancelled } = await import("../workbook/port");
  const error = err instanceof Error ? err.message : String(err);
  if (isWriteCancelled(err)) return { id, ok: false, error, cancelled: true };
  return err instanceof WorkbookError
    ? { id, ok: false, error, key: err.key, vars: err.vars }
    : { id, ok: false, error };
}

scope.onmessage = (e: MessageEvent) => {
  const req = e.data as Request;
  if (req.op === "abort" || req.op === "go") {
    const id = req.args[0] as number;
    if (req.op === "abort") writes.get(id)?.abort();
    return gates.get(id)?.();
  }
  const last = req.args[req.args.length - 1] as { signal?: boolean } | undefined;
  if (last && typeof last === "object" && last.signal === true) {
    req.args = req.args.slice(0, -1);
    writes.set(req.id, new AbortController());
  }
  handle(req).then(
    (value) => scope.postMessage({ id: req.id, ok: true, value }),
    (err: unknown) => failure(req.id, err).then((m) => scope.postMessage(m)),
  );
};
