import { error } from '@sveltejs/kit';
import type { PluginEvent } from '@passerelle/plugin-sdk/server';
import { epnSurveyCaller } from '../server/router.ts';
import { placesDataPackage, placesToCsv, placesToJson, type ExportPlace } from '../services/place-format.ts';

/** The public directory as open data: /epn/directory.csv, /epn/directory.json, /epn/datapackage.json. */
export function fileHandler(file: 'csv' | 'json' | 'datapackage') {
  return async (event: PluginEvent) => {
    const headers = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' };
    if (file === 'datapackage') return new Response(JSON.stringify(placesDataPackage(`${event.url.origin}/epn`), null, 2), { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    const places = await epnSurveyCaller(event).place.list({});
    const rows: ExportPlace[] = places.map((p) => ({ ...p, communeNis: p.commune.nis, labelSince: p.labelSince ? new Date(p.labelSince) : null, organisation: { name: p.organisation.name } }));
    if (file === 'csv') return new Response(placesToCsv(rows), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="epn.csv"' } });
    if (file === 'json') return new Response(placesToJson(rows), { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    error(404);
  };
}
