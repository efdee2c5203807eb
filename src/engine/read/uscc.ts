/** 统一社会信用代码 (GB 32100-2015): 18 characters, check character with weights 3^(i−1) mod 31. Pure. */

export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = "length" | "alphabet" | "check";

/** null when the code is valid, else what is wrong. */
export function usccProblem(code: string): UsccProblem | null {
  const s = code.trim().toUpperCase();
  if (s.length !== 18) return "length";
  for (const ch of s) if (USCC_ALPHABET.indexOf(ch) < 0) return "alphabet";
  return usccCheckChar(s.slice(0, 17)) === s[17] ? null : "check";
}

/**
 * The organisation code inside a 统一社会信用代码 (characters 9–17, GB 11714): 8 characters and a check character
 * C9 = 11 − (Σ Ci·Wi mod 11), W = 3 7 9 10 5 8 4 2, 10 → X, 11 → 0. null when it checks (or cannot be read).
 */
export function usccOrgProblem(code: string): { expected: string } | null {
  const s = code.trim().toUpperCase();
  if (s.length !== 18) return null;
  const org = s.slice(8, 17);
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = org[i];
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * w[i];
  }
  const c = 11 - (sum % 11);
  const expected = c === 10 ? "X" : c === 11 ? "0" : String(c);
  return org[8] === expected ? null : { expected };
}

/** A code that passes both checks, from 8 characters of registration prefix and 8 of organisation code (samples). */
export function makeUscc(prefix8: string, org8: string): string {
  const org = org8 + (usccOrgProblem(prefix8 + org8 + "0" + "0")?.expected ?? "0");
  const body = prefix8 + org;
  return body + (usccCheckChar(body) ?? "0");
}
