/**
 * 目标分解与进度跟踪 in the pane: propose the empty cells of a target table beside the current values (with the
 * differences), let the user adjust them, accept into a new sheet (the default) or, after a confirmation, into the
 * empty cells of the user's own table (never a filled cell; the differing 总计 too when asked); track a period and
 * write 进度跟踪. Host operations come in as props; no Office or file calls here.
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SheetData } from "../engine/types";
import type { ResultPlan } from "../engine/output/sheet-plan";
import { WorkbookError, type CellWrite, type FillReport, type WorkbookPort } from "../workbook/port";
import { getTargetScheme, targetSchemeIds } from "../schemes/targets";
import { runFill, runTrack, runProjects, TargetError, type FillResult } from "../engine/targets";
import { inPlaceCells, readTargetTable } from "../engine/targets/fill";
import { fillPlan } from "../engine/targets/sheets";
import { gridInt } from "../engine/targets/allocate";
import { parsePeriod, readActuals } from "../engine/targets/track";
import { a1 } from "../engine/read/normalise";
import { message } from "../engine/messages";
import { targetStrings, type TargetStrings, type UiLang } from "./i18n";
import { schemeTitle, t as text } from "../engine/i18n";
import { schemeUnit, schemeWord } from "../engine/i18n/scheme-words";
import { Confirm } from "./Findings";
import type { TargetSchemeT } from "../engine/targets/schema";

/** What the panel needs from the host. */
export interface TargetsHost {
  readSheets(): Promise<SheetData[]>;
  /** the accepted table: new sheets that become the user's own (never replaced) */
  addSheets(plan: ResultPlan): Promise<string[]>;
  /** accepted into the user's own table (confirmed): only empty cells (or a 总计 still holding the printed number) */
  fillCells(sheet: string, cells: readonly CellWrite[]): Promise<FillReport>;
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
    fillCells: (sheet, cells) => need().fillCells(sheet, cells),
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

type Styles = ReturnType<typeof useStyles>;
/** A text said in the language on screen when it is shown (kept as a function, not a string, so a language switch
 * re-says it). */
type Say = (t: TargetStrings, lang: UiLang) => string;
type Status = { say: Say; error: boolean } | null;
/** A period key in the user's language (2023-09 → 2023年1-9月 / 2023-09). */
const periodText = (lang: UiLang, key: string) => {
  const p = parsePeriod(key);
  return p ? text(lang, "targets.period", { label: p.label, key: p.key }) : key;
};
/** Sheet or unit names listed in the user's language's way (、 / , ). */
const listText = (lang: UiLang, names: readonly string[]) => names.join(text(lang, "targets.list"));

/** The panel's state: the scheme, the fill choices and proposal with the user's edits, the tracking outcome. */
function useTargetsState() {
  const ids = targetSchemeIds();
  const [schemeId, setSchemeId] = React.useState(ids[0]);
  const [method, setMethod] = React.useState<"geometric" | "linear">("geometric");
  const [allocate, setAllocate] = React.useState<"base" | "weights">("base");
  /** typed weights by unit (allocate = weights), first shown with each unit's base */
  const [weights, setWeights] = React.useState<Record<string, number> | null>(null);
  const [fill, setFill] = React.useState<FillResult | null>(null);
  const [edits, setEdits] = React.useState<Record<string, number>>({});
  const [indicator, setIndicator] = React.useState("");
  const [periods, setPeriods] = React.useState<string[]>([]);
  const [period, setPeriod] = React.useState("");
  const [tracked, setTracked] = React.useState<Say | null>(null);
  /** the lagging targets: the responsible unit and the target's name, as the scheme words them */
  const [lagging, setLagging] = React.useState<[string, string][]>([]);
  const [status, setStatus] = React.useState<Status>(null);
  const [busy, setBusy] = React.useState(false);
  /** where 接受 writes: a new sheet (default) or the empty cells of the user's own table, after a confirmation */
  const [where, setWhere] = React.useState<"new" | "table">("new");
  const [fixTotals, setFixTotals] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  return {
    ...{ where, setWhere, fixTotals, setFixTotals, confirming, setConfirming },
    ...{ ids, schemeId, setSchemeId, method, setMethod, allocate, setAllocate, weights, setWeights },
    ...{ fill, setFill, edits, setEdits, indicator, setIndicator, periods, setPeriods, period, setPeriod },
    ...{ tracked, setTracked, lagging, setLagging, status, setStatus, busy, setBusy },
  };
}
type TargetsState = ReturnType<typeof useTargetsState>;

/** Each unit with its base-year value as its weight (1 where none), for the user to adjust. */
function baseWeights(sheets: SheetData[], scheme: TargetSchemeT): Record<string, number> {
  const table = readTargetTable(sheets, scheme.table!);
  if (!table)
    throw new TargetError("table-not-found", {
      title: scheme.table!.title,
      header: scheme.table!.unitHeader.join("/"),
    });
  const ind = scheme.table!.indicators.find((i) => i.baseYear !== undefined);
  const j = ind ? table.columns.findIndex((c) => c.indicator === ind.id && c.year === ind.baseYear) : -1;
  return Object.fromEntries(table.units.map((u, i) => [u, j >= 0 ? (table.values[i][j] ?? 1) : 1]));
}

/** The proposal with the user's adjustments, and its totals. */
function useAdjusted(st: TargetsState, scheme: TargetSchemeT) {
  const { fill, edits } = st;
  return React.useMemo(() => {
    if (!fill) return null;
    const p = fill.proposal;
    const values = p.values.map((row, i) => row.map((v, j) => edits[`${i}:${j}`] ?? v));
    const decimals = p.columns.map((c) => scheme.table!.indicators.find((x) => x.id === c.indicator)!.decimals);
    const totals = p.columns.map(
      (_, j) => values.reduce((sum, r) => sum + gridInt(r[j] ?? 0, decimals[j]), 0) / 10 ** decimals[j],
    );
    return { ...p, values, totals };
  }, [fill, edits, scheme]);
}
type Adjusted = NonNullable<ReturnType<typeof useAdjusted>>;

/** What the operations work with. */
interface OpsCtx {
  st: TargetsState;
  t: TargetStrings;
  lang: UiLang;
  host: TargetsHost;
  scheme: TargetSchemeT;
  adjusted: Adjusted | null;
}

/** Runs one operation: busy meanwhile, its error (in the user's language) as the status. */
function guarded({ st }: OpsCtx) {
  return async (f: () => Promise<void>) => {
    st.setBusy(true);
    st.setStatus(null);
    try {
      await f();
    } catch (e) {
      const said = (e as Error).message;
      const say: Say =
        e instanceof TargetError
          ? (_, l) => message(l, e.code, e.params)
          : e instanceof WorkbookError
            ? (_, l) => e.text(l)
            : () => said;
      st.setStatus({ say, error: true });
    } finally {
      st.setBusy(false);
    }
  };
}

/** 建议 (first the weights to adjust, when allocating by weights) and 接受 (into a new sheet). */
function fillOps(c: OpsCtx) {
  const { st, lang, host, scheme } = c;
  const guard = guarded(c);
  const onPropose = () =>
    guard(async () => {
      const sheets = await host.readSheets();
      if (st.allocate === "weights" && !st.weights) {
        // first the units with their bases as weights, to adjust; the proposal comes on the next click
        st.setWeights(baseWeights(sheets, scheme));
        st.setStatus({ say: (w) => w.typeWeights, error: false });
        return;
      }
      const opts = { method: st.method, allocate: st.allocate, lang, weights: st.weights ?? undefined };
      const r = runFill(sheets, scheme, opts);
      st.setFill(r);
      st.setEdits({});
      st.setIndicator(scheme.table!.indicators[0].id);
      const n = r.proposal.source.flat().filter((x) => x === "proposed").length;
      st.setStatus({ say: (w) => w.proposed(n, r.fixes.length), error: false });
    });
  const onAccept = () =>
    guard(async () => {
      if (!c.adjusted || !st.fill) return;
      const written = await host.addSheets({ sheets: [fillPlan(scheme, c.adjusted, st.fill.fixes, lang)] });
      st.setStatus({ say: (w, l) => w.wroteSheet(listText(l, written)), error: false });
      st.setFill(null);
    });
  /** the confirmed fill of the user's own table: the refused cells are named, never overwritten */
  const onFillTable = () =>
    guard(async () => {
      st.setConfirming(false);
      const target = c.adjusted && st.fill ? inPlaceCells(st.fill.table, c.adjusted, tableFixes(st)) : null;
      if (!target) return;
      const rep = await host.fillCells(target.sheet, target.cells);
      const refused = (l: UiLang) =>
        rep.refused.map((x) => {
          const expected = target.cells.find((k) => a1(k.row, k.col) === x.cell)?.replaces ?? "";
          return text(l, `workbook.fill.${x.reason}`, { cell: x.cell, found: x.found, expected });
        });
      const say: Say = (w, l) => {
        const done = w.filledTable(rep.filled.length, target.sheet);
        return rep.refused.length ? done + w.refused(refused(l).join(w.sep)) : done;
      };
      st.setStatus({ say, error: false });
      st.setFill(null);
    });
  return { guard, onPropose, onAccept, onFillTable };
}

/** The 总计 fixes to write with the table's own cells, when the user asked for them. */
const tableFixes = (st: TargetsState) => (st.fixTotals && st.fill ? st.fill.fixes : []);

/** 查找期次 and 跟踪 (writes 进度跟踪 and, where the scheme has one, the project check). */
function trackOps(c: OpsCtx) {
  const { st, lang, host, scheme } = c;
  const guard = guarded(c);
  const onFindPeriods = () =>
    guard(async () => {
      const a = readActuals(await host.readSheets());
      if (!a) throw new TargetError("actuals-not-found", {});
      st.setPeriods(a.periods.map((p) => p.key));
      st.setPeriod(a.periods[a.periods.length - 1]?.key ?? "");
    });
  const onTrack = () =>
    guard(async () => {
      const p = parsePeriod(st.period);
      if (!p) return st.setStatus({ say: (w) => w.badPeriod, error: true });
      const sheets = await host.readSheets();
      const r = runTrack(sheets, scheme, p, { lang });
      const projects = runProjects(sheets, scheme, lang);
      const written = await host.writeResult({
        sheets: [...r.plan.sheets, ...(projects?.plan.sheets ?? [])],
        activate: r.plan.activate,
      });
      const last = r.run.rows.map((x) => String(x.cells[x.cells.length - 1].status));
      const count = (k: string) => last.filter((x) => x === k).length;
      const counts = [count("已完成"), count("超序时进度"), count("滞后"), count("未报送")] as const;
      st.setTracked(() => (w: TargetStrings, l: UiLang) => w.trackSummary(periodText(l, p.key), ...counts));
      st.setLagging(r.run.lagging.map((i) => [r.run.rows[i].target.unit, r.run.rows[i].target.name]));
      st.setStatus({ say: (w, l) => w.wroteSheet(listText(l, written)), error: false });
    });
  return { onFindPeriods, onTrack };
}

/** What every part of the panel renders from. */
interface PanelCtx extends OpsCtx {
  s: Styles;
  ops: ReturnType<typeof fillOps> & ReturnType<typeof trackOps>;
}

export function TargetsPanel({ lang, host }: TargetsPanelProps): React.JSX.Element {
  const s = useStyles();
  const t = targetStrings(lang);
  const st = useTargetsState();
  const scheme = getTargetScheme(st.schemeId)!;
  const adjusted = useAdjusted(st, scheme);
  const base: OpsCtx = { st, t, lang, host, scheme, adjusted };
  const c: PanelCtx = { ...base, s, ops: { ...fillOps(base), ...trackOps(base) } };
  return (
    <section className={s.root} aria-labelledby="targets-title" data-testid="targets-panel">
      <Text as="h2" weight="semibold" id="targets-title">
        {t.title}
      </Text>
      <SchemeSelect c={c} />
      {scheme.table && <PartTitle>{t.fill}</PartTitle>}
      {scheme.table && <FillControls c={c} />}
      {st.fill && adjusted && <Proposal c={c} fill={st.fill} adjusted={adjusted} />}
      <PartTitle>{t.track}</PartTitle>
      <TrackControls c={c} />
      <TrackOutcome c={c} />
    </section>
  );
}

/** The heading of a part of the panel (分解目标, 进度跟踪). */
function PartTitle({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Text as="h3" weight="semibold">
      {children}
    </Text>
  );
}

/** A labelled native select that stays within the pane's width. */
function FitSelect(props: {
  s: Styles;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const { s } = props;
  return (
    <Field label={props.label}>
      <Select
        value={props.value}
        className={s.fit}
        select={{ className: s.fit }}
        onChange={(_, d) => props.onChange(d.value)}
        data-testid={props.testId}
      >
        {props.children}
      </Select>
    </Field>
  );
}

/** The target scheme; changing it drops the proposal and the tracking summary. */
function SchemeSelect({ c }: { c: PanelCtx }): React.JSX.Element {
  const { s, t, st, lang } = c;
  return (
    <FitSelect
      s={s}
      label={t.scheme}
      value={st.schemeId}
      onChange={(v) => {
        st.setSchemeId(v);
        st.setFill(null);
        st.setTracked(null);
      }}
      testId="targets-scheme"
    >
      {st.ids.map((id) => {
        const sc = getTargetScheme(id)!;
        return (
          <option key={id} value={id}>
            {schemeTitle(sc, lang)}
          </option>
        );
      })}
    </FitSelect>
  );
}

/** 分解目标: the method, how to allocate (by base or by typed weights), 建议. */
function FillControls({ c }: { c: PanelCtx }): React.JSX.Element {
  const { s, t, st } = c;
  return (
    <>
      <RadioGroup
        value={st.method}
        onChange={(_, d) => st.setMethod(d.value as "geometric" | "linear")}
        aria-label={t.method}
      >
        <Radio value="geometric" label={t.geometric} />
        <Radio value="linear" label={t.linear} />
      </RadioGroup>
      <FitSelect
        s={s}
        label={t.allocate}
        value={st.allocate}
        onChange={(v) => {
          st.setAllocate(v as "base" | "weights");
          st.setWeights(null);
        }}
        testId="targets-allocate"
      >
        <option value="base">{t.byBase}</option>
        <option value="weights">{t.byWeights}</option>
      </FitSelect>
      {st.allocate === "weights" && st.weights && <WeightFields c={c} weights={st.weights} />}
      <div className={s.row}>
        <Button onClick={c.ops.onPropose} disabled={st.busy} data-testid="targets-propose">
          {t.propose}
        </Button>
      </div>
    </>
  );
}

/** One weight a unit (non-negative numbers only). */
function WeightFields({ c, weights }: { c: PanelCtx; weights: Record<string, number> }): React.JSX.Element {
  const { s, t, st } = c;
  return (
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
              if (d.value.trim() !== "" && Number.isFinite(n) && n >= 0) st.setWeights({ ...weights, [u]: n });
            }}
          />
        </Field>
      ))}
    </fieldset>
  );
}

