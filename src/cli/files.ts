/**
 * Every file the command line reads or writes goes through here. Writes are atomic (a temporary `<out>.tmp-<pid>` in
 * the same folder, then a rename; the temporary is removed on failure and on SIGINT / SIGTERM), outputs are checked
 * against inputs after resolving links (realpath, and the same device + inode for hard links), and file-system
 * errors become one-line usage errors in the user's language.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "./usage";

/** A file-system error as one line: what went wrong with which path, and what to do. */
export function fsError(e: unknown, file: string, writing: boolean): UsageError {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const what = writing ? ["写入", "write"] : ["读取", "read"];
  switch (code) {
    case "EISDIR":
      return new UsageError(`${file} 是一个文件夹，不是文件`, `${file} is a folder, not a file`);
    case "ENOTDIR":
      return new UsageError(
        `${file} 的上级路径中有一项是文件而不是文件夹`,
        `a part of the path ${file} is a file, not a folder`,
      );
    case "ENOENT":
      return writing
        ? new UsageError(`无法写入 ${file}：文件夹不存在`, `cannot write ${file}: the folder does not exist`)
        : new UsageError(`找不到文件 ${file}`, `no such file: ${file}`);
    case "EACCES":
    case "EPERM":
      return new UsageError(
        `没有权限${what[0]} ${file}；请换一个位置或检查权限`,
        `no permission to ${what[1]} ${file}; choose another place or check its permissions`,
      );
    case "EROFS":
      return new UsageError(`无法写入 ${file}：所在磁盘是只读的`, `cannot write ${file}: the file system is read-only`);
    case "ENOSPC":
    case "EDQUOT":
      return new UsageError(`无法写入 ${file}：磁盘空间不足`, `cannot write ${file}: the disk is full`);
    case "EBUSY":
    case "ETXTBSY":
      return new UsageError(
        `${file} 正被其他程序占用（是否在 Excel 中打开着？），请关闭后再试`,
        `${file} is in use by another program (open in Excel?); close it and try again`,
      );
    case "ENAMETOOLONG":
      return new UsageError(`文件名太长：${file}`, `the file name is too long: ${file}`);
    default:
      return new UsageError(
        `无法${what[0]} ${file}（${code || (e as Error)?.message || e}）`,
        `cannot ${what[1]} ${file} (${code || (e as Error)?.message || e})`,
      );
  }
}

/** Read an input file; a folder, a missing file or a permission problem is a usage error. */
export function readInput(file: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw fsError(e, file, false);
  }
  if (st.isDirectory()) throw new UsageError(`${file} 是一个文件夹，不是文件`, `${file} is a folder, not a file`);
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
      throw new UsageError(
        `${o.opt} ${o.f} 指向输入文件${hit.opt === "input" ? "" : `（${hit.opt}）`} ${hit.f}，ZoneScore 从不覆盖输入；请换一个文件名`,
        `${o.opt} ${o.f} is an input file${hit.opt === "input" ? "" : ` (${hit.opt})`}: ${hit.f}; ZoneScore never overwrites its inputs, choose another name`,
      );
  }
  for (let i = 0; i < outs.length; i++)
    for (let j = i + 1; j < outs.length; j++)
      if (same(outs[i].id, outs[j].id))
        throw new UsageError(
          `${outs[i].opt} 和 ${outs[j].opt} 指向同一个文件 ${outs[j].f}；请给出不同的文件名`,
          `${outs[i].opt} and ${outs[j].opt} name the same file ${outs[j].f}; give different names`,
        );
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
