// Verify plan for Ecwid: the product's variations (one plain array, no paging), each fetched, the
// error contract probed with reads; with --write one variation's whole life, deleted at the end.
import type { EcwidClient } from '../ecwid.js';
import {
  beforeStep,
  deleteCreated,
  getEachAndOneMissing,
  isId,
  type Ledger,
  noImageUrl,
  refusedForSure,
  requireListed,
  requireStep,
  testImage,
  type VendorPlan,
} from './plan.js';
import type { Session } from './session.js';

export interface EcwidPlanOptions {
  client: EcwidClient;
  wrongTokenClient: EcwidClient;
  productId: number;
  /** Name and value of each option the new variation takes. */
  options: [string, string][];
  imageUrl: string | undefined;
}

const ids = (body: unknown): number[] => (Array.isArray(body) ? body.map((v) => v?.id).filter(isId) : []);

export function ecwidPlan(session: Session, { client, wrongTokenClient, productId, options, imageUrl }: EcwidPlanOptions): VendorPlan {
  const list = (on = client) => on.GET('/products/{productId}/combinations', { params: { path: { productId } } });
  const variation = (combinationId: number) => ({ params: { path: { productId, combinationId } } });

  return {
    async read() {
      const listed = await session.check('listVariations', `list the variations of product ${productId}`, 'success', () => list());
      requireListed(listed.ok, listed.status, 'listVariations', productId);
      const found = ids(listed.body);
      await getEachAndOneMissing(session, 'getVariation', 'variation', found, (id) =>
        client.GET('/products/{productId}/combinations/{combinationId}', variation(id)),
      );
      await session.check('listVariations', 'list the variations with a wrong token', 'any', () => list(wrongTokenClient));
    },

    async write(ledger: Ledger) {
      beforeStep(session);
      ledger.unconfirmed = true;
      const created = await session.check('createVariation', `create a variation (${options.map((o) => o.join('=')).join(', ')}), SKU ${ledger.sku}`, 'success', () =>
        client.POST('/products/{productId}/combinations', {
          params: { path: { productId } },
          body: { options: options.map(([name, value]) => ({ name, value })), sku: ledger.sku },
        }),
      );
      const id = (created.body as { id?: unknown } | undefined)?.id;
      if (created.ok && isId(id)) ledger.created.push(id);
      // Only an answer naming the variation, or a documented refusal, settles what exists: otherwise
      // cleanup looks for the run's SKU.
      if ((created.ok && isId(id)) || refusedForSure(session, 'createVariation', created)) ledger.unconfirmed = false;
      requireStep(created.ok && isId(id), 'createVariation');
      const combinationId = id as number;

      beforeStep(session);
      const updated = await session.check('updateVariation', `update variation ${combinationId} (price, stock)`, 'success', () =>
        client.PUT('/products/{productId}/combinations/{combinationId}', {
          ...variation(combinationId),
          body: { price: 1.23, quantity: 5, unlimited: false },
        }),
      );
      requireStep(updated.ok, 'updateVariation');

      beforeStep(session);
      const adjusted = await session.check('adjustVariationInventory', `add 1 to the stock of variation ${combinationId}`, 'success', () =>
        client.PUT('/products/{productId}/combinations/{combinationId}/inventory', { ...variation(combinationId), body: { quantityDelta: 1 } }),
      );
      requireStep(adjusted.ok, 'adjustVariationInventory');

      beforeStep(session);
      const uploaded = await session.check('uploadVariationImage', `upload a PNG as the image of variation ${combinationId}`, 'success', () =>
        client.uploadVariationImage({ productId, combinationId, image: testImage, contentType: 'image/png' }),
      );
      requireStep(uploaded.ok, 'uploadVariationImage');

      beforeStep(session);
      const fetched = await session.check('getVariation', `get variation ${combinationId} and its new image URL`, 'success', () =>
        client.GET('/products/{productId}/combinations/{combinationId}', variation(combinationId)),
      );
      requireStep(fetched.ok, 'getVariation');
      const { originalImageUrl, imageUrl: storedUrl } = (fetched.body ?? {}) as { originalImageUrl?: unknown; imageUrl?: unknown };
      const externalUrl = imageUrl ?? [originalImageUrl, storedUrl].find((url): url is string => typeof url === 'string');
      if (externalUrl === undefined) {
        session.report.addNote(noImageUrl(`variation ${combinationId} has no image URL after the upload`));
      } else {
        beforeStep(session);
        const fromUrl = await session.check('uploadVariationImage', `set the image of variation ${combinationId} from a URL`, 'success', () =>
          client.uploadVariationImageFromUrl({ productId, combinationId, externalUrl }),
        );
        requireStep(fromUrl.ok, 'uploadVariationImage from a URL');
      }

      beforeStep(session);
      const imageDeleted = await session.check('deleteVariationImage', `delete the image of variation ${combinationId}`, 'success', () =>
        client.DELETE('/products/{productId}/combinations/{combinationId}/image', variation(combinationId)),
      );
      requireStep(imageDeleted.ok, 'deleteVariationImage');
    },

    async cleanup(ledger: Ledger) {
      if (ledger.unconfirmed) {
        // The create's answer was lost: find the variation by this run's SKU, which nothing else has.
        const listed = await session.check('listVariations', `look for the variation with SKU ${ledger.sku}`, 'success', () => list());
        const ours = Array.isArray(listed.body) ? listed.body.filter((v) => v?.sku === ledger.sku).map((v) => v.id).filter(isId) : [];
        ledger.created.push(...ours);
        ledger.unconfirmed = !listed.ok;
      }
      await deleteCreated(ledger, async (id) => {
        const deleted = await session.check('deleteVariation', `delete variation ${id}, which this run created`, 'success', () =>
          client.DELETE('/products/{productId}/combinations/{combinationId}', variation(id)),
        );
        return deleted.ok;
      });
    },
  };
}
