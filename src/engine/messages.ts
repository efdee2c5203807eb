/** Issue messages in Chinese and English, by stable code. Pure. */
import type { Lang } from "./types";

type P = Record<string, string | number>;
const M: Record<string, { zh: (p: P) => string; en: (p: P) => string }> = {
  "missing-value": {
    zh: (p) => `「${p.column}」缺少数值，应填写${p.expected}`,
    en: (p) => `"${p.column}" is empty; expected ${p.expected}`,
  },
  "not-a-number": {
    zh: (p) => `「${p.column}」的值“${p.value}”不是数字，应填写${p.expected}`,
    en: (p) => `"${p.column}": "${p.value}" is not a number; expected ${p.expected}`,
  },
  "excel-error": {
    zh: (p) => `「${p.column}」是 Excel 错误值 ${p.value}，请修正公式或填写数值`,
    en: (p) => `"${p.column}" holds the Excel error ${p.value}; fix the formula or type a value`,
  },
  "negative-count": {
    zh: (p) => `「${p.column}」是数量，不能为负数（${p.value}）`,
    en: (p) => `"${p.column}" is a count and cannot be negative (${p.value})`,
  },
  "not-yes-no": {
    zh: (p) => `「${p.column}」的值“${p.value}”无法识别为是/否，可填 是/否、√/×、Y/N、1/0`,
    en: (p) => `"${p.column}": "${p.value}" is not yes/no; use 是/否, √/×, Y/N or 1/0`,
  },
  "missing-name": {
    zh: (p) => `「${p.column}」为空，本行无法识别`,
    en: (p) => `"${p.column}" is empty, so the row cannot be identified`,
  },
  "duplicate-entity": {
    zh: (p) => `开发区“${p.value}”重复出现（首次出现在 ${p.first}）`,
    en: (p) => `zone "${p.value}" appears again (first at ${p.first})`,
  },
  "unknown-entity": {
    zh: (p) => `“${p.value}”不在开发区表中${p.suggest ? `，是否为“${p.suggest}”？` : ""}`,
    en: (p) => `"${p.value}" is not in the zone sheet${p.suggest ? `; did you mean "${p.suggest}"?` : ""}`,
  },
  "uscc-length": {
    zh: (p) => `统一社会信用代码“${p.value}”应为 18 位（现为 ${p.len} 位）`,
    en: (p) => `unified social credit code "${p.value}" should have 18 characters (has ${p.len})`,
  },
  "uscc-alphabet": {
    zh: (p) => `统一社会信用代码“${p.value}”含有不允许的字符（不使用 I、O、S、V、Z）`,
    en: (p) => `unified social credit code "${p.value}" has characters outside GB 32100 (no I, O, S, V, Z)`,
  },
  "uscc-check": {
    zh: (p) => `统一社会信用代码“${p.value}”校验位不符（按 GB 32100-2015 应为 ${p.expected}）`,
    en: (p) => `unified social credit code "${p.value}" fails its check character (GB 32100-2015 gives ${p.expected})`,
  },
  "missing-table": {
    zh: (p) => `找不到「${p.table}」：没有哪张工作表的表头包含“${p.key}”等列`,
    en: (p) => `cannot find the ${p.table} table: no sheet has a header with "${p.key}" and its columns`,
  },
  "missing-column": {
    zh: (p) => `「${p.table}」缺少必填列“${p.column}”${p.year ? `（${p.year}）` : ""}`,
    en: (p) => `the ${p.table} table has no required column "${p.column}"${p.year ? ` (${p.year})` : ""}`,
  },
  "ambiguous-column": {
    zh: (p) => `有两列都可作为“${p.column}”，已使用 ${p.used} 列，忽略 ${p.other} 列`,
    en: (p) => `two columns could be "${p.column}"; using column ${p.used}, ignoring ${p.other}`,
  },
  "unit-mismatch": {
    zh: (p) => `“${p.column}”的单位为 ${p.unit}，无法换算为 ${p.expected}`,
    en: (p) => `"${p.column}" is in ${p.unit}, which cannot be converted to ${p.expected}`,
  },
  "unit-converted": {
    zh: (p) => `“${p.column}”的单位为 ${p.unit}，已按 ×${p.factor} 换算为 ${p.expected}`,
    en: (p) => `"${p.column}" is in ${p.unit}; converted to ${p.expected} (×${p.factor})`,
  },
  "missing-year": {
    zh: () => `没有考评年度：请在「参数」表填写“考评年度”，或在命令行使用 --year`,
    en: () => `no evaluation year: add 考评年度 to the 参数 sheet, or pass --year`,
  },
  "missing-param": {
    zh: (p) => `「参数」缺少“${p.param}”`,
    en: (p) => `the parameter "${p.param}" is missing`,
  },
  "target-missing": {
    zh: (p) => `目标一览表中没有“${p.value}”的${p.column}目标，相关加分无法评定`,
    en: (p) => `the target table has no ${p.column} target for "${p.value}"; the related points cannot be judged`,
  },
  "target-extra": {
    zh: (p) => `目标一览表中的“${p.value}”不在开发区表中`,
    en: (p) => `"${p.value}" in the target table is not in the zone sheet`,
  },
  "total-mismatch": {
    zh: (p) => `${p.label}行的“${p.column}”为 ${p.value}，但各开发区合计为 ${p.sum}（相差 ${p.diff}）`,
    en: (p) =>
      `the ${p.label} row says ${p.value} for "${p.column}", but the zones add up to ${p.sum} (off by ${p.diff})`,
  },
  "cannot-evaluate": {
    zh: (p) => `${p.rule}：${p.reason}，无法评定`,
    en: (p) => `${p.rule}: ${p.reason}; cannot be judged`,
  },
  "bad-mapping": {
    zh: (p) => `映射中「${p.table}」的“${p.column}”列“${p.value}”不是列字母（如 C）`,
    en: (p) => `the mapping gives "${p.value}" for ${p.table}.${p.column}, which is not a column letter (e.g. C)`,
  },
  "unmapped-column": {
    zh: (p) => `「${p.table}」的列“${p.column}”未对应任何指标，未使用`,
    en: (p) => `column "${p.column}" of ${p.table} matches no indicator and is not used`,
  },
  "unit-in-cell": {
    zh: (p) => `「${p.column}」单元格中写的单位 ${p.unit} 无法换算为 ${p.expected}`,
    en: (p) => `"${p.column}": the unit ${p.unit} typed in the cell cannot be converted to ${p.expected}`,
  },
  "percent-as-fraction": {
    zh: (p) =>
      `「${p.column}」的数值都在 −1 到 1 之间，判断为小数形式的百分比（0.12 = 12%），已乘以 100；如不对请在表头或单元格中写明`,
    en: (p) =>
      `"${p.column}" holds only values between −1 and 1, read as fractions (0.12 = 12 %) and multiplied by 100; say so in the header or cells if wrong`,
  },
  "negative-area": {
    zh: (p) => `「${p.column}」是面积，不能为负数（${p.value}）`,
    en: (p) => `"${p.column}" is an area and cannot be negative (${p.value})`,
  },
  "negative-amount": {
    zh: (p) => `「${p.column}」是总量，不能为负数（${p.value}）`,
    en: (p) => `"${p.column}" is a total and cannot be negative (${p.value})`,
  },
  "name-variant": {
    zh: (p) => `“${p.value}”与开发区表中的“${p.name}”只差空格、全半角或括号，已视为同一开发区`,
    en: (p) =>
      `"${p.value}" differs from "${p.name}" in the zone sheet only in spaces, width or brackets; taken as the same zone`,
  },
  "share-out-of-range": {
    zh: (p) => `「${p.column}」是比重，应在 0–100% 之间（${p.value}）`,
    en: (p) => `"${p.column}" is a share and should be within 0–100 % (${p.value})`,
  },
  "scale-outlier": {
    zh: (p) =>
      `「${p.column}」的 ${p.value} 是本列中位数的 ${p.ratio} 倍，疑似单位填错（如把万元填入${p.unit || "本"}列），是否应为 ÷10000？`,
    en: (p) =>
      `"${p.column}": ${p.value} is ${p.ratio}× the column's median; a unit slip (万元 typed into ${p.unit || "this"} column)? Divide by 10,000?`,
  },
  "scale-outlier-small": {
    zh: (p) => `「${p.column}」的 ${p.value} 只有本列中位数的 1/${p.ratio}，疑似单位填错，是否应为 ×10000？`,
    en: (p) => `"${p.column}": ${p.value} is 1/${p.ratio} of the column's median; a unit slip? Multiply by 10,000?`,
  },
  "low-coverage": {
    zh: (p) => `「${p.column}」只有 ${p.pct}% 的单位有数据（低于 ${p.min}%）`,
    en: (p) => `"${p.column}" has data for only ${p.pct} % of the units (below ${p.min} %)`,
  },
  "constant-column": {
    zh: (p) => `「${p.column}」所有单位的值都是 ${p.value}，无法区分`,
    en: (p) => `"${p.column}" is ${p.value} for every unit and cannot tell them apart`,
  },
  outlier: {
    zh: (p) =>
      `「${p.column}」的 ${p.value} 是异常值：本列偏度 ${p.skew}、峰度 ${p.kurt}（|偏度| ≥ 2 且峰度 ≥ 3.5），请核实`,
    en: (p) =>
      `"${p.column}": ${p.value} is an outlier (skewness ${p.skew}, kurtosis ${p.kurt}; |skew| ≥ 2 and kurtosis ≥ 3.5); please verify`,
  },
  "yoy-jump": {
    zh: (p) =>
      `「${p.column}」本年 ${p.value}、上年 ${p.prev}，变化 ${p.pct}%，超出合理范围（${p.min}% 至 +${p.max}%），请核实`,
    en: (p) =>
      `"${p.column}": ${p.value} this year against ${p.prev} last year is ${p.pct} %, outside ${p.min} % to +${p.max} %; please verify`,
  },
  "series-not-rising": {
    zh: (p) => `「${p.column}」目标 ${p.value} 未高于 ${p.prevYear} 年的 ${p.prev}，目标应逐年提高`,
    en: (p) =>
      `"${p.column}": the target ${p.value} is not above ${p.prevYear}'s ${p.prev}; targets should rise year on year`,
  },
  "uscc-duplicate": {
    zh: (p) => `统一社会信用代码“${p.value}”重复（首次出现在 ${p.first}）`,
    en: (p) => `unified social credit code "${p.value}" appears again (first at ${p.first})`,
  },
  "uscc-org-check": {
    zh: (p) => `统一社会信用代码“${p.value}”中的组织机构代码校验位不符（按 GB 11714 应为 ${p.expected}）`,
    en: (p) => `the organisation code inside "${p.value}" fails its check character (GB 11714 gives ${p.expected})`,
  },
  // target tables (分解目标, 进度跟踪)
  "total-off-grid": {
    zh: (p) => `${p.label}：总目标 ${p.total} 不是表格精度（${p.decimals} 位小数）上的数，无法精确分解`,
    en: (p) => `${p.label}: the total ${p.total} is not on the table's precision (${p.decimals} decimals)`,
  },
  "floor-above-cap": {
    zh: (p) => `${p.label}：${p.unit} 的下限 ${p.floor} 高于上限 ${p.cap}（逐年递增要求与已填数值矛盾）`,
    en: (p) =>
      `${p.label}: ${p.unit}'s floor ${p.floor} is above its cap ${p.cap} (a rising series against a filled value)`,
  },
  "filled-differ-total": {
    zh: (p) => `${p.label}：各单位均已填写，合计 ${p.sum}，与总目标 ${p.total} 不符`,
    en: (p) => `${p.label}: every unit is filled and they add up to ${p.sum}, not the total ${p.total}`,
  },
  "floors-exceed-total": {
    zh: (p) =>
      `${p.label}：无法分解——各单位下限（${p.floors}）合计 ${p.sum}，超过可分配的 ${p.remaining}（总目标 ${p.total}，已填 ${p.filled}）。请提高总目标或降低下限`,
    en: (p) =>
      `${p.label}: infeasible — the floors (${p.floors}) add up to ${p.sum}, above the ${p.remaining} left to allocate (total ${p.total}, filled ${p.filled}); raise the total or lower the floors`,
  },
  "caps-below-total": {
    zh: (p) =>
      `${p.label}：无法分解——各单位上限（${p.caps}）合计 ${p.sum}，低于需分配的 ${p.remaining}（总目标 ${p.total}）`,
    en: (p) =>
      `${p.label}: infeasible — the caps (${p.caps}) add up to ${p.sum}, below the ${p.remaining} to allocate (total ${p.total})`,
  },
  "cannot-round": {
    zh: (p) => `${p.label}：在上下限内无法按表格精度凑足总目标 ${p.total}`,
    en: (p) => `${p.label}: the total ${p.total} cannot be reached on the table's precision within the bounds`,
  },
  "base-missing": {
    zh: (p) => `${p.label} 是基数（实绩），以下单位未填写：${p.units}`,
    en: (p) => `${p.label} is the base (actuals); these units have none: ${p.units}`,
  },
  "weights-missing": {
    zh: (p) => `${p.label}：按权重分解需要每个单位的权重（非负数），缺少：${p.units}`,
    en: (p) => `${p.label}: allocating by weights needs a weight ≥ 0 for every unit; missing: ${p.units}`,
  },
  "prior-missing": {
    zh: (p) => `按增量占比分解需要 ${p.label} 的数值（上一期实绩），缺少：${p.units}`,
    en: (p) => `allocating by share of growth needs ${p.label} (the year before the base); missing: ${p.units}`,
  },
  "no-base": {
    zh: (p) => `${p.label}：表中没有基年列，无法推算逐年目标`,
    en: (p) => `${p.label}: the table has no base-year column to start the series from`,
  },
  "no-total": {
    zh: (p) => `${p.label}：没有总目标（总计行为空，方案也未规定）`,
    en: (p) => `${p.label}: no total (the 总计 row is empty and the scheme states none)`,
  },
  "no-table": {
    zh: (p) => `方案 ${p.scheme} 没有需要分解的目标表`,
    en: (p) => `scheme ${p.scheme} has no target table to fill`,
  },
  "table-not-found": {
    zh: (p) => `找不到「${p.title}」：没有哪张工作表的表头包含“${p.header}”及其指标列`,
    en: (p) => `cannot find "${p.title}": no sheet has a header with "${p.header}" and its indicator columns`,
  },
  "actuals-not-found": {
    zh: () => `找不到实绩表：需要一张表头含“指标”、并按期间（如“2023年1-9月”）列出“累计完成”“上年同期”的工作表`,
    en: () =>
      `cannot find the actuals: a sheet with an 指标 column and, per period (e.g. 2023年1-9月), 累计完成 and 上年同期`,
  },
  "no-targets": {
    zh: (p) => `方案 ${p.scheme} 在 ${p.year} 年没有可跟踪的目标`,
    en: (p) => `scheme ${p.scheme} has no targets to track in ${p.year}`,
  },
  "no-entities": {
    zh: () => `开发区表没有数据行`,
    en: () => `the zone sheet has no data rows`,
  },
};

export function message(lang: Lang, code: string, p: P = {}): string {
  const m = M[code];
  if (!m) return code;
  return m[lang](p);
}

export const EXPECTED = {
  number: { zh: "数字", en: "a number" },
  count: { zh: "非负整数", en: "a whole number ≥ 0" },
  bool: { zh: "是/否", en: "yes/no" },
  text: { zh: "文字", en: "text" },
  code: { zh: "代码", en: "a code" },
} as const;
