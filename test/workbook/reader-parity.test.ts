/**
 * The package reader (src/workbook/xlsx-read.ts) gives the same SheetData as the former reader (ExcelJS's full load,
 * `readSheetsFromModel`): values, merges, visibility and formats, on every workbook of the corpus written to an
 * .xlsx, on the built-in samples, and on hand-written packages with what other tools write (inline strings, rich
 * text, phonetic runs, escapes, formulas with and without cached results, errors, booleans, dates in both systems,
 * percentages, merged areas, hidden sheets, ZoneScore's markers and settings).
 */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import type { SheetData } from "../../src/engine/types";
import { getBuiltInScheme } from "../../src/schemes";
import { sampleIds, samplePlan } from "../../src/samples";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { formatKind } from "../../src/engine/read/values";
import { CASES } from "../corpus/cases";

/** Both readers on the same bytes. */
async function both(bytes: Uint8Array): Promise<{ fresh: SheetData[]; former: SheetData[] }> {
  const book = await ExcelJsBook.load(ExcelJS, bytes, { model: true });
  return { fresh: await book.readSheets(), former: book.readSheetsFromModel() };
}

/** SheetData as an .xlsx written by ExcelJS: values, merges, visibility and the number formats. */
async function toXlsx(sheets: SheetData[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.visibility ? { state: s.visibility } : {});
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(s.originRow + r + 1, s.originCol + c + 1);
        cell.value = typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
        const fmt = s.formats?.[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the package reader reads as the former one did", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("corpus: %s", async (_n, c) => {
    const { fresh, former } = await both(await toXlsx(c.sheets));
    expect(fresh).toEqual(former);
    // and what was written is what is read (values, merges): the comparison compares something
    expect(fresh.map((s) => s.name)).toEqual(c.sheets.map((s) => s.name));
  });

  test.each(sampleIds())("sample: %s", async (id) => {
    const book = await ExcelJsBook.create(ExcelJS);
    await book.addSheets(samplePlan(getBuiltInScheme(id)!)!);
    const { fresh, former } = await both(await book.toBuffer());
    expect(fresh).toEqual(former);
    expect(fresh.length).toBeGreaterThan(0);
  });

  test("the sample file written by ExcelJS (test/corpus/files)", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "corpus", "files", "sample.xlsx")));
    const { fresh, former } = await both(bytes);
    expect(fresh).toEqual(former);
  });
});

// ------------------------------------------------------------------------------ packages written by hand

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';

interface HandSheet {
  name: string;
  state?: string;
  /** the <sheetData> inner XML */
  data: string;
  merges?: string[];
}

/** A package as other tools write one: the workbook, its sheets, shared strings and styles. */
function handPackage(
  sheets: HandSheet[],
  o: { strings?: string[]; names?: string; date1904?: boolean; styles?: string },
): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const types = sheets.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ` +
      `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${types.join("")}` +
      `</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<Relationships ${PKG}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `</Relationships>`,
  );
  const entries = sheets.map(
    (s, i) =>
      `<sheet name="${s.name.replace(/&/g, "&amp;")}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<workbook ${NS} ${RNS}>${o.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}` +
      `<sheets>${entries.join("")}</sheets>${o.names ? `<definedNames>${o.names}</definedNames>` : ""}</workbook>`,
  );
  const rels = sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rS" Type="${REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<Relationships ${PKG}>${rels.join("")}</Relationships>`);
  sheets.forEach((s, i) => {
    const merges = s.merges?.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS} ${RNS}>` +
        `<sheetData>${s.data}</sheetData>${merges}</worksheet>`,
    );
  });
  const strings = o.strings ?? [];
  files["xl/sharedStrings.xml"] = strToU8(
    `<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.join("")}</sst>`,
  );
  files["xl/styles.xml"] = strToU8(o.styles ?? STYLES);
  return zipSync(files);
}

/** cellXfs: 0 a date format (ignored for style 0, as ExcelJS did), 1 General, 2 built-in date 14, 3 custom date,
 * 4 percent, 5 a custom number, 6 a time, 7 a custom format ExcelJS reads as a date and formatKind does not */
const STYLES =
  `<styleSheet ${NS}><numFmts count="4"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
  `<numFmt numFmtId="177" formatCode="0.00\\ &quot;万元&quot;"/><numFmt numFmtId="178" formatCode="[h]:mm"/>` +
  `<numFmt numFmtId="179" formatCode="0.0_b"/></numFmts>` +
  `<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
  `<cellXfs count="8"><xf numFmtId="14"/><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>` +
  `<xf numFmtId="176"/><xf numFmtId="10"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="179"/></cellXfs>` +
  `</styleSheet>`;

