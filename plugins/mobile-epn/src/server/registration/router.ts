import { router } from '@passerelle/trpc';
import { cancel } from './cancel.ts';
import { contactSessions } from './contact-sessions.ts';
import { forSession } from './for-session.ts';
import { mine } from './mine.ts';
import { register } from './register.ts';
import { registerSelf } from './register-self.ts';
import { session } from './session.ts';
import { upcoming } from './upcoming.ts';

export const registrationRouter = router({ upcoming, session, forSession, register, registerSelf, cancel, mine, contactSessions });
