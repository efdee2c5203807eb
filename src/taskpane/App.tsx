/** The task pane. Components receive the host's operations as props; no Office or ExcelJS calls in here. */
import * as React from "react";
import {
  Button,
  Dropdown,
  Option,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Link,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostOps } from "./host";
import { strings, type UiLang } from "./i18n";
import { builtInSchemeIds, getBuiltInScheme } from "../schemes";
import { check, checkAndScore, plan } from "../engine/pipeline";
import { buildTemplatePlan } from "../engine/template";
import { schemeFromSheets, schemeToPlan } from "../schemes/sheets";
import type { Scheme } from "../schemes/schema";
import type { SheetData } from "../engine/types";
import type { ResolvedTable } from "../engine/read";
import type { Settings } from "../workbook/port";
import { MappingPanel, type MappingChoice } from "./MappingPanel";
import { TargetsPanel, targetsHost } from "./TargetsPanel";
import type { Issue } from "../engine/types";
import type { ScoreRun } from "../engine/result";

const WORKBOOK_SCHEME = "@workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px", fontFamily: tokens.fontFamilyBase },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  issue: { cursor: "pointer", padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  host: HostOps;
  initialLang: UiLang;
  /** saves a blob as a download (browser) */
  save?: (name: string, blob: Blob) => void;
}

