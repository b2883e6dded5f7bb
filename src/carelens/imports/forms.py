from __future__ import annotations

from crispy_forms_gds.layout import Field
from django import forms
from django.conf import settings

from carelens.accounts.forms import gds_helper


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.xlsx,.xlsm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        return [single(data or None, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="CLD extract files",
        help_text="CSV or Excel (.xlsx). Choose several files to import them as one snapshot, "
        "for example the quarterly files of a year.",
        error_messages={"required": "Choose at least one CLD extract file"},
    )
    label = forms.CharField(
        required=False,
        max_length=100,
        label="Name for this snapshot (optional)",
        help_text="For example, Q2 2025-26",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("files"), Field.text("label", field_width=20), button="Import"
        )

    def clean_files(self):
        files = self.cleaned_data["files"]
        limit_mb = settings.CARELENS_UPLOAD_MAX_MB
        for upload in files:
            if upload.size > limit_mb * 1024 * 1024:
                raise forms.ValidationError(
                    f"{upload.name} is {upload.size / 1024 / 1024:,.0f} MB; files must be "
                    f"{limit_mb:,} MB or smaller. Split the extract, or ask your administrator "
                    "to raise CARELENS_UPLOAD_MAX_MB, or import it with `carelens import cld`."
                )
        return files
