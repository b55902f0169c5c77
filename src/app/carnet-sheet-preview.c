/* carnet-sheet-preview.c: the consultation sheet on screen, to print or save
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are drawn by the core's pango/cairo code, the same that writes
 * the PDF: laid out once at A4 with a font map of their own and the PDF's
 * font options, then each page scaled to the width it is given. Printing lays
 * the sheet out again at the printer's page size.
 */
#define G_LOG_DOMAIN "carnet-app"

#include "config.h"

#include "carnet-sheet-preview.h"

#include <glib/gi18n.h>

#include "carnet-exchange-actions.h"
#include "carnet-sheet.h"

/* The widest a page is drawn: A4 at 96 dpi. */
#define PAGE_MAX_WIDTH 794

struct _CarnetSheetPreview
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  AdwToastOverlay   *toast_overlay;
  GtkBox            *pages_box;

  CarnetSheet       *sheet;
  PangoFontMap      *font_map;
  CarnetSheetLayout *layout;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (CarnetSheetPreview, carnet_sheet_preview, ADW_TYPE_WINDOW)

/* One page of the sheet, as tall as its width asks. */
#define CARNET_TYPE_SHEET_PAGE (carnet_sheet_page_get_type ())
G_DECLARE_FINAL_TYPE (CarnetSheetPage, carnet_sheet_page, CARNET, SHEET_PAGE, GtkWidget)

struct _CarnetSheetPage
{
  GtkWidget           parent_instance;
  CarnetSheetPreview *preview;
  guint               page;
};

G_DEFINE_FINAL_TYPE (CarnetSheetPage, carnet_sheet_page, GTK_TYPE_WIDGET)

static void
carnet_sheet_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = PAGE_MAX_WIDTH;
    }
  else
    {
      int width = for_size < 0 ? PAGE_MAX_WIDTH : MIN (for_size, PAGE_MAX_WIDTH);

      *minimum = *natural = (int) (width * CARNET_SHEET_A4_HEIGHT / CARNET_SHEET_A4_WIDTH + 0.5);
    }
}

static GtkSizeRequestMode
carnet_sheet_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
carnet_sheet_page_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CarnetSheetPage *self = CARNET_SHEET_PAGE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double scale;
  cairo_t *cr;

  if (self->preview == NULL || self->preview->layout == NULL || width <= 0 || height <= 0)
    return;

  /* The page keeps its proportions in whatever it was given, centred. */
  scale = MIN (width / CARNET_SHEET_A4_WIDTH, height / CARNET_SHEET_A4_HEIGHT);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, (width - CARNET_SHEET_A4_WIDTH * scale) / 2, 0);
  cairo_scale (cr, scale, scale);

  /* Paper is white whatever the style: what is seen is what prints. */
  cairo_rectangle (cr, 0, 0, CARNET_SHEET_A4_WIDTH, CARNET_SHEET_A4_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);

  cairo_translate (cr, CARNET_SHEET_MARGIN, CARNET_SHEET_MARGIN);
  carnet_sheet_layout_draw_page (self->preview->layout, cr, self->page);
  cairo_destroy (cr);
}

static void
carnet_sheet_page_class_init (CarnetSheetPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = carnet_sheet_page_measure;
  widget_class->get_request_mode = carnet_sheet_page_get_request_mode;
  widget_class->snapshot = carnet_sheet_page_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
carnet_sheet_page_init (CarnetSheetPage *self)
{
  /* Tab goes from page to page, and the scrolled window follows. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self), "carnet-sheet-page");
}

/* The preview */

static void
show_toast (CarnetSheetPreview *self,
            const char         *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
show_error (CarnetSheetPreview *self,
            const char         *heading,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A pango context that lays text out as the PDF does, whatever the screen. */
static PangoContext *
create_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);

  return context;
}

static void
build_pages (CarnetSheetPreview *self)
{
  PangoContext *context = create_context (self->font_map);
  guint n_pages;

  self->layout = carnet_sheet_layout_new (self->sheet, context,
                                          CARNET_SHEET_A4_WIDTH - 2 * CARNET_SHEET_MARGIN,
                                          CARNET_SHEET_A4_HEIGHT - 2 * CARNET_SHEET_MARGIN);
  g_object_unref (context);
  n_pages = carnet_sheet_layout_get_n_pages (self->layout);

  for (guint i = 0; i < n_pages; i++)
    {
      CarnetSheetPage *page = g_object_new (CARNET_TYPE_SHEET_PAGE, NULL);
      g_autofree char *label = NULL;

      page->preview = self;
      page->page = i;
      /* Translators: the accessible name of a page of the consultation sheet. */
      label = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);
      gtk_accessible_update_property (GTK_ACCESSIBLE (page),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_box_append (self->pages_box, GTK_WIDGET (page));
    }
}

static void
update_title (CarnetSheetPreview *self)
{
  g_autofree char *when = NULL;

  /* Translators: the preview's subtitle, the day of the consultation. */
  when = g_date_time_format (self->sheet->start, _("%A %e %B %Y"));
  adw_window_title_set_subtitle (self->window_title, g_strstrip (when));
}

/* Callbacks */

static void
on_begin_print_cb (GtkPrintOperation  *operation,
                   GtkPrintContext    *context,
                   CarnetSheetPreview *self)
{
  PangoContext *pango_context = create_context (self->font_map);
  CarnetSheetLayout *layout;
  double width;
  double height;

  /* The printable area, but no wider than the PDF's: the same sheet. */
  width = MIN (gtk_print_context_get_width (context),
               CARNET_SHEET_A4_WIDTH - 2 * CARNET_SHEET_MARGIN);
  height = MIN (gtk_print_context_get_height (context),
                CARNET_SHEET_A4_HEIGHT - 2 * CARNET_SHEET_MARGIN);
  layout = carnet_sheet_layout_new (self->sheet, pango_context, width, height);
  g_object_unref (pango_context);
  g_object_set_data_full (G_OBJECT (operation), "carnet-layout", layout,
                          (GDestroyNotify) carnet_sheet_layout_free);
  gtk_print_operation_set_n_pages (operation, carnet_sheet_layout_get_n_pages (layout));
}

static void
on_draw_page_cb (GtkPrintOperation  *operation,
                 GtkPrintContext    *context,
                 int                 page,
                 CarnetSheetPreview *self)
{
  CarnetSheetLayout *layout = g_object_get_data (G_OBJECT (operation), "carnet-layout");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_assert (layout != NULL);
  carnet_sheet_layout_draw_page (layout, cr, page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  CarnetSheetPreview      *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  show_error (self, _("Could Not Print"), error);
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        CarnetSheetPreview *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "preview.save-pdf-to", "s", path);
    }
}

/* Actions */

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CarnetSheetPreview *self = CARNET_SHEET_PREVIEW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = carnet_sheet_preview_dup_default_name (self);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print"), error);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CarnetSheetPreview *self = CARNET_SHEET_PREVIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save the Consultation Sheet"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = carnet_sheet_preview_dup_default_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_pdf_to_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CarnetSheetPreview *self = CARNET_SHEET_PREVIEW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (!carnet_sheet_preview_save_pdf (self, file, &error))
    {
      show_error (self, _("Could Not Save the Sheet"), error);
      return;
    }

  display = g_file_get_parse_name (file);
  /* Translators: %s is where the file went. */
  message = g_strdup_printf (_("Saved to “%s”"), display);
  show_toast (self, message);
}

