/** Entry point: inside Excel use the Office.js host; in a plain browser (no Office) open and download files. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { fileHost, type HostOps } from "./host";
import { langFrom } from "./i18n";

function save(name: string, blob: Blob): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

function render(host: HostOps, lang: string | undefined): void {
  const root = createRoot(document.getElementById("container")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} initialLang={langFrom(lang)} save={save} />
    </FluentProvider>,
  );
}

/** Office.onReady resolves with a null host when office.js runs outside Office; wait at most 3 s for it. */
async function detect(): Promise<void> {
  const w = window as unknown as { Office?: typeof Office };
  if (typeof w.Office === "undefined") return render(fileHost(), navigator.language);
  const info = await Promise.race([w.Office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
  if (info && info.host === w.Office.HostType.Excel) {
    const { officeHost } = await import(/* webpackChunkName: "office-host" */ "./office-host");
    render(officeHost(), w.Office.context.displayLanguage);
  } else render(fileHost(), navigator.language);
}

void detect();
