import type { betterOffAudienceEn } from './better-off-audience-en.ts';

/** Cymraeg: the words that differ by reader. New in the design pass: needs review by a Welsh translator. */
export const betterOffAudienceCy: Record<keyof typeof betterOffAudienceEn, string> = {
  'betterOff.form.household.staff': 'Pwy sy’n byw gyda nhw',
  'betterOff.form.age.staff': 'Eu hoedran',
  'betterOff.form.age.participant': 'Eich oedran',
  'betterOff.form.partner.staff': 'Oes partner yn byw gyda nhw?',
  'betterOff.form.partner.participant': 'Oes partner yn byw gyda chi?',
  'betterOff.form.partnerHint.staff': 'Gŵr, gwraig neu bartner sifil, neu rywun maen nhw’n byw gydag ef fel cwpl',
  'betterOff.form.children.staff': 'Oes plant yn byw gyda nhw?',
  'betterOff.form.children.participant': 'Oes plant yn byw gyda chi?',
  'betterOff.form.childCountHint.staff': 'Dim ond os oes plant yn byw gyda nhw',
  'betterOff.form.lcwra.participant':
    'Ydy’r Adran Gwaith a Phensiynau wedi penderfynu bod gennych allu cyfyngedig i weithio a gallu cyfyngedig i wneud gweithgarwch sy’n gysylltiedig â gwaith (LCWRA)?',
  'betterOff.form.lcw.participant': 'Ydy’r Adran Gwaith a Phensiynau wedi penderfynu bod gennych allu cyfyngedig i weithio (LCW)?',
  'betterOff.form.esa.staff': 'Ydyn nhw’n cael Lwfans Cyflogaeth a Chymorth (ESA) nawr? (dewisol)',
  'betterOff.form.esaHint.staff':
    'ESA dull newydd neu ESA yn seiliedig ar incwm. Oni bai eich bod yn ateb na, mae’r canlyniad hefyd yn dweud a allai’r gwaith hwn fod yn waith a ganiateir, y gallan nhw ei wneud a chadw eu ESA',
  'betterOff.form.rentHint.staff': 'Gadewch hwn yn wag os ydyn nhw’n berchen ar eu cartref, heb dalu rhent, neu’n cael Budd-dal Tai',
  'betterOff.form.childcareHint.staff': 'Gofal plant cofrestredig a delir er mwyn iddyn nhw allu gweithio. Gall Credyd Cynhwysol dalu hyd at 85% yn ôl',
  'betterOff.error.children.staff': 'Dewiswch ‘oes’ os oes plant yn byw gyda nhw',
  'betterOff.result.single.more.staff':
    'Ar {hours} awr yr wythnos ar {pay} yr awr bydden nhw’n cael {total} y mis, {gain} yn fwy na’r {now} sydd ganddyn nhw nawr heb waith.',
  'betterOff.result.single.less.staff':
    'Ar {hours} awr yr wythnos ar {pay} yr awr bydden nhw’n cael {total} y mis, {gain} yn llai na’r {now} sydd ganddyn nhw nawr heb waith.',
  'betterOff.result.single.same.staff':
    'Ar {hours} awr yr wythnos ar {pay} yr awr bydden nhw’n cael {total} y mis, yr un faint ag sydd ganddyn nhw nawr heb waith.',
  'betterOff.result.single.none.staff': 'Heb waith mae ganddyn nhw {now} y mis.',
  'betterOff.result.couple.more.staff':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai ganddyn nhw a’u partner {total} y mis, {gain} yn fwy na’r {now} sydd ganddyn nhw nawr heb eu gwaith.',
  'betterOff.result.couple.less.staff':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai ganddyn nhw a’u partner {total} y mis, {gain} yn llai na’r {now} sydd ganddyn nhw nawr heb eu gwaith.',
  'betterOff.result.couple.same.staff':
    'Ar {hours} awr yr wythnos ar {pay} yr awr byddai ganddyn nhw a’u partner {total} y mis, yr un faint ag sydd ganddyn nhw nawr heb eu gwaith.',
  'betterOff.result.couple.none.staff': 'Heb eu gwaith, mae ganddyn nhw a’u partner {now} y mis.',
  'betterOff.result.afterChildcare.staff': 'Nid yw’r cyfansymiau hyn yn tynnu costau gofal plant o {costs} y mis: ar ôl eu talu byddai ganddyn nhw {left}.',
  'betterOff.table.yours.staff': '(eu horiau nhw)',
  'betterOff.table.partnerIncome.staff': 'Mae’r cyfansymiau’n cynnwys cyflog net eu partner o {partner} y mis.',
  'betterOff.stays.title.staff': 'Beth sy’n aros pan fyddan nhw’n gweithio',
  'betterOff.esa.title.staff': 'Os ydyn nhw’n cael Lwfans Cyflogaeth a Chymorth',
  'betterOff.esa.earnings.staff': 'Ar {hours} awr yr wythnos ar {pay} yr awr bydden nhw’n ennill {weekly} yr wythnos cyn treth.',
  'betterOff.atw.help.staff':
    'Gallwch eu helpu i weithio allan pa gymorth i ofyn amdano, a gwneud cais gyda nhw. Dim ond Mynediad at Waith sy’n penderfynu beth y bydd yn talu amdano, pan fyddan nhw’n gwneud cais.',
  'betterOff.estimate.staff':
    'Amcangyfrif yw hwn i helpu’r person i benderfynu, nid penderfyniad am eu budd-daliadau. Mae’r Adran Gwaith a Phensiynau yn cyfrifo eu Credyd Cynhwysol o’r hyn a delir iddyn nhw bob mis.',
  'betterOff.stays.lcwra.staff':
    'Mae eu helfen LCWRA o {amount} y mis yn aros yn eu Credyd Cynhwysol pan fyddan nhw’n gweithio. O dan Gredyd Cynhwysol, nid yw gweithio yn ei dod i ben.',
  'betterOff.stays.rightToTry.staff': 'Nid yw dechrau gweithio ynddo’i hun yn rheswm i’r Adran Gwaith a Phensiynau edrych ar eu hiechyd eto.',
  'betterOff.stays.reclaim.staff':
    'Os yw eu cyflog yn dod â’u Credyd Cynhwysol i ben a’u bod yn hawlio eto o fewn 6 mis, er enghraifft am na weithiodd y swydd allan, mae eu penderfyniad LCWRA yn parhau heb asesiad newydd.',
  'betterOff.stays.workAllowance.staff':
    'Gallan nhw gael {amount} y mis (eu lwfans gwaith) cyn i’w Credyd Cynhwysol ostwng. Ar ôl hynny, mae’n gostwng {taper}c am bob £1 yn fwy maen nhw’n ei gael.',
  'betterOff.stays.noWorkAllowance.staff':
    'Nid oes lwfans gwaith, gan nad oes neb yn yr aelwyd yn gofalu am blentyn nac â gallu cyfyngedig i weithio. Mae Credyd Cynhwysol yn gostwng {taper}c am bob £1 maen nhw’n ei gael.',
  'betterOff.stays.child.staff': 'Mae’r elfen plentyn o {amount} y mis yn aros yn eu Credyd Cynhwysol.',
  'betterOff.stays.housing.staff': 'Mae help gyda rhent o {amount} y mis yn rhan o’u Credyd Cynhwysol tra byddan nhw’n cael unrhyw Gredyd Cynhwysol.',
  'betterOff.stays.childcare.staff': 'Mae Credyd Cynhwysol yn talu {amount} y mis o’u costau gofal plant yn ôl tra byddan nhw’n gweithio.',
  'betterOff.atw.travel.staff': 'teithio i’r gwaith pan na allan nhw ddefnyddio trafnidiaeth gyhoeddus, fel tacsis',
  'betterOff.esa.lead.staff':
    'Tra byddan nhw’n cael Lwfans Cyflogaeth a Chymorth (ESA), gallan nhw wneud rhywfaint o waith am dâl a chadw eu ESA. Gwaith a ganiateir yw hyn. Gyda’r terfynau mewn grym ar {date}, gwaith a ganiateir yw:',
  'betterOff.esa.within.staff':
    'Mae hynny o fewn gwaith a ganiateir: llai na {maxHours} awr yr wythnos, a dim mwy na {limit} yr wythnos. Gallai eu ESA barhau ochr yn ochr ag ef. Rhaid iddyn nhw ddweud wrth yr Adran Gwaith a Phensiynau am y gwaith cyn dechrau.',
  'betterOff.esa.withinLower.staff':
    'Mae hynny o fewn gwaith a ganiateir, gan nad yw’n fwy na {lower} yr wythnos, y terfyn ar gyfer unrhyw nifer o oriau. Gallai eu ESA barhau ochr yn ochr ag ef. Rhaid iddyn nhw ddweud wrth yr Adran Gwaith a Phensiynau am y gwaith cyn dechrau.',
  'betterOff.esa.above.staff':
    'Uwchlaw gwaith a ganiateir, byddai eu ESA yn dod i ben a bydden nhw’n hawlio Credyd Cynhwysol yn lle hynny. Y ffigurau ar y dudalen hon yw’r hyn a fyddai ganddyn nhw gyda Chredyd Cynhwysol.',
  'betterOff.how.notModelled.staff':
    'Heb eu cynnwys: elfennau gofalwr a phlentyn anabl, didyniadau am oedolion eraill sy’n byw gyda nhw, enillion dros ben, yr isafswm incwm tybiedig ar gyfer hunangyflogaeth, a diogelwch trosiannol. Cyfrifir y cap budd-daliadau fel ar gyfer cartref y tu allan i Lundain Fwyaf.',
  'councilTax.section.wales.staff': 'Mae eu cyngor yng Nghymru: cyfrifir Cymorth y Dreth Gyngor o dan y cynllun Gostyngiadau Treth Gyngor cenedlaethol.',
  'councilTax.section.banded.staff': 'Cyfrifir Cymorth y Dreth Gyngor o dan gynllun eu cyngor eu hunain:',
  'councilTax.section.noScheme.staff':
    'Nid yw’r cyngor wedi gosod ei gynllun Cymorth y Dreth Gyngor yn y gwasanaeth hwn, felly mae’r ffigurau’n gadael Cymorth y Dreth Gyngor allan. Gall y person ofyn i’r cyngor: efallai y gall leihau eu bil treth gyngor.',
  'councilTax.section.notPaid.staff':
    'Nid yw Cymorth y Dreth Gyngor yn cael ei dalu iddyn nhw: mae’n gostwng eu bil treth gyngor. Mae’r cyfansymiau’n ei gyfrif fel arian maen nhw’n ei gadw.',
};
