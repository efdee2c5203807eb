/**
 * Result sheets an official can hand on: headers in the policy's words (clause + label, never an internal rule id),
 * integers without decimals, "—" where a unit got no points, and for Chifeng a group-level ranking beside the
 * rule-level sheet (its A4 fit is checked by LibreOffice in a4.e2e.test.ts).
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { columnFormat } from "../../src/engine/output/result-plan";
import { builtInSchemeIds, getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { planSheets } from "../helpers";

function scored(id: string, formulas: boolean) {
  const scheme = getBuiltInScheme(id)!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme);
  expect(r.run).not.toBeNull();
  return { scheme, p: plan(scheme, r.run!, formulas ? { formulas: { data: r.dataset!, sheets } } : {}) };
}

test.each(builtInSchemeIds())("%s: no header of any result sheet contains an internal rule id", (id) => {
  for (const formulas of [false, true]) {
    const { scheme, p } = scored(id, formulas);
    // ids that could pass for words (a bare number such as "8") are only caught when they stand alone
    const ids = scheme.rules.map((r) => r.id).filter((x) => /[.a-z]/i.test(x));
    for (const s of p.sheets) {
      if (s.key === "calc") continue; // the working sheet lists rule ids by design, for the SUMIFS criteria
      const headerRow = s.styles.find((x) => x.style === "header")?.rect.top;
      if (headerRow === undefined) continue;
      const headers = s.values[headerRow].map((v) => String(v ?? ""));
      for (const h of headers) for (const rid of ids) expect(`${s.name}: ${h}`).not.toContain(rid);
      // nor in the rows below: the 规则 column of the details and awards names the rule by its label
      if (s.key !== "issues")
        for (const row of s.values.slice(headerRow + 1))
          for (const v of row) if (typeof v === "string") for (const rid of ids) expect(v === rid).toBe(false);
    }
    const summary = p.sheets.find((s) => s.key === "summary")!;
    const headers = summary.values[2].map(String);
    for (const r of scheme.rules.filter((x) => x.kind !== "veto")) expect(headers).toContain(`${r.clause} ${r.label}`);
  }
});

test("huaibei: the 二(四) headers read as the policy does, integers have no decimals, no points show as —", () => {
  const { p } = scored("huaibei-2023", false);
  const summary = p.sheets.find((s) => s.key === "summary")!;
  expect(summary.values[2]).toEqual(expect.arrayContaining(["二(四) 产值目标", "二(四) 企业目标"]));
  const col = summary.values[2].indexOf("二(四) 产值目标");
  const f = summary.numberFormats.find((x) => x.rect.left === col && x.rect.right === col)!;
  expect(f.format).toBe('0;-0;"—"');
  const total = summary.values[2].indexOf("加分合计");
  expect(summary.numberFormats.find((x) => x.rect.left === total)!.format).toBe('0;-0;"—"');
  expect(summary.numberFormats.every((x) => x.format !== "0.00" || x.rect.left !== col)).toBe(true);
  // nor in the notes under the table
  const notes = summary.values.filter((r) => String(r[0] ?? "").startsWith("注："));
  expect(notes.length).toBeGreaterThan(3);
  for (const n of notes) expect(String(n[0])).not.toMatch(/2\.4\.(output|projects|enterprises)/);
});

test("columnFormat: integers without decimals, two decimals as soon as one value needs them, — only when asked", () => {
  expect(columnFormat([1, 20, null, 0], true)).toBe('0;-0;"—"');
  expect(columnFormat([1, 20.5, null], true)).toBe('0.00;-0.00;"—"');
  expect(columnFormat([88.999999999, 3], false)).toBe("0");
  expect(columnFormat([108.23076923, 3], false)).toBe("0.00");
  expect(columnFormat(["不予评价", 2], false)).toBe("0");
});

test("chifeng: a group-level ranking (7 groups + 得分 + 附加分 + 总分) beside the rule-level sheet, shown first", () => {
  for (const formulas of [false, true]) {
    const { scheme, p } = scored("chifeng-2020", formulas);
    const keys = p.sheets.map((s) => s.key);
    expect(keys.indexOf("groups")).toBe(keys.indexOf("summary") - 1);
    expect(p.activate).toBe("groups");
    const g = p.sheets.find((s) => s.key === "groups")!;
    const summary = p.sheets.find((s) => s.key === "summary")!;
    expect(g.values[2]).toEqual([
      "名次",
      summary.values[2][1],
      ...scheme.groups.map((x) => `${x.name}（${x.weight}）`),
      "得分",
      "附加分",
      "总分",
    ]);
    // the vetoed park: 不予评价 in place of its total, the reason in a note under the table
    const vetoed = g.values.findIndex((r) => r.includes("不予评价"));
    expect(vetoed).toBeGreaterThan(2);
    expect(g.values.some((r) => String(r[0]).startsWith(`注：${g.values[vetoed][1]}不予评价：`))).toBe(true);
    // the same numbers as the rule-level sheet, row by row
    const total = summary.values[2].indexOf("总分");
    for (let r = 3; r < 3 + 13; r++) {
      expect(g.values[r][1]).toBe(summary.values[r][1]);
      expect(g.values[r][g.values[2].indexOf("总分")]).toBe(summary.values[r][total]);
    }
    if (formulas) expect(g.formulas!.some((f) => f.formula.startsWith("⟦summary⟧!"))).toBe(true);
  }
});
