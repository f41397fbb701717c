import type { MapI18n } from './types.ts';

export const mapI18n: MapI18n = {
  showList: 'Toon als lijst',
  attributionLabel: 'Kaartgegevens:',
  keyboardHelp: 'Gebruik de pijltjestoetsen om de kaart te verschuiven en + of − om te zoomen.',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  attributionToggle: 'Bronnen tonen of verbergen',
  popupClose: 'Sluiten',
  gestureHelpDesktop: 'Gebruik Ctrl + scrollen om te zoomen',
  gestureHelpMac: 'Gebruik ⌘ + scrollen om te zoomen',
  gestureHelpTouch: 'Gebruik twee vingers om de kaart te verschuiven',
  commune: 'Gemeente',
  noData: 'Geen gegevens',
  range: '{from} tot {to}',
};
