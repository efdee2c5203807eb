/**
 * The pane's state and host operations, for App.tsx to render: one reducer (state.ts), the running operation with its
 * progress and cancelling, and the verbs 打开, 校验, 评分, 保存映射, 记为别名, 应用建议, 模板, 规则表 and 下载. No Office
 * or ExcelJS calls in here either: everything goes through the host's operations.
 */
import * as React from "react";
import type { HostOps, Progress } from "./host";
import { strings, type Strings, type UiLang } from "./i18n";
import { builtInSchemeIds, getBuiltInScheme } from "../schemes";
import { checkAndScore, plan } from "../engine/pipeline";
import { buildTemplatePlan } from "../engine/output/template";
import { schemeFromSheets, schemeToPlan } from "../engine/scheme/sheets";
import type { Scheme } from "../engine/scheme/schema";
import type { Issue, SheetData } from "../engine/types";
import { isWriteCancelled, type Settings, type WorkbookPort, type WriteProgress } from "../workbook/port";
import type { Dataset } from "../engine/dataset";
import type { ScoreRun } from "../engine/score/result";
import type { MappingChoice } from "./MappingPanel";
import {
  initialState,
  inputsKey,
  isStale,
  reducer,
  yearInvalid,
  yearOf,
  type Action,
  type Busy,
  type State,
} from "./state";
import { suggestScheme, WORKBOOK_SCHEME } from "./suggest";
import { useFollow } from "./useFollow";

class Cancelled extends Error {}

/** The last sheets read, for re-rendering findings and results in another language without reading again. */
interface SheetCache {
  sheets: SheetData[];
  settings: Settings | null;
  inputs: string;
}

/** What every operation works with: the host, this render's state and strings, the reducer and the refs. */
interface PaneCore {
  host: HostOps;
  state: State;
  t: Strings;
  dispatch: React.Dispatch<Action>;
  /** the latest state, for operations that outlive the render that started them */
  stateRef: React.MutableRefObject<State>;
  /** the running operation; cancelling abandons it (and stops the worker while a file is read) */
  op: React.MutableRefObject<number>;
  /** the result being written (评分): 取消 aborts it, and the adapter undoes it unless it is already committing */
  write: React.MutableRefObject<AbortController | null>;
  cache: React.MutableRefObject<SheetCache | null>;
  /** the built-in schemes, in the registry's order */
  ids: string[];
  /** the dataset kept in memory after 评分 (for 推演) */
  setScored: (s: Scored | null) => void;
}

/** What 评分 leaves in memory for 推演: the scheme, the dataset, the options, and the run that was written. */
export interface Scored {
  scheme: Scheme;
  data: Dataset;
  options: Record<string, string>;
  run: ScoreRun;
  inputs: string;
}

/** The scheme in force: a built-in one, or the one the workbook's rules sheets carry. */
function resolveScheme(sheets: readonly SheetData[], id: string): Scheme {
  return id === WORKBOOK_SCHEME ? schemeFromSheets(sheets) : getBuiltInScheme(id)!;
}

/** The scheme the workbook's sheets suggest among the built-in ones. */
function suggestFor(c: PaneCore, sheets: readonly SheetData[]): string | null {
  return suggestScheme(
    sheets,
    c.ids.map((id) => getBuiltInScheme(id)!),
  );
}

/** The open workbook, or the error "no file" in the user's language. */
function needBook(c: PaneCore): WorkbookPort {
  const b = c.host.book();
  if (!b) throw new Error(c.t.noFile);
  return b;
}

/** Runs one operation at a time: shows it busy, reports its error, and lets a newer operation or 取消 abandon it. */
function runner(c: PaneCore) {
  const { op, dispatch } = c;
  const run = async (task: Busy["task"], cancellable: boolean, f: (token: number) => Promise<void>) => {
    const token = ++op.current;
    dispatch({ type: "busy", busy: { task, progress: null, cancellable } });
    try {
      await f(token);
    } catch (e) {
      if (op.current !== token || e instanceof Cancelled || (e as Error).name === "CancelledError") return;
      dispatch({ type: "status", status: { key: "error", text: (e as Error).message } });
    } finally {
      if (op.current === token) dispatch({ type: "busy", busy: null });
    }
  };
  const step = async (token: number, done: number, total: number, stage: string) => {
    if (op.current !== token) throw new Cancelled();
    dispatch({ type: "progress", progress: { done, total, stage } });
    await new Promise((r) => setTimeout(r, 0)); // let the page paint the progress
    if (op.current !== token) throw new Cancelled();
  };
  const onCancel = () => {
    const task = c.state.busy?.task;
    // during the write the operation is not abandoned: it is told to stop, and ends when the workbook is as before
    if (c.write.current) {
      if (c.stateRef.current.busy?.lock) return;
      c.write.current.abort();
      dispatch({ type: "lock", lock: "cancelling" });
      return;
    }
    op.current++;
    if (task === "open") {
      c.host.cancel?.();
      dispatch({ type: "closed" });
    }
    dispatch({ type: "busy", busy: null });
    dispatch({ type: "status", status: { key: "cancelled" } });
  };
  return { run, step, onCancel };
}
type Runner = ReturnType<typeof runner>;

