/** Why a mock could not start. Its message is one line that says what to do. */
export type MockErrorCode = 'PRISM_MISSING' | 'UNKNOWN_API' | 'BAD_PORT' | 'PORT_IN_USE' | 'PRISM_FAILED';

export class MockError extends Error {
  override name = 'MockError';

  constructor(
    readonly code: MockErrorCode,
    message: string,
  ) {
    super(message);
  }
}
