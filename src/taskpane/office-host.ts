/** The Excel host: the Office.js adapter behind the pane's operations. */
import { OfficeBook } from "../workbook/office";
import type { HostOps } from "./host";

export function officeHost(): HostOps {
  const book = new OfficeBook(
    (options, batch) => Excel.run(options, batch),
    (set, version) => Office.context.requirements.isSetSupported(set, version),
  );
  return {
    kind: "excel",
    book: () => book,
    selectCell: (sheet, cell) => book.selectCell(sheet, cell),
    insertTemplate: (plan) => book.addSheets(plan),
  };
}
