/* wsp-bench-generate.c — writes a realistic ten-year database for wsp-bench
 *
 * Usage: wsp-bench-generate OUT.sqlite3 [--scale 0.1] [--seed N] [--force] [--profile-sql]
 *
 * Everything goes through the real store API (wsp_store_save in
 * transactions of BATCH saves), so the file holds what the app itself
 * would have written: revisions, merged records, the per-entity tables and
 * the search index. At scale 1.0 it is about ten years of a city's Public
 * Benefit Council and NGO Forum: 200 organisations, 500 people, two bodies
 * with their terms and seats, 600 meetings with their attendance, 6 000
 * agenda items, 300 drafts each with one version of 50 units, 20 000
 * comments, an opinion on each draft that got one, 5 000 ballots and
 * 150 000 votes. The scale multiplies every count except the two bodies,
 * their terms and the number of seats of a term (a Council has the seats it
 * has): a ballot has at most one vote per member present, so at small
 * scales there are fewer votes than the scale alone would give.
 *
 * The content is deterministic (GRand with a fixed seed); only what the
 * store makes itself (the laptop id and the revision time stamps) differs
 * between runs. NIPs and REGONs are left empty: the store checks their check
 * digits, and made-up numbers would be refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "records/wsp-entities.h"
#include "records/wsp-record.h"
#include "store/wsp-database-private.h"
#include "store/wsp-store.h"

#define DEFAULT_SEED 20150101
#define BATCH        2000

/* Counts at scale 1.0. */
#define N_ORGANISATIONS   200
#define N_PEOPLE          500
#define N_MEETINGS        600
#define N_AGENDA_ITEMS    6000
#define N_DRAFTS          300
#define N_COMMENTS        20000
#define N_BALLOTS         5000
#define N_VOTES           150000
#define UNITS_PER_VERSION 50

/* Seats of one term: not scaled. The Forum has one seat per organisation,
 * up to FORUM_SEATS. */
#define COUNCIL_SEATS 24
#define FORUM_SEATS   60

/* The ten years: meetings fall between these dates. */
#define FIRST_YEAR 2015
#define N_DAYS     3640

enum
{
  FORUM,
  COUNCIL,
  N_BODIES
};

typedef struct
{
  GRand     *rand;
  WspStore  *store;
  GTimeZone *tz;
  guint      in_batch;
  guint      saved;
  gint64     started;
  gint64     phase_started;
  guint      phase_saved;
} Gen;

/* Time spent in each SQL statement, with --profile-sql. */
typedef struct
{
  char   *sql;
  guint64 ns;
  guint   calls;
} Profile;

static GHashTable *profiles; /* SQL → Profile */

static void
profile_free (Profile *profile)
{
  g_free (profile->sql);
  g_free (profile);
}

static int
profile_cb (unsigned int  type,
            void         *data,
            void         *p,
            void         *x)
{
  const char *sql = sqlite3_sql (p);
  Profile *profile;

  if (type != SQLITE_TRACE_PROFILE || sql == NULL)
    return 0;
  profile = g_hash_table_lookup (profiles, sql);
  if (profile == NULL)
    {
      profile = g_new0 (Profile, 1);
      profile->sql = g_strdup (sql);
      g_hash_table_insert (profiles, profile->sql, profile);
    }
  profile->ns += *(const sqlite3_int64 *) x;
  profile->calls++;
  return 0;
}

static int
compare_profiles (gconstpointer a,
                  gconstpointer b)
{
  const Profile *pa = *(const Profile **) a;
  const Profile *pb = *(const Profile **) b;

  return pa->ns < pb->ns ? 1 : pa->ns > pb->ns ? -1 : 0;
}

static void
print_profiles (void)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, profiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  g_ptr_array_sort (all, compare_profiles);
  g_print ("SQL statements by total time (the first 12):\n");
  for (guint i = 0; i < MIN (all->len, 12); i++)
    {
      Profile *profile = g_ptr_array_index (all, i);
      g_autofree char *sql = g_strndup (profile->sql, 90);

      g_print ("  %8.2f s %8u calls %8.1f µs/call  %s\n", profile->ns / 1e9, profile->calls,
               profile->ns / 1e3 / MAX (profile->calls, 1), sql);
    }
}

typedef struct
{
  char      *id;
  guint      body;
  GDate      starts;
  GDate      ends;
  GPtrArray *seats; /* seat ids */
} Term;

typedef struct
{
  char      *id;
  guint      body;
  GDateTime *starts;
  Term      *term;
  gboolean   held;
  GPtrArray *present; /* seat ids, borrowed from the term */
} Meeting;

typedef struct
{
  char    *id;
  Meeting *meeting;
  guint    position;
  gboolean opinion;
  char    *subject;
} Item;

typedef struct
{
  char      *id;
  char      *title;
  GDate      received;
  char      *status;
  Meeting   *meeting; /* where the opinion was adopted, or NULL */
  char      *version_id;
  GPtrArray *unit_keys;
  GPtrArray *unit_texts;
} Draft;

static void
term_free (Term *term)
{
  g_free (term->id);
  g_ptr_array_unref (term->seats);
  g_free (term);
}

static void
meeting_free (Meeting *meeting)
{
  g_free (meeting->id);
  g_date_time_unref (meeting->starts);
  g_ptr_array_unref (meeting->present);
  g_free (meeting);
}

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->subject);
  g_free (item);
}

static void
draft_free (Draft *draft)
{
  g_free (draft->id);
  g_free (draft->title);
  g_free (draft->status);
  g_free (draft->version_id);
  g_ptr_array_unref (draft->unit_keys);
  g_ptr_array_unref (draft->unit_texts);
  g_free (draft);
}

/* ---- words --------------------------------------------------------------- */

static const char * const first_names_f[] = {
  "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna",
  "Elżbieta", "Zofia", "Joanna", "Magdalena", "Monika", "Beata", "Dorota", "Jadwiga",
  "Aleksandra", "Urszula", "Halina", "Justyna", "Grażyna", "Iwona", "Bożena", "Natalia",
};
static const char * const first_names_m[] = {
  "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Jakub",
  "Stanisław", "Grzegorz", "Józef", "Łukasz", "Mariusz", "Zbigniew", "Jerzy", "Wojciech",
  "Rafał", "Dariusz", "Mateusz", "Henryk", "Ryszard", "Kazimierz", "Bartłomiej",
};
/* In the masculine form; -ski, -cki and -dzki take -ska, -cka, -dzka. */
static const char * const surnames[] = {
  "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
  "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
  "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
  "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Majewski", "Olszewski",
  "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak", "Górski",
  "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak", "Szewczyk",
  "Ostrowski", "Tomaszewski", "Pietrzak", "Zalewski", "Wróblewski", "Gajda", "Kubiak",
  "Świątek", "Łuczak", "Sadowski", "Chmielewski", "Kaczmarek", "Zawadzki", "Ślązak",
};

