/**
 * English: the better-off words that differ by reader. A key with `.staff` (or `.participant`) is
 * used instead of the plain key on that reader's pages (`forAudience`): the specialist reads about
 * "them", the person about "you". The PDF is handed to the person, so it speaks to them.
 */
export const betterOffAudienceEn = {
  'betterOff.form.household.staff': 'Who lives with them',
  'betterOff.form.age.staff': 'Their age',
  'betterOff.form.age.participant': 'Your age',
  'betterOff.form.partner.staff': 'Do they live with a partner?',
  'betterOff.form.partner.participant': 'Do you live with a partner?',
  'betterOff.form.partnerHint.staff': 'A husband, wife or civil partner, or someone they live with as a couple',
  'betterOff.form.children.staff': 'Do any children live with them?',
  'betterOff.form.children.participant': 'Do any children live with you?',
  'betterOff.form.childCountHint.staff': 'Only if any children live with them',
  'betterOff.form.lcwra.participant':
    'Has the Department for Work and Pensions decided you have limited capability for work and work-related activity (LCWRA)?',
  'betterOff.form.lcw.participant': 'Has the Department for Work and Pensions decided you have limited capability for work (LCW)?',
  'betterOff.form.esa.staff': 'Do they get Employment and Support Allowance (ESA) now? (optional)',
  'betterOff.form.esaHint.staff':
    'New style or income-related ESA. Unless you answer no, the result also says whether this work could be permitted work, which they can do and keep their ESA',
  'betterOff.form.rentHint.staff': 'Leave this empty if they own their home, pay no rent, or get Housing Benefit',
  'betterOff.form.childcareHint.staff': 'Registered childcare paid for so that they can work. Universal Credit can pay back up to 85%',
  'betterOff.error.children.staff': 'Select yes if any children live with them',
  'betterOff.result.single.more.staff':
    'At {hours} hours a week at {pay} an hour they would have {total} a month, {gain} more than the {now} they have now without work.',
  'betterOff.result.single.less.staff':
    'At {hours} hours a week at {pay} an hour they would have {total} a month, {gain} less than the {now} they have now without work.',
  'betterOff.result.single.same.staff': 'At {hours} hours a week at {pay} an hour they would have {total} a month, the same as they have now without work.',
  'betterOff.result.single.none.staff': 'Without work they have {now} a month.',
  'betterOff.result.couple.more.staff':
    'At {hours} hours a week at {pay} an hour they and their partner would have {total} a month, {gain} more than the {now} they have now without their work.',
  'betterOff.result.couple.less.staff':
    'At {hours} hours a week at {pay} an hour they and their partner would have {total} a month, {gain} less than the {now} they have now without their work.',
  'betterOff.result.couple.same.staff':
    'At {hours} hours a week at {pay} an hour they and their partner would have {total} a month, the same as they have now without their work.',
  'betterOff.result.couple.none.staff': 'Without their work, they and their partner have {now} a month.',
  'betterOff.result.afterChildcare.staff': 'These totals do not take off childcare costs of {costs} a month: after paying them they would have {left}.',
  'betterOff.table.yours.staff': '(their hours)',
  'betterOff.table.partnerIncome.staff': 'The totals include their partner’s take-home pay of {partner} a month.',
  'betterOff.stays.title.staff': 'What stays when they work',
  'betterOff.esa.title.staff': 'If they get Employment and Support Allowance',
  'betterOff.esa.earnings.staff': 'At {hours} hours a week at {pay} an hour they would earn {weekly} a week before tax.',
  'betterOff.atw.help.staff':
    'You can help them work out what support to ask for, and apply with them. Only Access to Work decides what it will pay for, when they apply.',
  'betterOff.estimate.staff':
    'This is an estimate to help the person decide, not a decision about their benefits. The Department for Work and Pensions works out their Universal Credit from what they are actually paid each month.',
  'betterOff.stays.lcwra.staff':
    'Their LCWRA element of {amount} a month stays in their Universal Credit when they work. Under Universal Credit, working does not end it.',
  'betterOff.stays.rightToTry.staff': 'Starting work is not by itself a reason for the Department for Work and Pensions to look at their health again.',
  'betterOff.stays.reclaim.staff':
    'If their pay ends their Universal Credit and they claim again within 6 months, for example because the job did not work out, their LCWRA decision carries on without a new assessment.',
  'betterOff.stays.workAllowance.staff':
    'They can take home {amount} a month (their work allowance) before their Universal Credit goes down. After that, it goes down by {taper}p for each £1 more they take home.',
  'betterOff.stays.noWorkAllowance.staff':
    'There is no work allowance, because no one in the household looks after a child or has limited capability for work. Universal Credit goes down by {taper}p for each £1 they take home.',
  'betterOff.stays.child.staff': 'The child element of {amount} a month stays in their Universal Credit.',
  'betterOff.stays.housing.staff': 'Help with rent of {amount} a month is part of their Universal Credit while they get any Universal Credit.',
  'betterOff.stays.childcare.staff': 'Universal Credit pays back {amount} a month of their childcare costs while they work.',
  'betterOff.atw.travel.staff': 'travel to work when they cannot use public transport, such as taxi fares',
  'betterOff.esa.lead.staff':
    'While they get Employment and Support Allowance (ESA), they can do some paid work and keep their ESA. This is called permitted work. With the limits in force on {date}, permitted work is:',
  'betterOff.esa.within.staff':
    'That is within permitted work: less than {maxHours} hours a week, and no more than {limit} a week. Their ESA could carry on alongside it. They must tell the Department for Work and Pensions about the work before they start.',
  'betterOff.esa.withinLower.staff':
    'That is within permitted work, because it is no more than {lower} a week, the limit for any number of hours. Their ESA could carry on alongside it. They must tell the Department for Work and Pensions about the work before they start.',
  'betterOff.esa.above.staff':
    'Above permitted work, their ESA would stop and they would claim Universal Credit instead. The figures on this page are what they would have with Universal Credit.',
  'betterOff.how.notModelled.staff':
    'Not included: the carer and disabled child elements, deductions for other adults living with them, surplus earnings, the minimum income floor for self-employment, and transitional protection. The benefit cap is worked out as for a home outside Greater London.',
  'councilTax.section.wales.staff': 'Their council is in Wales: Council Tax Support is worked out under the national Council Tax Reduction scheme.',
  'councilTax.section.banded.staff': 'Council Tax Support is worked out under their council’s own scheme:',
  // The specialist is told about the person's council and bill, not their own (issue 17).
  'councilTax.section.noScheme.staff':
    'The council has not set up its Council Tax Support scheme in this service, so the figures leave Council Tax Support out. The person can ask the council: it may lower their council tax bill.',
  'councilTax.section.notPaid.staff': 'Council Tax Support is not paid to them: it lowers their council tax bill. The totals count it as money they keep.',
} as const;
