/**
 * The pane's parts, one component a step or bar, each rendering from the pane model (usePane) and calling its
 * operations: the header, the busy bar, the status bar, then step 1 (workbook), 2 (scheme), 3 (check), 4 (score).
 */
import * as React from "react";
import {
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
  useAnnounce,
} from "@fluentui/react-components";
import { otherLang, strings, type Strings, type UiLang } from "./i18n";
import { schemeTitle } from "../engine/i18n";
import { schemeWord } from "../engine/i18n/scheme-words";
import { getBuiltInScheme } from "../schemes";
import type { Scheme } from "../engine/scheme/schema";
import { MappingPanel } from "./MappingPanel";
import { Confirm, Findings } from "./Findings";
import { Results } from "./Results";
import type { Busy, StatusKey } from "./state";
import { WORKBOOK_SCHEME } from "./suggest";
import { usePaneStyles } from "./styles";
import type { Pane } from "./usePane";

/** The props of every part: the pane model. */
export interface PartProps {
  pane: Pane;
}

export function schemeName(sc: Scheme, lang: UiLang): string {
  return schemeTitle(sc, lang);
}

export function statusText(t: Strings, st: StatusKey, lang: UiLang): string {
  switch (st.key) {
    case "checked":
      return t.labelled(t.check, t.issues(st.errors, st.warnings));
    case "scored":
      return [t.wrote(st.sheets.join(t.listSep)), t.issues(st.errors, st.warnings)]
        .concat((st.notices ?? []).map((n) => n[lang]))
        .join(" · ");
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
      return `${t.applied(st.cell, st.text)} · ${t.issues(st.errors, st.warnings)}`;
    case "cancelled":
      return t.cancelled;
    case "error":
      return st.text;
  }
}

function statusIntent(st: StatusKey): "error" | "warning" | "success" | "info" {
  if (st.key === "error" || st.key === "blocked") return "error";
  if (st.key === "scored" && !st.errors && st.notices?.length) return "warning";
  if (st.key === "checked" || st.key === "scored" || st.key === "savedMapping" || st.key === "applied")
    return st.errors ? "error" : st.warnings ? "warning" : "success";
  if (st.key === "cancelled") return "warning";
  return st.key === "opened" ? "info" : "success";
}

/** The title and the language switch. */
export function PaneHeader({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, lang, dispatch } = pane;
  return (
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
  );
}

/** What the busy bar says: the stage (with the write's share done, 40 %), the bar's value, why 取消 is locked. */
function busyView(t: Strings, busy: Busy) {
  const { progress, lock } = busy;
  const part = progress?.part;
  const stage = !progress
    ? t.working
    : part
      ? t.writing(part.total ? Math.floor((100 * part.done) / part.total) : 0)
      : (t.stage[progress.stage] ?? progress.stage);
  const share = part && part.total ? part.done / part.total : 0;
  const value = progress && progress.total ? Math.min(1, (progress.done + share) / progress.total) : undefined;
  const reason = lock === "final" ? t.final : lock === "cancelling" ? t.cancelling : null;
  // announced: each new stage, each quarter of the write, and the lock (not every step: no flood)
  const quarter = part && part.total ? Math.floor((4 * part.done) / part.total) : -1;
  return { stage, value, reason, said: `${progress?.stage ?? ""}|${quarter}|${lock ?? ""}` };
}

/** Tells screen readers politely what the busy bar shows, when what it says has moved on (busyView's `said`). */
function useBusyAnnouncer(said: string, text: string): void {
  const { announce } = useAnnounce();
  const last = React.useRef("");
  React.useEffect(() => {
    if (last.current === said) return;
    last.current = said;
    announce(text, { polite: true });
  }, [said]);
}

/** The running operation: its stage, its progress and (where it can be) 取消. */
export function BusyBar({ pane, busy }: PartProps & { busy: Busy }): React.JSX.Element {
  const s = usePaneStyles();
  const { t } = pane;
  const v = busyView(t, busy);
  useBusyAnnouncer(v.said, v.reason ? `${v.stage}. ${v.reason}` : v.stage);
  return (
    <div className={s.row} data-testid="busy" aria-busy="true">
      <Field
        className={s.field}
        style={{ flexGrow: 1 }}
        label={t.progress[busy.task]}
        validationState="none"
        validationMessage={v.stage}
      >
        <ProgressBar value={v.value} />
      </Field>
      {busy.cancellable && (
        <Button
          onClick={pane.ops.onCancel}
          data-testid="cancel"
          // still focusable when locked (the focus stays where the keyboard left it); the reason beside it says why
          disabledFocusable={!!busy.lock}
          aria-describedby={v.reason ? "busy-lock" : undefined}
        >
          {t.cancel}
        </Button>
      )}
      {v.reason && (
        <Text id="busy-lock" size={200} className={s.wrap} data-testid="busy-lock">
          {v.reason}
        </Text>
      )}
    </div>
  );
}

