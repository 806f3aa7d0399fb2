import type { guaranteeEn } from './guarantee-messages-en.ts';

/*
 * Welsh for the bridge-back guarantee: every English key has one (the compiler checks).
 *
 * For a translator to review (written by the team, not yet checked by a professional translator):
 * - the name: "gwarant pont yn ôl" (treated as feminine: "y warant"), "cyfnod gwarchodedig" for the
 *   protected period, "cod dilysu" for the verification code, "pecyn dychwelyd at fudd-dal";
 * - "Yr Hawl i Roi Cynnig" for DWP's "Right to Try": we found no official Welsh name;
 * - the titles of legislation and of the Green Paper ("Rheoliadau Credyd Cynhwysol 2013",
 *   "Rheoliadau Lwfans Cyflogaeth a Chymorth 2008", "Papur Gwyrdd Llwybrau at Waith"), and the
 *   name of the Social Security Advisory Committee ("Pwyllgor Cynghori ar Nawdd Cymdeithasol");
 * - the ESA groups ("grŵp gweithgarwch sy’n gysylltiedig â gwaith", "grŵp cymorth"), as DWP's
 *   Welsh letters name them;
 * - the letter to DWP (guarantee.pdf.pack.*): its register, and the reasons in law, which a
 *   decision maker will read;
 * - names inserted into sentences ({benefit}, {employer}, {role}): the sentences are built so that
 *   no inserted word needs a mutation (a colon or brackets before it), except "yn {employer}",
 *   which leaves an employer's name as written.
 */
