"""DRF serializers for the spec library API (``GET /spec-library``, ``POST /upload-specs``)."""

from __future__ import annotations

from rest_framework import serializers

from specs.models import SpecDocument


class SpecDocumentSerializer(serializers.ModelSerializer):
    """One library document; ``clause_count`` comes from an annotation (no per-row query)."""

    pages = serializers.IntegerField(source="page_count", read_only=True)
    clause_count = serializers.IntegerField(read_only=True)
    superseded = serializers.SerializerMethodField()
    superseded_by = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    hash_prefix = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()
    state = serializers.CharField(
        source="library_state",
        read_only=True,
        help_text="Active, Importing, Failed, Retired, Duplicate (same number and revision as an active copy) or Superseded",
    )
    retired_at = serializers.DateTimeField(read_only=True, allow_null=True)
    duplicate_of: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True
    )

    class Meta:
        model = SpecDocument
        fields = [
            "id",
            "document_number",
            "title",
            "revision",
            "effective_date",
            "original_filename",
            "pages",
            "clause_count",
            "status",
            "superseded",
            "superseded_by",
            "state",
            "retired_at",
            "duplicate_of",
            "import_note",
            "hash_prefix",
            "uploaded_at",
            "imported_at",
            "error",
        ]
        read_only_fields = fields

    def get_superseded(self, obj) -> bool:
        return obj.superseded_by_id is not None

    def get_hash_prefix(self, obj) -> str:
        return (obj.sha256 or "")[:12]

    def get_error(self, obj) -> dict | None:
        if obj.status != SpecDocument.Status.FAILED:
            return None
        request = self.context.get("request")
        return {"code": obj.error_code, "message": obj.error_message_for(getattr(request, "user", None))}


class SpecLibrarySerializer(serializers.Serializer):
    library_version = serializers.CharField()
    count = serializers.IntegerField()
    documents = SpecDocumentSerializer(many=True)


class UploadSpecsSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), help_text="One or more spec PDFs.")


class SpecErrorSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class DuplicateOfSerializer(serializers.Serializer):
    document_id = serializers.IntegerField()
    document_number = serializers.CharField()
    revision = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()


class UploadedFileSerializer(serializers.Serializer):
    filename = serializers.CharField()
    status = serializers.ChoiceField(choices=["queued", "duplicate", "failed"])
    document_id = serializers.IntegerField()
    duplicate_of = DuplicateOfSerializer(required=False, allow_null=True)
    error = SpecErrorSerializer(required=False, allow_null=True)


class UploadSpecsResponseSerializer(serializers.Serializer):
    files = UploadedFileSerializer(many=True)
    queued = serializers.IntegerField()
    duplicates = serializers.IntegerField()


class SpecErrorResponseSerializer(serializers.Serializer):
    error = SpecErrorSerializer()
