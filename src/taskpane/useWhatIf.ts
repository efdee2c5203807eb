/**
 * The 推演 view's state: the what-if session over the dataset kept in memory after 评分, the change set (every edit
 * rescores everything at once), the chosen unit, undo and reset, named scenarios saved in the workbook's settings,
 * writing a scenario (or a comparison of two) as the 情景对比 sheet, and sensitivity. Nothing is written to the
 * workbook except by `save`, `write` and `writeCompare`, each an explicit action of the user.
 */
import * as React from "react";
import type { Scheme } from "../engine/scheme/schema";
import type { Dataset } from "../engine/dataset";
import type { ScoreRun } from "../engine/score/result";
import type { WorkbookPort } from "../workbook/port";
import {
  awardGaps,
  reset as resetChanges,
  runScenario,
  saveScenario,
  scenarioSheet,
  sensitivity,
  startWhatIf,
  undo as undoChanges,
  unitGaps,
  type Change,
  type SavedScenario,
  type ScenarioResult,
  type SensitivityResult,
} from "../engine/whatif";
import { t } from "../engine/i18n";
import type { UiLang } from "./i18n";
import { withEdit } from "./whatif-model";

/** What the view starts from: the scored dataset (or the one that follows the workbook's edits in Excel). */
export interface WhatIfSource {
  scheme: Scheme;
  data: Dataset;
  options: Record<string, string>;
}

export interface WhatIfProps {
  lang: UiLang;
  source: WhatIfSource;
  book: () => WorkbookPort | null;
  /** the sheets a write produced, for the pane's status line */
  onWrote?: (sheets: string[]) => void;
}

export interface Compared {
  names: [string, string];
  runs: [ScoreRun, ScoreRun];
}

export const SENS_SAMPLES = 1000;
export const SENS_SEED = 1;

/** The saved scenarios, read once from the workbook's settings; `save` adds or replaces one there. */
function useScenarios(book: () => WorkbookPort | null) {
  const [saved, setSaved] = React.useState<SavedScenario[]>([]);
  React.useEffect(() => {
    let live = true;
    book()
      ?.readSettings()
      .then((s) => live && setSaved(s?.scenarios ?? []))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [book]);
  const save = async (s: SavedScenario) => {
    const b = book();
    if (!b) return;
    const settings = (await b.readSettings()) ?? {};
    const scenarios = saveScenario(settings.scenarios ?? [], s);
    await b.writeSettings({ ...settings, scenarios });
    setSaved(scenarios);
  };
  return { saved, save };
}

/** A message in the language on screen when it is shown. */
type Say = (lang: UiLang) => string;

/** An async action of the view: one at a time, its message (or error) shown in the view's status line. */
function useAction() {
  const [busy, setBusy] = React.useState(false);
  /** kept as a function of the language, so that a language switch re-says it */
  const [message, setMessage] = React.useState<{ say: Say; error: boolean } | null>(null);
  const act = async (f: () => Promise<Say>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ say: await f(), error: false });
    } catch (e) {
      const said = (e as Error).message;
      setMessage({ say: () => said, error: true });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, act };
}

