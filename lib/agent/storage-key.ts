/** Where the page keeps the student's session token (localStorage): lib/agent/session.ts and the early request. */
export const TOKEN_STORAGE_KEY = 'gaiola.token';
