import type { HumanName, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { familyMatches, givenMatches, greetingName, identityNames, normaliseName } from '../../../../../main/core/checkin/names.js';

describe('normaliseName', () => {
  it.each([
    ['García-López', 'garcialopez'],
    ["O'Brien", 'obrien'],
    ['o’brien', 'obrien'],
    ['  van der Berg  ', 'vanderberg'],
    ['Müller', 'muller'],
    ['Nguyễn', 'nguyen'],
    ['Øberg', 'oberg'],
    ['Łukasz', 'lukasz'],
    ['Strauß', 'strauss'],
    ['ZOË', 'zoe'],
    ['Smith Jones', 'smithjones'],
    ['Jean-Luc  Picard.', 'jeanlucpicard'],
    ['Henry VIII 2nd', 'henryviii2nd'],
    ['', ''],
    ["  - ' ", ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  // Regression (names.ts normaliseName, fixed): ß→ss runs before toLowerCase, so capital ẞ (U+1E9E) lower-cases to ß and stays.
  it('is case-insensitive for every letter it folds, including the capital sharp s (ẞ)', () => {
    // Same name in different case must normalise identically; "STRAUẞ" is how German upper-cases Strauß.
    expect(normaliseName('STRAUẞ')).toBe(normaliseName('Strauß'));
  });
});

describe('familyMatches', () => {
  it.each([
    // typed, recorded
    ['garcia lopez', 'García-López'],
    ['GARCIA LOPEZ', 'García-López'],
    ['garcialopez', 'García-López'],
    ['García López', 'García-López'],
    ['GARCIA', 'García-López'],
    ['lopez', 'García-López'],
    ['López', 'García-López'],
    ['obrien', "O'Brien"],
    ['O Brien', "O'Brien"],
    ['o’brien', "O'Brien"],
    ['O’BRIEN', "O'Brien"],
    ['vanderberg', 'van der Berg'],
    ['Van Der Berg', 'van der Berg'],
    ['van-der-berg', 'van der Berg'],
    ['Smith Jones', 'Smith-Jones'],
    ['smith-jones', 'Smith Jones'],
    ['  Garcia  ', 'Garcia'],
    ['garcia', ' Garcia '],
    ['Muller', 'Müller'],
    ['müller', 'Müller'],
    ['Nguyen', 'Nguyễn'],
    ['oberg', 'Øberg'],
    ['Oberg', 'Øberg'],
    ['Strauss', 'Strauß'],
    ['strauß', 'Strauss'],
    ['Kowalczyk', 'KOWALCZYK'],
    ['Jones', 'Smith-Jones'],
  ])('%j matches %j', (typed, recorded) => {
    expect(familyMatches(typed, recorded)).toBe(true);
  });

  it.each([
    // Folding accents is not transliteration: "ue" is not "ü".
    ['Mueller', 'Müller'],
    ['Garcias', 'Garcia'],
    ['Garci', 'Garcia'],
    ['Smyth', 'Smith'],
    ['Smith', 'Smyth'],
    ['Lopez', 'Lopes'],
    // A particle alone is not a surname part.
    ['van', 'van der Berg'],
    ['van der', 'van der Berg'],
    ['de la', 'García de la Cruz'],
    ['al', 'Al-Rashid'],
    ['bin', 'bin Laden'],
    // Parts must be whole and in the record's order.
    ['Ruiz Hernandez', 'Hernández Ruiz'],
    ['Hernan', 'Hernández Ruiz'],
    ['Silva Oliveira', 'da Silva Santos Oliveira'],
    // A part must be a whole part, not a prefix of one.
    ['Gar', 'García-López'],
    ['garcialo', 'García-López'],
    // A single-letter part cannot identify anyone.
    ['o', 'O-Neil'],
    // A hyphenated typed name is not matched against one part of a plain surname.
    ['Smith-Jones', 'Smith'],
  ])('%j does not match %j', (typed, recorded) => {
    expect(familyMatches(typed, recorded)).toBe(false);
  });

  it.each([
    ['', 'Garcia'],
    ['   ', 'Garcia'],
    ["'-", "O'Brien"],
    ['', ''],
    ['', '-'],
  ])('empty or punctuation-only input %j never matches %j', (typed, recorded) => {
    expect(familyMatches(typed, recorded)).toBe(false);
  });

  // Regression (names.ts normaliseName, fixed): đ/Đ has no Unicode decomposition and is not folded like ø and ł are.
  it('handles a Vietnamese đ/Đ like the other stroked letters (ø, ł)', () => {
    // "Đặng", "Đỗ", "Đinh" are common Vietnamese surnames; a patient on an English keyboard types "Dang".
    expect(familyMatches('Dang', 'Đặng')).toBe(true);
    expect(familyMatches('Do', 'Đỗ')).toBe(true);
  });
});

describe('familyMatches: multi-part family names (any whole part, with or without its particles)', () => {
  it.each([
    // Spanish: two surnames, space-separated, with particles and joiners.
    ['Hernandez', 'Hernández Ruiz'],
    ['Ruiz', 'Hernández Ruiz'],
    ['hernandez ruiz', 'Hernández Ruiz'],
    ['Garcia', 'García López'],
    ['Garcia', 'García de la Cruz'],
    ['Cruz', 'García de la Cruz'],
    ['de la Cruz', 'García de la Cruz'],
    ['Ortega', 'Ortega y Gasset'],
    ['Gasset', 'Ortega y Gasset'],
    ['del Valle', 'del Valle Inclán'],
    ['Valle', 'del Valle Inclán'],
    ['Inclan', 'del Valle Inclán'],
    // Portuguese: several surnames with da / dos / e.
    ['Silva', 'da Silva Santos Oliveira'],
    ['da Silva', 'da Silva Santos Oliveira'],
    ['Santos', 'da Silva Santos Oliveira'],
    ['Oliveira', 'da Silva Santos Oliveira'],
    ['Santos Oliveira', 'da Silva Santos Oliveira'],
    ['Conceicao', 'dos Santos e Conceição'],
    ['Santos', 'dos Santos e Conceição'],
    // Dutch and German particles.
    ['Berg', 'van der Berg'],
    ['Hoek', 'van den Hoek'],
    ['Humboldt', 'von Humboldt'],
    // Arabic: al- / el- / bin / ibn, hyphenated or spaced.
    ['Rashid', 'Al-Rashid'],
    ['alrashid', 'Al-Rashid'],
    ['Al Rashid', 'Al-Rashid'],
    ['Masri', 'El-Masri'],
    ['Omar', 'bin Omar'],
    ['Hassan', 'Abdullah ibn Hassan'],
    ['Abdullah', 'Abdullah ibn Hassan'],
    // Vietnamese: the family name is often recorded with the middle name; each word is a part.
    ['Nguyen', 'Nguyễn Văn'],
    ['Le', 'Lê'],
    ['Do', 'Đỗ'],
    ['Tran', 'Trần Thị'],
    // Korean: two-syllable surnames spelled as one word or two.
    ['Namgung', 'Nam Gung'],
    ['Namgung', 'Namgung'],
    ['Kim', 'Kim'],
    ['Seonu', 'Seon-u'],
  ])('%j matches %j', (typed, recorded) => {
    expect(familyMatches(typed, recorded)).toBe(true);
  });

  it('a Vietnamese Lê or Đỗ leading a name is a surname, not the French or Portuguese particle', () => {
    expect(familyMatches('Le', 'Lê Trần')).toBe(true);
    expect(familyMatches('Do', 'Đỗ Minh')).toBe(true);
    // The ASCII particle is one: "do Carmo" is found by "Carmo", not by "do".
    expect(familyMatches('do', 'do Carmo')).toBe(false);
    expect(familyMatches('Carmo', 'do Carmo')).toBe(true);
  });
});

describe('givenMatches', () => {
  const maria: HumanName[] = [{ use: 'official', family: 'García', given: ['María', 'José'] }];
  const alexandra: HumanName[] = [{ family: 'Okafor', given: ['Alexandra'] }];
  const robert: HumanName[] = [
    { use: 'official', family: 'Okafor', given: ['Robert', 'James'] },
    { use: 'nickname', given: ['Bobby'] },
  ];

  it.each([
    ['maria jose', maria],
    ['María José', maria],
    ['maria-jose', maria],
    ['mariajose', maria],
    ['maria', maria],
    ['MARIA', maria],
    ['jose', maria],
    ['José', maria],
    ['Alex', alexandra],
    ['alexandra', alexandra],
    ['Ale', alexandra],
    ['  alexandra ', alexandra],
    ['Bobby', robert],
    ['bob', robert],
    ['James', robert],
    ['robert james', robert],
  ])('%j matches', (typed, names) => {
    expect(givenMatches(typed, names)).toBe(true);
  });

  it.each([
    // Prefixes need at least 3 letters…
    ['Al', alexandra],
    ['A', alexandra],
    // …and only of the first given name.
    ['Jo', maria],
    ['Jos', maria],
    ['Jam', robert],
    // Word order of the full given name matters; other names do not match.
    ['jose maria', maria],
    ['Alexandrax', alexandra],
    ['Sandra', alexandra],
    ['Rob James', robert],
    ['', maria],
    ['  ', maria],
    ['.', maria],
  ])('%j does not match', (typed, names) => {
    expect(givenMatches(typed, names)).toBe(false);
  });

  it('never matches when there are no given names', () => {
    expect(givenMatches('maria', [])).toBe(false);
    expect(givenMatches('maria', [{ family: 'María' }])).toBe(false);
    expect(givenMatches('maria', [{ given: [] }])).toBe(false);
  });

  it('checks every name, not only the first', () => {
    expect(givenMatches('Ana', [{ given: ['María'] }, { given: ['Ana'] }])).toBe(true);
  });
});

describe('identityNames', () => {
  it('keeps official, usual and use-less names and drops nickname and maiden names', () => {
    const p: Patient = {
      resourceType: 'Patient',
      name: [
        { use: 'nickname', given: ['Bobby'] },
        { use: 'official', family: 'Okafor', given: ['Robert'] },
        { use: 'maiden', family: 'Adeyemi' },
        { use: 'usual', family: 'Okafor', given: ['Rob'] },
        { family: 'Okafor', given: ['R.'] },
      ],
    };
    expect(identityNames(p).map((n) => n.given?.[0])).toEqual(['Robert', 'Rob', 'R.']);
  });

  it('falls back to all names when none is an identity name, and to [] with no names', () => {
    const p: Patient = {
      resourceType: 'Patient',
      name: [
        { use: 'maiden', family: 'Adeyemi' },
        { use: 'nickname', given: ['Ade'] },
      ],
    };
    expect(identityNames(p)).toEqual(p.name);
    expect(identityNames({ resourceType: 'Patient' })).toEqual([]);
  });
});

describe('greetingName', () => {
  const patient = (...name: HumanName[]): Patient => ({ resourceType: 'Patient', name });

  it.each<[string, Patient, string]>([
    ['first name + last initial', patient({ use: 'official', family: 'Okafor', given: ['Amara', 'Ngozi'] }), 'Amara O.'],
    [
      'the nickname is preferred',
      patient({ use: 'official', family: 'Okafor', given: ['Robert'] }, { use: 'nickname', given: ['Bobby'] }),
      'Bobby O.',
    ],
    ['the initial is upper-cased', patient({ family: 'van der Berg', given: ['Anneke'] }), 'Anneke V.'],
    ['the initial keeps its accent', patient({ family: 'Øberg', given: ['Lars'] }), 'Lars Ø.'],
    ['leading spaces in the family name are ignored', patient({ family: '  okafor', given: ['Amara'] }), 'Amara O.'],
    ['no family name: first name only', patient({ given: ['Amara'] }), 'Amara'],
    ['blank family name: first name only', patient({ family: '   ', given: ['Amara'] }), 'Amara'],
    ['no given name: initial only', patient({ family: 'Okafor' }), 'O.'],
    ['no name at all', { resourceType: 'Patient' }, ''],
    [
      'a maiden name is not the initial',
      patient({ use: 'maiden', family: 'Adeyemi' }, { use: 'official', family: 'Okafor', given: ['Amara'] }),
      'Amara O.',
    ],
  ])('%s', (_label, p, expected) => {
    expect(greetingName(p)).toBe(expected);
  });

  it('never reveals the full family name', () => {
    const g = greetingName(patient({ use: 'official', family: 'Okafor-Adeyemi', given: ['Amara'] }));
    expect(g).not.toContain('Okafor');
    expect(g).toBe('Amara O.');
  });

  it('is at most 80 characters', () => {
    const g = greetingName(patient({ family: 'Okafor', given: ['A'.repeat(200)] }));
    expect(g.length).toBe(80);
  });
});
