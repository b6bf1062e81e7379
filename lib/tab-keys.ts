// The keys of a tablist (WAI-ARIA's tabs pattern), shared by the terminal tabs and the Kernel panel's
// sections: arrows move and wrap around, Home and End jump to the ends.

/** The index `key` moves the selection to, or null for a key the tablist leaves alone. */
export function tabKeyTarget(key: string, active: number, count: number): number | null {
  const last = count - 1;
  if (key === 'ArrowRight') return active === last ? 0 : active + 1;
  if (key === 'ArrowLeft') return active === 0 ? last : active - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}
