import { secureHeaders } from 'hono/secure-headers';

// Cache rules and security headers: one definition for the pages the build writes and for the worker's answers.

/** Edition pages are the same for every reader of their URL: browsers keep them briefly, the edge longer. */
export const EDITION_CACHE_CONTROL = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=86400';
/** A 404 at an edition's URL is the same for everyone, but may not stay one for long. */
export const NOT_FOUND_CACHE_CONTROL = 'public, max-age=60, s-maxage=300';
/** Assets whose URL changes with their bytes. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Responses chosen by the reader's headers or cookie are never stored for anyone else. */
export const NEGOTIATED_CACHE_CONTROL = 'private, no-store';
/** What a negotiated response depends on. */
export const NEGOTIATED_VARY = 'Accept-Language, Cookie';
/** The only methods this read-only site answers. */
export const ALLOWED_METHODS = 'GET, HEAD';

/**
 * Security headers on every response. The policy needs no nonce (a nonce would be cached for everyone):
 * the pages run no script (their one script element is JSON-LD data) and have one stylesheet from this origin.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'"],
    imgSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
    browsingTopics: [],
  },
});
