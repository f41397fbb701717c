import { router } from '@passerelle/trpc';
import { datapackage } from './data-package.ts';
import { edition } from './edition.ts';
import { resource } from './resource.ts';
import { sitemap } from './sitemap.ts';
import { table } from './table.ts';
import { versions } from './versions.ts';

export const dataRouter = router({ versions, edition, table, datapackage, resource, sitemap });
