/**
 * The copy keeps everything (issue 16.5). A corpus made at test time by independent tools — Debian's python3-openpyxl
 * (charts, data validation, conditional formats, comments, an image, defined names, all together) and an external
 * link written into the package — is scored with `score --out`: every part of the user's package is still in the
 * result byte for byte (only the package's index parts may change, and they keep every entry they had), the result
 * sheets are added, and LibreOffice opens the result and recalculates the totals the engine computed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8, strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { checkAndScore } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import { huaibei } from "../helpers";
import { recalc, SOFFICE } from "../oracle/libreoffice";

const PYTHON = "/usr/bin/python3";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-roundtrip-"));
const VARIANTS = ["chart", "validation", "condfmt", "comments", "image", "names", "all", "extlink", "pivot"];
/** the package's index parts: they gain entries for the new sheets and lose none */
const INDEX_PARTS = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

async function cli(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const parts = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (p: Record<string, Uint8Array>, name: string) => strFromU8(p[name]);
const tags = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}\\b[^>]*?/?>`, "g")) ?? [];

beforeAll(async () => {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(huaibeiSamplePlan(huaibei));
  fs.writeFileSync(path.join(dir, "base.xlsx"), await b.toBuffer());
  const r = spawnSync(PYTHON, [path.join(__dirname, "roundtrip-corpus.py"), path.join(dir, "base.xlsx"), dir], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`the openpyxl corpus could not be made: ${r.stderr}`);
  // a pivot table made by LibreOffice: a Basic macro in a fresh profile, run headless
  const profile = path.join(dir, "lo-profile");
  const lo = (...args: string[]) =>
    spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], {
      encoding: "utf8",
      timeout: 120000,
    });
  lo("--terminate_after_init");
  fs.copyFileSync(
    path.join(__dirname, "roundtrip-pivot.xba"),
    path.join(profile, "user", "basic", "Standard", "Module1.xba"),
  );
  lo(`macro:///Standard.Module1.Pivot("${path.join(dir, "base.xlsx")}","${path.join(dir, "pivot.xlsx")}")`);
  if (!fs.existsSync(path.join(dir, "pivot.xlsx"))) throw new Error("LibreOffice made no pivot table workbook");
}, 180000);

test("the corpus carries what it claims: charts, an image, comments, validation, formats, names, a link, a pivot table", () => {
  const all = parts(path.join(dir, "all.xlsx"));
  const names = Object.keys(all);
  expect(names.filter((n) => n.startsWith("xl/charts/chart")).length).toBe(2);
  expect(names.some((n) => n.startsWith("xl/media/"))).toBe(true);
  expect(names.filter((n) => /comment/i.test(n) && n.endsWith(".xml")).length).toBe(2);
  const zones = Object.values(all)
    .map((b) => strFromU8(b))
    .find((t) => t.includes("<dataValidations"))!;
  expect(zones).toContain("<conditionalFormatting");
  expect(text(all, "xl/workbook.xml")).toContain("产值区域");
  expect(Object.keys(parts(path.join(dir, "extlink.xlsx")))).toContain("xl/externalLinks/externalLink1.xml");
  const pivot = Object.keys(parts(path.join(dir, "pivot.xlsx")));
  expect(pivot.some((n) => n.startsWith("xl/pivotTables/"))).toBe(true);
  expect(pivot.some((n) => n.startsWith("xl/pivotCache/"))).toBe(true);
});

describe("workbooks with charts, images, drawings and comments made by openpyxl are read", () => {
  test.each(VARIANTS)("%s: the tables are found as in the plain workbook", async (name) => {
    const plain = checkAndScore(
      await (await ExcelJsBook.load(ExcelJS, fs.readFileSync(path.join(dir, "base.xlsx")))).readSheets(),
      huaibei,
    );
    const book = await ExcelJsBook.load(ExcelJS, fs.readFileSync(path.join(dir, `${name}.xlsx`)));
    const r = checkAndScore(await book.readSheets(), huaibei);
    expect(r.errors).toBe(0);
    expect(r.run!.entities.map((e) => [e.name, e.total])).toEqual(plain.run!.entities.map((e) => [e.name, e.total]));
    const c = await cli("check", path.join(dir, `${name}.xlsx`), "--scheme", "huaibei-2023");
    expect(c.err).not.toMatch(/cannot read/);
    expect(c.code).toBe(0);
  });
});

