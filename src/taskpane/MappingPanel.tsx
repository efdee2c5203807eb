/** The column mapping the reader used, for the user to confirm or change; saved in the workbook. */
import * as React from "react";
import { Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ResolvedTable } from "../engine/read";
import type { UiLang } from "./i18n";

const useStyles = makeStyles({
  table: {
    display: "grid",
    gridTemplateColumns: "minmax(90px, 1fr) 2fr 40px",
    gap: "4px 8px",
    alignItems: "center",
    marginBottom: "8px",
  },
  low: { color: tokens.colorPaletteDarkOrangeForeground1 },
  ok: { color: tokens.colorNeutralForeground3 },
});

export type MappingChoice = Record<string, Record<string, string>>;

export function MappingPanel({
  mapping,
  lang,
  onSave,
}: {
  mapping: ResolvedTable[];
  lang: UiLang;
  onSave: (choice: MappingChoice, sheets: Record<string, string>) => Promise<void>;
}): React.JSX.Element {
  const s = useStyles();
  const zh = lang === "zh";
  const initial = React.useMemo(
    () =>
      Object.fromEntries(
        mapping.map((t) => [
          t.table,
          Object.fromEntries(t.columns.filter((c) => c.column).map((c) => [c.id, c.column!])),
        ]),
      ),
    [mapping],
  );
  const [choice, setChoice] = React.useState<MappingChoice>(initial);
  React.useEffect(() => setChoice(initial), [initial]);
  return (
    <section aria-label={zh ? "列映射" : "Column mapping"} data-testid="mapping">
      <Text as="h2" weight="semibold">
        {zh ? "列映射（请确认）" : "Column mapping (please confirm)"}
      </Text>
      {mapping.map((t) => (
        <div key={t.table}>
          <Text size={200}>
            {t.name}：
            {zh
              ? `工作表「${t.sheet}」，表头第 ${t.headerRows[0]}–${t.headerRows[1]} 行`
              : `sheet "${t.sheet}", header rows ${t.headerRows[0]}–${t.headerRows[1]}`}
          </Text>
          <div className={s.table}>
            {t.columns.map((c) => (
              <React.Fragment key={c.id}>
                <Text size={200}>
                  {c.name}
                  {c.required ? " *" : ""}
                </Text>
                <Select
                  size="small"
                  aria-label={`${t.name} ${c.name}`}
                  value={choice[t.table]?.[c.id] ?? ""}
                  onChange={(_, d) => setChoice({ ...choice, [t.table]: { ...choice[t.table], [c.id]: d.value } })}
                >
                  <option value="">{zh ? "（不使用）" : "(not used)"}</option>
                  {t.headers.map((h) => (
                    <option key={h.column} value={h.column}>
                      {h.column} · {h.header}
                    </option>
                  ))}
                </Select>
                <Text size={200} className={c.confidence < 0.9 ? s.low : s.ok} title={zh ? "把握程度" : "confidence"}>
                  {c.column ? `${Math.round(c.confidence * 100)}%` : "—"}
                </Text>
              </React.Fragment>
            ))}
          </div>
        </div>
      ))}
      <Button
        size="small"
        data-testid="save-mapping"
        onClick={() => void onSave(choice, Object.fromEntries(mapping.map((t) => [t.table, t.sheet])))}
      >
        {zh ? "确认并保存到工作簿" : "Confirm and save in the workbook"}
      </Button>
    </section>
  );
}
