/** English: the source language. Every key here must have a Welsh message in guarantee-messages-cy.ts. */
export const guaranteeEn = {
  'guarantee.public.link': 'Check a bridge-back guarantee',
  'guarantee.public.description': 'For DWP staff, advisers and the person: check that a guarantee is real, using the code on its certificate.',
  // Words shared by every page, letter and PDF.
  'guarantee.benefit.uc-lcw': 'Universal Credit with limited capability for work (LCW)',
  'guarantee.benefit.uc-lcwra': 'Universal Credit with limited capability for work and work-related activity (LCWRA)',
  'guarantee.benefit.esa-new-style': 'New Style Employment and Support Allowance (ESA)',
  'guarantee.benefit.esa-income-related': 'Income-related Employment and Support Allowance (ESA)',
  'guarantee.benefitShort.uc-lcw': 'Universal Credit',
  'guarantee.benefitShort.uc-lcwra': 'Universal Credit',
  'guarantee.benefitShort.esa-new-style': 'New Style ESA',
  'guarantee.benefitShort.esa-income-related': 'income-related ESA',
  'guarantee.benefitShort.uc-or-new-style-esa': 'Universal Credit (or New Style ESA, if your National Insurance contributions allow)',
  'guarantee.determination.uc-lcw': 'limited capability for work (LCW)',
  'guarantee.determination.uc-lcwra': 'limited capability for work and work-related activity (LCWRA)',
  'guarantee.determination.esa-new-style': 'limited capability for work',
  'guarantee.determination.esa-income-related': 'limited capability for work',
  'guarantee.group.wrag': 'Work-related activity group',
  'guarantee.group.support-group': 'Support group',
  'guarantee.evidence.award-letter': 'Award letter',
  'guarantee.evidence.uc-journal': 'Universal Credit journal',
  'guarantee.evidence.esa-decision-letter': 'ESA decision letter',
  'guarantee.evidence.wca-decision': 'Work Capability Assessment decision',
  'guarantee.evidence.other': 'Something else',
  'guarantee.status.active': 'Active',
  'guarantee.status.used': 'Used',
  'guarantee.status.expired': 'Expired',
  'guarantee.status.withdrawn': 'Withdrawn',
  'guarantee.withdrawReason.recorded-in-error': 'Recorded in error',
  'guarantee.withdrawReason.person-asked': 'The person asked for it to be withdrawn',
  'guarantee.rule.uc-reclaim.name': 'Universal Credit {months}-month rule',
  'guarantee.rule.uc-reclaim.plain':
    'If Universal Credit stopped because earnings were too high and a new award starts within {months} months, the earlier limited capability for work outcome (LCW or LCWRA) carries over, with no new 3-month waiting period. DWP can still carry out a new Work Capability Assessment if the person’s condition changes.',
  'guarantee.rule.uc-reclaim.source': 'Universal Credit Regulations 2013, regulation 28(3) and (4)(b); regulation 41 for when DWP may assess again',
  'guarantee.rule.esa-linking.name': 'ESA {weeks}-week linking rule',
  'guarantee.rule.esa-linking.plain':
    'A new claim for ESA within {weeks} weeks links to the earlier period of limited capability for work, so the earlier decision carries on if nothing else has changed. It is the only ESA linking rule in force.',
  'guarantee.rule.esa-linking.source':
    'Employment and Support Allowance Regulations 2013, regulation 86 (New Style ESA); ESA Regulations 2008, regulation 145(1)',
  'guarantee.rule.esa-work-or-training.name': 'An ESA linking term revoked on 1 May 2012',
  'guarantee.rule.esa-work-or-training.plain':
    'An earlier version of this guarantee relied on a longer ESA linking term. That term was revoked on 1 May 2012 and is not law, so it protects nothing: Bridgework has re-stated the guarantee without it.',
  'guarantee.rule.esa-work-or-training.source': 'Revoked by the Employment and Support Allowance (Amendment of Linking Rules) Regulations 2012 (SI 2012/919)',
  'guarantee.rule.platform-protected-period.name': 'Bridgework’s no-reassessment promise ({months} months)',
  'guarantee.rule.platform-protected-period.plain':
    'For {months} months after starting work, Bridgework supports a return to the benefit without a new assessment because of the work. This is Bridgework’s commitment and DWP’s stated policy (the “Right to Try”), not a right in law: the regulations that put it into law had not been confirmed in force when this was written.',
  'guarantee.rule.platform-protected-period.source':
    'Bridgework platform policy, following the Social Security Advisory Committee’s letter of 12 February 2026 on the Right to Try, which DWP accepted',
  'guarantee.rule.until': 'to {date}',
  'guarantee.evidenceAssumed':
    'Bridgework takes the award as current from its decision date, the earliest evidence it holds, and the job as the reason the benefit stopped.',
  'guarantee.reassess':
    'DWP can still carry out a new assessment if the person’s condition changes (Universal Credit Regulations 2013, regulation 41). Only a rule whose source is legislation is law; Bridgework’s own promise is a commitment, not a right in law.',
  'guarantee.restated':
    'Corrected on {date}: this guarantee said protected until {from}, relying on an ESA linking rule revoked on 1 May 2012 (SI 2012/919), which is not law. It is re-stated under the rules in force.',
  'guarantee.irEsa.ended':
    'Income-related ESA ended for remaining awards on {date} (SI 2026/409, article 3A). If the job ends, the return is a claim for Universal Credit, or for New Style ESA where the person’s National Insurance contributions allow, not for income-related ESA.',
  'guarantee.irEsa.ends':
    'Remaining income-related ESA awards end from {date} (SI 2026/409, article 3A). If the job ends before then, the return is to income-related ESA; on or after {date}, it is a claim for Universal Credit, or for New Style ESA where the person’s National Insurance contributions allow.',

  // The benefits page on a case.
  'guarantee.benefits.title': 'Benefits and bridge-back guarantee',
  'guarantee.benefits.lead':
    'When a person who had a health-related benefit starts a job, Bridgework gives them a bridge-back guarantee: if the job ends within the protected period, Bridgework supports their return to that benefit, under rules the certificate names as law or as Bridgework’s own promise.',
  'guarantee.benefits.betterOff': 'Better off in work: what the person would get in work',
  'guarantee.benefits.readOnly': 'You can see this page, but only the team working this case can change it.',
  'guarantee.caseLink': 'Benefits and bridge-back guarantee: the benefit before work, certificates and return-to-benefit packs',
  'guarantee.award.heading': 'Benefit before work',
  'guarantee.award.none':
    'No benefit has been recorded yet. Record the one the person had before work, as their award letter or journal shows it, so that a job start gives them a guarantee.',
  'guarantee.award.record': 'Record the benefit',
  'guarantee.award.change': 'Update the benefit',
  'guarantee.award.benefit': 'Benefit',
  'guarantee.award.group': 'ESA group',
  'guarantee.award.decisionDate': 'Decision date',
  'guarantee.award.evidence': 'Evidence seen',
  'guarantee.award.note': 'About the evidence',
  'guarantee.award.recorded': 'Recorded',
  'guarantee.award.recordedValue': '{when} by {name}',
  'guarantee.award.history': 'Earlier records',
  'guarantee.award.formTitle': 'The benefit the person had before work',
  'guarantee.award.formLead': 'Record what the evidence shows. A correction is saved as a new record; the earlier one stays in the history.',
  'guarantee.award.benefitQuestion': 'Which benefit did they have?',
  'guarantee.award.groupQuestion': 'Which ESA group were they in?',
  'guarantee.award.groupHint': 'Only for ESA: for Universal Credit this answer is not used.',
  'guarantee.award.decisionQuestion': 'When was the decision made?',
  'guarantee.award.decisionHint': 'The date on the decision or award letter, for example 27 3 2026',
  'guarantee.award.evidenceQuestion': 'What evidence have you seen?',
  'guarantee.award.evidenceHint': 'Select all that apply.',
  'guarantee.award.noteLabel': 'About the evidence (optional)',
  'guarantee.award.noteHint': 'Such as the date of the letter. Do not write about the person’s health here.',
  'guarantee.award.save': 'Save the benefit',
  'guarantee.list.heading': 'Guarantees',
  'guarantee.list.none': 'No guarantee yet. One is made when a job start is recorded for a person with a health-related benefit.',
  'guarantee.list.title': 'Guarantee for {role} at {employer}',
  'guarantee.field.status': 'Status',
  'guarantee.field.job': 'Job',
  'guarantee.field.from': 'Protected from',
  'guarantee.field.until': 'Protected until',
  'guarantee.field.daysLeft': 'Time left',
  'guarantee.field.rule': 'Protected by',
  'guarantee.field.otherRules': 'Other rules',
  'guarantee.field.code': 'Verification code',
  'guarantee.field.jobStarted': 'Job started',
  'guarantee.field.jobEnded': 'Job ended',
  'guarantee.field.withdrawn': 'Withdrawn',
  'guarantee.field.name': 'Name',
  'guarantee.field.reminded': 'Reminder sent',
  'guarantee.field.withdrawnOn': 'Date withdrawn',
  'guarantee.days.left': '{days} days left',
  'guarantee.days.one': '1 day left',
  'guarantee.days.last': 'Last day today',
  'guarantee.days.ended': 'Ended',
  'guarantee.returnPackReady': 'The job ended within the protected period. Give the person the return-to-benefit pack: a letter for DWP and a checklist.',
  'guarantee.withdraw': 'Withdraw this guarantee',
  'guarantee.create.heading': 'A job without a guarantee',
  'guarantee.create.lead':
    'The benefit was recorded after this job started. The job is still going and inside the protected period, so the person can have their guarantee now.',
  'guarantee.create.button': 'Create the guarantee for this job',
  'guarantee.withdraw.title': 'Withdraw the guarantee',
  'guarantee.withdraw.lead': 'A withdrawn guarantee can no longer be used or checked as valid. The person is told.',
  'guarantee.withdraw.reason': 'Why is it being withdrawn?',
  'guarantee.withdraw.note': 'More about why (optional)',
  'guarantee.withdraw.button': 'Withdraw the guarantee',
  'guarantee.certificate.en': 'Certificate in English (PDF)',
  'guarantee.certificate.cy': 'Certificate in Welsh (PDF)',
  'guarantee.returnPack.en': 'Return-to-benefit pack in English (PDF)',
  'guarantee.returnPack.cy': 'Return-to-benefit pack in Welsh (PDF)',
  'guarantee.done.award': 'The benefit has been saved.',
  'guarantee.done.created': 'The guarantee has been created. The person has been told their certificate is ready.',
  'guarantee.done.withdrawn': 'The guarantee has been withdrawn.',

  // Errors (pages show them beside the field; machines get them in English).
  'guarantee.error.benefit': 'Select the benefit the person had',
  'guarantee.error.group': 'Select the ESA group',
  'guarantee.error.decisionDate': 'Enter a real decision date, for example 27 3 2026',
  'guarantee.error.decisionFuture': 'The decision date must be today or in the past',
  'guarantee.error.evidence': 'Select the evidence you have seen',
  'guarantee.error.evidenceNote': 'Say what the other evidence was',
  'guarantee.error.tooLong': 'The answer is too long',
  'guarantee.error.withdrawReason': 'Select why the guarantee is being withdrawn',
  'guarantee.error.job': 'Select a current job on this case',
  'guarantee.error.noAward': 'Record the benefit the person had before work first',
  'guarantee.error.jobEnded': 'The job has ended, so a guarantee can no longer be made for it',
  'guarantee.error.periodOver': 'The protected period for this job has already passed',
  'guarantee.error.exists': 'This job already has a guarantee',
  'guarantee.error.code': 'Enter the verification code, for example BW-7K3M-Q9PX-2D4R',

  // The dashboard of active guarantees.
  'guarantee.dashboard.title': 'Active bridge-back guarantees',
  'guarantee.dashboard.lead':
    'The guarantees on your cases and your teams’ cases, the soonest to end first. The person and their specialist are reminded {days} days before the end.',
  'guarantee.dashboard.caption': 'Active guarantees, soonest to end first',
  'guarantee.dashboard.empty': 'There are no active guarantees on your cases.',
  'guarantee.col.person': 'Person',
  'guarantee.col.job': 'Job',
  'guarantee.col.until': 'Protected until',
  'guarantee.col.left': 'Time left',
  'guarantee.col.rule': 'Protected by',
  'guarantee.col.specialist': 'Specialist',

  // The public check.
  'guarantee.check.title': 'Check a bridge-back guarantee',
  'guarantee.check.lead':
    'Enter the verification code from a Bridgework bridge-back guarantee certificate or return-to-benefit letter. You will see whether the guarantee is valid and its dates, and nothing about the person.',
  'guarantee.check.label': 'Verification code',
  'guarantee.check.hint': 'For example, BW-7K3M-Q9PX-2D4R. Capital letters, spaces and dashes do not matter.',
  'guarantee.check.button': 'Check the code',
  'guarantee.check.valid': 'This guarantee is valid',
  'guarantee.check.notValid': 'This guarantee is not valid',
  'guarantee.check.validFrom': 'Valid from',
  'guarantee.check.validUntil': 'Valid until',
  'guarantee.check.explain.active':
    'The guarantee is in force. Within these dates the rules named on the person’s certificate protect a return to the benefit they had; the certificate says which are law and which is Bridgework’s own promise. DWP can still assess the person again if their condition changes.',
  'guarantee.check.explain.startsLater':
    'The guarantee is not in force yet: it starts on {date}, the day the person’s job starts. From then, and until the date it is valid until, the rules named on the person’s certificate protect a return to the benefit they had.',
  'guarantee.check.explain.used':
    'The job ended within these dates and the guarantee has been used for a return to benefit. The letter that came with it still applies.',
  'guarantee.check.explain.expired': 'The protected period has passed.',
  'guarantee.check.explain.withdrawn': 'The guarantee was withdrawn by the service that issued it.',
  'guarantee.check.explain.usedAfter':
    'The guarantee was corrected after the job ended: the job ended after the corrected protected period, so it no longer covers the return to benefit. DWP decides the claim.',
  'guarantee.check.unknown': 'No guarantee matches that code',
  'guarantee.check.unknownBody': 'Check the code and try again. If it still does not match, ask the person to contact their employment specialist.',
  'guarantee.check.again': 'Check another code',

  // The person's own page.
  'guarantee.mine.title': 'Your bridge-back guarantee',
  'guarantee.mine.link': 'Your bridge-back guarantee',
  'guarantee.mine.what':
    'You had a health-related benefit when you started work. If the job ends by the date below, Bridgework will support you to go back to that benefit. Your certificate shows the rules, which are law and which is Bridgework’s own promise, and a code anyone can check. DWP can still assess you again if your condition changes.',
  'guarantee.mine.ifEnds': 'If the job ends, or might end, tell your employment specialist. They will give you a letter for DWP and a checklist of what to do.',
  'guarantee.mine.none':
    'You do not have a bridge-back guarantee. Your employment specialist records one when you start a job, if you had a health-related benefit before.',
  'guarantee.mine.returnPackReady': 'Your job ended within the protected period. Download your letter for DWP and your checklist.',
  'guarantee.mine.back': 'Back to your plan',

  // The person's copy of everything Bridgework holds about them (sections of their PDF download).
  'guarantee.export.awards': 'Your benefit before work',
  'guarantee.export.guarantees': 'Your bridge-back guarantees',

  // The certificate (PDF).
  'guarantee.pdf.certificate.title': 'Bridge-back guarantee certificate',
  'guarantee.pdf.certificate.intro':
    '{name} had a health-related benefit when they started work. If the job ends by {until}, Bridgework will support them to go back to that benefit, under the rules below, which say what is law and what is Bridgework’s own promise.',
  'guarantee.pdf.issued': 'Issued on {date} by {team}, {council}.',
  'guarantee.pdf.award': 'The benefit before work',
  'guarantee.pdf.job': 'The job',
  'guarantee.pdf.period': 'The protected period',
  'guarantee.pdf.rules': 'The rules that protect the return to benefit',
  'guarantee.pdf.ruleSource': 'Source: {source}',
  'guarantee.pdf.honesty':
    'A rule whose source is legislation is the law. Bridgework’s own promise is its support commitment and DWP’s stated policy: it is not a right in law while the regulations are not in force.',
  'guarantee.pdf.check': 'Check this certificate',
  'guarantee.pdf.checkHow': 'Anyone can check this certificate at {url} with the code {code}. They will see only whether it is valid and its dates.',
  'guarantee.pdf.footer': 'Bridgework bridge-back guarantee. Verification code {code}.',

  // The return-to-benefit pack (PDF).
  'guarantee.pdf.pack.title': 'Return to benefit: letter for DWP and checklist',
  'guarantee.pdf.pack.letterHeading': 'Letter for the Department for Work and Pensions',
  'guarantee.pdf.pack.to': 'To the Department for Work and Pensions',
  'guarantee.pdf.pack.about': 'About: {name}, born {dateOfBirth}, of {address}',
  'guarantee.pdf.pack.opening':
    'We are the employment support service working with {name}. We write to support their return to benefit after a job that has ended.',
  'guarantee.pdf.pack.prior': 'Before starting work, {name} was getting {benefit}. The decision was made on {decisionDate}. We saw: {evidence}.',
  'guarantee.pdf.pack.dates': 'They started work as {role} at {employer} on {start}. The job ended on {end}, within the protected period that runs to {until}.',
  'guarantee.pdf.pack.datesAfter':
    'They started work as {role} at {employer} on {start}. The job ended on {end}, after the protected period, which ran to {until} once corrected.',
  'guarantee.pdf.pack.noRule':
    'No rule in law protected the return on that day, and Bridgework’s own promise had ended. We ask that the claim is considered on its merits, and we will support {name} through it.',
  'guarantee.pdf.pack.rules': 'These rules apply to this return:',
  'guarantee.pdf.pack.reassess':
    'DWP may still carry out a new assessment if {name}’s condition has changed (Universal Credit Regulations 2013, regulation 41). Where a reason above is Bridgework’s own promise, it is not a right in law.',
  'guarantee.pdf.pack.irEsa':
    'Remaining income-related ESA awards ended from {date} (SI 2026/409, article 3A), so this return is a claim for Universal Credit, or for New Style ESA where {name}’s National Insurance contributions allow. DWP decides whether the earlier limited capability for work decision carries over to that claim.',
  'guarantee.pdf.pack.rule.uc-reclaim':
    'Universal Credit: a new award within {months} months of one that ended because earnings were too high keeps the earlier {determination} outcome, with no new waiting period (Universal Credit Regulations 2013, regulation 28(3) and (4)(b)). A new Work Capability Assessment is for a relevant change of condition (regulation 41).',
  'guarantee.pdf.pack.rule.esa-linking':
    'ESA: periods of limited capability for work separated by no more than {weeks} weeks are linked, so the earlier decision carries on (ESA Regulations 2013, regulation 86; ESA Regulations 2008, regulation 145(1)).',
  'guarantee.pdf.pack.rule.platform-protected-period':
    'DWP’s stated policy, the Right to Try, is that trying work does not by itself lead to a reassessment; the Social Security Advisory Committee recommended a protected period of at least 6 months, which DWP accepted. Bridgework supports this as its own commitment; it is not a right in law while the regulations are not in force.',
  'guarantee.pdf.pack.ask': 'We ask that the claim is dealt with on this basis, and that no new assessment is arranged because of this period of work.',
  'guarantee.pdf.pack.verify': 'You can check this guarantee at {url} with the verification code {code}.',
  'guarantee.pdf.pack.signOff': 'Yours faithfully,',
  'guarantee.pdf.pack.signature': '{specialist}, employment specialist, {team}',
  'guarantee.pdf.pack.checklistHeading': 'Your checklist',
  'guarantee.pdf.pack.check.claim': 'Claim {benefit} again as soon as you can, and by {until}.',
  'guarantee.pdf.pack.check.say': 'When you claim, say you had this benefit before and that your job ended on {end}.',
  'guarantee.pdf.pack.check.bring': 'Have ready: this letter, your award or decision letter, your last payslip, and your P45 when your employer sends it.',
  'guarantee.pdf.pack.check.code': 'Give DWP your verification code {code}. They can check it at {url}.',
  'guarantee.pdf.pack.check.tell': 'Tell your employment specialist, {specialist}, that you have claimed, and if anything changes.',
  'guarantee.pdf.pack.check.assessment': 'If DWP asks you to have a new assessment, contact your employment specialist straight away: we will help you.',
  'guarantee.pdf.pack.footer': 'Bridgework return-to-benefit letter. Verification code {code}.',

  // Emails.
  'guarantee.notify.greeting': 'Hello {name},',
  'guarantee.notify.created.subject': 'Your bridge-back guarantee certificate is ready',
  'guarantee.notify.created.body':
    'You had {benefit} when you started work. If the job ends by {until}, Bridgework will support you to go back to that benefit. Your certificate says which rules are law and which is Bridgework’s own promise. DWP can still assess you again if your condition changes.',
  'guarantee.notify.created.link': 'Sign in to download your certificate: {url}',
  'guarantee.notify.code': 'Your verification code is {code}. Anyone can check it at {check}.',
  'guarantee.notify.reminder.subject': 'Your bridge-back guarantee ends on {until}',
  'guarantee.notify.reminder.body':
    'Your bridge-back guarantee ends on {until}. Until then, if your job ends, Bridgework will support you to go back to {benefit}, under the rules on your certificate. If you are worried about your job, talk to your employment specialist.',
  'guarantee.notify.used.subject': 'Your return-to-benefit letter is ready',
  'guarantee.notify.used.body': 'Your job ended within the protected period. Your letter for DWP and a checklist of what to do are ready.',
  'guarantee.notify.used.link': 'Sign in to download them: {url}',
  'guarantee.notify.withdrawn.subject': 'Your bridge-back guarantee has been withdrawn',
  'guarantee.notify.withdrawn.body':
    'Your bridge-back guarantee for your job has been withdrawn. If you did not expect this, talk to your employment specialist.',
  'guarantee.notify.restated.subject': 'Your bridge-back guarantee has been corrected',
  'guarantee.notify.restated.why':
    'Your bridge-back guarantee said you were protected until {from}. That date came from an ESA linking rule that was revoked on 1 May 2012 and is not law, so it should not have been used. We have corrected your guarantee under the rules in force.',
  'guarantee.notify.restated.active': 'Your guarantee now runs until {until}. Your corrected certificate is ready.',
  'guarantee.notify.restated.lapsed':
    'Under the rules in force, its protected period ended on {until}. If your job is at risk or ends, talk to your employment specialist straight away: they will help you claim.',
  'guarantee.notify.restated.usedCovered':
    'Your job ended on {end}, within the corrected period, which runs until {until}. Your letter for DWP has been corrected: please use the new one.',
  'guarantee.notify.restated.usedAfter':
    'Your job ended on {end}, after the corrected period, which ended on {until}. Your letter for DWP no longer gives that rule as a reason; DWP will decide your claim. Talk to your employment specialist, who will help you.',
  'guarantee.notify.restated.sorry': 'We are sorry for the mistake. If you have any questions, talk to your employment specialist.',
  'guarantee.notify.staffRestated.subject': 'A bridge-back guarantee on one of your cases has been corrected',
  'guarantee.notify.staffRestated.body':
    'A bridge-back guarantee on one of your cases relied on an ESA linking rule revoked on 1 May 2012, which is not law. It has been re-stated under the rules in force: it said protected until {from}, and now says {until}. The person has been told, in their language. Please talk to them about what it means for them.',
  'guarantee.notify.staffReminder.subject': 'A bridge-back guarantee ends on {until}',
  'guarantee.notify.staffReminder.body': 'A bridge-back guarantee on one of your cases ends on {until}. Check in with the person about how work is going.',
  'guarantee.notify.staffLink': 'See it here: {url}',
} as const;
