/**
 * 淮北市开发区高质量发展工业攻坚行动计划 (淮北市人民政府办公室, 2023-10-31), sections 二 and 三(三), with its annex
 * 全市开发区高质量发展工业攻坚行动目标一览表. Source: shared/policies/000_525232756335ef9c.txt.
 *
 * Readings of the words (stated, not guessed): 达到 / 实现目标 = at least (≥); 超 / 突破 = strictly more (>).
 * Tiers award the highest tier met, never the sum.
 */
import type { SchemeInput } from "./schema";

const ANNEX_YEARS = [2022, 2023, 2024, 2025];

export const huaibei2023: SchemeInput = {
  schemaVersion: 1,
  id: "huaibei-2023",
  name: "淮北市开发区高质量发展工业攻坚行动计划（2023）加分与奖励",
  nameEn: "Huaibei 2023 development-zone industrial action plan: bonus points and rewards",
  source: "淮北市人民政府办公室《淮北市开发区高质量发展工业攻坚行动计划》（2023年10月31日）二、三(三)及附件",
  entityTable: "zones",
  tables: [
    {
      id: "zones",
      name: "开发区指标",
      sheetNames: ["开发区", "开发区指标", "开发区数据", "园区"],
      level: "entity",
      columns: [
        { id: "name", name: "开发区", synonyms: ["开发区名称", "园区", "园区名称", "单位"], type: "text", role: "key", required: true },
        { id: "output", name: "本年规上工业产值", synonyms: ["规上工业产值", "规模以上工业产值", "规上工业总产值", "规模以上工业总产值"], type: "number", unit: "亿元", relYear: 0, required: true, note: "考评年度的规模以上工业总产值" },
        { id: "outputPrev", name: "上年规上工业产值", synonyms: ["规上工业产值", "规模以上工业产值", "规上工业总产值", "规模以上工业总产值"], type: "number", unit: "亿元", relYear: -1, required: true, note: "考评年度上一年的规模以上工业总产值" },
        { id: "newProjects", name: "新开工建设工业项目", synonyms: ["新开工建设工业项目数", "新开工工业项目", "新开工工业项目数"], type: "count", unit: "个", relYear: 0, required: true },
        { id: "enterprises", name: "规上工业企业", synonyms: ["规上工业企业户数", "规模以上工业企业", "规模以上工业企业户数"], type: "count", unit: "家", relYear: 0, required: true },
        { id: "listed", name: "新增上市企业", synonyms: ["新增上市企业数"], type: "count", unit: "家", missingAs: 0, note: "空白按 0 计" },
        { id: "review", name: "新增上市在审企业", synonyms: ["新增在审企业", "新增上市在审企业数"], type: "count", unit: "家", missingAs: 0, note: "空白按 0 计" },
        { id: "filing", name: "新增辅导备案企业", synonyms: ["新增辅导备案企业数"], type: "count", unit: "家", missingAs: 0, note: "空白按 0 计" },
        { id: "landTask", name: "盘活闲置低效用地任务完成", synonyms: ["完成年度盘活闲置和低效用地目标任务", "盘活闲置低效用地任务"], type: "bool", required: true, note: "是/否" },
        { id: "aaRated", name: "平台公司新评AA级", synonyms: ["平台公司新达到AA级"], type: "bool", missingAs: false, note: "是/否，空白按否" },
        { id: "intensive", name: "集约评价进入全省前三分之一", synonyms: ["年度集约评价进入全省开发园区前三分之一"], type: "bool", missingAs: false, note: "是/否，空白按否" },
        { id: "base", name: "综合考评基础得分", synonyms: ["基础得分", "综合考评得分"], type: "number", unit: "分", note: "可选：全市开发区高质量发展综合考评的基础得分；有则总分 = 基础得分 + 加分" },
        { id: "annualScore", name: "年度目标考核得分", synonyms: ["攻坚行动年度目标考核得分"], type: "number", unit: "分", note: "可选：三(三) 按此排名；无此列则按三项年度目标平均完成率排名" },
        { id: "taxPerMu", name: "亩均税收", synonyms: ["亩均税收收入"], type: "number", unit: "万元/亩", note: "可选：参数表未给全市平均亩均税收时，取本列平均值" },
      ],
      derived: [{ id: "outputIncrement", name: "规上工业产值增量", op: "sub", args: ["output", "outputPrev"], unit: "亿元" }],
    },
    {
      id: "projects",
      name: "项目清单",
      sheetNames: ["项目", "项目清单", "重点项目"],
      level: "list",
      columns: [
        { id: "name", name: "项目名称", synonyms: ["项目"], type: "text", required: true },
        { id: "zone", name: "所属开发区", synonyms: ["开发区", "所在开发区"], type: "text", role: "ref", required: true },
        { id: "planned", name: "计划总投资", synonyms: ["总投资"], type: "number", unit: "亿元", required: true },
        { id: "actual", name: "当年完成固定资产投资", synonyms: ["实际固定资产投资", "当年实际完成固定资产投资", "完成固定资产投资"], type: "number", unit: "亿元", required: true },
        { id: "statistical", name: "是否纳统", synonyms: ["已纳统", "纳统"], type: "bool", required: true },
        { id: "manufacturing", name: "是否制造业", synonyms: ["制造业", "制造业项目"], type: "bool", required: true },
        { id: "awardedBefore", name: "往年已获率先达到加分", synonyms: ["已获加分"], type: "bool", missingAs: false, note: "是/否，空白按否；同一项目不重复加分" },
        { id: "idleLand", name: "利用闲置低效用地", synonyms: ["是否利用闲置低效用地"], type: "bool", missingAs: false, note: "是/否，空白按否" },
        { id: "area", name: "用地面积", synonyms: ["实际用地交易亩数", "用地亩数"], type: "number", unit: "亩" },
        { id: "taxPerMu", name: "亩均税收", synonyms: ["亩均税收收入"], type: "number", unit: "万元/亩" },
        { id: "aboveScale", name: "是否进入规上", synonyms: ["进入规上", "是否规上企业"], type: "bool", missingAs: false, note: "是/否，空白按否" },
      ],
    },
    {
      id: "enterprises",
      name: "企业清单",
      sheetNames: ["企业", "企业清单"],
      level: "list",
      columns: [
        { id: "name", name: "企业名称", synonyms: ["企业", "单位名称"], type: "text", required: true },
        { id: "uscc", name: "统一社会信用代码", synonyms: ["信用代码", "社会信用代码"], type: "code", role: "uscc" },
        { id: "zone", name: "所属开发区", synonyms: ["开发区", "所在开发区"], type: "text", role: "ref", required: true },
        { id: "revenue", name: "营业收入", synonyms: ["本年营业收入", "当年营业收入"], type: "number", unit: "亿元", required: true },
        { id: "prevMax", name: "此前最高营业收入", synonyms: ["往年最高营业收入", "历年最高营业收入"], type: "number", unit: "亿元", required: true },
        { id: "manufacturing", name: "是否制造业", synonyms: ["制造业"], type: "bool", required: true },
      ],
    },
    {
      id: "targets",
      name: "目标一览表",
      sheetNames: ["目标一览表", "附件", "目标"],
      level: "targets",
      templateTitle: "全市开发区高质量发展工业攻坚行动目标一览表",
      templateTotal: true,
      columns: [
        { id: "name", name: "开发区", type: "text", role: "key", required: true },
        { id: "output", name: "规上工业产值", type: "number", unit: "亿元", relYear: 0, required: true, templateYears: ANNEX_YEARS },
        { id: "newProjects", name: "每年新开工建设工业项目", synonyms: ["新开工建设工业项目"], type: "count", unit: "个", required: true, templateSub: "数量（个）" },
        { id: "enterprises", name: "规上工业企业", type: "count", unit: "家", relYear: 0, required: true, templateYears: ANNEX_YEARS },
        { id: "listings", name: "新增上市（在审、辅导备案）企业", type: "count", unit: "家", relYear: 0, templateYears: [2025], note: "附件列出 2025 年目标，考评不直接使用" },
      ],
    },
  ],
  params: [
    { id: "year", name: "考评年度", synonyms: ["考核年度", "评价年度"], type: "number", required: true, note: "例如 2023；命令行 --year 可覆盖" },
    { id: "avgTaxPerMu", name: "全市开发区平均亩均税收", synonyms: ["平均亩均税收"], type: "number", unit: "万元/亩", fallbackMeanOf: { table: "zones", column: "taxPerMu" }, note: "可选：未填时取开发区表亩均税收的平均值" },
  ],
  rules: [
    {
      id: "2.1", clause: "二(一)", kind: "tiers", role: "bonus", over: "zones", label: "工业增量",
      description: "当年规上工业产值增量突破50亿元、100亿元，分别加10分、20分（取最高一档）",
      tiers: [
        { when: [{ field: "outputIncrement", op: ">", value: 100 }], points: 20 },
        { when: [{ field: "outputIncrement", op: ">", value: 50 }], points: 10 },
      ],
    },
    {
      id: "2.2", clause: "二(二)", kind: "tiers", role: "bonus", over: "projects", subject: "name", label: "招大引强",
      description: "已纳统制造业项目：计划总投资100亿元且当年实际固定资产投资达到20亿元加10分；50亿元且10亿元加5分；往年已获加分的不再加分",
      filter: [
        { field: "statistical", op: "is", value: true },
        { field: "manufacturing", op: "is", value: true },
        { field: "awardedBefore", op: "is", value: false },
      ],
      tiers: [
        { when: [{ field: "planned", op: ">=", value: 100 }, { field: "actual", op: ">=", value: 20 }], points: 10 },
        { when: [{ field: "planned", op: ">=", value: 50 }, { field: "actual", op: ">=", value: 10 }], points: 5 },
      ],
    },
    {
      id: "2.3", clause: "二(三)", kind: "tiers", role: "bonus", over: "enterprises", subject: "name", label: "培大育强",
      description: "制造业企业当年营业收入首次超100亿元加10分，首次超50亿元加5分（按单个独立法人计算）",
      filter: [{ field: "manufacturing", op: "is", value: true }],
      tiers: [
        { when: [{ field: "revenue", op: ">", value: 100 }, { field: "prevMax", op: "<=", value: 100 }], points: 10 },
        { when: [{ field: "revenue", op: ">", value: 50 }, { field: "prevMax", op: "<=", value: 50 }], points: 5 },
      ],
    },
    { id: "2.4.output", clause: "二(四)", kind: "target", role: "bonus", field: "output", target: { table: "targets", column: "output" }, points: 20, label: "产值目标", description: "实现规上工业总产值年度攻坚行动目标加20分" },
    { id: "2.4.projects", clause: "二(四)", kind: "target", role: "bonus", field: "newProjects", target: { table: "targets", column: "newProjects" }, points: 10, label: "项目目标", description: "实现新开工建设工业项目年度攻坚行动目标加10分" },
    { id: "2.4.enterprises", clause: "二(四)", kind: "target", role: "bonus", field: "enterprises", target: { table: "targets", column: "enterprises" }, points: 10, label: "企业目标", description: "实现规上工业企业户数年度攻坚行动目标加10分" },
    { id: "2.4.listed", clause: "二(四)", kind: "per-unit", role: "bonus", field: "listed", points: 20, label: "新增上市", description: "每新增1家上市企业加20分" },
    { id: "2.4.review", clause: "二(四)", kind: "per-unit", role: "bonus", field: "review", points: 10, label: "上市在审", description: "每新增1家上市在审企业加10分" },
    { id: "2.4.filing", clause: "二(四)", kind: "per-unit", role: "bonus", field: "filing", points: 5, label: "辅导备案", description: "每新增1家辅导备案企业加5分" },
    { id: "2.5", clause: "二(五)", kind: "flag", role: "bonus", field: "landTask", points: 10, label: "盘活用地", description: "完成年度盘活闲置和低效用地目标任务加10分" },
  ],
  awards: [
    {
      id: "2.5.land-reward", clause: "二(五)", kind: "list-amount", over: "projects", subject: "name", unit: "万元", upTo: true, label: "盘活用地奖励",
      description: "利用闲置低效用地引进占地50亩以上、实际固定资产投资超1亿元、亩均税收达到全市开发区平均水平且进入规上的制造业项目，按实际用地交易亩数最高3万元/亩奖励，单个项目最高200万元（“三年内”须人工核实）",
      filter: [
        { field: "idleLand", op: "is", value: true },
        { field: "manufacturing", op: "is", value: true },
        { field: "area", op: ">=", value: 50 },
        { field: "actual", op: ">", value: 1 },
        { field: "taxPerMu", op: ">=", value: { param: "avgTaxPerMu" } },
        { field: "aboveScale", op: "is", value: true },
      ],
      amount: { field: "area", rate: 3, cap: 200 },
    },
    { id: "2.6", clause: "二(六)", kind: "flag-amount", field: "aaRated", amount: 500, unit: "万元", upTo: true, label: "平台公司AA级", description: "开发区平台公司新达到AA级，市财政给予最高500万元一次性奖励" },
    { id: "2.7.targets", clause: "二(七)", kind: "rules-met", rules: ["2.4.output", "2.4.projects", "2.4.enterprises"], amount: 100, unit: "亩", label: "目标全面完成用地指标", description: "当年年度目标任务全面完成（三项年度攻坚目标均实现），奖励100亩用地计划指标" },
    { id: "2.7.intensive", clause: "二(七)", kind: "flag-amount", field: "intensive", amount: 200, unit: "亩", label: "集约评价用地指标", description: "年度集约评价进入全省开发园区前三分之一，奖励200亩用地计划指标" },
    { id: "3.3", clause: "三(三)", kind: "rank-amount", rankBy: "annualScore", fallbackTargets: ["2.4.output", "2.4.projects", "2.4.enterprises"], amounts: [1, 0.5], ties: "share", unit: "分（薪酬考核）", label: "薪酬考核加分", description: "获年度目标考核第一名、第二名的开发区，在薪酬考核中分别加1分、0.5分（并列者共享名次）" },
  ],
  total: { base: "base" },
  ranking: { ties: "competition" },
  notes: [
    "“达到”“实现目标”按不低于（≥）理解；“突破”“超”按严格大于（>）理解。",
    "分档加分取所达到的最高一档，不累加。",
    "二(五) 奖励中的“三年内”无法从表中判断，须人工核实。",
  ],
};
