/**
 * mujun-template with 100,000 enterprises through Microsoft's real Office.js client (issue 14 §2): read, score and
 * write the live-formula result, counting syncs and the bytes over the wire (requests and responses, as the client
 * serialises them) against the bounds README's "In Excel" table states: at most 20 syncs and 80 MB in all.
 */
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { OfficeBook, REQUEST_BUDGET } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { OfficeClientHarness, WIRE_LIMIT, type WireRecord } from "./client";
import { enterprises, mujun } from "./data";

const mb = (n: number) => (n / 1e6).toFixed(1);
const bytes = (ws: WireRecord[]) => ws.reduce((s, w) => s + w.requestBytes + w.responseBytes, 0);

test("mujun-template, 100,000 enterprises: read, scored and written in ≤ 20 syncs and ≤ 80 MB", async () => {
  const fake = fakeFromSheets(enterprises(100_000));
  const h = new OfficeClientHarness(fake);
  const office = new OfficeBook(h.run, fake.supports, "t");
  const read = await office.readSheets();
  const readWire = h.wire.filter((w) => !w.cleanup);
  const r = checkAndScore(read, mujun, { force: true });
  const p = plan(mujun, r.run!, { formulas: { data: r.dataset!, sheets: read } });
  const w0 = h.wire.length;
  await office.writeResult(p);
  const write = h.wire.slice(w0).filter((w) => !w.cleanup);
  expect(h.wire.filter((w) => w.error)).toEqual([]);
  expect(h.maxRequest()).toBeLessThanOrEqual(REQUEST_BUDGET);
  expect(h.maxResponse()).toBeLessThan(WIRE_LIMIT);
  // the result is there: every enterprise has its row on the summary
  const summary = p.sheets.find((s) => s.key === p.activate) ?? p.sheets[0];
  expect(fake.sheet(summary.name)!.get(summary.values.length - 1, 0)).toBeDefined();
  process.stdout.write(
    `\n| mujun-template, 100,000 enterprises (formulas) | ${readWire.length} syncs, ${mb(bytes(readWire))} MB | ` +
      `${write.length} syncs, ${mb(bytes(write))} MB (largest request ${mb(Math.max(...write.map((w) => w.requestBytes)))} MB) | ` +
      `${h.syncs()} syncs, ${mb(bytes(h.wire))} MB |\n`,
  );
  expect(h.syncs()).toBeLessThanOrEqual(20);
  expect(bytes(h.wire)).toBeLessThanOrEqual(80e6);
}, 1_800_000);