describe("score --out keeps every part of the user's package", () => {
  const scored: Record<string, string> = {};

  test.each(VARIANTS)("%s: user parts byte-identical, index parts only gain, result sheets added", async (name) => {
    const input = path.join(dir, `${name}.xlsx`);
    const out = path.join(dir, `${name}.out.xlsx`);
    const before = fs.readFileSync(input);
    const r = await cli("score", input, "--scheme", "huaibei-2023", "--out", out);
    expect(r.err).not.toMatch(/cannot read/);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    scored[name] = out;
    const a = parts(input);
    const b = parts(out);
    for (const p of Object.keys(a)) {
      expect(b[p]).toBeDefined();
      if (!INDEX_PARTS.has(p)) expect(Buffer.from(b[p]).equals(Buffer.from(a[p]))).toBe(true);
    }
    // the index parts keep every entry they had
    for (const tag of ["Override", "Default"])
      for (const t of tags(text(a, "[Content_Types].xml"), tag)) expect(text(b, "[Content_Types].xml")).toContain(t);
    for (const t of tags(text(a, "xl/_rels/workbook.xml.rels"), "Relationship"))
      expect(text(b, "xl/_rels/workbook.xml.rels")).toContain(t);
    const wa = text(a, "xl/workbook.xml");
    const wb = text(b, "xl/workbook.xml");
    for (const t of [...tags(wa, "sheet"), ...tags(wa, "externalReference")]) expect(wb).toContain(t);
    for (const d of wa.match(/<definedName\b[\s\S]*?<\/definedName>/g) ?? []) expect(wb).toContain(d);
    // styles: the user's formats keep their indexes (new ones are appended)
    const xfs = (s: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(text(b, "xl/styles.xml")).startsWith(xfs(text(a, "xl/styles.xml")))).toBe(true);
    // the result sheets are there, marked as ZoneScore's
    expect(wb).toMatch(/<sheet [^>]*name="加分汇总"/);
    expect(wb).toContain(">ZoneScore.summary<".slice(1, -1));
    const back = await ExcelJsBook.load(ExcelJS, fs.readFileSync(out), { model: true });
    expect([...back.markedSheets().keys()]).toEqual(expect.arrayContaining(["加分汇总", "加分明细", "校验结果"]));
  });

  test("a second run on the result replaces only ZoneScore's sheets and still keeps every user part", async () => {
    const input = path.join(dir, "extlink.xlsx");
    const once = path.join(dir, "extlink.out.xlsx");
    if (!fs.existsSync(once)) await cli("score", input, "--scheme", "huaibei-2023", "--out", once);
    const twice = path.join(dir, "extlink.out2.xlsx");
    expect((await cli("score", once, "--scheme", "huaibei-2023", "--out", twice)).code).toBe(0);
    const a = parts(input);
    const b = parts(twice);
    for (const p of Object.keys(a))
      if (!INDEX_PARTS.has(p)) expect(Buffer.from(b[p]).equals(Buffer.from(a[p]))).toBe(true);
    const sheetsOf = (p: Record<string, Uint8Array>) => tags(text(p, "xl/workbook.xml"), "sheet").length;
    expect(sheetsOf(b)).toBe(sheetsOf(parts(once)));
    const names = (p: Record<string, Uint8Array>) =>
      (text(p, "xl/workbook.xml").match(/<definedName [^>]*name="ZoneScore\.[^"]+"/g) ?? []).length;
    expect(names(b)).toBe(names(parts(once)));
    // the styles do not grow on every run
    expect(text(b, "xl/styles.xml").length).toBe(text(parts(once), "xl/styles.xml").length);
    // no part is left behind by the replaced sheets
    expect(Object.keys(b).length).toBe(Object.keys(parts(once)).length);
  });

  test("every result is a sound zip (CRC checked by Python's zipfile) that openpyxl opens, result sheets included", () => {
    const files = VARIANTS.map((v) => path.join(dir, `${v}.out.xlsx`));
    const script = [
      "import sys, zipfile, openpyxl",
      "for f in sys.argv[1:]:",
      "    assert zipfile.ZipFile(f).testzip() is None, f",
      "    wb = openpyxl.load_workbook(f)",
      "    assert wb['加分汇总']['B4'].value == '濉溪经济开发区', f",
      "    assert '开发区指标' in wb.sheetnames, f",
      "print('ok', len(sys.argv) - 1)",
    ].join("\n");
    // (openpyxl warns that it drops extensions it does not know: a warning of its own reading, not an error)
    const r = spawnSync(PYTHON, ["-W", "ignore", "-c", script, ...files], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`ok ${files.length}`);
  }, 120000);

  test("LibreOffice opens every result and recalculates the engine's totals", async () => {
    const files = VARIANTS.map((v) => {
      const f = path.join(dir, `${v}.out.xlsx`);
      expect(fs.existsSync(f)).toBe(true);
      return f;
    });
    const computed = recalc(files);
    const want = checkAndScore(
      await (await ExcelJsBook.load(ExcelJS, fs.readFileSync(path.join(dir, "base.xlsx")))).readSheets(),
      huaibei,
    ).run!;
    for (const f of computed) {
      const book = await ExcelJsBook.load(ExcelJS, fs.readFileSync(f), { model: true });
      const ws = book.wb.getWorksheet("加分汇总");
      expect(ws).toBeDefined();
      const header = ["", ...Array.from({ length: ws!.columnCount }, (_, c) => ws!.getRow(3).getCell(c + 1).text)];
      const totalCol = header.indexOf("加分合计");
      expect(totalCol).toBeGreaterThan(0);
      let seen = 0;
      ws!.eachRow((row, rn) => {
        if (rn <= 3) return;
        const e = want.entities.find((x) => x.name === row.getCell(2).text);
        if (!e) return;
        const cell = row.getCell(totalCol);
        const v = cell.formula !== undefined ? cell.result : cell.value;
        expect(v).toBeCloseTo(e.bonus, 9);
        seen++;
      });
      expect(seen).toBe(want.entities.length);
    }
  }, 180000);
});

describe("where the package cannot take the result sheets safely, the run refuses and says why", () => {
  test("a workbook saved as Strict Open XML: exit 2, nothing written, --separate offered in the user's language; --separate writes the results alone", async () => {
    // the workbook saved as Strict Open XML (ExcelJS reads it; grafting transitional parts into it would mix formats)
    const p = parts(path.join(dir, "all.xlsx"));
    for (const k of Object.keys(p))
      if (/\.(xml|rels)$/.test(k))
        p[k] = strToU8(
          text(p, k)
            .replace(
              /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
              "http://purl.oclc.org/ooxml/spreadsheetml/main",
            )
            .replace(
              /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
              "http://purl.oclc.org/ooxml/officeDocument/relationships",
            ),
        );
    const input = path.join(dir, "strict.xlsx");
    fs.writeFileSync(input, zipSync(p));
    const out = path.join(dir, "strict.out.xlsx");
    const zh = await cli("score", input, "--scheme", "huaibei-2023", "--out", out);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("Strict Open XML");
    expect(zh.err).toContain("另存为");
    expect(zh.err).toContain("--separate");
    expect(zh.err).toContain("未写入任何文件");
    expect(fs.existsSync(out)).toBe(false);
    const en = await cli("score", input, "--scheme", "huaibei-2023", "--out", out, "--lang", "en");
    expect(en.err).toMatch(/saved as Strict Open XML.*Nothing was written.*--separate/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("strict.out"))).toEqual([]);
    const sep = await cli("score", input, "--scheme", "huaibei-2023", "--out", out, "--separate");
    expect(sep.code).toBe(0);
    const back = await ExcelJsBook.load(ExcelJS, fs.readFileSync(out), { model: true });
    expect(back.wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["加分汇总", "加分明细"]));
    expect(back.wb.getWorksheet("开发区指标")).toBeUndefined();
    // values, not formulas: nothing points at sheets this workbook does not have
    back.wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined())));
  });
});
