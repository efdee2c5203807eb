/**
 * 亩均效益 enterprise grading in the Zhejiang style (亩均论英雄): shared/policies/002… 方案4, 003 (五), 004 三(4).
 * score = Σ weight × min(x / benchmark, cap) over six indicators; weights and benchmarks are parameters the user fills
 * in the 参数 sheet (defaults: the weights below, and the average of all enterprises as each benchmark); grades
 * A/B/C/D by percentile bands 25 % / 70 % / 95 %. Enterprises marked 不参评 are listed but not graded.
 */
import type { SchemeInput } from "../engine/scheme/schema";
import { mujunTemplateGlossary } from "./mujun-template.en";

const IND: Array<[string, string, string, number, string[]]> = [
  ["taxPerMu", "亩均税收", "万元/亩", 30, ["亩均税收收入"]],
  ["vaPerMu", "亩均增加值", "万元/亩", 20, ["亩均工业增加值"]],
  ["laborProd", "全员劳动生产率", "万元/人", 15, ["劳动生产率"]],
  ["vaPerEnergy", "单位能耗增加值", "万元/吨标准煤", 15, ["单位能耗工业增加值"]],
  ["vaPerEmission", "单位排放增加值", "万元/吨", 10, ["单位污染物排放增加值"]],
  ["rdShare", "R&D经费支出占营业收入比重", "%", 10, ["研发经费支出占营业收入比重", "R&D经费占比"]],
];

export const mujunTemplate: SchemeInput = {
  schemaVersion: 1,
  id: "mujun-template",
  name: "规上工业企业亩均效益综合评价（模板）",
  nameEn: "Enterprise per-mu efficiency grading (template)",
  source: "参照浙江“亩均论英雄”做法；见 002 方案4、003（五）、004 三(4)。权重、基准值按本地文件在「参数」表中填写",
  entityTable: "enterprises",
  tables: [
    {
      id: "enterprises",
      name: "企业亩均数据",
      sheetNames: ["企业", "亩均", "企业亩均数据"],
      level: "entity",
      columns: [
        { id: "name", name: "企业名称", synonyms: ["企业", "单位名称"], type: "text", role: "key", required: true },
        { id: "uscc", name: "统一社会信用代码", synonyms: ["信用代码"], type: "code", role: "uscc" },
        { id: "zone", name: "所属园区", synonyms: ["所属开发区", "园区"], type: "text" },
        ...IND.map(([id, name, unit, , synonyms]) => ({
          id,
          name,
          synonyms,
          type: "number" as const,
          unit,
          required: id !== "vaPerEmission",
          ...(id === "vaPerEnergy" ? { units: { "万元/吨标煤": 1, "元/吨标准煤": 0.0001 } } : {}),
          note: id === "vaPerEmission" ? "可空：空白按该项平均得分计" : undefined,
        })),
        {
          id: "excluded",
          name: "不参评",
          synonyms: ["是否不参评"],
          type: "bool",
          missingAs: false,
          note: "是/否，空白按否；新投产、兼并重组等不参评企业列出但不分档",
        },
      ],
    },
  ],
  params: IND.flatMap(([id, name, unit, w]) => [
    {
      id: `w.${id}`,
      name: `${name}权重`,
      type: "number" as const,
      default: w,
      note: "默认值参照浙江做法，按本地文件调整",
    },
    {
      id: `b.${id}`,
      name: `${name}基准值`,
      type: "number" as const,
      unit,
      fallbackMeanOf: { table: "enterprises", column: id },
      note: "未填时取全部企业的平均值",
    },
  ]),
  rules: [
    {
      id: "veto.excluded",
      clause: "模板",
      kind: "veto",
      field: "excluded",
      reason: "不参评",
      label: "不参评",
      description: "标为不参评的企业列出但不评分、不分档",
    },
    ...IND.map(([id, name]) => ({
      id: `m.${id}`,
      clause: "模板",
      kind: "benchmark-ratio" as const,
      field: id,
      weight: { param: `w.${id}` },
      benchmark: { param: `b.${id}` },
      cap: 2,
      missing: id === "vaPerEmission" ? ("mean-score" as const) : ("zero" as const),
      label: name,
      description: `${name}得分 = 权重 × min(本值 ÷ 基准值, 2)${id === "vaPerEmission" ? "；缺数据按该项平均得分" : ""}`,
    })),
  ],
  grading: { method: "percentile", bands: [0.25, 0.7, 0.95], labels: ["A", "B", "C", "D"] },
  total: {},
  ranking: { ties: "competition" },
  notes: [
    "分档：按得分排名，前 25% 为 A 类，25%–70% 为 B 类，70%–95% 为 C 类，其余为 D 类（可在规则表中改为按分数线）。",
    "权重合计应为 100；基准值默认取全部企业平均值。",
  ],
  glossary: mujunTemplateGlossary,
};
