/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { pane } from "./pane";
import { targetPane } from "./target-pane";

export const enDomains = { issues, pane, targetPane };

export const en = { ...issues, ...pane, ...targetPane };
