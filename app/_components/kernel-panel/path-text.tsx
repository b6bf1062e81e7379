// A path that may break after each slash, and only there: `/sys/fs/cgroup/memory` in a narrow column wraps
// as `/sys/fs/` `cgroup/memory`, never as `/sys/fs/cgroup/memo` `ry`.
import { Fragment } from 'react';

export function PathText({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one path never reorder
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
