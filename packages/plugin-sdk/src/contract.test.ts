import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { router, withPermission } from '@passerelle/trpc';
import { checkPluginContract, expectPluginContract, type ContractInput } from './contract.ts';
import { definePlugin, routeMatches } from './manifest.ts';
import { fixtureManifest } from '../test/fixture/manifest.ts';
import { fixtureRootRouter, fixtureRouter } from '../test/fixture/router.ts';

const fixtureDir = join(import.meta.dirname, '../test/fixture');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A writable copy of the fixture, so a test can break one thing. */
function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'contract-'));
  temps.push(dir);
  cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}

function input(dir = fixtureDir, over: Partial<ContractInput> = {}): ContractInput {
  return {
    manifest: fixtureManifest,
    router: fixtureRouter,
    messagesDir: join(dir, 'messages'),
    appRoutesDir: join(dir, 'routes'),
    rootRouter: fixtureRootRouter,
    ...over
  };
}

describe('plugin contract', () => {
  it('accepts a complete plugin', () => {
    expect(checkPluginContract(input())).toEqual([]);
    expect(() => expectPluginContract(input())).not.toThrow();
  });

  it('rejects an invalid manifest', () => {
    expect(() => definePlugin({ ...fixtureManifest, id: 'Not An Id' })).toThrow();
    const problems = checkPluginContract(input(fixtureDir, { manifest: { ...fixtureManifest, routes: [] } }));
    expect(problems.join()).toMatch(/manifest is invalid/);
  });

  it('finds a route without its shim in the app', () => {
    const dir = copyFixture();
    rmSync(join(dir, 'routes/(app)/fixture-board/[id]'), { recursive: true });
    expect(checkPluginContract(input(dir))).toEqual([expect.stringContaining('route /fixture-board/[id] has no shim')]);
  });

  it('finds a streamed upload outside the manifest routes, or with a malformed action', () => {
    const upload = (route: string, action: string) => checkPluginContract(input(fixtureDir, { manifest: { ...fixtureManifest, streamedUploads: [{ route, action }] } }));
    expect(upload('/fixture-board/[id]', 'upload')).toEqual([]);
    expect(upload('/elsewhere', 'upload')).toEqual([expect.stringContaining('streamed upload route /elsewhere is not one of the manifest routes')]);
    expect(upload('/fixture-board/[id]', '/upload').join()).toMatch(/manifest is invalid/);
  });

  it('finds a router that is not registered', () => {
    const problems = checkPluginContract(input(fixtureDir, { rootRouter: router({ other: fixtureRouter }) }));
    expect(problems).toEqual([expect.stringContaining('not registered in the root router')]);
  });

  it('finds a declared permission that no procedure uses, and an undeclared one', () => {
    const smaller = router({ list: withPermission('fixture-board.note.read').query(() => []), sneaky: withPermission('fixture-board.note.delete').mutation(() => 1) });
    const problems = checkPluginContract(input(fixtureDir, { router: smaller, rootRouter: router({ 'fixture-board': smaller }) }));
    expect(problems).toContain('permission fixture-board.note.moderate is not used by any procedure');
    expect(problems).toContain('procedure sneaky uses undeclared permission fixture-board.note.delete');
  });

  it('finds a procedure that does not declare its access', async () => {
    const { initTRPC } = await import('@trpc/server');
    const raw = initTRPC.create();
    const bad = router({ ...fixtureRouter._def.record, open: raw.procedure.query(() => 1) as never });
    const problems = checkPluginContract(input(fixtureDir, { router: bad, rootRouter: undefined }));
    expect(problems).toContain('procedure open does not declare who may call it');
  });

  it('finds a message missing in one language, or with other parameters', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'messages/nl.json'), JSON.stringify({ fixture_board_name: 'Bord', fixture_board_nav: 'Bord' }));
    const en = JSON.parse(readFileSync(join(dir, 'messages/en.json'), 'utf8'));
    delete en.fixture_board_name;
    writeFileSync(join(dir, 'messages/en.json'), JSON.stringify(en));
    const problems = checkPluginContract(input(dir));
    expect(problems).toContain('message fixture_board_name is missing in en');
    expect(problems).toContain('message fixture_board_nav has different parameters in nl');
  });

  it('finds message keys outside the plugin namespace', () => {
    const dir = copyFixture();
    for (const l of ['fr', 'nl', 'en']) {
      const m = JSON.parse(readFileSync(join(dir, `messages/${l}.json`), 'utf8'));
      writeFileSync(join(dir, `messages/${l}.json`), JSON.stringify({ ...m, login_title: 'x' }));
    }
    expect(checkPluginContract(input(dir))).toEqual(['message key login_title must start with "fixture_board_"']);
  });

  it('matches concrete paths against manifest routes', () => {
    expect(routeMatches('/fixture-board/[id]', '/fixture-board/42')).toBe(true);
    expect(routeMatches('/fixture-board/[id]', '/fixture-board/42/edit')).toBe(false);
    expect(routeMatches('/fixture-board', '/fixture-board/')).toBe(true);
    expect(routeMatches('/files/[...rest]', '/files/a/b')).toBe(true);
  });

});