static const char * const org_kinds[] = {
  "Fundacja", "Stowarzyszenie", "Towarzystwo", "Klub Sportowy", "Uczniowski Klub Sportowy",
  "Polskie Towarzystwo", "Stowarzyszenie Przyjaciół", "Spółdzielnia Socjalna", "Związek",
  "Koło", "Fundacja Rozwoju", "Stowarzyszenie Na Rzecz",
};
static const char * const org_themes[] = {
  "Zielone Podwórka", "Parku Śląskiego", "Pomocy Dzieciom „Uśmiech”", "Seniorów „Złota Jesień”",
  "Ochrony Zwierząt „Azyl”", "Osób z Niepełnosprawnościami „Razem”", "Kultury Regionalnej",
  "Zielone Miasto", "Edukacji Ekologicznej", "Przedsiębiorczości Społecznej",
  "Aktywności Lokalnej", "Historii Miasta", "Sportu Młodzieżowego", "Rodzin Zastępczych",
  "Wolontariatu", "Kobiet „Siostrzeństwo”", "Turystyki Rowerowej", "Teatru Ulicznego",
  "Profilaktyki Uzależnień", "Integracji Cudzoziemców", "Opieki Hospicyjnej",
  "Ogrodów Społecznych", "Muzyki Dawnej", "Bezpieczeństwa na Drogach", "Dziedzictwa Górniczego",
  "Rewitalizacji Dzielnic", "Zdrowia Psychicznego", "Kultury Fizycznej", "Czytelnictwa",
  "Praw Lokatorów",
};
static const char * const districts[] = {
  "Śródmieście", "Bogucice", "Ligota", "Załęże", "Koszutka", "Dąb", "Szopienice", "Nikiszowiec",
  "Giszowiec", "Brynów", "Piotrowice", "Murcki", "Zawodzie", "Wełnowiec", "Janów", "Podlesie",
};
static const char * const streets[] = {
  "Mickiewicza", "Słowackiego", "Kościuszki", "Wojewódzka", "Mariacka", "Warszawska",
  "Chorzowska", "Gliwicka", "Francuska", "Sokolska", "Żelazna", "Korfantego", "Jagiellońska",
  "Stawowa", "Plebiscytowa", "Powstańców", "Krakowska", "Ścigały", "Łętowskiego", "Gałczyńskiego",
};
static const char * const fields_of_activity[] = {
  "pomoc społeczna", "ochrona i promocja zdrowia", "kultura, sztuka i dziedzictwo",
  "ekologia i ochrona zwierząt", "wspieranie rodziny", "kultura fizyczna i sport",
  "nauka i edukacja", "działalność na rzecz osób starszych",
  "działalność na rzecz osób z niepełnosprawnościami", "rewitalizacja",
  "przeciwdziałanie uzależnieniom", "integracja cudzoziemców", "turystyka i krajoznawstwo",
  "porządek i bezpieczeństwo publiczne", "rozwój wspólnot lokalnych",
};
static const char * const departments[] = {
  "Wydział Polityki Społecznej", "Wydział Kultury", "Wydział Sportu i Turystyki",
  "Wydział Kształtowania Środowiska", "Wydział Edukacji", "Wydział Zdrowia",
  "Biuro Obsługi Organizacji Pozarządowych", "Miejski Ośrodek Pomocy Społecznej",
  "Wydział Rozwoju Miasta", "Biuro Rewitalizacji",
};
static const char * const places[] = {
  "Urząd Miasta, sala sesyjna", "Centrum Organizacji Pozarządowych, ul. Stawowa 3, sala 12",
  "Urząd Miasta, sala 214", "Miejski Dom Kultury „Koszutka”",
  "Biblioteka Śląska, sala konferencyjna",
  "Centrum Inicjatyw Społecznych, ul. Mariacka 17", "Urząd Miasta, sala narad (II piętro)",
};
static const char * const subjects[] = {
  "Miasto", "Rada", "Forum", "Prezydent Miasta", "Wydział Polityki Społecznej",
  "Komisja konkursowa", "Organizacja pozarządowa", "Zespół roboczy", "Pełnomocnik Prezydenta",
  "Miejski Ośrodek Pomocy Społecznej", "Centrum Organizacji Pozarządowych",
};
static const char * const verbs[] = {
  "wspiera", "rekomenduje", "realizuje", "zapewnia", "określa", "powierza", "finansuje",
  "konsultuje", "monitoruje", "przygotowuje", "ogłasza", "dofinansowuje", "ocenia", "koordynuje",
};
static const char * const objects[] = {
  "zadania publiczne w zakresie ochrony zdrowia", "małe granty na inicjatywy lokalne",
  "tereny zielone w dzielnicach", "program współpracy na kolejny rok",
  "działania na rzecz seniorów", "konkurs ofert na zadania z zakresu kultury",
  "zielone podwórka i ogrody społeczne", "lokale użytkowe dla organizacji pozarządowych",
  "budżet obywatelski", "szkolenia dla członków organizacji", "dotacje celowe",
  "sprawozdanie z realizacji programu współpracy", "rewitalizację zielonych skwerów",
  "wsparcie rodzin w kryzysie", "zajęcia sportowe dla dzieci i młodzieży",
  "opiekę wytchnieniową dla opiekunów osób zależnych", "kampanię profilaktyczną",
  "inicjatywę lokalną mieszkańców", "wkład własny organizacji", "ewaluację programu",
  "działania edukacyjne w szkołach", "schronisko dla bezdomnych zwierząt",
};
static const char * const tails[] = {
  "w latach objętych programem", "na zasadach określonych w ustawie",
  "w trybie otwartego konkursu ofert", "zgodnie z zasadą pomocniczości",
  "z udziałem mieszkańców", "w terminie 30 dni od dnia ogłoszenia",
  "w ramach środków zaplanowanych w budżecie Miasta", "na wniosek organizacji",
  "po zasięgnięciu opinii Rady", "w porozumieniu z radami dzielnic", "",
};
static const char * const other_topics[] = {
  "zasad udzielania dotacji celowych na zadania publiczne",
  "utworzenia Centrum Organizacji Pozarządowych",
  "regulaminu utrzymania terenów zielonych",
  "programu opieki nad zwierzętami bezdomnymi",
  "miejskiego programu profilaktyki i rozwiązywania problemów alkoholowych",
  "programu „Zielone podwórka”",
  "zasad wynajmu lokali użytkowych organizacjom pozarządowym",
  "statutu Młodzieżowej Rady Miasta",
  "trybu przeprowadzania konsultacji społecznych",
  "programu wspierania rodziny",
  "regulaminu budżetu obywatelskiego",
  "zasad przyznawania stypendiów sportowych",
  "programu polityki senioralnej",
  "nadania nazwy skwerowi w dzielnicy",
  "programu rewitalizacji",
  "zasad korzystania z obiektów sportowych",
};
static const char * const discussions[] = {
  "Dyskusja", "Omówienie tematu", "Prezentacja projektu", "Sprawozdanie zespołu roboczego",
  "Wnioski z konsultacji",
};

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

static guint
between (Gen   *gen,
         guint  low,
         guint  high)
{
  return (guint) g_rand_int_range (gen->rand, (gint32) low, (gint32) high + 1);
}

/* A version 4 UUID from the generator, so that ids are the same every run. */
static char *
rand_uuid (Gen *gen)
{
  guint32 a = g_rand_int (gen->rand);
  guint32 b = g_rand_int (gen->rand);
  guint32 c = g_rand_int (gen->rand);
  guint32 d = g_rand_int (gen->rand);

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x", a, b >> 16, (b & 0x0fff) | 0x4000,
                          ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, d);
}

static char *
person_name (Gen *gen)
{
  const char *surname = PICK (gen, surnames);

  if (chance (gen, 0.55))
    {
      g_autofree char *female = g_strdup (surname);
      gsize len = strlen (female);

      if (g_str_has_suffix (female, "ski") || g_str_has_suffix (female, "cki")
          || g_str_has_suffix (female, "dzki"))
        female[len - 1] = 'a';
      return g_strdup_printf ("%s %s", PICK (gen, first_names_f), female);
    }
  return g_strdup_printf ("%s %s", PICK (gen, first_names_m), surname);
}

/* "Fundacja Zielone Podwórka" → "fundacja-zielone-podworka", at most @max bytes. */
static char *
slug (const char *text,
      gsize       max)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && out->len < max; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* "Fundacja Zielone Podwórka" → "FZP": the capitals that start its words. */
