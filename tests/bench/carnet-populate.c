/* carnet-populate.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * carnet-populate NOTEBOOK --entries N [--seed S]: writes a synthetic
 * notebook for the benchmarks. One patient followed for twelve years and for
 * the year to come: treatments one after the other (cycles of chemotherapy,
 * radiotherapy, hormone and targeted therapies…), appointments of every kind
 * with reminders and some repeating series, lab panels from about thirty tests
 * with their units and reference ranges on the days of the blood tests,
 * imaging reports, side effects on the days of the treatment cycles, and
 * questions for the consultations (answered for the past ones, open for the
 * next ones). Every date is relative to today; the same seed on the same day
 * gives the same notebook.
 *
 * Records are saved through the core, so they are what the app would have
 * written, but all in one transaction (carnet_notebook_add_in_transaction):
 * 100 000 entries take seconds, and a failure leaves the notebook as it was. Exit status as carnet-cli: 0 done, 1 the
 * notebook could not be written (or already holds records), 2 usage error.
 * On success it prints how many records of each kind it wrote.
 */
#define G_LOG_DOMAIN "carnet-populate"

#include "config.h"

#include <math.h>

#include "carnet-appointment.h"
#include "carnet-notebook-private.h"
#include "carnet-question.h"
#include "carnet-result.h"
#include "carnet-side-effect.h"
#include "carnet-treatment.h"

/* Bumped whenever the notebooks it writes change: the benchmark caches them
 * by size and by this. */
#define GENERATOR_VERSION 1

#define YEARS_PAST 12
#define DAYS_FUTURE 365

typedef struct
{
  const char *name;
  const char *unit;
  double      low;
  double      high;
  /* Decimals shown by the laboratory. */
  int         decimals;
} LabTest;

/* The blood count comes first: every panel has it. */
#define N_BLOOD_COUNT 7
static const LabTest lab_tests[] = {
  { "Hémoglobine", "g/dL", 12, 16, 1 },
  { "Leucocytes", "G/L", 4, 10, 2 },
  { "Polynucléaires neutrophiles", "G/L", 1.5, 7, 2 },
  { "Lymphocytes", "G/L", 1, 4, 2 },
  { "Plaquettes", "G/L", 150, 400, 0 },
  { "Hématocrite", "%", 36, 46, 1 },
  { "VGM", "fL", 80, 100, 0 },
  { "Créatinine", "µmol/L", 45, 90, 0 },
  { "DFG (CKD-EPI)", "mL/min/1,73 m²", 60, 120, 0 },
  { "Urée", "mmol/L", 2.5, 7.5, 1 },
  { "Sodium", "mmol/L", 136, 145, 0 },
  { "Potassium", "mmol/L", 3.5, 5.0, 1 },
  { "Calcium", "mmol/L", 2.2, 2.6, 2 },
  { "Magnésium", "mmol/L", 0.75, 1.0, 2 },
  { "ASAT", "UI/L", 5, 35, 0 },
  { "ALAT", "UI/L", 5, 35, 0 },
  { "Gamma-GT", "UI/L", 8, 38, 0 },
  { "Phosphatases alcalines", "UI/L", 35, 105, 0 },
  { "Bilirubine totale", "µmol/L", 3, 21, 0 },
  { "Albumine", "g/L", 35, 50, 0 },
  { "CRP", "mg/L", 0, 5, 1 },
  { "Glycémie à jeun", "mmol/L", 3.9, 5.5, 2 },
  { "LDH", "UI/L", 125, 243, 0 },
  { "Ferritine", "µg/L", 15, 150, 0 },
  { "TSH", "mUI/L", 0.4, 4, 2 },
  { "Vitamine D", "nmol/L", 75, 250, 0 },
  { "CA 15-3", "kU/L", 0, 30, 1 },
  { "ACE", "µg/L", 0, 5, 1 },
  { "CA 125", "kU/L", 0, 35, 1 },
  { "INR", NULL, 0.8, 1.2, 2 },
};
#define N_LAB_TESTS G_N_ELEMENTS (lab_tests)

typedef struct
{
  const char          *name;
  CarnetTreatmentKind  kind;
  guint                cycle_days;
  guint                cycles;
  /* Length in days when it is not given in cycles. */
  guint                days;
  const char          *notes;
} TreatmentTemplate;

