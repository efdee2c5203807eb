import { t, textKeys } from "../../src/engine/i18n";
import { catalogue } from "../../src/engine/i18n/domains";
import { KIND_TEXTS } from "../../src/engine/score/kinds";

const { zhDomains, enDomains } = catalogue();

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** Values that stand for any placeholder: every property read gives a plain ASCII word. */
const anyVars = new Proxy({} as Record<string, string>, {
  get: (_t, k) => (typeof k === "string" ? `v_${k}` : undefined),
  has: () => true,
});

describe("the text catalogue", () => {
  test("Chinese and English have the same keys, domain by domain", () => {
    expect(Object.keys(enDomains).sort()).toEqual(Object.keys(zhDomains).sort());
    for (const [d, zh] of Object.entries(zhDomains)) {
      expect([d, Object.keys((enDomains as Record<string, object>)[d]).sort()]).toEqual([d, Object.keys(zh).sort()]);
    }
    expect(textKeys("en").sort()).toEqual(textKeys("zh").sort());
  });

  test("every what-if and target text exists in Chinese and English, its keys prefixed by its domain", () => {
    for (const d of ["whatif", "targets"] as const) {
      const zh = Object.keys(zhDomains[d]).sort();
      expect(zh.length).toBeGreaterThan(50);
      expect(Object.keys(enDomains[d]).sort()).toEqual(zh);
      expect(zh.filter((k) => !k.startsWith(`${d}.`))).toEqual([]);
    }
  });

  test("the rule kinds' own words are a domain of the catalogue, in both languages", () => {
    const zh = Object.keys(zhDomains.kinds);
    expect(zh.length).toBeGreaterThan(70);
    expect([...zh].sort()).toEqual(Object.keys(KIND_TEXTS.zh).sort());
    expect(Object.keys(enDomains.kinds).sort()).toEqual([...zh].sort());
    expect(zh).toContain("basis.tiers.none");
    expect(t("zh", "basis.tiers.none", { conds: "甲" })).toBe("甲，未达到任何档次 → 0");
    expect(t("en", "whatif.tierLevel", { conds: "x" })).toBe("the tier x");
  });

  test("no key is defined by two domains (the package would silently keep one)", () => {
    const seen = new Map<string, string>();
    for (const [d, entries] of Object.entries(zhDomains))
      for (const k of Object.keys(entries)) {
        expect([k, seen.get(k)]).toEqual([k, undefined]);
        seen.set(k, d);
      }
    expect(seen.size).toBe(textKeys("zh").length);
  });

  test("every English text is free of Chinese, and every text is non-empty", () => {
    for (const key of textKeys("en") as Parameters<typeof t>[1][]) {
      const en = t("en", key, anyVars);
      const zh = t("zh", key, anyVars);
      expect([key, CJK.test(en)]).toEqual([key, false]);
      expect([key, en.length > 0 && zh.length > 0]).toEqual([key, true]);
    }
  });

  test("templates fill {placeholders}; unknown ones stay visible", () => {
    expect(t("zh", "missing-value", { column: "产值", expected: "数字" })).toBe("「产值」缺少数值，应填写数字");
    expect(t("en", "expected.count")).toBe("a whole number ≥ 0");
  });
});
