// Renders dist/docs/index.html: what the project is and, for every API, a link to its Redoc page,
// how to authenticate and how to reach its mock. Every vendor fact comes from the bundled spec.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundledDocument } from '../src/verify/bundled-document.js';
import { type Api, projectRoot } from './apis.js';
import { readBundledSpec } from './bundled-spec.js';
import type { VendorClient } from './clients.js';
import { exampleRequest, toCurl } from './example-request.js';
import { prismPackage, testedPrismVersion } from '../src/testing/prism.js';
import { defaultMockPort, exampleCredentials, mockPortVariable } from './sandbox-config.js';

const prismInstall = `${prismPackage}@${testedPrismVersion}`;

interface IndexedApi {
  api: Api;
  /** File name of its Redoc page, relative to the index. */
  page: string;
  client: VendorClient | undefined;
}

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Escapes text and keeps Markdown's inline `code`, the only markup the specs' short texts use. */
const inline = (markdown: string) => escape(markdown).replace(/`([^`]+)`/g, '<code>$1</code>');

const firstParagraph = (markdown: string | undefined) => markdown?.trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ') ?? '';

/**
 * What the mock does about credentials, which is not what every vendor does: Prism takes any value
 * and answers a missing one with `401`, also for a vendor whose spec documents `403` instead.
 */
function mockAuthNote(apiName: string): string {
  type Paths = Record<string, Record<string, { responses?: Record<string, unknown> }>>;
  const { paths } = readBundledDocument<{ paths: Paths }>(apiName);
  const statuses = new Set(
    Object.values(paths).flatMap((item) => Object.values(item).flatMap((operation) => Object.keys(operation.responses ?? {}))),
  );
  const note = 'The mock accepts any credential value and answers `401` when it is missing';
  if (statuses.has('401') || !statuses.has('403')) return `${note}.`;
  return `${note}, where the API itself answers a missing or wrong credential with \`403\`, as documented: test your handling of \`403\` against a real store.`;
}

/** The index's example of pointing the API's client at its mock: valid code, type-checked by package-tests. */
export function clientSnippet(apiName: string, client: VendorClient, packageName: string, mockUrl: string): string {
  const credentials = exampleCredentials(apiName);
  if (!credentials) throw new Error(`scripts/sandbox-config.ts: give ${apiName} exampleCredentials for the docs' client example`);
  const options = Object.entries({ ...credentials, baseUrl: mockUrl })
    .map(([name, value]) => `${name}: ${JSON.stringify(value).replaceAll('"', "'")}`)
    .join(', ');
  return (
    `import { ${client.factory} } from '${packageName}/${apiName}';\n\n` +
    `// The mock takes any credentials; against a store, pass its own.\n` +
    `const client = ${client.factory}({ ${options} });`
  );
}

function apiSection({ api, page, client }: IndexedApi, packageName: string): string {
  const spec = readBundledSpec(api.name);
  const port = defaultMockPort(api.name);
  const variable = mockPortVariable(api.name);
  const mockUrl = `http://127.0.0.1:${port ?? `$${variable}`}`;
  const request = exampleRequest(api.name, mockUrl);
  const schemes = Object.values(spec.components?.securitySchemes ?? {});
  const clientCode = client && clientSnippet(api.name, client, packageName, mockUrl);
  const mockCommand = `npx ${packageName} mock ${api.name}${port === undefined ? ` --port $${variable}` : ''}`;
  return `
  <section id="${escape(api.name)}">
    <h2><a href="${escape(page)}">${escape(spec.info.title)}</a></h2>
    <p>${inline(spec.info.summary ?? firstParagraph(spec.info.description))}</p>
    <p><a href="${escape(page)}">API reference</a> (${escape(api.id)}, every operation with its request and response samples)</p>
    <h3>Authenticate</h3>
    <p>Every call sends:</p>
    <pre><code>${escape(Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`).join('\n'))}</code></pre>
    ${schemes.map((scheme) => `<p>${inline(firstParagraph(scheme.description))}</p>`).join('\n    ')}
    <p>${inline(mockAuthNote(api.name))}</p>
    <h3>Develop against the mock</h3>
    <p>With the package installed (and Prism next to it: <code>npm install -D ${escape(prismInstall)}</code>),
      <code>${escape(mockCommand)}</code> serves a Prism mock of this API at <code>${escape(mockUrl)}</code>
      (<code>--port N</code> for another port; in a clone of this repository, <code>npm start</code> serves
      every API's mock at once, <code>${escape(variable)}</code> setting this one's port). It answers with
      the spec's examples and rejects requests the spec does not allow:</p>
    <pre><code>${escape(toCurl(request))}</code></pre>
    ${
      clientCode
        ? `<p>Point the typed client at it with <code>baseUrl</code>:</p>\n    <pre><code>${escape(clientCode)}</code></pre>`
        : '<p>This API has no typed client yet; any HTTP client can use the mock.</p>'
    }
  </section>`;
}

export function renderIndex(apis: IndexedApi[]): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; description: string };
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escape(pkg.name)} — API docs</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 52rem; padding: 1rem 1.5rem 3rem; color: #1f2328; }
    h1 { margin-bottom: 0.25rem; }
    section { border-top: 1px solid #d0d7de; margin-top: 2rem; }
    pre { background: #f6f8fa; padding: 0.75rem 1rem; overflow-x: auto; border-radius: 6px; }
    code { font: 0.9em ui-monospace, monospace; }
    nav ul { padding-left: 1.25rem; }
  </style>
</head>
<body>
  <h1>${escape(pkg.name)}</h1>
  <p>${escape(pkg.description)}. Each API below is an OpenAPI 3.1 document written by hand from the
    vendor's material and checked by a contract suite against Prism mocks, so you can build and test
    against it without a store account.</p>
  <nav>
    <ul>
      ${apis.map(({ api, page }) => `<li><a href="${escape(page)}">${escape(readBundledSpec(api.name).info.title)}</a></li>`).join('\n      ')}
    </ul>
  </nav>
  ${apis.map((indexed) => apiSection(indexed, pkg.name)).join('\n')}
</body>
</html>
`;
}
