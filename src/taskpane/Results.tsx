/**
 * The ranking as a Fluent DataGrid: rounded, right-aligned numbers, 得分/加分/总分/等级 as the scheme has them, the
 * veto reason in the row; a unit's name expands its points rule by rule with the basis sentence. The top 10 first,
 * then 显示全部: every unit in one virtualised list (only the rows in view are in the page, each with its
 * aria-rowindex, the grid with its aria-rowcount; ↑↓, PageUp/PageDown, Home/End move row by row through all of
 * them). Grade counts as a small bar chart.
 */
import * as React from "react";
import { flushSync } from "react-dom";
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

/** every row of the list is this tall (px): the window of rows in view is computed from it */
const ROW = 44;
/** the list is at most this tall (px) and scrolls inside */
const VIEW = 440;
/** rows rendered beyond those in view, above and below */
const OVERSCAN = 4;

const useStyles = makeStyles({
  grid: { minWidth: 0, width: "100%" },
  // the header keeps the same gutter as the scrolling body below it, so the columns line up
  head: { overflowY: "hidden", scrollbarGutter: "stable" },
  body: { overflowY: "auto", overflowX: "hidden", scrollbarGutter: "stable", boxSizing: "border-box" },
  row: { height: `${ROW}px`, minHeight: `${ROW}px`, boxSizing: "border-box", overflow: "hidden" },
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
  nameCell: { display: "block", minWidth: 0, width: "100%" },
  // one line: the row's height is fixed; the whole name is the button's text (read in full) and its title
  nameButton: {
    display: "block",
    width: "100%",
    minWidth: 0,
    height: "auto",
    padding: "2px 0",
    textAlign: "start",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontWeight: tokens.fontWeightRegular,
  },
  veto: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  vetoLine: {
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    lineHeight: tokens.lineHeightBase200,
  },
  pager: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", marginTop: "4px" },
  parts: { listStyle: "none", padding: 0, margin: "4px 0" },
  part: { padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: "anywhere" },
  chart: { listStyle: "none", padding: 0, margin: "4px 0" },
  bar: { display: "flex", alignItems: "center", gap: "6px" },
  barFill: { height: "12px", backgroundColor: tokens.colorBrandBackground, minWidth: "2px" },
  wrap: { overflowWrap: "anywhere" },
});

const TOP = 10;

type Styles = ReturnType<typeof useStyles>;

/** A row of the list: the unit and its place in the list (0-based). */
interface Row {
  e: EntityResult;
  pos: number;
}

/** What the grid's columns need: the strings, the styles, the unit whose details are open, the row that takes Tab. */
interface ColumnCtx {
  t: Strings;
  s: Styles;
  expanded: number | null;
  setExpanded: (i: number | null) => void;
  active: number;
}

/** 名次 and the unit's name, a button that opens its details (with the veto reason below it). */
function nameColumns({ t, s, expanded, setExpanded, active }: ColumnCtx): TableColumnDefinition<Row>[] {
  return [
    createTableColumn<Row>({
      columnId: "rank",
      renderHeaderCell: () => t.rank,
      renderCell: ({ e }) => (e.rank === null ? "—" : String(e.rank)),
    }),
    createTableColumn<Row>({
      columnId: "name",
      renderHeaderCell: () => t.zone,
      renderCell: ({ e, pos }) => (
        <span className={s.nameCell}>
          <Button
            appearance="transparent"
            size="small"
            className={s.nameButton}
            data-pos={pos}
            // one row takes Tab (the list is one stop); the arrow keys move between rows
            tabIndex={pos === active ? 0 : -1}
            aria-expanded={expanded === e.index}
            aria-controls={expanded === e.index ? "unit-details" : undefined}
            title={t.expand(e.name)}
            onClick={() => setExpanded(expanded === e.index ? null : e.index)}
          >
            {e.name}
          </Button>
          {e.vetoed && <span className={mergeClasses(s.veto, s.vetoLine)}>{t.vetoed(e.vetoReason ?? "")}</span>}
        </span>
      ),
    }),
  ];
}

/** 得分, 加分, 总分 and 等级, as the scheme has them. */
function pointColumns(scheme: Scheme, t: Strings): TableColumnDefinition<Row>[] {
  const hasScore = scheme.groups.length > 0 && scheme.rules.some((r) => r.role === "score" && r.kind !== "veto");
  const hasBonus = scheme.rules.some((r) => r.role === "bonus");
  const column = (columnId: string, header: string, cell: (e: EntityResult) => string) =>
    createTableColumn<Row>({ columnId, renderHeaderCell: () => header, renderCell: (r) => cell(r.e) });
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
  const [all, setAll] = React.useState(false);
  React.useEffect(() => {
    setExpanded(null);
    setAll(false);
  }, [run]);
  const rows = React.useMemo(() => run.order.map((i) => run.entities[i]), [run]);
  const shown = all ? rows : rows.slice(0, TOP);
  const unit = expanded === null ? null : run.entities[expanded];
  return (
    <section aria-label={t.ranking} data-testid="results" data-stale={stale ? "true" : "false"}>
      <Text as="h3" weight="semibold" size={300}>
        {all ? t.allUnits(rows.length) : t.topN(Math.min(TOP, rows.length), rows.length)}
      </Text>
      <RankingGrid key={all ? "all" : "top"} rows={shown} s={s} ctx={{ t, s, expanded, setExpanded }} scheme={scheme} />
      <div className={s.pager}>
        {rows.length > TOP && (
          <Button size="small" onClick={() => setAll(!all)} data-testid={all ? "show-top" : "show-all"}>
            {all ? t.showTop(TOP) : t.showAll(rows.length)}
          </Button>
        )}
      </div>
      {unit && <UnitDetails unit={unit} scheme={scheme} lang={lang} t={t} s={s} />}
      {scheme.grading && <GradeChart labels={scheme.grading.labels} rows={rows} t={t} s={s} />}
    </section>
  );
}

