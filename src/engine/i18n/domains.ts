/**
 * The catalogue's domains, listed once: each a Chinese file in zh/ and its English twin in en/ (the compiler checks the
 * twin has exactly the same keys), and the rule kinds' own words from the kind registry (each kind module's `texts`).
 * The two language packages are assembled from this list.
 */
import { issues as zhIssues } from "./zh/issues";
import { issues as enIssues } from "./en/issues";
import { pane as zhPane } from "./zh/pane";
import { pane as enPane } from "./en/pane";
import { targetPane as zhTargetPane } from "./zh/target-pane";
import { targetPane as enTargetPane } from "./en/target-pane";
import { sheets as zhSheets } from "./zh/sheets";
import { sheets as enSheets } from "./en/sheets";
import { cli as zhCli } from "./zh/cli";
import { cli as enCli } from "./en/cli";
import { workbook as zhWorkbook } from "./zh/workbook";
import { workbook as enWorkbook } from "./en/workbook";
import { read as zhRead } from "./zh/read";
import { read as enRead } from "./en/read";
import { glossarySheet as zhGlossarySheet } from "./zh/glossary-sheet";
import { glossarySheet as enGlossarySheet } from "./en/glossary-sheet";
import { basis as zhBasis } from "./zh/basis";
import { basis as enBasis } from "./en/basis";
import { scheme as zhScheme } from "./zh/scheme";
import { scheme as enScheme } from "./en/scheme";
import { whatif as zhWhatif } from "./zh/whatif";
import { whatif as enWhatif } from "./en/whatif";
import { whatifPane as zhWhatifPane } from "./zh/whatif-pane";
import { whatifPane as enWhatifPane } from "./en/whatif-pane";
import { targets as zhTargets } from "./zh/targets";
import { targets as enTargets } from "./en/targets";
import type { KIND_TEXTS } from "../score/kinds";
import type { Entries, TextPair } from "./types";

/**
 * The domain `kinds`: every rule kind's own words (its module's `texts`), typed by the kind registry. Each kind module
 * adds its words as it loads (`kindTexts` in score/kinds/kind.ts), so they are here before any of its code can run;
 * importing the registry from here instead would make a loop (the kind modules use t()).
 */
const kindWords = { zh: {}, en: {} } as typeof KIND_TEXTS;
let built: Catalogue | undefined;

/** Add one kind's words to the domain `kinds` (the packages are assembled again on next use). */
export function addKindWords(pair: TextPair): void {
  Object.assign(kindWords.zh, pair.zh);
  Object.assign(kindWords.en, pair.en);
  built = undefined;
}

/** Every domain (assembled into the two packages on first use). */
function domains() {
  return {
    issues: { zh: zhIssues, en: enIssues },
    pane: { zh: zhPane, en: enPane },
    targetPane: { zh: zhTargetPane, en: enTargetPane },
    sheets: { zh: zhSheets, en: enSheets },
    cli: { zh: zhCli, en: enCli },
    workbook: { zh: zhWorkbook, en: enWorkbook },
    read: { zh: zhRead, en: enRead },
    glossarySheet: { zh: zhGlossarySheet, en: enGlossarySheet },
    basis: { zh: zhBasis, en: enBasis },
    kinds: kindWords,
    scheme: { zh: zhScheme, en: enScheme },
    whatif: { zh: zhWhatif, en: enWhatif },
    targets: { zh: zhTargets, en: enTargets },
    whatifPane: { zh: zhWhatifPane, en: enWhatifPane },
  };
}

type Domains = ReturnType<typeof domains>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** One language's half of every domain, by domain name. */
export type Half<L extends "zh" | "en"> = { [D in keyof Domains]: Domains[D][L] };
/** One language's package: every domain's entries in one object. */
export type Package<L extends "zh" | "en"> = UnionToIntersection<Half<L>[keyof Domains]>;

function half<L extends "zh" | "en">(all: Domains, lang: L): Half<L> {
  const out: Record<string, Entries> = {};
  for (const [name, pair] of Object.entries(all)) out[name] = pair[lang];
  return out as Half<L>;
}

/** Every domain's entries in one object (keys are unique across domains: test/engine/catalogue.test.ts). */
function assemble<L extends "zh" | "en">(domains: Half<L>): Package<L> {
  return Object.assign({}, ...Object.values(domains));
}

export interface Catalogue {
  zhDomains: Half<"zh">;
  enDomains: Half<"en">;
  zh: Package<"zh">;
  en: Package<"en">;
}

/** The two packages and their domains, assembled once, on first use. */
export function catalogue(): Catalogue {
  if (!built) {
    const all = domains();
    const zhDomains = half(all, "zh");
    const enDomains = half(all, "en");
    built = { zhDomains, enDomains, zh: assemble(zhDomains), en: assemble(enDomains) };
  }
  return built;
}
