import type { LocaleTable } from "../message-types.js";

// Arabic (right to left). Worded after Django's ar catalogue where Django has the message
// ("أدخل …", "تأكد من أن …"), with "نموذج" for a form and "الخادم" for the server; quotes «…»
// (mirrored in right-to-left text). Plural forms: zero, one, two, few (3–10), many (11–99),
// other; the counted noun agrees with the number in each.

const FAILED = "فشل التحقق من CSRF:";

/** Arabic messages, keyed as `en`. */
export const ar: LocaleTable = {
  "Field.required": "هذا الحقل مطلوب.",

  "MinLengthValidator.min_length": {
    count: "limit_value",
    zero: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرف على الأقل (تحتوي حاليًا على %(show_value)d).",
    one: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرف على الأقل (تحتوي حاليًا على %(show_value)d).",
    two: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرفين على الأقل (تحتوي حاليًا على %(show_value)d).",
    few: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d أحرف على الأقل (تحتوي حاليًا على %(show_value)d).",
    many: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرفًا على الأقل (تحتوي حاليًا على %(show_value)d).",
    other:
      "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرف على الأقل (تحتوي حاليًا على %(show_value)d).",
  },
  "MaxLengthValidator.max_length": {
    count: "limit_value",
    zero: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرف على الأكثر (تحتوي حاليًا على %(show_value)d).",
    one: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرف على الأكثر (تحتوي حاليًا على %(show_value)d).",
    two: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرفين على الأكثر (تحتوي حاليًا على %(show_value)d).",
    few: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d أحرف على الأكثر (تحتوي حاليًا على %(show_value)d).",
    many: "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرفًا على الأكثر (تحتوي حاليًا على %(show_value)d).",
    other:
      "تأكد من أن هذه القيمة تحتوي على %(limit_value)d حرف على الأكثر (تحتوي حاليًا على %(show_value)d).",
  },
  "ProhibitNullCharactersValidator.null_characters_not_allowed": "الأحرف الخالية غير مسموح بها.",
  "MaxValueValidator.max_value": "تأكد من أن هذه القيمة أقل من %(limit_value)s أو مساوية لها.",
  "MinValueValidator.min_value": "تأكد من أن هذه القيمة أكبر من %(limit_value)s أو مساوية لها.",
  "StepValueValidator.step_size": "تأكد من أن هذه القيمة من مضاعفات حجم الخطوة %(limit_value)s.",
  "StepValueValidator.step_size_offset":
    "تأكد من أن هذه القيمة من مضاعفات حجم الخطوة %(limit_value)s بدءًا من %(offset)s، مثل %(offset)s و%(valid_value1)s و%(valid_value2)s وهكذا.",
  "DecimalValidator.invalid": "أدخل رقمًا.",
  "DecimalValidator.max_digits": {
    count: "max",
    zero: "تأكد من ألا تُدخل أكثر من %(max)s رقم في المجموع.",
    one: "تأكد من ألا تُدخل أكثر من %(max)s رقم في المجموع.",
    two: "تأكد من ألا تُدخل أكثر من %(max)s رقمين في المجموع.",
    few: "تأكد من ألا تُدخل أكثر من %(max)s أرقام في المجموع.",
    many: "تأكد من ألا تُدخل أكثر من %(max)s رقمًا في المجموع.",
    other: "تأكد من ألا تُدخل أكثر من %(max)s رقم في المجموع.",
  },
  "DecimalValidator.max_decimal_places": {
    count: "max",
    zero: "تأكد من ألا تُدخل أكثر من %(max)s خانة عشرية.",
    one: "تأكد من ألا تُدخل أكثر من %(max)s خانة عشرية.",
    two: "تأكد من ألا تُدخل أكثر من %(max)s خانتين عشريتين.",
    few: "تأكد من ألا تُدخل أكثر من %(max)s خانات عشرية.",
    many: "تأكد من ألا تُدخل أكثر من %(max)s خانة عشرية.",
    other: "تأكد من ألا تُدخل أكثر من %(max)s خانة عشرية.",
  },
  "DecimalValidator.max_whole_digits": {
    count: "max",
    zero: "تأكد من ألا تُدخل أكثر من %(max)s رقم قبل الفاصل العشري.",
    one: "تأكد من ألا تُدخل أكثر من %(max)s رقم قبل الفاصل العشري.",
    two: "تأكد من ألا تُدخل أكثر من %(max)s رقمين قبل الفاصل العشري.",
    few: "تأكد من ألا تُدخل أكثر من %(max)s أرقام قبل الفاصل العشري.",
    many: "تأكد من ألا تُدخل أكثر من %(max)s رقمًا قبل الفاصل العشري.",
    other: "تأكد من ألا تُدخل أكثر من %(max)s رقم قبل الفاصل العشري.",
  },
  "RegexValidator.invalid": "أدخل قيمة صحيحة.",
  "EmailValidator.invalid": "أدخل عنوان بريد إلكتروني صحيحًا.",
  "URLValidator.invalid": "أدخل رابطًا صحيحًا.",
  "validate_slug.invalid":
    "أدخل اختصار «slug» صحيحًا يتكوّن من أحرف أو أرقام أو شرطات سفلية أو واصلات.",
  "validate_unicode_slug.invalid":
    "أدخل اختصار «slug» صحيحًا يتكوّن من أحرف Unicode أو أرقام أو شرطات سفلية أو واصلات.",
  "validate_ipv4_address.invalid": "أدخل عنوان %(protocol)s صحيحًا.",
  "validate_ipv6_address.invalid": "أدخل عنوان %(protocol)s صحيحًا.",
  "validate_ipv46_address.invalid": "أدخل عنوان %(protocol)s صحيحًا.",
  "validate_ipv46_address.protocol": "IPv4 أو IPv6",
  "clean_ipv6_address.invalid": "هذا ليس عنوان IPv6 صحيحًا.",

  "IntegerField.invalid": "أدخل عددًا صحيحًا.",
  "FloatField.invalid": "أدخل رقمًا.",
  "DecimalField.invalid": "أدخل رقمًا.",
  "DateField.invalid": "أدخل تاريخًا صحيحًا.",
  "TimeField.invalid": "أدخل وقتًا صحيحًا.",
  "DateTimeField.invalid": "أدخل تاريخًا/وقتًا صحيحًا.",
  "DurationField.invalid": "أدخل مدة صحيحة.",
  "DurationField.overflow": "يجب أن يكون عدد الأيام بين %(min_days)s و%(max_days)s.",
  "FileField.invalid": "لم يتم إرسال أي ملف. الرجاء التأكد من نوع ترميز النموذج.",
  "FileField.missing": "لم يتم إرسال أي ملف.",
  "FileField.empty": "الملف الذي قمت بإرساله فارغ.",
  "FileField.max_length": {
    count: "max",
    zero: "تأكد من أن اسم هذا الملف يحتوي على %(max)d حرف على الأكثر (يحتوي حاليًا على %(length)d).",
    one: "تأكد من أن اسم هذا الملف يحتوي على %(max)d حرف على الأكثر (يحتوي حاليًا على %(length)d).",
    two: "تأكد من أن اسم هذا الملف يحتوي على %(max)d حرفين على الأكثر (يحتوي حاليًا على %(length)d).",
    few: "تأكد من أن اسم هذا الملف يحتوي على %(max)d أحرف على الأكثر (يحتوي حاليًا على %(length)d).",
    many: "تأكد من أن اسم هذا الملف يحتوي على %(max)d حرفًا على الأكثر (يحتوي حاليًا على %(length)d).",
    other:
      "تأكد من أن اسم هذا الملف يحتوي على %(max)d حرف على الأكثر (يحتوي حاليًا على %(length)d).",
  },
  "FileField.contradiction": "الرجاء إما إرسال ملف أو تحديد خانة المسح، وليس كليهما.",
  "FileField.max_size": "تأكد من أن حجم هذا الملف %(max_size)s على الأكثر (حجمه حاليًا %(size)s).",
  "FileField.content_type":
    "نوع الملف «%(content_type)s» غير مسموح به. الأنواع المسموح بها هي: %(allowed_content_types)s.",
  "ChoiceField.invalid_choice": "انتقِ خيارًا صحيحًا. %(value)s ليس أحد الخيارات المتاحة.",
  "MultipleChoiceField.invalid_choice": "انتقِ خيارًا صحيحًا. %(value)s ليس أحد الخيارات المتاحة.",
  "MultipleChoiceField.invalid_list": "أدخل قائمة من القيم.",
  "UUIDField.invalid": "أدخل قيمة UUID صحيحة.",
  "MultiValueField.invalid": "أدخل قائمة من القيم.",
  "MultiValueField.incomplete": "أدخل قيمة كاملة.",
  "SplitDateTimeField.invalid_date": "أدخل تاريخًا صحيحًا.",
  "SplitDateTimeField.invalid_time": "أدخل وقتًا صحيحًا.",
  "ImageField.invalid_image":
    "قم برفع صورة صحيحة. الملف الذي قمت برفعه إما أنه ليس صورة أو أنه ملف معطوب.",
  "FileExtensionValidator.invalid_extension":
    "امتداد الملف «%(extension)s» غير مسموح به. الامتدادات المسموح بها هي: %(allowed_extensions)s.",
  "URLField.invalid": "أدخل رابطًا صحيحًا.",
  "JSONField.invalid": "أدخل قيمة JSON صالحة.",
  "FormSet.too_few_forms": {
    count: "num",
    zero: "الرجاء إرسال %(num)d نموذج على الأقل.",
    one: "الرجاء إرسال %(num)d نموذج على الأقل.",
    two: "الرجاء إرسال %(num)d نموذجين على الأقل.",
    few: "الرجاء إرسال %(num)d نماذج على الأقل.",
    many: "الرجاء إرسال %(num)d نموذجًا على الأقل.",
    other: "الرجاء إرسال %(num)d نموذج على الأقل.",
  },
  "FormSet.too_many_forms": {
    count: "num",
    zero: "الرجاء إرسال %(num)d نموذج على الأكثر.",
    one: "الرجاء إرسال %(num)d نموذج على الأكثر.",
    two: "الرجاء إرسال %(num)d نموذجين على الأكثر.",
    few: "الرجاء إرسال %(num)d نماذج على الأكثر.",
    many: "الرجاء إرسال %(num)d نموذجًا على الأكثر.",
    other: "الرجاء إرسال %(num)d نموذج على الأكثر.",
  },
  "FormSet.invalid": "أدخل قائمة من النماذج.",
  "FormSet.missing_management_form":
    "بيانات نموذج الإدارة (ManagementForm) مفقودة أو تم العبث بها. الحقول المفقودة: %(field_names)s. قد تحتاج إلى تقديم تقرير خطأ إذا استمرت المشكلة.",
  "FormField.invalid": "أدخل كائنًا.",

  "http.BAD_REQUEST": "طلب غير صالح.",
  "http.UNAUTHENTICATED": "المصادقة مطلوبة.",
  "http.FORBIDDEN": "ليست لديك صلاحية لتنفيذ هذا الإجراء.",
  "http.CSRF_FAILED": "فشل التحقق من CSRF.",
  "http.NOT_FOUND": "غير موجود.",
  "http.METHOD_NOT_ALLOWED": "الطريقة غير مسموح بها.",
  "http.PAYLOAD_TOO_LARGE": "محتوى الطلب كبير جدًا.",
  "http.UNSUPPORTED_MEDIA_TYPE": "نوع الوسائط غير مدعوم.",
  "http.VALIDATION_FAILED": "فشل التحقق من صحة البيانات.",
  "http.INTERNAL": "خطأ داخلي في الخادم.",
  "http.CSRF_FAILED.cookie_not_set": `${FAILED} لم يتم تعيين ملف تعريف الارتباط (cookie) الخاص بـ CSRF.`,
  "http.CSRF_FAILED.token_missing": `${FAILED} رمز CSRF مفقود.`,
  "http.CSRF_FAILED.token_incorrect": `${FAILED} رمز CSRF غير صحيح.`,
  "http.CSRF_FAILED.no_origin": `${FAILED} الترويسة Origin غير موجودة.`,
  "http.CSRF_FAILED.untrusted_origin": `${FAILED} مصدر الطلب غير موثوق.`,
  "http.PAYLOAD_TOO_LARGE.body": "محتوى الطلب أكبر من %(max_bytes)s بايت.",

  "page.errors_title": "الرجاء تصحيح الأخطاء أدناه",
  "page.errors_intro": "يحتوي النموذج على أخطاء؛ لم يتم حفظ أي شيء.",
  "page.back_to_form": "العودة إلى النموذج",
  "page.forbidden_title": "ممنوع",
  "page.not_sent_title": "تعذّر إرسال النموذج",
  "page.submitted_title": "تم الإرسال.",
  "page.submitted_body": "شكرًا لك.",
  "page.server_error_title": "خطأ في الخادم",
};