static const TreatmentTemplate treatment_templates[] = {
  { "Tumorectomie et ganglion sentinelle", CARNET_TREATMENT_SURGERY, 0, 0, 1, "Sein gauche, berges saines." },
  { "EC 100 (épirubicine, cyclophosphamide)", CARNET_TREATMENT_CHEMOTHERAPY, 21, 3, 0, "Sur chambre implantable." },
  { "Paclitaxel hebdomadaire", CARNET_TREATMENT_CHEMOTHERAPY, 7, 12, 0, NULL },
  { "Radiothérapie sein gauche", CARNET_TREATMENT_RADIOTHERAPY, 0, 0, 35, "25 séances de 2 Gy, puis complément." },
  { "Trastuzumab", CARNET_TREATMENT_TARGETED_THERAPY, 21, 17, 0, "Échographie cardiaque tous les trois mois." },
  { "Létrozole", CARNET_TREATMENT_HORMONE_THERAPY, 0, 0, 900, "Un comprimé par jour." },
  { "Capécitabine", CARNET_TREATMENT_CHEMOTHERAPY, 21, 8, 0, "Comprimés matin et soir, 14 jours sur 21." },
  { "Palbociclib", CARNET_TREATMENT_TARGETED_THERAPY, 28, 10, 0, "21 jours sur 28, avec le létrozole." },
  { "Pembrolizumab", CARNET_TREATMENT_IMMUNOTHERAPY, 21, 12, 0, NULL },
  { "Docétaxel", CARNET_TREATMENT_CHEMOTHERAPY, 21, 6, 0, NULL },
  { "Tamoxifène", CARNET_TREATMENT_HORMONE_THERAPY, 0, 0, 700, NULL },
  { "Radiothérapie stéréotaxique", CARNET_TREATMENT_RADIOTHERAPY, 0, 0, 12, "Trois séances." },
  { "Kinésithérapie du membre supérieur", CARNET_TREATMENT_OTHER, 0, 0, 90, "Drainage lymphatique." },
};

static const char *symptoms[] = {
  "Nausées", "Vomissements", "Fatigue", "Diarrhée", "Constipation", "Mucite",
  "Neuropathie périphérique", "Perte d'appétit", "Alopécie", "Bouffées de chaleur",
  "Douleurs articulaires", "Éruption cutanée", "Syndrome main-pied", "Radiodermite",
  "Insomnie", "Essoufflement", "Fièvre", "Troubles du goût", "Œdème des jambes",
  "Sécheresse oculaire",
};

static const char *side_effect_notes[] = {
  "Soulagé par l'ondansétron.",
  "Mieux après une sieste.",
  "Signalé à l'infirmière de coordination.",
  "Crème émolliente matin et soir.",
  "Appelé l'hôpital de jour, pas de fièvre associée.",
};

static const char *questions[] = {
  "Puis-je continuer la natation pendant le traitement ?",
  "Faut-il adapter la dose si les neutrophiles restent bas ?",
  "Combien de temps durera la fatigue après la dernière cure ?",
  "Les fourmillements dans les doigts vont-ils disparaître ?",
  "Peut-on espacer les prises de sang ?",
  "Le scanner de contrôle est-il prévu avant la prochaine cure ?",
  "Puis-je me faire vacciner contre la grippe ?",
  "Quels aliments éviter avec ce traitement ?",
  "Est-ce normal d'avoir des bouffées de chaleur la nuit ?",
  "Quand pourrai-je reprendre le travail à mi-temps ?",
  "Faut-il continuer la crème sur la zone irradiée ?",
  "La hausse du CA 15-3 est-elle inquiétante ?",
  "Peut-on faire une pause pendant les vacances ?",
  "Qui appeler en cas de fièvre le week-end ?",
  "Le kinésithérapeute est-il pris en charge ?",
  "Dois-je prendre de la vitamine D ?",
};

static const char *answers[] = {
  "Oui, en évitant les piscines très chlorées les jours de cure.",
  "Pas pour l'instant : on contrôle à nouveau dans une semaine.",
  "Quelques mois en général ; l'activité physique aide.",
  "Souvent en partie, lentement ; à surveiller à chaque consultation.",
  "Oui, une fois par mois à partir du prochain cycle.",
  "Oui, dans trois semaines, avant la décision de poursuivre.",
  "Oui, entre deux cures, pas le jour même.",
  "Le pamplemousse et le millepertuis ; le reste sans restriction.",
};

typedef struct
{
  const char            *titles[4];
  CarnetAppointmentKind  kind;
  /* Weight among the appointments, in percent. */
  guint                  weight;
  guint                  duration;
  const char            *location;
  const char            *practitioner;
  const char            *reminders;
  /* A repeating series of this kind, and about how long it lasts in days. */
  const char            *repeat;
  guint                  repeat_days;
} AppointmentTemplate;

