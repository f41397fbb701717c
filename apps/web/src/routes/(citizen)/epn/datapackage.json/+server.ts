// Shim: the open-data description belongs to the epn-survey plugin (plugins/epn-survey/src/routes/directory-files.ts).
import { fileHandler } from '@passerelle/plugin-epn-survey/routes/directory-files';

export const GET = fileHandler('datapackage');
