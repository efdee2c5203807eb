/** The result sheets' and the input template's texts (English): the same keys as zh/sheets.ts (the compiler checks). */
import type { Mirror } from "../types";
import type { sheets as zh } from "../zh/sheets";

export const sheets: Mirror<typeof zh> = {
  "sheet.subtitle": "{source} · evaluation year {year} · made by ZoneScore{stamp}",
  "sheet.title": "{scheme} — {sheet} ({year})",
  "sheet.summary.scored": "Scores",
  "sheet.summary.bonus": "Bonus points",
  "sheet.groups": "Group ranking",
  "sheet.groups.heading": "Overall ranking",
  "sheet.calc": "Calculation",
  "sheet.calc.shared": "Values the formulas share",
  "sheet.calc.sharedValue": "Value",
  "sheet.calc.takesPart": "Takes part (1 ranked, 0 vetoed or excluded)",
  "sheet.calc.pool": "{rule}: value taking part",
  "sheet.calc.count": "{rule}: units ranked",
  "sheet.calc.max": "{rule}: highest",
  "sheet.calc.min": "{rule}: lowest",
  "sheet.calc.mean": "{param} (mean of its column)",
  "sheet.calc.totalCount": "Units with a total (for the grades)",
  "sheet.calc.total": "Total",
  "sheet.calc.inOrder": "Totals still best first (then each rank follows from the row above)",
  "sheet.calc.points": "{rule}: points",
  "sheet.calc.tieShare": "Total: share summing to 1 over tied units (dense rank)",
  "sheet.details.scored": "Score details",
  "sheet.details.bonus": "Bonus details",
  "sheet.awards": "Awards",
  "sheet.usage": "Result usage",
  "sheet.issues": "Checks",
  "sheet.issues.title": "Checks ({year})",
  "sheet.issues.subtitle": "Click a cell address to go to that cell",
  "sheet.col.rank": "Rank",
  "sheet.col.name": "Name",
  "sheet.col.group": "{name} ({weight})",
  "sheet.col.score": "Score",
  "sheet.col.bonusGrouped": "Additional points",
  "sheet.col.bonusTotal": "Bonus total",
  "sheet.col.deduction": "Deductions",
  "sheet.col.base": "Base score",
  "sheet.col.total": "Total",
  "sheet.col.grade": "Grade",
  "sheet.col.calcPlace": "Place in column {col} of {sheet}",
  "sheet.col.remark": "Remark",
  "sheet.col.rule": "Rule",
  "sheet.col.clause": "Clause",
  "sheet.col.points": "Points",
  "sheet.col.subject": "Subject",
  "sheet.col.basis": "Basis",
  "sheet.col.inputs": "Input cells",
  "sheet.col.award": "Award",
  "sheet.col.amount": "Amount",
  "sheet.col.unit": "Unit",
  "sheet.col.nature": "Kind",
  "sheet.col.outcome": "Result usage",
  "sheet.col.severity": "Severity",
  "sheet.col.code": "Code",
  "sheet.col.sheet": "Sheet",
  "sheet.col.cell": "Cell",
  "sheet.col.message": "Message",
  "sheet.col.value": "Value",
  "sheet.col.fix": "Suggestion",
  "sheet.col.entity": "Evaluated unit",
  "sheet.col.item": "Project / enterprise",
  "sheet.col.itemPoints": "Points",
  "sheet.listSep": ", ",
  "sheet.vetoed": "Not rated: {reason}",
  "sheet.entityVetoed": "{name} is not rated: {reason}",
  "sheet.notRated": "Not rated",
  "sheet.none": "(none)",
  "sheet.upTo": "Upper limit",
  "sheet.asSet": "As set",
  "sheet.note": "Note: {text}",
  "sheet.note.values":
    "This sheet holds values (an archive snapshot): changing the input sheets does not change it; " +
    "use formula mode for a sheet that follows the inputs",
  "sheet.note.checks": "Checks: {errors} errors, {warnings} warnings; see {sheet}",
  "sheet.note.live":
    "This sheet holds live formulas: when the data in the input sheets changes, points, totals and ranks " +
    "are recalculated{calc}{fallback}",
  "sheet.note.liveCalc":
    "; the points of projects and enterprises are listed item by item in {sheet} and summed per evaluated unit " +
    "(matched by the names at the time of writing)",
  "sheet.note.liveShared":
    "; values many formulas share (who takes part, means, counts, highest and lowest) are computed once each " +
    "at the right of {sheet}",
  "sheet.note.liveFallback": "; {n} score cells are values and do not follow the inputs ({why})",
  "sheet.note.fallbackCount": "{why}: {n}",
  "sheet.note.liveDetail":
    "this sheet lists every rule for every evaluated unit (projects and enterprises item by item), {n} rows, the " +
    "points as live formulas; the filter shows only the rows whose points are not 0. After changing the input " +
    "sheets, re-apply the filter (Excel: Data → Reapply; WPS, LibreOffice: Data → Filter → Reapply) and the rows " +
    "that now score appear; the basis and input cells columns describe the inputs as written",
  "sheet.note.liveAwards":
    "this sheet lists every award for every evaluated unit, {n} rows; {live} amounts are live formulas that follow " +
    "the inputs and the score sheet, {kept} (special awards chosen in the input sheet, awards by place ranked by a " +
    "column or by completion) are values as written; items whose input cells were empty or text when written " +
    "have no formula (write the results again once they are filled in). The filter shows only the rows whose " +
    "amount is not 0: after changing the input sheets, re-apply it (Excel: Data → Reapply; WPS, LibreOffice: " +
    "Data → Filter → Reapply); the basis column describes the inputs as written",
  "sheet.award.notMet": "not met as written ({description})",
  "sheet.note.compactDetail":
    "{units} evaluated units (more than {limit}): this sheet has one row per unit with each rule's points in a " +
    "column, without each rule's basis and input cells; the full detail is in the result of the command line " +
    "zonescore score --json, or for one unit in the task pane",
  "sheet.note.compactDetailLive":
    "in formula mode each rule's points refer to the same unit's cell in {sheet} and follow edits of the inputs",
  "sheet.note.groups": "each first-level indicator's score is the sum of the indicator scores in {sheet}",
  "sheet.usage.streak": "score ≥ {min} for {years} years running",
  "sheet.usage.bottom": "among the last {n} for {years} times running",
  "sheet.template.params": "Parameters",
  "sheet.template.value": "Value",
  "sheet.template.note": "Note",
  "sheet.template.help": "Help",
  "sheet.template.total": "Total",
  "sheet.template.withUnit": "{name} ({unit})",
  "sheet.template.year": "{year}",
  "sheet.template.helpTitle": "{scheme}: the input sheets",
  "sheet.template.source": "Source: {source}",
  "sheet.template.colSheet": "Sheet",
  "sheet.template.colColumn": "Column",
  "sheet.template.colUnit": "Unit",
  "sheet.template.colRequired": "Required",
  "sheet.template.colType": "Type",
  "sheet.template.colSynonyms": "Other accepted headers",
  "sheet.template.colNote": "Note",
  "sheet.template.type.text": "text",
  "sheet.template.type.number": "number",
  "sheet.template.type.count": "whole number",
  "sheet.template.type.bool": "yes/no (yes/no, √/×, Y/N, 1/0)",
  "sheet.template.type.code": "code",
  "sheet.template.thisYear": " (evaluation year)",
  "sheet.template.lastYear": " (the year before the evaluation year)",
  "sheet.template.yes": "yes",
  "sheet.template.no": "no",
  "sheet.template.noDefault": "no (empty takes the default)",
  "sheet.template.headers":
    "A header may carry its unit in brackets (full or half width), and a year such as 2023 may stand for " +
    "this year; title rows and a reporting-unit row may stand above the header.",
  "sheet.severity.error": "error",
  "sheet.severity.warning": "warning",
  "sheet.severity.info": "info",
  "sheet.chart": "Score breakdown",
};
