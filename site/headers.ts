import { Hono } from 'hono';
import { headerRules, headersFile, type HeaderRule, type RuleEdition } from '../src/header-rules.ts';
import { securityHeaders } from '../src/headers.ts';

/** `content-security-policy` → `Content-Security-Policy`, as a person writes it in `_headers`. */
const canonicalName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** The security headers every response carries, as the worker's own middleware sets them. */
export async function securityHeaderValues(): Promise<Record<string, string>> {
  const probe = new Hono().use(securityHeaders).get('/', (c) => c.body(null));
  const response = await probe.request('/');
  return Object.fromEntries([...response.headers].map(([name, value]) => [canonicalName(name), value]));
}

/** The rules of the static assets and their `_headers` file, for these editions. */
export async function staticHeaders(editions: readonly RuleEdition[]): Promise<{ rules: HeaderRule[]; file: string }> {
  const rules = headerRules(await securityHeaderValues(), editions);
  return { rules, file: headersFile(rules) };
}
