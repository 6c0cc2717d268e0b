// Which APIs have a client in src/ (src/<api>.ts, published as the package's `./<api>` entry point)
// and what its factory is called. Read from the module itself, since names like
// createBigCommerceClient do not follow mechanically from the API name.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './apis.js';

export interface VendorClient {
  /** Subpath of the package, e.g. `./ecwid`. */
  entry: string;
  /** Exported factory, e.g. `createEcwidClient`. */
  factory: string;
}

/** The API's client, or undefined while src/<api>.ts does not exist yet. */
export async function vendorClient(apiName: string): Promise<VendorClient | undefined> {
  const source = join(projectRoot, 'src', `${apiName}.ts`);
  if (!existsSync(source)) return undefined;
  const module = (await import(pathToFileURL(source).href)) as Record<string, unknown>;
  const factories = Object.keys(module).filter((name) => /^create\w*Client$/.test(name) && typeof module[name] === 'function');
  if (factories.length !== 1) {
    throw new Error(`src/${apiName}.ts must export exactly one create…Client factory, found: ${factories.join(', ') || 'none'}`);
  }
  return { entry: `./${apiName}`, factory: factories[0]! };
}
