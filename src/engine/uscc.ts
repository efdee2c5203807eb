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
