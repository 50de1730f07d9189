/**
 * A field's error belongs to what was typed when the form was checked: once the user changes
 * that field its error goes (the client's "choose the item" as well as the server's), until
 * the next submit checks again. `dirty` says whether anything was typed at all, for the
 * "discard what you typed?" question.
 */
import { useCallback, useState } from 'react';

export function useEditedFields() {
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());
  const [dirty, setDirty] = useState(false);
  const edit = useCallback((...keys: string[]) => {
    setDirty(true);
    setEdited((s) => (keys.every((k) => s.has(k)) ? s : new Set([...s, ...keys])));
  }, []);
  const reset = useCallback(() => setEdited(new Set()), []);
  return { isEdited: (key: string) => edited.has(key), edit, reset, dirty };
}

/** The fields that differ between two versions of the same rows, as `<row key>.<field>`. */
export function changedRowFields<L extends { key: number }>(prev: readonly L[], next: readonly L[], fields: Record<string, keyof L>): string[] {
  const before = new Map(prev.map((l) => [l.key, l]));
  const out: string[] = [];
  for (const l of next) {
    const old = before.get(l.key);
    if (!old) continue;
    for (const [name, f] of Object.entries(fields)) if (old[f] !== l[f]) out.push(`${l.key}.${name}`);
  }
  return out;
}