const STRINGS = [
  "<si><t>开发区</t></si>",
  '<si><t xml:space="preserve"> 产值 &amp; 税收 </t></si>',
  '<si><r><rPr><b/></rPr><t>濉溪</t></r><r><t xml:space="preserve">经济开发区</t></r></si>',
  '<si><t>相山</t><rPh sb="0" eb="2"><t>xiangshan</t></rPh></si>',
  "<si><t>第一行_x000D_\r\n第二行</t></si>",
  "<si><t/></si>",
  "<si><t>  </t></si>",
  "<si><t>&#x4E00;&#20108;</t></si>",
];

const MAIN_DATA =
  `<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
  `<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>7</v></c></row>` +
  `<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &lt;文本&gt;</t></is></c>` +
  `<c r="B2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>` +
  `<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c>` +
  `<c r="F2" s="1"><v>1.5</v></c><c r="G2" s="5"><v>-3.25E+2</v></c></row>` +
  `<row r="3"><c r="A3" s="2"><v>45000</v></c><c r="B3" s="3"><v>45000.5</v></c><c r="C3" s="4"><v>0.125</v></c>` +
  `<c r="D3" s="6"><v>1.25</v></c><c r="E3" s="7"><v>2</v></c><c r="F3" s="0"><v>45000</v></c>` +
  `<c r="G3" s="2"/><c r="H3" s="1"/></row>` +
  `<row r="4"><c r="A4"><f>SUM(F2:G2)</f><v>-323.5</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>a&amp;amp;b</v></c>` +
  `<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" t="b"><f>TRUE()</f><v>1</v></c>` +
  `<c r="E4" s="2"><f>A3+1</f><v>45001</v></c><c r="F4"><f t="shared" ref="F4:F4" si="0">A4*2</f><v>-647</v></c>` +
  `<c r="G4"><f>NOW()</f></c><c r="H4" t="str"><f>""</f><v></v></c></row>` +
  `<row r="5"><c r="F5"><f>F4*0+1</f><v>1</v></c><c r="G5" t="str"><v>a&amp;lt;b</v></c>` +
  `<c r="H5" t="n"><v> 7 </v></c></row>` +
  `<row r="7"><c r="A7" s="2"><v>45100</v></c><c r="C7" t="s"><v>5</v></c><c r="D7" t="s"><v>6</v></c></row>` +
  `<row r="9"><c r="B9" s="4"><v>0.5</v></c></row>` +
  `<row r="12"><c r="A12"><f>B9*2</f></c></row>`;

