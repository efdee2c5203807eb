/** The typed tables that checks and scoring work on: what the reader makes of the user's sheets. Pure data. */

export type FieldValue = number | boolean | string | null;

export interface Row {
  /** absolute 0-based row in its sheet */
  row: number;
  /** display name (key or subject), line breaks removed */
  name: string;
  values: Record<string, FieldValue>;
  /** A1 address of each field's cell (built when first read) */
  readonly cells: Record<string, string>;
  /** for list rows: the index of the entity this row belongs to, or -1 */
  entity: number;
}

/** A row whose cell addresses are worked out only when asked for: 100,000-row lists are common. */
export class TableRow implements Row {
  entity = -1;
  private addr: Record<string, string> | null = null;
  constructor(
    public row: number,
    public name: string,
    public values: Record<string, FieldValue>,
    /** field → absolute column, shared by every row of the table */
    private readonly columns: ReadonlyMap<string, number>,
    private readonly a1: (row: number, col: number) => string,
  ) {}
  get cells(): Record<string, string> {
    if (!this.addr) {
      const a: Record<string, string> = {};
      for (const [f, c] of this.columns) a[f] = this.a1(this.row, c);
      this.addr = a;
    }
    return this.addr;
  }
}

export interface Table {
  id: string;
  sheet: string;
  rows: Row[];
  /** field id → header path as found, for explanations */
  headers: Record<string, string>;
  /** field id → the factor its cells were multiplied by (unit conversion), for formulas on the cells */
  factors?: Record<string, number>;
  /** rows of the sheet inside the table that are not data rows (总计, 其中): a formula range must not span them */
  otherRows?: number[];
}

export interface ParamValue {
  value: number | string;
  sheet: string;
  cell: string;
  /** how the value was obtained, e.g. "参数!B3" or "开发区表亩均税收平均值" */
  source: string;
}

export interface Dataset {
  year: number;
  /** where the year came from */
  yearSource: string;
  entityTable: string;
  tables: Record<string, Table>;
  params: Record<string, ParamValue>;
}
