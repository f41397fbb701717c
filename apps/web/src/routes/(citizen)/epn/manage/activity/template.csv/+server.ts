// Shim: the file belongs to the epn-survey plugin (plugins/epn-survey/src/routes/activity-files.ts).
import { activityFile } from '@passerelle/plugin-epn-survey/routes/activity-files';

export const GET = activityFile('template');
