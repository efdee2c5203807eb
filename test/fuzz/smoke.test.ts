/**
 * The fuzz smoke run in npm test: 500 seeded cases (seeds 1–500) through recognition, limits, reader, engine, plan
 * and writer, a few through the command line. `npm run fuzz -- --n 10000` runs the full suite (see README,
 * Reliability); a failing seed replays with `npm run fuzz -- --seed N`.
 */
import * as fs from "fs";
import { runCase, runCliCase, summarise, tmpDir, type CaseResult } from "./fuzz";

test("500 fuzz cases: no crash, no non-finite result, no input modified, every output readable", async () => {
  const results: CaseResult[] = [];
  const dir = tmpDir();
  for (let seed = 1; seed <= 500; seed++)
    results.push(
      seed % 100 === 0
        ? await runCliCase(seed, dir)
        : await runCase(seed, { inMemory: true, serialiseEvery: 10, reread: seed % 50 === 0 }),
    );
  fs.rmSync(dir, { recursive: true, force: true });
  const s = summarise(results);
  expect(s.cases).toBe(500);
  // every level was exercised, and broken files were refused with a message rather than read
  expect(Object.keys(s.byLevel).sort()).toEqual(["cell", "file", "row", "sheet"]);
  expect(s.refused).toBeGreaterThan(0);
  expect(s.scored).toBeGreaterThan(250);
  expect(s.failures.map((f) => `${f.seed} ${f.failure}: ${f.mutations.join("; ")} — ${f.detail}`)).toEqual([]);
}, 300000);
