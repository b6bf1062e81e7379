// Which of the lesson page's terminal tabs (the protocol's TAB_COUNT is 2): a module of its own so that the
// lesson store and the panel's store, which both address tabs, need not import each other.
export type TabIndex = 0 | 1;
