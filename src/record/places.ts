// Where in a record (or an answers file) a problem is, as the coach knows it: list entries are numbered from 1
// in words, as profile actions and profile report number them ("action step 3, status"), never 0-based paths.

/** The entries of a record's lists, by the list's key: "action step" for actionSteps. */
const ENTRY: Record<string, string> = {
  actionSteps: 'action step',
  progress: 'progress note',
  priorities: 'priority',
  improvementAreas: 'improvement area',
};

/**
 * ["actionSteps", 2, "progress", 0, "date"] -> "action step 3, progress note 1, date". Keys outside lists
 * stay as written in the file, joined by dots ("ratings.communication.method"); an empty path is undefined.
 */
export function recordPlace(path: readonly PropertyKey[]): string | undefined {
  const parts: string[] = [];
  let keys: string[] = [];
  const flush = () => {
    if (keys.length) parts.push(keys.join('.'));
    keys = [];
  };
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof next === 'number') {
      flush();
      parts.push(`${ENTRY[String(seg)] ?? String(seg)} ${next + 1}`);
      i++;
    } else if (typeof seg === 'number') {
      flush();
      parts.push(`entry ${seg + 1}`);
    } else keys.push(String(seg));
  }
  flush();
  return parts.length ? parts.join(', ') : undefined;
}
