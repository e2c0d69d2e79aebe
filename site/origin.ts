/** Commands of wrangler that publish: a site built for them must name its public origin. */
const PUBLISHING = new Set(['deploy', 'versions upload']);

/** Whether a host is this machine or a private network: a site built for it works nowhere else. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host === '::1' ||
    host === '::' ||
    /^(?:127|10|0)\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(?:1[6-9]|2\d|3[01])\./.test(host) ||
    /^169\.254\./.test(host) ||
    /^f[cd][0-9a-f]{2}:/.test(host) ||
    /^fe80:/.test(host)
  );
}

/**
 * The origin every absolute URL of the site starts with (`SITE_ORIGIN`): an http(s) origin with no path,
 * query or credentials. Refused for a local address when `command` (wrangler's, for the build) publishes.
 */
export function checkOrigin(value: string | undefined, command: string | undefined): string | { problem: string } {
  if (!value) return { problem: 'SITE_ORIGIN is not set: give it in wrangler.toml [vars] (https://news.example.org)' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `SITE_ORIGIN "${value}" is not a URL: give an origin such as https://news.example.org` };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value.replace(/\/$/, ''))
    return { problem: `SITE_ORIGIN "${value}" must be an http(s) origin alone, with no path, query or credentials` };
  if (command !== undefined && PUBLISHING.has(command) && isLocalHost(url.hostname))
    return {
      problem: `refusing to build for ${url.origin} and \`wrangler ${command}\` it: a local address; set SITE_ORIGIN in wrangler.toml [vars] to the site's public origin`,
    };
  return url.origin;
}
