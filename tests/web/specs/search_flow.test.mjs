// SPDX-License-Identifier: Apache-2.0
// The organizer's main path: search, narrow by a facet, open a profile, shortlist speakers,
// then export the shortlist as CSV and check its rows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';

import { assertNoProblems, launch, parseCsv, screenshots } from '../harness.mjs';

let session;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.close();
});

test('search, facet, profile, shortlist and CSV export', async () => {
  const { page } = session;
  await page.goto('/?q=mlops');
  const cards = page.locator('.speaker-card');
  assert.ok(await cards.count() > 1, 'the search lists several speakers');
  await page.locator('.speaker-card .shortlist-toggle').first().waitFor({ state: 'visible' });
  assert.ok(await page.locator('mark').count() > 0, 'evidence snippets mark the matched words');
  await screenshots(session, 'search');

  // A facet: tick "German" under Language; app.js submits the facet form at once.
  const german = page.locator('.facet-form').getByRole('checkbox', { name: /^German \(/ });
  await Promise.all([page.waitForURL(/lang=de/), german.check()]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'mlops', 'the facet keeps the query');
  assert.deepEqual(url.searchParams.getAll('lang'), ['de']);
  assert.ok(await page.locator('.facet-form').getByRole('checkbox', { name: /^German \(/ }).isChecked());
  assert.ok(await page.getByRole('link', { name: 'Remove filter Language: German' }).isVisible());
  const filtered = await page.locator('.speaker-card').count();
  assert.ok(filtered >= 1);
  for (let i = 0; i < filtered; i++) {
    const languages = await page.locator('.speaker-card').nth(i).locator('dt:text-is("Languages") + dd').textContent();
    assert.match(languages, /German/);
  }

  // Open the first profile.
  const first = page.locator('.result-link').first();
  const firstName = (await first.textContent()).trim();
  await Promise.all([page.waitForURL(/\/speakers\//), first.click()]);
  assert.equal((await page.locator('h1').textContent()).trim(), firstName);
  assert.ok(await page.getByRole('heading', { name: /^Talks \(\d+\)$/ }).isVisible());
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'Person');
  assert.equal(ld.name, firstName);
  const dates = await page.locator('.talk time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'talks are listed newest first');
  await screenshots(session, 'profile');

  // Shortlist from the profile, then a second speaker from the result cards.
  const toggle = page.locator('.shortlist-toggle');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal((await page.locator('[data-shortlist-count]').textContent()).trim(), '(1)');
  await page.goBack();
  await page.waitForURL(/lang=de/);
  const cardButtons = page.locator('.speaker-card .shortlist-toggle');
  await cardButtons.first().waitFor({ state: 'visible' });
  assert.equal(await cardButtons.first().getAttribute('aria-pressed'), 'true',
    'the card knows the speaker is shortlisted');
  await page.goto('/?q=privacy');
  const secondCard = page.locator('.speaker-card').first();
  const secondName = (await secondCard.locator('.result-link').textContent()).trim();
  await secondCard.locator('.shortlist-toggle').click();
  assert.equal((await page.locator('[data-shortlist-count]').textContent()).trim(), '(2)');

  // The shortlist page, from the navigation.
  await Promise.all([page.waitForURL(/\/shortlist$/),
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Shortlist/ }).click()]);
  const rows = page.locator('[data-shortlist-rows] tr');
  assert.equal(await rows.count(), 2);
  assert.equal((await rows.nth(0).locator('th a').textContent()).trim(), firstName);
  assert.equal((await rows.nth(1).locator('th a').textContent()).trim(), secondName);
  const summary = await page.locator('#lineup-text').inputValue();
  assert.match(summary, /^Speaker lineup \(2 speakers\)/);
  assert.ok(summary.includes(`1. ${firstName}`) && summary.includes(`2. ${secondName}`));
  await screenshots(session, 'shortlist');

  // CSV export: a download built in the browser.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'podium-shortlist.csv');
  const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(csv[0], ['id', 'name', 'pronouns', 'headline', 'location', 'languages',
    'topics', 'profile_url']);
  assert.equal(csv.length, 3, 'a header and one row per shortlisted speaker');
  assert.equal(csv[1][1], firstName);
  assert.equal(csv[2][1], secondName);
  assert.match(csv[1][7], /^http:\/\/127\.0\.0\.1:\d+\/speakers\/[A-Za-z0-9._%-]+$/);
  assert.match(csv[1][5], /German/);

  // Remove one; the list and the count follow.
  await rows.nth(0).getByRole('button', { name: `Remove ${firstName} from the shortlist` }).click();
  assert.equal(await page.locator('[data-shortlist-rows] tr').count(), 1);
  assert.equal((await page.locator('[data-shortlist-count]').textContent()).trim(), '(1)');
  assertNoProblems(session);
});
