/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { pane } from "./pane";
import { targetPane } from "./target-pane";
import { sheets } from "./sheets";

export const enDomains = { issues, pane, targetPane, sheets };

export const en = { ...issues, ...pane, ...targetPane, ...sheets };
