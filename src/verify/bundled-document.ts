/// <reference types="node" />
// The bundled specs ship in the package's own generated/ folder. This module finds that folder from
// wherever it runs (src/verify/ under tsx, dist/src/verify/ when built, node_modules/… when
// installed) and reads a spec from it, with the JSON-pointer helpers every reader of a spec needs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module that holds a package.json: the package's root. */
function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return folder;
}

export const packageRoot = findPackageRoot();

/** Path of an API's bundled spec, e.g. `generated/ecwid.openapi.json`. */
export const bundledSpecPath = (apiName: string) => join(packageRoot, 'generated', `${apiName}.openapi.json`);

/** The bundled spec as JSON; each reader types the part it uses. */
export function readBundledDocument<T = unknown>(apiName: string): T {
  return JSON.parse(readFileSync(bundledSpecPath(apiName), 'utf8')) as T;
}

/** The tokens of a local JSON pointer such as `#/components/schemas/Variation`. */
export function refTokens(ref: string): string[] {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported, not ${ref}`);
  return ref.slice(2).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** A JSON pointer made of tokens, each escaped. */
export const jsonPointer = (tokens: readonly (string | number)[]) =>
  tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** The node at a JSON pointer's tokens. */
export const at = <T>(document: object, tokens: string[]): T =>
  tokens.reduce<any>((node, token) => node[token], document) as T;

/** Follows a local `$ref` and returns the object it points to. */
export const followRef = <T>(document: object, ref: string): T => at<T>(document, refTokens(ref));