static char *
initials (const char *name)
{
  g_auto (GStrv) words = g_strsplit (name, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (g_unichar_isupper (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
append_sentence (Gen     *gen,
                 GString *out)
{
  /* One draw per statement: the order of a call's arguments is unspecified,
   * and the content must not depend on the compiler. */
  const char *subject = PICK (gen, subjects);
  const char *verb = PICK (gen, verbs);
  const char *object = PICK (gen, objects);
  const char *tail = PICK (gen, tails);

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s %s %s%s%s.", subject, verb, object, *tail ? " " : "", tail);
}

static char *
sentences (Gen   *gen,
           guint  low,
           guint  high)
{
  GString *out = g_string_new (NULL);
  guint n = between (gen, low, high);

  for (guint i = 0; i < n; i++)
    append_sentence (gen, out);
  return g_string_free (out, FALSE);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
date_from_time (GDate     *date,
                GDateTime *time)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (time),
                  (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
}

/* Splits @total into @n counts of between half and one and a half times
 * the mean each, which add up to @total. */
static guint *
distribute (Gen   *gen,
            guint  total,
            guint  n)
{
  guint *counts = g_new0 (guint, MAX (n, 1));
  double mean;
  guint sum = 0;

  if (n == 0)
    return counts;
  mean = (double) total / n;
  for (guint i = 0; i < n; i++)
    {
      counts[i] = (guint) (mean * (0.5 + g_rand_double (gen->rand)) + 0.5);
      sum += counts[i];
    }
  while (sum < total)
    {
      counts[g_rand_int_range (gen->rand, 0, (gint32) n)]++;
      sum++;
    }
  while (sum > total)
    {
      guint i = (guint) g_rand_int_range (gen->rand, 0, (gint32) n);

      if (counts[i] > 0)
        {
          counts[i]--;
          sum--;
        }
    }
  return counts;
}

/* A copy of @array that borrows its elements (g_ptr_array_copy() would
 * also copy the free function). */
static GPtrArray *
borrow (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  g_ptr_array_extend (copy, array, NULL, NULL);
  return copy;
}

/* Shuffles @array in place (Fisher–Yates). */
static void
shuffle (Gen       *gen,
         GPtrArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (gen->rand, 0, (gint32) i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

/* ---- saving -------------------------------------------------------------- */

static WspRecord *
new_record (Gen        *gen,
            const char *entity)
{
  g_autofree char *id = rand_uuid (gen);
  WspRecord *record = wsp_record_new_for_entity (entity, id);

  g_assert (record != NULL);
  return record;
}

static gboolean
flush (Gen     *gen,
       GError **error)
{
  if (gen->in_batch == 0)
    return TRUE;
  gen->in_batch = 0;
  if (!wsp_store_commit (gen->store, error))
    {
      g_prefix_error (error, "Cannot commit a batch of records: ");
      return FALSE;
    }
  return TRUE;
}

static gboolean
save (Gen        *gen,
      WspRecord  *record,
      GError    **error)
{
  if (gen->in_batch == 0 && !wsp_store_begin (gen->store, error))
    {
      g_prefix_error (error, "Cannot start a batch of records: ");
      return FALSE;
    }
  if (!wsp_store_save (gen->store, record, error))
    {
      g_prefix_error (error, "Cannot save a generated %s: ", wsp_record_get_entity (record)->name);
      wsp_store_rollback (gen->store);
      gen->in_batch = 0;
      return FALSE;
    }
  gen->saved++;
  gen->phase_saved++;
  if (++gen->in_batch == BATCH)
    return flush (gen, error);
  return TRUE;
}

static void
phase_start (Gen *gen)
{
  gen->phase_started = g_get_monotonic_time ();
  gen->phase_saved = 0;
}

static void
phase_end (Gen        *gen,
           const char *what)
{
  double seconds = (g_get_monotonic_time () - gen->phase_started) / 1e6;

  g_print ("  %-34s %8u saves %8.2f s  (%.0f saves/s)\n", what, gen->phase_saved, seconds,
           seconds > 0 ? gen->phase_saved / seconds : 0.0);
}

static void
progress (Gen        *gen,
          const char *what,
          guint       done,
          guint       total)
{
  guint step = MAX (total / 5, 1);

  if (total >= 20000 && done > 0 && done < total && done % step == 0)
    g_print ("    … %s %u/%u (%.1f s)\n", what, done, total,
             (g_get_monotonic_time () - gen->phase_started) / 1e6);
}

/* ---- the records --------------------------------------------------------- */

static gboolean
make_organisations (Gen        *gen,
                    guint       n,
                    GPtrArray  *ids,
                    GPtrArray  *names,
                    GError    **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) org = new_record (gen, "organisation");
      g_autofree char *name = NULL;
      g_autofree char *site = NULL;
      g_autofree char *krs = NULL;
      g_autofree char *address = NULL;
      g_autofree char *email = NULL;
      g_autofree char *website = NULL;
      g_autofree char *phone = NULL;
      const char *fields[4] = { NULL };
      guint want_fields = between (gen, 1, 3);
      guint n_fields = 0;
      const char *kind = PICK (gen, org_kinds);
      const char *theme = PICK (gen, org_themes);
      const char *street = PICK (gen, streets);
      guint house = between (gen, 1, 140);
      gboolean flat = chance (gen, 0.4);
      guint postcode = between (gen, 1, 999);
      guint phone_parts[3];

      for (guint k = 0; k < 3; k++)
        phone_parts[k] = k == 0 ? between (gen, 200, 799) : between (gen, 0, 99);
      name = g_strdup_printf ("%s %s", kind, theme);
      if (g_hash_table_contains (seen, name))
        {
          g_autofree char *plain = g_steal_pointer (&name);
          name = g_strdup_printf ("%s – %s", plain, PICK (gen, districts));
          if (g_hash_table_contains (seen, name))
            {
              g_autofree char *with_district = g_steal_pointer (&name);
              name = g_strdup_printf ("%s %u", with_district, i + 1);
            }
        }
      g_hash_table_add (seen, g_strdup (name));

      site = slug (name, 40);
      krs = g_strdup_printf ("0000%06u", between (gen, 10000, 999999));
      address = g_strdup_printf ("ul. %s %u%s, 40-%03u Katowice", street, house, flat ? "/2" : "",
                                 postcode);
      email = g_strdup_printf ("biuro@%s.org.pl", site);
      website = g_strdup_printf ("https://www.%s.org.pl", site);
      phone = g_strdup_printf ("32 %03u %02u %02u", phone_parts[0], phone_parts[1],
                               phone_parts[2]);
      for (guint f = 0; f < want_fields; f++)
        {
          const char *field = PICK (gen, fields_of_activity);

          if (!g_strv_contains (fields, field))
            fields[n_fields++] = field;
        }

      wsp_record_set_string (org, "name", name);
      if (chance (gen, 0.3))
        {
          g_autofree char *short_name = initials (name);
          wsp_record_set_string (org, "short_name", short_name);
        }
      wsp_record_set_string (org, "krs", krs);
      wsp_record_set_string (org, "address", address);
      wsp_record_set_string (org, "email", email);
      wsp_record_set_string (org, "phone", phone);
      if (chance (gen, 0.7))
        wsp_record_set_string (org, "website", website);
      wsp_record_set_list (org, "fields", fields);
      if (chance (gen, 0.5))
        {
          g_autofree char *notes = sentences (gen, 1, 3);
          wsp_record_set_string (org, "notes", notes);
        }
      if (!save (gen, org, error))
        return FALSE;
      g_ptr_array_add (ids, g_strdup (wsp_record_get_id (org)));
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  return TRUE;
}

static gboolean
make_people (Gen        *gen,
             guint       n,
             GPtrArray  *orgs,
             GPtrArray  *ids,
             GPtrArray  *names,
             GError    **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) person = new_record (gen, "person");
      g_autofree char *name = person_name (gen);
      g_autofree char *login = slug (name, 40);
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;

      g_strdelimit (login, "-", '.');
      email = i % 5 == 4 ? g_strdup_printf ("%s%u@poczta.example.pl", login, i % 97)
                         : g_strdup_printf ("%s@poczta.example.pl", login);
      guint phone_parts[3];

      for (guint k = 0; k < 3; k++)
        phone_parts[k] = k == 0 ? between (gen, 500, 889) : between (gen, 0, 999);
      phone = g_strdup_printf ("+48 %03u %03u %03u", phone_parts[0], phone_parts[1],
                               phone_parts[2]);
      wsp_record_set_string (person, "name", name);
      wsp_record_set_string (person, "email", email);
      if (chance (gen, 0.8))
        wsp_record_set_string (person, "phone", phone);
      if (orgs->len > 0 && chance (gen, 0.7))
        {
          const char *list[3] = { g_ptr_array_index (orgs, between (gen, 0, orgs->len - 1)), NULL,
                                  NULL };
          if (chance (gen, 0.15))
            list[1] = g_ptr_array_index (orgs, between (gen, 0, orgs->len - 1));
          if (list[1] != NULL && strcmp (list[0], list[1]) == 0)
            list[1] = NULL;
          wsp_record_set_list (person, "organisations", list);
        }
      if (!save (gen, person, error))
        return FALSE;
      g_ptr_array_add (ids, g_strdup (wsp_record_get_id (person)));
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  return TRUE;
}

static gboolean
make_bodies (Gen      *gen,
             char    **body_ids,
             GError  **error)
{
  static const struct
  {
    const char *kind, *name, *tie_rule;
    gint64      term_years;
  } bodies[N_BODIES] = {
    [FORUM] = { "forum", "Forum Organizacji Pozarządowych", "fails", 4 },
    [COUNCIL] = { "council", "Rada Działalności Pożytku Publicznego", "casting_vote", 3 },
  };

  for (guint b = 0; b < N_BODIES; b++)
    {
      g_autoptr (WspRecord) body = new_record (gen, "body");

      wsp_record_set_string (body, "kind", bodies[b].kind);
      wsp_record_set_string (body, "name", bodies[b].name);
      wsp_record_set_int (body, "quorum_numerator", 1);
      wsp_record_set_int (body, "quorum_denominator", 2);
      wsp_record_set_string (body, "default_majority", "simple");
      wsp_record_set_string (body, "tie_rule", bodies[b].tie_rule);
      wsp_record_set_int (body, "opinion_deadline_days", 14);
      wsp_record_set_int (body, "term_years", bodies[b].term_years);
      wsp_record_set_int (body, "absence_limit", 3);
      if (!save (gen, body, error))
        return FALSE;
      body_ids[b] = g_strdup (wsp_record_get_id (body));
    }
  return TRUE;
}

/* The Forum's terms are four years from 2015, the Council's three years
 * from November 2014; both run past the ten years. */
static gboolean
make_terms (Gen        *gen,
            char      **body_ids,
            GPtrArray  *terms,
            GError    **error)
{
  static const struct
  {
    guint body, first_year, month, years, count;
  } plan[] = {
    { FORUM, 2015, 1, 4, 3 },
    { COUNCIL, 2014, 11, 3, 4 },
  };

  for (guint p = 0; p < G_N_ELEMENTS (plan); p++)
    for (guint k = 0; k < plan[p].count; k++)
      {
        g_autoptr (WspRecord) record = new_record (gen, "term");
        Term *term = g_new0 (Term, 1);
        g_autofree char *starts = NULL;
        g_autofree char *ends = NULL;
        g_autofree char *name = NULL;

        term->body = plan[p].body;
        term->seats = g_ptr_array_new_with_free_func (g_free);
        g_date_clear (&term->starts, 1);
        g_date_set_dmy (&term->starts, 1, (GDateMonth) plan[p].month,
                        (GDateYear) (plan[p].first_year + k * plan[p].years));
        term->ends = term->starts;
        g_date_add_years (&term->ends, plan[p].years);
        g_date_subtract_days (&term->ends, 1);
        starts = format_date (&term->starts);
        ends = format_date (&term->ends);
        name = g_strdup_printf ("Kadencja %u–%u", g_date_get_year (&term->starts),
                                g_date_get_year (&term->ends));

        wsp_record_set_string (record, "body_id", body_ids[term->body]);
        wsp_record_set_string (record, "name", name);
        wsp_record_set_string (record, "starts_on", starts);
        wsp_record_set_string (record, "ends_on", ends);
        term->id = g_strdup (wsp_record_get_id (record));
        g_ptr_array_add (terms, term);
        if (!save (gen, record, error))
          return FALSE;
      }
  return TRUE;
}

static const char *
seat_role (guint i)
{
  switch (i)
    {
    case 0: return "chair";
    case 1: return "vice_chair";
    case 2: return "secretary";
    default: return "member";
    }
}

/* The Council: a third each from the mayor, the city council and the NGOs,
 * each seat a person. The Forum: one seat per organisation, with its
 * delegate. */
static gboolean
make_seats (Gen        *gen,
            char      **body_ids,
            GPtrArray  *terms,
            GPtrArray  *orgs,
            GPtrArray  *people,
            GError    **error)
{
  for (guint t = 0; t < terms->len; t++)
    {
      Term *term = g_ptr_array_index (terms, t);
      g_autoptr (GPtrArray) pick_people = borrow (people);
      g_autoptr (GPtrArray) pick_orgs = borrow (orgs);
      g_autofree char *joined = format_date (&term->starts);
      guint n = term->body == COUNCIL ? COUNCIL_SEATS : MIN (FORUM_SEATS, orgs->len);

      shuffle (gen, pick_people);
      shuffle (gen, pick_orgs);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (WspRecord) seat = new_record (gen, "seat");
          const char *side = "ngo";

          if (term->body == COUNCIL)
            side = i % 3 == 1 ? "mayor" : i % 3 == 2 ? "city_council" : "ngo";
          wsp_record_set_string (seat, "body_id", body_ids[term->body]);
          wsp_record_set_string (seat, "term_id", term->id);
          wsp_record_set_string (seat, "person_id",
                                 g_ptr_array_index (pick_people, i % pick_people->len));
          if (strcmp (side, "ngo") == 0)
            wsp_record_set_string (seat, "organisation_id",
                                   g_ptr_array_index (pick_orgs, i % pick_orgs->len));
          wsp_record_set_string (seat, "side", side);
          wsp_record_set_string (seat, "role", seat_role (i));
          wsp_record_set_string (seat, "joined_on", joined);
          if (!save (gen, seat, error))
            return FALSE;
          g_ptr_array_add (term->seats, g_strdup (wsp_record_get_id (seat)));
        }
    }
  return TRUE;
}

static gboolean
make_applications (Gen        *gen,
                   const char *forum_id,
                   GPtrArray  *orgs,
                   GError    **error)
{
  for (guint i = 0; i < orgs->len; i++)
    {
      g_autoptr (WspRecord) app = new_record (gen, "membership_application");
      g_autofree char *evidence = sentences (gen, 2, 4);
      g_autofree char *submitted = NULL;
      GDate date;
      double roll = g_rand_double (gen->rand);

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2014);
      g_date_add_days (&date, i * N_DAYS / MAX (orgs->len, 1) + between (gen, 0, 20));
      submitted = format_date (&date);
      wsp_record_set_string (app, "body_id", forum_id);
      wsp_record_set_string (app, "organisation_id", g_ptr_array_index (orgs, i));
      wsp_record_set_string (app, "submitted_on", submitted);
      wsp_record_set_string (app, "evidence", evidence);
      if (i + 3 >= orgs->len || roll < 0.05)
        wsp_record_set_string (app, "decision", "pending");
      else
        {
          g_autofree char *decided = NULL;

          g_date_add_days (&date, between (gen, 14, 45));
          decided = format_date (&date);
          wsp_record_set_string (app, "decision", roll < 0.92 ? "accepted" : "rejected");
          wsp_record_set_string (app, "decided_on", decided);
          if (roll >= 0.92)
            wsp_record_set_string (app, "decision_note",
                                   "Organizacja nie wykazała działalności na terenie Miasta.");
        }
      if (!save (gen, app, error))
        return FALSE;
    }
  return TRUE;
}

/* The units of one version: paragraphs (§) with sections (ust.), some
 * with points (pkt), @n in all. */
static JsonArray *
make_units (Gen       *gen,
            guint      n,
            GPtrArray *keys,
            GPtrArray *texts)
{
  JsonArray *units = json_array_new ();
  guint count = 0;

  for (guint p = 1; count < n; p++)
    {
      g_autofree char *pkey = g_strdup_printf ("p%u", p);
      guint n_sections = between (gen, 2, 5);

      for (guint u = 0; u <= n_sections && count < n; u++)
        {
          g_autofree char *ukey = u == 0 ? g_strdup (pkey) : g_strdup_printf ("p%u.u%u", p, u);
          guint n_points = u > 0 && chance (gen, 0.3) ? between (gen, 2, 4) : 0;

          for (guint k = 0; k <= n_points && count < n; k++)
            {
              JsonObject *unit = json_object_new ();
              char *key, *label, *text;
              const char *parent;

              if (u == 0)
                {
                  key = g_strdup (pkey);
                  label = g_strdup_printf ("§ %u", p);
                  parent = NULL;
                }
              else if (k == 0)
                {
                  key = g_strdup (ukey);
                  label = g_strdup_printf ("ust. %u", u);
                  parent = pkey;
                }
              else
                {
                  key = g_strdup_printf ("%s.k%u", ukey, k);
                  label = g_strdup_printf ("pkt %u", k);
                  parent = ukey;
                }
              text = sentences (gen, 1, k > 0 ? 1 : 2);

              json_object_set_string_member (unit, "key", key);
              json_object_set_string_member (unit, "label", label);
              if (parent != NULL)
                json_object_set_string_member (unit, "parent", parent);
              else
                json_object_set_null_member (unit, "parent");
              json_object_set_string_member (unit, "text", text);
              json_array_add_object_element (units, unit);
              g_ptr_array_add (keys, key);
              g_ptr_array_add (texts, text);
              g_free (label);
              count++;
            }
        }
    }
  return units;
}

static gboolean
make_drafts (Gen        *gen,
             guint       n,
             GPtrArray  *drafts,
             GError    **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) record = new_record (gen, "draft");
      g_autoptr (WspRecord) version = new_record (gen, "draft_version");
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *received = NULL;
      g_autofree char *deadline = NULL;
      JsonArray *units;
      Draft *draft = g_new0 (Draft, 1);
      double roll = g_rand_double (gen->rand);
      const char *kind = roll < 0.05 ? "cooperation_programme" : roll < 0.09 ? "strategy" : "other";
      guint year;
      GDate date;

      g_date_clear (&draft->received, 1);
      g_date_set_dmy (&draft->received, 1, G_DATE_JANUARY, FIRST_YEAR);
      g_date_add_days (&draft->received, i * N_DAYS / MAX (n, 1) + between (gen, 0, 9));
      year = g_date_get_year (&draft->received);
      if (strcmp (kind, "cooperation_programme") == 0)
        draft->title = g_strdup_printf ("Projekt uchwały w sprawie przyjęcia Rocznego programu "
                                        "współpracy Miasta z organizacjami pozarządowymi na rok %u",
                                        year + 1);
      else if (strcmp (kind, "strategy") == 0)
        draft->title = g_strdup_printf ("Projekt uchwały w sprawie Strategii rozwiązywania "
                                        "problemów społecznych na lata %u–%u", year + 1, year + 10);
      else
        {
          const char *topic = PICK (gen, other_topics);

          if (g_str_has_prefix (topic, "program") || g_str_has_prefix (topic, "miejskiego"))
            draft->title = g_strdup_printf ("Projekt uchwały w sprawie %s na rok %u", topic,
                                            year + 1);
          else
            draft->title = g_strdup_printf ("Projekt uchwały w sprawie %s", topic);
        }
      draft->status = g_strdup (i + 3 >= n ? "in_consultation"
                                : chance (gen, 0.06) ? "waived"
                                : chance (gen, 0.03) ? "withdrawn" : "opinion_adopted");
      draft->unit_keys = g_ptr_array_new_with_free_func (g_free);
      draft->unit_texts = g_ptr_array_new_with_free_func (g_free);
      received = format_date (&draft->received);
      date = draft->received;
      g_date_add_days (&date, strcmp (kind, "other") == 0 ? 14 : 30);
      deadline = format_date (&date);

      wsp_record_set_string (record, "title", draft->title);
      wsp_record_set_string (record, "submitted_by", PICK (gen, departments));
      wsp_record_set_string (record, "received_on", received);
      wsp_record_set_string (record, "kind", kind);
      wsp_record_set_string (record, "deadline", deadline);
      wsp_record_set_string (record, "status", draft->status);
      if (!save (gen, record, error))
        return FALSE;
      draft->id = g_strdup (wsp_record_get_id (record));

      units = make_units (gen, UNITS_PER_VERSION, draft->unit_keys, draft->unit_texts);
      for (guint u = 0; u < json_array_get_length (units); u++)
        {
          JsonObject *unit = json_array_get_object_element (units, u);
          g_string_append_printf (text, "%s%s %s", text->len ? "\n" : "",
                                  json_object_get_string_member (unit, "label"),
                                  json_object_get_string_member (unit, "text"));
        }
      wsp_record_set_string (version, "draft_id", draft->id);
      wsp_record_set_int (version, "number", 1);
      wsp_record_set_string (version, "received_on", received);
      wsp_record_set_string (version, "text", text->str);
      wsp_record_set_value (version, "units", json_node_init_array (json_node_alloc (), units));
      json_array_unref (units);
      if (!save (gen, version, error))
        return FALSE;
      draft->version_id = g_strdup (wsp_record_get_id (version));
      g_ptr_array_add (drafts, draft);
    }
  return TRUE;
}

static Term *
term_at (GPtrArray *terms,
         guint      body,
         GDate     *date)
{
  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = g_ptr_array_index (terms, i);

      if (term->body == body && g_date_compare (&term->starts, date) <= 0
          && g_date_compare (date, &term->ends) <= 0)
        return term;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Meetings alternate between the bodies, evenly over the ten years, at 16:00
 * or 17:00; the last two are still planned. Each held meeting gets one
 * attendance per seat of its term. */
static gboolean
make_meetings (Gen        *gen,
               guint       n,
               char      **body_ids,
               GPtrArray  *terms,
               GPtrArray  *meetings,
               guint      *n_attendance,
               GError    **error)
{
  guint numbers[N_BODIES] = { 0 };
  guint years[N_BODIES] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WspRecord) record = new_record (gen, "meeting");
      g_autoptr (GDateTime) ends = NULL;
      g_autofree char *starts_text = NULL;
      g_autofree char *ends_text = NULL;
      Meeting *meeting = g_new0 (Meeting, 1);
      GDate date;
      gint hour, minute;

      meeting->body = i % N_BODIES;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 10, G_DATE_JANUARY, FIRST_YEAR);
      g_date_add_days (&date, (guint) ((guint64) i * N_DAYS / MAX (n, 1)) + between (gen, 0, 4));
      hour = chance (gen, 0.6) ? 16 : 17;
      minute = chance (gen, 0.8) ? 0 : 30;
      meeting->starts = g_date_time_new (gen->tz, (gint) g_date_get_year (&date),
                                         (gint) g_date_get_month (&date), g_date_get_day (&date),
                                         hour, minute, 0);
      meeting->term = term_at (terms, meeting->body, &date);
      meeting->held = i + 2 < n;
      meeting->present = g_ptr_array_new ();
      ends = g_date_time_add_minutes (meeting->starts, (gint) between (gen, 90, 180));
      starts_text = format_time (meeting->starts);
      ends_text = format_time (ends);
      if (years[meeting->body] != g_date_get_year (&date))
        {
          years[meeting->body] = g_date_get_year (&date);
          numbers[meeting->body] = 0;
        }

      wsp_record_set_string (record, "body_id", body_ids[meeting->body]);
      wsp_record_set_int (record, "number", ++numbers[meeting->body]);
      wsp_record_set_string (record, "starts_at", starts_text);
      if (meeting->held)
        wsp_record_set_string (record, "ends_at", ends_text);
      wsp_record_set_string (record, "place", PICK (gen, places));
      wsp_record_set_string (record, "kind", chance (gen, 0.08) ? "extraordinary" : "ordinary");
      wsp_record_set_string (record, "status", !meeting->held ? "planned"
                                                : i + 6 >= n ? "held" : "minutes_approved");
      if (chance (gen, 0.3))
        {
          g_autofree char *notes = sentences (gen, 1, 2);
          wsp_record_set_string (record, "notes", notes);
        }
      if (!save (gen, record, error))
        return FALSE;
      meeting->id = g_strdup (wsp_record_get_id (record));
      g_ptr_array_add (meetings, meeting);

      for (guint s = 0; meeting->held && s < meeting->term->seats->len; s++)
        {
          g_autoptr (WspRecord) att = new_record (gen, "attendance");
          double roll = g_rand_double (gen->rand);
          const char *seat_id = g_ptr_array_index (meeting->term->seats, s);

          wsp_record_set_string (att, "meeting_id", meeting->id);
          wsp_record_set_string (att, "seat_id", seat_id);
          if (roll < 0.85)
            {
              gint late = (gint) between (gen, 0, 25) - 10;
              g_autoptr (GDateTime) arrived = g_date_time_add_minutes (meeting->starts, late);
              g_autofree char *arrived_text = format_time (arrived);

              wsp_record_set_string (att, "status", "present");
              wsp_record_set_string (att, "arrived_at", arrived_text);
              g_ptr_array_add (meeting->present, (gpointer) seat_id);
            }
          else
            wsp_record_set_string (att, "status", roll < 0.95 ? "excused" : "absent");
          if (!save (gen, att, error))
            return FALSE;
          (*n_attendance)++;
        }
    }
  return TRUE;
}

