/**
 * A strict recording fake of the part of the Excel JavaScript API that ZoneScore uses. Unlike office-addin-mock it
 * behaves like the real thing where it matters: a property read before load + sync throws, operations take effect
 * only at sync, every sync is counted, and the size of every request is measured (requests over 5 MB are rejected,
 * as Excel on the web does). A sync can be made to fail on purpose.
 */
import { a1, parseA1, parseRangeA1 } from "../../src/engine/read/normalise";

type Val = string | number | boolean;
interface Cell {
  v: Val;
  formula?: string;
  type: "String" | "Double" | "Boolean" | "Error" | "Empty";
  numberFormat?: string;
  link?: string;
}
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

let sheetIds = 0;

export class SheetState {
  /** a stable id, as Excel gives every worksheet (getItem accepts the name or the id) */
  readonly id = `{ZS-SHEET-${++sheetIds}}`;
  cells = new Map<string, Cell>();
  merges: Rect[] = [];
  frozenRows = 0;
  frozenCols = 0;
  visibility = "Visible";
  page: Record<string, unknown> = {};
  charts: Array<{ type: string; series: Array<{ name: string; values: string; x?: string }>; title?: string }> = [];
  formats: Array<{ rect: Rect; key: string; value: unknown }> = [];
  /** conditional formats (ExcelApi 1.6): custom rules with their formula and fill */
  conditional: Array<{ rect: Rect; formula: string; fill?: string; font?: string }> = [];
  /** the worksheet's AutoFilter (ExcelApi 1.9): its range, and the column (in the range) and criterion it filters on */
  autoFilter: { rect: Rect; column?: number; criteria?: FilterCriteria } | null = null;
  constructor(public name: string) {}
  /** bumped by every write through set(); the used range is cached against it (and the number of cells) */
  private version = 0;
  private usedCache: { version: number; size: number; rect: Rect | null } | null = null;
  set(r: number, c: number, v: unknown): void {
    this.version++;
    const k = `${r},${c}`;
    if (v === "" || v === null || v === undefined) {
      this.cells.delete(k);
      return;
    }
    if (typeof v === "string" && v.startsWith("'")) this.cells.set(k, { v: v.slice(1), type: "String" });
    else if (typeof v === "string" && v.startsWith("=")) this.cells.set(k, { v: 0, formula: v, type: "Double" });
    else if (typeof v === "string" && /^#(N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!)$/.test(v))
      this.cells.set(k, { v, type: "Error" });
    else
      this.cells.set(k, {
        v: v as Val,
        type: typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String",
      });
  }
  /** per-cell number formats ("@" = text: what is written stays text) */
  numFmt = new Map<string, string>();
  /** cell notes (ExcelApi 1.18) */
  notes = new Map<string, string>();
  /**
   * Write a value through Range.values / Range.formulas: Excel parses a string as if it were typed, unless the cell
   * is formatted as text ("@") or the string starts with an apostrophe. Digits become numbers (15 significant digits
   * kept, leading zeros lost), ISO-like dates become date serials, TRUE/FALSE booleans, "50%" 0.5. As Excel does, a
   * date or a percentage typed into a cell of the General format gives the cell a date or percent format.
   */
  typeIn(r: number, c: number, v: unknown): void {
    if (typeof v !== "string" || v === "") return this.set(r, c, v);
    if (this.numFmt.get(`${r},${c}`) === "@") {
      this.version++;
      this.cells.set(`${r},${c}`, { v, type: "String" });
      return;
    }
    const t = v.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return this.set(r, c, Number(Number(t).toPrecision(15)));
    if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) {
      this.formatTyped(r, c, "0%");
      return this.set(r, c, Number(t.slice(0, -1)) / 100);
    }
    if (/^(true|false)$/i.test(t)) return this.set(r, c, t.toLowerCase() === "true");
    const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
    if (d) {
      const ms = Date.UTC(+d[1], +d[2] - 1, +d[3]);
      this.formatTyped(r, c, "yyyy/m/d");
      return this.set(r, c, Math.round(ms / 86400000) + 25569);
    }
    this.set(r, c, v);
  }
  /** the format Excel gives a cell of the General format when a date or a percentage is typed into it */
  private formatTyped(r: number, c: number, format: string): void {
    const k = `${r},${c}`;
    if ((this.numFmt.get(k) ?? "General") === "General") this.numFmt.set(k, format);
  }
  get(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  used(): Rect | null {
    const u = this.usedCache;
    if (u && u.version === this.version && u.size === this.cells.size) return u.rect;
    const rect = this.scanUsed();
    this.usedCache = { version: this.version, size: this.cells.size, rect };
    return rect;
  }
  private scanUsed(): Rect | null {
    let t = Infinity,
      l = Infinity,
      b = -1,
      r = -1;
    for (const k of this.cells.keys()) {
      const [y, x] = k.split(",").map(Number);
      if (y < t) t = y;
      if (x < l) l = x;
      if (y > b) b = y;
      if (x > r) r = x;
    }
    return b < 0 ? null : { top: t, left: l, bottom: b, right: r };
  }
  /** a snapshot for comparing workbooks cell by cell */
  snapshot(): string {
    const keys = [...this.cells.keys()].sort();
    return JSON.stringify({
      name: this.name,
      cells: keys.map((k) => [k, this.cells.get(k)]),
      merges: this.merges,
      frozen: [this.frozenRows, this.frozenCols],
      formats: this.formats,
      numFmt: [...this.numFmt].sort(),
      notes: [...this.notes].sort(),
      visibility: this.visibility,
      autoFilter: this.autoFilter,
    });
  }
}

/** Excel.FilterCriteria as Excel takes it for AutoFilter.apply (the parts the fake checks). */
export interface FilterCriteria {
  filterOn: string;
  criterion1?: string;
  criterion2?: string;
  operator?: string;
  values?: unknown[];
}

const FILTER_ON = [
  "BottomItems",
  "BottomPercent",
  "CellColor",
  "Dynamic",
  "FontColor",
  "Values",
  "TopItems",
  "TopPercent",
  "Icon",
  "Custom",
];

/** What Excel refuses in AutoFilter.apply; the fake knows custom criteria that compare with a number only. */
function checkFilter(rect: Rect, columnIndex?: number, criteria?: FilterCriteria): void {
  const cols = rect.right - rect.left + 1;
  if (columnIndex !== undefined && (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex >= cols))
    throw new Error(`InvalidArgument: columnIndex ${columnIndex} outside the range's ${cols} columns`);
  if (!criteria) return;
  if (columnIndex === undefined) throw new Error("InvalidArgument: criteria without a columnIndex");
  if (!FILTER_ON.includes(criteria.filterOn)) throw new Error(`InvalidArgument: filterOn ${criteria.filterOn}`);
  if (criteria.filterOn !== "Custom") throw new Error(`the fake does not know filterOn ${criteria.filterOn}`);
  for (const c of [criteria.criterion1, criteria.criterion2])
    if (c !== undefined && (typeof c !== "string" || !/^(=|<>|>=|<=|>|<)?-?\d+(\.\d+)?$/.test(c)))
      throw new Error(`the fake does not know the criterion ${String(c)}`);
  if (criteria.criterion1 === undefined) throw new Error("InvalidArgument: a custom filter needs criterion1");
}

export interface NameState {
  name: string;
  sheet: SheetState;
  address: string;
  /** the sheet was deleted: Excel keeps the name, and its formula becomes =#REF!$A$1 */
  broken?: boolean;
}

export class FakeWorkbookState {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  active: SheetState | null = null;
  selected = "";
  /** the ExcelApi requirement set the fake claims to support: 1.<apiMinor> */
  apiMinor = 13;
  syncs = 0;
  /** bytes sent by each sync */
  requestBytes: number[] = [];
  /** make sync number n (1-based, counted over the fake's life) throw */
  failAtSync: number | null = null;
  /** the user is typing in a cell: requests fail unless they ask Excel to wait (delayForCellEdit) */
  cellEditMode = false;
  /** how many times a request waited for the user to leave a cell */
  cellEditWaits = 0;
  /** response bytes of each sync (the loaded values as JSON), rejected above 5 MB like requests */
  responseBytes: number[] = [];
  /** the user (or another add-in) acts between syncs: called before sync n runs */
  beforeSync: ((n: number) => void) | null = null;
  /** calculation was suspended before these syncs (1-based sync numbers) */
  suspendedSyncs: number[] = [];
  /**
   * `worksheets.onChanged` handlers (ExcelApi 1.9), registered by a sync (the plain fake) or by the Office.js client's
   * `_RegisterDataChangedEvent` (the harness delivers them to the client's own handlers). Excel raises the event
   * after the change has taken effect, asynchronously, for edits by the user and by the API alike.
   */
  changedHandlers: Array<(args: FakeChangedArgs) => void> = [];
  /** every onChanged event raised, in order */
  changedEvents: FakeChangedArgs[] = [];
  /** registrations made through the Office.js client (the harness delivers the events to it) */
  clientChangedRegistrations = 0;
  raiseChanged(sheet: SheetState, rect: Rect, source: "user" | "api"): void {
    const address =
      rect.top === rect.bottom && rect.left === rect.right
        ? a1(rect.top, rect.left)
        : `${a1(rect.top, rect.left)}:${a1(rect.bottom, rect.right)}`;
    const args: FakeChangedArgs = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: source === "user" ? "Unknown" : "ThisLocalAddin",
    };
    this.changedEvents.push(args);
    for (const h of [...this.changedHandlers]) setTimeout(() => h(args), 0);
  }
  /** the user types or pastes into cells (not through the API): the cells change, then onChanged is raised */
  userEdit(sheet: string, address: string, values: unknown[][]): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const rect = parseRangeA1(address);
    // typed: "2024/3/5" becomes a date (and its cell a date format), "12%" 0.12, as in Excel
    values.forEach((row, y) => row.forEach((v, x) => s.typeIn(rect.top + y, rect.left + x, v)));
    this.raiseChanged(s, rect, "user");
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /**
   * Rename a sheet as Excel does: every reference to it in the workbook follows the new name — cell formulas of every
   * sheet, conditional-format rule formulas, chart series. ("I can rename the sheet, the formula will update", Liam
   * Bastick, "Formulae Referencing Current Worksheet", sumproduct.com; Microsoft KB Q127937 "Incorrect Reference in
   * Name After File Open/Rename Sheet" shows Excel rewriting a defined name's formula when the sheet it names is
   * renamed.) Defined names here hold the sheet itself, so their formula follows without rewriting. Hyperlinks' text
   * addresses are not formulas and Excel leaves them as they are.
   */
  renameSheet(s: SheetState, name: string): void {
    const from = s.name;
    s.name = name;
    if (from === name) return;
    const re = (f: string) => renameSheetRefs(f, from, name);
    for (const sh of this.sheets) {
      for (const c of sh.cells.values()) if (c.formula !== undefined) c.formula = re(c.formula);
      for (const cf of sh.conditional) cf.formula = re(cf.formula);
      for (const ch of sh.charts)
        for (const se of ch.series) {
          se.values = re(`=${se.values}`).slice(1);
          if (se.x !== undefined) se.x = re(`=${se.x}`).slice(1);
        }
    }
  }
  /** every sheet named by a formula of the workbook: cells, conditional formats, chart series, defined names */
  sheetRefs(): Array<{ where: string; formula: string; sheet: string }> {
    const out: Array<{ where: string; formula: string; sheet: string }> = [];
    const add = (where: string, formula: string) => {
      for (const sheet of sheetsNamedIn(formula)) out.push({ where, formula, sheet });
    };
    for (const sh of this.sheets) {
      for (const [k, c] of sh.cells) if (c.formula !== undefined) add(`${sh.name}!${k}`, c.formula);
      for (const cf of sh.conditional) add(`${sh.name} conditional format`, cf.formula);
      for (const ch of sh.charts)
        for (const se of ch.series) for (const r of [se.values, se.x ?? ""]) add(`${sh.name} chart`, `=${r}`);
    }
    for (const n of this.names) if (!n.broken) add(`name ${n.name}`, `=${sheetRefName(n.sheet.name)}!${n.address}`);
    return out;
  }
  /**
   * After a sheet is deleted, as Excel does: a formula's reference to it becomes #REF! (=Gone!A1 reads =#REF!A1), in
   * cells and conditional formats of the remaining sheets.
   */
  dropSheetRefs(gone: string): void {
    const lower = gone.toLowerCase();
    const drop = (f: string) =>
      !f.toLowerCase().includes(lower) && !f.toLowerCase().includes(lower.replace(/'/g, "''"))
        ? f
        : mapSheetRefs(f, (names) => (names.some((n) => n.toLowerCase() === lower) ? "#REF" : undefined));
    for (const sh of this.sheets) {
      for (const c of sh.cells.values()) if (c.formula !== undefined) c.formula = drop(c.formula);
      for (const cf of sh.conditional) cf.formula = drop(cf.formula);
    }
  }
  addSheet(name: string): SheetState {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const s = new SheetState(name);
    this.sheets.push(s);
    return s;
  }
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => s.snapshot()),
      // Excel lists names sorted by name
      names: this.names
        .map((n) => [n.name, n.broken ? "#REF!" : n.sheet.name, n.address])
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    });
  }
  supports = (set: string, version: string): boolean =>
    set === "ExcelApi" && version.startsWith("1.") && Number(version.slice(2)) <= this.apiMinor;
  /** what Excel.run(options, batch) would be */
  run = async <T>(
    options: { delayForCellEdit?: boolean },
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const ctx = new FakeContext(this, !!options.delayForCellEdit);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  maxRequest(): number {
    return this.requestBytes.reduce((m, x) => Math.max(m, x), 0);
  }
}

