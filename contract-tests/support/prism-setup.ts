// Vitest global setup: one Prism mock per API in redocly.yaml, each serving the bundled spec from
// generated/ on a free loopback port. Tests read the URLs with inject('prismUrls').
import type { TestProject } from 'vitest/node';
import { readApis } from '../../scripts/apis.js';
import { launchMock } from '../../src/testing/mock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrls: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const mocks = await Promise.all(readApis().map(async (api) => ({ api, mock: await launchMock(api.name) })));
  project.provide('prismUrls', Object.fromEntries(mocks.map(({ api, mock }) => [api.name, mock.url])));
  return async () => {
    await Promise.all(mocks.map(({ mock }) => mock.stop()));
  };
}
