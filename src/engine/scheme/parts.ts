/**
 * The zod pieces every rule kind's schema is built from (ids, conditions, numbers or parameters, the fields every rule
 * has). Kept apart from schema.ts so that a kind module (src/engine/score/kinds/*) can build its schema without
 * importing the scheme schema that is assembled from the kinds.
 */
import { z } from "zod";

export const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, "只能包含字母、数字和 . _ -");

/** A number in a rule, or the value of a parameter the user fills in the 参数 sheet. */
export const NumOrParam = z.union([z.number(), z.object({ param: z.string().regex(/^[A-Za-z0-9_.-]+$/) })]);

const ParamRef = z.object({ param: id });
export const Condition = z.object({
  field: id,
  op: z.enum([">=", ">", "<=", "<", "=", "is"]),
  value: z.union([z.number(), z.boolean(), ParamRef]),
});

/** The fields every rule has, whatever its kind. */
export const ruleBase = {
  id,
  clause: z.string().min(1),
  description: z.string().min(1),
  /** a short column title for the summary sheet */
  label: z.string().min(1),
  /** the 一级指标 group whose subtotal this rule counts in */
  group: id.optional(),
  /** score: counts in its group; bonus: 加分 / 附加分 on top; deduction: 扣分 */
  role: z.enum(["score", "bonus", "deduction"]).default("score"),
};

/** The readings of 排序法 ("排第一名得满分，排第二名以后按相应比例折算分数，分数减完为止"). */
export const RankReading = z.enum(["rank-step", "rank-linear", "ratio-to-best", "min-max"]);

export type ConditionT = z.infer<typeof Condition>;
export type NumOrParamT = z.infer<typeof NumOrParam>;