static const AppointmentTemplate appointment_templates[] = {
  { { "Consultation d'oncologie", "Consultation de suivi", "Consultation de radiothérapie", "Consultation chirurgicale" },
    CARNET_APPOINTMENT_CONSULTATION, 28, 30, "Centre de cancérologie, bâtiment B", "Dr Anne Rousseau", "1d,2h",
    "FREQ=MONTHLY;INTERVAL=6;COUNT=4", 560 },
  { { "Prise de sang", "Bilan sanguin avant cure", "Prise de sang à jeun", "Bilan biologique" },
    CARNET_APPOINTMENT_BLOOD_TEST, 40, 15, "Laboratoire d'analyses, rue des Lilas", NULL, "1d",
    "FREQ=MONTHLY;INTERVAL=3;COUNT=4", 280 },
  { { "Scanner thoraco-abdomino-pelvien", "IRM mammaire", "TEP-scanner", "Mammographie et échographie" },
    CARNET_APPOINTMENT_IMAGING, 12, 45, "Service d'imagerie, niveau -1", "Dr Sophie Laurent", "7d,1d",
    "FREQ=YEARLY;COUNT=3", 740 },
  { { "Biopsie guidée par échographie", "Biopsie ganglionnaire", "Biopsie", "Biopsie osseuse" },
    CARNET_APPOINTMENT_BIOPSY, 2, 60, "Service d'imagerie, niveau -1", "Dr Sophie Laurent", "1d,2h",
    NULL, 0 },
  { { "Séance de chimiothérapie", "Hôpital de jour", "Perfusion de trastuzumab", "Séance de radiothérapie" },
    CARNET_APPOINTMENT_TREATMENT, 12, 180, "Hôpital de jour, 3e étage", NULL, "1d,1h",
    "FREQ=WEEKLY;INTERVAL=3;COUNT=6", 110 },
  { { "Pose de chambre implantable", "Reprise chirurgicale", "Ablation de la chambre", "Chirurgie" },
    CARNET_APPOINTMENT_SURGERY, 1, 240, "Clinique chirurgicale, accueil", "Dr Paul Meyer", "7d,1d",
    NULL, 0 },
  { { "Kinésithérapie", "Diététicienne", "Psychologue", "Soins de support" },
    CARNET_APPOINTMENT_OTHER, 5, 45, "Maison de santé", NULL, "1d",
    "FREQ=WEEKLY;COUNT=10", 70 },
};

static const char *appointment_notes[] = {
  "À jeun depuis la veille au soir.",
  "Apporter les derniers résultats et l'ordonnance.",
  "Prévoir un accompagnant pour le retour.",
  "Carte Vitale et carte de mutuelle.",
  "Crème anesthésiante une heure avant.",
};

static const char *imaging_reports[] = {
  "Pas de lésion évolutive. Aspect stable par rapport à l'examen précédent.",
  "Discrète fibrose post-radique, sans signe de récidive.",
  "Nodule pulmonaire infracentimétrique inchangé, à surveiller.",
  "Réponse partielle : diminution de la lésion hépatique.",
  "Examen normal.",
};

typedef struct
{
  gint64                 id;
  CarnetAppointmentKind  kind;
  int                    day;
  int                    hour;
  int                    minute;
} Planned;

typedef struct
{
  gint64                   id;
  const TreatmentTemplate *template;
  int                      start;
  int                      days;
} Given;

typedef struct
{
  CarnetNotebook *notebook;
  GRand          *rand;
  GTimeZone      *tz;
  GDateTime      *today;
  guint           written[CARNET_N_RECORD_KINDS];
  GArray         *appointments;
  GArray         *treatments;
  double          lab_state[N_LAB_TESTS];
} Populate;

static int
pick (Populate *p,
      int       n)
{
  return g_rand_int_range (p->rand, 0, n);
}

static gboolean
chance (Populate *p,
        double    probability)
{
  return g_rand_double (p->rand) < probability;
}

/* @day days from today (negative: in the past), at @hour:@minute local time. */
static GDateTime *
moment (Populate *p,
        int       day,
        int       hour,
        int       minute)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (p->today, day);

  return g_date_time_new (p->tz,
                          g_date_time_get_year (date),
                          g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date),
                          hour, minute, 0);
}

static void
date_of (Populate *p,
         int       day,
         GDate    *date)
{
  g_autoptr(GDateTime) moment_of_day = g_date_time_add_days (p->today, day);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (moment_of_day),
                  g_date_time_get_month (moment_of_day),
                  g_date_time_get_year (moment_of_day));
}

