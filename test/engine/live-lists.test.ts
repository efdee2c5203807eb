/**
 * Issue 12 §5 at the plan level (LibreOffice recalculates them in test/oracle/live-lists.test.ts): in formula mode
 * 加分明细 lists every evaluated unit × rule (a roll-up rule's items one by one) and 奖励测算 every unit × award that a
 * formula can follow, each amount a live formula; a filter hides the zero rows as written. Their non-zero rows hold
 * what values mode lists. Values mode stays as it was: the non-zero rows only, no filter, no formulas.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import type { PlanSheet } from "../../src/engine/output/sheet-plan";
import { planSheets } from "../helpers";

/** (unit, label) → the sum of the table's non-zero amounts (column 3), from the first row under the header. */
function sums(s: PlanSheet): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of s.values.slice(3)) {
    if (!row.length) break;
    const v = row[3];
    if (typeof v !== "number" || v === 0) continue;
    const k = `${String(row[0])} · ${String(row[1])}`;
    out.set(k, (out.get(k) ?? 0) + v);
  }
  return out;
}

describe.each(["huaibei-2023", "chifeng-2020"])("%s", (id) => {
  const scheme = getBuiltInScheme(id)!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme);
  const run = r.run!;
  const live = plan(scheme, run, { formulas: { data: r.dataset!, sheets } });
  const values = plan(scheme, run, {});
  const sheet = (p: typeof live, key: string) => p.sheets.find((s) => s.key === key)!;
  const evaluated = run.entities.filter((e) => !e.vetoed);
  const rules = scheme.rules.filter((x) => x.kind !== "veto");

  test("加分明细: every evaluated unit × rule, live, the zero rows filtered out", () => {
    const d = sheet(live, "details");
    const f = d.filter!;
    const rows = d.values.slice(3, f.rect.bottom + 1);
    expect(f.rect.top).toBe(2);
    expect(f.column).toBe(3);
    for (const e of evaluated)
      for (const rule of rules) expect(rows.some((x) => x[0] === e.name && x[1] === rule.label)).toBe(true);
    expect(rows.some((x) => run.entities.find((e) => e.name === x[0])!.vetoed)).toBe(false);
    rows.forEach((_, k) => expect(d.formulas!.some((x) => x.row === 3 + k && x.col === 3)).toBe(true));
    expect(f.hidden).toEqual(rows.flatMap((x, k) => (x[3] === 0 ? [3 + k] : [])));
    expect(f.hidden.length).toBeGreaterThan(0);
    expect(sums(d)).toEqual(sums(sheet(values, "details")));
  });

  test("奖励测算: the candidates of the awards a formula follows, live; every award made is there", () => {
    const a = sheet(live, "awards");
    const f = a.filter!;
    expect(f.column).toBe(3);
    expect(f.hidden.length).toBeGreaterThan(0);
    const rows = a.values.slice(3, f.rect.bottom + 1);
    for (const k of f.hidden) expect(a.values[k][3]).toBe(0);
    // a zero row is a candidate that a formula follows
    f.hidden.forEach((k) => expect(a.formulas!.some((x) => x.row === k && x.col === 3)).toBe(true));
    expect(rows.length).toBeGreaterThan(run.awards.length);
    expect(sums(a)).toEqual(sums(sheet(values, "awards")));
  });

  test("values mode is as before: only non-zero rows, no filter, no formulas", () => {
    for (const key of ["details", "awards"]) {
      const s = sheet(values, key);
      expect(s.filter).toBeUndefined();
      expect(s.formulas ?? []).toEqual([]);
    }
    expect(sheet(values, "awards").values.length).toBe(3 + run.awards.length);
  });
});
