// Many agents behind one course (issue 22): the session and the class join name the agent a student's
// terminals are to open, chosen from the database by whichever agent answered. One agent alone names none.
import { z } from 'zod';

/** An agent's id: a DNS label, as a StatefulSet pod's name is (gaiola-agent-0). */
export const AGENT_ID = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The agent a student is placed on: its id and where a browser reaches it (http or https, maybe a path). */
export const agentRef = z.object({
  id: z.string().regex(AGENT_ID),
  url: z
    .string()
    .max(300)
    .regex(/^https?:\/\/[^\s?#]+$/),
});
export type AgentRef = z.infer<typeof agentRef>;