/* Hospitals and laboratories rest at the weekend. */
static int
workday (Populate *p,
         int       day)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (p->today, day);

  switch (g_date_time_get_day_of_week (date))
    {
    case G_DATE_SATURDAY:
      return day + 2;
    case G_DATE_SUNDAY:
      return day + 1;
    default:
      return day;
    }
}

static gboolean
save (Populate  *p,
      gpointer   record,
      GError   **error)
{
  if (!carnet_notebook_add_in_transaction (p->notebook, CARNET_RECORD (record), error))
    return FALSE;

  p->written[carnet_record_get_kind (CARNET_RECORD (record))]++;
  return TRUE;
}

/* Treatments, one line after the other from twelve years ago to last month,
 * overlapping a little as real lines do. */
static gboolean
add_treatments (Populate  *p,
                guint      count,
                GError   **error)
{
  int first = -YEARS_PAST * 365;
  int last = -30;

  for (guint i = 0; i < count; i++)
    {
      const TreatmentTemplate *template = &treatment_templates[i % G_N_ELEMENTS (treatment_templates)];
      g_autoptr(CarnetTreatment) treatment = carnet_treatment_new ();
      Given given = { 0 };
      GDate start;
      GDate end;

      given.template = template;
      given.start = first + (int) ((gint64) (last - first) * i / count) + pick (p, 10);
      given.days = template->cycles > 0 ? (int) (template->cycle_days * template->cycles) : (int) template->days;
      given.start = workday (p, given.start);

      date_of (p, given.start, &start);
      carnet_treatment_set_name (treatment, template->name);
      carnet_treatment_set_kind (treatment, template->kind);
      carnet_treatment_set_start (treatment, &start);
      carnet_treatment_set_cycle_days (treatment, template->cycle_days);
      carnet_treatment_set_cycles (treatment, template->cycles);
      carnet_treatment_set_notes (treatment, template->notes);
      /* What goes on has no end yet. */
      if (given.start + given.days <= 0)
        {
          date_of (p, given.start + given.days - 1, &end);
          carnet_treatment_set_end (treatment, &end);
        }

      if (!save (p, treatment, error))
        return FALSE;

      given.id = carnet_record_get_id (CARNET_RECORD (treatment));
      g_array_append_val (p->treatments, given);
    }

  return TRUE;
}

