/** Built-in sample workbooks, by scheme id. */
import type { Scheme } from "../engine/scheme/schema";
import type { ResultPlan } from "../engine/output/sheet-plan";
import { huaibeiSamplePlan } from "./huaibei-2023";
import { chifengSamplePlan } from "./chifeng-2020";
import { mujunSamplePlan } from "./mujun";

const SAMPLES: Record<string, (s: Scheme) => ResultPlan> = {
  "huaibei-2023": huaibeiSamplePlan,
  "chifeng-2020": chifengSamplePlan,
  "mujun-template": (s) => mujunSamplePlan(s),
};

export function samplePlan(scheme: Scheme): ResultPlan | undefined {
  return SAMPLES[scheme.id]?.(scheme);
}

export function sampleIds(): string[] {
  return Object.keys(SAMPLES);
}
