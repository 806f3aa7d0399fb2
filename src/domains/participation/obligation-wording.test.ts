import { describe, expect, test } from 'vitest';
import { findObligationWording } from './obligation-wording.ts';

describe('obligation wording in English', () => {
  test.each([
    ['You must attend this appointment.', ['must attend']],
    ['You are required to attend on Monday.', ['required to attend']],
    ['You have to attend every week.', ['You have to attend']],
    ['Attendance is MANDATORY.', ['MANDATORY']],
    ['This course is compulsory.', ['compulsory']],
    ['You may be sanctioned.', ['sanctioned']],
    ['A sanction may follow.', ['sanction']],
    ['Sanctions apply to missed appointments.', ['Sanctions']],
    ['Failure to attend will be reported.', ['Failure to attend']],
    ['If you fail to attend, we will tell your work coach.', ['fail to attend']],
    ['Tell us if you have a good reason for missing it.', ['good reason for missing']],
    ['This is part of your claimant commitment.', ['claimant commitment']],
    ['We will report non-compliance to the Jobcentre.', ['compliance']],
    ['Your benefits may be stopped.', ['Your benefits may be stopped']],
    ['Your benefit will be reduced.', ['Your benefit will be reduced']],
    ['your benefits\nwill be cut', ['your benefits\nwill be cut']],
    [
      'You must attend. If you fail to attend, your benefits may be stopped and a sanction applied. You must attend!',
      ['must attend', 'fail to attend', 'your benefits may be stopped', 'sanction'],
    ],
  ])('%j → %j', (text, expected) => {
    expect(findObligationWording(text)).toEqual(expected);
  });

  test.each([
    'Leaving has no effect on your benefits.',
    'You will not lose any benefits by leaving.',
    'You can leave at any time without penalty.',
    'You do not have to attend. Come if it helps you.',
    'You are not required to attend.',
    'You aren’t required to attend.',
    'Your benefits will not be reduced.',
    'Taking part is your choice.',
    'You can ask for a mandatory reconsideration of a benefit decision.',
    'The sanctuary garden is open on Tuesdays.',
    'We comply with data protection law when we complain about nothing.',
    'Your appointment is at 10am. Tell us if you need to rearrange it.',
  ])('%j has none', (text) => {
    expect(findObligationWording(text)).toEqual([]);
  });
});

describe('obligation wording in Welsh', () => {
  test.each([
    ['Rhaid i chi fynychu’r apwyntiad.', ['Rhaid i chi fynychu']],
    ["Mae'n rhaid i chi ddod bob wythnos.", ['rhaid i chi ddod']],
    ['Mae’r cwrs yn orfodol.', ['orfodol']],
    ['Cwrs gorfodol', ['gorfodol']],
    ['Efallai y cewch gosb.', ['gosb']],
    ['Gallwn eich cosbi.', ['cosbi']],
    ['Mae cosbau yn berthnasol.', ['cosbau']],
    ['Gall sancsiwn gael ei osod.', ['sancsiwn']],
    ['Mae hyn yn rhan o’ch ymrwymiad hawlydd.', ['ymrwymiad hawlydd']],
    ['Mae angen i chi gydymffurfio.', ['gydymffurfio']],
    ['Diffyg cydymffurfiaeth', ['cydymffurfiaeth']],
    ['Gallai eich budd-daliadau gael eu lleihau.', ['eich budd-daliadau gael eu lleihau']],
    ['Gall eich budd-dal gael ei atal.', ['eich budd-dal gael ei atal']],
    ['Bydd eich budd-daliadau yn cael eu hatal.', ['eich budd-daliadau yn cael eu hatal']],
  ])('%j → %j', (text, expected) => {
    expect(findObligationWording(text)).toEqual(expected);
  });

  test.each([
    'Ni fydd gadael yn effeithio ar eich budd-daliadau.',
    'Gallwch adael ar unrhyw adeg heb effaith ar eich budd-daliadau.',
    'Ni fydd eich budd-daliadau yn cael eu lleihau.',
    'Fydd eich budd-daliadau ddim yn cael eu lleihau.',
    'Does dim rhaid i chi ddod.',
    'Nid oes rhaid i chi fynychu.',
    'Eich dewis chi yw cymryd rhan.',
    'Gallwch ofyn am ailystyriaeth orfodol.',
    'Mae eich apwyntiad am 10yb.',
  ])('%j has none', (text) => {
    expect(findObligationWording(text)).toEqual([]);
  });
});

test('single words are flagged even when negated: a voluntary letter speaks of choice, not of an absent penalty', () => {
  expect(findObligationWording('There are no sanctions.')).toEqual(['sanctions']);
  expect(findObligationWording('Taking part is not compulsory.')).toEqual(['compulsory']);
  expect(findObligationWording('Gallwch adael heb gosb.')).toEqual(['gosb']);
  expect(findObligationWording('Nid yw’n orfodol.')).toEqual(['orfodol']);
});

test('each phrase is given once, as first written, in the order found', () => {
  expect(findObligationWording('Sanction. sanction. Mandatory and a SANCTION')).toEqual(['Sanction', 'Mandatory']);
});
