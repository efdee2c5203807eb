/**
 * The ranking as a Fluent DataGrid: rounded, right-aligned numbers, 得分/加分/总分/等级 as the scheme has them, the
 * veto reason in the row; a unit's name expands its points rule by rule with the basis sentence. The top 10 first,
 * then every unit page by page (50 a page); grade counts as a small bar chart.
 */
import * as React from "react";
import {
  Button,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Text,
  createTableColumn,
  makeStyles,
  mergeClasses,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import type { ScoreRun, EntityResult } from "../engine/score/result";
import type { Scheme } from "../engine/scheme/schema";
import { strings, type Strings, type UiLang } from "./i18n";
import { ruleHeader } from "../engine/output/result-plan";
import { schemeWord } from "../engine/i18n/scheme-words";
import { showNumber, showPoints } from "./num";

const useStyles = makeStyles({
  grid: { minWidth: 0, width: "100%" },
  num: { justifyContent: "flex-end", textAlign: "end", fontVariantNumeric: "tabular-nums" },
  narrow: {
    flexGrow: 0,
    flexShrink: 0,
    flexBasis: "40px",
    minWidth: 0,
    padding: "0 4px",
    boxSizing: "border-box",
    "@media (max-width: 299px)": { flexBasis: "28px", padding: "0 2px" },
  },
  wideOnly: { "@media (max-width: 299px)": { display: "none" } },
  numCol: {
    flexGrow: 0,
    flexShrink: 0,
    flexBasis: "56px",
    minWidth: 0,
    padding: "0 4px",
    boxSizing: "border-box",
    "@media (max-width: 299px)": { flexBasis: "50px", padding: "0 2px" },
  },
  name: { flexGrow: 1, flexShrink: 1, flexBasis: "0", minWidth: 0, padding: "0 4px" },
  nameButton: {
    minWidth: 0,
    height: "auto",
    padding: "2px 0",
    justifyContent: "flex-start",
    textAlign: "start",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightRegular,
  },
  veto: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  pager: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", marginTop: "4px" },
  parts: { listStyle: "none", padding: 0, margin: "4px 0" },
  part: { padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: "anywhere" },
  chart: { listStyle: "none", padding: 0, margin: "4px 0" },
  bar: { display: "flex", alignItems: "center", gap: "6px" },
  barFill: { height: "12px", backgroundColor: tokens.colorBrandBackground, minWidth: "2px" },
  wrap: { overflowWrap: "anywhere" },
});

const TOP = 10;

const PAGE = 50;

type Styles = ReturnType<typeof useStyles>;

/** What the grid's columns need: the strings, the styles and the unit whose details are open. */
interface ColumnCtx {
  t: Strings;
  s: Styles;
  expanded: number | null;
  setExpanded: (i: number | null) => void;
}

/** 名次 and the unit's name, a button that opens its details (with the veto reason below it). */
function nameColumns({ t, s, expanded, setExpanded }: ColumnCtx): TableColumnDefinition<EntityResult>[] {
  return [
    createTableColumn<EntityResult>({
      columnId: "rank",
      renderHeaderCell: () => t.rank,
      renderCell: (e) => (e.rank === null ? "—" : String(e.rank)),
    }),
    createTableColumn<EntityResult>({
      columnId: "name",
      renderHeaderCell: () => t.zone,
      renderCell: (e) => (
        <span>
          <Button
            appearance="transparent"
            size="small"
            className={s.nameButton}
            aria-expanded={expanded === e.index}
            aria-controls={expanded === e.index ? "unit-details" : undefined}
            title={t.expand(e.name)}
            onClick={() => setExpanded(expanded === e.index ? null : e.index)}
          >
            {e.name}
          </Button>
          {e.vetoed && <span className={s.veto}>{t.vetoed(e.vetoReason ?? "")}</span>}
        </span>
      ),
    }),
  ];
}

/** 得分, 加分, 总分 and 等级, as the scheme has them. */
function pointColumns(scheme: Scheme, t: Strings): TableColumnDefinition<EntityResult>[] {
  const hasScore = scheme.groups.length > 0 && scheme.rules.some((r) => r.role === "score" && r.kind !== "veto");
  const hasBonus = scheme.rules.some((r) => r.role === "bonus");
  const column = (columnId: string, header: string, cell: (e: EntityResult) => string) =>
    createTableColumn<EntityResult>({ columnId, renderHeaderCell: () => header, renderCell: cell });
  return [
    ...(hasScore ? [column("score", t.score_, (e) => (e.vetoed ? "—" : showNumber(e.score)))] : []),
    ...(hasBonus ? [column("bonus", t.bonus, (e) => (e.vetoed ? "—" : showPoints(e.bonus)))] : []),
    column("total", t.total, (e) => (e.vetoed ? "—" : showNumber(e.total))),
    ...(scheme.grading ? [column("grade", t.grade, (e) => e.grade ?? "—")] : []),
  ];
}

/** A column's width class: below 300 px (a 350 px pane at 200 % zoom) the grid keeps 名次, name and 总分. */
function columnClass(s: Styles, id: string | number): string {
  if (id === "name") return s.name;
  if (id === "rank") return s.narrow;
  if (id === "grade") return mergeClasses(s.narrow, s.wideOnly);
  if (id === "total") return mergeClasses(s.numCol, s.num);
  return mergeClasses(s.numCol, s.num, s.wideOnly);
}

export function Results({
  run,
  scheme,
  lang,
  stale,
}: {
  run: ScoreRun;
  scheme: Scheme;
  lang: UiLang;
  stale: boolean;
}): React.JSX.Element {
  const s = useStyles();
  const t = strings(lang);
  const [expanded, setExpanded] = React.useState<number | null>(null);
  const [page, setPage] = React.useState<number | null>(null); // null: the top N only
  React.useEffect(() => {
    setExpanded(null);
    setPage(null);
  }, [run]);
  const rows = run.order.map((i) => run.entities[i]);
  const visible = page === null ? rows.slice(0, TOP) : rows.slice(page * PAGE, (page + 1) * PAGE);
  const columns = [...nameColumns({ t, s, expanded, setExpanded }), ...pointColumns(scheme, t)];
  const unit = expanded === null ? null : run.entities[expanded];
  return (
    <section aria-label={t.ranking} data-testid="results" data-stale={stale ? "true" : "false"}>
      <Text as="h3" weight="semibold" size={300}>
        {page === null ? t.topN(Math.min(TOP, rows.length), rows.length) : t.ranking}
      </Text>
      <RankingGrid visible={visible} columns={columns} s={s} />
      <Pager t={t} s={s} page={page} setPage={setPage} count={rows.length} />
      {unit && <UnitDetails unit={unit} scheme={scheme} lang={lang} t={t} s={s} />}
      {scheme.grading && <GradeChart labels={scheme.grading.labels} rows={rows} t={t} s={s} />}
    </section>
  );
}

/** The ranking's rows as a DataGrid. */
function RankingGrid({
  visible,
  columns,
  s,
}: {
  visible: EntityResult[];
  columns: TableColumnDefinition<EntityResult>[];
  s: Styles;
}): React.JSX.Element {
  return (
    <DataGrid
      focusMode="none"
      items={visible}
      columns={columns}
      getRowId={(e: EntityResult) => e.index}
      className={s.grid}
      data-testid="ranking"
      size="small"
    >
      <DataGridHeader>
        <DataGridRow>
          {({ renderHeaderCell, columnId }) => (
            <DataGridHeaderCell className={columnClass(s, columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<EntityResult>>
        {({ item, rowId }) => (
          <DataGridRow<EntityResult> key={rowId}>
            {({ renderCell, columnId }) => (
              <DataGridCell className={columnClass(s, columnId)}>{renderCell(item)}</DataGridCell>
            )}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}

/** 显示全部 under the top 10, then 上一页 / 下一页 over pages of 50. */
function Pager({
  t,
  s,
  page,
  setPage,
  count,
}: {
  t: Strings;
  s: Styles;
  page: number | null;
  setPage: (p: number) => void;
  count: number;
}): React.JSX.Element {
  const pages = Math.ceil(count / PAGE);
  return (
    <div className={s.pager}>
      {page === null && count > TOP && (
        <Button size="small" onClick={() => setPage(0)} data-testid="show-all">
          {t.showAll(count)}
        </Button>
      )}
      {page !== null && pages > 1 && (
        <>
          <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t.prev}
          </Button>
          <Text aria-live="polite">{t.page(page + 1, pages)}</Text>
          <Button size="small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {t.next}
          </Button>
        </>
      )}
    </div>
  );
}

/** One unit's points rule by rule, each with its basis sentence (or the veto reason). */
function UnitDetails({
  unit,
  scheme,
  lang,
  t,
  s,
}: {
  unit: EntityResult;
  scheme: Scheme;
  lang: UiLang;
  t: Strings;
  s: Styles;
}): React.JSX.Element {
  return (
    <section id="unit-details" aria-label={t.details(unit.name)} data-testid="unit-details">
      <Text as="h4" weight="semibold" className={s.wrap}>
        {t.details(unit.name)}
      </Text>
      {unit.vetoed ? (
        <Text className={s.veto}>{t.vetoed(unit.vetoReason ?? "")}</Text>
      ) : (
        <Text block>
          {[
            scheme.groups.length ? `${t.score_} ${showNumber(unit.score)}` : "",
            unit.bonus ? `${t.bonus} ${showNumber(unit.bonus)}` : "",
            `${t.total} ${showNumber(unit.total)}`,
            unit.grade ? `${t.grade} ${unit.grade}` : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      )}
      <ul className={s.parts}>
        {unit.parts.map((p, k) => {
          const rule = scheme.rules.find((r) => r.id === p.rule);
          return (
            <li key={k} className={s.part}>
              <Text weight="semibold">
                {t.labelled(rule ? ruleHeader(rule, (z) => schemeWord(scheme, lang, z)) : p.rule, showPoints(p.points))}
              </Text>
              <br />
              <Text size={200}>{p.basis}</Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** How many units in each grade, as a small bar chart. */
function GradeChart({
  labels,
  rows,
  t,
  s,
}: {
  labels: readonly string[];
  rows: EntityResult[];
  t: Strings;
  s: Styles;
}): React.JSX.Element {
  const grades = labels.map((g) => [g, rows.filter((e) => e.grade === g).length] as const);
  const maxGrade = Math.max(1, ...grades.map(([, n]) => n));
  return (
    <section aria-label={t.gradeChart}>
      <Text as="h4" weight="semibold">
        {t.gradeChart}
      </Text>
      <ul className={s.chart} data-testid="grade-chart">
        {grades.map(([g, n]) => (
          <li key={g} className={s.bar}>
            <Text>{t.gradeCount(g, n)}</Text>
            <span className={s.barFill} style={{ width: `${Math.round((n / maxGrade) * 150)}px` }} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </section>
  );
}
