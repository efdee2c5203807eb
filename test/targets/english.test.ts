/**
 * The target tools in English: every text of the fill, progress and project sheets is English, except the user's own
 * words (zone and department names, the items of a responsibility table, statuses typed in the actuals sheet, the
 * actuals sheet's name).
 */
import { getTargetScheme, targetSchemeIds } from "../../src/schemes/targets";
import { targetSample } from "../../src/samples/targets";
import { runFill, runProjects, runTrack } from "../../src/engine/targets";
import { parsePeriod } from "../../src/engine/targets/track";
import type { PlanSheet } from "../../src/engine/output/sheet-plan";
import { planSheets } from "../helpers";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function chineseLeft(sheets: PlanSheet[], userWords: Set<string>, sheetName: string): string[] {
  const out: string[] = [];
  for (const s of sheets)
    for (const row of s.values)
      for (const v of row)
        if (typeof v === "string" && !userWords.has(v) && CJK.test(v.split(sheetName).join(""))) out.push(v);
  return out;
}

describe.each(targetSchemeIds())("%s in English", (id) => {
  const scheme = getTargetScheme(id)!;
  const kind = scheme.table ? "fill" : "track";
  const sheets = planSheets(targetSample(scheme, kind));

  it("the filled table, the progress sheet and the project check speak English", () => {
    const plans: PlanSheet[] = [];
    const user = new Set<string>();
    if (scheme.table) {
      const f = runFill(sheets, scheme, { method: "linear", allocate: "base", lang: "en" });
      plans.push(...f.plan.sheets);
      f.proposal.units.forEach((u) => user.add(u));
    } else {
      const r = runTrack(sheets, scheme, parsePeriod("2023-09")!, { lang: "en" });
      plans.push(...r.plan.sheets);
      for (const row of r.run.rows) {
        [row.target.unit, ...row.target.co].forEach((u) => user.add(u));
        if (row.target.id.startsWith("S-")) user.add(row.target.name);
        for (const c of row.cells) if (typeof c.actual === "string") user.add(c.actual);
      }
      const p = runProjects(sheets, scheme, "en");
      if (p) plans.push(...p.plan.sheets);
      p?.results.forEach((x) => user.add(x.name));
      const left = chineseLeft(plans, user, r.run.actualsSheet ?? "");
      expect(left).toEqual([]);
      return;
    }
    expect(chineseLeft(plans, user, "")).toEqual([]);
  });
});
