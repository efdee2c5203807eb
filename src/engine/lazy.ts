/**
 * A sequence whose members are made when they are read, one at a time: the command line's --json writes a million
 * entities without ever holding more than one entity's object (src/cli/io.ts `jsonChunks` walks it member by
 * member). JSON.stringify sees it as the array it stands for (`toJSON`), so the text is the same either way.
 */
export class Lazy<T> implements Iterable<T> {
  constructor(
    readonly length: number,
    private readonly make: (i: number) => T,
  ) {}

  /** the members of `items`, each mapped when it is read */
  static map<S, T>(items: readonly S[], f: (x: S, i: number) => T): Lazy<T> {
    return new Lazy(items.length, (i) => f(items[i], i));
  }

  at(i: number): T {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) throw new RangeError(`index ${i} of ${this.length}`);
    return this.make(i);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.make(i);
  }

  /** every member, made now: what JSON.stringify writes */
  toJSON(): T[] {
    return [...this];
  }
}
