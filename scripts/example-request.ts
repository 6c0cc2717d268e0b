// A real GET request against an API, built from its bundled spec: the path of its first GET that
// needs only path parameters (filled from their examples) and the auth headers its security scheme
// names. `npm start` prints it as curl and the docs index shows it, so both always match the spec.
import { type BundledSpec, type Operation, listOperations, readBundledSpec } from './bundled-spec.js';
import { extraHeaders } from './sandbox-config.js';

export interface ExampleRequest {
  url: string;
  headers: Record<string, string>;
}

/** The headers a vendor's security scheme asks for, with `<token>` where the credential goes. */
function authHeaders(spec: BundledSpec, schemeName: string): Record<string, string> {
  const scheme = spec.components?.securitySchemes?.[schemeName];
  if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') return { Authorization: 'Bearer <token>' };
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) return { [scheme.name]: '<token>' };
  throw new Error(`security scheme ${schemeName} is not a bearer token or header API key; teach authHeaders about it`);
}

function exampleValue(operation: Operation, name: string): string {
  const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
  const value = parameter?.example ?? parameter?.schema?.example ?? parameter?.schema?.default;
  if (value === undefined) throw new Error(`${operation.operationId}: path parameter ${name} has no example`);
  return encodeURIComponent(String(value));
}

export function exampleRequest(apiName: string, baseUrl: string): ExampleRequest {
  const spec = readBundledSpec(apiName);
  const operation = listOperations(spec).find(
    (op) => op.method === 'GET' && op.parameters.every((p) => p.in === 'path' || !p.required),
  );
  if (!operation) throw new Error(`${apiName} has no GET operation without required query or header parameters`);
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => exampleValue(operation, name));
  const scheme = operation.securitySchemes[0];
  return {
    url: `${baseUrl}${path}`,
    headers: { ...(scheme && authHeaders(spec, scheme)), ...extraHeaders(apiName) },
  };
}

/** Shell-safe one-liner: every header and the URL in single quotes. */
export function toCurl(request: ExampleRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `-H '${name}: ${value}'`);
  return ['curl', ...headers, `'${request.url}'`].join(' ');
}
