/** The reader's own texts (Chinese): where a value came from, placeholders for what a sheet lacks. */
import type { Entries } from "../types";

export const read = {
  "read.yearFromCli": "命令行 --year",
  "read.noHeader": "（无表头）",
  "read.meanOf": "{sheet}「{header}」{n}个值的平均",
  "read.schemeDefault": "方案默认值",
  "read.yearly": "年度",
  "read.paramSheet": "参数",
  "read.bigUnit": "万元",
  "read.quotedSheet": "「{sheet}」",
  "read.listSep": "、",
  "read.reason.yearInName": "其名称或标题含考评年度 {year}",
  "read.reason.otherYears": "其他工作表标明的是别的年度",
  "read.reason.columns": "对应上的指标列更多",
  "read.reason.visible": "可见的工作表优先于隐藏的工作表",
  "read.year": "{year}年",
  "read.totalRow": "总计",
  "read.kind.count": "数量",
  "read.kind.unit": "以{unit}计的指标",
  "read.kind.number": "以数值计的指标",
} satisfies Entries;
