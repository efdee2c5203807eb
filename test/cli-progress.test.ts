/**
 * Progress of a long command line run (issue 14): on standard error, forced with --progress where standard error is
 * not a terminal (here a pipe), never in the JSON on standard output.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../src/workbook/exceljs";
import { getBuiltInScheme } from "../src/schemes";
import { mujunSamplePlan } from "../src/samples/mujun";
import { samplePlan } from "../src/samples";

const BIN = path.join(__dirname, "..", "bin", "zonescore.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-progress-"));
const mujun = getBuiltInScheme("mujun-template")!;

function zs(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 1 << 30,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function write(file: string, plan: Parameters<ExcelJsBook["addSheets"]>[0]): Promise<string> {
  const b = await ExcelJsBook.create(ExcelJS);
  await b.addSheets(plan);
  fs.writeFileSync(path.join(tmp, file), await b.toBuffer());
  return path.join(tmp, file);
}

test("a long run (20,000 enterprises) shows its stages on standard error; --json - on standard output stays JSON", async () => {
  const input = await write("big.xlsx", mujunSamplePlan(mujun, 20000));
  const out = path.join(tmp, "big-result.xlsx");
  const r = zs(["score", input, "--scheme", "mujun-template", "--out", out, "--json", "-", "--progress", "--force"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as { entities: unknown[] };
  expect(json.entities).toHaveLength(20000);
  expect(r.out).not.toMatch(/秒\]|写入/);
  // the run takes more than 2 s: the stages after that are on standard error, each on a line of its own
  expect(r.err).toMatch(/^\[\d+\.\d 秒\] (校验数据并评分|生成结果表|写入 .*big-result\.xlsx)…$/m);
  expect(r.err).toMatch(/^\[\d+\.\d 秒\] 完成$/m);
  expect(r.err).not.toContain("\r");
  expect(fs.existsSync(out)).toBe(true);
}, 300000);

test("in English; and nothing without --progress when standard error is not a terminal", async () => {
  const input = await write("sample.xlsx", samplePlan(mujun)!);
  const en = zs(["check", input, "--scheme", "mujun-template", "--progress", "--lang", "en"], {
    ZONESCORE_PROGRESS_AFTER_MS: "0",
  });
  expect(en.err).toMatch(/^\[\d+\.\d s\] reading the workbook…$/m);
  expect(en.err).toMatch(/^\[\d+\.\d s\] checking the data…$/m);
  const quiet = zs(["check", input, "--scheme", "mujun-template"], { ZONESCORE_PROGRESS_AFTER_MS: "0" });
  expect(quiet.err).not.toMatch(/秒\]|\d s\]/);
  // a run shorter than the wait shows nothing even with --progress
  const short = zs(["check", input, "--scheme", "mujun-template", "--progress"], {
    ZONESCORE_PROGRESS_AFTER_MS: "600000",
  });
  expect(short.err).not.toMatch(/秒\]/);
}, 120000);
