// Citizen pages ship no JavaScript: they are server-rendered and their forms are plain POSTs handled by
// form actions. That keeps them far under the 40 kB budget and fast on old, cheap phones (pnpm bench
// js-weight). Staff and admin pages keep client-side rendering and enhanced forms.
export const csr = false;
