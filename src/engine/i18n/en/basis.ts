/** Explanation sentences (basis), their warnings and the rules-sheet help (English): the keys of zh/basis.ts. */
import type { Mirror, Vars } from "../types";
import type { basis as zh } from "../zh/basis";

export const basis: Mirror<typeof zh> = {
  // shared pieces
  "basis.blank": "(blank)",
  "basis.yes": "yes",
  "basis.no": "no",
  "basis.sep": "; ",
  "basis.comma": ", ",
  "basis.and": " and ",
  "basis.notFilled": "blank",
  "basis.missing": "{label}: no data → 0",
  "basis.ruleRow": "{rule} ({name}): {text}",
  // conditions
  "basis.cond.noParam": 'the parameter "{name}" is missing',
  "basis.cond.missing": "{label}: no data",
  "basis.cond.is": "{label}: {value}",
  "basis.cond.notNumber": "{label} is not a number",
  // rank
  // tiers
  // target
  // per-unit, flag, entered, growth, benchmark, deduction, veto
  // certification
  // result notes, vetoes and exclusions
  "basis.enum": ", ",
  "basis.excluded": "not evaluated this year: {reason} ({clause})",
  "basis.vetoed": "not evaluated (vetoed): {reason}",
  "basis.notTaking.excluded": "is not evaluated this year",
  "basis.notTaking.vetoed": "is vetoed this year ({reason})",
  "basis.note.year": "evaluation year {year} (from {source})",
  "basis.note.param": "{name} {value}{unit} (from {source})",
  "basis.note.option": "{name}: {id} ({choice}: {description}) [default]",
  "basis.note.optionChosen": "{name}: {id} ({choice}: {description}) [chosen by the user]",
  "basis.note.total":
    "Totals: every rule's points are kept at full precision; each subtotal and the total is the exact sum of its " +
    "parts (whatever the order), rounded to {decimals} decimal places before anything compares them; ranks, awards " +
    "by place (tied places pooled), grades and result usage all use these totals, and the live formulas round the " +
    "same way with ROUND(total, {decimals}); the sheets show 2 decimals",
  "basis.note.ranking": "Ranking: by total, highest first; {ties}; tied rows in the order of the unit table",
  "basis.note.ties.competition": "tied units share a place and the next place is skipped (as Excel RANK.EQ)",
  "basis.note.ties.dense": "tied units share a place and no place is skipped (dense ranking)",
  "basis.note.ties.average": "tied units take the mean of their places (as Excel RANK.AVG)",
  "basis.note.noBase": 'the unit table has no "{column}" column: totals include no base score',
  "basis.note.vetoed": "not evaluated (vetoed): {units}",
  "basis.note.vetoedUnit": "{name} ({reason})",
  "basis.note.usageOn": 'result usage {id} "{description}" is switched on: {origin}',
  "basis.note.usageOff": "result usage {id} ({origin}) is switched off (option {option})",
  // result usage
  "basis.usage.score": "{year}: {score} points",
  "basis.usage.none": "none",
  "basis.usage.rank": "{year}: place {rank}/{count}",
  "basis.usage.origin": " ({origin})",
  "basis.usage.allAbove": ", each at least {min} points",
  "basis.usage.allBottom": ", each among the last {n}",
  // awards
  "basis.award.upTo": "up to ",
  "basis.award.cannotJudge": "{award} ({subject}): {conds}; the award cannot be judged",
  "basis.award.list": (p: Vars) =>
    `${p.subject}: ${p.conds}; ${p.label} ${p.base} × ${p.rate} = ${p.raw}` +
    `${p.cap ? `, capped at ${p.cap} each` : ""} → ${p.upTo}${p.amount} ${p.unit}`,
  "basis.award.flag": "{label}: yes → {upTo}{amount} {unit}",
  "basis.award.rulesMet": "{rules} all met → {amount} {unit}",
  "basis.award.byColumn": 'ranked by "{label}"',
  "basis.award.rankBasis": "the ranking basis",
  "basis.award.byCompletion": 'no "{column}" column: ranked by the mean completion of the annual targets ({targets})',
  "basis.award.meanCompletion": "mean completion {pct}%",
  "basis.award.byTotal": "ranked by total",
  "basis.award.total": "total {total}",
  "basis.award.pooled": " ({tied} tied: the awards of places {rank}–{last}, {sum} in all, shared equally)",
  "basis.award.shared": " ({tied} tied: each takes the award of the place)",
  "basis.award.rank": "{shown}, place {rank}{how} → {amount} {unit}",
  "basis.award.notPaid": '{name} {why}: "{value}" typed in "{column}" is not paid',
  "basis.award.chosen": "{label}: {option} → {amount} {unit}",
  "basis.award.chosenLabel": "{label}: {option}",
  "basis.award.suggest": 'special award "{option}" suggested: {name}, the best in {group} ({points} points)',
  // what-if gaps
  "basis.gap.needNow": "{need} ({now})",
  "basis.gap.byColumn": "{label}",
  // why a score cell stays a value (the result sheet counts each)
  "basis.fallback.listInput": "an input in a list is not a number cell",
  "basis.fallback.noCell": "the input cell is missing",
  "basis.fallback.noNumber": "no data, or not a number cell",
  "basis.fallback.notNumber": "the input is not a number cell",
  // the kinds by name, and the rules sheet's help
  "basis.help.title": "{name}: how to edit the scheme sheets",
  "basis.help.edit":
    "After editing the rules, indicators and other sheets, score with zonescore score … --scheme this-file.xlsx; " +
    "an error names the sheet and the cell.",
  "basis.help.params":
    "Parameters are key=value, separated by semicolons; conditions are field>=number or field=yes, joined with &; " +
    "a parameter is referred to as @parameter-id.",
  "basis.help.kind": "{kind} {name}",
  "basis.help.kinds": "Kinds: {kinds}",
  "basis.help.roles":
    "Roles: score counts in its group · bonus is on top · deduction is taken off. The full-points column: {max}.",
  "basis.help.max.full": "{kinds}: full points",
  "basis.help.max.highest": "{kinds}: the highest score",
  "basis.help.max.cap": "{kinds}: the cap",
  "basis.help.max.mostDeducted": "{kinds}: the most deducted",
};
