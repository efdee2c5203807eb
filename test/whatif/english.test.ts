/** The what-if sheets in English: every text but the units' names (the user's) is English. */
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { checkAndScore } from "../../src/engine/pipeline";
import { runScenario, scenarioSheet, sensitivity, sensitivitySheet, startWhatIf } from "../../src/engine/whatif";
import { planSheets } from "../helpers";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

test.each(["huaibei-2023", "chifeng-2020", "mujun-template"])("%s: 敏感性分析 and 情景对比 in English", (id) => {
  const s = getBuiltInScheme(id)!;
  const r = checkAndScore(planSheets(samplePlan(s)!), s, { lang: "en" });
  const names = new Set(r.run!.entities.map((e) => e.name));
  const res = sensitivity(s, r.dataset!, r.run!, { lang: "en", samples: 20 });
  const w = startWhatIf(s, r.dataset!, { lang: "en" }, r.run!);
  const sc = runScenario(w, []);
  const sheets = [
    sensitivitySheet(s, r.run!, res, "en"),
    scenarioSheet(s, r.run!, [{ scenario: { name: "A", changes: [] }, run: sc.run }], "en"),
  ];
  const left = sheets.flatMap((x) =>
    x.values.flat().filter((v) => typeof v === "string" && !names.has(v) && CJK.test(v)),
  );
  expect(left).toEqual([]);
  expect(sheets.map((x) => x.name)).toEqual(["Sensitivity", "Scenarios"]);
});
