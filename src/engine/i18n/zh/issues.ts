/** Issue messages (Chinese), by stable issue code. */
import type { Entries, Vars } from "../types";

export const issues = {
  "missing-value": (p: Vars) => `「${p.column}」缺少数值，应填写${p.expected}`,
  "not-a-number": (p: Vars) => `「${p.column}」的值“${p.value}”不是数字，应填写${p.expected}`,
  "excel-error": (p: Vars) => `「${p.column}」是 Excel 错误值 ${p.value}，请修正公式或填写数值`,
  "negative-count": (p: Vars) => `「${p.column}」是数量，不能为负数（${p.value}）`,
  "not-yes-no": (p: Vars) => `「${p.column}」的值“${p.value}”无法识别为是/否，可填 是/否、√/×、Y/N、1/0`,
  "missing-name": (p: Vars) => `「${p.column}」为空，本行无法识别`,
  "duplicate-entity": (p: Vars) => `开发区“${p.value}”重复出现（首次出现在 ${p.first}）`,
  "unknown-entity": (p: Vars) => `“${p.value}”不在开发区表中${p.suggest ? `，是否为“${p.suggest}”？` : ""}`,
  "uscc-length": (p: Vars) => `统一社会信用代码“${p.value}”应为 18 位（现为 ${p.len} 位）`,
  "uscc-alphabet": (p: Vars) => `统一社会信用代码“${p.value}”含有不允许的字符（不使用 I、O、S、V、Z）`,
  "uscc-check": (p: Vars) => `统一社会信用代码“${p.value}”校验位不符（按 GB 32100-2015 应为 ${p.expected}）`,
  "missing-table": (p: Vars) => `找不到「${p.table}」：没有哪张工作表的表头包含“${p.key}”等列`,
  "missing-column": (p: Vars) => `「${p.table}」缺少必填列“${p.column}”${p.year ? `（${p.year}）` : ""}`,
  "ambiguous-column": (p: Vars) => `有两列都可作为“${p.column}”，已使用 ${p.used} 列，忽略 ${p.other} 列`,
  "unit-mismatch": (p: Vars) => `“${p.column}”的单位为 ${p.unit}，无法换算为 ${p.expected}`,
  "unit-converted": (p: Vars) => `“${p.column}”的单位为 ${p.unit}，已按 ×${p.factor} 换算为 ${p.expected}`,
  "missing-year": (p: Vars) => `没有考评年度：请在「${p.sheet}」表填写“${p.param}”，或在命令行使用 --year`,
  "missing-param": (p: Vars) => `「参数」缺少“${p.param}”`,
  "target-missing": (p: Vars) => `目标一览表中没有“${p.value}”的${p.column}目标，相关加分无法评定`,
  "target-extra": (p: Vars) => `目标一览表中的“${p.value}”不在开发区表中`,
  "total-mismatch": (p: Vars) =>
    `${p.label}行的“${p.column}”为 ${p.value}，但各开发区合计为 ${p.sum}（相差 ${p.diff}）`,
  "cannot-evaluate": (p: Vars) => `${p.rule}：${p.reason}，无法评定`,
  "bad-mapping": (p: Vars) => `映射中「${p.table}」的“${p.column}”列“${p.value}”不是列字母（如 C）`,
  "unmapped-column": (p: Vars) => `「${p.table}」的列“${p.column}”未对应任何指标，未使用`,
  "unit-in-cell": (p: Vars) => `「${p.column}」单元格中写的单位 ${p.unit} 无法换算为 ${p.expected}`,
  "percent-as-fraction": (p: Vars) =>
    `「${p.column}」的数值都在 −1 到 1 之间，判断为小数形式的百分比（0.12 = 12%），已乘以 100；如不对请在表头或单元格中写明`,
  "negative-area": (p: Vars) => `「${p.column}」是面积，不能为负数（${p.value}）`,
  "negative-amount": (p: Vars) => `「${p.column}」是总量，不能为负数（${p.value}）`,
  "name-variant": (p: Vars) => `“${p.value}”与开发区表中的“${p.name}”只差空格、全半角或括号，已视为同一开发区`,
  "share-out-of-range": (p: Vars) => `「${p.column}」是比重，应在 0–100% 之间（${p.value}）`,
  "scale-outlier": (p: Vars) =>
    `「${p.column}」的 ${p.value} 是本列中位数的 ${p.ratio} 倍，疑似单位填错（如把${p.big}填入${p.unit || "本"}列），是否应为 ÷10000？`,
  "scale-outlier-small": (p: Vars) =>
    `「${p.column}」的 ${p.value} 只有本列中位数的 1/${p.ratio}，疑似单位填错，是否应为 ×10000？`,
  "low-coverage": (p: Vars) => `「${p.column}」只有 ${p.pct}% 的单位有数据（低于 ${p.min}%）`,
  "constant-column": (p: Vars) => `「${p.column}」所有单位的值都是 ${p.value}，无法区分`,
  outlier: (p: Vars) =>
    `「${p.column}」的 ${p.value} 是异常值：本列偏度 ${p.skew}、峰度 ${p.kurt}（|偏度| ≥ 2 且峰度 ≥ 3.5），请核实`,
  "yoy-jump": (p: Vars) =>
    `「${p.column}」本年 ${p.value}、上年 ${p.prev}，变化 ${p.pct}%，超出合理范围（${p.min}% 至 +${p.max}%），请核实`,
  "series-not-rising": (p: Vars) =>
    `「${p.column}」目标 ${p.value} 未高于 ${p.prevYear} 年的 ${p.prev}，目标应逐年提高`,
  "uscc-duplicate": (p: Vars) => `统一社会信用代码“${p.value}”重复（首次出现在 ${p.first}）`,
  "uscc-org-check": (p: Vars) =>
    `统一社会信用代码“${p.value}”中的组织机构代码校验位不符（按 GB 11714 应为 ${p.expected}）`,
  "total-off-grid": (p: Vars) =>
    `${p.label}：总目标 ${p.total} 不是表格精度（${p.decimals} 位小数）上的数，无法精确分解`,
  "floor-above-cap": (p: Vars) =>
    `${p.label}：${p.unit} 的下限 ${p.floor} 高于上限 ${p.cap}（逐年递增要求与已填数值矛盾）`,
  "filled-differ-total": (p: Vars) => `${p.label}：各单位均已填写，合计 ${p.sum}，与总目标 ${p.total} 不符`,
  "floors-exceed-total": (p: Vars) =>
    `${p.label}：无法分解——各单位下限（${p.floors}）合计 ${p.sum}，超过可分配的 ${p.remaining}（总目标 ${p.total}，已填 ${p.filled}）。请提高总目标或降低下限`,
  "caps-below-total": (p: Vars) =>
    `${p.label}：无法分解——各单位上限（${p.caps}）合计 ${p.sum}，低于需分配的 ${p.remaining}（总目标 ${p.total}）`,
  "cannot-round": (p: Vars) => `${p.label}：在上下限内无法按表格精度凑足总目标 ${p.total}`,
  "base-missing": (p: Vars) => `${p.label} 是基数（实绩），以下单位未填写：${p.units}`,
  "weights-missing": (p: Vars) => `${p.label}：按权重分解需要每个单位的权重（非负数），缺少：${p.units}`,
  "prior-missing": (p: Vars) => `按增量占比分解需要 ${p.label} 的数值（上一期实绩），缺少：${p.units}`,
  "no-base": (p: Vars) => `${p.label}：表中没有基年列，无法推算逐年目标`,
  "no-total": (p: Vars) => `${p.label}：没有总目标（总计行为空，方案也未规定）`,
  "no-table": (p: Vars) => `方案 ${p.scheme} 没有需要分解的目标表`,
  "table-not-found": (p: Vars) => `找不到「${p.title}」：没有哪张工作表的表头包含“${p.header}”及其指标列`,
  "actuals-not-found": (p: Vars) =>
    `找不到实绩表：需要一张表头含“${p.indicator}”、并按期间（如“${p.period}”）列出“${p.done}”“${p.lastYear}”的工作表`,
  "no-targets": (p: Vars) => `方案 ${p.scheme} 在 ${p.year} 年没有可跟踪的目标`,
  "unknown-level": (p: Vars) =>
    `规则 ${p.rule}（${p.clause}，${p.name}）：「${p.column}」填“${p.value}”，不是可识别的认定级别（可填：${p.known}，或 ${p.none}），按 0 分计，请核实`,
  "excluded-unit": (p: Vars) => `“${p.name}”按${p.clause}暂不考核（${p.reason}）：不排名、不计分、不发奖励`,
  "award-vetoed": (p: Vars) => `“${p.name}”${p.why}，「${p.column}」填写的专项奖励“${p.value}”不予发放（${p.clause}）`,
  "entered-column-missing": (p: Vars) =>
    `规则 ${p.rule}（${p.clause}）：按“${p.reading}”应由认定部门给分，但工作簿没有「${p.column}」列；` +
    `本次对「${p.field}」排序计分（同选项 ${p.option}），请补上该列或改选该读法`,
  "entered-missing": (p: Vars) =>
    `规则 ${p.rule}（${p.clause}，${p.name}）：按“${p.reading}”应由认定部门给分，但「${p.column}」为空，按 0 分计`,
  "sheet-chosen": (p: Vars) => `「${p.table}」可能在多张工作表中（${p.others}），已选用「${p.sheet}」：${p.reason}`,
  "ambiguous-sheet": (p: Vars) =>
    `「${p.table}」在「${p.sheet}」和「${p.other}」中都能找到，无法判断哪一张是本次考评的数据，暂用「${p.sheet}」；请在任务窗格的“列映射”中选定工作表（保存在工作簿中），` +
    `或在命令行用 --mapping 文件指定 tables.${p.id}.sheet`,
  "hidden-sheet-used": (p: Vars) =>
    `「${p.table}」只在${p.state === "veryHidden" ? "深度隐藏" : "隐藏"}的工作表「${p.sheet}」中找到，已使用该表；请确认它是本次考评的数据`,
  "date-in-number": (p: Vars) =>
    `「${p.column}」应填${p.expected}，但该单元格是日期（${p.value}，Excel 内部存为 ${p.serial}），未使用；请把单元格格式改为“常规”或“数值”并填写正确数值`,
  "percent-format-in-count": (p: Vars) =>
    `「${p.column}」是${p.kind}，但单元格设为百分比格式（显示为 ${p.shown}），已按存储值 ${p.value} 读取，请核实`,
  "percent-format-read": (p: Vars) => `「${p.column}」的单元格设为百分比格式，存储值 ${p.value} 按 ${p.percent}% 读取`,
  "implausible-value": (p: Vars) =>
    `「${p.column}」的值 ${p.value} 大得不合常理（绝对值超过 ${p.max}），未使用；请核实单位和位数`,
  "file-empty": (p: Vars) => `${p.file} 是空文件（0 字节），可能复制或下载没有完成；请重新获取该文件`,
  "file-encrypted": (p: Vars) =>
    `${p.file} 设有打开密码（已加密），无法读取；请在 Excel 中打开，依次选“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存，再试`,
  "file-xls": (p: Vars) =>
    `${p.file} 是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再试`,
  "file-ods": (p: Vars) => `${p.file} 是 OpenDocument 电子表格（ODS，LibreOffice 等软件的格式）；请另存为 .xlsx 后再试`,
  "file-xlsb": (p: Vars) => `${p.file} 是 Excel 二进制工作簿（.xlsb）；请在 Excel 中另存为 .xlsx 后再试`,
  "file-zip-truncated": (p: Vars) =>
    `${p.file} 不完整（.xlsx 压缩包在中途被截断），可能复制或下载中断；请重新获取该文件`,
  "file-zip-other": (p: Vars) =>
    `${p.file} 是压缩包或其他 Office 文档（如 Word、PowerPoint），不是 Excel 工作簿；请选择 .xlsx 工作簿`,
  "file-cfb-other": (p: Vars) => `${p.file} 是旧版 Office 文档（如 Word .doc），不是 Excel 工作簿；请选择 .xlsx 工作簿`,
  "file-csv": (p: Vars) =>
    `${p.file} 是 CSV 文本文件，不是 Excel 工作簿；请在 Excel 或 WPS 中打开，另存为 .xlsx 后再试`,
  "file-text": (p: Vars) => `${p.file} 是纯文本文件，不是 Excel 工作簿；请选择 .xlsx 工作簿`,
  "file-html": (p: Vars) => `${p.file} 是网页（HTML）文件，只是扩展名像表格；请在 Excel 中打开，另存为 .xlsx 后再试`,
  "file-xml2003": (p: Vars) => `${p.file} 是“XML 电子表格 2003”格式；请在 Excel 中打开，另存为 .xlsx 后再试`,
  "file-pdf": (p: Vars) => `${p.file} 是 PDF 文件，不是 Excel 工作簿；请选择填报用的 .xlsx 工作簿`,
  "file-unknown": (p: Vars) =>
    `无法识别 ${p.file}：它不是 Excel 工作簿（.xlsx），也不是其他常见的表格格式；请确认选择了正确的文件`,
  "file-xlsx-corrupt": (p: Vars) =>
    `${p.file} 看起来是 .xlsx 工作簿，但内容已损坏，无法读取；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`,
  "limit-file-size": (p: Vars) => `${p.file} 有 ${p.size} MB，超过上限 ${p.max} MB；请删去不需要的工作表或内容后再试`,
  "limit-sheet-size": (p: Vars) =>
    `工作表「${p.sheet}」解压后有 ${p.size} MB，超过上限 ${p.max} MB；请删去不需要的内容或拆分工作表`,
  "limit-rows": (p: Vars) => `工作表「${p.sheet}」有 ${p.rows} 行，超过上限 ${p.max} 行；请删去多余的行或拆分工作表`,
  "limit-cells": (p: Vars) =>
    `工作簿共有 ${p.cells} 个非空单元格，超过上限 ${p.max} 个（最多的是「${p.sheet}」）；请删去不需要的工作表或内容`,
  "limit-merges": (p: Vars) =>
    `工作表「${p.sheet}」有 ${p.count} 个合并单元格区域，超过上限 ${p.max} 个；请取消不需要的合并`,
  "limit-merged-area": (p: Vars) =>
    `工作表「${p.sheet}」的合并区域 ${p.ref} 覆盖 ${p.cells} 个单元格，超过上限 ${p.max} 个；请取消该合并`,
  "limit-used-range": (p: Vars) =>
    `工作表「${p.sheet}」的内容一直延伸到 ${p.cell}（${p.rows} 行 × ${p.cols} 列），超过上限 ${p.max} 个单元格；请删除 ${p.cell} 等远处多余的内容`,
  "no-entities": () => `开发区表没有数据行`,
  "expected.number": "数字",
  "expected.count": "非负整数",
  "expected.bool": "是/否",
  "expected.text": "文字",
  "expected.code": "代码",
} satisfies Entries;
