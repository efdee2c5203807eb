/** The reader's own texts (Chinese): where a value came from, placeholders for what a sheet lacks. */
import type { Entries } from "../types";

export const read = {
  "read.yearFromCli": "命令行 --year",
  "read.noHeader": "（无表头）",
  "read.meanOf": "{sheet}「{header}」{n}个值的平均",
  "read.schemeDefault": "方案默认值",
  "read.paramSheet": "参数",
  "read.bigUnit": "万元",
} satisfies Entries;
