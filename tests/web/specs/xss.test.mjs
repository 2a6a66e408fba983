// SPDX-License-Identifier: Apache-2.0
// Hostile data (tests/testdata/web/xss.jsonl) shows as text on every page: no dialog fires, no
// element is injected, the JSON-LD block is not broken out of, and a ranking-only
// self-identification never reaches the page bytes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE, assertNoProblems, injectedElements, launch, screenshots } from '../harness.mjs';

const HOSTILE_NAME = 'Eve <script>alert(1)</script> Hacker';
const CANARIES = ['canary-ranking-only-7f3a9', 'canary-group-7f3a9'];

let session;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.close();
});

async function expectClean(page, url) {
  await page.goto(url);
  await page.waitForLoadState('load');
  assert.deepEqual(await injectedElements(page), [], `no injected element on ${url}`);
}

test('hostile profile fields show as text', async () => {
  const { page } = session;
  await expectClean(page, '/speakers/xss-script-bio');
  assert.equal(await page.locator('h1').textContent(), HOSTILE_NAME);
  assert.equal(await page.title(), `${HOSTILE_NAME} · Podium`);
  const bio = await page.locator('.bio').textContent();
  assert.ok(bio.includes('<script>alert(1)</script>'));
  assert.ok(bio.includes('"><img src=x onerror=alert(1)>'));
  assert.ok(bio.includes('</script><script>alert(3)</script>'));
  assert.ok(await page.getByText('"><img src=x onerror=alert(2)>').first().isVisible());
  assert.ok(await page.getByRole('heading', {
    name: '</mark><script>alert(10)</script> Xylophonics <img src=x onerror=alert(11)>',
  }).isVisible());
  assert.ok(await page.getByRole('link', { name: '<img src=x onerror=alert(6)>' }).isVisible());

  // One JSON-LD block, intact, holding the hostile strings as data.
  const blocks = page.locator('script[type="application/ld+json"]');
  assert.equal(await blocks.count(), 1);
  const ld = JSON.parse(await blocks.textContent());
  assert.equal(ld.name, HOSTILE_NAME);
  assert.ok(ld.description.includes('</script><script>alert(3)</script>'));
  assert.equal(ld.gender, '<script>alert(9)</script>', 'public self_id is kept');
  await screenshots(session, 'profile-xss');
  assertNoProblems(session);
});

test('hostile data in search results, facets, communities, recommend and shortlist', async () => {
  const { page } = session;
  await expectClean(page, '/?q=xylophonics');
  assert.ok(await page.getByRole('link', { name: HOSTILE_NAME }).isVisible());
  assert.ok(await page.locator('.snippet mark').count() > 0, 'marks survive');
  const snippets = await page.locator('.snippet').allTextContents();
  assert.ok(snippets.some((s) => s.includes('<script>alert(12)</script>')));
  // A hostile facet value, ticked.
  const svg = page.locator('.facet-form').getByRole('checkbox', { name: /^<svg onload=alert\(4\)>/ });
  await Promise.all([page.waitForURL(/topic=/), svg.check()]);
  assert.deepEqual(await injectedElements(page), []);
  assert.ok(await page.getByRole('link', { name: 'Remove filter Topic: <svg onload=alert(4)>' }).isVisible());

  await expectClean(page, '/communities?q=xylophonics');
  assert.ok(await page.getByRole('link', { name: '<script>alert(16)</script> Club', exact: true })
    .isVisible());
  assert.equal(await page.getByRole('link', {
    name: /^Speakers in this community ?: <script>alert\(16\)<\/script> Club$/,
  }).count(), 1);
  assert.ok(await page.getByText('"><img src=x onerror=alert(17)>', { exact: false }).isVisible());

  await expectClean(page, '/recommend?text=xylophonics&size=3');
  assert.ok(await page.getByRole('link', { name: HOSTILE_NAME }).isVisible());

  // Hostile shortlist entries are written as text on the shortlist page and in the summary.
  await page.goto('/speakers/xss-script-bio');
  await page.locator('.shortlist-toggle').click();
  await expectClean(page, '/shortlist');
  assert.equal(await page.locator('[data-shortlist-rows] th a').textContent(), HOSTILE_NAME);
  assert.ok((await page.locator('#lineup-text').inputValue()).includes(HOSTILE_NAME));

  // Errors echo the query as text too.
  await expectClean(page, '/?q=' + encodeURIComponent('<script>alert(20)</script> AND'));
  assert.equal(await page.getByLabel('Search by topic, name or talk').inputValue(),
    '<script>alert(20)</script> AND');
  await expectClean(page, '/speakers/' + encodeURIComponent('"><img src=x onerror=alert(21)>'));
  assert.match(await page.locator('main').textContent(), /onerror=alert\(21\)/);
  assertNoProblems(session);
});

test('a ranking-only self-identification never appears in page bytes', async () => {
  const urls = ['/speakers/xss-consent-canary', '/?q=xylophonics', '/?q=casey+canary',
    '/recommend?text=xylophonics+pipelines', '/?q=xylophonics&k=100'];
  for (const url of urls) {
    const response = await fetch(BASE + url);
    assert.equal(response.status, 200, url);
    const body = await response.text();
    for (const canary of CANARIES) assert.ok(!body.includes(canary), `${canary} leaked on ${url}`);
  }
  const { page } = session;
  await page.goto('/speakers/xss-consent-canary');
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld.name, 'Casey Canary');
  assert.equal(ld.gender, undefined);
  assert.equal(await page.locator('dt', { hasText: 'Self-identification' }).count(), 0);
});
