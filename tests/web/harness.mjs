// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the browser specs: launching Debian's chromium through playwright-core
// (never a downloaded browser), the server address run.sh started, screenshots, and guards
// that fail a test when a page opens a dialog or logs an error.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

export const BASE = process.env.PODIUM_WEB_BASE;
if (!BASE) throw new Error('PODIUM_WEB_BASE is not set: run the specs through tests/web/run.sh');

export const SCREENSHOT_DIR = process.env.PODIUM_SCREENSHOT_DIR ||
  path.join(os.tmpdir(), 'podium-web-screenshots');

const CHROMIUM = process.env.PODIUM_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A browser with a fresh profile (its own --user-data-dir, removed by close()).
export async function launch({ javaScriptEnabled = true, width = 1280, height = 900 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'podium-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled,
    viewport: { width, height },
    acceptDownloads: true,
    baseURL: BASE,
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  context.on('page', (p) => watch(p, problems));
  watch(page, problems);
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Any dialog (alert/confirm/prompt) is an injected script running: record it and dismiss it.
function watch(page, problems) {
  page.on('dialog', async (dialog) => {
    problems.push(`dialog fired: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[04]/.test(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
}

export function assertNoProblems(session) {
  assert.deepEqual(session.problems, [], 'the pages opened dialogs or raised errors');
}

// Saves full-page screenshots of the current URL at 1280 px and 360 px; returns the paths.
export async function screenshots(session, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const saved = [];
  const { page } = session;
  const original = page.viewportSize();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshot: ${file}`);
    saved.push(file);
  }
  await page.setViewportSize(original);
  return saved;
}

// Elements an injected payload would create: a test page must never contain them.
export async function injectedElements(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
      }
    }
    const selectors = ['img', 'svg', 'iframe', 'marquee', 'b', 'i', 'object', 'embed',
      'script:not([src]):not([type="application/ld+json"])'];
    for (const sel of selectors) {
      for (const el of document.querySelectorAll(sel)) found.push(el.outerHTML.slice(0, 80));
    }
    return found;
  });
}

// Parses CSV text (RFC 4180, quoted fields, CRLF) into rows of fields.
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