static gboolean
make_agenda (Gen        *gen,
             guint       n,
             GPtrArray  *meetings,
             GPtrArray  *drafts,
             GPtrArray  *people_names,
             GPtrArray  *votable,
             GError    **error)
{
  g_autofree guint *counts = distribute (gen, n, meetings->len);
  guint next_draft = 0;
  guint done = 0;

  for (guint m = 0; m < meetings->len; m++)
    {
      Meeting *meeting = g_ptr_array_index (meetings, m);
      GDate date;

      date_from_time (&date, meeting->starts);
      for (guint pos = 1; pos <= counts[m]; pos++)
        {
          g_autoptr (WspRecord) item = new_record (gen, "agenda_item");
          g_autofree char *title = NULL;
          g_autofree char *description = NULL;
          const char *subject = NULL;
          const char *kind;
          const char *draft_id = NULL;
          double roll = g_rand_double (gen->rand);

          if (pos == 1)
            {
              kind = "information";
              title = g_strdup ("Otwarcie posiedzenia, stwierdzenie kworum i przyjęcie "
                                "porządku obrad");
            }
          else if (pos == counts[m] && counts[m] >= 3)
            {
              kind = "other_business";
              title = g_strdup ("Wolne wnioski i zakończenie posiedzenia");
            }
          else if (roll < 0.25 && next_draft < drafts->len
                   && g_date_compare (&((Draft *) g_ptr_array_index (drafts, next_draft))->received,
                                      &date) <= 0)
            {
              Draft *draft = g_ptr_array_index (drafts, next_draft++);

              kind = "opinion";
              subject = draft->title;
              draft_id = draft->id;
              if (draft->meeting == NULL)
                draft->meeting = meeting;
              title = g_strdup_printf ("Zaopiniowanie: %s", draft->title);
            }
          else if (roll < 0.60)
            {
              kind = "resolution";
              subject = PICK (gen, objects);
              title = g_strdup_printf ("Podjęcie uchwały w sprawie stanowiska dotyczącego: %s",
                                       subject);
            }
          else if (roll < 0.85)
            {
              kind = "discussion";
              title = g_strdup_printf ("%s: %s", PICK (gen, discussions), PICK (gen, objects));
            }
          else if (roll < 0.98)
            {
              kind = "information";
              title = g_strdup_printf ("Informacja Pełnomocnika Prezydenta: %s",
                                       PICK (gen, objects));
            }
          else
            {
              kind = "election";
              title = g_strdup ("Wybór przedstawicieli do komisji konkursowej");
            }
          description = sentences (gen, 1, 3);

          wsp_record_set_string (item, "meeting_id", meeting->id);
          wsp_record_set_int (item, "position", pos);
          wsp_record_set_string (item, "kind", kind);
          wsp_record_set_string (item, "title", title);
          wsp_record_set_string (item, "description", description);
          if (chance (gen, 0.7) && people_names->len > 0)
            wsp_record_set_string (item, "presenter",
                                   g_ptr_array_index (people_names,
                                                      between (gen, 0, people_names->len - 1)));
          wsp_record_set_int (item, "planned_minutes", 5 * between (gen, 1, 9));
          if (draft_id != NULL)
            wsp_record_set_string (item, "draft_id", draft_id);
          if (!save (gen, item, error))
            return FALSE;
          progress (gen, "agenda items", ++done, n);

          if (subject != NULL && meeting->held && meeting->present->len > 0)
            {
              Item *v = g_new0 (Item, 1);

              v->id = g_strdup (wsp_record_get_id (item));
              v->meeting = meeting;
              v->position = pos;
              v->opinion = draft_id != NULL;
              v->subject = g_strdup (subject);
              g_ptr_array_add (votable, v);
            }
        }
    }
  return TRUE;
}

