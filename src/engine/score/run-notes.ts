/**
 * The notes every scoring run carries, in the run's language (catalogue domain `notes`): where the year and each
 * parameter came from, the reading in force of each option, how totals are rounded and ranked, what was left out.
 * The scheme's own words go through its glossary. Pure.
 */
import type { Scheme } from "../scheme/schema";
import type { Dataset } from "../dataset";
import type { Lang } from "../types";
import type { EntityResult } from "./result";
import { fmt, TOTAL_DECIMALS } from "../format";
import { t } from "../i18n";
import { schemeWord } from "../i18n/scheme-words";

/** Year, parameters, options, rounding and ranking: the notes that open every run. */
export function openingNotes(scheme: Scheme, data: Dataset, options: Record<string, string>, lang: Lang): string[] {
  const w = (zh: string) => schemeWord(scheme, lang, zh);
  const notes = [t(lang, "note.year", { year: data.year, source: data.yearSource })];
  for (const p of scheme.params) {
    const v = data.params[p.id];
    if (!v || p.id === "year") continue;
    const value = fmt(typeof v.value === "number" ? v.value : String(v.value));
    const unit = p.unit ? " " + w(p.unit) : "";
    notes.push(t(lang, "note.param", { name: w(p.name), value, unit, source: v.source }));
  }
  for (const o of scheme.options) {
    const c = o.choices.find((x) => x.id === options[o.id])!;
    const mark = t(lang, options[o.id] === o.default ? "note.option.default" : "note.option.chosen");
    const vars = { name: w(o.name), choice: c.id, choiceName: w(c.name), description: w(c.description), mark };
    notes.push(t(lang, "note.option", vars));
  }
  notes.push(t(lang, "note.rounding", { decimals: TOTAL_DECIMALS }));
  notes.push(t(lang, "note.ranking", { ties: t(lang, `note.ties.${scheme.ranking.ties}`) }));
  return notes;
}

/** A missing base-score column, and the units not rated with their reasons. */
export function resultNotes(scheme: Scheme, results: readonly EntityResult[], lang: Lang): string[] {
  const notes: string[] = [];
  const baseField = scheme.total.base;
  if (results.length && baseField && results.every((r) => r.base === null)) {
    const spec = scheme.tables.find((x) => x.id === scheme.entityTable);
    const name = spec?.columns.find((c) => c.id === baseField)?.name;
    notes.push(t(lang, "note.noBase", { column: name === undefined ? baseField : schemeWord(scheme, lang, name) }));
  }
  const vetoed = results.filter((r) => r.vetoed);
  const unit = (r: EntityResult) => t(lang, "note.vetoedUnit", { name: r.name, reason: String(r.vetoReason) });
  if (vetoed.length) notes.push(t(lang, "note.vetoed", { list: vetoed.map(unit).join(t(lang, "note.vetoedSep")) }));
  return notes;
}

/** The result-usage rules that an option switches: on (with their origin) or off (with the option). */
export function usageNotes(scheme: Scheme, options: Record<string, string>, lang: Lang): string[] {
  const w = (zh: string) => schemeWord(scheme, lang, zh);
  return scheme.usage
    .filter((u) => u.option)
    .map((u) => {
      const origin = w(u.origin ?? u.clause);
      if (options[u.option!] === "on")
        return t(lang, "note.usageOn", { id: u.id, description: w(u.description), origin });
      return t(lang, "note.usageOff", { id: u.id, origin, option: u.option! });
    });
}
