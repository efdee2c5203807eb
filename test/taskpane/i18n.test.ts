import { otherLang, strings, targetStrings } from "../../src/taskpane/i18n";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe("the pane's strings come from the catalogue", () => {
  test("the accessor keeps the components' shape: texts, functions of positional values, groups", () => {
    const zh = strings("zh");
    const en = strings("en");
    expect(zh.title).toBe("开发区考评助手");
    expect(zh.issues(2, 1)).toBe("2 个错误，1 个警告");
    expect(en.issues(1, 2)).toBe("1 error, 2 warnings");
    expect(zh.confirmFix("A1", "x", "y")).toBe("把 A1 的“x”改为“y”？只修改这一个单元格。");
    expect(en.cellValue("B2", "")).toBe("Cell B2, value: (empty)");
    expect(zh.severity.warning).toBe("警告");
    expect(en.stage.inspect).toBe("checking the file's size and structure");
    expect(targetStrings("zh").proposed(3, 0)).toBe("已生成 3 个建议值");
    expect(targetStrings("en").proposed(3, 2)).toBe("3 cells proposed; 2 totals differ from their members");
  });

  test("the switch names the other language in that language; the page's language tag follows", () => {
    expect([strings("zh").language, strings("en").language]).toEqual(["English", "中文"]);
    expect([strings("zh").htmlLang, strings("en").htmlLang]).toEqual(["zh-CN", "en"]);
    expect([otherLang("zh"), otherLang("en")]).toEqual(["en", "zh"]);
  });

  test("every English text of the pane is free of Chinese but the switch's own name", () => {
    const texts = (o: Record<string, unknown>): string[] =>
      Object.entries(o).flatMap(([k, v]) => {
        if (k === "language") return [];
        if (typeof v === "string") return [v];
        if (typeof v === "function") return [(v as (...a: string[]) => string)("x", "y", "z", "u", "v")];
        return texts(v as Record<string, unknown>);
      });
    const all = [...texts(strings("en")), ...texts(targetStrings("en"))];
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((s) => CJK.test(s))).toEqual([]);
  });
});
