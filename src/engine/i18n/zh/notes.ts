/** The notes every result carries (Chinese): where the year and parameters came from, readings in force, rounding. */
import type { Entries } from "../types";

export const notes = {
  "note.year": "考评年度 {year}（来自 {source}）",
  "note.param": "{name} {value}{unit}（来自 {source}）",
  "note.option": "{name}：{choice}（{choiceName}：{description}）{mark}",
  "note.option.default": "［默认］",
  "note.option.chosen": "［用户选择］",
  "note.ties.competition": "并列者名次相同，下一名次顺延（同 Excel RANK.EQ）",
  "note.ties.dense": "并列者名次相同，下一名次不空缺（中国式排名）",
  "note.ties.average": "并列者取平均名次（同 Excel RANK.AVG）",
  "note.rounding":
    "总分：各项得分按全精度计算，小计与总分为各项的精确和（与相加顺序无关），四舍五入保留 {decimals} 位小数后再比较；" +
    "名次、按名次的奖励（并列平分）、等级和结果运用均按此总分判断，实时公式以 ROUND(总分, {decimals}) 同样取舍；" +
    "表中显示保留 2 位小数",
  "note.ranking": "排名：总分从高到低，{ties}；并列行按评价对象表中的顺序排列",
  "note.noBase": "评价对象表无「{column}」列：总分不含基础得分",
  "note.vetoed": "不予评价：{list}",
  "note.vetoedUnit": "{name}（{reason}）",
  "note.vetoedSep": "；",
  "note.usageOn": "结果运用 {id}“{description}”已启用：{origin}",
  "note.usageOff": "结果运用 {id}（{origin}）未启用（选项 {option}）",
} satisfies Entries;
