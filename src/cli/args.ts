/**
 * Strict option parsing for the command line, on node's util.parseArgs (its tokens): an unknown option, an option the
 * command does not take, a missing value, a flag given a value, an option given twice or a stray argument is a usage
 * error, with a suggestion for a near miss (--value → --values?).
 */
import { parseArgs as nodeParseArgs } from "util";
import { UsageError } from "./usage";

export interface OptionSpec {
  type: "string" | "boolean";
  /** may be given more than once (values collected in order) */
  multiple?: boolean;
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface Parsed {
  /** the command words, e.g. ["scheme", "export"] */
  cmd: string;
  pos: string[];
  opts: Record<string, string | boolean | string[] | undefined>;
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
};

/** Damerau-free Levenshtein distance, for suggestions. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

export function suggest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.startsWith(name) || name.startsWith(k) ? Math.min(1, distance(name, k)) : distance(name, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** The language asked for, found before parsing so that parse errors speak it too. */
export function langOf(argv: readonly string[]): "zh" | "en" {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" && argv[i + 1] === "en") return "en";
    if (argv[i] === "--lang=en") return "en";
  }
  return "zh";
}

/** A command's options and how many positional arguments it takes (null: no such command). */
export type CommandOf = (
  first: string | undefined,
) => { options: OptionSpecs; positionals: [number, number]; name: string } | null;
type Token = ReturnType<typeof nodeParseArgs>["tokens"] extends Array<infer T> | undefined ? T : never;
type OptionToken = Extract<Token, { kind: "option" }>;

/** The spec of an option token, or the usage error for an option the command does not take. */
function specOf(t: OptionToken, known: OptionSpecs, allOptions: OptionSpecs, command: string | undefined): OptionSpec {
  const spec = known[t.name];
  if (spec) return spec;
  if (allOptions[t.name] && command) throw UsageError.of("cli.notTaken", { cmd: command, opt: t.rawName });
  throw UsageError.of("cli.unknownOption", { opt: t.rawName, suggest: suggest(t.name, Object.keys(known)) ?? "" });
}

/** Record one option token's value in `opts`: strings (once, or collected), flags (no value). */
function takeOption(t: OptionToken, spec: OptionSpec, opts: Parsed["opts"]): void {
  const raw = t.rawName;
  if (spec.type === "boolean") {
    if (t.value !== undefined) throw UsageError.of("cli.takesNoValue", { opt: raw });
    opts[t.name] = true;
    return;
  }
  const v = t.value;
  // `--json --out r.xlsx`: the value looks like the next option, so the value is missing
  if (v === undefined || (!t.inlineValue && v.length > 1 && v.startsWith("-")))
    throw UsageError.of("cli.needsValue", { opt: raw });
  if (spec.multiple) opts[t.name] = [...((opts[t.name] as string[] | undefined) ?? []), v];
  else {
    if (opts[t.name] !== undefined) throw UsageError.of("cli.givenTwice", { opt: raw });
    opts[t.name] = v;
  }
}

/** The positional arguments after the command word, within the command's [min, max]. */
function checkPositionals(pos: string[], name: string, [min, max]: [number, number], help: boolean): void {
  if (pos.length > max) throw UsageError.of("cli.extraArgument", { cmd: name, args: pos.slice(max).join(" ") });
  if (pos.length < min && !help) throw UsageError.of("cli.missingArgument", { cmd: name });
}

/**
 * Parse `argv` for one command: `commandOf(words)` gives the command's options and how many positional arguments it
 * takes, from the leading words (so that `scheme export` can have its own).
 */
export function parseCommandLine(argv: readonly string[], commandOf: CommandOf, allOptions: OptionSpecs): Parsed {
  const options: Record<string, OptionSpec> = {};
  for (const [k, v] of Object.entries({ ...allOptions, ...GLOBAL_OPTIONS })) options[k] = { ...v, multiple: true };
  const { tokens } = nodeParseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positionals = tokens.filter((t) => t.kind === "positional").map((t) => (t as { value: string }).value);
  const cmdName = positionals[0];
  const command = commandOf(cmdName);
  const known: OptionSpecs = { ...GLOBAL_OPTIONS, ...(command?.options ?? {}) };
  const opts: Parsed["opts"] = {};
  for (const t of tokens) if (t.kind === "option") takeOption(t, specOf(t, known, allOptions, command?.name), opts);
  const pos = positionals.slice(1);
  if (command) checkPositionals(pos, command.name, command.positionals, !!opts.help);
  return { cmd: cmdName ?? "", pos, opts };
}
