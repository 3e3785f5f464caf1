import type { LocaleTable } from "../message-types.js";

/** Django 6's default English messages, keyed `<Class>.<code>`. */
export const en: LocaleTable = {
  "Field.required": "This field is required.",

  "MinLengthValidator.min_length": {
    one: "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
    other: "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
    count: "limit_value",
  },
  "MaxLengthValidator.max_length": {
    one: "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    other: "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    count: "limit_value",
  },
  "ProhibitNullCharactersValidator.null_characters_not_allowed": "Null characters are not allowed.",
  "MaxValueValidator.max_value": "Ensure this value is less than or equal to %(limit_value)s.",
  "MinValueValidator.min_value": "Ensure this value is greater than or equal to %(limit_value)s.",
  "StepValueValidator.step_size": "Ensure this value is a multiple of step size %(limit_value)s.",
  "StepValueValidator.step_size_offset":
    "Ensure this value is a multiple of step size %(limit_value)s, starting from %(offset)s, e.g. %(offset)s, %(valid_value1)s, %(valid_value2)s, and so on.",
  "DecimalValidator.invalid": "Enter a number.",
  "DecimalValidator.max_digits": {
    one: "Ensure that there are no more than %(max)s digit in total.",
    other: "Ensure that there are no more than %(max)s digits in total.",
    count: "max",
  },
  "DecimalValidator.max_decimal_places": {
    one: "Ensure that there are no more than %(max)s decimal place.",
    other: "Ensure that there are no more than %(max)s decimal places.",
    count: "max",
  },
  "DecimalValidator.max_whole_digits": {
    one: "Ensure that there are no more than %(max)s digit before the decimal point.",
    other: "Ensure that there are no more than %(max)s digits before the decimal point.",
    count: "max",
  },
  "RegexValidator.invalid": "Enter a valid value.",
  "EmailValidator.invalid": "Enter a valid email address.",
  "URLValidator.invalid": "Enter a valid URL.",
  "validate_slug.invalid":
    "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.",
  "validate_unicode_slug.invalid":
    "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.",
  // Django 6: one text, `protocol` is "IPv4", "IPv6" or "IPv4 or IPv6".
  "validate_ipv4_address.invalid": "Enter a valid %(protocol)s address.",
  "validate_ipv6_address.invalid": "Enter a valid %(protocol)s address.",
  "validate_ipv46_address.invalid": "Enter a valid %(protocol)s address.",
  // The `protocol` of validate_ipv46_address, translated as Django's gettext_lazy("IPv4 or IPv6").
  "validate_ipv46_address.protocol": "IPv4 or IPv6",
  "clean_ipv6_address.invalid": "This is not a valid IPv6 address.",

  "IntegerField.invalid": "Enter a whole number.",
  "FloatField.invalid": "Enter a number.",
  "DecimalField.invalid": "Enter a number.",
  "DateField.invalid": "Enter a valid date.",
  "TimeField.invalid": "Enter a valid time.",
  "DateTimeField.invalid": "Enter a valid date/time.",
  "DurationField.invalid": "Enter a valid duration.",
  "DurationField.overflow": "The number of days must be between %(min_days)s and %(max_days)s.",
  "FileField.invalid": "No file was submitted. Check the encoding type on the form.",
  "FileField.missing": "No file was submitted.",
  "FileField.empty": "The submitted file is empty.",
  "FileField.max_length": {
    one: "Ensure this filename has at most %(max)d character (it has %(length)d).",
    other: "Ensure this filename has at most %(max)d characters (it has %(length)d).",
    count: "max",
  },
  "FileField.contradiction": "Please either submit a file or check the clear checkbox, not both.",
  "FileField.max_size": "Ensure this file is at most %(max_size)s (it is %(size)s).",
  // Worded like Django's FileExtensionValidator.
  "FileField.content_type":
    "File type “%(content_type)s” is not allowed. Allowed types are: %(allowed_content_types)s.",
  "ChoiceField.invalid_choice":
    "Select a valid choice. %(value)s is not one of the available choices.",
  "MultipleChoiceField.invalid_choice":
    "Select a valid choice. %(value)s is not one of the available choices.",
  "MultipleChoiceField.invalid_list": "Enter a list of values.",
  "UUIDField.invalid": "Enter a valid UUID.",
  "MultiValueField.invalid": "Enter a list of values.",
  "MultiValueField.incomplete": "Enter a complete value.",
  "SplitDateTimeField.invalid_date": "Enter a valid date.",
  "SplitDateTimeField.invalid_time": "Enter a valid time.",
  "ImageField.invalid_image":
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image.",
  "FileExtensionValidator.invalid_extension":
    "File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s.",
  "URLField.invalid": "Enter a valid URL.",
  "JSONField.invalid": "Enter a valid JSON.",
  "FormSet.too_few_forms": {
    one: "Please submit at least %(num)d form.",
    other: "Please submit at least %(num)d forms.",
    count: "num",
  },
  "FormSet.too_many_forms": {
    one: "Please submit at most %(num)d form.",
    other: "Please submit at most %(num)d forms.",
    count: "num",
  },
  "FormSet.invalid": "Enter a list of forms.",
  // Django's BaseFormSet.default_error_messages; a native post's management form (native-decode.ts).
  "FormSet.missing_management_form":
    "ManagementForm data is missing or has been tampered with. Missing fields: %(field_names)s. You may need to file a bug report if the issue persists.",
  "FormField.invalid": "Enter an object.",

  // Texts the React renderer shows: Django's hidden-field prefix and NullBooleanSelect's
  // choices, then mizan's own buttons, their accessible names and MultiWidget's part names.
  "Form.hidden_field_error": "(Hidden field %(name)s) %(error)s",
  "NullBooleanSelect.unknown": "Unknown",
  "NullBooleanSelect.yes": "Yes",
  "NullBooleanSelect.no": "No",
  "ui.submit": "Submit",
  "ui.add": "Add",
  "ui.remove": "Remove",
  "ui.add_named": "Add %(label)s",
  "ui.remove_named": "Remove %(legend)s",
  "ui.date": "Date",
  "ui.time": "Time",
  "ui.part_of": "%(label)s (%(index)d of %(count)d)",

  // The default message of each error code (src/core/errors.ts), as a client receives it.
  "http.BAD_REQUEST": "Bad request.",
  "http.UNAUTHENTICATED": "Authentication required.",
  "http.FORBIDDEN": "You do not have permission to perform this action.",
  "http.CSRF_FAILED": "CSRF verification failed.",
  "http.NOT_FOUND": "Not found.",
  "http.METHOD_NOT_ALLOWED": "Method not allowed.",
  "http.PAYLOAD_TOO_LARGE": "Request body too large.",
  "http.UNSUPPORTED_MEDIA_TYPE": "Unsupported media type.",
  "http.VALIDATION_FAILED": "Validation failed.",
  "http.INTERNAL": "Internal server error.",
  "http.METHOD_NOT_ALLOWED.use": "Use %(method)s for this URL.",
  // The CSRF refusals (src/server/csrf.ts), each a whole message; reasons worded as Django's.
  "http.CSRF_FAILED.cookie_not_set": "CSRF verification failed: CSRF cookie not set.",
  "http.CSRF_FAILED.token_missing": "CSRF verification failed: CSRF token missing.",
  "http.CSRF_FAILED.token_incorrect": "CSRF verification failed: CSRF token incorrect.",
  "http.CSRF_FAILED.no_origin": "CSRF verification failed: no Origin header.",
  "http.CSRF_FAILED.untrusted_origin":
    "CSRF verification failed: the request's origin is not trusted.",
  // A native post whose body is over limits.maxBodyBytes (src/server/read-body.ts).
  "http.PAYLOAD_TOO_LARGE.body": "Request body is larger than %(max_bytes)s bytes.",

  // The small HTML pages a native (no-JavaScript) form post can get (src/server/native-pages.ts).
  "page.errors_title": "Please correct the errors below",
  "page.errors_intro": "The form has errors; nothing was saved.",
  "page.back_to_form": "Back to the form",
  "page.forbidden_title": "Forbidden",
  "page.not_sent_title": "The form could not be sent",
  "page.submitted_title": "Submitted.",
  "page.submitted_body": "Thank you.",
  "page.server_error_title": "Server error",
};
