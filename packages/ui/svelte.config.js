// Used by the tests and svelte-check in this package; the app compiles these files with its own config.
export default {
  compilerOptions: { runes: true },
};
