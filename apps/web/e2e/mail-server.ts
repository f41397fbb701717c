// The real SMTP server of the end-to-end tests (started by playwright.config.ts): the app sends mail
// to it over SMTP with nodemailer, and the tests read the messages back over HTTP.
import { startMailCatcher } from '@passerelle/auth/mail-testing';

const catcher = await startMailCatcher({ port: Number(process.env.SMTP_PORT ?? 2525), httpPort: Number(process.env.MAIL_HTTP_PORT ?? 2580) });
console.log(`mail catcher: smtp ${catcher.port}, http ${catcher.httpPort}`);
const stop = async () => {
  await catcher.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
