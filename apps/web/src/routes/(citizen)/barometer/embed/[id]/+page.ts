// The chart (chart.js), the map (maplibre-gl) and the copy button run in the browser; both libraries are
// loaded only when their tab is shown. Everything else is server-rendered and works without JavaScript.
export const csr = true;
