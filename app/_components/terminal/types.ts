// Types the terminal's components share, apart from React, so that they import each other one way.
import type { Messages } from '@/lib/i18n';

export type TerminalMessages = Messages['terminal'];
