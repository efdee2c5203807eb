/** The reader's own texts (English): the same keys as zh/read.ts (the compiler checks). */
import type { Mirror } from "../types";
import type { read as zh } from "../zh/read";

export const read: Mirror<typeof zh> = {
  "read.yearFromCli": "--year",
  "read.noHeader": "(no header)",
  "read.meanOf": 'mean of {n} values of "{header}" in {sheet}',
  "read.schemeDefault": "scheme default",
  "read.paramSheet": "parameter",
  "read.bigUnit": "10k yuan",
};
