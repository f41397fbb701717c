import pino from 'pino';

/** Structured JSON logs on stdout (one line per event), quiet in tests unless LOG_LEVEL is set. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { app: 'passerelle' },
  redact: ['req.headers.cookie', 'password', '*.password', 'token']
});
