"""Admin for the spec library: documents (filter by status, superseded) and their clauses."""

from django.contrib import admin
from django.db.models import Count

from specs.models import SpecClause, SpecDocument, Supersession


class SupersededFilter(admin.SimpleListFilter):
    title = "superseded"
    parameter_name = "superseded"

    def lookups(self, request, model_admin):
        return [("yes", "Superseded"), ("no", "Current")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(superseded_by__isnull=False)
        if self.value() == "no":
            return queryset.filter(superseded_by__isnull=True)
        return queryset


class SpecClauseInline(admin.TabularInline):
    model = SpecClause
    fields = ["order", "section", "kind", "page", "heading", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    max_num = 0


class SupersessionInline(admin.TabularInline):
    """Which revision replaced this one, when, through what and by whom (read-only: the record)."""

    model = Supersession
    fk_name = "document"
    fields = ["at", "replaced_label", "cause", "by"]
    readonly_fields = ["at", "replaced_label", "cause", "by"]
    extra = 0
    can_delete = False
    verbose_name_plural = "revision history"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SpecDocument)
class SpecDocumentAdmin(admin.ModelAdmin):
    list_display = [
        "document_number",
        "title",
        "revision",
        "effective_date",
        "status",
        "error_code",
        "page_count",
        "clause_count",
        "superseded_by",
        "original_filename",
        "uploaded_at",
    ]
    list_filter = ["status", SupersededFilter, "error_code"]
    search_fields = ["document_number", "title", "original_filename", "sha256"]
    list_select_related = ["superseded_by"]
    readonly_fields = ["sha256", "size_bytes", "page_count", "uploaded_at", "imported_at", "uploaded_by"]
    raw_id_fields = ["superseded_by", "uploaded_by"]
    inlines = [SupersessionInline, SpecClauseInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_clause_count=Count("clauses"))

    @admin.display(ordering="_clause_count", description="clauses")
    def clause_count(self, obj):
        return obj._clause_count


@admin.register(SpecClause)
class SpecClauseAdmin(admin.ModelAdmin):
    list_display = ["document", "section", "kind", "page", "heading", "short_text"]
    list_filter = ["kind", "document__status"]
    search_fields = ["text", "section", "heading", "document__document_number"]
    list_select_related = ["document"]
    raw_id_fields = ["document"]

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 120 else obj.text[:117] + "..."
