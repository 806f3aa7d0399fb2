import type { organisationEn } from './organisation-messages-en.ts';

/** Cymraeg. The type makes a missing or extra key a compile error. */
export const organisationCy: Record<keyof typeof organisationEn, string> = {
  'organisations.title': 'Sefydliadau',
  'organisations.lead': 'Y sefydliadau sy’n cydweithio yn ardal eich awdurdod lleol.',
  'organisations.add': 'Ychwanegu sefydliad',
  'organisations.none': 'Nid oes unrhyw sefydliadau eto.',
  'organisations.name': 'Enw',
  'organisations.kind': 'Math',
  'organisations.added': 'Ychwanegwyd',
  'organisations.new.title': 'Ychwanegu sefydliad',
  'organisations.new.name': 'Enw’r sefydliad',
  'organisations.new.kind': 'Pa fath o sefydliad ydyw?',
  'organisations.new.submit': 'Ychwanegu sefydliad',
  'organisations.created': 'Mae {name} wedi cael ei ychwanegu.',
  'organisations.kind.health-service': 'Gwasanaeth iechyd',
  'organisations.kind.employment-provider': 'Darparwr cymorth cyflogaeth',
  'organisations.kind.jobcentre': 'Canolfan Byd Gwaith',
  'organisations.kind.employer': 'Cyflogwr',
  'organisations.kind.council': 'Cyngor',
  'organisations.error.name': 'Rhowch enw’r sefydliad',
  'organisations.error.nameLength': 'Rhaid i’r enw fod yn 200 nod neu lai',
  'organisations.error.nameTaken': 'Mae sefydliad gyda’r enw hwn yn bodoli eisoes',
  'organisations.error.kind': 'Dewiswch y math o sefydliad',
  'organisations.error.id': 'Rhaid i ddynodydd y sefydliad fod yn UUID',
};
