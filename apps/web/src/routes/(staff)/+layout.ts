// Staff and association pages that draw charts in the browser (chart.js): client-side rendering stays on
// here, unlike the citizen pages ((citizen)/+layout.ts). Their data tables are server-rendered too.
export const csr = true;
