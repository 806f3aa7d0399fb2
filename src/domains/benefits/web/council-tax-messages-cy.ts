import type { councilTaxEn } from './council-tax-messages-en.ts';

/**
 * Cymraeg. The type makes a missing or extra key a compile error.
 *
 * For a Welsh translator to review before live use: "Cymorth y Dreth Gyngor" (Council Tax
 * Support), "Gostyngiad y Dreth Gyngor" and "cynllun gostyngiadau’r dreth gyngor" (the Welsh
 * regulations' own words), "swm cymwys" (applicable amount), "premiwm teulu", "lwfans personol".
 */
export const councilTaxCy: Record<keyof typeof councilTaxEn, string> = {
  'councilTax.settings.link': 'Cynllun Cymorth y Dreth Gyngor',
  'councilTax.settings.title': 'Cymorth y Dreth Gyngor yn y ffigurau gwell eich byd',
  'councilTax.settings.lead.england':
    'Mae cynghorau yn Lloegr yn rhedeg eu cynlluniau Cymorth y Dreth Gyngor eu hunain. Os yw eich cyngor chi’n tynnu cyfran oddi ar fil pobl ar Gredyd Cynhwysol yn ôl band incwm, gosodwch y bandiau yma a bydd y ffigurau gwell eich byd yn ei gynnwys. Heb gynllun, mae’r ffigurau’n dweud eu bod yn gadael Cymorth y Dreth Gyngor allan.',
  'councilTax.settings.lead.income':
    'Mae’r bandiau’n cael eu cymharu ag incwm y cartref y mis heb Gredyd Cynhwysol: cyflog net ac incwm arall. Rhowch nhw o’r incwm isaf i fyny, a gadewch yn wag y bandiau nad oes eu hangen arnoch.',
  'councilTax.settings.lead.wales':
    'Mae eich cyngor yng Nghymru, lle mae un cynllun cenedlaethol Gostyngiadau’r Dreth Gyngor (Rheoliadau Cynlluniau Gostyngiadau’r Dreth Gyngor a Gofynion Rhagnodedig (Cymru) 2013). Mae’r ffigurau gwell eich byd yn ei ddefnyddio, felly nid oes dim i’w osod yma.',
  'councilTax.settings.scheme': 'Oes gan eich cyngor gynllun bandiau i bobl ar Gredyd Cynhwysol?',
  'councilTax.settings.scheme.yes': 'Oes, ei gynnwys yn y ffigurau gwell eich byd',
  'councilTax.settings.scheme.no': 'Nac oes, gadael Cymorth y Dreth Gyngor allan o’r ffigurau',
  'councilTax.settings.name': 'Enw’r cynllun',
  'councilTax.settings.nameHint': 'Fel y mae trigolion yn ei adnabod, er enghraifft Cymorth y Dreth Gyngor',
  'councilTax.settings.url': 'Dolen i dudalen y cynllun ar wefan eich cyngor',
  'councilTax.settings.urlHint': 'Yn dechrau https://',
  'councilTax.settings.upTo': 'Band {band}: incwm y mis hyd at',
  'councilTax.settings.upToHint': 'Mewn punnoedd, gan gynnwys y swm hwn. Er enghraifft, 400',
  'councilTax.settings.discount': 'Band {band}: y gyfran o’r bil a dynnir, mewn canran',
  'councilTax.settings.discountHint': 'O 0 i 100. Er enghraifft, 80',
  'councilTax.settings.save': 'Cadw',
  'councilTax.settings.saved': 'Mae gosodiadau Cymorth y Dreth Gyngor wedi’u cadw.',
  'councilTax.settings.error.scheme': 'Dewiswch oes os oes gan eich cyngor gynllun bandiau i bobl ar Gredyd Cynhwysol',
  'councilTax.settings.error.nameMissing': 'Rhowch enw’r cynllun',
  'councilTax.settings.error.nameTooLong': 'Rhowch enw o 120 nod neu lai',
  'councilTax.settings.error.urlMissing': 'Rhowch ddolen i dudalen y cynllun',
  'councilTax.settings.error.url': 'Rhowch ddolen sy’n dechrau https://, fel https://www.example.gov.uk/council-tax-support',
  'councilTax.settings.error.upToMissing': 'Rhowch yr incwm y mis y mae’r band hwn yn mynd hyd ato',
  'councilTax.settings.error.upTo': 'Rhowch yr incwm mewn punnoedd, fel 400 neu 412.50',
  'councilTax.settings.error.upToRange': 'Rhowch incwm o £0.01 i £100,000 y mis',
  'councilTax.settings.error.upToOrder': 'Rhowch incwm sy’n uwch na’r band uwchben',
  'councilTax.settings.error.discountMissing': 'Rhowch y gyfran o’r bil y mae’r band hwn yn ei thynnu',
  'councilTax.settings.error.discount': 'Rhowch y gyfran fel rhif, fel 80 neu 12.5',
  'councilTax.settings.error.discountRange': 'Rhowch gyfran o 0 i 100',
  'councilTax.settings.error.discountOrder': 'Rhowch gyfran nad yw’n uwch na’r band uwchben: ni all incwm uwch gael mwy i ffwrdd',
  'councilTax.settings.error.bandsMissing': 'Rhowch o leiaf un band',

  'councilTax.form.bill': 'Bil treth gyngor blynyddol (dewisol)',
  'councilTax.form.billHint':
    'Y swm llawn am y flwyddyn cyn unrhyw Gymorth y Dreth Gyngor, o’r bil treth gyngor. Er enghraifft, 1,850. Os byddwch yn ei adael yn wag, mae’r ffigurau’n gadael Cymorth y Dreth Gyngor allan.',
  'betterOff.error.councilTax': 'Rhowch y bil blynyddol mewn punnoedd, fel 1850, neu gadewch ef yn wag',
  'betterOff.error.councilTaxTooHigh': 'Rhowch fil blynyddol o £20,000 neu lai',

  'councilTax.leftOut': 'Wedi’i adael allan o’r ffigurau hyn',
  'councilTax.line': 'Cymorth y Dreth Gyngor',
  'councilTax.scheme.wales': 'cynllun Gostyngiadau’r Dreth Gyngor yng Nghymru',
  'councilTax.section.title': 'Cymorth y Dreth Gyngor',
  'councilTax.section.wales': 'Mae eich cyngor yng Nghymru: caiff Cymorth y Dreth Gyngor ei gyfrifo dan y cynllun cenedlaethol Gostyngiadau’r Dreth Gyngor.',
  'councilTax.section.banded': 'Caiff Cymorth y Dreth Gyngor ei gyfrifo dan gynllun eich cyngor ei hun:',
  'councilTax.section.amounts':
    'Ar gyfer bil blynyddol o {annual}, byddai’n {inWork} y mis ar {hours} awr yr wythnos, o’i gymharu â {outOfWork} y mis heb waith.',
  'councilTax.section.amountsNoWork': 'Ar gyfer bil blynyddol o {annual}, byddai’n {outOfWork} y mis heb waith.',
  'councilTax.section.noScheme':
    'Nid yw eich cyngor wedi gosod ei gynllun Cymorth y Dreth Gyngor yn y gwasanaeth hwn, felly mae’r ffigurau’n gadael Cymorth y Dreth Gyngor allan. Gofynnwch i’r cyngor: efallai y gall leihau eich bil treth gyngor.',
  'councilTax.section.noBill': 'Ni roddwyd bil treth gyngor blynyddol, felly mae’r ffigurau’n gadael Cymorth y Dreth Gyngor allan.',
  'councilTax.section.bandedNoUc':
    'Mae bandiau’r cynllun i bobl ar Gredyd Cynhwysol. Ar oriau lle na fyddai Credyd Cynhwysol, nid yw’r ffigurau’n cyfrif Cymorth y Dreth Gyngor: nid yw rheolau’r cyngor i bobl eraill yn cael eu cyfrifo yma.',
  'councilTax.section.notPaid':
    'Nid yw Cymorth y Dreth Gyngor yn cael ei dalu i chi: mae’n lleihau eich bil treth gyngor. Mae’r cyfansymiau’n ei gyfrif fel arian rydych yn ei gadw.',
  'councilTax.table.included': 'Mae’r cyfansymiau’n cynnwys Cymorth y Dreth Gyngor dan {scheme}.',
  'councilTax.table.left': 'Mae’r cyfansymiau’n gadael Cymorth y Dreth Gyngor allan.',
  'councilTax.chart.desc': 'Mae Cymorth y Dreth Gyngor yn mynd o {first} ar 0 awr i {last} ar {maxHours} awr.',
  'councilTax.how.title': 'Cymorth y Dreth Gyngor ar {hours} awr yr wythnos, dan {scheme}:',
  'councilTax.how.titleNoScheme': 'Cymorth y Dreth Gyngor:',
  'councilTax.how.totals': 'Mae’r cyfanswm hefyd yn adio Cymorth y Dreth Gyngor.',

  'councilTax.reason.no-scheme':
    'Nid oes cynllun Cymorth y Dreth Gyngor wedi’i osod i’r cyngor hwn, felly mae’r ffigurau’n gadael Cymorth y Dreth Gyngor allan.',
  'councilTax.reason.no-liability': 'Ni roddwyd bil treth gyngor blynyddol, felly mae’r ffigurau’n gadael Cymorth y Dreth Gyngor allan.',
  'councilTax.reason.liability': 'Y bil treth gyngor yw {annual} y flwyddyn, {amount} y mis.',
  'councilTax.reason.wales.uc.applicable-amount': 'Gyda dyfarniad Credyd Cynhwysol, y swm cymwys yw uchafswm y Credyd Cynhwysol: {amount} y mis.',
  'councilTax.reason.wales.uc.income':
    'Yr incwm yw Credyd Cynhwysol {award} + cyflog net {earnings} + incwm arall {other} + incwm a dybir o gynilion {tariff} = {income} y mis.',
  'councilTax.reason.wales.applicable-amount':
    'Heb Gredyd Cynhwysol, y swm cymwys yw lwfans personol o {allowance}, {children} × {childAmount} am blant a phremiwm teulu o {familyPremium}: {weekly} yr wythnos, {amount} y mis (× 52 ÷ 12).',
  'councilTax.reason.wales.income':
    'Yr incwm yw cyflog net {earnings} llai {disregard} yr wythnos nad yw’n cael ei gyfrif ({disregardMonthly} y mis), + incwm arall {other} = {income} y mis.',
  'councilTax.reason.wales.capital-tariff-not-modelled':
    'Nid yw incwm a dybir o gynilion dros £6,000, i rywun heb Gredyd Cynhwysol, yn cael ei gyfrif yma, felly gall y ffigur hwn fod yn rhy uchel.',
  'councilTax.reason.wales.capital-over-limit': 'Mae cynilion o {capital} dros y terfyn o {limit}, felly nid oes Gostyngiad y Dreth Gyngor.',
  'councilTax.reason.wales.full': 'Nid yw incwm o {income} yn uwch na’r swm cymwys o {applicable}, felly mae’r bil cyfan wedi’i dalu: {amount} y mis.',
  'councilTax.reason.wales.taper':
    'Mae’r incwm {excess} yn uwch na’r swm cymwys. Mae {rate} o hynny, {deduction}, yn dod oddi ar y bil o {liability}, gan adael {amount} y mis.',
  'councilTax.reason.banded.no-uc':
    'Mae {scheme} yn gosod ei fandiau i bobl ar Gredyd Cynhwysol. Heb Gredyd Cynhwysol nid ydynt yn berthnasol, ac nid yw rheolau’r cyngor i bobl eraill yn cael eu cyfrifo yma, felly ni chyfrifir Cymorth y Dreth Gyngor.',
  'councilTax.reason.banded.income': 'Mae {scheme} yn cymharu incwm y cartref y mis heb Gredyd Cynhwysol, {income} (cyflog net ac incwm arall), â’i fandiau.',
  'councilTax.reason.banded.band': 'Mae {income} ym mand {band} ({from} i {upTo}): {discount} o {liability} yw {amount} y mis.',
  'councilTax.reason.banded.above-bands': 'Mae {income} yn uwch na’r band uchaf (hyd at {upTo}), felly nid oes dim yn dod oddi ar y bil.',
  'councilTax.reason.award': 'Cymorth y Dreth Gyngor: {amount} y mis.',

  'betterOff.parameter.ctr-wales-taper-rate': 'Gostyngiad y Dreth Gyngor (Cymru): y gyfran o incwm dros y swm cymwys a dynnir',
  'betterOff.parameter.ctr-wales-personal-allowance-single-under-25': 'Gostyngiad y Dreth Gyngor (Cymru): lwfans personol, sengl, 18 i 24',
  'betterOff.parameter.ctr-wales-personal-allowance-single-25-plus': 'Gostyngiad y Dreth Gyngor (Cymru): lwfans personol, sengl, 25 neu hŷn',
  'betterOff.parameter.ctr-wales-personal-allowance-lone-parent': 'Gostyngiad y Dreth Gyngor (Cymru): lwfans personol, rhiant unigol',
  'betterOff.parameter.ctr-wales-personal-allowance-couple': 'Gostyngiad y Dreth Gyngor (Cymru): lwfans personol, cwpl',
  'betterOff.parameter.ctr-wales-child-amount': 'Gostyngiad y Dreth Gyngor (Cymru): swm am bob plentyn',
  'betterOff.parameter.ctr-wales-family-premium': 'Gostyngiad y Dreth Gyngor (Cymru): premiwm teulu',
  'betterOff.parameter.ctr-wales-earnings-disregard-single': 'Gostyngiad y Dreth Gyngor (Cymru): enillion nas cyfrifir, sengl',
  'betterOff.parameter.ctr-wales-earnings-disregard-couple': 'Gostyngiad y Dreth Gyngor (Cymru): enillion nas cyfrifir, cwpl',
  'betterOff.parameter.ctr-wales-earnings-disregard-lone-parent': 'Gostyngiad y Dreth Gyngor (Cymru): enillion nas cyfrifir, rhiant unigol',
  'betterOff.parameter.ctr-wales-capital-upper-limit': 'Gostyngiad y Dreth Gyngor (Cymru): terfyn cynilion',
};
