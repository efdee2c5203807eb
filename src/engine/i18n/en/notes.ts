/** The notes every result carries (English): the same keys as zh/notes.ts (the compiler checks). */
import type { Mirror } from "../types";
import type { notes as zh } from "../zh/notes";

export const notes: Mirror<typeof zh> = {
  "note.year": "evaluation year {year} (from {source})",
  "note.param": "{name} {value}{unit} (from {source})",
  "note.option": "{name}: {choice} ({choiceName}: {description}){mark}",
  "note.option.default": " [default]",
  "note.option.chosen": " [chosen]",
  "note.ties.competition": "tied units share a rank and the next rank is skipped (as Excel's RANK.EQ)",
  "note.ties.dense": "tied units share a rank and the next rank follows on (dense ranking)",
  "note.ties.average": "tied units get the average of their ranks (as Excel's RANK.AVG)",
  "note.rounding":
    "total: every rule's points are kept at full precision, subtotals and totals are the exact sums of their parts " +
    "(whatever the order), rounded to {decimals} decimal places before they are compared; ranks, awards by place " +
    "(ties share), grades and result usage all go by this total, and the live formulas round the same way with " +
    "ROUND(total, {decimals}); the sheets show 2 decimals",
  "note.ranking": "ranking: by total, highest first; {ties}; tied rows keep the order of the unit table",
  "note.noBase": 'the unit table has no "{column}" column: totals exclude the base score',
  "note.vetoed": "not rated: {list}",
  "note.vetoedUnit": "{name} ({reason})",
  "note.vetoedSep": "; ",
  "note.usageOn": 'result usage {id} "{description}" is on: {origin}',
  "note.usageOff": "result usage {id} ({origin}) is off (option {option})",
};
