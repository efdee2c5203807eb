/**
 * What the pane can do, as operations passed to the components (no Office calls inside components).
 * Two hosts: Excel (Office.js adapter) and a file opened in a plain browser (ExcelJS in a Web Worker).
 */
import type { WorkbookPort, WriteReport } from "../workbook/port";
import type { ResultPlan } from "../engine/output/sheet-plan";
import type { Progress } from "./book-client";
import type { WatchOptions } from "../workbook/office-watch";

export type { Progress };

export interface HostOps {
  kind: "excel" | "file";
  /** the workbook to work on, or null when no file is open yet (file host) */
  book(): WorkbookPort | null;
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** file host: open a file chosen by the user; reading reports progress and can be cancelled */
  openFile?(file: File, lang: "zh" | "en", onProgress?: (p: Progress) => void): Promise<string>;
  /** stop the running read (file host: terminates the worker; the previous workbook is closed too) */
  cancel?(): void;
  /** file host: the workbook as a file to download */
  download?(lang?: "zh" | "en"): Promise<{ name: string; blob: Blob }>;
  /**
   * new sheets (input template, rules sheets): into a new workbook (Excel: a new window; file host: a download), or,
   * when the user chose it and confirmed, into this workbook (Excel only)
   */
  insertTemplate(
    plan: ResultPlan,
    fileName: string,
    where: "new" | "current",
  ): Promise<WriteReport | { name: string; blob: Blob } | { opened: true }>;
  /** 应用建议: write text into one cell the user pointed at and confirmed (a refusal comes in `lang`) */
  setCellText?(sheet: string, cell: string, text: string, lang?: "zh" | "en"): Promise<void>;
  /** Excel: follow edits of the input sheets (one read sync per burst); resolves to a stop function, or null */
  watch?(o: WatchOptions): Promise<(() => Promise<void>) | null>;
}

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A plan as a new .xlsx file (ExcelJS, loaded lazily). */
export async function planToXlsx(plan: ResultPlan): Promise<Uint8Array> {
  const [{ default: ExcelJS }, mod] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ "exceljs"),
    import("../workbook/exceljs"),
  ]);
  const b = await mod.ExcelJsBook.create(ExcelJS);
  await b.addSheets(plan);
  return b.toBuffer();
}

export function fileHost(): HostOps {
  let worker: import("./book-client").WorkerBook | null = null;
  let open = false;
  let fileName = "";
  const client = async () => {
    if (!worker) {
      const { WorkerBook } = await import("./book-client");
      worker = new WorkerBook();
    }
    return worker;
  };
  return {
    kind: "file",
    book: () => (open ? worker : null),
    async openFile(file: File, lang: "zh" | "en", onProgress?: (p: Progress) => void) {
      const w = await client();
      open = false;
      await w.load(await file.arrayBuffer(), file.name, lang, onProgress);
      open = true;
      fileName = file.name;
      return file.name;
    },
    cancel() {
      worker?.cancel();
      open = false;
    },
    async download(lang?: "zh" | "en") {
      if (!worker || !open) throw new Error("no workbook");
      const buf = await worker.toBuffer(lang);
      return {
        name: fileName.replace(/(\.xlsx)?$/i, ".zonescore.xlsx"),
        blob: new Blob([buf as BlobPart], { type: XLSX }),
      };
    },
    async insertTemplate(plan: ResultPlan, name: string) {
      return { name, blob: new Blob([(await planToXlsx(plan)) as BlobPart], { type: XLSX }) };
    },
    // 应用建议 changes the workbook in memory: the user's file is untouched; the downloaded copy has the cell changed
    // (only that cell of that sheet's part; every other part of the user's package byte for byte)
    async setCellText(sheet: string, cell: string, text: string, lang?: "zh" | "en") {
      if (!worker || !open) throw new Error("no workbook");
      await worker.setCellText(sheet, cell, text, lang);
    },
  };
}
