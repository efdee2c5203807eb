/**
 * Scenarios: a change set applied to the dataset, rescored, and compared with the baseline unit by unit (points per
 * rule, total, rank with ↑/↓, awards, grade), with the list of every other unit whose rank moved. Undo and reset are
 * list operations on the change set; named scenarios are plain JSON (saved in the workbook's ZoneScore settings).
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset, FieldValue } from "../dataset";
import type { AwardResult, ScoreRun } from "../score/result";
import type { Lang } from "../types";
import { score, type ScoreOptions } from "../score/scoring";
import { applyChanges, WhatIfError, type Change } from "./changes";
import { t } from "../i18n";
import { roundTo } from "../format";

export interface RuleDelta {
  rule: string;
  before: number;
  after: number;
  delta: number;
}

export interface AwardLine {
  rule: string;
  label: string;
  subject: string;
  amount: number;
  unit: string;
}

export interface UnitDiff {
  index: number;
  name: string;
  rankBefore: number | null;
  rankAfter: number | null;
  /** places gained (positive = up); null when ranked in only one of the two */
  placesUp: number | null;
  /** "↑2", "↓1", "" (unchanged), "新参评"/"不再参评" when one side is unranked */
  arrow: string;
  totalBefore: number;
  totalAfter: number;
  totalDelta: number;
  /** every rule whose points changed */
  rules: RuleDelta[];
  gradeBefore?: string;
  gradeAfter?: string;
  awardsGained: AwardLine[];
  awardsLost: AwardLine[];
  /** award amount change per unit of account (万元, 亩, 分 …) */
  awardDelta: Record<string, number>;
  vetoedBefore: boolean;
  vetoedAfter: boolean;
}

export interface ScenarioDiff {
  /** one unit's difference (an unchanged unit too) */
  unit(i: number): UnitDiff;
  /** every unit, in input order (built when read) */
  readonly units: UnitDiff[];
  /** units whose rank moved (or who entered / left the ranking), best new rank first */
  moved: number[];
  /** units with any difference at all */
  changed: number[];
}

/** each unit's awards, only for units that have any (100,000-unit lists have few) */
function awardLines(run: ScoreRun): Map<number, AwardLine[]> {
  const out = new Map<number, AwardLine[]>();
  for (const a of run.awards as AwardResult[]) {
    let l = out.get(a.entityIndex);
    if (!l) out.set(a.entityIndex, (l = []));
    l.push({ rule: a.rule, label: a.label, subject: a.subject, amount: a.amount, unit: a.unit });
  }
  return out;
}

const NONE: AwardLine[] = [];
const awardKey = (a: AwardLine) => `${a.rule}\u0000${a.label}\u0000${a.subject}\u0000${a.amount}\u0000${a.unit}`;

function arrowOf(before: number | null, after: number | null, lang: Lang): [number | null, string] {
  if (before === null && after === null) return [null, ""];
  if (before === null) return [null, t(lang, "whatif.nowRanked")];
  if (after === null) return [null, t(lang, "whatif.noLongerRanked")];
  const up = before - after;
  return [up, up > 0 ? `↑${up}` : up < 0 ? `↓${-up}` : ""];
}

/** The two runs being compared, with each unit's awards on both sides. */
interface RunPair {
  base: ScoreRun;
  next: ScoreRun;
  /** rule ids in the order of the runs' points */
  ids: readonly string[];
  aBase: Map<number, AwardLine[]>;
  aNext: Map<number, AwardLine[]>;
  lang: Lang;
}

/** Every rule whose points differ. */
function ruleDeltas(pb: readonly number[], pn: readonly number[], ids: readonly string[]): RuleDelta[] {
  const rules: RuleDelta[] = [];
  for (let k = 0; k < pb.length; k++)
    if (pb[k] !== pn[k]) rules.push({ rule: ids[k], before: pb[k], after: pn[k], delta: roundTo(pn[k] - pb[k], 9) });
  return rules;
}

/** Awards gained and lost, and the change in amount per unit of account. */
function awardChange(ab: AwardLine[], an: AwardLine[]): Pick<UnitDiff, "awardsGained" | "awardsLost" | "awardDelta"> {
  let gained: AwardLine[] = [];
  let lost: AwardLine[] = [];
  if (ab.length || an.length) {
    const kb = new Map(ab.map((a) => [awardKey(a), a]));
    const kn = new Map(an.map((a) => [awardKey(a), a]));
    gained = [...kn].filter(([k]) => !kb.has(k)).map(([, a]) => a);
    lost = [...kb].filter(([k]) => !kn.has(k)).map(([, a]) => a);
  }
  const awardDelta: Record<string, number> = {};
  for (const a of gained) awardDelta[a.unit] = roundTo((awardDelta[a.unit] ?? 0) + a.amount, 9);
  for (const a of lost) awardDelta[a.unit] = roundTo((awardDelta[a.unit] ?? 0) - a.amount, 9);
  return { awardsGained: gained, awardsLost: lost, awardDelta };
}

