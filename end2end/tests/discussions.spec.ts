import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, linkInMail, login, mailTo, register, submit, uniqueEmail, visit } from './helpers';

const DISCUSSION = '/en/courses/e2e-first-steps/start/read/discussion';

/** A page in a browser of its own (its own cookies), JavaScript as the project says. */
async function person(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  return context.newPage();
}

/** The thread (first post and replies) whose first post contains `text`. */
function thread(page: Page, text: string) {
  return page.locator('li.thread', { has: page.locator('article', { hasText: text }) });
}

test('a question is answered, its asker hears of it, a moderator accepts the answer and hides a reported post', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const run = `${testInfo.project.name}-${Date.now()}`;
  const question = `How do I choose a host for our choir? (${run})`;
  const answerText = `Ask them for their charter first (${run}).`;

  // A new account learns at once but posts only once its address is verified.
  const askerEmail = uniqueEmail(testInfo, 'asker');
  await register(page, askerEmail, 'Asker', false);
  await visit(page, DISCUSSION);
  await expect(page.getByText('Verify your e-mail address to post')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Post', exact: true })).toHaveCount(0);
  await page.goto(await linkInMail(askerEmail, '/account/verify/'));
  await expect(page.getByRole('status')).toHaveText(/Your e-mail address is verified\./);

  // The question.
  await visit(page, DISCUSSION);
  await page.getByLabel('Question', { exact: true }).check();
  await page.getByLabel('Your message').fill(question);
  let response = await submit(page, 'Post');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Your post is published.');
  await expect(thread(page, question)).toBeVisible();
  await expectAccessible(page);

  // Its author corrects it within the edit window.
  await thread(page, question).getByRole('link', { name: 'Edit' }).click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit');
  await expectAccessible(page);
  await page.getByLabel('Your message').fill(`${question} Thanks!`);
  response = await submit(page, 'Save the changes');
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Your post is updated.');
  await expect(page.getByText(`${question} Thanks!`)).toBeVisible();

  // Another learner answers.
  const helperPage = await person(browser, testInfo);
  const helperEmail = uniqueEmail(testInfo, 'helper');
  await register(helperPage, helperEmail, 'Helper');
  await visit(helperPage, DISCUSSION);
  const helperThread = thread(helperPage, question);
  await helperThread.locator('summary', { hasText: 'Reply to this' }).click();
  await helperThread.getByLabel('Your reply').fill(answerText);
  const [reply] = await Promise.all([
    helperPage.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    helperThread.getByRole('button', { name: 'Reply', exact: true }).click(),
  ]);
  await helperPage.waitForLoadState();
  expect(reply.status()).toBe(303);
  await expect(helperPage.getByRole('status')).toHaveText('Your post is published.');

  // The asker: a notification in the bell and an e-mail whose link works.
  await visit(page, '/en/account');
  await expect(page.locator('a.bell')).toContainText('1');
  await page.locator('a.bell').click();
  await page.waitForLoadState();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  await expectAccessible(page);
  await expect(page.getByRole('link', { name: /Helper replied to your post on “Reading a lesson”/ })).toBeVisible();
  const mails = await mailTo(askerEmail, 2);
  const notice = mails.find((m) => m.subject.includes('replied to your post'));
  expect(notice, 'an e-mail about the reply').toBeDefined();
  expect(notice!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  const link = await linkInMail(askerEmail, '/discussion#post-');
  await page.goto(link);
  await expect(page.getByText(answerText)).toBeVisible();
  // The e-mail's unsubscribe address asks before it stops anything.
  const unsubscribe = new URL(notice!.headers.get('list-unsubscribe')!.replace(/[<>]/g, ''));
  await visit(page, unsubscribe.pathname);
  await expect(page.getByText('Stop the e-mails of this kind: Replies to my posts.')).toBeVisible();

  // A moderator accepts the answer.
  const moderator = await person(browser, testInfo);
  await login(moderator, 'moderator@example.org', 'demo-moderator-password');
  await visit(moderator, DISCUSSION);
  const modThread = thread(moderator, question);
  response = await Promise.all([
    moderator.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    modThread.getByRole('button', { name: 'Accept as the answer' }).click(),
  ]).then(([r]) => r);
  await moderator.waitForLoadState();
  expect(response.status()).toBe(303);
  await expect(thread(moderator, question).getByText('Accepted answer')).toBeVisible();

  // The asker reports the answer; the moderator hides it with a note.
  await visit(page, DISCUSSION);
  const answerArticle = page.locator('article', { hasText: answerText });
  await answerArticle.locator('summary', { hasText: 'Report' }).click();
  await answerArticle.getByLabel('What is wrong with this post?').fill(`Off topic (${run})`);
  response = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    answerArticle.getByRole('button', { name: 'Send the report' }).click(),
  ]).then(([r]) => r);
  await page.waitForLoadState();
  expect(response.status()).toBe(303);
  await expect(page.getByRole('status')).toHaveText('Thank you: the moderators will look at it.');

  await visit(moderator, '/en/discussion/moderation');
  const item = moderator.locator('li.panel', { hasText: `Off topic (${run})` });
  await expect(item).toBeVisible();
  await item.locator('summary', { hasText: 'Moderate' }).click();
  await item.getByLabel('Note to the author').fill('Please keep to the lesson.');
  response = await Promise.all([
    moderator.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    item.getByRole('button', { name: 'Hide', exact: true }).click(),
  ]).then(([r]) => r);
  await moderator.waitForLoadState();
  expect(response.status()).toBe(303);
  await expect(moderator.getByRole('status')).toHaveText('Done.');
  await expectAccessible(moderator);
  await visit(moderator, '/en/discussion/unanswered');

  // Hidden from others; its author is told, with the note.
  await visit(page, DISCUSSION);
  await expect(page.getByText(answerText)).toHaveCount(0);
  await visit(helperPage, '/en/notifications');
  await expect(helperPage.getByRole('link', { name: /A moderator hid your post on “Reading a lesson”/ })).toBeVisible();
  await expect(helperPage.getByText('Please keep to the lesson.')).toBeVisible();
  await visit(helperPage, DISCUSSION);
  await expect(helperPage.getByText('Hidden by a moderator: Please keep to the lesson.')).toBeVisible();

  // Notification settings.
  await visit(helperPage, '/en/notifications/settings');
  await helperPage.getByLabel('By e-mail — Replies to my posts').selectOption('digest');
  response = await submit(helperPage, 'Save my choices');
  expect(response.status()).toBe(303);
  await expect(helperPage.getByLabel('By e-mail — Replies to my posts')).toHaveValue('digest');
  await expectAccessible(helperPage);

  await helperPage.context().close();
  await moderator.context().close();
});
