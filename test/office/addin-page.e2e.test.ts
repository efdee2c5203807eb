/**
 * The add-in page and the standalone page in a real browser (Debian chromium, playwright-core), office.js
 * intercepted: the loading state while office.js starts, plain words when office.js cannot load or the page is opened
 * outside Excel (with the standalone page offered), and a Content-Security-Policy on both pages that nothing breaks.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { CHROMIUM, DIST, serve, type Served } from "../browser/serve";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
let served: Served;
let base = "";
let browser: Browser;

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, "taskpane.html"))).toBe(true);
  expect(fs.existsSync(CHROMIUM)).toBe(true);
  served = await serve();
  base = served.base;
  browser = served.browser;
}, 60000);

afterAll(async () => {
  await served?.close();
});

/** Open a page with office.js answered by `officeJs` (a script) or failing (null); CSP violations are collected. */
async function open(file: string, officeJs: string | null, locale = "zh-CN") {
  const page = await browser.newPage({ locale });
  const violations: string[] = [];
  const outside: string[] = [];
  await page.exposeFunction("__csp", (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __csp: (v: string) => void }).__csp(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (url === OFFICE_JS && officeJs !== null)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${base}/${file}`);
  return { page, violations, outside };
}

const statusText = (page: Page) => page.locator("main").innerText();

test("office.js cannot load: the pane says so in plain words and offers the standalone page", async () => {
  const { page, violations } = await open("taskpane.html", null);
  await page.getByRole("alert").waitFor();
  expect(await statusText(page)).toContain("未能加载 Office 组件（office.js）");
  const link = page.getByRole("link", { name: /离线网页版/ });
  expect(await link.getAttribute("href")).toBe("index.html");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("A");
  await link.click();
  await page.getByTestId("file-input").waitFor({ state: "attached" });
  expect(violations).toEqual([]);
  await page.close();
}, 60000);

test("opened outside Office (office.js answers with no host): says so, in English for an English browser", async () => {
  const stub = "window.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null }) };";
  const { page, violations } = await open("taskpane.html", stub, "en-US");
  await page.getByRole("alert").waitFor();
  expect(await statusText(page)).toContain("This page is meant to be opened inside Excel");
  expect(await page.getByRole("link", { name: /offline page/ }).getAttribute("href")).toBe("index.html");
  expect(violations).toEqual([]);
  await page.close();
}, 60000);

test("while office.js starts, a loading state (no file picker, no 3-second race); slow, it offers the offline page", async () => {
  const stub = "window.Office = { HostType: { Excel: 'Excel' }, onReady: () => new Promise(() => {}) };";
  const { page } = await open("taskpane.html", stub);
  await page.getByRole("status").waitFor();
  expect(await statusText(page)).toContain("正在连接 Excel");
  await page.waitForTimeout(3500);
  expect(await page.getByTestId("file-input").count()).toBe(0);
  expect(await statusText(page)).toContain("正在连接 Excel");
  await page.getByText("Excel 仍在启动本面板").waitFor({ timeout: 10000 });
  expect(await page.getByRole("link", { name: /离线网页版/ }).getAttribute("href")).toBe("index.html");
  expect(await page.getByTestId("file-input").count()).toBe(0);
  await page.close();
}, 60000);

test("both pages carry a Content-Security-Policy; the standalone one allows nothing outside its own origin", async () => {
  const { page, violations, outside } = await open("index.html", null);
  await page.getByTestId("file-input").waitFor({ state: "attached" });
  // the policy as the browser sees it (the production build minifies the HTML)
  const csp = async (pg: Page) =>
    pg.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"));
  const standalone = (await csp(page))!;
  expect(standalone).toMatch(/default-src 'self'/);
  expect(standalone).not.toMatch(/https?:/);
  const stub = "window.Office = { HostType: { Excel: 'Excel' }, onReady: () => Promise.resolve({ host: null }) };";
  const addin = await open("taskpane.html", stub);
  expect(await csp(addin.page)).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
  expect(await csp(addin.page)).not.toMatch(/unsafe-eval/);
  const commands = await open("commands.html", stub);
  expect(await csp(commands.page)).toMatch(/default-src 'self'/);
  await addin.page.close();
  await commands.page.close();
  expect(violations).toEqual([]);
  expect(outside).toEqual([]);
  await page.close();
}, 60000);
