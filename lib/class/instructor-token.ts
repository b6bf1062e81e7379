// The instructor's secret token arrives in the link's fragment (`/pt/instrutor#t=TOKEN`): browsers never
// send a fragment to a server, so it stays out of every access log. The page moves it to sessionStorage
// (this tab only, gone when the tab closes) and takes it off the address bar, so a screen shared with
// the class or a screenshot does not show it.

export const INSTRUCTOR_TOKEN_KEY = 'gaiola.instructor';
/** A token is at most this long (the protocol's limit on the token field). */
const MAX_TOKEN_LENGTH = 512;

/** The `t` parameter of a fragment (`#t=abc`, `#t=abc&x=1`, `t=abc`), or null when there is none. */
export function tokenFromHash(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') return null;
  let token: string | null;
  try {
    token = new URLSearchParams(fragment).get('t');
  } catch {
    return null;
  }
  token = token?.trim() ?? null;
  return token && token.length <= MAX_TOKEN_LENGTH ? token : null;
}

/** What takeInstructorToken needs of `window`: tests pass plain objects. */
export interface TokenWindow {
  readonly location: { readonly hash: string; readonly pathname: string; readonly search: string };
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The token of this tab: from the fragment when there is one (then stored and removed from the URL), else
 * the one stored by an earlier load of this tab (a reload). Null when neither.
 */
export function takeInstructorToken(win: TokenWindow): string | null {
  const fromHash = tokenFromHash(win.location.hash);
  if (fromHash) {
    try {
      win.sessionStorage.setItem(INSTRUCTOR_TOKEN_KEY, fromHash);
    } catch {
      // Storage refused: the token lives in this page only, and a reload needs the link again.
    }
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
    return fromHash;
  }
  try {
    return win.sessionStorage.getItem(INSTRUCTOR_TOKEN_KEY);
  } catch {
    return null;
  }
}
