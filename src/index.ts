export { createEcwidClient } from './ecwid.js';
export type { EcwidClient, EcwidClientOptions, ImageBytes, UploadVariationImage, UploadVariationImageFromUrl } from './ecwid.js';
