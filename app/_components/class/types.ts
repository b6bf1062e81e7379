// Types the instructor page's components share, apart from React, so that they import each other one way
// (instructor-view lays out the others; they never import it back).
import type { Messages } from '@/lib/i18n';

export type InstructorMessages = Messages['class']['instructor'];

/** What the page knows of each lesson, in the page's language, to name lessons, steps and options. */
export interface LessonOutline {
  readonly slug: string;
  readonly number: number;
  readonly title: string;
  readonly steps: readonly {
    readonly id: string;
    readonly title: string;
    /** The step's hint templates by key, as the student's page shows them (the instructor sees the same). */
    readonly hints?: Readonly<Record<string, string>>;
  }[];
  readonly questions: readonly {
    readonly id: string;
    readonly options: readonly { readonly id: string; readonly text: string }[];
  }[];
}
