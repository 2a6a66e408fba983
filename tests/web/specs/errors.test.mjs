// SPDX-License-Identifier: Apache-2.0
// Pages that report problems in words (bad query, unknown speaker, no results), paging, the
// diversity switch, the communities filters, and safe static file serving.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { BASE, assertNoProblems, launch, screenshots } from '../harness.mjs';

let session;
before(async () => {
  session = await launch();
});
after(async () => {
  await session?.close();
});

function rawGet(path) {
  const url = new URL(BASE);
  return new Promise((resolve, reject) => {
    http.get({ host: url.hostname, port: url.port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    }).on('error', reject);
  });
}

test('a bad query shows the 400 message next to the form', async () => {
  const { page } = session;
  const response = await page.goto('/?q=AND');
  assert.equal(response.status(), 400);
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /cannot parse the query/);
  assert.equal(await page.getByLabel('Search by topic, name or talk').inputValue(), 'AND');
  const k = await page.goto('/?q=mlops&k=500');
  assert.equal(k.status(), 400);
  assert.match(await page.getByRole('alert').textContent(), /k: must be an integer from 1 to 100/);
});

test('an unknown speaker gets a 404 page', async () => {
  const { page } = session;
  const response = await page.goto('/speakers/nobody-by-this-id');
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('h1').textContent(), 'Speaker not found');
  assert.ok(await page.getByRole('link', { name: 'Search for speakers' }).isVisible());
});

test('empty results suggest the spelling and dropping filters', async () => {
  const { page } = session;
  // A misspelling: the library may already search the correction too, so the suggestion is a
  // "Did you mean" line above results or an entry in the empty-results list.
  await page.goto('/?q=mlosp');
  const suggestion = page.locator('.did-you-mean a, .empty a').filter({ hasText: 'mlops' }).first();
  await Promise.all([page.waitForURL(/q=mlops/), suggestion.click()]);
  assert.ok(await page.locator('.result-link').count() > 0);

  await page.goto('/?q=qqxzv');
  assert.ok(await page.getByRole('heading', { name: 'No speakers found' }).isVisible());
  assert.ok(await page.getByRole('link', { name: 'Browse all speakers' }).isVisible());

  await page.goto('/?q=mlops&lang=de&country=JP');
  assert.ok(await page.getByRole('heading', { name: 'No speakers found' }).isVisible());
  await screenshots(session, 'search-empty');
  const drop = page.getByRole('link', { name: 'Drop the filter Country: Japan' });
  await Promise.all([page.waitForURL((u) => !u.searchParams.has('country')), drop.click()]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), 'mlops');
  assert.equal(url.searchParams.get('lang'), 'de');
  assert.ok(await page.locator('.result-link').count() > 0);
});

test('paging and the diverse lineup switch live in the URL', async () => {
  const { page } = session;
  await page.goto('/?k=5');
  const firstPage = await page.locator('.result-link').allTextContents();
  assert.equal(firstPage.length, 5);
  await Promise.all([page.waitForURL(/offset=5/), page.getByRole('link', { name: 'Next →' }).click()]);
  const secondPage = await page.locator('.result-link').allTextContents();
  assert.equal(secondPage.length, 5);
  assert.ok(!secondPage.some((name) => firstPage.includes(name)), 'page 2 shows other speakers');

  await page.goto('/?q=privacy&k=3');
  await page.getByLabel('Diverse lineup').check();
  await Promise.all([page.waitForURL(/diversity=on/), page.getByRole('button', { name: 'Search' }).click()]);
  assert.ok(await page.getByLabel('Diverse lineup').isChecked());
  const next = page.getByRole('link', { name: 'Next →' });
  assert.match(await next.getAttribute('href'), /diversity=on/);
  assert.match(await next.getAttribute('href'), /k=3/);
});

test('communities are searchable and filterable', async () => {
  const { page } = session;
  await page.goto('/communities');
  const all = await page.locator('.community-card').count();
  assert.ok(all > 3);
  await screenshots(session, 'communities');
  await page.getByLabel('Type').selectOption('network');
  await page.getByLabel('Offers travel grants').check();
  await Promise.all([page.waitForURL(/type=network/),
    page.getByRole('button', { name: 'Find communities' }).click()]);
  const cards = page.locator('.community-card');
  const n = await cards.count();
  assert.ok(n >= 1 && n < all);
  for (let i = 0; i < n; i++) assert.match(await cards.nth(i).textContent(), /network · .*travel grants|network · travel grants/);
  await page.goto('/communities?q=mentoring');
  assert.ok(await page.locator('.community-card').count() >= 1);
  await Promise.all([page.waitForURL(/region=global/),
    page.getByRole('link', { name: 'Communities in Global' }).first().click()]);
  assert.ok(await page.locator('.community-card').count() >= 1);
  assertNoProblems(session);
});

test('static files: only plain names directly in the web root', async () => {
  const ok = await rawGet('/static/app.js');
  assert.equal(ok.status, 200);
  assert.match(ok.type, /^text\/javascript/);
  const css = await rawGet('/static/style.css');
  assert.equal(css.status, 200);
  for (const path of ['/static/../CMakeLists.txt', '/static/..%2fCMakeLists.txt',
    '/static/%2e%2e/CMakeLists.txt', '/static/%2e%2e%2fCMakeLists.txt', '/static//etc/passwd',
    '/static/%2fetc%2fpasswd', '/static/.hidden', '/static/', '/static/nope.js']) {
    const res = await rawGet(path);
    assert.equal(res.status, 404, path);
    assert.ok(!res.body.includes('cmake_minimum_required') && !res.body.includes('root:'), path);
  }
});
