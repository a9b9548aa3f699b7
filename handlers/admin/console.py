"""The admin console in the chat: companies and their visits, postings, applications.

Gathered here so `register_handlers` adds them with one line. Inline buttons are
stateless top-level handlers (their data says what they act on); the two typed forms
share one persistent conversation, entered by reply-keyboard buttons.
"""

from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from handlers.admin import applications, companies, postings
from handlers.admin.posting_form import PostingForm
from handlers.admin.visits import VisitForm
from handlers.forms import forms_conversation


def build_admin_console_handlers() -> list[BaseHandler]:
    return [
        CommandHandler("companies", companies.list_companies),
        CallbackQueryHandler(companies.company_button, pattern=companies.PATTERN),
        CommandHandler("postings", postings.list_postings),
        CallbackQueryHandler(postings.posting_button, pattern=postings.PATTERN),
        CallbackQueryHandler(applications.applications_button, pattern=applications.PATTERN),
        forms_conversation("admin_forms", [VisitForm(), PostingForm()]),
    ]
