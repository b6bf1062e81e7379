// Text from a lesson's data (a hint, quiz feedback) with `backticks` shown as code, never translated.
import type { HintPart } from '@/lib/lessons/hint';

export function CodeText({ parts }: { parts: readonly HintPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        'code' in part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
          <code key={i} translate="no">
            {part.code}
          </code>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
