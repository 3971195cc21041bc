// Country (ISO 3166 numeric, the code of the `land` option set) -> UN M49 sub-region, the
// generalisation step "country to region" of the participant-report k-anonymity. Membership per
// the UN Statistics Division's M49 standard (as tabulated in lukes/ISO-3166-Countries-with-
// Regional-Codes); Norwegian names ours. Countries without a region fall into OTHER_REGION.
import type { Localized } from "~/i18n/locale";

export interface Region {
  /** M49 code of the sub-region; the variable's code in exports. */
  readonly code: number;
  readonly label: Localized;
  readonly countries: readonly number[];
}

export const REGIONS: readonly Region[] = [
  { code: 11, label: { nb: "Vest-Afrika", en: "Western Africa" }, countries: [204, 854, 132, 384, 270, 288, 324, 624, 430, 466, 478, 562, 566, 654, 686, 694, 768] },
  { code: 14, label: { nb: "Øst-Afrika", en: "Eastern Africa" }, countries: [108, 174, 262, 232, 231, 404, 450, 454, 480, 175, 508, 638, 646, 690, 706, 728, 834, 800, 894, 716] },
  { code: 15, label: { nb: "Nord-Afrika", en: "Northern Africa" }, countries: [12, 818, 434, 504, 729, 788, 732] },
  { code: 17, label: { nb: "Sentral-Afrika", en: "Middle Africa" }, countries: [24, 120, 140, 148, 178, 180, 226, 266, 678] },
  { code: 18, label: { nb: "Sørlige Afrika", en: "Southern Africa" }, countries: [72, 426, 516, 710, 748] },
  { code: 5, label: { nb: "Sør-Amerika", en: "South America" }, countries: [32, 68, 76, 152, 170, 218, 238, 254, 328, 600, 604, 740, 858, 862] },
  { code: 13, label: { nb: "Mellom-Amerika", en: "Central America" }, countries: [84, 188, 222, 320, 340, 484, 558, 591] },
  { code: 21, label: { nb: "Nord-Amerika", en: "Northern America" }, countries: [60, 124, 304, 666, 840] },
  {
    code: 29,
    label: { nb: "Karibia", en: "Caribbean" },
    countries: [660, 28, 533, 44, 52, 535, 136, 192, 531, 212, 214, 308, 312, 332, 388, 474, 500, 630, 652, 659, 662, 663, 670, 534, 780, 796, 92, 850],
  },
  { code: 30, label: { nb: "Øst-Asia", en: "Eastern Asia" }, countries: [156, 344, 392, 408, 410, 446, 496, 158] },
  { code: 34, label: { nb: "Sør-Asia", en: "Southern Asia" }, countries: [4, 50, 64, 356, 364, 462, 524, 586, 144] },
  { code: 35, label: { nb: "Sørøst-Asia", en: "South-eastern Asia" }, countries: [96, 116, 360, 418, 458, 104, 608, 702, 764, 626, 704] },
  { code: 143, label: { nb: "Sentral-Asia", en: "Central Asia" }, countries: [398, 417, 762, 795, 860] },
  { code: 145, label: { nb: "Vest-Asia", en: "Western Asia" }, countries: [51, 31, 48, 196, 268, 368, 376, 400, 414, 422, 512, 275, 634, 682, 760, 792, 784, 887] },
  { code: 39, label: { nb: "Sør-Europa", en: "Southern Europe" }, countries: [8, 20, 70, 191, 292, 300, 336, 380, 807, 470, 499, 620, 674, 688, 705, 724] },
  { code: 151, label: { nb: "Øst-Europa", en: "Eastern Europe" }, countries: [112, 100, 203, 348, 498, 616, 642, 643, 703, 804] },
  { code: 154, label: { nb: "Nord-Europa", en: "Northern Europe" }, countries: [248, 208, 233, 234, 246, 831, 352, 372, 833, 832, 428, 440, 578, 744, 752, 826] },
  { code: 155, label: { nb: "Vest-Europa", en: "Western Europe" }, countries: [40, 56, 250, 276, 438, 442, 492, 528, 756] },
  { code: 53, label: { nb: "Australia og New Zealand", en: "Australia and New Zealand" }, countries: [36, 554, 574] },
  { code: 54, label: { nb: "Melanesia", en: "Melanesia" }, countries: [242, 540, 598, 90, 548] },
  { code: 57, label: { nb: "Mikronesia", en: "Micronesia" }, countries: [316, 296, 584, 583, 520, 580, 585] },
  { code: 61, label: { nb: "Polynesia", en: "Polynesia" }, countries: [16, 184, 258, 570, 612, 882, 772, 776, 798, 876] },
];

export const OTHER_REGION: Region = { code: 999, label: { nb: "Annet område", en: "Other area" }, countries: [] };

const byCountry = new Map<number, Region>();
for (const region of REGIONS) for (const c of region.countries) byCountry.set(c, region);

/** The region of an ISO 3166 numeric country code. */
export function regionOf(country: number): Region {
  return byCountry.get(country) ?? OTHER_REGION;
}
