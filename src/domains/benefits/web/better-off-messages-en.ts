/**
 * English: the source language for the better-off-in-work pages (staff and participant) and their
 * PDF. Every key here must have a Welsh message in better-off-messages-cy.ts. The words are
 * addressed to the person ("you"): a specialist works the figures out with them and hands them
 * the PDF.
 */
export const betterOffEn = {
  'betterOff.nav': 'Better off in work',
  'betterOff.title': 'Better off in work',
  'betterOff.lead.staff':
    'Work out how much money the person would have each month in work compared with out of work: take-home pay, Universal Credit and other income, from 0 to 40 hours a week.',
  'betterOff.lead.participant':
    'See how much money you would have each month if you worked, compared with now: your take-home pay, Universal Credit and other income, from 0 to 40 hours a week.',
  'betterOff.notSaved.staff': 'Nothing entered here is saved to the case.',
  'betterOff.notSaved.participant': 'Nothing you enter here is saved.',
  'betterOff.estimate':
    'This is an estimate to help you decide, not a decision about your benefits. The Department for Work and Pensions works out your Universal Credit from what you are actually paid each month.',

  // The form.
  'betterOff.form.job': 'The job',
  'betterOff.form.hourlyPay': 'Hourly pay before tax',
  'betterOff.form.hourlyPayHint': 'For example, 12.71. The National Living Wage for people aged 21 and over is {nlw} an hour.',
  'betterOff.form.hours': 'Hours of work a week',
  'betterOff.form.hoursHint': 'From 0 to 40. For example, 16 or 22.5',
  'betterOff.form.household': 'Who lives with you',
  'betterOff.form.age': 'Age',
  'betterOff.form.ageHint': 'In years',
  'betterOff.form.partner': 'Living with a partner?',
  'betterOff.form.partnerHint': 'A husband, wife or civil partner, or someone you live with as a couple',
  'betterOff.form.partnerAge': 'Partner’s age',
  'betterOff.form.partnerAgeHint': 'Only if living with a partner. In years',
  'betterOff.form.partnerEarnings': 'Partner’s take-home pay a month (optional)',
  'betterOff.form.partnerEarningsHint': 'After tax and National Insurance. Leave this empty if they do not work',
  'betterOff.form.health': 'Health and benefits',
  'betterOff.form.fromAward':
    'Some answers here were filled in from the benefit before work recorded on the case: {benefit}, decided on {date}. Check them with the person: they can be changed.',
  'betterOff.form.lcwra': 'Has the Department for Work and Pensions decided there is limited capability for work and work-related activity (LCWRA)?',
  'betterOff.form.lcwraHint':
    'LCWRA adds a health element to Universal Credit. It is decided after a work capability assessment, or without one for someone terminally ill',
  'betterOff.form.lcwraSince': 'When did the LCWRA element start? (only if LCWRA)',
  'betterOff.form.lcwraSinceHint':
    'For example, 1 3 2024. If you do not know the day, enter 1. This matters because the amount is lower for claims from 6 April 2026',
  'betterOff.form.lcwraProtected': 'Terminally ill, or meets the severe conditions criteria',
  'betterOff.form.lcwraProtectedHint': 'The higher amount is then paid whenever it started. If this applies, you can leave the date empty',
  'betterOff.form.lcwraProtectedLegend': 'Terminal illness or severe condition (only if LCWRA)',
  'betterOff.form.lcw': 'Has the Department for Work and Pensions decided there is limited capability for work (LCW)?',
  'betterOff.form.lcwHint': 'Limited capability for work without work-related activity. Answer no if there is LCWRA',
  'betterOff.form.esa': 'Do you get Employment and Support Allowance (ESA) now? (optional)',
  'betterOff.form.esaHint':
    'New style or income-related ESA. Unless you answer no, the result also says whether this work could be permitted work, which you can do and keep your ESA',
  'betterOff.form.children': 'Any children living with you?',
  'betterOff.form.childrenHint': 'Children under 16, or under 20 and in full-time school or college (not university)',
  'betterOff.form.childCount': 'How many children?',
  'betterOff.form.childCountHint': 'Only if any children live with you',
  'betterOff.form.eldest': 'Eldest child’s date of birth',
  'betterOff.form.eldestHint': 'For example, 27 3 2015. The other children’s dates are not needed',
  'betterOff.form.costs': 'Housing, savings and other income',
  'betterOff.form.rent': 'Rent a month that Universal Credit can help with (optional)',
  'betterOff.form.rentHint': 'Leave this empty if you own your home, pay no rent, or get Housing Benefit',
  'betterOff.form.childcare': 'Childcare costs a month (optional)',
  'betterOff.form.childcareHint': 'Registered childcare paid for so that you can work. Universal Credit can pay back up to 85%',
  'betterOff.form.savings': 'Savings and investments (optional)',
  'betterOff.form.savingsHint': 'Savings over £6,000 lower Universal Credit. Over £16,000 there is no Universal Credit',
  'betterOff.form.otherIncome': 'Other income a month (optional)',
  'betterOff.form.otherIncomeHint':
    'For example, new style Employment and Support Allowance or a private pension. Leave out Personal Independence Payment (PIP) and Child Benefit: they do not lower Universal Credit',
  'betterOff.form.date': 'Rates to use from',
  'betterOff.form.dateHint': 'Rates change each April. Bridgework has the rates from {from} to {until}',
  'betterOff.form.submit': 'Work it out',
  'betterOff.form.partner.yes': 'Yes',
  'betterOff.form.partner.no': 'No',
  'betterOff.form.lcwra.yes': 'Yes',
  'betterOff.form.lcwra.no': 'No',
  'betterOff.form.lcw.yes': 'Yes',
  'betterOff.form.lcw.no': 'No',
  'betterOff.form.esa.yes': 'Yes',
  'betterOff.form.esa.no': 'No',
  'betterOff.form.children.yes': 'Yes',
  'betterOff.form.children.no': 'No',

  // Errors: one for each field, saying what to do.
  'betterOff.error.dateMissing': 'Enter the date of the rates to use',
  'betterOff.error.date': 'Enter a real date for the rates, for example 6 4 2026',
  'betterOff.error.dateRange': 'Enter a date from {from} to {until}: those are the rates Bridgework has',
  'betterOff.error.hourlyPayMissing': 'Enter the hourly pay',
  'betterOff.error.hourlyPay': 'Enter the hourly pay in pounds, more than 0, like 12.71',
  'betterOff.error.hourlyPayTooHigh': 'Enter an hourly pay of £1,000 or less',
  'betterOff.error.hoursMissing': 'Enter the hours of work a week',
  'betterOff.error.hours': 'Enter the hours of work a week as a number from 0 to 40, like 16 or 22.5',
  'betterOff.error.ageMissing': 'Enter the age',
  'betterOff.error.age': 'Enter the age in whole years, from 16 to 65: Universal Credit is for people under State Pension age',
  'betterOff.error.partner': 'Select yes if living with a partner',
  'betterOff.error.partnerAgeMissing': 'Enter the partner’s age',
  'betterOff.error.partnerAge': 'Enter the partner’s age in whole years, from 16 to 65: Universal Credit is for people under State Pension age',
  'betterOff.error.partnerEarnings': 'Enter the partner’s take-home pay in pounds, like 850, or leave it empty',
  'betterOff.error.partnerEarningsTooHigh': 'Enter the partner’s take-home pay as £100,000 a month or less',
  'betterOff.error.lcwra': 'Select yes if there is limited capability for work and work-related activity',
  'betterOff.error.lcwraSinceMissing': 'Enter when the LCWRA element started, or tick terminally ill or severe conditions',
  'betterOff.error.lcwraSince': 'Enter a real date for when the LCWRA element started, for example 1 3 2024',
  'betterOff.error.lcwraSinceFuture': 'The date the LCWRA element started must be on or before the date of the rates',
  'betterOff.error.lcw': 'Select yes if there is limited capability for work',
  'betterOff.error.children': 'Select yes if any children live with you',
  'betterOff.error.childCountMissing': 'Enter how many children',
  'betterOff.error.childCount': 'Enter how many children as a whole number from 1 to 12',
  'betterOff.error.eldestMissing': 'Enter the eldest child’s date of birth',
  'betterOff.error.eldest': 'Enter a real date of birth for the eldest child, for example 27 3 2015',
  'betterOff.error.eldestFuture': 'The eldest child’s date of birth must be on or before the date of the rates',
  'betterOff.error.eldestTooOld': 'Enter the eldest child who is under 20: older children do not count for Universal Credit',
  'betterOff.error.rent': 'Enter the rent in pounds, like 650, or leave it empty',
  'betterOff.error.rentTooHigh': 'Enter a rent of £100,000 a month or less',
  'betterOff.error.childcare': 'Enter the childcare costs in pounds, like 300, or leave them empty',
  'betterOff.error.childcareTooHigh': 'Enter childcare costs of £100,000 a month or less',
  'betterOff.error.savings': 'Enter the savings in pounds, like 2500, or leave them empty',
  'betterOff.error.savingsTooHigh': 'Enter savings of £10,000,000 or less',
  'betterOff.error.otherIncome': 'Enter the other income in pounds, like 120, or leave it empty',
  'betterOff.error.otherIncomeTooHigh': 'Enter other income of £100,000 a month or less',
  'betterOff.error.calculation': 'These answers cannot be worked out: check them and try again',

  // The result.
  'betterOff.result.title': 'Better off in work: the result',
  'betterOff.result.caption': 'Rates in force on {date}',
  'betterOff.result.single.more':
    'At {hours} hours a week at {pay} an hour you would have {total} a month, {gain} more than the {now} you have now without work.',
  'betterOff.result.single.less':
    'At {hours} hours a week at {pay} an hour you would have {total} a month, {gain} less than the {now} you have now without work.',
  'betterOff.result.single.same': 'At {hours} hours a week at {pay} an hour you would have {total} a month, the same as you have now without work.',
  'betterOff.result.single.none': 'Without work you have {now} a month.',
  'betterOff.result.couple.more':
    'At {hours} hours a week at {pay} an hour you and your partner would have {total} a month, {gain} more than the {now} you have now without your work.',
  'betterOff.result.couple.less':
    'At {hours} hours a week at {pay} an hour you and your partner would have {total} a month, {gain} less than the {now} you have now without your work.',
  'betterOff.result.couple.same':
    'At {hours} hours a week at {pay} an hour you and your partner would have {total} a month, the same as you have now without your work.',
  'betterOff.result.couple.none': 'Without your work, you and your partner have {now} a month.',
  'betterOff.result.ucAtHours': 'Universal Credit would be {uc} a month, compared with {ucNow} without work.',
  'betterOff.result.noUcAtHours': 'There would be no Universal Credit at these hours; without work it is {ucNow} a month.',
  'betterOff.result.nlwWarning': 'This is less than the National Living Wage of {nlw} an hour. Employers must pay at least this to anyone aged 21 or over.',
  'betterOff.result.afterChildcare': 'These totals do not take off childcare costs of {costs} a month: after paying them you would have {left}.',
  'betterOff.result.figures': 'At {hours} hours a week',
  'betterOff.result.gross': 'Pay before tax',
  'betterOff.result.tax': 'Income Tax',
  'betterOff.result.ni': 'National Insurance',
  'betterOff.result.net': 'Take-home pay',
  'betterOff.result.uc': 'Universal Credit',
  'betterOff.result.other': 'Other income',
  'betterOff.result.partner': 'Partner’s take-home pay',
  'betterOff.result.total': 'Total a month',
  'betterOff.result.outOfWork': 'Total without work',
  'betterOff.result.gain': 'Difference',

  'betterOff.chart.heading': 'Money at different hours',
  'betterOff.chart.title': 'Money a month at 0 to 40 hours of work a week',
  'betterOff.chart.desc':
    'Total money a month goes from {first} without work to {last} at {maxHours} hours a week. Universal Credit goes from {ucFirst} to {ucLast}. The table after the chart gives every figure.',
  'betterOff.chart.x': 'Hours of work a week',
  'betterOff.chart.y': 'Pounds a month',
  'betterOff.chart.total': 'Total money a month',
  'betterOff.chart.uc': 'Universal Credit',
  'betterOff.chart.net': 'Take-home pay',
  'betterOff.chart.marker': '{hours} hours',

  'betterOff.table.caption': 'Money a month at different hours of work a week',
  'betterOff.table.hours': 'Hours a week',
  'betterOff.table.gross': 'Pay before tax',
  'betterOff.table.deductions': 'Tax and National Insurance',
  'betterOff.table.net': 'Take-home pay',
  'betterOff.table.uc': 'Universal Credit',
  'betterOff.table.total': 'Total',
  'betterOff.table.gain': 'More than without work',
  'betterOff.table.yours': '(your hours)',
  'betterOff.table.region': 'Table of money at different hours',
  'betterOff.table.otherIncome': 'The totals include other income of {other} a month.',
  'betterOff.table.partnerIncome': 'The totals include your partner’s take-home pay of {partner} a month.',

  'betterOff.stays.title': 'What stays when you work',
  'betterOff.stays.lcwra':
    'Your LCWRA element of {amount} a month stays in your Universal Credit when you work. Under Universal Credit, working does not end it.',
  'betterOff.stays.rightToTry': 'Starting work is not by itself a reason for the Department for Work and Pensions to look at your health again.',
  'betterOff.stays.reclaim':
    'If your pay ends your Universal Credit and you claim again within 6 months, for example because the job did not work out, your LCWRA decision carries on without a new assessment.',
  'betterOff.stays.workAllowance':
    'You can take home {amount} a month (your work allowance) before your Universal Credit goes down. After that, it goes down by {taper}p for each £1 more you take home.',
  'betterOff.stays.noWorkAllowance':
    'There is no work allowance, because no one in the household looks after a child or has limited capability for work. Universal Credit goes down by {taper}p for each £1 you take home.',
  'betterOff.stays.child': 'The child element of {amount} a month stays in your Universal Credit.',
  'betterOff.stays.housing': 'Help with rent of {amount} a month is part of your Universal Credit while you get any Universal Credit.',
  'betterOff.stays.childcare': 'Universal Credit pays back {amount} a month of your childcare costs while you work.',
  'betterOff.stays.noUc': 'There is no Universal Credit at these hours, even without work.',

  'betterOff.atw.title': 'What Access to Work could add',
  'betterOff.atw.lead':
    'Access to Work is a grant from the Department for Work and Pensions for the extra costs of working with a health condition or disability. It can pay for:',
  'betterOff.atw.supportWorker': 'a support worker or job coach, including a British Sign Language interpreter',
  'betterOff.atw.travel': 'travel to work when you cannot use public transport, such as taxi fares',
  'betterOff.atw.equipment': 'special equipment, and changes to equipment or the workplace',
  'betterOff.atw.mentalHealth': 'the Mental Health Support Service: 9 months of free support from a vocational rehabilitation consultant',
  'betterOff.atw.notIncome':
    'Access to Work is not income: it pays for the support, it is not added to your wages, and it does not lower your Universal Credit. It is not in the figures on this page.',
  'betterOff.atw.cap': 'A grant can be up to {cap} a year (from {from}).',
  'betterOff.atw.noCap': 'Grants have a yearly limit set by the Department for Work and Pensions.',
  'betterOff.atw.apply':
    'You can apply up to 12 weeks before a job starts. There is no minimum number of hours, but the job must pay at least the minimum wage.',
  'betterOff.atw.help':
    'Your employment specialist can help you work out what support to ask for and apply with you. Only Access to Work decides what it will pay for, when you apply.',

  'betterOff.esa.title': 'If you get Employment and Support Allowance',
  'betterOff.esa.lead':
    'While you get Employment and Support Allowance (ESA), you can do some paid work and keep your ESA. This is called permitted work. With the limits in force on {date}, permitted work is:',
  'betterOff.esa.higher': 'work of less than {hours} hours a week, earning up to {limit} a week',
  'betterOff.esa.lower': 'work of any number of hours, earning up to {limit} a week',
  'betterOff.esa.supported':
    'supported permitted work, of any number of hours, earning up to {limit} a week: work supervised by someone from a council, or from a charity or voluntary organisation that finds work for disabled people, or work done as part of hospital treatment',
  'betterOff.esa.earnings': 'At {hours} hours a week at {pay} an hour you would earn {weekly} a week before tax.',
  'betterOff.esa.within':
    'That is within permitted work: less than {maxHours} hours a week, and no more than {limit} a week. Your ESA could carry on alongside it. Tell the Department for Work and Pensions about the work before you start.',
  'betterOff.esa.withinLower':
    'That is within permitted work, because it is no more than {lower} a week, the limit for any number of hours. Your ESA could carry on alongside it. Tell the Department for Work and Pensions about the work before you start.',
  'betterOff.esa.overHours':
    'That is not permitted work, because it is {maxHours} hours a week or more. Permitted work earning up to {limit} a week is less than {maxHours} hours a week.',
  'betterOff.esa.overSupported': 'It could still be supported permitted work, if it is supervised as described above.',
  'betterOff.esa.overEarnings': 'That is not permitted work, because {weekly} a week is more than the limit of {limit} a week.',
  'betterOff.esa.overBoth':
    'That is not permitted work, because it is {maxHours} hours a week or more, and {weekly} a week is more than the limit of {limit} a week.',
  'betterOff.esa.above':
    'Above permitted work, your ESA would stop and you would claim Universal Credit instead. The figures on this page are what you would have with Universal Credit.',

  'betterOff.how.title': 'How this was worked out',
  'betterOff.how.pay': 'Pay before tax a month is hourly pay × hours a week × 52 ÷ 12.',
  'betterOff.how.tax':
    'Income Tax and National Insurance are worked out for England, Wales and Northern Ireland from the yearly allowances and thresholds divided by 12, for a steady monthly wage. A payslip can differ by a few pounds; Scottish Income Tax is not worked out.',
  'betterOff.how.uc': 'Universal Credit at {hours} hours a week, with the rates in force on {date}:',
  'betterOff.how.totals': 'The total adds take-home pay, Universal Credit, other income and a partner’s take-home pay.',
  'betterOff.how.esa':
    'For ESA permitted work, earnings a week are hourly pay × hours a week, before tax, to the penny. They are compared with the permitted work limits in force on {date}.',
  'betterOff.how.parameters': 'Rates and thresholds used',
  'betterOff.how.name': 'What',
  'betterOff.how.value': 'Amount',
  'betterOff.how.from': 'In force from',
  'betterOff.how.source': 'Source',
  'betterOff.how.confidence.V': 'checked against an official source',
  'betterOff.how.confidence.S': 'from a secondary source, still to be checked',
  'betterOff.how.confidence.D': 'worked out from the published rule',
  'betterOff.how.confidence.U': 'not yet confirmed',
  'betterOff.how.notModelled':
    'Not included: the carer and disabled child elements, deductions for other adults living with you, surplus earnings, the minimum income floor for self-employment, and transitional protection. The benefit cap is worked out as for a home outside Greater London.',

  'betterOff.pdf': 'Download a one-page summary (PDF)',
  'betterOff.pdfFull': 'Download with the full workings (PDF)',
  'betterOff.pdf.workings': 'Full workings',
  'betterOff.pdf.workingsLeftOut':
    'The chart, the figures at other hours, the answers this was worked out from, and how it was worked out are in the version with the full workings.',
  'betterOff.change': 'Change the answers',
  'betterOff.pdf.title': 'Better off in work',
  'betterOff.pdf.made': 'Worked out on {date}, with the rates in force on {rateDate}.',
  'betterOff.pdf.for': 'For {name}.',
  'betterOff.pdf.answers': 'Your answers',
  'betterOff.pdf.footer': 'Bridgework: an estimate to help you decide, not a decision about your benefits.',
  'betterOff.pdf.yes': 'Yes',
  'betterOff.pdf.no': 'No',
  'betterOff.pdf.notGiven': 'Not given',
  'betterOff.pdf.lcwraSince': 'LCWRA since {date}',
  'betterOff.pdf.lcwraProtected': 'LCWRA, terminally ill or severe conditions',
  'betterOff.pdf.children': '{count}, the eldest born on {date}',
  // The calculation's steps, worded from their codes and figures (the calculation's own English
  // sentences are for the API and the command line). Money, percentages and dates arrive formatted.
  'betterOff.reason.standard-allowance.single-under-25': 'A single claimant aged {age} (under 25) gets the standard allowance of {amount}.',
  'betterOff.reason.standard-allowance.single-25-plus': 'A single claimant aged {age} (25 or over) gets the standard allowance of {amount}.',
  'betterOff.reason.standard-allowance.joint-under-25': 'A couple both under 25 (aged {ages}) get the standard allowance of {amount}.',
  'betterOff.reason.standard-allowance.joint-25-plus': 'A couple with one or both aged 25 or over (aged {ages}) get the standard allowance of {amount}.',
  'betterOff.reason.lcwra.one-rate': 'Adult {adult} has LCWRA. Before {from} there is one LCWRA rate, so the LCWRA element of {amount} is included.',
  'betterOff.reason.lcwra.protected':
    'Adult {adult} has LCWRA, and is terminally ill, meets the severe conditions criteria, or has had LCWRA since before {from}, so the protected LCWRA element of {amount} is included.',
  'betterOff.reason.lcwra.new-claimant': 'Adult {adult} has had LCWRA only from {from}, so the LCWRA element for new claims, {amount}, is included.',
  'betterOff.reason.lcwra.couple-higher': 'Both partners have LCWRA ({amounts}), but a household gets one LCWRA element: the higher, {amount}.',
  'betterOff.reason.lcw.element-not-paid':
    'Adult {adult} has limited capability for work. The LCW element ({lcwElement}) is paid only on claims that began before 3 April 2017, so it is not included; LCW still gives the household a work allowance.',
  'betterOff.reason.child.higher-rate': 'Child {child} (born {birthDate}), the eldest and born before {born}, gets the higher child element of {amount}.',
  'betterOff.reason.child.lower-rate': 'Child {child} (born {birthDate}) gets the child element of {amount}.',
  'betterOff.reason.two-child-limit':
    'Child {child} (born {birthDate}) gets no child element: on this date the two-child limit pays for a third or later child only if born before {born}.',
  'betterOff.reason.child.no-limit': 'The two-child limit does not apply on this date, so all {children} children get a child element.',
  'betterOff.reason.childcare.included':
    '{rate} of childcare costs of {costs} is {share}, within the cap of {cap}, so the childcare costs element is {amount}.',
  'betterOff.reason.childcare.capped': '{rate} of childcare costs of {costs} is {share}, above the cap of {cap}, so the childcare costs element is {amount}.',
  'betterOff.reason.childcare.not-working':
    'Childcare costs of {costs} are not included: the childcare costs element needs everyone on the claim to be in paid work (a partner with limited capability for work, or caring for a disabled person, is excused), and adult {adult} has no earnings.',
  'betterOff.reason.childcare.no-children': 'Childcare costs of {costs} are not included: the childcare costs element is only for a household with a child.',
  'betterOff.reason.housing.included':
    'The rent that counts is {amount}. The rules that decide how much rent counts (such as the Local Housing Allowance) are not worked out here.',
  'betterOff.reason.maximum-amount': 'The maximum amount, all the elements added together, is {amount}.',
  'betterOff.reason.work-allowance.with-housing': 'The award includes help with rent, so the lower work allowance of {amount} applies.',
  'betterOff.reason.work-allowance.without-housing': 'The award includes no help with rent, so the higher work allowance of {amount} applies.',
  'betterOff.reason.work-allowance.none':
    'There is no work allowance: it is only for a household responsible for a child or with limited capability for work, so Universal Credit goes down from the first pound earned.',
  'betterOff.reason.taper':
    'Take-home pay of {earnings} less the work allowance of {workAllowance} leaves {excess}; {rate} of that, {deduction}, is taken off.',
  'betterOff.reason.taper.none': 'There are no earnings, so nothing is taken off for earnings.',
  'betterOff.reason.taper.within': 'Take-home pay of {earnings} is within the work allowance of {workAllowance}, so nothing is taken off for earnings.',
  'betterOff.reason.taper.all': 'With no work allowance, {rate} of all take-home pay of {earnings}, {deduction}, is taken off.',
  'betterOff.reason.unearned-income': 'Other income of {amount} is taken off pound for pound.',
  'betterOff.reason.capital.below-lower-limit': 'Savings of {capital} are not more than {lowerLimit}, so no income is assumed from them.',
  'betterOff.reason.capital.tariff':
    'Savings of {capital} are {above} above {lowerLimit}: {steps} steps of {step} or part of one, at {perStep} each, is an assumed income of {tariff}, taken off pound for pound.',
  'betterOff.reason.capital.over-limit': 'Savings of {capital} are over the limit of {upperLimit}, so there is no Universal Credit.',
  'betterOff.reason.award': 'The maximum amount of {maximumAmount} less {deductions} taken off leaves Universal Credit of {award} for the month.',
  'betterOff.reason.award.nil': 'The {deductions} taken off is at least the maximum amount of {maximumAmount}, so there is no Universal Credit.',
  'betterOff.reason.rates.latest-held':
    'No rates for after {ratesHeldUntil} are held yet, so these figures use the latest rates held; rates usually change each April.',
  'betterOff.reason.rounding': 'Money is worked out in whole pence; a percentage is rounded to the nearest penny, with a half penny rounded up.',
  // The reasons added with the completed Universal Credit model (carer, LCW, disabled children, housing, floor, cap).
  'betterOff.reason.lcw.element':
    'Adult {adult} has had limited capability for work since {lcwSince}, before 3 April 2017, so the LCW element of {amount} is included.',
  'betterOff.reason.lcw.carer-instead':
    'Adult {adult} has had limited capability for work since {lcwSince} and also cares for a severely disabled person: only the higher of the LCW element ({lcwElement}) and the carer element is included, so the carer element is.',
  'betterOff.reason.lcw.lcwra-instead':
    'Adult {adult} has limited capability for work, but the household already gets the LCWRA element, so the LCW element ({lcwElement}) is not included as well.',
  'betterOff.reason.lcw.couple-once': 'Adult {adult} also has limited capability for work, but a household gets one LCW element, already included.',
  'betterOff.reason.carer.element':
    'Adult {adult} cares at least 35 hours a week for a severely disabled person, so the carer element of {amount} is included.',
  'betterOff.reason.carer.lcwra-instead':
    'Adult {adult} cares for a severely disabled person but the LCWRA element is included for them, and only one may be, so the carer element ({carerElement}) is not.',
  'betterOff.reason.disabled-child.lower':
    'Child {child} (born {birthDate}) is disabled, so the lower disabled child addition of {amount} is included, whatever the two-child limit.',
  'betterOff.reason.disabled-child.higher':
    'Child {child} (born {birthDate}) is disabled, so the higher disabled child addition of {amount} is included, whatever the two-child limit.',
  'betterOff.reason.housing.non-dependants':
    '{count} other adults living with you × a housing cost contribution of {contribution} = {contributions} comes off the rent of {rent}, leaving help with rent of {amount}. No contribution is due for some people (for example anyone under 21, or if you get certain disability benefits): this is not checked here.',
  'betterOff.reason.mif.not-gainful':
    'Adult {adult} is self-employed but not in gainful self-employment, so no minimum income floor applies: actual earnings of {earnings} count.',
  'betterOff.reason.mif.start-up':
    'Adult {adult} is in the start-up period of self-employment until {startUpEnds}, so no minimum income floor applies: actual earnings of {earnings} count.',
  'betterOff.reason.mif.exempt':
    'Adult {adult} is self-employed, but has health or caring circumstances that mean no minimum income floor applies: actual earnings of {earnings} count.',
  'betterOff.reason.mif.lead-carer-unknown':
    'Adult {adult} is self-employed and the couple has a child under 3. The floor is not applied, but it would be if adult {adult} is not the child’s main carer, and Universal Credit would then be lower.',
  'betterOff.reason.mif.above-floor':
    'Adult {adult} is self-employed. The minimum income floor is {floor} ({hours} hours at {hourlyRate} an hour, less notional tax and National Insurance); actual earnings of {earnings} are not below it, so they count.',
  'betterOff.reason.mif.applied':
    'Adult {adult} is self-employed with earnings of {earnings}, below the minimum income floor of {floor} ({hours} hours at {hourlyRate} an hour, less notional tax and National Insurance), so earnings are treated as {floor}.',
  'betterOff.reason.benefit-cap.exempt-earnings':
    'Earnings of {earnings} are at least {hours} hours a week at {hourlyRate} an hour ({threshold} a month), so the benefit cap does not apply.',
  'betterOff.reason.benefit-cap.exempt-lcwra': 'Someone on the claim has LCWRA, so the benefit cap does not apply.',
  'betterOff.reason.benefit-cap.exempt-carer': 'Someone on the claim cares for a severely disabled person, so the benefit cap does not apply.',
  'betterOff.reason.benefit-cap.exempt-disability-benefit': 'Someone in the household gets a disability benefit, so the benefit cap does not apply.',
  'betterOff.reason.benefit-cap.within':
    'Universal Credit of {award} and Child Benefit of {childBenefit}, less childcare of {childcare}, come to {counted}: not above the benefit cap of {cap}, so the cap takes nothing off.',
  'betterOff.reason.benefit-cap.applied':
    'Universal Credit of {award} and Child Benefit of {childBenefit}, less childcare of {childcare}, come to {counted}: {reduction} above the benefit cap of {cap}, so {reduction} is taken off.',
  'betterOff.reason.income-tax.personal-allowance': 'The personal allowance is {personalAllowance} a year: pay up to it is not taxed.',
  'betterOff.reason.income-tax.personal-allowance-tapered':
    'A year’s pay of {annualPay} is above {taperThreshold}, so the personal allowance of {personalAllowance} goes down by £1 for every £2 above it, to {allowance}.',
  'betterOff.reason.income-tax.bands': 'Taxable pay of {taxableAnnual} a year pays Income Tax of {incomeTaxAnnual} a year, {incomeTax} a month.',
  'betterOff.reason.national-insurance': 'National Insurance is {nationalInsuranceAnnual} a year, {nationalInsurance} a month.',
  'betterOff.reason.take-home':
    'Pay before tax of {grossMonthly} less Income Tax of {incomeTax} and National Insurance of {nationalInsurance} leaves take-home pay of {netMonthly} a month.',
  'betterOff.reason.approximation': 'Tax and National Insurance are worked out on 12 times the monthly pay, then divided by 12. A payslip can differ slightly.',

  // The rates and thresholds, by the name of their policy parameter.
  'betterOff.parameter.uc-standard-allowance-single-under-25': 'Universal Credit standard allowance, single, under 25',
  'betterOff.parameter.uc-standard-allowance-single-25-plus': 'Universal Credit standard allowance, single, 25 or over',
  'betterOff.parameter.uc-standard-allowance-joint-both-under-25': 'Universal Credit standard allowance, couple, both under 25',
  'betterOff.parameter.uc-standard-allowance-joint-25-plus': 'Universal Credit standard allowance, couple, one or both 25 or over',
  'betterOff.parameter.uc-lcwra-element': 'LCWRA element (protected amount)',
  'betterOff.parameter.uc-lcwra-element-new-claimant': 'LCWRA element for new claims from 6 April 2026',
  'betterOff.parameter.uc-lcw-element': 'LCW element (claims from before 3 April 2017 only)',
  'betterOff.parameter.uc-child-element-first-child-higher': 'Child element, eldest child born before 6 April 2017',
  'betterOff.parameter.uc-child-element': 'Child element',
  'betterOff.parameter.uc-child-element-limit': 'Children born from 6 April 2017 who get a child element',
  'betterOff.parameter.uc-work-allowance-with-housing': 'Work allowance, with help with rent',
  'betterOff.parameter.uc-work-allowance-without-housing': 'Work allowance, without help with rent',
  'betterOff.parameter.uc-taper-rate': 'Universal Credit taper on take-home pay',
  'betterOff.parameter.uc-capital-lower-limit': 'Savings below which nothing is taken off',
  'betterOff.parameter.uc-capital-upper-limit': 'Savings limit for Universal Credit',
  'betterOff.parameter.uc-capital-tariff-step': 'Savings step for assumed income',
  'betterOff.parameter.uc-capital-tariff-amount': 'Assumed income for each savings step',
  'betterOff.parameter.uc-childcare-rate': 'Share of childcare costs paid',
  'betterOff.parameter.uc-childcare-cap-one-child': 'Most childcare paid, one child',
  'betterOff.parameter.uc-childcare-cap-two-or-more': 'Most childcare paid, two or more children',
  'betterOff.parameter.income-tax-personal-allowance': 'Income Tax personal allowance',
  'betterOff.parameter.income-tax-personal-allowance-taper-threshold': 'Income above which the personal allowance goes down',
  'betterOff.parameter.income-tax-basic-rate-band': 'Income Tax basic rate band',
  'betterOff.parameter.income-tax-basic-rate': 'Income Tax basic rate',
  'betterOff.parameter.income-tax-higher-rate': 'Income Tax higher rate',
  'betterOff.parameter.income-tax-additional-rate-threshold': 'Income Tax additional rate threshold',
  'betterOff.parameter.income-tax-additional-rate': 'Income Tax additional rate',
  'betterOff.parameter.national-insurance-primary-threshold': 'National Insurance primary threshold',
  'betterOff.parameter.national-insurance-upper-earnings-limit': 'National Insurance upper earnings limit',
  'betterOff.parameter.national-insurance-main-rate': 'National Insurance main rate',
  'betterOff.parameter.national-insurance-upper-rate': 'National Insurance rate above the upper earnings limit',
  'betterOff.parameter.national-living-wage': 'National Living Wage, aged 21 and over',
  'betterOff.parameter.access-to-work-annual-cap': 'Access to Work yearly limit',
  'betterOff.parameter.esa-permitted-work-higher-limit': 'ESA permitted work higher limit (less than 16 hours a week)',
  'betterOff.parameter.esa-permitted-work-lower-limit': 'ESA permitted work lower limit (any hours)',
  'betterOff.parameter.uc-carer-element': 'Carer element',
  'betterOff.parameter.uc-disabled-child-addition-lower': 'Disabled child addition, lower rate',
  'betterOff.parameter.uc-disabled-child-addition-higher': 'Disabled child addition, higher rate',
  'betterOff.parameter.uc-housing-cost-contribution': 'Housing cost contribution for each other adult living with you',
  'betterOff.parameter.uc-benefit-cap-london-couple-or-children': 'Benefit cap, Greater London, couple or with children',
  'betterOff.parameter.uc-benefit-cap-london-single': 'Benefit cap, Greater London, single with no children',
  'betterOff.parameter.uc-benefit-cap-outside-london-couple-or-children': 'Benefit cap, outside Greater London, couple or with children',
  'betterOff.parameter.uc-benefit-cap-outside-london-single': 'Benefit cap, outside Greater London, single with no children',
  'betterOff.parameter.uc-benefit-cap-earnings-hours': 'Hours a week at the National Living Wage that lift the benefit cap',
  'betterOff.parameter.uc-expected-hours': 'Expected hours of work a week (minimum income floor)',
  'betterOff.parameter.national-minimum-wage-18-20': 'National Minimum Wage, aged 18 to 20',
  'betterOff.parameter.national-minimum-wage-16-17': 'National Minimum Wage, aged 16 and 17',
  'betterOff.parameter.child-benefit-eldest': 'Child Benefit, eldest or only child',
  'betterOff.parameter.child-benefit-other': 'Child Benefit, each other child',
  'betterOff.unit.month': '{amount} a month',
  'betterOff.unit.year': '{amount} a year',
  'betterOff.unit.hour': '{amount} an hour',
  'betterOff.unit.week': '{amount} a week',
  'betterOff.unit.children': '{count} children',
  'betterOff.unit.hoursPerWeek': '{count} hours a week',
} as const;
