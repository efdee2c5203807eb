/** Styles shared by the pane's steps (App.tsx, steps.tsx). */
import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's layout: it shrinks with the pane (no horizontal scroll at 350 px or 200 % zoom). */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px",
    fontFamily: tokens.fontFamilyBase,
    maxWidth: "100%",
    boxSizing: "border-box",
    minWidth: 0,
  },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", minWidth: 0 },
  head: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between" },
  steps: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "16px" },
  step: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    minWidth: 0,
    paddingTop: "8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  file: { maxWidth: "100%", minWidth: 0 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  field: { minWidth: 0, maxWidth: "100%" },
  dropdown: { minWidth: 0, maxWidth: "100%", width: "100%" },
  input: { minWidth: 0, width: "100%" },
  /** the further steps' own fields shrink with the pane too (no horizontal scroll at 350 px or 200 % zoom) */
  more: {
    "& .fui-Input, & .fui-Select, & .fui-Dropdown, & .fui-Field": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Input__input, & .fui-Select__select": { minWidth: 0 },
    "& table": { maxWidth: "100%" },
    "& .fui-RadioGroup": { flexWrap: "wrap", minWidth: 0, maxWidth: "100%" },
    "& .fui-Radio": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Radio__label, & .fui-Label, & .fui-Text": { overflowWrap: "anywhere", minWidth: 0 },
  },
});
