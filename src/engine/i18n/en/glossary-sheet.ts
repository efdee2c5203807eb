/** Wrong edits of the 术语英文 rules sheet (the scheme's glossary), in English: the keys of zh/glossary-sheet.ts. */
import type { Mirror } from "../types";
import type { glossarySheet as zh } from "../zh/glossary-sheet";

export const glossarySheet: Mirror<typeof zh> = {
  "glossarySheet.header": 'the header should be "{want}", not "{got}"',
  "glossarySheet.noEnglish": 'no English for "{zh}"',
  "glossarySheet.noChinese": 'the English "{en}" has no Chinese word',
  "glossarySheet.twice": '"{zh}" is already given in row {row}',
};
