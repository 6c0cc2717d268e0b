// The bundled OpenAPI documents the package ships (generated/<api>.openapi.json), found through the
// package's own `exports` (`commerce-variants/specs/<api>.openapi.json`), so that this module reads
// them the same way from the repository, from dist/ and from a user's node_modules.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Every API with a bundled spec, and the port its `commerce-variants mock` listens on when not told
 * (the same as `npm start`'s, so that URLs in the docs work with either). A contract test checks this
 * list against redocly.yaml.
 */
export const bundledApis = {
  ecwid: { defaultPort: 4010 },
  bigcommerce: { defaultPort: 4011 },
} as const;

export type BundledApi = keyof typeof bundledApis;

export const isBundledApi = (name: string): name is BundledApi => Object.hasOwn(bundledApis, name);

/** The file path of an API's bundled OpenAPI document. */
export function specPath(api: BundledApi): string {
  return bundledSpecFile(api);
}

/** The same for any name, such as one read from redocly.yaml before the list above knows it. */
export function bundledSpecFile(apiName: string): string {
  return require.resolve(`commerce-variants/specs/${apiName}.openapi.json`);
}