/** What the last operation did. */
export function StatusBar({ pane }: PartProps): React.JSX.Element | null {
  const s = usePaneStyles();
  const { t, state, lang } = pane;
  if (!state.status) return null;
  const text = statusText(t, state.status, lang);
  return (
    <MessageBar key={`${state.status.key}-${text}`} intent={statusIntent(state.status)} data-testid="status">
      <MessageBarBody className={s.wrap}>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A step's heading (h2, the label of its list item). */
function StepTitle({ id, children }: { id: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Text as="h2" size={400} weight="semibold" id={id}>
      {children}
    </Text>
  );
}

/** Step 1: the workbook (a file chosen in the browser, or the one open in Excel). */
export function OpenStep({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, state, host } = pane;
  return (
    <li className={s.step} aria-labelledby="step1">
      <StepTitle id="step1">{t.step1}</StepTitle>
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
            onChange={pane.ops.onOpen}
            disabled={pane.view.busy}
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
  );
}

/** The scheme dropdown (the built-in schemes, then the workbook's own rules sheets) and the suggestion. */
function SchemeField({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, state, lang, builtIn, dispatch } = pane;
  const suggested = pane.view.suggestedScheme;
  return (
    <>
      <Field label={t.scheme} className={s.field}>
        <Dropdown
          className={s.dropdown}
          data-testid="scheme"
          value={builtIn ? schemeName(builtIn, lang) : t.workbookScheme}
          selectedOptions={[state.schemeId]}
          onOptionSelect={(_, d) => d.optionValue && dispatch({ type: "scheme", id: d.optionValue })}
          disabled={pane.view.busy}
        >
          {pane.ids.map((id) => {
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
          {t.suggested(suggested ? schemeName(suggested, lang) : t.workbookScheme)}
        </Text>
      )}
    </>
  );
}

/** One dropdown for each of the scheme's named options (readings the policy leaves open). */
function SchemeOptions({ pane }: PartProps): React.JSX.Element | null {
  const s = usePaneStyles();
  const { t, state, builtIn, dispatch, lang } = pane;
  if (!builtIn) return null;
  // the scheme's own words (option and reading names) in the pane's language, from the scheme's glossary
  const word = (zh: string) => schemeWord(builtIn, lang, zh);
  return (
    <>
      {builtIn.options.map((o) => (
        <Field key={o.id} label={word(o.name)} hint={t.optionHint} className={s.field}>
          <Dropdown
            className={s.dropdown}
            data-testid={`option-${o.id}`}
            value={word(o.choices.find((c) => c.id === (state.options[o.id] ?? o.default))!.name)}
            selectedOptions={[state.options[o.id] ?? o.default]}
            onOptionSelect={(_, d) => d.optionValue && dispatch({ type: "option", id: o.id, value: d.optionValue })}
            disabled={pane.view.busy}
          >
            {o.choices.map((c) => (
              <Option key={c.id} value={c.id} text={word(c.name)}>
                {word(c.name)}
                {c.id === o.default ? t.defaultMark : ""}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ))}
    </>
  );
}

/** The year to score (empty: from the workbook's 参数 sheet). */
function YearField({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, state, dispatch } = pane;
  const { badYear } = pane.view;
  return (
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
        disabled={pane.view.busy}
      />
    </Field>
  );
}

/** 输入模板 and 规则表 (Excel: into a new workbook, or this one after a confirmation). */
function TemplateControls({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, host, builtIn, template, ops } = pane;
  const { busy } = pane.view;
  return (
    <>
      {host.kind === "excel" && (
        <RadioGroup
          aria-label={t.templateWhere}
          layout="horizontal"
          value={template.where}
          onChange={(_, d) => template.setWhere(d.value as "new" | "current")}
        >
          <Radio value="new" label={t.templateNew} />
          <Radio value="current" label={t.templateCurrent} />
        </RadioGroup>
      )}
      <div className={s.row}>
        <Button onClick={ops.onTemplate} disabled={busy || !builtIn} data-testid="template">
          {t.template}
        </Button>
        <Button onClick={() => ops.insert("rules")} disabled={busy || !builtIn}>
          {t.exportRules}
        </Button>
      </div>
      {template.confirming && (
        <Confirm
          text={t.confirmTemplate}
          ok={t.confirm}
          cancel={t.cancel}
          onOk={() => {
            template.setConfirming(false);
            ops.insert("template");
          }}
          onCancel={() => template.setConfirming(false)}
        />
      )}
    </>
  );
}

/** Step 2: the scheme, its options, the year, and the template and rules sheets. */
export function SchemeStep({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  return (
    <li className={s.step} aria-labelledby="step2">
      <StepTitle id="step2">{pane.t.step2}</StepTitle>
      <SchemeField pane={pane} />
      <SchemeOptions pane={pane} />
      <YearField pane={pane} />
      <TemplateControls pane={pane} />
    </li>
  );
}

/** Findings for a workbook that lacks a table: the scheme its sheets suggest instead. */
function WrongScheme({ pane }: PartProps): React.JSX.Element | null {
  const s = usePaneStyles();
  const { t, state, lang, dispatch } = pane;
  const { missingTable, suggestedScheme } = pane.view;
  if (!(state.findings && missingTable && suggestedScheme && suggestedScheme.id !== state.schemeId)) return null;
  return (
    <div className={s.row}>
      <Text className={s.wrap}>{t.wrongScheme(schemeName(suggestedScheme, lang))}</Text>
      <Button size="small" onClick={() => dispatch({ type: "scheme", id: suggestedScheme.id })}>
        {t.useSuggested}
      </Button>
    </div>
  );
}

/** Findings or results made from other inputs than those now chosen: out of date. */
function StaleNote({ testId, text }: { testId: string; text: string }): React.JSX.Element {
  const s = usePaneStyles();
  return (
    <Text className={s.stale} data-testid={testId}>
      {text}
    </Text>
  );
}

/** Step 3: 校验, the mapping the reader used, and the findings. */
export function CheckStep({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, state, lang, host, ops, view } = pane;
  return (
    <li className={s.step} aria-labelledby="step3">
      <StepTitle id="step3">{t.step3}</StepTitle>
      <div className={s.row}>
        <Button onClick={ops.onCheck} disabled={!view.canCheck} data-testid="check">
          {t.check}
        </Button>
      </div>
      {state.findings && view.findingsStale && <StaleNote testId="findings-stale" text={t.staleFindings} />}
      <WrongScheme pane={pane} />
      {state.findings && state.findings.mapping.length > 0 && (
        <MappingPanel
          key={state.book}
          mapping={state.findings.mapping}
          lang={lang}
          onSave={ops.onSaveMapping}
          disabled={view.busy}
        />
      )}
      {state.findings && (
        <Findings
          issues={state.findings.issues}
          lang={lang}
          onSelect={host.selectCell}
          onAlias={ops.onAlias}
          onApply={host.setCellText ? ops.onApply : undefined}
          disabled={view.busy}
        />
      )}
    </li>
  );
}

/** Step 4: values only or live formulas, 评分, the download (browser) and the results. */
export function ScoreStep({ pane }: PartProps): React.JSX.Element {
  const s = usePaneStyles();
  const { t, state, lang, host, ops, view, dispatch } = pane;
  return (
    <li className={s.step} aria-labelledby="step4">
      <StepTitle id="step4">{t.step4}</StepTitle>
      <Switch
        checked={state.valuesOnly}
        onChange={(_, d) => dispatch({ type: "valuesOnly", on: d.checked })}
        label={t.valuesOnly}
        data-testid="values-only"
      />
      <div className={s.row}>
        <Button appearance="primary" onClick={ops.onScore} disabled={!view.canScore} data-testid="score">
          {t.score}
        </Button>
        {host.kind === "file" && state.results && (
          <Button onClick={ops.onDownload} disabled={view.busy} data-testid="download">
            {t.download}
          </Button>
        )}
      </div>
      {state.results && view.resultsStale && <StaleNote testId="results-stale" text={t.stale} />}
      {state.results && view.resultScheme && (
        <Results run={state.results.run} scheme={view.resultScheme} lang={lang} stale={view.resultsStale} />
      )}
    </li>
  );
}
