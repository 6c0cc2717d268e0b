// The contract suite and `npm start` run Prism through the package's own launcher (src/testing), so
// that they start mocks exactly as a user's test suite and `commerce-variants mock` do.
export { freePort } from '../src/testing/ports.js';
export { launchMock, type MockOptions, type RunningMock } from '../src/testing/mock.js';