/** The proposal of one indicator at a time, the totals corrected, 接受 / 放弃. */
function Proposal({ c, fill, adjusted }: { c: PanelCtx; fill: FillResult; adjusted: Adjusted }): React.JSX.Element {
  const { s, t, st, scheme, lang } = c;
  const indName = (id: string) => scheme.table?.indicators.find((x) => x.id === id);
  const word = (zh: string) => schemeWord(scheme, lang, zh);
  return (
    <>
      <FitSelect s={s} label={t.indicator} value={st.indicator} onChange={st.setIndicator} testId="targets-indicator">
        {scheme.table!.indicators.map((i) => (
          <option key={i.id} value={i.id}>
            {t.indicatorOption(schemeWord(scheme, c.lang, i.name), schemeUnit(scheme, c.lang, i.unit))}
          </option>
        ))}
      </FitSelect>
      <ProposalTable c={c} fill={fill} adjusted={adjusted} />
      {fill.fixes.length > 0 && (
        <ul aria-label={t.fixes}>
          {fill.fixes.map((f) => (
            <li key={`${f.indicator}${f.year}`}>
              {t.fix(
                `${indName(f.indicator) ? word(indName(f.indicator)!.name) : f.indicator}${f.year ? ` ${f.year}` : ""}`,
                f.printed,
                f.sum,
                listText(lang, f.members.map(String)),
              )}
            </li>
          ))}
        </ul>
      )}
      <AcceptControls c={c} fill={fill} adjusted={adjusted} />
    </>
  );
}

