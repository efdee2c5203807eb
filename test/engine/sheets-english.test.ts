/**
 * The result sheets in English: sheet names, titles, subtitles and column headers come from the catalogue and the
 * scheme's glossary, so no Chinese is left in them but the user's own texts (unit names, the sheets they came from).
 */
import { buildResultPlan } from "../../src/engine/output/result-plan";
import { buildTemplatePlan } from "../../src/engine/output/template";
import { checkAndScore } from "../../src/engine/pipeline";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { planSheets } from "../helpers";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe.each(["huaibei-2023", "chifeng-2020", "mujun-template"])("%s in English", (id) => {
  const scheme = getBuiltInScheme(id)!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme, { lang: "en", force: true });
  const user = new Set(sheets.flatMap((s) => [s.name, ...s.values.flat().filter((v) => typeof v === "string")]));

  test("sheet names, titles and headers have no Chinese", () => {
    const plan = buildResultPlan(scheme, r.run!, r.allIssues, { lang: "en", formulas: { data: r.dataset!, sheets } });
    for (const s of plan.sheets) {
      expect([s.key, s.name, CJK.test(s.name)]).toEqual([s.key, s.name, false]);
      // the calc sheet starts with its header; the others with title, subtitle, header
      const heads = s.key === "calc" ? s.values.slice(0, 1) : s.values.slice(0, 3);
      const words = heads.flat().filter((v): v is string => typeof v === "string" && !user.has(v));
      expect([s.key, words.filter((w) => CJK.test(w))]).toEqual([s.key, []]);
    }
  });

  test("the Chinese plan is what it was: the same sheets, titles in Chinese", () => {
    const zh = buildResultPlan(scheme, r.run!, r.allIssues, {});
    const en = buildResultPlan(scheme, r.run!, r.allIssues, { lang: "en" });
    expect(en.sheets.map((s) => s.key)).toEqual(zh.sheets.map((s) => s.key));
    expect(zh.sheets.find((s) => s.key === "summary")!.name).toMatch(/^(评分|加分)汇总$/);
    // the numbers are the same; only the words differ
    const numbers = (p: typeof zh) =>
      p.sheets.map((s) => s.values.map((row) => row.filter((v) => typeof v === "number")));
    expect(numbers(en)).toEqual(numbers(zh));
  });

  test("the template's help sheet speaks the user's language; the input sheets keep the words the reader knows", () => {
    const zh = buildTemplatePlan(scheme);
    const en = buildTemplatePlan(scheme, "en");
    expect(en.sheets.slice(0, -1)).toEqual(zh.sheets.slice(0, -1));
    const help = en.sheets[en.sheets.length - 1];
    expect(help.values[3].some((v) => typeof v === "string" && CJK.test(v))).toBe(false);
    expect(zh.sheets[zh.sheets.length - 1].name).toBe("说明");
  });
});
