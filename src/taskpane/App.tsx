/**
 * The task pane (and the standalone page): numbered steps over one state model (state.ts). Components receive the
 * host's operations as props; no Office or ExcelJS calls in here.
 */
import * as React from "react";
import {
  AriaLiveAnnouncer,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { HostOps, Progress } from "./host";
import { otherLang, strings, type Strings, type UiLang } from "./i18n";
import { schemeTitle } from "../engine/i18n";
import { builtInSchemeIds, getBuiltInScheme } from "../schemes";
import { checkAndScore, plan } from "../engine/pipeline";
import { buildTemplatePlan } from "../engine/output/template";
import { schemeFromSheets, schemeToPlan } from "../engine/scheme/sheets";
import type { Scheme } from "../engine/scheme/schema";
import type { Issue, SheetData } from "../engine/types";
import type { Settings } from "../workbook/port";
import { MappingPanel, type MappingChoice } from "./MappingPanel";
import { Confirm, Findings } from "./Findings";
import { Results } from "./Results";
import { TargetsPanel, targetsHost } from "./TargetsPanel";
import {
  initialState,
  inputsKey,
  isStale,
  reducer,
  yearInvalid,
  yearOf,
  type Busy,
  type State,
  type StatusKey,
} from "./state";
import { suggestScheme, WORKBOOK_SCHEME } from "./suggest";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    fontFamily: tokens.fontFamilyBase,
    maxWidth: "100%",
    boxSizing: "border-box",
    minWidth: 0,
  },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", minWidth: 0 },
  head: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between" },
  steps: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "16px" },
  step: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    minWidth: 0,
    paddingTop: "8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  file: { maxWidth: "100%", minWidth: 0 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  field: { minWidth: 0, maxWidth: "100%" },
  dropdown: { minWidth: 0, maxWidth: "100%", width: "100%" },
  input: { minWidth: 0, width: "100%" },
  /** the further steps' own fields shrink with the pane too (no horizontal scroll at 350 px or 200 % zoom) */
  more: {
    "& .fui-Input, & .fui-Select, & .fui-Dropdown, & .fui-Field": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input__input, & .fui-Select__select": { minWidth: 0 },
    "& table": { maxWidth: "100%" },
    "& .fui-RadioGroup": { flexWrap: "wrap", minWidth: 0, maxWidth: "100%" },
    "& .fui-Radio": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Radio__label, & .fui-Label, & .fui-Text": { overflowWrap: "anywhere", minWidth: 0 },
  },
});

export interface AppProps {
  host: HostOps;
  initialLang: UiLang;
  /** saves a blob as a download (browser) */
  save?: (name: string, blob: Blob) => void;
  /** further steps (what-if, annex targets) rendered as step 5 when given */
  moreSteps?: (ctx: { state: State; scheme: Scheme | null }) => React.ReactNode;
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <AriaLiveAnnouncer>
      <Pane {...props} />
    </AriaLiveAnnouncer>
  );
}

function schemeName(sc: Scheme, lang: UiLang): string {
  return schemeTitle(sc, lang);
}

function statusText(t: Strings, st: StatusKey): string {
  switch (st.key) {
    case "checked":
      return t.labelled(t.check, t.issues(st.errors, st.warnings));
    case "scored":
      return `${t.wrote(st.sheets.join(t.listSep))} · ${t.issues(st.errors, st.warnings)}`;
    case "blocked":
      return t.blocked(st.errors);
    case "opened":
      return t.opened(st.name);
    case "savedMapping":
      return `${t.savedMapping} · ${t.issues(st.errors, st.warnings)}`;
    case "templateNew":
      return t.templateOpened;
    case "templateFile":
      return t.templateSaved(st.name);
    case "wrote":
      return t.wrote(st.sheets.join(t.listSep));
    case "applied":
      return t.applied(st.cell, st.text);
    case "cancelled":
      return t.cancelled;
    case "error":
      return st.text;
  }
}

function statusIntent(st: StatusKey): "error" | "warning" | "success" | "info" {
  if (st.key === "error" || st.key === "blocked") return "error";
  if (st.key === "checked" || st.key === "scored" || st.key === "savedMapping")
    return st.errors ? "error" : st.warnings ? "warning" : "success";
  if (st.key === "cancelled") return "warning";
  return st.key === "opened" ? "info" : "success";
}

class Cancelled extends Error {}

