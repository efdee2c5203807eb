import { statusText } from "../../src/taskpane/steps";
import { strings } from "../../src/taskpane/i18n";
import { OfficeBook } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { huaibei, sampleSheets } from "../helpers";

describe("the pane says what this Excel could not do in a write (issue 10: degraded with a note)", () => {
  test("an Excel below ExcelApi 1.9 and 1.18: the write's notices are in the status line, in the pane's language", async () => {
    const fake = fakeFromSheets(sampleSheets());
    const supports = (set: string, v: string) => set === "ExcelApi" && Number(v.split(".")[1]) < 9;
    const office = new OfficeBook(fake.run, supports, "t");
    const r = checkAndScore(await office.readSheets(), huaibei);
    const report = await office.writeResult(plan(huaibei, r.run!));
    expect(report.notices?.length).toBeGreaterThanOrEqual(1);
    const status = { key: "scored" as const, errors: 0, warnings: 1, sheets: ["加分汇总"], notices: report.notices };
    const zh = statusText(strings("zh"), status, "zh");
    const en = statusText(strings("en"), status, "en");
    for (const n of report.notices!) {
      expect(zh).toContain(n.zh);
      expect(en).toContain(n.en);
    }
    expect(statusText(strings("zh"), { ...status, notices: undefined }, "zh")).not.toContain(report.notices![0].zh);
  });
});
