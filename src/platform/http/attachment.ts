import type { FastifyReply } from 'fastify';

/** A file to save rather than a page: named, of its type, and never kept in a cache (it is someone's data). */
export function sendAttachment(reply: FastifyReply, name: string, type: string, body: string | Buffer) {
  return reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${name}"`).type(type).send(body);
}
