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
  // tiers
  // target
  // per-unit, flag, entered, growth, benchmark, deduction, veto
  // certification
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
  "basis.fallback.listInput": "清单中输入不是数字单元格",
  "basis.fallback.noCell": "缺少输入单元格",
  "basis.fallback.noNumber": "缺数据或不是数字单元格",
  "basis.fallback.notNumber": "输入不是数字单元格",
  // the kinds by name, and the rules sheet's help (方案说明)
  "basis.help.title": "{name}：方案表说明",
  "basis.help.edit":
    "改动「规则」「指标」等表后，用 zonescore score … --scheme 本文件.xlsx 评分；出错时会指出哪张表哪个单元格。",
  "basis.help.params":
    "参数写成 参数=值，用分号分隔；条件写成 字段>=数值、字段=是，多个条件用 & 连接；参数引用写成 @参数id。",
  "basis.help.kind": "{kind} {name}",
  "basis.help.kinds": "类型：{kinds}",
  "basis.help.roles": "角色：score 计入分组得分 · bonus 附加分/加分 · deduction 扣分。满分列：{max}。",
  "basis.help.max.full": "{kinds} 为满分",
  "basis.help.max.highest": "{kinds} 为最高分",
  "basis.help.max.cap": "{kinds} 为封顶",
  "basis.help.max.mostDeducted": "{kinds} 为最多扣分",
} satisfies Entries;
