/**
 * A strict recording fake of the part of the Excel JavaScript API that ZoneScore uses. Unlike office-addin-mock it
 * behaves like the real thing where it matters: a property read before load + sync throws, operations take effect
 * only at sync, every sync is counted, and the size of every request is measured (requests over 5 MB are rejected,
 * as Excel on the web does). A sync can be made to fail on purpose.
 */
import { a1, parseA1, parseRangeA1 } from "../../src/engine/text";

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

export class SheetState {
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
  constructor(public name: string) {}
  set(r: number, c: number, v: unknown): void {
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
  get(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  used(): Rect | null {
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
    });
  }
}

export interface NameState {
  name: string;
  sheet: SheetState;
  address: string;
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

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
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
      names: this.names.map((n) => [n.name, n.sheet.name, n.address]),
    });
  }
  supports = (set: string, version: string): boolean =>
    set === "ExcelApi" && version.startsWith("1.") && Number(version.slice(2)) <= this.apiMinor;
  /** what Excel.run would be */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  maxRequest(): number {
    return this.requestBytes.reduce((m, x) => Math.max(m, x), 0);
  }
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

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly state: FakeWorkbookState) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ run, payload });
  }
  async sync(): Promise<void> {
    const st = this.state;
    st.syncs++;
    const bytes = Buffer.byteLength(JSON.stringify(this.queue.map((o) => o.payload)), "utf8");
    st.requestBytes.push(bytes);
    const ops = this.queue;
    this.queue = [];
    if (st.failAtSync === st.syncs) throw new Error(`GeneralException: injected failure at sync ${st.syncs}`);
    if (bytes > 5 * 1024 * 1024) throw new Error(`RequestPayloadSizeLimitExceeded: ${bytes} bytes`);
    for (const op of ops) op.run();
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
      for (const p of props) this.loaded.set(p, get(p));
    });
  }
}

class FakeWorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly names: NamesProxy;
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.names = new NamesProxy(ctx);
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
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.state.sheet(name);
      if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheet(name) ?? null);
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
  markLoaded(fields: string[]): void {
    const s = this.resolve()!;
    for (const f of fields) if (f === "name") this.staticName = s.name;
  }
  get name(): string {
    if (this.staticName === null) throw new PropertyNotLoaded("Worksheet.name");
    return this.staticName;
  }
  set name(v: string) {
    this.ctx.enqueue({ op: "worksheet.rename", v }, () => {
      const s = this.resolve();
      if (!s) throw new Error("ItemNotFound");
      if (this.ctx.state.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase()))
        throw new Error(`ItemAlreadyExists: ${v}`);
      if (v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new Error(`InvalidArgument: sheet name ${v}`);
      s.name = v;
    });
  }
  load(props: string): this {
    const fields = props.split(",");
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
      st.sheets = st.sheets.filter((x) => x !== s);
      st.names = st.names.filter((n) => n.sheet !== s);
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
  get charts() {
    const ctx = this.ctx;
    const sheetOf = () => this.resolve()!;
    const where = (r: RangeProxy) => {
      const ref = (r as unknown as { resolve: () => RangeRef }).resolve()!;
      return `${ref.sheet.name}!${a1(ref.rect.top, ref.rect.left)}:${a1(ref.rect.bottom, ref.rect.right)}`;
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
  get freezePanes() {
    return {
      freezeRows: (n: number) => this.ctx.enqueue({ op: "freezeRows", n }, () => (this.resolve()!.frozenRows = n)),
      freezeColumns: (n: number) =>
        this.ctx.enqueue({ op: "freezeColumns", n }, () => (this.resolve()!.frozenCols = n)),
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
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim());
    this.fill([...fields, "isNullObject"], (p) => {
      const r = this.resolve();
      if (p === "isNullObject") return r === null;
      if (!r) return undefined;
      const { sheet, rect } = r;
      const grid = (f: (c: Cell | undefined) => unknown) => {
        const out: unknown[][] = [];
        for (let y = rect.top; y <= rect.bottom; y++) {
          const row: unknown[] = [];
          for (let x = rect.left; x <= rect.right; x++) row.push(f(sheet.get(y, x)));
          out.push(row);
        }
        return out;
      };
      switch (p) {
        case "values":
          return grid((c) => (c ? c.v : ""));
        case "valueTypes":
          return grid((c) => (c ? c.type : "Empty"));
        case "rowIndex":
          return rect.top;
        case "columnIndex":
          return rect.left;
        case "address":
          return `${sheet.name}!${a1(rect.top, rect.left)}:${a1(rect.bottom, rect.right)}`;
        default:
          throw new Error(`the fake does not know Range.${p}`);
      }
    });
    return this;
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
  get rowIndex(): number {
    return this.read("rowIndex");
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
      v.forEach((row, y) => row.forEach((x, c) => r.sheet.set(r.rect.top + y, r.rect.left + c, x)));
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
      v.forEach((row, y) => row.forEach((x, c) => r.sheet.set(r.rect.top + y, r.rect.left + c, x)));
    });
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue({ op: "range.numberFormat", v }, () => {
      const r = this.resolve()!;
      r.sheet.formats.push({ rect: r.rect, key: "numberFormat", value: v[0]?.[0] });
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
  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (this.ctx.state.apiMinor < 13) throw new Error("ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new RangeAreasProxy(this.ctx, () => {
      const r = this.resolve();
      if (!r) return null;
      const inside = r.sheet.merges.filter(
        (m) => m.top <= r.rect.bottom && m.bottom >= r.rect.top && m.left <= r.rect.right && m.right >= r.rect.left,
      );
      return inside.length
        ? inside.map((m) => `${r.sheet.name}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(", ")
        : null;
    });
  }
}

class RangeAreasProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private resolve: () => string | null,
  ) {
    super(ctx, "RangeAreas");
  }
  load(props: string): this {
    this.fill([props, "isNullObject"], (p) => (p === "isNullObject" ? this.resolve() === null : this.resolve()));
    return this;
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
          formula: `=${quoted}!${n.address}`,
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
  add(name: string, reference: RangeProxy): void {
    this.ctx.enqueue({ op: "names.add", name }, () => {
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
