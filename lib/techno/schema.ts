/**
 * zod shapes at the technology boundary: what the content script reads from the markup (sent with its page
 * report), what the main-world collector returns (untrusted: the page could tamper with the built-ins it
 * calls) and the detections kept with a page's report.
 */
import { z } from 'zod';
import { TECH_CATEGORIES, type TechCategory } from './types';

const address = z.string().max(500);
const name = z.string().max(200);

/** The content script's signals; lists are capped as it caps them (see dom-signals.ts). */
export const DomSignalsSchema = z.object({
  url: z.string().max(4000),
  scripts: z.array(address).max(400),
  stylesheets: z.array(address).max(400),
  iframes: z.array(address).max(400),
  resources: z.array(address).max(400),
  inline: z.array(address).max(400),
  links: z.array(address).max(300),
  meta: z.array(z.tuple([z.string().max(100), z.string().max(300)])).max(200),
  cookies: z.array(name).max(100),
  dom: z.array(z.string().max(300)).max(1000),
  comments: z.array(z.string().max(300)).max(40),
  ms: z.number().nonnegative().finite(),
});

/** The main-world collector's answer (see collect.ts). */
export const GlobalSignalsSchema = z.object({
  url: z.string().max(4000),
  globals: z.array(name).max(1000),
  ms: z.number().nonnegative().finite(),
});

/** One detected technology with what showed it. */
export const DetectionSchema = z.object({
  name,
  category: z.enum(Object.keys(TECH_CATEGORIES) as [TechCategory, ...TechCategory[]]),
  evidence: z.array(z.string().max(300)).max(5),
});

/** A page's detections and how long reading and matching its signals took. */
export const TechnoReportSchema = z.object({
  detected: z.array(DetectionSchema).max(500),
  /**
   * Milliseconds detection cost the page's report: reading the markup in the content script, plus, in the
   * background, from asking the main world for its globals to the matched result.
   */
  ms: z.number().nonnegative(),
  /** Of which: reading signals inside the page (both worlds), and the validation and matching in the background. */
  pageMs: z.number().nonnegative().optional(),
  matchMs: z.number().nonnegative().optional(),
  /**
   * The main world's round trip (`executeScript` to its answer), started when the content script asked to
   * read the page: it runs while the page is read, so only what remains of it when the report arrives counts
   * in `ms`.
   */
  roundTripMs: z.number().nonnegative().optional(),
});
export type TechnoReport = z.infer<typeof TechnoReportSchema>;
