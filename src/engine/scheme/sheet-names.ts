import { GLOSSARY_SHEET } from "./glossary-sheet";

/** The sheets a scheme is written to (scheme export --format xlsx); the reader of input workbooks leaves them alone. */
export const SCHEME_SHEETS = [
  "方案",
  "数据表",
  "指标",
  "分组",
  "方案参数",
  "规则",
  "奖励规则",
  "结果运用规则",
  "选项",
  GLOSSARY_SHEET,
  "方案说明",
];