/** One unit's difference between the runs. */
function unitDiff(x: RunPair, i: number): UnitDiff {
  const b = x.base.entities[i];
  const e = x.next.entities[i];
  const [placesUp, arrow] = arrowOf(b.rank, e.rank, x.lang);
  const u: UnitDiff = {
    index: i,
    name: b.name,
    rankBefore: b.rank,
    rankAfter: e.rank,
    placesUp,
    arrow,
    totalBefore: b.total,
    totalAfter: e.total,
    totalDelta: roundTo(e.total - b.total, 9),
    rules: ruleDeltas(b.points, e.points, x.ids),
    ...awardChange(x.aBase.get(i) ?? NONE, x.aNext.get(i) ?? NONE),
    vetoedBefore: b.vetoed,
    vetoedAfter: e.vetoed,
  };
  if (b.grade !== undefined || e.grade !== undefined) {
    u.gradeBefore = b.grade;
    u.gradeAfter = e.grade;
  }
  return u;
}

/** A cheap pass over every unit (totals, ranks, vetoes, grades, awards, points per rule) building nothing. */
function changedUnits(x: RunPair): number[] {
  const changed: number[] = [];
  const nr = x.ids.length;
  const keys = (l: AwardLine[] | undefined) => (l ? l.map(awardKey).sort().join("\u0001") : "");
  for (let i = 0; i < x.base.entities.length; i++) {
    const b = x.base.entities[i];
    const e = x.next.entities[i];
    let diff = b.total !== e.total || b.rank !== e.rank || b.vetoed !== e.vetoed || b.grade !== e.grade;
    if (!diff && (x.aBase.has(i) || x.aNext.has(i))) diff = keys(x.aBase.get(i)) !== keys(x.aNext.get(i));
    if (!diff && nr) {
      const pb = b.points;
      const pn = e.points;
      for (let k = 0; k < nr && !diff; k++) diff = pb[k] !== pn[k];
    }
    if (diff) changed.push(i);
  }
  return changed;
}

/** The changed units whose rank moved, best new rank first (leaving the ranking last). */
function movedUnits(x: RunPair, changed: readonly number[]): number[] {
  const movedRank: Array<[number, number]> = [];
  for (const i of changed) {
    const before = x.base.entities[i].rank;
    const after = x.next.entities[i].rank;
    if (before !== after) movedRank.push([i, after ?? Infinity]);
  }
  return movedRank.sort((a, b) => a[1] - b[1] || a[0] - b[0]).map((m) => m[0]);
}

/**
 * Compare two runs of the same scheme over the same units (a scenario may add list rows, never units). `ruleIds` are
 * the scheme's rule ids in order (read from the runs' parts when not given, which builds their sentences). The units
 * that differ are found in one cheap pass; their UnitDiff (`unit(i)`, `units`) is built when read.
 */
export function diffRuns(base: ScoreRun, next: ScoreRun, lang: Lang = "zh", ruleIds?: readonly string[]): ScenarioDiff {
  const n = base.entities.length;
  if (n !== next.entities.length) throw new WhatIfError(t(lang, "whatif.badScenario", { why: "unit count differs" }));
  const ids = ruleIds ?? base.entities[0]?.parts.map((p) => p.rule) ?? [];
  const x: RunPair = { base, next, ids, aBase: awardLines(base), aNext: awardLines(next), lang };
  const changed = changedUnits(x);
  const cache = new Map<number, UnitDiff>();
  const unit = (i: number) => {
    let u = cache.get(i);
    if (!u) cache.set(i, (u = unitDiff(x, i)));
    return u;
  };
  let all: UnitDiff[] | null = null;
  return {
    moved: movedUnits(x, changed),
    changed,
    unit,
    get units() {
      return (all ??= Array.from({ length: n }, (_, i) => unit(i)));
    },
  };
}

/** A what-if session: the baseline kept, a change set edited by list operations, every edit rescored. */
export interface WhatIf {
  scheme: Scheme;
  data: Dataset;
  opts: ScoreOptions;
  baseline: ScoreRun;
}

export function startWhatIf(scheme: Scheme, data: Dataset, opts: ScoreOptions = {}, baseline?: ScoreRun): WhatIf {
  return { scheme, data, opts, baseline: baseline ?? score(scheme, data, opts) };
}

export interface ScenarioResult {
  data: Dataset;
  run: ScoreRun;
  diff: ScenarioDiff;
}

