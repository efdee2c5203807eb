import { FakeWorkbookState } from "../fakes/excel";

/**
 * After a write: every sheet named in any formula of the workbook (cells, conditional formats, chart series, defined
 * names) exists, and none is a temporary zs~ sheet — the swap's renames carried every reference to the final names —
 * and no cell formula holds #REF! (a reference lost with a deleted sheet).
 * Some reference must name a sheet the write added (not one of `inputs`, the sheets there before), so that a write
 * whose formulas never refer to each other cannot pass for one that does. Returns the references' count.
 */
export function expectFinalSheetRefs(fake: FakeWorkbookState, inputs: string[]): number {
  const refs = fake.sheetRefs();
  const wrong = refs.filter((r) => !fake.sheet(r.sheet) || /^zs~/i.test(r.sheet));
  expect(wrong.slice(0, 5)).toEqual([]);
  // nor did a reference go with a deleted sheet (Excel, and the fake, turn it into #REF!)
  const broken: string[] = [];
  for (const sh of fake.sheets)
    for (const c of sh.cells.values()) if (c.formula?.includes("#REF!") && broken.length < 5) broken.push(c.formula);
  expect(broken).toEqual([]);
  const before = new Set(inputs.map((n) => n.toLowerCase()));
  expect(refs.some((r) => !before.has(r.sheet.toLowerCase()) && !r.where.startsWith("name "))).toBe(true);
  return refs.length;
}