/** 接受: into a new sheet (default) or, after the confirmation, into the empty cells of the user's own table. */
function AcceptControls({ c, fill, adjusted }: { c: PanelCtx; fill: FillResult; adjusted: Adjusted }) {
  const { s, t, st } = c;
  const target = inPlaceCells(fill.table, adjusted, tableFixes(st));
  const table = st.where === "table" && target !== null;
  return (
    <>
      {target && (
        <Field label={t.where}>
          <RadioGroup
            value={st.where}
            onChange={(_, d) => st.setWhere(d.value as "new" | "table")}
            data-testid="targets-where"
          >
            <Radio value="new" label={t.whereNew} />
            <Radio value="table" label={t.whereTable} />
          </RadioGroup>
        </Field>
      )}
      {table && fill.fixes.length > 0 && (
        <Checkbox checked={st.fixTotals} onChange={(_, d) => st.setFixTotals(!!d.checked)} label={t.fixTotals} />
      )}
      {st.confirming && table ? (
        <Confirm
          text={t.confirmTable(target.cells.length, target.sheet)}
          ok={t.confirmOk}
          cancel={t.cancel}
          onOk={() => void c.ops.onFillTable()}
          onCancel={() => st.setConfirming(false)}
        />
      ) : (
        <div className={s.row}>
          <Button
            appearance="primary"
            onClick={table ? () => st.setConfirming(true) : c.ops.onAccept}
            disabled={st.busy}
            data-testid="targets-accept"
          >
            {table ? t.acceptTable : t.accept}
          </Button>
          <Button onClick={() => st.setFill(null)} disabled={st.busy}>
            {t.discard}
          </Button>
        </div>
      )}
    </>
  );
}

