/** The command line's texts (Chinese): usage errors, file-system errors, progress lines, the ranking table, help. */
import type { Entries, Vars } from "../types";

/**
 * The option lines both helps share word for word (the Chinese help is bilingual: it describes options in English).
 */
export const HELP_OPTIONS = [
  "  --out F      output workbook (default: <in>.zonescore.xlsx beside the input; the input is never modified)",
  '  --json F     also write the issues and results as JSON ("-" for standard output)',
  "  --mapping M  which sheet is which table and which column is which indicator, plus name aliases (JSON);",
  "               without it, the mapping saved in the workbook by the pane is used",
  "  --save-mapping M   (check) write the mapping the reader used, to edit and give back with --mapping",
  "  --force      score even when the data has errors",
  "  --values     write the result sheets as values (an archive snapshot) instead of live formulas",
  "  --separate   write the result sheets (as values) into a new workbook instead of a copy of the input",
  "  --detail-limit N   (score) above N units the detail sheet is one row per unit (default 2000)",
  "  --option K=V a reading where the policy is ambiguous, e.g. --option rankReading=rank-linear",
  "               (zonescore schemes lists each scheme's options; the one in force is written in the results)",
  "  --progress   (check, score) progress lines on standard error even when it is not a terminal",
  "               (on a terminal they are shown for runs over 2 s)",
  "  --lang en    English messages (default: Chinese)",
  "",
  "exit codes: 0 success (warnings allowed) · 1 the data has errors · 2 usage error",
  "",
].join("\n");

