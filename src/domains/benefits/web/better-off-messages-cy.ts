import type { betterOffEn } from './better-off-messages-en.ts';

/**
 * Cymraeg. The type makes a missing or extra key a compile error.
 *
 * For a Welsh translator to review before live use:
 * - the benefit terms, which should follow the Department for Work and Pensions' own Welsh: "Credyd
 *   Cynhwysol", "elfen iechyd", "lwfans gwaith", "gallu cyfyngedig i weithio a gallu cyfyngedig i
 *   wneud gweithgarwch sy’n gysylltiedig â gwaith" (LCWRA; the English letters are kept, as DWP
 *   letters use them), "gallu cyfyngedig i weithio" (LCW), "meini prawf cyflyrau difrifol" (severe
 *   conditions criteria), "asesiad gallu i weithio" and "Mynediad at Waith";
 * - "cyflog net" for take-home pay (an alternative is "cyflog clir");
 * - "Gwasanaeth Cymorth Iechyd Meddwl";
 * - "Lwfans Cyflogaeth a Chymorth" (ESA), "gwaith a ganiateir" (permitted work) and "gwaith a
 *   ganiateir â chymorth" (supported permitted work), under betterOff.esa.*;
 * - the reasons and rate names under betterOff.reason.* and betterOff.parameter.*, which follow the
 *   calculation's English sentences closely;
 * - number agreement: "awr" stays singular after a figure ("16 awr yr wythnos").
 */
