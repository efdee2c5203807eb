/**
 * Over 2,000 units 加分明细 is compact (one row per unit, no basis sentences); one unit's full detail stays available
 * on demand in the pane (issue 14): in the virtualised ranking, a unit reached by keyboard opens every part — rule
 * with its clause, points and the basis sentence — the same as the engine's, in Chinese and in English.
 */
import type { Page } from "playwright-core";
import { getBuiltInScheme } from "../../src/schemes";
import { mujunSamplePlan } from "../../src/samples/mujun";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ruleHeader } from "../../src/engine/output/result-plan";
import { schemeWord } from "../../src/engine/i18n/scheme-words";
import { showPoints } from "../../src/taskpane/num";
import { t } from "../../src/engine/i18n";
import { planSheets } from "../helpers";
import { audit, focusVisible, openPage, servedPages, tabTo, xlsxOf } from "./serve";

const served = servedPages();

/** 显示全部, then a unit far down the virtualised list: Tab into it, PageDown twice, Enter opens its parts */
async function openUnitFarDown(page: Page): Promise<number> {
  await tabTo(page, '[data-testid="show-all"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelector('[data-testid="ranking"]')?.getAttribute("aria-rowcount") === "2401",
  );
  await tabTo(page, '[data-testid="ranking"] button[data-pos]');
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  const pos = Number(await page.evaluate(() => document.activeElement?.getAttribute("data-pos")));
  expect(pos).toBeGreaterThan(10);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press("Enter");
  return pos;
}

test("2,400 enterprises: the compact 加分明细, and one enterprise's full detail opened by keyboard in the pane", async () => {
  const mujun = getBuiltInScheme("mujun-template")!;
  const input = mujunSamplePlan(mujun, 2400);
  const file = await xlsxOf(input, "mujun-2400.xlsx");
  // the engine's run: the detail sheet it writes is one row per unit, without the parts' sentences
  const r = checkAndScore(planSheets(input), mujun, {});
  const run = r.run!;
  const written = plan(mujun, run, {});
  const detail = written.sheets.find((x) => x.key === "details")!;
  const names = new Set(run.entities.map((e) => e.name));
  expect(detail.values.filter((row) => names.has(row[0] as string)).length).toBe(run.entities.length);
  expect(detail.values.flat()).not.toContain(t("zh", "sheet.col.basis"));

  const { page, context, errors } = await openPage(served());
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("file-name").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  await tabTo(page, '[data-testid="score"]');
  await page.keyboard.press("Enter");
  await page.getByTestId("ranking").waitFor();
  const pos = await openUnitFarDown(page);
  const box = page.getByTestId("unit-details");
  await box.waitFor();
  const unit = run.entities[run.order[pos]];
  expect(await box.getByRole("heading").innerText()).toContain(unit.name);
  const items = await box.locator("li").allInnerTexts();
  expect(items.length).toBe(unit.parts.length);
  unit.parts.forEach((p, k) => {
    const rule = mujun.rules.find((x) => x.id === p.rule)!;
    expect(items[k]).toContain(`${ruleHeader(rule)}：${showPoints(p.points)}`);
    expect(items[k]).toContain(rule.clause);
    expect(items[k]).toContain(p.basis);
  });
  const a = await audit(page);
  expect({ state: "one unit's detail", violations: a.violations }).toEqual({
    state: "one unit's detail",
    violations: [],
  });

  // in English: the same unit's parts, each rule and clause in English, with the English basis sentence
  await page.getByTestId("language").click();
  await page.getByRole("heading", { name: "1. Workbook" }).waitFor();
  const en = checkAndScore(planSheets(input), mujun, { lang: "en" }).run!;
  const enUnit = en.entities[unit.index];
  // the results are re-rendered in the other language: the same unit opened again, the same way
  expect(await openUnitFarDown(page)).toBe(pos);
  await page.getByTestId("unit-details").waitFor();
  const enItems = await page.getByTestId("unit-details").locator("li").allInnerTexts();
  expect(enItems.length).toBe(enUnit.parts.length);
  enUnit.parts.forEach((p, k) => {
    const rule = mujun.rules.find((x) => x.id === p.rule)!;
    expect(enItems[k]).toContain(ruleHeader(rule, (z) => schemeWord(mujun, "en", z)));
    expect(enItems[k]).toContain(p.basis);
  });
  expect(errors).toEqual([]);
  await context.close();
}, 240000);
