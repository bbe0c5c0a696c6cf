// Loads the effective configuration: defaults ← config file ← environment ← command-line flags,
// validated by config/schema.ts and by each source's own schema. Prints it with secrets masked.

import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../errors.ts';
import { sourceKind } from '../sources/registry.ts';
import { maskWebhookUrl } from '../webhooks/config.ts';
import { type Config, ConfigSchema } from './schema.ts';

export const DEFAULT_CONFIG_FILE = 'ribao.config.yaml';

export interface LoadOptions {
  /** `--config FILE`; when absent, ./ribao.config.yaml is read if it exists. */
  file?: string | undefined;
  /** `--db PATH|postgres://…`, the strongest override. */
  db?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

export async function loadConfig(options: LoadOptions = {}): Promise<Config> {
  const env = options.env ?? process.env;
  const file = options.file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  const raw = file ? readConfigFile(file) : {};
  const withEnv = applyEnv(raw, env);
  if (options.db) withEnv.db = options.db;
  const parsed = ConfigSchema.safeParse(withEnv);
  if (!parsed.success) throw new UsageError(`${file ?? 'configuration'}: ${formatIssues(parsed.error)}`);
  await checkSources(parsed.data, file ?? 'configuration');
  return parsed.data;
}

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${file}: cannot read the configuration file (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (value == null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`${file}: expected a mapping of keys`);
  return value as Record<string, unknown>;
}

function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  const llm: Record<string, unknown> = { ...((raw.llm as Record<string, unknown> | undefined) ?? {}) };
  if (env.RIBAO_DB) out.db = env.RIBAO_DB;
  if (env.RIBAO_LLM_BASE_URL) llm.baseUrl = env.RIBAO_LLM_BASE_URL;
  if (env.RIBAO_LLM_API_KEY) llm.apiKey = env.RIBAO_LLM_API_KEY;
  if (env.RIBAO_LLM_MODEL) llm.model = env.RIBAO_LLM_MODEL;
  if (Object.keys(llm).length > 0) out.llm = llm;
  return out;
}

/** Every source names a known kind and passes that kind's schema; publications name known sources. */
async function checkSources(config: Config, origin: string): Promise<void> {
  const ids = new Set<string>();
  for (const [index, source] of config.sources.entries()) {
    if (ids.has(source.id)) throw new UsageError(`${origin}: sources[${index}]: duplicate id "${source.id}"`);
    ids.add(source.id);
    const descriptor = await sourceKind(source.kind);
    if (!descriptor)
      throw new UsageError(`${origin}: sources[${index}] (${source.id}): unknown kind "${source.kind}"`);
    const { id: _id, kind: _kind, ...own } = source;
    const result = descriptor.config.safeParse(own);
    if (!result.success) {
      throw new UsageError(`${origin}: sources[${index}] (${source.id}): ${formatIssues(result.error)}`);
    }
    Object.assign(source, result.data);
  }
  for (const [name, publication] of Object.entries(config.publications)) {
    const unknown = publication.sources.find((id) => !ids.has(id));
    if (unknown) throw new UsageError(`${origin}: publications.${name}.sources: unknown source "${unknown}"`);
  }
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

const SECRET = /(key|token|secret|password)$/i;

/** YAML of the effective configuration with every secret masked. */
export function dumpConfig(config: Config): string {
  // A webhook URL is a credential in itself (the token is in its path).
  const webhooks = config.webhooks.map((h) => ({ ...h, ...(h.url ? { url: maskWebhookUrl(h.url) } : {}) }));
  return stringifyYaml(mask({ ...config, webhooks }), { lineWidth: 0 });
}

function mask(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => mask(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, k)]));
  }
  if (typeof value === 'string' && SECRET.test(key) && value.length > 0) return '********';
  if (typeof value === 'string' && /^postgres(ql)?:\/\//.test(value))
    return value.replace(/:[^:@/]+@/, ':********@');
  return value;
}
