/**
 * English for the words of xuancheng-2023 (src/schemes/xuancheng-2023.ts), keyed by the Chinese as the scheme writes
 * it: target, indicator and table names, units, citations of the document's words, section titles and notes. Clause
 * numbers, years and common units are translated by rule in src/engine/i18n/scheme-words.ts and need no entry here. The
 * names of the responsible units (lead, co) and of the zones are names, like the user's own, and are not translated.
 * The paragraphs of the responsibility table (XUANCHENG_ROWS) are the sample's data, not the scheme's.
 */

export const xuancheng2023Glossary: Record<string, string> = {
  宣城经开区2023年度重点工作及责任分解表:
    "Xuancheng Economic and Technological Development Zone: key tasks of 2023 and their assignment",
  "shared/policies/004_9b12ba44cd2e4ae3.txt（宣城市经济开发区管委会，2023-08-03）":
    "shared/policies/004_9b12ba44cd2e4ae3.txt (Administrative Committee of the Xuancheng Economic Development " +
    "Zone, 2023-08-03)",
  工业总产值: "gross industrial output",
  主要发展目标: "main development targets",
  工业总产值力争达350亿元: "strive for gross industrial output of 35 billion yuan",
  固定资产投资: "fixed-asset investment",
  固定资产投资达80亿元以上: "fixed-asset investment of at least 8 billion yuan",
  新增规上工业企业: "new industrial enterprises above designated size",
  新增规上工业企业50家左右: "about 50 new industrial enterprises above designated size",
  规上工业增加值等季度考核指标增速排名居全市前三位:
    "growth of value added of industry above designated size and the other quarterly indicators among the city's " +
    "top three",
  力争规上工业增加值等市经济运行季度考核指标增速排名居全市前三位:
    "strive for the growth of value added of industry above designated size and the city's other quarterly " +
    "economic indicators to rank among the city's top three",
  园区经营性收入: "operating revenue of the zone",
  力争园区经营性收入突破500亿元: "strive for the zone's operating revenue to exceed 50 billion yuan",
  亿元以上强链补链项目: "chain-strengthening projects of 100 million yuan or more",
  全年招引亿元以上强链补链项目30个: "30 chain-strengthening projects of 100 million yuan or more attracted in the year",
  "5亿元以上项目": "projects of 500 million yuan or more",
  其中5亿元以上项目达20个以上: "of which at least 20 projects of 500 million yuan or more",
  "10亿元以上项目": "projects of 1 billion yuan or more",
  "10亿元以上项目8个": "8 projects of 1 billion yuan or more",
  "50亿元以上大项目": "major projects of 5 billion yuan or more",
  "力争引进1-2个50亿元以上大项目": "strive to bring in 1–2 major projects of 5 billion yuan or more",
  签约亿元以上项目: "projects of 100 million yuan or more signed",
  全年力争签约亿元以上项目90个: "strive to sign 90 projects of 100 million yuan or more in the year",
  招商局自主招引: "projects attracted by the Investment Promotion Bureau itself",
  招商局自主招引达45个: "45 projects attracted by the Investment Promotion Bureau itself",
  利用外资: "foreign capital used",
  "加快吸引和利用外资,确保增长15%以上": "attract and use foreign capital faster, ensuring growth of at least 15%",
  力争达2000万美元: "strive to reach 20 million US dollars",
  新开工亿元以上项目: "projects of 100 million yuan or more newly started",
  确保新开工亿元以上项目50个: "ensure 50 projects of 100 million yuan or more newly started",
  新竣工投产亿元以上项目: "projects of 100 million yuan or more newly completed and in production",
  新竣工投产亿元以上项目35个: "35 projects of 100 million yuan or more newly completed and in production",
  新签约项目开工率: "share of newly signed projects started",
  "确保新签约项目开工率达30%": "ensure that 30% of newly signed projects start",
  新签约项目投产率: "share of newly signed projects in production",
  "投产率达50%": "50% in production",
  工业企业低效用地盘活率: "share of inefficiently used industrial land revived",
  "确保工业企业低效用地盘活率达30%以上": "ensure that at least 30% of inefficiently used industrial land is revived",
  "新增工业用地按“标准地”出让比例": 'share of new industrial land sold as "standard land"',
  "新增工业用地100%按“标准地” 出让": 'all new industrial land sold as "standard land"',
  工业固定资产投资: "industrial fixed-asset investment",
  "确保工业固定资产投资增长50%以上": "ensure industrial fixed-asset investment grows by at least 50%",
  "“白名单”企业摸排": '"white list" enterprises surveyed',
  "摸排年营收千万元左右的100家“白名单”企业":
    'survey 100 "white list" enterprises with annual revenue of about 10 million yuan',
  "专精特新企业（2025年）": "specialised, refined, distinctive and innovative enterprises (2025)",
  力争到2025年达40家: "strive for 40 by 2025",
  技改投资: "technical upgrading investment",
  "确保技改投资增长10%": "ensure technical upgrading investment grows by 10%",
  规上工业企业亩均税收: "tax revenue per mu of industrial enterprises above designated size",
  "确保规上工业企业亩均税收增长15%以上":
    "ensure tax revenue per mu of industrial enterprises above designated size grows by at least 15%",
  亩均工业销售收入: "industrial sales revenue per mu",
  "亩均工业销售收入增长15%左右": "industrial sales revenue per mu up by about 15%",
  产业基金: "industrial funds",
  支: "funds",
  建立10支合计规模100亿元的产业基金: "set up 10 industrial funds of 10 billion yuan in all",
  新增省级以上创新平台: "new innovation platforms at provincial level or above",
  新增省级以上创新平台5个以上: "at least 5 new innovation platforms at provincial level or above",
  对接产学研合作项目: "industry–university–research cooperation projects matched",
  年度对接产学研合作项目40项以上: "at least 40 industry–university–research cooperation projects matched in the year",
  研发费用投入: "R&D spending",
  "力争研发费用投入增长18%左右": "strive for R&D spending up by about 18%",
  新增高新技术企业: "new high-tech enterprises",
  新增高新技术企业20户: "20 new high-tech enterprises",
  引进硕士以上人才: "talent with a master's degree or above brought in",
  年度引进硕士以上人才不少于60人: "at least 60 people with a master's degree or above brought in in the year",
  化解信访积案比例: "share of long-standing petition cases resolved",
  "年度化解信访积案80%以上": "at least 80% of long-standing petition cases resolved in the year",
  "“234+1.2”投资协议约束": '"234+1.2" investment agreement constraints',
  "全面推行“234+1.2”【20万的亩均税收、300万的亩均投资强度、400万的亩均应税销售收入、1.2的建设容积率】投资协议约束机制（二、一、5）":
    'apply the "234+1.2" investment agreement constraints everywhere [tax revenue of 200,000 yuan per mu, ' +
    "investment intensity of 3 million yuan per mu, taxable sales revenue of 4 million yuan per mu, a floor area " +
    "ratio of 1.2] (§2.1.5)",
  亩均税收: "tax revenue per mu",
  亩均投资强度: "investment intensity per mu",
  亩均应税销售收入: "taxable sales revenue per mu",
  建设容积率: "floor area ratio",
  序号: "no.",
  主要目标: "main target",
  目标任务来源: "source of the task",
  牵头单位: "lead unit",
  协同责任单位: "co-responsible units",
  "“左右”按目标值 ±5% 的区间理解（bandTolerance，可改）：达到区间下限即为完成。":
    '"About" is read as a band of ±5% of the target (bandTolerance, can be changed): reaching the band\'s lower end ' +
    "counts as done.",
  "“力争”目标照常跟踪，结果中注明“力争”。“超过/突破”按严格大于理解，“达/以上/不少于”按不低于理解。":
    '"Strive for" targets are tracked as the others, and marked "strive for" in the result. "Exceed / break ' +
    'through" are read as strictly more, "reach / or above / not less than" as at least.',
  "没有数字的重点工作按状态跟踪（已完成 / 序时推进 / 滞后），由责任单位填报。":
    "Key tasks without a number are tracked by status (done / on schedule / behind), reported by the responsible unit.",
  "二、一、3 的单位配额（经济部门各2-3个等）未按单位跟踪：政策未说明哪些部门属经济部门，也未列出街道和区属公司；跟踪总数90个和招商局45个。":
    '"2-3 for each economic department, 1 for each non-economic department, 3 for each street, 3-6 for each district ' +
    'company" (§2.1.3) is not tracked unit by unit: the policy does not say which departments are economic or ' +
    "non-economic and lists neither the streets nor the district companies, so no unit can be given its quota; the " +
    "total (90 signed projects of 100 million yuan or more) and the investment bureau's own 45 are tracked.",
};
