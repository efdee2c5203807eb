/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { glossarySheet } from "./glossary-sheet";
import { basis } from "./basis";
import { scheme } from "./scheme";

export const enDomains = { issues, glossarySheet, basis, scheme };

export const en = { ...issues, ...glossarySheet, ...basis, ...scheme };
