/** Spanish (usted). Must satisfy `Messages`: a missing or extra key is a type error. */
import type { Messages } from './en.js';

const seeDesk = 'Por favor, pase a la recepción.';
/** Spanish says "la 1:00" but "las 2:00" (and "a la 1:00", "hasta las 2:00"). */
const hour = (time: string) => `${/^0?1[:.]/.test(time) ? 'la' : 'las'} ${time}`;

export const es: Messages = {
  docTitle: 'Registro de llegada',
  largerText: 'Letra más grande',
  startOver: 'Empezar de nuevo',
  back: 'Atrás',
  continue: 'Continuar',
  done: 'Terminar',
  tryAgain: 'Intentar de nuevo',
  loading: 'Preparando…',
  seeDesk,

  welcomeTo: 'Le damos la bienvenida a',
  welcomeLead: 'Registre aquí su llegada a la cita de hoy.',
  language: 'Idioma',
  checkInStart: 'Registrar mi llegada',
  connection: 'Conexión',
  health: {
    ok: 'Conectado con la clínica',
    auth_failed: 'Sistema de la clínica no disponible',
    forbidden: 'Sistema de la clínica no disponible',
    unreachable: 'Sistema de la clínica no disponible',
    not_configured: 'Sin configurar',
  },
  healthUnknown: 'Comprobando la conexión…',

  unconfiguredTitle: 'Este quiosco todavía no está configurado',
  unconfiguredBody: 'Por favor, pida ayuda en la recepción.',
  staffDetail: 'Para el personal:',

  step: (n, total) => `Paso ${n} de ${total}`,

  lastNameTitle: '¿Cuál es su apellido?',
  lastNameHint: 'Su apellido, como lo tiene la clínica.',
  firstNameTitle: '¿Cuál es su nombre?',
  firstNameHint: 'Necesitamos un dato más para encontrar su cita.',
  typedEmpty: 'Toque las letras de abajo',
  typedFull: 'Ese es el largo máximo que podemos aceptar.',
  keySpace: 'espacio',
  keyHyphen: 'guion',
  keyApostrophe: 'apóstrofo',
  keyDelete: 'borrar la última letra',
  keyAccents: 'acentos',
  keyLetters: 'letras',
  keyboard: 'Teclado',

  dobTitle: '¿Cuál es su fecha de nacimiento?',
  dobHint: 'Día, mes y luego el año con 4 cifras.',
  dobLabel: 'Fecha de nacimiento',
  dobFields: { month: 'Mes', day: 'Día', year: 'Año' },
  dobMasks: { month: 'MM', day: 'DD', year: 'AAAA' },
  dobEmpty: 'vacío',
  dobNotADate: 'Esa fecha no existe. Por favor, revísela.',
  dobFuture: 'Esa fecha es posterior a hoy. Por favor, revísela.',
  dobTooOld: 'Por favor, revise el año.',
  keypad: 'Teclado numérico',
  keyDeleteDigit: 'borrar el último número',
  keyClear: 'Borrar todo',

  findingYou: 'Buscando su cita…',
  checkingIn: 'Registrando su llegada…',
  stillWorking: 'Seguimos trabajando. Gracias por su paciencia.',

  greeting: (name) => (name ? `Hola, ${name}` : 'Hola'),
  apptLeadOne: 'Esta es su cita de hoy.',
  apptLeadMany: 'Estas son sus citas de hoy.',
  clinician: 'Con',
  location: 'Dónde',
  checkIn: 'Registrar llegada',
  checkInAll: 'Registrar llegada a todas',
  opensAt: (time) => `El registro se abre a ${hour(time)}`,
  tooLate: 'Ya pasó la hora de registro para esta cita. Por favor, pase a la recepción.',
  alreadyIn: 'Su llegada ya está registrada',
  notEligible: 'Por favor, consulte sobre esta cita en la recepción',
  noAppointments: 'No vemos ninguna cita para usted hoy. Por favor, pase a la recepción.',

  doneTitle: (firstName) => (firstName ? `Listo, ${firstName}: su llegada está registrada.` : 'Listo: su llegada está registrada.'),
  doneBody: 'Por favor, tome asiento.',
  doneReturning: 'Esta pantalla volverá al inicio en unos segundos.',

  outcomeTitle: {
    recorded_offline: 'Anotamos su llegada, pero no pudimos confirmarla con el sistema de la clínica.',
    too_early: 'Todavía es temprano para registrarse',
    too_late: 'Ya pasó la hora de registro para esta cita.',
    not_eligible: 'Por favor, consulte sobre esta cita en la recepción',
    failed: 'Algo salió mal de nuestra parte.',
  },
  offlineBody: 'Por favor, avise en la recepción que ya llegó.',
  tooEarlyBody: (time) => `El registro se abre a ${hour(time)}. ${seeDesk}`,
  resultsTitle: 'Su registro necesita ayuda de la recepción',
  outcomeLine: {
    checked_in: 'Llegada registrada',
    already_checked_in: 'Su llegada ya está registrada',
    recorded_offline: 'Llegada anotada, pero sin confirmar. Por favor, avise en la recepción que ya llegó.',
    too_early: 'Todavía es temprano para registrarse',
    too_late: 'Ya pasó la hora de registro para esta cita.',
    not_eligible: 'Por favor, consulte sobre esta cita en la recepción',
    failed: 'Algo salió mal de nuestra parte.',
  },

  notFoundTitle: 'No pudimos encontrar su cita',
  cooldownTitle: 'Por favor, pase a la recepción',
  cooldownBody: (time) => `Por seguridad, el registro en este quiosco está en pausa hasta ${hour(time)}.`,

  errors: {
    invalid_request: 'Algo salió mal de nuestra parte.',
    unknown_channel: 'Algo salió mal de nuestra parte.',
    forbidden_sender: 'Algo salió mal de nuestra parte.',
    not_configured: 'Este quiosco no puede registrar su llegada en este momento.',
    session_expired: 'Por su privacidad, borramos sus datos.',
    staff_locked: 'El modo de personal se bloqueó.',
    unavailable: 'No podemos comunicarnos con el sistema de la clínica en este momento.',
    internal: 'Algo salió mal de nuestra parte.',
  },
  expiredBody: 'Por favor, empiece de nuevo. Si necesita ayuda, pase a la recepción.',

  idleTitle: '¿Sigue ahí?',
  idleBody: 'Por su privacidad, borraremos sus datos y empezaremos de nuevo.',
  secondsLeft: (n) => (n === 1 ? 'segundo restante' : 'segundos restantes'),
  moreTime: 'Necesito más tiempo',
};
