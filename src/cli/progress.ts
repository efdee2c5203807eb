/**
 * Progress of a long command on standard error (issue 14): one line per stage (reading, checking and scoring,
 * planning, writing, with the rows written of each large sheet), in the user's language, once the run has taken
 * `afterMs` (2 s). On a terminal the line is rewritten in place; elsewhere (with --progress) each update is a line
 * of its own. Never written to standard output, so `--json -` stays pure JSON.
 */
import { t, type TextKey } from "../engine/i18n";
import type { Vars } from "../engine/i18n/types";
import type { Lang } from "../engine/types";

export type Stage = "reading" | "checking" | "scoring" | "planning" | "writing" | "json";

export interface Progress {
  stage(s: Stage, vars?: Vars): void;
  /** rows of a sheet written so far (updates at most once a second) */
  rows(sheet: string, done: number, total: number): void;
  done(): void;
}

export interface ProgressOptions {
  lang: Lang;
  err: (s: string) => void;
  /** rewrite one line in place (a terminal) rather than one line per update */
  tty: boolean;
  /** show nothing before the run has taken this long */
  afterMs: number;
  now?: () => number;
}

/** No progress at all. */
export const NO_PROGRESS: Progress = { stage: () => {}, rows: () => {}, done: () => {} };

/** The default wait before the first line: 2 s, or ZONESCORE_PROGRESS_AFTER_MS. */
export function progressAfterMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.ZONESCORE_PROGRESS_AFTER_MS);
  return env.ZONESCORE_PROGRESS_AFTER_MS !== undefined && Number.isFinite(v) && v >= 0 ? v : 2000;
}

export function progress(o: ProgressOptions): Progress {
  const now = o.now ?? (() => Date.now());
  const start = now();
  let shown = false;
  let lastRows = -Infinity;
  const seconds = () => ((now() - start) / 1000).toFixed(1);
  const show = (key: TextKey, vars: Vars) => {
    const line = t(o.lang, key, { ...vars, seconds: seconds() });
    o.err(o.tty ? `\r${line}\x1b[K` : `${line}\n`);
    shown = true;
  };
  const line = (stage: string) => show("cli.progress.line", { stage });
  return {
    stage(s, vars = {}) {
      if (now() - start >= o.afterMs) line(t(o.lang, `cli.progress.${s}` as TextKey, vars));
    },
    rows(sheet, done, total) {
      if (now() - start < o.afterMs || now() - lastRows < 1000) return;
      lastRows = now();
      line(t(o.lang, "cli.progress.rows", { sheet, done, total }));
    },
    done() {
      if (!shown) return;
      show("cli.progress.done", {});
      if (o.tty) o.err("\n");
    },
  };
}
