/**
 * The Chifeng group-level ranking prints on one A4 landscape page width at 100 % (no shrinking to fit), checked by
 * LibreOffice's PDF export and the page count; the 36-column rule-level sheet does not, which is why the group view
 * exists.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { planSheets } from "../helpers";
import { SOFFICE } from "../oracle/libreoffice";

function scored(id: string, formulas: boolean) {
  const scheme = getBuiltInScheme(id)!;
  const sheets = planSheets(samplePlan(scheme)!);
  const r = checkAndScore(sheets, scheme);
  return { scheme, p: plan(scheme, r.run!, formulas ? { formulas: { data: r.dataset!, sheets } } : {}) };
}

test("chifeng: the group view prints on one A4 landscape page at 100 % (LibreOffice PDF); the rule-level sheet does not", async () => {
  const { p } = scored("chifeng-2020", true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-a4-"));
  const files: string[] = [];
  for (const key of ["groups", "summary"]) {
    const b = await ExcelJsBook.create(ExcelJS);
    await b.writeResult(p);
    const wb = b.wb as ExcelJS.Workbook;
    const keep = p.sheets.find((s) => s.key === key)!.name;
    for (const ws of [...wb.worksheets]) if (ws.name !== keep) wb.removeWorksheet(ws.id);
    // no shrinking to fit: the sheet must fit by its own widths
    const ws = wb.worksheets[0];
    ws.pageSetup = { ...ws.pageSetup, fitToPage: false, scale: 100, paperSize: 9, orientation: "landscape" };
    const f = path.join(dir, `${key}.xlsx`);
    await wb.xlsx.writeFile(f);
    files.push(f);
  }
  expect(fs.existsSync(SOFFICE)).toBe(true);
  const r = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...files,
    ],
    { encoding: "utf8", timeout: 120000 },
  );
  expect(r.status).toBe(0);
  const pages = (key: string) => {
    const info = spawnSync("pdfinfo", [path.join(dir, `${key}.pdf`)], { encoding: "utf8" });
    if (info.status !== 0) {
      // without poppler, count the page objects
      const pdf = fs.readFileSync(path.join(dir, `${key}.pdf`), "latin1");
      return (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    return Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]);
  };
  // 14 parks: one page for the group view; the 36-column rule-level sheet spills over several page widths
  expect(pages("groups")).toBe(1);
  expect(pages("summary")).toBeGreaterThan(1);
}, 180000);
