/**
 * English: Council Tax Support in the better-off pages, chart, table and PDF, and the tenant
 * admin's settings page for an English council's banded scheme. Every key here must have a Welsh
 * message in council-tax-messages-cy.ts.
 */
export const councilTaxEn = {
  // The tenant admin's settings.
  'councilTax.settings.link': 'Council Tax Support scheme',
  'councilTax.settings.title': 'Council Tax Support in the better-off figures',
  'councilTax.settings.lead.england':
    'Councils in England run their own Council Tax Support schemes. If yours takes a share off the bill of people on Universal Credit by income band, set the bands here and the better-off figures will include it. Without a scheme, the figures say that they leave Council Tax Support out.',
  'councilTax.settings.lead.income':
    'The bands are read against the household’s income a month without Universal Credit: take-home pay and other income. Enter them from the lowest income up, and leave the bands you do not need empty.',
  'councilTax.settings.lead.wales':
    'Your council is in Wales, where one national Council Tax Reduction scheme applies (the Council Tax Reduction Schemes and Prescribed Requirements (Wales) Regulations 2013). The better-off figures use it, so there is nothing to set here.',
  'councilTax.settings.scheme': 'Does your council have a banded scheme for people on Universal Credit?',
  'councilTax.settings.scheme.yes': 'Yes, include it in the better-off figures',
  'councilTax.settings.scheme.no': 'No, leave Council Tax Support out of the figures',
  'councilTax.settings.name': 'Name of the scheme',
  'councilTax.settings.nameHint': 'As residents know it, for example Council Tax Support',
  'councilTax.settings.url': 'Link to the scheme’s page on your council’s website',
  'councilTax.settings.urlHint': 'Starting https://',
  'councilTax.settings.upTo': 'Band {band}: income a month up to',
  'councilTax.settings.upToHint': 'In pounds, including this amount. For example, 400',
  'councilTax.settings.discount': 'Band {band}: share of the bill taken off, in per cent',
  'councilTax.settings.discountHint': 'From 0 to 100. For example, 80',
  'councilTax.settings.save': 'Save',
  'councilTax.settings.saved': 'The Council Tax Support settings are saved.',
  'councilTax.settings.error.scheme': 'Select yes if your council has a banded scheme for people on Universal Credit',
  'councilTax.settings.error.nameMissing': 'Enter the name of the scheme',
  'councilTax.settings.error.nameTooLong': 'Enter a name of 120 characters or fewer',
  'councilTax.settings.error.urlMissing': 'Enter a link to the scheme’s page',
  'councilTax.settings.error.url': 'Enter a link starting https://, like https://www.example.gov.uk/council-tax-support',
  'councilTax.settings.error.upToMissing': 'Enter the income a month this band goes up to',
  'councilTax.settings.error.upTo': 'Enter the income in pounds, like 400 or 412.50',
  'councilTax.settings.error.upToRange': 'Enter an income from £0.01 to £100,000 a month',
  'councilTax.settings.error.upToOrder': 'Enter an income higher than the band above',
  'councilTax.settings.error.discountMissing': 'Enter the share of the bill this band takes off',
  'councilTax.settings.error.discount': 'Enter the share as a number, like 80 or 12.5',
  'councilTax.settings.error.discountRange': 'Enter a share from 0 to 100',
  'councilTax.settings.error.discountOrder': 'Enter a share no higher than the band above: a higher income cannot get more off',
  'councilTax.settings.error.bandsMissing': 'Enter at least one band',

  // The better-off form.
  'councilTax.form.bill': 'Yearly council tax bill (optional)',
  'councilTax.form.billHint':
    'The full amount for the year before any Council Tax Support, from the council tax bill. For example, 1,850. If you leave it empty, the figures leave Council Tax Support out.',
  'betterOff.error.councilTax': 'Enter the yearly bill in pounds, like 1850, or leave it empty',
  'betterOff.error.councilTaxTooHigh': 'Enter a yearly bill of £20,000 or less',

  // The result, chart, table and PDF.
  'councilTax.leftOut': 'Left out of these figures',
  'councilTax.line': 'Council Tax Support',
  'councilTax.scheme.wales': 'the Council Tax Reduction scheme in Wales',
  'councilTax.section.title': 'Council Tax Support',
  'councilTax.section.wales': 'Your council is in Wales: Council Tax Support is worked out under the national Council Tax Reduction scheme.',
  'councilTax.section.banded': 'Council Tax Support is worked out under your council’s own scheme:',
  'councilTax.section.amounts':
    'For a yearly bill of {annual}, it would be {inWork} a month at {hours} hours a week, compared with {outOfWork} a month without work.',
  'councilTax.section.amountsNoWork': 'For a yearly bill of {annual}, it would be {outOfWork} a month without work.',
  'councilTax.section.noScheme':
    'Your council has not set up its Council Tax Support scheme in this service, so the figures leave Council Tax Support out. Ask the council: it may lower your council tax bill.',
  'councilTax.section.noBill': 'No yearly council tax bill was given, so the figures leave Council Tax Support out.',
  'councilTax.section.bandedNoUc':
    'The scheme’s bands are for people on Universal Credit. At hours where there would be no Universal Credit, the figures count no Council Tax Support: the council’s rules for other people are not worked out here.',
  'councilTax.section.notPaid': 'Council Tax Support is not paid to you: it lowers your council tax bill. The totals count it as money you keep.',
  'councilTax.table.included': 'The totals include Council Tax Support under {scheme}.',
  'councilTax.table.left': 'The totals leave Council Tax Support out.',
  'councilTax.chart.desc': 'Council Tax Support goes from {first} at 0 hours to {last} at {maxHours} hours.',
  'councilTax.how.title': 'Council Tax Support at {hours} hours a week, under {scheme}:',
  'councilTax.how.titleNoScheme': 'Council Tax Support:',
  'councilTax.how.totals': 'The total also adds Council Tax Support.',

  // The calculation's steps, in words.
  'councilTax.reason.no-scheme': 'No Council Tax Support scheme is set for this council, so the figures leave Council Tax Support out.',
  'councilTax.reason.no-liability': 'No yearly council tax bill was given, so the figures leave Council Tax Support out.',
  'councilTax.reason.liability': 'The council tax bill is {annual} a year, {amount} a month.',
  'councilTax.reason.wales.uc.applicable-amount':
    'With an award of Universal Credit, the applicable amount is the Universal Credit maximum amount: {amount} a month.',
  'councilTax.reason.wales.uc.income':
    'Income is Universal Credit {award} + take-home pay {earnings} + other income {other} + income assumed from savings {tariff} = {income} a month.',
  'councilTax.reason.wales.applicable-amount':
    'Without Universal Credit, the applicable amount is a personal allowance of {allowance}, {children} × {childAmount} for children and a family premium of {familyPremium}: {weekly} a week, {amount} a month (× 52 ÷ 12).',
  'councilTax.reason.wales.income':
    'Income is take-home pay {earnings} less {disregard} a week that is not counted ({disregardMonthly} a month), + other income {other} = {income} a month.',
  'councilTax.reason.wales.capital-tariff-not-modelled':
    'Income assumed from savings over £6,000, for someone without Universal Credit, is not counted here, so this figure may be too high.',
  'councilTax.reason.wales.capital-over-limit': 'Savings of {capital} are over the {limit} limit, so there is no Council Tax Reduction.',
  'councilTax.reason.wales.full': 'Income of {income} is not above the applicable amount of {applicable}, so the whole bill is covered: {amount} a month.',
  'councilTax.reason.wales.taper':
    'Income is {excess} above the applicable amount. {rate} of that, {deduction}, comes off the bill of {liability}, leaving {amount} a month.',
  'councilTax.reason.banded.no-uc':
    '{scheme} sets its bands for people on Universal Credit. With no Universal Credit they do not apply, and the council’s rules for other people are not worked out here, so no Council Tax Support is counted.',
  'councilTax.reason.banded.income':
    '{scheme} compares the household’s income a month without Universal Credit, {income} (take-home pay and other income), with its bands.',
  'councilTax.reason.banded.band': '{income} is in band {band} ({from} to {upTo}): {discount} of {liability} is {amount} a month.',
  'councilTax.reason.banded.above-bands': '{income} is above the highest band (up to {upTo}), so nothing comes off the bill.',
  'councilTax.reason.award': 'Council Tax Support: {amount} a month.',

  // Rate names in "Rates and thresholds used".
  'betterOff.parameter.ctr-wales-taper-rate': 'Council Tax Reduction (Wales): share of income above the applicable amount taken off',
  'betterOff.parameter.ctr-wales-personal-allowance-single-under-25': 'Council Tax Reduction (Wales): personal allowance, single, 18 to 24',
  'betterOff.parameter.ctr-wales-personal-allowance-single-25-plus': 'Council Tax Reduction (Wales): personal allowance, single, 25 or over',
  'betterOff.parameter.ctr-wales-personal-allowance-lone-parent': 'Council Tax Reduction (Wales): personal allowance, lone parent',
  'betterOff.parameter.ctr-wales-personal-allowance-couple': 'Council Tax Reduction (Wales): personal allowance, couple',
  'betterOff.parameter.ctr-wales-child-amount': 'Council Tax Reduction (Wales): amount for each child',
  'betterOff.parameter.ctr-wales-family-premium': 'Council Tax Reduction (Wales): family premium',
  'betterOff.parameter.ctr-wales-earnings-disregard-single': 'Council Tax Reduction (Wales): earnings not counted, single',
  'betterOff.parameter.ctr-wales-earnings-disregard-couple': 'Council Tax Reduction (Wales): earnings not counted, couple',
  'betterOff.parameter.ctr-wales-earnings-disregard-lone-parent': 'Council Tax Reduction (Wales): earnings not counted, lone parent',
  'betterOff.parameter.ctr-wales-capital-upper-limit': 'Council Tax Reduction (Wales): savings limit',
} as const;
