// The heatmap's colours: best-server RSSI in dBm to an opaque RGB colour, in bands at the
// usual Wi-Fi design thresholds. No signal (-200 dBm, nothing heard) is left transparent.
// Shared by the page and its browser test, which checks the pixels against it.

/** The bands, strongest first: [lowest dBm included, [r, g, b], label]. */
export const BANDS = [
  [-50, [26, 152, 80], '≥ −50 dBm'],
  [-60, [102, 189, 99], '−60 to −50'],
  [-67, [166, 217, 106], '−67 to −60'],
  [-70, [254, 224, 139], '−70 to −67'],
  [-75, [253, 174, 97], '−75 to −70'],
  [-85, [244, 109, 67], '−85 to −75'],
  [-Infinity, [215, 48, 39], '< −85 dBm'],
];

/** The value of a cell where nothing is heard. */
export const NO_SIGNAL_DBM = -200;

/** The colour of `dbm`, or null where nothing is heard. */
export function colour(dbm) {
  if (!(dbm > NO_SIGNAL_DBM)) return null;
  for (const [from, rgb] of BANDS) {
    if (dbm >= from) return rgb;
  }
  return null;
}
