/**
 * The findings of a check, grouped by sheet and then by severity, as a keyboard list: each finding is a button
 * (Enter selects its cell in Excel; in the standalone page it shows the cell and its value). The suggested fix is
 * visible, with 应用建议 where it is unambiguous (a suggested name for an unknown one) — only after confirmation,
 * and only on the cell of that finding.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue, Severity } from "../engine/types";
import { strings, type Strings, type UiLang } from "./i18n";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: "4px 0 8px" },
  item: { padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  finding: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    height: "auto",
    padding: "4px",
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground3 },
  fix: { display: "block", padding: "0 4px", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: "4px", padding: "2px 4px" },
  shown: { display: "block", padding: "2px 4px", backgroundColor: tokens.colorNeutralBackground3 },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "6px",
    margin: "4px 0",
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const ORDER: Severity[] = ["error", "warning", "info"];
const LIMIT = 50;

/** What a check's findings call back: select a cell, record an alias, apply a suggested fix. */
interface FindingsProps {
  issues: Issue[];
  lang: UiLang;
  /** Excel: select the cell; absent in the standalone page (the cell and value are shown instead) */
  onSelect?: (sheet: string, cell: string) => Promise<void>;
  onAlias?: (alias: string, target: string) => void;
  onApply?: (issue: Issue) => void;
  disabled?: boolean;
}

/** The list's own state: the finding whose cell is shown, the fix being confirmed, the sheets shown in full. */
function useFindingsState(issues: Issue[]) {
  const [shown, setShown] = React.useState<Issue | null>(null);
  const [confirm, setConfirm] = React.useState<Issue | null>(null);
  const [all, setAll] = React.useState<Record<string, boolean>>({});
  React.useEffect(() => setShown(null), [issues]);
  // after a confirmation closes, focus goes back to the button that opened it
  const base = React.useId();
  const opener = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (confirm || !opener.current) return;
    document.getElementById(opener.current)?.focus();
    opener.current = null;
  }, [confirm]);
  return { shown, setShown, confirm, setConfirm, all, setAll, base, opener };
}

/** What each sheet's section and each finding work with: the props, the list's state and the strings. */
type FindingsCtx = FindingsProps & ReturnType<typeof useFindingsState> & { t: Strings };

export function Findings(props: FindingsProps): React.JSX.Element {
  const { issues, lang } = props;
  const t = strings(lang);
  const ctx: FindingsCtx = { ...props, ...useFindingsState(issues), t };
  if (issues.length === 0) return <Text data-testid="issues">{t.noIssues}</Text>;
  const bySheet = new Map<string, Issue[]>();
  for (const i of issues) bySheet.set(i.sheet, [...(bySheet.get(i.sheet) ?? []), i]);
  return (
    <div data-testid="issues">
      <Text size={200}>{t.findingsCount(issues.length)}</Text>
      {[...bySheet].map(([sheet, list]) => (
        <SheetFindings key={sheet || "-"} ctx={ctx} sheet={sheet} list={list} />
      ))}
    </div>
  );
}

/** One sheet's findings, errors first, the first 50 until 显示全部. */
function SheetFindings({ ctx, sheet, list }: { ctx: FindingsCtx; sheet: string; list: Issue[] }): React.JSX.Element {
  const s = useStyles();
  const { t, all, setAll } = ctx;
  const sorted = [...list].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const visible = all[sheet] ? sorted : sorted.slice(0, LIMIT);
  return (
    <section aria-label={sheet || t.workbookLevel}>
      <Text as="h3" weight="semibold" size={300} className={s.wrap}>
        {t.sheetCounts(
          sheet || t.workbookLevel,
          ORDER.map((sev) => [sev, list.filter((i) => i.severity === sev).length] as const)
            .filter(([, n]) => n)
            .map(([sev, n]) => `${n} ${t.severity[sev]}`)
            .join(" · "),
        )}
      </Text>
      <ul className={s.list}>
        {visible.map((i, k) => (
          <Finding key={k} ctx={ctx} i={i} id={`${ctx.base}-${sheet}-${k}`} />
        ))}
      </ul>
      {sorted.length > visible.length && (
        <Button size="small" onClick={() => setAll({ ...all, [sheet]: true })}>
          {t.showAll(sorted.length)}
        </Button>
      )}
    </section>
  );
}

