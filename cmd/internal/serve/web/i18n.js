// daqiq web page: its texts in English, and the texts app.js writes, in
// both languages. The page is Arabic as served; app.js puts these in when
// English is chosen and index.html's own Arabic back when Arabic is.
//
// page: the English of each element of index.html marked data-t="key"
// (its text) or data-t-placeholder, data-t-aria-label, data-t-title="key"
// (that attribute); the Arabic is the element's own.
// app: what app.js writes with tr("key", ...), {0}, {1} … standing for
// its arguments. In English a value that is Arabic text is set between
// U+2068 and U+2069 (first strong isolate … pop directional isolate), so
// that it does not carry the quotes and arrows around it into its
// right-to-left order.
//
// Between its outer braces this file is JSON, which the Go tests read:
// double quotes only, no comments, no comma after the last member.
window.daqiqText = {
  "page": {
    "title": "daqiq — news copy checker",
    "skip": "Skip to the text",
    "name": "daqiq",
    "tagline": "Language checker for Arabic news copy",
    "dateline": "Publication date",
    "dateline-help": "Leave it empty to take the first full date in the text",
    "format": "Text format",
    "format-txt": "Plain text",
    "format-md": "Markdown",
    "lang": "Language",
    "format-help": "In Markdown and HTML, markup and code (<script>, <pre>, <code>) are not checked",
    "format-hint": "The pasted text looks like HTML.",
    "use-html": "Check it as HTML",
    "text": "Article",
    "text-placeholder": "Type or paste the article here…",
    "shortcut-help": "Ctrl+Enter to check. Underlines: wavy for an error, dashed for a warning, dotted for a note.",
    "source": "Wire copy (optional)",
    "source-help": "Paste the wire copy the article was rewritten from, and the article's numbers, names, quotes and days are compared with it. The wire copy itself is neither checked nor fixed.",
    "source-placeholder": "Paste the wire copy here…",
    "check": "Check",
    "apply-safe": "Apply all safe fixes",
    "unsafe": "Include unsafe fixes",
    "copy": "Copy text",
    "download": "Download text",
    "diff": "Changes made by the last fix",
    "diff-none": "No fix applied yet.",
    "findings": "Findings",
    "no-findings": "Press “Check” to check the text.",
    "flagged": "Flagged text:",
    "locate": "Show in text",
    "explain": "Explain the rule"
  },
  "app": {
    "sev-error": { "ar": "خطأ", "en": "Error" },
    "sev-warning": { "ar": "تنبيه", "en": "Warning" },
    "sev-info": { "ar": "ملاحظة", "en": "Note" },
    "count-error": { "ar": "أخطاء: {0}", "en": "Errors: {0}" },
    "count-warning": { "ar": "تنبيهات: {0}", "en": "Warnings: {0}" },
    "count-info": { "ar": "ملاحظات: {0}", "en": "Notes: {0}" },
    "no-findings-clean": { "ar": "لا ملاحظات: النص سليم بحسب القواعد المفعّلة.", "en": "No findings: the text passes the rules turned on." },
    "where": { "ar": "سطر {0}، عمود {1}", "en": "Line {0}, column {1}" },
    "apply": { "ar": "تطبيق: «{0}»", "en": "Apply: “\u2068{0}\u2069”" },
    "apply-delete": { "ar": "تطبيق: حذف", "en": "Apply: delete" },
    "apply-label": { "ar": "تطبيق «{0}» مكان «{1}»", "en": "Replace “{1}” with “{0}”" },
    "apply-delete-label": { "ar": "تطبيق حذف مكان «{0}»", "en": "Delete “{0}”" },
    "fix-safe": { "ar": "إصلاح آمن", "en": "Safe fix" },
    "fix-unsafe": { "ar": "إصلاح غير مأمون: راجعه قبل تطبيقه", "en": "Unsafe fix: review it before you apply it" },
    "stale-text": { "ar": "تغيّر النص بعد التدقيق: اضغط «تدقيق» (Ctrl+Enter) لتحديث الملاحظات.", "en": "The text has changed since the check: press “Check” (Ctrl+Enter) to update the findings." },
    "stale-source": { "ar": "تغيّر نص الوكالة بعد التدقيق: اضغط «تدقيق» (Ctrl+Enter) لتحديث الملاحظات.", "en": "The wire copy has changed since the check: press “Check” (Ctrl+Enter) to update the findings." },
    "doc-loading": { "ar": "جارٍ التحميل…", "en": "Loading…" },
    "doc-none": { "ar": "لا شرح لهذه القاعدة.", "en": "No explanation for this rule." },
    "doc-disabled": { "ar": "معطّلة", "en": "turned off" },
    "doc-what": { "ar": "ما تفحصه", "en": "What it checks" },
    "doc-why": { "ar": "لماذا", "en": "Why" },
    "doc-wrong": { "ar": "مثال خاطئ", "en": "Incorrect" },
    "doc-right": { "ar": "الصواب", "en": "Correct" },
    "doc-fix": { "ar": "الإصلاح", "en": "Fix" },
    "rules-failed": { "ar": "تعذّر تحميل القواعد: {0}", "en": "Could not load the rules: {0}" },
    "apply-mismatch": { "ar": "تعذّر التطبيق: النص في الموضع «{0}» لا يطابق «{1}».", "en": "Could not apply: the text there is now “\u2068{0}\u2069”, not “\u2068{1}\u2069”." },
    "applied-delete": { "ar": "حُذف «{0}». جارٍ إعادة التدقيق…", "en": "Deleted “\u2068{0}\u2069”. Checking again…" },
    "applied": { "ar": "طُبّق «{0}» مكان «{1}». جارٍ إعادة التدقيق…", "en": "Replaced “\u2068{1}\u2069” with “\u2068{0}\u2069”. Checking again…" },
    "diff-caption": { "ar": "«{0}» ← «{1}»", "en": "“\u2068{0}\u2069” → “\u2068{1}\u2069”" },
    "diff-empty": { "ar": "لا فروق.", "en": "No changes." },
    "fixing": { "ar": "جارٍ تطبيق الإصلاحات…", "en": "Applying the fixes…" },
    "fix-raced": { "ar": "تغيّر النص أثناء الإصلاح: أعد المحاولة.", "en": "The text changed while it was being fixed: try again." },
    "fixed": { "ar": "طُبّقت الإصلاحات: {0}. الملاحظات المتبقية: {1}.", "en": "Fixes applied: {0}. Findings left: {1}." },
    "no-safe-fixes": { "ar": "لا إصلاحات آمنة لتطبيقها. الملاحظات: {0}.", "en": "No safe fixes to apply. Findings: {0}." },
    "fix-failed": { "ar": "تعذّر الإصلاح: {0}", "en": "Could not apply the fixes: {0}" },
    "checking": { "ar": "جارٍ التدقيق…", "en": "Checking…" },
    "checked": { "ar": "عدد الملاحظات: {0}.", "en": "Findings: {0}." },
    "checked-none": { "ar": "لا ملاحظات.", "en": "No findings." },
    "check-failed": { "ar": "تعذّر التدقيق: {0}", "en": "Could not check: {0}" },
    "copied": { "ar": "نُسخ النص.", "en": "Text copied." },
    "copy-failed": { "ar": "تعذّر النسخ: انسخ النص المحدد يدويا.", "en": "Could not copy: copy the selected text by hand." },
    "downloaded": { "ar": "نُزّل النص في daqiq.txt.", "en": "Text downloaded as daqiq.txt." },
    "link-format": { "ar": "الصيغة «{0}»", "en": "format “{0}”" },
    "link-lang": { "ar": "اللغة «{0}»", "en": "language “{0}”" },
    "link-date": { "ar": "التاريخ «{0}»", "en": "date “{0}”" },
    "link-sep": { "ar": "، ", "en": ", " },
    "link-ignored": { "ar": "تُجوهل في الرابط ما لا يصح: {0}.", "en": "Invalid values in the link were ignored: {0}." }
  }
};
