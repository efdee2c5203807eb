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
  // streamed entity by entity, to a file or standard output, the text is JSON.stringify's of the whole result
  const text = (issues: typeof direct.issues, run: typeof direct.run) =>
    JSON.stringify(toJson("huaibei-2023", issues, run, direct.dataset!.year), null, 2) + "\n";
  expect(fs.readFileSync(path.join(tmp, "score.json"), "utf8")).toBe(text(direct.allIssues, direct.run));
  expect(fs.readFileSync(path.join(tmp, "check.json"), "utf8")).toBe(text(direct.issues, null));
  const stdout = zs("score", f, "--scheme", "huaibei-2023", "--out", path.join(tmp, "out2.xlsx"), "--json", "-");
  expect(stdout.out).toBe(text(direct.allIssues, direct.run));
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

// ---------------------------------------------------------------------------------------------------------------
// issue 15 / 16, the input side: nothing overwritten, strict options, files recognised, limits instead of crashes

/** a fresh copy of the huaibei sample in its own folder */
function sampleCopy(name: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, `${name}-`));
  const f = path.join(dir, "sample.xlsx");
  expect(zs("sample", "huaibei-2023", "--out", f).code).toBe(0);
  return f;
}
const noStack = (err: string) => expect(err).not.toMatch(/\n\s+at |Error: |node:internal/);

