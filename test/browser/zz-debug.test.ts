import { getBuiltInScheme } from "../../src/schemes";
import { mujunSamplePlan } from "../../src/samples/mujun";
import { openPage, serve, xlsxOf } from "./serve";
test("debug", async () => {
  const s = await serve();
  const file = await xlsxOf(mujunSamplePlan(getBuiltInScheme("mujun-template")!, 2400), "m.xlsx");
  const { page } = await openPage(s);
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("file-name").waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="busy"]'));
  await page.getByTestId("score").click();
  await page.getByTestId("ranking").waitFor();
  await page.getByTestId("show-all").click();
  await page.locator('[data-pos="0"]').focus();
  const info = () => page.evaluate(() => {
    const b = document.querySelector('[data-testid="ranking-body"]') as HTMLElement;
    const rows = [...b.querySelectorAll('[role="row"]')].map((r) => r.getAttribute("aria-rowindex") + ":" + (r as HTMLElement).offsetHeight);
    return { st: b.scrollTop, sh: b.scrollHeight, ch: b.clientHeight, pt: b.style.paddingTop, pb: b.style.paddingBottom, rows: rows.join(","), act: document.activeElement?.outerHTML.slice(0, 80) };
  });
  console.log(JSON.stringify(await info()));
  await page.keyboard.press("End");
  await page.waitForTimeout(500);
  console.log(JSON.stringify(await info()));
  await s.close();
}, 200000);
