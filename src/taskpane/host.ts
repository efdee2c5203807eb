/**
 * What the pane can do, as operations passed to the components (no Office calls inside components).
 * Two hosts: Excel (Office.js adapter) and a file opened in a plain browser (ExcelJS adapter, loaded lazily).
 */
import type { WorkbookPort, WriteReport } from "../workbook/port";
import type { ResultPlan } from "../engine/plan";

export interface HostOps {
  kind: "excel" | "file";
  /** the workbook to work on, or null when no file is open yet (file host) */
  book(): WorkbookPort | null;
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** file host: open a file chosen by the user */
  openFile?(file: File): Promise<string>;
  /** file host: the workbook as a file to download */
  download?(): Promise<{ name: string; blob: Blob }>;
  /** new sheets (input template, rules sheets): into this workbook (Excel) or as a new file (file host) */
  insertTemplate(plan: ResultPlan, fileName: string): Promise<WriteReport | { name: string; blob: Blob }>;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function fileHost(): HostOps {
  let current: import("../workbook/exceljs").ExcelJsBook | null = null;
  let fileName = "";
  const lib = async () => {
    const [{ default: ExcelJS }, mod] = await Promise.all([
      import(/* webpackChunkName: "exceljs" */ "exceljs"),
      import("../workbook/exceljs"),
    ]);
    return { ExcelJS, mod };
  };
  return {
    kind: "file",
    book: () => current,
    async openFile(file: File) {
      const { ExcelJS, mod } = await lib();
      current = await mod.ExcelJsBook.load(ExcelJS, await file.arrayBuffer());
      fileName = file.name;
      return file.name;
    },
    async download() {
      if (!current) throw new Error("no workbook");
      const buf = await current.toBuffer();
      return {
        name: fileName.replace(/(\.xlsx)?$/i, ".zonescore.xlsx"),
        blob: new Blob([buf as BlobPart], { type: XLSX }),
      };
    },
    async insertTemplate(plan: ResultPlan, name: string) {
      const { ExcelJS, mod } = await lib();
      const b = await mod.ExcelJsBook.create(ExcelJS);
      await b.addSheets(plan);
      return { name, blob: new Blob([(await b.toBuffer()) as BlobPart], { type: XLSX }) };
    },
  };
}