/** What the proposal table's rows need: its columns (those of the chosen indicator) and the values. */
interface TableCtx {
  c: PanelCtx;
  fill: FillResult;
  adjusted: Adjusted;
  cols: (FillResult["proposal"]["columns"][number] & { j: number })[];
}

/** The chosen indicator's columns: units by year, proposed cells editable, the totals checked. */
function ProposalTable({ c, fill, adjusted }: { c: PanelCtx; fill: FillResult; adjusted: Adjusted }) {
  const { s, t, st, scheme } = c;
  const cols = fill.proposal.columns.map((col, j) => ({ ...col, j })).filter((col) => col.indicator === st.indicator);
  const indUnit = (id: string) => scheme.table?.indicators.find((x) => x.id === id)?.unit ?? "";
  const tc: TableCtx = { c, fill, adjusted, cols };
  return (
    <div className={s.scroll} tabIndex={0} aria-label={t.proposalTable}>
      <table className={s.table} data-testid="targets-proposal">
        <caption>{t.legend}</caption>
        <thead>
          <tr>
            <th scope="col" className={s.name}>
              {schemeWord(scheme, c.lang, scheme.table!.unitHeader[0])}
            </th>
            {cols.map((col) => (
              <th scope="col" key={col.j} className={s.cell}>
                {col.year ?? schemeUnit(scheme, c.lang, indUnit(col.indicator))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {adjusted.units.map((u, i) => (
            <UnitRow key={u} tc={tc} u={u} i={i} />
          ))}
          <TotalsRow tc={tc} />
        </tbody>
      </table>
    </div>
  );
}

/** One unit's row: printed values as they are, proposed ones as inputs. */
function UnitRow({ tc, u, i }: { tc: TableCtx; u: string; i: number }): React.JSX.Element {
  const { c, fill, adjusted, cols } = tc;
  const { s, t, st, scheme, lang } = c;
  const indName = (id: string) => scheme.table?.indicators.find((x) => x.id === id)?.name ?? "";
  return (
    <tr>
      <th scope="row" className={s.name}>
        {u}
      </th>
      {cols.map((col) => {
        const proposed = fill.proposal.source[i][col.j] === "proposed";
        const v = adjusted.values[i][col.j];
        const what = `${u} ${col.year ?? ""} ${schemeWord(scheme, lang, indName(col.indicator))}`;
        return (
          <td key={col.j} className={`${s.cell} ${proposed ? s.proposed : ""}`}>
            {proposed ? (
              <Input
                className={s.input}
                size="small"
                type="number"
                aria-label={t.cellLabel(what)}
                value={String(v)}
                onChange={(_, d) => {
                  const n = Number(d.value);
                  if (d.value.trim() !== "" && Number.isFinite(n)) st.setEdits({ ...st.edits, [`${i}:${col.j}`]: n });
                }}
              />
            ) : (
              v
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** 合计: each column's sum, marked where it differs from the total the policy gives. */
function TotalsRow({ tc }: { tc: TableCtx }): React.JSX.Element {
  const { c, fill, adjusted, cols } = tc;
  const { s, t } = c;
  return (
    <tr>
      <th scope="row" className={s.name}>
        {t.total}
      </th>
      {cols.map((col) => {
        const given = fill.proposal.totalGiven[col.j];
        const off = given !== null && Math.abs(adjusted.totals[col.j] - given) > 1e-9;
        return (
          <td key={col.j} className={`${s.cell} ${off ? s.bad : ""}`}>
            {adjusted.totals[col.j]}
            {off ? ` ≠ ${given}` : ""}
          </td>
        );
      })}
    </tr>
  );
}

/** 进度跟踪: find the periods in the workbook (or type one), then track. */
function TrackControls({ c }: { c: PanelCtx }): React.JSX.Element {
  const { s, t, st } = c;
  return (
    <>
      <div className={s.row}>
        <Button onClick={c.ops.onFindPeriods} disabled={st.busy} data-testid="targets-periods">
          {t.findPeriods}
        </Button>
        <Field label={t.period}>
          {st.periods.length ? (
            <Select value={st.period} onChange={(_, d) => st.setPeriod(d.value)} data-testid="targets-period">
              {st.periods.map((p) => (
                <option key={p} value={p}>
                  {periodText(c.lang, p)}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              value={st.period}
              placeholder="2023-09"
              onChange={(_, d) => st.setPeriod(d.value)}
              data-testid="targets-period-input"
            />
          )}
        </Field>
        <Button onClick={c.ops.onTrack} disabled={st.busy || !st.period} data-testid="targets-track">
          {t.trackButton}
        </Button>
      </div>
    </>
  );
}

/** The tracking summary, the lagging targets, the status, and (file host) the download. */
function TrackOutcome({ c }: { c: PanelCtx }): React.JSX.Element {
  const { s, t, st, host, scheme, lang } = c;
  const { status } = st;
  return (
    <>
      {st.tracked && <Text data-testid="targets-summary">{st.tracked(t, lang)}</Text>}
      {st.lagging.length > 0 && (
        <ul aria-label={t.lagging} data-testid="targets-lagging">
          {st.lagging.map(([unit, name], i) => (
            <li key={i}>{`${schemeWord(scheme, lang, unit)} · ${schemeWord(scheme, lang, name)}`}</li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite" data-testid="targets-status" className={status?.error ? s.bad : undefined}>
        {status?.say(t, lang) ?? ""}
      </div>
      {host.download && st.fill === null && status && !status.error && (
        <Button onClick={() => c.ops.guard(() => host.download!())} disabled={st.busy} data-testid="targets-download">
          {t.download}
        </Button>
      )}
    </>
  );
}