static const AppointmentTemplate *
pick_appointment_template (Populate *p)
{
  int roll = pick (p, 100);

  for (guint i = 0; i < G_N_ELEMENTS (appointment_templates); i++)
    {
      roll -= (int) appointment_templates[i].weight;
      if (roll < 0)
        return &appointment_templates[i];
    }

  return &appointment_templates[0];
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* Appointments over the whole span, oldest first: the past ones done (a few
 * cancelled or missed), the coming ones planned; most with reminders, some
 * repeating. A past series is over before the last month, so it has no
 * reminder left to catch up. */
static gboolean
add_appointments (Populate  *p,
                  guint      count,
                  GError   **error)
{
  g_autoptr(GArray) days = g_array_sized_new (FALSE, FALSE, sizeof (int), count);
  static const int hours[] = { 8, 9, 10, 11, 14, 15, 16, 17 };
  static const int minutes[] = { 0, 15, 30, 45 };

  for (guint i = 0; i < count; i++)
    {
      int day = g_rand_int_range (p->rand, -YEARS_PAST * 365, DAYS_FUTURE);

      g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);

  for (guint i = 0; i < count; i++)
    {
      const AppointmentTemplate *template = pick_appointment_template (p);
      g_autoptr(CarnetAppointment) appointment = carnet_appointment_new ();
      g_autoptr(GDateTime) start = NULL;
      Planned planned = { 0 };
      CarnetStatus status = CARNET_STATUS_DONE;

      planned.kind = template->kind;
      planned.day = workday (p, g_array_index (days, int, i));
      planned.hour = hours[pick (p, G_N_ELEMENTS (hours))];
      planned.minute = minutes[pick (p, G_N_ELEMENTS (minutes))];
      start = moment (p, planned.day, planned.hour, planned.minute);

      if (planned.day > 0)
        status = CARNET_STATUS_PLANNED;
      else if (chance (p, 0.03))
        status = CARNET_STATUS_CANCELLED;
      else if (chance (p, 0.04))
        status = CARNET_STATUS_MISSED;

      carnet_appointment_set_title (appointment, template->titles[pick (p, G_N_ELEMENTS (template->titles))]);
      carnet_appointment_set_kind (appointment, template->kind);
      carnet_appointment_set_start (appointment, start);
      carnet_appointment_set_duration (appointment, template->duration);
      carnet_appointment_set_location (appointment, template->location);
      carnet_appointment_set_practitioner (appointment, template->practitioner);
      carnet_appointment_set_status (appointment, status);
      if (chance (p, 0.2))
        carnet_appointment_set_notes (appointment, appointment_notes[pick (p, G_N_ELEMENTS (appointment_notes))]);
      if (!carnet_appointment_set_reminders (appointment, chance (p, 0.9) ? template->reminders : "", error))
        return FALSE;
      if (template->repeat != NULL && chance (p, 0.05) &&
          (planned.day > 0 || planned.day + (int) template->repeat_days < -31))
        carnet_appointment_set_repeat (appointment, template->repeat);

      if (!save (p, appointment, error))
        return FALSE;

      planned.id = carnet_record_get_id (CARNET_RECORD (appointment));
      g_array_append_val (p->appointments, planned);
    }

  return TRUE;
}

/* A value that wanders around the middle of its range, out of it now and
 * then, as a patient's values do from one panel to the next. */
static double
next_value (Populate *p,
            guint     test)
{
  const LabTest *lab = &lab_tests[test];
  double middle = lab->low > 0 ? (lab->low + lab->high) / 2 : lab->high * 0.4;
  double spread = lab->low > 0 ? (lab->high - lab->low) / 4 : lab->high * 0.25;
  double scale = 1;
  double value;

  if (p->lab_state[test] == 0)
    p->lab_state[test] = middle;

  value = middle + (p->lab_state[test] - middle) * 0.7 + g_rand_double_range (p->rand, -1.5, 1.5) * spread;
  if (chance (p, 0.03))
    value *= g_rand_double_range (p->rand, 1.3, 2.5);
  value = MAX (value, (lab->high - lab->low) * 0.02 + lab->low * 0.5);
  p->lab_state[test] = value;

  for (int i = 0; i < lab->decimals; i++)
    scale *= 10;

  return round (value * scale) / scale;
}

static gboolean
add_lab_value (Populate  *p,
               guint      test,
               int        day,
               int        hour,
               int        minute,
               gint64     appointment_id,
               GError   **error)
{
  const LabTest *lab = &lab_tests[test];
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = moment (p, day, hour, minute);

  carnet_result_set_name (result, lab->name);
  carnet_result_set_value (result, next_value (p, test));
  carnet_result_set_unit (result, lab->unit);
  carnet_result_set_low (result, lab->low);
  carnet_result_set_high (result, lab->high);
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, appointment_id);

  return save (p, result, error);
}

static gboolean
add_report (Populate  *p,
            int        day,
            int        hour,
            int        minute,
            gint64     appointment_id,
            GError   **error)
{
  g_autoptr(CarnetResult) result = carnet_result_new ();
  g_autoptr(GDateTime) at = moment (p, day, hour, minute);
  static const char *names[] = { "Scanner thoraco-abdomino-pelvien", "IRM mammaire", "TEP-scanner", "Mammographie" };

  carnet_result_set_name (result, names[pick (p, G_N_ELEMENTS (names))]);
  carnet_result_set_text (result, imaging_reports[pick (p, G_N_ELEMENTS (imaging_reports))]);
  carnet_result_set_at (result, at);
  carnet_result_set_appointment_id (result, appointment_id);

  return save (p, result, error);
}

/* Results: imaging reports on the days of past imaging, lab panels on the
 * days of past blood tests (the blood count always, then other tests), and,
 * when a notebook asks for more values than its blood tests hold, panels done
 * elsewhere once a week. */
