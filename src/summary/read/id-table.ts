// The one structure that grows with the number of records: record id -> content hash and first file.
// Kept in a flat typed array (24 bytes a record) instead of a Map of strings (~100 bytes a record).

const WORDS = 6; // id as 4 x 32 bits, content hash (32 bits), index of the first file + 1 (0 = empty slot)

export interface SeenRecord {
  hash: number;
  fileIndex: number;
}

export class IdTable {
  private slots: Uint32Array;
  private size = 0;

  /** Sized for `expected` ids up front, so the table need not grow (and leave old copies) on the way. */
  constructor(expected = 0) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Uint32Array(cap * WORDS);
  }

  private static words(uuid: string): [number, number, number, number] {
    const hex = uuid.replace(/-/g, '');
    return [0, 8, 16, 24].map((i) => parseInt(hex.slice(i, i + 8), 16) >>> 0) as [number, number, number, number];
  }

  private find(slots: Uint32Array, w: readonly number[]): number {
    const cap = slots.length / WORDS;
    // Mix all four words: hand-made ids (0000...0001) must spread as well as random ones.
    let h = Math.imul(
      w[0] ^ Math.imul(w[1], 0x9e3779b1) ^ Math.imul(w[2], 0x85ebca6b) ^ Math.imul(w[3], 0xc2b2ae35),
      0x27d4eb2f,
    );
    h = (h ^ (h >>> 15)) >>> 0;
    for (let i = h & (cap - 1); ; i = (i + 1) & (cap - 1)) {
      const o = i * WORDS;
      if (slots[o + 5] === 0) return o;
      if (slots[o] === w[0] && slots[o + 1] === w[1] && slots[o + 2] === w[2] && slots[o + 3] === w[3]) return o;
    }
  }

  /** The first record seen with this id, or undefined (and then it is remembered). */
  getOrAdd(uuid: string, hash: number, fileIndex: number): SeenRecord | undefined {
    const w = IdTable.words(uuid);
    const o = this.find(this.slots, w);
    if (this.slots[o + 5] !== 0) return { hash: this.slots[o + 4], fileIndex: this.slots[o + 5] - 1 };
    this.slots.set([w[0], w[1], w[2], w[3], hash >>> 0, fileIndex + 1], o);
    if (++this.size * 2 > this.slots.length / WORDS) this.grow();
    return undefined;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let o = 0; o < old.length; o += WORDS) {
      if (old[o + 5] !== 0)
        this.slots.set(
          old.subarray(o, o + WORDS),
          this.find(this.slots, old.subarray(o, o + 4) as unknown as number[]),
        );
    }
  }
}
