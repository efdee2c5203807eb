/**
 * A write's progress and its cancel (issue 14), through Microsoft's own Office.js client (test/office/client.ts) and
 * the strict fake: progress (bytes sent) after each sync of the pieces, in order, ending at its total; a cancel after any sync
 * before the swap leaves the workbook's sheets, names and markers exactly as before; a cancel once the swap has begun
 * changes nothing (the write finishes).
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import type { SheetData } from "../../src/engine/types";
import type { ResultPlan } from "../../src/engine/output/sheet-plan";
import { OfficeBook } from "../../src/workbook/office";
import { isWriteCancelled, type WriteProgress } from "../../src/workbook/port";
import { FakeWorkbookState, fakeFromSheets } from "../fakes/excel";
import { OfficeClientHarness } from "./client";
import { huaibei, huaibeiZones } from "./data";
import { expectFinalSheetRefs } from "./refs";

function harness(fake: FakeWorkbookState) {
  const h = new OfficeClientHarness(fake);
  return { h, office: new OfficeBook(h.run, fake.supports, "t") };
}

const zones = huaibeiZones(300);
const inputs = zones.map((x) => x.name);
let p: ResultPlan;

beforeAll(async () => {
  const { office } = harness(fakeFromSheets(zones));
  const read: SheetData[] = await office.readSheets();
  const r = checkAndScore(read, huaibei);
  p = plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets: read } });
}, 120000);

/** a fresh workbook (with an earlier result when `twice`), and the write's progress calls */
async function ready(twice: boolean) {
  const fake = fakeFromSheets(zones);
  const { office } = harness(fake);
  if (twice) await office.writeResult(p);
  return { fake, office, calls: [] as WriteProgress[] };
}

test("progress comes after each sync of the pieces, in order, and ends at its total; only the swap is final", async () => {
  const { fake, office, calls } = await ready(true);
  const s0 = fake.syncs;
  const syncsAt: number[] = [];
  await office.writeResult(p, {
    onProgress: (x) => {
      calls.push(x);
      syncsAt.push(fake.syncs - s0);
    },
  });
  const total = calls[0].total;
  // several requests: the write is long enough to be worth a progress bar
  expect(calls.length).toBeGreaterThan(4);
  expect(calls.every((x) => x.total === total)).toBe(true);
  for (let i = 1; i < calls.length; i++) expect(calls[i].done).toBeGreaterThanOrEqual(calls[i - 1].done);
  expect(calls[0]).toEqual({ done: 0, total, final: false });
  expect(calls[calls.length - 1]).toEqual({ done: total, total, final: true });
  // a report after each sync of the pieces: one sync apart each (the first after the sync that adds the sheets)
  const pieces = calls.filter((x) => !x.final);
  for (let i = 1; i < pieces.length; i++) expect(syncsAt[i]).toBe(syncsAt[i - 1] + 1);
  // final from the swap on: the swap and the deletion of the old sheets come after the first final report
  const firstFinal = calls.findIndex((x) => x.final);
  expect(calls.slice(firstFinal).every((x) => x.final)).toBe(true);
  expect(fake.syncs - s0 - syncsAt[firstFinal]).toBe(2);
  // the new results' formulas name the final sheets, not the temporary ones nor the old results set aside
  expectFinalSheetRefs(fake, inputs);
}, 120000);

describe.each([
  ["a first write", false],
  ["a write over earlier results", true],
])("%s cancelled after its k-th sync leaves the workbook exactly as before", (_label, twice) => {
  let reports = 0;
  beforeAll(async () => {
    const { office, calls } = await ready(twice);
    await office.writeResult(p, { onProgress: (x) => calls.push(x) });
    reports = calls.filter((x) => !x.final).length;
  }, 120000);

  test("each k before the swap: rejected as cancelled, sheets, names and markers as before", async () => {
    // k = 1: right after the sync that added the temporary sheets; the last: every piece sent, just before the swap
    const ks = [...new Set([1, 2, Math.ceil(reports / 2), reports])];
    for (const k of ks) {
      const { fake, office } = await ready(twice);
      const before = fake.snapshot();
      const ctl = new AbortController();
      let seen = 0;
      const e = await office
        .writeResult(p, {
          signal: ctl.signal,
          onProgress: () => {
            if (++seen === k) ctl.abort();
          },
        })
        .then(
          () => null,
          (x: unknown) => x,
        );
      // sheets, cells, formats, names and markers: the whole snapshot, compared exactly (a short message if not)
      expect({ k, cancelled: isWriteCancelled(e), same: fake.snapshot() === before }).toEqual({
        k,
        cancelled: true,
        same: true,
      });
      expect(fake.sheets.some((x) => x.name.startsWith("zs~"))).toBe(false);
      // the earlier results, renamed back, name their own sheets again
      if (twice) expectFinalSheetRefs(fake, inputs);
    }
  }, 300000);

  test("a cancel once the swap has begun: the write finishes, as an uncancelled one", async () => {
    const plain = await ready(twice);
    await plain.office.writeResult(p);
    const { fake, office } = await ready(twice);
    const ctl = new AbortController();
    const report = await office.writeResult(p, {
      signal: ctl.signal,
      onProgress: (x) => {
        if (x.final) ctl.abort();
      },
    });
    expect(Object.keys(report.written)).toEqual(p.sheets.map((x) => x.key));
    expect(fake.snapshot()).toBe(plain.fake.snapshot());
    expectFinalSheetRefs(fake, inputs);
  }, 120000);
});

test("a signal aborted before the write: nothing is added", async () => {
  const { fake, office } = await ready(false);
  const before = fake.snapshot();
  const ctl = new AbortController();
  ctl.abort();
  await expect(office.writeResult(p, { signal: ctl.signal })).rejects.toMatchObject({ name: "WriteCancelled" });
  expect(fake.snapshot()).toBe(before);
}, 120000);
