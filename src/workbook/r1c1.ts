/**
 * A1 → R1C1 for the formulas ZoneScore generates (Office's `Range.formulasR1C1`, ExcelApi 1.2): a column's run of
 * formulas that read the same in R1C1 is written as ONE formula over the run's range, which Excel applies to every cell
 * relative to that cell. `$A$1` becomes R1C1, a relative `A1` at row r, column c becomes R[1-r-1]C[…] ("R"/"C" alone
 * when the offset is 0), mixed refs mix; sheet-qualified refs and ranges keep their sheet part and colon. String
 * literals and quoted sheet names are left alone. Anything this does not know (whole-column `A:A` or whole-row `1:1`
 * ranges) gives null, and the caller writes that cell in A1 as before.
 */

const REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;
/** whole columns or rows (A:A, $B:$C, 1:1), which this converter does not translate */
const LINES = /(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(!])/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function part(axis: "R" | "C", abs: boolean, target: number, here: number): string {
  if (abs) return axis + target;
  const d = target - here;
  return d === 0 ? axis : `${axis}[${d}]`;
}

/** One piece of formula text outside string literals and quoted sheet names, converted; null when not convertible. */
function convertPlain(text: string, row: number, col: number): string | null {
  if (LINES.test(text)) return null;
  let bad = false;
  const out = text.replace(REF, (_m, ca: string, letters: string, ra: string, digits: string) => {
    const c = colNumber(letters);
    const r = Number(digits);
    if (c > 16384 || r < 1 || r > 1048576) bad = true;
    return part("R", ra === "$", r, row + 1) + part("C", ca === "$", c, col + 1);
  });
  return bad ? null : out;
}

/**
 * The R1C1 text of an A1 formula ("=…") written at 0-based (row, col); null when it cannot be converted safely.
 */
export function a1ToR1C1(formula: string, row: number, col: number): string | null {
  let out = "";
  let plain = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      plain += ch;
      i++;
      continue;
    }
    // a string literal or a quoted sheet name: copied as is ("" and '' escape the quote)
    let j = i + 1;
    while (j < formula.length) {
      if (formula[j] === ch && formula[j + 1] === ch) j += 2;
      else if (formula[j] === ch) break;
      else j++;
    }
    if (j >= formula.length) return null;
    const conv = convertPlain(plain, row, col);
    if (conv === null) return null;
    out += conv + formula.slice(i, j + 1);
    plain = "";
    i = j + 1;
  }
  const conv = convertPlain(plain, row, col);
  return conv === null ? null : out + conv;
}
