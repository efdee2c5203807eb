import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkAndScore, toJson } from "../src/engine/pipeline";
import { huaibei, sampleSheets } from "./helpers";

const BIN = path.join(__dirname, "..", "bin", "zonescore.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-cli-"));
function zs(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // the command line runs from build/node, which `npm ci` (prepare) and `npm test` compile
  expect(fs.existsSync(path.join(__dirname, "..", "build", "node", "cli", "main.js"))).toBe(true);
});

test("--help, schemes, and usage errors exit 2", () => {
  expect(zs("--help").code).toBe(0);
  expect(zs("--help").out).toContain("zonescore score");
  expect(zs("schemes").out).toContain("huaibei-2023");
  expect(zs("frobnicate").code).toBe(2);
  expect(zs("score", "x.xlsx", "--scheme", "nope").code).toBe(2);
  expect(zs("check", path.join(tmp, "missing.xlsx"), "--scheme", "huaibei-2023").code).toBe(2);
  expect(zs("score", "a.xlsx", "--scheme", "huaibei-2023", "--year", "abc").code).toBe(2);
});

test("template writes the input sheets with their headers and a 说明 sheet", async () => {
  const f = path.join(tmp, "blank.xlsx");
  expect(zs("template", "huaibei-2023", "--out", f).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "参数",
    "开发区指标",
    "项目清单",
    "企业清单",
    "目标一览表",
    "说明",
  ]);
  const headers = (name: string, row: number) =>
    (wb.getWorksheet(name)!.getRow(row).values as unknown[]).filter(Boolean);
  expect(headers("项目清单", 2)).toEqual([
    "项目名称",
    "所属开发区",
    "计划总投资（亿元）",
    "当年完成固定资产投资（亿元）",
    "是否纳统",
    "是否制造业",
    "往年已获率先达到加分",
    "利用闲置低效用地",
    "用地面积（亩）",
    "亩均税收（万元/亩）",
    "是否进入规上",
  ]);
  // ExcelJS reports the merged 开发区 cell (A2:A3) in row 3 too
  expect(headers("目标一览表", 3)).toEqual([
    "开发区",
    "2022年",
    "2023年",
    "2024年",
    "2025年",
    "数量（个）",
    "2022年",
    "2023年",
    "2024年",
    "2025年",
    "2025年",
  ]);
  // an empty template checks with errors (no zones), never crashes
  expect(zs("check", f, "--scheme", "huaibei-2023").code).toBe(1);
});

test("check and score the sample: exit 0, JSON in the documented shape, the input file untouched", () => {
  const f = path.join(tmp, "sample.xlsx");
  expect(zs("sample", "huaibei-2023", "--out", f).code).toBe(0);
  const before = fs.readFileSync(f);
  const c = zs("check", f, "--scheme", "huaibei-2023", "--json", path.join(tmp, "check.json"));
  expect(c.code).toBe(0);
  const s = zs(
    "score",
    f,
    "--scheme",
    "huaibei-2023",
    "--out",
    path.join(tmp, "out.xlsx"),
    "--json",
    path.join(tmp, "score.json"),
  );
  expect(s.code).toBe(0);
  expect(s.out).toContain("濉溪经济开发区");
  expect(fs.readFileSync(f).equals(before)).toBe(true);
  const j = JSON.parse(fs.readFileSync(path.join(tmp, "score.json"), "utf8"));
  expect(j.scheme).toBe("huaibei-2023");
  expect(j.year).toBe(2023);
  expect(j.issues[0]).toEqual({
    severity: "warning",
    code: "total-mismatch",
    sheet: "目标一览表",
    cell: "H10",
    message: expect.any(String),
    value: "497",
    fix: "493",
  });
  expect(j.entities[0]).toMatchObject({
    name: "濉溪经济开发区",
    rank: 1,
    total: 192.5,
    bonus: 120,
    base: 72.5,
    vetoed: false,
  });
  expect(j.entities[0].parts.find((p: { rule: string }) => p.rule === "2.1")).toEqual({
    rule: "2.1",
    points: 20,
    basis: expect.stringContaining("106.6"),
  });
  expect(j.entities.map((e: { name: string }) => e.name)).toContain("安徽(淮北)新型煤化工合成材料基地");
  // the command line's JSON is the engine's JSON on the same sample (the adapters test compares the other paths)
  const direct = checkAndScore(sampleSheets(), huaibei);
  expect(j).toEqual(JSON.parse(JSON.stringify(toJson("huaibei-2023", direct.allIssues, direct.run))));
  expect(j.awards).toContainEqual({
    entity: "杜集经济开发区",
    rule: "2.5.land-reward",
    amount: 200,
    unit: "万元",
    upTo: true,
    basis: expect.any(String),
  });
  // --year overrides 参数: in 2024 the targets (and the year columns) differ, so the sheet lacks the 2024 output column
  expect(zs("check", f, "--scheme", "huaibei-2023", "--year", "2024").code).toBe(1);
});

test("data errors: check and score exit 1, score writes nothing unless --force", async () => {
  const f = path.join(tmp, "bad.xlsx");
  zs("sample", "huaibei-2023", "--out", f);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  wb.getWorksheet("开发区指标")!.getCell("C5").value = "四百";
  await wb.xlsx.writeFile(f);
  const c = zs("check", f, "--scheme", "huaibei-2023", "--json", "-");
  expect(c.code).toBe(1);
  expect(JSON.parse(c.out).issues).toContainEqual(
    expect.objectContaining({ severity: "error", code: "not-a-number", sheet: "开发区指标", cell: "C5" }),
  );
  expect(c.err).toContain("开发区指标!C5");
  const out = path.join(tmp, "bad-out.xlsx");
  expect(zs("score", f, "--scheme", "huaibei-2023", "--out", out).code).toBe(1);
  expect(fs.existsSync(out)).toBe(false);
  expect(zs("score", f, "--scheme", "huaibei-2023", "--out", out, "--force").code).toBe(1);
  expect(fs.existsSync(out)).toBe(true);
  expect(zs("check", f, "--scheme", "huaibei-2023", "--lang", "en").err).toContain("is not a number");
});

test("scheme export to JSON and to the rules sheets; both are accepted by --scheme and score the same", () => {
  const sample = path.join(tmp, "cf-sample.xlsx");
  expect(zs("sample", "chifeng-2020", "--out", sample).code).toBe(0);
  const js = path.join(tmp, "cf.json");
  const xl = path.join(tmp, "cf-rules.xlsx");
  expect(zs("scheme", "export", "chifeng-2020", "--out", js).code).toBe(0);
  expect(zs("scheme", "export", "chifeng-2020", "--out", xl, "--format", "xlsx").code).toBe(0);
  const run = (s: string) =>
    JSON.parse(zs("score", sample, "--scheme", s, "--out", path.join(tmp, "o.xlsx"), "--json", "-").out);
  const a = run("chifeng-2020");
  expect(run(js)).toEqual(a);
  expect(run(xl)).toEqual(a);
  expect(zs("scheme", "export", "chifeng-2020", "--out", xl, "--format", "pdf").code).toBe(2);
  fs.writeFileSync(path.join(tmp, "bad.json"), '{"schemaVersion": 1, "id": "x"}');
  const bad = zs("check", sample, "--scheme", path.join(tmp, "bad.json"));
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("方案无效");
});
