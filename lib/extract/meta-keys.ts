/**
 * The meta tags the background reads (name, description, keywords, page kind), by their `property` or `name`.
 * Plain data with no dependencies: the content script collects exactly these and nothing else.
 */
export const META_KEYS = [
  'og:site_name',
  'application-name',
  'apple-mobile-web-app-title',
  'og:description',
  'description',
  'twitter:description',
  'keywords',
  'og:type',
  'article:published_time',
] as const;

/** One of {@link META_KEYS}. */
export type MetaKey = (typeof META_KEYS)[number];

/**
 * A page's meta tags as the content script sends them: for each key, the `content` of the first `<meta>` whose
 * `property` or `name` is that key (ASCII case-insensitive), uncleaned. Keys without such a tag are absent.
 */
export type MetaTags = Partial<Record<MetaKey, string>>;
