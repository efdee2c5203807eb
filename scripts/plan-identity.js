// node scripts/plan-identity.js <old build dir> [--sizes=10000,100000]: the result plan of this engine (build/node) and
// of an older build, compared as JSON.stringify text, for the three built-in samples (zh and en) and mujun-template at
// 10,000 enterprises (src/samples/large.ts), each as values (`plan(scheme, run)`), with live formulas and with the
// compact 明细 (`detailLimit: 0`). For a change that must not change the plan (issue 14: planning with less garbage).
// Build the old engine as scripts/bench-plan.js says (git archive <commit> src tsconfig*.json …). Exits 1 on a
// difference, printing where the texts part.
"use strict";
const path = require("path");

const args = process.argv.slice(2);
const oldDir = args.find((a) => !a.startsWith("--"));
if (!oldDir) throw new Error("usage: node scripts/plan-identity.js <old build dir> [--sizes=10000]");
const sizesArg = (args.find((a) => a.startsWith("--sizes=")) || "").slice("--sizes=".length);
const sizes = sizesArg ? sizesArg.split(",").map(Number) : [10000];
const builds = [path.join(__dirname, "..", "build", "node"), path.resolve(oldDir)];
const load = (dir) => (m) => require(path.join(dir, m));

/** The plans of one build for a case: scheme id and the input sheets made by that build. */
function plans(b, id, makeSheets) {
  const scheme = b("schemes").getBuiltInScheme(id);
  const sheets = makeSheets(b, scheme);
  const { checkAndScore, plan } = b("engine/pipeline");
  const r = checkAndScore(sheets, scheme, { force: true });
  if (!r.run) throw new Error(`${id}: not scored`);
  const formulas = { data: r.dataset, sheets };
  const out = {};
  for (const lang of ["zh", "en"]) {
    out[`${lang} values`] = JSON.stringify(plan(scheme, r.run, { lang }));
    out[`${lang} values, compact`] = JSON.stringify(plan(scheme, r.run, { lang, detailLimit: 0 }));
    out[`${lang} formulas`] = JSON.stringify(plan(scheme, r.run, { lang, formulas }));
    out[`${lang} formulas, compact`] = JSON.stringify(plan(scheme, r.run, { lang, formulas, detailLimit: 0 }));
  }
  return out;
}

const sample = (b, scheme) => b("samples/large").asSheets(b("samples").samplePlan(scheme).sheets);
const large = (n) => (b, scheme) => b("samples/large").asSheets(b("samples/large").mujunEnterprisesPlan(scheme, n));
const cases = [
  ["huaibei-2023", sample],
  ["chifeng-2020", sample],
  ["mujun-template", sample],
  ...sizes.map((n) => ["mujun-template", large(n), `mujun-template × ${n.toLocaleString("en")}`]),
];
let bad = 0;
for (const [id, make, title = `${id} sample`] of cases) {
  const [now, old] = builds.map((dir) => plans(load(dir), id, make));
  for (const k of Object.keys(old)) {
    const same = now[k] === old[k];
    if (!same) {
      bad++;
      let i = 0;
      while (i < old[k].length && now[k][i] === old[k][i]) i++;
      console.log(`${title}, ${k}: DIFFERENT at character ${i}:\n  old …${old[k].slice(i - 80, i + 80)}`);
      console.log(`  new …${now[k].slice(i - 80, i + 80)}`);
    } else console.log(`${title}, ${k}: identical (${old[k].length.toLocaleString("en")} characters)`);
  }
}
process.exit(bad ? 1 : 0);