/* Several ballots on an item are amendments, then the whole. The votes
 * wanted in all are shared among the open and roll-call ballots in
 * proportion to the members present at each (at most one vote each); secret
 * ballots have only counts. */
static gboolean
make_ballots (Gen        *gen,
              guint       n_ballots,
              guint       n_votes,
              char      **body_ids,
              GPtrArray  *votable,
              guint      *made_ballots,
              guint      *made_votes,
              GError    **error)
{
  g_autofree guint *counts = NULL;
  g_autofree gboolean *secret = NULL;
  guint64 capacity_left = 0; /* members present at the open ballots still to make */
  guint votes_left = n_votes;
  guint b = 0;

  if (votable->len == 0)
    return TRUE;
  counts = distribute (gen, n_ballots, votable->len);
  secret = g_new0 (gboolean, MAX (n_ballots, 1));
  for (guint v = 0, i = 0; v < votable->len; v++)
    for (guint j = 0; j < counts[v]; j++, i++)
      {
        secret[i] = chance (gen, 0.03);
        if (!secret[i])
          capacity_left += ((Item *) g_ptr_array_index (votable, v))->meeting->present->len;
      }

  for (guint v = 0; v < votable->len; v++)
    {
      Item *item = g_ptr_array_index (votable, v);
      Meeting *meeting = item->meeting;

      for (guint j = 0; j < counts[v]; j++, b++)
        {
          g_autoptr (WspRecord) ballot = new_record (gen, "ballot");
          gint minutes = (gint) (15 + 12 * item->position + 3 * j);
          g_autoptr (GDateTime) opened = g_date_time_add_minutes (meeting->starts, minutes);
          g_autoptr (GDateTime) closed = g_date_time_add_minutes (opened, 2);
          g_autofree char *opened_text = format_time (opened);
          g_autofree char *closed_text = format_time (closed);
          g_autofree char *question = NULL;
          guint present = meeting->present->len;
          double roll = g_rand_double (gen->rand);

          if (j + 1 < counts[v])
            question = g_strdup_printf ("Przyjęcie poprawki nr %u: %s", j + 1, item->subject);
          else if (item->opinion)
            question = g_strdup_printf ("Wydanie opinii o dokumencie: %s", item->subject);
          else
            question = g_strdup_printf ("Przyjęcie stanowiska w sprawie: %s", item->subject);

          wsp_record_set_string (ballot, "agenda_item_id", item->id);
          wsp_record_set_string (ballot, "body_id", body_ids[meeting->body]);
          wsp_record_set_bool (ballot, "by_circulation", FALSE);
          wsp_record_set_string (ballot, "question", question);
          wsp_record_set_string (ballot, "mode", secret[b] ? "secret"
                                                 : chance (gen, 0.1) ? "roll_call" : "open");
          wsp_record_set_string (ballot, "majority", roll < 0.85 ? "simple"
                                                     : roll < 0.97 ? "absolute" : "two_thirds");
          wsp_record_set_string (ballot, "opened_at", opened_text);
          wsp_record_set_string (ballot, "closed_at", closed_text);
          if (secret[b])
            {
              guint against = between (gen, 0, present / 4);
              guint abstain = between (gen, 0, (present - against) / 5);

              wsp_record_set_int (ballot, "secret_for", present - against - abstain);
              wsp_record_set_int (ballot, "secret_against", against);
              wsp_record_set_int (ballot, "secret_abstain", abstain);
            }
          if (!save (gen, ballot, error))
            return FALSE;
          (*made_ballots)++;

          if (!secret[b])
            {
              g_autoptr (GPtrArray) voters = borrow (meeting->present);
              guint want = (guint) (((guint64) votes_left * voters->len + capacity_left / 2)
                                    / MAX (capacity_left, 1));

              shuffle (gen, voters);
              want = MIN (want, voters->len);
              capacity_left -= voters->len;
              for (guint k = 0; k < want; k++)
                {
                  g_autoptr (WspRecord) vote = new_record (gen, "vote");
                  g_autoptr (GDateTime) cast = g_date_time_add_seconds (opened,
                                                                        between (gen, 5, 110));
                  g_autofree char *cast_text = format_time (cast);
                  double choice = g_rand_double (gen->rand);

                  wsp_record_set_string (vote, "ballot_id", wsp_record_get_id (ballot));
                  wsp_record_set_string (vote, "seat_id", g_ptr_array_index (voters, k));
                  if (choice < 0.02)
                    wsp_record_set_bool (vote, "recused", TRUE);
                  else
                    wsp_record_set_string (vote, "choice", choice < 0.78 ? "for"
                                                           : choice < 0.90 ? "against" : "abstain");
                  wsp_record_set_string (vote, "cast_at", cast_text);
                  if (!save (gen, vote, error))
                    return FALSE;
                  (*made_votes)++;
                  progress (gen, "votes", *made_votes, n_votes);
                }
              votes_left -= MIN (want, votes_left);
            }
        }
    }
  return TRUE;
}

