export { createBigCommerceClient, isListAllVariantsError, variantsBatchLimit } from './bigcommerce.js';
export type {
  BigCommerceClient,
  BigCommerceClientOptions,
  BigCommerceError,
  BigCommerceImageMediaType,
  BigCommercePagination,
  BigCommerceVariant,
  BigCommerceVariantBatchUpdate,
  BigCommerceVariantCreate,
  BigCommerceVariantUpdate,
  CreateVariantImageFromUrl,
  ListAllVariants,
  ListAllVariantsError,
  ListAllVariantsErrorBody,
  UpdateVariantsBatch,
  UploadVariantImageFile,
} from './bigcommerce.js';
export { createEcwidClient } from './ecwid.js';
export type {
  EcwidClient,
  EcwidClientOptions,
  EcwidError,
  EcwidImageMediaType,
  EcwidImageUploadAsync,
  EcwidVariation,
  EcwidVariationCreate,
  EcwidVariationUpdate,
  UploadProductImageAsync,
  UploadVariationImage,
  UploadVariationImageAsync,
  UploadVariationImageFromUrl,
} from './ecwid.js';
export {
  HttpError,
  NetworkError,
  PagingError,
  RequestAbortedError,
  RequestFailedError,
  RequestTimeoutError,
  UploadRejectedError,
} from './errors.js';
export type { CommonClientOptions, HelperCallOptions } from './client.js';
export type { CallOptions, ReliabilityOptions, RetryOptions } from './retry.js';
export type { UploadRejectionCode } from './errors.js';
export type { ImageBytes } from './upload-guards.js';
