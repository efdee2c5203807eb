/**
 * Every file the command line reads or writes goes through here. Writes are atomic (a temporary `<out>.tmp-<pid>` in
 * the same folder, then a rename; the temporary is removed on failure and on SIGINT / SIGTERM), outputs are checked
 * against inputs after resolving links (realpath, and the same device + inode for hard links), and file-system
 * errors become one-line usage errors in the user's language.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./usage";
import type { TextKey } from "../engine/i18n";

/** The catalogue text of each file-system error code (the same for reading and writing). */
const FS_TEXT: Record<string, TextKey> = {
  EISDIR: "cli.fs.isFolder",
  ENOTDIR: "cli.fs.notDir",
  EROFS: "cli.fs.readOnly",
  ENOSPC: "cli.fs.full",
  EDQUOT: "cli.fs.full",
  EBUSY: "cli.fs.busy",
  ETXTBSY: "cli.fs.busy",
  ENAMETOOLONG: "cli.fs.tooLong",
};

/** A file-system error as one line: what went wrong with which path, and what to do. */
export function fsError(e: unknown, file: string, writing: boolean): UsageError {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const mode = writing ? "write" : "read";
  if (FS_TEXT[code]) return UsageError.of(FS_TEXT[code], { file });
  if (code === "ENOENT") return UsageError.of(writing ? "cli.fs.noFolder" : "cli.fs.noFile", { file });
  if (code === "EACCES" || code === "EPERM") return UsageError.of(`cli.fs.noPermission.${mode}`, { file });
  return UsageError.of(`cli.fs.other.${mode}`, { file, why: String(code || (e as Error)?.message || e) });
}

/** Read an input file; a folder, a missing file or a permission problem is a usage error. */
export function readInput(file: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw fsError(e, file, false);
  }
  if (st.isDirectory()) throw UsageError.of("cli.fs.isFolder", { file });
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw fsError(e, file, false);
  }
}

interface Identity {
  real: string;
  id?: string;
}

function identity(file: string): Identity {
  const abs = path.resolve(file);
  try {
    const st = fs.statSync(abs);
    return { real: fs.realpathSync(abs), id: `${st.dev}:${st.ino}` };
  } catch {
    // not there yet: the real folder it would be written into
    try {
      return { real: path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs)) };
    } catch {
      return { real: abs };
    }
  }
}

const same = (a: Identity, b: Identity) => a.real === b.real || (a.id !== undefined && a.id === b.id);

/**
 * Outputs must differ from every input and from each other, links resolved. `inputs` and `outputs` map the option
 * (or "input") to a path.
 */
export function guardOutputs(inputs: Array<[string, string]>, outputs: Array<[string, string]>): void {
  const ins = inputs.map(([opt, f]) => ({ opt, f, id: identity(f) }));
  const outs = outputs.map(([opt, f]) => ({ opt, f, id: identity(f) }));
  for (const o of outs) {
    const hit = ins.find((i) => same(i.id, o.id));
    if (hit)
      throw UsageError.of("cli.fs.isInput", {
        opt: o.opt,
        file: o.f,
        input: hit.opt === "input" ? "" : hit.opt,
        hit: hit.f,
      });
  }
  for (let i = 0; i < outs.length; i++)
    for (let j = i + 1; j < outs.length; j++)
      if (same(outs[i].id, outs[j].id))
        throw UsageError.of("cli.fs.sameOutput", { a: outs[i].opt, b: outs[j].opt, file: outs[j].f });
}

/** Check before any work that an output can be written: not a folder, its folder not a file. */
export function checkWritable(file: string): void {
  const abs = path.resolve(file);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fsError(e, file, true);
  }
  if (st?.isDirectory()) throw fsError({ code: "EISDIR" }, file, true);
  // the nearest existing ancestor must be a folder we may write into
  let dir = path.dirname(abs);
  for (;;) {
    try {
      const d = fs.statSync(dir);
      if (!d.isDirectory()) throw fsError({ code: "ENOTDIR" }, file, true);
      fs.accessSync(dir, fs.constants.W_OK);
      if (dir === path.dirname(abs)) probe(abs, file);
      return;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fsError(e, file, true);
      const up = path.dirname(dir);
      if (up === dir) return;
      dir = up;
    }
  }
}

/** Create and remove the temporary the write will use: permissions and read-only file systems show up now. */
function probe(abs: string, file: string): void {
  const tmp = `${abs}.tmp-${process.pid}`;
  try {
    fs.closeSync(fs.openSync(tmp, "w"));
  } catch (e) {
    throw fsError(e, file, true);
  }
  fs.rmSync(tmp, { force: true });
}

const TMP = /\.tmp-(\d+)$/;

/** Temporary files `<file>.tmp-<pid>` left by earlier runs that were killed (their process is gone). */
export function staleTemps(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(`${base}.tmp-`) && TMP.test(n))
    .filter((n) => {
      const pid = Number(TMP.exec(n)![1]);
      if (pid === process.pid) return false;
      try {
        process.kill(pid, 0);
        return false; // a run still writing
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === "ESRCH";
      }
    })
    .map((n) => path.join(path.dirname(file), n));
}

/** The temporaries being written now, removed if the process is told to stop. */
const active = new Set<string>();
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const t of active) {
    try {
      fs.unlinkSync(t);
    } catch {
      // already gone
    }
  }
  active.clear();
  process.exit(128 + (signal === "SIGINT" ? 2 : 15));
}

function track(tmp: string): void {
  active.add(tmp);
  if (!handlersInstalled) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    handlersInstalled = true;
  }
}

function untrack(tmp: string): void {
  active.delete(tmp);
  if (active.size === 0 && handlersInstalled) {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    handlersInstalled = false;
  }
}

export type WriteData = Uint8Array | string | AsyncIterable<Uint8Array | string>;

/**
 * Write `file` atomically: a temporary in the same folder, then a rename over the target. On any failure the
 * temporary is removed and the target is as it was; the error becomes a one-line usage error.
 */
export async function writeAtomic(file: string, data: WriteData): Promise<void> {
  checkWritable(file);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (e) {
    throw fsError(e, file, true);
  }
  const tmp = `${file}.tmp-${process.pid}`;
  let handle: fs.promises.FileHandle | undefined;
  track(tmp);
  try {
    handle = await fs.promises.open(tmp, "w");
    if (typeof data === "string" || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const chunk of data) await handle.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.promises.unlink(tmp).catch(() => undefined);
    throw e instanceof UsageError ? e : fsError(e, file, true);
  } finally {
    untrack(tmp);
  }
}
