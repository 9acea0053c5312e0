// Where on the form an API error belongs: the input whose field path (data-field, the request's
// field as parley names it, e.g. `scenario.actors[2].capability`) is the error's `field`, or the
// closest enclosing one (the longest field path that is a prefix of it). Pure.

/** The key among `fields` that best matches the error's field, or null. */
export function matchField(errorField: string | undefined, fields: Iterable<string>): string | null {
  if (!errorField) return null;
  const normalise = (f: string) => f.replace(/^scenario\./, "");
  const target = normalise(errorField);
  let best: string | null = null;
  for (const f of fields) {
    const n = normalise(f);
    if (n === target) return f;
    const boundary = target.length > n.length && (target[n.length] === "." || target[n.length] === "[");
    if (target.startsWith(n) && boundary && (best === null || n.length > normalise(best).length)) best = f;
  }
  return best;
}

/** The one-line text shown under a field: parley's message, with what it expected when known. */
export function fieldMessage(body: {message: string; problem?: string; expected?: string}): string {
  return body.expected && !body.message.includes(body.expected) ? `${body.message} (expected ${body.expected})` : body.message;
}
