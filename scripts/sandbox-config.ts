// The one place that fixes where `npm start` serves things and what each vendor's example request
// sends beyond what its spec says. Ports are fixed per API name, not per position in redocly.yaml,
// so adding a vendor never moves another vendor's mock. The mock ports are the package's own
// (`commerce-variants mock` listens on the same ones), so they live with the bundled specs.
import { bundledApis, isBundledApi } from '../src/testing/specs.js';

export const docsPort = { variable: 'DOCS_PORT', default: 8080 };

interface SandboxApi {
  /** The client factory's credential options in the docs' example; the mock takes any value. */
  exampleCredentials?: Record<string, string | number>;
  /** Headers the vendor's own examples send on every call that the spec's security does not cover. */
  extraHeaders?: Record<string, string>;
}

const sandboxApis: Record<string, SandboxApi> = {
  ecwid: { exampleCredentials: { storeId: 1003, token: 'any' } },
  // BigCommerce's reference sends `Accept: application/json` on every call, so the example does too.
  bigcommerce: {
    extraHeaders: { Accept: 'application/json' },
    exampleCredentials: { storeHash: 'abc123', accessToken: 'any' },
  },
};

/** `ecwid` → `ECWID_MOCK_PORT`. */
export function mockPortVariable(apiName: string): string {
  return `${apiName.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_MOCK_PORT`;
}

/** The fixed port, or undefined for an API nobody has given one yet (then the variable is required). */
export function defaultMockPort(apiName: string): number | undefined {
  return isBundledApi(apiName) ? bundledApis[apiName].defaultPort : undefined;
}

export function extraHeaders(apiName: string): Record<string, string> {
  return sandboxApis[apiName]?.extraHeaders ?? {};
}

export function exampleCredentials(apiName: string): Record<string, string | number> | undefined {
  return sandboxApis[apiName]?.exampleCredentials;
}
