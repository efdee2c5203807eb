/**
 * 评分's write in the pane (issue 14), in Debian chromium with the keyboard: the write's progress shown (写入结果工作表
 * n%) and announced politely without flooding, axe-clean while busy; 取消 pressed during the write ends in 已取消 with
 * the workbook exactly as it was; once the write commits, 取消 stays focusable but locked, with its reason; in English
 * too. The standalone page's host is wrapped through its test seam (index.tsx) so that the write is slow enough to
 * watch: a few slow steps, then the real write in the worker (whose progress fills the last step).
 */
import * as fs from "fs";
import type { BrowserContext, Page } from "playwright-core";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { announced, audit, focusVisible, openPage, servedPages, tabTo, xlsxOf } from "./serve";

const served = servedPages();
let file = "";

beforeAll(async () => {
  file = await xlsxOf(samplePlan(getBuiltInScheme("huaibei-2023")!)!, "huaibei.xlsx");
}, 60000);

interface Slow {
  /** slow steps before the real write, and how long each takes (ms) */
  steps: number;
  stepMs: number;
  /** how long the pane stays locked after the real write (ms), to be seen */
  holdMs: number;
  /** no slow steps: the real write in the worker, its signal aborted right after it was sent */
  race?: boolean;
}

/** The page again with the host wrapped by the seam: writeResult slowed as `o` says; the real book kept for checks. */
async function slowPage(context: BrowserContext, page: Page, o: Slow): Promise<void> {
  await context.addInitScript((o: Slow) => {
    type Progress = { done: number; total: number; final: boolean };
    type Opts = { signal?: AbortSignal; onProgress?: (p: Progress) => void };
    type Book = Record<string, unknown> & { writeResult(p: unknown, o?: Opts): Promise<unknown> };
    type Host = { book(): Book | null };
    const w = window as unknown as { __zonescoreHost: (h: Host) => Host; __zsBook: Book; __zsRace: string };
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const slowWrite = (t: Book) => async (plan: unknown, wo?: Opts) => {
      if (o.race) {
        const ctl = new AbortController();
        const pending = t.writeResult(plan, { signal: ctl.signal });
        ctl.abort();
        return pending.then(
          (r) => ((w.__zsRace = "written"), r),
          (e: Error) => {
            w.__zsRace = e.name;
            throw e;
          },
        );
      }
      const total = o.steps + 1;
      for (let i = 0; i < o.steps; i++) {
        wo?.onProgress?.({ done: i, total, final: false });
        await sleep(o.stepMs);
        if (wo?.signal?.aborted) throw Object.assign(new Error("cancelled"), { name: "WriteCancelled" });
      }
      const report = await t.writeResult(plan, {
        signal: wo?.signal,
        onProgress: (x) => wo?.onProgress?.({ done: o.steps + x.done / x.total, total, final: x.final }),
      });
      await sleep(o.holdMs);
      return report;
    };
    w.__zonescoreHost = (host: Host) => ({
      ...host,
      book() {
        const b = host.book();
        if (!b) return b;
        w.__zsBook = b;
        return new Proxy(b, {
          get(t, k) {
            if (k === "writeResult") return slowWrite(t);
            const v = t[k as string];
            return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
          },
        });
      },
    });
  }, o);
  await page.reload();
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("file-name").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
}

/** the workbook the page would download is the user's file, byte for byte (no result recorded) */
async function unchanged(page: Page): Promise<boolean> {
  const bytes = await page.evaluate(async () => {
    const b = (window as unknown as { __zsBook: { toBuffer(): Promise<Uint8Array> } }).__zsBook;
    return Array.from(await b.toBuffer());
  });
  return Buffer.from(bytes).equals(fs.readFileSync(file));
}

async function pressScore(page: Page): Promise<void> {
  await tabTo(page, '[data-testid="score"]');
  await page.keyboard.press("Enter");
}

const busyText = (page: Page) => page.getByTestId("busy").innerText();