export const guaranteeCy: Record<keyof typeof guaranteeEn, string> = {
  // New: needs review by a Welsh translator.
  'guarantee.public.link': 'Gwirio gwarant pont yn ôl',
  'guarantee.public.description': 'I staff DWP, cynghorwyr a’r person: gwirio bod gwarant yn ddilys, gan ddefnyddio’r cod ar ei thystysgrif.',
  'guarantee.benefit.uc-lcw': 'Credyd Cynhwysol gyda gallu cyfyngedig i weithio (LCW)',
  'guarantee.benefit.uc-lcwra': 'Credyd Cynhwysol gyda gallu cyfyngedig i weithio a gweithgaredd sy’n gysylltiedig â gwaith (LCWRA)',
  'guarantee.benefit.esa-new-style': 'Lwfans Cyflogaeth a Chymorth (ESA) Dull Newydd',
  'guarantee.benefit.esa-income-related': 'Lwfans Cyflogaeth a Chymorth (ESA) yn seiliedig ar incwm',
  'guarantee.benefitShort.uc-lcw': 'Credyd Cynhwysol',
  'guarantee.benefitShort.uc-lcwra': 'Credyd Cynhwysol',
  'guarantee.benefitShort.esa-new-style': 'ESA Dull Newydd',
  'guarantee.benefitShort.esa-income-related': 'ESA yn seiliedig ar incwm',
  'guarantee.benefitShort.uc-or-new-style-esa': 'Credyd Cynhwysol (neu ESA Dull Newydd, os yw eich cyfraniadau Yswiriant Gwladol yn caniatáu)',
  'guarantee.determination.uc-lcw': 'gallu cyfyngedig i weithio (LCW)',
  'guarantee.determination.uc-lcwra': 'gallu cyfyngedig i weithio a gweithgaredd sy’n gysylltiedig â gwaith (LCWRA)',
  'guarantee.determination.esa-new-style': 'gallu cyfyngedig i weithio',
  'guarantee.determination.esa-income-related': 'gallu cyfyngedig i weithio',
  'guarantee.group.wrag': 'Grŵp gweithgarwch sy’n gysylltiedig â gwaith',
  'guarantee.group.support-group': 'Grŵp cymorth',
  'guarantee.evidence.award-letter': 'Llythyr dyfarnu',
  'guarantee.evidence.uc-journal': 'Dyddlyfr Credyd Cynhwysol',
  'guarantee.evidence.esa-decision-letter': 'Llythyr penderfyniad ESA',
  'guarantee.evidence.wca-decision': 'Penderfyniad yr Asesiad Gallu i Weithio',
  'guarantee.evidence.other': 'Rhywbeth arall',
  'guarantee.status.active': 'Mewn grym',
  'guarantee.status.used': 'Wedi’i defnyddio',
  'guarantee.status.expired': 'Wedi dod i ben',
  'guarantee.status.withdrawn': 'Wedi’i thynnu’n ôl',
  'guarantee.withdrawReason.recorded-in-error': 'Wedi’i chofnodi drwy gamgymeriad',
  'guarantee.withdrawReason.person-asked': 'Gofynnodd y person iddi gael ei thynnu’n ôl',
  'guarantee.rule.uc-reclaim.name': 'Rheol {months} mis Credyd Cynhwysol',
  'guarantee.rule.uc-reclaim.plain':
    'Os daeth Credyd Cynhwysol i ben oherwydd bod enillion yn rhy uchel a bod dyfarniad newydd yn dechrau o fewn {months} mis, mae’r canlyniad blaenorol am allu cyfyngedig i weithio (LCW neu LCWRA) yn parhau, heb gyfnod aros newydd o 3 mis. Gall DWP gynnal Asesiad Gallu i Weithio newydd o hyd os bydd cyflwr y person yn newid.',
  'guarantee.rule.uc-reclaim.source': 'Rheoliadau Credyd Cynhwysol 2013, rheoliad 28(3) a (4)(b); rheoliad 41 ar gyfer pryd y caiff DWP asesu eto',
  'guarantee.rule.esa-linking.name': 'Rheol cysylltu {weeks} wythnos ESA',
  'guarantee.rule.esa-linking.plain':
    'Mae cais newydd am ESA o fewn {weeks} wythnos yn cysylltu â’r cyfnod blaenorol o allu cyfyngedig i weithio, felly mae’r penderfyniad blaenorol yn parhau os nad oes dim arall wedi newid. Dyma’r unig reol cysylltu ESA sydd mewn grym.',
  'guarantee.rule.esa-linking.source': 'Rheoliadau Lwfans Cyflogaeth a Chymorth 2013, rheoliad 86 (ESA Dull Newydd); Rheoliadau ESA 2008, rheoliad 145(1)',
  'guarantee.rule.esa-work-or-training.name': 'Cyfnod cysylltu ESA a ddirymwyd ar 1 Mai 2012',
  'guarantee.rule.esa-work-or-training.plain':
    'Roedd fersiwn gynharach o’r warant hon yn dibynnu ar gyfnod cysylltu ESA hirach. Cafodd y cyfnod hwnnw ei ddirymu ar 1 Mai 2012 ac nid yw’n gyfraith, felly nid yw’n gwarchod dim: mae Bridgework wedi ailddatgan y warant hebddo.',
  'guarantee.rule.esa-work-or-training.source': 'Wedi’i ddirymu gan Reoliadau Lwfans Cyflogaeth a Chymorth (Diwygio’r Rheolau Cysylltu) 2012 (OS 2012/919)',
  'guarantee.rule.platform-protected-period.name': 'Addewid Bridgework o ddim ailasesu ({months} mis)',
  'guarantee.rule.platform-protected-period.plain':
    'Am {months} mis ar ôl dechrau gweithio, mae Bridgework yn cefnogi dychwelyd at y budd-dal heb asesiad newydd oherwydd y gwaith. Ymrwymiad Bridgework a pholisi datganedig DWP (yr “Hawl i Roi Cynnig”) yw hwn, nid hawl yn y gyfraith: nid oedd wedi’i gadarnhau bod y rheoliadau sy’n ei roi yn y gyfraith mewn grym pan ysgrifennwyd hyn.',
  'guarantee.rule.platform-protected-period.source':
    'Polisi platfform Bridgework, yn dilyn llythyr y Pwyllgor Cynghori ar Nawdd Cymdeithasol ar 12 Chwefror 2026 am yr Hawl i Roi Cynnig, a dderbyniwyd gan DWP',
  'guarantee.rule.until': 'tan {date}',
  'guarantee.evidenceAssumed':
    'Mae Bridgework yn cymryd bod y dyfarniad yn gyfredol o ddyddiad y penderfyniad, y dystiolaeth gynharaf sydd ganddo, ac mai’r swydd yw’r rheswm y daeth y budd-dal i ben.',
  'guarantee.reassess':
    'Gall DWP gynnal asesiad newydd o hyd os bydd cyflwr y person yn newid (Rheoliadau Credyd Cynhwysol 2013, rheoliad 41). Dim ond rheol sydd â deddfwriaeth yn ffynhonnell iddi sy’n gyfraith; ymrwymiad yw addewid Bridgework ei hun, nid hawl yn y gyfraith.',
  'guarantee.restated':
    'Cywirwyd ar {date}: roedd y warant hon yn dweud wedi’i gwarchod tan {from}, gan ddibynnu ar reol cysylltu ESA a ddirymwyd ar 1 Mai 2012 (OS 2012/919), nad yw’n gyfraith. Mae wedi’i hailddatgan o dan y rheolau sydd mewn grym.',
  'guarantee.irEsa.ended':
    'Daeth ESA yn seiliedig ar incwm i ben i’r dyfarniadau oedd ar ôl ar {date} (OS 2026/409, erthygl 3A). Os daw’r swydd i ben, cais am Gredyd Cynhwysol yw’r dychwelyd, neu am ESA Dull Newydd lle mae cyfraniadau Yswiriant Gwladol y person yn caniatáu, nid am ESA yn seiliedig ar incwm.',
  'guarantee.irEsa.ends':
    'Mae’r dyfarniadau ESA yn seiliedig ar incwm sydd ar ôl yn dod i ben o {date} (OS 2026/409, erthygl 3A). Os daw’r swydd i ben cyn hynny, mae’r dychwelyd at ESA yn seiliedig ar incwm; ar {date} neu wedyn, cais am Gredyd Cynhwysol ydyw, neu am ESA Dull Newydd lle mae cyfraniadau Yswiriant Gwladol y person yn caniatáu.',

  'guarantee.benefits.title': 'Budd-daliadau a’r warant pont yn ôl',
  'guarantee.benefits.lead':
    'Pan fydd rhywun a oedd yn cael budd-dal sy’n gysylltiedig ag iechyd yn dechrau swydd, mae Bridgework yn rhoi gwarant pont yn ôl iddo: os daw’r swydd i ben o fewn y cyfnod gwarchodedig, mae Bridgework yn cefnogi dychwelyd at y budd-dal hwnnw, o dan reolau y mae’r dystysgrif yn eu henwi fel cyfraith neu fel addewid Bridgework ei hun.',
  'guarantee.benefits.betterOff': 'Gwell eich byd mewn gwaith: beth fyddai’r person yn ei gael mewn gwaith',
  'guarantee.benefits.readOnly': 'Gallwch weld y dudalen hon, ond dim ond y tîm sy’n gweithio ar yr achos hwn all ei newid.',
  'guarantee.caseLink': 'Budd-daliadau a’r warant pont yn ôl: y budd-dal cyn gweithio, tystysgrifau a phecynnau dychwelyd at fudd-dal',
  'guarantee.award.heading': 'Budd-dal cyn gweithio',
  'guarantee.award.none':
    'Nid oes budd-dal wedi’i gofnodi eto. Cofnodwch yr un oedd gan y person cyn gweithio, fel y mae ei lythyr dyfarnu neu ei ddyddlyfr yn ei ddangos, fel bod dechrau swydd yn rhoi gwarant iddo.',
  'guarantee.award.record': 'Cofnodi’r budd-dal',
  'guarantee.award.change': 'Diweddaru’r budd-dal',
  'guarantee.award.benefit': 'Budd-dal',
  'guarantee.award.group': 'Grŵp ESA',
  'guarantee.award.decisionDate': 'Dyddiad y penderfyniad',
  'guarantee.award.evidence': 'Tystiolaeth a welwyd',
  'guarantee.award.note': 'Am y dystiolaeth',
  'guarantee.award.recorded': 'Cofnodwyd',
  'guarantee.award.recordedValue': '{when} gan {name}',
  'guarantee.award.history': 'Cofnodion cynharach',
  'guarantee.award.formTitle': 'Y budd-dal oedd gan y person cyn gweithio',
  'guarantee.award.formLead':
    'Cofnodwch beth mae’r dystiolaeth yn ei ddangos. Caiff cywiriad ei gadw fel cofnod newydd; mae’r un cynharach yn aros yn yr hanes.',
  'guarantee.award.benefitQuestion': 'Pa fudd-dal oedd ganddo?',
  'guarantee.award.groupQuestion': 'Ym mha grŵp ESA oedd e?',
  'guarantee.award.groupHint': 'Ar gyfer ESA yn unig: ar gyfer Credyd Cynhwysol ni ddefnyddir yr ateb hwn.',
  'guarantee.award.decisionQuestion': 'Pryd gwnaed y penderfyniad?',
  'guarantee.award.decisionHint': 'Y dyddiad ar y llythyr penderfyniad neu ddyfarnu, er enghraifft 27 3 2026',
  'guarantee.award.evidenceQuestion': 'Pa dystiolaeth ydych chi wedi’i gweld?',
  'guarantee.award.evidenceHint': 'Dewiswch bob un sy’n berthnasol.',
  'guarantee.award.noteLabel': 'Am y dystiolaeth (dewisol)',
  'guarantee.award.noteHint': 'Fel dyddiad y llythyr. Peidiwch ag ysgrifennu am iechyd y person yma.',
  'guarantee.award.save': 'Cadw’r budd-dal',
  'guarantee.list.heading': 'Gwarantau',
  'guarantee.list.none': 'Dim gwarant eto. Caiff un ei gwneud pan gofnodir dechrau swydd i rywun sydd â budd-dal sy’n gysylltiedig ag iechyd.',
  'guarantee.list.title': 'Gwarant ar gyfer {role} yn {employer}',
  'guarantee.field.status': 'Statws',
  'guarantee.field.job': 'Swydd',
  'guarantee.field.from': 'Wedi’i gwarchod o',
  'guarantee.field.until': 'Wedi’i gwarchod tan',
  'guarantee.field.daysLeft': 'Amser ar ôl',
  'guarantee.field.rule': 'Wedi’i gwarchod gan',
  'guarantee.field.otherRules': 'Rheolau eraill',
  'guarantee.field.code': 'Cod dilysu',
  'guarantee.field.jobStarted': 'Dechreuodd y swydd',
  'guarantee.field.jobEnded': 'Daeth y swydd i ben',
  'guarantee.field.withdrawn': 'Tynnwyd yn ôl',
  'guarantee.field.name': 'Enw',
  'guarantee.field.reminded': 'Anfonwyd nodyn atgoffa',
  'guarantee.field.withdrawnOn': 'Dyddiad ei thynnu’n ôl',
  'guarantee.days.left': '{days} diwrnod ar ôl',
  'guarantee.days.one': '1 diwrnod ar ôl',
  'guarantee.days.last': 'Y diwrnod olaf heddiw',
  'guarantee.days.ended': 'Wedi dod i ben',
  'guarantee.returnPackReady':
    'Daeth y swydd i ben o fewn y cyfnod gwarchodedig. Rhowch y pecyn dychwelyd at fudd-dal i’r person: llythyr i DWP a rhestr wirio.',
  'guarantee.withdraw': 'Tynnu’r warant hon yn ôl',
  'guarantee.create.heading': 'Swydd heb warant',
  'guarantee.create.lead':
    'Cofnodwyd y budd-dal ar ôl i’r swydd hon ddechrau. Mae’r swydd yn parhau ac o fewn y cyfnod gwarchodedig, felly gall y person gael ei warant nawr.',
  'guarantee.create.button': 'Creu’r warant ar gyfer y swydd hon',
  'guarantee.withdraw.title': 'Tynnu’r warant yn ôl',
  'guarantee.withdraw.lead': 'Ni ellir defnyddio gwarant sydd wedi’i thynnu’n ôl, na’i gwirio fel un ddilys. Caiff y person wybod.',
  'guarantee.withdraw.reason': 'Pam mae’n cael ei thynnu’n ôl?',
  'guarantee.withdraw.note': 'Mwy am y rheswm (dewisol)',
  'guarantee.withdraw.button': 'Tynnu’r warant yn ôl',
  'guarantee.certificate.en': 'Tystysgrif yn Saesneg (PDF)',
  'guarantee.certificate.cy': 'Tystysgrif yn Gymraeg (PDF)',
  'guarantee.returnPack.en': 'Pecyn dychwelyd at fudd-dal yn Saesneg (PDF)',
  'guarantee.returnPack.cy': 'Pecyn dychwelyd at fudd-dal yn Gymraeg (PDF)',
  'guarantee.done.award': 'Mae’r budd-dal wedi’i gadw.',
  'guarantee.done.created': 'Mae’r warant wedi’i chreu. Mae’r person wedi cael gwybod bod ei dystysgrif yn barod.',
  'guarantee.done.withdrawn': 'Mae’r warant wedi’i thynnu’n ôl.',

  'guarantee.error.benefit': 'Dewiswch y budd-dal oedd gan y person',
  'guarantee.error.group': 'Dewiswch y grŵp ESA',
  'guarantee.error.decisionDate': 'Rhowch ddyddiad penderfyniad go iawn, er enghraifft 27 3 2026',
  'guarantee.error.decisionFuture': 'Rhaid i ddyddiad y penderfyniad fod heddiw neu yn y gorffennol',
  'guarantee.error.evidence': 'Dewiswch y dystiolaeth rydych chi wedi’i gweld',
  'guarantee.error.evidenceNote': 'Dywedwch beth oedd y dystiolaeth arall',
  'guarantee.error.tooLong': 'Mae’r ateb yn rhy hir',
  'guarantee.error.withdrawReason': 'Dewiswch pam mae’r warant yn cael ei thynnu’n ôl',
  'guarantee.error.job': 'Dewiswch swydd bresennol ar yr achos hwn',
  'guarantee.error.noAward': 'Cofnodwch y budd-dal oedd gan y person cyn gweithio yn gyntaf',
  'guarantee.error.jobEnded': 'Mae’r swydd wedi dod i ben, felly ni ellir gwneud gwarant ar ei chyfer mwyach',
  'guarantee.error.periodOver': 'Mae’r cyfnod gwarchodedig ar gyfer y swydd hon eisoes wedi mynd heibio',
  'guarantee.error.exists': 'Mae gan y swydd hon warant eisoes',
  'guarantee.error.code': 'Rhowch y cod dilysu, er enghraifft BW-7K3M-Q9PX-2D4R',

  'guarantee.dashboard.title': 'Gwarantau pont yn ôl sydd mewn grym',
  'guarantee.dashboard.lead':
    'Y gwarantau ar eich achosion chi ac achosion eich timau, y rhai sy’n dod i ben gyntaf ar y brig. Caiff y person a’i arbenigwr eu hatgoffa {days} diwrnod cyn y diwedd.',
  'guarantee.dashboard.caption': 'Gwarantau mewn grym, y rhai sy’n dod i ben gyntaf ar y brig',
  'guarantee.dashboard.empty': 'Nid oes gwarantau mewn grym ar eich achosion.',
  'guarantee.col.person': 'Person',
  'guarantee.col.job': 'Swydd',
  'guarantee.col.until': 'Wedi’i gwarchod tan',
  'guarantee.col.left': 'Amser ar ôl',
  'guarantee.col.rule': 'Wedi’i gwarchod gan',
  'guarantee.col.specialist': 'Arbenigwr',

  'guarantee.check.title': 'Gwirio gwarant pont yn ôl',
  'guarantee.check.lead':
    'Rhowch y cod dilysu o dystysgrif gwarant pont yn ôl Bridgework neu o lythyr dychwelyd at fudd-dal. Byddwch yn gweld a yw’r warant yn ddilys a’i dyddiadau, a dim byd am y person.',
  'guarantee.check.label': 'Cod dilysu',
  'guarantee.check.hint': 'Er enghraifft, BW-7K3M-Q9PX-2D4R. Does dim gwahaniaeth am briflythrennau, bylchau na llinellau toriad.',
  'guarantee.check.button': 'Gwirio’r cod',
  'guarantee.check.valid': 'Mae’r warant hon yn ddilys',
  'guarantee.check.notValid': 'Nid yw’r warant hon yn ddilys',
  'guarantee.check.validFrom': 'Yn ddilys o',
  'guarantee.check.validUntil': 'Yn ddilys tan',
  'guarantee.check.explain.active':
    'Mae’r warant mewn grym. O fewn y dyddiadau hyn mae’r rheolau a enwir ar dystysgrif y person yn gwarchod dychwelyd at y budd-dal a oedd ganddo; mae’r dystysgrif yn dweud pa rai sy’n gyfraith a pha un yw addewid Bridgework ei hun. Gall DWP asesu’r person eto o hyd os bydd ei gyflwr yn newid.',
  // New: needs review by a Welsh translator.
  'guarantee.check.explain.startsLater':
    'Nid yw’r warant mewn grym eto: mae’n dechrau ar {date}, y diwrnod y mae swydd y person yn dechrau. O hynny ymlaen, a hyd at y dyddiad y mae’n ddilys tan hynny, mae’r rheolau a enwir ar dystysgrif y person yn gwarchod dychwelyd at y budd-dal a oedd ganddo.',
  'guarantee.check.explain.used':
    'Daeth y swydd i ben o fewn y dyddiadau hyn ac mae’r warant wedi’i defnyddio i ddychwelyd at fudd-dal. Mae’r llythyr a ddaeth gyda hi yn dal yn berthnasol.',
  'guarantee.check.explain.expired': 'Mae’r cyfnod gwarchodedig wedi mynd heibio.',
  'guarantee.check.explain.withdrawn': 'Tynnwyd y warant yn ôl gan y gwasanaeth a’i rhoddodd.',
  'guarantee.check.explain.usedAfter':
    'Cafodd y warant ei chywiro ar ôl i’r swydd ddod i ben: daeth y swydd i ben ar ôl y cyfnod gwarchodedig wedi’i gywiro, felly nid yw’n gwarchod y dychwelyd at fudd-dal mwyach. DWP sy’n penderfynu ar y cais.',
  'guarantee.check.unknown': 'Nid oes gwarant sy’n cyfateb i’r cod hwnnw',
  'guarantee.check.unknownBody':
    'Gwiriwch y cod a rhowch gynnig arall arni. Os nad yw’n cyfateb o hyd, gofynnwch i’r person gysylltu â’i arbenigwr cyflogaeth.',
  'guarantee.check.again': 'Gwirio cod arall',

  'guarantee.mine.title': 'Eich gwarant pont yn ôl',
  'guarantee.mine.link': 'Eich gwarant pont yn ôl',
  'guarantee.mine.what':
    'Roedd gennych fudd-dal sy’n gysylltiedig ag iechyd pan ddechreuoch weithio. Os daw’r swydd i ben erbyn y dyddiad isod, bydd Bridgework yn eich cefnogi i fynd yn ôl at y budd-dal hwnnw. Mae eich tystysgrif yn dangos y rheolau, pa rai sy’n gyfraith a pha un yw addewid Bridgework ei hun, a chod y gall unrhyw un ei wirio. Gall DWP eich asesu eto o hyd os bydd eich cyflwr yn newid.',
  'guarantee.mine.ifEnds':
    'Os daw’r swydd i ben, neu os gallai ddod i ben, dywedwch wrth eich arbenigwr cyflogaeth. Bydd yn rhoi llythyr i chi ar gyfer DWP a rhestr wirio o beth i’w wneud.',
  'guarantee.mine.none':
    'Nid oes gennych warant pont yn ôl. Mae eich arbenigwr cyflogaeth yn cofnodi un pan fyddwch yn dechrau swydd, os oedd gennych fudd-dal sy’n gysylltiedig ag iechyd o’r blaen.',
  'guarantee.mine.returnPackReady': 'Daeth eich swydd i ben o fewn y cyfnod gwarchodedig. Lawrlwythwch eich llythyr ar gyfer DWP a’ch rhestr wirio.',
  'guarantee.mine.back': 'Yn ôl i’ch cynllun',

  'guarantee.export.awards': 'Eich budd-dal cyn gweithio',
  'guarantee.export.guarantees': 'Eich gwarantau pont yn ôl',

  'guarantee.pdf.certificate.title': 'Tystysgrif gwarant pont yn ôl',
  'guarantee.pdf.certificate.intro':
    'Roedd gan {name} fudd-dal sy’n gysylltiedig ag iechyd pan ddechreuodd weithio. Os daw’r swydd i ben erbyn {until}, bydd Bridgework yn ei gefnogi i fynd yn ôl at y budd-dal hwnnw, o dan y rheolau isod, sy’n dweud beth sy’n gyfraith a beth yw addewid Bridgework ei hun.',
  'guarantee.pdf.issued': 'Cyhoeddwyd ar {date} gan {team}, {council}.',
  'guarantee.pdf.award': 'Y budd-dal cyn gweithio',
  'guarantee.pdf.job': 'Y swydd',
  'guarantee.pdf.period': 'Y cyfnod gwarchodedig',
  'guarantee.pdf.rules': 'Y rheolau sy’n gwarchod dychwelyd at fudd-dal',
  'guarantee.pdf.ruleSource': 'Ffynhonnell: {source}',
  'guarantee.pdf.honesty':
    'Mae rheol sydd â deddfwriaeth yn ffynhonnell iddi yn gyfraith. Addewid Bridgework ei hun yw ei ymrwymiad cymorth a pholisi datganedig DWP: nid yw’n hawl yn y gyfraith tra nad yw’r rheoliadau mewn grym.',
  'guarantee.pdf.check': 'Gwirio’r dystysgrif hon',
  'guarantee.pdf.checkHow': 'Gall unrhyw un wirio’r dystysgrif hon yn {url} gyda’r cod {code}. Dim ond a yw’n ddilys a’i dyddiadau y byddan nhw’n eu gweld.',
  'guarantee.pdf.footer': 'Gwarant pont yn ôl Bridgework. Cod dilysu {code}.',

  'guarantee.pdf.pack.title': 'Dychwelyd at fudd-dal: llythyr i DWP a rhestr wirio',
  'guarantee.pdf.pack.letterHeading': 'Llythyr i’r Adran Gwaith a Phensiynau',
  'guarantee.pdf.pack.to': 'At yr Adran Gwaith a Phensiynau',
  'guarantee.pdf.pack.about': 'Ynghylch: {name}, ganwyd {dateOfBirth}, o {address}',
  'guarantee.pdf.pack.opening':
    'Ni yw’r gwasanaeth cymorth cyflogaeth sy’n gweithio gyda {name}. Rydym yn ysgrifennu i gefnogi dychwelyd at fudd-dal ar ôl swydd sydd wedi dod i ben.',
  'guarantee.pdf.pack.prior': 'Cyn dechrau gweithio, roedd {name} yn cael {benefit}. Gwnaed y penderfyniad ar {decisionDate}. Gwelsom: {evidence}.',
  'guarantee.pdf.pack.dates':
    'Dechreuodd weithio fel {role} yn {employer} ar {start}. Daeth y swydd i ben ar {end}, o fewn y cyfnod gwarchodedig sy’n para tan {until}.',
  'guarantee.pdf.pack.datesAfter':
    'Dechreuodd weithio fel {role} yn {employer} ar {start}. Daeth y swydd i ben ar {end}, ar ôl y cyfnod gwarchodedig, a oedd yn para tan {until} ar ôl ei gywiro.',
  'guarantee.pdf.pack.noRule':
    'Nid oedd rheol yn y gyfraith yn gwarchod y dychwelyd ar y diwrnod hwnnw, ac roedd addewid Bridgework ei hun wedi dod i ben. Gofynnwn i’r cais gael ei ystyried ar ei rinweddau, a byddwn yn cefnogi {name} drwyddo.',
  'guarantee.pdf.pack.rules': 'Mae’r rheolau hyn yn berthnasol i’r dychwelyd hwn:',
  'guarantee.pdf.pack.reassess':
    'Gall DWP gynnal asesiad newydd o hyd os yw cyflwr {name} wedi newid (Rheoliadau Credyd Cynhwysol 2013, rheoliad 41). Lle mae rheswm uchod yn addewid Bridgework ei hun, nid yw’n hawl yn y gyfraith.',
  'guarantee.pdf.pack.irEsa':
    'Daeth y dyfarniadau ESA yn seiliedig ar incwm oedd ar ôl i ben o {date} (OS 2026/409, erthygl 3A), felly cais am Gredyd Cynhwysol yw’r dychwelyd hwn, neu am ESA Dull Newydd lle mae cyfraniadau Yswiriant Gwladol {name} yn caniatáu. DWP sy’n penderfynu a yw’r penderfyniad blaenorol am allu cyfyngedig i weithio yn parhau i’r cais hwnnw.',
  'guarantee.pdf.pack.rule.uc-reclaim':
    'Credyd Cynhwysol: mae dyfarniad newydd o fewn {months} mis i un a ddaeth i ben oherwydd bod enillion yn rhy uchel yn cadw’r canlyniad blaenorol ({determination}), heb gyfnod aros newydd (Rheoliadau Credyd Cynhwysol 2013, rheoliad 28(3) a (4)(b)). Mae Asesiad Gallu i Weithio newydd ar gyfer newid perthnasol yn y cyflwr (rheoliad 41).',
  'guarantee.pdf.pack.rule.esa-linking':
    'ESA: mae cyfnodau o allu cyfyngedig i weithio nad oes mwy na {weeks} wythnos rhyngddynt wedi’u cysylltu, felly mae’r penderfyniad blaenorol yn parhau (Rheoliadau ESA 2013, rheoliad 86; Rheoliadau ESA 2008, rheoliad 145(1)).',
  'guarantee.pdf.pack.rule.platform-protected-period':
    'Polisi datganedig DWP, yr Hawl i Roi Cynnig, yw nad yw rhoi cynnig ar waith ynddo’i hun yn arwain at ailasesiad; argymhellodd y Pwyllgor Cynghori ar Nawdd Cymdeithasol gyfnod gwarchodedig o 6 mis o leiaf, a derbyniodd DWP hynny. Mae Bridgework yn cefnogi hyn fel ei ymrwymiad ei hun; nid yw’n hawl yn y gyfraith tra nad yw’r rheoliadau mewn grym.',
  'guarantee.pdf.pack.ask': 'Gofynnwn i’r cais gael ei drin ar y sail hon, ac na threfnir asesiad newydd oherwydd y cyfnod hwn o waith.',
  'guarantee.pdf.pack.verify': 'Gallwch wirio’r warant hon yn {url} gyda’r cod dilysu {code}.',
  'guarantee.pdf.pack.signOff': 'Yn gywir,',
  'guarantee.pdf.pack.signature': '{specialist}, arbenigwr cyflogaeth, {team}',
  'guarantee.pdf.pack.checklistHeading': 'Eich rhestr wirio',
  'guarantee.pdf.pack.check.claim': 'Gwnewch gais eto cyn gynted ag y gallwch, ac erbyn {until} ({benefit}).',
  'guarantee.pdf.pack.check.say': 'Pan fyddwch yn gwneud cais, dywedwch fod gennych y budd-dal hwn o’r blaen a bod eich swydd wedi dod i ben ar {end}.',
  'guarantee.pdf.pack.check.bring':
    'Byddwch yn barod gyda: y llythyr hwn, eich llythyr dyfarnu neu benderfyniad, eich slip cyflog diwethaf, a’ch P45 pan fydd eich cyflogwr yn ei anfon.',
  'guarantee.pdf.pack.check.code': 'Rhowch eich cod dilysu {code} i DWP. Gallan nhw ei wirio yn {url}.',
  'guarantee.pdf.pack.check.tell': 'Dywedwch wrth eich arbenigwr cyflogaeth, {specialist}, eich bod wedi gwneud cais, ac os bydd unrhyw beth yn newid.',
  'guarantee.pdf.pack.check.assessment':
    'Os bydd DWP yn gofyn i chi gael asesiad newydd, cysylltwch â’ch arbenigwr cyflogaeth ar unwaith: byddwn yn eich helpu.',
  'guarantee.pdf.pack.footer': 'Llythyr dychwelyd at fudd-dal Bridgework. Cod dilysu {code}.',

  'guarantee.notify.greeting': 'Helo {name},',
  'guarantee.notify.created.subject': 'Mae tystysgrif eich gwarant pont yn ôl yn barod',
  'guarantee.notify.created.body':
    'Y budd-dal oedd gennych pan ddechreuoch weithio: {benefit}. Os daw’r swydd i ben erbyn {until}, bydd Bridgework yn eich cefnogi i fynd yn ôl at y budd-dal hwnnw. Mae eich tystysgrif yn dweud pa reolau sy’n gyfraith a pha un yw addewid Bridgework ei hun. Gall DWP eich asesu eto o hyd os bydd eich cyflwr yn newid.',
  'guarantee.notify.created.link': 'Mewngofnodwch i lawrlwytho eich tystysgrif: {url}',
  'guarantee.notify.code': 'Eich cod dilysu yw {code}. Gall unrhyw un ei wirio yn {check}.',
  'guarantee.notify.reminder.subject': 'Mae eich gwarant pont yn ôl yn dod i ben ar {until}',
  'guarantee.notify.reminder.body':
    'Mae eich gwarant pont yn ôl yn dod i ben ar {until}. Tan hynny, os daw eich swydd i ben, bydd Bridgework yn eich cefnogi i fynd yn ôl at eich budd-dal ({benefit}), o dan y rheolau ar eich tystysgrif. Os ydych chi’n poeni am eich swydd, siaradwch â’ch arbenigwr cyflogaeth.',
  'guarantee.notify.used.subject': 'Mae eich llythyr dychwelyd at fudd-dal yn barod',
  'guarantee.notify.used.body': 'Daeth eich swydd i ben o fewn y cyfnod gwarchodedig. Mae eich llythyr ar gyfer DWP a rhestr wirio o beth i’w wneud yn barod.',
  'guarantee.notify.used.link': 'Mewngofnodwch i’w lawrlwytho: {url}',
  'guarantee.notify.withdrawn.subject': 'Mae eich gwarant pont yn ôl wedi’i thynnu’n ôl',
  'guarantee.notify.withdrawn.body':
    'Mae’r warant pont yn ôl ar gyfer eich swydd wedi’i thynnu’n ôl. Os nad oeddech chi’n disgwyl hyn, siaradwch â’ch arbenigwr cyflogaeth.',
  'guarantee.notify.restated.subject': 'Mae eich gwarant pont yn ôl wedi’i chywiro',
  'guarantee.notify.restated.why':
    'Roedd eich gwarant pont yn ôl yn dweud eich bod wedi’ch gwarchod tan {from}. Daeth y dyddiad hwnnw o reol cysylltu ESA a ddirymwyd ar 1 Mai 2012 ac nad yw’n gyfraith, felly ni ddylid bod wedi’i defnyddio. Rydym wedi cywiro eich gwarant o dan y rheolau sydd mewn grym.',
  'guarantee.notify.restated.active': 'Mae eich gwarant bellach yn para tan {until}. Mae eich tystysgrif wedi’i chywiro yn barod.',
  'guarantee.notify.restated.lapsed':
    'O dan y rheolau sydd mewn grym, daeth ei chyfnod gwarchodedig i ben ar {until}. Os yw eich swydd mewn perygl neu’n dod i ben, siaradwch â’ch arbenigwr cyflogaeth ar unwaith: bydd yn eich helpu i wneud cais.',
  'guarantee.notify.restated.usedCovered':
    'Daeth eich swydd i ben ar {end}, o fewn y cyfnod wedi’i gywiro, sy’n para tan {until}. Mae eich llythyr ar gyfer DWP wedi’i gywiro: defnyddiwch yr un newydd.',
  'guarantee.notify.restated.usedAfter':
    'Daeth eich swydd i ben ar {end}, ar ôl y cyfnod wedi’i gywiro, a ddaeth i ben ar {until}. Nid yw eich llythyr ar gyfer DWP yn rhoi’r rheol honno fel rheswm mwyach; DWP fydd yn penderfynu ar eich cais. Siaradwch â’ch arbenigwr cyflogaeth, a fydd yn eich helpu.',
  'guarantee.notify.restated.sorry': 'Mae’n ddrwg gennym am y camgymeriad. Os oes gennych unrhyw gwestiynau, siaradwch â’ch arbenigwr cyflogaeth.',
  'guarantee.notify.staffRestated.subject': 'Mae gwarant pont yn ôl ar un o’ch achosion wedi’i chywiro',
  'guarantee.notify.staffRestated.body':
    'Roedd gwarant pont yn ôl ar un o’ch achosion yn dibynnu ar reol cysylltu ESA a ddirymwyd ar 1 Mai 2012, nad yw’n gyfraith. Mae wedi’i hailddatgan o dan y rheolau sydd mewn grym: roedd yn dweud wedi’i gwarchod tan {from}, ac mae bellach yn dweud {until}. Mae’r person wedi cael gwybod, yn ei iaith ei hun. Siaradwch ag ef am beth mae’n ei olygu iddo.',
  'guarantee.notify.staffReminder.subject': 'Mae gwarant pont yn ôl yn dod i ben ar {until}',
  'guarantee.notify.staffReminder.body': 'Mae gwarant pont yn ôl ar un o’ch achosion yn dod i ben ar {until}. Holwch y person sut mae’r gwaith yn mynd.',
  'guarantee.notify.staffLink': 'Gweler yma: {url}',
};
