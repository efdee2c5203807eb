/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { glossarySheet } from "./glossary-sheet";
import { basis } from "./basis";
import { scheme } from "./scheme";
import { whatif } from "./whatif";
import { targets } from "./targets";

export const enDomains = { issues, glossarySheet, basis, scheme, whatif, targets };

export const en = { ...issues, ...glossarySheet, ...basis, ...scheme, ...whatif, ...targets };
