// Reads a bundled spec (found as `commerce-variants/testing` finds it, through the package's own
// exports) with the JSON-pointer helpers every reader of a spec needs.
import { readFileSync } from 'node:fs';
import { bundledSpecFile } from '../testing/specs.js';

/** The bundled spec as JSON; each reader types the part it uses. */
export function readBundledDocument<T = unknown>(apiName: string): T {
  return JSON.parse(readFileSync(bundledSpecFile(apiName), 'utf8')) as T;
}

/** The tokens of a JSON pointer such as `/data/0/price`, each unescaped; none for `` (the whole value). */
export const pointerTokens = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));

/** The tokens of a local JSON pointer such as `#/components/schemas/Variation`. */
export function refTokens(ref: string): string[] {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported, not ${ref}`);
  return pointerTokens(ref.slice(1));
}

/** A JSON pointer made of tokens, each escaped. */
export const jsonPointer = (tokens: readonly (string | number)[]) =>
  tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** The node at a JSON pointer's tokens. */
export const at = <T>(document: object, tokens: string[]): T =>
  tokens.reduce<any>((node, token) => node[token], document) as T;

/** Follows a local `$ref` and returns the object it points to. */
export const followRef = <T>(document: object, ref: string): T => at<T>(document, refTokens(ref));
