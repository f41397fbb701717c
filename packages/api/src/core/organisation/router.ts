import { router } from '@passerelle/trpc';
import { acceptInvitation } from './accept-invitation.ts';
import { invite } from './invite.ts';
import { mine } from './mine.ts';

export const organisationRouter = router({ mine, invite, acceptInvitation });
