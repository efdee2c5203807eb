/**
 * 推演 in the standalone page (Debian chromium, 350 × 900, keyboard only): after 评分 the dataset stays in memory;
 * typing a figure rescores at once and the rank, total, differences and awards beside the baseline update (and are
 * announced), with the other units whose rank moved; undo and reset; two scenarios saved in the workbook's settings
 * and compared side by side; the scenario and the comparison written as the 情景对比 sheet, which the downloaded
 * workbook contains. Axe-clean and without horizontal scroll in every state. After an edit, the gap list, a
 * scenario written, the comparison and the sensitivity, English switches everything but the user's own words, and back.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import {
  announced,
  audit,
  bothLanguages,
  focusVisible,
  openPage,
  servedPages,
  tabTo,
  workbookWords,
  xlsxOf,
} from "./serve";

const served = servedPages();

/** 0 axe violations and no horizontal scroll at 350 px */
async function clean(page: Page, state: string): Promise<void> {
  const a = await audit(page);
  expect({ state, violations: a.violations }).toEqual({ state, violations: [] });
  expect({ state, wide: a.scroll.sw > a.scroll.cw ? a.scroll.wide : [] }).toEqual({ state, wide: [] });
}

/** focus a control with Tab (visibly), then type into it from the keyboard: select all, the new text */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await tabTo(page, `[data-testid="${testId}"]`, 200);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

async function press(page: Page, testId: string): Promise<void> {
  await tabTo(page, `[data-testid="${testId}"]`, 200);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("Enter");
}

