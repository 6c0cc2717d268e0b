// `commerce-variants/testing`: Prism mocks of the bundled specs for a user's own test suite, clients
// set up to call them, and stateful fake stores that behave like the vendors. Prism
// (@stoplight/prism-cli) is an optional peer dependency: only startMock needs it, and only when called.
export { startMock } from './mock.js';
export type { MockOptions, RunningMock } from './mock.js';
export { MockError } from './mock-error.js';
export type { MockErrorCode } from './mock-error.js';
export { createBigCommerceMockClient, createEcwidMockClient, mockClientOptions } from './mock-clients.js';
export { bundledApis, specPath } from './specs.js';
export type { BundledApi } from './specs.js';
export { createFakeStore } from '../fake/create.js';
export type { FakeSeeds } from '../fake/create.js';
export type { FakeStore, FakeStoreOptions, LoggedRequest } from '../fake/store.js';
export type { FaultKind, FaultOptions } from '../fake/faults.js';
export type { RateLimit } from '../fake/rate-limit.js';
export { FakeStoreError } from '../fake/errors.js';
export type { FakeStoreErrorCode } from '../fake/errors.js';
