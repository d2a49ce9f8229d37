import * as fs from 'node:fs';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page, type Response, type TestInfo } from '@playwright/test';

/**
 * Fails on any WCAG 2.1 A/AA violation axe-core finds on the current page.
 * axe runs inside the page, so for a page shown without JavaScript the same
 * HTML is scanned in a scratch page of the same origin (with the same styles;
 * the page's own scripts stay blocked by its Content-Security-Policy).
 */
export async function expectAccessible(page: Page): Promise<void> {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (test.info().project.use.javaScriptEnabled === false) {
    const html = await page.content();
    const url = new URL(page.url());
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    target = await scratch.newPage();
    await target.goto(`${url.origin}/healthz`);
    await target.setContent(html, { waitUntil: 'load' });
  }
  const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  await scratch?.close();
  const report = results.violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(results.violations, `accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** Opens a page, checks its status and scans it. */
export async function visit(page: Page, path: string, status = 200): Promise<Response> {
  const response = await page.goto(path);
  expect(response, `no response for ${path}`).not.toBeNull();
  expect(response!.status(), `status of ${path}`).toBe(status);
  await expectAccessible(page);
  return response!;
}

/** Clicks a submit button and returns the response to the form's POST. */
export async function submit(page: Page, button: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** An address no other test or project uses. */
export function uniqueEmail(testInfo: TestInfo, label: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${label}-${testInfo.project.name}-${Date.now()}-${random}@example.org`;
}

export const PASSWORD = 'a sentence long enough';

/**
 * Creates an account through the form and, unless told not to, verifies its
 * address with the link of the e-mail it is sent (as a person would before
 * posting or contributing).
 */
export async function register(page: Page, email: string, name = 'E2E Learner', verify = true): Promise<void> {
  await visit(page, '/en/register');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const response = await submit(page, 'Create my account');
  expect(response.status()).toBe(303);
  await expect(page).toHaveURL(/\/en\/account$/);
  if (verify) {
    const link = await linkInMail(email, '/account/verify/');
    await page.goto(link);
    await expect(page.getByRole('status')).toHaveText(/Your e-mail address is verified\./);
  }
}

/** One e-mail the server wrote to its pickup folder. */
export interface Mail {
  to: string;
  subject: string;
  body: string;
  headers: Map<string, string>;
}

function decodeBody(encoding: string, body: string): string {
  if (encoding === 'base64') {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const hex = joined.slice(i + 1, i + 3);
      if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(joined[i], 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

function parseMail(raw: string): Mail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const subject = (headers.get('subject') ?? '').replace(/=\?utf-8\?b\?([^?]*)\?=\s*/gi, (_, b64) =>
    Buffer.from(b64, 'base64').toString('utf8'),
  );
  return {
    to: headers.get('to') ?? '',
    subject,
    body: decodeBody(encoding, raw.slice(split + 4)),
    headers,
  };
}

/** The e-mails written to `to` so far, waiting up to ten seconds for at least `count`. */
export async function mailTo(to: string, count = 1): Promise<Mail[]> {
  const dir = process.env.ARCHIPEL_E2E_MAIL_DIR;
  if (!dir) throw new Error('ARCHIPEL_E2E_MAIL_DIR is not set: run the suite through scripts/test.sh');
  let found: Mail[] = [];
  for (let i = 0; i < 100; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    found = files
      .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => a.at - b.at)
      .map(({ f }) => parseMail(fs.readFileSync(path.join(dir, f), 'utf8')))
      .filter((m) => m.to === to || m.to.endsWith(`<${to}>`));
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${count} e-mail(s) to ${to}, found ${found.length}`);
}

/**
 * The link containing `marker` in the latest e-mail to `to` that has one (as a
 * path on this server), waiting up to ten seconds for such an e-mail: other
 * messages to the same address may come first.
 */
export async function linkInMail(to: string, marker: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mails = await mailTo(to, 0);
    const url = mails
      .map((m) => m.body.split(/\s+/).find((w) => w.includes(marker)))
      .filter((u): u is string => u !== undefined)
      .pop();
    if (url) {
      const parsed = new URL(url);
      return parsed.pathname + parsed.search + parsed.hash;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no e-mail to ${to} with a ${marker} link`);
}

export async function login(page: Page, email: string, password: string): Promise<void> {
  await visit(page, '/en/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const response = await submit(page, 'Log in');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('You are logged in.');
}

export async function logout(page: Page): Promise<void> {
  await submit(page, 'Log out');
  await expect(page).toHaveURL(/\/en\/$/);
}
