/** The workbook adapters' texts (English): the same keys as zh/workbook.ts (the compiler checks). */
import type { Mirror } from "../types";
import type { workbook as zh } from "../zh/workbook";

export const workbook: Mirror<typeof zh> = {
  "workbook.noPart": "the package has no part {name}",
  "workbook.noWorkbookPart": "the package has no workbook part",
  "workbook.stylesForm": "styles.xml has an unexpected form",
  "workbook.stylesNoXfs": "styles.xml has an unexpected form (no cellXfs)",
  "workbook.workbookForm": "workbook.xml has an unexpected form",
  "workbook.prefixed": "workbook.xml uses prefixed elements",
  "workbook.strict":
    "the workbook is saved as Strict Open XML, and the result sheets cannot be added in that format " +
    '(save it as "Excel Workbook (*.xlsx)" and try again)',
  "workbook.noStyles": "the workbook has no styles part",
  "workbook.noSheets": "workbook.xml lists no sheets",
  "workbook.noCell": "cell {cell} of the sheet {sheet} holds no value to replace; nothing was changed",
  "workbook.cellFormula":
    "cell {cell} of the sheet {sheet} is a formula; nothing was changed (change the cells it refers to)",
  "workbook.refused":
    "cannot add the result sheets without changing the rest of the workbook: {reason}. No file was made.",
  "workbook.notice.noNotes":
    "This Excel cannot add cell notes (ExcelApi 1.18 needed): the basis of {n} score cells is in the details sheet.",
  "workbook.notice.notesCap":
    "Notes reached {cap} per workbook: the basis of the other {n} score cells is in the details sheet.",
  "workbook.notice.noPage":
    "This Excel has no page layout (ExcelApi 1.9 needed): orientation, paper and print titles were not set.",
  "workbook.moreNotes": "{n} more score cells have no note ({cap} per workbook at most); see the details sheet.",
};
