/** The Chinese package (the default language): assembled from the domain list in ../domains.ts. */
export { zh, zhDomains } from "../domains";
