import type { LocaleTable } from "../message-types.js";

// German. Worded as Django's de catalogue where Django has the message ("Bitte … eingeben.",
// "Bitte sicherstellen, dass …"); quotes „…“. Plural forms: one, other.

const FAILED = "CSRF-Verifizierung fehlgeschlagen:";

/** Django's German messages, keyed as `en`. */
export const de: LocaleTable = {
  "Field.required": "Dieses Feld ist zwingend erforderlich.",

  "MinLengthValidator.min_length": {
    count: "limit_value",
    one: "Bitte sicherstellen, dass der Wert aus mindestens %(limit_value)d Zeichen besteht. (Er besteht aus %(show_value)d Zeichen.)",
    other:
      "Bitte sicherstellen, dass der Wert aus mindestens %(limit_value)d Zeichen besteht. (Er besteht aus %(show_value)d Zeichen.)",
  },
  "MaxLengthValidator.max_length": {
    count: "limit_value",
    one: "Bitte sicherstellen, dass der Wert aus höchstens %(limit_value)d Zeichen besteht. (Er besteht aus %(show_value)d Zeichen.)",
    other:
      "Bitte sicherstellen, dass der Wert aus höchstens %(limit_value)d Zeichen besteht. (Er besteht aus %(show_value)d Zeichen.)",
  },
  "ProhibitNullCharactersValidator.null_characters_not_allowed": "Nullzeichen sind nicht erlaubt.",
  "MaxValueValidator.max_value": "Dieser Wert muss kleiner oder gleich %(limit_value)s sein.",
  "MinValueValidator.min_value": "Dieser Wert muss größer oder gleich %(limit_value)s sein.",
  "StepValueValidator.step_size": "Dieser Wert muss ein Vielfaches von %(limit_value)s sein.",
  "StepValueValidator.step_size_offset":
    "Dieser Wert muss ein Vielfaches von %(limit_value)s sein und bei %(offset)s beginnen, z. B. %(offset)s, %(valid_value1)s, %(valid_value2)s und so weiter.",
  "DecimalValidator.invalid": "Bitte eine Zahl eingeben.",
  "DecimalValidator.max_digits": {
    count: "max",
    one: "Bitte sicherstellen, dass der Wert höchstens %(max)s Ziffer enthält.",
    other: "Bitte sicherstellen, dass der Wert höchstens %(max)s Ziffern enthält.",
  },
  "DecimalValidator.max_decimal_places": {
    count: "max",
    one: "Bitte sicherstellen, dass der Wert höchstens %(max)s Dezimalstelle enthält.",
    other: "Bitte sicherstellen, dass der Wert höchstens %(max)s Dezimalstellen enthält.",
  },
  "DecimalValidator.max_whole_digits": {
    count: "max",
    one: "Bitte sicherstellen, dass der Wert höchstens %(max)s Ziffer vor dem Komma enthält.",
    other: "Bitte sicherstellen, dass der Wert höchstens %(max)s Ziffern vor dem Komma enthält.",
  },
  "RegexValidator.invalid": "Bitte einen gültigen Wert eingeben.",
  "EmailValidator.invalid": "Bitte eine gültige E-Mail-Adresse eingeben.",
  "URLValidator.invalid": "Bitte eine gültige Adresse eingeben.",
  "validate_slug.invalid":
    "Bitte ein gültiges Kürzel, bestehend aus Buchstaben, Ziffern, Unterstrichen und Bindestrichen, eingeben.",
  "validate_unicode_slug.invalid":
    "Bitte ein gültiges Kürzel eingeben, bestehend aus Buchstaben (Unicode), Ziffern, Unter- und Bindestrichen.",
  "validate_ipv4_address.invalid": "Bitte eine gültige %(protocol)s-Adresse eingeben.",
  "validate_ipv6_address.invalid": "Bitte eine gültige %(protocol)s-Adresse eingeben.",
  "validate_ipv46_address.invalid": "Bitte eine gültige %(protocol)s-Adresse eingeben.",
  "validate_ipv46_address.protocol": "IPv4 oder IPv6",
  "clean_ipv6_address.invalid": "Dies ist keine gültige IPv6-Adresse.",

  "IntegerField.invalid": "Bitte eine ganze Zahl eingeben.",
  "FloatField.invalid": "Bitte eine Zahl eingeben.",
  "DecimalField.invalid": "Bitte eine Zahl eingeben.",
  "DateField.invalid": "Bitte ein gültiges Datum eingeben.",
  "TimeField.invalid": "Bitte eine gültige Uhrzeit eingeben.",
  "DateTimeField.invalid": "Bitte ein gültiges Datum und eine gültige Uhrzeit eingeben.",
  "DurationField.invalid": "Bitte eine gültige Zeitspanne eingeben.",
  "DurationField.overflow": "Die Anzahl der Tage muss zwischen %(min_days)s und %(max_days)s sein.",
  "FileField.invalid":
    "Es wurde keine Datei übertragen. Überprüfen Sie das Encoding des Formulars.",
  "FileField.missing": "Es wurde keine Datei übertragen.",
  "FileField.empty": "Die übertragene Datei ist leer.",
  "FileField.max_length": {
    count: "max",
    one: "Bitte sicherstellen, dass der Dateiname aus höchstens %(max)d Zeichen besteht. (Er besteht aus %(length)d Zeichen.)",
    other:
      "Bitte sicherstellen, dass der Dateiname aus höchstens %(max)d Zeichen besteht. (Er besteht aus %(length)d Zeichen.)",
  },
  "FileField.contradiction":
    "Bitte wählen Sie entweder eine Datei aus oder wählen Sie „Löschen“, nicht beides.",
  "FileField.max_size":
    "Bitte sicherstellen, dass die Datei höchstens %(max_size)s groß ist. (Sie ist %(size)s groß.)",
  "FileField.content_type":
    "Dateityp „%(content_type)s“ ist nicht erlaubt. Erlaubte Dateitypen sind: %(allowed_content_types)s.",
  "ChoiceField.invalid_choice":
    "Bitte eine gültige Auswahl treffen. %(value)s ist keine gültige Auswahl.",
  "MultipleChoiceField.invalid_choice":
    "Bitte eine gültige Auswahl treffen. %(value)s ist keine gültige Auswahl.",
  "MultipleChoiceField.invalid_list": "Bitte eine Liste mit Werten eingeben.",
  "UUIDField.invalid": "Bitte eine gültige UUID eingeben.",
  "MultiValueField.invalid": "Bitte eine Liste mit Werten eingeben.",
  "MultiValueField.incomplete": "Bitte einen vollständigen Wert eingeben.",
  "SplitDateTimeField.invalid_date": "Bitte ein gültiges Datum eingeben.",
  "SplitDateTimeField.invalid_time": "Bitte eine gültige Uhrzeit eingeben.",
  "ImageField.invalid_image":
    "Bitte ein gültiges Bild hochladen. Die hochgeladene Datei ist kein Bild oder ist defekt.",
  "FileExtensionValidator.invalid_extension":
    "Dateiendung „%(extension)s“ ist nicht erlaubt. Erlaubte Dateiendungen sind: %(allowed_extensions)s.",
  "URLField.invalid": "Bitte eine gültige Adresse eingeben.",
  "JSONField.invalid": "Bitte ein gültiges JSON-Objekt eingeben.",
  "FormSet.too_few_forms": {
    count: "num",
    one: "Bitte mindestens %(num)d Formular abschicken.",
    other: "Bitte mindestens %(num)d Formulare abschicken.",
  },
  "FormSet.too_many_forms": {
    count: "num",
    one: "Bitte höchstens %(num)d Formular abschicken.",
    other: "Bitte höchstens %(num)d Formulare abschicken.",
  },
  "FormSet.invalid": "Bitte eine Liste von Formularen eingeben.",
  "FormSet.missing_management_form":
    "Daten für das Management-Formular fehlen oder wurden manipuliert. Fehlende Felder: %(field_names)s. Bitte erstellen Sie einen Bug-Report, falls der Fehler dauerhaft besteht.",
  "FormField.invalid": "Bitte ein Objekt eingeben.",

  "Form.hidden_field_error": "(Verstecktes Feld %(name)s) %(error)s",
  "NullBooleanSelect.unknown": "Unbekannt",
  "NullBooleanSelect.yes": "Ja",
  "NullBooleanSelect.no": "Nein",
  "ui.submit": "Absenden",
  "ui.add": "Hinzufügen",
  "ui.remove": "Entfernen",
  "ui.add_named": "%(label)s hinzufügen",
  "ui.remove_named": "%(legend)s entfernen",
  "ui.date": "Datum",
  "ui.time": "Uhrzeit",
  "ui.part_of": "%(label)s (%(index)d von %(count)d)",

  "http.BAD_REQUEST": "Ungültige Anfrage.",
  "http.UNAUTHENTICATED": "Anmeldung erforderlich.",
  "http.FORBIDDEN": "Sie haben keine Berechtigung, diese Aktion auszuführen.",
  "http.CSRF_FAILED": "CSRF-Verifizierung fehlgeschlagen.",
  "http.NOT_FOUND": "Nicht gefunden.",
  "http.METHOD_NOT_ALLOWED": "Methode nicht erlaubt.",
  "http.PAYLOAD_TOO_LARGE": "Der Inhalt der Anfrage ist zu groß.",
  "http.UNSUPPORTED_MEDIA_TYPE": "Nicht unterstützter Medientyp.",
  "http.VALIDATION_FAILED": "Validierung fehlgeschlagen.",
  "http.INTERNAL": "Interner Serverfehler.",
  "http.METHOD_NOT_ALLOWED.use": "Bitte %(method)s für diese URL verwenden.",
  "http.CSRF_FAILED.cookie_not_set": `${FAILED} CSRF-Cookie nicht gesetzt.`,
  "http.CSRF_FAILED.token_missing": `${FAILED} CSRF-Token fehlt.`,
  "http.CSRF_FAILED.token_incorrect": `${FAILED} CSRF-Token falsch.`,
  "http.CSRF_FAILED.no_origin": `${FAILED} kein Origin-Header.`,
  "http.CSRF_FAILED.untrusted_origin": `${FAILED} Der Ursprung der Anfrage ist nicht vertrauenswürdig.`,
  "http.PAYLOAD_TOO_LARGE.body": "Der Inhalt der Anfrage ist größer als %(max_bytes)s Bytes.",

  "page.errors_title": "Bitte die unten aufgeführten Fehler korrigieren",
  "page.errors_intro": "Das Formular enthält Fehler; es wurde nichts gespeichert.",
  "page.back_to_form": "Zurück zum Formular",
  "page.forbidden_title": "Verboten",
  "page.not_sent_title": "Das Formular konnte nicht gesendet werden",
  "page.submitted_title": "Gesendet.",
  "page.submitted_body": "Vielen Dank.",
  "page.server_error_title": "Serverfehler",
};
