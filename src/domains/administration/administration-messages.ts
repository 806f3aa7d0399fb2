import { defineMessages } from '../../platform/i18n/index.ts';

export const administrationMessages = defineMessages(
  {
    'administration.outbox.link': 'Messages waiting to be sent',
    'administration.audit.link': 'Audit log',
    'administration.national.link': 'Areas using Bridgework',
  },
  {
    'administration.outbox.link': 'Negeseuon sy’n aros i gael eu hanfon',
    'administration.audit.link': 'Log archwilio',
    'administration.national.link': 'Ardaloedd sy’n defnyddio Bridgework',
  },
);
