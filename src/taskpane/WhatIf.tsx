/**
 * 推演 (what-if) in the pane: pick a unit, change any of its figures (or a project / enterprise row, or a
 * bureau-given score); every keystroke (debounced) rescores everything and shows the new rank, total, points and
 * awards beside the baseline, every other unit whose rank moved, and the gap to the next level per rule. Undo, reset,
 * named scenarios (saved in the workbook's settings), writing a scenario or a comparison of two (the 情景对比 sheet),
 * and sensitivity (median rank and 5–95 % interval). Keyboard only; changes are announced. Host operations come in as
 * props (the workbook port); nothing is written before the user asks.
 */
import * as React from "react";
import { Button, Field, Input, Select, Text, useAnnounce } from "@fluentui/react-components";
import { useWhatIfStyles } from "./whatif-styles";
import type { Change } from "../engine/whatif";
import { t, type TextKey, type Vars } from "../engine/i18n";
import { schemeUnit, schemeWord } from "../engine/i18n/scheme-words";
import {
  announceLine,
  copyRowChange,
  removeRowChange,
  editableFields,
  fieldText,
  listTables,
  movedLine,
  parseField,
  unitLines,
  type EditableField,
} from "./whatif-model";
import { useWhatIf, type WhatIfModel, type WhatIfProps } from "./useWhatIf";
import type { Followed } from "./follow";
import { CompareView, SensitivityView } from "./WhatIfCompare";
import type { UiLang } from "./i18n";

/** how long the view waits after a keystroke before it rescores */
export const DEBOUNCE_MS = 200;

type W = (key: TextKey, vars?: Vars) => string;

/** One field's input: the value after the change set; a typed text rescores after a short pause. */
function FieldInput(props: {
  f: EditableField;
  value: string;
  label: string;
  onCommit: (text: string) => boolean;
  w: W;
  testId: string;
}): React.JSX.Element {
  const { f, w } = props;
  const [bad, setBad] = React.useState(false);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  React.useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const commit = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setBad(!props.onCommit(text)), DEBOUNCE_MS);
  };
  const label = props.label;
  if (f.type === "bool")
    return (
      <Field label={label}>
        <Select
          defaultValue={props.value}
          data-testid={props.testId}
          onChange={(_, d) => setBad(!props.onCommit(d.value))}
        >
          <option value="">{w("whatifPane.blank")}</option>
          <option value="yes">{w("whatifPane.yes")}</option>
          <option value="no">{w("whatifPane.no")}</option>
        </Select>
      </Field>
    );
  return (
    <Field
      label={label}
      validationState={bad ? "error" : "none"}
      validationMessage={bad ? w("whatifPane.badNumber") : undefined}
    >
      <Input
        defaultValue={props.value}
        data-testid={props.testId}
        inputMode={f.type === "number" || f.type === "count" ? "decimal" : "text"}
        onChange={(_, d) => commit(d.value)}
      />
    </Field>
  );
}

/** The fields of one row (the unit itself, or one of its list rows). */
function RowFields(props: { m: WhatIfModel; table: string; row: number; w: W }): React.JSX.Element {
  const { m, table, row, w } = props;
  const s = useWhatIfStyles();
  const r = m.result.data.tables[table].rows[row];
  const key = r.name;
  const ofKey = m.result.data.tables[table].rows.filter((x) => x.name === key).length > 1 ? r.row : undefined;
  return (
    <div className={s.fields}>
      {editableFields(m.scheme, table).map((f) => (
        <FieldInput
          key={`${m.version}:${table}:${row}:${f.id}`}
          f={f}
          w={w}
          label={
            f.unit
              ? w("whatifPane.fieldUnit", {
                  label: schemeWord(m.scheme, m.lang, f.name),
                  unit: schemeUnit(m.scheme, m.lang, f.unit),
                })
              : schemeWord(m.scheme, m.lang, f.name)
          }
          testId={`whatif-${table === m.scheme.entityTable ? "" : `${table}-${row}-`}${f.id}`}
          value={fieldText(f, r.values[f.id])}
          onCommit={(text) => {
            const value = parseField(f, text);
            if (value === undefined) return false;
            const c: Change = {
              op: "set",
              table,
              key,
              field: f.id,
              value,
              ...(ofKey === undefined ? {} : { row: ofKey }),
            };
            m.edit(c);
            return true;
          }}
        />
      ))}
    </div>
  );
}

