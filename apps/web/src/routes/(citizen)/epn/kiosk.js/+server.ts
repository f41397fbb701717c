// Shim: the script belongs to the epn-survey plugin (plugins/epn-survey/src/routes/kiosk-script.ts).
export { GET } from '@passerelle/plugin-epn-survey/routes/kiosk-script';
