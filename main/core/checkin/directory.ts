/**
 * Display names for clinicians and locations, cached so that after warm-up no patient session
 * pays a round trip for them. A failed look-up degrades to an empty label, never a failed check-in.
 */
import type { Location, Practitioner } from '@medplum/fhirtypes';
import type { CallOptions, FhirClient } from '../fhir/client.js';
import type { Logger } from '../log.js';

const TTL_MS = 12 * 60 * 60_000;

export function practitionerLabel(p: Practitioner): string {
  const n = p.name?.[0];
  if (!n) return '';
  if (n.text) return n.text;
  return [...(n.prefix ?? []), ...(n.given ?? []).slice(0, 1), n.family].filter(Boolean).join(' ');
}

export class Directory {
  private readonly names = new Map<string, { label: string; at: number }>();
  constructor(
    private readonly fhir: FhirClient,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads every Location up front: a clinic has few, and Canvas offers no other search for them. */
  async warm(): Promise<void> {
    const locations = await this.fhir.search<Location>('Location', {});
    for (const { resource } of locations) if (resource.id) this.put(`Location/${resource.id}`, resource.name ?? '');
  }

  /** Label for a `Practitioner/…` or `Location/…` reference. */
  async label(reference: string | undefined, call: CallOptions = {}): Promise<string> {
    if (!reference) return '';
    const hit = this.names.get(reference);
    if (hit && this.now() - hit.at < TTL_MS) return hit.label;
    const [type, id] = reference.split('/');
    if (!id || (type !== 'Practitioner' && type !== 'Location')) return '';
    try {
      const { resource } = await this.fhir.read<Practitioner | Location>(type, id, call);
      const label = resource.resourceType === 'Practitioner' ? practitionerLabel(resource) : (resource.name ?? '');
      this.put(reference, label);
      return label;
    } catch (err) {
      this.log.warn('directory.lookup_failed', { type, reason: (err as Error).message });
      return hit?.label ?? '';
    }
  }

  private put(reference: string, label: string) {
    this.names.set(reference, { label: label.slice(0, 120), at: this.now() });
  }
}
