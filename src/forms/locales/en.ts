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
  "FormField.invalid": "Enter an object.",
};
