/** zonescore whatif / sensitivity, run in process through main(): strict parsing, the input never written. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ExcelJsBook } from "../../src/workbook/exceljs";
import { samplePlan } from "../../src/samples";
import { huaibei } from "../helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-whatif-"));
const input = path.join(tmp, "huaibei.xlsx");

async function zs(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  const book = await ExcelJsBook.create(ExcelJS);
  await book.addSheets(samplePlan(huaibei)!);
  fs.writeFileSync(input, await book.toBuffer());
});

/** one edit: 烈山's output to 190 */
const RAISE_LIESHAN = ["whatif", input, "--scheme", "huaibei-2023", "--set", "烈山经济开发区/规上工业产值=190"];

test("whatif: one edit moves 烈山 up a place; the others who moved are listed; the input is untouched", async () => {
  const before = fs.readFileSync(input);
  const r = await zs(...RAISE_LIESHAN);
  expect(r.code).toBe(0);
  expect(r.out).toContain("烈山经济开发区：名次 4 → 3 ↑1  总分 121.5 → 131.5 (+10)");
  expect(r.out).toContain("2.1: 0 → 10 (+10)");
  expect(r.out).toMatch(/名次变动：烈山经济开发区 ↑1；淮北高新技术产业开发区 ↓1/);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
});

test("whatif --lang en: the comparison is English but for the units' names", async () => {
  const r = await zs(...RAISE_LIESHAN, "--lang", "en");
  expect(r.code).toBe(0);
  expect(r.out).toContain("烈山经济开发区: rank 4 → 3 ↑1  total 121.5 → 131.5 (+10)");
  const units = [...r.out.matchAll(/^(\S+): rank/gm)].map((m) => m[1]);
  let rest = r.out;
  for (const u of units) rest = rest.split(u).join("");
  expect(rest).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/);
});

test("whatif --gap: every rule's next level, the cheapest ways up a place, what each award still needs", async () => {
  const r = await zs("whatif", input, "--scheme", "huaibei-2023", "--gap", "烈山经济开发区");
  expect(r.code).toBe(0);
  expect(r.out).toContain("无变化");
  expect(r.out).toContain(
    "规上工业产值增量 26 亿元：再增加 24.1 亿元（规上工业产值 151 → 175.1 亿元），达到 >50 档，+10 分",
  );
  expect(r.out).toContain("第 4 名，总分 121.5，与上一名 淮北高新技术产业开发区（124）差 2.5 分");
  expect(r.out).toContain("新开工建设工业项目 14 个：再增加 1 个 → 第 3 名（+10 分）");
  const en = await zs(
    "whatif",
    input,
    "--scheme",
    "huaibei-2023",
    "--gap",
    "烈山经济开发区",
    "--lang",
    "en",
    "--json",
    "-",
  );
  const j = JSON.parse(en.out);
  expect(j.gaps.place.ways[0].text.en).toContain("→ place 3");
});

test("whatif --out writes a copy with the scenario's sheets and 情景对比, and saves the scenario in its settings", async () => {
  const out = path.join(tmp, "scenario.xlsx");
  const r = await zs(
    "whatif",
    input,
    "--scheme",
    "huaibei-2023",
    "--set",
    "项目清单/新能源电池项目/往年已获率先达到加分=否",
    "--out",
    out,
    "--save-scenario",
    "电池项目重新计入",
  );
  expect(r.code).toBe(0);
  const b = await ExcelJsBook.load(ExcelJS, fs.readFileSync(out), { model: true });
  expect(b.wb.worksheets.map((w) => w.name)).toContain("情景对比");
  expect((await b.readSettings())?.scenarios?.[0].name).toBe("电池项目重新计入");
  // and it can be applied again by name
  const again = await zs("whatif", out, "--scheme", "huaibei-2023", "--scenario", "电池项目重新计入");
  expect(again.out).toContain("烈山经济开发区：名次 4 → 3 ↑1  总分 121.5 → 131.5 (+10)\n    2.2: 0 → 10 (+10)");
});

test("sensitivity prints median ranks and intervals, deterministic for a seed", async () => {
  const args = ["sensitivity", input, "--scheme", "huaibei-2023", "--samples", "200", "--seed", "3", "--json", "-"];
  const a = await zs(...args);
  const b = await zs(...args);
  expect(a.code).toBe(0);
  expect(a.out).toBe(b.out);
  expect(JSON.parse(a.out).units).toHaveLength(6);
  const t = await zs("sensitivity", input, "--scheme", "huaibei-2023", "--samples", "100");
  expect(t.out).toContain("前三名不变的比例");
});

const EN = ["--lang", "en"];
test.each([
  [["whatif", "x.xlsx", "--scheme", "huaibei-2023", "--sett", "a/b=1", ...EN], "unknown option --sett"],
  [["whatif", "x.xlsx", "--scheme", "huaibei-2023", "--sett", "a/b=1"], "未知选项 --sett，是否要用 --set？"],
  [
    ["whatif", "INPUT", "--scheme", "huaibei-2023", "--set", "烈山经济开发区/规上工业产值=很多", ...EN],
    "is not a number",
  ],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--set", "烈山经济开发区/规上工业产值=很多"], "“很多”不是数字"],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--set", "烈山/规上工业产值=1"], "中没有「烈山」"],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--set", "烈山经济开发区/不存在=1", ...EN], 'has no field "不存在"'],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--out", "INPUT"], "从不覆盖输入"],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--json", "INPUT"], "从不覆盖输入"],
  [["sensitivity", "INPUT", "--scheme", "huaibei-2023", "--out", "INPUT", ...EN], "never overwrites its inputs"],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--save-scenario", "x", ...EN], "--save-scenario needs --out"],
  [["whatif", "INPUT", "--scheme", "huaibei-2023", "--scenario", "nope", ...EN], 'no scenario "nope"'],
  [["sensitivity", "INPUT", "--scheme", "huaibei-2023", "--samples", "0", ...EN], "--samples must be a whole number"],
  [["sensitivity", "INPUT", "--scheme", "huaibei-2023", "--sample", "10"], "是否要用 --samples？"],
  [["sensitivity", "INPUT", "--scheme", "huaibei-2023", "--set", "a/b=1", ...EN], "sensitivity does not take --set"],
])("usage errors exit 2 with a clear message: %j", async (argv, msg) => {
  const before = fs.readFileSync(input);
  const r = await zs(...argv.map((x) => (x === "INPUT" ? input : x)));
  expect(r.code).toBe(2);
  expect(r.err).toContain(msg);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
});
