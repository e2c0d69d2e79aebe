import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Commands of wrangler that publish: a site built for them must name its public origin. */
const PUBLISHING = new Set(['deploy', 'versions upload']);

/** The origin wrangler.toml ships with: an example, which no site can be reached at. */
export const EXAMPLE_ORIGIN = 'https://news.example.org';

/** Where an operator sets the origin. */
const WHERE = 'set SITE_ORIGIN in wrangler.toml [vars] to the site’s public origin (then npm run types)';

// Names that are this machine or a network of its own, by their last labels: localhost (RFC 6761), .local
// (mDNS, RFC 6762), .internal, home.arpa (RFC 8375).
const LOCAL_NAMES: readonly (readonly string[])[] = [['localhost'], ['local'], ['internal'], ['home', 'arpa']];

/**
 * Why a host is not a public address, or undefined if it may be one. An IP address (IPv4, IPv6, IPv4 mapped
 * into IPv6) is public only in ipaddr.js's `unicast` range: loopback, private, link-local, unique-local,
 * carrier-grade NAT (100.64/10), site-local, unspecified, reserved and the rest are not. A name is judged by
 * its labels (a final dot is the root: `localhost.` is `localhost`), never by its spelling as an address.
 */
export function localReason(hostname: string): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host)) {
    let address = ipaddr.parse(host);
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
    const range = address.range();
    return range === 'unicast' ? undefined : `a ${range} address`;
  }
  const labels = host.replace(/\.$/, '').split('.');
  for (const suffix of LOCAL_NAMES)
    if (labels.length >= suffix.length && suffix.every((label, i) => labels[labels.length - suffix.length + i] === label))
      return `a name of this machine or a private network (.${suffix.join('.')})`;
  return labels.length < 2 ? 'a name with no domain, which only a local network resolves' : undefined;
}

/** Whether a host is this machine or a private network: a site built for it works nowhere else. */
export const isLocalHost = (hostname: string): boolean => localReason(hostname) !== undefined;

/**
 * The origin every absolute URL of the site starts with (`SITE_ORIGIN`): an http(s) origin with no path,
 * query or credentials. Refused for a local address when `command` (wrangler's, for the build) publishes.
 */
export function checkOrigin(value: string | undefined, command: string | undefined): string | { problem: string } {
  if (!value) return { problem: `SITE_ORIGIN is not set: give it in wrangler.toml [vars] (${EXAMPLE_ORIGIN})` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `SITE_ORIGIN "${value}" is not a URL: give an origin such as ${EXAMPLE_ORIGIN}` };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value.replace(/\/$/, ''))
    return { problem: `SITE_ORIGIN "${value}" must be an http(s) origin alone, with no path, query or credentials` };
  const local = command !== undefined && PUBLISHING.has(command) ? localReason(url.hostname) : undefined;
  if (local) return { problem: `refusing to build for ${url.origin} and \`wrangler ${command}\` it: ${local}; ${WHERE}` };
  return url.origin;
}

/**
 * The origin a deploy publishes, checked as `checkOrigin` does for `wrangler deploy`, and refused while it
 * is still the example wrangler.toml ships with.
 */
export function checkDeployOrigin(value: string | undefined): string | { problem: string } {
  const origin = checkOrigin(value, 'deploy');
  if (origin === EXAMPLE_ORIGIN) return { problem: `SITE_ORIGIN is still the example ${EXAMPLE_ORIGIN}: ${WHERE}` };
  return origin;
}
