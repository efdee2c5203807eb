/**
 * The rule-kind registry covers every kind and every piece. The type-level half is checked by the compiler
 * (`npm run typecheck` includes test/): each `@ts-expect-error` below must be an error, so a module that lacks a
 * piece, a module registered under another kind's name, or a registry that lacks a kind does not compile.
 */
import {
  KINDS,
  KIND_TEXTS,
  RULE_SCHEMAS,
  type KindModule,
  type KindOf,
  type RuleKind,
} from "../../src/engine/score/kinds";
import { kindTexts } from "../../src/engine/score/kinds/kind";
import { t } from "../../src/engine/i18n";
import { FlagRule, flag } from "../../src/engine/score/kinds/flag";
import { RuleSpec } from "../../src/engine/scheme/schema";
import { schemeToPlan } from "../../src/engine/scheme/sheets";
import { huaibei } from "../helpers";

// the control: the same module with every piece compiles, so each error below is the missing piece alone
export const complete: KindModule<typeof FlagRule, typeof flag.texts> = { ...flag };
export const registered: KindOf<"flag"> = flag;
export const table: { [K in RuleKind]: KindOf<K> } = { ...KINDS };
const { gap: _gap, ...withoutGap } = flag;
const { formula: _formula, ...withoutFormula } = flag;
const { codec: _codec, ...withoutCodec } = flag;
const { check: _check, ...withoutCheck } = flag;
const { evaluate: _evaluate, ...withoutEvaluate } = flag;
const { texts: _texts, ...withoutTexts } = flag;
// @ts-expect-error a kind without its gap function does not compile
export const noGap: KindModule<typeof FlagRule> = withoutGap;
// @ts-expect-error a kind without its formula does not compile
export const noFormula: KindModule<typeof FlagRule> = withoutFormula;
// @ts-expect-error a kind without its rules-sheet codec does not compile
export const noCodec: KindModule<typeof FlagRule> = withoutCodec;
// @ts-expect-error a kind without its cross-reference check does not compile
export const noCheck: KindModule<typeof FlagRule> = withoutCheck;
// @ts-expect-error a kind without its evaluator does not compile
export const noEvaluate: KindModule<typeof FlagRule> = withoutEvaluate;
// @ts-expect-error a kind without its words does not compile
export const noTexts: KindModule<typeof FlagRule> = withoutTexts;
// @ts-expect-error a kind whose words have no English does not compile
export const noEnglish: KindModule<typeof FlagRule, typeof flag.texts> = { ...flag, texts: { zh: flag.texts.zh } };
const halfTexts = { ...flag.texts, en: { "basis.flag": "{label}: {value} → {points}" } };
// @ts-expect-error a kind whose English lacks one of its Chinese sentences does not compile
export const halfEnglish: KindModule<typeof FlagRule, typeof flag.texts> = { ...flag, texts: halfTexts };
// @ts-expect-error kindTexts refuses English without the Chinese keys
export const missingSentence = () => kindTexts({ "basis.x": "甲", "basis.y": "乙" }, { "basis.x": "a" });
// @ts-expect-error kindTexts refuses an English key the Chinese lacks
export const extraSentence = () => kindTexts({ "basis.x": "甲" }, { "basis.x": "a", "basis.z": "c" });
// @ts-expect-error a key no kind (nor any other domain) defines is not a text key
export const unknownKey = () => t("zh", "basis.tiers.nowhere");
// @ts-expect-error a module registered under another kind's name does not compile
export const wrongName: KindOf<"rank"> = flag;
const { veto: _veto, ...withoutVeto } = KINDS;
// @ts-expect-error a registry without one of the kinds does not compile
export const incomplete: { [K in RuleKind]: KindOf<K> } = withoutVeto;

const PIECES = ["evaluate", "formula", "check", "gap"] as const;

describe("the rule-kind registry", () => {
  test("every kind has every piece, under its own name", () => {
    for (const [name, m] of Object.entries(KINDS)) {
      expect([name, m.kind]).toEqual([name, name]);
      for (const p of PIECES) expect([name, p, typeof m[p]]).toEqual([name, p, "function"]);
      expect([name, ["field", "over", "fields"].includes(m.codec.column)]).toEqual([name, true]);
      expect([name, typeof m.codec.params]).toEqual([name, "object"]);
    }
  });

  test("the catalogue's domain kinds is every kind's own words, in both languages", () => {
    const zh = Object.values(KINDS).flatMap((m) => Object.keys(m.texts.zh));
    expect(Object.keys(KIND_TEXTS.zh).sort()).toEqual([...zh].sort());
    expect(Object.keys(KIND_TEXTS.en).sort()).toEqual([...zh].sort());
    for (const [name, m] of Object.entries(KINDS)) {
      expect([name, Object.keys(m.texts.en).sort()]).toEqual([name, Object.keys(m.texts.zh).sort()]);
      expect([name, `basis.kind.${name}` in m.texts.zh]).toEqual([name, true]);
    }
    expect(t("zh", "basis.kind.tiers")).toBe("分档");
    expect(t("en", "basis.tiers.noTable")).toBe(KINDS.tiers.texts.en["basis.tiers.noTable"]);
  });

  test("the scheme's rule union is built from the registry's schemas, in registry order", () => {
    expect(RULE_SCHEMAS.length).toBe(Object.keys(KINDS).length);
    expect(RULE_SCHEMAS).toEqual(Object.values(KINDS).map((m) => m.schema));
    expect(RuleSpec.options).toEqual(RULE_SCHEMAS);
    const kinds = RULE_SCHEMAS.map((s) => s.shape.kind.value);
    expect(kinds).toEqual(Object.keys(KINDS));
  });

  test("every key of a kind's schema has its place in the rules sheet, and the help names every kind", () => {
    const plan = schemeToPlan(huaibei);
    const help = plan.sheets
      .find((s) => s.key === "help")!
      .values.flat()
      .join("\n");
    const base = ["id", "clause", "description", "label", "group", "role", "kind"];
    for (const [name, m] of Object.entries(KINDS)) {
      expect([name, help.includes(`${name} `)]).toEqual([name, true]);
      const placed = [m.codec.column, m.codec.max?.key, m.codec.segments?.key, ...Object.keys(m.codec.params)];
      for (const key of Object.keys(m.schema.shape))
        if (!base.includes(key)) expect([name, key, placed.includes(key)]).toEqual([name, key, true]);
      for (const key of placed) if (key) expect([name, key, key in m.schema.shape]).toEqual([name, key, true]);
    }
  });
});
