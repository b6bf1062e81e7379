import { expect, type Page, test } from '@playwright/test';
import type { StepDef } from '../lessons/types';
import { hostCgroupVersion } from '../lib/host-cgroup';
import { lessonBySlug, runInTerminal, runStep, waitConnected } from './helpers';

const version = hostCgroupVersion();
const SECTIONS = ['processes', 'cgroups', 'mounts', 'network'] as const;

/** The distinct UTS namespaces among the processes the panel draws. */
async function utsBadges(page: Page): Promise<number> {
  const inodes = await page
    .locator('[data-testid="panel-proc"] [data-ns-kind="uts"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-ns')));
  return new Set(inodes).size;
}

async function show(page: Page, section: (typeof SECTIONS)[number]) {
  await page.getByTestId(`kernel-panel-tab-${section}`).click();
  await expect(page.getByTestId('kernel-panel')).toHaveAttribute('data-section', section);
}

async function screenshots(page: Page, locale: string, testInfo: { outputPath(name: string): string }) {
  // Tall enough for a whole section: the panel takes at most 45 % of the terminal column.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1500, height: 2400 });
  for (const section of SECTIONS) {
    await show(page, section);
    const path = testInfo.outputPath(`kernel-panel-${section}-${locale}.png`);
    await page.getByTestId('kernel-panel').screenshot({ path });
    await test.info().attach(`kernel-panel-${section}-${locale}`, { path, contentType: 'image/png' });
  }
  if (size) await page.setViewportSize(size);
}