/** A list row: one more like it for the same unit, or taken away. */
function RowActions(props: { m: WhatIfModel; table: string; row: number; w: W }): React.JSX.Element {
  const { m, table, row, w } = props;
  const s = useWhatIfStyles();
  const rows = m.result.data.tables[table].rows;
  const r = rows[row];
  const unit = m.result.run.entities[m.unit].name;
  return (
    <div className={s.row}>
      <Button
        size="small"
        data-testid={`whatif-${table}-${row}-copy`}
        onClick={() => m.edit(copyRowChange(m.scheme, table, r, unit, m.changes, m.lang))}
      >
        {w("whatifPane.copyRow")}
      </Button>
      <Button
        size="small"
        data-testid={`whatif-${table}-${row}-remove`}
        onClick={() => m.edit(removeRowChange(table, r, rows))}
      >
        {w("whatifPane.removeRow")}
      </Button>
    </div>
  );
}

/** The unit's own figures, then each list row of the unit in a disclosure. */
function Editor({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element {
  const s = useWhatIfStyles();
  const entity = m.scheme.entityTable;
  const name = m.result.run.entities[m.unit].name;
  return (
    <div className={s.root}>
      <Text weight="semibold" as="h4">
        {w("whatifPane.inputs", { name })}
      </Text>
      <RowFields m={m} table={entity} row={m.unit} w={w} />
      {listTables(m.scheme, m.result.data).map((lt) =>
        m.result.data.tables[lt.id].rows.map((r, i) =>
          r.entity === m.unit ? (
            <details key={`${lt.id}:${i}`} className={s.box}>
              <summary data-testid={`whatif-row-${lt.id}-${i}`}>
                {w("whatifPane.listRows", { table: schemeWord(m.scheme, m.lang, lt.name), name: r.name })}
              </summary>
              <RowFields m={m} table={lt.id} row={i} w={w} />
              <RowActions m={m} table={lt.id} row={i} w={w} />
            </details>
          ) : null,
        ),
      )}
    </div>
  );
}

/** The chosen unit against the baseline, the other units that moved, and the announcement of each rescore. */
function Outcome({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element {
  const s = useWhatIfStyles();
  const { announce } = useAnnounce();
  const d = m.result.diff;
  const u = d.unit(m.unit);
  const rule = (id: string) => {
    const r = m.scheme.rules.find((x) => x.id === id);
    return r ? `${r.id} ${schemeWord(m.scheme, m.lang, r.label)}` : id;
  };
  const moved = d.moved.filter((i) => i !== m.unit).map((i) => d.unit(i));
  const said = announceLine(u, m.lang);
  const first = React.useRef(true);
  React.useEffect(() => {
    if (first.current) first.current = false;
    else announce(said, { polite: true });
  }, [m.changes]);
  return (
    <section className={s.box} aria-labelledby="whatif-result" data-testid="whatif-result">
      <Text weight="semibold" as="h4" id="whatif-result">
        {w("whatifPane.result")}
      </Text>
      <ul className={s.list}>
        {(d.changed.includes(m.unit)
          ? unitLines(u, m.lang, {
              rule,
              word: (x) => schemeWord(m.scheme, m.lang, x),
              unit: (x) => schemeUnit(m.scheme, m.lang, x),
            })
          : [w("whatifPane.same")]
        ).map((l, k) => (
          <li key={k}>{l}</li>
        ))}
      </ul>
      <Text weight="semibold" as="h4">
        {w("whatifPane.moved")}
      </Text>
      <ul className={s.list} data-testid="whatif-moved">
        {moved.length ? (
          moved.map((x) => <li key={x.index}>{movedLine(x, m.lang)}</li>)
        ) : (
          <li>{w("whatifPane.none")}</li>
        )}
      </ul>
    </section>
  );
}

/** The gap to the next level per rule, and what each award still needs, for the chosen unit (after the changes). */
function Gaps({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element {
  const s = useWhatIfStyles();
  return (
    <details className={s.box}>
      <summary data-testid="whatif-gaps-open">{w("whatifPane.gaps")}</summary>
      <ul className={s.list} data-testid="whatif-gaps">
        {m.gaps.rules.map((g) => (
          <li key={g!.rule}>{g!.text[m.lang]}</li>
        ))}
      </ul>
      <Text weight="semibold" as="h4">
        {w("whatifPane.awardGaps")}
      </Text>
      <ul className={s.list}>
        {m.gaps.awards.map((a) => (
          <li key={a.award}>{a.text[m.lang]}</li>
        ))}
      </ul>
    </details>
  );
}

/** Undo, reset, the scenario's name, save and write. */
function Actions({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element {
  const s = useWhatIfStyles();
  const [name, setName] = React.useState("");
  const named = name.trim() || w("whatifPane.defaultName", { n: m.saved.length + 1 });
  return (
    <div className={s.root}>
      <Text size={200}>{w("whatifPane.changes", { n: m.changes.length })}</Text>
      <div className={s.row}>
        <Button onClick={m.undo} disabled={!m.changes.length} data-testid="whatif-undo">
          {w("whatifPane.undo")}
        </Button>
        <Button onClick={m.reset} disabled={!m.changes.length} data-testid="whatif-reset">
          {w("whatifPane.reset")}
        </Button>
      </div>
      <Field label={w("whatifPane.name")}>
        <Input value={name} placeholder={named} onChange={(_, d) => setName(d.value)} data-testid="whatif-name" />
      </Field>
      <div className={s.row}>
        <Button onClick={() => void m.saveAs(named)} disabled={m.busy || !m.changes.length} data-testid="whatif-save">
          {w("whatifPane.save")}
        </Button>
        <Button appearance="primary" onClick={() => void m.write(named)} disabled={m.busy} data-testid="whatif-write">
          {w("whatifPane.write")}
        </Button>
      </div>
      {m.message && (
        <Text
          role={m.message.error ? "alert" : "status"}
          className={m.message.error ? s.error : undefined}
          data-testid="whatif-message"
        >
          {m.message.say(m.lang)}
        </Text>
      )}
    </div>
  );
}

/** The 推演 view's body: everything below the heading, once opened (the session is built only then). */
function WhatIfBody(props: WhatIfProps): React.JSX.Element {
  const m = useWhatIf(props);
  const s = useWhatIfStyles();
  const w: W = (key, vars = {}) => t(props.lang, key, vars);
  const run = m.session.baseline;
  return (
    <div className={s.root} id="whatif-body">
      <Text size={200}>{w("whatifPane.intro")}</Text>
      <Field label={w("whatifPane.unit")}>
        <Select value={String(m.unit)} onChange={(_, d) => m.setUnit(Number(d.value))} data-testid="whatif-unit">
          {run.entities.map((e, i) => (
            <option key={i} value={i}>
              {e.rank === null ? e.name : `${e.rank}. ${e.name}`}
            </option>
          ))}
        </Select>
      </Field>
      <Editor m={m} w={w} />
      {m.error && (
        <Text role="alert" className={s.error}>
          {m.error}
        </Text>
      )}
      <Outcome m={m} w={w} />
      <Gaps m={m} w={w} />
      <Actions m={m} w={w} />
      <CompareView m={m} w={w} />
      <SensitivityView m={m} w={w} />
    </div>
  );
}

/** The 推演 view: a heading and a button that opens it (folded by default, so the steps above stay in reach). */
export function WhatIf(props: WhatIfProps): React.JSX.Element {
  const s = useWhatIfStyles();
  const [open, setOpen] = React.useState(false);
  return (
    <section className={s.root} aria-labelledby="whatif-title" data-testid="whatif">
      <Text as="h3" size={400} weight="semibold" id="whatif-title">
        {t(props.lang, "whatifPane.title")}
      </Text>
      <div className={s.row}>
        <Button
          aria-expanded={open}
          aria-controls={open ? "whatif-body" : undefined}
          onClick={() => setOpen(!open)}
          data-testid="whatif-toggle"
        >
          {t(props.lang, open ? "whatifPane.close" : "whatifPane.open")}
        </Button>
      </div>
      {open && <WhatIfBody {...props} />}
    </section>
  );
}

/** Excel: the workbook was edited since the last written result; the units whose rank moved (announced). */
export function FollowNote({ lang, followed }: { lang: UiLang; followed: Followed }): React.JSX.Element {
  const s = useWhatIfStyles();
  const moved = followed.diff ? followed.diff.moved.map((i) => movedLine(followed.diff!.unit(i), lang)) : [];
  return (
    <section className={s.box} role="status" aria-live="polite" data-testid="follow">
      <Text weight="semibold">{t(lang, "whatifPane.follow", { cells: followed.cells })}</Text>
      <ul className={s.list}>
        {moved.length ? moved.map((l, k) => <li key={k}>{l}</li>) : <li>{t(lang, "whatifPane.followSame")}</li>}
      </ul>
    </section>
  );
}
