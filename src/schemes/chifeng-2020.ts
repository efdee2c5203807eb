/**
 * 赤峰市工业园区考核评价办法（试行）and 赤峰市工业园区综合发展评价考核指标体系（评分标准）, annexes 1 and 2 of
 * 赤峰市人民政府关于促进工业园区高质量发展的若干意见 (赤政发〔2020〕172号, 2020-12-31).
 * Source: shared/policies/001_bf03c50eb659e126.txt.
 *
 * 23 indicators in 7 groups (30/12/30/7/7/7/7 = 100), 附加分 for certifications, a veto, rewards by place and four
 * special awards. 排序法 is read as `rank-step` by default; the other readings are selectable (option rankReading).
 */
import type { SchemeInput } from "./schema";

type Col = NonNullable<SchemeInput["tables"]>[number]["columns"][number];
const num = (id: string, name: string, unit: string, synonyms: string[] = [], extra: Partial<Col> = {}): Col => ({ id, name, synonyms, type: "number", unit, required: true, ...extra });
const entered = (id: string, name: string, max: number, synonyms: string[] = []): Col => ({ id, name, synonyms, type: "number", unit: "分", note: `部门评分，0–${max} 分；空白按未评分（0 分）` });
const cert = (id: string, name: string): Col => ({ id, name, synonyms: [name.replace("认定", "")], type: "text", note: "填 国家级 / 省级 / 无" });

const RANK = "按排序法打分，排第一名得满分，排第二名以后按相应比例折算分数，分数减完为止";

