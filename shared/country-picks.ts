// The first run's suggestion: services businesses in a country commonly run on, ticked for the
// user to untick. A suggestion, said as one; countries not listed start from the default set.
const WEST_AFRICA_FR = ['whatsapp', 'facebook', 'tiktok', 'instagram', 'orange-money', 'wave'];
const FRANCOPHONE_EUROPE = [
  'instagram',
  'linkedin',
  'google-workspace',
  'canva',
  'facebook',
  'whatsapp',
  'meta-business-suite',
];
const GULF = ['whatsapp', 'instagram', 'snapchat', 'tiktok', 'x', 'noon', 'talabat', 'careem'];

/** Country (ISO 3166-1 alpha-2) → catalog ids, most used first. */
export const COUNTRY_PICKS: Readonly<Record<string, readonly string[]>> = {
  CI: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'mtn-momo', 'wave', 'moov-money', 'jumia'],
  SN: [...WEST_AFRICA_FR, 'google-workspace'],
  ML: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'moov-money', 'wave'],
  BF: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'moov-money', 'wave'],
  BJ: ['whatsapp', 'facebook', 'tiktok', 'mtn-momo', 'moov-money', 'fedapay'],
  TG: ['whatsapp', 'facebook', 'tiktok', 'moov-money', 'paydunya'],
  CM: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'mtn-momo'],
  GH: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'mtn-momo', 'paystack'],
  NG: [
    'whatsapp',
    'instagram',
    'facebook',
    'tiktok',
    'x',
    'paystack',
    'flutterwave',
    'opay',
    'moniepoint',
    'jumia-nigeria',
  ],
  KE: ['whatsapp', 'facebook', 'tiktok', 'instagram', 'x', 'm-pesa', 'jiji'],
  FR: FRANCOPHONE_EUROPE,
  BE: FRANCOPHONE_EUROPE,
  CH: FRANCOPHONE_EUROPE,
  LU: FRANCOPHONE_EUROPE,
  MA: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'avito', 'google-workspace'],
  DZ: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'ouedkniss'],
  TN: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'google-workspace'],
  EG: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'jumia-egypt', 'noon'],
  SA: GULF,
  AE: GULF,
};

/** The suggestion for a country, or null when there is none for it. */
export function countryPicks(country: string | null): readonly string[] | null {
  return country ? (COUNTRY_PICKS[country.toUpperCase()] ?? null) : null;
}