/* Overrides */

static void
carnet_sheet_preview_dispose (GObject *object)
{
  CarnetSheetPreview *self = CARNET_SHEET_PREVIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CARNET_TYPE_SHEET_PREVIEW);

  G_OBJECT_CLASS (carnet_sheet_preview_parent_class)->dispose (object);
}

static void
carnet_sheet_preview_finalize (GObject *object)
{
  CarnetSheetPreview *self = CARNET_SHEET_PREVIEW (object);

  g_clear_pointer (&self->layout, carnet_sheet_layout_free);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->sheet, carnet_sheet_free);

  G_OBJECT_CLASS (carnet_sheet_preview_parent_class)->finalize (object);
}

static void
carnet_sheet_preview_class_init (CarnetSheetPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carnet_sheet_preview_dispose;
  object_class->finalize = carnet_sheet_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/carnet-sheet-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CarnetSheetPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, CarnetSheetPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CarnetSheetPreview, pages_box);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf", NULL, save_pdf_activated);
  gtk_widget_class_install_action (widget_class, "preview.save-pdf-to", "s", save_pdf_to_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preview.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
carnet_sheet_preview_init (CarnetSheetPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * carnet_sheet_preview_new:
 * @parent: (nullable): the window it is about
 * @notebook: the notebook
 * @appointment_id: the consultation, or 0 for the next one
 *
 * Returns: (transfer floating): the preview, not shown yet; %NULL with @error
 *   set when the sheet cannot be made (no consultation planned…)
 */
CarnetSheetPreview *
carnet_sheet_preview_new (GtkWindow       *parent,
                          CarnetNotebook  *notebook,
                          gint64           appointment_id,
                          GError         **error)
{
  CarnetSheetPreview *self;
  CarnetSheet *sheet;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARNET_IS_NOTEBOOK (notebook), NULL);

  sheet = carnet_sheet_new (notebook, appointment_id, error);
  if (sheet == NULL)
    return NULL;

  self = g_object_new (CARNET_TYPE_SHEET_PREVIEW,
                       "transient-for", parent,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->sheet = sheet;
  self->font_map = pango_cairo_font_map_new ();
  build_pages (self);
  update_title (self);

  return self;
}

guint
carnet_sheet_preview_get_n_pages (CarnetSheetPreview *self)
{
  g_return_val_if_fail (CARNET_IS_SHEET_PREVIEW (self), 0);

  return carnet_sheet_layout_get_n_pages (self->layout);
}

/**
 * carnet_sheet_preview_save_pdf:
 * @file: where, a local file
 *
 * Writes the sheet as PDF into @file, readable by its owner only.
 */
gboolean
carnet_sheet_preview_save_pdf (CarnetSheetPreview  *self,
                               GFile               *file,
                               GError             **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CARNET_IS_SHEET_PREVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, CARNET_ERROR, CARNET_ERROR_IO,
                   _("Carnet can only save into a folder of this computer."));
      return FALSE;
    }

  pdf = carnet_sheet_to_pdf (self->sheet, error);

  return pdf != NULL && carnet_export_save (pdf, path, error);
}

/**
 * carnet_sheet_preview_dup_default_name:
 *
 * Returns: (transfer full): the PDF's file name to suggest:
 *   "carnet-<person>-<day of the consultation>.pdf"
 */
char *
carnet_sheet_preview_dup_default_name (CarnetSheetPreview *self)
{
  g_return_val_if_fail (CARNET_IS_SHEET_PREVIEW (self), NULL);

  return carnet_exchange_file_name (self->sheet->person, self->sheet->start, "pdf");
}
