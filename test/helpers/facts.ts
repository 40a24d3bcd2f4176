/** A fact as the extraction gives it, from structured data (JSON-LD), for tests that save or score companies. */
export const fact = <T>(value: T) => ({
  value,
  source: 'jsonld' as const,
  snippet: '',
  confidence: 0.9,
  alternatives: [],
});