/** What Excel's service sends for a worksheet change (the client turns it into WorksheetChangedEventArgs). */
export interface FakeChangedArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  /** the range without its sheet name, as Excel gives it ("B3" or "B3:C4") */
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  triggerSource: "Unknown" | "ThisLocalAddin";
}

class PropertyNotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and context.sync()`);
    this.name = "PropertyNotLoaded";
  }
}

interface Op {
  run: () => void;
  payload: unknown;
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  /** calculation suspended until the next sync */
  suspended = false;
  constructor(
    readonly state: FakeWorkbookState,
    private readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ run, payload });
  }
  /**
   * Run the queued operations in order. A failure stops the rest and keeps what ran before it, as Excel does.
   * `wireBytes`: the request size measured by the real client (the Office.js harness); otherwise the fake's estimate.
   */
  responseBytes = 0;
  async sync(wireBytes?: number): Promise<void> {
    const st = this.state;
    st.syncs++;
    st.beforeSync?.(st.syncs);
    const bytes = wireBytes ?? Buffer.byteLength(JSON.stringify(this.queue.map((o) => o.payload)), "utf8");
    st.requestBytes.push(bytes);
    const ops = this.queue;
    this.queue = [];
    if (this.suspended) st.suspendedSyncs.push(st.syncs);
    this.suspended = false;
    if (bytes > 5 * 1024 * 1024) throw new Error(`RequestPayloadSizeLimitExceeded: ${bytes} bytes`);
    if (st.failAtSync === st.syncs) {
      // a failure in the middle of the batch: the first half of its operations have taken effect, as in Excel
      for (const op of ops.slice(0, Math.floor(ops.length / 2))) op.run();
      throw new Error(`GeneralException: injected failure at sync ${st.syncs}`);
    }
    if (wireBytes === undefined && st.cellEditMode) {
      if (!this.delayForCellEdit) throw new Error("InvalidOperationInCellEditMode: Excel is in cell-editing mode");
      st.cellEditMode = false;
      st.cellEditWaits++;
    }
    this.responseBytes = 0;
    for (const op of ops) op.run();
    st.responseBytes.push(this.responseBytes);
    if (wireBytes === undefined && this.responseBytes > 5 * 1024 * 1024)
      throw new Error(`RequestPayloadSizeLimitExceeded: response of ${this.responseBytes} bytes`);
  }
}

/** A loadable proxy: load() records what to fetch; values appear only after the sync that follows. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected ctx: FakeContext,
    private kind: string,
  ) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(`${this.kind}.${prop}`);
    return this.loaded.get(prop) as T;
  }
  protected fill(props: string[], get: (p: string) => unknown): void {
    this.ctx.enqueue({ load: this.kind, props }, () => {
      for (const p of props) {
        const v = get(p);
        this.loaded.set(p, v);
        this.ctx.responseBytes += Array.isArray(v) ? Buffer.byteLength(JSON.stringify(v), "utf8") : 16;
      }
    });
  }
}

class FakeWorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly names: NamesProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.names = new NamesProxy(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        if (ctx.state.apiMinor < 6)
          throw new Error("ApiNotFound: suspendApiCalculationUntilNextSync needs ExcelApi 1.6");
        ctx.suspended = true;
      },
    };
  }
}

class WorksheetsProxy extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection");
  }
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue({ load: "worksheets", fields }, () => {
      const items = this.ctx.state.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.markLoaded(fields);
        return p;
      });
      this.loaded.set("items", items);
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.read("items");
  }
  add(name: string): WorksheetProxy {
    let created: SheetState | null = null;
    this.ctx.enqueue({ op: "worksheets.add", name }, () => {
      created = this.ctx.state.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw new Error("InvalidReference: sheet not yet created");
      return created;
    });
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.state.sheet(key) ?? this.ctx.state.sheets.find((x) => x.id === key);
      if (!s) throw new Error(`ItemNotFound: worksheet ${key}`);
      return s;
    });
  }
  /** the plain fake's event: registered at the next sync, like Excel; ExcelApi 1.9 */
  get onChanged(): { add(h: (a: FakeChangedArgs) => unknown): { remove(): void } } {
    this.needEvents();
    return {
      add: (h) => {
        const handler = (a: FakeChangedArgs) => void h(a);
        this.ctx.enqueue({ op: "worksheets.onChanged.add" }, () => this.ctx.state.changedHandlers.push(handler));
        return {
          remove: () =>
            this.ctx.enqueue({ op: "worksheets.onChanged.remove" }, () => {
              const hs = this.ctx.state.changedHandlers;
              if (hs.includes(handler)) hs.splice(hs.indexOf(handler), 1);
            }),
        };
      },
    };
  }
  /** the Office.js client's registration of the same event (what `worksheets.onChanged.add` sends) */
  _RegisterDataChangedEvent(): void {
    this.needEvents();
    this.ctx.enqueue({ op: "worksheets._RegisterDataChangedEvent" }, () => this.ctx.state.clientChangedRegistrations++);
  }
  _UnregisterDataChangedEvent(): void {
    this.ctx.enqueue(
      { op: "worksheets._UnregisterDataChangedEvent" },
      () => this.ctx.state.clientChangedRegistrations--,
    );
  }
  private needEvents(): void {
    if (this.ctx.state.apiMinor < 9) throw new Error("ApiNotFound: WorksheetCollection.onChanged needs ExcelApi 1.9");
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.ctx,
      () => this.ctx.state.sheet(key) ?? this.ctx.state.sheets.find((x) => x.id === key) ?? null,
    );
  }
}

class WorksheetProxy extends Loadable {
  private staticName: string | null = null;
  constructor(
    ctx: FakeContext,
    private resolve: () => SheetState | null,
  ) {
    super(ctx, "Worksheet");
  }
  /** for the Office.js harness: the sheet behind the proxy (null for a null object) and its id */
  resolveForHarness(): SheetState | null {
    return this.resolve();
  }
  idForHarness(): string | undefined {
    return this.resolve()?.id;
  }
  private staticProps = new Map<string, string>();
  markLoaded(fields: string[]): void {
    const s = this.resolve()!;
    for (const f of fields) {
      if (f === "name") this.staticName = s.name;
      else if (f === "id") this.staticProps.set("id", s.id);
      else if (f === "visibility") this.staticProps.set("visibility", s.visibility);
      else throw new Error(`the fake does not know Worksheet.${f}`);
    }
  }
  get name(): string {
    if (this.staticName === null) throw new PropertyNotLoaded("Worksheet.name");
    return this.staticName;
  }
  get id(): string {
    if (!this.staticProps.has("id")) throw new PropertyNotLoaded("Worksheet.id");
    return this.staticProps.get("id")!;
  }
  get visibility(): string {
    if (!this.staticProps.has("visibility")) throw new PropertyNotLoaded("Worksheet.visibility");
    return this.staticProps.get("visibility")!;
  }
  set name(v: string) {
    this.ctx.enqueue({ op: "worksheet.rename", v }, () => {
      const s = this.resolve();
      if (!s) throw new Error("ItemNotFound");
      if (this.ctx.state.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase()))
        throw new Error(`ItemAlreadyExists: ${v}`);
      if (v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new Error(`InvalidArgument: sheet name ${v}`);
      this.ctx.state.renameSheet(s, v);
    });
  }
  load(props: string): this {
    const fields = props.split(",").map((f) => f.trim());
    this.ctx.enqueue({ load: "worksheet", fields }, () => this.markLoaded(fields));
    return this;
  }
  set visibility(v: string) {
    this.ctx.enqueue({ op: "worksheet.visibility", v }, () => {
      const s = this.resolve();
      if (!s) throw new Error("ItemNotFound");
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new Error(`InvalidArgument: visibility ${v}`);
      s.visibility = v;
    });
  }
  delete(): void {
    this.ctx.enqueue({ op: "worksheet.delete" }, () => {
      const s = this.resolve();
      if (!s) return;
      const st = this.ctx.state;
      if (st.sheets.filter((x) => x.visibility === "Visible").length === 1 && s.visibility === "Visible")
        throw new Error("InvalidOperation: a workbook must keep at least one visible sheet");
      st.sheets = st.sheets.filter((x) => x !== s);
      st.dropSheetRefs(s.name);
      // workbook names that pointed into the sheet stay, as =#REF!$A$1 (Excel does not delete them)
      for (const n of st.names) if (n.sheet === s) n.broken = true;
    });
  }
  activate(): void {
    this.ctx.enqueue({ op: "worksheet.activate" }, () => (this.ctx.state.active = this.resolve()));
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) throw new Error("ItemNotFound");
      return { sheet: s, rect: parseRangeA1(address) };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) throw new Error("ItemNotFound");
      return { sheet: s, rect: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      if (!s) throw new Error("ItemNotFound");
      const u = s.used();
      return u ? { sheet: s, rect: u } : null;
    });
  }
  get pageLayout() {
    if (this.ctx.state.apiMinor < 9) throw new Error("ApiNotFound: Worksheet.pageLayout needs ExcelApi 1.9");
    const rec = (key: string) => (value: unknown) =>
      this.ctx.enqueue({ op: "pageLayout", key, value }, () => (this.resolve()!.page[key] = value));
    const o: Record<string, unknown> = {
      setPrintTitleRows: (rows: string) => rec("printTitleRows")(rows),
      setPrintArea: (r: RangeProxy) =>
        this.ctx.enqueue({ op: "pageLayout.printArea" }, () => {
          const ref = (r as unknown as { resolve: () => RangeRef }).resolve()!;
          this.resolve()!.page.printArea = `${a1(ref.rect.top, ref.rect.left)}:${a1(ref.rect.bottom, ref.rect.right)}`;
        }),
    };
    for (const k of ["orientation", "paperSize"]) Object.defineProperty(o, k, { set: rec(k) });
    return o;
  }
  /** AutoFilter (ExcelApi 1.9): apply(range, columnIndex, criteria); one a worksheet, a new one replaces it */
  get autoFilter() {
    if (this.ctx.state.apiMinor < 9) throw new Error("ApiNotFound: Worksheet.autoFilter needs ExcelApi 1.9");
    return {
      apply: (range: RangeProxy | string, columnIndex?: number, criteria?: FilterCriteria) =>
        this.ctx.enqueue({ op: "autoFilter.apply", columnIndex, criteria }, () => {
          const s = this.resolve();
          if (!s) throw new Error("ItemNotFound");
          const ref = typeof range === "string" ? { sheet: s, rect: parseRangeA1(range) } : range.resolveForHarness();
          if (!ref || ref.sheet !== s) throw new Error("InvalidArgument: the range is not on this worksheet");
          checkFilter(ref.rect, columnIndex, criteria);
          s.autoFilter = { rect: ref.rect, column: columnIndex, criteria };
        }),
    };
  }
  get charts() {
    const ctx = this.ctx;
    const sheetOf = () => this.resolve()!;
    const where = (r: RangeProxy) => {
      const ref = (r as unknown as { resolve: () => RangeRef }).resolve()!;
      // as a series formula names it: quoted where Excel needs it
      return `${sheetRefName(ref.sheet.name)}!${a1(ref.rect.top, ref.rect.left)}:${a1(ref.rect.bottom, ref.rect.right)}`;
    };
    return {
      add: (type: string, source: RangeProxy, seriesBy: string) => {
        let chart: SheetState["charts"][number] | null = null;
        ctx.enqueue({ op: "charts.add", type, seriesBy }, () => {
          const src = where(source);
          chart = { type, series: [{ name: "", values: src }] };
          sheetOf().charts.push(chart);
        });
        const series = (get: () => SheetState["charts"][number]["series"][number]) => ({
          setValues: (r: RangeProxy) => ctx.enqueue({ op: "series.setValues" }, () => (get().values = where(r))),
          setXAxisValues: (r: RangeProxy) => ctx.enqueue({ op: "series.setXAxisValues" }, () => (get().x = where(r))),
        });
        const proxy = {
          title: {} as { text?: string },
          series: {
            getItemAt: (i: number) => series(() => chart!.series[i]),
            add: (name: string) => {
              let k = -1;
              ctx.enqueue({ op: "series.add", name }, () => (k = chart!.series.push({ name, values: "" }) - 1));
              return series(() => chart!.series[k]);
            },
          },
        };
        Object.defineProperty(proxy.title, "text", {
          set: (t: string) => ctx.enqueue({ op: "chart.title", t }, () => (chart!.title = t)),
        });
        for (const k of ["top", "left"])
          Object.defineProperty(proxy, k, {
            set: (v: number) => ctx.enqueue({ op: `chart.${k}`, v }, () => undefined),
          });
        return proxy;
      },
    };
  }
  /** cell notes: ExcelApi 1.18 (undefined below it, as in a client build without them) */
  get notes() {
    if (this.ctx.state.apiMinor < 18) return undefined;
    return {
      add: (cell: RangeProxy, text: string) =>
        this.ctx.enqueue({ op: "notes.add", text }, () => {
          const ref = cell.resolveForHarness()!;
          const key = `${ref.rect.top},${ref.rect.left}`;
          if (ref.sheet.notes.has(key)) throw new Error("InvalidArgument: the cell already has a note");
          ref.sheet.notes.set(key, text);
        }),
    };
  }
  get freezePanes() {
    return {
      // as in Excel, each call replaces the panes frozen before: freezeRows then freezeColumns leaves only columns
      freezeRows: (n: number) =>
        this.ctx.enqueue({ op: "freezeRows", n }, () => {
          const s = this.resolve()!;
          s.frozenRows = n;
          s.frozenCols = 0;
        }),
      freezeColumns: (n: number) =>
        this.ctx.enqueue({ op: "freezeColumns", n }, () => {
          const s = this.resolve()!;
          s.frozenCols = n;
          s.frozenRows = 0;
        }),
      freezeAt: (range: RangeProxy) =>
        this.ctx.enqueue({ op: "freezeAt" }, () => {
          const s = this.resolve()!;
          const ref = range.resolveForHarness()!;
          if (ref.rect.top !== 0 || ref.rect.left !== 0) throw new Error("InvalidArgument: freezeAt starts at A1");
          s.frozenRows = ref.rect.bottom + 1;
          s.frozenCols = ref.rect.right + 1;
        }),
    };
  }
}

type RangeRef = { sheet: SheetState; rect: Rect } | null;

class RangeProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolve: () => RangeRef,
  ) {
    super(ctx, "Range");
  }
  resolveForHarness(): RangeRef {
    return this.resolve();
  }
  /** the real client stops tracking the object (nothing to release after Excel.run) */
  untrack(): this {
    return this;
  }
  /** items of a loaded collection: their properties are there at once */
  fillNow(fields: string[]): void {
    for (const f of fields) this.loaded.set(f, this.value(f));
  }
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim());
    this.fill([...fields, "isNullObject"], (p) => this.value(p));
    return this;
  }
  private value(p: string): unknown {
    {
      const r = this.resolve();
      if (p === "isNullObject") return r === null;
      if (!r) return undefined;
      const { sheet, rect } = r;
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (/^(values|valueTypes|formulas|numberFormat|text)$/.test(p) && cells > 5_000_000)
        throw new Error(`InvalidOperation: reading ${cells} cells at once (the limit is 5,000,000)`);
      const grid = (f: (c: Cell | undefined, y: number, x: number) => unknown) => {
        const out: unknown[][] = [];
        for (let y = rect.top; y <= rect.bottom; y++) {
          const row: unknown[] = [];
          for (let x = rect.left; x <= rect.right; x++) row.push(f(sheet.get(y, x), y, x));
          out.push(row);
        }
        return out;
      };
      switch (p) {
        case "values":
          return grid((c) => (c ? c.v : ""));
        case "valueTypes":
          return grid((c) => (c ? c.type : "Empty"));
        case "numberFormat":
          // as Excel: each cell's format code (en-US), "General" where none was set
          return grid((_, y, x) => sheet.numFmt.get(`${y},${x}`) ?? "General");
        case "formulas":
          // as Excel: the formula of a formula cell, the constant of any other ("" when empty)
          return grid((c) => (c ? (c.formula ?? c.v) : ""));
        case "rowIndex":
          return rect.top;
        case "columnIndex":
          return rect.left;
        case "rowCount":
          return rect.bottom - rect.top + 1;
        case "columnCount":
          return rect.right - rect.left + 1;
        case "address":
          return `${quoteName(sheet.name)}!${a1(rect.top, rect.left)}:${a1(rect.bottom, rect.right)}`;
        default:
          throw new Error(`the fake does not know Range.${p}`);
      }
    }
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get address(): string {
    return this.read("address");
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue({ op: "range.values", v }, () => {
      const r = this.resolve();
      if (!r) throw new Error("InvalidReference");
      const rows = r.rect.bottom - r.rect.top + 1;
      const cols = r.rect.right - r.rect.left + 1;
      if (v.length !== rows || v.some((row) => row.length !== cols))
        throw new Error(`InvalidArgument: values are ${v.length}×${v[0]?.length}, range is ${rows}×${cols}`);
      v.forEach((row, y) => row.forEach((x, c) => r.sheet.typeIn(r.rect.top + y, r.rect.left + c, x)));
      this.ctx.state.raiseChanged(r.sheet, r.rect, "api");
    });
  }
  set formulas(v: unknown[][]) {
    this.ctx.enqueue({ op: "range.formulas", v }, () => {
      const r = this.resolve();
      if (!r) throw new Error("InvalidReference");
      const rows = r.rect.bottom - r.rect.top + 1;
      const cols = r.rect.right - r.rect.left + 1;
      if (v.length !== rows || v.some((row) => row.length !== cols))
        throw new Error(`InvalidArgument: formulas are ${v.length}×${v[0]?.length}, range is ${rows}×${cols}`);
      v.forEach((row, y) => row.forEach((x, c) => r.sheet.typeIn(r.rect.top + y, r.rect.left + c, x)));
      this.ctx.state.raiseChanged(r.sheet, r.rect, "api");
    });
  }
  /**
   * Range.formulasR1C1 (ExcelApi 1.2) as Excel takes it: one formula (a scalar) is applied to every cell of the range,
   * relative to that cell; a grid must be the range's size. Each cell gets the formula expanded back to A1.
   */
  set formulasR1C1(v: unknown[][] | string | number | boolean) {
    this.ctx.enqueue({ op: "range.formulasR1C1", v }, () => {
      const r = this.resolve();
      if (!r) throw new Error("InvalidReference");
      const rows = r.rect.bottom - r.rect.top + 1;
      const cols = r.rect.right - r.rect.left + 1;
      const at = (y: number, x: number) => (Array.isArray(v) ? v[y - r.rect.top][x - r.rect.left] : v);
      if (Array.isArray(v) && (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)))
        throw new Error(`InvalidArgument: formulas are ${v.length}×${v[0]?.length}, range is ${rows}×${cols}`);
      if (!Array.isArray(v) && (v === null || typeof v === "object"))
        throw new Error("InvalidArgument: formulasR1C1 takes a value or a 2-D array");
      for (let y = r.rect.top; y <= r.rect.bottom; y++)
        for (let x = r.rect.left; x <= r.rect.right; x++) {
          const f = at(y, x);
          r.sheet.typeIn(y, x, typeof f === "string" && f.startsWith("=") ? r1c1ToA1(f, y, x) : f);
        }
      this.ctx.state.raiseChanged(r.sheet, r.rect, "api");
    });
  }
  /** a grid of the range's size, or one format (a string) for every cell, as Excel takes it */
  set numberFormat(v: unknown[][] | string) {
    this.ctx.enqueue({ op: "range.numberFormat", v }, () => {
      const r = this.resolve()!;
      const rows = r.rect.bottom - r.rect.top + 1;
      const cols = r.rect.right - r.rect.left + 1;
      if (typeof v === "string") {
        r.sheet.formats.push({ rect: r.rect, key: "numberFormat", value: v });
        for (let y = r.rect.top; y <= r.rect.bottom; y++)
          for (let x = r.rect.left; x <= r.rect.right; x++) r.sheet.numFmt.set(`${y},${x}`, v);
        return;
      }
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new Error(`InvalidArgument: number formats are ${v.length}×${v[0]?.length}, range is ${rows}×${cols}`);
      r.sheet.formats.push({ rect: r.rect, key: "numberFormat", value: v[0]?.[0] });
      v.forEach((row, y) =>
        row.forEach((f, x) => r.sheet.numFmt.set(`${r.rect.top + y},${r.rect.left + x}`, String(f))),
      );
    });
  }
  set hyperlink(v: { documentReference?: string; textToDisplay?: string }) {
    this.ctx.enqueue({ op: "range.hyperlink", v }, () => {
      const r = this.resolve()!;
      const c = r.sheet.get(r.rect.top, r.rect.left);
      if (c) c.link = v.documentReference;
    });
  }
  get format() {
    const rec = (key: string) => (value: unknown) =>
      this.ctx.enqueue({ op: "format", key, value }, () => {
        const r = this.resolve()!;
        r.sheet.formats.push({ rect: r.rect, key, value });
      });
    const setter = (prefix: string, keys: string[]) => {
      const o: Record<string, unknown> = {};
      for (const k of keys) Object.defineProperty(o, k, { set: rec(prefix + k), enumerable: true });
      return o;
    };
    const f = setter("", ["wrapText", "horizontalAlignment", "verticalAlignment", "columnWidth", "rowHeight"]);
    Object.defineProperty(f, "font", { value: setter("font.", ["bold", "size", "color", "italic", "underline"]) });
    Object.defineProperty(f, "fill", { value: setter("fill.", ["color"]) });
    return f;
  }
  /** conditionalFormats.add("Custom") as Excel has it: the rule's formula must start with "=" and be set before sync */
  get conditionalFormats() {
    const ctx = this.ctx;
    const resolve = () => this.resolve()!;
    return {
      add: (type: string) => {
        if (ctx.state.apiMinor < 6) throw new Error("ApiNotFound: conditionalFormats needs ExcelApi 1.6");
        if (type !== "Custom") throw new Error(`InvalidArgument: the fake models only Custom, not ${type}`);
        const cf: { rect?: Rect; formula: string; fill?: string; font?: string } = { formula: "" };
        ctx.enqueue({ op: "conditionalFormats.add", type }, () => {
          const r = resolve();
          cf.rect = r.rect;
          r.sheet.conditional.push(cf as { rect: Rect; formula: string });
        });
        const check = (v: string) => {
          if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new Error(`InvalidArgument: colour ${v}`);
          return v;
        };
        return {
          custom: {
            rule: {
              set formula(v: string) {
                if (!v.startsWith("=")) throw new Error(`InvalidArgument: a rule formula starts with "=": ${v}`);
                ctx.enqueue({ op: "cf.formula", v }, () => (cf.formula = v));
              },
            },
            format: {
              fill: {
                set color(v: string) {
                  ctx.enqueue({ op: "cf.fill", v }, () => (cf.fill = check(v)));
                },
              },
              font: {
                set color(v: string) {
                  ctx.enqueue({ op: "cf.font", v }, () => (cf.font = check(v)));
                },
              },
            },
          },
        };
      },
    };
  }
  merge(_across: boolean): void {
    this.ctx.enqueue({ op: "merge" }, () => {
      const r = this.resolve()!;
      r.sheet.merges.push(r.rect);
    });
  }
  select(): void {
    this.ctx.enqueue({ op: "select" }, () => {
      const r = this.resolve()!;
      this.ctx.state.selected = `${r.sheet.name}!${a1(r.rect.top, r.rect.left)}`;
    });
  }
  /** the row i of the range (the real client splits large setters into row blocks with getRow + getBoundingRect) */
  getRow(i: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const r = this.resolve();
      if (!r) throw new Error("InvalidReference");
      return { sheet: r.sheet, rect: { ...r.rect, top: r.rect.top + i, bottom: r.rect.top + i } };
    });
  }
  getBoundingRect(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const a = this.resolve();
      const b = other.resolveForHarness();
      if (!a || !b || a.sheet !== b.sheet) throw new Error("InvalidArgument: ranges on different sheets");
      return {
        sheet: a.sheet,
        rect: {
          top: Math.min(a.rect.top, b.rect.top),
          left: Math.min(a.rect.left, b.rect.left),
          bottom: Math.max(a.rect.bottom, b.rect.bottom),
          right: Math.max(a.rect.right, b.rect.right),
        },
      };
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (this.ctx.state.apiMinor < 13) throw new Error("ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new RangeAreasProxy(this.ctx, () => {
      const r = this.resolve();
      if (!r) return null;
      const inside = r.sheet.merges.filter(
        (m) => m.top <= r.rect.bottom && m.bottom >= r.rect.top && m.left <= r.rect.right && m.right >= r.rect.left,
      );
      // Excel's documented limit: getMergedAreasOrNullObject fails on a range with more than 512 merged areas
      if (inside.length > 512) throw new Error(`InvalidOperation: ${inside.length} merged areas (the limit is 512)`);
      return inside.length ? { sheet: r.sheet, rects: inside } : null;
    });
  }
}

/** a sheet name as Excel writes it in an address: quoted unless it is a plain identifier */
/** R1C1 → A1 at the 0-based cell (y, x), as Excel reads R1C1 text: R2C3 absolute, R[-1]C relative; strings kept. */
export function r1c1ToA1(f: string, y: number, x: number): string {
  const ref = /(?<![A-Za-z0-9_.$])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(![])/g;
  const one = (s: string | undefined, here: number): [number, boolean] => {
    if (s === undefined) return [here, false];
    if (s.startsWith("[")) return [here + Number(s.slice(1, -1)), false];
    return [Number(s) - 1, true];
  };
  const conv = (text: string) =>
    text.replace(ref, (_m, rs: string | undefined, cs: string | undefined) => {
      const [row, ra] = one(rs, y);
      const [col, ca] = one(cs, x);
      if (row < 0 || col < 0) throw new Error(`InvalidArgument: ${f} points outside the sheet from ${a1(y, x)}`);
      const letters = a1(0, col).replace(/\d+$/, "");
      return `${ca ? "$" : ""}${letters}${ra ? "$" : ""}${row + 1}`;
    });
  // string literals and quoted sheet names are copied as they are
  return f
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 ? part : conv(part)))
    .join("");
}

/** a bare name that Excel would read as a cell (A1, XFD1048576, R1C1, R, C): it must be quoted */
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]?\d*|[Cc]\d*)$/;

/**
 * A sheet name as a reference to it is written when it replaces an unquoted one: bare if Excel reads it bare (a plain
 * ASCII identifier that is not a cell address), quoted otherwise — spaces, symbols, CJK, a leading digit — with ' as ''.
 * Quoting is always accepted, so a name that was quoted stays quoted.
 */
export function sheetRefName(name: string, quoted = false): string {
  const bare = !quoted && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL_LIKE.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Every sheet reference of a formula — 'a b'!A1, Sheet1!A1, ranges, 3-D references ('Jan:Mar'!A1, Jan:Mar!A1) — passed
 * to `visit` with the sheet names it holds (one, or two for a 3-D reference) and whether it was quoted; what `visit`
 * returns replaces the reference (its text before "!"), undefined keeps it. String literals and other workbooks'
 * sheets ('[b.xlsx]S'!A1, [b.xlsx]S!A1) are not references to this workbook's sheets and are never visited.
 */
function mapSheetRefs(formula: string, visit: (names: string[], quoted: boolean) => string | undefined): string {
  const bareRef = /(?<![\p{L}\p{N}_.$'"\]#])([\p{L}_][\p{L}\p{N}_.]*)(?::([\p{L}_][\p{L}\p{N}_.]*))?!/gu;
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*'(?=!))/)
    .map((part, i) => {
      if (i % 2 === 0)
        return part.replace(bareRef, (m, a: string, b: string | undefined) => {
          const next = visit(b === undefined ? [a] : [a, b], false);
          return next === undefined ? m : `${next}!`;
        });
      if (part.startsWith('"')) return part;
      const inner = part.slice(1, -1).replace(/''/g, "'");
      return inner.startsWith("[") ? part : (visit(inner.split(":"), true) ?? part);
    })
    .join("");
}

/** the sheets a formula refers to (as written, a 3-D reference giving both ends), in order */
export function sheetsNamedIn(formula: string): string[] {
  const out: string[] = [];
  mapSheetRefs(formula, (names) => void out.push(...names));
  return out;
}

/**
 * A formula with every reference to sheet `from` (case-insensitive, as Excel compares sheet names) naming `to`:
 * 'from'!A1, from!A1, ranges ('from'!A1:B2), 3-D references ('from:Other'!A1, from:Other!A1). String literals, other
 * workbooks' sheets ('[b.xlsx]from'!A1) and sheets whose name merely contains `from` are left as they are. A quoted
 * reference stays quoted; a bare one is quoted if the new name needs it.
 */
export function renameSheetRefs(formula: string, from: string, to: string): string {
  const lower = from.toLowerCase();
  const f = formula.toLowerCase();
  if (!f.includes(lower) && !f.includes(lower.replace(/'/g, "''"))) return formula;
  const same = (n: string) => n.toLowerCase() === lower;
  return mapSheetRefs(formula, (names, quoted) => {
    if (!names.some(same)) return undefined;
    const next = names.map((n) => (same(n) ? to : n));
    const quote = quoted || next.some((n) => sheetRefName(n) !== n);
    return quote ? sheetRefName(next.join(":"), true) : next.join(":");
  });
}

function quoteName(q: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(q) ? q : `'${q.replace(/'/g, "''")}'`;
}

