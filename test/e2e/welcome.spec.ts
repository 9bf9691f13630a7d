import { expect, screen, test } from './fixtures.js';

test('the welcome screen shows data from main: clinic name, clock in clinic time, connection', async ({ kiosk }) => {
  const { page, demo } = kiosk;
  const welcome = screen(page, 'welcome');
  await expect(welcome.getByRole('heading', { level: 1 })).toContainText(demo.config.clinic.name);
  const clock = welcome.locator('time').first();
  await expect(clock).toBeVisible();
  // The clock shows the clinic's time (America/New_York), whatever the machine's zone.
  const expected = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }).format(
    new Date(),
  );
  await expect(clock).toContainText(expected.replace(/\s/g, ' ').split(' ')[0]!.split(':')[0]!);
  // Nothing was probed yet: the kiosk does not claim a connection it has not checked.
  await expect(page.getByText('Checking connection…')).toBeVisible();
  await expect(page.getByText('Connected to the clinic')).toHaveCount(0);
  await kiosk.demo.kiosk.checkHealth();
  await page.reload();
  await expect(page.getByText('Connected to the clinic')).toBeVisible();
  await page.screenshot({ path: 'artifacts/screens/welcome.png' });
});

test('switching to Español changes every text on the screen and the document language', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', /^es/);
  await expect(page.getByRole('button', { name: /Registrarse|Registrar/ })).toBeVisible();
  await expect(page.getByText('Check in for your appointment today.')).toHaveCount(0);
  await page.screenshot({ path: 'artifacts/screens/welcome-es.png' });
});

test('the renderer has no Node, no Electron and no network', async ({ kiosk }) => {
  const { page } = kiosk;
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>)['require'],
    process: typeof (globalThis as Record<string, unknown>)['process'],
    kiosk: typeof (globalThis as Record<string, unknown>)['kiosk'],
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', kiosk: 'object' });
  // CSP connect-src 'none': fetch from the page is refused by the browser itself.
  const fetchResult = await page.evaluate(() =>
    fetch('https://example.org/').then(
      () => 'fetched',
      (e: Error) => e.name,
    ),
  );
  expect(fetchResult).toBe('TypeError');
  const csp = await page.evaluate(async () => ((await await window.kiosk.info()) as { ok: boolean }).ok);
  expect(csp).toBe(true);
});
