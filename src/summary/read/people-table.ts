// One person, one cycle, one report: person key (a 53-bit hash) -> the record that counts for them now
// (day and file index packed in one number). Kept in a flat Float64Array with open addressing, like
// id-table.ts, so 100,000 people cost about 3 MB and no boxed numbers.

export class PeopleTable {
  private slots: Float64Array; // [key, value] pairs; key 0 = empty (hash53 never returns exactly 0 in practice; 0 is remapped)
  private size = 0;

  constructor(expected = 0) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Float64Array(cap * 2);
  }

  private static norm(key: number): number {
    return key === 0 ? 1 : key;
  }

  private find(slots: Float64Array, key: number): number {
    const cap = slots.length / 2;
    let i = (Math.imul((key % 0x7fffffff) | 0, 0x9e3779b1) >>> 0) & (cap - 1);
    while (slots[i * 2] !== 0 && slots[i * 2] !== key) i = (i + 1) & (cap - 1);
    return i;
  }

  get(rawKey: number): number | undefined {
    const key = PeopleTable.norm(rawKey);
    const i = this.find(this.slots, key);
    return this.slots[i * 2] === key ? this.slots[i * 2 + 1] : undefined;
  }

  set(rawKey: number, value: number): void {
    const key = PeopleTable.norm(rawKey);
    let i = this.find(this.slots, key);
    if (this.slots[i * 2] !== key) {
      if ((this.size + 1) * 2 > this.slots.length / 2) {
        this.grow();
        i = this.find(this.slots, key);
      }
      this.slots[i * 2] = key;
      this.size++;
    }
    this.slots[i * 2 + 1] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      const i = this.find(this.slots, old[j]);
      this.slots[i * 2] = old[j];
      this.slots[i * 2 + 1] = old[j + 1];
    }
  }
}