type AreasRef = { sheet: SheetState; rects: Rect[] } | null;

/** RangeAreas.areas: the areas as a collection of ranges, read by index */
class RangeCollectionProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolve: () => AreasRef,
  ) {
    super(ctx, "RangeCollection");
  }
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue({ load: "RangeCollection", fields }, () => {
      const r = this.resolve();
      const items = (r?.rects ?? []).map((rect) => {
        const p = new RangeProxy(this.ctx, () => ({ sheet: r!.sheet, rect }));
        p.fillNow(fields);
        return p;
      });
      this.ctx.responseBytes += items.length * 24 * fields.length;
      this.loaded.set("items", items);
    });
    return this;
  }
  get items(): RangeProxy[] {
    return this.read("items");
  }
}

class RangeAreasProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolve: () => AreasRef,
  ) {
    super(ctx, "RangeAreas");
  }
  resolveForHarness(): AreasRef {
    return this.resolve();
  }
  get areas(): RangeCollectionProxy {
    return new RangeCollectionProxy(this.ctx, this.resolve);
  }
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim());
    this.fill([...fields, "isNullObject"], (p) => {
      const r = this.resolve();
      if (p === "isNullObject") return r === null;
      if (!r) return undefined;
      if (p === "areaCount") return r.rects.length;
      if (p === "address")
        return r.rects.map((m) => `${quoteName(r.sheet.name)}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(",");
      throw new Error(`the fake does not know RangeAreas.${p}`);
    });
    return this;
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
}

class NamesProxy extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, "NamedItemCollection");
  }
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue({ load: "names", fields }, () => {
      const items = this.ctx.state.names.map((n) => {
        const q = n.sheet.name;
        const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(q) ? q : `'${q.replace(/'/g, "''")}'`;
        return {
          name: n.name,
          formula: n.broken ? `=#REF!${n.address}` : `=${quoted}!${n.address}`,
          idForHarness: () => n.name,
          delete: () =>
            this.ctx.enqueue(
              { op: "name.delete", name: n.name },
              () => (this.ctx.state.names = this.ctx.state.names.filter((x) => x !== n)),
            ),
        };
      });
      this.loaded.set("items", items);
    });
    return this;
  }
  get items(): Array<{ name: string; formula: string; delete(): void }> {
    return this.read("items");
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.enqueue({ op: "name.delete", name }, () => {
          const st = this.ctx.state;
          if (!st.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
            throw new Error(`ItemNotFound: name ${name}`);
          st.names = st.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
        }),
    };
  }
  add(name: string, reference: RangeProxy | string): void {
    this.ctx.enqueue({ op: "names.add", name }, () => {
      if (typeof reference === "string") {
        // only the broken reference a deleted sheet leaves is modelled
        const m = /^=#REF!(\$[A-Z]+\$\d+)$/.exec(reference);
        if (!m) throw new Error(`the fake does not know the reference ${reference}`);
        if (this.ctx.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new Error(`ItemAlreadyExists: name ${name}`);
        this.ctx.state.names.push({ name, sheet: new SheetState("#REF!"), address: m[1], broken: true });
        return;
      }
      const r = (reference as unknown as { resolve: () => RangeRef }).resolve();
      if (!r) throw new Error("InvalidReference");
      if (this.ctx.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new Error(`ItemAlreadyExists: name ${name}`);
      this.ctx.state.names.push({
        name,
        sheet: r.sheet,
        address: `$${a1(r.rect.top, r.rect.left).replace(/(\d+)$/, "$$$1")}`,
      });
    });
  }
}

/** Build a fake workbook from SheetData-like grids (row 0 = Excel row 1). */
export function fakeFromSheets(
  sheets: Array<{ name: string; originRow: number; originCol: number; values: unknown[][]; merges: Rect[] | null }>,
): FakeWorkbookState {
  const st = new FakeWorkbookState();
  for (const s of sheets) {
    const ss = st.addSheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        if (typeof v === "object" && "error" in (v as object))
          ss.cells.set(`${s.originRow + r},${s.originCol + c}`, { v: (v as { error: string }).error, type: "Error" });
        else ss.set(s.originRow + r, s.originCol + c, typeof v === "string" && /^[=']/.test(v) ? "'" + v : v);
      }),
    );
    ss.merges = [...(s.merges ?? [])];
  }
  return st;
}

export { parseA1 };