export const chifeng2020: SchemeInput = {
  schemaVersion: 1,
  id: "chifeng-2020",
  name: "赤峰市工业园区综合发展评价考核（2020）",
  nameEn: "Chifeng 2020 industrial park evaluation",
  source: "赤峰市人民政府《关于促进工业园区高质量发展的若干意见》（赤政发〔2020〕172号）附件1《考核评价办法（试行）》、附件2《指标体系（评分标准）》",
  entityTable: "parks",
  tables: [
    {
      id: "parks",
      name: "园区指标",
      sheetNames: ["园区", "园区指标", "考核指标"],
      level: "entity",
      columns: [
        { id: "name", name: "园区", synonyms: ["园区名称", "工业园区", "开发区", "考核对象"], type: "text", role: "key", required: true },
        num("newOutput", "新增工业总产值", "亿元"),
        num("outputGrowth", "工业总产值增速", "%"),
        num("tax", "上缴税金总额", "亿元"),
        num("taxGrowth", "上缴税金增速", "%"),
        num("jobsGrowth", "就业人员增速", "%"),
        num("outputPerMu", "建成区亩均工业总产值", "万元/亩"),
        num("investPerMu", "建成区亩均固定资产投资", "万元/亩"),
        num("taxPerMu", "建成区亩均税收", "万元/亩"),
        num("projects", "当年招商引资项目数量", "个", ["招商引资项目数量"], { type: "count", note: "市区域经济合作局认定数；原文单位写作“亿元”，按个数处理" }),
        { id: "projectsPoints", name: "当年招商引资项目数量得分", synonyms: ["招商引资项目数量得分"], type: "number", unit: "分", note: "可选：市区域经济合作局直接给分时填写（0–10），有此列则不再排序" },
        num("chain", "产业链延伸企业（项目）引入数", "户", ["园区主导产业的产业链延伸企业（项目）引入数", "产业链延伸企业引入数"], { type: "count", note: "市区域经济合作局认定数" }),
        { id: "chainPoints", name: "产业链延伸企业引入数得分", synonyms: ["产业链延伸企业（项目）引入数得分"], type: "number", unit: "分", note: "可选：认定部门直接给分时填写（0–10）" },
        num("fixedInvestGrowth", "工业固定资产投资增速", "%"),
        num("infraGrowth", "基础设施建设投资增速", "%"),
        num("infraNew", "新增基础设施建设投资总额", "亿元"),
        num("hiTech", "新增高新技术企业数", "户", ["园区内新增高新技术企业数"], { type: "count" }),
        num("rdInst", "新增省级以上研发机构数", "户", ["园区内新增省级以上研发机构数"], { type: "count" }),
        entered("green1", "园区规划环评执行情况", 3),
        entered("green2", "入驻项目环评、验收执行情况", 2),
        entered("green3", "重点污染物排放达标及总量控制指标完成情况", 2, ["项目涉及重点污染物排放达标情况及总量控制指标完成情况"]),
        entered("mgmt1", "园区规划体系", 3),
        entered("mgmt2", "管理机构设置", 1),
        entered("mgmt3", "安全监管体系", 1),
        entered("mgmt4", "环境监测体系健全", 1),
        entered("mgmt5", "信息报送及时准确", 1),
        cert("certGreen", "绿色园区认定"),
        cert("certSmart", "智慧园区认定"),
        cert("certCircular", "循环经济园区认定"),
        { id: "accident", name: "发生重特大安全生产事故", synonyms: ["重特大安全生产事故"], type: "bool", missingAs: false, note: "是/否，空白按否；是则当年不予评价" },
        { id: "pollution", name: "发生环境污染事件", synonyms: ["环境污染事件"], type: "bool", missingAs: false, note: "是/否，空白按否；是则当年不予评价" },
        { id: "special", name: "专项奖励", synonyms: ["专项奖励项目"], type: "text", note: "可选：创新发展、绿色发展、园区公共服务平台、招商引资（可填多项，用顿号分隔）" },
      ],
    },
    {
      id: "history",
      name: "往年结果",
      sheetNames: ["往年结果", "历年结果", "往年考核结果"],
      level: "history",
      required: false,
      columns: [
        { id: "year", name: "年度", synonyms: ["考核年度"], type: "number", required: true },
        { id: "name", name: "园区", synonyms: ["园区名称", "开发区"], type: "text", role: "ref", required: true },
        { id: "score", name: "得分", synonyms: ["总分"], type: "number", unit: "分" },
        { id: "rank", name: "名次", synonyms: ["排名"], type: "number" },
      ],
    },
  ],
  params: [{ id: "year", name: "考评年度", synonyms: ["考核年度", "评价年度"], type: "number", required: true, note: "被考核的年度（次年3月底前考核上一年度）" }],
  groups: [
    { id: "total", name: "总量指标", weight: 30, responsible: "市工信局、市统计局" },
    { id: "benefit", name: "效益指标", weight: 12, responsible: "市自然资源局、市工信局、市统计局" },
    { id: "invest", name: "招商引资", weight: 30, responsible: "市区域经济合作局、市工信局、市统计局" },
    { id: "infra", name: "基础设施建设", weight: 7, responsible: "市工信局" },
    { id: "tech", name: "科技创新", weight: 7, responsible: "市科技局" },
    { id: "green", name: "绿色发展", weight: 7, responsible: "市生态环境局" },
    { id: "mgmt", name: "管理水平", weight: 7, responsible: "市工信局、市应急管理局、市生态环境局" },
  ],
  options: [
    {
      id: "rankReading",
      name: "排序法折算方式",
      default: "rank-step",
      choices: [
        { id: "rank-step", name: "按名次等差递减", description: "满分 −（名次 − 1）× 满分 ÷ 参评数，减完为止" },
        { id: "rank-linear", name: "按名次线性折算", description: "满分 ×（参评数 − 名次）÷（参评数 − 1），末名 0 分" },
        { id: "ratio-to-best", name: "按与第一名之比折算", description: "满分 × 本值 ÷ 第一名的值；本值不大于 0 得 0 分" },
        { id: "min-max", name: "按极差折算", description: "满分 ×（本值 − 最小值）÷（最大值 − 最小值）" },
      ],
    },
  ],
  rules: [
    { id: "veto.accident", clause: "附件1 三、9", kind: "veto", field: "accident", reason: "发生重特大安全生产事故", label: "安全事故", description: "发生重特大安全生产事故的，当年不予评价考核并向社会公告" },
    { id: "veto.pollution", clause: "附件1 三、9", kind: "veto", field: "pollution", reason: "发生环境污染事件", label: "环境污染", description: "发生环境污染事件的，当年不予评价考核并向社会公告" },
    { id: "1.1", clause: "附件1 三、1", group: "total", kind: "rank", field: "newOutput", points: 6, label: "新增工业总产值", description: `新增工业总产值（6分）${RANK}` },
    { id: "1.2", clause: "附件1 三、1", group: "total", kind: "rank", field: "outputGrowth", points: 6, label: "工业总产值增速", description: `工业总产值增速（6分）${RANK}` },
    { id: "1.3", clause: "附件1 三、1", group: "total", kind: "rank", field: "tax", points: 6, label: "上缴税金总额", description: `上缴税金总额（6分）${RANK}` },
    { id: "1.4", clause: "附件1 三、1", group: "total", kind: "rank", field: "taxGrowth", points: 6, label: "上缴税金增速", description: `上缴税金增速（6分）${RANK}` },
    { id: "1.5", clause: "附件1 三、1", group: "total", kind: "rank", field: "jobsGrowth", points: 6, label: "就业人员增速", description: `就业人员增速（6分）${RANK}` },
    { id: "2.1", clause: "附件1 三、2", group: "benefit", kind: "rank", field: "outputPerMu", points: 4, label: "亩均产值", description: `建成区亩均工业总产值（4分）${RANK}` },
    { id: "2.2", clause: "附件1 三、2", group: "benefit", kind: "rank", field: "investPerMu", points: 4, label: "亩均投资", description: `建成区亩均固定资产投资（4分）${RANK}` },
    { id: "2.3", clause: "附件1 三、2", group: "benefit", kind: "rank", field: "taxPerMu", points: 4, label: "亩均税收", description: `建成区亩均税收（4分）${RANK}` },
    { id: "3.1", clause: "附件1 三、3", group: "invest", kind: "rank", field: "projects", enteredPoints: "projectsPoints", points: 10, label: "招商项目数", description: "当年招商引资项目数量（10分）由市区域经济合作局认定：对认定数排序打分；认定部门直接给分时取其分数" },
    { id: "3.2", clause: "附件1 三、3", group: "invest", kind: "rank", field: "chain", enteredPoints: "chainPoints", points: 10, label: "产业链延伸", description: "产业链延伸企业（项目）引入数（10分）由市区域经济合作局认定：对认定数排序打分；认定部门直接给分时取其分数" },
    { id: "3.3", clause: "附件1 三、3", group: "invest", kind: "rank", field: "fixedInvestGrowth", points: 10, label: "工业投资增速", description: `工业固定资产投资增速（10分）${RANK}` },
    { id: "4.1", clause: "附件1 三、4", group: "infra", kind: "rank", field: "infraGrowth", points: 3, label: "基建投资增速", description: `基础设施建设投资增速（3分）${RANK}` },
    { id: "4.2", clause: "附件1 三、4", group: "infra", kind: "rank", field: "infraNew", points: 4, label: "新增基建投资", description: `新增基础设施建设投资总额（4分）${RANK}` },
    { id: "5.1", clause: "附件1 三、5", group: "tech", kind: "per-unit", field: "hiTech", points: 1, cap: 3, label: "新增高企", description: "园区内新增高新技术企业，每新增一户得1分，最高3分" },
    { id: "5.2", clause: "附件1 三、5", group: "tech", kind: "per-unit", field: "rdInst", points: 1, cap: 4, label: "新增研发机构", description: "新增省级以上研发机构，每新增一户得1分，最高4分" },
    { id: "6.1", clause: "附件1 三、6", group: "green", kind: "entered", field: "green1", max: 3, label: "规划环评", description: "园区规划环评执行情况（3分），由市生态环境局评分" },
    { id: "6.2", clause: "附件1 三、6", group: "green", kind: "entered", field: "green2", max: 2, label: "项目环评验收", description: "入驻项目环评及验收执行情况（2分），由市生态环境局评分" },
    { id: "6.3", clause: "附件1 三、6", group: "green", kind: "entered", field: "green3", max: 2, label: "排放达标", description: "重点污染物排放达标及总量控制指标完成情况（2分），由市生态环境局评分" },
    { id: "7.1", clause: "附件1 三、7", group: "mgmt", kind: "entered", field: "mgmt1", max: 3, label: "规划体系", description: "园区规划体系（3分）" },
    { id: "7.2", clause: "附件1 三、7", group: "mgmt", kind: "entered", field: "mgmt2", max: 1, label: "管理机构", description: "管理机构设置（1分）" },
    { id: "7.3", clause: "附件1 三、7", group: "mgmt", kind: "entered", field: "mgmt3", max: 1, label: "安全监管", description: "安全监管体系（1分）" },
    { id: "7.4", clause: "附件1 三、7", group: "mgmt", kind: "entered", field: "mgmt4", max: 1, label: "环境监测", description: "环境监测体系健全（1分）" },
    { id: "7.5", clause: "附件1 三、7", group: "mgmt", kind: "entered", field: "mgmt5", max: 1, label: "信息报送", description: "信息报送及时准确（1分）" },
    {
      id: "8", clause: "附件1 三、8", role: "bonus", kind: "certification", fields: ["certGreen", "certSmart", "certCircular"], mode: "sum", label: "附加分",
      levels: [{ match: "国家级", points: 10 }, { match: "省级", points: 5 }],
      description: "得到省级绿色园区、智慧园区、循环经济园区等认定的加5分，得到国家级认定的加10分（每项认定分别计）",
    },
  ],
  awards: [
    { id: "award.rank", clause: "附件1 五", kind: "rank-amount", amounts: [300, 200, 100], ties: "pool", unit: "万元", label: "综合奖励", description: "当年考核第一名奖励300万元，第二名200万元，第三名100万元（并列者平分相应名次奖金）" },
    {
      id: "award.special", clause: "附件1 五", kind: "chosen", field: "special", unit: "万元", label: "专项奖励",
      description: "奖励创新发展、绿色发展、园区公共服务平台、招商引资等专项工作成绩突出的园区，各100万元",
      options: [
        { name: "创新发展", amount: 100, suggestGroup: "tech" },
        { name: "绿色发展", amount: 100, suggestGroup: "green" },
        { name: "园区公共服务平台", amount: 100, suggestGroup: "infra" },
        { name: "招商引资", amount: 100, suggestGroup: "invest" },
      ],
    },
  ],
  historyTable: "history",
  usage: [
    { id: "use.streak90", clause: "参照甘肃方案（二十一）", kind: "score-streak", minScore: 90, years: 2, outcome: "优先支持扩区升级", description: "连续两年考核得分90分以上的，优先支持扩区升级（取自 002 方案1，赤峰办法未作规定，可删除）" },
    { id: "use.bottom5", clause: "参照湖北方案（十五）", kind: "bottom-streak", n: 5, years: 2, outcome: "警告并限期整改", description: "连续两次考核排名后五位的，予以警告并限期整改（取自 002 方案5，赤峰办法未作规定，可删除）" },
  ],
  total: {},
  ranking: { ties: "competition" },
  notes: [
    "赤峰高新区按东山、红山、元宝山、安庆四园分别考核（附件1 一）。",
    "“当年招商引资项目数量”原文单位写作“亿元”，实为个数，按个数处理。",
    "各一级指标小计不超过其权重；附加分另计。",
    "结果运用中的“连续两年90分以上”“连续两次后五位”两条取自其他省份方案，赤峰办法未作规定，仅供参考。",
  ],
};
