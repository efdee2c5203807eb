/**
 * Result planning grows linearly with the data (issue 14): counted in work, not timed. The formula builder's cell
 * references are counted while planning n and 10 n units; before planning became linear, every 排序法 cell checked
 * every row (chifeng: ~n² references), so 10× the parks cost ~100× the references.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { Formulas } from "../../src/engine/output/formulas";
import { getBuiltInScheme } from "../../src/schemes";
import { chifengParks, enterprises } from "../office/data";
import type { SheetData } from "../../src/engine/types";

function referencesWhilePlanning(sheets: SheetData[], id: string): number {
  const scheme = getBuiltInScheme(id)!;
  const r = checkAndScore(sheets, scheme, { force: true });
  const spy = jest.spyOn(Formulas.prototype, "ref");
  try {
    plan(scheme, r.run!, { formulas: { data: r.dataset!, sheets } });
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe("planning the result with live formulas is linear in the units", () => {
  test.each([
    ["chifeng-2020", (n: number) => chifengParks(n), 40],
    ["mujun-template", (n: number) => enterprises(n), 200],
  ])("%s: 10× the units costs at most ~10× the references", (id, make, n) => {
    const small = referencesWhilePlanning(make(n), id);
    const large = referencesWhilePlanning(make(10 * n), id);
    expect(small).toBeGreaterThan(n);
    expect(large / small).toBeLessThanOrEqual(11);
  });
});
