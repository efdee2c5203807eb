import { FakeWorkbookState } from "../fakes/excel";

/**
 * After a write: every sheet named in any formula of the workbook (cells, conditional formats, chart series, defined
 * names) exists, and none is a temporary zs~ sheet — the swap's renames carried every reference to the final names.
 * Some reference must name a sheet the write added (not one of `inputs`, the sheets there before), so that a write
 * whose formulas never refer to each other cannot pass for one that does. Returns the references' count.
 */
export function expectFinalSheetRefs(fake: FakeWorkbookState, inputs: string[]): number {
  const refs = fake.sheetRefs();
  const wrong = refs.filter((r) => !fake.sheet(r.sheet) || /^zs~/i.test(r.sheet));
  expect(wrong.slice(0, 5)).toEqual([]);
  const before = new Set(inputs.map((n) => n.toLowerCase()));
  expect(refs.some((r) => !before.has(r.sheet.toLowerCase()) && !r.where.startsWith("name "))).toBe(true);
  return refs.length;
}
