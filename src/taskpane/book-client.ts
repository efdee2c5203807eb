/**
 * The page's side of the workbook worker (book-worker.ts): a WorkbookPort whose every operation runs in the worker.
 * Reading reports progress; cancel() terminates the worker at once (a new one starts for the next file). A write
 * reports progress and is cancelled by its signal: the worker is told (`abort`), and stops before it commits.
 */
import type { SheetData } from "../engine/types";
import type { ResultPlan } from "../engine/output/sheet-plan";
import {
  WorkbookError,
  WriteCancelled,
  type CellWrite,
  type FillReport,
  type Settings,
  type WorkbookPort,
  type WriteOptions,
  type WriteReport,
} from "../workbook/port";
import type { TextKey, Vars } from "../engine/i18n";

/** The worker's answer: a value, progress, or an error (a WorkbookError's key and variables with it). */
interface Reply {
  id: number;
  ok?: boolean;
  value?: unknown;
  error?: string;
  key?: TextKey;
  vars?: Vars;
  progress?: Progress;
  /** a write stopped by its signal (the workbook as it was) */
  cancelled?: boolean;
}

export interface Progress {
  done: number;
  total: number;
  stage: string;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (p: Progress) => void;
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export class WorkerBook implements WorkbookPort {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor() {
    this.worker = WorkerBook.spawn();
    this.listen();
  }

  private static spawn(): Worker {
    return new Worker(new URL("./book-worker.ts", import.meta.url), { name: "zonescore-book" });
  }

  private listen(): void {
    this.worker.onmessage = (e: MessageEvent) => {
      const m = e.data as Reply;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.progress) return p.onProgress?.(m.progress);
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else if (m.cancelled) p.reject(new WriteCancelled());
      else p.reject(m.key ? new WorkbookError(m.key, m.vars) : new Error(m.error));
    };
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(e.message || "worker error"));
      this.pending.clear();
    };
  }

  private call<T>(
    op: string,
    args: unknown[],
    onProgress?: (p: Progress) => void,
    transfer: Transferable[] = [],
    signal?: AbortSignal,
  ) {
    const id = this.next++;
    const worker = this.worker;
    // a write that can be cancelled waits before it commits until it is told "go" (or "abort", sent when the signal
    // aborts): an abort sent before the worker is ready is always seen, in order, on the one message port
    const gated = signal
      ? (p: Progress) => (p.stage === "ready" ? worker.postMessage({ id: 0, op: "go", args: [id] }) : onProgress?.(p))
      : onProgress;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: gated });
      worker.postMessage({ id, op, args: signal ? [...args, { signal: true }] : args }, transfer);
      signal?.addEventListener("abort", () => worker.postMessage({ id: 0, op: "abort", args: [id] }), { once: true });
    });
  }

  /** a write in the worker, its progress and cancel carried across (port.ts WriteOptions) */
  private write(op: "writeResult" | "addSheets", plan: ResultPlan, opts?: WriteOptions) {
    if (opts?.signal?.aborted) return Promise.reject(new WriteCancelled());
    const onProgress =
      opts?.onProgress &&
      ((p: Progress) => opts.onProgress!({ done: p.done, total: p.total, final: p.stage === "final" }));
    return this.call<WriteReport>(op, [plan], onProgress, [], opts?.signal);
  }

  /** stop whatever the worker is doing; the workbook it held is gone */
  cancel(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
    this.worker = WorkerBook.spawn();
    this.listen();
  }

  load(data: ArrayBuffer, file: string, lang: "zh" | "en", onProgress?: (p: Progress) => void) {
    return this.call<{ sheets: SheetData[]; settings: Settings | null }>("load", [data, file, lang], onProgress, [
      data,
    ]);
  }
  create() {
    return this.call<null>("create", []);
  }
  /** the workbook as a file; a refusal (the package cannot take the result sheets) comes in `lang` */
  toBuffer(lang: "zh" | "en" = "zh") {
    return this.call<Uint8Array>("toBuffer", [lang]);
  }
  /** 应用建议: one cell of the in-memory workbook (the user's file is untouched; the download has it) */
  setCellText(sheet: string, cell: string, text: string, lang: "zh" | "en" = "zh") {
    return this.call<null>("setCellText", [sheet, cell, text, lang]);
  }
  readSheets() {
    return this.call<SheetData[]>("readSheets", []);
  }
  readSettings() {
    return this.call<Settings | null>("readSettings", []);
  }
  writeSettings(settings: Settings) {
    return this.call<void>("writeSettings", [settings]);
  }
  writeResult(plan: ResultPlan, opts?: WriteOptions) {
    return this.write("writeResult", plan, opts);
  }
  addSheets(plan: ResultPlan, opts?: WriteOptions) {
    return this.write("addSheets", plan, opts);
  }
  fillCells(sheet: string, cells: readonly CellWrite[]) {
    return this.call<FillReport>("fillCells", [sheet, cells]);
  }
}
