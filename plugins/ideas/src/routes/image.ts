import { error } from '@sveltejs/kit';
import { AppError } from '@passerelle/trpc';
import { assertPluginEnabled, type PluginEvent } from '@passerelle/plugin-sdk/server';
import { isStaffLike } from '../services/access.ts';
import { loadImage } from '../services/images.ts';

/** GET /ideas/image/[id]: an idea's picture (re-encoded JPEG without metadata). */
export async function GET(event: PluginEvent<{ id: string }>) {
  const { ctx } = event.locals;
  assertPluginEnabled(ctx, 'ideas');
  const id = event.params.id;
  if (!/^[a-z0-9]{10,40}$/.test(id)) error(404);
  try {
    const image = await loadImage({ db: ctx.db, imageId: id, viewerId: ctx.actor?.id ?? null, staff: isStaffLike(ctx.permissions) });
    return new Response(image.data, { headers: { 'content-type': image.mime, 'cache-control': 'public, max-age=86400', 'content-length': String(image.data.byteLength) } });
  } catch (e) {
    if (e instanceof AppError) error(404, ctx.translate('error_not_found'));
    throw e;
  }
}
