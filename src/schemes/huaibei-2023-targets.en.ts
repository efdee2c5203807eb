/**
 * English for the words of the huaibei-2023 target table (src/schemes/huaibei-2023-targets.ts), keyed by the Chinese as
 * the scheme writes it: target, indicator and table names, units, citations of the document's words, section titles and
 * notes. Clause numbers, years and common units are translated by rule in src/engine/i18n/scheme-words.ts and need no
 * entry here. The names of the responsible units (lead, co) and of the zones are names, like the user's own, and are
 * not translated.
 */

export const huaibei2023TargetsGlossary: Record<string, string> = {
  开发区: "zone",
  淮北市开发区高质量发展工业攻坚行动目标一览表:
    "Huaibei development zones: target table of the action plan for high-quality industrial development",
  "shared/policies/000_525232756335ef9c.txt（附件：全市开发区高质量发展工业攻坚行动目标一览表）":
    "shared/policies/000_525232756335ef9c.txt (annex: targets of the city's development zones under the action " +
    "plan for high-quality industrial development)",
  全市开发区高质量发展工业攻坚行动目标一览表:
    "targets of the city's development zones under the action plan for high-quality industrial development",
  规上工业产值: "output of industry above designated size",
  "一、主要目标：力争到2025年，全市开发区规模以上工业产值突破2000亿元":
    "§1 main targets: strive for the output of industry above designated size of the city's zones to exceed 200 " +
    "billion yuan by 2025",
  每年新开工建设工业项目: "industrial projects newly started each year",
  "一、主要目标：每年新开工建设工业项目140个以上":
    "§1 main targets: at least 140 industrial projects newly started each year",
  规上工业企业: "industrial enterprises above designated size",
  "一、主要目标：规模以上工业企业达到660家":
    "§1 main targets: industrial enterprises above designated size to reach 660",
  "新增上市（在审、辅导备案）企业": "new listed enterprises (including under review and filed for tutoring)",
  "一、主要目标：各开发区新增上市（在审、辅导备案）企业1家以上":
    "§1 main targets: at least 1 new listed enterprise (including under review and filed for tutoring) in each zone",
  "“突破2000亿元”：表中总计取 2000（与附件总计一致）；“以上/达到”按不低于理解。":
    '"Exceed 200 billion yuan": the table\'s total is 2000 (in 100 million yuan, as the annex\'s total); "at least / ' +
    'reach" are read as not less than.',
  "每年新开工项目没有基数，按各开发区 2022 年规上工业产值占比分解（或按输入的权重）。":
    "Projects newly started each year have no base: the total is shared by each zone's share of the 2022 output of " +
    "industry above designated size (or by the weights given).",
  "新增上市企业没有全市总数时，每个开发区取下限 1 家；表中总计行有数时按总计分解。":
    "Without a city total of new listed enterprises, each zone takes the floor of 1; where the table's total row " +
    "has a number, it is shared out.",
};
