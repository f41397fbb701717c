import { router } from '@passerelle/trpc';
import { auditRouter } from './audit.ts';
import { grantsRouter } from './grants.ts';
import { organisationsRouter } from './organisations.ts';
import { pluginsRouter } from './plugins.ts';
import { usersRouter } from './users.ts';

export const adminRouter = router({
  users: usersRouter,
  organisations: organisationsRouter,
  plugins: pluginsRouter,
  grants: grantsRouter,
  audit: auditRouter
});
