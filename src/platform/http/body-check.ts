/**
 * The checks every request body passes before any handler sees it. The walk is iterative: a body
 * nested thousands of levels deep must not overflow the stack of the code that refuses it.
 */

/**
 * Deeper than any body the service takes (a FHIR transaction Bundle with contained resources and
 * nested extensions is under 20 levels), shallow enough that recursive code further on is safe.
 */
export const MAX_BODY_DEPTH = 64;

// Tab, line feed and carriage return are ordinary text; other C0 controls are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, to mask it in a path.
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

export type BodyPath = readonly (string | number)[];
/**
 * - `too-deep`: arrays and objects nested more than MAX_BODY_DEPTH levels.
 * - `control`: PostgreSQL cannot store NUL, and no field needs control characters.
 * - `unicode`: a lone UTF-16 surrogate (`\ud800`) is not text: PostgreSQL's jsonb refuses it and
 *   UTF-8 cannot encode it, so it would either fail deep in a write or be silently changed.
 */
export type BodyProblem = { kind: 'too-deep' } | { kind: 'control' | 'unicode'; path: BodyPath };

const textProblem = (s: string): 'control' | 'unicode' | null => (CONTROL.test(s) ? 'control' : s.isWellFormed() ? null : 'unicode');

/** A key as it may be shown back in an error: controls and lone surrogates masked. */
export const printableKey = (key: string): string => key.toWellFormed().replace(CONTROL_ALL, '?');

/** A value still to look at, linked to its parent so a path is only built for a problem. */
type Frame = { value: unknown; depth: number; parent: Frame | null; name: string | number | null };

function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | null = frame; f && f.name !== null; f = f.parent) path.push(typeof f.name === 'string' ? printableKey(f.name) : f.name);
  return path.reverse();
}

/** The first problem in a parsed body, in document order, or null. */
export function bodyProblem(body: unknown, maxDepth = MAX_BODY_DEPTH): BodyProblem | null {
  const stack: Frame[] = [{ value: body, depth: 0, parent: null, name: null }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { value, depth, name } = frame;
    // A member's name is text too (it can land in a jsonb column).
    const nameProblem = typeof name === 'string' ? textProblem(name) : null;
    if (nameProblem) return { kind: nameProblem, path: pathOf(frame) };
    if (typeof value === 'string') {
      const kind = textProblem(value);
      if (kind) return { kind, path: pathOf(frame) };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return { kind: 'too-deep' };
    // Pushed in reverse so the first member is looked at first.
    const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [childName, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, depth: depth + 1, parent: frame, name: childName });
    }
  }
  return null;
}
