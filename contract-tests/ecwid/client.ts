// How the Ecwid tests build a client: pointed at the suite's Prism mock (or a recorder in front of it).
import { inject } from 'vitest';
import { createEcwidClient } from '../../src/index.js';

export const token = 'secret_contract-test';

export const ecwidMock = () => inject('prismUrls').ecwid!;

// Retries off: the contract suite asks for each documented answer once and checks that answer.
export const ecwidClient = (baseUrl = ecwidMock()) => createEcwidClient({ storeId: 1003, token, baseUrl, retry: false });
