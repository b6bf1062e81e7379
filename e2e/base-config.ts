import type { PlaywrightTestConfig } from '@playwright/test';

/**
 * What both tiers' configs share (playwright.config.ts on this host, playwright.vm.config.ts against the VM
 * guest): one test at a time and no retries, this host's Chromium against the site on `sitePort`, and a trace
 * kept for a failure. Each tier gives its own timeouts: the guest runs about ten times slower.
 */
export function baseConfig(sitePort: number, timeouts: { test: number; expect: number }): PlaywrightTestConfig {
  return {
    fullyParallel: false,
    workers: 1,
    retries: 0,
    timeout: timeouts.test,
    expect: { timeout: timeouts.expect },
    use: {
      baseURL: `http://localhost:${sitePort}`,
      trace: 'retain-on-failure',
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      },
    },
  };
}
