import sharp from 'sharp';
import type { Db } from '@passerelle/db';
import { AppError, type Actor } from '@passerelle/trpc';
import { currentPhase } from './phases.ts';

// An idea's optional picture. The file is checked by its content (not its name or declared type),
// limited in size and in pixels, then re-encoded on the server: the stored image carries no metadata
// (no EXIF: no GPS position, no camera serial), is turned the right way up, and is at most 1,600 px
// wide. Stored in the database, so that any app server can serve it.

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const MAX_INPUT_PIXELS = 40_000_000;
const MAX_WIDTH = 1600;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

export interface ProcessedImage {
  mime: 'image/jpeg';
  width: number;
  height: number;
  data: Uint8Array<ArrayBuffer>;
}

function refuse(key: string, params?: Record<string, string | number>): never {
  throw new AppError('VALIDATION', key, { messageKey: key, fieldErrors: { image: key }, ...(params ? { params } : {}) });
}

export async function processImage(input: Uint8Array): Promise<ProcessedImage> {
  if (input.byteLength === 0) refuse('ideas_error_image_empty');
  if (input.byteLength > IMAGE_MAX_BYTES) refuse('ideas_error_image_too_big', { max: IMAGE_MAX_BYTES / 1024 / 1024 });
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    refuse('ideas_error_image_type');
  }
  if (!format || !ACCEPTED.has(format)) refuse('ideas_error_image_type');
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate() // apply the EXIF orientation before it is dropped
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { mime: 'image/jpeg', width: info.width, height: info.height, data: data as unknown as Uint8Array<ArrayBuffer> };
  } catch {
    refuse('ideas_error_image_type');
  }
}

export function checkAlt(alt: string): string {
  const text = alt.trim();
  if (text.length < 3 || text.length > 300) throw new AppError('VALIDATION', 'alt text', { messageKey: 'ideas_error_image_alt', fieldErrors: { imageAlt: 'ideas_error_image_alt' } });
  return text;
}

/** The author adds (or replaces) the picture of their idea while submissions are open. */
export async function attachImage({ db, actor, ideaId, file, alt, processed, now = new Date() }: { db: Db; actor: Actor; ideaId: string; file: Uint8Array; alt: string; processed?: ProcessedImage; now?: Date }) {
  const idea = await db.ideasIdea.findUnique({ where: { id: ideaId }, include: { consultation: true } });
  if (!idea) throw new AppError('NOT_FOUND');
  if (idea.authorId !== actor.id) throw new AppError('FORBIDDEN', 'not the author', { messageKey: 'ideas_error_not_author' });
  if (currentPhase(idea.consultation, now) !== 'submission') throw new AppError('CONFLICT', 'submission closed', { messageKey: 'ideas_error_submission_closed' });
  const text = checkAlt(alt);
  const image = processed ?? (await processImage(file));
  return db.$transaction(async (tx) => {
    const created = await tx.ideasImage.create({ data: { ...image, alt: text } });
    if (idea.imageId) await tx.ideasImage.delete({ where: { id: idea.imageId } });
    await tx.ideasIdea.update({ where: { id: ideaId }, data: { imageId: created.id } });
    return { imageId: created.id, width: created.width, height: created.height };
  });
}

/** The stored picture, if the idea is visible to this person. */
export async function loadImage({ db, imageId, viewerId, staff }: { db: Db; imageId: string; viewerId: string | null; staff: boolean }) {
  const image = await db.ideasImage.findUnique({ where: { id: imageId }, include: { idea: { select: { status: true, authorId: true } } } });
  if (!image?.idea) throw new AppError('NOT_FOUND');
  const visible = image.idea.status !== 'hidden' || staff || (viewerId !== null && image.idea.authorId === viewerId);
  if (!visible) throw new AppError('NOT_FOUND');
  return image;
}
