/**
 * 目标分解与进度跟踪 in the pane: propose the empty cells of a target table beside the current values (with the
 * differences), let the user adjust them, accept into a new sheet; track a period and write 进度跟踪. Host operations
 * come in as props; no Office or file calls here.
 */
import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetData } from "../engine/types";
import type { ResultPlan } from "../engine/output/sheet-plan";
import type { WorkbookPort } from "../workbook/port";
import { getTargetScheme, targetSchemeIds } from "../schemes/targets";
import { runFill, runTrack, runProjects, TargetError, type FillResult } from "../engine/targets";
import { readTargetTable } from "../engine/targets/fill";
import { fillPlan } from "../engine/targets/sheets";
import { gridInt } from "../engine/targets/allocate";
import { parsePeriod, readActuals } from "../engine/targets/track";
import { message } from "../engine/messages";
import { targetStrings, type UiLang } from "./i18n";
import { schemeTitle } from "../engine/i18n";

/** What the panel needs from the host. */
export interface TargetsHost {
  readSheets(): Promise<SheetData[]>;
  /** the accepted table: new sheets that become the user's own (never replaced) */
  addSheets(plan: ResultPlan): Promise<string[]>;
  /** 进度跟踪: result sheets (replaced by the next run) */
  writeResult(plan: ResultPlan): Promise<string[]>;
  /** file host: offer the workbook for download */
  download?(): Promise<void>;
}

