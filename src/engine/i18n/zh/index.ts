/** The Chinese package: every domain's texts (the default language). Keys are unique across domains (a test checks). */
import { issues } from "./issues";
import { glossarySheet } from "./glossary-sheet";
import { basis } from "./basis";
import { scheme } from "./scheme";

/** Each domain on its own, for the test that keys do not collide when the package is assembled. */
export const zhDomains = { issues, glossarySheet, basis, scheme };

export const zh = { ...issues, ...glossarySheet, ...basis, ...scheme };
