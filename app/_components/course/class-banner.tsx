'use client';
// The course index in class mode: a student who has not joined yet is told to (the terminals would only
// say so once a lesson is open), and one who has sees the name the instructor sees. Asks the agent's
// /health once; says nothing in solo mode or when the agent does not answer.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { PageAgent } from '@/lib/agent/config';
import { browserTokenStore } from '@/lib/agent/session';
import { agentUrl } from '@/lib/class/agent';
import { browserLocalStorage, loadJoinedStudent } from '@/lib/class/student-store';
import { format } from '@/lib/template';
import { agentLocation } from '@/lib/terminal/wire';
import styles from './course-progress.module.css';

const health = z.object({ mode: z.enum(['solo', 'class']).optional() });

type Banner = { kind: 'none' } | { kind: 'join' } | { kind: 'joined'; name: string };

export function ClassBanner({
  agent,
  joinHref,
  labels,
}: {
  agent: PageAgent;
  joinHref: string;
  labels: { join: string; joinLink: string; joinedAs: string };
}) {
  const [banner, setBanner] = useState<Banner>({ kind: 'none' });
  const { port, path } = agent;
  useEffect(() => {
    let live = true;
    fetch(agentUrl(agentLocation(window.location, { port, path }), '/health'))
      .then(async (res) => health.safeParse(await res.json()))
      .then((parsed) => {
        if (!live || !parsed.success || parsed.data.mode !== 'class') return;
        const student = loadJoinedStudent(browserLocalStorage());
        if (browserTokenStore.get() && student)
          setBanner({ kind: 'joined', name: student.tag > 1 ? `${student.name} (${student.tag})` : student.name });
        else setBanner({ kind: 'join' });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [port, path]);
  if (banner.kind === 'none') return null;
  return (
    <p className={styles.classBanner} data-testid="class-banner" data-kind={banner.kind}>
      {banner.kind === 'join' ? (
        <>
          {labels.join} <Link href={joinHref}>{labels.joinLink}</Link>
        </>
      ) : (
        format(labels.joinedAs, { name: banner.name })
      )}
    </p>
  );
}
