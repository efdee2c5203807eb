/**
 * English for the words of chifeng-2020 (src/schemes/chifeng-2020.ts), keyed by the Chinese as the scheme writes it:
 * indicator, column, table, group, award and option names, departments, descriptions, reasons and notes. Clause
 * numbers, common units and a word with its points in brackets (园区规划体系（3分）) are translated by rule in
 * src/engine/i18n/scheme-words.ts and need no entry here.
 */

const WORDS: Record<string, string> = {
  "赤峰市工业园区综合发展评价考核（2020）":
    "Chifeng evaluation of the comprehensive development of industrial parks (2020)",
  "赤峰市人民政府《关于促进工业园区高质量发展的若干意见》（赤政发〔2020〕172号）附件1《考核评价办法（试行）》、附件2《指标体系（评分标准）》":
    "Chifeng Municipal People's Government, Opinions on Promoting the High-Quality Development of Industrial Parks " +
    "(Chi Zheng Fa [2020] No. 172), Annex 1 Evaluation Measures (Trial) and Annex 2 Indicator System (Scoring " +
    "Standards)",
  园区指标: "park indicators",
  园区: "park",
  新增工业总产值: "new gross industrial output",
  工业总产值增速: "growth rate of gross industrial output",
  上缴税金总额: "total taxes paid",
  上缴税金增速: "growth rate of taxes paid",
  就业人员增速: "growth rate of employment",
  建成区亩均工业总产值: "gross industrial output per mu of built-up area",
  建成区亩均固定资产投资: "fixed-asset investment per mu of built-up area",
  建成区亩均税收: "tax revenue per mu of built-up area",
  当年招商引资项目数量: "investment projects attracted in the year",
  "市区域经济合作局认定数；原文单位写作“亿元”，按个数处理":
    "the number recognised by the Municipal Regional Economic Cooperation Bureau; the policy text gives the unit " +
    'as "100 million yuan", read as a count',
  当年招商引资项目数量得分: "points for investment projects attracted in the year",
  "可选：市区域经济合作局直接给分时填写（0–10），有此列则不再排序":
    "optional: filled in when the Municipal Regional Economic Cooperation Bureau gives the points (0–10); with " +
    "this column there is no ranking",
  "产业链延伸企业（项目）引入数": "enterprises (projects) brought in that extend the industrial chain",
  市区域经济合作局认定数: "the number recognised by the Municipal Regional Economic Cooperation Bureau",
  产业链延伸企业引入数得分: "points for enterprises brought in that extend the industrial chain",
  "可选：认定部门直接给分时填写（0–10）": "optional: filled in when the recognising department gives the points (0–10)",
  工业固定资产投资增速: "growth rate of industrial fixed-asset investment",
  基础设施建设投资增速: "growth rate of infrastructure investment",
  新增基础设施建设投资总额: "new infrastructure investment in total",
  新增高新技术企业数: "new high-tech enterprises",
  新增省级以上研发机构数: "new R&D institutions at provincial level or above",
  园区规划环评执行情况: "environmental impact assessment of the park plan carried out",
  "部门评分，0–3 分；空白按未评分（0 分）":
    "scored by the department, 0–3 points; a blank counts as not scored (0 points)",
  "入驻项目环评、验收执行情况": "environmental impact assessment and acceptance of the park's projects carried out",
  "部门评分，0–2 分；空白按未评分（0 分）":
    "scored by the department, 0–2 points; a blank counts as not scored (0 points)",
  重点污染物排放达标及总量控制指标完成情况:
    "key pollutant discharges within standards and total-amount control targets met",
  园区规划体系: "park planning system",
  管理机构设置: "management bodies in place",
  "部门评分，0–1 分；空白按未评分（0 分）":
    "scored by the department, 0–1 points; a blank counts as not scored (0 points)",
  安全监管体系: "safety supervision system",
  环境监测体系健全: "sound environmental monitoring system",
  信息报送及时准确: "timely and accurate reporting of information",
  绿色园区认定: "green park recognition",
  "填 国家级 / 省级（自治区级、省部级同）/ 无；其他认定（如绿色工业园区）填在「认定清单」表":
    "enter the level: national, provincial (autonomous-region and ministerial-provincial levels count the same) or " +
    "none; other recognitions (such as green industrial park) go in the recognitions list sheet",
  智慧园区认定: "smart park recognition",
  循环经济园区认定: "circular-economy park recognition",
  发生重特大安全生产事故: "major work-safety accident occurred",
  "是/否，空白按否；是则当年不予评价考核并向社会公告（附件1 三、9：凡工业园区发生重特大安全生产事故和环境污染事件的，当年不予评价考核并向社会公告）":
    "yes/no; a blank counts as no; yes: the park is not evaluated that year and this is announced to the public " +
    "(Annex 1 §3.9: an industrial park where a major or extraordinarily serious work-safety accident or an " +
    "environmental pollution incident occurs is not evaluated that year, and this is announced to the public)",
  发生环境污染事件: "environmental pollution incident occurred",
  专项奖励: "special awards",
  "可选：创新发展、绿色发展、园区公共服务平台、招商引资（可填多项，用顿号分隔）":
    "optional: innovative development, green development, park public service platform, investment attraction " +
    "(several may be given, separated by commas)",
  认定清单: "recognitions list",
  认定类别: "kind of recognition",
  "如 绿色园区、智慧园区、循环经济园区、绿色工业园区（三、8“等”）":
    'e.g. green park, smart park, circular-economy park, green industrial park (§3.8 "and the like")',
  认定级别: "level of recognition",
  "国家级 / 省级（自治区级、省部级同）":
    "national / provincial (autonomous-region and ministerial-provincial levels count the same)",
  往年结果: "earlier results",
  年度: "year",
  得分: "score",
  名次: "place",
  考评年度: "evaluation year",
  "被考核的年度（次年3月底前考核上一年度）":
    "the year evaluated (each year is evaluated by the end of March of the next)",
  总量指标: "volume indicators",
  "市工信局、市统计局": "Municipal Bureau of Industry and Information Technology, Municipal Bureau of Statistics",
  效益指标: "efficiency indicators",
  "市自然资源局、市工信局、市统计局":
    "Municipal Bureau of Natural Resources, Municipal Bureau of Industry and Information Technology, Municipal " +
    "Bureau of Statistics",
  招商引资: "investment attraction",
  "市区域经济合作局、市工信局、市统计局":
    "Municipal Regional Economic Cooperation Bureau, Municipal Bureau of Industry and Information Technology, " +
    "Municipal Bureau of Statistics",
  基础设施建设: "infrastructure",
  市工信局: "Municipal Bureau of Industry and Information Technology",
  科技创新: "science and technology innovation",
  市科技局: "Municipal Bureau of Science and Technology",
  绿色发展: "green development",
  市生态环境局: "Municipal Bureau of Ecology and Environment",
  管理水平: "management",
  "市工信局、市应急管理局、市生态环境局":
    "Municipal Bureau of Industry and Information Technology, Municipal Emergency Management Bureau, Municipal " +
    "Bureau of Ecology and Environment",
  "凡工业园区发生重特大安全生产事故和环境污染事件的，当年不予评价考核并向社会公告（安全生产事故）":
    "an industrial park where a major or extraordinarily serious work-safety accident or an environmental " +
    "pollution incident occurs is not evaluated that year, and this is announced to the public (work-safety " +
    "accident)",
  安全事故: "work-safety accident",
  "发生重特大安全生产事故，当年不予评价考核并向社会公告":
    "a major or extraordinarily serious work-safety accident occurred: not evaluated this year, announced to the " +
    "public",
  "凡工业园区发生重特大安全生产事故和环境污染事件的，当年不予评价考核并向社会公告（环境污染事件）":
    "an industrial park where a major or extraordinarily serious work-safety accident or an environmental " +
    "pollution incident occurs is not evaluated that year, and this is announced to the public (environmental " +
    "pollution incident)",
  环境污染: "environmental pollution",
  "发生环境污染事件，当年不予评价考核并向社会公告":
    "an environmental pollution incident occurred: not evaluated this year, announced to the public",
  亩均产值: "output per mu",
  亩均投资: "investment per mu",
  亩均税收: "tax revenue per mu",
  "当年招商引资项目数量（10分）由市区域经济合作局按照招商引资办法认定：默认取认定部门给分；选项 investReading=rank 时对认定数排序打分":
    "investment projects attracted in the year (10 points), recognised by the Municipal Regional Economic " +
    "Cooperation Bureau under the investment attraction measures: by default the points the recognising department " +
    "gives; with the option investReading=rank the recognised counts are ranked",
  招商项目数: "investment projects",
  "园区主导产业的产业链延伸企业（项目）引入数（10分）由市区域经济合作局按照招商引资办法认定：默认取认定部门给分；选项 investReading=rank 时对认定数排序打分":
    "enterprises (projects) brought in that extend the chains of the park's leading industries (10 points), " +
    "recognised by the Municipal Regional Economic Cooperation Bureau under the investment attraction measures: by " +
    "default the points the recognising department gives; with the option investReading=rank the recognised counts " +
    "are ranked",
  产业链延伸: "industrial chain extension",
  工业投资增速: "industrial investment growth",
  基建投资增速: "infrastructure investment growth",
  新增基建投资: "new infrastructure investment",
  "园区内新增高新技术企业，每新增一户得1分，最高3分":
    "new high-tech enterprises in the park: 1 point for each, at most 3 points",
  新增高企: "new high-tech enterprises",
  "新增省级以上研发机构，每新增一户得1分，最高4分":
    "new R&D institutions at provincial level or above: 1 point for each, at most 4 points",
  新增研发机构: "new R&D institutions",
  "园区规划环评执行情况（3分），由市生态环境局评分":
    "environmental impact assessment of the park plan carried out (3 points), scored by the Municipal Bureau of " +
    "Ecology and Environment",
  规划环评: "plan EIA",
  "入驻项目环评及验收执行情况（2分），由市生态环境局评分":
    "environmental impact assessment and acceptance of the park's projects carried out (2 points), scored by the " +
    "Municipal Bureau of Ecology and Environment",
  项目环评验收: "project EIA and acceptance",
  "重点污染物排放达标及总量控制指标完成情况（2分），由市生态环境局评分":
    "key pollutant discharges within standards and total-amount control targets met (2 points), scored by the " +
    "Municipal Bureau of Ecology and Environment",
  排放达标: "discharges within standards",
  规划体系: "planning system",
  管理机构: "management bodies",
  安全监管: "safety supervision",
  环境监测: "environmental monitoring",
  信息报送: "information reporting",
  "得到省级绿色园区、智慧园区、循环经济园区等认定的加5分，得到国家级认定的加10分（省级含自治区级、省部级；多项认定按选项 certMode 计）":
    "5 points for a provincial recognition as a green park, smart park, circular-economy park or the like, 10 " +
    "points for a national one (provincial includes the autonomous-region and ministerial-provincial levels; " +
    "several recognitions count as the option certMode says)",
  附加分: "additional points",
  国家级: "national",
  省级: "provincial",
  自治区级: "autonomous-region level",
  省部级: "ministerial-provincial level",
  市级: "municipal",
  "当年考核第一名奖励300万元，第二名200万元，第三名100万元（并列者平分相应名次奖金）":
    "a reward of 3 million yuan for first place in the year's evaluation, 2 million yuan for second and 1 million " +
    "yuan for third (tied parks split the money of the places they share)",
  综合奖励: "overall reward",
  "奖励创新发展、绿色发展、园区公共服务平台、招商引资等专项工作成绩突出的园区，各100万元":
    "rewards of 1 million yuan each for parks with outstanding results in special work such as innovative " +
    "development, green development, park public service platforms and investment attraction",
  创新发展: "innovative development",
  园区公共服务平台: "park public service platform",
  "参照甘肃方案（二十一）": "after the Gansu plan (21)",
  "连续两年考核得分90分以上的，优先支持扩区升级（取自 002 方案1，赤峰办法未作规定，可删除）":
    "a score of 90 or more in two successive years: priority support for expansion and upgrading (taken from 002 " +
    "plan 1; the Chifeng measures say nothing of it; may be deleted)",
  优先支持扩区升级: "priority support for expansion and upgrading",
  "借自甘肃省开发区改革方案（二十一），赤政发〔2020〕172号未作规定":
    "borrowed from the Gansu development zone reform plan (21); Chi Zheng Fa [2020] No. 172 says nothing of it",
  "参照湖北方案（十五）": "after the Hubei plan (15)",
  "连续两次考核排名后五位的，予以警告并限期整改（取自 002 方案5，赤峰办法未作规定，可删除）":
    "in the last five places in two successive evaluations: a warning and rectification within a set time (taken " +
    "from 002 plan 5; the Chifeng measures say nothing of it; may be deleted)",
  警告并限期整改: "a warning and rectification within a set time",
  "借自湖北省开发区改革方案（十五），赤政发〔2020〕172号未作规定":
    "borrowed from the Hubei development zone reform plan (15); Chi Zheng Fa [2020] No. 172 says nothing of it",
  喀喇沁旗新材料产业园: "Harqin Banner New Materials Industrial Park",
  "处于前期建设阶段，待纳入自治区工业和信息化厅工业园区管理序列后再行考核":
    "in its early construction stage; to be evaluated once the autonomous region's Department of Industry and " +
    "Information Technology admits it to its management list of industrial parks",
  "招商引资 3.1、3.2 的计分方式": "how investment attraction 3.1 and 3.2 are scored",
  认定部门给分: "points given by the recognising department",
  "附件1 三、3：当年招商引资项目数量和产业链延伸企业引入数“由市区域经济合作局按照招商引资办法认定”，该条只对工业固定资产投资增速写明按排序法打分，故取认定部门给出的分数（填在「…得分」列）":
    "Annex 1 §3.3: the investment projects attracted in the year and the enterprises brought in that extend the " +
    'industrial chain are "recognised by the Municipal Regional Economic Cooperation Bureau under the investment ' +
    'attraction measures"; the clause writes scoring by ranking only for the growth of industrial fixed-asset ' +
    'investment, so the points the recognising department gives are taken (entered in the "… points" columns)',
  对认定数排序: "rank the recognised counts",
  "把认定的项目数、企业数按排序法打分（同其他排序指标的折算方式）":
    "score the recognised numbers of projects and enterprises by ranking (scaled as the other ranked indicators are)",
  附加分多项认定的计法: "how several recognitions count for additional points",
  每项认定分别计: "each recognition counts",
  "附件1 三、8 未写明多项认定是否累加：每得到一项认定即加分（省级 5 分、国家级 10 分），各项相加":
    "Annex 1 §3.8 does not say whether several recognitions add up: each recognition earns points (provincial 5, " +
    "national 10), and they are added",
  只计最高一项: "only the highest counts",
  多项认定只取级别最高的一项: "of several recognitions, only the one of the highest level counts",
  借用其他省份方案的结果运用: "use of results borrowed from other provinces' plans",
  不启用: "off",
  "赤政发〔2020〕172号只规定奖励（附件1 五），未规定连续得分、连续排名的结果运用":
    "Chi Zheng Fa [2020] No. 172 provides only rewards (Annex 1 §5), no use of results for successive scores or places",
  启用: "on",
  "参考甘肃（连续两年90分以上优先支持扩区升级）、湖北（连续两次后五位警告整改）方案，结果中注明出处":
    "after the Gansu plan (90 points or more in two successive years: priority support for expansion and upgrading)" +
    " and the Hubei plan (last five places twice in succession: a warning and rectification); each finding names " +
    "its origin",
  排序法折算方式: "how ranking is scaled",
  按名次等差递减: "equal steps down by place",
  "满分 −（名次 − 1）× 满分 ÷ 参评数，减完为止":
    "full points − (place − 1) × full points ÷ number evaluated, down to 0",
  按名次线性折算: "linear by place",
  "满分 ×（参评数 − 名次）÷（参评数 − 1），末名 0 分":
    "full points × (number evaluated − place) ÷ (number evaluated − 1); the last place gets 0",
  按与第一名之比折算: "in proportion to the first place",
  "满分 × 本值 ÷ 第一名的值；本值不大于 0 得 0 分":
    "full points × value ÷ the first place's value; a value of 0 or less gets 0",
  按极差折算: "by range (minimum to maximum)",
  "满分 ×（本值 − 最小值）÷（最大值 − 最小值）": "full points × (value − minimum) ÷ (maximum − minimum)",
  "赤峰高新区按东山、红山、元宝山、安庆四园分别考核（附件1 一）。":
    "Chifeng High-Tech Zone is evaluated as four parks, Dongshan, Hongshan, Yuanbaoshan and Anqing (Annex 1 §1).",
  "“当年招商引资项目数量”原文单位写作“亿元”，实为个数，按个数处理。":
    '"Investment projects attracted in the year": the policy text gives the unit as "100 million yuan"; it is a ' +
    "count and is read as one.",
  "各一级指标小计不超过其权重；附加分另计。":
    "Each first-level indicator's subtotal is capped at its weight; additional points come on top.",
  "结果运用中的“连续两年90分以上”“连续两次后五位”两条取自其他省份方案，赤峰办法未作规定，默认不启用（选项 borrowedUsage）。":
    'The two result-usage rules "90 points or more in two successive years" and "last five places twice in ' +
    "succession\" are taken from other provinces' plans; the Chifeng measures say nothing of them, so they are off " +
    "by default (option borrowedUsage).",
  "喀喇沁旗新材料产业园处于前期建设阶段，待纳入自治区工业和信息化厅工业园区管理序列后再行考核（附件1 一）：列入时给出警告，不排名、不计分、不发奖励。":
    "Harqin Banner New Materials Industrial Park is in its early construction stage and is to be evaluated once " +
    "the autonomous region's Department of Industry and Information Technology admits it to its management list of " +
    "industrial parks (Annex 1 §1): where listed, it gets a warning and no rank, points or award.",
};

/** 排序法 in the words chifeng-2020.ts's ranked rules end their descriptions with */
const RANK = "按排序法打分，排第一名得满分，排第二名以后按相应比例折算分数，分数减完为止";
const RANK_EN =
  "scored by ranking: first place takes full points, second place and below are scaled down in proportion, " +
  "until no points are left";

/** The ranked indicators and their full points: 新增工业总产值（6分）按排序法打分… */
const RANKED: Array<[string, number]> = [
  ["新增工业总产值", 6],
  ["工业总产值增速", 6],
  ["上缴税金总额", 6],
  ["上缴税金增速", 6],
  ["就业人员增速", 6],
  ["建成区亩均工业总产值", 4],
  ["建成区亩均固定资产投资", 4],
  ["建成区亩均税收", 4],
  ["工业固定资产投资增速", 10],
  ["基础设施建设投资增速", 3],
  ["新增基础设施建设投资总额", 4],
];

export const chifeng2020Glossary: Record<string, string> = {
  ...WORDS,
  ...Object.fromEntries(RANKED.map(([zh, n]) => [`${zh}（${n}分）${RANK}`, `${WORDS[zh]} (${n} points), ${RANK_EN}`])),
};
