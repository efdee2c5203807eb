/** The pane's state model: what makes results out of date, what a new workbook clears, which scheme is suggested. */
import { initialState, inputsKey, isStale, reducer, yearInvalid, yearOf, type State } from "../../src/taskpane/state";
import { suggestScheme, WORKBOOK_SCHEME } from "../../src/taskpane/suggest";
import { builtInSchemeIds, getBuiltInScheme } from "../../src/schemes";
import { samplePlan } from "../../src/samples";
import { schemeToPlan } from "../../src/engine/scheme/sheets";
import { showNumber, showPoints } from "../../src/taskpane/num";
import { planSheets } from "../helpers";

const schemes = builtInSchemeIds().map((id) => getBuiltInScheme(id)!);

function withResults(s: State): State {
  const inputs = inputsKey(s);
  return reducer(
    reducer(s, {
      type: "findings",
      findings: { issues: [], mapping: [], errors: 0, warnings: 0, inputs },
    }),
    { type: "results", results: { run: {} as never, written: ["加分汇总"], inputs } },
  );
}

test("every input change marks findings and results out of date; the language and a repeated value do not", () => {
  const s0 = withResults(
    reducer(initialState("zh", "chifeng-2020", false), { type: "opened", name: "a.xlsx", suggested: null }),
  );
  expect(isStale(s0, s0.results)).toBe(false);
  const changes = [
    { type: "option", id: "rankReading", value: "rank-linear" },
    { type: "year", year: "2022" },
    { type: "scheme", id: "huaibei-2023" },
    { type: "mappingSaved" },
  ] as const;
  for (const a of changes) {
    const s = reducer(s0, a);
    expect([a.type, isStale(s, s.results), isStale(s, s.findings)]).toEqual([a.type, true, true]);
  }
  for (const a of [
    { type: "lang", lang: "en" },
    { type: "scheme", id: "chifeng-2020" },
    { type: "year", year: "" },
  ] as const)
    expect(isStale(reducer(s0, a), s0.results)).toBe(false);
  // an option set back to what it was: up to date again
  const back = reducer(reducer(s0, { type: "year", year: "2022" }), { type: "year", year: "" });
  expect(isStale(back, back.results)).toBe(false);
});

test("a second workbook leaves nothing of the first: findings, results, year, mapping version, status", () => {
  let s = reducer(initialState("zh", "huaibei-2023", false), {
    type: "opened",
    name: "a.xlsx",
    suggested: "huaibei-2023",
  });
  s = reducer(s, { type: "year", year: "2023" });
  s = reducer(s, { type: "mappingSaved" });
  s = withResults(s);
  s = reducer(s, { type: "opened", name: "b.xlsx", suggested: "chifeng-2020" });
  expect(s).toMatchObject({
    fileName: "b.xlsx",
    schemeId: "chifeng-2020",
    year: "",
    mappingVersion: 0,
    findings: null,
    results: null,
    options: {},
    status: { key: "opened", name: "b.xlsx" },
  });
  expect(s.book).toBe(2);
});

test("the year: four digits in a plausible range, else a message and no run", () => {
  expect(yearOf("2023")).toBe(2023);
  expect(yearOf(" 2023 ")).toBe(2023);
  expect(yearOf("23")).toBeUndefined();
  expect(yearOf("2023年")).toBeUndefined();
  expect(yearInvalid("")).toBe(false);
  expect(yearInvalid("abcd")).toBe(true);
  expect(yearInvalid("3023")).toBe(true);
});

test.each(builtInSchemeIds())("the sheets of the %s sample suggest that scheme", (id) => {
  expect(suggestScheme(planSheets(samplePlan(getBuiltInScheme(id)!)!), schemes)).toBe(id);
});

test("a workbook with its own rules sheets suggests its own scheme; an unrelated one suggests nothing", () => {
  expect(suggestScheme(planSheets(schemeToPlan(schemes[0])), schemes)).toBe(WORKBOOK_SCHEME);
  expect(
    suggestScheme([{ name: "Sheet1", originRow: 0, originCol: 0, values: [["姓名", "年龄"]], merges: [] }], schemes),
  ).toBeNull();
});

test("numbers on screen: two decimals, integers without, — for none", () => {
  expect(showNumber(108.23076923)).toBe("108.23");
  expect(showNumber(88.999999999)).toBe("89");
  expect(showNumber(192.5)).toBe("192.50");
  expect(showNumber(-0.001)).toBe("0");
  expect(showNumber(null)).toBe("—");
  expect(showNumber(Infinity)).toBe("—");
  expect(showPoints(0)).toBe("—");
  expect(showPoints(20)).toBe("20");
});

test("the write's lock: set only while busy, kept with its progress, gone with the operation", () => {
  const idle = initialState("zh", "huaibei-2023", true);
  expect(reducer(idle, { type: "lock", lock: "final" })).toBe(idle);
  const busy = reducer(idle, { type: "busy", busy: { task: "score", progress: null, cancellable: true } });
  const writing = reducer(busy, {
    type: "progress",
    progress: { done: 2, total: 3, stage: "write", part: { done: 40, total: 100 } },
  });
  const locked = reducer(writing, { type: "lock", lock: "final" });
  expect(locked.busy).toEqual({
    task: "score",
    progress: { done: 2, total: 3, stage: "write", part: { done: 40, total: 100 } },
    cancellable: true,
    lock: "final",
  });
  const later = reducer(locked, {
    type: "progress",
    progress: { done: 2, total: 3, stage: "write", part: { done: 100, total: 100 } },
  });
  expect(later.busy!.lock).toBe("final");
  expect(reducer(later, { type: "busy", busy: null }).busy).toBeNull();
});
