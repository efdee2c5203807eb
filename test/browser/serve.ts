/** The built pages (dist/) over http on 127.0.0.1, and Debian's chromium driven by playwright-core. */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import type { ResultPlan } from "../../src/engine/output/sheet-plan";

export const DIST = path.join(__dirname, "..", "..", "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const AXE = require.resolve("axe-core/axe.min.js");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Served {
  base: string;
  browser: Browser;
  /** requests that tried to leave the machine */
  outside: string[];
  close(): Promise<void>;
}

/**
 * For a test file: the built pages and chromium must be there, they are served before its tests and closed after;
 * the getter gives the running server.
 */
export function servedPages(): () => Served {
  let s: Served | undefined;
  beforeAll(async () => {
    expect(fs.existsSync(`${DIST}/index.html`)).toBe(true);
    expect(fs.existsSync(CHROMIUM)).toBe(true);
    s = await serve();
  }, 60000);
  afterAll(async () => {
    await s?.close();
  });
  return () => {
    if (!s) throw new Error("the pages are not served (beforeAll failed)");
    return s;
  };
}

/** The built pages (dist/) on a free port of 127.0.0.1, and a headless chromium; `close` stops both. */
export async function serve(): Promise<Served> {
  const server = http.createServer((req, res) => {
    const p = path.join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!p.startsWith(DIST) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader("Content-Type", CONTENT_TYPES[path.extname(p)] ?? "application/octet-stream");
    fs.createReadStream(p).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return {
    base,
    browser,
    outside: [],
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** A page of the standalone app in a context of the given size; nothing outside the machine is fetched. */
export async function openPage(
  s: Served,
  opts: { width?: number; height?: number; scale?: number; locale?: string } = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await s.browser.newContext({
    viewport: { width: opts.width ?? 350, height: opts.height ?? 900 },
    deviceScaleFactor: opts.scale ?? 1,
    locale: opts.locale ?? "zh-CN",
    acceptDownloads: true,
    // what is measured is the settled page, not a colour half-way through a transition
    reducedMotion: "reduce",
  });
  // what screen readers would be told: document.ariaNotify where the browser has it, else aria-live regions
  await context.addInitScript(() => {
    const w = window as unknown as { __announced: string[] };
    w.__announced = [];
    const d = Document.prototype as unknown as { ariaNotify?: (m: string, o?: object) => void };
    if (typeof d.ariaNotify === "function") {
      const orig = d.ariaNotify;
      d.ariaNotify = function (this: Document, m: string, o?: object) {
        w.__announced.push(m);
        return orig.call(this, m, o);
      };
    }
    new MutationObserver((records) => {
      for (const r of records) {
        const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement) as Element | null;
        const live = el?.closest("[aria-live]");
        if (live && live.textContent) w.__announced.push(live.textContent);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(s.base)) return route.continue();
    s.outside.push(u);
    return route.abort();
  });
  // axe-core, served from the page's own origin: the page's Content-Security-Policy allows no inline script
  await page.route(`${s.base}/__test/axe.min.js`, (route) =>
    route.fulfill({ path: AXE, contentType: "text/javascript" }),
  );
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${s.base}/index.html`);
  return { page, context, errors };
}

/** Write a plan as an .xlsx in a new folder. */
export async function xlsxOf(plan: ResultPlan, name: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-browser-"));
  const file = path.join(dir, name);
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(plan);
  fs.writeFileSync(file, await b.toBuffer());
  return file;
}

/** axe-core on the whole page (every rule, every impact) and no horizontal scroll; returns what was found. */
export async function audit(
  page: Page,
): Promise<{ violations: string[]; scroll: { sw: number; cw: number; wide: string[] } }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: "/__test/axe.min.js" });
  await settle(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: Document,
            o: object,
          ): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; html: string }> }>;
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`)
          .join(" | ")}`,
    );
  });
  const scroll = await page.evaluate(() => {
    const cw = document.documentElement.clientWidth;
    // what sticks out, for the failure message
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > cw + 0.5 && e.getClientRects().length)
      .slice(0, 6)
      .map((e) => e.outerHTML.slice(0, 140));
    return { sw: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), cw, wide };
  });
  return { violations, scroll };
}

/** Press Tab (or Shift+Tab) until the focused element matches the selector; fails if it is never reached. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Is the focused element visibly focused (keyboard focus: :focus-visible, or Fluent's data-fui-focus-visible)? */
export function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    if (el.matches(":focus-visible")) {
      const cs = getComputedStyle(el);
      const after = getComputedStyle(el, "::after");
      const outlined = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      const ring = after.borderTopStyle !== "none" && parseFloat(after.borderTopWidth) > 0;
      const shadow = cs.boxShadow !== "none";
      return outlined || ring || shadow || el.hasAttribute("data-fui-focus-visible");
    }
    return el.hasAttribute("data-fui-focus-visible");
  });
}

/** every announcement made so far */
export function announced(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
}

/** wait until every running animation or transition has finished and two frames have been drawn */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The pane's visible text, less what is marked as in another language (the switch names 中文 in Chinese). */
export const paneText = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector("#container")!.cloneNode(true) as HTMLElement;
    main.querySelectorAll('[lang]:not([lang="en"])').forEach((e) => e.remove());
    main.style.position = "absolute";
    document.body.appendChild(main);
    const out = main.innerText;
    main.remove();
    return out;
  });

/**
 * switch to English: nothing in Chinese but the workbook's own words (then `inEnglish`, the caller's own checks of
 * the English state); switch back: Chinese again
 */
export async function bothLanguages(
  page: Page,
  userData: string[],
  state: string,
  inEnglish?: () => Promise<void>,
): Promise<void> {
  await page.getByTestId("language").click();
  await page.getByRole("heading", { name: "1. Workbook" }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  let rest = await paneText(page);
  for (const d of userData) rest = rest.split(d).join(" ");
  expect({ state, chinese: rest.match(/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]+/g) ?? [] }).toEqual({
    state,
    chinese: [],
  });
  await inEnglish?.();
  await page.getByTestId("language").click();
  await page.getByRole("heading", { name: "1. 工作簿" }).waitFor();
  const zh = await paneText(page);
  expect({ state, english: zh.match(/\b(Check|Score|Workbook|Ranking|errors?|warnings?)\b/g) ?? [] }).toEqual({
    state,
    english: [],
  });
}

/**
 * The workbook's own words: the file's and sheets' names and every text it holds (names of units, zones, projects),
 * longest first; a name written on two lines in its cell also as the pane shows it, its lines joined (the reader
 * joins them, so that "淮北高新技术产业\n开发区" and "淮北高新技术产业开发区" name the same unit).
 */
export function workbookWords(plan: ResultPlan, extra: readonly string[] = []): string[] {
  const texts = [
    ...plan.sheets.map((x) => x.name),
    ...plan.sheets.flatMap((x) => x.values.flat()).filter((v): v is string => typeof v === "string"),
    ...extra,
  ];
  const all = texts.flatMap((v) => (/\n/.test(v) ? [v, v.replace(/\s*\n\s*/g, "")] : [v]));
  return [...new Set(all)].filter((v) => /[\u4e00-\u9fff]/.test(v)).sort((a, b) => b.length - a.length);
}