static const char *
comment_decision (Gen         *gen,
                  const Draft *draft)
{
  double roll = g_rand_double (gen->rand);

  if (strcmp (draft->status, "opinion_adopted") != 0)
    return "pending";
  return roll < 0.30 ? "accepted" : roll < 0.50 ? "partly_accepted" : "rejected";
}

static gboolean
make_comments (Gen        *gen,
               guint       n,
               GPtrArray  *drafts,
               GPtrArray  *people,
               GPtrArray  *people_names,
               GPtrArray  *org_names,
               GError    **error)
{
  g_autofree guint *counts = distribute (gen, n, drafts->len);
  guint done = 0;

  for (guint d = 0; d < drafts->len; d++)
    {
      Draft *draft = g_ptr_array_index (drafts, d);

      for (guint c = 0; c < counts[d]; c++)
        {
          g_autoptr (WspRecord) comment = new_record (gen, "comment");
          g_autofree char *proposed = sentences (gen, 1, 1);
          g_autofree char *justification = sentences (gen, 1, 3);
          guint unit = between (gen, 0, draft->unit_keys->len - 1);
          guint who = between (gen, 0, people->len - 1);
          const char *decision = comment_decision (gen, draft);

          wsp_record_set_string (comment, "version_id", draft->version_id);
          wsp_record_set_string (comment, "unit_key", g_ptr_array_index (draft->unit_keys, unit));
          wsp_record_set_string (comment, "author_id", g_ptr_array_index (people, who));
          if (chance (gen, 0.6) && org_names->len > 0)
            wsp_record_set_string (comment, "author_name",
                                   g_ptr_array_index (org_names,
                                                      between (gen, 0, org_names->len - 1)));
          else
            wsp_record_set_string (comment, "author_name", g_ptr_array_index (people_names, who));
          wsp_record_set_string (comment, "current_wording",
                                 g_ptr_array_index (draft->unit_texts, unit));
          wsp_record_set_string (comment, "proposed_wording", proposed);
          wsp_record_set_string (comment, "justification", justification);
          wsp_record_set_string (comment, "decision", decision);
          if (strcmp (decision, "pending") != 0)
            {
              g_autofree char *reason = sentences (gen, 1, 1);
              wsp_record_set_string (comment, "decision_reason", reason);
            }
          if (!save (gen, comment, error))
            return FALSE;
          progress (gen, "comments", ++done, n);
        }
    }
  return TRUE;
}

