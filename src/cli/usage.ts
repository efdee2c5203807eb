/** A usage error: exit 2, one line in the user's language, never a stack trace. */
import type { Lang } from "../engine/types";

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string = zh,
  ) {
    super(en);
  }
  text(lang: Lang): string {
    return lang === "en" ? this.en : this.zh;
  }
}
