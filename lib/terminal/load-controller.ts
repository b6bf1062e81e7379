// The terminal's code (xterm, its fit addon, the controller and the connection to the agent) is most of the
// lesson page's JavaScript and the lesson reads without it, so it is a chunk of its own, not in the page's
// first load (issue 18); but its download starts as soon as this module runs (while the page hydrates),
// beside the lesson's, instead of after the terminals mount.
import type { ControllerOptions, TerminalController } from './controller';

export type { ControllerOptions, TerminalController } from './controller';

const load = () => import('./controller');
const code = typeof window === 'undefined' ? null : load();
// A failed early download is tried again by the terminal that needs it, not reported unhandled.
code?.catch(() => undefined);

export async function createTerminalController(
  host: HTMLElement,
  opts: ControllerOptions,
): Promise<TerminalController> {
  const { createTerminalController: create } = await (code ?? load()).catch(load);
  return create(host, opts);
}
