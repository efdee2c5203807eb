/** The reader's own texts (English): the same keys as zh/read.ts (the compiler checks). */
import type { Mirror } from "../types";
import type { read as zh } from "../zh/read";

export const read: Mirror<typeof zh> = {
  "read.yearFromCli": "--year",
  "read.noHeader": "(no header)",
  "read.meanOf": 'mean of {n} values of "{header}" in {sheet}',
  "read.schemeDefault": "scheme default",
  "read.yearly": "yearly",
  "read.paramSheet": "parameter",
  "read.bigUnit": "10k yuan",
  "read.quotedSheet": '"{sheet}"',
  "read.listSep": ", ",
  "read.reason.yearInName": "its name or title carries the evaluation year {year}",
  "read.reason.otherYears": "the other sheets are marked with other years than the evaluation year {year}",
  "read.reason.columns": "more of the table's columns were found on it",
  "read.reason.visible": "a visible sheet is preferred to hidden ones",
  "read.year": "{year}",
  "read.totalRow": "total",
  "read.kind.count": "a count",
  "read.kind.unit": "in {unit}",
  "read.kind.number": "in numbers",
};
