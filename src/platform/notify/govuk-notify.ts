import { NotifyClient } from 'notifications-node-client';
import type { Notifier, OutboundMessage } from './notifier.ts';

/**
 * GOV.UK Notify refused a message outright (4xx other than 429): sending it again cannot help, so
 * the job records a permanent failure rather than retrying. Its message names the status and
 * Notify's error kinds only, never the address or the text (the job's last error is kept).
 */
export class NotifyRefused extends Error {
  readonly status: number;
  constructor(status: number, kinds: readonly string[]) {
    super(`GOV.UK Notify refused the message (${status}${kinds.length ? `: ${kinds.join(', ')}` : ''})`);
    this.name = 'NotifyRefused';
    this.status = status;
  }
}

/**
 * The reference Notify keeps with a message and sends back in its delivery receipt: the tenant and
 * the message's id (both uuids, no personal data), so the callback, which no tenant sends, finds the
 * row under row-level security.
 */
export const notifyReference = (m: Pick<OutboundMessage, 'tenantId' | 'id'>) => `${m.tenantId}:${m.id}`;

export function parseNotifyReference(reference: string | null | undefined): { tenantId: string; messageId: string } | null {
  const match = /^([0-9a-f-]{36}):([0-9a-f-]{36})$/.exec(reference ?? '');
  return match?.[1] && match[2] ? { tenantId: match[1], messageId: match[2] } : null;
}

type AxiosLikeError = { response?: { status?: number; data?: { errors?: { error?: unknown }[] } } };

/**
 * GOV.UK Notify through its official Node client. `baseUrl` is for tests (a local stub) and
 * Notify's other environments; unset, the client's default (Notify's production API). Messages go
 * through one email template and one text template whose placeholders are `subject` and `body`.
 */
export function createNotifyNotifier(options: { apiKey: string; baseUrl?: string; emailTemplateId: string; smsTemplateId: string }): Notifier {
  const client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
  return {
    kind: 'govuk-notify',
    async send(message) {
      const reference = notifyReference(message);
      try {
        if (message.channel === 'email') {
          await client.sendEmail(options.emailTemplateId, message.recipient, { personalisation: { subject: message.subject, body: message.body }, reference });
        } else {
          await client.sendSms(options.smsTemplateId, message.recipient, { personalisation: { body: message.body }, reference });
        }
      } catch (error) {
        // An Axios error carries the request (address and text) in its config: only its status and
        // Notify's error kinds go on, so nothing personal reaches a log or the job's last error.
        const response = (error as AxiosLikeError).response;
        const status = response?.status;
        const kinds = (response?.data?.errors ?? []).map((e) => String(e.error ?? '')).filter((k) => /^[A-Za-z]{1,60}$/.test(k));
        if (status && status >= 400 && status < 500 && status !== 429 && status !== 403) throw new NotifyRefused(status, kinds);
        throw new Error(status ? `GOV.UK Notify answered ${status}${kinds.length ? ` (${kinds.join(', ')})` : ''}` : 'GOV.UK Notify could not be reached');
      }
    },
  };
}