export const betterOffCy: Record<keyof typeof betterOffEn, string> = {
  'betterOff.nav': 'Gwell eich byd mewn gwaith',
  'betterOff.title': 'Gwell eich byd mewn gwaith',
  'betterOff.lead.staff':
    'Cyfrifwch faint o arian fyddai gan yr unigolyn bob mis mewn gwaith o’i gymharu â heb waith: cyflog net, Credyd Cynhwysol ac incwm arall, o 0 i 40 awr yr wythnos.',
  'betterOff.lead.participant':
    'Gwelwch faint o arian fyddai gennych bob mis petaech yn gweithio, o’i gymharu â nawr: eich cyflog net, Credyd Cynhwysol ac incwm arall, o 0 i 40 awr yr wythnos.',
  'betterOff.notSaved.staff': 'Nid oes dim a roddir yma’n cael ei gadw yn yr achos.',
  'betterOff.notSaved.participant': 'Nid oes dim a roddwch yma’n cael ei gadw.',
  'betterOff.estimate':
    'Amcangyfrif yw hwn i’ch helpu i benderfynu, nid penderfyniad am eich budd-daliadau. Mae’r Adran Gwaith a Phensiynau yn cyfrifo eich Credyd Cynhwysol o’r hyn a delir i chi mewn gwirionedd bob mis.',

  'betterOff.form.job': 'Y swydd',
  'betterOff.form.hourlyPay': 'Cyflog yr awr cyn treth',
  'betterOff.form.hourlyPayHint': 'Er enghraifft, 12.71. Y Cyflog Byw Cenedlaethol i bobl 21 oed a hŷn yw {nlw} yr awr.',
  'betterOff.form.hours': 'Oriau gwaith yr wythnos',
  'betterOff.form.hoursHint': 'O 0 i 40. Er enghraifft, 16 neu 22.5',
  'betterOff.form.household': 'Pwy sy’n byw gyda chi',
  'betterOff.form.age': 'Oedran',
  'betterOff.form.ageHint': 'Mewn blynyddoedd',
  'betterOff.form.partner': 'Oes partner yn byw gyda chi?',
  'betterOff.form.partnerHint': 'Gŵr, gwraig neu bartner sifil, neu rywun rydych yn byw gydag ef neu hi fel cwpl',
  'betterOff.form.partnerAge': 'Oedran y partner',
  'betterOff.form.partnerAgeHint': 'Dim ond os oes partner yn byw gyda chi. Mewn blynyddoedd',
  'betterOff.form.partnerEarnings': 'Cyflog net y partner bob mis (dewisol)',
  'betterOff.form.partnerEarningsHint': 'Ar ôl treth ac Yswiriant Gwladol. Gadewch hwn yn wag os nad ydynt yn gweithio',
  'betterOff.form.health': 'Iechyd a budd-daliadau',
  'betterOff.form.fromAward':
    'Cafodd rhai atebion yma eu llenwi o’r budd-dal cyn gwaith a gofnodwyd ar yr achos: {benefit}, a benderfynwyd ar {date}. Gwiriwch nhw gyda’r unigolyn: gellir eu newid.',
  'betterOff.form.lcwra':
    'A yw’r Adran Gwaith a Phensiynau wedi penderfynu bod gallu cyfyngedig i weithio a gallu cyfyngedig i wneud gweithgarwch sy’n gysylltiedig â gwaith (LCWRA)?',
  'betterOff.form.lcwraHint':
    'Mae LCWRA yn ychwanegu elfen iechyd at Gredyd Cynhwysol. Caiff ei benderfynu ar ôl asesiad gallu i weithio, neu heb un i rywun â salwch terfynol',
  'betterOff.form.lcwraSince': 'Pryd dechreuodd yr elfen LCWRA? (dim ond os oes LCWRA)',
  'betterOff.form.lcwraSinceHint':
    'Er enghraifft, 1 3 2024. Os nad ydych yn gwybod y diwrnod, rhowch 1. Mae hyn yn bwysig gan fod y swm yn is ar gyfer hawliadau o 6 Ebrill 2026 ymlaen',
  'betterOff.form.lcwraProtected': 'Salwch terfynol, neu’n bodloni’r meini prawf cyflyrau difrifol',
  'betterOff.form.lcwraProtectedHint': 'Yna telir y swm uwch pryd bynnag y dechreuodd. Os yw hyn yn berthnasol, gallwch adael y dyddiad yn wag',
  'betterOff.form.lcwraProtectedLegend': 'Salwch terfynol neu gyflwr difrifol (dim ond os oes LCWRA)',
  'betterOff.form.lcw': 'A yw’r Adran Gwaith a Phensiynau wedi penderfynu bod gallu cyfyngedig i weithio (LCW)?',
  'betterOff.form.lcwHint': 'Gallu cyfyngedig i weithio heb weithgarwch sy’n gysylltiedig â gwaith. Atebwch ‘nac ydy’ os oes LCWRA',
  'betterOff.form.esa': 'Ydych chi’n cael Lwfans Cyflogaeth a Chymorth (ESA) nawr? (dewisol)',
  'betterOff.form.esaHint':
    'ESA dull newydd neu ESA yn seiliedig ar incwm. Oni bai eich bod yn ateb ‘nac ydw’, mae’r canlyniad hefyd yn dweud a allai’r gwaith hwn fod yn waith a ganiateir, y gallwch ei wneud a chadw eich ESA',
  'betterOff.form.children': 'Oes plant yn byw gyda chi?',
  'betterOff.form.childrenHint': 'Plant dan 16 oed, neu dan 20 oed ac mewn ysgol neu goleg llawn amser (nid prifysgol)',
  'betterOff.form.childCount': 'Faint o blant?',
  'betterOff.form.childCountHint': 'Dim ond os oes plant yn byw gyda chi',
  'betterOff.form.eldest': 'Dyddiad geni’r plentyn hynaf',
  'betterOff.form.eldestHint': 'Er enghraifft, 27 3 2015. Nid oes angen dyddiadau’r plant eraill',
  'betterOff.form.costs': 'Tai, cynilion ac incwm arall',
  'betterOff.form.rent': 'Rhent y mis y gall Credyd Cynhwysol helpu ag ef (dewisol)',
  'betterOff.form.rentHint': 'Gadewch hwn yn wag os ydych yn berchen ar eich cartref, nad ydych yn talu rhent, neu os ydych yn cael Budd-dal Tai',
  'betterOff.form.childcare': 'Costau gofal plant y mis (dewisol)',
  'betterOff.form.childcareHint': 'Gofal plant cofrestredig a delir er mwyn i chi allu gweithio. Gall Credyd Cynhwysol dalu hyd at 85% yn ôl',
  'betterOff.form.savings': 'Cynilion a buddsoddiadau (dewisol)',
  'betterOff.form.savingsHint': 'Mae cynilion dros £6,000 yn lleihau Credyd Cynhwysol. Dros £16,000 nid oes Credyd Cynhwysol',
  'betterOff.form.otherIncome': 'Incwm arall y mis (dewisol)',
  'betterOff.form.otherIncomeHint':
    'Er enghraifft, Lwfans Cyflogaeth a Chymorth dull newydd neu bensiwn preifat. Peidiwch â chynnwys Taliad Annibyniaeth Personol (PIP) na Budd-dal Plant: nid ydynt yn lleihau Credyd Cynhwysol',
  'betterOff.form.date': 'Defnyddio’r cyfraddau o',
  'betterOff.form.dateHint': 'Mae’r cyfraddau’n newid bob mis Ebrill. Mae gan Bridgework y cyfraddau o {from} i {until}',
  'betterOff.form.submit': 'Cyfrifo',
  'betterOff.form.partner.yes': 'Oes',
  'betterOff.form.partner.no': 'Nac oes',
  'betterOff.form.lcwra.yes': 'Ydy',
  'betterOff.form.lcwra.no': 'Nac ydy',
  'betterOff.form.lcw.yes': 'Ydy',
  'betterOff.form.lcw.no': 'Nac ydy',
  'betterOff.form.esa.yes': 'Ydw',
  'betterOff.form.esa.no': 'Nac ydw',
  'betterOff.form.children.yes': 'Oes',
  'betterOff.form.children.no': 'Nac oes',

  'betterOff.error.dateMissing': 'Rhowch ddyddiad y cyfraddau i’w defnyddio',
  'betterOff.error.date': 'Rhowch ddyddiad go iawn ar gyfer y cyfraddau, er enghraifft 6 4 2026',
  'betterOff.error.dateRange': 'Rhowch ddyddiad o {from} i {until}: dyna’r cyfraddau sydd gan Bridgework',
  'betterOff.error.hourlyPayMissing': 'Rhowch y cyflog yr awr',
  'betterOff.error.hourlyPay': 'Rhowch y cyflog yr awr mewn punnoedd, mwy na 0, fel 12.71',
  'betterOff.error.hourlyPayTooHigh': 'Rhowch gyflog yr awr o £1,000 neu lai',
  'betterOff.error.hoursMissing': 'Rhowch yr oriau gwaith yr wythnos',
  'betterOff.error.hours': 'Rhowch yr oriau gwaith yr wythnos fel rhif o 0 i 40, fel 16 neu 22.5',
  'betterOff.error.ageMissing': 'Rhowch yr oedran',
  'betterOff.error.age': 'Rhowch yr oedran mewn blynyddoedd cyfan, o 16 i 65: mae Credyd Cynhwysol ar gyfer pobl dan oedran Pensiwn y Wladwriaeth',
  'betterOff.error.partner': 'Dewiswch ‘oes’ os oes partner yn byw gyda chi',
  'betterOff.error.partnerAgeMissing': 'Rhowch oedran y partner',
  'betterOff.error.partnerAge':
    'Rhowch oedran y partner mewn blynyddoedd cyfan, o 16 i 65: mae Credyd Cynhwysol ar gyfer pobl dan oedran Pensiwn y Wladwriaeth',
  'betterOff.error.partnerEarnings': 'Rhowch gyflog net y partner mewn punnoedd, fel 850, neu gadewch ef yn wag',
  'betterOff.error.partnerEarningsTooHigh': 'Rhowch gyflog net y partner fel £100,000 y mis neu lai',
  'betterOff.error.lcwra': 'Dewiswch ‘ydy’ os oes gallu cyfyngedig i weithio a gallu cyfyngedig i wneud gweithgarwch sy’n gysylltiedig â gwaith',
  'betterOff.error.lcwraSinceMissing': 'Rhowch pryd dechreuodd yr elfen LCWRA, neu ticiwch salwch terfynol neu gyflyrau difrifol',
  'betterOff.error.lcwraSince': 'Rhowch ddyddiad go iawn ar gyfer pryd dechreuodd yr elfen LCWRA, er enghraifft 1 3 2024',
  'betterOff.error.lcwraSinceFuture': 'Rhaid i’r dyddiad y dechreuodd yr elfen LCWRA fod ar ddyddiad y cyfraddau neu cyn hynny',
  'betterOff.error.lcw': 'Dewiswch ‘ydy’ os oes gallu cyfyngedig i weithio',
  'betterOff.error.children': 'Dewiswch ‘oes’ os oes plant yn byw gyda chi',
  'betterOff.error.childCountMissing': 'Rhowch faint o blant',
  'betterOff.error.childCount': 'Rhowch faint o blant fel rhif cyfan o 1 i 12',
  'betterOff.error.eldestMissing': 'Rhowch ddyddiad geni’r plentyn hynaf',
  'betterOff.error.eldest': 'Rhowch ddyddiad geni go iawn ar gyfer y plentyn hynaf, er enghraifft 27 3 2015',
  'betterOff.error.eldestFuture': 'Rhaid i ddyddiad geni’r plentyn hynaf fod ar ddyddiad y cyfraddau neu cyn hynny',
  'betterOff.error.eldestTooOld': 'Rhowch y plentyn hynaf sydd dan 20 oed: nid yw plant hŷn yn cyfrif ar gyfer Credyd Cynhwysol',
  'betterOff.error.rent': 'Rhowch y rhent mewn punnoedd, fel 650, neu gadewch ef yn wag',
  'betterOff.error.rentTooHigh': 'Rhowch rent o £100,000 y mis neu lai',
  'betterOff.error.childcare': 'Rhowch y costau gofal plant mewn punnoedd, fel 300, neu gadewch nhw’n wag',
  'betterOff.error.childcareTooHigh': 'Rhowch gostau gofal plant o £100,000 y mis neu lai',
  'betterOff.error.savings': 'Rhowch y cynilion mewn punnoedd, fel 2500, neu gadewch nhw’n wag',
  'betterOff.error.savingsTooHigh': 'Rhowch gynilion o £10,000,000 neu lai',
  'betterOff.error.otherIncome': 'Rhowch yr incwm arall mewn punnoedd, fel 120, neu gadewch ef yn wag',
  'betterOff.error.otherIncomeTooHigh': 'Rhowch incwm arall o £100,000 y mis neu lai',
  'betterOff.error.calculation': 'Ni ellir cyfrifo’r atebion hyn: gwiriwch nhw a rhowch gynnig arall arni',

  'betterOff.result.title': 'Gwell eich byd mewn gwaith: y canlyniad',
  'betterOff.result.caption': 'Cyfraddau mewn grym ar {date}',
  'betterOff.result.single.more':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai gennych {total} y mis, {gain} yn fwy na’r {now} sydd gennych nawr heb waith.',
  'betterOff.result.single.less':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai gennych {total} y mis, {gain} yn llai na’r {now} sydd gennych nawr heb waith.',
  'betterOff.result.single.same': 'Ar {hours} awr yr wythnos ar {pay} yr awr byddai gennych {total} y mis, yr un faint ag sydd gennych nawr heb waith.',
  'betterOff.result.single.none': 'Heb waith mae gennych {now} y mis.',
  'betterOff.result.couple.more':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai gennych chi a’ch partner {total} y mis, {gain} yn fwy na’r {now} sydd gennych nawr heb eich gwaith chi.',
  'betterOff.result.couple.less':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai gennych chi a’ch partner {total} y mis, {gain} yn llai na’r {now} sydd gennych nawr heb eich gwaith chi.',
  'betterOff.result.couple.same':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai gennych chi a’ch partner {total} y mis, yr un faint ag sydd gennych nawr heb eich gwaith chi.',
  'betterOff.result.couple.none': 'Heb eich gwaith chi, mae gennych chi a’ch partner {now} y mis.',
  'betterOff.result.ucAtHours': 'Byddai Credyd Cynhwysol yn {uc} y mis, o’i gymharu â {ucNow} heb waith.',
  'betterOff.result.noUcAtHours': 'Ni fyddai Credyd Cynhwysol ar yr oriau hyn; heb waith mae’n {ucNow} y mis.',
  'betterOff.result.nlwWarning': 'Mae hyn yn llai na’r Cyflog Byw Cenedlaethol o {nlw} yr awr. Rhaid i gyflogwyr dalu o leiaf hyn i unrhyw un 21 oed neu hŷn.',
  'betterOff.result.afterChildcare': 'Nid yw’r cyfansymiau hyn yn tynnu costau gofal plant o {costs} y mis: ar ôl eu talu byddai gennych {left}.',
  'betterOff.result.figures': 'Ar {hours} awr yr wythnos',
  'betterOff.result.gross': 'Cyflog cyn treth',
  'betterOff.result.tax': 'Treth Incwm',
  'betterOff.result.ni': 'Yswiriant Gwladol',
  'betterOff.result.net': 'Cyflog net',
  'betterOff.result.uc': 'Credyd Cynhwysol',
  'betterOff.result.other': 'Incwm arall',
  'betterOff.result.partner': 'Cyflog net y partner',
  'betterOff.result.total': 'Cyfanswm y mis',
  'betterOff.result.outOfWork': 'Cyfanswm heb waith',
  'betterOff.result.gain': 'Y gwahaniaeth',

  'betterOff.chart.heading': 'Arian ar oriau gwahanol',
  'betterOff.chart.title': 'Arian y mis ar 0 i 40 awr o waith yr wythnos',
  'betterOff.chart.desc':
    'Mae cyfanswm yr arian y mis yn mynd o {first} heb waith i {last} ar {maxHours} awr yr wythnos. Mae Credyd Cynhwysol yn mynd o {ucFirst} i {ucLast}. Mae’r tabl ar ôl y siart yn rhoi pob ffigur.',
  'betterOff.chart.x': 'Oriau gwaith yr wythnos',
  'betterOff.chart.y': 'Punnoedd y mis',
  'betterOff.chart.total': 'Cyfanswm yr arian y mis',
  'betterOff.chart.uc': 'Credyd Cynhwysol',
  'betterOff.chart.net': 'Cyflog net',
  'betterOff.chart.marker': '{hours} awr',

  'betterOff.table.caption': 'Arian y mis ar oriau gwaith gwahanol yr wythnos',
  'betterOff.table.hours': 'Oriau yr wythnos',
  'betterOff.table.gross': 'Cyflog cyn treth',
  'betterOff.table.deductions': 'Treth ac Yswiriant Gwladol',
  'betterOff.table.net': 'Cyflog net',
  'betterOff.table.uc': 'Credyd Cynhwysol',
  'betterOff.table.total': 'Cyfanswm',
  'betterOff.table.gain': 'Mwy na heb waith',
  'betterOff.table.yours': '(eich oriau chi)',
  'betterOff.table.region': 'Tabl o arian ar oriau gwahanol',
  'betterOff.table.otherIncome': 'Mae’r cyfansymiau’n cynnwys incwm arall o {other} y mis.',
  'betterOff.table.partnerIncome': 'Mae’r cyfansymiau’n cynnwys cyflog net eich partner o {partner} y mis.',

  'betterOff.stays.title': 'Beth sy’n aros pan fyddwch yn gweithio',
  'betterOff.stays.lcwra':
    'Mae eich elfen LCWRA o {amount} y mis yn aros yn eich Credyd Cynhwysol pan fyddwch yn gweithio. O dan Gredyd Cynhwysol, nid yw gweithio yn ei dod i ben.',
  'betterOff.stays.rightToTry': 'Nid yw dechrau gweithio ynddo’i hun yn rheswm i’r Adran Gwaith a Phensiynau edrych eto ar eich iechyd.',
  'betterOff.stays.reclaim':
    'Os yw eich cyflog yn dod â’ch Credyd Cynhwysol i ben a’ch bod yn hawlio eto o fewn 6 mis, er enghraifft am nad oedd y swydd yn addas, mae eich penderfyniad LCWRA yn parhau heb asesiad newydd.',
  'betterOff.stays.workAllowance':
    'Gallwch gael {amount} y mis o gyflog net (eich lwfans gwaith) cyn i’ch Credyd Cynhwysol leihau. Ar ôl hynny, mae’n lleihau {taper}c am bob £1 yn rhagor o gyflog net.',
  'betterOff.stays.noWorkAllowance':
    'Nid oes lwfans gwaith, gan nad oes neb yn yr aelwyd yn gofalu am blentyn nac â gallu cyfyngedig i weithio. Mae Credyd Cynhwysol yn lleihau {taper}c am bob £1 o gyflog net.',
  'betterOff.stays.child': 'Mae’r elfen plant o {amount} y mis yn aros yn eich Credyd Cynhwysol.',
  'betterOff.stays.housing': 'Mae help gyda rhent o {amount} y mis yn rhan o’ch Credyd Cynhwysol tra byddwch yn cael unrhyw Gredyd Cynhwysol.',
  'betterOff.stays.childcare': 'Mae Credyd Cynhwysol yn talu {amount} y mis o’ch costau gofal plant yn ôl tra byddwch yn gweithio.',
  'betterOff.stays.noUc': 'Nid oes Credyd Cynhwysol ar yr oriau hyn, hyd yn oed heb waith.',

  'betterOff.atw.title': 'Beth allai Mynediad at Waith ei ychwanegu',
  'betterOff.atw.lead':
    'Grant gan yr Adran Gwaith a Phensiynau yw Mynediad at Waith ar gyfer costau ychwanegol gweithio gyda chyflwr iechyd neu anabledd. Gall dalu am:',
  'betterOff.atw.supportWorker': 'gweithiwr cymorth neu hyfforddwr swyddi, gan gynnwys dehonglydd Iaith Arwyddion Prydain',
  'betterOff.atw.travel': 'teithio i’r gwaith pan na allwch ddefnyddio trafnidiaeth gyhoeddus, fel tocynnau tacsi',
  'betterOff.atw.equipment': 'offer arbennig, a newidiadau i offer neu i’r gweithle',
  'betterOff.atw.mentalHealth': 'y Gwasanaeth Cymorth Iechyd Meddwl: 9 mis o gymorth am ddim gan ymgynghorydd adsefydlu galwedigaethol',
  'betterOff.atw.notIncome':
    'Nid incwm yw Mynediad at Waith: mae’n talu am y cymorth, nid yw’n cael ei ychwanegu at eich cyflog, ac nid yw’n lleihau eich Credyd Cynhwysol. Nid yw yn y ffigurau ar y dudalen hon.',
  'betterOff.atw.cap': 'Gall grant fod hyd at {cap} y flwyddyn (o {from}).',
  'betterOff.atw.noCap': 'Mae gan grantiau derfyn blynyddol a osodir gan yr Adran Gwaith a Phensiynau.',
  'betterOff.atw.apply':
    'Gallwch wneud cais hyd at 12 wythnos cyn i swydd ddechrau. Nid oes isafswm oriau, ond rhaid i’r swydd dalu o leiaf yr isafswm cyflog.',
  'betterOff.atw.help':
    'Gall eich arbenigwr cyflogaeth eich helpu i benderfynu pa gymorth i ofyn amdano a gwneud cais gyda chi. Mynediad at Waith yn unig sy’n penderfynu am beth y bydd yn talu, pan fyddwch yn gwneud cais.',

  'betterOff.esa.title': 'Os ydych yn cael Lwfans Cyflogaeth a Chymorth',
  'betterOff.esa.lead':
    'Tra byddwch yn cael Lwfans Cyflogaeth a Chymorth (ESA), gallwch wneud rhywfaint o waith am dâl a chadw eich ESA. Gwaith a ganiateir yw’r enw ar hyn. Gyda’r terfynau mewn grym ar {date}, gwaith a ganiateir yw:',
  'betterOff.esa.higher': 'gwaith o lai na {hours} awr yr wythnos, gan ennill hyd at {limit} yr wythnos',
  'betterOff.esa.lower': 'gwaith o unrhyw nifer o oriau, gan ennill hyd at {limit} yr wythnos',
  'betterOff.esa.supported':
    'gwaith a ganiateir â chymorth, o unrhyw nifer o oriau, gan ennill hyd at {limit} yr wythnos: gwaith dan oruchwyliaeth rhywun o gyngor, neu o elusen neu sefydliad gwirfoddol sy’n dod o hyd i waith i bobl anabl, neu waith a wneir fel rhan o driniaeth ysbyty',
  'betterOff.esa.earnings': 'Ar {hours} awr yr wythnos ar {pay} yr awr byddech yn ennill {weekly} yr wythnos cyn treth.',
  'betterOff.esa.within':
    'Mae hynny o fewn gwaith a ganiateir: llai na {maxHours} awr yr wythnos, a dim mwy na {limit} yr wythnos. Gallai eich ESA barhau ochr yn ochr ag ef. Dywedwch wrth yr Adran Gwaith a Phensiynau am y gwaith cyn i chi ddechrau.',
  'betterOff.esa.withinLower':
    'Mae hynny o fewn gwaith a ganiateir, gan nad yw’n fwy na {lower} yr wythnos, y terfyn ar gyfer unrhyw nifer o oriau. Gallai eich ESA barhau ochr yn ochr ag ef. Dywedwch wrth yr Adran Gwaith a Phensiynau am y gwaith cyn i chi ddechrau.',
  'betterOff.esa.overHours':
    'Nid yw hynny’n waith a ganiateir, gan ei fod yn {maxHours} awr yr wythnos neu fwy. Mae gwaith a ganiateir sy’n ennill hyd at {limit} yr wythnos yn llai na {maxHours} awr yr wythnos.',
  'betterOff.esa.overSupported': 'Gallai fod yn waith a ganiateir â chymorth o hyd, os yw dan oruchwyliaeth fel y disgrifir uchod.',
  'betterOff.esa.overEarnings': 'Nid yw hynny’n waith a ganiateir, gan fod {weekly} yr wythnos yn fwy na’r terfyn o {limit} yr wythnos.',
  'betterOff.esa.overBoth':
    'Nid yw hynny’n waith a ganiateir, gan ei fod yn {maxHours} awr yr wythnos neu fwy, a bod {weekly} yr wythnos yn fwy na’r terfyn o {limit} yr wythnos.',
  'betterOff.esa.above':
    'Uwchlaw gwaith a ganiateir, byddai eich ESA yn dod i ben a byddech yn hawlio Credyd Cynhwysol yn lle hynny. Mae’r ffigurau ar y dudalen hon yn dangos beth fyddai gennych gyda Chredyd Cynhwysol.',

  'betterOff.how.title': 'Sut y cyfrifwyd hyn',
  'betterOff.how.pay': 'Cyflog cyn treth y mis yw cyflog yr awr × oriau’r wythnos × 52 ÷ 12.',
  'betterOff.how.tax':
    'Caiff Treth Incwm ac Yswiriant Gwladol eu cyfrifo ar gyfer Cymru, Lloegr a Gogledd Iwerddon o’r lwfansau a’r trothwyon blynyddol wedi’u rhannu â 12, ar gyfer cyflog misol cyson. Gall slip cyflog fod ychydig bunnoedd yn wahanol; ni chyfrifir Treth Incwm yr Alban.',
  'betterOff.how.uc': 'Credyd Cynhwysol ar {hours} awr yr wythnos, gyda’r cyfraddau mewn grym ar {date}:',
  'betterOff.how.totals': 'Mae’r cyfanswm yn adio cyflog net, Credyd Cynhwysol, incwm arall a chyflog net partner.',
  'betterOff.how.esa':
    'Ar gyfer gwaith a ganiateir ESA, enillion yr wythnos yw cyflog yr awr × oriau’r wythnos, cyn treth, i’r geiniog. Cânt eu cymharu â therfynau gwaith a ganiateir sydd mewn grym ar {date}.',
  'betterOff.how.parameters': 'Cyfraddau a throthwyon a ddefnyddiwyd',
  'betterOff.how.name': 'Beth',
  'betterOff.how.value': 'Swm',
  'betterOff.how.from': 'Mewn grym o',
  'betterOff.how.source': 'Ffynhonnell',
  'betterOff.how.confidence.V': 'wedi’i wirio yn erbyn ffynhonnell swyddogol',
  'betterOff.how.confidence.S': 'o ffynhonnell eilaidd, i’w wirio eto',
  'betterOff.how.confidence.D': 'wedi’i gyfrifo o’r rheol a gyhoeddwyd',
  'betterOff.how.confidence.U': 'heb ei gadarnhau eto',
  'betterOff.how.notModelled':
    'Heb eu cynnwys: yr elfennau gofalwr a phlentyn anabl, didyniadau ar gyfer oedolion eraill sy’n byw gyda chi, enillion dros ben, yr isafswm incwm tybiannol ar gyfer hunangyflogaeth, a diogelwch trosiannol. Caiff y cap ar fudd-daliadau ei gyfrifo fel ar gyfer cartref y tu allan i Lundain Fwyaf.',

  'betterOff.pdf': 'Lawrlwytho crynodeb un dudalen (PDF)', // needs translator review
  'betterOff.pdfFull': 'Lawrlwytho gyda’r holl waith cyfrifo (PDF)', // needs translator review
  'betterOff.pdf.workings': 'Yr holl waith cyfrifo', // needs translator review
  'betterOff.pdf.workingsLeftOut':
    'Mae’r siart, y ffigurau ar oriau eraill, yr atebion y cyfrifwyd hyn ohonynt, a sut y cafodd ei gyfrifo yn y fersiwn gyda’r holl waith cyfrifo.', // needs translator review
  'betterOff.change': 'Newid yr atebion',
  'betterOff.pdf.title': 'Gwell eich byd mewn gwaith',
  'betterOff.pdf.made': 'Cyfrifwyd ar {date}, gyda’r cyfraddau mewn grym ar {rateDate}.',
  'betterOff.pdf.for': 'Ar gyfer {name}.',
  'betterOff.pdf.answers': 'Eich atebion',
  'betterOff.pdf.footer': 'Bridgework: amcangyfrif i’ch helpu i benderfynu, nid penderfyniad am eich budd-daliadau.',
  'betterOff.pdf.yes': 'Ydy',
  'betterOff.pdf.no': 'Nac ydy',
  'betterOff.pdf.notGiven': 'Heb ei roi',
  'betterOff.pdf.lcwraSince': 'LCWRA ers {date}',
  'betterOff.pdf.lcwraProtected': 'LCWRA, salwch terfynol neu gyflyrau difrifol',
  'betterOff.pdf.children': '{count}, y plentyn hynaf wedi’i eni ar {date}',
  'betterOff.reason.standard-allowance.single-under-25': 'Mae hawlydd sengl {age} oed (dan 25) yn cael y lwfans safonol o {amount}.',
  'betterOff.reason.standard-allowance.single-25-plus': 'Mae hawlydd sengl {age} oed (25 neu hŷn) yn cael y lwfans safonol o {amount}.',
  'betterOff.reason.standard-allowance.joint-under-25': 'Mae cwpl sydd ill dau dan 25 oed ({ages} oed) yn cael y lwfans safonol o {amount}.',
  'betterOff.reason.standard-allowance.joint-25-plus': 'Mae cwpl ac un neu’r ddau yn 25 oed neu hŷn ({ages} oed) yn cael y lwfans safonol o {amount}.',
  'betterOff.reason.lcwra.one-rate': 'Mae gan oedolyn {adult} LCWRA. Cyn {from} mae un gyfradd LCWRA, felly mae’r elfen LCWRA o {amount} wedi’i chynnwys.',
  'betterOff.reason.lcwra.protected':
    'Mae gan oedolyn {adult} LCWRA, ac mae ganddo salwch terfynol, mae’n bodloni’r meini prawf cyflyrau difrifol, neu mae wedi cael LCWRA ers cyn {from}, felly mae’r elfen LCWRA warchodedig o {amount} wedi’i chynnwys.',
  'betterOff.reason.lcwra.new-claimant':
    'Dim ond o {from} y mae oedolyn {adult} wedi cael LCWRA, felly mae’r elfen LCWRA ar gyfer hawliadau newydd, {amount}, wedi’i chynnwys.',
  'betterOff.reason.lcwra.couple-higher': 'Mae gan y ddau bartner LCWRA ({amounts}), ond un elfen LCWRA y mae aelwyd yn ei chael: yr uchaf, {amount}.',
  'betterOff.reason.lcw.element-not-paid':
    'Mae gan oedolyn {adult} allu cyfyngedig i weithio. Dim ond ar hawliadau a ddechreuodd cyn 3 Ebrill 2017 y telir yr elfen LCW ({lcwElement}), felly nid yw wedi’i chynnwys; mae LCW yn dal i roi lwfans gwaith i’r aelwyd.',
  'betterOff.reason.child.higher-rate': 'Mae plentyn {child} (ganwyd {birthDate}), yr hynaf ac a aned cyn {born}, yn cael yr elfen plant uwch o {amount}.',
  'betterOff.reason.child.lower-rate': 'Mae plentyn {child} (ganwyd {birthDate}) yn cael yr elfen plant o {amount}.',
  'betterOff.reason.two-child-limit':
    'Nid yw plentyn {child} (ganwyd {birthDate}) yn cael elfen plant: ar y dyddiad hwn dim ond am drydydd plentyn neu blentyn diweddarach a aned cyn {born} y mae’r terfyn dau blentyn yn talu.',
  'betterOff.reason.child.no-limit': 'Nid yw’r terfyn dau blentyn yn berthnasol ar y dyddiad hwn, felly mae pob un o’r {children} plentyn yn cael elfen plant.',
  'betterOff.reason.childcare.included':
    '{rate} o gostau gofal plant o {costs} yw {share}, o fewn y cap o {cap}, felly’r elfen costau gofal plant yw {amount}.',
  'betterOff.reason.childcare.capped': '{rate} o gostau gofal plant o {costs} yw {share}, uwchlaw’r cap o {cap}, felly’r elfen costau gofal plant yw {amount}.',
  'betterOff.reason.childcare.not-working':
    'Nid yw costau gofal plant o {costs} wedi’u cynnwys: mae’r elfen costau gofal plant yn gofyn bod pawb ar yr hawliad mewn gwaith cyflogedig (caiff partner sydd â gallu cyfyngedig i weithio, neu sy’n gofalu am berson anabl, ei esgusodi), ac nid oes gan oedolyn {adult} enillion.',
  'betterOff.reason.childcare.no-children': 'Nid yw costau gofal plant o {costs} wedi’u cynnwys: dim ond i aelwyd â phlentyn y mae’r elfen costau gofal plant.',
  'betterOff.reason.housing.included':
    'Y rhent sy’n cyfrif yw {amount}. Nid yw’r rheolau sy’n penderfynu faint o rent sy’n cyfrif (fel y Lwfans Tai Lleol) yn cael eu cyfrifo yma.',
  'betterOff.reason.maximum-amount': 'Yr uchafswm, yr holl elfennau wedi’u hadio at ei gilydd, yw {amount}.',
  'betterOff.reason.work-allowance.with-housing': 'Mae’r dyfarniad yn cynnwys help gyda rhent, felly mae’r lwfans gwaith is o {amount} yn berthnasol.',
  'betterOff.reason.work-allowance.without-housing': 'Nid yw’r dyfarniad yn cynnwys help gyda rhent, felly mae’r lwfans gwaith uwch o {amount} yn berthnasol.',
  'betterOff.reason.work-allowance.none':
    'Nid oes lwfans gwaith: dim ond i aelwyd sy’n gyfrifol am blentyn neu sydd â gallu cyfyngedig i weithio y mae, felly mae Credyd Cynhwysol yn lleihau o’r bunt gyntaf a enillir.',
  'betterOff.reason.taper':
    'Mae cyflog net o {earnings} llai’r lwfans gwaith o {workAllowance} yn gadael {excess}; caiff {rate} o hynny, {deduction}, ei dynnu.',
  'betterOff.reason.taper.none': 'Nid oes enillion, felly ni chaiff dim ei dynnu ar gyfer enillion.',
  'betterOff.reason.taper.within': 'Mae cyflog net o {earnings} o fewn y lwfans gwaith o {workAllowance}, felly ni chaiff dim ei dynnu ar gyfer enillion.',
  'betterOff.reason.taper.all': 'Heb lwfans gwaith, caiff {rate} o’r holl gyflog net o {earnings}, {deduction}, ei dynnu.',
  'betterOff.reason.unearned-income': 'Caiff incwm arall o {amount} ei dynnu bunt am bunt.',
  'betterOff.reason.capital.below-lower-limit': 'Nid yw cynilion o {capital} yn fwy na {lowerLimit}, felly ni thybir unrhyw incwm ohonynt.',
  'betterOff.reason.capital.tariff':
    'Mae cynilion o {capital} {above} yn uwch na {lowerLimit}: mae {steps} cam o {step} neu ran o un, ar {perStep} yr un, yn incwm tybiedig o {tariff}, a gaiff ei dynnu bunt am bunt.',
  'betterOff.reason.capital.over-limit': 'Mae cynilion o {capital} dros y terfyn o {upperLimit}, felly nid oes Credyd Cynhwysol.',
  'betterOff.reason.award': 'Mae’r uchafswm o {maximumAmount} llai’r {deductions} a dynnir yn gadael Credyd Cynhwysol o {award} am y mis.',
  'betterOff.reason.award.nil': 'Mae’r {deductions} a dynnir o leiaf gymaint â’r uchafswm o {maximumAmount}, felly nid oes Credyd Cynhwysol.',
  'betterOff.reason.rates.latest-held':
    'Nid oes cyfraddau ar gyfer ar ôl {ratesHeldUntil} wedi’u cadw eto, felly mae’r ffigurau hyn yn defnyddio’r cyfraddau diweddaraf sydd gennym; mae cyfraddau fel arfer yn newid bob mis Ebrill.',
  'betterOff.reason.rounding': 'Caiff arian ei gyfrifo mewn ceiniogau cyfan; caiff canran ei thalgrynnu i’r geiniog agosaf, a hanner ceiniog i fyny.',
  // The reasons added with the completed Universal Credit model (carer, LCW, disabled children, housing, floor, cap).
  'betterOff.reason.lcw.element':
    'Mae gan oedolyn {adult} allu cyfyngedig i weithio ers {lcwSince}, cyn 3 Ebrill 2017, felly mae’r elfen LCW o {amount} wedi’i chynnwys.',
  'betterOff.reason.lcw.carer-instead':
    'Mae gan oedolyn {adult} allu cyfyngedig i weithio ers {lcwSince} ac mae hefyd yn gofalu am berson sy’n ddifrifol anabl: dim ond yr uchaf o’r elfen LCW ({lcwElement}) a’r elfen gofalwr sy’n cael ei chynnwys, felly’r elfen gofalwr sydd wedi’i chynnwys.',
  'betterOff.reason.lcw.lcwra-instead':
    'Mae gan oedolyn {adult} allu cyfyngedig i weithio, ond mae’r aelwyd eisoes yn cael yr elfen LCWRA, felly nid yw’r elfen LCW ({lcwElement}) wedi’i chynnwys hefyd.',
  'betterOff.reason.lcw.couple-once':
    'Mae gan oedolyn {adult} allu cyfyngedig i weithio hefyd, ond un elfen LCW y mae aelwyd yn ei chael, ac mae wedi’i chynnwys eisoes.',
  'betterOff.reason.carer.element':
    'Mae oedolyn {adult} yn gofalu am o leiaf 35 awr yr wythnos am berson sy’n ddifrifol anabl, felly mae’r elfen gofalwr o {amount} wedi’i chynnwys.',
  'betterOff.reason.carer.lcwra-instead':
    'Mae oedolyn {adult} yn gofalu am berson sy’n ddifrifol anabl, ond mae’r elfen LCWRA wedi’i chynnwys ar ei gyfer, a dim ond un a ganiateir, felly nid yw’r elfen gofalwr ({carerElement}) wedi’i chynnwys.',
  'betterOff.reason.disabled-child.lower':
    'Mae plentyn {child} (ganwyd {birthDate}) yn anabl, felly mae’r ychwanegiad plentyn anabl is o {amount} wedi’i gynnwys, beth bynnag am y terfyn dau blentyn.',
  'betterOff.reason.disabled-child.higher':
    'Mae plentyn {child} (ganwyd {birthDate}) yn anabl, felly mae’r ychwanegiad plentyn anabl uwch o {amount} wedi’i gynnwys, beth bynnag am y terfyn dau blentyn.',
  'betterOff.reason.housing.non-dependants':
    '{count} oedolyn arall sy’n byw gyda chi × cyfraniad at gostau tai o {contribution} = {contributions}, a dynnir o’r rhent o {rent}, gan adael help gyda rhent o {amount}. Nid oes cyfraniad yn ddyledus am rai pobl (er enghraifft unrhyw un dan 21, neu os ydych yn cael rhai budd-daliadau anabledd): ni chaiff hyn ei wirio yma.',
  'betterOff.reason.mif.not-gainful':
    'Mae oedolyn {adult} yn hunangyflogedig ond nid mewn hunangyflogaeth gyflogedig fuddiol, felly nid oes isafswm incwm yn berthnasol: mae enillion gwirioneddol o {earnings} yn cyfrif.',
  'betterOff.reason.mif.start-up':
    'Mae oedolyn {adult} yng nghyfnod cychwyn hunangyflogaeth tan {startUpEnds}, felly nid oes isafswm incwm yn berthnasol: mae enillion gwirioneddol o {earnings} yn cyfrif.',
  'betterOff.reason.mif.exempt':
    'Mae oedolyn {adult} yn hunangyflogedig, ond mae ei amgylchiadau iechyd neu ofalu yn golygu nad oes isafswm incwm yn berthnasol: mae enillion gwirioneddol o {earnings} yn cyfrif.',
  'betterOff.reason.mif.lead-carer-unknown':
    'Mae oedolyn {adult} yn hunangyflogedig ac mae gan y cwpl blentyn dan 3. Nid yw’r isafswm incwm wedi’i gymhwyso, ond byddai os nad oedolyn {adult} yw prif ofalwr y plentyn, a byddai Credyd Cynhwysol yn is wedyn.',
  'betterOff.reason.mif.above-floor':
    'Mae oedolyn {adult} yn hunangyflogedig. Yr isafswm incwm yw {floor} ({hours} awr ar {hourlyRate} yr awr, llai treth ac Yswiriant Gwladol tybiannol); nid yw enillion gwirioneddol o {earnings} yn is na hynny, felly maen nhw’n cyfrif.',
  'betterOff.reason.mif.applied':
    'Mae oedolyn {adult} yn hunangyflogedig gydag enillion o {earnings}, sy’n is na’r isafswm incwm o {floor} ({hours} awr ar {hourlyRate} yr awr, llai treth ac Yswiriant Gwladol tybiannol), felly caiff enillion eu trin fel {floor}.',
  'betterOff.reason.benefit-cap.exempt-earnings':
    'Mae enillion o {earnings} o leiaf {hours} awr yr wythnos ar {hourlyRate} yr awr ({threshold} y mis), felly nid yw’r cap ar fudd-daliadau yn berthnasol.',
  'betterOff.reason.benefit-cap.exempt-lcwra': 'Mae gan rywun ar yr hawliad LCWRA, felly nid yw’r cap ar fudd-daliadau yn berthnasol.',
  'betterOff.reason.benefit-cap.exempt-carer':
    'Mae rhywun ar yr hawliad yn gofalu am berson sy’n ddifrifol anabl, felly nid yw’r cap ar fudd-daliadau yn berthnasol.',
  'betterOff.reason.benefit-cap.exempt-disability-benefit':
    'Mae rhywun yn yr aelwyd yn cael budd-dal anabledd, felly nid yw’r cap ar fudd-daliadau yn berthnasol.',
  'betterOff.reason.benefit-cap.within':
    'Mae Credyd Cynhwysol o {award} a Budd-dal Plant o {childBenefit}, llai gofal plant o {childcare}, yn dod i {counted}: nid yw’n uwch na’r cap ar fudd-daliadau o {cap}, felly nid yw’r cap yn tynnu dim.',
  'betterOff.reason.benefit-cap.applied':
    'Mae Credyd Cynhwysol o {award} a Budd-dal Plant o {childBenefit}, llai gofal plant o {childcare}, yn dod i {counted}: {reduction} yn uwch na’r cap ar fudd-daliadau o {cap}, felly caiff {reduction} ei dynnu.',
  'betterOff.reason.income-tax.personal-allowance': 'Y lwfans personol yw {personalAllowance} y flwyddyn: ni chaiff cyflog hyd at hynny ei drethu.',
  'betterOff.reason.income-tax.personal-allowance-tapered':
    'Mae cyflog blwyddyn o {annualPay} yn uwch na {taperThreshold}, felly mae’r lwfans personol o {personalAllowance} yn lleihau £1 am bob £2 uwchlaw hynny, i {allowance}.',
  'betterOff.reason.income-tax.bands':
    'Mae cyflog trethadwy o {taxableAnnual} y flwyddyn yn talu Treth Incwm o {incomeTaxAnnual} y flwyddyn, {incomeTax} y mis.',
  'betterOff.reason.national-insurance': 'Yswiriant Gwladol yw {nationalInsuranceAnnual} y flwyddyn, {nationalInsurance} y mis.',
  'betterOff.reason.take-home':
    'Mae cyflog cyn treth o {grossMonthly} llai Treth Incwm o {incomeTax} ac Yswiriant Gwladol o {nationalInsurance} yn gadael cyflog net o {netMonthly} y mis.',
  'betterOff.reason.approximation':
    'Caiff treth ac Yswiriant Gwladol eu cyfrifo ar 12 gwaith y cyflog misol, yna eu rhannu â 12. Gall slip cyflog fod ychydig yn wahanol.',

  'betterOff.parameter.uc-standard-allowance-single-under-25': 'Lwfans safonol Credyd Cynhwysol, sengl, dan 25',
  'betterOff.parameter.uc-standard-allowance-single-25-plus': 'Lwfans safonol Credyd Cynhwysol, sengl, 25 neu hŷn',
  'betterOff.parameter.uc-standard-allowance-joint-both-under-25': 'Lwfans safonol Credyd Cynhwysol, cwpl, y ddau dan 25',
  'betterOff.parameter.uc-standard-allowance-joint-25-plus': 'Lwfans safonol Credyd Cynhwysol, cwpl, un neu’r ddau yn 25 neu hŷn',
  'betterOff.parameter.uc-lcwra-element': 'Elfen LCWRA (swm gwarchodedig)',
  'betterOff.parameter.uc-lcwra-element-new-claimant': 'Elfen LCWRA ar gyfer hawliadau newydd o 6 Ebrill 2026',
  'betterOff.parameter.uc-lcw-element': 'Elfen LCW (hawliadau o cyn 3 Ebrill 2017 yn unig)',
  'betterOff.parameter.uc-child-element-first-child-higher': 'Elfen plant, y plentyn hynaf a aned cyn 6 Ebrill 2017',
  'betterOff.parameter.uc-child-element': 'Elfen plant',
  'betterOff.parameter.uc-child-element-limit': 'Plant a aned o 6 Ebrill 2017 sy’n cael elfen plant',
  'betterOff.parameter.uc-work-allowance-with-housing': 'Lwfans gwaith, gyda help gyda rhent',
  'betterOff.parameter.uc-work-allowance-without-housing': 'Lwfans gwaith, heb help gyda rhent',
  'betterOff.parameter.uc-taper-rate': 'Cyfradd lleihau Credyd Cynhwysol ar gyflog net',
  'betterOff.parameter.uc-capital-lower-limit': 'Cynilion na chaiff dim ei dynnu oddi tanynt',
  'betterOff.parameter.uc-capital-upper-limit': 'Terfyn cynilion ar gyfer Credyd Cynhwysol',
  'betterOff.parameter.uc-capital-tariff-step': 'Cam cynilion ar gyfer incwm tybiedig',
  'betterOff.parameter.uc-capital-tariff-amount': 'Incwm tybiedig ar gyfer pob cam o gynilion',
  'betterOff.parameter.uc-childcare-rate': 'Cyfran y costau gofal plant a delir',
  'betterOff.parameter.uc-childcare-cap-one-child': 'Yr uchafswm gofal plant a delir, un plentyn',
  'betterOff.parameter.uc-childcare-cap-two-or-more': 'Yr uchafswm gofal plant a delir, dau blentyn neu fwy',
  'betterOff.parameter.income-tax-personal-allowance': 'Lwfans personol Treth Incwm',
  'betterOff.parameter.income-tax-personal-allowance-taper-threshold': 'Incwm y mae’r lwfans personol yn lleihau uwch ei ben',
  'betterOff.parameter.income-tax-basic-rate-band': 'Band cyfradd sylfaenol Treth Incwm',
  'betterOff.parameter.income-tax-basic-rate': 'Cyfradd sylfaenol Treth Incwm',
  'betterOff.parameter.income-tax-higher-rate': 'Cyfradd uwch Treth Incwm',
  'betterOff.parameter.income-tax-additional-rate-threshold': 'Trothwy cyfradd ychwanegol Treth Incwm',
  'betterOff.parameter.income-tax-additional-rate': 'Cyfradd ychwanegol Treth Incwm',
  'betterOff.parameter.national-insurance-primary-threshold': 'Trothwy cynradd Yswiriant Gwladol',
  'betterOff.parameter.national-insurance-upper-earnings-limit': 'Terfyn enillion uchaf Yswiriant Gwladol',
  'betterOff.parameter.national-insurance-main-rate': 'Prif gyfradd Yswiriant Gwladol',
  'betterOff.parameter.national-insurance-upper-rate': 'Cyfradd Yswiriant Gwladol uwchlaw’r terfyn enillion uchaf',
  'betterOff.parameter.national-living-wage': 'Cyflog Byw Cenedlaethol, 21 oed a hŷn',
  'betterOff.parameter.access-to-work-annual-cap': 'Terfyn blynyddol Mynediad at Waith',
  'betterOff.parameter.esa-permitted-work-higher-limit': 'Terfyn uwch gwaith a ganiateir ESA (llai na 16 awr yr wythnos)',
  'betterOff.parameter.esa-permitted-work-lower-limit': 'Terfyn is gwaith a ganiateir ESA (unrhyw nifer o oriau)',
  'betterOff.parameter.uc-carer-element': 'Elfen gofalwr',
  'betterOff.parameter.uc-disabled-child-addition-lower': 'Ychwanegiad plentyn anabl, cyfradd is',
  'betterOff.parameter.uc-disabled-child-addition-higher': 'Ychwanegiad plentyn anabl, cyfradd uwch',
  'betterOff.parameter.uc-housing-cost-contribution': 'Cyfraniad at gostau tai am bob oedolyn arall sy’n byw gyda chi',
  'betterOff.parameter.uc-benefit-cap-london-couple-or-children': 'Cap ar fudd-daliadau, Llundain Fwyaf, cwpl neu gyda phlant',
  'betterOff.parameter.uc-benefit-cap-london-single': 'Cap ar fudd-daliadau, Llundain Fwyaf, sengl heb blant',
  'betterOff.parameter.uc-benefit-cap-outside-london-couple-or-children': 'Cap ar fudd-daliadau, y tu allan i Lundain Fwyaf, cwpl neu gyda phlant',
  'betterOff.parameter.uc-benefit-cap-outside-london-single': 'Cap ar fudd-daliadau, y tu allan i Lundain Fwyaf, sengl heb blant',
  'betterOff.parameter.uc-benefit-cap-earnings-hours': 'Oriau’r wythnos ar y Cyflog Byw Cenedlaethol sy’n codi’r cap ar fudd-daliadau',
  'betterOff.parameter.uc-expected-hours': 'Oriau gwaith disgwyliedig yr wythnos (isafswm incwm)',
  'betterOff.parameter.national-minimum-wage-18-20': 'Isafswm Cyflog Cenedlaethol, 18 i 20 oed',
  'betterOff.parameter.national-minimum-wage-16-17': 'Isafswm Cyflog Cenedlaethol, 16 a 17 oed',
  'betterOff.parameter.child-benefit-eldest': 'Budd-dal Plant, plentyn hynaf neu unig blentyn',
  'betterOff.parameter.child-benefit-other': 'Budd-dal Plant, pob plentyn arall',
  'betterOff.unit.month': '{amount} y mis',
  'betterOff.unit.year': '{amount} y flwyddyn',
  'betterOff.unit.hour': '{amount} yr awr',
  'betterOff.unit.week': '{amount} yr wythnos',
  'betterOff.unit.children': '{count} o blant',
  'betterOff.unit.hoursPerWeek': '{count} awr yr wythnos',
};
