/**
 * A corpus of workbooks in the layouts officials really send (cases.ts), each with the findings expected from it:
 * severity, code, sheet and cell. Every one must give exactly its findings (info notes are compared only where a
 * case lists them).
 */
import { check } from "../../src/engine/pipeline";
import { score } from "../../src/engine/score/scoring";
import { readWorkbook } from "../../src/engine/read/workbook";
import { CASES, huaibei } from "./cases";

describe("the corpus", () => {
  test("has at least 30 workbooks", () => expect(CASES.length).toBeGreaterThanOrEqual(30));
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const r = check(c.sheets, c.scheme ?? huaibei, { year: c.year, mapping: c.mapping });
    const got = r.issues
      .filter((i) => c.infos || i.severity !== "info")
      .map((i) => [i.severity, i.code, i.sheet, i.cell]);
    expect(got.sort()).toEqual([...c.expect].sort());
    for (const i of r.issues) expect(i.message.length).toBeGreaterThan(5);
    c.also?.(r);
  });
});

describe("check and score agree (issue 9 §3)", () => {
  // every data warning scoring raises is raised by check (and so by 校验 in the pane, which calls check)
  const key = (i: { code: string; sheet: string; cell: string }) => `${i.code} ${i.sheet}!${i.cell}`;
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const scheme = c.scheme ?? huaibei;
    const read = readWorkbook(c.sheets, scheme, { year: c.year, mapping: c.mapping });
    if (!read.dataset)
      return expect(check(c.sheets, scheme, { year: c.year, mapping: c.mapping }).errors).toBeGreaterThan(0);
    const scored = new Set(score(scheme, read.dataset).issues.map(key));
    const checked = new Set(check(c.sheets, scheme, { year: c.year, mapping: c.mapping }).issues.map(key));
    expect([...scored].filter((k) => !checked.has(k))).toEqual([]);
    for (const k of scored) expect(k).toMatch(/ \S+![A-Z]+\d+$/);
  });
  test("the corpus makes scoring warn somewhere (so the comparison compares something)", () => {
    const n = CASES.reduce((s, c) => {
      const d = readWorkbook(c.sheets, c.scheme ?? huaibei, { year: c.year, mapping: c.mapping }).dataset;
      return s + (d ? score(c.scheme ?? huaibei, d).issues.length : 0);
    }, 0);
    expect(n).toBeGreaterThan(2);
  });
});
