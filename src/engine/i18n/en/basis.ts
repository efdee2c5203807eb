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
  "basis.reading.rank-step": "by place, equal steps: full − (place − 1) × full ÷ units ranked, down to 0",
  "basis.reading.rank-linear": "by place, linear: full × (units ranked − place) ÷ (units ranked − 1)",
  "basis.reading.ratio-to-best": "by ratio to the best: full × value ÷ best value",
  "basis.reading.min-max": "by range: floor + (full − floor) × (value − minimum) ÷ (maximum − minimum)",
  "basis.rank.outOfRange": 'rule {rule} ({name}): "{label}" {value} points is outside 0–{max}; clamped',
  "basis.rank.entered": "{label} (points given by the certifying bureau) {value} → {points}",
  "basis.rank.noColumn": ' (no "{label}" column: ranked by the counts)',
  "basis.rank.missing": "{label}: no data, not ranked → 0",
  "basis.rank.head": "{label} {value}{unit}{noColumn}, place {rank} of {n} ranked",
  "basis.rank.full": "{head} → {points} (full points)",
  "basis.rank.how": "{head}: {how}",
  "basis.rank.ratioZero": "value not above 0, no points by ratio → 0",
  "basis.rank.ratio": "by ratio to the best value → {points}",
  "basis.rank.minMax": "by range → {points}",
  // tiers
  "basis.tiers.noTable": "the data table is missing",
  "basis.tiers.none": "{conds}: no tier reached → 0",
  "basis.tiers.notApplicable": "does not apply",
  "basis.tiers.what.enterprises": "enterprise(s)",
  "basis.tiers.what.projects": "project(s)",
  "basis.tiers.what.items": "item(s)",
  "basis.tiers.list": "{n} {what}: {items}, total {total}",
  "basis.tiers.listNone": "no qualifying {what} → 0",
  "basis.tiers.row": "{subject}: {text}",
  // target
  "basis.target.noTargetWarn": "{rule} ({name}): the target table has no {year} target for {label}",
  "basis.target.noTarget": "the target table has no {year} target for {label}; cannot be judged → 0",
  "basis.target.proportional": (p: Vars) =>
    `${p.label} ${p.value}${p.unit} ÷ ${p.year} target ${p.target}${p.unit} = ${p.pct}%` +
    `${p.cap ? `, capped at ${p.cap}%` : ""} × ${p.full} → ${p.points}`,
  "basis.target": "{label} {value}{unit} {rel} {year} target {target}{unit} → {points}",
  "basis.target.input": "{year} target for {label}",
  // per-unit, flag, entered, growth, benchmark, deduction, veto
  "basis.perUnit": (p: Vars) =>
    `${p.label} ${p.value}${p.unit ? " " + p.unit : ""} × ${p.rate} = ${p.raw}${p.cap ? `, at most ${p.cap}` : ""}` +
    ` → ${p.points}`,
  "basis.flag": "{label}: {value} → {points}",
  "basis.entered.outOfRange":
    'rule {rule} ({name}): "{label}" has {value} points, which should be within 0–{max}; counted as {points}',
  "basis.entered.none": "{label}: not scored → 0",
  "basis.entered": "{label} (the department's score, full {max}) {value} → {points}",
  "basis.entered.clamped": "{label} (the department's score) {value} is outside 0–{max}; counted as {clamped}",
  "basis.growth.noPoints": "no points",
  "basis.growth.below": "{label} {growth}%, below the base level: {how} → {points}",
  "basis.growth": "{label} {growth}%: base {base} + {step} per {pct}% (at most {cap}) → {points}",
  "basis.benchmark.noBenchmarkWarn":
    '{rule}: the weight or the benchmark is missing (or the benchmark is not above 0); "{label}" cannot be scored',
  "basis.benchmark.noBenchmark": "the weight or the benchmark is missing → 0",
  "basis.benchmark.missing": "{label}: no data → {then}",
  "basis.benchmark.mean": "the mean score of this rule, {mean}",
  "basis.deduction.none": "{label} {value} → 0",
  "basis.deduction": (p: Vars) =>
    `${p.label} ${p.value}${p.unit ? " " + p.unit : ""} × ${p.rate}${p.max ? `, at most ${p.max} deducted` : ""}` +
    ` → ${p.points}`,
  "basis.veto.reason": "{reason} ({clause})",
  "basis.veto": "{label}: {value}",
  "basis.veto.yes": "{label}: {value} → not evaluated (vetoed)",
  // certification
  "basis.cert.none": "no recognition → 0",
  "basis.cert.item": "{label}: {level} {points}",
  "basis.cert.highest": ", the highest recognition counts",
  "basis.cert.sum": ", each recognition counts",
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
  "basis.fallback.ratioLower": "a ratio reading of a lower-is-better indicator",
  "basis.fallback.rankRange": "a cell in the ranked range is not a number",
  "basis.fallback.excludedName": "the name of a unit not evaluated is not a text cell",
  "basis.fallback.vetoCells": "a veto column a formula cannot read (not one block of cells)",
  "basis.fallback.duplicates": "units listed twice",
  "basis.fallback.listInput": "an input in a list is not a number cell",
  "basis.fallback.target": "the target or the actual value is not a number cell",
  "basis.fallback.benchmark": "the weight or the benchmark is missing",
  "basis.fallback.noCell": "the input cell is missing",
  "basis.fallback.noNumber": "no data, or not a number cell",
  "basis.fallback.certList": "a recognition from the recognition list",
  "basis.fallback.enteredPoints": "the bureau's points are not a number cell",
  "basis.fallback.notNumber": "the input is not a number cell",
  // the kinds by name, and the rules sheet's help
  "basis.kind.rank": "ranking",
  "basis.kind.tiers": "tiers",
  "basis.kind.target": "target met",
  "basis.kind.per-unit": "per unit",
  "basis.kind.flag": "yes/no",
  "basis.kind.entered": "department's score",
  "basis.kind.growth-steps": "growth steps",
  "basis.kind.benchmark-ratio": "benchmark ratio",
  "basis.kind.certification": "certification bonus",
  "basis.kind.deduction": "deduction",
  "basis.kind.veto": "veto",
  "basis.help.title": "{name}: how to edit the scheme sheets",
  "basis.help.edit":
    "After editing the rules, indicators and other sheets, score with zonescore score … --scheme this-file.xlsx; " +
    "an error names the sheet and the cell.",
  "basis.help.params":
    "Parameters are key=value, separated by semicolons; conditions are field>=number or field=yes, joined with &; " +
    "a parameter is referred to as @parameter-id.",
  "basis.help.tiers":
    "Tiers: each tier is condition:points, e.g. >50:10; >100:20 (the field may be left out when the indicator " +
    "column gives it); filter=… is when the rule applies; cumulative=yes adds every tier met.",
  "basis.help.kind": "{kind} {name}",
  "basis.help.kinds": "Kinds: {kinds}",
  "basis.help.roles":
    "Roles: score counts in its group · bonus is on top · deduction is taken off. The full-points column: {max}.",
  "basis.help.max.full": "{kinds}: full points",
  "basis.help.max.highest": "{kinds}: the highest score",
  "basis.help.max.cap": "{kinds}: the cap",
  "basis.help.max.mostDeducted": "{kinds}: the most deducted",
};
