// '@passerelle/i18n' in the browser: everything but the run-time lookup by key (see index.ts).
export * from './core.ts';
