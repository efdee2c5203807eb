import { checkAndScore } from "../../src/engine/pipeline";
import { buildResultPlan } from "../../src/engine/result-plan";
import type { Issue } from "../../src/engine/types";
import { OfficeBook } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { OfficeClientHarness } from "./client";
import { huaibei, huaibeiZones } from "./data";
test("dbg", async () => {
  const fake = fakeFromSheets(huaibeiZones(50));
  const h = new OfficeClientHarness(fake);
  const office = new OfficeBook(h.run, fake.supports, "t");
  const read = await office.readSheets();
  const r = checkAndScore(read, huaibei, { force: true });
  const issues: Issue[] = Array.from({ length: 20_000 }, (_, i) => ({
    severity: i % 3 ? "warning" : "error",
    code: "number",
    sheet: "开发区指标",
    cell: `C${(i % 50) + 4}`,
    message: `第${i + 1}条：应为数字（亿元），实际为文字，请改为数字后重新校验`,
    value: `约${i}亿`,
    fix: "改为数字",
  }));
  const p = buildResultPlan(huaibei, r.run!, issues, {});
  for (const s of p.sheets)
    console.log(
      s.key,
      s.values.length,
      "styles",
      s.styles.length,
      [...new Set(s.styles.map((x) => x.style))],
      "links",
      s.links.length,
      "nf",
      s.numberFormats.length,
      "merges",
      s.merges.length,
      "rh",
      s.rowHeights?.length,
    );
  const w0 = h.wire.length;
  await office.writeResult(p);
  console.log(
    h.wire
      .slice(w0)
      .map((w) => `${w.requestBytes} ${w.actions}`)
      .join("\n"),
  );
}, 600000);
