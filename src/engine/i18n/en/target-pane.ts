/** The pane's target panel, English: the same keys as zh/target-pane.ts (the compiler checks). */
import type { Mirror, Vars } from "../types";
import type { targetPane as zh } from "../zh/target-pane";

export const targetPane: Mirror<typeof zh> = {
  "targetPane.title": "Target tables and progress",
  "targetPane.scheme": "Target scheme",
  "targetPane.fill": "Fill a target table",
  "targetPane.method": "Yearly path",
  "targetPane.geometric": "Geometric (equal growth rate)",
  "targetPane.linear": "Linear (equal yearly increment)",
  "targetPane.allocate": "Split the total",
  "targetPane.byBase": "By share of the base",
  "targetPane.byWeights": "By weights you type",
  "targetPane.weights": "Weight of each unit (the base year's actual to start with)",
  "targetPane.typeWeights": "Check or change each unit's weight, then click Propose again",
  "targetPane.propose": "Propose",
  "targetPane.indicator": "Indicator",
  "targetPane.proposalTable": "Proposal beside the current table",
  "targetPane.legend": "Yellow cells are proposals (editable); the others are the table's own values (unchanged)",
  "targetPane.cellLabel": "{what} (current: empty)",
  "targetPane.indicatorOption": "{name} ({unit})",
  "targetPane.total": "Total",
  "targetPane.fixes": "Total check",
  "targetPane.fix":
    "{label}: the total {printed} differs from its members' sum {sum}. " +
    "Set the total to {sum}, or the members to {members}",
  "targetPane.accept": "Accept into a new sheet",
  "targetPane.where": "Write to",
  "targetPane.whereNew": "a new sheet (your table untouched)",
  "targetPane.whereTable": "the empty cells of your own table",
  "targetPane.fixTotals": "also set a total that differs from its members to their sum",
  "targetPane.acceptTable": "Accept into my table",
  "targetPane.confirmTable":
    "Write {n} values into “{sheet}”? Only empty cells are written; a cell that holds anything stays as it is.",
  "targetPane.confirmOk": "Fill my table",
  "targetPane.cancel": "Cancel",
  "targetPane.filledTable": "Filled {n} cells of “{sheet}”",
  "targetPane.refused": ". Not changed: {list}",
  "targetPane.sep": "; ",
  "targetPane.discard": "Discard",
  "targetPane.proposed": (p: Vars) =>
    `${p.n} cells proposed${Number(p.fixes) ? `; ${p.fixes} totals differ from their members` : ""}`,
  "targetPane.wroteSheet": "Wrote: {s}",
  "targetPane.track": "Track progress",
  "targetPane.findPeriods": "Read the periods of the actuals",
  "targetPane.period": "Period",
  "targetPane.badPeriod": "A period is written like 2023-09, 2023Q3 or 2023-H1",
  "targetPane.trackButton": "Track and write the progress sheet",
  "targetPane.trackSummary": "{p}: completed {done}, ahead {ahead}, behind {behind}, not reported {none}",
  "targetPane.lagging": "Behind schedule",
  "targetPane.download": "Download the workbook",
};
