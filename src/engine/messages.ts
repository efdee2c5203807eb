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
  "unknown-level": {
    zh: (p) =>
      `规则 ${p.rule}（${p.clause}，${p.name}）：「${p.column}」填“${p.value}”，不是可识别的认定级别（可填：${p.known}，或 无），按 0 分计，请核实`,
    en: (p) =>
      `rule ${p.rule} (${p.clause}, ${p.name}): "${p.column}" holds "${p.value}", which is not a known level (${p.known}, or 无); counted as 0, please verify`,
  },
  "excluded-unit": {
    zh: (p) => `“${p.name}”按${p.clause}暂不考核（${p.reason}）：不排名、不计分、不发奖励`,
    en: (p) => `"${p.name}" is not evaluated this year under ${p.clause} (${p.reason}): no rank, points or award`,
  },
  "award-vetoed": {
    zh: (p) => `“${p.name}”${p.why}，「${p.column}」填写的专项奖励“${p.value}”不予发放（${p.clause}）`,
    en: (p) =>
      `"${p.name}" ${p.whyEn}; the special award "${p.value}" typed in "${p.column}" is not paid (${p.clause})`,
  },
  "entered-column-missing": {
    zh: (p) =>
      `规则 ${p.rule}（${p.clause}）：按“${p.reading}”应由认定部门给分，但工作簿没有「${p.column}」列；本次对「${p.field}」排序计分（同选项 ${p.option}），请补上该列或改选该读法`,
    en: (p) =>
      `rule ${p.rule} (${p.clause}): under "${p.reading}" the bureau gives the points, but the workbook has no "${p.column}" column; "${p.field}" is ranked instead (as with ${p.option}); add the column or choose that reading`,
  },
  "entered-missing": {
    zh: (p) =>
      `规则 ${p.rule}（${p.clause}，${p.name}）：按“${p.reading}”应由认定部门给分，但「${p.column}」为空，按 0 分计`,
    en: (p) =>
      `rule ${p.rule} (${p.clause}, ${p.name}): under "${p.reading}" the bureau gives the points, but "${p.column}" is empty; counted as 0`,
  },
  // --- the input side of issues 15 and 16: which sheet, what a cell means, plausible magnitudes
  "sheet-chosen": {
    zh: (p) => `「${p.table}」可能在多张工作表中（${p.others}），已选用「${p.sheet}」：${p.reasonZh}`,
    en: (p) => `the ${p.table} table could be on several sheets (${p.others}); using "${p.sheet}": ${p.reasonEn}`,
  },
  "ambiguous-sheet": {
    zh: (p) =>
      `「${p.table}」在「${p.sheet}」和「${p.other}」中都能找到，无法判断哪一张是本次考评的数据，暂用「${p.sheet}」；请在任务窗格的“列映射”中选定工作表（保存在工作簿中），或在命令行用 --mapping 文件指定 tables.${p.id}.sheet`,
    en: (p) =>
      `the ${p.table} table is on both "${p.sheet}" and "${p.other}" and nothing tells which one is this evaluation's; using "${p.sheet}" for now. Choose the sheet in the pane's column mapping (saved in the workbook), or give --mapping with tables.${p.id}.sheet`,
  },
  "hidden-sheet-used": {
    zh: (p) =>
      `「${p.table}」只在${p.state === "veryHidden" ? "深度隐藏" : "隐藏"}的工作表「${p.sheet}」中找到，已使用该表；请确认它是本次考评的数据`,
    en: (p) =>
      `the ${p.table} table was found only on the ${p.state === "veryHidden" ? "very hidden" : "hidden"} sheet "${p.sheet}", which is used; check that it holds this evaluation's data`,
  },
  "date-in-number": {
    zh: (p) =>
      `「${p.column}」应填${p.expected}，但该单元格是日期（${p.value}，Excel 内部存为 ${p.serial}），未使用；请把单元格格式改为“常规”或“数值”并填写正确数值`,
    en: (p) =>
      `"${p.column}" expects ${p.expected}, but the cell is a date (${p.value}, stored by Excel as ${p.serial}) and is not used; format the cell as General or Number and type the value`,
  },
  "percent-format-in-count": {
    zh: (p) =>
      `「${p.column}」是${p.kindZh}，但单元格设为百分比格式（显示为 ${p.shown}），已按存储值 ${p.value} 读取，请核实`,
    en: (p) =>
      `"${p.column}" is ${p.kindEn}, but the cell is formatted as a percentage (shown as ${p.shown}); read as its stored value ${p.value}; please verify`,
  },
  "percent-format-read": {
    zh: (p) => `「${p.column}」的单元格设为百分比格式，存储值 ${p.value} 按 ${p.percent}% 读取`,
    en: (p) => `"${p.column}": the cells are formatted as percentages; the stored ${p.value} is read as ${p.percent} %`,
  },
  "implausible-value": {
    zh: (p) => `「${p.column}」的值 ${p.value} 大得不合常理（绝对值超过 ${p.max}），未使用；请核实单位和位数`,
    en: (p) =>
      `"${p.column}": ${p.value} is implausibly large (beyond ±${p.max}) and is not used; check the unit and the digits`,
  },
  // files that are not .xlsx workbooks, recognised before parsing
  "file-empty": {
    zh: (p) => `${p.file} 是空文件（0 字节），可能复制或下载没有完成；请重新获取该文件`,
    en: (p) => `${p.file} is empty (0 bytes), perhaps an unfinished copy or download; get the file again`,
  },
  "file-encrypted": {
    zh: (p) =>
      `${p.file} 设有打开密码（已加密），无法读取；请在 Excel 中打开，依次选“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存，再试`,
    en: (p) =>
      `${p.file} is password-protected (encrypted) and cannot be read; open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save it, then try again`,
  },
  "file-xls": {
    zh: (p) =>
      `${p.file} 是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再试`,
    en: (p) =>
      `${p.file} is an old Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as an Excel Workbook (.xlsx), then try again`,
  },
  "file-ods": {
    zh: (p) => `${p.file} 是 OpenDocument 电子表格（ODS，LibreOffice 等软件的格式）；请另存为 .xlsx 后再试`,
    en: (p) =>
      `${p.file} is an OpenDocument spreadsheet (.ods, as LibreOffice saves); save it as .xlsx, then try again`,
  },
  "file-xlsb": {
    zh: (p) => `${p.file} 是 Excel 二进制工作簿（.xlsb）；请在 Excel 中另存为 .xlsx 后再试`,
    en: (p) => `${p.file} is an Excel binary workbook (.xlsb); save it as .xlsx in Excel, then try again`,
  },
  "file-zip-truncated": {
    zh: (p) => `${p.file} 不完整（.xlsx 压缩包在中途被截断），可能复制或下载中断；请重新获取该文件`,
    en: (p) =>
      `${p.file} is incomplete (the .xlsx package is truncated), perhaps an interrupted copy or download; get the file again`,
  },
  "file-zip-other": {
    zh: (p) => `${p.file} 是压缩包或其他 Office 文档（如 Word、PowerPoint），不是 Excel 工作簿；请选择 .xlsx 工作簿`,
    en: (p) =>
      `${p.file} is a zip package or another Office document (such as Word or PowerPoint), not an Excel workbook; choose the .xlsx workbook`,
  },
  "file-cfb-other": {
    zh: (p) => `${p.file} 是旧版 Office 文档（如 Word .doc），不是 Excel 工作簿；请选择 .xlsx 工作簿`,
    en: (p) =>
      `${p.file} is an old-format Office document (such as Word .doc), not an Excel workbook; choose the .xlsx workbook`,
  },
  "file-csv": {
    zh: (p) => `${p.file} 是 CSV 文本文件，不是 Excel 工作簿；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再试`,
    en: (p) =>
      `${p.file} is a CSV text file, not an Excel workbook; open it in Excel or WPS and save it as .xlsx, then try again`,
  },
  "file-text": {
    zh: (p) => `${p.file} 是纯文本文件，不是 Excel 工作簿；请选择 .xlsx 工作簿`,
    en: (p) => `${p.file} is a plain text file, not an Excel workbook; choose the .xlsx workbook`,
  },
  "file-html": {
    zh: (p) => `${p.file} 是网页（HTML）文件，只是扩展名像表格；请在 Excel 中打开，另存为 .xlsx 后再试`,
    en: (p) =>
      `${p.file} is a web page (HTML) with a spreadsheet's name; open it in Excel and save it as .xlsx, then try again`,
  },
  "file-xml2003": {
    zh: (p) => `${p.file} 是“XML 电子表格 2003”格式；请在 Excel 中打开，另存为 .xlsx 后再试`,
    en: (p) => `${p.file} is an XML Spreadsheet 2003 file; open it in Excel and save it as .xlsx, then try again`,
  },
  "file-pdf": {
    zh: (p) => `${p.file} 是 PDF 文件，不是 Excel 工作簿；请选择填报用的 .xlsx 工作簿`,
    en: (p) => `${p.file} is a PDF, not an Excel workbook; choose the .xlsx workbook the data was entered in`,
  },
  "file-unknown": {
    zh: (p) => `无法识别 ${p.file}：它不是 Excel 工作簿（.xlsx），也不是其他常见的表格格式；请确认选择了正确的文件`,
    en: (p) =>
      `${p.file} is not a spreadsheet ZoneScore recognises (not an .xlsx workbook, nor another common format); check that it is the right file`,
  },
  "file-xlsx-corrupt": {
    zh: (p) => `${p.file} 看起来是 .xlsx 工作簿，但内容已损坏，无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
    en: (p) =>
      `${p.file} looks like an .xlsx workbook but its content is damaged and cannot be read; open it in Excel or WPS and save it again as .xlsx`,
  },
  // limits: checked before loading, so that a huge or malicious file gets a message instead of exhausting memory
  "limit-file-size": {
    zh: (p) => `${p.file} 有 ${p.size} MB，超过上限 ${p.max} MB；请删去不需要的工作表或内容后再试`,
    en: (p) => `${p.file} is ${p.size} MB, over the limit of ${p.max} MB; remove sheets or content that are not needed`,
  },
  "limit-sheet-size": {
    zh: (p) => `工作表「${p.sheet}」解压后有 ${p.size} MB，超过上限 ${p.max} MB；请删去不需要的内容或拆分工作表`,
    en: (p) =>
      `sheet "${p.sheet}" unpacks to ${p.size} MB, over the limit of ${p.max} MB; remove content or split the sheet`,
  },
  "limit-rows": {
    zh: (p) => `工作表「${p.sheet}」有 ${p.rows} 行，超过上限 ${p.max} 行；请删去多余的行或拆分工作表`,
    en: (p) =>
      `sheet "${p.sheet}" has ${p.rows} rows, over the limit of ${p.max}; remove rows that are not needed or split the sheet`,
  },
  "limit-cells": {
    zh: (p) =>
      `工作簿共有 ${p.cells} 个非空单元格，超过上限 ${p.max} 个（最多的是「${p.sheet}」）；请删去不需要的工作表或内容`,
    en: (p) =>
      `the workbook has ${p.cells} filled cells, over the limit of ${p.max} (most on "${p.sheet}"); remove sheets or content that are not needed`,
  },
  "limit-merges": {
    zh: (p) => `工作表「${p.sheet}」有 ${p.count} 个合并单元格区域，超过上限 ${p.max} 个；请取消不需要的合并`,
    en: (p) =>
      `sheet "${p.sheet}" has ${p.count} merged areas, over the limit of ${p.max}; unmerge the cells that need not be merged`,
  },
  "limit-merged-area": {
    zh: (p) => `工作表「${p.sheet}」的合并区域 ${p.ref} 覆盖 ${p.cells} 个单元格，超过上限 ${p.max} 个；请取消该合并`,
    en: (p) =>
      `sheet "${p.sheet}": the merged area ${p.ref} covers ${p.cells} cells, over the limit of ${p.max}; unmerge it`,
  },
  "limit-used-range": {
    zh: (p) =>
      `工作表「${p.sheet}」的内容一直延伸到 ${p.cell}（${p.rows} 行 × ${p.cols} 列），超过上限 ${p.max} 个单元格；请删除 ${p.cell} 等远处多余的内容`,
    en: (p) =>
      `sheet "${p.sheet}" has content as far as ${p.cell} (${p.rows} rows × ${p.cols} columns), over the limit of ${p.max} cells; delete stray content such as ${p.cell}`,
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
