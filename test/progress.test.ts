/** The command line's progress lines (src/cli/progress.ts) on a clock of its own. */
import { progress } from "../src/cli/progress";

function run(tty: boolean, lang: "zh" | "en", afterMs = 2000) {
  let now = 0;
  const err: string[] = [];
  const p = progress({ lang, err: (s) => err.push(s), tty, afterMs, now: () => now });
  return { p, err, tick: (ms: number) => (now += ms) };
}

test("nothing is shown before the run has taken 2 s; then each stage, rows at most once a second, and done", () => {
  const { p, err, tick } = run(false, "en");
  p.stage("reading");
  tick(1500);
  p.stage("scoring");
  expect(err).toEqual([]);
  tick(1000);
  p.stage("planning");
  p.stage("writing", { file: "out.xlsx" });
  p.rows("Summary", 5000, 100000);
  tick(300);
  p.rows("Summary", 9000, 100000);
  tick(800);
  p.rows("Summary", 20000, 100000);
  p.done();
  expect(err).toEqual([
    "[2.5 s] planning the result sheets…\n",
    "[2.5 s] writing out.xlsx…\n",
    "[2.5 s] writing Summary: row 5000 of 100000…\n",
    "[3.6 s] writing Summary: row 20000 of 100000…\n",
    "[3.6 s] done\n",
  ]);
});

test("on a terminal the line is rewritten in place, in the user's language, and ends with a newline", () => {
  const { p, err, tick } = run(true, "zh");
  tick(3000);
  p.stage("reading");
  p.done();
  expect(err).toEqual(["\r[3.0 秒] 读取工作簿…\x1b[K", "\r[3.0 秒] 完成\x1b[K", "\n"]);
});

test("a short run shows nothing at all, not even done", () => {
  const { p, err, tick } = run(true, "zh");
  p.stage("reading");
  tick(100);
  p.done();
  expect(err).toEqual([]);
});