/** Read, check and (when the data allows) score in memory: 校验 and 评分 report the same findings. */
async function evaluate(c: PaneCore, r: Runner, token: number, st: State, total: number) {
  const book = needBook(c);
  await r.step(token, 0, total, "read");
  const sheets = await book.readSheets();
  const settings = await book.readSettings();
  await r.step(token, 1, total, "check");
  const scheme = resolveScheme(sheets, st.schemeId);
  const res = checkAndScore(sheets, scheme, {
    lang: st.lang,
    options: st.options,
    year: yearOf(st.year),
    mapping: settings ?? undefined,
  });
  if (c.op.current !== token) throw new Cancelled();
  const inputs = inputsKey(st);
  c.cache.current = { sheets, settings, inputs };
  c.dispatch({
    type: "findings",
    findings: { issues: res.allIssues, mapping: res.mapping, errors: res.errors, warnings: res.warnings, inputs },
  });
  return { r: res, sheets, scheme, inputs, book };
}

/**
 * 评分's write with its progress in the busy bar; 取消 until the write commits stops it and the workbook is as before
 * (status 已取消, null returned), from the commit on 取消 is locked and the write finishes.
 */
async function writeWithProgress(
  c: PaneCore,
  token: number,
  book: WorkbookPort,
  p: Parameters<WorkbookPort["writeResult"]>[0],
) {
  const ctl = new AbortController();
  c.write.current = ctl;
  const onProgress = (x: WriteProgress) => {
    if (c.op.current !== token) return;
    c.dispatch({
      type: "progress",
      progress: { done: 2, total: 3, stage: "write", part: { done: x.done, total: x.total } },
    });
    if (x.final && !c.stateRef.current.busy?.lock) c.dispatch({ type: "lock", lock: "final" });
  };
  try {
    return await book.writeResult(p, { signal: ctl.signal, onProgress });
  } catch (e) {
    if (!isWriteCancelled(e)) throw e;
    if (c.op.current === token) c.dispatch({ type: "status", status: { key: "cancelled" } });
    return null;
  } finally {
    c.write.current = null;
  }
}

/** 校验 and 评分. */
function checkOps(c: PaneCore, r: Runner) {
  const { dispatch, stateRef } = c;
  const onCheck = () =>
    r.run("check", true, async (token) => {
      const { r: res } = await evaluate(c, r, token, stateRef.current, 2);
      dispatch({ type: "status", status: { key: "checked", errors: res.errors, warnings: res.warnings } });
    });
  const onScore = () =>
    r.run("score", true, async (token) => {
      const st = stateRef.current;
      const { r: res, sheets, scheme, inputs, book } = await evaluate(c, r, token, st, 3);
      if (!res.run) {
        c.setScored(null);
        dispatch({ type: "results", results: null });
        dispatch({ type: "status", status: { key: "blocked", errors: res.errors } });
        return;
      }
      await r.step(token, 2, 3, "write");
      const p = plan(scheme, res.run, {
        lang: st.lang,
        generatedAt: new Date().toLocaleString(),
        formulas: st.valuesOnly ? undefined : { data: res.dataset!, sheets },
      });
      const report = await writeWithProgress(c, token, book, p);
      if (!report || c.op.current !== token) return;
      const written = Object.values(report.written);
      dispatch({ type: "results", results: { run: res.run, written, inputs } });
      c.setScored({ scheme, data: res.dataset!, options: st.options, run: res.run, inputs });
      dispatch({
        type: "status",
        status: { key: "scored", errors: res.errors, warnings: res.warnings, sheets: written, notices: report.notices },
      });
    });
  return { onCheck, onScore };
}

