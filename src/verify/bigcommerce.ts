// Verify plan for BigCommerce: every page of the product's variants (following meta.pagination),
// each variant fetched, the error contract probed with reads; with --write one variant's whole
// life, deleted at the end.
import type { BigCommerceClient } from '../bigcommerce.js';
import { pageNumber, pageStep } from '../pagination.js';
import {
  beforeStep,
  deleteCreated,
  getEachAndOneMissing,
  isId,
  type Ledger,
  maxPages,
  refusedForSure,
  pageSize,
  requireListed,
  requireStep,
  testImage,
  type VendorPlan,
} from './plan.js';
import { type Session, StepFailed } from './session.js';

export interface BigCommercePlanOptions {
  client: BigCommerceClient;
  wrongTokenClient: BigCommerceClient;
  productId: number;
  /** Option ID and option value ID of each option the new variant takes. */
  options: [string, string][];
  imageUrl: string | undefined;
}

interface Page {
  data?: { id?: unknown; sku?: unknown }[];
  meta?: { pagination?: { current_page?: unknown; total_pages?: unknown } };
}

export function bigCommercePlan(session: Session, { client, wrongTokenClient, productId, options, imageUrl }: BigCommercePlanOptions): VendorPlan {
  const listPage = (page: number, description: string, on = client) =>
    session.check('getProductVariants', description, on === client ? 'success' : 'any', () =>
      on.GET('/catalog/products/{product_id}/variants', { params: { path: { product_id: productId }, query: { page, limit: pageSize } } }),
    );
  const variant = (variantId: number) => ({ params: { path: { product_id: productId, variant_id: variantId } } });

  /**
   * Every page, as long as meta.pagination says there is a next one, and at most maxPages (a note
   * says so when the store claims more). A page that answers as another page is a violation.
   */
  async function listAll(what: string): Promise<Page['data'] & object> {
    const variants: NonNullable<Page['data']> = [];
    for (let page = 1; ; page++) {
      const answer = await listPage(page, `${what}, page ${page}`);
      requireListed(answer.ok, answer.status, 'getProductVariants', productId);
      const { data, meta } = (answer.body ?? {}) as Page;
      if (Array.isArray(data)) variants.push(...data);
      // Strict in what it reports, lenient in what it follows: a page number sent as a string has
      // already been reported as a violation, and the walk still reaches every page.
      const step = pageStep(page, meta?.pagination);
      if ('answeredAs' in step) {
        session.report.add({
          name: 'getProductVariants',
          description: `${what}: the pages advance`,
          violations: [`getProductVariants 200 /meta/pagination/current_page: must be ${page}, the page asked for, got ${step.answeredAs}; the listing stopped there`],
          notes: [],
          durationMs: 0,
        });
        break;
      }
      // A page that does not say where it is has been reported by its schema, and ends the walk.
      if (!step.next) break;
      if (page === maxPages) {
        const total = pageNumber(meta?.pagination?.total_pages);
        session.report.addNote(`getProductVariants: only ${maxPages} of the ${total} pages the store counts were listed (verify reads at most ${maxPages})`);
        break;
      }
    }
    return variants;
  }

  return {
    async read() {
      const found = (await listAll(`list the variants of product ${productId}`)).map((v) => v?.id).filter(isId);
      await getEachAndOneMissing(session, 'getProductVariant', 'variant', found, (id) =>
        client.GET('/catalog/products/{product_id}/variants/{variant_id}', variant(id)),
      );
      await listPage(1, 'list the variants with a wrong token', wrongTokenClient);
    },

    async write(ledger: Ledger) {
      beforeStep(session);
      ledger.unconfirmed = true;
      const created = await session.check('createProductVariant', `create a variant (option values ${options.map((o) => o.join('=')).join(', ')}), SKU ${ledger.sku}`, 'success', () =>
        client.POST('/catalog/products/{product_id}/variants', {
          params: { path: { product_id: productId } },
          body: { sku: ledger.sku, option_values: options.map(([optionId, id]) => ({ option_id: Number(optionId), id: Number(id) })) },
        }),
      );
      const id = (created.body as { data?: { id?: unknown } } | undefined)?.data?.id;
      if (isId(id)) ledger.created.push(id);
      // A 207, a 5xx or an undocumented status may have saved the variant: only an answer naming it,
      // or a documented refusal, settles that; otherwise cleanup looks for the run's SKU.
      if (isId(id) || refusedForSure(session, 'createProductVariant', created)) ledger.unconfirmed = false;
      requireStep(created.ok && created.status !== 207 && isId(id), 'createProductVariant');
      const variantId = id as number;

      beforeStep(session);
      const updated = await session.check('updateProductVariant', `update variant ${variantId} (price)`, 'success', () =>
        client.PUT('/catalog/products/{product_id}/variants/{variant_id}', { ...variant(variantId), body: { price: 1.23 } }),
      );
      requireStep(updated.ok && updated.status !== 207, 'updateProductVariant');

      beforeStep(session);
      const uploaded = await session.check('createProductVariantImage', `upload a PNG as the image of variant ${variantId}`, 'success', () =>
        client.uploadVariantImageFile({ product_id: productId, variant_id: variantId, image_file: testImage, filename: 'commerce-variants-verify.png', contentType: 'image/png' }),
      );
      requireStep(uploaded.ok, 'createProductVariantImage');
      const storedUrl = (uploaded.body as { data?: { image_url?: unknown } } | undefined)?.data?.image_url;
      const url = imageUrl ?? (typeof storedUrl === 'string' && storedUrl ? storedUrl : undefined);
      if (url === undefined) throw new StepFailed('the upload answered no image_url: pass --image-url');

      beforeStep(session);
      const fromUrl = await session.check('createProductVariantImage', `set the image of variant ${variantId} from a URL`, 'success', () =>
        client.createVariantImageFromUrl({ product_id: productId, variant_id: variantId, image_url: url }),
      );
      requireStep(fromUrl.ok, 'createProductVariantImage from a URL');
    },

    async cleanup(ledger: Ledger) {
      if (ledger.unconfirmed) {
        // The create's answer did not name the variant: find it by this run's SKU, which nothing else has.
        const variants = await listAll(`look for the variant with SKU ${ledger.sku}`);
        ledger.created.push(...variants.filter((v) => v?.sku === ledger.sku).map((v) => v.id).filter(isId));
        ledger.unconfirmed = false;
      }
      await deleteCreated(ledger, async (id) => {
        const deleted = await session.check('deleteProductVariant', `delete variant ${id}, which this run created`, 'success', () =>
          client.DELETE('/catalog/products/{product_id}/variants/{variant_id}', variant(id)),
        );
        return deleted.ok;
      });
    },
  };
}
