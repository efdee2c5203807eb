/** Result usage across years (结果运用), from the table of earlier results (年度, 名称, 得分, 名次). Pure. */
import type { Scheme, UsageRuleT } from "../scheme/schema";
import type { EntityResult, UsageResult } from "./result";
import { fmt } from "../format";
import { nameKey } from "../read/normalise";
import { say, word, type RuleContext } from "./context";

type History = Map<number, Map<string, { score: number | null; rank: number | null }>>;

/** Earlier results by year and unit name, and how many units each year ranked. */
function history(scheme: Scheme, ctx: RuleContext): { byYear: History; counts: Map<number, number> } {
  const byYear: History = new Map();
  const counts = new Map<number, number>();
  for (const r of ctx.data.tables[scheme.historyTable!]?.rows ?? []) {
    const y = r.values.year;
    if (typeof y !== "number") continue;
    let m = byYear.get(y);
    if (!m) byYear.set(y, (m = new Map()));
    m.set(nameKey(r.name), {
      score: typeof r.values.score === "number" ? r.values.score : null,
      rank: typeof r.values.rank === "number" ? r.values.rank : null,
    });
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return { byYear, counts };
}

/** One unit under one rule: does every year of the streak hold? With the words for each year seen. */
function streak(
  u: UsageRuleT,
  ctx: RuleContext,
  e: EntityResult,
  h: ReturnType<typeof history>,
  ranked: number,
): { ok: boolean; seen: string[] } {
  const years: number[] = [];
  for (let k = u.includeCurrent ? 0 : 1; years.length < u.years; k++) years.push(ctx.data.year - k);
  const seen: string[] = [];
  const ok = years.every((y) => {
    const current = y === ctx.data.year && u.includeCurrent;
    const past = current ? undefined : h.byYear.get(y)?.get(nameKey(e.name));
    const score = current ? (e.rank === null ? null : e.total) : (past?.score ?? null);
    const rank = current ? e.rank : (past?.rank ?? null);
    const count = current ? ranked : (h.counts.get(y) ?? 0);
    if (u.kind === "score-streak") {
      seen.push(
        say(ctx, "basis.usage.score", { year: y, score: score === null ? say(ctx, "basis.usage.none") : fmt(score) }),
      );
      return score !== null && score >= (u.minScore ?? 0);
    }
    seen.push(say(ctx, "basis.usage.rank", { year: y, rank: rank ?? "—", count }));
    return rank !== null && count > 0 && rank > count - (u.n ?? 0);
  });
  return { ok, seen };
}

/** The finding's sentence: the clause (and where a borrowed rule comes from), each year seen, the outcome. */
function usageBasis(u: UsageRuleT, ctx: RuleContext, seen: string[]): string {
  const origin = u.origin ? say(ctx, "basis.usage.origin", { origin: word(ctx, u.origin) }) : "";
  const all =
    u.kind === "score-streak"
      ? say(ctx, "basis.usage.allAbove", { min: fmt(u.minScore ?? 0) })
      : say(ctx, "basis.usage.allBottom", { n: u.n ?? 0 });
  const years = seen.join(say(ctx, "basis.comma"));
  return `${word(ctx, u.clause)}${origin} ${years}${all} → ${word(ctx, u.outcome)}`;
}

/** Result usage across years: the rules switched on, for every unit whose streak holds. */
export function evaluateUsage(scheme: Scheme, ctx: RuleContext, results: EntityResult[]): UsageResult[] {
  const rules = scheme.usage.filter((u) => !u.option || ctx.options[u.option] === "on");
  if (!rules.length || !scheme.historyTable) return [];
  const h = history(scheme, ctx);
  const ranked = results.filter((r) => r.rank !== null).length;
  const out: UsageResult[] = [];
  for (const u of rules)
    for (const e of results) {
      const { ok, seen } = streak(u, ctx, e, h, ranked);
      if (ok) {
        const basis = usageBasis(u, ctx, seen);
        out.push({ entity: e.name, entityIndex: e.index, rule: u.id, clause: u.clause, outcome: u.outcome, basis });
      }
    }
  return out;
}
