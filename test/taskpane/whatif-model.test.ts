/**
 * The 推演 view's pure helpers: typed text as a field's value, keystrokes in one cell as one change (undo goes back to
 * the value before the edit), the comparison sentences; and cell patches applied to sheets read before (Excel edits).
 */
import { runScenario, startWhatIf, type Change } from "../../src/engine/whatif";
import { checkAndScore } from "../../src/engine/pipeline";
import { patchSheets } from "../../src/workbook/office-watch";
import {
  announceLine,
  copyRowChange,
  editableFields,
  parseField,
  removeRowChange,
  unitLines,
  withEdit,
} from "../../src/taskpane/whatif-model";
import { huaibei, sampleSheets } from "../helpers";

test("parseField: numbers (blank = empty), counts not negative, yes/no, text; anything else is refused", () => {
  const f = (type: "number" | "count" | "bool" | "text") => ({ id: "x", name: "x", type });
  expect(parseField(f("number"), " 1,234.5 ")).toBe(1234.5);
  expect(parseField(f("number"), "")).toBe(null);
  expect(parseField(f("number"), "12a")).toBeUndefined();
  expect(parseField(f("count"), "-1")).toBeUndefined();
  expect(parseField(f("count"), "3")).toBe(3);
  expect(parseField(f("bool"), "yes")).toBe(true);
  expect(parseField(f("bool"), "no")).toBe(false);
  expect(parseField(f("bool"), "maybe")).toBeUndefined();
  expect(parseField(f("text"), " 国家级 ")).toBe("国家级");
});

test("editable fields leave out the name columns", () => {
  const ids = editableFields(huaibei, huaibei.entityTable).map((f) => f.id);
  expect(ids).toContain("output");
  expect(ids).not.toContain("name");
});

test("keystrokes in one cell are one change; another cell is another; undo removes the whole edit", () => {
  const set = (field: string, value: number): Change => ({ op: "set", table: "zones", key: "烈山", field, value });
  let c: Change[] = [];
  for (const v of [1, 17, 170]) c = withEdit(c, set("output", v));
  expect(c).toEqual([set("output", 170)]);
  c = withEdit(c, set("newProjects", 20));
  c = withEdit(c, set("output", 180));
  expect(c).toEqual([set("output", 170), set("newProjects", 20), set("output", 180)]);
});

test("the sentences: rank with the arrow, total with the difference, awards, each rule; the announcement", () => {
  const r = checkAndScore(sampleSheets(), huaibei, {});
  const w = startWhatIf(huaibei, r.dataset!, { lang: "zh" }, r.run!);
  const i = r.run!.entities.findIndex((e) => e.name === "烈山经济开发区");
  const s = runScenario(w, [
    { op: "set", table: huaibei.entityTable, key: "烈山经济开发区", field: "output", value: 200 },
    { op: "set", table: huaibei.entityTable, key: "烈山经济开发区", field: "intensive", value: true },
  ]);
  const lines = unitLines(s.diff.unit(i), "zh");
  expect(lines[0]).toBe("名次：4 → 3 ↑1");
  expect(lines[1]).toBe("总分：121.50 → 131.50（+10 分）");
  // the flag award, and 薪酬考核加分 (ranked by completion, which the output lifts), with the sums per unit
  expect(lines[2]).toBe(
    "奖励：新获 集约评价用地指标 200 亩；新获 薪酬考核加分 1 分（薪酬考核）；+200 亩；+1 分（薪酬考核）",
  );
  expect(lines.slice(3).some((l) => l.includes("+10 分"))).toBe(true);
  expect(announceLine(s.diff.unit(i), "en")).toBe("烈山经济开发区: rank 3 ↑1, total 131.50 (+10 points)");
});

test("patches: cells replaced in a copy; a cell beyond the block grows it; other sheets ignored", () => {
  const sheets = [
    { name: "a", originRow: 1, originCol: 1, values: [[1, 2]], merges: null, formats: [[undefined, "0%"]] },
  ];
  const out = patchSheets(sheets, [
    { sheet: "a", row: 1, col: 2, values: [[9]], formats: [[undefined]] },
    { sheet: "a", row: 3, col: 0, values: [["x"]], formats: [[undefined]] },
    { sheet: "a", row: 2, col: 1, values: [[45356]], formats: [["yyyy/m/d"]] },
    { sheet: "b", row: 0, col: 0, values: [[5]], formats: [[undefined]] },
  ]);
  expect(sheets[0].values).toEqual([[1, 2]]);
  expect(sheets[0].formats).toEqual([[undefined, "0%"]]);
  expect(out[0]).toMatchObject({ originRow: 1, originCol: 0 });
  expect(out[0].values).toEqual([
    [null, 1, 9],
    [null, 45356, null],
    ["x", null, null],
  ]);
  // formats move with their cells when the block grows; a patched cell takes the format it has now
  expect(out[0].formats?.[0]?.[2]).toBeUndefined(); // was "0%", now 9 in a General cell
  expect(out[0].formats?.[1]?.[1]).toBe("yyyy/m/d"); // a date typed into the sheet
  expect(out[0].formats?.[2]?.[0]).toBeUndefined();
});

test("one more row like this one (a unique name, editable by it), and a row taken away", () => {
  const r = checkAndScore(sampleSheets(), huaibei, {});
  const w = startWhatIf(huaibei, r.dataset!, { lang: "zh" }, r.run!);
  const list = huaibei.tables.find((x) => x.level === "list")!.id;
  const rows = r.dataset!.tables[list].rows;
  const unit = rows[0].entity;
  const name = r.run!.entities[unit].name;
  let c: Change[] = [copyRowChange(huaibei, list, rows[0], name, [], "zh")];
  c = [...c, copyRowChange(huaibei, list, rows[0], name, c, "zh")];
  const added = runScenario(w, c).data.tables[list].rows.slice(rows.length);
  expect(added.map((x) => [x.name, x.entity])).toEqual([
    [`${rows[0].name}（新增 1）`, unit],
    [`${rows[0].name}（新增 2）`, unit],
  ]);
  // the copy's figures are the row's; it can be edited by its name, and removed
  const field = editableFields(huaibei, list).find((f) => f.type === "number")!.id;
  expect(added[0].values[field]).toBe(rows[0].values[field]);
  c = [...c, { op: "set", table: list, key: added[0].name, field, value: 1 }];
  expect(runScenario(w, c).data.tables[list].rows[rows.length].values[field]).toBe(1);
  c = [...c, removeRowChange(list, added[1], runScenario(w, c).data.tables[list].rows)];
  expect(runScenario(w, c).data.tables[list].rows).toHaveLength(rows.length + 1);
  // the name column names the row: it is not offered, and a change of it is refused
  expect(editableFields(huaibei, list).map((f) => f.id)).not.toContain("name");
  expect(() => runScenario(w, [{ op: "set", table: list, key: rows[0].name, field: "name", value: "x" }])).toThrow(
    "不能修改名称列「项目名称」",
  );
  const gone = runScenario(w, [removeRowChange(list, rows[0], rows)]);
  expect(gone.data.tables[list].rows.map((x) => x.name)).not.toContain(rows[0].name);
});