export function App({ host, initialLang, save }: AppProps): React.JSX.Element {
  const s = useStyles();
  const [lang, setLang] = React.useState<UiLang>(initialLang);
  const t = strings(lang);
  const ids = builtInSchemeIds();
  const [schemeId, setSchemeId] = React.useState(ids[0]);
  const [choices, setChoices] = React.useState<Record<string, string>>({});
  const builtIn = schemeId === WORKBOOK_SCHEME ? null : getBuiltInScheme(schemeId)!;
  const scheme = builtIn ?? getBuiltInScheme(ids[0])!;
  /** the scheme in force: a built-in one, or the one in the workbook's rules sheets */
  const resolve = (sheets: readonly SheetData[]): Scheme => (builtIn ? builtIn : schemeFromSheets(sheets));
  const [busy, setBusy] = React.useState(false);
  const [fileName, setFileName] = React.useState("");
  const [issues, setIssues] = React.useState<Issue[] | null>(null);
  const [run, setRun] = React.useState<ScoreRun | null>(null);
  const [mapping, setMapping] = React.useState<ResolvedTable[] | null>(null);
  const [valuesOnly, setValuesOnly] = React.useState(false);
  const [status, setStatus] = React.useState<{ kind: "info" | "error" | "success"; text: string } | null>(null);

  const guard = async (f: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await f();
    } catch (e) {
      setStatus({ kind: "error", text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const needBook = () => {
    const b = host.book();
    if (!b) throw new Error(t.noFile);
    return b;
  };

  const onCheck = () =>
    guard(async () => {
      const book = needBook();
      const sheets = await book.readSheets();
      const settings = await book.readSettings();
      const c = check(sheets, resolve(sheets), { lang, mapping: settings ?? undefined });
      setIssues(c.issues);
      setMapping(c.mapping);
      setRun(null);
      setStatus({ kind: c.errors ? "error" : "success", text: t.issues(c.errors, c.warnings) });
    });

  const onScore = () =>
    guard(async () => {
      const book = needBook();
      const sheets = await book.readSheets();
      const sc = resolve(sheets);
      const settings = await book.readSettings();
      const r = checkAndScore(sheets, sc, { lang, options: choices, mapping: settings ?? undefined });
      setMapping(null);
      setIssues(r.allIssues);
      if (!r.run) {
        setRun(null);
        setStatus({ kind: "error", text: t.blocked });
        return;
      }
      const report = await book.writeResult(
        plan(sc, r.run, {
          lang,
          generatedAt: new Date().toLocaleString(),
          formulas: valuesOnly ? undefined : { data: r.dataset!, sheets },
        }),
      );
      setRun(r.run);
      setStatus({
        kind: "success",
        text: `${t.wrote(Object.values(report.written).join("、"))} · ${t.issues(r.errors, r.warnings)}`,
      });
    });

  const onTemplate = () =>
    guard(async () => {
      const out = await host.insertTemplate(buildTemplatePlan(scheme), `${scheme.id}-输入模板.xlsx`);
      if ("blob" in out) save?.(out.name, out.blob);
      else setStatus({ kind: "success", text: t.wrote(Object.values(out.written).join("、")) });
    });

  /** save the confirmed mapping (and keep the aliases) in the workbook, then check again with it */
  const saveSettings = async (next: Settings) => {
    const book = needBook();
    await book.writeSettings(next);
    const sheets = await book.readSheets();
    const c = check(sheets, resolve(sheets), { lang, mapping: next });
    setIssues(c.issues);
    setMapping(c.mapping);
    setStatus({ kind: "success", text: `${t.savedMapping} · ${t.issues(c.errors, c.warnings)}` });
  };
  const onSaveMapping = (choice: MappingChoice, sheets: Record<string, string>) =>
    guard(async () => {
      const old = (await needBook().readSettings()) ?? {};
      const tables: NonNullable<Settings["tables"]> = {};
      for (const [table, cols] of Object.entries(choice))
        tables[table] = {
          sheet: sheets[table],
          columns: Object.fromEntries(Object.entries(cols).filter(([, v]) => v)),
        };
      await saveSettings({ ...old, tables });
    });
  const onAlias = (alias: string, target: string) =>
    guard(async () => {
      const old = (await needBook().readSettings()) ?? {};
      await saveSettings({ ...old, aliases: { ...(old.aliases ?? {}), [alias]: target } });
    });

  const onExportRules = () =>
    guard(async () => {
      const out = await host.insertTemplate(schemeToPlan(scheme), `${scheme.id}-规则表.xlsx`);
      if ("blob" in out) save?.(out.name, out.blob);
      else setStatus({ kind: "success", text: t.wrote(Object.values(out.written).join("、")) });
    });

  const onOpen = (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f || !host.openFile) return;
    void guard(async () => {
      setFileName(await host.openFile!(f));
      setIssues(null);
      setRun(null);
    });
  };

  const onDownload = () =>
    guard(async () => {
      const d = await host.download!();
      save?.(d.name, d.blob);
    });

  return (
    <div className={s.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <div className={s.row} style={{ justifyContent: "space-between" }}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        <Link onClick={() => setLang(lang === "zh" ? "en" : "zh")}>{t.language}</Link>
      </div>
      <Text size={200}>{host.kind === "file" ? t.standalone : t.inExcel}</Text>
      <Field label={t.scheme}>
        <Dropdown
          value={lang === "en" && scheme.nameEn ? scheme.nameEn : scheme.name}
          selectedOptions={[schemeId]}
          onOptionSelect={(_, d) => d.optionValue && setSchemeId(d.optionValue)}
        >
          {ids.map((id) => {
            const sc = getBuiltInScheme(id)!;
            return (
              <Option key={id} value={id}>
                {lang === "en" && sc.nameEn ? sc.nameEn : sc.name}
              </Option>
            );
          })}
          <Option key={WORKBOOK_SCHEME} value={WORKBOOK_SCHEME} text={t.workbookScheme}>
            {t.workbookScheme}
          </Option>
        </Dropdown>
      </Field>
      {builtIn &&
        builtIn.options.map((o) => (
          <Field key={o.id} label={o.name} hint={t.optionHint}>
            <Dropdown
              data-testid={`option-${o.id}`}
              value={o.choices.find((c) => c.id === (choices[o.id] ?? o.default))!.name}
              selectedOptions={[choices[o.id] ?? o.default]}
              onOptionSelect={(_, d) => d.optionValue && setChoices({ ...choices, [o.id]: d.optionValue })}
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
      {host.kind === "file" && (
        <div className={s.row}>
          <label>
            <Text>{t.open}</Text>{" "}
            <input type="file" accept=".xlsx" data-testid="file-input" onChange={onOpen} disabled={busy} />
          </label>
          {fileName && (
            <Text weight="semibold" data-testid="file-name">
              {fileName}
            </Text>
          )}
        </div>
      )}
      <Switch
        checked={valuesOnly}
        onChange={(_, d) => setValuesOnly(d.checked)}
        label={t.valuesOnly}
        data-testid="values-only"
      />
      <div className={s.row}>
        <Button onClick={onCheck} disabled={busy}>
          {t.check}
        </Button>
        <Button appearance="primary" onClick={onScore} disabled={busy}>
          {t.score}
        </Button>
        <Button onClick={onTemplate} disabled={busy || !builtIn}>
          {t.template}
        </Button>
        <Button onClick={onExportRules} disabled={busy || !builtIn}>
          {t.exportRules}
        </Button>
        {host.kind === "file" && run && (
          <Button onClick={onDownload} disabled={busy} data-testid="download">
            {t.download}
          </Button>
        )}
      </div>
      {busy && <Spinner size="tiny" label={t.working} />}
      {status && (
        <MessageBar
          intent={status.kind === "error" ? "error" : status.kind === "success" ? "success" : "info"}
          data-testid="status"
        >
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {run && <Ranking run={run} lang={lang} />}
      {issues && <IssueList issues={issues} lang={lang} onSelect={host.selectCell} onAlias={onAlias} />}
      {mapping && mapping.length > 0 && <MappingPanel mapping={mapping} lang={lang} onSave={onSaveMapping} />}
      <TargetsPanel
        lang={lang}
        host={targetsHost(host.book, t.noFile, host.download && (async () => void onDownload()))}
      />
    </div>
  );
}

function Ranking({ run, lang }: { run: ScoreRun; lang: UiLang }): React.JSX.Element {
  const t = strings(lang);
  return (
    <section aria-label={t.ranking}>
      <Text as="h2" weight="semibold">
        {t.ranking}
      </Text>
      <Table size="small" data-testid="ranking">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.rank}</TableHeaderCell>
            <TableHeaderCell>{t.zone}</TableHeaderCell>
            <TableHeaderCell>{t.bonus}</TableHeaderCell>
            <TableHeaderCell>{t.total}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {run.order.map((i) => {
            const e = run.entities[i];
            return (
              <TableRow key={i}>
                <TableCell>{e.rank ?? "—"}</TableCell>
                <TableCell>{e.name}</TableCell>
                <TableCell>{e.bonus}</TableCell>
                <TableCell>{e.total}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

function IssueList({
  issues,
  lang,
  onSelect,
  onAlias,
}: {
  issues: Issue[];
  lang: UiLang;
  onSelect?: (sheet: string, cell: string) => Promise<void>;
  onAlias?: (alias: string, target: string) => void;
}): React.JSX.Element {
  const s = useStyles();
  const t = strings(lang);
  if (issues.length === 0) return <Text data-testid="issues">{t.noIssues}</Text>;
  const order = { error: 0, warning: 1, info: 2 };
  // grouped by sheet, errors first within each sheet
  const bySheet = new Map<string, Issue[]>();
  for (const i of issues) bySheet.set(i.sheet, [...(bySheet.get(i.sheet) ?? []), i]);
  return (
    <div data-testid="issues">
      {[...bySheet].map(([sheet, list]) => (
        <section key={sheet || "-"}>
          <Text weight="semibold">
            {sheet || t.workbookLevel}（{list.length}）
          </Text>
          <ul style={{ listStyle: "none", padding: 0, margin: "4px 0 8px" }}>
            {[...list]
              .sort((a, b) => order[a.severity] - order[b.severity])
              .map((i, k) => (
                <li
                  key={k}
                  className={s.issue}
                  onClick={() => i.sheet && i.cell && onSelect?.(i.sheet, i.cell)}
                  title={i.fix}
                >
                  <span className={s[i.severity]}>{t.severity[i.severity]}</span>{" "}
                  <Text weight="semibold">{i.cell}</Text> <Text>{i.message}</Text>
                  {i.code === "unknown-entity" && i.fix && i.value && onAlias && (
                    <Button
                      size="small"
                      appearance="subtle"
                      onClick={(e) => {
                        e.stopPropagation();
                        onAlias(i.value!, i.fix!);
                      }}
                    >
                      {t.recordAlias(i.value, i.fix)}
                    </Button>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
