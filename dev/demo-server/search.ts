import { evalFhirPath, getSearchParameter, parseSearchRequest } from '@medplum/core';
import type { FhirRepository } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import { HttpError } from './responses.js';

export interface PageLimits {
  defaultCount: number;
  maxCount: number;
}

export interface SearchPage {
  resources: Resource[];
  total: number;
  count: number;
  offset: number;
}

interface SortKey {
  expression: string;
  descending: boolean;
}

const PAGING_PARAMS = new Set(['_count', '_offset']);

/**
 * Filters with Medplum, but sorts and pages here: MemoryRepository builds no links and re-evaluates
 * FHIRPath on every sort comparison, which is far too slow for a 2000-appointment day.
 */
export async function searchPage(
  repo: FhirRepository,
  resourceType: string,
  params: URLSearchParams,
  limits: PageLimits,
): Promise<SearchPage> {
  const count = Math.min(readInt(params, '_count', 1) ?? limits.defaultCount, limits.maxCount);
  const offset = readInt(params, '_offset', 0) ?? 0;
  const sortKeys = parseSort(resourceType, params.get('_sort'));
  const filters = new URLSearchParams([...params].filter(([key]) => !PAGING_PARAMS.has(key) && key !== '_sort'));
  const bundle = await repo.search(parseSearchRequest(`${resourceType}?${filters}`));
  const matches = (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
  const sorted = sortKeys.length ? sortResources(matches, sortKeys) : matches;
  return { resources: sorted.slice(offset, offset + count), total: matches.length, count, offset };
}

/** self/first/next/last like Canvas: same query with `_count`/`_offset` last; no links for an empty result. */
export function pageLinks(resourceType: string, params: URLSearchParams, page: SearchPage, prefix = ''): BundleLink[] {
  if (page.total === 0) return [];
  const pageUrl = (offset: number): string => {
    const query = new URLSearchParams([...params].filter(([key]) => !PAGING_PARAMS.has(key)));
    query.append('_count', String(page.count));
    query.append('_offset', String(offset));
    return `${prefix}/${resourceType}?${query}`;
  };
  const next = page.offset + page.count;
  return [
    { relation: 'self', url: pageUrl(page.offset) },
    { relation: 'first', url: pageUrl(0) },
    ...(next < page.total ? [{ relation: 'next', url: pageUrl(next) }] : []),
    { relation: 'last', url: pageUrl(Math.floor((page.total - 1) / page.count) * page.count) },
  ];
}

/** A searchset Bundle; like Canvas, an empty result has neither `entry` nor `link`. */
export function searchBundle(page: SearchPage, link: BundleLink[], toEntry: (resource: Resource) => BundleEntry): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    ...(link.length ? { link } : {}),
    ...(page.resources.length ? { entry: page.resources.map(toEntry) } : {}),
  };
}

function readInt(params: URLSearchParams, name: string, min: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min) throw new HttpError(400, 'invalid', `Invalid ${name} value: ${raw}`);
  return value;
}

function parseSort(resourceType: string, sort: string | null): SortKey[] {
  if (!sort) return [];
  return sort.split(',').map((field) => {
    const descending = field.startsWith('-');
    const expression = getSearchParameter(resourceType, descending ? field.slice(1) : field)?.expression;
    if (!expression) throw new HttpError(400, 'invalid', `Unsupported _sort value: ${field}`);
    return { expression, descending };
  });
}

/** Evaluates each sort expression once per resource, then compares the cached keys. */
function sortResources(resources: Resource[], keys: SortKey[]): Resource[] {
  const keyed = resources.map((resource) => ({
    resource,
    values: keys.map(({ expression }) => JSON.stringify(evalFhirPath(expression, resource))),
  }));
  keyed.sort((a, b) => {
    for (const [i, { descending }] of keys.entries()) {
      const x = a.values[i] ?? '';
      const y = b.values[i] ?? '';
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
  return keyed.map(({ resource }) => resource);
}
