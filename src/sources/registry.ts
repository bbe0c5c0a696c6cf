// Finds the sources: every folder under src/sources/ with a source.ts default-exporting a
// SourceDescriptor. Adding a source touches only its folder; nothing here names one.

import { readdirSync, statSync } from 'node:fs';
import type { ImportFormat, SourceDescriptor } from './source.ts';

const here = new URL('./', import.meta.url);
let loaded: Promise<SourceDescriptor[]> | undefined;

/** All source descriptors, in sniff order (then by kind). */
export function sources(): Promise<SourceDescriptor[]> {
  loaded ??= (async () => {
    const folders = readdirSync(here).filter((name) => {
      try {
        return statSync(new URL(`${name}/source.ts`, here)).isFile();
      } catch {
        return false;
      }
    });
    const descriptors = await Promise.all(
      folders.map(async (name) => {
        const module = (await import(new URL(`${name}/source.ts`, here).href)) as {
          default: SourceDescriptor;
        };
        if (module.default.kind !== name) {
          throw new Error(
            `src/sources/${name}/source.ts declares kind "${module.default.kind}", expected "${name}"`,
          );
        }
        return module.default;
      }),
    );
    return descriptors.sort(
      (a, b) => (a.sniffOrder ?? 50) - (b.sniffOrder ?? 50) || a.kind.localeCompare(b.kind),
    );
  })();
  return loaded;
}

export async function sourceKind(kind: string): Promise<SourceDescriptor | undefined> {
  return (await sources()).find((s) => s.kind === kind);
}

/** Every import format any source declares, in sniff order. */
export async function importFormats(): Promise<ImportFormat[]> {
  return (await sources()).flatMap((s) => s.formats ?? []);
}
