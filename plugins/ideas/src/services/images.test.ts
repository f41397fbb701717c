import sharp from 'sharp';
import { expect, it } from 'vitest';
import { describeEachDb } from '@passerelle/db/testing';
import { AppError } from '@passerelle/trpc';
import { consultationInput, ideaFields, person } from '../test-support.ts';
import { IMAGE_MAX_BYTES, attachImage, loadImage, processImage } from './images.ts';

/** A 400×200 photo with EXIF (a GPS-like comment, a camera, orientation 6 = rotated 90°). */
async function photoWithExif() {
  return new Uint8Array(
    await sharp({ create: { width: 400, height: 200, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'SecretCam', Copyright: 'GPS 50.85N 4.35E' } } })
      .toBuffer()
  );
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

it('re-encodes a photo: no metadata left, turned the right way up', async () => {
  const input = await photoWithExif();
  expect((await sharp(input).metadata()).exif).toBeDefined();
  const out = await processImage(input);
  const meta = await sharp(out.data).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
  expect(Buffer.from(out.data).includes(Buffer.from('SecretCam'))).toBe(false);
  expect([out.width, out.height, out.mime]).toEqual([200, 400, 'image/jpeg']);
});

it('refuses a file that is not a picture, whatever its name, and one that is too large', async () => {
  const text = new TextEncoder().encode('<?php echo "I am not a JPEG"; ?>');
  expect(await refusal(processImage(text))).toMatchObject({ code: 'VALIDATION', messageKey: 'ideas_error_image_type', fieldErrors: { image: 'ideas_error_image_type' } });
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
  expect(await refusal(processImage(svg))).toMatchObject({ messageKey: 'ideas_error_image_type' });
  const big = new Uint8Array(IMAGE_MAX_BYTES + 1);
  expect(await refusal(processImage(big))).toMatchObject({ messageKey: 'ideas_error_image_too_big', params: { max: 5 } });
  expect(await refusal(processImage(new Uint8Array(0)))).toMatchObject({ messageKey: 'ideas_error_image_empty' });
});

describeEachDb('ideas: pictures', ({ getDb }) => {
  it('only the author attaches a picture (with a text alternative); a hidden idea’s picture is not served to the public', async () => {
    const db = getDb();
    const staff = await person(db, { roles: ['staff'] });
    const { id } = await staff.caller.consultation.create({ ...consultationInput('submission'), categories: [] });
    const author = await person(db);
    const other = await person(db);
    const idea = await author.caller.idea.submit({ consultationId: id, fields: ideaFields('An idea with a picture') });
    const file = await photoWithExif();
    expect(await refusal(attachImage({ db, actor: other.actor, ideaId: idea.id, file, alt: 'A blue square' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(attachImage({ db, actor: author.actor, ideaId: idea.id, file, alt: '' }))).toMatchObject({ messageKey: 'ideas_error_image_alt' });
    const { imageId } = await attachImage({ db, actor: author.actor, ideaId: idea.id, file, alt: 'A blue square' });
    expect((await loadImage({ db, imageId, viewerId: null, staff: false })).alt).toBe('A blue square');
    // Replacing keeps one picture per idea.
    const second = await attachImage({ db, actor: author.actor, ideaId: idea.id, file, alt: 'Another blue square' });
    expect(await db.ideasImage.findUnique({ where: { id: imageId } })).toBeNull();
    await staff.caller.moderation.act({ target: { kind: 'idea', id: idea.id }, action: 'hide', reason: 'spam' });
    expect(await refusal(loadImage({ db, imageId: second.imageId, viewerId: null, staff: false }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await loadImage({ db, imageId: second.imageId, viewerId: author.actor.id, staff: false })).alt).toBe('Another blue square');
  });
});
