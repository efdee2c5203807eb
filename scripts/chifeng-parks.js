// The chifeng-2020 input the benchmarks score: n parks from the sample rows, a vetoed park every 97. `b` loads a module
// of the engine build being measured (bench-ties and bench-plan load an old build and this one side by side).
"use strict";
function chifengParks(b, n) {
  const { getBuiltInScheme } = b("schemes");
  const { check } = b("engine/pipeline");
  const { tableSheet, templateColumns } = b("engine/output/template");
  const { chifengSampleRows } = b("samples/chifeng-2020");
  const scheme = getBuiltInScheme("chifeng-2020");
  const base = chifengSampleRows();
  const zr = [];
  for (let i = 0; i < n; i++)
    zr.push({ ...base[i % base.length], name: `园区${i + 1}`, accident: "否", pollution: i % 97 === 0 ? "是" : "否" });
  const s = tableSheet("parks", "园区指标", templateColumns(scheme.tables.find((t) => t.id === "parks")), zr);
  const params = {
    ...s,
    key: "params",
    name: "参数",
    values: [["考评年度", 2023]],
    merges: [],
    styles: [],
    widths: [],
  };
  params.numberFormats = [];
  params.links = [];
  const sheets = [
    { name: "参数", originRow: 0, originCol: 0, values: [["考评年度", 2023]], merges: [] },
    { name: s.name, originRow: 0, originCol: 0, values: s.values, merges: s.merges },
  ];
  const c = check(sheets, scheme, { year: 2023 });
  if (c.errors) throw new Error("errors");
  // the same sheets as a plan, for a workbook file (bench-recalc)
  return { scheme, sheets, dataset: c.dataset, input: { sheets: [params, s] } };
}
module.exports = { chifengParks };