static gboolean
make_opinions (Gen        *gen,
               char      **body_ids,
               GPtrArray  *drafts,
               guint      *made,
               GError    **error)
{
  guint numbers[N_BODIES] = { 0 };
  guint years[N_BODIES] = { 0 };

  for (guint d = 0; d < drafts->len; d++)
    {
      Draft *draft = g_ptr_array_index (drafts, d);
      g_autoptr (WspRecord) opinion = NULL;
      g_autofree char *text = NULL;
      g_autofree char *adopted = NULL;
      g_autofree char *number = NULL;
      guint body = draft->meeting != NULL ? draft->meeting->body : COUNCIL;
      double roll = g_rand_double (gen->rand);
      const char *verdict = roll < 0.45 ? "positive" : roll < 0.82 ? "positive_with_remarks"
                            : roll < 0.97 ? "negative" : "split";
      GDate date;

      if (strcmp (draft->status, "opinion_adopted") != 0)
        continue;
      opinion = new_record (gen, "opinion");
      if (draft->meeting != NULL)
        date_from_time (&date, draft->meeting->starts);
      else
        {
          date = draft->received;
          g_date_add_days (&date, 10);
        }
      if (years[body] != g_date_get_year (&date))
        {
          years[body] = g_date_get_year (&date);
          numbers[body] = 0;
        }
      adopted = format_date (&date);
      number = g_strdup_printf ("%s/%u/%u", body == COUNCIL ? "RDPP" : "FOP", ++numbers[body],
                                g_date_get_year (&date));
      text = sentences (gen, 2, 5);

      wsp_record_set_string (opinion, "draft_id", draft->id);
      wsp_record_set_string (opinion, "body_id", body_ids[body]);
      wsp_record_set_string (opinion, "verdict", verdict);
      wsp_record_set_string (opinion, "text", text);
      if (strcmp (verdict, "split") == 0)
        {
          JsonObject *sides = json_object_new ();

          json_object_set_string_member (sides, "ngo", "negative");
          json_object_set_string_member (sides, "mayor", "positive");
          json_object_set_string_member (sides, "city_council", "positive");
          wsp_record_set_value (opinion, "sides",
                                json_node_init_object (json_node_alloc (), sides));
          json_object_unref (sides);
        }
      if (draft->meeting != NULL)
        wsp_record_set_string (opinion, "meeting_id", draft->meeting->id);
      wsp_record_set_string (opinion, "number", number);
      wsp_record_set_string (opinion, "adopted_on", adopted);
      if (!save (gen, opinion, error))
        return FALSE;
      (*made)++;
    }
  return TRUE;
}

