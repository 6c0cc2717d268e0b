// How the BigCommerce tests build a client: pointed at the suite's Prism mock (or a recorder in front of it).
import { inject } from 'vitest';
import { createBigCommerceClient } from '../../src/index.js';

export const accessToken = 'contract-test-access-token';

export const bigCommerceMock = () => inject('prismUrls').bigcommerce!;

// Retries off: the contract suite asks for each documented answer once and checks that answer.
export const bigCommerceClient = (baseUrl = bigCommerceMock()) =>
  createBigCommerceClient({ storeHash: 'abc123', accessToken, baseUrl, retry: false });