describe("hand-written packages", () => {
  const cases: Array<[string, Uint8Array]> = [
    [
      "strings, numbers, formulas, errors, formats, merges, hidden sheets, markers and settings",
      handPackage(
        [
          { name: "数据", data: MAIN_DATA, merges: ["A7:B8", "B9:C10", "D9:E9", "A13:A15"] },
          { name: "隐藏 & 表", state: "hidden", data: `<row r="2"><c r="B2" t="s"><v>0</v></c></row>` },
          { name: "深藏", state: "veryHidden", data: `<row r="1"><c r="A1"><v>1</v></c></row>` },
          { name: "加分汇总", data: `<row r="1"><c r="A1" t="inlineStr"><is><t>ours</t></is></c></row>` },
          {
            name: "ZoneScore设置",
            state: "veryHidden",
            data: `<row r="1"><c r="A1" t="inlineStr"><is><t>{"aliases":{}}</t></is></c></row>`,
          },
          { name: "空", data: "" },
        ],
        {
          strings: STRINGS,
          names:
            `<definedName name="ZoneScore.summary">'加分汇总'!$A$1</definedName>` +
            `<definedName name="ZoneScoreSettings">'ZoneScore设置'!$A$1</definedName>` +
            `<definedName name="区域">'隐藏 &amp; 表'!$A$1:$B$3</definedName>`,
        },
      ),
    ],
    [
      "the 1904 date system",
      handPackage([{ name: "日期", data: MAIN_DATA, merges: ["A7:B8"] }], { strings: STRINGS, date1904: true }),
    ],
    [
      "a date in a merged area, a formula's area",
      handPackage(
        [
          {
            name: "合并",
            data:
              `<row r="1"><c r="A1" s="2"><v>44000</v></c><c r="C1"><f>1+1</f></c></row>` +
              `<row r="2"><c r="E2" s="4"><v>0.5</v></c></row>`,
            merges: ["A1:B3", "C1:D4"],
          },
        ],
        { strings: STRINGS },
      ),
    ],
  ];
  test.each(cases)("%s", async (_n, bytes) => {
    const { fresh, former } = await both(bytes);
    expect(fresh).toEqual(former);
    expect(fresh.length).toBeGreaterThan(0);
  });

  test("what the hand-written package holds is read (not merely the same nothing twice)", async () => {
    const book = await ExcelJsBook.load(ExcelJS, cases[0][1]);
    const sheets = await book.readSheets();
    expect(sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["数据", undefined],
      ["隐藏 & 表", "hidden"],
      ["深藏", "veryHidden"],
      ["空", undefined],
    ]);
    const v = sheets[0].values;
    expect(v[0]).toEqual(["开发区", " 产值 & 税收 ", "濉溪经济开发区", "相山", "第一行\r\n第二行", "一二"]);
    expect(v[1]).toEqual(["内联 <文本>", "富文本", true, false, { error: "#N/A" }, 1.5, -325]);
    expect(v[3]).toEqual([-323.5, "a&b", { error: "#DIV/0!" }, true, 45001, -647]);
    expect(v[4]).toEqual([undefined, undefined, undefined, undefined, undefined, 1, "a<b", 7]);
    expect(sheets[0].formats?.[2]).toEqual(["mm-dd-yy", 'yyyy"年"m"月"d"日"', "0.00%", "[h]:mm", "yyyy-mm-dd"]);
    // A12's formula has no cached result: the row counts, the cell is empty; the merged A13:A15 holds nothing
    expect(v.length).toBe(12);
    expect(v[11]).toEqual([]);
    expect(sheets[0].merges).toEqual([
      { top: 6, left: 0, bottom: 7, right: 1 },
      { top: 8, left: 1, bottom: 9, right: 2 },
      { top: 8, left: 3, bottom: 8, right: 4 },
      { top: 12, left: 0, bottom: 14, right: 0 },
    ]);
    expect(await book.readSettings()).toEqual({ aliases: {} });
    expect([...book.markedSheets()]).toEqual([["加分汇总", "ZoneScore.summary"]]);
  });

  test("a formula whose cached result is 0, FALSE or empty text reads as that (ExcelJS's model read it as empty)", async () => {
    const bytes = handPackage(
      [
        {
          name: "零",
          data:
            `<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c>` +
            `<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><v>0</v></c></row>`,
        },
      ],
      {},
    );
    const { fresh, former } = await both(bytes);
    expect(former[0].values).toEqual([[null, null, null, 0]]);
    expect(fresh[0].values).toEqual([[0, false, null, 0]]);
  });

  test("Chinese Excel's built-in date formats (ids 27–36, 50–58, not written into styles.xml) make dates; ExcelJS read numbers", async () => {
    // what Excel in Chinese writes when 2024年3月5日, 3月5日, 9时30分 or 2024年3月 is typed: a built-in id, no <numFmt>
    const ids = [31, 58, 32, 27, 36, 50, 57, 28, 35];
    const styles =
      `<styleSheet ${NS}><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>` +
      `<borders count="1"><border/></borders><cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>` +
      `${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`;
    const cells = ids.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>45356.25</v></c>`);
    const bytes = handPackage([{ name: "日期", data: `<row r="1">${cells.join("")}<c r="J1"><v>7</v></c></row>` }], {
      styles,
    });
    const { fresh, former } = await both(bytes);
    expect(former[0].formats?.[0] ?? []).toEqual([]);
    const formats = fresh[0].formats?.[0] ?? [];
    expect(formats).toHaveLength(ids.length);
    expect(formats.every((f) => formatKind(f) === "date")).toBe(true);
    expect(formats[0]).toBe('yyyy"年"m"月"d"日"');
    expect(fresh[0].values[0]).toEqual([...ids.map(() => 45356.25), 7]);
  });

  test("rows and cells without references (each follows the one before) are read; ExcelJS refused them", async () => {
    const bytes = handPackage(
      [
        {
          name: "共享公式",
          data:
            `<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c></row>` +
            `<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>` +
            `<row><c t="s"><v>0</v></c><c><f t="shared" si="0"/><v>0</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row>`,
        },
      ],
      { strings: STRINGS },
    );
    await expect(ExcelJsBook.load(ExcelJS, bytes, { model: true })).rejects.toThrow();
    const sheets = await (await ExcelJsBook.load(ExcelJS, bytes)).readSheets();
    expect(sheets[0].values).toEqual([
      [2, 4],
      [3, 6],
      ["开发区", 0, undefined, 4, 5],
    ]);
  });
});