/* ---- main ---------------------------------------------------------------- */

static guint
scaled (double scale,
        guint  n)
{
  return MAX (1, (guint) (n * scale + 0.5));
}

static gboolean
generate (Gen      *gen,
          double    scale,
          GError  **error)
{
  g_autoptr (GPtrArray) orgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) org_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) people_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) meeting_free);
  g_autoptr (GPtrArray) votable = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  char *body_ids[N_BODIES] = { NULL };
  guint n_attendance = 0, n_ballots = 0, n_votes = 0, n_opinions = 0;
  guint n_seats = 0;
  gboolean ok = FALSE;

  phase_start (gen);
  if (!make_organisations (gen, scaled (scale, N_ORGANISATIONS), orgs, org_names, error))
    goto out;
  phase_end (gen, "organisations");

  phase_start (gen);
  if (!make_people (gen, scaled (scale, N_PEOPLE), orgs, people, people_names, error))
    goto out;
  phase_end (gen, "people");

  phase_start (gen);
  if (!make_bodies (gen, body_ids, error)
      || !make_terms (gen, body_ids, terms, error)
      || !make_seats (gen, body_ids, terms, orgs, people, error)
      || !make_applications (gen, body_ids[FORUM], orgs, error))
    goto out;
  for (guint t = 0; t < terms->len; t++)
    n_seats += ((Term *) g_ptr_array_index (terms, t))->seats->len;
  phase_end (gen, "bodies, terms, seats, applications");

  phase_start (gen);
  if (!make_drafts (gen, scaled (scale, N_DRAFTS), drafts, error))
    goto out;
  phase_end (gen, "drafts and their versions");

  phase_start (gen);
  if (!make_meetings (gen, scaled (scale, N_MEETINGS), body_ids, terms, meetings, &n_attendance,
                      error))
    goto out;
  phase_end (gen, "meetings and attendance");

  phase_start (gen);
  if (!make_agenda (gen, scaled (scale, N_AGENDA_ITEMS), meetings, drafts, people_names, votable,
                    error))
    goto out;
  phase_end (gen, "agenda items");

  phase_start (gen);
  if (!make_ballots (gen, scaled (scale, N_BALLOTS), scaled (scale, N_VOTES), body_ids, votable,
                     &n_ballots, &n_votes, error))
    goto out;
  phase_end (gen, "ballots and votes");

  phase_start (gen);
  if (!make_comments (gen, scaled (scale, N_COMMENTS), drafts, people, people_names, org_names,
                      error))
    goto out;
  phase_end (gen, "comments");

  phase_start (gen);
  if (!make_opinions (gen, body_ids, drafts, &n_opinions, error))
    goto out;
  if (!flush (gen, error))
    goto out;
  phase_end (gen, "opinions");

  g_print ("Made %u organisations, %u people, %u bodies, %u terms, %u seats, %u meetings,\n"
           "  %u attendance records, %u drafts (one version of %u units each), %u comments,\n"
           "  %u opinions, %u ballots and %u votes.\n",
           orgs->len, people->len, N_BODIES, terms->len, n_seats, meetings->len, n_attendance,
           drafts->len, UNITS_PER_VERSION, scaled (scale, N_COMMENTS), n_opinions, n_ballots,
           n_votes);
  ok = TRUE;

out:
  if (!ok && gen->in_batch > 0)
    {
      wsp_store_rollback (gen->store);
      gen->in_batch = 0;
    }
  for (guint b = 0; b < N_BODIES; b++)
    g_free (body_ids[b]);
  return ok;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;
  return (gint64) st.st_size;
}

int
main (int   argc,
      char *argv[])
{
  double scale = 1.0;
  gint seed = DEFAULT_SEED;
  gboolean force = FALSE;
  gboolean profile_sql = FALSE;
  GOptionEntry entries[] = {
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale,
      "Multiply every count by SCALE (default 1.0: ten years of a large city)", "SCALE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the random generator", "N" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Replace OUT if it exists", NULL },
    { "profile-sql", 0, 0, G_OPTION_ARG_NONE, &profile_sql,
      "Print the SQL statements the store spent most time in", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("OUT.sqlite3");
  g_autoptr (GError) error = NULL;
  g_autoptr (WspStore) store = NULL;
  g_autoptr (GRand) rand = NULL;
  g_autofree char *wal = NULL;
  const char *path;
  Gen gen = { 0 };
  gint64 size;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Writes a realistic ten-year Wspólnie database through the store "
                                "API, for wsp-bench.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("wsp-bench-generate: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: wsp-bench-generate OUT.sqlite3 [--scale 0.1] [--seed N] [--force] "
                  "[--profile-sql]\n");
      return 2;
    }
  if (!(scale > 0.0 && scale <= 100.0))
    {
      g_printerr ("wsp-bench-generate: the scale must be above 0 and at most 100, not %g.\n",
                  scale);
      return 2;
    }
  path = argv[1];
  wal = g_strconcat (path, "-wal", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!force)
        {
          g_printerr ("wsp-bench-generate: “%s” already exists; remove it or pass --force.\n",
                      path);
          return 1;
        }
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      if (g_unlink (path) != 0)
        {
          g_printerr ("wsp-bench-generate: cannot remove “%s”: %s\n", path, g_strerror (errno));
          return 1;
        }
      g_unlink (wal);
      g_unlink (shm);
    }

  store = wsp_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("wsp-bench-generate: cannot create “%s”: %s\n", path, error->message);
      return 1;
    }

  if (profile_sql)
    {
      profiles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) profile_free);
      sqlite3_trace_v2 (wsp_database_get_handle (wsp_store_get_database (store)),
                        SQLITE_TRACE_PROFILE, profile_cb, NULL);
    }

  rand = g_rand_new_with_seed ((guint32) seed);
  gen.rand = rand;
  gen.store = store;
  gen.tz = g_time_zone_new_identifier ("Europe/Warsaw");
  if (gen.tz == NULL)
    gen.tz = g_time_zone_new_offset (3600);
  gen.started = g_get_monotonic_time ();

  g_print ("Generating “%s” at scale %g (seed %d, %d saves per transaction)…\n", path, scale,
           seed, BATCH);
  if (!generate (&gen, scale, &error))
    {
      g_printerr ("wsp-bench-generate: %s\n", error->message);
      g_time_zone_unref (gen.tz);
      return 1;
    }
  g_time_zone_unref (gen.tz);
  if (profiles != NULL)
    {
      print_profiles ();
      g_clear_pointer (&profiles, g_hash_table_unref);
    }

  /* Closing the last connection folds the write-ahead log into the file. */
  g_clear_object (&store);
  size = file_size (path) + file_size (wal);
  g_print ("Generated %u records in %.1f s; the file is %.1f MiB.\n", gen.saved,
           (g_get_monotonic_time () - gen.started) / 1e6, size / (1024.0 * 1024.0));
  return 0;
}
