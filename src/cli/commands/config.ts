// `ribao config dump`: the effective configuration with defaults, secrets masked.

import { dumpConfig } from '../../config/load.ts';
import { UsageError } from '../../errors.ts';
import type { Command } from '../command.ts';

export default {
  summary: 'print the effective configuration (config dump), secrets masked',
  usage: 'ribao config dump',
  options: {},
  allowPositionals: true,
  async run(ctx, { positionals }) {
    if (positionals[0] !== 'dump' || positionals.length > 1) throw new UsageError('usage: ribao config dump');
    ctx.stdout.write(dumpConfig(await ctx.config()));
    return 0;
  },
} satisfies Command;
