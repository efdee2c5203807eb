/** The Excel host: the Office.js adapter behind the pane's operations. */
import { OfficeBook } from "../workbook/office";
import { watchInputs } from "../workbook/office-watch";
import { planToXlsx, type HostOps } from "./host";

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function officeHost(): HostOps {
  const supports = (set: string, version: string) => Office.context.requirements.isSetSupported(set, version);
  const book = new OfficeBook((options, batch) => Excel.run(options, batch), supports);
  return {
    kind: "excel",
    book: () => book,
    selectCell: (sheet, cell) => book.selectCell(sheet, cell),
    watch: (o) => watchInputs((options, batch) => Excel.run(options, batch), supports, o),
    async insertTemplate(plan, _name, where) {
      if (where === "current") return book.addSheets(plan);
      // a new workbook (ExcelApi 1.8), so the template never lands beside the user's data
      if (!supports("ExcelApi", "1.8")) throw new Error("ExcelApi 1.8");
      await Excel.createWorkbook(base64(await planToXlsx(plan)));
      return { opened: true };
    },
    async setCellText(sheet, cell, text) {
      await Excel.run({ delayForCellEdit: true }, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem(sheet).getRange(cell);
        // as text: Excel must not read the name as a number, a date or a formula
        r.numberFormat = [["@"]];
        r.values = [[text]];
        await ctx.sync();
      });
    },
  };
}
