/**
 * Dates for exports: the stored ISO strings as CSL date parts and as words people read.
 */

/** `2025-03-04T08:00:00Z` → [2025, 3, 4]; `2024-05` → [2024, 5]; null when it is not an ISO date. */
export function dateParts(iso: string | null): number[] | null {
  const match = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!match) return null;
  return match
    .slice(1)
    .filter((part) => part !== undefined)
    .map(Number);
}

/** A date for people, e.g. "March 4, 2025" or "March 2025" or "2025"; null when there is none. */
export function readableDate(iso: string | null): string | null {
  const parts = dateParts(iso);
  if (!parts) return null;
  const [year, month, day] = parts;
  const at = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return at.toLocaleDateString('en-US', options);
}
