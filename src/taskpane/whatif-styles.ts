/** Styles of the 推演 view (WhatIf.tsx, WhatIfCompare.tsx): everything shrinks with the pane (no horizontal scroll). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useWhatIfStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "end", minWidth: 0 },
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: "4px", minWidth: 0 },
  list: { margin: 0, paddingLeft: "18px", minWidth: 0, overflowWrap: "anywhere" },
  box: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 8px",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
});
