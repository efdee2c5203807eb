/**
 * Files recognised before parsing and limits checked before loading, without the command line: what the standalone
 * page calls too. Real files where they exist (LibreOffice's .xls and .ods; the sample written by ExcelJS).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { recogniseFile, fileKindCode } from "../../src/engine/read/filekind";
import { message } from "../../src/engine/messages";
import { inspectXlsx, WorkbookFileError } from "../../src/workbook/inspect";

const FILES = path.join(__dirname, "files");
const read = (n: string) => new Uint8Array(fs.readFileSync(path.join(FILES, n)));

describe("recogniseFile", () => {
  test.each([
    ["sample.xlsx", "xlsx"],
    ["sample.xls", "xls"],
    ["sample.ods", "ods"],
    ["encrypted.xlsx", "encrypted"],
  ])("%s is %s", (name, kind) => expect(recogniseFile(read(name))).toBe(kind));
  test("bytes that are not a workbook", () => {
    const xlsx = read("sample.xlsx");
    expect(recogniseFile(new Uint8Array(0))).toBe("empty");
    expect(recogniseFile(xlsx.subarray(0, 3000))).toBe("zip-truncated");
    expect(recogniseFile(new TextEncoder().encode("开发区,产值\n濉溪,1\n相山,2\n"))).toBe("csv");
    expect(recogniseFile(new TextEncoder().encode("\ufeff开发区\t产值\n濉溪\t1\n"))).toBe("csv");
    expect(recogniseFile(new TextEncoder().encode("just some notes\nabout the zones\n"))).toBe("text");
    expect(recogniseFile(new TextEncoder().encode("<html><body><table><tr><td>1</td></tr></table>"))).toBe("html");
    expect(recogniseFile(new TextEncoder().encode("%PDF-1.7\n..."))).toBe("pdf");
    expect(recogniseFile(Uint8Array.from([0, 1, 2, 3, 255, 254, 0, 7]))).toBe("unknown");
  });
  test("every kind but xlsx has a message in both languages naming the file, without a URL", () => {
    for (const kind of [
      "empty",
      "encrypted",
      "xls",
      "ods",
      "xlsb",
      "zip-truncated",
      "zip-other",
      "cfb-other",
      "csv",
      "text",
      "html",
      "xml2003",
      "pdf",
      "unknown",
    ] as const) {
      const code = fileKindCode(kind)!;
      for (const lang of ["zh", "en"] as const) {
        const m = message(lang, code, { file: "a.xlsx" });
        expect(m).not.toBe(code);
        expect(m).toContain("a.xlsx");
        expect(m).not.toMatch(/https?:/);
      }
    }
    expect(fileKindCode("xlsx")).toBeNull();
  });
});

describe("inspectXlsx", () => {
  async function withSheet(edit: (xml: string) => string): Promise<Uint8Array> {
    const z = await JSZip.loadAsync(read("sample.xlsx"));
    const p = "xl/worksheets/sheet2.xml";
    z.file(p, edit(await z.file(p)!.async("string")));
    return z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
  const codeOf = async (b: Uint8Array) => {
    try {
      await inspectXlsx(b, "f.xlsx");
      return null;
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      return { code: e.code, params: e.params };
    }
  };
  test("the sample passes; a claimed dimension alone is no reason to refuse", async () => {
    expect(await codeOf(read("sample.xlsx"))).toBeNull();
    expect(
      await codeOf(await withSheet((x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'))),
    ).toBeNull();
  });
  test("a merge bomb and too many merges name the sheet and the limit", async () => {
    const one = await codeOf(
      await withSheet((x) =>
        x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>'),
      ),
    );
    expect(one).toEqual({
      code: "limit-merged-area",
      params: expect.objectContaining({ sheet: "开发区指标", ref: "A20:XFD1048576" }),
    });
    expect(message("zh", one!.code, one!.params)).toMatch(/开发区指标.*上限/);
    const refs = Array.from({ length: 20001 }, (_, i) => `<mergeCell ref="A${20 + 2 * i}:B${21 + 2 * i}"/>`).join("");
    const many = await codeOf(
      await withSheet((x) =>
        x
          .replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "")
          .replace("</sheetData>", `</sheetData><mergeCells>${refs}</mergeCells>`),
      ),
    );
    expect(many).toEqual({
      code: "limit-merges",
      params: expect.objectContaining({ sheet: "开发区指标", count: 20001, max: 20000 }),
    });
  });
  test("too many rows, counted in the sheet's XML, not taken from its dimension", async () => {
    const rows = Array.from({ length: 150001 }, (_, i) => `<row r="${i + 20}"/>`).join("");
    const r = await codeOf(await withSheet((x) => x.replace("</sheetData>", `${rows}</sheetData>`)));
    expect(r).toEqual({ code: "limit-rows", params: expect.objectContaining({ sheet: "开发区指标", max: 150000 }) });
  });
});