/** Apply the change set, rescore everything, and diff against the baseline. */
export function runScenario(w: WhatIf, changes: readonly Change[]): ScenarioResult {
  const lang = w.opts.lang ?? "zh";
  const data = applyChanges(w.scheme, w.data, changes, lang);
  const run = score(w.scheme, data, w.opts);
  return {
    data,
    run,
    diff: diffRuns(
      w.baseline,
      run,
      lang,
      w.scheme.rules.map((r) => r.id),
    ),
  };
}

// the change set as a list: each operation returns a new list, the old one is untouched

/** Add a change at the end (a later "set" of the same cell wins; undo takes it away and the earlier value is back). */
export function withChange(changes: readonly Change[], c: Change): Change[] {
  return [...changes, c];
}

/** Undo the last change. */
export function undo(changes: readonly Change[]): Change[] {
  return changes.slice(0, -1);
}

/** Back to the baseline. */
export function reset(): Change[] {
  return [];
}

/** The change set with one change taken out (by position). */
export function without(changes: readonly Change[], index: number): Change[] {
  return changes.filter((_, k) => k !== index);
}

export interface SavedScenario {
  name: string;
  changes: Change[];
  note?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isFieldValue = (v: unknown): v is FieldValue =>
  v === null || typeof v === "boolean" || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));

/** A scenario file that does not have the expected form: where, and what was expected there. */
class Malformed extends Error {
  constructor(
    readonly where: string,
    readonly expected: "object" | "text" | "wholeNumber" | "value" | "numberOrText" | "op" | "list" | "scenarios",
  ) {
    super(`${where}: ${expected}`);
  }
}

function parseChange(v: unknown, where: string): Change {
  if (!isObj(v)) throw new Malformed(where, "object");
  const str = (k: string) => {
    if (typeof v[k] !== "string") throw new Malformed(`${where}.${k}`, "text");
    return v[k] as string;
  };
  const row = v.row === undefined ? undefined : Number.isInteger(v.row) ? (v.row as number) : NaN;
  if (Number.isNaN(row)) throw new Malformed(`${where}.row`, "wholeNumber");
  const at = row === undefined ? {} : { row };
  switch (v.op) {
    case "set":
      if (!isFieldValue(v.value)) throw new Malformed(`${where}.value`, "value");
      return { op: "set", table: str("table"), key: str("key"), field: str("field"), value: v.value, ...at };
    case "remove":
      return { op: "remove", table: str("table"), key: str("key"), ...at };
    case "add": {
      if (!isObj(v.values)) throw new Malformed(`${where}.values`, "object");
      const values: Record<string, FieldValue> = {};
      for (const [k, x] of Object.entries(v.values)) {
        if (!isFieldValue(x)) throw new Malformed(`${where}.values.${k}`, "value");
        values[k] = x;
      }
      return { op: "add", table: str("table"), unit: str("unit"), values };
    }
    case "param":
      if (typeof v.value !== "number" && typeof v.value !== "string")
        throw new Malformed(`${where}.value`, "numberOrText");
      return { op: "param", param: str("param"), value: v.value };
    default:
      throw new Malformed(`${where}.op`, "op");
  }
}

/** One saved scenario: a name not used before, its changes, a note. */
function parseSaved(s: unknown, k: number, names: Set<string>, lang: Lang): SavedScenario {
  if (!isObj(s) || typeof s.name !== "string" || !s.name.trim()) throw new Malformed(`[${k}].name`, "text");
  if (names.has(s.name))
    throw new WhatIfError(t(lang, "whatif.badScenario", { why: t(lang, "whatif.json.twice", { k, name: s.name }) }));
  names.add(s.name);
  if (!Array.isArray(s.changes)) throw new Malformed(`[${k}].changes`, "list");
  const out: SavedScenario = { name: s.name, changes: s.changes.map((c, j) => parseChange(c, `[${k}].changes[${j}]`)) };
  if (typeof s.note === "string") out.note = s.note;
  return out;
}

/** Validate scenarios read from JSON (the workbook's settings, a file): a clear message naming what is wrong. */
export function parseScenarios(v: unknown, lang: Lang = "zh"): SavedScenario[] {
  try {
    if (!Array.isArray(v)) throw new Malformed("", "scenarios");
    const names = new Set<string>();
    return v.map((s, k) => parseSaved(s, k, names, lang));
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    const why = t(lang, `whatif.json.${e.expected}`, { where: e.where });
    throw new WhatIfError(t(lang, "whatif.badScenario", { why }));
  }
}

/** Add or replace a named scenario (by name), keeping the others in order. */
export function saveScenario(list: readonly SavedScenario[], s: SavedScenario): SavedScenario[] {
  const k = list.findIndex((x) => x.name === s.name);
  return k < 0 ? [...list, s] : list.map((x, j) => (j === k ? s : x));
}

export function deleteScenario(list: readonly SavedScenario[], name: string): SavedScenario[] {
  return list.filter((x) => x.name !== name);
}
