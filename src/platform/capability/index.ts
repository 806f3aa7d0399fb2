import type { FastifyInstance } from 'fastify';
import type { HomeLink, PublicLink } from '../auth/index.ts';
import type { Language } from '../db/index.ts';
import type { AnyOperation } from '../http/api-routes.ts';
import type { Catalogue, Translate } from '../i18n/index.ts';
import type { JobHandler, JobSchedule } from '../jobs/index.ts';
import type { GaugeSource } from '../metrics/index.ts';
import type { DeliveryFailureHook } from '../notify/index.ts';

/** What the composition root hands every capability's pages besides its services. */
export type WebContext = { secure: boolean; translator: (lang: Language) => Translate };

/** A capability's background work: its job handlers, their schedules, and what the nightly purge should also clear. */
export type CapabilityJobs = {
  handlers?: Readonly<Record<string, JobHandler>>;
  schedules?: readonly JobSchedule[];
  /** Run by the platform's `maintenance.purge-expired` job beside its own purges. */
  purge?: () => Promise<void>;
};

/**
 * One capability as one object: everything the composition root needs to mount it. `S` is the
 * part of the service graph it uses, written as a structural type so a domain never imports the
 * composition root; the root passes its whole service object.
 */
export type Capability<S> = {
  name: string;
  messages?: readonly Catalogue[];
  homeLinks?: readonly HomeLink[];
  /** What the public can start from the home page, `/`, without signing in. */
  publicLinks?: readonly PublicLink[];
  /** Entries for the FHIR CapabilityStatement's `rest.resource`. */
  fhirResources?: readonly unknown[];
  operations?: (services: S) => readonly AnyOperation[];
  routes?: (app: FastifyInstance, services: S, web: WebContext) => void;
  jobs?: (services: S) => CapabilityJobs;
  /**
   * GOV.UK Notify could not deliver a message to a person about one of this capability's records
   * (its `about`); run in the transaction that records the receipt (ADR 0045).
   */
  deliveryFailed?: (services: S) => DeliveryFailureHook;
  /** The capability's own figures on `/metrics`. */
  gauges?: (services: S) => readonly GaugeSource[];
};

/** Declares a capability with its services' type inferred from what its parts use. */
export function defineCapability<S>(capability: Capability<S>): Capability<S> {
  return capability;
}
