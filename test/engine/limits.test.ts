/**
 * Excel's limits on what we write (issue 16.6): 32,767 characters a cell (and a note), 31 a sheet name, 255 a string
 * literal inside a formula. A zone with a very long name (as long as a cell may hold) that is also duplicated and
 * quoted by messages must give a result plan — and a file — within every limit, the quoted text shortened with "…".
 */
import ExcelJS from "exceljs";
import { checkAndScore, plan } from "../../src/engine/pipeline";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { CELL_MAX, FORMULA_LITERAL_MAX, SHEET_NAME_MAX, clipText, formulaString } from "../../src/engine/output/limits";
import type { ResultPlan } from "../../src/engine/output/sheet-plan";
import { book, huaibei } from "../helpers";

const LONG = "濉溪经济开发区".repeat(4681); // 32,767 characters: the most a cell can hold

function longBook() {
  return book({
    zones: [
      { name: LONG, output: 250 },
      { name: LONG, output: 200 },
      { name: "相山经济开发区", output: 180 },
    ],
    projects: [
      { name: LONG, zone: LONG, planned: 100, actual: 20 },
      { name: "P", zone: LONG + "乙", planned: 100, actual: 20 },
    ],
  });
}

function literals(formula: string): string[] {
  return (formula.match(/"(?:[^"]|"")*"/g) ?? []).map((s) => s.slice(1, -1).replace(/""/g, '"'));
}

function expectWithinLimits(p: ResultPlan) {
  let cells = 0;
  for (const s of p.sheets) {
    expect(s.name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    for (const row of s.values)
      for (const v of row)
        if (typeof v === "string") {
          expect(v.length).toBeLessThanOrEqual(CELL_MAX);
          cells++;
        }
    for (const n of s.notes ?? []) expect(n.text.length).toBeLessThanOrEqual(CELL_MAX);
    for (const f of s.formulas ?? [])
      for (const l of literals(f.formula)) expect(l.length).toBeLessThanOrEqual(FORMULA_LITERAL_MAX);
  }
  return cells;
}

describe("the helper", () => {
  test("clipText keeps short text, shortens long text to the limit with an ellipsis, never splits a surrogate pair", () => {
    expect(clipText("甲乙", 5)).toBe("甲乙");
    expect(clipText("a".repeat(10), 5)).toBe("aaaa…");
    expect(clipText("😀😀😀", 4)).toBe("😀…");
    expect(clipText(LONG + "x").length).toBe(CELL_MAX);
  });
  test("formulaString quotes, doubles quotes, and keeps the literal within 255 characters", () => {
    expect(formulaString('他说"好"')).toBe('"他说""好"""');
    const lit = formulaString('"'.repeat(300));
    expect(lit.startsWith('"') && lit.endsWith('"')).toBe(true);
    expect(literals(lit)[0].length).toBeLessThanOrEqual(FORMULA_LITERAL_MAX);
  });
});

test("a zone name as long as a cell allows, duplicated and quoted in messages: every written text within Excel's limits", async () => {
  const sheets = longBook();
  const r = checkAndScore(sheets, huaibei, { force: true });
  expect(r.allIssues.some((i) => i.message.length > CELL_MAX)).toBe(true); // the messages do quote the name
  const p = plan(huaibei, r.run!, { formulas: { data: r.dataset!, sheets } });
  expect(expectWithinLimits(p)).toBeGreaterThan(10);
  // the issues sheet quotes the long name, shortened with an ellipsis
  const issues = p.sheets.find((s) => s.key === "issues")!;
  expect(issues.values.flat().some((v) => typeof v === "string" && v.length === CELL_MAX && v.endsWith("…"))).toBe(
    true,
  );
  // and the file: ExcelJS writes it, and every cell read back holds at most 32,767 characters
  const b = await ExcelJsBook.create(ExcelJS);
  await b.writeResult(p);
  const back = await ExcelJsBook.load(ExcelJS, await b.toBuffer(), { model: true });
  let read = 0;
  back.wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") {
          expect(c.value.length).toBeLessThanOrEqual(CELL_MAX);
          read++;
        }
      }),
    ),
  );
  expect(read).toBeGreaterThan(10);
});
