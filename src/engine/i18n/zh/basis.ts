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
  // result notes, vetoes and exclusions
  "basis.enum": "、",
  "basis.excluded": "暂不考核：{reason}（{clause}）",
  "basis.vetoed": "不予评价：{reason}",
  "basis.notTaking.excluded": "暂不考核",
  "basis.notTaking.vetoed": "不予评价（{reason}）",
  "basis.note.year": "考评年度 {year}（来自 {source}）",
  "basis.note.param": "{name} {value}{unit}（来自 {source}）",
  "basis.note.option": "{name}：{id}（{choice}：{description}）［默认］",
  "basis.note.optionChosen": "{name}：{id}（{choice}：{description}）［用户选择］",
  "basis.note.total":
    "总分：各项得分按全精度计算，小计与总分为各项的精确和（与相加顺序无关），四舍五入保留 {decimals} 位小数后再比较；" +
    "名次、按名次的奖励（并列平分）、等级和结果运用均按此总分判断，实时公式以 ROUND(总分, {decimals}) 同样取舍；" +
    "表中显示保留 2 位小数",
  "basis.note.ranking": "排名：总分从高到低，{ties}；并列行按评价对象表中的顺序排列",
  "basis.note.ties.competition": "并列者名次相同，下一名次顺延（同 Excel RANK.EQ）",
  "basis.note.ties.dense": "并列者名次相同，下一名次不空缺（中国式排名）",
  "basis.note.ties.average": "并列者取平均名次（同 Excel RANK.AVG）",
  "basis.note.noBase": "评价对象表无「{column}」列：总分不含基础得分",
  "basis.note.vetoed": "不予评价：{units}",
  "basis.note.vetoedUnit": "{name}（{reason}）",
  "basis.note.usageOn": "结果运用 {id}“{description}”已启用：{origin}",
  "basis.note.usageOff": "结果运用 {id}（{origin}）未启用（选项 {option}）",
  // result usage
  "basis.usage.score": "{year}年 {score} 分",
  "basis.usage.none": "无",
  "basis.usage.rank": "{year}年 第 {rank}/{count} 名",
  "basis.usage.origin": "（{origin}）",
  "basis.usage.allAbove": "，均不低于 {min} 分",
  "basis.usage.allBottom": "，均在倒数 {n} 名内",
  // awards
  "basis.award.upTo": "最高 ",
  "basis.award.cannotJudge": "{award}（{subject}）：{conds}，无法评定奖励",
  "basis.award.list": (p: Vars) =>
    `${p.subject}：${p.conds}；${p.label} ${p.base} × ${p.rate} = ${p.raw}${p.cap ? `，单项封顶 ${p.cap}` : ""}` +
    ` → ${p.upTo}${p.amount} ${p.unit}`,
  "basis.award.flag": "{label}：是 → {upTo}{amount} {unit}",
  "basis.award.rulesMet": "{rules} 均已实现 → {amount} {unit}",
  "basis.award.byColumn": "按「{label}」排名",
  "basis.award.rankBasis": "排名依据",
  "basis.award.byCompletion": "无「{column}」列，按年度目标（{targets}）的平均完成率排名",
  "basis.award.meanCompletion": "平均完成率 {pct}%",
  "basis.award.byTotal": "按总分排名",
  "basis.award.total": "总分 {total}",
  "basis.award.pooled": "（{tied} 个并列，第 {rank}–{last} 名奖励合计 {sum} 平分）",
  "basis.award.shared": "（{tied} 个并列，各得该名次奖励）",
  "basis.award.rank": "{shown}，第 {rank} 名{how} → {amount} {unit}",
  "basis.award.notPaid": "{name}{why}，「{column}」填写的“{value}”不予发放",
  "basis.award.chosen": "{label}：{option} → {amount} {unit}",
  "basis.award.chosenLabel": "{label}：{option}",
  "basis.award.suggest": "专项奖励“{option}”建议：{group}得分最高的 {name}（{points} 分）",
  // what-if gaps
  "basis.gap.needNow": "{need}（{now}）",
  "basis.gap.byColumn": "「{label}」",
  // why a score cell stays a value (the result sheet counts each)
  "basis.fallback.ratioLower": "按比值折算的越小越好指标",
  "basis.fallback.rankRange": "排序范围内有非数字单元格",
  "basis.fallback.excludedName": "暂不考核的单位名称不是文字单元格",
  "basis.fallback.vetoCells": "一票否决的列无法用公式读取（不是连续的单元格）",
  "basis.fallback.duplicates": "有重复的单位",
  "basis.fallback.listInput": "清单中输入不是数字单元格",
  "basis.fallback.target": "目标或实际值不是数字单元格",
  "basis.fallback.benchmark": "缺少权重或基准值",
  "basis.fallback.noCell": "缺少输入单元格",
  "basis.fallback.noNumber": "缺数据或不是数字单元格",
  "basis.fallback.certList": "认定清单表中的认定",
  "basis.fallback.enteredPoints": "认定部门给分不是数字单元格",
  "basis.fallback.notNumber": "输入不是数字单元格",
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
