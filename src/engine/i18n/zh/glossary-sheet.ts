/** Wrong edits of the 术语英文 rules sheet (the scheme's glossary), in Chinese. */
import type { Entries } from "../types";

export const glossarySheet = {
  "glossarySheet.header": "表头应为“{want}”，现为“{got}”",
  "glossarySheet.noEnglish": "缺少“{zh}”的英文",
  "glossarySheet.noChinese": "英文“{en}”缺少对应的中文",
  "glossarySheet.twice": "“{zh}”已在第 {row} 行给出",
} satisfies Entries;
