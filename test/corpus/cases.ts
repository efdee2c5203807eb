/**
 * The corpus: workbooks in the layouts officials really send, each with the findings expected from it (severity,
 * code, sheet and cell), built in code. corpus.test.ts checks the findings; test/workbook/reader-parity.test.ts
 * writes each to an .xlsx and reads it with both readers.
 */
import { check } from "../../src/engine/pipeline";
import type { CellValue, Rect, SheetData } from "../../src/engine/types";
import { getBuiltInScheme } from "../../src/schemes";
import { makeUscc, usccCheckChar } from "../../src/engine/read/uscc";
import { huaibeiSamplePlan } from "../../src/samples/huaibei-2023";
import type { MappingFile } from "../../src/engine/read/workbook";
import { planSheets } from "../helpers";

type Grid = CellValue[][];
const sheet = (name: string, values: Grid, merges: Rect[] = []): SheetData => ({
  name,
  originRow: 0,
  originCol: 0,
  values,
  merges,
});
export const huaibei = getBuiltInScheme("huaibei-2023")!;
const chifeng = getBuiltInScheme("chifeng-2020")!;
const mujun = getBuiltInScheme("mujun-template")!;

const OK1 = makeUscc("91340600", "MA2N0QX1");
const OK2 = makeUscc("91340600", "MA2N1B2C");
const ZH = [
  "开发区",
  "本年规上工业产值（亿元）",
  "上年规上工业产值（亿元）",
  "新开工建设工业项目（个）",
  "规上工业企业（家）",
  "盘活闲置低效用地任务完成",
];
const zonesRows = (): Grid => [
  ["甲开发区", 120, 100, 20, 60, "是"],
  ["乙开发区", 80, 70, 12, 40, "否"],
  ["丙开发区", 60, 55, 8, 30, "是"],
  ["丁开发区", 45, 40, 6, 25, "否"],
];
interface Book {
  params?: Grid;
  zones?: Grid;
  projects?: Grid;
  enterprises?: Grid;
  targets?: Grid;
  extra?: SheetData[];
  zoneMerges?: Rect[];
}
function book(b: Book = {}): SheetData[] {
  const out = [
    sheet("参数", b.params ?? [["考评年度", 2023]]),
    sheet("开发区指标", b.zones ?? [ZH, ...zonesRows()], b.zoneMerges),
    sheet(
      "项目清单",
      b.projects ?? [
        ["项目名称", "所属开发区", "计划总投资（亿元）", "当年完成固定资产投资（亿元）", "是否纳统", "是否制造业"],
        ["一号项目", "甲开发区", 120, 25, "是", "是"],
      ],
    ),
    sheet(
      "企业清单",
      b.enterprises ?? [
        ["企业名称", "统一社会信用代码", "所属开发区", "营业收入（亿元）", "此前最高营业收入（亿元）", "是否制造业"],
        ["甲公司", OK1, "甲开发区", 105, 80, "是"],
        ["乙公司", OK2, "乙开发区", 30, 20, "是"],
      ],
    ),
    sheet(
      "目标一览表",
      b.targets ?? [
        ["开发区", "2023年规上工业产值（亿元）", "每年新开工建设工业项目（个）", "2023年规上工业企业（家）"],
        ["甲开发区", 110, 15, 50],
        ["乙开发区", 90, 10, 45],
        ["丙开发区", 50, 8, 30],
        ["丁开发区", 40, 5, 20],
      ],
    ),
  ];
  return [...out, ...(b.extra ?? [])];
}
const without = (sheets: SheetData[], name: string) => sheets.filter((s) => s.name !== name);
const zonesWith = (f: (g: Grid) => void): Grid => {
  const g = [ZH, ...zonesRows()];
  f(g);
  return g;
};

export interface Case {
  name: string;
  sheets: SheetData[];
  scheme?: typeof huaibei;
  mapping?: MappingFile;
  year?: number;
  /** [severity, code, sheet, cell] */
  expect: Array<[string, string, string, string]>;
  /** also compare info notes */
  infos?: boolean;
  /** more to check on the dataset */
  also?: (r: ReturnType<typeof check>) => void;
}

