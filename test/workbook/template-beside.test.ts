/**
 * The input template inserted into the workbook that already holds the data (Excel, after the pane's confirmation):
 * 校验 reads the user's filled sheets, not the empty copies 参数(2) … 目标一览表(2), and says which sheet it chose.
 */
import ExcelJS from "exceljs";
import { checkAndScore } from "../../src/engine/pipeline";
import { buildTemplatePlan } from "../../src/engine/output/template";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { huaibei } from "../helpers";

test("a template beside the data: the data is read (no errors), each choice named in a warning", async () => {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(huaibeiSamplePlan(huaibei));
  const alone = checkAndScore(await b.readSheets(), huaibei, {});
  await b.addSheets(buildTemplatePlan(huaibei));
  const sheets = await b.readSheets();
  expect(sheets.map((s) => s.name)).toContain("开发区指标(2)");
  const r = checkAndScore(sheets, huaibei, {});
  expect(r.errors).toBe(0);
  expect(r.mapping.map((m) => m.sheet).sort()).toEqual(["企业清单", "开发区指标", "目标一览表", "项目清单"]);
  expect(r.run!.order.map((i) => r.run!.entities[i].total)).toEqual(
    alone.run!.order.map((i) => alone.run!.entities[i].total),
  );
  expect(r.allIssues.some((i) => i.sheet === "开发区指标" && i.message.includes("开发区指标(2)"))).toBe(true);
});
