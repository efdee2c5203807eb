/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";

export const enDomains = { issues };

export const en = { ...issues };
