/**
 * Issue 8's acceptance: `zonescore score <sample> --scheme <id> --lang en --json out.json` (the compiled command line)
 * has no CJK characters outside user data. User data is what the workbook holds: its sheet names and every text in its
 * cells (unit, zone, project and enterprise names, headers, values echoed in issues and sentences). Fields that are
 * user data as a whole are skipped; in every other string each user text is cut out before looking for CJK, so a
 * message may quote a name but its own words must be English.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getBuiltInScheme } from "../src/schemes";
import { samplePlan } from "../src/samples";

const BIN = path.join(__dirname, "..", "bin", "zonescore.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-en-"));
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function zs(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Fields whose whole value is user data: names of units, the user's sheets, cell values echoed. */
const USER_FIELDS = [/^\.entities\[\]\.name$/, /^\.(awards|usage)\[\]\.entity$/, /^\.issues\[\]\.(sheet|value)$/];

/** Every text of the sample workbook (sheet names and string cells), longest first, so that a longer one goes first. */
function userTexts(id: string): string[] {
  const plan = samplePlan(getBuiltInScheme(id)!)!;
  const texts = new Set<string>();
  for (const s of plan.sheets) {
    texts.add(s.name);
    for (const row of s.values) for (const v of row) if (typeof v === "string" && v.trim()) texts.add(v.trim());
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/** The strings of the JSON with CJK left once user texts are cut out: [path with [] for indexes, the string]. */
function nonUserCjk(json: unknown, user: string[]): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (v: unknown, at: string) => {
    if (typeof v === "string") {
      if (USER_FIELDS.some((f) => f.test(at))) return;
      const rest = user.reduce((s, u) => s.split(u).join(" "), v);
      if (CJK.test(rest)) found.push([at, v]);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, `${at}[]`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  };
  walk(json, "");
  return found;
}

beforeAll(() => {
  // the command line runs from build/node, which `npm ci` (prepare) and `npm test` compile
  expect(fs.existsSync(path.join(__dirname, "..", "build", "node", "cli", "main.js"))).toBe(true);
});

describe.each(["huaibei-2023", "chifeng-2020", "mujun-template"])("score %s --lang en --json", (id) => {
  test("has no CJK outside user data", () => {
    const input = path.join(tmp, `${id}.xlsx`);
    expect(zs("sample", id, "--out", input).code).toBe(0);
    const json = path.join(tmp, `${id}.json`);
    const r = zs(
      "score",
      input,
      "--scheme",
      id,
      "--lang",
      "en",
      "--json",
      json,
      "--out",
      path.join(tmp, `${id}-r.xlsx`),
    );
    expect([r.code, r.err]).toEqual([0, expect.any(String)]);
    const out = JSON.parse(fs.readFileSync(json, "utf8")) as { entities: unknown[] };
    // the walk sees real content: units scored, and strings in them
    expect(out.entities.length).toBeGreaterThan(0);
    const found = nonUserCjk(out, userTexts(id));
    // each offending field once, with an example, so that a failure says where the Chinese still comes from
    const byField = new Map<string, string>();
    for (const [at, s] of found) if (!byField.has(at)) byField.set(at, s);
    expect(Object.fromEntries(byField)).toEqual({});
  });

  test("the ranking printed and the messages on stderr are English too (unit names aside)", () => {
    const input = path.join(tmp, `${id}-2.xlsx`);
    expect(zs("sample", id, "--out", input).code).toBe(0);
    const r = zs("score", input, "--scheme", id, "--lang", "en", "--values", "--out", path.join(tmp, `${id}-2r.xlsx`));
    const user = userTexts(id);
    const head = r.out.split("\n")[0];
    const cut = (s: string) => user.reduce((x, u) => x.split(u).join(" "), s);
    expect(cut(head)).not.toMatch(CJK);
    const last = r.err.trimEnd().split("\n").pop() ?? "";
    expect(last).toMatch(/^wrote /);
  });
});

test("the walk finds Chinese where it is not user data (the check can fail)", () => {
  const json = {
    entities: [{ name: "濉溪经济开发区", parts: [{ basis: "濉溪经济开发区 总分 3" }] }],
    notes: ["Total 3"],
  };
  expect(nonUserCjk(json, ["濉溪经济开发区"])).toEqual([[".entities[].parts[].basis", "濉溪经济开发区 总分 3"]]);
});

/** The sentences of a what-if answer: the `.en` of every text pair, and every other string but the `.zh`. */
function englishSide(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(englishSide);
  if (!json || typeof json !== "object") return json;
  return Object.fromEntries(
    Object.entries(json)
      .filter(([k]) => k !== "zh")
      .map(([k, v]) => [k, englishSide(v)]),
  );
}

describe.each(["huaibei-2023", "chifeng-2020"])("whatif --gap and sensitivity %s --lang en --json", (id) => {
  test("have no CJK outside user data (the Chinese half of each text pair aside)", () => {
    const input = path.join(tmp, `${id}-w.xlsx`);
    expect(zs("sample", id, "--out", input).code).toBe(0);
    const scored = zs("score", input, "--scheme", id, "--json", "-", "--out", path.join(tmp, `${id}-wr.xlsx`));
    const unit = (JSON.parse(scored.out) as { entities: Array<{ name: string }> }).entities[0].name;
    const user = userTexts(id);
    const gap = zs("whatif", input, "--scheme", id, "--gap", String(unit), "--lang", "en", "--json", "-");
    expect([gap.code, gap.err]).toEqual([0, ""]);
    const g = JSON.parse(gap.out) as { gaps: { rules: unknown[] } };
    expect(g.gaps.rules.length).toBeGreaterThan(0);
    const sens = zs("sensitivity", input, "--scheme", id, "--samples", "20", "--lang", "en", "--json", "-");
    expect(sens.code).toBe(0);
    const found = [...nonUserCjk(englishSide(g), user), ...nonUserCjk(englishSide(JSON.parse(sens.out)), user)];
    const byField = new Map<string, string>();
    for (const [at, s] of found) if (!byField.has(at)) byField.set(at, s);
    expect(Object.fromEntries(byField)).toEqual({});
  });
});

test("a scheme's problems are written in the language asked for (--lang en), in Chinese by default", () => {
  const s = JSON.parse(JSON.stringify(getBuiltInScheme("huaibei-2023")!)) as { rules: Array<Record<string, unknown>> };
  const rule = s.rules.find((r) => typeof r.field === "string")!;
  rule.field = "no_such_field";
  const file = path.join(tmp, "broken-scheme.json");
  fs.writeFileSync(file, JSON.stringify(s));
  const input = path.join(tmp, "broken-input.xlsx");
  expect(zs("sample", "huaibei-2023", "--out", input).code).toBe(0);
  const en = zs("score", input, "--scheme", file, "--lang", "en", "--out", path.join(tmp, "broken-en.xlsx"));
  expect(en.code).toBe(2);
  expect(en.err).toMatch(new RegExp(`^zonescore: invalid scheme:\\n  rule ${rule.id} \\(.*\\): .*no_such_field`));
  expect(en.err).not.toMatch(CJK);
  const zh = zs("score", input, "--scheme", file, "--out", path.join(tmp, "broken-zh.xlsx"));
  expect(zh.code).toBe(2);
  expect(zh.err).toMatch(
    new RegExp(`^zonescore: 方案无效 / invalid scheme:\\n  规则 ${rule.id} \\(.*\\): .*no_such_field`),
  );
});
