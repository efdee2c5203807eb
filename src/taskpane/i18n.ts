/** The pane's strings: Chinese by default, English when Office's display language (or the browser's) is English. */
export type UiLang = "zh" | "en";

const zh = {
  title: "开发区考评助手",
  scheme: "考评方案",
  check: "校验",
  score: "评分并写入结果",
  template: "插入输入模板",
  open: "打开工作簿（.xlsx）",
  download: "下载结果工作簿",
  standalone: "独立模式：文件只在本机处理，不会上传。",
  inExcel: "在当前工作簿中校验和评分；结果写入新工作表，不修改您的工作表。",
  noIssues: "未发现问题。",
  issues: (e: number, w: number) => `${e} 个错误，${w} 个警告`,
  ranking: "排名",
  rank: "名次",
  zone: "开发区",
  bonus: "加分",
  base: "基础分",
  total: "总分",
  working: "处理中…",
  wrote: (s: string) => `已写入：${s}`,
  blocked: "数据有错误，未评分。请先修正下列问题。",
  noFile: "请先打开一个工作簿。",
  severity: { error: "错误", warning: "警告", info: "提示" },
  language: "English",
  workbookScheme: "（本工作簿中的方案规则表）",
  exportRules: "导出方案规则表",
  optionHint: "政策原文有多种理解时，选择一种；结果表会注明所用的理解",
  defaultMark: "（默认）",
  savedMapping: "已保存列映射和别名",
  valuesOnly: "结果写为数值（存档版，不随输入变化）",
  workbookLevel: "整个工作簿",
  recordAlias: (a: string, b: string) => `记为别名：“${a}”即“${b}”`,
};
export type Strings = typeof zh;

const en: Strings = {
  title: "ZoneScore",
  scheme: "Scheme",
  check: "Check",
  score: "Score and write results",
  template: "Insert input template",
  open: "Open a workbook (.xlsx)",
  download: "Download the result workbook",
  standalone: "Standalone mode: the file is processed on this computer and never uploaded.",
  inExcel: "Checks and scores this workbook; results go into new sheets, your sheets are not changed.",
  noIssues: "No problems found.",
  issues: (e: number, w: number) => `${e} errors, ${w} warnings`,
  ranking: "Ranking",
  rank: "Rank",
  zone: "Zone",
  bonus: "Bonus",
  base: "Base",
  total: "Total",
  working: "Working…",
  wrote: (s: string) => `Wrote: ${s}`,
  blocked: "The data has errors, so it was not scored. Fix the problems below first.",
  noFile: "Open a workbook first.",
  severity: { error: "error", warning: "warning", info: "info" },
  language: "中文",
  workbookScheme: "(the scheme in this workbook's rules sheets)",
  exportRules: "Export the scheme as rules sheets",
  optionHint: "Where the policy admits several readings, pick one; the results state which is in force",
  defaultMark: " (default)",
  savedMapping: "Mapping and aliases saved",
  valuesOnly: "Write results as values (an archive snapshot that does not follow the inputs)",
  workbookLevel: "Workbook",
  recordAlias: (a: string, b: string) => `Record "${a}" as an alias of "${b}"`,
};

export function strings(lang: UiLang): Strings {
  return lang === "en" ? en : zh;
}

export function langFrom(tag: string | undefined | null): UiLang {
  return tag && /^en/i.test(tag) ? "en" : "zh";
}
