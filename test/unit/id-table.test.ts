// The record-id table: remembers every id once, through growth, for random and hand-made ids alike.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../src/summary/read/id-table.js';

describe('IdTable', () => {
  it('finds what it stored, across growth', () => {
    const t = new IdTable();
    const ids = Array.from({ length: 20000 }, (_, i) =>
      i % 2 ? randomUUID() : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    ids.forEach((id, i) => expect(t.getOrAdd(id, i * 7, i)).toBeUndefined());
    ids.forEach((id, i) => expect(t.getOrAdd(id.toUpperCase(), 0, 0)).toEqual({ hash: (i * 7) >>> 0, fileIndex: i }));
  });
});
