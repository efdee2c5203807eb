/**
 * Microsoft's own Office.js client (npm @microsoft/office-js, the Excel on the web build) loaded in node, with its
 * request executor answered from the strict fake's workbook state (test/fakes/excel.ts).
 *
 * The adapter's real `Excel.run` batches run through the real client: proxies, load/sync rules, request building,
 * response processing and errors are Microsoft's code. What goes over the wire is `JSON.stringify(message.Body)`, so
 * request sizes are measured there, and response sizes as the JSON the service would send back. The "service" side
 * walks the request's ObjectPaths and Actions and performs them on the fake (the same code the plain fake runs), in
 * order, stopping at the first failure with the earlier operations kept, as Excel does.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { FakeContext, type FakeWorkbookState } from "../fakes/excel";

/** Excel on the web answers RequestPayloadSizeLimitExceeded above 5 MB a request (and a response). */
export const WIRE_LIMIT = 5 * 1024 * 1024;

type ExcelNs = typeof Excel;

let loaded: ExcelNs | null = null;
/** the client's OfficeExtension namespace: its test hooks deliver events as Excel's service sends them */
interface ExtHooks {
  _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void;
  _testTriggerRichApiMessageEvent(msg: unknown): void;
}
let extension: ExtHooks | null = null;

/** Load the client once per test file (about 150 ms). */
export function loadExcel(): ExcelNs {
  if (loaded) return loaded;
  const file = path.join(
    path.dirname(require.resolve("@microsoft/office-js/package.json")),
    "dist",
    "excel-web-16.00.debug.js",
  );
  const doc = {
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute: () => undefined, style: {} }),
    addEventListener: () => undefined,
    readyState: "complete",
    cookie: "",
  };
  const win: Record<string, unknown> = {
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", search: "", hash: "", protocol: "https:", hostname: "localhost" },
    document: doc,
    setTimeout,
    clearTimeout,
    console: { log: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  win.window = win;
  win.self = win;
  const ctx = vm.createContext(win);
  vm.runInContext(fs.readFileSync(file, "utf8"), ctx, { filename: "excel-web-16.00.debug.js" });
  loaded = win.Excel as ExcelNs;
  extension = win.OfficeExtension as ExtHooks;
  // no Office host to register the rich API message channel with: the channel is ready at once
  extension._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  return loaded;
}

export interface WireRecord {
  /** bytes of the request body as the client serialises it */
  requestBytes: number;
  /** bytes of the response body as JSON */
  responseBytes: number;
  actions: number;
  /** the request carried the delay-for-cell-edit flag */
  delayForCellEdit: boolean;
  /** only the client's own clean-up after Excel.run (releasing tracked objects), not a sync of the adapter */
  cleanup: boolean;
  error?: string;
  /** the request itself, when ZS_WIRE_DEBUG is set */
  body?: unknown;
}

interface ObjectPathInfo {
  Id: number;
  /** do not keep a reference (the object was untracked) */
  D?: boolean;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
interface Body {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** the error code a fake failure carries: "ItemNotFound: …" → ItemNotFound */
const codeOf = (e: unknown) => {
  const m = /^([A-Za-z]+):/.exec(e instanceof Error ? e.message : String(e));
  return m ? m[1] : "GeneralException";
};

/** The fake as a service behind the real client. */
export class OfficeClientHarness {
  readonly wire: WireRecord[] = [];
  private readonly server: FakeContext;
  private readonly refs = new Map<string, unknown>();
  private nextRef = 1;

  constructor(readonly state: FakeWorkbookState) {
    this.server = new FakeContext(state);
    // the fake raises worksheets.onChanged; once the client registered for it, it reaches the client's handlers as
    // Excel's service sends it: a rich API message of the event category (65536), type 10 (data changed), target
    // "Workbook" (the collection's event), the arguments as JSON
    state.changedHandlers.push((args) => {
      if (state.clientChangedRegistrations <= 0) return;
      loadExcel();
      extension!._testTriggerRichApiMessageEvent({
        entries: [{ messageCategory: 65536, messageType: 10, targetId: "Workbook", message: JSON.stringify(args) }],
      });
    });
  }

  /** what `Excel.run(options, batch)` is inside Office */
  run = <T>(options: { delayForCellEdit?: boolean }, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const X = loadExcel();
    const ctx = new X.RequestContext("https://zonescore.invalid/");
    (ctx as unknown as { _requestExecutor: unknown })._requestExecutor = {
      executeAsync: (_custom: unknown, flags: number, message: { Body: Body }) =>
        Promise.resolve(this.execute(flags, message.Body)),
    };
    return X.run({ ...options, previousObjects: ctx } as unknown as Excel.RunOptions, batch) as Promise<T>;
  };

  /** the adapter's context.sync calls (each one request), without the client's clean-up requests */
  syncs(): number {
    return this.wire.filter((w) => !w.cleanup).length;
  }
  maxRequest(): number {
    return this.wire.reduce((m, w) => Math.max(m, w.requestBytes), 0);
  }
  maxResponse(): number {
    return this.wire.reduce((m, w) => Math.max(m, w.responseBytes), 0);
  }

  private async execute(flags: number, body: Body) {
    const requestBytes = Buffer.byteLength(JSON.stringify(body), "utf8");
    const rec: WireRecord = {
      requestBytes,
      responseBytes: 0,
      actions: body.Actions.length,
      delayForCellEdit: (flags & 64) !== 0,
      cleanup:
        body.Actions.some((a) => a.Name === "_RemoveReference") &&
        body.Actions.every((a) => a.ActionType === 1 || (a.ActionType === 3 && a.Name === "_RemoveReference")),
    };
    this.wire.push(rec);
    if (process.env.ZS_WIRE_DEBUG) rec.body = body;
    const fail = (code: string, message: string) => {
      rec.error = `${code}: ${message}`;
      const Body = { Error: { Code: code, Message: message, HttpStatusCode: 400 } };
      rec.responseBytes = Buffer.byteLength(JSON.stringify(Body), "utf8");
      return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body };
    };
    if (requestBytes > WIRE_LIMIT)
      return fail("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes}) exceeds the limit.`);
    const st = this.state;
    if (st.cellEditMode) {
      if (!rec.delayForCellEdit)
        return fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode.");
      // Excel holds the request until the user leaves the cell, then runs it
      st.cellEditMode = false;
      st.cellEditWaits++;
    }

    const objects = new Map<number, unknown>();
    const resolve = (id: number): unknown => {
      if (objects.has(id)) return objects.get(id);
      const p = body.ObjectPaths[String(id)];
      if (!p) throw new Error(`InvalidObjectPath: ${id}`);
      const parent = () => resolve(p.ParentObjectPathId!) as Record<string, unknown>;
      let o: unknown;
      switch (p.ObjectPathType) {
        case 1: // the global object: the workbook
          o = this.server.workbook;
          break;
        case 4: // a navigation property
          o = parent()[camel(p.Name)];
          if (o === undefined) throw new Error(`ApiNotFound: ${p.Name}`);
          break;
        case 3: {
          const target = parent();
          const fn = target[camel(p.Name)] as ((...a: unknown[]) => unknown) | undefined;
          if (typeof fn !== "function") throw new Error(`ApiNotFound: ${p.Name}`);
          // a method whose object the fake does not model (names.add → NamedItem): an object with nothing to load
          o = fn.apply(target, args(p.ArgumentInfo)) ?? {};
          break;
        }
        case 5: {
          const target = parent() as { getItem?: (k: unknown) => unknown };
          if (typeof target.getItem !== "function") throw new Error("ApiNotFound: indexer");
          o = target.getItem(...(args(p.ArgumentInfo) as [unknown]));
          break;
        }
        case 6:
          o = this.refs.get(p.Name);
          if (o === undefined) throw new Error(`InvalidObjectPath: reference ${p.Name}`);
          break;
        default:
          throw new Error(`the harness does not know object path type ${p.ObjectPathType}`);
      }
      objects.set(id, o);
      return o;
    };
    const args = (info?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] }) =>
      (info?.Arguments ?? []).map((a, i) => {
        const ref = info?.ReferencedObjectPathIds?.[i];
        return ref ? resolve(ref) : a;
      });

    // queue every action on the fake, then run the queue once: operations take effect in order, and a failure stops
    // the rest while keeping what ran before it (the fake's sync), as Excel does
    const results: Array<() => { ActionId: number; Value: unknown } | null> = [];
    const traces: Array<() => number | null> = [];
    try {
      for (const a of body.Actions) {
        if (a.ActionType === 5) {
          // a trace marker (the client registers an event handler when its marker comes back): it has no object;
          // Excel answers it in order with the others, so a failure before it leaves it out
          let reached = false;
          this.server.enqueue({ op: "trace" }, () => (reached = true));
          results.push(() => (reached ? { ActionId: a.Id, Value: null } : null));
          traces.push(() => (reached ? a.Id : null));
          continue;
        }
        const o = resolve(a.ObjectPathId) as Record<string, unknown>;
        switch (a.ActionType) {
          case 1: {
            const info = body.ObjectPaths[String(a.ObjectPathId)];
            // the object is looked at where the action stands in the batch (a later delete must not change it)
            let value: unknown = {};
            this.server.enqueue({ op: "instantiate" }, () => {
              if (nullObject(o)) value = null;
              // objects made by a method (sheets.add, getRange…) get a reference id, so that a later request reaches
              // the same object (the client invalidates such paths after the request otherwise); the client releases
              // them after Excel.run, unless untrack() marked the path "D" (do not keep a reference)
              else if (info.ObjectPathType === 3 && !info.D) {
                const ref = `zsref${this.nextRef++}`;
                this.refs.set(ref, o);
                value = { _ReferenceId: ref };
              }
            });
            results.push(() => ({ ActionId: a.Id, Value: value }));
            break;
          }
          case 2: {
            const select = a.QueryInfo?.Select ?? [];
            let isNull = false;
            this.server.enqueue({ op: "query" }, () => (isNull = nullObject(o)));
            (o as { load: (p: string) => void }).load(select.join(","));
            results.push(() => ({ ActionId: a.Id, Value: isNull ? null : serialise(o, select) }));
            break;
          }
          case 3: {
            // the client keeps objects alive across syncs and releases them after Excel.run: nothing to do here
            if (a.Name === "_KeepReference" || a.Name === "_RemoveReference") break;
            // the client asks the service to check a large array's size before the setter that follows it
            if (a.Name === "_ValidateArraySize") break;
            const fn = o[camel(a.Name)] as ((...x: unknown[]) => unknown) | undefined;
            if (typeof fn !== "function") throw new Error(`ApiNotFound: ${a.Name}`);
            const ret = fn.apply(o, args(a.ArgumentInfo));
            results.push(() => ({ ActionId: a.Id, Value: scalar(ret) }));
            break;
          }
          case 4: {
            if (!(camel(a.Name) in o) && !hasSetter(o, camel(a.Name))) throw new Error(`ApiNotFound: ${a.Name}`);
            o[camel(a.Name)] = camelKeys(args(a.ArgumentInfo)[0]);
            break;
          }
          default:
            throw new Error(`the harness does not know action type ${a.ActionType}`);
        }
      }
      // the client's own clean-up after Excel.run (releasing tracked objects) is not a sync of the adapter
      if (!rec.cleanup) await this.server.sync(requestBytes);
    } catch (e) {
      return fail(codeOf(e), e instanceof Error ? e.message : String(e));
    }
    const traceIds = traces.map((f) => f()).filter((x) => x !== null);
    const Body = {
      Results: results.map((f) => f()).filter((x) => x !== null),
      ...(traceIds.length ? { TraceIds: traceIds } : {}),
    };
    const text = JSON.stringify(Body);
    rec.responseBytes = Buffer.byteLength(text, "utf8");
    if (rec.responseBytes > WIRE_LIMIT)
      return fail(
        "RequestPayloadSizeLimitExceeded",
        `The response payload size (${rec.responseBytes}) exceeds the limit.`,
      );
    return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: JSON.parse(text) };
  }
}

