/** The workbook adapters' texts (Chinese): why a package cannot take the result sheets, what Excel left out. */
import type { Entries } from "../types";

export const workbook = {
  "workbook.noPart": "文件缺少部件 {name}",
  "workbook.noWorkbookPart": "找不到工作簿部件",
  "workbook.stylesForm": "styles.xml 的结构无法识别",
  "workbook.stylesNoXfs": "styles.xml 的结构无法识别（缺少 cellXfs）",
  "workbook.workbookForm": "workbook.xml 的结构无法识别",
  "workbook.prefixed": "workbook.xml 使用了不常见的写法（带前缀的元素）",
  "workbook.strict":
    "工作簿以“Strict Open XML”格式保存，结果表无法按同一格式加入（可在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试）",
  "workbook.noStyles": "工作簿没有样式部件 styles.xml",
  "workbook.noSheets": "workbook.xml 没有工作表列表",
  "workbook.noCell": "工作表「{sheet}」的单元格 {cell} 没有可替换的值，未修改",
  "workbook.cellFormula": "工作表「{sheet}」的单元格 {cell} 是公式，未修改（请改它引用的单元格）",
  "workbook.refused": "无法在不改动原工作簿其他内容的前提下加入结果表：{reason}。未生成文件。",
  "workbook.notice.noNotes":
    "此版本的 Excel 不支持单元格批注（需要 ExcelApi 1.18）：{n} 个得分单元格的依据见「加分明细」表。",
  "workbook.notice.notesCap": "批注已达每个工作簿 {cap} 条的上限：其余 {n} 个得分单元格的依据见「加分明细」表。",
  "workbook.notice.noPage": "此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9）：打印方向、纸张和标题行未设置。",
  "workbook.moreNotes": "另有 {n} 个得分单元格未加批注（每个工作簿最多 {cap} 条），其得分依据见「加分明细」表。",
} satisfies Entries;
