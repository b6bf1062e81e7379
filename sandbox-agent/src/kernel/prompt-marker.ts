// The OSC sequence every sandbox shell prints as part of its prompt (exported in PS1, so nested shells
// emit it too). It only tells the agent "a prompt is back": it triggers a check run, never decides one,
// and the agent strips it before output reaches the browser.
export const PROMPT_MARKER = '\x1b]6973;P\x07';
