// Test harness: starts scripts/serve.mjs on a free port, launches the system
// Chromium through playwright-core with a fresh profile, and records console
// errors and every request that would leave 127.0.0.1.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..', '..');
export const SCREENSHOTS = join(here, 'screenshots');
export const PKG_DIR = resolve(process.env.E2E_PKG_DIR || join(ROOT, 'pkg'));
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// TOOLCHAIN.md: without these the browser keeps trying to reach outside.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export function preflight() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  if (!existsSync(join(PKG_DIR, 'index.js'))) {
    throw new Error(`no built package at ${PKG_DIR}: run "make pkg" first (or set E2E_PKG_DIR)`);
  }
}

/** Starts the static server on a free port; resolves to { url, stop }. */
export function startServer() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--port', '0', '--pkg', PKG_DIR], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '' },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs did not start: ${out}${err}`));
    }, 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1],
          stop: () => new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', () => r());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/Serving/.test(out)) reject(new Error(`serve.mjs exited ${code}: ${err}`));
    });
  });
}

/**
 * Launches Chromium with a fresh --user-data-dir (a persistent context on a new
 * temp dir). Returns { context, page, errors, external, newPage, close }.
 */
export async function openBrowser({ viewport = DESKTOP, locale = 'en-US' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'reinstall-kit-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  const errors = [];
  const external = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || (u.protocol === 'http:' && u.hostname === '127.0.0.1')) return route.continue();
    external.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (!(u.protocol === 'data:' || u.hostname === '127.0.0.1')) external.push(req.url());
  });
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    errors,
    external,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page and waits until the package has loaded and the form is built. */
export async function load(page, url) {
  await page.goto(url);
  await waitReady(page);
}

/** Waits until the package has loaded and the form is built. */
export async function waitReady(page) {
  await page.waitForSelector('body.is-ready #params-body [data-field]', { timeout: 15000 });
  await settle(page);
}

/** Waits for the debounced validation to run. */
export async function settle(page) {
  await page.waitForFunction(() => !document.getElementById('status').classList.contains('is-loading'));
  await page.waitForTimeout(350);
}

export async function selectProvider(page, id) {
  await page.click(`label[for="provider-${id}"]`);
  await page.waitForSelector(`#provider-${id}:checked`);
  await settle(page);
}

/** Types a value into the input of a documented field name, like a user. */
export async function typeInto(page, field, value) {
  const sel = `[data-field="${field}"]`;
  await page.fill(sel, '');
  await page.type(sel, String(value), { delay: 0 });
}

export async function typeContext(page, key, value) {
  const sel = `[data-context="${key}"]`;
  await page.fill(sel, '');
  await page.type(sel, String(value), { delay: 0 });
}

export async function statusClass(page) {
  return page.$eval('#status', (el) => [...el.classList].find((c) => c.startsWith('is-')));
}

export async function blockText(page, key) {
  return page.$eval(`#result-${key}`, (el) => (el.closest('[hidden]') ? '' : el.textContent));
}

/** Issues shown next to a field: [{ field, code, severity, message }]. */
export async function fieldIssues(page, field) {
  return page.$$eval(`[data-wrap="${field}"] .issues li.issue, fieldset[data-field="${field}"] > .issues li.issue`, (lis) =>
    lis.map((li) => ({
      field: li.dataset.field,
      code: li.dataset.code || null,
      severity: li.dataset.severity,
      message: li.querySelector('.issue-message').textContent,
    })));
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // From the top, without the transient toast, so sticky parts sit where a reader expects them.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.getElementById('toast')?.classList.remove('is-visible');
  });
  await page.waitForTimeout(50);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
