// `--only` as people type it: ids or names, any case ("WhatsApp", "whatsapp"), and a close miss
// ("whatsap") answered with what was probably meant.

interface Known {
  readonly id: string;
  readonly name: string;
}

/** Edit distance (insertions, deletions, substitutions, and two neighbours swapped), for "did you mean". */
function distance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    const up = rows[i - 1] ?? [];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(
        (up[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

const fold = (text: string) => text.toLowerCase().replace(/[\s_]+/g, '-');

/** The candidate a typo most probably meant: at most 2 edits and less than a third of the word. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: { value: string; score: number } | null = null;
  for (const value of candidates) {
    const score = distance(word, value);
    if (!best || score < best.score) best = { value, score };
  }
  return best && best.score <= Math.min(2, Math.floor(word.length / 3)) ? best.value : null;
}

/** The service ids meant, or the words that were not understood, each with a suggestion if close. */
export function resolveServiceIds(
  asked: readonly string[],
  services: readonly Known[],
): { ids: string[]; unknown: { asked: string; suggestion: string | null }[] } {
  // Every way of naming a service, folded, to its id (the first service to claim a name keeps it).
  const byName = new Map<string, string>();
  for (const s of services)
    for (const name of [fold(s.id), fold(s.name)]) if (!byName.has(name)) byName.set(name, s.id);
  const ids: string[] = [];
  const unknown: { asked: string; suggestion: string | null }[] = [];
  for (const word of asked) {
    const wanted = fold(word);
    const id = byName.get(wanted);
    if (id !== undefined) ids.push(id);
    else {
      const meant = closest(wanted, [...byName.keys()]);
      unknown.push({
        asked: word,
        suggestion: meant === null ? null : (byName.get(meant) ?? null),
      });
    }
  }
  return { ids, unknown };
}
