/** The Chinese package: every domain's texts (the default language). Keys are unique across domains (a test checks). */
import { issues } from "./issues";
import { pane } from "./pane";
import { targetPane } from "./target-pane";
import { sheets } from "./sheets";
import { cli } from "./cli";
import { workbook } from "./workbook";
import { read } from "./read";
import { glossarySheet } from "./glossary-sheet";
import { basis } from "./basis";
import { scheme } from "./scheme";
import { whatif } from "./whatif";
import { targets } from "./targets";

/** Each domain on its own, for the test that keys do not collide when the package is assembled. */
export const zhDomains = {
  issues,
  pane,
  targetPane,
  sheets,
  cli,
  workbook,
  read,
  glossarySheet,
  basis,
  scheme,
  whatif,
  targets,
};

export const zh = {
  ...issues,
  ...pane,
  ...targetPane,
  ...sheets,
  ...cli,
  ...workbook,
  ...read,
  ...glossarySheet,
  ...basis,
  ...scheme,
  ...whatif,
  ...targets,
};
