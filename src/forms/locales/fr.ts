import type { LocaleTable } from "../message-types.js";

// French. Worded as Django's fr catalogue where Django has the message ("Saisissez…",
// "Assurez-vous que…"); guillemets with no-break spaces, apostrophe ’. Plural forms: one (0
// and 1), many (millions), other.

const FAILED = "La vérification CSRF a échoué\u00a0:";

/** Django's French messages, keyed as `en`. */
export const fr: LocaleTable = {
  "Field.required": "Ce champ est obligatoire.",

  "MinLengthValidator.min_length": {
    count: "limit_value",
    one: "Assurez-vous que cette valeur comporte au moins %(limit_value)d caractère (actuellement %(show_value)d).",
    many: "Assurez-vous que cette valeur comporte au moins %(limit_value)d caractères (actuellement %(show_value)d).",
    other:
      "Assurez-vous que cette valeur comporte au moins %(limit_value)d caractères (actuellement %(show_value)d).",
  },
  "MaxLengthValidator.max_length": {
    count: "limit_value",
    one: "Assurez-vous que cette valeur comporte au plus %(limit_value)d caractère (actuellement %(show_value)d).",
    many: "Assurez-vous que cette valeur comporte au plus %(limit_value)d caractères (actuellement %(show_value)d).",
    other:
      "Assurez-vous que cette valeur comporte au plus %(limit_value)d caractères (actuellement %(show_value)d).",
  },
  "ProhibitNullCharactersValidator.null_characters_not_allowed":
    "Le caractère nul n’est pas autorisé.",
  "MaxValueValidator.max_value":
    "Assurez-vous que cette valeur est inférieure ou égale à %(limit_value)s.",
  "MinValueValidator.min_value":
    "Assurez-vous que cette valeur est supérieure ou égale à %(limit_value)s.",
  "StepValueValidator.step_size":
    "Assurez-vous que cette valeur est un multiple de la taille de pas %(limit_value)s.",
  "StepValueValidator.step_size_offset":
    "Assurez-vous que cette valeur est un multiple de la taille de pas %(limit_value)s, débutant à %(offset)s, par ex. %(offset)s, %(valid_value1)s, %(valid_value2)s, etc.",
  "DecimalValidator.invalid": "Saisissez un nombre.",
  "DecimalValidator.max_digits": {
    count: "max",
    one: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffre au total.",
    many: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffres au total.",
    other: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffres au total.",
  },
  "DecimalValidator.max_decimal_places": {
    count: "max",
    one: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffre après la virgule.",
    many: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffres après la virgule.",
    other: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffres après la virgule.",
  },
  "DecimalValidator.max_whole_digits": {
    count: "max",
    one: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffre avant la virgule.",
    many: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffres avant la virgule.",
    other: "Assurez-vous qu’il n’y a pas plus de %(max)s chiffres avant la virgule.",
  },
  "RegexValidator.invalid": "Saisissez une valeur valide.",
  "EmailValidator.invalid": "Saisissez une adresse de courriel valide.",
  "URLValidator.invalid": "Saisissez une URL valide.",
  "validate_slug.invalid":
    "Ce champ ne doit contenir que des lettres, des nombres, des tirets bas (_) et des traits d’union.",
  "validate_unicode_slug.invalid":
    "Ce champ ne doit contenir que des lettres Unicode, des nombres, des tirets bas (_) et des traits d’union.",
  "validate_ipv4_address.invalid": "Saisissez une adresse %(protocol)s valide.",
  "validate_ipv6_address.invalid": "Saisissez une adresse %(protocol)s valide.",
  "validate_ipv46_address.invalid": "Saisissez une adresse %(protocol)s valide.",
  "validate_ipv46_address.protocol": "IPv4 ou IPv6",
  "clean_ipv6_address.invalid": "Ceci n’est pas une adresse IPv6 valide.",

  "IntegerField.invalid": "Saisissez un nombre entier.",
  "FloatField.invalid": "Saisissez un nombre.",
  "DecimalField.invalid": "Saisissez un nombre.",
  "DateField.invalid": "Saisissez une date valide.",
  "TimeField.invalid": "Saisissez une heure valide.",
  "DateTimeField.invalid": "Saisissez une date et une heure valides.",
  "DurationField.invalid": "Saisissez une durée valide.",
  "DurationField.overflow": "Le nombre de jours doit être entre %(min_days)s et %(max_days)s.",
  "FileField.invalid": "Aucun fichier n’a été soumis. Vérifiez le type d’encodage du formulaire.",
  "FileField.missing": "Aucun fichier n’a été soumis.",
  "FileField.empty": "Le fichier soumis est vide.",
  "FileField.max_length": {
    count: "max",
    one: "Assurez-vous que ce nom de fichier comporte au plus %(max)d caractère (actuellement %(length)d).",
    many: "Assurez-vous que ce nom de fichier comporte au plus %(max)d caractères (actuellement %(length)d).",
    other:
      "Assurez-vous que ce nom de fichier comporte au plus %(max)d caractères (actuellement %(length)d).",
  },
  "FileField.contradiction":
    "Envoyez un fichier ou cochez la case d’effacement, mais pas les deux.",
  "FileField.max_size":
    "Assurez-vous que ce fichier fait au plus %(max_size)s (actuellement %(size)s).",
  "FileField.content_type":
    "Le type de fichier «\u00a0%(content_type)s\u00a0» n’est pas autorisé. Les types autorisés sont\u00a0: %(allowed_content_types)s.",
  "ChoiceField.invalid_choice": "Sélectionnez un choix valide. %(value)s n’en fait pas partie.",
  "MultipleChoiceField.invalid_choice":
    "Sélectionnez un choix valide. %(value)s n’en fait pas partie.",
  "MultipleChoiceField.invalid_list": "Saisissez une liste de valeurs.",
  "UUIDField.invalid": "Saisissez un UUID valide.",
  "MultiValueField.invalid": "Saisissez une liste de valeurs.",
  "MultiValueField.incomplete": "Saisissez une valeur complète.",
  "SplitDateTimeField.invalid_date": "Saisissez une date valide.",
  "SplitDateTimeField.invalid_time": "Saisissez une heure valide.",
  "ImageField.invalid_image":
    "Téléversez une image valide. Le fichier que vous avez téléversé n’est pas une image ou bien est corrompu.",
  "FileExtensionValidator.invalid_extension":
    "L’extension de fichier «\u00a0%(extension)s\u00a0» n’est pas autorisée. Les extensions autorisées sont\u00a0: %(allowed_extensions)s.",
  "URLField.invalid": "Saisissez une URL valide.",
  "JSONField.invalid": "Saisissez du contenu JSON valide.",
  "FormSet.too_few_forms": {
    count: "num",
    one: "Veuillez soumettre au moins %(num)d formulaire.",
    many: "Veuillez soumettre au moins %(num)d formulaires.",
    other: "Veuillez soumettre au moins %(num)d formulaires.",
  },
  "FormSet.too_many_forms": {
    count: "num",
    one: "Veuillez soumettre au plus %(num)d formulaire.",
    many: "Veuillez soumettre au plus %(num)d formulaires.",
    other: "Veuillez soumettre au plus %(num)d formulaires.",
  },
  "FormSet.invalid": "Saisissez une liste de formulaires.",
  "FormSet.missing_management_form":
    "Des données du formulaire ManagementForm sont manquantes ou ont été manipulées. Champs manquants\u00a0: %(field_names)s. Vous pourriez créer un rapport de bogue si le problème persiste.",
  "FormField.invalid": "Saisissez un objet.",

  "Form.hidden_field_error": "(champ masqué %(name)s) %(error)s",
  "NullBooleanSelect.unknown": "Inconnu",
  "NullBooleanSelect.yes": "Oui",
  "NullBooleanSelect.no": "Non",
  "ui.submit": "Envoyer",
  "ui.add": "Ajouter",
  "ui.remove": "Enlever",
  "ui.add_named": "Ajouter\u00a0: %(label)s",
  "ui.remove_named": "Enlever\u00a0: %(legend)s",
  "ui.date": "Date",
  "ui.time": "Heure",
  "ui.part_of": "%(label)s (%(index)d sur %(count)d)",

  "http.BAD_REQUEST": "Requête incorrecte.",
  "http.UNAUTHENTICATED": "Authentification requise.",
  "http.FORBIDDEN": "Vous n’avez pas la permission d’effectuer cette action.",
  "http.CSRF_FAILED": "La vérification CSRF a échoué.",
  "http.NOT_FOUND": "Introuvable.",
  "http.METHOD_NOT_ALLOWED": "Méthode non autorisée.",
  "http.PAYLOAD_TOO_LARGE": "Corps de la requête trop volumineux.",
  "http.UNSUPPORTED_MEDIA_TYPE": "Type de média non pris en charge.",
  "http.VALIDATION_FAILED": "La validation a échoué.",
  "http.INTERNAL": "Erreur interne du serveur.",
  "http.METHOD_NOT_ALLOWED.use": "Utilisez %(method)s pour cette URL.",
  "http.CSRF_FAILED.cookie_not_set": `${FAILED} le cookie CSRF n’est pas défini.`,
  "http.CSRF_FAILED.token_missing": `${FAILED} jeton CSRF manquant.`,
  "http.CSRF_FAILED.token_incorrect": `${FAILED} jeton CSRF incorrect.`,
  "http.CSRF_FAILED.no_origin": `${FAILED} aucun en-tête Origin.`,
  "http.CSRF_FAILED.untrusted_origin": `${FAILED} l’origine de la requête n’est pas approuvée.`,
  "http.PAYLOAD_TOO_LARGE.body": "Le corps de la requête dépasse %(max_bytes)s octets.",

  "page.errors_title": "Corrigez les erreurs ci-dessous",
  "page.errors_intro": "Le formulaire contient des erreurs\u00a0; rien n’a été enregistré.",
  "page.back_to_form": "Retour au formulaire",
  "page.forbidden_title": "Interdit",
  "page.not_sent_title": "Le formulaire n’a pas pu être envoyé",
  "page.submitted_title": "Envoyé.",
  "page.submitted_body": "Merci.",
  "page.server_error_title": "Erreur du serveur",
};