static gboolean
add_results (Populate  *p,
             guint      count,
             GError   **error)
{
  g_autoptr(GArray) panels = g_array_new (FALSE, FALSE, sizeof (Planned));
  g_autoptr(GArray) imaging = g_array_new (FALSE, FALSE, sizeof (Planned));
  guint reports = count * 3 / 100;
  guint values;
  guint order[N_LAB_TESTS];
  guint done = 0;

  for (guint i = 0; i < p->appointments->len; i++)
    {
      Planned *planned = &g_array_index (p->appointments, Planned, i);

      if (planned->day > 0)
        continue;
      if (planned->kind == CARNET_APPOINTMENT_BLOOD_TEST)
        g_array_append_val (panels, *planned);
      else if (planned->kind == CARNET_APPOINTMENT_IMAGING)
        g_array_append_val (imaging, *planned);
    }

  if (imaging->len == 0)
    reports = 0;
  values = count - reports;

  for (int day = -YEARS_PAST * 365 + 3; panels->len * N_LAB_TESTS < values; day += 7)
    {
      Planned elsewhere = { 0, CARNET_APPOINTMENT_BLOOD_TEST, day, 7, 30 };

      g_array_append_val (panels, elsewhere);
    }
  g_array_sort (panels, compare_days);

  for (guint i = 0; i < reports; i++)
    {
      Planned *planned = &g_array_index (imaging, Planned, (guint) ((guint64) i * imaging->len / reports));

      if (!add_report (p, planned->day, planned->hour + 1, planned->minute, planned->id, error))
        return FALSE;
    }

  for (guint i = 0; i < N_LAB_TESTS; i++)
    order[i] = i;

  for (guint i = 0; i < panels->len && done < values; i++)
    {
      Planned *panel = &g_array_index (panels, Planned, i);
      guint size = (guint) (((guint64) values * (i + 1)) / panels->len) - (guint) (((guint64) values * i) / panels->len);

      /* The tests beyond the blood count, in another order each time. */
      for (guint j = N_LAB_TESTS - 1; j > N_BLOOD_COUNT; j--)
        {
          guint k = N_BLOOD_COUNT + (guint) pick (p, (int) (j - N_BLOOD_COUNT + 1));
          guint swap = order[j];

          order[j] = order[k];
          order[k] = swap;
        }

      for (guint j = 0; j < size && done < values; j++, done++)
        if (!add_lab_value (p, order[j], panel->day, panel->hour, panel->minute, panel->id, error))
          return FALSE;
    }

  return TRUE;
}

/* Side effects on the days after each cycle (or any day of a treatment not
 * given in cycles), so they read "C3 D5"; a few on no treatment. */
static gboolean
add_side_effects (Populate  *p,
                  guint      count,
                  GError   **error)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(CarnetSideEffect) side_effect = carnet_side_effect_new ();
      g_autoptr(GDateTime) at = NULL;
      Given *given = NULL;
      int day;

      if (p->treatments->len > 0 && !chance (p, 0.1))
        given = &g_array_index (p->treatments, Given, (guint) ((guint64) i * p->treatments->len / count));

      if (given == NULL)
        day = g_rand_int_range (p->rand, -YEARS_PAST * 365, 0);
      else if (given->template->cycles > 0)
        day = given->start + (int) (pick (p, (int) given->template->cycles) * given->template->cycle_days) + 1 + pick (p, 9);
      else
        day = given->start + pick (p, MAX (given->days, 1));
      /* What is still going on has side effects up to yesterday, not later. */
      if (day >= 0)
        day = given != NULL ? given->start + pick (p, MAX (-1 - given->start, 1)) : -1;

      at = moment (p, day, 8 + pick (p, 14), pick (p, 60));
      carnet_side_effect_set_symptom (side_effect, symptoms[pick (p, G_N_ELEMENTS (symptoms))]);
      carnet_side_effect_set_severity (side_effect, pick (p, 5));
      carnet_side_effect_set_at (side_effect, at);
      if (!chance (p, 0.05))
        {
          g_autoptr(GDateTime) until = g_date_time_add_hours (at, 12 + pick (p, 24 * 9));

          carnet_side_effect_set_until (side_effect, until);
        }
      if (given != NULL)
        carnet_side_effect_set_treatment_id (side_effect, given->id);
      if (chance (p, 0.15))
        carnet_side_effect_set_notes (side_effect, side_effect_notes[pick (p, G_N_ELEMENTS (side_effect_notes))]);

      if (!save (p, side_effect, error))
        return FALSE;
    }

  return TRUE;
}

/* Questions written in the days before each consultation: answered or asked
 * for the past ones, open for the coming ones; some for "the next
 * consultation", whichever it is. */