test("--detail-limit: above it 加分明细 is one row per unit with a note; a bad value is a usage error", async () => {
  const f = path.join(tmp, "sample-limit.xlsx");
  expect(zs("sample", "huaibei-2023", "--out", f).code).toBe(0);
  const out = path.join(tmp, "out-limit.xlsx");
  expect(zs("score", f, "--scheme", "huaibei-2023", "--detail-limit", "3", "--out", out).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const d = wb.getWorksheet("加分明细")!;
  expect(d.getCell("A3").text).toContain("--json");
  // in formula mode (the default) a second note says the points follow the summary's cells
  expect(d.getCell("A4").text).toContain("加分汇总");
  expect(d.getCell("A5").text).toBe("开发区");
  const bad = zs("score", f, "--scheme", "huaibei-2023", "--detail-limit", "many", "--out", out);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("--detail-limit");
});

describe("15.1 an output can never be an input", () => {
  test("--json, --save-mapping and --out naming the input (directly, through a symlink or a hard link) are usage errors; the input stays byte-identical", () => {
    const f = sampleCopy("same");
    const before = fs.readFileSync(f);
    const link = path.join(path.dirname(f), "link.xlsx");
    const hard = path.join(path.dirname(f), "hard.xlsx");
    fs.symlinkSync(f, link);
    fs.linkSync(f, hard);
    const cases: string[][] = [
      ["check", f, "--scheme", "huaibei-2023", "--json", f],
      ["check", f, "--scheme", "huaibei-2023", "--save-mapping", f],
      ["check", f, "--scheme", "huaibei-2023", "--save-mapping", link],
      ["check", link, "--scheme", "huaibei-2023", "--json", hard],
      ["score", f, "--scheme", "huaibei-2023", "--out", path.join(tmp, "o1.xlsx"), "--json", f],
      ["score", f, "--scheme", "huaibei-2023", "--out", link],
      ["score", link, "--scheme", "huaibei-2023", "--out", hard],
      ["score", hard, "--scheme", "huaibei-2023", "--out", path.join(tmp, "o2.xlsx"), "--json", link],
    ];
    for (const c of cases) {
      const r = zs(...c);
      expect([c.join(" "), r.code]).toEqual([c.join(" "), 2]);
      expect(r.err).toContain("输入文件");
      noStack(r.err);
      expect(fs.readFileSync(f).equals(before)).toBe(true);
    }
    const en = zs("check", f, "--scheme", "huaibei-2023", "--json", hard, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toContain("is an input");
  });
  test("two outputs on the same file, and a --mapping file given as an output, are usage errors too", () => {
    const f = sampleCopy("two");
    const o = path.join(path.dirname(f), "o.xlsx");
    expect(zs("score", f, "--scheme", "huaibei-2023", "--out", o, "--json", o).code).toBe(2);
    const m = path.join(path.dirname(f), "m.json");
    expect(zs("check", f, "--scheme", "huaibei-2023", "--save-mapping", m).code).toBe(0);
    const mBefore = fs.readFileSync(m);
    const r = zs("check", f, "--scheme", "huaibei-2023", "--mapping", m, "--json", m);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(m).equals(mBefore)).toBe(true);
  });
});

describe("15.3 paths that cannot be used: one line, exit 2, no stack trace", () => {
  test("a directory as input, --out or --json; a file used as a folder; a read-only file system", () => {
    const f = sampleCopy("paths");
    const dir = path.dirname(f);
    const cases: string[][] = [
      ["check", dir, "--scheme", "huaibei-2023"],
      ["score", dir, "--scheme", "huaibei-2023"],
      ["score", f, "--scheme", "huaibei-2023", "--out", dir],
      ["check", f, "--scheme", "huaibei-2023", "--json", dir],
      ["score", f, "--scheme", "huaibei-2023", "--out", path.join(f, "x.xlsx")],
      ["check", f, "--scheme", "huaibei-2023", "--save-mapping", path.join(f, "m.json")],
      ["score", f, "--scheme", "huaibei-2023", "--out", "/proc/zonescore-out.xlsx"],
      ["template", "huaibei-2023", "--out", "/proc/t.xlsx"],
      ["check", f, "--scheme", dir],
      ["check", f, "--scheme", "huaibei-2023", "--mapping", dir],
    ];
    for (const c of cases) {
      const r = zs(...c);
      expect([c.join(" "), r.code]).toEqual([c.join(" "), 2]);
      noStack(r.err);
      expect(r.err.trim().split("\n").length).toBeLessThanOrEqual(2);
    }
    expect(fs.readdirSync(dir).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });
});

describe("15.4 temporary files", () => {
  test("a stale <out>.tmp-<pid> of a killed run is reported, not deleted", () => {
    const f = sampleCopy("stale");
    const out = path.join(path.dirname(f), "r.xlsx");
    const stale = `${out}.tmp-999999`;
    fs.writeFileSync(stale, "half a file");
    const r = zs("score", f, "--scheme", "huaibei-2023", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(path.basename(stale));
    expect(fs.existsSync(stale)).toBe(true);
    expect(zs("score", f, "--scheme", "huaibei-2023", "--out", out, "--lang", "en").err).toContain("left over");
  });
  test("SIGTERM during a write removes the temporary file and leaves the old output intact", async () => {
    const dir = fs.mkdtempSync(path.join(tmp, "sig-"));
    const out = path.join(dir, "r.json");
    fs.writeFileSync(out, "old");
    const script = `
      const { writeAtomic } = require(${JSON.stringify(path.join(__dirname, "..", "build", "node", "cli", "files.js"))});
      async function* slow() { yield Buffer.from("new part 1"); process.stdout.write("writing\\n"); await new Promise(() => setTimeout(() => {}, 1e9)); }
      writeAtomic(${JSON.stringify(out)}, slow());`;
    const { spawn } = await import("child_process");
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    expect(fs.readdirSync(dir).some((n) => n.startsWith("r.json.tmp-"))).toBe(true);
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(143);
    expect(fs.readdirSync(dir)).toEqual(["r.json"]);
    expect(fs.readFileSync(out, "utf8")).toBe("old");
  });
});

describe("16.3 options are parsed strictly", () => {
  test("--value (for --values) is a usage error with a suggestion, and does not swallow --out", () => {
    const f = sampleCopy("opts");
    const out = path.join(path.dirname(f), "r.xlsx");
    const r = zs("score", f, "--scheme", "huaibei-2023", "--value", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--values");
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(f.replace(/\.xlsx$/, ".zonescore.xlsx"))).toBe(false);
    const j = zs("check", f, "--scheme", "huaibei-2023", "--jsn", "x.json", "--lang", "en");
    expect(j.code).toBe(2);
    expect(j.err).toContain("--json?");
    // a missing value, an option the command does not take, an option given twice, a stray argument
    expect(zs("check", f, "--scheme").code).toBe(2);
    expect(zs("check", f, "--scheme", "huaibei-2023", "--out", out).code).toBe(2);
    expect(zs("check", f, "--scheme", "huaibei-2023", "--scheme", "chifeng-2020").code).toBe(2);
    expect(zs("check", f, f, "--scheme", "huaibei-2023").code).toBe(2);
    expect(zs("score", f, "--scheme", "huaibei-2023", "--out").code).toBe(2);
    expect(zs("score", f, "--scheme", "huaibei-2023", "--force=yes").code).toBe(2);
    // what worked before still works: --key=value, repeated --option
    expect(zs("check", f, "--scheme=huaibei-2023", "--year=2023").code).toBe(0);
  });
});

describe("16.4 files that are not .xlsx are recognised before parsing", () => {
  const FILES = path.join(__dirname, "corpus", "files");
  const kinds: Array<[string, () => Buffer, RegExp, RegExp]> = [
    ["empty", () => Buffer.alloc(0), /空文件|0 字节/, /empty/],
    [
      "random",
      () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)),
      /无法识别/,
      /not a spreadsheet/,
    ],
    [
      "truncated",
      () => {
        const b = fs.readFileSync(path.join(FILES, "sample.xlsx"));
        return b.subarray(0, Math.floor(b.length / 2));
      },
      /不完整/,
      /incomplete|truncated/,
    ],
    ["xls", () => fs.readFileSync(path.join(FILES, "sample.xls")), /\.xls/, /\.xls/],
    ["ods", () => fs.readFileSync(path.join(FILES, "sample.ods")), /ODS|OpenDocument/, /OpenDocument/],
    ["csv", () => Buffer.from("开发区,规上工业产值\n濉溪,106.6\n相山,40\n"), /CSV|文本/, /CSV|text/],
    ["encrypted", () => fs.readFileSync(path.join(FILES, "encrypted.xlsx")), /密码/, /password/],
  ];
  test.each(kinds)(
    "%s: a message in Chinese and in English saying what the file is and what to do",
    (kind, make, zh, en) => {
      const f = path.join(tmp, `kind-${kind}.xlsx`);
      fs.writeFileSync(f, make());
      const z = zs("check", f, "--scheme", "huaibei-2023");
      expect(z.code).toBe(2);
      expect(z.err).toMatch(zh);
      expect(z.err).not.toMatch(/https?:|JSZip|Central Directory|\bat /);
      const e = zs("score", f, "--scheme", "huaibei-2023", "--lang", "en");
      expect(e.code).toBe(2);
      expect(e.err).toMatch(en);
      expect(e.err).not.toMatch(/[\u4e00-\u9fff]{4}|https?:|JSZip/);
      expect(fs.existsSync(f.replace(/\.xlsx$/, ".zonescore.xlsx"))).toBe(false);
    },
  );
});

describe("15.2 limits instead of crashes: a message within 10 s naming the sheet and the limit, nothing written", () => {
  async function mutate(name: string, sheetXml: (x: string) => string): Promise<string> {
    const JSZip = (await import("jszip")).default;
    const z = await JSZip.loadAsync(fs.readFileSync(path.join(__dirname, "corpus", "files", "sample.xlsx")));
    const p = "xl/worksheets/sheet2.xml"; // 开发区指标
    z.file(p, sheetXml(await z.file(p)!.async("string")));
    const f = path.join(tmp, `bomb-${name}.xlsx`);
    fs.writeFileSync(f, await z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return f;
  }
  const merges = (refs: string[]) => (x: string) =>
    x
      .replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "")
      .replace(
        "</sheetData>",
        `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`,
      );
  /**
   * Run the command line, stopping it once it has used 10 s of processor time (read from /proc, so that a machine
   * shared with other work does not make a quick run look slow) or 3 minutes of wall time.
   */
  const within10s = async (...args: string[]) => {
    const { spawn } = await import("child_process");
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", () => undefined);
    const tick = 100; // clock ticks per second on Linux
    let cpuMs = 0;
    const started = Date.now();
    const timer = setInterval(() => {
      try {
        const f = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
        cpuMs = ((Number(f[11]) + Number(f[12])) * 1000) / tick;
      } catch {
        // exited
      }
      if (cpuMs > 10000 || Date.now() - started > 180000) child.kill("SIGTERM");
    }, 100);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on("exit", (c, sig) => resolve([c, sig])),
    );
    clearInterval(timer);
    return { code, err, signal, cpuMs };
  };
  test("a merge bomb (one merge over a million rows; 200,000 merges) and a 300,000-row sheet", async () => {
    const bombs = [
      await mutate("merge-one", merges(["A20:XFD1048576"])),
      await mutate("merge-many", merges(Array.from({ length: 200000 }, (_, i) => `A${20 + 2 * i}:B${21 + 2 * i}`))),
      await mutate("rows", (x) =>
        x.replace(
          "</sheetData>",
          Array.from(
            { length: 300000 },
            (_, i) =>
              `<row r="${i + 11}"><c r="A${i + 11}" t="inlineStr"><is><t>z${i}</t></is></c><c r="B${i + 11}"><v>${i}</v></c></row>`,
          ).join("") + "</sheetData>",
        ),
      ),
    ];
    for (const f of bombs) {
      const out = f.replace(/\.xlsx$/, "-out.xlsx");
      for (const cmd of ["check", "score"]) {
        const r = await within10s(
          cmd,
          f,
          "--scheme",
          "huaibei-2023",
          ...(cmd === "score" ? ["--out", out, "--force"] : []),
        );
        expect([path.basename(f), cmd, r.signal, [1, 2].includes(r.code ?? -1)]).toEqual([
          path.basename(f),
          cmd,
          null,
          true,
        ]);
        expect(r.err).toContain("开发区指标");
        expect(r.err).toMatch(/上限|超过/);
        noStack(r.err);
        expect(fs.existsSync(out)).toBe(false);
      }
    }
  }, 120000);
  test("a sheet claiming A1:XFD1048576 with a blank cell at the far corner is read by its used range, quickly", async () => {
    const f = await mutate("dimension", (x) =>
      x
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace(
          "</sheetData>",
          '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row></sheetData>',
        ),
    );
    const r = await within10s(
      "score",
      f,
      "--scheme",
      "huaibei-2023",
      "--out",
      f.replace(/\.xlsx$/, "-out.xlsx"),
      "--json",
      "-",
    );
    expect(r.signal).toBe(null);
    expect(r.code).toBe(0);
  });
});

describe("15.5 implausible magnitudes are findings at the cell, never non-finite totals", () => {
  test("1e300 in a count: error at the cell; with --force the JSON has only finite numbers", async () => {
    const f = sampleCopy("huge");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    wb.getWorksheet("开发区指标")!.getCell("E5").value = 1e300;
    await wb.xlsx.writeFile(f);
    const c = zs("check", f, "--scheme", "huaibei-2023", "--json", "-");
    expect(c.code).toBe(1);
    expect(JSON.parse(c.out).issues).toContainEqual(
      expect.objectContaining({ severity: "error", code: "implausible-value", sheet: "开发区指标", cell: "E5" }),
    );
    const s = zs(
      "score",
      f,
      "--scheme",
      "huaibei-2023",
      "--force",
      "--out",
      path.join(path.dirname(f), "o.xlsx"),
      "--json",
      "-",
    );
    expect(s.out).not.toContain("null,");
    const j = JSON.parse(s.out);
    for (const e of j.entities) for (const k of ["total", "score", "bonus"]) expect(Number.isFinite(e[k])).toBe(true);
  });
});
