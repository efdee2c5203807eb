/** The English package: one file per domain, each mirroring its Chinese twin key for key. */
import { issues } from "./issues";
import { basis } from "./basis";
import { scheme } from "./scheme";

export const enDomains = { issues, basis, scheme };

export const en = { ...issues, ...basis, ...scheme };
