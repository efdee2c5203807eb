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

/** The target panel's strings (分解目标 / 进度跟踪). */
const targetsZh = {
  title: "目标分解与进度跟踪",
  scheme: "目标方案",
  fill: "分解目标",
  method: "逐年路径",
  geometric: "等比（年均增速相同）",
  linear: "等差（每年增量相同）",
  allocate: "总目标分解方式",
  byBase: "按基数占比",
  byWeights: "按输入的权重",
  weights: "各单位权重（默认为基年实绩，可修改）",
  typeWeights: "请检查或修改各单位的权重，再点“生成建议”",
  propose: "生成建议",
  indicator: "指标",
  proposalTable: "建议值与现表对照",
  legend: "黄色为建议值（可修改），其余为现表已填数值（不改动）",
  current: "现表",
  empty: "空",
  total: "总计",
  fixes: "总计核对",
  fix: (label: string, printed: number, sum: number, members: string) =>
    `${label}：总计 ${printed} 与各单位合计 ${sum} 不符。可将总计改为 ${sum}，或各单位改为 ${members}`,
  accept: "接受并写入新工作表",
  discard: "放弃",
  proposed: (n: number, fixes: number) => `已生成 ${n} 个建议值${fixes ? `；总计核对发现 ${fixes} 处不符` : ""}`,
  wroteSheet: (s: string) => `已写入：${s}`,
  track: "进度跟踪",
  findPeriods: "读取实绩期间",
  period: "期间",
  badPeriod: "期间应为 2023-09、2023Q3 或 2023-H1 这样的写法",
  trackButton: "跟踪并写入进度跟踪表",
  trackSummary: (p: string, done: number, ahead: number, behind: number, none: number) =>
    `${p}：已完成 ${done}，超序时进度 ${ahead}，滞后 ${behind}，未报送 ${none}`,
  lagging: "滞后清单",
  download: "下载工作簿",
};
export type TargetStrings = typeof targetsZh;
const targetsEn: TargetStrings = {
  title: "Target tables and progress",
  scheme: "Target scheme",
  fill: "Fill a target table",
  method: "Yearly path",
  geometric: "Geometric (equal growth rate)",
  linear: "Linear (equal yearly increment)",
  allocate: "Split the total",
  byBase: "By share of the base",
  byWeights: "By weights you type",
  weights: "Weight of each unit (the base year's actual to start with)",
  typeWeights: "Check or change each unit's weight, then click Propose again",
  propose: "Propose",
  indicator: "Indicator",
  proposalTable: "Proposal beside the current table",
  legend: "Yellow cells are proposals (editable); the others are the table's own values (unchanged)",
  current: "current",
  empty: "empty",
  total: "Total",
  fixes: "Total check",
  fix: (label: string, printed: number, sum: number, members: string) =>
    `${label}: the total ${printed} differs from its members' sum ${sum}. Set the total to ${sum}, or the members to ${members}`,
  accept: "Accept into a new sheet",
  discard: "Discard",
  proposed: (n: number, fixes: number) =>
    `${n} cells proposed${fixes ? `; ${fixes} totals differ from their members` : ""}`,
  wroteSheet: (s: string) => `Wrote: ${s}`,
  track: "Track progress",
  findPeriods: "Read the periods of the actuals",
  period: "Period",
  badPeriod: "A period is written like 2023-09, 2023Q3 or 2023-H1",
  trackButton: "Track and write the progress sheet",
  trackSummary: (p: string, done: number, ahead: number, behind: number, none: number) =>
    `${p}: completed ${done}, ahead ${ahead}, behind ${behind}, not reported ${none}`,
  lagging: "Behind schedule",
  download: "Download the workbook",
};

export function targetStrings(lang: UiLang): TargetStrings {
  return lang === "en" ? targetsEn : targetsZh;
}
