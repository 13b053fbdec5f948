// The first run's suggestion: services businesses in a country commonly run on, ticked for the
// user to untick. A suggestion, said as one; countries not listed start from the default set.
//
// Each country's list says where it comes from: the public figures found (usage surveys,
// DataReportal / Kepios digital reports, StatCounter, regulators' and operators' own numbers, as
// reported in the press pages cited), and which picks no public source we found supports. Those
// are kept only as a judgement and listed in `judgement`; a pick with neither was removed (Togo's
// PayDunya, a Senegalese aggregator nothing ties to Togo). Figures date from when they were
// published and drift: a source is a reason for a pick, not a measurement Vigie relies on.

/** One country's suggestion. */
export interface CountryPick {
  /** Catalog ids, most used first. */
  readonly ids: readonly string[];
  /** The public facts behind the picks, with who published them and when. */
  readonly source: string;
  /** Picks no public source found supports: a judgement, said as one. */
  readonly judgement: readonly string[];
}

const FRANCE: CountryPick = {
  ids: [
    'instagram',
    'linkedin',
    'google-workspace',
    'canva',
    'facebook',
    'whatsapp',
    'meta-business-suite',
  ],
  source:
    'Médiamétrie figures as reported in 2024–2025 (lepetitwebmaster.fr, blogtechfr.net): Facebook 33–40 million monthly users, WhatsApp 31–32 million, Instagram 27–30 million. LinkedIn: 9.5 million members (Médiamétrie 2017, licence-mci.fr). No public figure found for Google Workspace, Canva or Meta Business Suite among French businesses.',
  judgement: ['google-workspace', 'canva', 'meta-business-suite'],
};

/** France's picks elsewhere in francophone Europe: no country figure was looked up there. */
const francophoneEurope = (country: string): CountryPick => ({
  ...FRANCE,
  source: `France's picks carried over; no public figure for ${country} was found.`,
  judgement: FRANCE.ids,
});