/** The session, the change set and the chosen unit; every edit is tried before it joins the change set. */
function useSession(lang: UiLang, { scheme, data, options }: WhatIfSource) {
  const session = React.useMemo(() => startWhatIf(scheme, data, { lang, options }), [scheme, data, lang, options]);
  const [changes, setChanges] = React.useState<Change[]>([]);
  const [unit, setUnitState] = React.useState(() => session.baseline.order[0] ?? 0);
  /** bumped when the inputs must show the change set's values again (undo, reset, a scenario applied) */
  const [version, setVersion] = React.useState(0);
  /** the edit that could not be made: its reason is said again in the language on screen */
  const [failed, setFailed] = React.useState<Change | null>(null);
  const result: ScenarioResult = React.useMemo(() => {
    try {
      return runScenario(session, changes);
    } catch {
      // the data changed under the change set (Excel edits): start again from the baseline
      return runScenario(session, []);
    }
  }, [session, changes]);
  const replace = (next: Change[]) => {
    setChanges(next);
    setFailed(null);
    setVersion((v) => v + 1);
  };
  const edit = (c: Change) => {
    const next = withEdit(changes, c);
    try {
      runScenario(session, next);
      setChanges(next);
      setFailed(null);
      // a row added or taken away moves the rows after it: the inputs show the values again
      if (c.op !== "set") setVersion((v) => v + 1);
    } catch {
      setFailed(c);
    }
  };
  const setUnit = (i: number) => {
    setUnitState(i);
    setVersion((v) => v + 1);
  };
  const error = React.useMemo(() => {
    if (!failed) return null;
    try {
      runScenario(session, withEdit(changes, failed));
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }, [failed, session, changes]);
  return { session, changes, unit, version, error, result, replace, edit, setUnit };
}

/** The writes the user asks for: the 情景对比 sheet of one scenario or of two, and a scenario saved by name. */
function useWrites(lang: UiLang, x: ReturnType<typeof useSession>, props: WhatIfProps) {
  const { scheme } = props.source;
  const scenarios = useScenarios(props.book);
  const action = useAction();
  const need = () => {
    const b = props.book();
    if (!b) throw new Error(t(lang, "pane.noFile"));
    return b;
  };
  const writeSheet = async (runs: Array<{ scenario: SavedScenario; run: ScoreRun }>) => {
    const report = await need().writeResult({ sheets: [scenarioSheet(scheme, x.session.baseline, runs, lang)] });
    const sheets = Object.values(report.written);
    props.onWrote?.(sheets);
    return (l: UiLang) => t(l, "whatifPane.wrote", { sheets: sheets.join(t(l, "whatif.sep")) });
  };
  const runOf = (s: SavedScenario) => runScenario(x.session, s.changes).run;
  return {
    ...scenarios,
    ...action,
    saveAs: (name: string) =>
      action.act(async () => {
        await scenarios.save({ name, changes: x.changes });
        return (l: UiLang) => t(l, "whatifPane.saved", { name });
      }),
    write: (name: string) =>
      action.act(() => writeSheet([{ scenario: { name, changes: x.changes }, run: x.result.run }])),
    writeCompare: (a: SavedScenario, b: SavedScenario) =>
      action.act(() =>
        writeSheet([
          { scenario: a, run: runOf(a) },
          { scenario: b, run: runOf(b) },
        ]),
      ),
    runOf,
  };
}

export function useWhatIf(props: WhatIfProps) {
  const { lang, source } = props;
  const { scheme, options } = source;
  const x = useSession(lang, source);
  const writes = useWrites(lang, x, props);
  const [compared, setCompared] = React.useState<Compared | null>(null);
  const [sens, setSens] = React.useState<{ res: SensitivityResult; ms: number } | null>(null);
  const { result, unit } = x;
  const gaps = React.useMemo(() => {
    const rules = unitGaps(scheme, result.data, result.run, unit, lang).filter((g) => g !== null);
    return { rules, awards: awardGaps(scheme, result.data, result.run, unit, lang) };
  }, [scheme, result, unit, lang]);
  return {
    lang,
    scheme,
    ...x,
    ...writes,
    compared,
    sens,
    gaps,
    undo: () => x.replace(undoChanges(x.changes)),
    reset: () => x.replace(resetChanges()),
    apply: (s: SavedScenario) => x.replace(s.changes),
    compare: (a: SavedScenario, b: SavedScenario) =>
      setCompared({ names: [a.name, b.name], runs: [writes.runOf(a), writes.runOf(b)] }),
    runSensitivity: () => {
      const t0 = performance.now();
      const res = sensitivity(scheme, result.data, result.run, {
        lang,
        options,
        samples: SENS_SAMPLES,
        seed: SENS_SEED,
      });
      setSens({ res, ms: Math.round(performance.now() - t0) });
    },
  };
}

export type WhatIfModel = ReturnType<typeof useWhatIf>;
