/** The command line's texts (English): the same keys as zh/cli.ts (the compiler checks). */
import type { Mirror, Vars } from "../types";
import { HELP_OPTIONS, type cli as zh } from "../zh/cli";

export const cli: Mirror<typeof zh> = {
  "cli.help":
    "zonescore — ZoneScore command line: checks, scores and ranks development zones\n\n" +
    "usage:\n" +
    "  zonescore schemes                                   list built-in schemes\n" +
    "  zonescore template <scheme> --out F.xlsx            write an empty input workbook\n" +
    "  zonescore sample <scheme> --out F.xlsx              write the built-in sample workbook\n" +
    "  zonescore scheme export <scheme> --out F [--format json|xlsx]\n" +
    "                                                      export a scheme as JSON or editable rules sheets\n" +
    "  zonescore check <in.xlsx> --scheme S [--year Y] [--json F] [--mapping M.json] [--save-mapping M.json]\n" +
    "                                                      check the indicator sheets\n" +
    "  zonescore score <in.xlsx> --scheme S [--year Y] [--out F.xlsx] [--json F] [--force]\n" +
    "                                                      score; writes a copy of the workbook with result sheets\n" +
    '  zonescore whatif <in.xlsx> --scheme S --set "unit/field=value" [--gap unit] …   ' +
    "what-if (see zonescore whatif)\n" +
    "  zonescore sensitivity <in.xlsx> --scheme S [--samples N] …              sensitivity\n\n" +
    "options:\n" +
    "  --scheme S   built-in id (see `zonescore schemes`), a scheme .json file, or an .xlsx with the rules sheets\n" +
    "  --year Y     evaluation year (overrides the year in the parameter sheet)\n" +
    HELP_OPTIONS,
  "cli.seeHelp": "`zonescore --help` for usage",
  "cli.notTaken": "{cmd} does not take {opt}",
  "cli.unknownOption": (p: Vars) => `unknown option ${p.opt}${p.suggest ? `; did you mean --${p.suggest}?` : ""}`,
  "cli.needsValue": "{opt} needs a value",
  "cli.givenTwice": "{opt} is given more than once",
  "cli.takesNoValue": "{opt} takes no value",
  "cli.extraArgument": "{cmd}: unexpected argument {args}",
  "cli.missingArgument": "{cmd}: an argument is missing",
  "cli.unknownCommand": (p: Vars) => `unknown command "${p.cmd}"${p.suggest ? `; did you mean ${p.suggest}?` : ""}`,
  "cli.badLang": "--lang must be zh or en",
  "cli.needScheme": "--scheme is required (see `zonescore schemes`)",
  "cli.badJson": "{file} is not valid JSON: {why}",
  "cli.unknownScheme": 'unknown scheme "{id}"; built-in: {ids}; or a .json / .xlsx scheme file',
  "cli.unknownSchemeOption": 'unknown option "{part}"; {scheme} has: {has}',
  "cli.listSep": ", ",
  "cli.noChoice": 'option {option} has no choice "{choice}"; choices: {choices}',
  "cli.badYear": '--year must be a year such as 2023, not "{value}"',
  "cli.badDetailLimit": '--detail-limit must be a whole number of units (0 or more), not "{value}"',
  "cli.needInput": "an input .xlsx file is required",
  "cli.cannotGraft":
    "cannot add the result sheets without changing the rest of the workbook: {reason}. Nothing was written. " +
    "Use --separate to write the results (as values) into a new workbook.",
  "cli.staleTemp": "note: {file} is left over from an earlier interrupted write; it is not used and can be deleted",
  "cli.issueLine": (p: Vars) =>
    `${p.severity} [${p.code}] ${p.where ? p.where + " " : ""}${p.message}${p.fix ? ` (suggestion: ${p.fix})` : ""}`,
  "cli.col.rank": "Rank",
  "cli.col.name": "Name",
  "cli.col.score": "Score",
  "cli.col.bonusGrouped": "Extra",
  "cli.col.bonus": "Bonus",
  "cli.col.base": "Base",
  "cli.col.total": "Total",
  "cli.col.grade": "Grade",
  "cli.vetoed": "not rated: {reason}",
  "cli.needOut": "--out F.xlsx is required",
  "cli.noSample": "no built-in sample for {id}",
  "cli.checked": "checked: {errors} errors, {warnings} warnings",
  "cli.notScored": "the data has {errors} errors; not scored (fix them, or use --force)",
  "cli.wrote": "wrote {file} ({errors} errors, {warnings} warnings)",
  "cli.exportUsage": "usage: zonescore scheme export <scheme> --out F [--format json|xlsx]",
  "cli.needOutFile": "--out F is required",
  "cli.badFormat": "--format must be json or xlsx, not {format}",
  "cli.fs.isFolder": "{file} is a folder, not a file",
  "cli.fs.notDir": "a part of the path {file} is a file, not a folder",
  "cli.fs.noFolder": "cannot write {file}: the folder does not exist",
  "cli.fs.noFile": "no such file: {file}",
  "cli.fs.noPermission.read": "no permission to read {file}; choose another place or check its permissions",
  "cli.fs.noPermission.write": "no permission to write {file}; choose another place or check its permissions",
  "cli.fs.readOnly": "cannot write {file}: the file system is read-only",
  "cli.fs.full": "cannot write {file}: the disk is full",
  "cli.fs.busy": "{file} is in use by another program (open in Excel?); close it and try again",
  "cli.fs.tooLong": "the file name is too long: {file}",
  "cli.fs.other.read": "cannot read {file} ({why})",
  "cli.fs.other.write": "cannot write {file} ({why})",
  "cli.fs.isInput": (p: Vars) =>
    `${p.opt} ${p.file} is an input file${p.input ? ` (${p.input})` : ""}: ${p.hit}; ` +
    "ZoneScore never overwrites its inputs, choose another name",
  "cli.fs.sameOutput": "{a} and {b} name the same file {file}; give different names",
  "cli.kind.score": "scoring",
  "cli.kind.targets": "targets ({what}; see zonescore targets)",
  "cli.progress.line": "[{seconds} s] {stage}…",
  "cli.progress.done": "[{seconds} s] done",
  "cli.progress.reading": "reading the workbook",
  "cli.progress.checking": "checking the data",
  "cli.progress.scoring": "checking and scoring the data",
  "cli.progress.planning": "planning the result sheets",
  "cli.progress.writing": "writing {file}",
  "cli.progress.rows": "writing {sheet}: row {done} of {total}",
  "cli.progress.json": "writing the JSON",
};