/** Country (ISO 3166-1 alpha-2) → its suggestion. */
export const COUNTRY_PICK_SOURCES: Readonly<Record<string, CountryPick>> = {
  CI: {
    ids: [
      'whatsapp',
      'facebook',
      'tiktok',
      'orange-money',
      'mtn-momo',
      'wave',
      'moov-money',
      'jumia',
    ],
    source:
      'StatCounter, September 2025 (afriveille.com): Facebook about 74 % of social-media use, X 20.5 %, Instagram 1.8 %. Digital 2022 (We Are Social / Kepios, afriveille.com): Facebook 5.65 million users; Jumia the first e-commerce site, 12th most visited. Mobile money: Orange 48.3 %, MTN 41.1 %, Moov 10.6 % before Wave arrived in April 2021 (goafricaonline.com); Orange Money Côte d’Ivoire names Wave, MTN and Moov as its rivals (wearetech.africa). WhatsApp: AfricaScope 2016, 55 % of Ivorian internet users message family through WhatsApp or Messenger. No public figure found for TikTok.',
    judgement: ['tiktok'],
  },
  SN: {
    ids: [
      'whatsapp',
      'facebook',
      'tiktok',
      'instagram',
      'orange-money',
      'wave',
      'google-workspace',
    ],
    source:
      'Digital 2024 Senegal (DataReportal, reported by pressafrik.com and leral.net, March 2025): Facebook 3.35 million users, YouTube 3.77 million, Instagram 1.2 million, LinkedIn 1.1 million. Senego (2017): 4.7 million WhatsApp users. Mobile money: Wave the leader in Senegal with 19.6 million accounts at the end of 2023 (BCEAO figures, afriveille.com), Orange Money the historic operator (magazinedelafrique.com, 2023). No public figure found for TikTok or Google Workspace.',
    judgement: ['tiktok', 'google-workspace'],
  },
  ML: {
    ids: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'moov-money', 'wave'],
    source:
      'Mobile money: Orange Money 67 % and SOTELMA-Malitel 33 % of accounts at the end of 2017 (medialandscapes.org; Malitel now trades as Moov Africa); Wave present in Mali since 2022 (magazinedelafrique.com, 2023). No public figure found for the social networks in Mali.',
    judgement: ['whatsapp', 'facebook', 'tiktok'],
  },
  BF: {
    ids: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'moov-money', 'wave'],
    source:
      'Wave present in Burkina Faso (magazinedelafrique.com, 2023). No public figure found for the social networks or for Orange Money and Moov Money’s shares in Burkina Faso.',
    judgement: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'moov-money'],
  },
  BJ: {
    ids: ['whatsapp', 'facebook', 'tiktok', 'mtn-momo', 'moov-money', 'fedapay'],
    source:
      'MTN runs its mobile money in Benin as a company of its own (togofirst.com, 2024). No public figure found for the social networks, Moov Money or FedaPay in Benin.',
    judgement: ['whatsapp', 'facebook', 'tiktok', 'moov-money', 'fedapay'],
  },
  TG: {
    ids: ['whatsapp', 'facebook', 'tiktok', 'moov-money'],
    source:
      'StatCounter, August 2019 – August 2020 (togofirst.com): Facebook 80 % of social-media traffic; sales made through Facebook and WhatsApp. Mobile money, first quarter 2024 (ARCEP, togofirst.com): Tmoney / Mixx by Yas 60 % of users (not in the catalog), Flooz / Moov Money 40 %. No public figure found for TikTok.',
    judgement: ['tiktok'],
  },
  CM: {
    ids: ['whatsapp', 'facebook', 'tiktok', 'orange-money', 'mtn-momo'],
    source:
      'Mobile money: MTN and Orange the two operators, a duopoly (sikafinance.com, 2022); MTN Mobile Money 70.2 billion FCFA revenue and Orange Money 65 billion in 2024 (ART Observatoire 2024, lavoixdesentreprises.info); Orange Money 11 million customers (Orange Money Cameroun, May 2025, businessfinanceint.com). No public figure found for the social networks in Cameroon.',
    judgement: ['whatsapp', 'facebook', 'tiktok'],
  },
  GH: {
    ids: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'mtn-momo', 'paystack'],
    source:
      'Statista survey, third quarter 2023: WhatsApp used by 91.8 % of internet users, Facebook 77.4 %, TikTok close to 70 %; Instagram 2.2 million users (DataReportal 2022, classfmonline.com). Mobile money: MTN about 90 % of mobile-money deposits (Bank of Ghana figures for 2017, kapitalafrik.com). No public figure found for Paystack in Ghana.',
    judgement: ['paystack'],
  },
  NG: {
    ids: [
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
    source:
      'Statista survey 2024 (thrivemediaafrica.com): WhatsApp used by 95.1 % of internet users aged 16–64, Instagram 59.1 %, TikTok 54.7 %. Digital 2024 Nigeria (DataReportal, businessday.ng): Facebook 36.75 million users, Instagram 12.4 million, X 5.75 million. Digital 2021 Nigeria: Jumia among the most used apps (bizwatchnigeria.ng). Payments (TechCabal Insights, allafrica.com, 2024): Moniepoint 100 billion dollars processed in 2022, Flutterwave 9 billion, OPay about 30 million users. No public figure found for Paystack.',
    judgement: ['paystack'],
  },
  KE: {
    ids: ['whatsapp', 'facebook', 'tiktok', 'instagram', 'x', 'm-pesa', 'jiji'],
    source:
      'Communications Authority of Kenya, second quarter 2024/2025 (kenyanwallstreet.com): Facebook 57.1 %, WhatsApp 54.4 %, TikTok 30 %, then Instagram and YouTube, X 12.2 %. Mobile money, January–March 2025 (Communications Authority, africanwirelesscomms.com): M-Pesa 90.8 % of subscriptions, Airtel Money 9.1 %. No public figure found for Jiji in Kenya.',
    judgement: ['jiji'],
  },
  FR: FRANCE,
  BE: francophoneEurope('Belgium'),
  CH: francophoneEurope('Switzerland'),
  LU: francophoneEurope('Luxembourg'),
  MA: {
    ids: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'avito', 'google-workspace'],
    source:
      'Sunergia social-media barometer, 2024 (telquel.ma, maroc-diplomatique.net): WhatsApp 76 % of Moroccans, Facebook 65 %, Instagram 40 %, TikTok 19 %. No public figure found for Avito or Google Workspace in Morocco.',
    judgement: ['avito', 'google-workspace'],
  },
  DZ: {
    ids: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'ouedkniss'],
    source:
      'Facebook the most used social platform in Algeria (Galal & Karawi / Orient Planet study from DataReportal data, meatechwatch.com, 2024); 17 million Facebook users (aldar.ma, 2018). Ouedkniss the 8th most visited site in Algeria (android-dz.com, about 2014). No public figure found for WhatsApp, Instagram or TikTok in Algeria.',
    judgement: ['whatsapp', 'instagram', 'tiktok'],
  },
  TN: {
    ids: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'google-workspace'],
    source:
      'Facebook the most used social platform in Tunisia (Galal & Karawi / Orient Planet study from DataReportal data, meatechwatch.com, 2024); 6 million Facebook users (aldar.ma, 2018). No public figure found for WhatsApp, Instagram, TikTok or Google Workspace in Tunisia.',
    judgement: ['whatsapp', 'instagram', 'tiktok', 'google-workspace'],
  },
  EG: {
    ids: ['whatsapp', 'facebook', 'instagram', 'tiktok', 'jumia-egypt', 'noon'],
    source:
      'Facebook by far the most used social platform in Egypt (Digital 2022 Egypt, DataReportal, naos-solutions.com), 42 million monthly users (Social Media in the Middle East 2019, University of Oregon). No public figure found for WhatsApp, Instagram, TikTok, Jumia or noon in Egypt.',
    judgement: ['whatsapp', 'instagram', 'tiktok', 'jumia-egypt', 'noon'],
  },
  SA: {
    ids: ['whatsapp', 'instagram', 'snapchat', 'tiktok', 'x', 'noon', 'talabat', 'careem'],
    source:
      'Saudi Center for Public Opinion Polling, February 2022 (arabnews.com): WhatsApp used by 92 % of adults, YouTube 79 %, Snapchat 77 %, Twitter / X 61 %, Instagram 58 %, TikTok 51 %; Facebook little used. No public figure found for noon, talabat or Careem in Saudi Arabia.',
    judgement: ['noon', 'talabat', 'careem'],
  },
  AE: {
    ids: ['whatsapp', 'instagram', 'facebook', 'tiktok', 'x', 'noon', 'talabat', 'careem'],
    source:
      'WhatsApp 85.8 % of users, Facebook 80.3 %, Instagram 80.1 % (contentlabs.online); TikTok the most used platform in the UAE (Galal & Karawi / Orient Planet study, meatechwatch.com, 2024); X 3.05 million users (Interregional Center for Strategic Analyses, 2024). No public figure found for noon, talabat or Careem in the UAE.',
    judgement: ['noon', 'talabat', 'careem'],
  },
};

/** Country → catalog ids, most used first. */
export const COUNTRY_PICKS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(COUNTRY_PICK_SOURCES).map(([country, pick]) => [country, pick.ids]),
);

/** The suggestion for a country, or null when there is none for it. */
export function countryPicks(country: string | null): readonly string[] | null {
  return country ? (COUNTRY_PICKS[country.toUpperCase()] ?? null) : null;
}
