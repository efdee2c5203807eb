/**
 * zonescore targets: fill a target table (分解目标), track a period (进度跟踪), check projects, write templates and
 * samples. Its own strict argument parsing (unknown options and missing values are usage errors, exit 2); writes
 * go through a temporary file in the same folder and a rename, and never over an input.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelJsBook } from "../workbook/exceljs";
import { getTargetScheme, targetSchemeIds } from "../schemes/targets";
import type { TargetSchemeT } from "../engine/targets/schema";
import { runFill, runProjects, runTrack, TargetError } from "../engine/targets";
import { parsePeriod } from "../engine/targets/track";
import { statusText } from "../engine/targets/sheets";
import { targetSample, targetsTemplate } from "../samples/targets";
import { message } from "../engine/messages";
import type { Lang } from "../engine/types";
import type { ResultPlan } from "../engine/output/sheet-plan";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = {
  zh: `用法：
  zonescore targets schemes
  zonescore targets fill <工作簿.xlsx> --scheme S [--method geometric|linear] [--allocate base|growth|weights]
                         [--weights 单位=权重,… | --weights W.json] [--prior P.json] --out F.xlsx [--json F|-]
  zonescore targets track <工作簿.xlsx> --scheme S --period 2023-09 --out F.xlsx [--json F|-] [--tolerance 0.05]
  zonescore targets template <方案> --out F.xlsx
  zonescore targets sample <方案> [--kind fill|track] --out F.xlsx
  方案：${"huaibei-2023, yeji-2023, xuancheng-2023"}；--lang en 输出英文`,
  en: `usage:
  zonescore targets schemes
  zonescore targets fill <book.xlsx> --scheme S [--method geometric|linear] [--allocate base|growth|weights]
                         [--weights unit=w,… | --weights W.json] [--prior P.json] --out F.xlsx [--json F|-]
  zonescore targets track <book.xlsx> --scheme S --period 2023-09 --out F.xlsx [--json F|-] [--tolerance 0.05]
  zonescore targets template <scheme> --out F.xlsx
  zonescore targets sample <scheme> [--kind fill|track] --out F.xlsx
  schemes: huaibei-2023, yeji-2023, xuancheng-2023; --lang en for English`,
};

class Usage extends Error {}

const OPTIONS: Record<string, string[]> = {
  schemes: ["lang"],
  fill: ["scheme", "method", "allocate", "weights", "prior", "out", "json", "lang"],
  track: ["scheme", "period", "out", "json", "lang", "tolerance"],
  template: ["out", "lang"],
  sample: ["out", "kind", "lang"],
};

function parse(argv: string[], lang: Lang): { sub: string; pos: string[]; opts: Record<string, string> } {
  const zh = lang === "zh";
  const sub = argv[0] ?? "";
  if (!OPTIONS[sub]) throw new Usage(zh ? `未知的子命令“${sub}”` : `unknown subcommand "${sub}"`);
  const pos: string[] = [];
  const opts: Record<string, string> = {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      pos.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const k = a.slice(2, eq < 0 ? undefined : eq);
    if (!OPTIONS[sub].includes(k))
      throw new Usage(zh ? `targets ${sub} 不接受 --${k}` : `targets ${sub} takes no --${k}`);
    if (k in opts) throw new Usage(zh ? `--${k} 重复` : `--${k} given twice`);
    const v = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (v === undefined || (eq < 0 && v.startsWith("--")))
      throw new Usage(zh ? `--${k} 需要一个值` : `--${k} needs a value`);
    opts[k] = v;
  }
  return { sub, pos, opts };
}

function oneOf(v: string | undefined, allowed: string[], name: string, dflt: string, lang: Lang): string {
  if (v === undefined) return dflt;
  if (!allowed.includes(v))
    throw new Usage(
      lang === "zh"
        ? `--${name} 应为 ${allowed.join(" / ")}，不是“${v}”`
        : `--${name} must be ${allowed.join(" | ")}, not "${v}"`,
    );
  return v;
}

function schemeOf(id: string | undefined, lang: Lang): TargetSchemeT {
  if (!id) throw new Usage(lang === "zh" ? "需要 --scheme（见 zonescore targets schemes）" : "--scheme is required");
  const s = getTargetScheme(id);
  if (!s)
    throw new Usage(
      lang === "zh"
        ? `没有方案“${id}”；可用：${targetSchemeIds().join("、")}`
        : `no scheme "${id}"; built-in: ${targetSchemeIds().join(", ")}`,
    );
  return s;
}

/** Write through a temporary file in the same folder, then rename; never over an input. */
function writeAtomic(file: string, data: Uint8Array | string, inputs: string[], lang: Lang): void {
  const abs = path.resolve(file);
  if (inputs.some((i) => path.resolve(i) === abs))
    throw new Usage(lang === "zh" ? `--out 不能是输入文件（${file}）` : `--out must not be an input file (${file})`);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.tmp-${process.pid}`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

async function load(file: string | undefined, lang: Lang): Promise<ExcelJsBook> {
  const zh = lang === "zh";
  if (!file) throw new Usage(zh ? "需要输入工作簿（.xlsx）" : "an input .xlsx is required");
  if (!fs.existsSync(file)) throw new Usage(zh ? `找不到文件：${file}` : `no such file: ${file}`);
  try {
    return await ExcelJsBook.load(ExcelJS, fs.readFileSync(file));
  } catch (e) {
    throw new Usage(
      zh ? `无法作为 .xlsx 读取 ${file}：${(e as Error).message}` : `cannot read ${file}: ${(e as Error).message}`,
    );
  }
}

function readMap(v: string | undefined, name: string, lang: Lang): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  let obj: unknown;
  if (/\.json$/i.test(v)) {
    if (!fs.existsSync(v)) throw new Usage(lang === "zh" ? `找不到文件：${v}` : `no such file: ${v}`);
    try {
      obj = JSON.parse(fs.readFileSync(v, "utf8"));
    } catch (e) {
      throw new Usage(`${v}: ${(e as Error).message}`);
    }
  } else {
    obj = Object.fromEntries(
      v.split(/[,，]/).map((p) => {
        const [k, x] = p.split("=");
        return [k?.trim(), Number(x)];
      }),
    );
  }
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj as Record<string, unknown>)) {
    if (!k || typeof x !== "number" || !Number.isFinite(x))
      throw new Usage(lang === "zh" ? `--${name} 中“${k}”的值不是数字` : `--${name}: "${k}" is not a number`);
    out[k] = x;
  }
  return out;
}

async function writePlan(book: ExcelJsBook, plan: ResultPlan, out: string, inputs: string[], lang: Lang) {
  await book.writeResult(plan);
  writeAtomic(out, await book.toBuffer(), inputs, lang);
}

export async function targetsMain(argv: string[], io: Io, lang: Lang = "zh"): Promise<number> {
  const langArg = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (langArg >= 0) {
    const v = argv[langArg].includes("=") ? argv[langArg].split("=")[1] : argv[langArg + 1];
    if (v === "en" || v === "zh") lang = v;
  }
  try {
    return await run(argv, io, lang);
  } catch (e) {
    if (e instanceof Usage) {
      io.err(`zonescore targets: ${e.message}\n${USAGE[lang]}\n`);
      return 2;
    }
    if (e instanceof TargetError) {
      io.err(`zonescore targets: ${message(lang, e.code, e.params)}\n`);
      return 1;
    }
    throw e;
  }
}

async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  if (!argv.length || argv[0] === "--help" || argv[0] === "help") {
    io.out(USAGE[lang] + "\n");
    return argv.length ? 0 : 2;
  }
  const a = parse(argv, lang);
  const zh = lang === "zh";
  const needOut = () => {
    if (!a.opts.out) throw new Usage(zh ? "需要 --out F.xlsx" : "--out F.xlsx is required");
    return a.opts.out;
  };
  const json = (v: unknown) => {
    const target = a.opts.json;
    if (!target) return;
    const text = JSON.stringify(v, null, 2) + "\n";
    if (target === "-") io.out(text);
    else writeAtomic(target, text, a.pos, lang);
  };
  switch (a.sub) {
    case "schemes": {
      for (const id of targetSchemeIds()) {
        const s = getTargetScheme(id)!;
        const what = [s.table ? (zh ? "分解" : "fill") : "", s.targets.length ? (zh ? "跟踪" : "track") : ""]
          .filter(Boolean)
          .join("+");
        io.out(`${id}\t${zh ? s.name : s.nameEn}\t${what}${s.projectCheck ? (zh ? "+项目核查" : "+projects") : ""}\n`);
      }
      return 0;
    }
    case "template":
    case "sample": {
      if (a.pos.length !== 1) throw new Usage(zh ? "需要一个方案名" : "one scheme id is required");
      const scheme = schemeOf(a.pos[0], lang);
      const out = needOut();
      const kind = oneOf(a.opts.kind, ["fill", "track"], "kind", scheme.table ? "fill" : "track", lang) as
        "fill" | "track";
      const plan = a.sub === "template" ? targetsTemplate(scheme) : targetSample(scheme, kind);
      const book = await ExcelJsBook.create(ExcelJS);
      await book.addSheets(plan);
      writeAtomic(out, await book.toBuffer(), [], lang);
      io.out(`${out}\n`);
      return 0;
    }
    case "fill": {
      if (a.pos.length !== 1) throw new Usage(zh ? "需要一个输入工作簿" : "one input workbook is required");
      const scheme = schemeOf(a.opts.scheme, lang);
      const method = oneOf(a.opts.method, ["geometric", "linear"], "method", "geometric", lang) as
        "geometric" | "linear";
      const allocate = oneOf(a.opts.allocate, ["base", "growth", "weights"], "allocate", "base", lang) as
        "base" | "growth" | "weights";
      const weights = readMap(a.opts.weights, "weights", lang);
      if (allocate === "weights" && !weights)
        throw new Usage(zh ? "--allocate weights 需要 --weights" : "--allocate weights needs --weights");
      let prior: Record<string, Record<string, number>> | undefined;
      if (a.opts.prior) {
        if (!fs.existsSync(a.opts.prior)) throw new Usage(zh ? `找不到文件：${a.opts.prior}` : `no such file`);
        prior = JSON.parse(fs.readFileSync(a.opts.prior, "utf8")) as Record<string, Record<string, number>>;
      }
      const out = needOut();
      const book = await load(a.pos[0], lang);
      const r = runFill(await book.readSheets(), scheme, { method, allocate, weights, prior, lang });
      // the accepted table becomes the user's own sheet (not replaced by a later run)
      await book.addSheets(r.plan);
      writeAtomic(out, await book.toBuffer(), [a.pos[0]], lang);
      json({
        scheme: scheme.id,
        method,
        allocate,
        units: r.proposal.units,
        columns: r.proposal.columns.map((c) => ({ indicator: c.indicator, year: c.year })),
        values: r.proposal.values,
        source: r.proposal.source,
        totals: r.proposal.totals,
        fixes: r.fixes,
      });
      for (const f of r.fixes)
        io.err(
          zh
            ? `总计核对：${f.indicator}${f.year ?? ""} 总计 ${f.printed}${f.cell ? `（${f.cell}）` : ""} ≠ 合计 ${f.sum}\n`
            : `total check: ${f.indicator} ${f.year ?? ""} prints ${f.printed} but members add up to ${f.sum}\n`,
        );
      const proposed = r.proposal.source.flat().filter((x) => x === "proposed").length;
      io.err(zh ? `已写入 ${out}（建议值 ${proposed} 个）\n` : `wrote ${out} (${proposed} proposed cells)\n`);
      return 0;
    }
    case "track": {
      if (a.pos.length !== 1) throw new Usage(zh ? "需要一个输入工作簿" : "one input workbook is required");
      const scheme = schemeOf(a.opts.scheme, lang);
      if (!a.opts.period) throw new Usage(zh ? "需要 --period，例如 2023-09" : "--period is required, e.g. 2023-09");
      const period = parsePeriod(a.opts.period);
      if (!period)
        throw new Usage(
          zh
            ? `--period 应为 2023-09、2023Q3 或 2023-H1，不是“${a.opts.period}”`
            : `--period must be like 2023-09, not "${a.opts.period}"`,
        );
      let tolerance: number | undefined;
      if (a.opts.tolerance !== undefined) {
        tolerance = Number(a.opts.tolerance);
        if (!(tolerance >= 0 && tolerance <= 0.5))
          throw new Usage(zh ? "--tolerance 应在 0 到 0.5 之间（0.05 = ±5%）" : "--tolerance must be within 0–0.5");
      }
      const out = needOut();
      const book = await load(a.pos[0], lang);
      const sheets = await book.readSheets();
      const r = runTrack(sheets, scheme, period, { lang, tolerance });
      const projects = runProjects(sheets, scheme, lang);
      const plan: ResultPlan = {
        sheets: [...r.plan.sheets, ...(projects?.plan.sheets ?? [])],
        activate: r.plan.activate,
      };
      await writePlan(book, plan, out, [a.pos[0]], lang);
      json({
        scheme: scheme.id,
        periods: r.run.periods,
        rows: r.run.rows.map((x, i) => ({
          id: x.target.id,
          unit: x.target.unit,
          name: x.target.name,
          kind: x.target.kind,
          value: x.target.value ?? null,
          direction: x.target.direction,
          cells: x.cells.map((c) => ({ ...c, status: statusText(String(c.status), lang) })),
          rank: r.run.rank[i],
        })),
        lagging: r.run.lagging.map((i) => r.run.rows[i].target.id),
        unmatched: r.run.unmatched,
        projects: projects?.results ?? null,
      });
      const last = r.run.rows.map((x) => x.cells[x.cells.length - 1].status);
      const count = (s: string) => last.filter((x) => x === s).length;
      io.err(
        zh
          ? `${period.label}：已完成 ${count("已完成")}，超序时进度 ${count("超序时进度")}，滞后 ${count("滞后")}，未报送 ${count("未报送")}；已写入 ${out}\n`
          : `${period.key}: completed ${count("已完成")}, ahead ${count("超序时进度")}, behind ${count("滞后")}, not reported ${count("未报送")}; wrote ${out}\n`,
      );
      if (projects) {
        const fail = projects.results.filter((p) => !p.pass);
        for (const p of fail)
          io.err(`${zh ? "未达标" : "fails"}：${p.name}：${[...p.failing, ...p.missing].join("；")}\n`);
      }
      return 0;
    }
  }
  return 2;
}
