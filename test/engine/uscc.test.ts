import { usccCheckChar, usccProblem } from "../../src/engine/read/uscc";

/** An independent implementation, written from the standard's text: weights W_i = 3^(i−1) mod 31, C18 = 31 − (Σ C_i·W_i mod 31). */
function independent(code17: string): string {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += chars.indexOf(code17[i]) * w;
    w = (w * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return chars[c === 31 ? 0 : c];
}

test("the standard's worked example 91350100M000100Y43 is valid", () => {
  expect(usccCheckChar("91350100M000100Y4")).toBe("3");
  expect(usccProblem("91350100M000100Y43")).toBeNull();
});

test("agrees with an independent implementation on generated codes", () => {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let seed = 7;
  for (let n = 0; n < 500; n++) {
    let body = "";
    for (let i = 0; i < 17; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      body += chars[seed % 31];
    }
    expect(usccCheckChar(body)).toBe(independent(body));
    expect(usccProblem(body + independent(body))).toBeNull();
  }
});

test("wrong length, letters outside the alphabet, and a wrong check character", () => {
  expect(usccProblem("91350100M000100Y4")).toBe("length");
  expect(usccProblem("91350100M000100I43")).toBe("alphabet");
  expect(usccProblem("91350100M000100Y44")).toBe("check");
});
