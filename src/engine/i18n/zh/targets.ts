/**
 * Target tools' texts (Chinese): the filled table (目标分解), the progress sheet (进度跟踪), the project check, the
 * words of a target as printed, and `zonescore targets`.
 */
import type { Entries, Vars } from "../types";

export const targets = {
  // the filled table
  "targets.fill.sheet": "目标分解",
  "targets.fill.indicator": "{name}（{unit}）",
  "targets.fill.amount": "数量（{unit}）",
  "targets.fill.year": "{year}年",
  "targets.fill.label": (p: Vars) => `${p.name}${p.year === "" ? "" : ` ${p.year}年`}`,
  "targets.total": "总计",
  "targets.fill.path.geometric": "等比（年均增速相同）",
  "targets.fill.path.linear": "等差（每年增量相同）",
  "targets.fill.allocate.base": "按基数占比",
  "targets.fill.allocate.growth": "按增量占比",
  "targets.fill.allocate.weights": "按输入权重",
  "targets.fill.note": "黄色单元格为建议值（路径：{path}；总目标分解：{allocate}），其余为原表已填数值，未作改动。",
  "targets.fill.rounding":
    "取整：按表的精度用最大余数法，保证各开发区之和等于总目标；逐年递增、每个开发区的下限均已满足。总计行为 SUM 公式。",
  "targets.fill.cite": "{name}：{cite}",
  "targets.fill.totalCheck": (p: Vars) =>
    `总计核对：${p.label} 原表总计 ${p.printed}${p.cell ? `（${p.cell}）` : ""}，各开发区合计 ${p.sum}。` +
    `建议二选一：总计改为 ${p.setTotal}；或各开发区改为 ${p.members}（按占比补足差额）。`,
  "targets.list": "、",
  // the progress sheet
  "targets.track.sheet": "进度跟踪",
  "targets.track.title": "{title} 进度跟踪（截至{label}）",
  "targets.track.note":
    "时序进度 = 已过月数 ÷ 12。数量类：完成率 = 累计完成 ÷ 年度目标，≥100% 为已完成，≥ 时序进度为超序时进度，否则滞后；" +
    "增长类：增速 = 累计 ÷ 上年同期 − 1，达到目标增速为超序时进度（全年为已完成）。" +
    "“左右”目标按 ±{pct}% 区间下限判断。实绩单元格引用「{sheet}」，修改实绩后本表自动重算。",
  "targets.period": "{label}",
  "targets.col.no": "序号",
  "targets.col.unit": "责任单位",
  "targets.col.indicator": "指标",
  "targets.col.target": "年度目标",
  "targets.col.value": "目标值",
  "targets.col.kind": "类型",
  "targets.col.cumulative": "累计完成",
  "targets.col.lastYear": "上年同期",
  "targets.col.rate": "完成率/增速",
  "targets.col.status": "状态",
  "targets.col.trend": "趋势（较上期）",
  "targets.col.completion": "完成度",
  "targets.col.rank": "完成度排名",
  "targets.col.rankSame": "完成度排名（同指标）",
  "targets.track.timeProgress": "时序进度",
  "targets.track.byStatus": "按状态跟踪",
  "targets.kind.level": "数量",
  "targets.kind.growth": "增长",
  "targets.kind.status": "状态",
  "targets.track.lagging": "滞后清单（{label}，写入时的数据；修改实绩后以上表“状态”列为准）",
  "targets.none": "无",
  "targets.track.byUnit": "按责任单位",
  "targets.col.leads": "牵头目标数",
  "targets.col.coOwns": "协同目标数",
  "targets.col.behindLead": "滞后（牵头）",
  "targets.col.doneLead": "已完成（牵头）",
  "targets.status.done": "已完成",
  "targets.status.ahead": "超序时进度",
  "targets.status.behind": "滞后",
  "targets.status.none": "未报送",
  // the words of a target
  "targets.wording.aspirational": "力争 ",
  "targets.wording.growth": "增长 ",
  "targets.wording.band": "左右（±{pct}%）",
  // the project check
  "targets.projects.sheet": "项目约束核查",
  "targets.projects.project": "项目名称",
  "targets.projects.threshold": (p: Vars) => `${p.name}${p.unit ? `（${p.unit}）` : ""} ≥ ${p.min}`,
  "targets.projects.result": "结论",
  "targets.projects.failing": "未达标项",
  "targets.projects.pass": "达标",
  "targets.projects.fail": "未达标",
  "targets.projects.missing": "{name} 未填",
  "targets.projects.sep": "；",
  // zonescore targets
  "targets.cli.usage":
    "用法：\n" +
    "  zonescore targets schemes\n" +
    "  zonescore targets fill <工作簿.xlsx> --scheme S [--method geometric|linear] [--allocate base|growth|weights]\n" +
    "                         [--weights 单位=权重,… | --weights W.json] [--prior P.json] --out F.xlsx [--json F|-]\n" +
    "                         [--into-table [--fix-totals]]  确认：同时填入原表的空白单元格（不覆盖已有数值）；\n" +
    "                         加 --fix-totals 则把与分项合计不符的总计改为合计\n" +
    "  zonescore targets track <工作簿.xlsx> --scheme S --period 2023-09 --out F.xlsx [--json F|-] [--tolerance 0.05]\n" +
    "  zonescore targets template <方案> --out F.xlsx\n" +
    "  zonescore targets sample <方案> [--kind fill|track] --out F.xlsx\n" +
    "  方案：huaibei-2023, yeji-2023, xuancheng-2023；--lang en 输出英文",
  "targets.cli.unknownSub": "未知的子命令“{sub}”",
  "targets.cli.oneOf": (p: Vars) => `--${p.name} 应为 ${String(p.choices).split(",").join(" / ")}，不是“${p.value}”`,
  "targets.cli.schemeRequired": "需要 --scheme（见 zonescore targets schemes）",
  "targets.cli.noScheme": (p: Vars) => `没有方案“${p.id}”；可用：${String(p.ids).split(",").join("、")}`,
  "targets.cli.needInput": "需要一个输入工作簿",
  "targets.cli.needScheme": "需要一个方案名",
  "targets.cli.needOut": "需要 --out F.xlsx",
  "targets.cli.notNumber": "--{name} 中“{key}”的值不是数字",
  "targets.cli.noFile": "找不到文件：{file}",
  "targets.cli.badJson": "{file}：{why}",
  "targets.cli.weightsNeeded": "--allocate weights 需要 --weights",
  "targets.cli.periodRequired": "需要 --period，例如 2023-09",
  "targets.cli.badPeriod": "--period 应为 2023-09、2023Q3 或 2023-H1，不是“{period}”",
  "targets.cli.badTolerance": "--tolerance 应在 0 到 0.5 之间（0.05 = ±5%）",
  "targets.cli.fill": "分解",
  "targets.cli.track": "跟踪",
  "targets.cli.projects": "+项目核查",
  "targets.cli.totalCheck": (p: Vars) =>
    `总计核对：${p.indicator}${p.year} 总计 ${p.printed}${p.cell ? `（${p.cell}）` : ""} ≠ 合计 ${p.sum}`,
  "targets.cli.wroteFill": "已写入 {out}（建议值 {proposed} 个）",
  "targets.cli.wroteTrack": "{period}：已完成 {done}，超序时进度 {ahead}，滞后 {behind}，未报送 {none}；已写入 {out}",
  "targets.cli.fixNeedsInto": "--fix-totals 只与 --into-table 一起使用（改的是原表的总计单元格）",
  "targets.cli.noTableSheet": "目标表不是从工作表读出的，没有可填的原表",
  "targets.cli.filledTable": "已填入原表「{sheet}」的 {n} 个单元格（已有数值的单元格未改动）",
  "targets.cli.fails": "未达标：{name}：{what}",
} satisfies Entries;
