/**
 * The JSON the command line writes in pieces (src/cli/io.ts) is exactly JSON.stringify(value, null, 2), and the
 * --json result (runJson, its lists lazy) is streamed member by member: the same text as the eager object, with only
 * one entity made at a time.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { jsonChunks, writeJson } from "../src/cli/io";
import { Lazy } from "../src/engine/lazy";
import { check, checkAndScore, runJson, toJson, type RunJson } from "../src/engine/pipeline";
import type { ScoreRun } from "../src/engine/score/result";
import { builtInSchemeIds, getBuiltInScheme } from "../src/schemes";
import { samplePlan } from "../src/samples";
import { huaibei, planSheets, sampleSheets } from "./helpers";

const same = (v: unknown, depth?: number) =>
  expect([...jsonChunks(v, "", depth)].join("")).toBe(JSON.stringify(v, null, 2));

test("a scored result, in pieces, is the text JSON.stringify writes", () => {
  const r = checkAndScore(sampleSheets(), huaibei);
  const json = toJson(huaibei.id, r.allIssues, r.run, r.dataset?.year ?? null);
  expect(json.entities.length).toBeGreaterThan(3);
  for (const depth of [0, 1, 2, 3, 8]) same(json, depth);
});

test("the edge cases: empty arrays and objects, undefined members, nulls, nested text with newlines", () => {
  same({ a: [], b: {}, c: undefined, d: [undefined, null, 1, "x\ny"], e: { f: [{ g: 1 }, []] }, h: () => 1 }, 3);
  same([]);
  same([{}, [], "a"]);
  same(null);
  same("text");
  same({ date: new Date(0) });
});

test("a lazy sequence is written as the array it stands for, at every depth, empty or not", () => {
  const mk = (n: number) => new Lazy<unknown>(n, (i) => (i % 3 ? { i, s: `x\n${i}`, u: undefined } : undefined));
  for (const depth of [0, 1, 2, 3, 8]) {
    const v = { a: mk(5), b: mk(0), c: [mk(2), mk(0)], d: mk(1) };
    const text = [...jsonChunks(v, "", depth)].join("");
    expect(text).toBe(JSON.stringify(v, null, 2));
    expect(JSON.parse(text)).toEqual(
      JSON.parse(JSON.stringify({ a: [...mk(5)], b: [], c: [[...mk(2)], []], d: [null] })),
    );
  }
  expect(() => mk(2).at(2)).toThrow(RangeError);
  expect(mk(2).at(1)).toEqual({ i: 1, s: "x\n1", u: undefined });
});

/** Every built-in scheme's sample, under its default options and under each other choice of each option. */
function runs(): Array<{ label: string; json: RunJson; stream: ReturnType<typeof runJson> }> {
  const out: Array<{ label: string; json: RunJson; stream: ReturnType<typeof runJson> }> = [];
  for (const id of builtInSchemeIds()) {
    const scheme = getBuiltInScheme(id)!;
    const sheets = planSheets(samplePlan(scheme)!);
    const choices = [{}, ...scheme.options.flatMap((o) => o.choices.map((c) => ({ [o.id]: c.id })))];
    for (const options of choices) {
      const r = checkAndScore(sheets, scheme, { force: true, options });
      const year = r.dataset?.year ?? null;
      const label = `${id} ${JSON.stringify(options)}`;
      out.push({ label, json: toJson(id, r.allIssues, r.run, year), stream: runJson(id, r.allIssues, r.run, year) });
    }
    const c = check(sheets, scheme);
    const year = c.dataset?.year ?? null;
    out.push({
      label: `${id} check`,
      json: toJson(id, c.issues, null, year),
      stream: runJson(id, c.issues, null, year),
    });
  }
  return out;
}

test("every built-in scheme's sample: the streamed --json text is JSON.stringify of the eager result", () => {
  const all = runs();
  for (const { label, json, stream } of all) {
    const eager = JSON.stringify(json, null, 2);
    expect({ label, text: [...jsonChunks(stream)].join("") }).toEqual({ label, text: eager });
    expect({ label, text: JSON.stringify(stream, null, 2) }).toEqual({ label, text: eager });
  }
  // what the samples cover between them: ties, vetoes, grades, awards, result usage, issues, a check without a run
  const entities = all.flatMap((x) => x.json.entities);
  expect(all.some((x) => new Set(x.json.entities.map((e) => e.rank)).size < x.json.entities.length)).toBe(true);
  expect(entities.some((e) => e.vetoed && e.vetoReason && e.rank === null)).toBe(true);
  expect(entities.some((e) => e.grade)).toBe(true);
  expect(all.some((x) => x.json.awards.length > 0)).toBe(true);
  expect(all.some((x) => x.json.usage.length > 0)).toBe(true);
  expect(all.some((x) => x.json.issues.length > 0)).toBe(true);
  expect(all.some((x) => x.label.endsWith("check") && x.json.entities.length === 0)).toBe(true);
});

/** The run with each entity's parts (and so its basis sentences) counted as they are read. */
function counted(run: ScoreRun): { run: ScoreRun; made: () => number } {
  let made = 0;
  const entities = run.entities.map(
    (e) =>
      new Proxy(e, {
        get: (target, key) => {
          if (key === "parts") made++;
          return Reflect.get(target, key) as unknown;
        },
      }),
  );
  return { run: { ...run, entities }, made: () => made };
}

test("the entities are made one at a time while they are written, never all first", () => {
  const mujun = getBuiltInScheme("mujun-template")!;
  const r = checkAndScore(planSheets(samplePlan(mujun)!), mujun);
  const { run, made } = counted(r.run!);
  const n = run.entities.length;
  expect(n).toBeGreaterThan(100);
  const stream = runJson(mujun.id, r.allIssues, run, run.year);
  expect(made()).toBe(0);
  // made so far, at the piece that opens each entity: entity k is made just before its own text, not earlier
  const atOpeners: number[] = [];
  let inEntities = false;
  for (const piece of jsonChunks(stream)) {
    if (piece.startsWith(',\n  "')) inEntities = piece === ',\n  "entities": ';
    else if (inEntities && /^[[,]\n {4}$/.test(piece)) atOpeners.push(made());
  }
  expect(atOpeners).toEqual(Array.from({ length: n }, (_, k) => k + 1));
});

describe("writeJson", () => {
  const mujun = getBuiltInScheme("mujun-template")!;
  const r = checkAndScore(planSheets(samplePlan(mujun)!), mujun);
  const stream = () => runJson(mujun.id, r.allIssues, r.run, r.run!.year);
  const eager = JSON.stringify(toJson(mujun.id, r.allIssues, r.run, r.run!.year), null, 2) + "\n";

  test("to standard output (--json -): the eager text with its newline, in pieces", async () => {
    const pieces: string[] = [];
    await writeJson("-", stream(), (s) => pieces.push(s));
    expect(pieces.join("")).toBe(eager);
    expect(pieces.length).toBeGreaterThan(0);
  });

  test("to a file, atomically: the eager text, no temporary left", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-json-"));
    try {
      const file = path.join(dir, "run.json");
      await writeJson(file, stream(), () => {
        throw new Error("nothing goes to standard output");
      });
      expect(fs.readFileSync(file, "utf8")).toBe(eager);
      expect(fs.readdirSync(dir)).toEqual(["run.json"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
