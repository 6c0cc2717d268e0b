// `commerce-variants verify <api> --product ID [--base-url URL] [--write] [--option …] [--image-url URL]
// [--junit FILE]`, parsed into options or a one-line usage error.
import { checkBaseUrl } from '../client.js';
import { type BundledApi, bundledApis, isBundledApi } from '../testing/specs.js';
import { checkImageUrl } from '../upload-guards.js';

/** The APIs verify checks: every one with a bundled spec, from the one list `mock` uses too. */
export type ApiName = BundledApi;
const apis = Object.keys(bundledApis) as ApiName[];

export const synopsis = `verify <${apis.join('|')}> --product ID [--base-url URL] [--junit FILE] [--write --option NAME=VALUE ... [--image-url URL]]`;
export const usage = `usage: commerce-variants ${synopsis}`;

export interface VerifyOptions {
  api: ApiName;
  productId: number;
  baseUrl: string | undefined;
  write: boolean;
  /** Ecwid: option name and value; BigCommerce: option id and option value id. */
  options: [string, string][];
  imageUrl: string | undefined;
  junit: string | undefined;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

// The same checks the client makes, run here so a URL it would refuse is a usage error naming the
// flag before any request, not a failure halfway through a run that has already written to the store.
export function checkUrl(flag: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^baseUrl\b/, flag));
  }
}

export function parseArgs(args: string[]): VerifyOptions {
  const [api, ...rest] = args;
  if (api === undefined || !isBundledApi(api)) {
    throw new UsageError(api === undefined ? 'no API named' : `unknown API '${api}' (one of: ${apis.join(', ')})`);
  }
  const found: Partial<Record<'product' | 'base-url' | 'junit' | 'image-url', string>> = {};
  const options: [string, string][] = [];
  let write = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--write') {
      write = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = flag.slice(2);
    if (!['--product', '--base-url', '--junit', '--image-url', '--option'].includes(flag)) {
      throw new UsageError(`unknown argument '${arg}'`);
    }
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    if (flag === '--option') {
      const split = value.indexOf('=');
      if (split <= 0 || split === value.length - 1) throw new UsageError(`--option takes NAME=VALUE, not '${value}'`);
      options.push([value.slice(0, split), value.slice(split + 1)]);
    } else {
      // Only --option repeats; a second --product (or URL, or file) is a mistake, not an override.
      if (found[name as keyof typeof found] !== undefined) throw new UsageError(`${flag} given twice`);
      found[name as keyof typeof found] = value;
    }
  }
  const productId = Number(found.product);
  if (found.product === undefined) throw new UsageError('--product ID is required');
  if (!(Number.isSafeInteger(productId) && productId > 0)) throw new UsageError(`--product must be a product ID (a whole number > 0), not '${found.product}'`);
  const baseUrl = found['base-url'];
  if (baseUrl !== undefined) checkUrl('--base-url', () => checkBaseUrl(baseUrl));
  const imageUrl = found['image-url'];
  if (imageUrl !== undefined) checkUrl('--image-url', () => checkImageUrl(imageUrl, '--image-url'));
  if (!write && (options.length > 0 || found['image-url'] !== undefined)) throw new UsageError('--option and --image-url only apply with --write');
  if (write && options.length === 0) {
    throw new UsageError(
      api === 'ecwid'
        ? '--write needs the new variation\'s options: --option NAME=VALUE for each of the product\'s options, a combination no variation has'
        : '--write needs the new variant\'s option values: --option OPTION_ID=VALUE_ID for each of the product\'s options, a combination no variant has',
    );
  }
  if (api === 'bigcommerce' && options.some(([id, value]) => !/^\d+$/.test(id) || !/^\d+$/.test(value))) {
    throw new UsageError('BigCommerce --option takes OPTION_ID=VALUE_ID, both numbers');
  }
  return { api, productId, baseUrl: found['base-url'], write, options, imageUrl: found['image-url'], junit: found.junit };
}
