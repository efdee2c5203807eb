/** Target tools' texts (English): the same keys as zh/targets.ts (the compiler checks). */
import type { Mirror, Vars } from "../types";
import type { targets as zh } from "../zh/targets";

export const targets: Mirror<typeof zh> = {
  "targets.fill.sheet": "Targets filled",
  "targets.fill.indicator": "{name} ({unit})",
  "targets.fill.amount": "Amount ({unit})",
  "targets.fill.year": "{year}",
  "targets.fill.label": (p: Vars) => `${p.name}${p.year === "" ? "" : ` ${p.year}`}`,
  "targets.total": "Total",
  "targets.fill.path.geometric": "geometric",
  "targets.fill.path.linear": "linear",
  "targets.fill.allocate.base": "base",
  "targets.fill.allocate.growth": "growth",
  "targets.fill.allocate.weights": "weights",
  "targets.fill.note":
    "Yellow cells are proposals (path: {path}; allocation: {allocate}); " +
    "the others are the table's own values, unchanged.",
  "targets.fill.rounding":
    "Rounded to the table's precision by largest remainder so that the members add up to the total exactly; " +
    "rising series and floors kept. The total row is SUM formulas.",
  "targets.fill.cite": "{name}: {cite}",
  "targets.fill.totalCheck": (p: Vars) =>
    `Total check: ${p.label} prints ${p.printed}${p.cell ? ` (${p.cell})` : ""} but its members add up to ${p.sum}. ` +
    `Either set the total to ${p.setTotal}, or set the members to ${p.members}.`,
  "targets.list": ", ",
  "targets.track.sheet": "Progress",
  "targets.track.title": "{title} progress (to {key})",
  "targets.track.note":
    "Time progress = months elapsed ÷ 12. Counts: completion = cumulative ÷ annual target (≥100 % completed, " +
    "≥ time progress ahead, else behind); growth: cumulative ÷ same period last year − 1 against the target rate. " +
    'Actuals are formulas on "{sheet}".',
  "targets.period": "{key}",
  "targets.col.no": "No.",
  "targets.col.unit": "Unit",
  "targets.col.indicator": "Indicator",
  "targets.col.target": "Target",
  "targets.col.value": "Value",
  "targets.col.kind": "Kind",
  "targets.col.cumulative": "Cumulative",
  "targets.col.lastYear": "Last year",
  "targets.col.rate": "Rate",
  "targets.col.status": "Status",
  "targets.col.trend": "Trend",
  "targets.col.completion": "Completion",
  "targets.col.rank": "Rank",
  "targets.col.rankSame": "Rank (same indicator)",
  "targets.track.timeProgress": "Time progress",
  "targets.track.byStatus": "by status",
  "targets.kind.level": "level",
  "targets.kind.growth": "growth",
  "targets.kind.status": "status",
  "targets.track.lagging": "Behind schedule ({key}, as written; the status column above stays live)",
  "targets.none": "none",
  "targets.track.byUnit": "By responsible unit",
  "targets.col.leads": "Leads",
  "targets.col.coOwns": "Co-owns",
  "targets.col.behindLead": "Behind (lead)",
  "targets.col.doneLead": "Completed (lead)",
  "targets.status.done": "completed",
  "targets.status.ahead": "ahead of schedule",
  "targets.status.behind": "behind schedule",
  "targets.status.none": "not reported",
  "targets.wording.aspirational": "(aim) ",
  "targets.wording.growth": "growth ",
  "targets.wording.band": " (±{pct}%)",
  "targets.projects.sheet": "Project check",
  "targets.projects.project": "Project",
  "targets.projects.threshold": (p: Vars) => `${p.name}${p.unit ? ` (${p.unit})` : ""} ≥ ${p.min}`,
  "targets.projects.result": "Result",
  "targets.projects.failing": "Failing",
  "targets.projects.pass": "pass",
  "targets.projects.fail": "fail",
  "targets.projects.missing": "{name} missing",
  "targets.projects.sep": "; ",
  "targets.cli.usage":
    "usage:\n" +
    "  zonescore targets schemes\n" +
    "  zonescore targets fill <book.xlsx> --scheme S [--method geometric|linear] [--allocate base|growth|weights]\n" +
    "                         [--weights unit=w,… | --weights W.json] [--prior P.json] --out F.xlsx [--json F|-]\n" +
    "                         [--into-table [--fix-totals]]  confirmed: also fill the empty cells of the table\n" +
    "                         itself (never a filled one); --fix-totals: a differing total set to its members' sum\n" +
    "  zonescore targets track <book.xlsx> --scheme S --period 2023-09 --out F.xlsx [--json F|-] [--tolerance 0.05]\n" +
    "  zonescore targets template <scheme> --out F.xlsx\n" +
    "  zonescore targets sample <scheme> [--kind fill|track] --out F.xlsx\n" +
    "  schemes: huaibei-2023, yeji-2023, xuancheng-2023; --lang en for English",
  "targets.cli.unknownSub": 'unknown subcommand "{sub}"',
  "targets.cli.oneOf": (p: Vars) => `--${p.name} must be ${String(p.choices).split(",").join(" | ")}, not "${p.value}"`,
  "targets.cli.schemeRequired": "--scheme is required",
  "targets.cli.noScheme": (p: Vars) => `no scheme "${p.id}"; built-in: ${String(p.ids).split(",").join(", ")}`,
  "targets.cli.needInput": "one input workbook is required",
  "targets.cli.needScheme": "one scheme id is required",
  "targets.cli.needOut": "--out F.xlsx is required",
  "targets.cli.notNumber": '--{name}: "{key}" is not a number',
  "targets.cli.noFile": "no such file: {file}",
  "targets.cli.badJson": "{file}: {why}",
  "targets.cli.weightsNeeded": "--allocate weights needs --weights",
  "targets.cli.periodRequired": "--period is required, e.g. 2023-09",
  "targets.cli.badPeriod": '--period must be like 2023-09, not "{period}"',
  "targets.cli.badTolerance": "--tolerance must be within 0–0.5",
  "targets.cli.fill": "fill",
  "targets.cli.track": "track",
  "targets.cli.projects": "+projects",
  "targets.cli.totalCheck": (p: Vars) =>
    `total check: ${p.indicator} ${p.year} prints ${p.printed} but members add up to ${p.sum}`,
  "targets.cli.wroteFill": "wrote {out} ({proposed} proposed cells)",
  "targets.cli.wroteTrack":
    "{period}: completed {done}, ahead {ahead}, behind {behind}, not reported {none}; wrote {out}",
  "targets.cli.fixNeedsInto": "--fix-totals goes with --into-table only (it changes the table's own total cells)",
  "targets.cli.noTableSheet": "the target table was not read from a sheet: there is no table of yours to fill",
  "targets.cli.filledTable":
    "filled {n} cells of your table “{sheet}” (cells that held a value were left as they were)",
  "targets.cli.fails": "fails: {name}: {what}",
};