test(`the Kernel panel in lesson 02: a second UTS badge after unshare -u and hostname; every section in pt and gl (cgroup ${version})`, async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const lesson = lessonBySlug('02-unshare');
  const step = (id: string) => lesson.steps.find((s) => s.id === id) as StepDef;
  await page.setViewportSize({ width: 1500, height: 1100 });
  // Every `panel` frame the agent sends to this page (whether each is a full view), and the last `panel`
  // frame the page sent (opening or closing the stream) with how many had arrived by then.
  const panelFrames: boolean[] = [];
  let lastPanelSent: { open: boolean; at: number } | undefined;
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => {
      if (typeof f.payload === 'string' && f.payload.startsWith('{"type":"panel"'))
        panelFrames.push((JSON.parse(f.payload) as { full?: boolean }).full === true);
    });
    ws.on('framesent', (f) => {
      if (typeof f.payload === 'string' && f.payload.startsWith('{"type":"panel"'))
        lastPanelSent = { open: (JSON.parse(f.payload) as { open: boolean }).open, at: panelFrames.length };
    });
  });
  await page.goto(`/pt/${lesson.slug}`);
  await waitConnected(page, 0);
  await page.getByTestId('tab-1').click();
  await waitConnected(page, 1);

  // Closed by default: the terminals are the main view.
  const panel = page.getByTestId('kernel-panel');
  await expect(panel).toHaveAttribute('data-open', 'false');
  await page.getByTestId('kernel-panel-toggle').click();
  await expect(panel).toHaveAttribute('data-open', 'true');
  await show(page, 'processes');
  await expect.poll(() => page.getByTestId('panel-proc').count()).toBeGreaterThanOrEqual(2);
  expect(await utsBadges(page)).toBe(1);

  await runStep(page, step('unshare'), version);
  await runStep(page, step('hostname'), version);
  await expect.poll(() => utsBadges(page)).toBe(2);
  const sh = page.locator('[data-testid="panel-proc"][data-comm="sh"]');
  await expect(sh.getByTestId('proc-hostname')).toContainText('contedor-a-man');
  // PID 1 of its own PID namespace, another PID in the sandbox's.
  await expect(sh).toHaveAttribute('data-pids', /^\d+ 1$/);

  // A hidden tab gets nothing, even while its sandbox changes; shown again, it gets the changes.
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  // No fixed wait: the page says it closed the stream, the sandbox changes, and when the page shows again
  // the agent starts a new stream with a full view. An agent that kept streaming to the hidden page would
  // still hold that stream and go on with a change (full: false), so this fails without any timing.
  await setHidden(true);
  await expect.poll(() => lastPanelSent?.open).toBe(false);
  const hiddenAt = lastPanelSent?.at ?? 0;
  await runInTerminal(page, 1, 'sleep 30 & true');
  // At most the one frame already on its way when the page hid.
  expect(panelFrames.length - hiddenAt).toBeLessThanOrEqual(1);
  await setHidden(false);
  await expect(page.locator('[data-testid="panel-proc"][data-comm="sleep"]')).toHaveCount(1);
  expect(lastPanelSent?.open).toBe(true);
  expect(panelFrames.slice(lastPanelSent?.at ?? 0)[0]).toBe(true);

  // The same facts in the table view.
  await page.getByTestId('kernel-panel-table-view').click();
  await expect(page.getByTestId('panel-proc-table')).toContainText('contedor-a-man');
  await page.getByTestId('kernel-panel-table-view').click();

  // A memory limit and an OOM kill, seen as it happens.
  const cg = version === 'v2' ? '/sys/fs/cgroup/demo' : '/sys/fs/cgroup/memory/demo';
  const limit = version === 'v2' ? 'memory.max' : 'memory.limit_in_bytes';
  await show(page, 'cgroups');
  await runInTerminal(page, 1, `mkdir ${cg} && echo 64M > ${cg}/${limit}`);
  if (version === 'v2') await runInTerminal(page, 1, `echo 0 > ${cg}/memory.swap.max`);
  await expect(page.locator('[data-testid="panel-cgroup"][data-path="/demo"]')).toBeVisible();
  // Kernel values as their files hold them, not as numbers of the page's locale ("1.024" in pt): the
  // sandbox's CPU weight and a pids.max written here.
  const pidsDir = version === 'v2' ? cg : '/sys/fs/cgroup/pids/demo';
  await runInTerminal(page, 1, `mkdir -p ${pidsDir} && echo 1500 > ${pidsDir}/pids.max`);
  const weight = await runInTerminal(
    page,
    1,
    `cat ${version === 'v2' ? '/sys/fs/cgroup/cpu.weight' : '/sys/fs/cgroup/cpu/cpu.shares'}`,
  );
  expect(weight).toMatch(/^\d+$/);
  const demoPids = page.locator('[data-testid="panel-cgroup"][data-path="/demo"] [data-testid="cgroup-pids"]');
  await expect(demoPids).toContainText('de 1500');
  const rootCpu = page.locator('[data-testid="panel-cgroup"][data-path="/"] [data-testid="cgroup-cpu"]').first();
  await expect(rootCpu).toContainText(`peso ${weight}`);
  await runInTerminal(
    page,
    1,
    `(echo $BASHPID > ${cg}/cgroup.procs; exec perl -e 'while (1) { $x .= "x" x 1048576; select(undef, undef, undef, 0.05) }')`,
  );
  await expect(
    page.locator('[data-testid="memory-chart"][data-path="/demo"] [data-testid="chart-event"]'),
  ).toHaveAttribute('data-event', 'oom');

  // An overlay with a file written through it and one deleted through it.
  await runInTerminal(
    page,
    1,
    'mkdir -p /root/ov && mount -t tmpfs ov /root/ov && cd /root/ov && mkdir lower upper work merged && echo a > lower/a.txt && echo b > lower/b.txt',
  );
  await runInTerminal(
    page,
    1,
    'mount -t overlay overlay -o lowerdir=/root/ov/lower,upperdir=/root/ov/upper,workdir=/root/ov/work /root/ov/merged && echo novo > merged/novo.txt && rm merged/a.txt; cd',
  );
  await show(page, 'mounts');
  // The Mounts section opens on the shell the tab on show types into: tab B's bash; with tab A shown, the
  // container's sh, not the unshare that started it.
  const chosen = () =>
    page.getByTestId('mounts-proc').evaluate((el) => {
      const select = el as HTMLSelectElement;
      return select.options[select.selectedIndex]?.text ?? '';
    });
  await expect.poll(chosen).toMatch(/^\d+ bash$/);
  await page.getByTestId('tab-0').click();
  await expect.poll(chosen).toMatch(/^\d+ sh$/);
  await page.getByTestId('tab-1').click();
  const upper = page.locator('[data-testid="overlay-layer"][data-role="upper"]');
  await expect(upper.locator('[data-testid="layer-entry"][data-path="a.txt"]')).toHaveAttribute(
    'data-type',
    'whiteout',
  );
  await expect(upper.locator('[data-testid="layer-entry"][data-path="novo.txt"]')).toHaveAttribute('data-type', 'file');

  // A veth pair between the sandbox and the container's network namespace.
  await runInTerminal(
    page,
    1,
    'ip link add veth0 type veth peer name ceth0 && ip link set ceth0 netns $(pgrep -n -x sh) && ip addr add 10.200.0.1/24 dev veth0 && ip link set veth0 up',
  );
  await show(page, 'network');
  await expect(page.getByTestId('net-ns')).toHaveCount(2);
  await expect(page.locator('[data-testid="net-iface"][data-name="ceth0"]')).toBeVisible();
  await expect(page.getByTestId('veth-link')).toHaveCount(1);

  await screenshots(page, 'pt', testInfo);
  await page.screenshot({ path: testInfo.outputPath('lesson-02-pt-panel-open.png') });

  // The same sandbox in Galician: the panel opens where the student left it.
  await page.goto(`/gl/${lesson.slug}`);
  await waitConnected(page, 0);
  await expect(panel).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('veth-link')).toHaveCount(1);
  await show(page, 'processes');
  await expect.poll(() => utsBadges(page)).toBe(2);
  await screenshots(page, 'gl', testInfo);

  // The dark theme, as a browser set to dark shows it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await show(page, 'cgroups');
  const dark = testInfo.outputPath('kernel-panel-cgroups-gl-dark.png');
  await panel.screenshot({ path: dark });
  await test.info().attach('kernel-panel-cgroups-gl-dark', { path: dark, contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Closing the panel stops the stream: the view is dropped, nothing more is drawn.
  await page.getByTestId('kernel-panel-toggle').click();
  await expect(panel).toHaveAttribute('data-open', 'false');
  await expect(page.getByTestId('panel-proc')).toHaveCount(0);

  // The lesson's pointer opens the panel at its section.
  await page.getByTestId('panel-link-processes').click();
  await expect(panel).toHaveAttribute('data-open', 'true');
  await expect(panel).toHaveAttribute('data-section', 'processes');
  await expect.poll(() => utsBadges(page)).toBe(2);
  await page.screenshot({ path: testInfo.outputPath('lesson-02-gl-panel-closed.png') });
});
