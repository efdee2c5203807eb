/** A usage error: exit 2, one line in the user's language, never a stack trace. */
import type { Lang } from "../engine/types";
import { t, type TextKey, type Vars } from "../engine/i18n";

export class UsageError extends Error {
  private readonly texts: Record<Lang, string>;
  constructor(zh: string, en: string = zh) {
    super(en);
    this.texts = { zh, en };
  }
  /** A usage error whose text is the catalogue's `key` (both languages). */
  static of(key: TextKey, vars?: Vars): UsageError {
    return new UsageError(t("zh", key, vars), t("en", key, vars));
  }
  text(lang: Lang): string {
    return this.texts[lang];
  }
}