/** 打开 (file host): the previous workbook leaves the screen at once; the new one suggests its scheme. */
function openOp(c: PaneCore, r: Runner) {
  return (e: React.ChangeEvent<HTMLInputElement>) => {
    const { host, dispatch, op } = c;
    const input = e.target;
    const f = input.files?.[0];
    if (!f || !host.openFile) return;
    c.cache.current = null;
    // the previous workbook is gone from the screen at once, whatever happens to this one
    dispatch({ type: "closed" });
    void r.run("open", true, async (token) => {
      // the worker's messages name the file and what is wrong with it, in the user's language
      const name = await host.openFile!(f, c.stateRef.current.lang, (p: Progress) => {
        if (op.current === token) dispatch({ type: "progress", progress: p });
      });
      if (op.current !== token) return;
      const sheets = await host.book()!.readSheets();
      if (op.current !== token) return;
      dispatch({ type: "opened", name, suggested: suggestFor(c, sheets) });
      input.value = "";
    });
  };
}

/** 保存映射, 记为别名 and 应用建议: each changes the workbook, then checks again with the change. */
function mappingOps(c: PaneCore, r: Runner) {
  const { dispatch, stateRef } = c;
  /** save the confirmed mapping (and keep the aliases) in the workbook, then check again with it */
  const saveSettings = async (token: number, next: Settings) => {
    await needBook(c).writeSettings(next);
    dispatch({ type: "mappingSaved" });
    const st = { ...stateRef.current, mappingVersion: stateRef.current.mappingVersion + 1 };
    const { r: res } = await evaluate(c, r, token, st, 2);
    dispatch({ type: "status", status: { key: "savedMapping", errors: res.errors, warnings: res.warnings } });
  };
  const onSaveMapping = (choice: MappingChoice, sheets: Record<string, string>) =>
    r.run("mapping", false, async (token) => {
      const old = (await needBook(c).readSettings()) ?? {};
      const tables: NonNullable<Settings["tables"]> = {};
      for (const [table, cols] of Object.entries(choice))
        tables[table] = {
          sheet: sheets[table],
          columns: Object.fromEntries(Object.entries(cols).filter(([, v]) => v)),
        };
      await saveSettings(token, { ...old, tables });
    });
  const onAlias = (alias: string, target: string) =>
    void r.run("mapping", false, async (token) => {
      const old = (await needBook(c).readSettings()) ?? {};
      await saveSettings(token, { ...old, aliases: { ...(old.aliases ?? {}), [alias]: target } });
    });
  const onApply = (i: Issue) =>
    void r.run("apply", false, async (token) => {
      await c.host.setCellText!(i.sheet, i.cell, i.fix!, stateRef.current.lang);
      dispatch({ type: "mappingSaved" });
      const st = { ...stateRef.current, mappingVersion: stateRef.current.mappingVersion + 1 };
      const { r: res } = await evaluate(c, r, token, st, 2);
      const cell = `${i.sheet}!${i.cell}`;
      dispatch({
        type: "status",
        status: { key: "applied", cell, text: i.fix!, errors: res.errors, warnings: res.warnings },
      });
    });
  return { onSaveMapping, onAlias, onApply };
}

/** Where 输入模板 goes in Excel (a new workbook, or this one after a confirmation). */
interface TemplateChoice {
  where: "new" | "current";
  setWhere: (w: "new" | "current") => void;
  confirming: boolean;
  setConfirming: (on: boolean) => void;
}

/** 输入模板, 规则表 and 下载. */
function fileOps(c: PaneCore, r: Runner, builtIn: Scheme | null, tc: TemplateChoice, save?: AppSave) {
  const { host, dispatch } = c;
  const insert = (what: "template" | "rules") =>
    void r.run("template", false, async () => {
      const sc = builtIn!;
      const p = what === "template" ? buildTemplatePlan(sc, c.state.lang) : schemeToPlan(sc);
      const name = what === "template" ? c.t.templateFile(sc.id) : c.t.rulesFile(sc.id);
      const out = await host.insertTemplate(p, name, host.kind === "excel" ? tc.where : "new");
      if ("blob" in out) {
        save?.(out.name, out.blob);
        dispatch({ type: "status", status: { key: "templateFile", name: out.name } });
      } else if ("opened" in out) dispatch({ type: "status", status: { key: "templateNew" } });
      else dispatch({ type: "status", status: { key: "wrote", sheets: Object.values(out.written) } });
    });
  const onTemplate = () =>
    host.kind === "excel" && tc.where === "current" ? tc.setConfirming(true) : insert("template");
  const onDownload = () =>
    r.run("download", false, async () => {
      const d = await host.download!(c.state.lang);
      save?.(d.name, d.blob);
    });
  return { insert, onTemplate, onDownload };
}

