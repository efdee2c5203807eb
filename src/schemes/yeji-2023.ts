/**
 * yeji-2023: 六安市叶集区2023年实施绿色振兴赶超发展决定性工程推进工业经济工作意见
 * (shared/policies/003_2d9d2f80ace67d2d.txt). Its 工作目标 and the quantified targets of its tasks, each with its
 * 职责单位 (lead first, as printed) and the words it is read from; tracked month by month ("每月…精准调度").
 */
import { yeji2023Glossary } from "./yeji-2023.en";
import type { TargetSchemeInput, TrackedTarget } from "../engine/targets/schema";
import type { z } from "zod";

type T = z.input<typeof TrackedTarget>;

const KJ = "区科技经信局";
const KF = "经济开发区";
const FG = "区发改委";
const TC = "区投创中心";
const ZR = "市自然资源和规划局叶集分局";
const SW = "叶集税务局";
const SJ = "区市场监管局";

/** 二、工作目标 names no unit; its targets are led by the unit that leads industry (区科技经信局), as in 三(三)2 */
const GOAL = [KJ, KF, FG, TC];
const U1_1 = [TC, KF, FG, KJ];
const U1_2 = [FG, KF, KJ, TC, ZR];
const U1_3 = [KJ, KF, FG, TC];
const U2_1 = [KJ, KF, FG];
const U2_2 = [KJ, KF, FG, TC];
const U3_1 = [KJ, KF, FG, TC];
const U4_1 = [KJ, KF, SJ, SW];
const U4_2 = [KJ, KF, FG];
const U4_3 = [KJ, KF, FG, "区农业农村局", TC];
const U5_3 = [KF, KJ, FG, TC, ZR, SW];
const U6_3 = [KF, FG, KJ, TC];

function t(
  id: string,
  name: string,
  kind: "level" | "growth" | "status",
  value: number | undefined,
  unit: string,
  cite: string,
  section: string,
  units: string[],
  more: Partial<T> = {},
): T {
  return { id, name, kind, value, unit, cite, section, lead: units[0], co: units.slice(1), ...more };
}

