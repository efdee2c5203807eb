/**
 * The task pane (and the standalone page): numbered steps over one state model (state.ts, driven by usePane.ts).
 * Components receive the host's operations as props; no Office or ExcelJS calls in here.
 */
import * as React from "react";
import { AriaLiveAnnouncer, Text, mergeClasses } from "@fluentui/react-components";
import type { HostOps } from "./host";
import type { UiLang } from "./i18n";
import type { Scheme } from "../engine/scheme/schema";
import { TargetsPanel, targetsHost } from "./TargetsPanel";
import type { State } from "./state";
import { usePaneStyles } from "./styles";
import { usePane, type Pane as PaneModel } from "./usePane";
import { FollowNote, WhatIf } from "./WhatIf";
import { BusyBar, CheckStep, OpenStep, PaneHeader, SchemeStep, ScoreStep, StatusBar } from "./steps";

export interface AppProps {
  host: HostOps;
  initialLang: UiLang;
  /** saves a blob as a download (browser) */
  save?: (name: string, blob: Blob) => void;
  /** further steps (what-if, annex targets) rendered as step 5 when given */
  moreSteps?: (ctx: { state: State; scheme: Scheme | null }) => React.ReactNode;
}

export function App(props: AppProps): React.JSX.Element {
  return (
    <AriaLiveAnnouncer>
      <Pane {...props} />
    </AriaLiveAnnouncer>
  );
}

/** Step 5: what-if and the annex targets (TargetsPanel) plug in here through moreSteps. */
function MoreStep({ pane, moreSteps }: { pane: PaneModel; moreSteps: AppProps["moreSteps"] }): React.JSX.Element {
  const s = usePaneStyles();
  const { t, host, state } = pane;
  return (
    <li className={mergeClasses(s.step, s.more)} aria-labelledby="step5">
      <Text as="h2" size={400} weight="semibold" id="step5">
        {t.step5}
      </Text>
      {pane.followed.followed && <FollowNote lang={pane.lang} followed={pane.followed.followed} />}
      {pane.followed.source && (
        <WhatIf
          lang={pane.lang}
          source={pane.followed.source}
          book={host.book}
          onWrote={(sheets) => pane.dispatch({ type: "status", status: { key: "wrote", sheets } })}
        />
      )}
      {moreSteps?.({ state, scheme: pane.builtIn })}
      <TargetsPanel
        lang={pane.lang}
        host={targetsHost(host.book, t.noFile, host.download && (async () => void pane.ops.onDownload()))}
      />
    </li>
  );
}

function Pane({ host, initialLang, save, moreSteps }: AppProps): React.JSX.Element {
  const s = usePaneStyles();
  const pane = usePane(host, initialLang, save);
  const { t } = pane;
  return (
    <div className={s.root} lang={t.htmlLang}>
      <PaneHeader pane={pane} />
      <main aria-label={t.main}>
        <Text size={200} block className={s.wrap}>
          {host.kind === "file" ? t.standalone : t.inExcel}
        </Text>
        {pane.state.busy && <BusyBar pane={pane} busy={pane.state.busy} />}
        <StatusBar pane={pane} />
        <ol className={s.steps}>
          <OpenStep pane={pane} />
          <SchemeStep pane={pane} />
          <CheckStep pane={pane} />
          <ScoreStep pane={pane} />
          <MoreStep pane={pane} moreSteps={moreSteps} />
        </ol>
      </main>
    </div>
  );
}
