/**
 * The catalogue's domains, listed once: each a Chinese file in zh/ and its English twin in en/ (the compiler checks the
 * twin has exactly the same keys). The two language packages are assembled from this list.
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
import type { Entries } from "./types";

const DOMAINS = {
  issues: { zh: zhIssues, en: enIssues },
  pane: { zh: zhPane, en: enPane },
  targetPane: { zh: zhTargetPane, en: enTargetPane },
  sheets: { zh: zhSheets, en: enSheets },
  cli: { zh: zhCli, en: enCli },
  workbook: { zh: zhWorkbook, en: enWorkbook },
  read: { zh: zhRead, en: enRead },
  glossarySheet: { zh: zhGlossarySheet, en: enGlossarySheet },
  basis: { zh: zhBasis, en: enBasis },
  scheme: { zh: zhScheme, en: enScheme },
  whatif: { zh: zhWhatif, en: enWhatif },
  targets: { zh: zhTargets, en: enTargets },
  whatifPane: { zh: zhWhatifPane, en: enWhatifPane },
};

type Domains = typeof DOMAINS;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** One language's half of every domain, by domain name. */
function half<L extends "zh" | "en">(lang: L): { [D in keyof Domains]: Domains[D][L] } {
  const out: Record<string, Entries> = {};
  for (const [name, pair] of Object.entries(DOMAINS)) out[name] = pair[lang];
  return out as { [D in keyof Domains]: Domains[D][L] };
}

/** Every domain's entries in one object (keys are unique across domains: test/engine/catalogue.test.ts). */
function assemble<T extends Record<string, Entries>>(domains: T): UnionToIntersection<T[keyof T]> {
  return Object.assign({}, ...Object.values(domains));
}

export const zhDomains = half("zh");
export const enDomains = half("en");
export const zh = assemble(zhDomains);
export const en = assemble(enDomains);
