import fc from "fast-check";
import { check } from "../../src/engine/pipeline";
import type { CellValue, SheetData } from "../../src/engine/types";
import { a1 } from "../../src/engine/read/normalise";
import { getBuiltInScheme } from "../../src/schemes";

const huaibei = getBuiltInScheme("huaibei-2023")!;
const ZH = [
  "开发区",
  "本年规上工业产值（亿元）",
  "上年规上工业产值（亿元）",
  "新开工建设工业项目（个）",
  "规上工业企业（家）",
  "盘活闲置低效用地任务完成",
];
const sheet = (name: string, values: CellValue[][]): SheetData => ({
  name,
  originRow: 0,
  originCol: 0,
  values,
  merges: [],
});

function book(zones: CellValue[][]): SheetData[] {
  const names = zones.map((z) => z[0]);
  return [
    sheet("参数", [["考评年度", 2023]]),
    sheet("开发区指标", [ZH, ...zones]),
    sheet("项目清单", [
      ["项目名称", "所属开发区", "计划总投资（亿元）", "当年完成固定资产投资（亿元）", "是否纳统", "是否制造业"],
    ]),
    sheet("企业清单", [
      ["企业名称", "统一社会信用代码", "所属开发区", "营业收入（亿元）", "此前最高营业收入（亿元）", "是否制造业"],
    ]),
    sheet("目标一览表", [
      ["开发区", "2023年规上工业产值（亿元）", "每年新开工建设工业项目（个）", "2023年规上工业企业（家）"],
      ...names.map((n) => [n, 100, 10, 50]),
    ]),
  ];
}

// valid zones: distinct names, plausible growth (within the year-on-year bounds), counts ≥ 0, yes/no
const zone = (i: number) =>
  fc
    .tuple(
      fc.integer({ min: 50, max: 500 }),
      fc.double({ min: 0.85, max: 1.5, noNaN: true }),
      fc.nat(80),
      fc.nat(300),
      fc.constantFrom("是", "否", "√", "×", "Y", "N", 1, 0, true, false),
    )
    .map(([prev, g, p, e, b]) => [`第${i + 1}开发区`, Math.round(prev * g * 100) / 100, prev, p, e, b] as CellValue[]);
const validZones = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => zone(i))));

test("a valid sheet yields no error", () => {
  fc.assert(
    fc.property(validZones, (zones) => {
      const r = check(book(zones), huaibei);
      expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    }),
    { numRuns: 80 },
  );
});

const invalid = fc.constantFrom<CellValue>(
  "八十",
  "n/a?",
  "12亿x",
  { error: "#N/A" },
  { error: "#DIV/0!" },
  "#REF!",
  "约100",
);
test("every cell made invalid on purpose yields a finding at exactly that cell", () => {
  fc.assert(
    fc.property(validZones, fc.nat(), fc.integer({ min: 1, max: 5 }), invalid, (zones, r, c, bad) => {
      const row = r % zones.length;
      const z = zones.map((x) => [...x]);
      z[row][c] = c === 5 && typeof bad === "string" ? "也许" : bad;
      const res = check(book(z), huaibei);
      const cell = a1(row + 1, c);
      const at = res.issues.filter((i) => i.sheet === "开发区指标" && i.cell === cell && i.severity === "error");
      expect(at.length).toBe(1);
      // and nowhere else in that sheet
      expect(res.issues.filter((i) => i.severity === "error" && i.sheet === "开发区指标" && i.cell !== cell)).toEqual(
        [],
      );
    }),
    { numRuns: 120 },
  );
});

const anyCell = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom<CellValue>(
    ...ZH,
    "总计",
    "合计",
    "其中：",
    "注：说明",
    "单位：万元",
    "2023年",
    "本年",
    "上年",
    "（亿元）",
    "考评年度",
    { error: "#N/A" },
    "１２３",
    "(5)",
    "3亿元",
    "12%",
    "是",
    "否",
  ),
);
const anyGrid = fc.array(fc.array(anyCell, { maxLength: 9 }), { maxLength: 14 });
const anyMerges = fc.array(
  fc
    .record({ top: fc.nat(12), left: fc.nat(8), h: fc.nat(2), w: fc.nat(3) })
    .map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  { maxLength: 4 },
);

test("random sheets never make the reader or the checks throw", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom("参数", "开发区指标", "项目清单", "企业清单", "目标一览表", "其他"),
          anyGrid,
          fc.option(anyMerges, { nil: null }),
          fc.nat(5),
          fc.nat(5),
        ),
        { maxLength: 5 },
      ),
      (specs) => {
        const seen = new Set<string>();
        const sheets: SheetData[] = [];
        for (const [name, values, merges, r0, c0] of specs) {
          if (seen.has(name)) continue;
          seen.add(name);
          sheets.push({ name, originRow: r0, originCol: c0, values, merges });
        }
        for (const scheme of ["huaibei-2023", "chifeng-2020", "mujun-template"]) {
          const r = check(sheets, getBuiltInScheme(scheme)!, { year: 2023 });
          for (const i of r.issues) expect(typeof i.message).toBe("string");
        }
      },
    ),
    { numRuns: 150 },
  );
});
