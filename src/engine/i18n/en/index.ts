/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { glossarySheet } from "./glossary-sheet";
import { whatif } from "./whatif";
import { targets } from "./targets";

export const enDomains = { issues, glossarySheet, whatif, targets };

export const en = { ...issues, ...glossarySheet, ...whatif, ...targets };
