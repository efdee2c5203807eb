/**
 * English for the words of huaibei-2023 (src/schemes/huaibei-2023.ts), keyed by the Chinese as the scheme writes it:
 * rule, column, table and award names, units, descriptions and notes. Clause numbers and common units are translated by
 * rule in src/engine/i18n/scheme-words.ts and need no entry here.
 */

export const huaibei2023Glossary: Record<string, string> = {
  "淮北市开发区高质量发展工业攻坚行动计划（2023）加分与奖励":
    "Huaibei action plan for high-quality industrial development of development zones (2023): bonus points and rewards",
  "淮北市人民政府办公室《淮北市开发区高质量发展工业攻坚行动计划》（2023年10月31日）二、三(三)及附件":
    "General Office of the Huaibei Municipal People's Government, Huaibei Action Plan for High-Quality Industrial " +
    "Development of Development Zones (31 October 2023), §2, §3(3) and the annex",
  开发区指标: "zone indicators",
  开发区: "zone",
  本年规上工业产值: "output of industry above designated size, this year",
  考评年度的规模以上工业总产值: "gross output of industry above designated size in the evaluation year",
  上年规上工业产值: "output of industry above designated size, last year",
  考评年度上一年的规模以上工业总产值:
    "gross output of industry above designated size in the year before the evaluation year",
  新开工建设工业项目: "industrial projects newly started",
  规上工业企业: "industrial enterprises above designated size",
  新增上市企业: "newly listed enterprises",
  "空白按 0 计": "a blank counts as 0",
  新增上市在审企业: "new enterprises with a listing application under review",
  新增辅导备案企业: "new enterprises filed for pre-listing tutoring",
  盘活闲置低效用地任务完成: "task of reviving idle and inefficiently used land completed",
  "是/否": "yes/no",
  平台公司新评AA级: "platform company newly rated AA",
  "是/否，空白按否": "yes/no; a blank counts as no",
  集约评价进入全省前三分之一: "in the province's top third for intensive land use",
  综合考评基础得分: "base score of the comprehensive evaluation",
  "可选：全市开发区高质量发展综合考评的基础得分；有则总分 = 基础得分 + 加分":
    "optional: the base score of the city's comprehensive evaluation of the zones' high-quality development; where " +
    "given, total = base score + bonus points",
  年度目标考核得分: "annual target assessment score",
  "可选：三(三) 按此排名；无此列则按三项年度目标平均完成率排名":
    "optional: §3(3) ranks by it; without this column, by the mean completion rate of the three annual targets",
  亩均税收: "tax revenue per mu",
  "可选：参数表未给全市平均亩均税收时，取本列平均值":
    "optional: where the parameters sheet gives no city average tax revenue per mu, the mean of this column is used",
  规上工业产值增量: "increase in output of industry above designated size",
  项目清单: "project list",
  项目名称: "project name",
  所属开发区: "zone",
  计划总投资: "planned total investment",
  当年完成固定资产投资: "fixed-asset investment completed in the year",
  是否纳统: "included in statistics",
  是否制造业: "manufacturing",
  往年已获率先达到加分: "bonus already won in an earlier year",
  "是/否，空白按否；同一项目不重复加分": "yes/no; a blank counts as no; a project earns this bonus only once",
  利用闲置低效用地: "on idle or inefficiently used land",
  用地面积: "land area",
  是否进入规上: "reached above designated size",
  企业清单: "enterprise list",
  企业名称: "enterprise name",
  统一社会信用代码: "unified social credit code",
  营业收入: "operating revenue",
  此前最高营业收入: "highest operating revenue before",
  目标一览表: "target table",
  规上工业产值: "output of industry above designated size",
  每年新开工建设工业项目: "industrial projects newly started each year",
  "数量（个）": "number",
  "新增上市（在审、辅导备案）企业": "new listed enterprises (including under review and filed for tutoring)",
  "附件列出 2025 年目标，考评不直接使用": "the annex lists the 2025 targets; the evaluation does not use them directly",
  全市开发区高质量发展工业攻坚行动目标一览表:
    "targets of the city's development zones under the action plan for high-quality industrial development",
  考评年度: "evaluation year",
  "例如 2023；命令行 --year 可覆盖": "e.g. 2023; --year on the command line overrides it",
  全市开发区平均亩均税收: "average tax revenue per mu of the city's zones",
  "可选：未填时取开发区表亩均税收的平均值": "optional: when blank, the mean tax revenue per mu of the zones table",
  "当年规上工业产值增量突破50亿元、100亿元，分别加10分、20分（取最高一档）":
    "an increase in output of industry above designated size of more than 5 billion yuan or 10 billion yuan in the " +
    "year earns 10 or 20 points (the highest tier reached)",
  工业增量: "industrial growth",
  "已纳统制造业项目：计划总投资100亿元且当年实际固定资产投资达到20亿元加10分；50亿元且10亿元加5分；往年已获加分的不再加分":
    "manufacturing projects included in statistics: a planned total investment of 10 billion yuan and fixed-asset " +
    "investment of at least 2 billion yuan in the year earn 10 points; 5 billion and 1 billion yuan earn 5 points; " +
    "a project that earned this bonus in an earlier year earns no more",
  招大引强: "attracting major projects",
  "制造业企业当年营业收入首次超100亿元加10分，首次超50亿元加5分（按单个独立法人计算）":
    "a manufacturing enterprise whose operating revenue first exceeds 10 billion yuan in the year earns 10 points, " +
    "first exceeds 5 billion yuan 5 points (each independent legal person counted on its own)",
  培大育强: "growing large enterprises",
  实现规上工业总产值年度攻坚行动目标加20分:
    "meeting the annual action-plan target for gross output of industry above designated size earns 20 points",
  产值目标: "output target",
  实现新开工建设工业项目年度攻坚行动目标加10分:
    "meeting the annual action-plan target for industrial projects newly started earns 10 points",
  项目目标: "project target",
  实现规上工业企业户数年度攻坚行动目标加10分:
    "meeting the annual action-plan target for the number of industrial enterprises above designated size earns 10 " +
    "points",
  企业目标: "enterprise target",
  每新增1家上市企业加20分: "20 points for each newly listed enterprise",
  新增上市: "new listings",
  每新增1家上市在审企业加10分: "10 points for each new enterprise with a listing application under review",
  上市在审: "listing under review",
  每新增1家辅导备案企业加5分: "5 points for each new enterprise filed for pre-listing tutoring",
  辅导备案: "filed for tutoring",
  完成年度盘活闲置和低效用地目标任务加10分:
    "completing the annual task of reviving idle and inefficiently used land earns 10 points",
  盘活用地: "land revived",
  "利用闲置低效用地引进占地50亩以上、实际固定资产投资超1亿元、亩均税收达到全市开发区平均水平且进入规上的制造业项目，按实际用地交易亩数最高3万元/亩奖励，单个项目最高200万元（“三年内”须人工核实）":
    "a manufacturing project brought in on idle or inefficiently used land that occupies 50 mu or more, has " +
    "fixed-asset investment of more than 100 million yuan, tax revenue per mu at least the average of the city's " +
    "zones, and has reached above designated size, is rewarded with up to 30,000 yuan per mu of land actually " +
    'traded, at most 2 million yuan a project ("within three years" is to be verified by hand)',
  盘活用地奖励: "reward for reviving land",
  "开发区平台公司新达到AA级，市财政给予最高500万元一次性奖励":
    "a zone whose platform company is newly rated AA receives a one-off reward of up to 5 million yuan from the " +
    "city budget",
  平台公司AA级: "platform company rated AA",
  "当年年度目标任务全面完成（三项年度攻坚目标均实现），奖励100亩用地计划指标":
    "all annual targets of the year met (the three annual action-plan targets all reached): a reward of 100 mu of " +
    "land-use quota",
  目标全面完成用地指标: "land quota for meeting all targets",
  "年度集约评价进入全省开发园区前三分之一，奖励200亩用地计划指标":
    "in the top third of the province's development zones in the annual intensive land use evaluation: a reward of " +
    "200 mu of land-use quota",
  集约评价用地指标: "land quota for intensive land use",
  "获年度目标考核第一名、第二名的开发区，在薪酬考核中分别加1分、0.5分（并列者共享名次）":
    "the zones placed first and second in the annual target assessment gain 1 and 0.5 points in the salary " +
    "assessment (tied zones share the place)",
  薪酬考核加分: "salary assessment points",
  "分（薪酬考核）": "points (salary assessment)",
  "“达到”“实现目标”按不低于（≥）理解；“突破”“超”按严格大于（>）理解。":
    '"Reach" and "meet the target" are read as at least (≥); "break through" and "exceed" as strictly more (>).',
  "分档加分取所达到的最高一档，不累加。": "Tiered bonus points take the highest tier reached; tiers do not add up.",
  "二(五) 奖励中的“三年内”无法从表中判断，须人工核实。":
    '"Within three years" in the §2(5) reward cannot be judged from the tables and must be verified by hand.',
};
