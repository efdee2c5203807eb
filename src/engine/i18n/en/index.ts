/** The English package: assembled from the domain list in ../domains.ts. */
export { en, enDomains } from "../domains";