static gboolean
add_questions (Populate  *p,
               guint      count,
               GError   **error)
{
  g_autoptr(GArray) consultations = g_array_new (FALSE, FALSE, sizeof (Planned));

  for (guint i = 0; i < p->appointments->len; i++)
    {
      Planned *planned = &g_array_index (p->appointments, Planned, i);

      if (planned->kind == CARNET_APPOINTMENT_CONSULTATION)
        g_array_append_val (consultations, *planned);
    }

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(CarnetQuestion) question = carnet_question_new ();
      g_autoptr(GDateTime) created = NULL;
      Planned *consultation = NULL;

      if (consultations->len > 0 && !chance (p, 0.08))
        consultation = &g_array_index (consultations, Planned, (guint) ((guint64) i * consultations->len / count));

      carnet_question_set_text (question, questions[pick (p, G_N_ELEMENTS (questions))]);
      carnet_question_set_author (question, chance (p, 0.2) ? CARNET_AUTHOR_CAREGIVER : CARNET_AUTHOR_PATIENT);

      if (consultation != NULL && consultation->day <= 0)
        {
          carnet_question_set_appointment_id (question, consultation->id);
          if (chance (p, 0.75))
            {
              carnet_question_set_status (question, CARNET_QUESTION_ANSWERED);
              carnet_question_set_answer (question, answers[pick (p, G_N_ELEMENTS (answers))]);
            }
          else
            carnet_question_set_status (question, CARNET_QUESTION_ASKED);
          created = moment (p, consultation->day - 1 - pick (p, 20), 8 + pick (p, 14), pick (p, 60));
        }
      else
        {
          if (consultation != NULL)
            carnet_question_set_appointment_id (question, consultation->id);
          created = moment (p, -pick (p, 60), 8 + pick (p, 14), pick (p, 60));
        }
      carnet_question_set_created (question, created);

      if (!save (p, question, error))
        return FALSE;
    }

  return TRUE;
}

static void
populate_clear (Populate *p)
{
  g_clear_pointer (&p->rand, g_rand_free);
  g_clear_pointer (&p->tz, g_time_zone_unref);
  g_clear_pointer (&p->today, g_date_time_unref);
  g_clear_pointer (&p->appointments, g_array_unref);
  g_clear_pointer (&p->treatments, g_array_unref);
}

/* The core keeps the search index in the transaction of each record, and
 * first deletes the record's old words, which in an FTS5 table is a scan of
 * the whole index: quadratic over 100 000 new records. While the generator
 * writes, a temporary table of the same name, indexed on the record, takes
 * the words (SQLite looks in "temp" before "main"); then, in the same
 * transaction, they go into the real index in one statement, exactly as the
 * core wrote them. */
