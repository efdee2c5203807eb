import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { check, checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { OfficeBook } from "../../src/workbook/office";
import { fakeFromSheets } from "../fakes/excel";
import { huaibei, sampleSheets } from "../helpers";
import type { CellValue, SheetData } from "../../src/engine/types";

/** The sample with the zone sheet's headers renamed beyond recognition, and a project naming its zone by a short form. */
function oddSheets(): SheetData[] {
  const sheets = sampleSheets();
  const z = sheets.find((s) => s.name === "开发区指标")!;
  z.values[2] = z.values[2].map((v, i) => (i === 0 ? v : v === null ? null : `指标${i}`)) as CellValue[];
  z.values[3] = z.values[3].map(() => null);
  const p = sheets.find((s) => s.name === "项目清单")!;
  p.values[2][1] = "濉溪开发区";
  return sheets;
}
const MAP = {
  tables: {
    zones: {
      sheet: "开发区指标",
      columns: {
        name: "A",
        outputPrev: "B",
        output: "C",
        newProjects: "D",
        enterprises: "E",
        listed: "F",
        review: "G",
        filing: "H",
        landTask: "I",
        aaRated: "J",
        intensive: "K",
        base: "L",
        taxPerMu: "M",
      },
    },
  },
  aliases: { 濉溪开发区: "濉溪经济开发区" },
};

test("without the mapping the odd workbook has errors; with it, none", () => {
  expect(check(oddSheets(), huaibei).errors).toBeGreaterThan(0);
  const c = check(oddSheets(), huaibei, { mapping: MAP });
  expect(c.errors).toBe(0);
  expect(c.mapping.find((t) => t.table === "zones")!.columns.find((x) => x.id === "output")).toMatchObject({
    column: "C",
    confidence: 1,
  });
});

test("ExcelJS: settings live in a very hidden sheet, are not input, survive a result write and a reload", async () => {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets({
    sheets: oddSheets().map((s) => ({
      key: s.name,
      name: s.name,
      values: s.values as never,
      merges: s.merges ?? [],
      widths: [],
      numberFormats: [],
      styles: [],
      links: [],
    })),
  });
  await b.writeSettings(MAP);
  const r = checkAndScore(await b.readSheets(), huaibei, { mapping: (await b.readSettings())! });
  expect(r.errors).toBe(0);
  await b.writeResult(plan(huaibei, r.run!));
  const back = await ExcelJsBook.load(ExcelJS, await b.toBuffer());
  expect(await back.readSettings()).toEqual(MAP);
  expect((await back.readSheets()).map((s) => s.name)).not.toContain("ZoneScore设置");
  expect(back.wb.getWorksheet("ZoneScore设置")!.state).toBe("veryHidden");
  // the command line uses the saved mapping, or a file that overrides it
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-map-"));
  const f = path.join(dir, "odd.xlsx");
  fs.writeFileSync(f, await back.toBuffer());
  const bin = path.join(__dirname, "..", "..", "bin", "zonescore.js");
  const zs = (...a: string[]) => spawnSync(process.execPath, [bin, ...a], { encoding: "utf8" });
  expect(zs("check", f, "--scheme", "huaibei-2023").status).toBe(0);
  const saved = path.join(dir, "m.json");
  expect(zs("check", f, "--scheme", "huaibei-2023", "--save-mapping", saved).status).toBe(0);
  const m = JSON.parse(fs.readFileSync(saved, "utf8"));
  expect(m.tables.zones.columns.output).toBe("C");
  expect(m.aliases).toEqual(MAP.aliases);
  m.tables.zones.columns.output = "B";
  m.tables.zones.columns.outputPrev = "C";
  fs.writeFileSync(saved, JSON.stringify(m));
  const swapped = zs(
    "score",
    f,
    "--scheme",
    "huaibei-2023",
    "--mapping",
    saved,
    "--out",
    path.join(dir, "o.xlsx"),
    "--json",
    "-",
  );
  expect(
    JSON.parse(swapped.stdout)
      .entities.find((e: { name: string }) => e.name === "濉溪经济开发区")
      .parts.find((p: { rule: string }) => p.rule === "2.1").points,
  ).toBe(0);
});

test("Office: settings are read in the same three syncs as the sheets, written hidden, and kept by a result write", async () => {
  const fake = fakeFromSheets(oddSheets());
  const office = new OfficeBook(fake.run, fake.supports, "t");
  await office.writeSettings(MAP);
  const hidden = fake.names.find((n) => n.name === "ZoneScoreSettings")!.sheet;
  expect(hidden.visibility).toBe("VeryHidden");
  const fresh = new OfficeBook(fake.run, fake.supports, "t");
  const s0 = fake.syncs;
  const sheets = await fresh.readSheets();
  const settings = await fresh.readSettings();
  // the sizes (with the settings cells), the merged areas, the cells
  expect(fake.syncs - s0).toBe(3);
  expect(settings).toEqual(MAP);
  expect(sheets.map((s) => s.name)).not.toContain(hidden.name);
  const r = checkAndScore(sheets, huaibei, { mapping: settings! });
  expect(r.errors).toBe(0);
  await fresh.writeResult(plan(huaibei, r.run!));
  expect(fake.sheet(hidden.name)).toBeDefined();
  expect(await new OfficeBook(fake.run, fake.supports, "t").readSettings()).toEqual(MAP);
});