const chifengBook = (f?: (rows: Grid, header: CellValue[]) => void): SheetData[] => {
  const header: CellValue[] = [
    "园区",
    "新增工业总产值（亿元）",
    "工业总产值增速（%）",
    "上缴税金总额（亿元）",
    "上缴税金增速（%）",
    "就业人员增速（%）",
    "建成区亩均工业总产值（万元/亩）",
    "建成区亩均固定资产投资（万元/亩）",
    "建成区亩均税收（万元/亩）",
    "当年招商引资项目数量（个）",
    "产业链延伸企业（项目）引入数（户）",
    "工业固定资产投资增速（%）",
    "基础设施建设投资增速（%）",
    "新增基础设施建设投资总额（亿元）",
    "新增高新技术企业数（户）",
    "新增省级以上研发机构数（户）",
    "当年招商引资项目数量得分",
    "产业链延伸企业引入数得分",
  ];
  const rows: Grid = [];
  for (let i = 0; i < 12; i++)
    rows.push([
      `第${i + 1}园区`,
      10 + i * 1.7,
      5 + (i % 5) * 2.1,
      2 + i * 0.4,
      3 + (i % 4) * 1.3,
      1 + (i % 3) * 0.7,
      300 + i * 21,
      150 + i * 13,
      10 + i * 1.1,
      3 + i,
      1 + (i % 4),
      4 + i * 0.9,
      2 + (i % 6) * 1.5,
      1 + i * 0.3,
      i % 3,
      i % 2,
      // 3.1 / 3.2: the bureau's points (附件1 三、3, the scheme's default reading)
      Math.min(10, 3 + i * 0.5),
      Math.min(10, 2 + (i % 4) * 2),
    ]);
  f?.(rows, header);
  return [sheet("参数", [["考评年度", 2020]]), sheet("园区指标", [header, ...rows])];
};

