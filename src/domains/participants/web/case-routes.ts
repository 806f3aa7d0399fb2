import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../platform/clock/index.ts';
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { CaseService } from '../case-service.ts';

export const caseloadMessages = defineMessages(
  { 'caseload.title': 'Your caseload', 'caseload.team.title': 'Team caseloads', 'caseload.reviews.title': 'Break-glass reviews' },
  { 'caseload.title': 'Eich llwyth achosion', 'caseload.team.title': 'Llwythi achosion y tîm', 'caseload.reviews.title': 'Adolygiadau torri’r gwydr' },
);

export function registerCasePages(_app: FastifyInstance, _deps: { cases: CaseService; clock: Clock }): void {}