/** The host operations from a workbook port (Excel or a file opened in the browser). */
export function targetsHost(
  book: () => WorkbookPort | null,
  noFile: string,
  download?: () => Promise<void>,
): TargetsHost {
  const need = () => {
    const b = book();
    if (!b) throw new Error(noFile);
    return b;
  };
  return {
    readSheets: () => need().readSheets(),
    addSheets: async (p) => Object.values((await need().addSheets(p)).written),
    writeResult: async (p) => Object.values((await need().writeResult(p)).written),
    download,
  };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "end" },
  scroll: { maxWidth: "100%", overflowX: "auto" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "right" },
  name: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left" },
  proposed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  input: { width: "5em" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  /** a native select is as wide as its longest option: keep it within the pane (350 px) */
  fit: { width: "100%", minWidth: 0, maxWidth: "100%" },
  weights: { display: "flex", flexDirection: "column", gap: "4px", border: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface TargetsPanelProps {
  lang: UiLang;
  host: TargetsHost;
}

export function TargetsPanel({ lang, host }: TargetsPanelProps): React.JSX.Element {
  const s = useStyles();
  const t = targetStrings(lang);
  const ids = targetSchemeIds();
  const [schemeId, setSchemeId] = React.useState(ids[0]);
  const scheme = getTargetScheme(schemeId)!;
  const [method, setMethod] = React.useState<"geometric" | "linear">("geometric");
  const [allocate, setAllocate] = React.useState<"base" | "weights">("base");
  /** typed weights by unit (allocate = weights), first shown with each unit's base */
  const [weights, setWeights] = React.useState<Record<string, number> | null>(null);
  const [fill, setFill] = React.useState<FillResult | null>(null);
  const [edits, setEdits] = React.useState<Record<string, number>>({});
  const [indicator, setIndicator] = React.useState("");
  const [periods, setPeriods] = React.useState<string[]>([]);
  const [period, setPeriod] = React.useState("");
  const [tracked, setTracked] = React.useState<string | null>(null);
  const [lagging, setLagging] = React.useState<string[]>([]);
  const [status, setStatus] = React.useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = React.useState(false);

  const guard = async (f: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await f();
    } catch (e) {
      const text = e instanceof TargetError ? message(lang, e.code, e.params) : (e as Error).message;
      setStatus({ text, error: true });
    } finally {
      setBusy(false);
    }
  };

  const onPropose = () =>
    guard(async () => {
      const sheets = await host.readSheets();
      if (allocate === "weights" && !weights) {
        // first the units with their bases as weights, to adjust; the proposal comes on the next click
        const table = readTargetTable(sheets, scheme.table!);
        if (!table)
          throw new TargetError("table-not-found", {
            title: scheme.table!.title,
            header: scheme.table!.unitHeader.join("/"),
          });
        const ind = scheme.table!.indicators.find((i) => i.baseYear !== undefined);
        const j = ind ? table.columns.findIndex((c) => c.indicator === ind.id && c.year === ind.baseYear) : -1;
        setWeights(Object.fromEntries(table.units.map((u, i) => [u, j >= 0 ? (table.values[i][j] ?? 1) : 1])));
        setStatus({ text: t.typeWeights, error: false });
        return;
      }
      const r = runFill(sheets, scheme, { method, allocate, lang, weights: weights ?? undefined });
      setFill(r);
      setEdits({});
      setIndicator(scheme.table!.indicators[0].id);
      const n = r.proposal.source.flat().filter((x) => x === "proposed").length;
      setStatus({ text: t.proposed(n, r.fixes.length), error: false });
    });

  /** the proposal with the user's adjustments */
  const adjusted = React.useMemo(() => {
    if (!fill) return null;
    const p = fill.proposal;
    const values = p.values.map((row, i) => row.map((v, j) => edits[`${i}:${j}`] ?? v));
    const decimals = p.columns.map((c) => scheme.table!.indicators.find((x) => x.id === c.indicator)!.decimals);
    const totals = p.columns.map(
      (_, j) => values.reduce((sum, r) => sum + gridInt(r[j] ?? 0, decimals[j]), 0) / 10 ** decimals[j],
    );
    return { ...p, values, totals };
  }, [fill, edits, scheme]);

  const onAccept = () =>
    guard(async () => {
      if (!adjusted || !fill) return;
      const written = await host.addSheets({ sheets: [fillPlan(scheme, adjusted, fill.fixes, lang)] });
      setStatus({ text: t.wroteSheet(written.join("、")), error: false });
      setFill(null);
    });

  const onFindPeriods = () =>
    guard(async () => {
      const a = readActuals(await host.readSheets());
      if (!a) throw new TargetError("actuals-not-found", {});
      setPeriods(a.periods.map((p) => p.key));
      setPeriod(a.periods[a.periods.length - 1]?.key ?? "");
    });

  const onTrack = () =>
    guard(async () => {
      const p = parsePeriod(period);
      if (!p) throw new Error(t.badPeriod);
      const sheets = await host.readSheets();
      const r = runTrack(sheets, scheme, p, { lang });
      const projects = runProjects(sheets, scheme, lang);
      const written = await host.writeResult({
        sheets: [...r.plan.sheets, ...(projects?.plan.sheets ?? [])],
        activate: r.plan.activate,
      });
      const last = r.run.rows.map((x) => String(x.cells[x.cells.length - 1].status));
      const count = (k: string) => last.filter((x) => x === k).length;
      setTracked(t.trackSummary(p.label, count("已完成"), count("超序时进度"), count("滞后"), count("未报送")));
      setLagging(r.run.lagging.map((i) => `${r.run.rows[i].target.unit} · ${r.run.rows[i].target.name}`));
      setStatus({ text: t.wroteSheet(written.join("、")), error: false });
    });

  const cols = fill ? fill.proposal.columns.map((c, j) => ({ ...c, j })).filter((c) => c.indicator === indicator) : [];
  const indName = (id: string) => scheme.table?.indicators.find((x) => x.id === id);

  return (
    <section className={s.root} aria-labelledby="targets-title" data-testid="targets-panel">
      <Text as="h2" weight="semibold" id="targets-title">
        {t.title}
      </Text>
      <Field label={t.scheme}>
        <Select
          value={schemeId}
          className={s.fit}
          select={{ className: s.fit }}
          onChange={(_, d) => {
            setSchemeId(d.value);
            setFill(null);
            setTracked(null);
          }}
          data-testid="targets-scheme"
        >
          {ids.map((id) => {
            const sc = getTargetScheme(id)!;
            return (
              <option key={id} value={id}>
                {schemeTitle(sc, lang)}
              </option>
            );
          })}
        </Select>
      </Field>
      {scheme.table && (
        <>
          <Text as="h3" weight="semibold">
            {t.fill}
          </Text>
          <RadioGroup
            value={method}
            onChange={(_, d) => setMethod(d.value as "geometric" | "linear")}
            aria-label={t.method}
          >
            <Radio value="geometric" label={t.geometric} />
            <Radio value="linear" label={t.linear} />
          </RadioGroup>
          <Field label={t.allocate}>
            <Select
              value={allocate}
              className={s.fit}
              select={{ className: s.fit }}
              onChange={(_, d) => {
                setAllocate(d.value as "base" | "weights");
                setWeights(null);
              }}
              data-testid="targets-allocate"
            >
              <option value="base">{t.byBase}</option>
              <option value="weights">{t.byWeights}</option>
            </Select>
          </Field>
          {allocate === "weights" && weights && (
            <fieldset className={s.weights}>
              <legend>{t.weights}</legend>
              {Object.entries(weights).map(([u, w]) => (
                <Field key={u} label={u} orientation="horizontal">
                  <Input
                    className={s.input}
                    size="small"
                    type="number"
                    value={String(w)}
                    onChange={(_, d) => {
                      const n = Number(d.value);
                      if (d.value.trim() !== "" && Number.isFinite(n) && n >= 0) setWeights({ ...weights, [u]: n });
                    }}
                  />
                </Field>
              ))}
            </fieldset>
          )}
          <div className={s.row}>
            <Button onClick={onPropose} disabled={busy} data-testid="targets-propose">
              {t.propose}
            </Button>
          </div>
        </>
      )}
      {fill && adjusted && (
        <>
          <Field label={t.indicator}>
            <Select
              value={indicator}
              className={s.fit}
              select={{ className: s.fit }}
              onChange={(_, d) => setIndicator(d.value)}
              data-testid="targets-indicator"
            >
              {scheme.table!.indicators.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}（{i.unit}）
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.scroll} tabIndex={0} aria-label={t.proposalTable}>
            <table className={s.table} data-testid="targets-proposal">
              <caption>{t.legend}</caption>
              <thead>
                <tr>
                  <th scope="col" className={s.name}>
                    {scheme.table!.unitHeader[0]}
                  </th>
                  {cols.map((c) => (
                    <th scope="col" key={c.j} className={s.cell}>
                      {c.year ?? indName(c.indicator)?.unit}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {adjusted.units.map((u, i) => (
                  <tr key={u}>
                    <th scope="row" className={s.name}>
                      {u}
                    </th>
                    {cols.map((c) => {
                      const proposed = fill.proposal.source[i][c.j] === "proposed";
                      const v = adjusted.values[i][c.j];
                      return (
                        <td key={c.j} className={`${s.cell} ${proposed ? s.proposed : ""}`}>
                          {proposed ? (
                            <Input
                              className={s.input}
                              size="small"
                              type="number"
                              aria-label={`${u} ${c.year ?? ""} ${indName(c.indicator)?.name ?? ""}（${t.current}：${t.empty}）`}
                              value={String(v)}
                              onChange={(_, d) => {
                                const n = Number(d.value);
                                if (d.value.trim() !== "" && Number.isFinite(n))
                                  setEdits({ ...edits, [`${i}:${c.j}`]: n });
                              }}
                            />
                          ) : (
                            v
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                <tr>
                  <th scope="row" className={s.name}>
                    {t.total}
                  </th>
                  {cols.map((c) => {
                    const given = fill.proposal.totalGiven[c.j];
                    const off = given !== null && Math.abs(adjusted.totals[c.j] - given) > 1e-9;
                    return (
                      <td key={c.j} className={`${s.cell} ${off ? s.bad : ""}`}>
                        {adjusted.totals[c.j]}
                        {off ? ` ≠ ${given}` : ""}
                      </td>
                    );
                  })}
                </tr>
              </tbody>
            </table>
          </div>
          {fill.fixes.length > 0 && (
            <ul aria-label={t.fixes}>
              {fill.fixes.map((f) => (
                <li key={`${f.indicator}${f.year}`}>
                  {t.fix(
                    `${indName(f.indicator)?.name ?? f.indicator}${f.year ? ` ${f.year}` : ""}`,
                    f.printed,
                    f.sum,
                    f.members.join("、"),
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className={s.row}>
            <Button appearance="primary" onClick={onAccept} disabled={busy} data-testid="targets-accept">
              {t.accept}
            </Button>
            <Button onClick={() => setFill(null)} disabled={busy}>
              {t.discard}
            </Button>
          </div>
        </>
      )}
      <Text as="h3" weight="semibold">
        {t.track}
      </Text>
      <div className={s.row}>
        <Button onClick={onFindPeriods} disabled={busy} data-testid="targets-periods">
          {t.findPeriods}
        </Button>
        <Field label={t.period}>
          {periods.length ? (
            <Select value={period} onChange={(_, d) => setPeriod(d.value)} data-testid="targets-period">
              {periods.map((p) => (
                <option key={p} value={p}>
                  {parsePeriod(p)?.label ?? p}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              value={period}
              placeholder="2023-09"
              onChange={(_, d) => setPeriod(d.value)}
              data-testid="targets-period-input"
            />
          )}
        </Field>
        <Button onClick={onTrack} disabled={busy || !period} data-testid="targets-track">
          {t.trackButton}
        </Button>
      </div>
      {tracked && <Text data-testid="targets-summary">{tracked}</Text>}
      {lagging.length > 0 && (
        <ul aria-label={t.lagging} data-testid="targets-lagging">
          {lagging.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite" data-testid="targets-status" className={status?.error ? s.bad : undefined}>
        {status?.text ?? ""}
      </div>
      {host.download && fill === null && status && !status.error && (
        <Button onClick={() => guard(() => host.download!())} disabled={busy} data-testid="targets-download">
          {t.download}
        </Button>
      )}
    </section>
  );
}
