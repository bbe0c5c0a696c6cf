// Merge 1,000,000 synthetic reports (real titles and summaries, expanded with realistic variation)
// three ways in child processes of one run: generating the stream only, exact-key merging alone (the
// baseline: a Map on the folded title) and the near-duplicate index. Reports items/second, peak RSS
// and the precision/recall of the known duplicates. Run: node bench/near-dup.bench.ts (needs ../shared/data)

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NEAR_DUP_DEFAULTS } from '../src/stories/near-dup.ts';
import { NearDupIndex } from '../src/stories/near-dup-index.ts';
import {
  exactKey,
  loadBase,
  type StreamItem,
  stream,
  syntheticAvailable,
} from '../test/near-dup/synthetic.ts';

const TOTAL = Number(process.env.NEAR_DUP_BENCH_ITEMS ?? 1_000_000);
const STREAM = { total: TOTAL, perDay: 2000, seed: 20250717, duplicateRate: 0.2, followUpRate: 0.06 };
const MODES = ['generate', 'exact-key', 'near-dup'] as const;
type Mode = (typeof MODES)[number];

interface Outcome {
  mode: Mode;
  items: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  heapAfterGcMb: number;
  duplicates: number;
  found: number;
  wrong: number;
  followUps: number;
  followUpsMerged: number;
  originalsMerged: number;
  verifiedPerItem: number;
}

/** The merge step each mode runs per item: the index of the earlier item it joins, or null. */
function merger(mode: Mode): { merge: (item: StreamItem) => number | null; verified: () => number } {
  if (mode === 'generate') return { merge: () => null, verified: () => 0 };
  if (mode === 'exact-key') {
    // The latest item with each key, matched within the same window as the index: replays of the
    // base a whole epoch apart are not the same event for either method.
    const latest = new Map<string, { index: number; time: number }>();
    const window = NEAR_DUP_DEFAULTS.windowDays * 86_400_000;
    return {
      merge: (item) => {
        const key = exactKey(item.title);
        const found = latest.get(key);
        latest.set(key, { index: item.index, time: item.time });
        return found && Math.abs(item.time - found.time) <= window ? found.index : null;
      },
      verified: () => 0,
    };
  }
  const index = new NearDupIndex(JSON.parse(process.env.NEAR_DUP_OPTIONS ?? '{}'));
  return {
    merge: (item) => {
      const found = index.add(String(item.index), item, item.time);
      return found === null ? null : Number(found);
    },
    verified: () => index.verified,
  };
}

async function child(mode: Mode): Promise<Outcome> {
  const base = await loadBase();
  const { merge, verified } = merger(mode);
  const kinds = new Uint8Array(TOTAL);
  const events = new Int32Array(TOTAL);
  const counts = { duplicates: 0, found: 0, wrong: 0, followUps: 0, followUpsMerged: 0, originalsMerged: 0 };
  let peakRss = process.memoryUsage.rss();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const item of stream(base, STREAM)) {
    kinds[item.index] = item.kind === 'follow-up' ? 2 : item.kind === 'duplicate' ? 1 : 0;
    events[item.index] = item.event;
    const match = merge(item);
    if (item.kind === 'duplicate') {
      counts.duplicates++;
      if (match !== null && kinds[match] !== 2 && events[match] === item.event) counts.found++;
      else if (match !== null) counts.wrong++;
    } else if (item.kind === 'follow-up') {
      counts.followUps++;
      if (match !== null) counts.followUpsMerged++;
    } else if (match !== null) counts.originalsMerged++;
    if (item.index % 20_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  globalThis.gc?.();
  return {
    mode,
    items: TOTAL,
    seconds,
    cpuSeconds,
    peakRssMb: peakRss / 2 ** 20,
    heapAfterGcMb: process.memoryUsage().heapUsed / 2 ** 20,
    verifiedPerItem: verified() / TOTAL,
    ...counts,
  };
}

function row(o: Outcome, generate: Outcome | undefined): string {
  const merged = o.found + o.wrong + o.followUpsMerged;
  const measured = o.mode !== 'generate';
  const mergeCpu =
    measured && generate ? (o.cpuSeconds - generate.cpuSeconds) / o.items : o.cpuSeconds / o.items;
  const cells = [
    o.mode,
    Math.round(o.items / o.seconds).toLocaleString('en'),
    measured ? Math.round(1 / Math.max(1e-9, mergeCpu)).toLocaleString('en') : '–',
    o.peakRssMb.toFixed(0),
    o.heapAfterGcMb.toFixed(0),
    measured ? (merged === 0 ? 1 : o.found / merged).toFixed(3) : '–',
    measured ? (o.found / o.duplicates).toFixed(3) : '–',
    measured ? `${o.followUpsMerged} / ${o.followUps}` : '–',
    measured ? String(o.originalsMerged) : '–',
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode | undefined;
  if (mode) {
    console.log(JSON.stringify(await child(mode)));
    return;
  }
  if (!syntheticAvailable()) {
    console.error(
      'skipped: ../shared/data (zh-ai-media, hf-daily-papers, daily-arxiv-ai-enhanced-zh) is absent',
    );
    return;
  }
  const modes = process.env.NEAR_DUP_MODES?.split(',') ?? MODES;
  const outcomes = modes.map((m) => {
    const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), m], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Outcome;
  });
  const generate = outcomes.find((o) => o.mode === 'generate');
  const [sample] = outcomes;
  console.log(
    `${TOTAL.toLocaleString('en')} items, ${STREAM.perDay}/day; ${sample?.duplicates} duplicates, ${sample?.followUps} follow-ups (Node ${process.version})\n`,
  );
  console.log(
    '| mode | items/s (wall, with generation) | items per CPU-second (merge only) | peak RSS MB | heap after GC MB | precision | recall | follow-ups merged | originals merged |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const o of outcomes) console.log(row(o, generate));
  const nearDup = outcomes.find((o) => o.mode === 'near-dup');
  if (nearDup) console.log(`\nnear-dup: ${nearDup.verifiedPerItem.toFixed(1)} candidates verified per item`);
}

await main();