/** choose an option of a native select from the keyboard: focus it, then arrow keys to the wanted option */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  const sel = `[data-testid="${testId}"]`;
  await tabTo(page, sel, 200);
  expect(await focusVisible(page)).toBe(true);
  const values = await page.locator(`${sel} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const texts = await page.locator(`${sel} option`).allInnerTexts();
  const want = values[texts.findIndex((x) => x.includes(label))];
  for (let i = 0; i < values.length + 1; i++) {
    const now = values.indexOf(await page.locator(sel).inputValue());
    if (values[now] === want) return;
    await page.keyboard.press(values.indexOf(want) > now ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`the keyboard never reached ${label}`);
}

const result = (page: Page) => page.getByTestId("whatif-result").innerText();

async function waitText(page: Page, testId: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([id, t]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(t) ?? false,
    [testId, text],
    { timeout: 10000 },
  );
}

/** The sheet names and the 情景对比 sheet's text of the downloaded workbook. */
async function downloaded(page: Page, dir: string, name: string): Promise<{ sheets: string[]; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
  const saved = path.join(dir, name);
  await download.saveAs(saved);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const ws = wb.getWorksheet("情景对比");
  const text: string[] = [];
  ws?.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
  return { sheets: wb.worksheets.map((w) => w.name), text: text.join("\n") };
}

/** Reset, then a second scenario: 相山 with 40 new projects, saved as 相山项目. */
async function saveXiangshanScenario(page: Page): Promise<void> {
  await press(page, "whatif-reset");
  await waitText(page, "whatif-result", "与基准相同");
  await choose(page, "whatif-unit", "相山经济开发区");
  await typeInto(page, "whatif-newProjects", "40");
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="whatif-result"]')?.textContent?.includes("与基准相同"),
  );
  await typeInto(page, "whatif-name", "相山项目");
  await press(page, "whatif-save");
  await waitText(page, "whatif-message", "已保存情景「相山项目」");
}

test("edit a figure → ranking, differences and awards update; scenarios saved, written and compared", async () => {
  const huaibei = getBuiltInScheme("huaibei-2023")!;
  const file = await xlsxOf(samplePlan(huaibei)!, "huaibei.xlsx");
  const dir = path.dirname(file);
  const { page, context, errors } = await openPage(served());
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("file-name").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  await press(page, "score");
  await page.getByTestId("ranking").waitFor();
  await page.getByTestId("whatif").waitFor();
  // folded until opened (the steps above stay in reach)
  expect(await page.getByTestId("whatif-unit").count()).toBe(0);
  await press(page, "whatif-toggle");
  await page.getByTestId("whatif-unit").waitFor();
  expect(await page.getByTestId("whatif-toggle").getAttribute("aria-expanded")).toBe("true");
  await clean(page, "what-if opened");

  // 烈山 (4th, 121.5): 本年规上工业产值 151 → 200 lifts its 产值增量 tier (+10): 3rd, past 淮北高新 (124)
  await choose(page, "whatif-unit", "烈山经济开发区");
  expect(await result(page)).toContain("与基准相同");
  await typeInto(page, "whatif-output", "200");
  await waitText(page, "whatif-result", "名次：4 → 3 ↑1");
  expect(await result(page)).toContain("总分：121.50 → 131.50（+10 分）");
  expect(await page.getByTestId("whatif-moved").innerText()).toContain("淮北高新技术产业开发区：3 → 4 ↓1");
  expect((await announced(page)).some((m) => m.includes("烈山经济开发区：第 3 名 ↑1，总分 131.50（+10 分）"))).toBe(
    true,
  );
  // nothing was written: the downloaded workbook has no 情景对比 sheet yet
  expect((await downloaded(page, dir, "before.xlsx")).sheets).not.toContain("情景对比");

  // an award: 集约评价进入全省前三分之一 → 是 gives 集约评价用地指标
  await choose(page, "whatif-intensive", "是");
  await waitText(page, "whatif-result", "新获 集约评价用地指标");
  expect(await result(page)).toContain(
    "奖励：新获 集约评价用地指标 200 亩；新获 薪酬考核加分 1 分（薪酬考核）；+200 亩",
  );
  await clean(page, "edited");

  // undo takes the award back; the output change stays
  await press(page, "whatif-undo");
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="whatif-result"]')?.textContent?.includes("集约评价用地指标"),
  );
  expect(await result(page)).toContain("名次：4 → 3 ↑1");

  // save it as 产值增长; write it: the 情景对比 sheet is in the download
  await typeInto(page, "whatif-name", "产值增长");
  await press(page, "whatif-save");
  await waitText(page, "whatif-message", "已保存情景「产值增长」");
  await press(page, "whatif-write");
  await waitText(page, "whatif-message", "已写入工作表：情景对比");
  const one = await downloaded(page, dir, "one.xlsx");
  expect(one.sheets).toContain("情景对比");
  expect(one.sheets).toContain("加分汇总"); // the scoring sheets stay
  expect(one.text).toContain("产值增长");

  await saveXiangshanScenario(page);

  // compare the two side by side, then write the comparison
  await press(page, "whatif-compare-run");
  await page.getByTestId("whatif-compare").waitFor();
  const table = await page.getByTestId("whatif-compare").innerText();
  expect(table).toContain("产值增长");
  expect(table).toContain("相山项目");
  expect(table).toMatch(/烈山经济开发区\s+4\s+3 \(↑1\)/);
  await clean(page, "compared");
  await press(page, "whatif-compare-write");
  await waitText(page, "whatif-message", "已写入工作表：情景对比");
  const two = await downloaded(page, dir, "two.xlsx");
  expect(two.text).toContain("产值增长");
  expect(two.text).toContain("相山项目");
  // the scenarios travel with the file (ZoneScore's settings)
  expect(two.sheets.filter((n) => n === "情景对比")).toHaveLength(1);

  // a project row of 相山: one more like it (a new row of the unit, named so it can be edited), then undone
  await tabTo(page, '[data-testid^="whatif-row-"]', 200);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("Enter");
  await tabTo(page, '[data-testid$="-copy"]', 200);
  await page.keyboard.press("Enter");
  await page.locator('[data-testid^="whatif-row-"]', { hasText: "（新增 1）" }).waitFor();
  await clean(page, "row added");
  await press(page, "whatif-undo");
  await page.locator('[data-testid^="whatif-row-"]', { hasText: "（新增 1）" }).waitFor({ state: "detached" });

  // sensitivity: median rank and 5–95 % interval per unit, and the chart
  await press(page, "whatif-sens-open");
  await press(page, "whatif-sens-run");
  await page.getByTestId("whatif-sens").waitFor();
  expect(await page.getByTestId("whatif-sens").locator("tbody tr").count()).toBe(6);
  await clean(page, "sensitivity");

  // English: the view re-renders in English with the change set kept
  await press(page, "language");
  await waitText(page, "whatif-result", "Total: ");
  expect(await result(page)).not.toMatch(/名次|总分|奖励|与基准相同/);
  expect(await page.getByTestId("whatif-undo").innerText()).toBe("Undo last change");
  await clean(page, "english");
  expect(errors).toEqual([]);
  expect(served().outside).toEqual([]);
  await context.close();
}, 240000);

test("English after an edit, the gap list, a scenario written, the comparison and the sensitivity, and back", async () => {
  const huaibei = getBuiltInScheme("huaibei-2023")!;
  const plan = samplePlan(huaibei)!;
  const file = await xlsxOf(plan, "huaibei-en.xlsx");
  const { page, context, errors } = await openPage(served());
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("file-name").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  await press(page, "score");
  await page.getByTestId("ranking").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  // the user's words: the workbook's, the result sheets written (the workbook's now) and the scenarios' names
  const sheets = /^已写入：(.+?) · /.exec(await page.getByTestId("status").innerText())![1].split("、");
  const words = workbookWords(plan, [...sheets, "情景对比", "产值增长", "相山项目"]);
  await press(page, "whatif-toggle");
  await page.getByTestId("whatif-unit").waitFor();
  await choose(page, "whatif-unit", "烈山经济开发区");
  await typeInto(page, "whatif-output", "200");
  await waitText(page, "whatif-result", "名次：4 → 3 ↑1");
  // the gap list (what each rule and award would still need), opened
  await press(page, "whatif-gaps-open");
  const gaps = page.getByTestId("whatif-gaps").locator("li");
  await gaps.first().waitFor();
  const count = await gaps.count();
  expect(count).toBeGreaterThan(0);
  await bothLanguages(page, words, "edited", async () => {
    await waitText(page, "whatif-result", "Total: ");
    expect(await result(page)).toMatch(/121\.50 → 131\.50/);
    // the same gaps, said in English (bothLanguages found no Chinese in them)
    expect(await gaps.count()).toBe(count);
    await clean(page, "edited, English");
  });
  await waitText(page, "whatif-result", "名次：4 → 3 ↑1");
  await typeInto(page, "whatif-name", "产值增长");
  await press(page, "whatif-save");
  await waitText(page, "whatif-message", "已保存情景「产值增长」");
  await bothLanguages(page, words, "saved", async () => {
    await waitText(page, "whatif-message", "产值增长");
    expect(await page.getByTestId("whatif-message").innerText()).toBe(
      "Saved scenario “产值增长” (kept with the workbook)",
    );
  });
  await press(page, "whatif-write");
  await waitText(page, "whatif-message", "已写入工作表：情景对比");
  await bothLanguages(page, words, "written", async () => {
    expect(await page.getByTestId("whatif-message").innerText()).toMatch(/情景对比/);
    expect(await page.getByTestId("whatif-message").innerText()).not.toContain("已写入");
  });
  await saveXiangshanScenario(page);
  await press(page, "whatif-compare-run");
  await page.getByTestId("whatif-compare").waitFor();
  await bothLanguages(page, words, "compared", async () => {
    expect(await page.getByTestId("whatif-compare").innerText()).toMatch(/烈山经济开发区\s+4\s+3 \(↑1\)/);
    await clean(page, "compared, English");
  });
  await press(page, "whatif-sens-open");
  await press(page, "whatif-sens-run");
  await page.getByTestId("whatif-sens").waitFor();
  await bothLanguages(page, words, "sensitivity", async () => {
    expect(await page.getByTestId("whatif-sens").locator("tbody tr").count()).toBe(6);
    await clean(page, "sensitivity, English");
  });
  expect(errors).toEqual([]);
  await context.close();
}, 240000);
