/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { glossarySheet } from "./glossary-sheet";

export const enDomains = { issues, glossarySheet };

export const en = { ...issues, ...glossarySheet };