/** One finding: a button to its cell, the cell shown (standalone page), the suggested fix and its actions. */
function Finding({ ctx, i, id }: { ctx: FindingsCtx; i: Issue; id: string }): React.JSX.Element {
  const s = useStyles();
  const { t, shown, confirm, setConfirm, onSelect, onApply } = ctx;
  return (
    <li className={s.item} data-severity={i.severity}>
      <Button
        appearance="transparent"
        className={s.finding}
        disabled={ctx.disabled}
        onClick={() => {
          if (i.sheet && i.cell && onSelect) void onSelect(i.sheet, i.cell);
          else ctx.setShown(i);
        }}
      >
        <span>
          <span className={s[i.severity]}>{t.severity[i.severity]}</span> <strong>{i.cell}</strong> {i.message}
        </span>
      </Button>
      {shown === i && (
        <Text className={s.shown} role="status" data-testid="cell-shown">
          {t.cellValue(i.sheet ? `${i.sheet}!${i.cell}` : i.cell, i.value ?? "")}
        </Text>
      )}
      {i.fix && <Text className={s.fix}>{t.fix(i.fix)}</Text>}
      {i.code === "missing-year" && <Text className={s.fix}>{t.yearHere}</Text>}
      {i.code === "unknown-entity" && i.fix && i.value && <FixActions ctx={ctx} i={i} id={id} />}
      {confirm === i && (
        <Confirm
          text={t.confirmFix(`${i.sheet}!${i.cell}`, i.value ?? "", i.fix ?? "")}
          ok={t.confirm}
          cancel={t.cancel}
          onOk={() => {
            ctx.opener.current = null;
            setConfirm(null);
            onApply?.(i);
          }}
          onCancel={() => setConfirm(null)}
        />
      )}
    </li>
  );
}

/** An unknown name with a suggestion: 应用建议 (after confirmation) and 记为别名. */
function FixActions({ ctx, i, id }: { ctx: FindingsCtx; i: Issue; id: string }): React.JSX.Element {
  const s = useStyles();
  const { t, onApply, onAlias, disabled } = ctx;
  return (
    <div className={s.actions}>
      {onApply && i.sheet && i.cell && ctx.confirm !== i && (
        <Button
          size="small"
          id={id}
          disabled={disabled}
          onClick={() => {
            ctx.opener.current = id;
            ctx.setConfirm(i);
          }}
          data-testid="apply-fix"
        >
          {t.applyFix}
        </Button>
      )}
      {onAlias && (
        <Button
          size="small"
          appearance="subtle"
          data-testid="alias"
          disabled={disabled}
          onClick={() => onAlias(i.value!, i.fix!)}
        >
          {t.recordAlias(i.value!, i.fix!)}
        </Button>
      )}
    </div>
  );
}

/**
 * An inline confirmation: the question, then 确定 / 取消; focus moves to the question's first button and Escape
 * cancels. (Inline rather than a modal Dialog: the pane is narrow, and the choice concerns the row it sits in.)
 */
export function Confirm({
  text,
  ok,
  cancel,
  onOk,
  onCancel,
}: {
  text: string;
  ok: string;
  cancel: string;
  onOk: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const s = useStyles();
  const first = React.useRef<HTMLButtonElement>(null);
  const id = React.useId();
  React.useEffect(() => first.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={id}
      className={s.confirm}
      data-testid="confirm"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <Text id={id} className={s.wrap}>
        {text}
      </Text>
      <div className={s.actions}>
        <Button appearance="primary" size="small" ref={first} onClick={onOk}>
          {ok}
        </Button>
        <Button size="small" onClick={onCancel}>
          {cancel}
        </Button>
      </div>
    </div>
  );
}
