/**
 * The Huaibei annex as a table to fill: 全市开发区高质量发展工业攻坚行动目标一览表 (shared/policies/000_…, 附件), with
 * the city targets of 一、主要目标 ("力争到2025年，全市开发区规模以上工业产值突破2000亿元，规模以上工业企业达到660家；
 * 每年新开工建设工业项目140个以上；各开发区新增上市（在审、辅导备案）企业1家以上").
 */
import type { TargetSchemeInput } from "../engine/targets/schema";
import { huaibei2023TargetsGlossary } from "./huaibei-2023-targets.en";

const AIM = "一、主要目标";
export const HUAIBEI_ZONES = [
  "濉溪经济开发区",
  "相山经济开发区",
  "杜集经济开发区",
  "烈山经济开发区",
  "淮北高新技术产业开发区",
  "安徽（淮北）新型煤化工合成材料基地",
];

export const huaibei2023Targets: TargetSchemeInput = {
  id: "huaibei-2023",
  name: "淮北市开发区高质量发展工业攻坚行动目标一览表",
  nameEn: "Huaibei development zones: annex target table 2022–2025",
  source: "shared/policies/000_525232756335ef9c.txt（附件：全市开发区高质量发展工业攻坚行动目标一览表）",
  year: 2023,
  table: {
    title: "全市开发区高质量发展工业攻坚行动目标一览表",
    unitHeader: ["开发区"],
    units: HUAIBEI_ZONES,
    indicators: [
      {
        id: "output",
        name: "规上工业产值",
        unit: "亿元",
        decimals: 0,
        years: [2022, 2023, 2024, 2025],
        baseYear: 2022,
        totals: { "2025": 2000 },
        totalDirection: "above",
        rising: true,
        cite: `${AIM}：力争到2025年，全市开发区规模以上工业产值突破2000亿元`,
      },
      {
        id: "newProjects",
        name: "每年新开工建设工业项目",
        synonyms: ["新开工建设工业项目"],
        unit: "个",
        decimals: 0,
        years: [],
        totals: { "0": 140 },
        rising: false,
        weightsFrom: "output",
        cite: `${AIM}：每年新开工建设工业项目140个以上`,
      },
      {
        id: "enterprises",
        name: "规上工业企业",
        unit: "家",
        decimals: 0,
        years: [2022, 2023, 2024, 2025],
        baseYear: 2022,
        totals: { "2025": 660 },
        rising: true,
        cite: `${AIM}：规模以上工业企业达到660家`,
      },
      {
        id: "listings",
        name: "新增上市（在审、辅导备案）企业",
        unit: "家",
        decimals: 0,
        years: [2025],
        floor: 1,
        rising: false,
        cite: `${AIM}：各开发区新增上市（在审、辅导备案）企业1家以上`,
      },
    ],
  },
  targets: [],
  notes: [
    "“突破2000亿元”：表中总计取 2000（与附件总计一致）；“以上/达到”按不低于理解。",
    "每年新开工项目没有基数，按各开发区 2022 年规上工业产值占比分解（或按输入的权重）。",
    "新增上市企业没有全市总数时，每个开发区取下限 1 家；表中总计行有数时按总计分解。",
  ],
  glossary: huaibei2023TargetsGlossary,
};