const G = "二、工作目标";
export const YEJI_TARGETS: T[] = [
  t("y1", "新增规上工业企业", "level", 15, "家", "2023年新增规上工业企业15家以上", G, GOAL),
  t("y2", "规上工业产值", "growth", 12, "%", "实现规上工业产值增长12%以上", G, GOAL),
  t("y3", "规上工业总产值", "level", 100, "亿元", "规上工业总产值超过100亿元以上", G, GOAL, { direction: "above" }),
  t("y4", "规上工业增加值", "growth", 10, "%", "规上工业增加值增长10%以上", G, GOAL),
  t("y5", "规下工业增加值", "growth", 6, "%", "规下工业增加值增长6%以上", G, GOAL),
  t("y6", "战略性新兴产业产值", "growth", 15, "%", "战略性新兴产业产值增长15%以上", G, GOAL),
  t("y7", "工业投资", "level", 21, "亿元", "全年完成工业投资21亿元以上", G, GOAL),
  t("y8", "工业投资增速", "growth", 40, "%", "增长40%以上", G, GOAL),
  t("y9", "技改投资", "level", 11, "亿元", "全年完成技改投资11亿元以上", G, GOAL),
  t("y10", "技改投资增速", "growth", 50, "%", "增长50%以上", G, GOAL),
  t("y11", "“工业赛马”市级表彰激励", "level", 1, "次", "力争年度内至少获得一次“工业赛马”市级表彰激励", G, GOAL, {
    aspirational: true,
  }),
  t("t1.1a", "新招引品牌家居企业", "level", 5, "个", "力争新招引品牌家居企业5个以上", "三(一)1", U1_1, {
    aspirational: true,
  }),
  t("t1.1b", "新招引家居上下游企业", "level", 10, "个", "家居上下游企业10个以上", "三(一)1", U1_1, {
    aspirational: true,
  }),
  t("t1.1c", "新引进10亿元以上化工项目", "level", 3, "个", "全年新引进10亿元以上化工项目不少于3个", "三(一)1", U1_1),
  t(
    "t1.1d",
    "新引进固投30亿元以上工业项目",
    "level",
    2,
    "个",
    "全年力争新引进固投30亿元以上工业项目2个",
    "三(一)1",
    U1_1,
    {
      aspirational: true,
    },
  ),
  t("t1.1e", "新引进固投50亿元以上工业项目", "level", 1, "个", "固投50亿元以上工业项目1个", "三(一)1", U1_1, {
    aspirational: true,
  }),
  t(
    "t1.2a",
    "落地开工亿元以上工业项目",
    "level",
    10,
    "个",
    "全年实现落地开工亿元以上工业项目10个以上",
    "三(一)2",
    U1_2,
  ),
  t("t1.2b", "亿元以上项目投产", "level", 10, "个", "实现亿元以上项目投产10个以上", "三(一)2", U1_2),
  t("t1.2c", "新开工制造业项目投资", "growth", 30, "%", "新开工制造业项目投资增长30%以上", "三(一)2", U1_2),
  t("t1.3", "月度纳规", "level", 5, "个", "实现月度纳规5个以上", "三(一)3", U1_3, { cumulative: false }),
  t("t2.1", "滚动实施技改项目", "level", 20, "个", "力争全年滚动实施20个以上技改项目", "三(二)1", U2_1, {
    aspirational: true,
  }),
  t("t2.2a", "培育转型示范企业", "level", 20, "家", "全年培育转型示范企业20家左右", "三(二)2", U2_2, {
    direction: "band",
  }),
  t("t2.2b", "新型板材规上工业产值", "level", 20, "亿元", "新型板材规上工业产值达到20亿元", "三(二)2", U2_2),
  t("t2.2c", "传统企业转型升级比例", "level", 50, "%", "力争全年传统企业转型升级50%以上", "三(二)2", U2_2, {
    aspirational: true,
    cumulative: false,
  }),
  t("t3.1a", "产值超3亿元企业", "level", 5, "家", "力争全年实现产值超3亿元企业5家", "三(三)1", U3_1, {
    aspirational: true,
  }),
  t("t3.1b", "产值超5亿元企业", "level", 3, "家", "产值超5亿元企业3家", "三(三)1", U3_1, { aspirational: true }),
  t("t3.1c", "入选全市民营工业百强", "level", 6, "家", "入选全市民营工业百强6家以上", "三(三)1", U3_1),
  t(
    "t4.1a",
    "有研发投入规上工业企业",
    "level",
    30,
    "家",
    "力争全年实现有研发投入规上工业企业30家以上",
    "三(四)1",
    U4_1,
    {
      aspirational: true,
    },
  ),
  t("t4.1b", "规上工业企业研发经费支出", "growth", 15, "%", "规上工业企业研发经费支出增长15%以上", "三(四)1", U4_1),
  t(
    "t4.1c",
    "规上工业企业新产品销售收入占比提高",
    "level",
    3,
    "个百分点",
    "提升规上工业企业新产品销售收入占比，实现增长3个百分点以上",
    "三(四)1",
    U4_1,
    {
      cumulative: false,
    },
  ),
  t("t4.1d", "高新技术工业增加值", "growth", 20, "%", "力争高新技术工业增加值增长20%以上", "三(四)1", U4_1, {
    aspirational: true,
  }),
  t("t4.1e", "培育高新技术企业", "level", 10, "家", "全年培育高新技术企业10家以上", "三(四)1", U4_1),
  t("t4.1f", "认定高新技术企业", "level", 5, "家", "认定高新技术企业5家以上", "三(四)1", U4_1),
  t("t4.1g", "认定科技型中小企业", "level", 30, "家", "认定科技型中小企业30家以上", "三(四)1", U4_1),
  t("t4.1h", "新增专精特新培育企业", "level", 5, "家", "新增专精特新培育企业5家以上", "三(四)1", U4_1),
  t("t4.1i", "省市级专精特新企业", "level", 2, "家", "省市级专精特新企业2家以上", "三(四)1", U4_1),
  t("t4.2a", "“5G+工业互联网”应用场景", "level", 1, "个", "力争打造“5G+工业互联网”应用场景1个以上", "三(四)2", U4_2, {
    aspirational: true,
  }),
  t(
    "t4.2b",
    "数字化转型交流对接活动",
    "level",
    2,
    "次",
    "每年开展数字化转型解决方案交流和对接活动2次以上",
    "三(四)2",
    U4_2,
  ),
  t("t4.2c", "推动企业上云", "level", 5, "家", "力争推动企业上云5家以上", "三(四)2", U4_2, { aspirational: true }),
  t(
    "t4.2d",
    "省、市级智能工厂和数字化车间",
    "level",
    2,
    "家",
    "力争实现省、市级智能工厂和数字化车间2家以上",
    "三(四)2",
    U4_2,
    {
      aspirational: true,
    },
  ),
  t("t4.2e", "推广应用工业机器人", "level", 10, "台", "推广应用工业机器人10台以上", "三(四)2", U4_2),
  t("t4.2f", "省、市级绿色工厂", "level", 2, "家", "力争培育省、市级绿色工厂2家以上", "三(四)2", U4_2, {
    aspirational: true,
  }),
  t("t4.2g", "新建5G基站", "level", 62, "座", "力争全年新建5G基站62座", "三(四)2", U4_2, { aspirational: true }),
  t("t4.2h", "省市级工业设计中心", "level", 2, "个", "力争培育省市级工业设计中心2个以上", "三(四)2", U4_2, {
    aspirational: true,
  }),
  t(
    "t4.2i",
    "消费品“三品”示范企业、“安徽工业精品”",
    "level",
    1,
    "家",
    "力争全年培育省市级消费品“三品”示范企业、“安徽工业精品”1家以上",
    "三(四)2",
    U4_2,
    {
      aspirational: true,
    },
  ),
  t("t4.3a", "申报市级以上科技项目", "level", 2, "个", "申报市级以上科技项目2-3个（按下限 2 个跟踪）", "三(四)3", U4_3),
  t("t4.3b", "企业吸纳技术合同成交额", "level", 4, "亿元", "企业吸纳技术合同成交额4亿元以上", "三(四)3", U4_3),
  t(
    "t4.3c",
    "创建市级创新平台",
    "level",
    1,
    "个",
    "创建市级众创空间、科技企业孵化器、技术创新中心等创新平台1个以上",
    "三(四)3",
    U4_3,
  ),
  t("t5.3", "规模以上工业企业亩均税收", "growth", 10, "%", "力争规模以上工业企业亩均税收提升10%以上", "三(五)3", U5_3, {
    aspirational: true,
  }),
  t("t6.3a", "化工项目开工建设", "level", 3, "个", "力争全年开工建设不少于3个", "三(六)3", U6_3, {
    aspirational: true,
  }),
  t("t6.3b", "化工项目建成试产", "level", 2, "个", "建成试产不少于2个", "三(六)3", U6_3, { aspirational: true }),
];

export const yeji2023: TargetSchemeInput = {
  id: "yeji-2023",
  name: "叶集区2023年推进工业经济工作意见（目标跟踪）",
  nameEn: "Yeji District 2023 industrial economy targets (tracking)",
  source:
    "shared/policies/003_2d9d2f80ace67d2d.txt（六安市叶集区2023年实施绿色振兴赶超发展决定性工程推进工业经济工作意见）",
  year: 2023,
  targets: YEJI_TARGETS,
  bandTolerance: 0.05,
  notes: [
    "“二、工作目标”未列职责单位，按三(三)2（新增规上企业）所列单位，由区科技经信局牵头。",
    "“超过…以上”按严格大于理解；“以上/不少于/达到”按不低于理解；“左右”按 ±5% 区间（可改）。",
    "增长类目标按上年同期累计计算增速；数量类目标按累计完成 ÷ 年度目标，与时序进度（已过月数 ÷ 12）比较。",
    "“月度纳规5个以上”、占比类目标不按时序进度，按当期是否达到判断。",
  ],
  glossary: yeji2023Glossary,
};
