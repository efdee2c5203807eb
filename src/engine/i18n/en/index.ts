/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
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

export const enDomains = {
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

export const en = {
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
