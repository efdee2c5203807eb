/** Issue messages (English), by stable issue code: the same keys as zh/issues.ts (the compiler checks). */
import type { Mirror, Vars } from "../types";
import type { issues as zh } from "../zh/issues";

export const issues: Mirror<typeof zh> = {
  "missing-value": (p: Vars) => `"${p.column}" is empty; expected ${p.expected}`,
  "not-a-number": (p: Vars) => `"${p.column}": "${p.value}" is not a number; expected ${p.expected}`,
  "excel-error": (p: Vars) => `"${p.column}" holds the Excel error ${p.value}; fix the formula or type a value`,
  "negative-count": (p: Vars) => `"${p.column}" is a count and cannot be negative (${p.value})`,
  "not-yes-no": (p: Vars) => `"${p.column}": "${p.value}" is not yes/no; use yes/no, Y/N, √/× or 1/0`,
  "missing-name": (p: Vars) => `"${p.column}" is empty, so the row cannot be identified`,
  "duplicate-entity": (p: Vars) => `zone "${p.value}" appears again (first at ${p.first})`,
  "unknown-entity": (p: Vars) =>
    `"${p.value}" is not in the zone sheet${p.suggest ? `; did you mean "${p.suggest}"?` : ""}`,
  "uscc-length": (p: Vars) => `unified social credit code "${p.value}" should have 18 characters (has ${p.len})`,
  "uscc-alphabet": (p: Vars) =>
    `unified social credit code "${p.value}" has characters outside GB 32100 (no I, O, S, V, Z)`,
  "uscc-check": (p: Vars) =>
    `unified social credit code "${p.value}" fails its check character (GB 32100-2015 gives ${p.expected})`,
  "missing-table": (p: Vars) =>
    `cannot find the ${p.table} table: no sheet has a header with "${p.key}" and its columns`,
  "missing-column": (p: Vars) =>
    `the ${p.table} table has no required column "${p.column}"${p.year ? ` (${p.year})` : ""}`,
  "ambiguous-column": (p: Vars) => `two columns could be "${p.column}"; using column ${p.used}, ignoring ${p.other}`,
  "unit-mismatch": (p: Vars) => `"${p.column}" is in ${p.unit}, which cannot be converted to ${p.expected}`,
  "unit-converted": (p: Vars) => `"${p.column}" is in ${p.unit}; converted to ${p.expected} (×${p.factor})`,
  "missing-year": (p: Vars) => `no evaluation year: add "${p.param}" to the ${p.sheet} sheet, or pass --year`,
  "missing-param": (p: Vars) => `the parameter "${p.param}" is missing`,
  "target-missing": (p: Vars) =>
    `the target table has no ${p.column} target for "${p.value}"; the related points cannot be judged`,
  "target-extra": (p: Vars) => `"${p.value}" in the target table is not in the zone sheet`,
  "total-mismatch": (p: Vars) =>
    `the ${p.label} row says ${p.value} for "${p.column}", but the zones add up to ${p.sum} (off by ${p.diff})`,
  "cannot-evaluate": (p: Vars) => `${p.rule}: ${p.reason}; cannot be judged`,
  "bad-mapping": (p: Vars) =>
    `the mapping gives "${p.value}" for ${p.table}.${p.column}, which is not a column letter (e.g. C)`,
  "unmapped-column": (p: Vars) => `column "${p.column}" of ${p.table} matches no indicator and is not used`,
  "unit-in-cell": (p: Vars) =>
    `"${p.column}": the unit ${p.unit} typed in the cell cannot be converted to ${p.expected}`,
  "percent-as-fraction": (p: Vars) =>
    `"${p.column}" holds only values between −1 and 1, read as fractions (0.12 = 12 %) and multiplied by 100; ` +
    `say so in the header or cells if wrong`,
  "negative-area": (p: Vars) => `"${p.column}" is an area and cannot be negative (${p.value})`,
  "negative-amount": (p: Vars) => `"${p.column}" is a total and cannot be negative (${p.value})`,
  "name-variant": (p: Vars) =>
    `"${p.value}" differs from "${p.name}" in the zone sheet only in spaces, width or brackets; taken as the same zone`,
  "share-out-of-range": (p: Vars) => `"${p.column}" is a share and should be within 0–100 % (${p.value})`,
  "scale-outlier": (p: Vars) =>
    `"${p.column}": ${p.value} is ${p.ratio}× the column's median; a unit slip (${p.big} typed ` +
    `into ${p.unit || "this"} column)? Divide by 10,000?`,
  "scale-outlier-small": (p: Vars) =>
    `"${p.column}": ${p.value} is 1/${p.ratio} of the column's median; a unit slip? Multiply by 10,000?`,
  "low-coverage": (p: Vars) => `"${p.column}" has data for only ${p.pct} % of the units (below ${p.min} %)`,
  "constant-column": (p: Vars) => `"${p.column}" is ${p.value} for every unit and cannot tell them apart`,
  outlier: (p: Vars) =>
    `"${p.column}": ${p.value} is an outlier (skewness ${p.skew}, kurtosis ${p.kurt}; |skew| ≥ 2 and kurtosis ≥ ` +
    `3.5); please verify`,
  "yoy-jump": (p: Vars) =>
    `"${p.column}": ${p.value} this year against ${p.prev} last year is ${p.pct} %, outside ${p.min} % to ` +
    `+${p.max} %; please verify`,
  "series-not-rising": (p: Vars) =>
    `"${p.column}": the target ${p.value} is not above ${p.prevYear}'s ${p.prev}; targets should rise year on year`,
  "uscc-duplicate": (p: Vars) => `unified social credit code "${p.value}" appears again (first at ${p.first})`,
  "uscc-org-check": (p: Vars) =>
    `the organisation code inside "${p.value}" fails its check character (GB 11714 gives ${p.expected})`,
  "total-off-grid": (p: Vars) =>
    `${p.label}: the total ${p.total} is not on the table's precision (${p.decimals} decimals)`,
  "floor-above-cap": (p: Vars) =>
    `${p.label}: ${p.unit}'s floor ${p.floor} is above its cap ${p.cap} (a rising series against a filled value)`,
  "filled-differ-total": (p: Vars) =>
    `${p.label}: every unit is filled and they add up to ${p.sum}, not the total ${p.total}`,
  "floors-exceed-total": (p: Vars) =>
    `${p.label}: infeasible — the floors (${p.floors}) add up to ${p.sum}, above the ${p.remaining} left to ` +
    `allocate (total ${p.total}, filled ${p.filled}); raise the total or lower the floors`,
  "caps-below-total": (p: Vars) =>
    `${p.label}: infeasible — the caps (${p.caps}) add up to ${p.sum}, below the ${p.remaining} to allocate ` +
    `(total ${p.total})`,
  "cannot-round": (p: Vars) =>
    `${p.label}: the total ${p.total} cannot be reached on the table's precision within the bounds`,
  "base-missing": (p: Vars) => `${p.label} is the base (actuals); these units have none: ${p.units}`,
  "weights-missing": (p: Vars) =>
    `${p.label}: allocating by weights needs a weight ≥ 0 for every unit; missing: ${p.units}`,
  "prior-missing": (p: Vars) =>
    `allocating by share of growth needs ${p.label} (the year before the base); missing: ${p.units}`,
  "no-base": (p: Vars) => `${p.label}: the table has no base-year column to start the series from`,
  "no-total": (p: Vars) => `${p.label}: no total (the totals row is empty and the scheme states none)`,
  "no-table": (p: Vars) => `scheme ${p.scheme} has no target table to fill`,
  "table-not-found": (p: Vars) =>
    `cannot find "${p.title}": no sheet has a header with "${p.header}" and its indicator columns`,
  "actuals-not-found": (p: Vars) =>
    `cannot find the actuals: a sheet with a "${p.indicator}" column and, per period (e.g. "${p.period}"), ` +
    `"${p.done}" and "${p.lastYear}"`,
  "no-targets": (p: Vars) => `scheme ${p.scheme} has no targets to track in ${p.year}`,
  "unknown-level": (p: Vars) =>
    `rule ${p.rule} (${p.clause}, ${p.name}): "${p.column}" holds "${p.value}", which is not a known level ` +
    `(${p.known}, or ${p.none}); counted as 0, please verify`,
  "excluded-unit": (p: Vars) =>
    `"${p.name}" is not evaluated this year under ${p.clause} (${p.reason}): no rank, points or award`,
  "award-vetoed": (p: Vars) =>
    `"${p.name}" ${p.whyEn}; the special award "${p.value}" typed in "${p.column}" is not paid (${p.clause})`,
  "entered-column-missing": (p: Vars) =>
    `rule ${p.rule} (${p.clause}): under "${p.reading}" the bureau gives the points, but the workbook has no ` +
    `"${p.column}" column; "${p.field}" is ranked instead (as with ${p.option}); add the column or choose that reading`,
  "entered-missing": (p: Vars) =>
    `rule ${p.rule} (${p.clause}, ${p.name}): under "${p.reading}" the bureau gives the points, but ` +
    `"${p.column}" is empty; counted as 0`,
  "sheet-chosen": (p: Vars) =>
    `the ${p.table} table could be on several sheets (${p.others}); using "${p.sheet}": ${p.reason}`,
  "ambiguous-sheet": (p: Vars) =>
    `the ${p.table} table is on both "${p.sheet}" and "${p.other}" and nothing tells which one is this ` +
    `evaluation's; using "${p.sheet}" for now. Choose the sheet in the pane's column mapping (saved in the ` +
    `workbook), or give --mapping with tables.${p.id}.sheet`,
  "hidden-sheet-used": (p: Vars) =>
    `the ${p.table} table was found only on the ${p.state === "veryHidden" ? "very hidden" : "hidden"} sheet ` +
    `"${p.sheet}", which is used; check that it holds this evaluation's data`,
  "date-in-number": (p: Vars) =>
    `"${p.column}" expects ${p.expected}, but the cell is a date (${p.value}, stored by Excel as ${p.serial}) ` +
    `and is not used; format the cell as General or Number and type the value`,
  "percent-format-in-count": (p: Vars) =>
    `"${p.column}" is ${p.kind}, but the cell is formatted as a percentage (shown as ${p.shown}); read as its ` +
    `stored value ${p.value}; please verify`,
  "percent-format-read": (p: Vars) =>
    `"${p.column}": the cells are formatted as percentages; the stored ${p.value} is read as ${p.percent} %`,
  "implausible-value": (p: Vars) =>
    `"${p.column}": ${p.value} is implausibly large (beyond ±${p.max}) and is not used; check the unit and the digits`,
  "file-empty": (p: Vars) => `${p.file} is empty (0 bytes), perhaps an unfinished copy or download; get the file again`,
  "file-encrypted": (p: Vars) =>
    `${p.file} is password-protected (encrypted) and cannot be read; open it in Excel, remove the password ` +
    `(File → Info → Protect Workbook → Encrypt with Password) and save it, then try again`,
  "file-xls": (p: Vars) =>
    `${p.file} is an old Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as an Excel ` +
    `Workbook (.xlsx), then try again`,
  "file-ods": (p: Vars) =>
    `${p.file} is an OpenDocument spreadsheet (.ods, as LibreOffice saves); save it as .xlsx, then try again`,
  "file-xlsb": (p: Vars) => `${p.file} is an Excel binary workbook (.xlsb); save it as .xlsx in Excel, then try again`,
  "file-zip-truncated": (p: Vars) =>
    `${p.file} is incomplete (the .xlsx package is truncated), perhaps an interrupted copy or download; get the ` +
    `file again`,
  "file-zip-other": (p: Vars) =>
    `${p.file} is a zip package or another Office document (such as Word or PowerPoint), not an Excel workbook; ` +
    `choose the .xlsx workbook`,
  "file-cfb-other": (p: Vars) =>
    `${p.file} is an old-format Office document (such as Word .doc), not an Excel workbook; choose the .xlsx workbook`,
  "file-csv": (p: Vars) =>
    `${p.file} is a CSV text file, not an Excel workbook; open it in Excel or WPS and save it as .xlsx, then try again`,
  "file-text": (p: Vars) => `${p.file} is a plain text file, not an Excel workbook; choose the .xlsx workbook`,
  "file-html": (p: Vars) =>
    `${p.file} is a web page (HTML) with a spreadsheet's name; open it in Excel and save it as .xlsx, then try again`,
  "file-xml2003": (p: Vars) =>
    `${p.file} is an XML Spreadsheet 2003 file; open it in Excel and save it as .xlsx, then try again`,
  "file-pdf": (p: Vars) =>
    `${p.file} is a PDF, not an Excel workbook; choose the .xlsx workbook the data was entered in`,
  "file-unknown": (p: Vars) =>
    `${p.file} is not a spreadsheet ZoneScore recognises (not an .xlsx workbook, nor another common format); ` +
    `check that it is the right file`,
  "file-xlsx-corrupt": (p: Vars) =>
    `${p.file} looks like an .xlsx workbook but its content is damaged and cannot be read; open it in Excel or ` +
    `WPS and save it again as .xlsx`,
  "limit-file-size": (p: Vars) =>
    `${p.file} is ${p.size} MB, over the limit of ${p.max} MB; remove sheets or content that are not needed`,
  "limit-sheet-size": (p: Vars) =>
    `sheet "${p.sheet}" unpacks to ${p.size} MB, over the limit of ${p.max} MB; remove content or split the sheet`,
  "limit-rows": (p: Vars) =>
    `sheet "${p.sheet}" has ${p.rows} rows, over the limit of ${p.max}; remove rows that are not needed or ` +
    `split the sheet`,
  "limit-cells": (p: Vars) =>
    `the workbook has ${p.cells} filled cells, over the limit of ${p.max} (most on "${p.sheet}"); remove sheets ` +
    `or content that are not needed`,
  "limit-merges": (p: Vars) =>
    `sheet "${p.sheet}" has ${p.count} merged areas, over the limit of ${p.max}; unmerge the cells that need ` +
    `not be merged`,
  "limit-merged-area": (p: Vars) =>
    `sheet "${p.sheet}": the merged area ${p.ref} covers ${p.cells} cells, over the limit of ${p.max}; unmerge it`,
  "limit-used-range": (p: Vars) =>
    `sheet "${p.sheet}" has content as far as ${p.cell} (${p.rows} rows × ${p.cols} columns), over the limit ` +
    `of ${p.max} cells; delete stray content such as ${p.cell}`,
  "no-entities": () => `the zone sheet has no data rows`,
  "expected.number": "a number",
  "expected.count": "a whole number ≥ 0",
  "expected.bool": "yes/no",
  "expected.text": "text",
  "expected.code": "a code",
};
