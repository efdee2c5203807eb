/**
 * What-if: scenarios, gap to the next level, sensitivity, and their result sheets. Pure; runs in node and the
 * browser.
 */
export { applyChanges, describeChange, findRow, WhatIfError, type Change } from "./changes";
export {
  deleteScenario,
  diffRuns,
  parseScenarios,
  reset,
  runScenario,
  saveScenario,
  startWhatIf,
  undo,
  withChange,
  without,
  type SavedScenario,
  type ScenarioDiff,
  type ScenarioResult,
  type UnitDiff,
  type WhatIf,
} from "./scenario";
export { awardGaps, placeGap, ruleGaps, unitGaps, type AwardGap, type PlaceGap, type PlaceWay } from "./gap";
export type { GapChange, RuleGap, RuleKind } from "./gap-env";
export { GAP_FNS, type GapFn } from "./gap-kinds";
export { seededRandom, sensitivity, type SensitivityOptions, type SensitivityResult } from "./sensitivity";
export { scenarioSheet, sensitivitySheet, type LiveBaseline, type ScenarioRun } from "./sheets";
