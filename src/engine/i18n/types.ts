/** The shapes of the text catalogue: an entry is a template with {name} placeholders, or a function of its values. */
export type Vars = Record<string, string | number>;
export type Entry = string | ((v: Vars) => string);
export type Entries = Record<string, Entry>;
/** The English half of a domain: exactly the keys of its Chinese half (a missing or extra key fails to compile). */
export type Mirror<Z extends Entries> = { [K in keyof Z]: Entry };
/** A domain in both languages: its Chinese entries and their English twin (exactly the same keys). */
export interface TextPair<Z extends Entries = Entries> {
  zh: Z;
  en: Mirror<Z>;
}
