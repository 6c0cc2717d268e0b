/** Why a fake store could not be made or seeded. Its message is one line that says what is wrong. */
export type FakeStoreErrorCode = 'UNKNOWN_API' | 'BAD_SEED' | 'BAD_OPTION';

export class FakeStoreError extends Error {
  override name = 'FakeStoreError';

  constructor(
    readonly code: FakeStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
