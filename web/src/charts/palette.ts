/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Meaning is never
 * carried by colour alone (labels, patterns or positions say it too).
 */
export const palette = {
  /** Repaid / favourable / grant. */
  good: '#0072B2',
  /** Defaulted / adverse / refuse. */
  bad: '#D55E00',
  /** Unknown outcome, neutral. */
  neutral: '#999999',
  /** The client being looked at. */
  client: '#000000',
  accent: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  purple: '#CC79A7',
} as const;

/** Risk bands from low to high risk, in a colour-blind-safe sequential order. */
export const bandColours = ['#0072B2', '#56B4E9', '#F0E442', '#E69F00', '#D55E00'] as const;