/** A language change re-renders findings and results in that language (from the sheets already read). */
function useLanguageRefresh(c: PaneCore): void {
  const { lang } = c.state;
  const lastLang = React.useRef(lang);
  React.useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    const cached = c.cache.current;
    const st = c.stateRef.current;
    if (!cached || cached.inputs !== inputsKey(st) || st.busy) return;
    try {
      const r = checkAndScore(cached.sheets, resolveScheme(cached.sheets, st.schemeId), {
        lang,
        options: st.options,
        year: yearOf(st.year),
        mapping: cached.settings ?? undefined,
      });
      const inputs = cached.inputs;
      if (st.findings?.inputs === inputs) {
        const findings = { issues: r.allIssues, mapping: r.mapping, errors: r.errors, warnings: r.warnings, inputs };
        c.dispatch({ type: "findings", findings });
      }
      if (st.results?.inputs === inputs && r.run)
        c.dispatch({ type: "results", results: { ...st.results, run: r.run } });
    } catch {
      /* the next 校验 reports it */
    }
  }, [lang]);
}

/** The page's language and title follow the pane's. */
function useDocumentLang(c: PaneCore): void {
  const { lang } = c.state;
  React.useEffect(() => {
    document.documentElement.lang = c.t.htmlLang;
    document.title = c.t.title;
  }, [lang, c.t.htmlLang, c.t.title]);
}

/** Excel: suggest a scheme from the workbook's sheets once the pane opens. */
function useSuggestOnOpen(c: PaneCore): void {
  React.useEffect(() => {
    if (c.host.kind !== "excel") return;
    const b = c.host.book();
    if (!b) return;
    b.readSheets().then(
      (sheets) => c.dispatch({ type: "suggest", suggested: suggestFor(c, sheets) }),
      () => undefined,
    );
  }, []);
}

/** What the steps show and allow, derived from the state. */
function paneView(c: PaneCore, builtIn: Scheme | null) {
  const { state, host } = c;
  const busy = !!state.busy;
  const hasBook = state.hasBook && !!host.book();
  const findingsStale = isStale(state, state.findings);
  const badYear = yearInvalid(state.year);
  const knownErrors = state.findings && !findingsStale ? state.findings.errors : 0;
  const canCheck = hasBook && !busy && !badYear;
  const cached = c.cache.current;
  return {
    busy,
    findingsStale,
    resultsStale: isStale(state, state.results),
    badYear,
    canCheck,
    canScore: canCheck && knownErrors === 0,
    missingTable: state.findings?.issues.some((i) => i.code === "missing-table"),
    suggestedScheme:
      state.suggested && state.suggested !== WORKBOOK_SCHEME ? (getBuiltInScheme(state.suggested) ?? null) : null,
    resultScheme: state.results ? (builtIn ?? (cached ? resolveScheme(cached.sheets, state.schemeId) : null)) : null,
  };
}

/** saves a blob as a download (browser) */
export type AppSave = (name: string, blob: Blob) => void;

/** The pane's state, what it derives from it, and every operation, for the steps to render and call. */
export function usePane(host: HostOps, initialLang: UiLang, save?: AppSave) {
  const ids = builtInSchemeIds();
  const [state, dispatch] = React.useReducer(reducer, undefined, () =>
    initialState(initialLang, ids[0], host.kind === "excel"),
  );
  const t = strings(state.lang);
  const cache = React.useRef<SheetCache | null>(null);
  const op = React.useRef(0);
  const write = React.useRef<AbortController | null>(null);
  const [where, setWhere] = React.useState<"new" | "current">("new");
  const [confirming, setConfirming] = React.useState(false);
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const [scored, setScored] = React.useState<Scored | null>(null);
  const c: PaneCore = { host, state, t, dispatch, stateRef, op, write, cache, ids, setScored };
  useDocumentLang(c);
  useLanguageRefresh(c);
  useSuggestOnOpen(c);
  const builtIn = state.schemeId === WORKBOOK_SCHEME ? null : getBuiltInScheme(state.schemeId)!;
  const r = runner(c);
  const template: TemplateChoice = { where, setWhere, confirming, setConfirming };
  const ops = { ...checkOps(c, r), ...mappingOps(c, r), ...fileOps(c, r, builtIn, template, save) };
  const fresh = scored && state.results?.inputs === scored.inputs && !isStale(state, state.results) ? scored : null;
  const followed = useFollow({
    host,
    scored: fresh,
    cache,
    lang: () => stateRef.current.lang,
    year: () => yearOf(stateRef.current.year),
  });
  return {
    host,
    state,
    dispatch,
    t,
    lang: state.lang,
    ids,
    builtIn,
    template,
    scored: fresh,
    /** Excel: what moved since the last written result, and the data 推演 starts from */
    followed,
    view: paneView(c, builtIn),
    ops: { ...ops, onCancel: r.onCancel, onOpen: openOp(c, r) },
  };
}

export type Pane = ReturnType<typeof usePane>;
