/** LibreOffice headless as an independent spreadsheet engine: recalculate every formula of some .xlsx files. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type ExcelJS from "exceljs";

export const SOFFICE = process.env.SOFFICE_PATH || "/usr/bin/soffice";

/** A profile that forces recalculation on load (otherwise LibreOffice keeps the cached values we wrote). */
function profile(): string {
  const dir = path.join(os.tmpdir(), `zs-lo-profile-${process.pid}`);
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Recalculate the files with LibreOffice; returns the paths of the recalculated copies. */
export function recalc(files: string[]): string[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "zs-lo-out-"));
  const r = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile()}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      ...files,
    ],
    { encoding: "utf8", timeout: 180000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
  return files.map((f) => {
    const p = path.join(out, path.basename(f));
    if (!fs.existsSync(p)) throw new Error(`soffice wrote no ${p}: ${r.stdout} ${r.stderr}`);
    return p;
  });
}

/**
 * Every cached formula result dropped, the formulas kept, so that what LibreOffice gives back is its own computation;
 * returns how many formulas there are.
 */
export function dropCachedResults(wb: ExcelJS.Workbook): number {
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && typeof v.formula === "string") {
          cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
          n++;
        }
      }),
    ),
  );
  return n;
}
