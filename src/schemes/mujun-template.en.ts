/**
 * English for the words of mujun-template (src/schemes/mujun-template.ts), keyed by the Chinese as the scheme
 * writes it: indicator, column, parameter and table names, descriptions and notes. Clause numbers and common units are
 * translated by rule in src/engine/i18n/scheme-words.ts and need no entry here.
 */

export const mujunTemplateGlossary: Record<string, string> = {
  "规上工业企业亩均效益综合评价（模板）":
    "comprehensive per-mu efficiency evaluation of industrial enterprises above designated size (template)",
  "参照浙江“亩均论英雄”做法；见 002 方案4、003（五）、004 三(4)。权重、基准值按本地文件在「参数」表中填写":
    'after Zhejiang\'s "judging heroes by output per mu" practice; see 002 plan 4, 003 (5), 004 §3(4). Weights and ' +
    "benchmarks are filled in the parameters sheet as the local document sets them",
  企业亩均数据: "enterprise per-mu data",
  企业名称: "enterprise name",
  统一社会信用代码: "unified social credit code",
  所属园区: "park",
  亩均税收: "tax revenue per mu",
  亩均增加值: "value added per mu",
  全员劳动生产率: "overall labour productivity",
  单位能耗增加值: "value added per unit of energy consumed",
  单位排放增加值: "value added per unit of pollutant discharged",
  "可空：空白按该项平均得分计": "may be blank: a blank takes the mean score of this indicator",
  "R&D经费支出占营业收入比重": "R&D spending as a share of operating revenue",
  不参评: "not evaluated",
  "是/否，空白按否；新投产、兼并重组等不参评企业列出但不分档":
    "yes/no; a blank counts as no; enterprises not evaluated (newly in production, merged or restructured, …) are " +
    "listed but not graded",
  亩均税收权重: "weight of tax revenue per mu",
  "默认值参照浙江做法，按本地文件调整": "default after Zhejiang's practice; adjust it to the local document",
  亩均税收基准值: "benchmark of tax revenue per mu",
  未填时取全部企业的平均值: "when blank, the mean of all enterprises",
  亩均增加值权重: "weight of value added per mu",
  亩均增加值基准值: "benchmark of value added per mu",
  全员劳动生产率权重: "weight of overall labour productivity",
  全员劳动生产率基准值: "benchmark of overall labour productivity",
  单位能耗增加值权重: "weight of value added per unit of energy consumed",
  单位能耗增加值基准值: "benchmark of value added per unit of energy consumed",
  单位排放增加值权重: "weight of value added per unit of pollutant discharged",
  单位排放增加值基准值: "benchmark of value added per unit of pollutant discharged",
  "R&D经费支出占营业收入比重权重": "weight of R&D spending as a share of operating revenue",
  "R&D经费支出占营业收入比重基准值": "benchmark of R&D spending as a share of operating revenue",
  模板: "template",
  "标为不参评的企业列出但不评分、不分档": "enterprises marked not evaluated are listed but neither scored nor graded",
  "亩均税收得分 = 权重 × min(本值 ÷ 基准值, 2)": "score for tax revenue per mu = weight × min(value ÷ benchmark, 2)",
  "亩均增加值得分 = 权重 × min(本值 ÷ 基准值, 2)": "score for value added per mu = weight × min(value ÷ benchmark, 2)",
  "全员劳动生产率得分 = 权重 × min(本值 ÷ 基准值, 2)":
    "score for overall labour productivity = weight × min(value ÷ benchmark, 2)",
  "单位能耗增加值得分 = 权重 × min(本值 ÷ 基准值, 2)":
    "score for value added per unit of energy consumed = weight × min(value ÷ benchmark, 2)",
  "单位排放增加值得分 = 权重 × min(本值 ÷ 基准值, 2)；缺数据按该项平均得分":
    "score for value added per unit of pollutant discharged = weight × min(value ÷ benchmark, 2); missing data " +
    "takes the mean score of this indicator",
  "R&D经费支出占营业收入比重得分 = 权重 × min(本值 ÷ 基准值, 2)":
    "score for R&D spending as a share of operating revenue = weight × min(value ÷ benchmark, 2)",
  "分档：按得分排名，前 25% 为 A 类，25%–70% 为 B 类，70%–95% 为 C 类，其余为 D 类（可在规则表中改为按分数线）。":
    "Grades by rank of score: the top 25% are grade A, 25%–70% grade B, 70%–95% grade C, the rest grade D (the " +
    "rules sheet can switch to score cut-offs).",
  "权重合计应为 100；基准值默认取全部企业平均值。":
    "The weights should add up to 100; each benchmark is by default the mean of all enterprises.",
};