/** The rows in view of a list of `count` rows scrolled in `ref`, recomputed as it scrolls or is resized. */
function useWindow(count: number) {
  const ref = React.useRef<HTMLDivElement>(null);
  const [range, setRange] = React.useState({ start: 0, end: Math.min(count, Math.ceil(VIEW / ROW) + OVERSCAN) });
  const update = React.useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = Math.max(0, Math.floor(el.scrollTop / ROW) - OVERSCAN);
    const end = Math.min(count, Math.ceil((el.scrollTop + el.clientHeight) / ROW) + OVERSCAN);
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, [count]);
  React.useLayoutEffect(() => {
    update();
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [update]);
  return { ref, range, update };
}

/** Keys that move between rows, and the row they move to. */
function target(key: string, from: number, count: number, page: number): number | null {
  const to: Record<string, number> = {
    ArrowDown: from + 1,
    ArrowUp: from - 1,
    PageDown: from + page,
    PageUp: from - page,
    Home: 0,
    End: count - 1,
  };
  return key in to ? Math.max(0, Math.min(count - 1, to[key])) : null;
}

/**
 * Row-by-row keyboard movement through the whole list: the row moved to is scrolled into view and rendered at once
 * (flushSync), then its button takes the focus in the same keystroke, so the focus never falls out of the list. The
 * row that takes Tab follows the scrolling when the focus is elsewhere.
 */
function useRowFocus(count: number, win: ReturnType<typeof useWindow>) {
  const [active, setActive] = React.useState(0);
  const { ref, range, update } = win;
  React.useEffect(() => {
    const el = ref.current;
    if (el && !el.contains(document.activeElement) && (active < range.start || active >= range.end))
      setActive(Math.min(count - 1, range.start + (range.start > 0 ? OVERSCAN : 0)));
  });
  const onKeyDown = (ev: React.KeyboardEvent<HTMLElement>) => {
    const el = ref.current;
    const from = ev.target as HTMLElement;
    if (!el || !from.hasAttribute("data-pos")) return;
    const to = target(
      ev.key,
      Number(from.getAttribute("data-pos")),
      count,
      Math.max(1, Math.floor(el.clientHeight / ROW) - 1),
    );
    if (to === null) return;
    ev.preventDefault();
    if (to * ROW < el.scrollTop) el.scrollTop = to * ROW;
    else if ((to + 1) * ROW > el.scrollTop + el.clientHeight) el.scrollTop = (to + 1) * ROW - el.clientHeight;
    flushSync(() => {
      update();
      setActive(to);
    });
    el.querySelector<HTMLElement>(`[data-pos="${to}"]`)?.focus();
  };
  return { active, onKeyDown };
}

/** The ranking's rows as a DataGrid, only those in view rendered; the body scrolls inside a fixed height. */
function RankingGrid({
  rows,
  s,
  ctx,
  scheme,
}: {
  rows: EntityResult[];
  s: Styles;
  ctx: Omit<ColumnCtx, "active">;
  scheme: Scheme;
}): React.JSX.Element {
  const win = useWindow(rows.length);
  const { active, onKeyDown } = useRowFocus(rows.length, win);
  const { start, end } = win.range;
  const items = React.useMemo(
    () => rows.slice(start, end).map((e, k): Row => ({ e, pos: start + k })),
    [rows, start, end],
  );
  const columns = [...nameColumns({ ...ctx, active }), ...pointColumns(scheme, ctx.t)];
  return (
    <DataGrid
      focusMode="none"
      items={items}
      columns={columns}
      getRowId={(r: Row) => r.e.index}
      className={s.grid}
      data-testid="ranking"
      aria-rowcount={rows.length + 1}
      size="small"
    >
      <DataGridHeader className={s.head}>
        <DataGridRow aria-rowindex={1}>
          {({ renderHeaderCell, columnId }) => (
            <DataGridHeaderCell className={columnClass(s, columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      {/* the scrolling box (no role: the rows stay the grid's); the body's padding stands for the rows not in view */}
      <div
        ref={win.ref}
        className={s.body}
        style={{ height: `${Math.min(VIEW, rows.length * ROW)}px` }}
        onScroll={win.update}
        onKeyDown={onKeyDown}
        data-testid="ranking-body"
      >
        <DataGridBody<Row> style={{ paddingTop: `${start * ROW}px`, paddingBottom: `${(rows.length - end) * ROW}px` }}>
          {({ item, rowId }) => (
            <DataGridRow<Row> key={rowId} className={s.row} aria-rowindex={item.pos + 2}>
              {({ renderCell, columnId }) => (
                <DataGridCell className={columnClass(s, columnId)}>{renderCell(item)}</DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </div>
    </DataGrid>
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