function hasSetter(o: object, key: string): boolean {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return !!d.set;
  }
  return false;
}

function nullObject(o: unknown): boolean {
  const r = (o as { resolveForHarness?: () => unknown }).resolveForHarness;
  return typeof r === "function" ? r.call(o) === null : false;
}

function scalar(v: unknown): unknown {
  return v === undefined || (typeof v === "object" && v !== null && !Array.isArray(v)) ? null : v;
}

function camelKeys(v: unknown): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), x]));
}

/** A loaded object as the service returns it: PascalCase properties; collections as _Items with each item's id. */
function serialise(o: unknown, select: string[]): unknown {
  const obj = o as Record<string, unknown>;
  if ("items" in obj || hasGetter(obj, "items")) {
    const items = obj.items as Array<Record<string, unknown>>;
    return {
      _Items: items.map((it) => {
        const out: Record<string, unknown> = {};
        const id = (it as { idForHarness?: () => unknown }).idForHarness?.();
        if (id !== undefined) out._Id = id;
        for (const s of select) out[pascal(s)] = it[s];
        return out;
      }),
    };
  }
  const out: Record<string, unknown> = {};
  for (const s of select) out[pascal(s)] = obj[s];
  return out;
}

function hasGetter(o: object, key: string): boolean {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return !!d.get;
  }
  return false;
}
