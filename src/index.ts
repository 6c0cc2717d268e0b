export { createBigCommerceClient } from './bigcommerce.js';
export type {
  BigCommerceClient,
  BigCommerceClientOptions,
  CreateVariantImageFromUrl,
  UploadVariantImageFile,
} from './bigcommerce.js';
export { createEcwidClient } from './ecwid.js';
export type { EcwidClient, EcwidClientOptions, UploadVariationImage, UploadVariationImageFromUrl } from './ecwid.js';
export {
  NetworkError,
  RequestAbortedError,
  RequestFailedError,
  RequestTimeoutError,
  UploadRejectedError,
} from './errors.js';
export type { CommonClientOptions } from './client.js';
export type { CallOptions, ReliabilityOptions, RetryOptions } from './retry.js';
export type { ImageBytes } from './upload-guards.js';
