import { clauseEn, schemeAmount, schemeUnit, schemeWord } from "../../src/engine/i18n/scheme-words";

const scheme = {
  glossary: {
    规上工业产值增量: "increase in output",
    工作目标: "work objectives",
    主要发展目标: "main development targets",
    台: "machines",
    "数量（个）": "number",
  },
};
const en = (zh: string) => schemeWord(scheme, "en", zh);

describe("clause references in English, by rule", () => {
  test.each([
    ["二(一)", "§2(1)"],
    ["二（四）", "§2(4)"],
    ["三(三)", "§3(3)"],
    ["三(三)1", "§3(3)1"],
    ["三(四)2", "§3(4)2"],
    ["三、9", "§3.9"],
    ["二、一、2", "§2.1.2"],
    ["附件1 一", "Annex 1 §1"],
    ["附件1 五", "Annex 1 §5"],
    ["附件1 三、9", "Annex 1 §3.9"],
    ["附件2 十二、3", "Annex 2 §12.3"],
    ["（二十一）", "(21)"],
    ["004 三(4)", "004 §3(4)"],
  ])("%s → %s", (zh, want) => {
    expect(clauseEn(zh)).toBe(want);
    expect(en(zh)).toBe(want);
  });

  test("text that is not a clause is returned unchanged", () => {
    expect(clauseEn("模板")).toBe("模板");
    expect(clauseEn("R&D 2023")).toBe("R&D 2023");
  });
});

describe("units, with and without a number", () => {
  test.each([
    ["亿元", "100 million yuan"],
    ["万元/亩", "10,000 yuan/mu"],
    ["家", "firms"],
    ["个", "number"],
    ["台", "machines"],
  ])("the unit %s alone → %s", (zh, want) => {
    expect(en(zh)).toBe(want);
    expect(schemeUnit(scheme, "en", zh)).toBe(want);
  });

  test.each([
    ["106.6 亿元", "106.6 hundred million yuan"],
    ["3万元/亩", "3 ten thousand yuan/mu"],
    ["12%", "12%"],
    ["-0.5 %", "-0.5%"],
    ["15 家", "15 firms"],
    ["140 个", "140"],
    ["10台", "10 machines"],
    ["1,200 亩", "1,200 mu"],
  ])("%s → %s", (zh, want) => expect(en(zh)).toBe(want));

  test("schemeAmount writes a number with its unit in either language", () => {
    expect(schemeAmount(scheme, "en", 106.6, "亿元")).toBe("106.6 hundred million yuan");
    expect(schemeAmount(scheme, "zh", 106.6, "亿元")).toBe("106.6 亿元");
    expect(schemeAmount(scheme, "zh", 13.5, "%")).toBe("13.5 %");
    expect(schemeAmount(scheme, "en", 13.5, "%")).toBe("13.5%");
    expect(schemeAmount(scheme, "en", 5, "")).toBe("5");
  });
});

describe("text made of scheme words, units, years and clauses", () => {
  test.each([
    ["二(一) 规上工业产值增量", "§2(1) increase in output"],
    ["二(一) 规上工业产值增量 106.6 亿元", "§2(1) increase in output 106.6 hundred million yuan"],
    ["规上工业产值增量（亿元）", "increase in output (100 million yuan)"],
    ["规上工业产值增量(%)", "increase in output (%)"],
    ["规上工业产值增量（2023年）", "increase in output (2023)"],
    ["2023年规上工业产值增量", "increase in output 2023"],
    ["规上工业产值增量2023年", "increase in output 2023"],
    ["规上工业产值增量 2023", "increase in output 2023"],
    ["2023年", "2023"],
    ["2022–2025年", "2022–2025"],
    ["2023年10月31日", "2023-10-31"],
    ["二、工作目标", "§2 work objectives"],
    ["一、主要发展目标 1", "§1 main development targets 1"],
    ["数量（个）", "number"],
  ])("%s → %s", (zh, want) => expect(en(zh)).toBe(want));

  test("the glossary's own entry wins over the rules", () => {
    expect(schemeWord({ glossary: { "二(一)": "clause 2.1", 亿元: "hundreds of millions" } }, "en", "二(一)")).toBe(
      "clause 2.1",
    );
    expect(schemeUnit({ glossary: { 亿元: "x 100 million yuan" } }, "en", "亿元")).toBe("x 100 million yuan");
  });

  test("a word the glossary lacks stays Chinese (its clause numbers translated); nothing inherited is a word", () => {
    expect(en("不在词表中的词")).toBe("不在词表中的词");
    expect(en("二(一) 不在词表中的词")).toBe("§2(1) 不在词表中的词");
    expect(en("constructor")).toBe("constructor");
    expect(en("toString 万元")).toBe("toString 10,000 yuan");
  });

  test("Chinese and empty text are returned as they are", () => {
    expect(schemeWord(scheme, "zh", "二(一) 规上工业产值增量")).toBe("二(一) 规上工业产值增量");
    expect(schemeWord(scheme, "en", "")).toBe("");
    expect(schemeWord({}, "en", "二(一)")).toBe("§2(1)");
  });
});
