/**
 * What audio guidance says beyond what the screens show (the screens' own words come from the
 * i18n dictionaries, so a title is worded once). Short sentences: every word costs the patient time.
 */
import type { DobField } from '../dob.js';

export const audioEn = {
  audioOn: 'Audio guidance is on.',
  keys: 'Use the up and down arrows to move, Enter to choose, and Escape to go back. Press F1 or star to hear the instructions again.',
  otherLanguage: 'Para español, pulse la flecha abajo y luego Enter.',
  listen: 'Listen',
  listenHint: 'Audio guidance through headphones',
  badge: 'Audio guidance on',
  staffTitle: 'Audio guidance',
  staffOn: 'On: a patient starts it from the welcome screen with Enter or the Listen button.',
  staffOff: 'Off in the kiosk configuration (audio.enabled).',
  staffSessions: (n: number) => (n === 1 ? '1 audio session since the kiosk started.' : `${n} audio sessions since the kiosk started.`),
  testVoice: 'Test the voice',
  nameKeys:
    'Press up or down to hear letters, and Enter to type the one you hear. Or use the number keys like a phone: 2 for A B C. Escape deletes. The right arrow reads back what you typed. Press up from A for Continue.',
  dobKeys: 'Type the digits on the number keys. Escape deletes a digit. The right arrow reads back what you typed. Then press Enter.',
  /** The screen's example, spoken: the date in words and the digits one by one. */
  dobExample: (date: string, digits: string) => `For example, for ${date}, type ${digits}.`,
  wheel: { space: 'space', hyphen: 'hyphen', apostrophe: 'apostrophe', continue: 'Continue' },
  deleted: (what: string) => `Deleted ${what}.`,
  nothingTyped: 'Nothing typed yet.',
  nothingToDelete: 'Nothing to delete.',
  typedSoFar: (spelled: string) => `You typed: ${spelled}.`,
  dobSoFar: (parts: string) => `You typed: ${parts}.`,
  dobField: { month: 'month', day: 'day', year: 'year' } satisfies Record<DobField, string>,
  dobIncomplete: 'The date is not complete yet.',
  useDigits: 'Type the digits on the number keys.',
  pressEnter: 'Press Enter.',
  toCheckIn: 'Press Enter to check in.',
  appointmentsCount: (n: number) => (n === 1 ? 'You have 1 appointment today.' : `You have ${n} appointments today.`),
  at: (time: string, clinician: string, location: string) => `${time}, with ${clinician}, at ${location}.`,
  /** A video visit has no place to go to. */
  atVideo: (time: string, clinician: string) => `${time}, with ${clinician}, by video.`,
  checkInOpen: 'Check-in is open.',
  checkedInFor: 'Checked in for:',
  audioEnds: 'Audio guidance ends now. Thank you.',
  volume: (pct: number) => `Volume ${pct} percent.`,
  faster: 'Faster.',
  slower: 'Slower.',
  fastest: 'This is the fastest speed.',
  slowest: 'This is the slowest speed.',
  idle: (n: number) =>
    `Are you still there? For your privacy, we'll clear your details and start over in ${n} seconds. Press any key for more time.`,
  secondsLeft: (n: number) => (n === 1 ? '1 second.' : `${n} seconds.`),
  moreTime: 'More time. You can continue.',
  working: 'Please wait.',
  testPhrase: 'This is the kiosk voice in English.',
};

export type AudioWords = typeof audioEn;

export const audioEs: AudioWords = {
  audioOn: 'La guía por audio está activada.',
  keys: 'Use las flechas arriba y abajo para moverse, Enter para elegir y Escape para volver. Pulse F1 o asterisco para oír las instrucciones otra vez.',
  otherLanguage: 'For English, press the down arrow, then Enter.',
  listen: 'Escuchar',
  listenHint: 'Guía por audio con auriculares',
  badge: 'Guía por audio activada',
  staffTitle: 'Guía por audio',
  staffOn: 'Activada: el paciente la inicia en la pantalla de bienvenida con Enter o el botón Escuchar.',
  staffOff: 'Desactivada en la configuración del quiosco (audio.enabled).',
  staffSessions: (n) =>
    n === 1 ? '1 sesión con audio desde que se inició el quiosco.' : `${n} sesiones con audio desde que se inició el quiosco.`,
  testVoice: 'Probar la voz',
  nameKeys:
    'Pulse arriba o abajo para oír las letras, y Enter para escribir la que oye. O use los números como en un teléfono: 2 para A B C. Escape borra. La flecha derecha lee lo que escribió. Pulse arriba desde la A para Continuar.',
  dobKeys: 'Escriba los números en el teclado. Escape borra un número. La flecha derecha lee lo que escribió. Luego pulse Enter.',
  dobExample: (date, digits) => `Por ejemplo, para el ${date}, escriba ${digits}.`,
  wheel: { space: 'espacio', hyphen: 'guion', apostrophe: 'apóstrofo', continue: 'Continuar' },
  deleted: (what) => `Borrado: ${what}.`,
  nothingTyped: 'Todavía no escribió nada.',
  nothingToDelete: 'No hay nada que borrar.',
  typedSoFar: (spelled) => `Escribió: ${spelled}.`,
  dobSoFar: (parts) => `Escribió: ${parts}.`,
  dobField: { month: 'mes', day: 'día', year: 'año' },
  dobIncomplete: 'La fecha todavía no está completa.',
  useDigits: 'Escriba los números en el teclado.',
  pressEnter: 'Pulse Enter.',
  toCheckIn: 'Pulse Enter para registrar su llegada.',
  appointmentsCount: (n) => (n === 1 ? 'Tiene 1 cita hoy.' : `Tiene ${n} citas hoy.`),
  at: (time, clinician, location) => `${time}, con ${clinician}, en ${location}.`,
  atVideo: (time, clinician) => `${time}, con ${clinician}, por video.`,
  checkInOpen: 'El registro está abierto.',
  checkedInFor: 'Llegada registrada para:',
  audioEnds: 'La guía por audio termina ahora. Gracias.',
  volume: (pct) => `Volumen ${pct} por ciento.`,
  faster: 'Más rápido.',
  slower: 'Más lento.',
  fastest: 'Esta es la velocidad más rápida.',
  slowest: 'Esta es la velocidad más lenta.',
  idle: (n) =>
    `¿Sigue ahí? Por su privacidad, borraremos sus datos y empezaremos de nuevo en ${n} segundos. Pulse cualquier tecla para tener más tiempo.`,
  secondsLeft: (n) => (n === 1 ? '1 segundo.' : `${n} segundos.`),
  moreTime: 'Más tiempo. Puede continuar.',
  working: 'Por favor, espere.',
  testPhrase: 'Esta es la voz del quiosco en español.',
};

export const audioWords = { en: audioEn, es: audioEs } as const;