test("the write's progress is shown and announced, axe-clean; 取消 by keyboard: 已取消, the workbook as it was", async () => {
  const { page, context, errors } = await openPage(served());
  await slowPage(context, page, { steps: 30, stepMs: 400, holdMs: 0 });
  await pressScore(page);
  await page
    .getByTestId("busy")
    .getByText(/写入结果工作表 \d+%/)
    .waitFor();
  // the bar moves with the write: the text shows a share, growing
  const first = Number(/(\d+)%/.exec(await busyText(page))![1]);
  await page.waitForFunction(
    (n) => Number(/(\d+)%/.exec(document.querySelector('[data-testid="busy"]')!.textContent ?? "")?.[1]) > n,
    first,
  );
  expect(await page.getByRole("progressbar").count()).toBe(1);
  const a = await audit(page);
  expect({ state: "writing", violations: a.violations }).toEqual({ state: "writing", violations: [] });
  expect(await page.getByTestId("busy").count()).toBe(1);
  // 取消 by keyboard during the write
  await tabTo(page, '[data-testid="cancel"]');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByTestId("busy").waitFor({ state: "detached" });
  expect(await page.getByTestId("status").innerText()).toBe("已取消。");
  expect(await page.getByTestId("results").count()).toBe(0);
  expect(await unchanged(page)).toBe(true);
  // announced politely: the stage and a few quarters of the write, not every step
  const said = (await announced(page)).filter((m) => /写入结果工作表 \d+%/.test(m));
  expect(said.length).toBeGreaterThanOrEqual(2);
  expect(said.length).toBeLessThanOrEqual(5);
  expect((await announced(page)).some((m) => m.includes("已取消"))).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
}, 120000);

test("in English: the write's progress, then 取消 locked with its reason once it commits; the write completes", async () => {
  const { page, context, errors } = await openPage(served(), { locale: "en-US" });
  await slowPage(context, page, { steps: 4, stepMs: 500, holdMs: 6000 });
  await page.getByRole("heading", { name: "1. Workbook" }).waitFor();
  await pressScore(page);
  await page
    .getByTestId("busy")
    .getByText(/writing the result sheets: \d+%/)
    .waitFor();
  await tabTo(page, '[data-testid="cancel"]');
  // the write commits: 取消 keeps the focus, but is locked, and says why (in English, announced)
  await page.getByTestId("busy-lock").waitFor();
  const cancel = page.getByTestId("cancel");
  expect(await cancel.getAttribute("aria-disabled")).toBe("true");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("cancel");
  const reason = await page.getByTestId("busy-lock").innerText();
  expect(reason).toBe("Putting the new result sheets in place: this can no longer be cancelled.");
  expect(await cancel.getAttribute("aria-describedby")).toBe("busy-lock");
  expect((await busyText(page)).match(/[\u3400-\u9fff]/g)).toBeNull();
  const a = await audit(page);
  expect({ state: "locked", violations: a.violations }).toEqual({ state: "locked", violations: [] });
  expect((await announced(page)).some((m) => m.includes(reason))).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByTestId("busy").waitFor({ state: "detached" });
  expect(await page.getByTestId("status").innerText()).toMatch(/^Wrote/);
  await page.getByTestId("ranking").waitFor();
  expect(await unchanged(page)).toBe(false);
  expect(errors).toEqual([]);
  await context.close();
}, 120000);

test("a cancel that reaches the worker before it commits: 已取消, and the workbook in the worker as it was", async () => {
  const { page, context, errors } = await openPage(served());
  await slowPage(context, page, { steps: 0, stepMs: 0, holdMs: 0, race: true });
  await pressScore(page);

  await page.getByTestId("status").getByText("已取消。").waitFor();
  expect(await page.evaluate(() => (window as unknown as { __zsRace: string }).__zsRace)).toBe("WriteCancelled");
  expect(await unchanged(page)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
}, 120000);
