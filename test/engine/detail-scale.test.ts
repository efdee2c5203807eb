/**
 * Issue 14, a detail sheet that scales: above the threshold (DETAIL_LIMIT units by default, PlanOptions.detailLimit
 * otherwise) 加分明细 is one row per unit with each rule's points in a column, and says above its table, in the
 * plan's language, what it leaves out and where the full detail is. Below it, the detail lists every award of points.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { DETAIL_LIMIT } from "../../src/engine/output/result-plan";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { t } from "../../src/engine/i18n";
import { enterprises } from "../office/data";
import { planSheets } from "../helpers";

const mujun = getBuiltInScheme("mujun-template")!;
const shown = mujun.rules.filter((r) => r.kind !== "veto");

describe("mujun, 100,000 enterprises", () => {
  const sheets = enterprises(100_000);
  const r = checkAndScore(sheets, mujun, { force: true });
  const n = r.run!.entities.length;

  test.each(["zh", "en"] as const)("%s: one row per enterprise, the rules' points in columns, and the note", (lang) => {
    const detail = plan(mujun, r.run!, { lang }).sheets.find((s) => s.key === "details")!;
    expect(n).toBe(100_000);
    expect(n).toBeGreaterThan(DETAIL_LIMIT);
    // the title, the subtitle, the note, the header, then the units: O(units) rows, not units × rules
    expect(detail.values.length).toBe(4 + n);
    const note = t(lang, "sheet.note", {
      text: t(lang, "sheet.note.compactDetail", { units: n, limit: DETAIL_LIMIT }),
    });
    expect(detail.values[2]).toEqual([note]);
    expect(note).toContain("--json");
    if (lang === "en") expect(note).not.toMatch(/[\u4e00-\u9fff]/);
    expect(detail.values[3].length).toBe(shown.length + 2);
    // each unit's row holds its points, rule by rule, in ranking order
    const first = r.run!.entities[r.run!.order[0]];
    expect(detail.values[4][0]).toBe(first.name);
    const ks = mujun.rules.map((x, k) => (x.kind === "veto" ? -1 : k)).filter((k) => k >= 0);
    expect(detail.values[4].slice(1, 1 + ks.length)).toEqual(ks.map((k) => first.points[k]));
    expect(detail.freeze).toEqual({ rows: 4, cols: 1 });
  });
});

test("the threshold is an option: the Huaibei sample with detailLimit 3 gets the compact detail, by default the full one", () => {
  const scheme = getBuiltInScheme("huaibei-2023")!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme);
  const units = r.run!.entities.length;
  const compact = plan(scheme, r.run!, { detailLimit: 3 }).sheets.find((s) => s.key === "details")!;
  expect(compact.values.length).toBe(4 + units);
  const full = plan(scheme, r.run!, {}).sheets.find((s) => s.key === "details")!;
  expect(full.values.length).toBe(3 + r.run!.details().length);
});

test("formula mode: the compact detail's points refer to the same unit's cells on the summary, row for row", () => {
  const scheme = getBuiltInScheme("huaibei-2023")!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme);
  const p = plan(scheme, r.run!, { detailLimit: 3, formulas: { data: r.dataset!, sheets } });
  const detail = p.sheets.find((s) => s.key === "details")!;
  const summary = p.sheets.find((s) => s.key === "summary")!;
  const order = r.run!.order;
  const live = order.filter((i) => !r.run!.entities[i].vetoed).length;
  // every live unit × every rule column, and nothing for a vetoed unit
  const rules = detail.values[4].length - 2;
  expect(detail.formulas!.length).toBe(live * rules);
  for (const f of detail.formulas!) {
    const m = /^⟦summary⟧!([A-Z]+)(\d+)$/.exec(f.formula)!;
    const row = Number(m[2]) - 1;
    // the same unit on both rows, and the column of the same rule (the summary has the rank before the name)
    expect(summary.values[row][1]).toBe(detail.values[f.row][0]);
    expect(m[1].charCodeAt(0) - 65).toBe(f.col + 1);
    expect(summary.values[row][f.col + 1]).toBe(detail.values[f.row][f.col]);
  }
  // the note says the points follow the summary
  expect(detail.values[3][0]).toContain(summary.name);
});

test.each(["huaibei-2023", "chifeng-2020", "mujun-template"])(
  "%s: every row of the compact detail is the unit's name, its points rule by rule (none when vetoed) and the remark",
  (id) => {
    const scheme = getBuiltInScheme(id)!;
    const sheets = planSheets(samplePlan(scheme)!);
    const r = checkAndScore(sheets, scheme, { force: true });
    const run = r.run!;
    const ks = scheme.rules.map((x, k) => (x.kind === "veto" ? -1 : k)).filter((k) => k >= 0);
    for (const formulas of [undefined, { data: r.dataset!, sheets }]) {
      const detail = plan(scheme, run, { detailLimit: 0, formulas }).sheets.find((s) => s.key === "details")!;
      const first = detail.values.length - run.order.length;
      run.order.forEach((i, p) => {
        const e = run.entities[i];
        const remark = e.vetoed ? t("zh", "sheet.vetoed", { reason: e.vetoReason ?? "" }) : null;
        const points = ks.map((k) => (e.vetoed ? null : e.points[k]));
        expect(detail.values[first + p]).toEqual([e.name, ...points, remark]);
      });
    }
    // the samples between them have a vetoed unit, so the branch without points is taken
    if (id === "chifeng-2020") expect(run.entities.some((e) => e.vetoed)).toBe(true);
  },
);
