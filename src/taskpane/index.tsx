/**
 * Entry point. The standalone page (index.html) opens and downloads files. The add-in page (taskpane.html) shows a
 * loading state while office.js starts, then the Excel pane; if office.js cannot load, or the page is opened outside
 * Excel, it says so in plain words and offers the standalone page.
 */
import "./csp";
import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { fileHost, type HostOps } from "./host";
import { langFrom, strings } from "./i18n";

function save(name: string, blob: Blob): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  // the link leaves the page at once (an empty link is an accessibility fault); its address is freed a little later
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

let root: Root | null = null;
function mount(node: React.ReactNode): void {
  root ??= createRoot(document.getElementById("container")!);
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

/**
 * The browser tests' seam (test/browser/progress.test.ts): a function an init script may set before the page loads,
 * which wraps the host the pane gets (to slow a write down and watch its progress). Never set in use.
 */
type HostSeam = (host: HostOps) => HostOps;

function render(host: HostOps, lang: string | undefined): void {
  const seam = (window as unknown as { __zonescoreHost?: HostSeam }).__zonescoreHost;
  mount(<App host={seam ? seam(host) : host} initialLang={langFrom(lang)} save={save} />);
}

/** A plain status page: the loading state, or why the pane cannot work here (with a link to the standalone page). */
function Status(props: { lang: "zh" | "en"; kind: "loading" | "slow" | "noOffice" | "outside" }) {
  const t = strings(props.lang);
  return (
    <main style={{ padding: 16, fontSize: 14, lineHeight: 1.6 }} lang={t.htmlLang}>
      <h1 style={{ fontSize: 18 }}>开发区考评助手 ZoneScore</h1>
      <p role={props.kind === "loading" || props.kind === "slow" ? "status" : "alert"} aria-live="polite">
        {t[props.kind]}
      </p>
      {props.kind !== "loading" && (
        <p>
          <a href="index.html">{t.offlinePage}</a>
        </p>
      )}
    </main>
  );
}

/** how long office.js may take before the loading state also offers the standalone page */
const SLOW_MS = 8000;

async function start(): Promise<void> {
  const addin = document.querySelector('meta[name="zonescore-page"]')?.getAttribute("content") === "addin";
  const w = window as unknown as { Office?: typeof Office };
  if (!addin) return render(fileHost(), navigator.language);
  const lang = langFrom(navigator.language);
  if (typeof w.Office === "undefined") return mount(<Status lang={lang} kind="noOffice" />);
  mount(<Status lang={lang} kind="loading" />);
  // no race against a short timer: office.js may take long on a slow network. The loading state says what happens;
  // after a while it also offers the standalone page, and the pane still opens if Office answers later.
  let ready = false;
  const slow = setTimeout(() => {
    if (!ready) mount(<Status lang={lang} kind="slow" />);
  }, SLOW_MS);
  const info = await w.Office.onReady();
  ready = true;
  clearTimeout(slow);
  if (info && info.host === w.Office.HostType.Excel) {
    const { officeHost } = await import(/* webpackChunkName: "office-host" */ "./office-host");
    render(officeHost(), w.Office.context.displayLanguage);
  } else mount(<Status lang={lang} kind="outside" />);
}

void start();
