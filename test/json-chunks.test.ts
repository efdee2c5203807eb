/** The JSON the command line writes in pieces (src/cli/io.ts) is exactly JSON.stringify(value, null, 2). */
import { jsonChunks } from "../src/cli/io";
import { checkAndScore, toJson } from "../src/engine/pipeline";
import { huaibei, sampleSheets } from "./helpers";

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
