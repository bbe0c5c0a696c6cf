// `ribao story`: an editor's decisions on one story, from the command line — show (with its history),
// pin, drop, move, order, split, merge. The same functions serve the web app (stories/decisions.ts).

import { UsageError } from '../../errors.ts';
import { leafSections } from '../../pipeline/assemble.ts';
import { DecisionError, drop, merge, move, pin, reorder, split } from '../../stories/decisions.ts';
import { publications, storyRef } from '../choose.ts';
import type { CliContext, Command } from '../command.ts';

const ACTIONS = ['show', 'pin', 'unpin', 'drop', 'restore', 'move', 'order', 'split', 'merge'] as const;

export default {
  summary: "an editor's decisions on a story: show, pin, drop, move, order, split, merge",
  usage: `ribao story show STORY [--json]
       ribao story pin|unpin STORY -p P
       ribao story drop|restore STORY
       ribao story move STORY -p P --section S
       ribao story order -p P STORY…            (positions 1…n in that publication)
       ribao story split STORY --item ID…       (item ids from \`ribao story show\`)
       ribao story merge INTO FROM
       (every change takes --by HANDLE, default $USER, and is kept in the story's history)`,
  allowPositionals: true,
  options: {
    publication: { type: 'string', short: 'p' },
    section: { type: 'string' },
    item: { type: 'string', multiple: true },
    by: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values, positionals }) {
    const [action, ...refs] = positionals;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) {
      throw new UsageError(`expected an action: ${ACTIONS.join(', ')}`);
    }
    const store = await ctx.store();
    const by = String(values.by ?? process.env.USER ?? 'editor');
    const ids = await Promise.all(refs.map((r) => storyRef(store, r)));
    const one = () => {
      if (ids.length !== 1) throw new UsageError(`${action} takes one STORY`);
      return ids[0] as string;
    };
    const publication = async () => {
      const config = await ctx.config();
      if (typeof values.publication !== 'string') throw new UsageError(`${action} needs --publication`);
      return { config, name: publications(config, values.publication)[0] as string };
    };
    try {
      switch (action) {
        case 'show':
          return await show(ctx, one(), values.json === true);
        case 'pin':
        case 'unpin':
          await pin(store, one(), (await publication()).name, action === 'pin', by);
          break;
        case 'drop':
        case 'restore':
          await drop(store, one(), action === 'drop', by);
          break;
        case 'move': {
          const { config, name } = await publication();
          const section = String(values.section ?? '');
          const known = leafSections(config.publications[name]?.sections ?? []);
          if (!known.includes(section))
            throw new UsageError(`--section ${section}: not a section of ${name} (${known.join(', ')})`);
          await move(store, one(), name, section, by);
          break;
        }
        case 'order':
          if (ids.length === 0) throw new UsageError('order takes the stories in their new order');
          await reorder(store, (await publication()).name, ids, by);
          break;
        case 'split': {
          const items = ((values.item as string[] | undefined) ?? []).map(Number);
          if (items.length === 0 || items.some((n) => !Number.isInteger(n)))
            throw new UsageError('split needs --item ID (numbers)');
          ctx.stdout.write(`split into ${await split(store, one(), items, by)}\n`);
          return 0;
        }
        case 'merge':
          if (ids.length !== 2) throw new UsageError('merge takes INTO and FROM');
          await merge(store, ids[0] as string, ids[1] as string, by);
          break;
      }
    } catch (error) {
      if (error instanceof DecisionError) throw new UsageError(error.message);
      throw error;
    }
    ctx.stdout.write(`${action} ${ids.join(' ')}: done\n`);
    return 0;
  },
} satisfies Command;

async function show(ctx: CliContext, id: string, json: boolean): Promise<number> {
  const store = await ctx.store();
  const story = await store.story(id);
  const history = await store.decisions({ storyId: id });
  if (json) {
    ctx.stdout.write(`${JSON.stringify({ ...story, history }, null, 2)}\n`);
    return 0;
  }
  if (!story) return 1;
  ctx.stdout.write(`${story.id} (${story.kind}, ${story.editionDate})${story.dropped ? ' DROPPED' : ''}\n`);
  ctx.stdout.write(`  keys: ${story.keys.join(' ')}\n`);
  for (const i of story.items) ctx.stdout.write(`  item ${i.id}: ${i.source} ${i.title} <${i.url}>\n`);
  for (const w of story.writeups)
    ctx.stdout.write(
      `  ${w.lang} ${w.status}: ${w.title}${w.gate.length ? ` [${w.gate.join('; ')}]` : ''}\n`,
    );
  for (const p of story.placements)
    ctx.stdout.write(`  ${p.publication}: section ${p.section} (by ${p.by})\n`);
  for (const o of story.orders)
    ctx.stdout.write(
      `  ${o.publication}: ${o.pinned ? 'pinned' : ''} position ${o.position ?? '-'} (by ${o.by})\n`,
    );
  for (const h of history)
    ctx.stdout.write(
      `  ${h.at} ${h.by} ${h.action}${h.publication ? ` ${h.publication}` : ''} ${JSON.stringify(h.detail)}\n`,
    );
  return 0;
}