export const cli = {
  "cli.help":
    "zonescore — 开发区考评助手 (ZoneScore) command line\n\n" +
    "用法 / usage:\n" +
    "  zonescore schemes                                   列出内置方案 / list built-in schemes\n" +
    "  zonescore template <scheme> --out F.xlsx            空白输入表 / write an empty input workbook\n" +
    "  zonescore sample <scheme> --out F.xlsx              示例输入表 / write the built-in sample workbook\n" +
    "  zonescore scheme export <scheme> --out F [--format json|xlsx]\n" +
    "                                                      方案导出为 JSON 或可编辑的规则表 / export a scheme\n" +
    "  zonescore check <in.xlsx> --scheme S [--year Y] [--json F] [--mapping M.json] [--save-mapping M.json]\n" +
    "                                                      校验 / check the indicator sheets\n" +
    "  zonescore score <in.xlsx> --scheme S [--year Y] [--out F.xlsx] [--json F] [--force]\n" +
    "                                                      评分 / score; " +
    "writes a copy of the workbook with result sheets\n" +
    '  zonescore whatif <in.xlsx> --scheme S --set "单位/字段=值" [--gap 单位] …     推演 / what-if (see zonescore whatif)\n' +
    "  zonescore sensitivity <in.xlsx> --scheme S [--samples N] …              敏感性分析 / sensitivity\n\n" +
    "options:\n" +
    "  --scheme S   built-in id (see `zonescore schemes`), a scheme .json file, or an .xlsx with the rules sheets\n" +
    "  --year Y     evaluation year (overrides 参数!考评年度)\n" +
    HELP_OPTIONS,
  "cli.seeHelp": "用法见 `zonescore --help`",
  "cli.notTaken": "「{cmd}」不接受 {opt} 选项",
  "cli.unknownOption": (p: Vars) => `未知选项 ${p.opt}${p.suggest ? `，是否要用 --${p.suggest}？` : ""}`,
  "cli.needsValue": "{opt} 需要一个值",
  "cli.givenTwice": "{opt} 只能给一次",
  "cli.takesNoValue": "{opt} 不带值",
  "cli.extraArgument": "「{cmd}」多了参数：{args}",
  "cli.missingArgument": "「{cmd}」缺少参数",
  "cli.unknownCommand": (p: Vars) => `未知命令“${p.cmd}”${p.suggest ? `，是否要用 ${p.suggest}？` : ""}`,
  "cli.badLang": "--lang 只能是 zh 或 en",
  "cli.needScheme": "需要 --scheme（见 `zonescore schemes`）",
  "cli.badJson": "{file} 不是有效的 JSON：{why}",
  "cli.unknownScheme": "未知方案“{id}”；内置方案：{ids}；或给出方案 .json / .xlsx 文件",
  "cli.unknownSchemeOption": "未知的 --option “{part}”；{scheme} 可选：{has}",
  "cli.listSep": "、",
  "cli.noChoice": "选项 {option} 没有“{choice}”；可选：{choices}",
  "cli.badYear": "--year 应为年份，如 2023，而不是“{value}”",
  "cli.badDetailLimit": "--detail-limit 应为不小于 0 的整数（单位个数），而不是“{value}”",
  "cli.needInput": "需要一个输入的 .xlsx 文件",
  "cli.cannotGraft":
    "无法在不改动原工作簿其他内容的前提下加入结果表：{reason}。未写入任何文件。" +
    "可加 --separate，把结果（数值）写入一个新的工作簿。",
  "cli.staleTemp": "提示：{file} 是以前中断的写入留下的临时文件，未被使用，可以删除",
  "cli.issueLine": (p: Vars) =>
    `${p.severity} [${p.code}] ${p.where ? p.where + " " : ""}${p.message}${p.fix ? `（建议：${p.fix}）` : ""}`,
  "cli.col.rank": "名次",
  "cli.col.name": "名称",
  "cli.col.score": "得分",
  "cli.col.bonusGrouped": "附加分",
  "cli.col.bonus": "加分",
  "cli.col.base": "基础分",
  "cli.col.total": "总分",
  "cli.col.grade": "等级",
  "cli.vetoed": "不予评价：{reason}",
  "cli.needOut": "需要 --out F.xlsx",
  "cli.noSample": "{id} 没有内置示例",
  "cli.checked": "校验完成：{errors} 个错误，{warnings} 个警告",
  "cli.notScored": "数据有 {errors} 个错误，未评分（修正后重试，或用 --force）",
  "cli.wrote": "已写入 {file}（{errors} 个错误，{warnings} 个警告）",
  "cli.exportUsage": "用法：zonescore scheme export <方案> --out F [--format json|xlsx]",
  "cli.needOutFile": "需要 --out F",
  "cli.badFormat": "--format 只能是 json 或 xlsx，而不是 {format}",
  "cli.fs.isFolder": "{file} 是一个文件夹，不是文件",
  "cli.fs.notDir": "{file} 的上级路径中有一项是文件而不是文件夹",
  "cli.fs.noFolder": "无法写入 {file}：文件夹不存在",
  "cli.fs.noFile": "找不到文件 {file}",
  "cli.fs.noPermission.read": "没有权限读取 {file}；请换一个位置或检查权限",
  "cli.fs.noPermission.write": "没有权限写入 {file}；请换一个位置或检查权限",
  "cli.fs.readOnly": "无法写入 {file}：所在磁盘是只读的",
  "cli.fs.full": "无法写入 {file}：磁盘空间不足",
  "cli.fs.busy": "{file} 正被其他程序占用（是否在 Excel 中打开着？），请关闭后再试",
  "cli.fs.tooLong": "文件名太长：{file}",
  "cli.fs.other.read": "无法读取 {file}（{why}）",
  "cli.fs.other.write": "无法写入 {file}（{why}）",
  "cli.fs.isInput": (p: Vars) =>
    `${p.opt} ${p.file} 指向输入文件${p.input ? `（${p.input}）` : ""} ${p.hit}，ZoneScore 从不覆盖输入；请换一个文件名`,
  "cli.fs.sameOutput": "{a} 和 {b} 指向同一个文件 {file}；请给出不同的文件名",
  "cli.kind.score": "评分",
  "cli.kind.targets": "目标（{what}；见 zonescore targets）",
  "cli.progress.line": "[{seconds} 秒] {stage}…",
  "cli.progress.done": "[{seconds} 秒] 完成",
  "cli.progress.reading": "读取工作簿",
  "cli.progress.checking": "校验数据",
  "cli.progress.scoring": "校验数据并评分",
  "cli.progress.planning": "生成结果表",
  "cli.progress.writing": "写入 {file}",
  "cli.progress.rows": "写入「{sheet}」第 {done} 行，共 {total} 行",
  "cli.progress.json": "写出 JSON",
} satisfies Entries;