function Pane({ host, initialLang, save, moreSteps }: AppProps): React.JSX.Element {
  const s = useStyles();
  const ids = builtInSchemeIds();
  const [state, dispatch] = React.useReducer(reducer, undefined, () =>
    initialState(initialLang, ids[0], host.kind === "excel"),
  );
  const { lang } = state;
  const t = strings(lang);
  const builtIn = state.schemeId === WORKBOOK_SCHEME ? null : getBuiltInScheme(state.schemeId)!;
  /** the last sheets read, for re-rendering findings and results in another language without reading again */
  const cache = React.useRef<{ sheets: SheetData[]; settings: Settings | null; inputs: string } | null>(null);
  /** the running operation; cancelling abandons it (and stops the worker while a file is read) */
  const op = React.useRef(0);
  const [templateWhere, setTemplateWhere] = React.useState<"new" | "current">("new");
  const [confirmTemplate, setConfirmTemplate] = React.useState(false);
  const stateRef = React.useRef(state);
  stateRef.current = state;

  React.useEffect(() => {
    document.documentElement.lang = t.htmlLang;
    document.title = t.title;
  }, [t.htmlLang, t.title]);

  const resolve = (sheets: readonly SheetData[], id = state.schemeId): Scheme =>
    id === WORKBOOK_SCHEME ? schemeFromSheets(sheets) : getBuiltInScheme(id)!;

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
    const task = state.busy?.task;
    op.current++;
    if (task === "open") {
      host.cancel?.();
      dispatch({ type: "closed" });
    }
    dispatch({ type: "busy", busy: null });
    dispatch({ type: "status", status: { key: "cancelled" } });
  };
  const needBook = () => {
    const b = host.book();
    if (!b) throw new Error(t.noFile);
    return b;
  };

  /** read, check and (when the data allows) score in memory: 校验 and 评分 report the same findings */
  const evaluate = async (token: number, st: State, total: number) => {
    const book = needBook();
    await step(token, 0, total, "read");
    const sheets = await book.readSheets();
    const settings = await book.readSettings();
    await step(token, 1, total, "check");
    const scheme = resolve(sheets, st.schemeId);
    const r = checkAndScore(sheets, scheme, {
      lang: st.lang,
      options: st.options,
      year: yearOf(st.year),
      mapping: settings ?? undefined,
    });
    if (op.current !== token) throw new Cancelled();
    const inputs = inputsKey(st);
    cache.current = { sheets, settings, inputs };
    dispatch({
      type: "findings",
      findings: { issues: r.allIssues, mapping: r.mapping, errors: r.errors, warnings: r.warnings, inputs },
    });
    return { r, sheets, scheme, inputs, book };
  };

  const onCheck = () =>
    run("check", true, async (token) => {
      const st = stateRef.current;
      const { r } = await evaluate(token, st, 2);
      dispatch({ type: "status", status: { key: "checked", errors: r.errors, warnings: r.warnings } });
    });

  const onScore = () =>
    run("score", true, async (token) => {
      const st = stateRef.current;
      const { r, sheets, scheme, inputs, book } = await evaluate(token, st, 3);
      if (!r.run) {
        dispatch({ type: "results", results: null });
        dispatch({ type: "status", status: { key: "blocked", errors: r.errors } });
        return;
      }
      await step(token, 2, 3, "write");
      const report = await book.writeResult(
        plan(scheme, r.run, {
          lang: st.lang,
          generatedAt: new Date().toLocaleString(),
          formulas: st.valuesOnly ? undefined : { data: r.dataset!, sheets },
        }),
      );
      if (op.current !== token) return;
      const written = Object.values(report.written);
      dispatch({ type: "results", results: { run: r.run, written, inputs } });
      dispatch({
        type: "status",
        status: { key: "scored", errors: r.errors, warnings: r.warnings, sheets: written },
      });
    });

  // a language change re-renders findings and results in that language (from the sheets already read)
  const lastLang = React.useRef(lang);
  React.useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    const c = cache.current;
    const st = stateRef.current;
    if (!c || c.inputs !== inputsKey(st) || st.busy) return;
    try {
      const scheme = resolve(c.sheets, st.schemeId);
      const r = checkAndScore(c.sheets, scheme, {
        lang,
        options: st.options,
        year: yearOf(st.year),
        mapping: c.settings ?? undefined,
      });
      if (st.findings?.inputs === c.inputs)
        dispatch({
          type: "findings",
          findings: {
            issues: r.allIssues,
            mapping: r.mapping,
            errors: r.errors,
            warnings: r.warnings,
            inputs: c.inputs,
          },
        });
      if (st.results?.inputs === c.inputs && r.run)
        dispatch({ type: "results", results: { ...st.results, run: r.run } });
    } catch {
      /* the next 校验 reports it */
    }
  }, [lang]);

  // Excel: suggest a scheme from the workbook's sheets once the pane opens
  React.useEffect(() => {
    if (host.kind !== "excel") return;
    const b = host.book();
    if (!b) return;
    b.readSheets().then(
      (sheets) => {
        const sug = suggestScheme(
          sheets,
          ids.map((id) => getBuiltInScheme(id)!),
        );
        dispatch({ type: "suggest", suggested: sug });
      },
      () => undefined,
    );
  }, []);

  const onOpen = (e: React.ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const f = input.files?.[0];
    if (!f || !host.openFile) return;
    cache.current = null;
    // the previous workbook is gone from the screen at once, whatever happens to this one
    dispatch({ type: "closed" });
    void run("open", true, async (token) => {
      // the worker's messages name the file and what is wrong with it, in the user's language
      const name = await host.openFile!(f, stateRef.current.lang, (p: Progress) => {
        if (op.current === token) dispatch({ type: "progress", progress: p });
      });
      if (op.current !== token) return;
      const sheets = await host.book()!.readSheets();
      if (op.current !== token) return;
      dispatch({
        type: "opened",
        name,
        suggested: suggestScheme(
          sheets,
          ids.map((id) => getBuiltInScheme(id)!),
        ),
      });
      input.value = "";
    });
  };

  /** save the confirmed mapping (and keep the aliases) in the workbook, then check again with it */
  const saveSettings = async (token: number, next: Settings) => {
    const book = needBook();
    await book.writeSettings(next);
    dispatch({ type: "mappingSaved" });
    const st = { ...stateRef.current, mappingVersion: stateRef.current.mappingVersion + 1 };
    const { r } = await evaluate(token, st, 2);
    dispatch({ type: "status", status: { key: "savedMapping", errors: r.errors, warnings: r.warnings } });
  };
  const onSaveMapping = (choice: MappingChoice, sheets: Record<string, string>) =>
    run("mapping", false, async (token) => {
      const old = (await needBook().readSettings()) ?? {};
      const tables: NonNullable<Settings["tables"]> = {};
      for (const [table, cols] of Object.entries(choice))
        tables[table] = {
          sheet: sheets[table],
          columns: Object.fromEntries(Object.entries(cols).filter(([, v]) => v)),
        };
      await saveSettings(token, { ...old, tables });
    });
  const onAlias = (alias: string, target: string) =>
    void run("mapping", false, async (token) => {
      const old = (await needBook().readSettings()) ?? {};
      await saveSettings(token, { ...old, aliases: { ...(old.aliases ?? {}), [alias]: target } });
    });
  const onApply = (i: Issue) =>
    void run("apply", false, async (token) => {
      await host.setCellText!(i.sheet, i.cell, i.fix!);
      dispatch({ type: "mappingSaved" });
      const st = { ...stateRef.current, mappingVersion: stateRef.current.mappingVersion + 1 };
      await evaluate(token, st, 2);
      dispatch({ type: "status", status: { key: "applied", cell: `${i.sheet}!${i.cell}`, text: i.fix! } });
    });

  const insert = (what: "template" | "rules") =>
    void run("template", false, async () => {
      const sc = builtIn!;
      const p = what === "template" ? buildTemplatePlan(sc, lang) : schemeToPlan(sc);
      const name = what === "template" ? t.templateFile(sc.id) : t.rulesFile(sc.id);
      const out = await host.insertTemplate(p, name, host.kind === "excel" ? templateWhere : "new");
      if ("blob" in out) {
        save?.(out.name, out.blob);
        dispatch({ type: "status", status: { key: "templateFile", name: out.name } });
      } else if ("opened" in out) dispatch({ type: "status", status: { key: "templateNew" } });
      else dispatch({ type: "status", status: { key: "wrote", sheets: Object.values(out.written) } });
    });
  const onTemplate = () =>
    host.kind === "excel" && templateWhere === "current" ? setConfirmTemplate(true) : insert("template");

  const onDownload = () =>
    run("download", false, async () => {
      const d = await host.download!(lang);
      save?.(d.name, d.blob);
    });

  const busy = !!state.busy;
  const hasBook = state.hasBook && !!host.book();
  const findingsStale = isStale(state, state.findings);
  const resultsStale = isStale(state, state.results);
  const badYear = yearInvalid(state.year);
  const knownErrors = state.findings && !findingsStale ? state.findings.errors : 0;
  const canCheck = hasBook && !busy && !badYear;
  const canScore = canCheck && knownErrors === 0;
  const missingTable = state.findings?.issues.some((i) => i.code === "missing-table");
  const suggestedScheme =
    state.suggested && state.suggested !== WORKBOOK_SCHEME ? getBuiltInScheme(state.suggested) : null;
  const resultScheme = state.results ? (builtIn ?? (cache.current ? resolve(cache.current.sheets) : null)) : null;

  return (
    <div className={s.root} lang={t.htmlLang}>
      <header className={s.head}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        <Button
          appearance="subtle"
          size="small"
          title={t.languageLabel}
          lang={strings(otherLang(lang)).htmlLang}
          onClick={() => dispatch({ type: "lang", lang: otherLang(lang) })}
          data-testid="language"
        >
          {t.language}
        </Button>
      </header>
      <main aria-label={t.main}>
        <Text size={200} block className={s.wrap}>
          {host.kind === "file" ? t.standalone : t.inExcel}
        </Text>
        {state.busy && (
          <div className={s.row} data-testid="busy" aria-busy="true">
            <Field
              className={s.field}
              style={{ flexGrow: 1 }}
              label={t.progress[state.busy.task]}
              validationState="none"
              validationMessage={
                state.busy.progress ? (t.stage[state.busy.progress.stage] ?? state.busy.progress.stage) : t.working
              }
            >
              <ProgressBar
                value={
                  state.busy.progress && state.busy.progress.total
                    ? state.busy.progress.done / state.busy.progress.total
                    : undefined
                }
              />
            </Field>
            {state.busy.cancellable && (
              <Button onClick={onCancel} data-testid="cancel">
                {t.cancel}
              </Button>
            )}
          </div>
        )}
        {state.status && (
          <MessageBar
            key={`${state.status.key}-${statusText(t, state.status)}`}
            intent={statusIntent(state.status)}
            data-testid="status"
          >
            <MessageBarBody className={s.wrap}>{statusText(t, state.status)}</MessageBarBody>
          </MessageBar>
        )}
        <ol className={s.steps}>
          <li className={s.step} aria-labelledby="step1">
            <Text as="h2" size={400} weight="semibold" id="step1">
              {t.step1}
            </Text>
            {host.kind === "file" ? (
              <>
                <label htmlFor="file-input">
                  <Text>{t.open}</Text>
                </label>
                <input
                  id="file-input"
                  className={s.file}
                  type="file"
                  accept=".xlsx"
                  data-testid="file-input"
                  onChange={onOpen}
                  disabled={busy}
                />
                {state.fileName ? (
                  <Text weight="semibold" data-testid="file-name" className={s.wrap}>
                    {state.fileName}
                  </Text>
                ) : (
                  <Text size={200}>{t.noBookYet}</Text>
                )}
              </>
            ) : (
              <Text>{t.currentBook}</Text>
            )}
          </li>
          <li className={s.step} aria-labelledby="step2">
            <Text as="h2" size={400} weight="semibold" id="step2">
              {t.step2}
            </Text>
            <Field label={t.scheme} className={s.field}>
              <Dropdown
                className={s.dropdown}
                data-testid="scheme"
                value={builtIn ? schemeName(builtIn, lang) : t.workbookScheme}
                selectedOptions={[state.schemeId]}
                onOptionSelect={(_, d) => d.optionValue && dispatch({ type: "scheme", id: d.optionValue })}
                disabled={busy}
              >
                {ids.map((id) => {
                  const sc = getBuiltInScheme(id)!;
                  return (
                    <Option key={id} value={id} text={schemeName(sc, lang)}>
                      {schemeName(sc, lang)}
                    </Option>
                  );
                })}
                <Option key={WORKBOOK_SCHEME} value={WORKBOOK_SCHEME} text={t.workbookScheme}>
                  {t.workbookScheme}
                </Option>
              </Dropdown>
            </Field>
            {state.suggested && (
              <Text size={200} data-testid="suggested" className={s.wrap}>
                {t.suggested(suggestedScheme ? schemeName(suggestedScheme, lang) : t.workbookScheme)}
              </Text>
            )}
            {builtIn &&
              builtIn.options.map((o) => (
                <Field key={o.id} label={o.name} hint={t.optionHint} className={s.field}>
                  <Dropdown
                    className={s.dropdown}
                    data-testid={`option-${o.id}`}
                    value={o.choices.find((c) => c.id === (state.options[o.id] ?? o.default))!.name}
                    selectedOptions={[state.options[o.id] ?? o.default]}
                    onOptionSelect={(_, d) =>
                      d.optionValue && dispatch({ type: "option", id: o.id, value: d.optionValue })
                    }
                    disabled={busy}
                  >
                    {o.choices.map((c) => (
                      <Option key={c.id} value={c.id} text={c.name}>
                        {c.name}
                        {c.id === o.default ? t.defaultMark : ""}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              ))}
            <Field
              label={t.year}
              hint={t.yearHint}
              className={s.field}
              validationState={badYear ? "error" : "none"}
              validationMessage={badYear ? t.yearInvalid : undefined}
            >
              <Input
                className={s.dropdown}
                input={{ className: s.input }}
                inputMode="numeric"
                value={state.year}
                onChange={(_, d) => dispatch({ type: "year", year: d.value })}
                data-testid="year"
                disabled={busy}
              />
            </Field>
            {host.kind === "excel" && (
              <RadioGroup
                aria-label={t.templateWhere}
                layout="horizontal"
                value={templateWhere}
                onChange={(_, d) => setTemplateWhere(d.value as "new" | "current")}
              >
                <Radio value="new" label={t.templateNew} />
                <Radio value="current" label={t.templateCurrent} />
              </RadioGroup>
            )}
            <div className={s.row}>
              <Button onClick={onTemplate} disabled={busy || !builtIn} data-testid="template">
                {t.template}
              </Button>
              <Button onClick={() => insert("rules")} disabled={busy || !builtIn}>
                {t.exportRules}
              </Button>
            </div>
            {confirmTemplate && (
              <Confirm
                text={t.confirmTemplate}
                ok={t.confirm}
                cancel={t.cancel}
                onOk={() => {
                  setConfirmTemplate(false);
                  insert("template");
                }}
                onCancel={() => setConfirmTemplate(false)}
              />
            )}
          </li>
          <li className={s.step} aria-labelledby="step3">
            <Text as="h2" size={400} weight="semibold" id="step3">
              {t.step3}
            </Text>
            <div className={s.row}>
              <Button onClick={onCheck} disabled={!canCheck} data-testid="check">
                {t.check}
              </Button>
            </div>
            {state.findings && findingsStale && (
              <Text className={s.stale} data-testid="findings-stale">
                {t.staleFindings}
              </Text>
            )}
            {state.findings && missingTable && suggestedScheme && suggestedScheme.id !== state.schemeId && (
              <div className={s.row}>
                <Text className={s.wrap}>{t.wrongScheme(schemeName(suggestedScheme, lang))}</Text>
                <Button size="small" onClick={() => dispatch({ type: "scheme", id: suggestedScheme.id })}>
                  {t.useSuggested}
                </Button>
              </div>
            )}
            {state.findings && state.findings.mapping.length > 0 && (
              <MappingPanel
                key={state.book}
                mapping={state.findings.mapping}
                lang={lang}
                onSave={onSaveMapping}
                disabled={busy}
              />
            )}
            {state.findings && (
              <Findings
                issues={state.findings.issues}
                lang={lang}
                onSelect={host.selectCell}
                onAlias={onAlias}
                onApply={host.setCellText ? onApply : undefined}
                disabled={busy}
              />
            )}
          </li>
          <li className={s.step} aria-labelledby="step4">
            <Text as="h2" size={400} weight="semibold" id="step4">
              {t.step4}
            </Text>
            <Switch
              checked={state.valuesOnly}
              onChange={(_, d) => dispatch({ type: "valuesOnly", on: d.checked })}
              label={t.valuesOnly}
              data-testid="values-only"
            />
            <div className={s.row}>
              <Button appearance="primary" onClick={onScore} disabled={!canScore} data-testid="score">
                {t.score}
              </Button>
              {host.kind === "file" && state.results && (
                <Button onClick={onDownload} disabled={busy} data-testid="download">
                  {t.download}
                </Button>
              )}
            </div>
            {state.results && resultsStale && (
              <Text className={s.stale} data-testid="results-stale">
                {t.stale}
              </Text>
            )}
            {state.results && resultScheme && (
              <Results run={state.results.run} scheme={resultScheme} lang={lang} stale={resultsStale} />
            )}
          </li>
          <li className={mergeClasses(s.step, s.more)} aria-labelledby="step5">
            <Text as="h2" size={400} weight="semibold" id="step5">
              {t.step5}
            </Text>
            {/* step 5: what-if and the annex targets (TargetsPanel) plug in here through moreSteps */}
            {moreSteps?.({ state, scheme: builtIn })}
            <TargetsPanel
              lang={lang}
              host={targetsHost(host.book, t.noFile, host.download && (async () => void onDownload()))}
            />
          </li>
        </ol>
      </main>
    </div>
  );
}