export const CASES: Case[] = [
  { name: "a clean workbook", sheets: book(), expect: [] },
  {
    name: "the Huaibei annex exactly as printed (merged two-row header, names with line breaks, its own 总计 row)",
    sheets: planSheets(huaibeiSamplePlan(huaibei)),
    expect: [["warning", "total-mismatch", "目标一览表", "H10"]],
  },
  {
    name: "a header spread over three rows with merges",
    sheets: book({
      zones: [
        ["开发区", "主要指标", null, null, null, "盘活闲置低效用地任务完成"],
        [null, "规上工业产值（亿元）", null, "新开工建设工业项目（个）", "规上工业企业（家）", null],
        [null, "本年", "上年", null, null, null],
        ...zonesRows(),
      ],
      zoneMerges: [
        { top: 0, left: 0, bottom: 2, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 2, right: 5 },
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
        { top: 1, left: 4, bottom: 2, right: 4 },
      ],
    }),
    expect: [],
    also: (r) =>
      expect(
        r.dataset!.tables.zones.rows.map((x) => [x.values.output, x.values.outputPrev, x.values.newProjects]),
      ).toEqual([
        [120, 100, 20],
        [80, 70, 12],
        [60, 55, 8],
        [45, 40, 6],
      ]),
  },
  {
    name: "a unit given once in a note above the table (单位：万元) converts the columns without their own",
    sheets: book({
      zones: [
        ["2023年开发区指标"],
        ["填报单位：市发改委", null, "单位：万元"],
        [
          "开发区",
          "本年规上工业产值",
          "上年规上工业产值",
          "新开工建设工业项目（个）",
          "规上工业企业（家）",
          "盘活闲置低效用地任务完成",
        ],
        ...zonesRows().map((r) => [r[0], (r[1] as number) * 10000, (r[2] as number) * 10000, ...r.slice(3)]),
      ],
    }),
    expect: [
      ["info", "unit-converted", "开发区指标", "B3"],
      ["info", "unit-converted", "开发区指标", "C3"],
    ],
    infos: true,
    also: (r) => expect(r.dataset!.tables.zones.rows[0].values.output).toBe(120),
  },
  {
    name: "a totals row that is wrong by 1",
    sheets: book({ zones: [...zonesWith(() => undefined), ["合计", 305, 265, 47, 155, null]] }),
    expect: [["warning", "total-mismatch", "开发区指标", "D6"]],
  },
  {
    name: "a totals row that differs only by rounding",
    sheets: book({ zones: [...zonesWith((g) => (g[1][1] = 120.3)), ["合计", 305, 265, 46, 155, null]] }),
    expect: [],
  },
  {
    name: "万元 typed into an 亿元 column",
    sheets: book({ zones: zonesWith((g) => ((g[3][1] = 600000), (g[3][2] = 550000))) }),
    expect: [
      ["warning", "scale-outlier", "开发区指标", "B4"],
      ["warning", "scale-outlier", "开发区指标", "C4"],
    ],
  },
  {
    name: "names with line breaks and full-width brackets in the target table",
    sheets: book({
      targets: [
        ["开发区", "2023年规上工业产值（亿元）", "每年新开工建设工业项目（个）", "2023年规上工业企业（家）"],
        ["甲开发\n区", 110, 15, 50],
        ["乙开发区 ", 90, 10, 45],
        ["丙开发区", 50, 8, 30],
        ["丁\n开发区", 40, 5, 20],
      ],
    }),
    expect: [],
  },
  {
    name: "a number typed as words",
    sheets: book({ zones: zonesWith((g) => (g[2][1] = "八十")) }),
    // the error, and (from scoring with --force) the rule that cannot judge that cell
    expect: [
      ["error", "not-a-number", "开发区指标", "B3"],
      ["warning", "cannot-evaluate", "开发区指标", "B3"],
    ],
  },
  {
    name: "a missing required value",
    sheets: book({ zones: zonesWith((g) => (g[4][4] = null)) }),
    expect: [["error", "missing-value", "开发区指标", "E5"]],
  },
  {
    name: "an Excel error value",
    sheets: book({ zones: zonesWith((g) => (g[1][3] = { error: "#N/A" })) }),
    expect: [["error", "excel-error", "开发区指标", "D2"]],
  },
  {
    name: "a duplicate zone after normalising spaces",
    sheets: book({ zones: zonesWith((g) => g.push(["乙 开发区", 1, 1, 1, 1, "否"])) }),
    expect: [["error", "duplicate-entity", "开发区指标", "A6"]],
  },
  {
    name: "a project in an unknown zone",
    sheets: book({
      projects: [
        ["项目名称", "所属开发区", "计划总投资（亿元）", "当年完成固定资产投资（亿元）", "是否纳统", "是否制造业"],
        ["一号项目", "戊开发区", 120, 25, "是", "是"],
      ],
    }),
    expect: [["error", "unknown-entity", "项目清单", "B2"]],
    also: (r) => expect(r.issues[0].fix).toBeUndefined(),
  },
  {
    name: "a short form of a zone's name gets a suggestion",
    sheets: book({
      projects: [
        ["项目名称", "所属开发区", "计划总投资（亿元）", "当年完成固定资产投资（亿元）", "是否纳统", "是否制造业"],
        ["一号项目", "甲区", 120, 25, "是", "是"],
      ],
    }),
    expect: [["error", "unknown-entity", "项目清单", "B2"]],
    also: (r) => expect(r.issues.find((i) => i.code === "unknown-entity")!.fix).toBe("甲开发区"),
  },
  {
    name: "a recorded alias resolves a short form",
    sheets: book({
      projects: [
        ["项目名称", "所属开发区", "计划总投资（亿元）", "当年完成固定资产投资（亿元）", "是否纳统", "是否制造业"],
        ["一号项目", "甲区", 120, 25, "是", "是"],
      ],
    }),
    mapping: { aliases: { 甲区: "甲开发区" } },
    expect: [],
    also: (r) => expect(r.dataset!.tables.projects.rows[0].entity).toBe(0),
  },
  {
    name: "a credit code with a wrong check character",
    sheets: book({
      enterprises: [
        ["企业名称", "统一社会信用代码", "所属开发区", "营业收入（亿元）", "此前最高营业收入（亿元）", "是否制造业"],
        ["甲公司", OK1.slice(0, 17) + (OK1[17] === "0" ? "1" : "0"), "甲开发区", 105, 80, "是"],
      ],
    }),
    expect: [["warning", "uscc-check", "企业清单", "B2"]],
  },
  {
    name: "a credit code whose inner organisation code fails GB 11714",
    sheets: (() => {
      const body = "91340600MA2N0QX1" + "9";
      const bad = body + usccCheckChar(body);
      return book({
        enterprises: [
          ["企业名称", "统一社会信用代码", "所属开发区", "营业收入（亿元）", "此前最高营业收入（亿元）", "是否制造业"],
          ["甲公司", bad, "甲开发区", 105, 80, "是"],
        ],
      });
    })(),
    expect: OK1[16] === "9" ? [] : [["warning", "uscc-org-check", "企业清单", "B2"]],
  },
  {
    name: "the same credit code twice",
    sheets: book({
      enterprises: [
        ["企业名称", "统一社会信用代码", "所属开发区", "营业收入（亿元）", "此前最高营业收入（亿元）", "是否制造业"],
        ["甲公司", OK1, "甲开发区", 105, 80, "是"],
        ["甲公司分厂", OK1, "乙开发区", 10, 8, "是"],
      ],
    }),
    expect: [["warning", "uscc-duplicate", "企业清单", "B3"]],
  },
  {
    name: "a credit code of the wrong length",
    sheets: book({
      enterprises: [
        ["企业名称", "统一社会信用代码", "所属开发区", "营业收入（亿元）", "此前最高营业收入（亿元）", "是否制造业"],
        ["甲公司", "9134060012345", "甲开发区", 105, 80, "是"],
      ],
    }),
    expect: [["warning", "uscc-length", "企业清单", "B2"]],
  },
  {
    name: "a total that cannot be negative",
    sheets: [sheet("参数", [["考评年度", 2020]]), ...chifengBook((rows) => (rows[2][3] = -1.5)).slice(1)],
    scheme: chifeng,
    expect: [["error", "negative-amount", "园区指标", "D4"]],
  },
  {
    name: "names that differ only in spaces, width or brackets are matched, and said once",
    sheets: book({
      projects: [
        ["项目名称", "所属开发区", "计划总投资（亿元）", "当年完成固定资产投资（亿元）", "是否纳统", "是否制造业"],
        ["一号项目", "甲 开发区", 120, 25, "是", "是"],
        ["二号项目", "甲 开发区", 60, 12, "是", "是"],
      ],
    }),
    expect: [
      ["info", "name-variant", "项目清单", "B2"],
      ["info", "unmapped-column", "开发区指标", "F1"],
    ].filter((x) => x[1] === "name-variant") as Array<[string, string, string, string]>,
    infos: true,
    also: (r) => expect(r.dataset!.tables.projects.rows.map((x) => x.entity)).toEqual([0, 0]),
  },
  {
    name: "a negative count",
    sheets: book({ zones: zonesWith((g) => (g[2][3] = -2)) }),
    expect: [["error", "negative-count", "开发区指标", "D3"]],
  },
  {
    name: "a yes/no cell that is neither",
    sheets: book({ zones: zonesWith((g) => (g[1][5] = "也许")) }),
    expect: [["error", "not-yes-no", "开发区指标", "F2"]],
  },
  {
    name: "numbers typed as text: thousands separators, full-width digits, spaces",
    sheets: book({
      zones: zonesWith(
        (g) => ((g[1][1] = "1,20"), (g[1][1] = "１２０"), (g[2][1] = " 80 "), (g[3][3] = "8"), (g[4][1] = "4５")),
      ),
    }),
    expect: [],
    also: (r) => expect(r.dataset!.tables.zones.rows.map((x) => x.values.output)).toEqual([120, 80, 60, 45]),
  },
  {
    name: "an accounting negative (5) that makes this year fall by 105 %",
    sheets: book({ zones: zonesWith((g) => (g[3][1] = "(5)")) }),
    expect: [["warning", "yoy-jump", "开发区指标", "B4"]],
  },
  {
    name: "growth above +300 % year on year",
    sheets: book({ zones: zonesWith((g) => (g[4][1] = 200)) }),
    expect: [["warning", "yoy-jump", "开发区指标", "B5"]],
  },
  {
    name: "units typed in cells: 3亿元, 500万元 are converted; 80亩 in an 亿元 column is an error",
    sheets: book({ zones: zonesWith((g) => ((g[1][1] = "120亿元"), (g[2][2] = "700000万元"), (g[3][1] = "80亩"))) }),
    expect: [
      ["error", "unit-in-cell", "开发区指标", "B4"],
      ["warning", "cannot-evaluate", "开发区指标", "B4"],
    ],
    also: (r) => {
      const z = r.dataset!.tables.zones.rows;
      expect([z[0].values.output, z[1].values.outputPrev, z[2].values.output]).toEqual([120, 70, null]);
    },
  },
  {
    name: "a header unit that cannot be converted (亩 for an 亿元 indicator)",
    sheets: book({ zones: [[ZH[0], "本年规上工业产值（亩）", ...ZH.slice(2)], ...zonesRows()] }),
    expect: [
      ["error", "unit-mismatch", "开发区指标", "B1"],
      ["error", "missing-column", "开发区指标", "A1"],
    ],
  },
  {
    name: "a required column that is missing",
    sheets: book({ zones: [ZH.filter((_, i) => i !== 3), ...zonesRows().map((r) => r.filter((_, i) => i !== 3))] }),
    expect: [["error", "missing-column", "开发区指标", "A1"]],
  },
  {
    name: "a table that is missing",
    sheets: without(book(), "企业清单"),
    expect: [["error", "missing-table", "", ""]],
  },
  {
    name: "two columns that could both be one indicator",
    sheets: book({ zones: [[...ZH, "规上工业产值（亿元）"], ...zonesRows().map((r) => [...r, 1])] }),
    expect: [["warning", "ambiguous-column", "开发区指标", "G1"]],
  },
  {
    name: "title rows, blank rows and columns, and footnotes after the table",
    sheets: book({
      zones: [
        ["2023年开发区主要指标完成情况"],
        [],
        [null, ...ZH],
        ...zonesRows().map((r) => [null, ...r]),
        [],
        ["注：数据来源于市统计局。"],
        [null, "本表不含飞地园区", 999],
      ],
    }),
    expect: [],
    also: (r) => expect(r.dataset!.tables.zones.rows).toHaveLength(4),
  },
  {
    name: "合计 and 其中 rows are checked, not scored",
    sheets: book({
      zones: [
        ...zonesWith(() => undefined),
        ["合计", 305, 265, 46, 155, null],
        ["其中：省级开发区", 200, 170, 32, 100, null],
      ],
    }),
    expect: [],
    also: (r) => expect(r.dataset!.tables.zones.rows).toHaveLength(4),
  },
  {
    name: "a missing evaluation year",
    sheets: book({ params: [["备注", "无"]] }),
    expect: [["error", "missing-year", "", ""]],
  },
  {
    name: "--year stands in for a missing evaluation year",
    sheets: book({ params: [["备注", "无"]] }),
    year: 2023,
    expect: [],
  },
  {
    name: "a confirmed mapping for headers the reader cannot guess",
    sheets: book({ zones: [["开发区", "指标1", "指标2", "指标3", "指标4", "指标5"], ...zonesRows()] }),
    mapping: {
      tables: {
        zones: {
          sheet: "开发区指标",
          columns: { name: "A", output: "B", outputPrev: "C", newProjects: "D", enterprises: "E", landTask: "F" },
        },
      },
    },
    expect: [],
  },
  {
    name: "a target series that does not rise",
    sheets: book({
      targets: [
        [
          "开发区",
          "2022年规上工业产值（亿元）",
          "2023年规上工业产值（亿元）",
          "2024年规上工业产值（亿元）",
          "每年新开工建设工业项目（个）",
          "2023年规上工业企业（家）",
        ],
        ["甲开发区", 100, 110, 105, 15, 50],
        ["乙开发区", 80, 90, 95, 10, 45],
        ["丙开发区", 40, 50, 60, 8, 30],
        ["丁开发区", 30, 40, 50, 5, 20],
      ],
    }),
    expect: [["warning", "series-not-rising", "目标一览表", "D2"]],
  },
  {
    name: "a constant column",
    sheets: book({ zones: [[...ZH, "综合考评基础得分"], ...zonesRows().map((r) => [...r, 70])] }),
    expect: [["warning", "constant-column", "开发区指标", "G1"]],
  },
  {
    name: "an optional column with low coverage",
    sheets: book({
      zones: [[...ZH, "亩均税收（万元/亩）"], ...zonesRows().map((r, i) => [...r, i === 0 ? 25 : null])],
    }),
    expect: [["warning", "low-coverage", "开发区指标", "G1"]],
  },
  { name: "chifeng: a clean 12-park sheet", sheets: chifengBook(), scheme: chifeng, expect: [] },
  {
    // issue 9 §3: a bureau score above its maximum is found by check, not only by score
    name: "chifeng: a bureau score above its maximum (3.1 given 12 of 10)",
    sheets: chifengBook((rows) => (rows[1][16] = 12)),
    scheme: chifeng,
    expect: [["warning", "entered-out-of-range", "园区指标", "Q3"]],
  },
  {
    name: "chifeng: an unrecognised recognition level and a park the policy does not evaluate yet",
    sheets: chifengBook((rows, header) => {
      header.push("绿色园区认定");
      rows.forEach((r, i) => r.push(i === 2 ? "市县级" : null));
      rows[5][0] = "喀喇沁旗新材料产业园";
    }),
    scheme: chifeng,
    expect: [
      ["warning", "unknown-level", "园区指标", "S4"],
      ["warning", "excluded-unit", "园区指标", "A7"],
    ],
  },
  {
    name: "chifeng: one extreme value flagged by skewness and kurtosis",
    sheets: chifengBook((rows) => (rows[4][1] = 400)),
    scheme: chifeng,
    expect: [["warning", "outlier", "园区指标", "B6"]],
  },
  {
    name: "chifeng: growth rates typed as fractions (0.052 for 5.2 %)",
    sheets: chifengBook((rows) => rows.forEach((r) => (r[2] = Math.round((r[2] as number) * 10) / 1000))),
    scheme: chifeng,
    expect: [["warning", "percent-as-fraction", "园区指标", "C1"]],
    also: (r) => expect(r.dataset!.tables.parks.rows[0].values.outputGrowth).toBeCloseTo(5, 9),
  },
  {
    name: "mujun: a share above 100 %",
    sheets: [
      sheet("参数", [["考评年度", 2023]]),
      sheet("企业", [
        [
          "企业名称",
          "亩均税收（万元/亩）",
          "亩均增加值（万元/亩）",
          "全员劳动生产率（万元/人）",
          "单位能耗增加值（万元/吨标准煤）",
          "R&D经费支出占营业收入比重（%）",
        ],
        ["甲公司", 20, 90, 30, 2, 3.5],
        ["乙公司", 18, 80, 35, 2.2, 120],
        ["丙公司", 25, 95, 32, 2.4, 4],
      ]),
    ],
    scheme: mujun,
    // the sheet has no 单位排放增加值 column: scoring cannot judge m.vaPerEmission (warned at the header row)
    expect: [
      ["error", "share-out-of-range", "企业", "F3"],
      ["warning", "cannot-evaluate", "企业", "A1"],
    ],
  },
];
