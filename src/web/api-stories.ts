// The JSON API of editors' decisions on stories. Each route calls the same function as `ribao story`
// (stories/decisions.ts) with the signed-in handle as `by`; deciding needs the editor role.

import { z } from 'zod';
import { DecisionError, drop } from '../stories/decisions.ts';
import type { Principal } from './auth.ts';
import { json, route } from './router.ts';

export const storiesApi = [
  route({
    method: 'POST',
    path: '/api/stories/:id/drop',
    kind: 'api',
    role: 'editor',
    summary: 'Drop a story from every edition (it stays a tombstone); `restore: true` brings it back.',
    body: z.object({ restore: z.boolean().default(false) }),
    response: z.object({ storyId: z.string(), dropped: z.boolean() }),
    errors: { 404: 'no such story' },
    async handle(rc, body) {
      const storyId = rc.params.id ?? '';
      try {
        await drop(rc.web.store, storyId, !body.restore, (rc.principal as Principal).user.handle);
      } catch (error) {
        if (error instanceof DecisionError) return json(404, { error: error.message });
        throw error;
      }
      return json(200, { storyId, dropped: !body.restore });
    },
  }),
];
