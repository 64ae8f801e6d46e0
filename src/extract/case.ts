/**
 * Vietnamese upper and lower case. Unicode's locale-specific case rules are for Turkish, Azerbaijani,
 * Lithuanian and Greek only, so `vi` cases as the root locale does: the same strings as
 * toUpperCase/toLowerCase, which skip the locale look-up that made `toLocaleUpperCase('vi')` fourteen times
 * slower (issue 15; test/unit/extract-case.test.ts compares them on every code point).
 */
export const upperVi = (s: string): string => s.toUpperCase();
export const lowerVi = (s: string): string => s.toLowerCase();
