/** The typed tables that checks and scoring work on: what the reader makes of the user's sheets. Pure data. */

export type FieldValue = number | boolean | string | null;

export interface Row {
  /** absolute 0-based row in its sheet */
  row: number;
  /** display name (key or subject), line breaks removed */
  name: string;
  values: Record<string, FieldValue>;
  /** A1 address of each field's cell */
  cells: Record<string, string>;
  /** for list rows: the index of the entity this row belongs to, or -1 */
  entity: number;
}

export interface Table {
  id: string;
  sheet: string;
  rows: Row[];
  /** field id → header path as found, for explanations */
  headers: Record<string, string>;
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
