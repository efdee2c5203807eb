/**
 * Excel: while results are on screen, the pane follows edits of the input sheets (the host's `watch`, one read sync
 * per burst of edits): the sheets read before are patched, the workbook is rescored in memory, and the pane shows
 * what moved since the last written result; 推演 continues from the edited data. Nothing is written.
 */
import * as React from "react";
import type { HostOps } from "./host";
import type { SheetData } from "../engine/types";
import type { Settings } from "../workbook/port";
import type { UiLang } from "./i18n";
import { follow, type Followed } from "./follow";
import type { WhatIfSource } from "./useWhatIf";
import type { Scored } from "./usePane";

export interface FollowDeps {
  host: HostOps;
  scored: Scored | null;
  /** the sheets and settings last read (patched as edits come in) */
  cache: React.MutableRefObject<{ sheets: SheetData[]; settings: Settings | null; inputs: string } | null>;
  lang: () => UiLang;
  year: () => number | undefined;
}

/** The followed state (null until the first edit) and the source 推演 works from. */
export function useFollow(d: FollowDeps): { followed: Followed | null; source: WhatIfSource | null } {
  const [followed, setFollowed] = React.useState<Followed | null>(null);
  const last = React.useRef<Followed | null>(null);
  const { scored, host } = d;
  React.useEffect(() => {
    setFollowed(null);
    last.current = null;
    if (!scored || !host.watch) return;
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    const onPatches: Parameters<NonNullable<HostOps["watch"]>>[0]["onPatches"] = (patches) => {
      const cached = d.cache.current;
      if (!live || !cached || cached.inputs !== scored.inputs) return;
      const f = follow(
        {
          sheets: cached.sheets,
          settings: cached.settings,
          scheme: scored.scheme,
          lang: d.lang(),
          options: scored.options,
          year: d.year(),
          written: scored.run,
          cellsBefore: last.current?.cells ?? 0,
        },
        patches,
      );
      d.cache.current = { ...cached, sheets: f.sheets };
      last.current = f;
      setFollowed(f);
    };
    const sheets = () => new Set(d.cache.current?.sheets.map((s) => s.name) ?? []);
    host.watch({ sheets, onPatches }).then(
      (s) => (live ? (stop = s) : void s?.()),
      () => undefined,
    );
    return () => {
      live = false;
      void stop?.();
    };
  }, [scored]);
  const source = React.useMemo(
    () => (followed?.data && scored ? { scheme: scored.scheme, data: followed.data, options: scored.options } : scored),
    [followed, scored],
  );
  return { followed, source };
}
