import type { LocaleTable } from "../message-types.js";

// Spanish. Worded as Django's es catalogue where Django has the message ("Introduzca…",
// "Asegúrese de que…"), with "archivo" for every file and the subjunctive after "asegúrese";
// quotes “…”. Plural forms: one, many (millions), other.

const FAILED = "La verificación CSRF ha fallado:";

/** Django's Spanish messages, keyed as `en`. */
export const es: LocaleTable = {
  "Field.required": "Este campo es obligatorio.",

  "MinLengthValidator.min_length": {
    count: "limit_value",
    one: "Asegúrese de que este valor tenga al menos %(limit_value)d carácter (tiene %(show_value)d).",
    many: "Asegúrese de que este valor tenga al menos %(limit_value)d caracteres (tiene %(show_value)d).",
    other:
      "Asegúrese de que este valor tenga al menos %(limit_value)d caracteres (tiene %(show_value)d).",
  },
  "MaxLengthValidator.max_length": {
    count: "limit_value",
    one: "Asegúrese de que este valor tenga como máximo %(limit_value)d carácter (tiene %(show_value)d).",
    many: "Asegúrese de que este valor tenga como máximo %(limit_value)d caracteres (tiene %(show_value)d).",
    other:
      "Asegúrese de que este valor tenga como máximo %(limit_value)d caracteres (tiene %(show_value)d).",
  },
  "ProhibitNullCharactersValidator.null_characters_not_allowed":
    "Los caracteres nulos no están permitidos.",
  "MaxValueValidator.max_value": "Asegúrese de que este valor sea menor o igual a %(limit_value)s.",
  "MinValueValidator.min_value": "Asegúrese de que este valor sea mayor o igual a %(limit_value)s.",
  "StepValueValidator.step_size":
    "Asegúrese de que este valor sea múltiplo del tamaño de paso %(limit_value)s.",
  "StepValueValidator.step_size_offset":
    "Asegúrese de que este valor sea múltiplo del tamaño de paso %(limit_value)s, comenzando en %(offset)s, p. ej. %(offset)s, %(valid_value1)s, %(valid_value2)s, etcétera.",
  "DecimalValidator.invalid": "Introduzca un número.",
  "DecimalValidator.max_digits": {
    count: "max",
    one: "Asegúrese de que no haya más de %(max)s dígito en total.",
    many: "Asegúrese de que no haya más de %(max)s dígitos en total.",
    other: "Asegúrese de que no haya más de %(max)s dígitos en total.",
  },
  "DecimalValidator.max_decimal_places": {
    count: "max",
    one: "Asegúrese de que no haya más de %(max)s dígito decimal.",
    many: "Asegúrese de que no haya más de %(max)s dígitos decimales.",
    other: "Asegúrese de que no haya más de %(max)s dígitos decimales.",
  },
  "DecimalValidator.max_whole_digits": {
    count: "max",
    one: "Asegúrese de que no haya más de %(max)s dígito antes del punto decimal.",
    many: "Asegúrese de que no haya más de %(max)s dígitos antes del punto decimal.",
    other: "Asegúrese de que no haya más de %(max)s dígitos antes del punto decimal.",
  },
  "RegexValidator.invalid": "Introduzca un valor válido.",
  "EmailValidator.invalid": "Introduzca una dirección de correo electrónico válida.",
  "URLValidator.invalid": "Introduzca una URL válida.",
  "validate_slug.invalid":
    "Introduzca un “slug” válido, consistente en letras, números, guiones bajos o medios.",
  "validate_unicode_slug.invalid":
    "Introduzca un “slug” válido, consistente en letras Unicode, números, guiones bajos o medios.",
  "validate_ipv4_address.invalid": "Introduzca una dirección %(protocol)s válida.",
  "validate_ipv6_address.invalid": "Introduzca una dirección %(protocol)s válida.",
  "validate_ipv46_address.invalid": "Introduzca una dirección %(protocol)s válida.",
  "validate_ipv46_address.protocol": "IPv4 o IPv6",
  "clean_ipv6_address.invalid": "No es una dirección IPv6 válida.",

  "IntegerField.invalid": "Introduzca un número entero.",
  "FloatField.invalid": "Introduzca un número.",
  "DecimalField.invalid": "Introduzca un número.",
  "DateField.invalid": "Introduzca una fecha válida.",
  "TimeField.invalid": "Introduzca una hora válida.",
  "DateTimeField.invalid": "Introduzca una fecha/hora válida.",
  "DurationField.invalid": "Introduzca una duración válida.",
  "DurationField.overflow": "El número de días debe estar entre %(min_days)s y %(max_days)s.",
  "FileField.invalid":
    "No se ha enviado ningún archivo. Compruebe el tipo de codificación del formulario.",
  "FileField.missing": "No se ha enviado ningún archivo.",
  "FileField.empty": "El archivo enviado está vacío.",
  "FileField.max_length": {
    count: "max",
    one: "Asegúrese de que este nombre de archivo tenga como máximo %(max)d carácter (tiene %(length)d).",
    many: "Asegúrese de que este nombre de archivo tenga como máximo %(max)d caracteres (tiene %(length)d).",
    other:
      "Asegúrese de que este nombre de archivo tenga como máximo %(max)d caracteres (tiene %(length)d).",
  },
  "FileField.contradiction":
    "Por favor, envíe un archivo o marque la casilla de limpiar, pero no ambos.",
  "FileField.max_size":
    "Asegúrese de que este archivo ocupe como máximo %(max_size)s (ocupa %(size)s).",
  "FileField.content_type":
    "El tipo de archivo “%(content_type)s” no está permitido. Los tipos permitidos son: %(allowed_content_types)s.",
  "ChoiceField.invalid_choice":
    "Escoja una opción válida. %(value)s no es una de las opciones disponibles.",
  "MultipleChoiceField.invalid_choice":
    "Escoja una opción válida. %(value)s no es una de las opciones disponibles.",
  "MultipleChoiceField.invalid_list": "Introduzca una lista de valores.",
  "UUIDField.invalid": "Introduzca un UUID válido.",
  "MultiValueField.invalid": "Introduzca una lista de valores.",
  "MultiValueField.incomplete": "Introduzca un valor completo.",
  "SplitDateTimeField.invalid_date": "Introduzca una fecha válida.",
  "SplitDateTimeField.invalid_time": "Introduzca una hora válida.",
  "ImageField.invalid_image":
    "Envíe una imagen válida. El archivo que ha enviado no era una imagen o se trataba de una imagen corrupta.",
  "FileExtensionValidator.invalid_extension":
    "La extensión de archivo “%(extension)s” no está permitida. Las extensiones permitidas son: %(allowed_extensions)s.",
  "URLField.invalid": "Introduzca una URL válida.",
  "JSONField.invalid": "Introduzca un JSON válido.",
  "FormSet.too_few_forms": {
    count: "num",
    one: "Por favor, envíe %(num)d formulario como mínimo.",
    many: "Por favor, envíe %(num)d formularios como mínimo.",
    other: "Por favor, envíe %(num)d formularios como mínimo.",
  },
  "FormSet.too_many_forms": {
    count: "num",
    one: "Por favor, envíe %(num)d formulario como máximo.",
    many: "Por favor, envíe %(num)d formularios como máximo.",
    other: "Por favor, envíe %(num)d formularios como máximo.",
  },
  "FormSet.invalid": "Introduzca una lista de formularios.",
  "FormSet.missing_management_form":
    "Los datos de ManagementForm faltan o han sido alterados. Campos que faltan: %(field_names)s. Es posible que deba presentar un informe de error si el problema persiste.",
  "FormField.invalid": "Introduzca un objeto.",

  "Form.hidden_field_error": "(Campo oculto %(name)s) %(error)s",
  "NullBooleanSelect.unknown": "Desconocido",
  "NullBooleanSelect.yes": "Sí",
  "NullBooleanSelect.no": "No",
  "ui.submit": "Enviar",
  "ui.add": "Añadir",
  "ui.remove": "Eliminar",
  "ui.add_named": "Añadir %(label)s",
  "ui.remove_named": "Eliminar %(legend)s",
  "ui.date": "Fecha",
  "ui.time": "Hora",
  "ui.part_of": "%(label)s (%(index)d de %(count)d)",

  "http.BAD_REQUEST": "Solicitud incorrecta.",
  "http.UNAUTHENTICATED": "Se requiere autenticación.",
  "http.FORBIDDEN": "No tiene permiso para realizar esta acción.",
  "http.CSRF_FAILED": "La verificación CSRF ha fallado.",
  "http.NOT_FOUND": "No encontrado.",
  "http.METHOD_NOT_ALLOWED": "Método no permitido.",
  "http.PAYLOAD_TOO_LARGE": "El cuerpo de la solicitud es demasiado grande.",
  "http.UNSUPPORTED_MEDIA_TYPE": "Tipo de medio no admitido.",
  "http.VALIDATION_FAILED": "La validación ha fallado.",
  "http.INTERNAL": "Error interno del servidor.",
  "http.METHOD_NOT_ALLOWED.use": "Utilice %(method)s para esta URL.",
  "http.CSRF_FAILED.cookie_not_set": `${FAILED} no se ha establecido la cookie CSRF.`,
  "http.CSRF_FAILED.token_missing": `${FAILED} falta el token CSRF.`,
  "http.CSRF_FAILED.token_incorrect": `${FAILED} el token CSRF es incorrecto.`,
  "http.CSRF_FAILED.no_origin": `${FAILED} falta la cabecera Origin.`,
  "http.CSRF_FAILED.untrusted_origin": `${FAILED} el origen de la solicitud no es de confianza.`,
  "http.PAYLOAD_TOO_LARGE.body": "El cuerpo de la solicitud supera los %(max_bytes)s bytes.",

  "page.errors_title": "Por favor, corrija los siguientes errores",
  "page.errors_intro": "El formulario tiene errores; no se ha guardado nada.",
  "page.back_to_form": "Volver al formulario",
  "page.forbidden_title": "Prohibido",
  "page.not_sent_title": "No se ha podido enviar el formulario",
  "page.submitted_title": "Enviado.",
  "page.submitted_body": "Gracias.",
  "page.server_error_title": "Error del servidor",
};
