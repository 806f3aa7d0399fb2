import type { FastifyInstance } from 'fastify';
import { defineMessages } from '../../../platform/i18n/index.ts';
import type { ParticipantService } from '../participant-service.ts';

export const participantMessages = defineMessages({ 'participant.title': 'Your support' }, { 'participant.title': 'Eich cymorth' });

export function registerParticipantPages(_app: FastifyInstance, _deps: { participants: ParticipantService; secure: boolean }): void {}