static gboolean
stage_search_index (CarnetNotebook  *notebook,
                    GError         **error)
{
  sqlite3 *db = carnet_notebook_get_db (notebook);
  int rc = sqlite3_exec (db,
                         "CREATE TEMP TABLE search_index (kind, record_id, at_utc, tzid, title, body);"
                         "CREATE INDEX temp.search_index_record ON search_index (kind, record_id);",
                         NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
unstage_search_index (CarnetNotebook  *notebook,
                      GError         **error)
{
  sqlite3 *db = carnet_notebook_get_db (notebook);
  int rc = sqlite3_exec (db,
                         "INSERT INTO main.search_index (rowid, kind, record_id, at_utc, tzid, title, body)"
                         "  SELECT rowid, kind, record_id, at_utc, tzid, title, body FROM temp.search_index"
                         "  ORDER BY rowid;"
                         "DROP TABLE temp.search_index;",
                         NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      carnet_sqlite_set_error (error, db, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_empty (CarnetNotebook  *notebook,
          gboolean        *out_empty,
          GError         **error)
{
  g_autoptr(CarnetCheckReport) report = carnet_notebook_check (notebook, error);

  if (report == NULL)
    return FALSE;

  *out_empty = report->trashed == 0;
  for (guint kind = 0; kind < CARNET_N_RECORD_KINDS; kind++)
    if (report->counts[kind] > 0)
      *out_empty = FALSE;

  return TRUE;
}

static int
usage_error (const char *message)
{
  g_printerr ("carnet-populate: %s\n", message);
  g_printerr ("Usage: carnet-populate NOTEBOOK --entries N [--seed S]\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CarnetClock) clock = NULL;
  g_autoptr(CarnetNotebook) notebook = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *entries_text = NULL;
  g_autofree char *seed_text = NULL;
  gboolean version = FALSE;
  gboolean empty = FALSE;
  Populate p = { 0 };
  guint64 entries;
  guint64 seed = 1;
  guint counts[CARNET_N_RECORD_KINDS];
  guint rest;
  const GOptionEntry options[] = {
    { "entries", 0, 0, G_OPTION_ARG_STRING, &entries_text, "How many records to write", "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, "Seed of the random choices (default 1)", "S" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the generator's version", NULL },
    { NULL }
  };

  context = g_option_context_new ("NOTEBOOK");
  g_option_context_set_summary (context, "Writes a synthetic notebook for the benchmarks.");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (version)
    {
      /* The schema is part of it: a notebook cached by the benchmark under
       * an older schema would be upgraded by the first program timed. */
      g_print ("%d.%d\n", GENERATOR_VERSION, CARNET_SCHEMA_VERSION);
      return 0;
    }

  if (argc != 2)
    return usage_error (argc < 2 ? "NOTEBOOK: missing" : "too many arguments");
  if (entries_text == NULL)
    return usage_error ("--entries: missing");
  if (!g_ascii_string_to_unsigned (entries_text, 10, 20, 10000000, &entries, NULL))
    return usage_error ("--entries: must be a number from 20 to 10000000");
  if (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &seed, NULL))
    return usage_error ("--seed: must be a number from 0 to 4294967295");

  clock = carnet_clock_new_system ();
  notebook = carnet_notebook_open (argv[1], CARNET_OPEN_FLAGS_CREATE, clock, &error);
  if (notebook == NULL || !is_empty (notebook, &empty, &error))
    {
      g_printerr ("carnet-populate: %s\n", error->message);
      return 1;
    }
  if (!empty)
    {
      g_printerr ("carnet-populate: %s: the notebook already holds records; give a new or empty notebook\n",
                  argv[1]);
      return 1;
    }

  /* Every page changes in the one transaction: keep them in memory until it commits. */
  sqlite3_exec (carnet_notebook_get_db (notebook), "PRAGMA cache_size = -131072", NULL, NULL, NULL);
  if (!stage_search_index (notebook, &error))
    {
      g_printerr ("carnet-populate: %s\n", error->message);
      return 1;
    }

  counts[CARNET_RECORD_TREATMENT] = CLAMP ((guint) entries / 250, 3, 40);
  rest = (guint) entries - counts[CARNET_RECORD_TREATMENT];
  counts[CARNET_RECORD_APPOINTMENT] = rest * 12 / 100;
  counts[CARNET_RECORD_RESULT] = rest * 55 / 100;
  counts[CARNET_RECORD_SIDE_EFFECT] = rest * 20 / 100;
  counts[CARNET_RECORD_QUESTION] = rest - counts[CARNET_RECORD_APPOINTMENT] - counts[CARNET_RECORD_RESULT]
                                   - counts[CARNET_RECORD_SIDE_EFFECT];

  p.notebook = notebook;
  p.rand = g_rand_new_with_seed ((guint32) seed);
  p.tz = g_time_zone_ref (carnet_clock_get_timezone (clock));
  now = carnet_clock_get_now (clock);
  p.today = g_date_time_new (p.tz, g_date_time_get_year (now), g_date_time_get_month (now),
                             g_date_time_get_day_of_month (now), 12, 0, 0);
  p.appointments = g_array_new (FALSE, FALSE, sizeof (Planned));
  p.treatments = g_array_new (FALSE, FALSE, sizeof (Given));

  if (!carnet_notebook_begin_write (notebook, &error))
    {
      g_printerr ("carnet-populate: %s\n", error->message);
      populate_clear (&p);
      return 1;
    }

  if (!add_treatments (&p, counts[CARNET_RECORD_TREATMENT], &error) ||
      !add_appointments (&p, counts[CARNET_RECORD_APPOINTMENT], &error) ||
      !add_results (&p, counts[CARNET_RECORD_RESULT], &error) ||
      !add_side_effects (&p, counts[CARNET_RECORD_SIDE_EFFECT], &error) ||
      !add_questions (&p, counts[CARNET_RECORD_QUESTION], &error) ||
      !unstage_search_index (notebook, &error) ||
      !carnet_notebook_commit (notebook, &error))
    {
      g_printerr ("carnet-populate: %s\n", error->message);
      carnet_notebook_rollback (notebook);
      populate_clear (&p);
      return 1;
    }

  /* Leave one compact file, as a notebook that has been open and closed is. */
  sqlite3_exec (carnet_notebook_get_db (notebook), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  g_print ("appointments %u\nresults %u\nside-effects %u\nquestions %u\ntreatments %u\n",
           p.written[CARNET_RECORD_APPOINTMENT], p.written[CARNET_RECORD_RESULT],
           p.written[CARNET_RECORD_SIDE_EFFECT], p.written[CARNET_RECORD_QUESTION],
           p.written[CARNET_RECORD_TREATMENT]);
  g_printerr ("carnet-populate: %" G_GUINT64_FORMAT " entries in %.1f s\n", entries, g_timer_elapsed (timer, NULL));

  populate_clear (&p);
  return 0;
}
