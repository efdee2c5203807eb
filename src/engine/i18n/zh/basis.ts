/**
 * Explanation sentences (basis) of the rule kinds, their warnings and the rules-sheet help (Chinese). Values come
 * formatted; scheme words (labels, units, clauses) come through schemeWord. The Chinese is byte for byte what the
 * results said before the catalogue (tests assert it).
 */
import type { Entries, Vars } from "../types";

export const basis = {
  // shared pieces
  "basis.blank": "（空）",
  "basis.yes": "是",
  "basis.no": "否",
  "basis.sep": "；",
  "basis.comma": "，",
  "basis.and": "且",
  "basis.notFilled": "未填",
  "basis.missing": "{label}缺少数据 → 0",
  "basis.ruleRow": "{rule}（{name}）：{text}",
  // conditions
  "basis.cond.noParam": "缺少参数“{name}”",
  "basis.cond.missing": "{label}缺少数据",
  "basis.cond.is": "{label}：{value}",
  "basis.cond.notNumber": "{label}不是数字",
  // rank
  "basis.reading.rank-step": "按名次等差递减：满分 −（名次 − 1）× 满分 ÷ 参评数，减完为止",
  "basis.reading.rank-linear": "按名次线性折算：满分 ×（参评数 − 名次）÷（参评数 − 1）",
  "basis.reading.ratio-to-best": "按与第一名的比值折算：满分 × 本值 ÷ 最好值",
  "basis.reading.min-max": "按极差折算：保底 +（满分 − 保底）×（本值 − 最小值）÷（最大值 − 最小值）",
  "basis.rank.outOfRange": "规则 {rule}（{name}）：「{label}」{value} 分超出 0–{max}，已截取",
  "basis.rank.entered": "{label}（认定部门给分）{value} → {points}",
  "basis.rank.noColumn": "（无「{label}」列，按认定数排序）",
  "basis.rank.missing": "{label}缺少数据，不参与排序 → 0",
  "basis.rank.head": "{label} {value}{unit}{noColumn}，{n} 个参评中第 {rank} 名",
  "basis.rank.full": "{head} → {points}（满分）",
  "basis.rank.how": "{head}：{how}",
  "basis.rank.ratioZero": "值不大于 0，按比值法不得分 → 0",
  "basis.rank.ratio": "按与最好值之比 → {points}",
  "basis.rank.minMax": "按极差折算 → {points}",
  // tiers
  "basis.tiers.noTable": "缺少数据表",
  "basis.tiers.none": "{conds}，未达到任何档次 → 0",
  "basis.tiers.notApplicable": "不适用",
  "basis.tiers.what.enterprises": "企业",
  "basis.tiers.what.projects": "项目",
  "basis.tiers.what.items": "条目",
  "basis.tiers.list": "{n}个{what}：{items}，合计 {total}",
  "basis.tiers.listNone": "无符合条件的{what} → 0",
  "basis.tiers.row": "{subject}：{text}",
  // target
  "basis.target.noTargetWarn": "{rule}（{name}）：目标一览表无{year}年{label}目标",
  "basis.target.noTarget": "目标一览表无{year}年{label}目标，无法评定 → 0",
  "basis.target.proportional": (p: Vars) =>
    `${p.label} ${p.value}${p.unit} ÷ ${p.year}年目标 ${p.target}${p.unit} = ${p.pct}%` +
    `${p.cap ? `，按 ${p.cap}% 封顶` : ""} × ${p.full} → ${p.points}`,
  "basis.target": "{label} {value}{unit} {rel} {year}年目标 {target}{unit} → {points}",
  "basis.target.input": "{year}年{label}目标",
  // per-unit, flag, entered, growth, benchmark, deduction, veto
  "basis.perUnit": (p: Vars) =>
    `${p.label} ${p.value}${p.unit} × ${p.rate} = ${p.raw}${p.cap ? `，最高 ${p.cap}` : ""} → ${p.points}`,
  "basis.flag": "{label}：{value} → {points}",
  "basis.entered.outOfRange":
    "规则 {rule}（{name}）：「{label}」填了 {value} 分，应在 0–{max} 之间，已按 {points} 分计",
  "basis.entered.none": "{label}未评分 → 0",
  "basis.entered": "{label}（部门评分，满分 {max}）{value} → {points}",
  "basis.entered.clamped": "{label}（部门评分）填 {value}，超出 0–{max}，按 {clamped} 计",
  "basis.growth.noPoints": "不得分",
  "basis.growth.below": "{label} {growth}%，低于基数：{how} → {points}",
  "basis.growth": "{label} {growth}%：保持基数 {base} + 每 {pct}% 加 {step}（最多 {cap}）→ {points}",
  "basis.benchmark.noBenchmarkWarn": "{rule}：缺少权重或基准值（或基准值不大于 0），「{label}」无法评分",
  "basis.benchmark.noBenchmark": "缺少权重或基准值 → 0",
  "basis.benchmark.missing": "{label}缺少数据 → {then}",
  "basis.benchmark.mean": "按该项平均得分 {mean}",
  "basis.deduction.none": "{label} {value} → 0",
  "basis.deduction": (p: Vars) =>
    `${p.label} ${p.value}${p.unit} × ${p.rate}${p.max ? `，最多扣 ${p.max}` : ""} → ${p.points}`,
  "basis.veto.reason": "{reason}（{clause}）",
  "basis.veto": "{label}：{value}",
  "basis.veto.yes": "{label}：{value} → 不予评价",
  // certification
  "basis.cert.none": "无认定 → 0",
  "basis.cert.item": "{label}：{level} {points}",
  "basis.cert.highest": "，多项认定取最高",
  "basis.cert.sum": "，每项认定分别计",
  // the kinds by name, and the rules sheet's help (方案说明)
  "basis.kind.rank": "排序法",
  "basis.kind.tiers": "分档",
  "basis.kind.target": "目标完成",
  "basis.kind.per-unit": "按个数",
  "basis.kind.flag": "是否",
  "basis.kind.entered": "部门评分",
  "basis.kind.growth-steps": "增长分步",
  "basis.kind.benchmark-ratio": "标杆比值",
  "basis.kind.certification": "认定加分",
  "basis.kind.deduction": "扣分",
  "basis.kind.veto": "一票否决",
  "basis.help.title": "{name}：方案表说明",
  "basis.help.edit":
    "改动「规则」「指标」等表后，用 zonescore score … --scheme 本文件.xlsx 评分；出错时会指出哪张表哪个单元格。",
  "basis.help.params":
    "参数写成 参数=值，用分号分隔；条件写成 字段>=数值、字段=是，多个条件用 & 连接；参数引用写成 @参数id。",
  "basis.help.tiers":
    "分档（tiers）：每档写成 条件:分值，例如 >50:10; >100:20（指标列已给字段时可省略字段）；" +
    "filter=… 为适用条件；cumulative=是 为累计加分。",
  "basis.help.kind": "{kind} {name}",
  "basis.help.kinds": "类型：{kinds}",
  "basis.help.roles": "角色：score 计入分组得分 · bonus 附加分/加分 · deduction 扣分。满分列：{max}。",
  "basis.help.max.full": "{kinds} 为满分",
  "basis.help.max.highest": "{kinds} 为最高分",
  "basis.help.max.cap": "{kinds} 为封顶",
  "basis.help.max.mostDeducted": "{kinds} 为最多扣分",
} satisfies Entries;
