/* carnet-search-hit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "carnet-core"

#include "config.h"

#include "carnet-search-hit.h"

#include "carnet-enums.h"

struct _CarnetSearchHit
{
  GObject           parent_instance;

  CarnetRecordKind  kind;
  gint64            id;
  char             *title;
  char             *snippet;
  GDateTime        *at;
};

G_DEFINE_FINAL_TYPE (CarnetSearchHit, carnet_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
carnet_search_hit_finalize (GObject *object)
{
  CarnetSearchHit *self = CARNET_SEARCH_HIT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->at, g_date_time_unref);

  G_OBJECT_CLASS (carnet_search_hit_parent_class)->finalize (object);
}

static void
carnet_search_hit_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CarnetSearchHit *self = CARNET_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carnet_search_hit_class_init (CarnetSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = carnet_search_hit_finalize;
  object_class->get_property = carnet_search_hit_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CARNET_TYPE_RECORD_KIND, CARNET_RECORD_APPOINTMENT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
carnet_search_hit_init (CarnetSearchHit *self)
{
}

CarnetSearchHit *
carnet_search_hit_new (CarnetRecordKind  kind,
                       gint64            id,
                       const char       *title,
                       const char       *snippet,
                       GDateTime        *at)
{
  CarnetSearchHit *self = g_object_new (CARNET_TYPE_SEARCH_HIT, NULL);

  self->kind = kind;
  self->id = id;
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);
  self->at = at != NULL ? g_date_time_ref (at) : NULL;

  return self;
}

CarnetRecordKind
carnet_search_hit_get_kind (CarnetSearchHit *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_HIT (self), 0);

  return self->kind;
}

gint64
carnet_search_hit_get_id (CarnetSearchHit *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_HIT (self), 0);

  return self->id;
}

const char *
carnet_search_hit_get_title (CarnetSearchHit *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

const char *
carnet_search_hit_get_snippet (CarnetSearchHit *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

GDateTime *
carnet_search_hit_get_at (CarnetSearchHit *self)
{
  g_return_val_if_fail (CARNET_IS_SEARCH_HIT (self), NULL);

  return self->at;
}
