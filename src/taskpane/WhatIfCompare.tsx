/**
 * The 推演 view's saved scenarios (apply one), the side-by-side comparison of two (and writing it as the 情景对比
 * sheet), and sensitivity: each unit's median rank and 5–95 % interval as a table and a small chart.
 */
import * as React from "react";
import { Button, Field, Select, Text } from "@fluentui/react-components";
import type { TextKey, Vars } from "../engine/i18n";
import type { ScoreRun } from "../engine/score/result";
import type { WhatIfModel } from "./useWhatIf";
import { SENS_SAMPLES, SENS_SEED } from "./useWhatIf";
import { useWhatIfStyles } from "./whatif-styles";

type W = (key: TextKey, vars?: Vars) => string;

/** "3 (↑1)" : a scenario's rank with its change from the baseline. */
function rankCell(base: number | null, r: ScoreRun, i: number): string {
  const after = r.entities[i].rank;
  if (after === null) return "—";
  if (base === null || base === after) return String(after);
  return `${after} (${base > after ? "↑" : "↓"}${Math.abs(base - after)})`;
}

/** The two scenarios' ranks beside the baseline, unit by unit in the baseline's order. */
function CompareTable({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element | null {
  const s = useWhatIfStyles();
  const c = m.compared;
  if (!c) return null;
  const base = m.session.baseline;
  return (
    <table className={s.table} data-testid="whatif-compare">
      <caption>{w("whatifPane.compareTable")}</caption>
      <thead>
        <HeaderRow cell={s.cell} labels={[w("whatif.unit"), w("whatifPane.baseline"), c.names[0], c.names[1]]} />
      </thead>
      <tbody>
        {base.entities.map((e, i) => (
          <tr key={i}>
            <th className={s.cell} scope="row">
              {e.name}
            </th>
            <td className={s.cell}>{e.rank ?? "—"}</td>
            <td className={s.cell}>{rankCell(e.rank, c.runs[0], i)}</td>
            <td className={s.cell}>{rankCell(e.rank, c.runs[1], i)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A table's header row: one column header a label. */
function HeaderRow({ cell, labels }: { cell: string; labels: readonly string[] }): React.JSX.Element {
  return (
    <tr>
      {labels.map((l, k) => (
        <th key={k} className={cell} scope="col">
          {l}
        </th>
      ))}
    </tr>
  );
}

/** Saved scenarios: apply one; choose two, compare them here, write the comparison. */
export function CompareView({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element {
  const s = useWhatIfStyles();
  const [a, setA] = React.useState("");
  const [b, setB] = React.useState("");
  const byName = (n: string) => m.saved.find((x) => x.name === n);
  const first = byName(a) ?? m.saved[0];
  const second = byName(b) ?? m.saved[1];
  const pick = (testId: string, label: string, value: string, set: (v: string) => void, dflt?: string) => (
    <Field label={label}>
      <Select value={value || dflt || ""} onChange={(_, d) => set(d.value)} data-testid={testId}>
        {m.saved.map((x) => (
          <option key={x.name} value={x.name}>
            {x.name}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <section className={s.box} aria-labelledby="whatif-scenarios">
      <Text weight="semibold" as="h4" id="whatif-scenarios">
        {w("whatifPane.scenarios")}
      </Text>
      {!m.saved.length && <Text size={200}>{w("whatifPane.noScenarios")}</Text>}
      <ul className={s.list}>
        {m.saved.map((x) => (
          <li key={x.name}>
            {x.name}（{x.changes.length}）{" "}
            <Button size="small" onClick={() => m.apply(x)} aria-label={`${w("whatifPane.apply")} ${x.name}`}>
              {w("whatifPane.apply")}
            </Button>
          </li>
        ))}
      </ul>
      {m.saved.length >= 2 && first && second && (
        <div className={s.root}>
          <Text weight="semibold">{w("whatifPane.compare")}</Text>
          {pick("whatif-compare-a", w("whatifPane.compareA"), a, setA, first.name)}
          {pick("whatif-compare-b", w("whatifPane.compareB"), b, setB, second.name)}
          <div className={s.row}>
            <Button onClick={() => m.compare(first, second)} data-testid="whatif-compare-run">
              {w("whatifPane.compareRun")}
            </Button>
            <Button
              onClick={() => void m.writeCompare(first, second)}
              disabled={m.busy}
              data-testid="whatif-compare-write"
            >
              {w("whatifPane.compareWrite")}
            </Button>
          </div>
          <CompareTable m={m} w={w} />
        </div>
      )}
    </section>
  );
}

/** Each unit's 5–95 % rank interval as a bar, its median as a mark (ranks 1 … n from left to right). */
function IntervalChart({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element | null {
  const res = m.sens?.res;
  if (!res) return null;
  const ranked = res.units.filter((u) => u.all).sort((x, y) => x.all!.median - y.all!.median);
  const n = Math.max(1, ...ranked.map((u) => u.all!.p95));
  const x = (r: number) => 4 + ((r - 1) / Math.max(1, n - 1)) * 292;
  return (
    <svg
      viewBox={`0 0 300 ${ranked.length * 10 + 4}`}
      width="100%"
      role="img"
      aria-label={w("whatifPane.chart", { n })}
    >
      {ranked.map((u, k) => (
        <g key={u.index}>
          <line x1={x(u.all!.p5)} x2={x(u.all!.p95)} y1={k * 10 + 7} y2={k * 10 + 7} stroke="#0f6cbd" strokeWidth={4} />
          <circle cx={x(u.all!.median)} cy={k * 10 + 7} r={3} fill="#242424" />
        </g>
      ))}
    </svg>
  );
}

/** Sensitivity on demand: the table (median, 5–95 %), the top three's stability, and the chart. */
export function SensitivityView({ m, w }: { m: WhatIfModel; w: W }): React.JSX.Element {
  const s = useWhatIfStyles();
  const res = m.sens?.res;
  return (
    <details className={s.box}>
      <summary data-testid="whatif-sens-open">{w("whatifPane.sens")}</summary>
      <Button onClick={m.runSensitivity} data-testid="whatif-sens-run">
        {w("whatifPane.sensRun", { samples: SENS_SAMPLES, seed: SENS_SEED })}
      </Button>
      {res && (
        <>
          <Text size={200} block>
            {w("whatifPane.sensTop3", { pct: Math.round(res.top3Share.all * 1000) / 10 })}
          </Text>
          <table className={s.table} data-testid="whatif-sens">
            <caption>{w("whatifPane.sensTable", { ms: m.sens!.ms })}</caption>
            <thead>
              <HeaderRow cell={s.cell} labels={[w("whatif.unit"), w("whatifPane.median"), w("whatifPane.interval")]} />
            </thead>
            <tbody>
              {res.units
                .filter((u) => u.all)
                .map((u) => (
                  <tr key={u.index}>
                    <th className={s.cell} scope="row">
                      {u.name}
                    </th>
                    <td className={s.cell}>{u.all!.median}</td>
                    <td className={s.cell}>
                      {u.all!.p5}–{u.all!.p95}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <IntervalChart m={m} w={w} />
        </>
      )}
    </details>
  );
}
