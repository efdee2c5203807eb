/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { basis } from "./basis";

export const enDomains = { issues, basis };

export const en = { ...issues, ...basis };
