/** A usage error: exit 2, one line in the user's language, never a stack trace. */
import type { Lang } from "../engine/types";
import { t, type TextKey, type Vars } from "../engine/i18n";

export class UsageError extends Error {
  /** `say` gives the text in a language (the message is the English) */
  constructor(private readonly say: (lang: Lang) => string) {
    super(say("en"));
  }
  /** A usage error whose text is the catalogue's `key`; vars may depend on the language (lists joined in its words). */
  static of(key: TextKey, vars: Vars | ((lang: Lang) => Vars) = {}): UsageError {
    return new UsageError((lang) => t(lang, key, typeof vars === "function" ? vars(lang) : vars));
  }
  text(lang: Lang): string {
    return this.say(lang);
  }
}
