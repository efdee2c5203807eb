/**
 * The column mapping the reader used, for the user to confirm or change; saved in the workbook. Collapsed when every
 * column was recognised with confidence and nothing required is missing; open when something needs a look.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ResolvedTable } from "../engine/read/workbook";
import { strings, type Strings, type UiLang } from "./i18n";

/** below this a column's match is shown for confirmation */
export const CONFIDENT = 0.9;

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: "2px", marginBottom: "8px", minWidth: 0 },
  label: { display: "flex", justifyContent: "space-between", gap: "8px", minWidth: 0, overflowWrap: "anywhere" },
  select: { minWidth: 0, width: "100%", maxWidth: "100%" },
  low: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere" },
});

export type MappingChoice = Record<string, Record<string, string>>;

export function needsAttention(mapping: ResolvedTable[]): boolean {
  return mapping.some((t) => t.columns.some((c) => (c.column ? c.confidence < CONFIDENT : c.required)));
}

/** The columns chosen so far, by table: at first the ones the reader used. */
function useChoice(mapping: ResolvedTable[]) {
  const initial = React.useMemo(
    () =>
      Object.fromEntries(
        mapping.map((m) => [
          m.table,
          Object.fromEntries(m.columns.filter((c) => c.column).map((c) => [c.id, c.column!])),
        ]),
      ),
    [mapping],
  );
  const [choice, setChoice] = React.useState<MappingChoice>(initial);
  React.useEffect(() => setChoice(initial), [initial]);
  return { choice, setChoice };
}

export function MappingPanel({
  mapping,
  lang,
  onSave,
  disabled,
}: {
  mapping: ResolvedTable[];
  lang: UiLang;
  onSave: (choice: MappingChoice, sheets: Record<string, string>) => Promise<void>;
  disabled?: boolean;
}): React.JSX.Element {
  const t = strings(lang);
  const attention = needsAttention(mapping);
  const { choice, setChoice } = useChoice(mapping);
  const count = mapping.reduce((n, m) => n + m.columns.length, 0);
  return (
    <section aria-label={t.mapping} data-testid="mapping">
      <Accordion collapsible defaultOpenItems={attention ? ["map"] : []}>
        <AccordionItem value="map">
          <AccordionHeader as="h3" size="small" data-testid="mapping-toggle">
            {attention ? t.mappingAttention : t.mappingOk(count)}
          </AccordionHeader>
          <AccordionPanel>
            {mapping.map((m) => (
              <TableMapping key={m.table} m={m} t={t} choice={choice} setChoice={setChoice} />
            ))}
            <Button
              size="small"
              data-testid="save-mapping"
              disabled={disabled}
              onClick={() => void onSave(choice, Object.fromEntries(mapping.map((m) => [m.table, m.sheet])))}
            >
              {t.mappingConfirm}
            </Button>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}

/** One table's columns: each with its confidence and a choice among the sheet's headers. */
function TableMapping({
  m,
  t,
  choice,
  setChoice,
}: {
  m: ResolvedTable;
  t: Strings;
  choice: MappingChoice;
  setChoice: (c: MappingChoice) => void;
}): React.JSX.Element {
  const s = useStyles();
  return (
    <div>
      <Text as="h4" size={200} weight="semibold" className={s.wrap}>
        {m.name}：{t.mappingSheet(m.sheet, m.headerRows[0], m.headerRows[1])}
      </Text>
      {m.columns.map((c) => {
        const low = c.column ? c.confidence < CONFIDENT : c.required;
        return (
          <div key={c.id} className={s.column}>
            <div className={s.label}>
              <Text size={200}>
                {c.name}
                {c.required ? " *" : ""}
              </Text>
              <Text size={200} className={low ? s.low : s.ok}>
                {c.column ? `${t.confidence} ${Math.round(c.confidence * 100)}%` : "—"}
              </Text>
            </div>
            <Select
              size="small"
              className={s.select}
              aria-label={`${m.name} ${c.name}`}
              value={choice[m.table]?.[c.id] ?? ""}
              onChange={(_, d) => setChoice({ ...choice, [m.table]: { ...choice[m.table], [c.id]: d.value } })}
            >
              <option value="">{t.notUsed}</option>
              {m.headers.map((h) => (
                <option key={h.column} value={h.column}>
                  {h.column} · {h.header.length > 24 ? `${h.header.slice(0, 24)}…` : h.header}
                </option>
              ))}
            </Select>
          </div>
        );
      })}
    </div>
  );
}
