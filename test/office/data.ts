/** Workbooks at the sizes the issue names: Huaibei 1,000 zones, Chifeng 1,000 parks, 100,000 enterprises × 10. */
import type { SheetData } from "../../src/engine/types";
import { getBuiltInScheme } from "../../src/schemes";
import { asSheets, chifengParksPlan, huaibeiZonesPlan, mujunEnterprisesPlan } from "../../src/samples/large";

export const huaibei = getBuiltInScheme("huaibei-2023")!;
export const chifeng = getBuiltInScheme("chifeng-2020")!;
export const mujun = getBuiltInScheme("mujun-template")!;

/** huaibei-2023 with n zones, 10 projects and 5 enterprises each (the benchmark's data) */
export const huaibeiZones = (n: number): SheetData[] => asSheets(huaibeiZonesPlan(huaibei, n));

/** chifeng-2020 with n parks (the 14 sample parks, varied) */
export const chifengParks = (n: number): SheetData[] => asSheets(chifengParksPlan(chifeng, n));

/** mujun-template: n enterprises × 10 columns */
export const enterprises = (n: number): SheetData[] => asSheets(mujunEnterprisesPlan(mujun, n));
