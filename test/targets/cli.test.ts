/** zonescore targets: strict parsing (exit 2, zh/en), fill and track on real files, never over an input. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-targets-cli-"));
async function z(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("zonescore targets", () => {
  it("usage errors exit 2 with a message in the user's language", async () => {
    const a = await z("targets", "fill", "x.xlsx", "--scheme", "huaibei-2023", "--bogus", "1");
    expect(a.code).toBe(2);
    // parsed by the same strict parser as every command (src/cli/args.ts): an unknown option is refused
    expect(a.err).toContain("未知选项 --bogus");
    const b = await z(
      "targets",
      "track",
      "x.xlsx",
      "--scheme",
      "yeji-2023",
      "--period",
      "2023-13",
      "--out",
      "o.xlsx",
      "--lang",
      "en",
    );
    expect(b.code).toBe(2);
    expect(b.err).toContain("--period must be like 2023-09");
    const c = await z("targets", "fill", "x.xlsx", "--scheme", "huaibei-2023", "--method", "cubic");
    expect(c.code).toBe(2);
    expect(c.err).toContain("geometric / linear");
    const d = await z("targets", "fill", "x.xlsx", "--scheme");
    expect(d.code).toBe(2);
    expect(d.err).toContain("--scheme 需要一个值");
  });

  it("a mistyped option is refused with a suggestion; an option of another subcommand is named", async () => {
    const a = await z("targets", "track", "x.xlsx", "--scheme", "yeji-2023", "--perod", "2023-09", "--out", "o.xlsx");
    expect(a.code).toBe(2);
    expect(a.err).toContain("未知选项 --perod，是否要用 --period？");
    const b = await z("targets", "fill", "x.xlsx", "--scheme", "huaibei-2023", "--tolerance", "0.1", "--lang", "en");
    expect(b.code).toBe(2);
    expect(b.err).toContain("targets fill does not take --tolerance");
    const c = await z("targets", "fill", "x.xlsx", "--scheme", "huaibei-2023", "--out", "a.xlsx", "--out", "b.xlsx");
    expect(c.code).toBe(2);
    expect(c.err).toContain("--out 只能给一次");
  });

  it("--json or --out naming the input (or each other) is refused before any work; the input is unchanged", async () => {
    const input = path.join(dir, "guard.xlsx");
    expect((await z("targets", "sample", "xuancheng-2023", "--out", input)).code).toBe(0);
    const before = fs.readFileSync(input);
    const track = ["targets", "track", input, "--scheme", "xuancheng-2023", "--period", "2023-09"];
    const j = await z(...track, "--out", path.join(dir, "guard-out.xlsx"), "--json", input);
    expect(j.code).toBe(2);
    expect(j.err).toContain("从不覆盖输入");
    const o = await z(...track, "--out", input, "--lang", "en");
    expect(o.code).toBe(2);
    expect(o.err).toContain("never overwrites its inputs");
    const both = await z(...track, "--out", path.join(dir, "same.xlsx"), "--json", path.join(dir, "same.xlsx"));
    expect(both.code).toBe(2);
    expect(both.err).toContain("指向同一个文件");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, "guard-out.xlsx"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "same.xlsx"))).toBe(false);
  });

  it("a --prior file is an input too: --json naming it is refused and it is unchanged", async () => {
    const prior = path.join(dir, "prior.json");
    fs.writeFileSync(prior, "{}");
    const out = path.join(dir, "prior-out.xlsx");
    const r = await z(
      "targets",
      "fill",
      "x.xlsx",
      "--scheme",
      "huaibei-2023",
      "--prior",
      prior,
      "--out",
      out,
      "--json",
      prior,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("（--prior）");
    expect(fs.readFileSync(prior, "utf8")).toBe("{}");
  });

  it("a temporary left by an interrupted write is reported, not used", async () => {
    const input = path.join(dir, "stale-in.xlsx");
    await z("targets", "sample", "xuancheng-2023", "--out", input);
    const out = path.join(dir, "stale-out.xlsx");
    // a process id that cannot be running: the highest pid Linux allows is below 2^22
    fs.writeFileSync(`${out}.tmp-4194304`, "left over");
    const r = await z("targets", "track", input, "--scheme", "xuancheng-2023", "--period", "2023-09", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${out}.tmp-4194304 是以前中断的写入留下的临时文件`);
    expect(fs.readFileSync(`${out}.tmp-4194304`, "utf8")).toBe("left over");
    fs.rmSync(`${out}.tmp-4194304`);
  });

  it("fill writes a copy with the 目标分解 sheet and JSON; --out equal to the input is refused", async () => {
    const input = path.join(dir, "annex.xlsx");
    expect((await z("targets", "sample", "huaibei-2023", "--out", input)).code).toBe(0);
    const before = fs.readFileSync(input);
    const same = await z("targets", "fill", input, "--scheme", "huaibei-2023", "--out", input);
    expect(same.code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const out = path.join(dir, "filled.xlsx");
    const r = await z(
      "targets",
      "fill",
      input,
      "--scheme",
      "huaibei-2023",
      "--method",
      "linear",
      "--out",
      out,
      "--json",
      "-",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.method).toBe("linear");
    expect(j.totals[3]).toBe(2000);
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("an infeasible fill (weights missing a zone) exits 1 naming the zones", async () => {
    const input = path.join(dir, "annex2.xlsx");
    await z("targets", "sample", "huaibei-2023", "--out", input);
    const r = await z(
      "targets",
      "fill",
      input,
      "--scheme",
      "huaibei-2023",
      "--allocate",
      "weights",
      "--weights",
      "濉溪经济开发区=1",
      "--out",
      path.join(dir, "w.xlsx"),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("相山经济开发区");
  });

  it("track writes 进度跟踪 and, for xuancheng, the project check; JSON has statuses", async () => {
    const input = path.join(dir, "xc.xlsx");
    await z("targets", "sample", "xuancheng-2023", "--out", input);
    const r = await z(
      "targets",
      "track",
      input,
      "--scheme",
      "xuancheng-2023",
      "--period",
      "2023-09",
      "--out",
      path.join(dir, "xc-out.xlsx"),
      "--json",
      "-",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const x13 = j.rows.find((x: { id: string }) => x.id === "x1.3");
    expect(x13.cells[1].status).toBe("超序时进度"); // 46 of "50左右" (±5 % → 47.5): 96.8 % ≥ 75 %
    expect(j.projects.map((p: { pass: boolean }) => p.pass)).toEqual([true, true, false, false]);
    expect(r.err).toContain("未达标");
  });
});

describe("zonescore targets fill --into-table", () => {
  it("fills only the empty cells of the user's own table; filled cells, other parts and the input stay as they were", async () => {
    const input = path.join(dir, "annex-in.xlsx");
    await z("targets", "sample", "huaibei-2023", "--out", input);
    const before = fs.readFileSync(input);
    const same = await z("targets", "fill", input, "--scheme", "huaibei-2023", "--into-table", "--out", input);
    expect(same.code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const out = path.join(dir, "annex-in-filled.xlsx");
    const r = await z(
      "targets",
      "fill",
      input,
      "--scheme",
      "huaibei-2023",
      "--into-table",
      "--out",
      out,
      "--json",
      "-",
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain("已填入原表「目标一览表」的 48 个单元格");
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("目标一览表")!;
    expect(ws.getCell("B4").value).toBe(310); // the 2022 actual, untouched
    expect(ws.getCell("E10").value).toBe(2000); // the printed 总计, untouched
    // each proposed cell holds the proposal, as a number
    const j = JSON.parse(r.out);
    expect(ws.getCell("E4").value).toBe(j.values[0][3]);
    expect(typeof ws.getCell("E4").value).toBe("number");
    expect(wb.getWorksheet("目标分解")).toBeDefined();
    // the parts of the input other than the workbook's index parts and that sheet are byte for byte the same
    const { unzipPackage } = await import("../../src/workbook/package");
    const a = unzipPackage(before);
    const b = unzipPackage(fs.readFileSync(out));
    const changed = Object.keys(a).filter((k) => !Buffer.from(a[k]).equals(Buffer.from(b[k] ?? [])));
    expect(changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
      ].sort(),
    );
  });

  it("a second run finds no empty cell (nothing overwritten); --fix-totals sets a differing 总计, only with --into-table", async () => {
    const input = path.join(dir, "annex-in-filled.xlsx");
    const again = path.join(dir, "annex-again.xlsx");
    const r = await z("targets", "fill", input, "--scheme", "huaibei-2023", "--into-table", "--out", again);
    expect(r.code).toBe(0);
    expect(r.err).toContain("已填入原表「目标一览表」的 0 个单元格");
    const track = path.join(dir, "annex-track.xlsx");
    await z("targets", "sample", "huaibei-2023", "--kind", "track", "--out", track);
    const fixed = path.join(dir, "annex-fixed.xlsx");
    const f = await z(
      "targets",
      "fill",
      track,
      "--scheme",
      "huaibei-2023",
      "--into-table",
      "--fix-totals",
      "--out",
      fixed,
    );
    expect(f.code).toBe(0);
    expect(f.err).toContain("总计 497");
    expect(f.err).toContain("已填入原表「目标一览表」的 1 个单元格");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixed);
    const ws = wb.getWorksheet("目标一览表")!;
    const cells: unknown[] = [];
    ws.getRow(10).eachCell((c) => cells.push(c.value));
    expect(cells).toContain(493);
    expect(cells).not.toContain(497);
    const bad = await z("targets", "fill", track, "--scheme", "huaibei-2023", "--fix-totals", "--out", fixed);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--fix-totals 只与 --into-table 一起使用");
  });
});

it("zonescore schemes lists the target schemes too, each with its kind (zh and en)", async () => {
  const zh = (await z("schemes")).out.split("\n");
  expect(zh).toContain("huaibei-2023\t淮北市开发区高质量发展工业攻坚行动计划（2023）加分与奖励\t评分");
  expect(zh.find((l) => l.startsWith("yeji-2023\t"))).toMatch(/\t目标（跟踪；见 zonescore targets）$/);
  expect(zh.find((l) => l.startsWith("xuancheng-2023\t"))).toMatch(/\t目标（跟踪\+项目核查；/);
  expect(zh.filter((l) => l.startsWith("huaibei-2023\t")).pop()).toMatch(/\t目标（分解\+跟踪；/);
  const en = (await z("schemes", "--lang", "en")).out;
  expect(en).toMatch(/\nxuancheng-2023\t[^\t]+\ttargets \(track\+projects; see zonescore targets\)\n/);
});

it("the blank template of the annex cannot be filled before the 2022 actuals are typed: the message names the zones", async () => {
  const blank = path.join(dir, "blank.xlsx");
  expect((await z("targets", "template", "huaibei-2023", "--out", blank)).code).toBe(0);
  const r = await z("targets", "fill", blank, "--scheme", "huaibei-2023", "--out", path.join(dir, "blank-out.xlsx"));
  expect(r.code).toBe(1);
  expect(r.err).toContain("规上工业产值 2022年 是基数（实绩），以下单位未填写：濉溪经济开发区、相山经济开发区");
});
