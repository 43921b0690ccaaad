/* wsp-demo.c — a realistic example dataset for trying the app out
 *
 * The city of Zagłębiowice is made up; its Forum, Council and organisations
 * follow the partnership “Wspólnie dla Miasta” of Dąbrowa Górnicza
 * (2008–2013): a Forum of some thirty organisations that meets in borrowed
 * rooms, a Public Benefit Council of three sides, an NGO Office in the city
 * hall that keeps the records, and the yearly cooperation programme the
 * Council gives its opinion on.
 *
 * Everything is built from the tables below, in one transaction, around a
 * fixed day (WSP_DEMO_REFERENCE_DATE), with a fixed random seed and fixed
 * record ids, so two runs give the same data: two laptops that start from
 * the demo hold the same records.  The Polish texts
 * are data, not user interface, so they are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "demo/wsp-demo.h"
#include "domain/wsp-drafts.h"
#include "import/wsp-draft-match.h"
#include "import/wsp-draft-split.h"
#include "records/wsp-entities.h"
#include "records/wsp-record.h"
#include "rules/wsp-rules.h"
#include "store/wsp-store.h"

/* clang-format off */
G_DEFINE_QUARK (wsp-demo-error-quark, wsp_demo_error)
/* clang-format on */

#define DEMO_SEED 20261127

#define CITY_DOMAIN "um.zaglebiowice.example"

#define FORUM_NAME "Forum Organizacji Pozarządowych Miasta Zagłębiowice"
#define COUNCIL_NAME "Rada Działalności Pożytku Publicznego Miasta Zagłębiowice"

/* ---- fields of public benefit activity (art. 4 ust. 1 of the Act) ------- */

#define F_POMOC "pomoc społeczna"
#define F_RODZINA "wspieranie rodziny i systemu pieczy zastępczej"
#define F_CHARYTATYWNA "działalność charytatywna"
#define F_TRADYCJA "podtrzymywanie i upowszechnianie tradycji narodowej"
#define F_REINTEGRACJA "integracja i reintegracja zawodowa i społeczna osób zagrożonych wykluczeniem"
#define F_ZDROWIE "ochrona i promocja zdrowia"
#define F_NIEPELNOSPRAWNI "działalność na rzecz osób niepełnosprawnych"
#define F_ZATRUDNIENIE "promocja zatrudnienia i aktywizacji zawodowej"
#define F_ROWNOSC "działalność na rzecz równych praw kobiet i mężczyzn"
#define F_SENIORZY "działalność na rzecz osób w wieku emerytalnym"
#define F_GOSPODARKA "działalność wspomagająca rozwój gospodarczy, w tym rozwój przedsiębiorczości"
#define F_WSPOLNOTY "działalność wspomagająca rozwój wspólnot i społeczności lokalnych"
#define F_EDUKACJA "nauka, edukacja, oświata i wychowanie"
#define F_DZIECI "działalność na rzecz dzieci i młodzieży, w tym wypoczynek dzieci i młodzieży"
#define F_KULTURA "kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego"
#define F_SPORT "wspieranie i upowszechnianie kultury fizycznej"
#define F_EKOLOGIA "ekologia i ochrona zwierząt oraz ochrona dziedzictwa przyrodniczego"
#define F_TURYSTYKA "turystyka i krajoznawstwo"
#define F_BEZPIECZENSTWO "porządek i bezpieczeństwo publiczne"
#define F_DEMOKRACJA "ochrona praw człowieka i swobód obywatelskich, rozwój demokracji"
#define F_RATOWNICTWO "ratownictwo i ochrona ludności"
#define F_WOLONTARIAT "promocja i organizacja wolontariatu"
#define F_UZALEZNIENIA "przeciwdziałanie uzależnieniom i patologiom społecznym"
#define F_NGO "działalność na rzecz organizacji pozarządowych"

/* ---- organisations ------------------------------------------------------ */

typedef enum
{
  REGISTER_KRS,   /* in the National Court Register, with NIP and REGON */
  REGISTER_OTHER, /* in another register (KGW, school sports clubs): NIP and REGON only */
  REGISTER_NONE,  /* a unit of the city: no numbers of its own */
} Register;

typedef struct
{
  const char *key;
  const char *name;
  const char *short_name;
  const char *domain;      /* <domain>.example: e-mail and website */
  const char *address;
  const char *fields[4];
  Register    register_;
  const char *forum_since; /* joined the Forum; NULL: not a member */
  const char *notes;
} OrgData;

static const OrgData organisations[] = {
  { "zz", "Stowarzyszenie Zielone Zagłębie", "Zielone Zagłębie", "zielone-zaglebie",
    "ul. Kościuszki 12/4, 41-350 Zagłębiowice", { F_EKOLOGIA, F_WSPOLNOTY, F_NGO },
    REGISTER_KRS, "2008-05-24",
    "Inicjator Partnerstwa „Wspólnie dla Miasta” i Forum; w latach 2008–2009 prowadziło "
    "Inkubator Trzeciego Sektora." },
  { "wolont", "Fundacja Centrum Wolontariatu Zagłębiowice", "Centrum Wolontariatu",
    "wolontariat-zaglebiowice", "ul. Sienkiewicza 3, 41-350 Zagłębiowice",
    { F_WOLONTARIAT, F_DZIECI }, REGISTER_KRS, "2009-03-12", NULL },
  { "utw", "Stowarzyszenie Uniwersytet Trzeciego Wieku w Zagłębiowicach", "UTW Zagłębiowice",
    "utw-zaglebiowice", "ul. Mickiewicza 20, 41-350 Zagłębiowice", { F_SENIORZY, F_EDUKACJA },
    REGISTER_KRS, "2008-05-24", NULL },
  { "zhp", "Związek Harcerstwa Polskiego Chorągiew Śląska – Hufiec Zagłębiowice",
    "Hufiec ZHP Zagłębiowice", "zhp-zaglebiowice", "ul. Harcerska 2, 41-352 Zagłębiowice",
    { F_DZIECI, F_TURYSTYKA, F_EDUKACJA }, REGISTER_KRS, "2008-05-24", NULL },
  { "kgw", "Koło Gospodyń Wiejskich w Brzezince", "KGW Brzezinka", "kgw-brzezinka",
    "ul. Wiejska 14, 41-355 Zagłębiowice", { F_TRADYCJA, F_WSPOLNOTY }, REGISTER_OTHER,
    "2019-02-21",
    "Wpisane do Krajowego Rejestru Kół Gospodyń Wiejskich prowadzonego przez ARiMR; "
    "nie ma numeru KRS." },
  { "uks", "Uczniowski Klub Sportowy „Orlik” przy Szkole Podstawowej nr 5", "UKS Orlik",
    "uks-orlik", "ul. Szkolna 5, 41-352 Zagłębiowice", { F_SPORT, F_DZIECI }, REGISTER_OTHER,
    "2012-09-20",
    "Wpisany do ewidencji uczniowskich klubów sportowych prowadzonej przez Prezydenta Miasta; "
    "nie ma numeru KRS." },
  { "hutnik", "Klub Sportowy „Hutnik” Zagłębiowice", "KS Hutnik", "ks-hutnik",
    "ul. Sportowa 1, 41-350 Zagłębiowice", { F_SPORT }, REGISTER_KRS, "2010-04-15", NULL },
  { "razem", "Stowarzyszenie na rzecz Osób Niepełnosprawnych „Razem”", "Razem",
    "razem-zaglebiowice", "ul. Konopnickiej 9, 41-350 Zagłębiowice",
    { F_NIEPELNOSPRAWNI, F_POMOC }, REGISTER_KRS, "2008-05-24", NULL },
  { "przytulisko", "Fundacja Pomocy Zwierzętom „Przytulisko”", "Przytulisko", "przytulisko",
    "ul. Leśna 40, 41-355 Zagłębiowice", { F_EKOLOGIA }, REGISTER_KRS, "2014-06-05", NULL },
  { "pkps", "Polski Komitet Pomocy Społecznej – Zarząd Miejski w Zagłębiowicach", "PKPS",
    "pkps-zaglebiowice", "ul. 3 Maja 18, 41-350 Zagłębiowice", { F_POMOC, F_CHARYTATYWNA },
    REGISTER_KRS, "2008-05-24", NULL },
  { "smzz", "Stowarzyszenie Miłośników Ziemi Zagłębiowickiej", "SMZZ", "ziemia-zaglebiowicka",
    "ul. Staszica 7, 41-350 Zagłębiowice", { F_KULTURA, F_TRADYCJA }, REGISTER_KRS,
    "2008-05-24", NULL },
  { "tpd", "Towarzystwo Przyjaciół Dzieci – Oddział Miejski w Zagłębiowicach", "TPD",
    "tpd-zaglebiowice", "ul. Słowackiego 11, 41-350 Zagłębiowice", { F_DZIECI, F_RODZINA },
    REGISTER_KRS, "2008-05-24", NULL },
  { "kompas", "Fundacja Aktywizacji Zawodowej „Kompas”", "Fundacja Kompas", "fundacja-kompas",
    "ul. Hutnicza 5, 41-352 Zagłębiowice", { F_REINTEGRACJA, F_ZATRUDNIENIE }, REGISTER_KRS,
    "2015-11-19", NULL },
  { "amazonki", "Stowarzyszenie Amazonek „Różowa Wstążka”", "Amazonki", "amazonki-zaglebiowice",
    "ul. Szpitalna 2, 41-350 Zagłębiowice", { F_ZDROWIE }, REGISTER_KRS, "2011-03-10", NULL },
  { "osp", "Ochotnicza Straż Pożarna w Łęknicach", "OSP Łęknice", "osp-leknice",
    "ul. Strażacka 3, 41-356 Zagłębiowice", { F_RATOWNICTWO, F_BEZPIECZENSTWO }, REGISTER_KRS,
    "2013-05-16", NULL },
  { "gniazdo", "Stowarzyszenie Rodzin Zastępczych „Gniazdo”", "Gniazdo", "gniazdo-rodziny",
    "ul. Ogrodowa 22, 41-350 Zagłębiowice", { F_RODZINA, F_DZIECI }, REGISTER_KRS,
    "2016-09-22", NULL },
  { "scena", "Fundacja Kulturalna „Scena Zagłębie”", "Scena Zagłębie", "scena-zaglebie",
    "ul. Teatralna 4, 41-350 Zagłębiowice", { F_KULTURA, F_DZIECI }, REGISTER_KRS,
    "2017-04-06", NULL },
  { "lutnia", "Towarzystwo Śpiewacze „Lutnia”", "TŚ Lutnia", "lutnia-chor",
    "ul. Chopina 6, 41-350 Zagłębiowice", { F_KULTURA, F_TRADYCJA }, REGISTER_KRS,
    "2008-05-24", NULL },
  { "przystan", "Stowarzyszenie Klub Abstynenta „Przystań”", "Klub Przystań", "klub-przystan",
    "ul. Kolejowa 8, 41-354 Zagłębiowice", { F_UZALEZNIENIA, F_POMOC }, REGISTER_KRS,
    "2009-10-08", NULL },
  { "pzerii", "Polski Związek Emerytów, Rencistów i Inwalidów – Oddział Rejonowy w Zagłębiowicach",
    "PZERiI", "pzerii-zaglebiowice", "ul. Mickiewicza 2, 41-350 Zagłębiowice",
    { F_SENIORZY, F_POMOC }, REGISTER_KRS, "2008-05-24", NULL },
  { "kuznia", "Fundacja Rozwoju Przedsiębiorczości Społecznej „Kuźnia”", "Fundacja Kuźnia",
    "kuznia-es", "ul. Hutnicza 5, 41-352 Zagłębiowice", { F_GOSPODARKA, F_REINTEGRACJA, F_NGO },
    REGISTER_KRS, "2011-01-27", NULL },
  { "rowery", "Zagłębiowicka Inicjatywa Rowerowa", "ZIR", "rowerowe-zaglebiowice",
    "ul. Parkowa 15, 41-350 Zagłębiowice", { F_TURYSTYKA, F_EKOLOGIA }, REGISTER_KRS,
    "2018-03-15", NULL },
  { "pttk", "Polskie Towarzystwo Turystyczno-Krajoznawcze Oddział w Zagłębiowicach", "PTTK",
    "pttk-zaglebiowice", "ul. Kościuszki 30, 41-350 Zagłębiowice", { F_TURYSTYKA, F_KULTURA },
    REGISTER_KRS, "2008-05-24", NULL },
  { "podlesie", "Stowarzyszenie Mieszkańców Osiedla Podlesie", "SMO Podlesie", "podlesie-razem",
    "ul. Brzozowa 1, 41-353 Zagłębiowice", { F_WSPOLNOTY }, REGISTER_KRS, "2020-10-01", NULL },
  { "klik", "Fundacja Przeciw Wykluczeniu Cyfrowemu „Klik”", "Fundacja Klik", "fundacja-klik",
    "ul. Sienkiewicza 19, 41-350 Zagłębiowice", { F_EDUKACJA, F_SENIORZY }, REGISTER_KRS,
    "2021-05-20", NULL },
  { "agora", "Stowarzyszenie Inicjatyw Obywatelskich „Agora”", "Agora", "agora-obywatele",
    "pl. Wolności 3, 41-350 Zagłębiowice", { F_DEMOKRACJA, F_WSPOLNOTY }, REGISTER_KRS,
    "2012-01-19", NULL },
  { "brat", "Towarzystwo Pomocy im. św. Brata Alberta – Koło Zagłębiowickie",
    "Koło im. Brata Alberta", "bratalbert-zaglebiowice", "ul. Kolejowa 21, 41-354 Zagłębiowice",
    { F_POMOC, F_CHARYTATYWNA }, REGISTER_KRS, "2010-11-25", NULL },
  { "tecza", "Stowarzyszenie na rzecz Osób z Autyzmem „Tęczowy Most”", "Tęczowy Most",
    "teczowy-most", "ul. Różana 4, 41-353 Zagłębiowice",
    { F_NIEPELNOSPRAWNI, F_ZDROWIE, F_EDUKACJA }, REGISTER_KRS, "2016-02-18", NULL },
  { "szyb", "Fundacja Ochrony Dziedzictwa Przemysłowego „Szyb”", "Fundacja Szyb",
    "fundacja-szyb", "ul. Szybowa 2, 41-352 Zagłębiowice", { F_KULTURA, F_TURYSTYKA },
    REGISTER_KRS, "2015-04-09", NULL },
  /* Joined after its application was accepted (see applications[]). */
  { "podworko", "Stowarzyszenie Sąsiedzkie „Nasze Podwórko”", "Nasze Podwórko",
    "nasze-podworko", "ul. Osiedlowa 8/2, 41-356 Zagłębiowice", { F_WSPOLNOTY, F_DZIECI },
    REGISTER_KRS, "2026-01-15", NULL },
  /* Not members of the Forum. */
  { "kobiety", "Fundacja „Kobiety Zagłębia”", "Kobiety Zagłębia", "kobiety-zaglebia",
    "ul. Wolności 10, 41-350 Zagłębiowice", { F_ROWNOSC, F_ZATRUDNIENIE }, REGISTER_KRS, NULL,
    NULL },
  { "horyzont", "Fundacja Horyzont Rozwoju", "Horyzont Rozwoju", "horyzont-rozwoju",
    "ul. Słoneczna 120, 02-950 Warszawa", { F_GOSPODARKA }, REGISTER_KRS, NULL, NULL },
  { "inkubator", "Inkubator Społecznej Przedsiębiorczości w Zagłębiowicach", "Inkubator",
    "inkubator-zaglebiowice", "ul. Górnicza 1 (Muzeum Miejskie), 41-352 Zagłębiowice",
    { F_NGO, F_GOSPODARKA }, REGISTER_NONE, NULL,
    "Prowadzony przez Biuro Organizacji Pozarządowych Urzędu Miasta: szkolenia i doradztwo "
    "dla organizacji. Jednostka Miasta, nie jest członkiem Forum." },
};

/* ---- people ------------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *name;
  const char *organisations[3]; /* keys; the first one gives the e-mail domain */
} PersonData;

static const PersonData people[] = {
  /* Representatives of organisations */
  { "nowak", "Małgorzata Nowak", { "zz" } },
  { "wrona", "Karolina Wrona", { "wolont" } },
  { "lewandowski", "Piotr Lewandowski", { "utw" } },
  { "pietrzak", "Łukasz Pietrzak", { "zhp" } },
  { "kaczmarek", "Halina Kaczmarek", { "kgw" } },
  { "zielinski", "Michał Zieliński", { "uks" } },
  { "kaminski", "Marek Kamiński", { "hutnik" } },
  { "dabrowska", "Agnieszka Dąbrowska", { "razem" } },
  { "grabowska", "Natalia Grabowska", { "przytulisko" } },
  { "wisniewska", "Teresa Wiśniewska", { "pkps", "brat" } },
  { "kowalski", "Jerzy Kowalski", { "smzz" } },
  { "wojcik", "Joanna Wójcik", { "tpd" } },
  { "szymanski", "Rafał Szymański", { "kompas" } },
  { "jankowska", "Elżbieta Jankowska", { "amazonki" } },
  { "wojciechowski", "Stanisław Wojciechowski", { "osp" } },
  { "krawczyk", "Monika Krawczyk", { "gniazdo" } },
  { "adamczyk", "Bartosz Adamczyk", { "scena" } },
  { "piotrowska", "Zofia Piotrowska", { "lutnia" } },
  { "michalak", "Andrzej Michalak", { "przystan" } },
  { "nowicki", "Henryk Nowicki", { "pzerii" } },
  { "sikora", "Paweł Sikora", { "kuznia", "kompas" } },
  { "ostrowski", "Kamil Ostrowski", { "rowery" } },
  { "baran", "Grzegorz Baran", { "pttk" } },
  { "kubiak", "Aleksandra Kubiak", { "podlesie" } },
  { "lis", "Dominika Lis", { "klik" } },
  { "mazurek", "Wojciech Mazurek", { "agora" } },
  { "szewczyk", "Irena Szewczyk", { "brat" } },
  { "gorska", "Beata Górska", { "tecza" } },
  { "walczak", "Tadeusz Walczak", { "szyb" } },
  { "duda", "Patrycja Duda", { "podworko" } },
  { "kolodziej", "Sylwia Kołodziej", { "kobiety" } },
  { "czarnecki", "Robert Czarnecki", { "horyzont" } },
  /* The city: the mayor's office, the NGO Office, city councillors */
  { "kowalczyk", "Anna Kowalczyk", { NULL } },    /* Deputy Mayor */
  { "wieczorek", "Tomasz Wieczorek", { NULL } },  /* head of the NGO Office */
  { "mazur", "Barbara Mazur", { NULL } },         /* head of the Social Policy Department */
  { "michalska", "Katarzyna Michalska", { NULL } }, /* NGO Office, the Forum's secretary */
  { "sadowska", "Iwona Sadowska", { NULL } },     /* former Deputy Mayor */
  { "zajac", "Krzysztof Zając", { NULL } },       /* city councillor */
  { "pawlak", "Ewa Pawlak", { NULL } },           /* city councillor */
  { "rutkowski", "Janusz Rutkowski", { NULL } },  /* former city councillor */
};

/* Forum membership applications. */
typedef struct
{
  const char *organisation;
  const char *submitted_on;
  const char *evidence;
  const char *decision;
  const char *decided_on;
  const char *note;
} ApplicationData;

static const ApplicationData applications[] = {
  { "podworko", "2025-11-24",
    "Od 2023 r. organizuje pikniki sąsiedzkie i zajęcia dla dzieci na osiedlu Osada Kolejowa; "
    "w 2025 r. zrealizowało w ramach inicjatywy lokalnej zadanie „Podwórko dla wszystkich”. "
    "Do wniosku dołączono sprawozdanie z zadania i rekomendację Stowarzyszenia Mieszkańców "
    "Osiedla Podlesie.",
    "accepted", "2026-01-15", "Przyjęte jednogłośnie na spotkaniu Forum 15 stycznia 2026 r." },
  { "horyzont", "2026-09-10",
    "Statut przewiduje działalność na terenie całego kraju. Do wniosku dołączono ofertę "
    "odpłatnych szkoleń z pozyskiwania funduszy dla organizacji.",
    "rejected", "2026-10-22",
    "Organizacja nie wykazała działalności na rzecz mieszkańców Zagłębiowic (siedziba i działania "
    "w Warszawie). Może ponownie złożyć wniosek po udokumentowaniu działań w mieście." },
  { "kobiety", "2026-11-12",
    "Od marca 2026 r. prowadzi w Centrum Organizacji Pozarządowych bezpłatne konsultacje "
    "zawodowe dla kobiet wracających na rynek pracy (42 uczestniczki). Rekomendacja Fundacji "
    "Aktywizacji Zawodowej „Kompas”.",
    "pending", NULL, NULL },
};

/* ---- the Council: terms and seats --------------------------------------- */

typedef struct
{
  const char *key;
  const char *name;
  const char *starts_on;
  const char *ends_on;
} TermData;

static const TermData terms[] = {
  { "2022", "Kadencja 2022–2025", "2022-03-01", "2025-02-28" },
  { "2025", "Kadencja 2025–2028", "2025-03-01", "2028-02-29" },
};

typedef struct
{
  const char *key;
  const char *term;
  const char *person;
  const char *organisation; /* the organisation that put the member forward */
  const char *side;
  const char *role;
  const char *joined_on;
  const char *left_on;
  const char *left_reason;
} SeatData;

#define TERM_ENDED "upływ kadencji"

static const SeatData council_seats[] = {
  /* The previous term */
  { "p1", "2022", "nowak", "zz", "ngo", "chair", "2022-03-01", "2025-02-28", TERM_ENDED },
  { "p2", "2022", "sadowska", NULL, "mayor", "vice_chair", "2022-03-01", "2025-02-28", TERM_ENDED },
  { "p3", "2022", "wieczorek", NULL, "mayor", "secretary", "2022-03-01", "2025-02-28", TERM_ENDED },
  { "p4", "2022", "rutkowski", NULL, "city_council", "member", "2022-03-01", "2025-02-28",
    TERM_ENDED },
  { "p5", "2022", "lewandowski", "utw", "ngo", "member", "2022-03-01", "2025-02-28", TERM_ENDED },
  { "p6", "2022", "jankowska", "amazonki", "ngo", "member", "2022-03-01", "2025-02-28",
    TERM_ENDED },
  /* The current term */
  { "m1", "2025", "kowalczyk", NULL, "mayor", "vice_chair", "2025-03-01", NULL, NULL },
  { "m2", "2025", "wieczorek", NULL, "mayor", "secretary", "2025-03-01", NULL, NULL },
  { "m3", "2025", "mazur", NULL, "mayor", "member", "2025-03-01", NULL, NULL },
  { "c1", "2025", "zajac", NULL, "city_council", "member", "2025-03-01", NULL, NULL },
  { "c2", "2025", "pawlak", NULL, "city_council", "member", "2025-03-01", "2026-06-30",
    "Rezygnacja z członkostwa w Radzie (pismo z 15 czerwca 2026 r.). Rada Miasta nie wskazała "
    "dotąd następcy – miejsce pozostaje nieobsadzone." },
  { "n1", "2025", "nowak", "zz", "ngo", "chair", "2025-03-01", NULL, NULL },
  { "n2", "2025", "lewandowski", "utw", "ngo", "member", "2025-03-01", NULL, NULL },
  { "n3", "2025", "wojcik", "tpd", "ngo", "member", "2025-03-01", NULL, NULL },
  { "n4", "2025", "kaminski", "hutnik", "ngo", "member", "2025-03-01", NULL, NULL },
  { "n5", "2025", "dabrowska", "razem", "ngo", "member", "2025-03-01", "2025-12-31",
    "Rezygnacja złożona na piśmie 10 grudnia 2025 r. w związku ze zmianą miejsca zamieszkania." },
  { "n6", "2025", "szymanski", "kompas", "ngo", "member", "2026-02-02", NULL, NULL },
};

#define CHAIR "Małgorzata Nowak, Przewodnicząca Rady"
#define SECRETARY "Tomasz Wieczorek, Sekretarz Rady"
#define NGO_OFFICE "Tomasz Wieczorek, Kierownik Biura Organizacji Pozarządowych"
#define FORUM_SECRETARY "Katarzyna Michalska, Biuro Organizacji Pozarządowych"

/* ---- drafts ------------------------------------------------------------- */

/* One unit of a draft: § (paragraph), ust. (section), pkt (point). A unit
 * with NULL text only holds the units below it. */
typedef struct
{
  const char *key;
  const char *label;
  const char *parent;
  const char *text;
} UnitData;

static const UnitData programme_units[] = {
  { "p1", "§ 1", NULL, NULL },
  { "p1.u1", "ust. 1", "p1",
    "Program współpracy Miasta Zagłębiowice z organizacjami pozarządowymi oraz podmiotami, "
    "o których mowa w art. 3 ust. 3 ustawy, na rok 2027, zwany dalej „Programem”, określa cele, "
    "zasady, przedmiot i formy współpracy Miasta z organizacjami, priorytetowe zadania "
    "publiczne, wysokość środków przeznaczonych na realizację Programu oraz sposób oceny jego "
    "realizacji." },
  { "p1.u2", "ust. 2", "p1", "Ilekroć w Programie jest mowa o:" },
  { "p1.u2.pt1", "pkt 1", "p1.u2",
    "ustawie – należy przez to rozumieć ustawę z dnia 24 kwietnia 2003 r. o działalności "
    "pożytku publicznego i o wolontariacie;" },
  { "p1.u2.pt2", "pkt 2", "p1.u2",
    "organizacjach – należy przez to rozumieć organizacje pozarządowe oraz podmioty, o których "
    "mowa w art. 3 ust. 3 ustawy;" },
  { "p1.u2.pt3", "pkt 3", "p1.u2",
    "Forum – należy przez to rozumieć Forum Organizacji Pozarządowych Miasta Zagłębiowice;" },
  { "p1.u2.pt4", "pkt 4", "p1.u2",
    "Radzie – należy przez to rozumieć Radę Działalności Pożytku Publicznego Miasta "
    "Zagłębiowice;" },
  { "p1.u2.pt5", "pkt 5", "p1.u2",
    "Biurze – należy przez to rozumieć Biuro Organizacji Pozarządowych Urzędu Miasta "
    "Zagłębiowice." },
  { "p2", "§ 2", NULL, NULL },
  { "p2.u1", "ust. 1", "p2",
    "Celem głównym Programu jest budowanie partnerstwa Miasta i organizacji w zaspokajaniu "
    "potrzeb mieszkańców oraz rozwój społeczeństwa obywatelskiego." },
  { "p2.u2", "ust. 2", "p2", "Celami szczegółowymi Programu są:" },
  { "p2.u2.pt1", "pkt 1", "p2.u2",
    "wzmacnianie potencjału organizacji, w tym przez szkolenia i doradztwo Inkubatora "
    "Społecznej Przedsiębiorczości;" },
  { "p2.u2.pt2", "pkt 2", "p2.u2",
    "zwiększenie udziału mieszkańców w rozwiązywaniu problemów wspólnoty lokalnej;" },
  { "p2.u2.pt3", "pkt 3", "p2.u2",
    "poprawa jakości usług publicznych przez zlecanie ich realizacji organizacjom;" },
  { "p2.u2.pt4", "pkt 4", "p2.u2",
    "rozwój wolontariatu, w szczególności wśród młodzieży i seniorów." },
  { "p3", "§ 3", NULL,
    "Współpraca Miasta z organizacjami odbywa się na zasadach pomocniczości, suwerenności "
    "stron, partnerstwa, efektywności, uczciwej konkurencji i jawności." },
  { "p4", "§ 4", NULL, NULL },
  { "p4.u1", "ust. 1", "p4",
    "Współpraca o charakterze finansowym polega na zlecaniu organizacjom realizacji zadań "
    "publicznych w formie powierzenia lub wspierania, w trybie otwartego konkursu ofert albo "
    "z pominięciem konkursu na zasadach określonych w art. 19a ustawy." },
  { "p4.u2", "ust. 2", "p4",
    "Współpraca o charakterze pozafinansowym obejmuje w szczególności:" },
  { "p4.u2.pt1", "pkt 1", "p4.u2",
    "wzajemne informowanie się o planowanych kierunkach działalności;" },
  { "p4.u2.pt2", "pkt 2", "p4.u2",
    "konsultowanie z organizacjami projektów aktów prawa miejscowego w dziedzinach dotyczących "
    "ich działalności statutowej;" },
  { "p4.u2.pt3", "pkt 3", "p4.u2",
    "nieodpłatne udostępnianie organizacjom sal w budynkach Miasta na spotkania i szkolenia;" },
  { "p4.u2.pt4", "pkt 4", "p4.u2", "prowadzenie przez Biuro doradztwa i szkoleń dla organizacji;" },
  { "p4.u2.pt5", "pkt 5", "p4.u2",
    "promocję działalności organizacji, w tym przekazywania 1,5% podatku dochodowego "
    "organizacjom pożytku publicznego." },
  { "p4.u3", "ust. 3", "p4",
    "W skład komisji konkursowych opiniujących oferty wchodzą przedstawiciele Prezydenta Miasta "
    "oraz co najmniej dwie osoby wskazane przez Forum." },
  { "p5", "§ 5", NULL, NULL },
  { "p5.u1", "ust. 1", "p5",
    "Za priorytetowe zadania publiczne w roku 2027 uznaje się zadania z zakresu:" },
  { "p5.u1.pt1", "pkt 1", "p5.u1",
    "pomocy społecznej, w tym pomocy rodzinom i osobom w trudnej sytuacji życiowej;" },
  { "p5.u1.pt2", "pkt 2", "p5.u1", "działalności na rzecz osób w wieku emerytalnym;" },
  { "p5.u1.pt3", "pkt 3", "p5.u1", "wspierania i upowszechniania kultury fizycznej;" },
  { "p5.u1.pt4", "pkt 4", "p5.u1",
    "kultury, sztuki, ochrony dóbr kultury i dziedzictwa narodowego;" },
  { "p5.u1.pt5", "pkt 5", "p5.u1",
    "ekologii i ochrony zwierząt oraz ochrony dziedzictwa przyrodniczego." },
  { "p5.u2", "ust. 2", "p5",
    "Szczegółowy wykaz zadań realizowanych w trybie otwartych konkursów ofert określa Prezydent "
    "Miasta w ogłoszeniach konkursowych." },
  { "p6", "§ 6", NULL, NULL },
  { "p6.u1", "ust. 1", "p6",
    "Na realizację Programu w roku 2027 planuje się przeznaczyć środki w wysokości nie mniejszej "
    "niż 3 200 000 zł." },
  { "p6.u2", "ust. 2", "p6",
    "Miernikami realizacji Programu są w szczególności: liczba ogłoszonych otwartych konkursów "
    "ofert, liczba zawartych umów, wysokość środków przekazanych organizacjom oraz liczba "
    "organizacji korzystających ze wsparcia Biura." },
  { "p6.u3", "ust. 3", "p6",
    "Prezydent Miasta przedstawia Radzie Miasta sprawozdanie z realizacji Programu w terminie "
    "do dnia 31 maja 2028 r." },
};

static const UnitData rooms_units[] = {
  { "p1", "§ 1", NULL,
    "Regulamin określa zasady nieodpłatnego udostępniania sal Centrum Organizacji "
    "Pozarządowych przy ul. Hutniczej 5 organizacjom pozarządowym i grupom nieformalnym "
    "mieszkańców." },
  { "p2", "§ 2", NULL, NULL },
  { "p2.u1", "ust. 1", "p2",
    "Sale rezerwuje się w Biurze Organizacji Pozarządowych osobiście, telefonicznie lub pocztą "
    "elektroniczną, nie później niż 3 dni robocze przed terminem." },
  { "p2.u2", "ust. 2", "p2",
    "Sale są udostępniane od poniedziałku do piątku w godzinach 8:00–20:00, a w soboty "
    "w godzinach 9:00–15:00." },
  { "p3", "§ 3", NULL,
    "Korzystający odpowiada za porządek w sali i niezwłocznie zgłasza Biuru szkody powstałe "
    "podczas korzystania z sali." },
};

typedef struct
{
  const char     *key;
  const char     *title;
  const char     *submitted_by;
  const char     *received_on;
  WspDraftKind    kind;
  const char     *status;
  const UnitData *units;
  gsize           n_units;
} DraftData;

static const DraftData drafts[] = {
  { "programme",
    "Projekt uchwały Rady Miasta Zagłębiowice w sprawie przyjęcia Programu współpracy Miasta "
    "Zagłębiowice z organizacjami pozarządowymi oraz podmiotami, o których mowa w art. 3 ust. 3 "
    "ustawy o działalności pożytku publicznego i o wolontariacie, na rok 2027",
    "Prezydent Miasta Zagłębiowice", "2026-10-20", WSP_DRAFT_KIND_COOPERATION_PROGRAMME,
    "opinion_adopted", programme_units, G_N_ELEMENTS (programme_units) },
  { "rooms",
    "Projekt zarządzenia Prezydenta Miasta Zagłębiowice w sprawie regulaminu korzystania z sal "
    "Centrum Organizacji Pozarządowych",
    "Prezydent Miasta Zagłębiowice (Biuro Organizacji Pozarządowych)", "2026-11-20",
    WSP_DRAFT_KIND_OTHER, "received", rooms_units, G_N_ELEMENTS (rooms_units) },
};

/* Comments on the draft programme; the current wording is the unit's text. */
typedef struct
{
  const char *unit;
  const char *author; /* person key */
  const char *proposed;
  const char *justification;
  const char *decision;
  const char *reason;
} CommentData;

static const CommentData programme_comments[] = {
  { "p1.u2.pt3", "nowak",
    "Forum – należy przez to rozumieć Forum Organizacji Pozarządowych Miasta Zagłębiowice, "
    "działające na podstawie własnego regulaminu;",
    "Forum nie ma osobowości prawnej; podstawą jego działania jest regulamin przyjęty przez "
    "organizacje członkowskie.",
    "accepted", "Uwaga uwzględniona." },
  { "p2.u2.pt4", "wrona",
    "rozwój wolontariatu, w szczególności wśród młodzieży i seniorów, w tym przez działalność "
    "Centrum Wolontariatu.",
    "Centrum Wolontariatu od 2009 r. pośredniczy między wolontariuszami a organizacjami; "
    "Program powinien wskazywać to narzędzie.",
    "accepted", "Uwaga uwzględniona – doprecyzowanie zgodne z dotychczasową praktyką." },
  { "p3", "mazurek",
    "Współpraca Miasta z organizacjami odbywa się na zasadach pomocniczości, suwerenności "
    "stron, partnerstwa, efektywności, uczciwej konkurencji i jawności; zasada jawności obejmuje "
    "publikowanie kart oceny ofert złożonych w otwartych konkursach ofert.",
    "Organizacje, których oferty odrzucono, nie znają uzasadnienia ocen.",
    "rejected",
    "Zasady współpracy wynikają wprost z art. 5 ust. 3 ustawy; zakres informacji publikowanych "
    "po rozstrzygnięciu konkursu określa regulamin pracy komisji konkursowych." },
  { "p4.u1", "sikora",
    "Współpraca o charakterze finansowym polega na zlecaniu organizacjom realizacji zadań "
    "publicznych w formie powierzenia lub wspierania, w trybie otwartego konkursu ofert albo "
    "z pominięciem konkursu na zasadach określonych w art. 19a ustawy; zadania mogą być "
    "realizowane także w formie regrantingu, o którym mowa w art. 16a ustawy.",
    "Regranting pozwala wspierać małe organizacje i grupy nieformalne bez konieczności "
    "samodzielnego udziału w konkursie.",
    "partly_accepted",
    "Uwzględniono możliwość regrantingu, bez zobowiązania Miasta do jego zastosowania w roku "
    "2027." },
  { "p4.u2.pt3", "ostrowski",
    "nieodpłatne udostępnianie organizacjom sal w budynkach Miasta, w tym w Centrum Organizacji "
    "Pozarządowych, również w godzinach popołudniowych i w soboty;",
    "Większość organizacji działa społecznie; ich członkowie pracują zawodowo do popołudnia.",
    "partly_accepted",
    "Uwzględniono wskazanie Centrum Organizacji Pozarządowych; godziny udostępniania sal określi "
    "regulamin korzystania z sal." },
  { "p4.u3", "lewandowski",
    "W skład komisji konkursowych opiniujących oferty wchodzą przedstawiciele Prezydenta Miasta "
    "oraz co najmniej dwie osoby wskazane przez Forum; Forum wskazuje także dwie osoby "
    "zastępcze.",
    "W 2026 r. dwie komisje nie mogły zebrać się w pełnym składzie z powodu choroby "
    "przedstawicielki Forum.",
    "accepted", "Uwaga uwzględniona – zapewni ciągłość prac komisji." },
  { "p5.u1", "michalak",
    "Dodać pkt 6 w brzmieniu: „przeciwdziałania uzależnieniom i patologiom społecznym.”",
    "Organizacje abstynenckie od kilku lat nie mają w Programie zadania priorytetowego.",
    "rejected",
    "Zadania z tego zakresu są finansowane z Miejskiego Programu Profilaktyki i Rozwiązywania "
    "Problemów Alkoholowych oraz Przeciwdziałania Narkomanii na rok 2027." },
  { "p5.u1.pt3", "zielinski",
    "wspierania i upowszechniania kultury fizycznej, w szczególności szkolenia sportowego dzieci "
    "i młodzieży w klubach sportowych;",
    "Środki na sport powinny w pierwszej kolejności trafiać do pracy z dziećmi i młodzieżą.",
    "partly_accepted",
    "Uwzględniono wskazanie dzieci i młodzieży, bez ograniczenia do klubów sportowych." },
  { "p6.u1", "wisniewska",
    "Na realizację Programu w roku 2027 planuje się przeznaczyć środki w wysokości nie mniejszej "
    "niż 3 500 000 zł.",
    "Kwota nie zmieniła się od 2025 r., a koszty realizacji zadań, w tym wynagrodzeń, wzrosły.",
    "rejected",
    "Wysokość środków wynika z projektu budżetu Miasta na rok 2027; Rada odniosła się do niej "
    "w opinii." },
  { "p6.u2", "lis",
    "Miernikami realizacji Programu są w szczególności: liczba ogłoszonych otwartych konkursów "
    "ofert, liczba zawartych umów, wysokość środków przekazanych organizacjom, liczba "
    "organizacji korzystających ze wsparcia Biura oraz liczba organizacji, które po raz "
    "pierwszy otrzymały dotację z budżetu Miasta.",
    "Miernik pokaże, czy Program otwiera się na nowe organizacje.",
    "accepted", "Uwaga uwzględniona." },
  { "p6.u3", "wojcik",
    "Prezydent Miasta przedstawia Radzie Miasta oraz Radzie sprawozdanie z realizacji Programu "
    "w terminie do dnia 31 maja 2028 r.",
    "Rada opiniuje Program, powinna więc znać wyniki jego realizacji.",
    "accepted", "Uwaga uwzględniona." },
};

/* ---- meetings ----------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *body; /* "forum" or "council" */
  int         number;
  const char *date;
  int         hour;
  int         duration; /* minutes */
  const char *place;
  const char *kind;
  const char *status;
  const char *notes;
} MeetingData;

#define ROOM_SESSIONS "Sala sesyjna Urzędu Miasta, pl. Wolności 1"
#define ROOM_COP "Centrum Organizacji Pozarządowych, sala 12, ul. Hutnicza 5"
#define ROOM_LIBRARY "Biblioteka Miejska, czytelnia, ul. Kościuszki 8"
#define ROOM_MUSEUM "Muzeum Miejskie, sala konferencyjna, ul. Górnicza 1"
#define ROOM_PALACE "Pałac Kultury, sala kameralna, ul. Teatralna 2"

/* The rooms the meetings borrow; a meeting's place is its room's name and address. */
typedef struct
{
  const char *place;
  const char *name;
  const char *address;
  int         capacity;
  const char *lender;
  const char *contact;
  const char *notes;
} RoomData;

static const RoomData rooms[] = {
  { ROOM_SESSIONS, "Sala sesyjna Urzędu Miasta", "pl. Wolności 1", 60, "Biuro Rady Miasta",
    "Ewa Król, 32 295 67 10", "Mikrofony i rzutnik; Wi-Fi dla gości (hasło w Biurze Rady)." },
  { ROOM_COP, "Centrum Organizacji Pozarządowych, sala 12", "ul. Hutnicza 5", 30,
    "Biuro Organizacji Pozarządowych", "32 295 68 00", "Klucz w portierni; czynne do 20:00." },
  { ROOM_LIBRARY, "Biblioteka Miejska, czytelnia", "ul. Kościuszki 8", 25, "Biblioteka Miejska",
    "Marta Zielińska, 32 262 41 15", "Bez Wi-Fi; rezerwacja co najmniej tydzień wcześniej." },
  { ROOM_MUSEUM, "Muzeum Miejskie, sala konferencyjna", "ul. Górnicza 1", 40, "Muzeum Miejskie",
    "32 264 20 11", "Bez Wi-Fi; wejście od dziedzińca, klucz u dyżurnego." },
  { ROOM_PALACE, "Pałac Kultury, sala kameralna", "ul. Teatralna 2", 80, "Pałac Kultury Zagłębia",
    "Sekretariat, 32 262 44 00", "Nagłośnienie trzeba zamówić dzień wcześniej." },
};

static const MeetingData meetings[] = {
  { "f61", "forum", 61, "2025-02-13", 17, 150, ROOM_COP, "ordinary", "minutes_approved",
    "Wskazano pięciu kandydatów do Rady kadencji 2025–2028." },
  { "r1", "council", 1, "2025-03-20", 16, 120, ROOM_SESSIONS, "ordinary", "minutes_approved",
    "Pierwsze posiedzenie Rady kadencji 2025–2028, zwołane przez Prezydenta Miasta." },
  { "r2", "council", 2, "2025-05-22", 16, 120, ROOM_COP, "ordinary", "minutes_approved", NULL },
  { "f62", "forum", 62, "2025-06-12", 17, 120, ROOM_LIBRARY, "ordinary", "minutes_approved",
    NULL },
  { "r3", "council", 3, "2025-09-18", 16, 90, ROOM_LIBRARY, "ordinary", "minutes_approved", NULL },
  { "r4", "council", 4, "2025-10-30", 16, 120, ROOM_SESSIONS, "extraordinary", "minutes_approved",
    "Posiedzenie nadzwyczajne zwołane ze względu na termin opinii o projekcie Programu "
    "współpracy na rok 2026." },
  { "f63", "forum", 63, "2026-01-15", 17, 150, ROOM_PALACE, "ordinary", "minutes_approved", NULL },
  { "r5", "council", 5, "2026-02-26", 16, 90, ROOM_LIBRARY, "ordinary", "minutes_approved", NULL },
  { "r6", "council", 6, "2026-05-21", 16, 120, ROOM_COP, "ordinary", "minutes_approved", NULL },
  { "r7", "council", 7, "2026-09-24", 16, 90, ROOM_MUSEUM, "ordinary", "minutes_approved", NULL },
  { "f64", "forum", 64, "2026-10-22", 17, 180, ROOM_COP, "ordinary", "held",
    "Uwagi do projektu Programu współpracy na rok 2027 przyjmowano do 26 października 2026 r." },
  { "r8", "council", 8, "2026-10-29", 16, 150, ROOM_SESSIONS, "ordinary", "held",
    "Protokół do przyjęcia na następnym posiedzeniu." },
  { "r9", "council", 9, "2026-12-03", 16, 120, ROOM_COP, "ordinary", "planned", NULL },
};

typedef struct
{
  const char *meeting;
  const char *key; /* for ballots and elections; NULL when nothing refers to it */
  const char *kind;
  const char *title;
  const char *description;
  const char *presenter;
  int         minutes;
  const char *draft;
} ItemData;

#define OPENING(m, who) \
  { m, NULL, "information", "Otwarcie posiedzenia, stwierdzenie kworum i przyjęcie porządku obrad", \
    NULL, who, 10, NULL }
#define MINUTES(m, who) \
  { m, NULL, "resolution", "Przyjęcie protokołu z poprzedniego posiedzenia", \
    "Projekt protokołu rozesłano pocztą elektroniczną; był też dostępny w Biurze Organizacji " \
    "Pozarządowych.", who, 5, NULL }
#define ANY_OTHER(m) \
  { m, NULL, "other_business", "Wolne wnioski i sprawy różne", NULL, NULL, 15, NULL }

/* In order: the position of an item is its place among its meeting's items. */
static const ItemData items[] = {
  OPENING ("f61", FORUM_SECRETARY),
  MINUTES ("f61", FORUM_SECRETARY),
  { "f61", NULL, "election",
    "Wskazanie przedstawicieli Forum do Rady Działalności Pożytku Publicznego na kadencję "
    "2025–2028",
    "Forum wskazuje pięciu kandydatów; członków Rady powołuje Prezydent Miasta.",
    FORUM_SECRETARY, 45, NULL },
  { "f61", NULL, "information", "Otwarte konkursy ofert ogłoszone na rok 2025", NULL, NGO_OFFICE,
    20, NULL },
  ANY_OTHER ("f61"),

  { "r1", NULL, "information", "Otwarcie pierwszego posiedzenia Rady kadencji 2025–2028",
    "Wręczenie zarządzeń o powołaniu członków Rady.",
    "Anna Kowalczyk, Zastępczyni Prezydenta Miasta", 10, NULL },
  { "r1", "r1.chair", "election", "Wybór Przewodniczącego Rady",
    "Głosowanie tajne; komisja skrutacyjna: Joanna Wójcik i Krzysztof Zając.",
    "Anna Kowalczyk, Zastępczyni Prezydenta Miasta", 20, NULL },
  { "r1", "r1.officers", "election", "Wybór Wiceprzewodniczącego i Sekretarza Rady",
    "Głosowanie jawne.", CHAIR, 15, NULL },
  { "r1", NULL, "discussion", "Harmonogram prac Rady na rok 2025", NULL, SECRETARY, 30, NULL },
  ANY_OTHER ("r1"),

  OPENING ("r2", CHAIR),
  MINUTES ("r2", SECRETARY),
  { "r2", "r2.bylaws", "resolution", "Przyjęcie Regulaminu pracy Rady",
    "Projekt przygotował zespół roboczy Rady; uwagi zgłaszano do 15 maja 2025 r.", SECRETARY,
    30, NULL },
  { "r2", NULL, "information", "Sprawozdanie z realizacji Programu współpracy za rok 2024", NULL,
    NGO_OFFICE, 20, NULL },
  ANY_OTHER ("r2"),

  OPENING ("f62", FORUM_SECRETARY),
  MINUTES ("f62", FORUM_SECRETARY),
  { "f62", "f62.hours", "resolution",
    "Stanowisko Forum w sprawie godzin otwarcia Centrum Organizacji Pozarządowych", NULL,
    "Kamil Ostrowski, Zagłębiowicka Inicjatywa Rowerowa", 30, NULL },
  { "f62", NULL, "discussion", "Przygotowania do Festiwalu Organizacji Pozarządowych 2025", NULL,
    "Karolina Wrona, Fundacja Centrum Wolontariatu", 30, NULL },
  ANY_OTHER ("f62"),

  OPENING ("r3", CHAIR),
  MINUTES ("r3", SECRETARY),
  { "r3", NULL, "discussion", "Założenia Programu współpracy na rok 2026",
    "Propozycje priorytetów zebrane podczas konsultacji branżowych.", NGO_OFFICE, 45, NULL },
  { "r3", NULL, "information",
    "Wyniki otwartych konkursów ofert rozstrzygniętych w I półroczu 2025 r.", NULL,
    "Barbara Mazur, Naczelniczka Wydziału Polityki Społecznej", 20, NULL },
  ANY_OTHER ("r3"),

  OPENING ("r4", CHAIR),
  MINUTES ("r4", SECRETARY),
  { "r4", "r4.programme", "opinion", "Opinia o projekcie Programu współpracy na rok 2026",
    "Projekt wpłynął 16 października 2025 r.; termin na wyrażenie opinii upływa 30 października "
    "2025 r.", SECRETARY, 60, NULL },
  ANY_OTHER ("r4"),

  OPENING ("f63", FORUM_SECRETARY),
  MINUTES ("f63", FORUM_SECRETARY),
  { "f63", NULL, "resolution", "Przyjęcie do Forum Stowarzyszenia Sąsiedzkiego „Nasze Podwórko”",
    NULL, FORUM_SECRETARY, 10, NULL },
  { "f63", NULL, "election", "Wskazanie kandydata do Rady w miejsce Agnieszki Dąbrowskiej",
    NULL, FORUM_SECRETARY, 20, NULL },
  { "f63", "f63.committees", "election",
    "Wybór przedstawicieli Forum do komisji konkursowych w 2026 r.",
    "Dwa miejsca; każda organizacja głosuje na co najwyżej dwóch kandydatów.", FORUM_SECRETARY,
    30, NULL },
  ANY_OTHER ("f63"),

  OPENING ("r5", CHAIR),
  MINUTES ("r5", SECRETARY),
  { "r5", NULL, "information", "Zmiana w składzie Rady",
    "Zarządzeniem Prezydenta Miasta z 2 lutego 2026 r. w miejsce Agnieszki Dąbrowskiej powołano "
    "Rafała Szymańskiego, wskazanego przez Forum 15 stycznia 2026 r.", SECRETARY, 5, NULL },
  { "r5", "r5.competition", "opinion",
    "Opinia o projekcie ogłoszenia otwartego konkursu ofert na zadania z zakresu integracji "
    "i reintegracji zawodowej i społecznej w 2026 r.",
    "Rafał Szymański wyłączył się z głosowania: Fundacja Kompas zamierza złożyć ofertę "
    "w konkursie.", "Barbara Mazur, Naczelniczka Wydziału Polityki Społecznej", 30, NULL },
  ANY_OTHER ("r5"),

  OPENING ("r6", CHAIR),
  MINUTES ("r6", SECRETARY),
  { "r6", NULL, "information", "Sprawozdanie z realizacji Programu współpracy za rok 2025", NULL,
    NGO_OFFICE, 20, NULL },
  { "r6", "r6.hours", "resolution",
    "Rekomendacja wydłużenia godzin otwarcia Centrum Organizacji Pozarządowych",
    "Wniosek Forum z 12 czerwca 2025 r.: otwarcie Centrum w dni robocze do godz. 21:00 oraz "
    "w soboty.", CHAIR, 40, NULL },
  ANY_OTHER ("r6"),

  OPENING ("r7", CHAIR),
  MINUTES ("r7", SECRETARY),
  { "r7", NULL, "information", "Wynik głosowania w trybie obiegowym z lipca 2026 r.",
    "Opinia o projekcie zarządzenia w sprawie regulaminu pracy komisji konkursowych.", SECRETARY,
    5, NULL },
  { "r7", "r7.premises", "resolution",
    "Stanowisko Rady w sprawie wsparcia lokalowego organizacji pozarządowych", NULL, CHAIR, 30,
    NULL },
  { "r7", NULL, "discussion", "Harmonogram konsultacji projektu Programu współpracy na rok 2027",
    NULL, NGO_OFFICE, 20, NULL },
  ANY_OTHER ("r7"),

  OPENING ("f64", FORUM_SECRETARY),
  MINUTES ("f64", FORUM_SECRETARY),
  { "f64", NULL, "discussion", "Konsultacje projektu Programu współpracy na rok 2027",
    "Uwagi można zgłaszać na formularzu konsultacyjnym do 26 października 2026 r.", NGO_OFFICE,
    90, "programme" },
  { "f64", NULL, "resolution", "Wniosek Fundacji Horyzont Rozwoju o przyjęcie do Forum", NULL,
    FORUM_SECRETARY, 15, NULL },
  ANY_OTHER ("f64"),

  OPENING ("r8", CHAIR),
  MINUTES ("r8", SECRETARY),
  { "r8", NULL, "discussion", "Rozpatrzenie uwag do projektu Programu współpracy na rok 2027",
    "Uwagi zgłoszone przez organizacje podczas konsultacji i przez członków Rady; zestawienie "
    "uwag przygotowało Biuro Organizacji Pozarządowych.", SECRETARY, 60, "programme" },
  { "r8", "r8.opinion", "opinion", "Przyjęcie opinii o projekcie Programu współpracy na rok 2027",
    NULL, CHAIR, 20, "programme" },
  ANY_OTHER ("r8"),

  OPENING ("r9", CHAIR),
  MINUTES ("r9", SECRETARY),
  { "r9", NULL, "opinion",
    "Opinia o projekcie zarządzenia w sprawie regulaminu korzystania z sal Centrum Organizacji "
    "Pozarządowych", NULL, SECRETARY, 30, "rooms" },
  { "r9", NULL, "information", "Nieobecności członków Rady na posiedzeniach",
    "Informacja Sekretarza Rady o nieusprawiedliwionych nieobecnościach (art. 41g ust. 2 pkt 5 "
    "ustawy).", SECRETARY, 10, NULL },
  { "r9", NULL, "discussion", "Plan pracy Rady na rok 2027", NULL, CHAIR, 30, NULL },
  ANY_OTHER ("r9"),
};

/* Council members who did not come; everyone else in office was present.
 * n4 has missed the last three meetings without an excuse. */
typedef struct
{
  const char *meeting;
  const char *seat;
  const char *status;
} AbsenceData;

static const AbsenceData absences[] = {
  { "r2", "c1", "absent" },
  { "r3", "c2", "absent" },
  { "r3", "m3", "excused" },
  { "r4", "n5", "excused" },
  { "r4", "m1", "excused" },
  { "r5", "n3", "absent" },
  { "r5", "c1", "excused" },
  { "r6", "n4", "absent" },
  { "r6", "c2", "excused" },
  { "r7", "n4", "absent" },
  { "r7", "m3", "excused" },
  { "r8", "n4", "absent" },
  { "r8", "n2", "excused" },
};

/* ---- votes -------------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *body;
  const char *meeting;  /* NULL: by circulation */
  const char *item;
  const char *question;
  const char *mode;
  const char *date;     /* opened */
  int         hour;
  int         minute;
  int         duration; /* minutes until closed */
  const char *deadline; /* by circulation: the last day, at 15:00 */
  int         secret[3]; /* secret ballot: for, against, abstain */
  /* Named votes: "seat=choice,…" for those who did not vote for; the
   * choice is against, abstain, recused or - (did not vote). NULL in the
   * Forum: each organisation's vote is drawn. */
  const char *choices;
} BallotData;

static const BallotData ballots[] = {
  { "b1", "council", "r1", "r1.chair", "Wybór Małgorzaty Nowak na Przewodniczącą Rady", "secret",
    "2025-03-20", 16, 25, 10, NULL, { 9, 0, 1 }, NULL },
  { "b2", "council", "r1", "r1.officers",
    "Wybór Anny Kowalczyk na Wiceprzewodniczącą Rady i Tomasza Wieczorka na Sekretarza Rady",
    "open", "2025-03-20", 16, 50, 3, NULL, { 0 }, "m1=abstain,m2=abstain" },
  { "b3", "council", "r2", "r2.bylaws",
    "Przyjęcie Regulaminu pracy Rady Działalności Pożytku Publicznego Miasta Zagłębiowice",
    "roll_call", "2025-05-22", 16, 45, 5, NULL, { 0 }, "c2=abstain" },
  { "bf", "forum", "f62", "f62.hours",
    "Przyjęcie stanowiska Forum w sprawie wydłużenia godzin otwarcia Centrum Organizacji "
    "Pozarządowych", "open", "2025-06-12", 17, 40, 5, NULL, { 0 }, NULL },
  { "b4", "council", "r4", "r4.programme",
    "Przyjęcie opinii o projekcie Programu współpracy na rok 2026 (opinia pozytywna)",
    "roll_call", "2025-10-30", 17, 5, 5, NULL, { 0 }, "" },
  { "b5", "council", "r5", "r5.competition",
    "Przyjęcie opinii o projekcie ogłoszenia otwartego konkursu ofert z zakresu integracji "
    "i reintegracji zawodowej i społecznej", "roll_call", "2026-02-26", 16, 45, 5, NULL, { 0 },
    "n6=recused" },
  { "b6", "council", "r6", "r6.hours",
    "Rekomendacja dla Prezydenta Miasta: wydłużenie godzin otwarcia Centrum Organizacji "
    "Pozarządowych do 21:00 oraz w soboty", "roll_call", "2026-05-21", 17, 5, 5, NULL, { 0 },
    "m1=against,m2=against,m3=against,c1=against" },
  { "b7", "council", NULL, NULL,
    "Opinia o projekcie zarządzenia Prezydenta Miasta w sprawie regulaminu pracy komisji "
    "konkursowych", "open", "2026-07-03", 9, 0, 0, "2026-07-10", { 0 }, "n2=abstain,n4=-" },
  { "b8", "council", "r7", "r7.premises",
    "Przyjęcie stanowiska Rady w sprawie wsparcia lokalowego organizacji pozarządowych",
    "roll_call", "2026-09-24", 16, 50, 5, NULL, { 0 }, "c1=against" },
  { "b9", "council", "r8", "r8.opinion",
    "Przyjęcie opinii o projekcie Programu współpracy na rok 2027: opinia pozytywna z uwagami",
    "roll_call", "2026-10-29", 17, 35, 5, NULL, { 0 }, "c1=abstain" },
};

/* The election of the Forum's delegates to the grant committees: shares
 * (in per cent of the organisations present) of the votes, two each. */
typedef struct
{
  const char *person;
  guint       share;
} CandidateData;

static const CandidateData candidates[] = {
  { "wrona", 80 },
  { "sikora", 60 },
  { "kowalski", 35 },
  { "lis", 15 },
};

#define OPINION_TEXT \
  "Na podstawie art. 41i ust. 1 pkt 2 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku " \
  "publicznego i o wolontariacie Rada Działalności Pożytku Publicznego Miasta Zagłębiowice " \
  "opiniuje pozytywnie, z uwagami, projekt Programu współpracy Miasta Zagłębiowice " \
  "z organizacjami pozarządowymi na rok 2027.\n\n" \
  "Rada wnosi o uwzględnienie uwag przyjętych w zestawieniu uwag stanowiącym załącznik do " \
  "uchwały, w szczególności o:\n" \
  "1) wskazanie w Programie roli Centrum Wolontariatu;\n" \
  "2) zapewnienie w komisjach konkursowych dwóch przedstawicieli Forum i dwóch osób " \
  "zastępczych;\n" \
  "3) przedstawianie sprawozdania z realizacji Programu także Radzie.\n\n" \
  "Rada rekomenduje ponadto zwiększenie w budżecie Miasta na rok 2027 środków na realizację " \
  "Programu co najmniej do 3 500 000 zł, ze względu na wzrost kosztów realizacji zadań " \
  "publicznych."

/* ---- building ----------------------------------------------------------- */

typedef struct
{
  WspStore     *store;
  GRand        *rand;
  GHashTable   *ids;        /* "kind:key" → record id */
  GHashTable   *attendance; /* "meeting:seat" → status, a static string */
  WspBodyRules  rules;
  guint         made;       /* records made so far, for their fixed ids */
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->ids, g_hash_table_unref);
  g_clear_pointer (&demo->attendance, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* The id of the record saved as @kind @key. A missing one is a mistake in
 * the tables above. */
static const char *
id_of (Demo       *demo,
       const char *kind,
       const char *key)
{
  g_autofree char *name = g_strconcat (kind, ":", key, NULL);
  const char *id = g_hash_table_lookup (demo->ids, name);

  if (id == NULL)
    g_critical ("The demo data has no %s “%s”", kind, key);
  return id;
}

/* How Polish texts speak of a person of the tables above: every first name
 * there that ends in "a" is a woman's. */
static const char *
grammatical_form (const char *name)
{
  const char *space = strchr (name, ' ');

  return space != NULL && space > name && space[-1] == 'a' ? "feminine" : "masculine";
}

/* A new record with a fixed id: the @n-th record the demo makes has the
 * same id on every laptop, so two laptops that try the demo hold the same
 * records, not two of each. */
static WspRecord *
record_new_full (Demo       *demo,
                 const char *entity)
{
  g_autofree char *name = g_strdup_printf ("wspolnie-demo-%d-%u", DEMO_SEED, demo->made++);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  char id[37];

  /* A UUID of version 4's form, made from the digest. */
  g_snprintf (id, sizeof id, "%.8s-%.4s-4%.3s-8%.3s-%.12s", digest, digest + 8, digest + 13, digest + 17,
              digest + 20);
  return wsp_record_new_for_entity (entity, id);
}

#define record_new(entity) record_new_full (demo, (entity))

/* Saves @record and remembers its id as @kind @key (when @key is set). */
static gboolean
save (Demo        *demo,
      WspRecord   *record,
      const char  *kind,
      const char  *key,
      GError     **error)
{
  if (!wsp_store_save (demo->store, record, error))
    return FALSE;
  if (key != NULL)
    g_hash_table_replace (demo->ids, g_strconcat (kind, ":", key, NULL),
                          g_strdup (wsp_record_get_id (record)));
  return TRUE;
}

static void
parse_date (const char *text,
            GDate      *date)
{
  int year = 0, month = 0, day = 0;

  g_date_clear (date, 1);
  if (sscanf (text, "%d-%d-%d", &year, &month, &day) == 3 && g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
  else
    g_critical ("The demo data has a wrong date “%s”", text);
}

static void
last_sunday (GDate      *date,
             GDateMonth  month,
             GDateYear   year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
  while (g_date_get_weekday (date) != G_DATE_SUNDAY)
    g_date_subtract_days (date, 1);
}

/* @date at @hour:@minute in Polish time (UTC+2 from the last Sunday of
 * March to the last Sunday of October, UTC+1 otherwise), whatever the time
 * zone of the computer: the data must not depend on where it is built. */
static GDateTime *
polish_time (const char *date,
             int         hour,
             int         minute)
{
  g_autoptr (GTimeZone) tz = NULL;
  GDate day, spring, autumn;
  gboolean summer;

  parse_date (date, &day);
  last_sunday (&spring, G_DATE_MARCH, g_date_get_year (&day));
  last_sunday (&autumn, G_DATE_OCTOBER, g_date_get_year (&day));
  summer = g_date_compare (&day, &spring) >= 0 && g_date_compare (&day, &autumn) < 0;
  tz = g_time_zone_new_offset (summer ? 2 * 3600 : 3600);
  return g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), hour, minute, 0);
}

static void
set_time (WspRecord  *record,
          const char *field,
          GDateTime  *time)
{
  /* ISO 8601 with the offset written in full: 2025-03-20T16:00:00+01:00. */
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  wsp_record_set_string (record, field, text);
}

/* The opinion deadline of a draft received on @received_on, by the rules
 * of wsp_opinion_deadline(). */
static char *
deadline_for (Demo         *demo,
              WspDraftKind  kind,
              const char   *received_on)
{
  GDate day;
  g_autoptr (GDateTime) delivered = NULL;
  g_autoptr (GDateTime) deadline = NULL;

  parse_date (received_on, &day);
  delivered = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                     g_date_get_day (&day), 12, 0, 0);
  deadline = wsp_opinion_deadline (&demo->rules, kind, delivered, 0);
  return g_date_time_format (deadline, "%Y-%m-%d");
}

/* Whether a seat from @joined_on to @left_on (NULL: still held) was held
 * on @date; all are YYYY-MM-DD, so they compare as strings. */
static gboolean
held_on (const char *joined_on,
         const char *left_on,
         const char *date)
{
  return joined_on != NULL && strcmp (joined_on, date) <= 0
         && (left_on == NULL || strcmp (date, left_on) <= 0);
}

static char *
random_digits (GRand      *rand,
               const char *prefix,
               guint       length)
{
  GString *digits = g_string_new (prefix);

  while (digits->len < length)
    g_string_append_c (digits, (char) ('0' + g_rand_int_range (rand, 0, 10)));
  return g_string_free (digits, FALSE);
}

static guint
weighted_sum (const char  *digits,
              const guint *weights,
              guint        n)
{
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    sum += (guint) (digits[i] - '0') * weights[i];
  return sum;
}

/* A NIP of the tax office of Zagłębiowice (629…) with its check digit. */
static char *
make_nip (GRand *rand)
{
  static const guint weights[9] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };

  for (;;)
    {
      g_autofree char *digits = random_digits (rand, "629", 9);
      guint check = weighted_sum (digits, weights, G_N_ELEMENTS (weights)) % 11;

      /* No NIP is given whose check digit would be 10. */
      if (check != 10)
        return g_strdup_printf ("%s%u", digits, check);
    }
}

/* A 9-digit REGON of the Silesian voivodeship (24…) with its check digit. */
static char *
make_regon (GRand *rand)
{
  static const guint weights[8] = { 8, 9, 2, 3, 4, 5, 6, 7 };
  g_autofree char *digits = random_digits (rand, "24", 8);

  return g_strdup_printf ("%s%u", digits, weighted_sum (digits, weights, 8) % 11 % 10);
}

static char *
make_phone (GRand *rand)
{
  /* No number in the 32 area starts with 0: these reach nobody. */
  return g_strdup_printf ("+48 32 0%02d %02d %02d", g_rand_int_range (rand, 0, 100),
                          g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100));
}

/* "Małgorzata Nowak" at "x.example" → "malgorzata.nowak@x.example". */
static char *
make_email (const char *name,
            const char *domain)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);

  g_strdelimit (lower, " ", '.');
  return g_strdup_printf ("%s@%s", lower, domain);
}

static const OrgData *
find_organisation (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    if (g_str_equal (organisations[i].key, key))
      return &organisations[i];
  g_critical ("The demo data has no organisation “%s”", key);
  return NULL;
}

static const PersonData *
find_person (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_str_equal (people[i].key, key))
      return &people[i];
  g_critical ("The demo data has no person “%s”", key);
  return NULL;
}

static const MeetingData *
find_meeting (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (meetings); i++)
    if (g_str_equal (meetings[i].key, key))
      return &meetings[i];
  g_critical ("The demo data has no meeting “%s”", key);
  return NULL;
}

static const char *
unit_text (const UnitData *units,
           gsize           n_units,
           const char     *key)
{
  for (gsize i = 0; i < n_units; i++)
    if (g_str_equal (units[i].key, key))
      return units[i].text;
  g_critical ("The demo draft has no unit “%s”", key);
  return NULL;
}

/* ---- the sections ------------------------------------------------------- */

static gboolean
add_bodies (Demo    *demo,
            GError **error)
{
  static const struct
  {
    const char *kind;
    const char *name;
  } bodies[] = {
    { "forum", FORUM_NAME },
    { "council", COUNCIL_NAME },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (WspRecord) body = record_new ("body");

      wsp_record_set_string (body, "kind", bodies[i].kind);
      wsp_record_set_string (body, "name", bodies[i].name);
      wsp_record_set_int (body, "quorum_numerator", demo->rules.quorum_numerator);
      wsp_record_set_int (body, "quorum_denominator", demo->rules.quorum_denominator);
      wsp_record_set_string (body, "default_majority", "simple");
      wsp_record_set_string (body, "tie_rule", "casting_vote");
      wsp_record_set_int (body, "opinion_deadline_days", demo->rules.opinion_deadline_days);
      wsp_record_set_int (body, "term_years", demo->rules.term_years);
      wsp_record_set_int (body, "absence_limit", demo->rules.absence_limit);
      if (!save (demo, body, "body", bodies[i].kind, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_organisations (Demo    *demo,
                   GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const OrgData *o = &organisations[i];
      g_autoptr (WspRecord) org = record_new ("organisation");
      g_autofree char *email = g_strdup_printf ("kontakt@%s.example", o->domain);
      g_autofree char *website = g_strdup_printf ("https://%s.example", o->domain);
      g_autofree char *phone = make_phone (demo->rand);

      wsp_record_set_string (org, "name", o->name);
      wsp_record_set_string (org, "short_name", o->short_name);
      if (o->register_ == REGISTER_KRS)
        {
          g_autofree char *krs = g_strdup_printf ("00000%05d",
                                                  g_rand_int_range (demo->rand, 10000, 100000));
          wsp_record_set_string (org, "krs", krs);
        }
      if (o->register_ != REGISTER_NONE)
        {
          g_autofree char *nip = make_nip (demo->rand);
          g_autofree char *regon = make_regon (demo->rand);

          wsp_record_set_string (org, "nip", nip);
          wsp_record_set_string (org, "regon", regon);
        }
      wsp_record_set_string (org, "address", o->address);
      wsp_record_set_string (org, "email", email);
      wsp_record_set_string (org, "phone", phone);
      wsp_record_set_string (org, "website", website);
      wsp_record_set_list (org, "fields", o->fields);
      wsp_record_set_string (org, "notes", o->notes);
      if (!save (demo, org, "organisation", o->key, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_people (Demo    *demo,
            GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const PersonData *p = &people[i];
      g_autoptr (WspRecord) person = record_new ("person");
      g_autoptr (GPtrArray) ids = g_ptr_array_new ();
      g_autofree char *domain = NULL;
      g_autofree char *email = NULL;
      g_autofree char *phone = make_phone (demo->rand);

      for (guint j = 0; j < G_N_ELEMENTS (p->organisations) && p->organisations[j]; j++)
        g_ptr_array_add (ids, (gpointer) id_of (demo, "organisation", p->organisations[j]));
      g_ptr_array_add (ids, NULL);

      if (p->organisations[0] != NULL)
        domain = g_strdup_printf ("%s.example", find_organisation (p->organisations[0])->domain);
      else
        domain = g_strdup (CITY_DOMAIN);
      email = make_email (p->name, domain);

      wsp_record_set_string (person, "name", p->name);
      wsp_record_set_string (person, "email", email);
      wsp_record_set_string (person, "phone", phone);
      wsp_record_set_string (person, "grammatical_form", grammatical_form (p->name));
      wsp_record_set_list (person, "organisations", (const char * const *) ids->pdata);
      if (!save (demo, person, "person", p->key, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_forum_members (Demo    *demo,
                   GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      const OrgData *o = &organisations[i];
      g_autoptr (WspRecord) seat = NULL;

      if (o->forum_since == NULL)
        continue;
      seat = record_new ("seat");
      wsp_record_set_string (seat, "body_id", id_of (demo, "body", "forum"));
      wsp_record_set_string (seat, "organisation_id", id_of (demo, "organisation", o->key));
      wsp_record_set_string (seat, "role", "member");
      wsp_record_set_string (seat, "joined_on", o->forum_since);
      if (!save (demo, seat, "forum-seat", o->key, error))
        return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (applications); i++)
    {
      const ApplicationData *a = &applications[i];
      g_autoptr (WspRecord) application = record_new ("membership_application");

      wsp_record_set_string (application, "body_id", id_of (demo, "body", "forum"));
      wsp_record_set_string (application, "organisation_id",
                             id_of (demo, "organisation", a->organisation));
      wsp_record_set_string (application, "submitted_on", a->submitted_on);
      wsp_record_set_string (application, "evidence", a->evidence);
      wsp_record_set_string (application, "decision", a->decision);
      wsp_record_set_string (application, "decided_on", a->decided_on);
      wsp_record_set_string (application, "decision_note", a->note);
      if (!save (demo, application, "application", a->organisation, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_council (Demo    *demo,
             GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autoptr (WspRecord) term = record_new ("term");

      wsp_record_set_string (term, "body_id", id_of (demo, "body", "council"));
      wsp_record_set_string (term, "name", terms[i].name);
      wsp_record_set_string (term, "starts_on", terms[i].starts_on);
      wsp_record_set_string (term, "ends_on", terms[i].ends_on);
      if (!save (demo, term, "term", terms[i].key, error))
        return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (council_seats); i++)
    {
      const SeatData *s = &council_seats[i];
      g_autoptr (WspRecord) seat = record_new ("seat");

      wsp_record_set_string (seat, "body_id", id_of (demo, "body", "council"));
      wsp_record_set_string (seat, "term_id", id_of (demo, "term", s->term));
      wsp_record_set_string (seat, "person_id", id_of (demo, "person", s->person));
      if (s->organisation != NULL)
        wsp_record_set_string (seat, "organisation_id",
                               id_of (demo, "organisation", s->organisation));
      wsp_record_set_string (seat, "side", s->side);
      wsp_record_set_string (seat, "role", s->role);
      wsp_record_set_string (seat, "joined_on", s->joined_on);
      wsp_record_set_string (seat, "left_on", s->left_on);
      wsp_record_set_string (seat, "left_reason", s->left_reason);
      if (!save (demo, seat, "seat", s->key, error))
        return FALSE;
    }
  return TRUE;
}

/* The text of a draft as it is printed:
 *
 *   § 1. 1. Program …
 *   2. Ilekroć w Programie jest mowa o:
 *   1) ustawie – …
 *
 * which wsp_draft_split() splits into units keyed by the units' labels
 * joined ("§ 1 ust. 2 pkt 1", see unit_key()). @replace, when set, gives
 * other words for some units: "key", "text", …, NULL. */
static char *
build_text (const UnitData     *units,
            gsize               n_units,
            const char * const *replace)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *pending = NULL; /* "§ 1. ", waiting for its first section */

  for (gsize i = 0; i < n_units; i++)
    {
      const UnitData *u = &units[i];
      const char *words = u->text;

      for (guint r = 0; replace != NULL && replace[r] != NULL; r += 2)
        if (g_str_equal (replace[r], u->key))
          words = replace[r + 1];
      if (u->parent == NULL)
        {
          /* A paragraph: a blank line before it. */
          if (text->len > 0)
            g_string_append_c (text, '\n');
          if (words == NULL)
            pending = g_strdup_printf ("%s. ", u->label);
          else
            g_string_append_printf (text, "%s. %s\n", u->label, words);
        }
      else
        {
          const char *number = strchr (u->label, ' ') + 1;
          gboolean point = g_str_has_prefix (u->label, "pkt") || g_str_has_prefix (u->label, "lit.");

          g_string_append_printf (text, "%s%s%s %s\n", pending != NULL ? pending : "", number,
                                  point ? ")" : ".", words);
          g_clear_pointer (&pending, g_free);
        }
    }

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The key the splitter gives the unit @key of @units: its labels joined. */
static char *
unit_key (const UnitData *units,
          gsize           n_units,
          const char     *key)
{
  for (gsize i = 0; i < n_units; i++)
    if (g_str_equal (units[i].key, key))
      {
        g_autofree char *parent = units[i].parent != NULL ? unit_key (units, n_units, units[i].parent) : NULL;

        return parent != NULL ? g_strdup_printf ("%s %s", parent, units[i].label) : g_strdup (units[i].label);
      }
  g_critical ("The demo draft has no unit “%s”", key);
  return g_strdup (key);
}

/* The programme's second version, sent after the Forum's consultation: two
 * accepted comments taken in, and a closing § added. */
static const char * const programme_changes[] = {
  "p1.u2.pt3",
  "Forum – należy przez to rozumieć Forum Organizacji Pozarządowych Miasta Zagłębiowice, "
  "działające na podstawie własnego regulaminu;",
  "p6.u3",
  "Prezydent Miasta przedstawia Radzie Miasta oraz Radzie sprawozdanie z realizacji Programu "
  "w terminie do dnia 31 maja 2028 r.",
  NULL,
};

#define PROGRAMME_CLOSING "\n\n§ 7. Wykonanie uchwały powierza się Prezydentowi Miasta Zagłębiowice."
#define PROGRAMME_SECOND_VERSION "2026-10-27"

static gboolean
save_version (Demo        *demo,
              const char  *draft_key,
              guint        number,
              const char  *received_on,
              const char  *text,
              GPtrArray   *units,
              const char  *previous_key,
              GError     **error)
{
  g_autoptr (WspRecord) version = record_new ("draft_version");
  g_autofree char *key = g_strdup_printf ("%s.%u", draft_key, number);

  wsp_record_set_string (version, "draft_id", id_of (demo, "draft", draft_key));
  wsp_record_set_int (version, "number", number);
  wsp_record_set_string (version, "received_on", received_on);
  wsp_record_set_string (version, "text", text);
  wsp_record_set_value (version, "units", wsp_draft_units_to_json (units));
  if (previous_key != NULL)
    wsp_record_set_string (version, "previous_id", id_of (demo, "version", previous_key));
  return save (demo, version, "version", key, error);
}

static gboolean
add_drafts (Demo    *demo,
            GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      const DraftData *d = &drafts[i];
      g_autoptr (WspRecord) draft = record_new ("draft");
      g_autofree char *deadline = deadline_for (demo, d->kind, d->received_on);
      g_autofree char *text = build_text (d->units, d->n_units, NULL);
      g_autoptr (GPtrArray) units = wsp_draft_split (text);

      wsp_record_set_string (draft, "title", d->title);
      wsp_record_set_string (draft, "submitted_by", d->submitted_by);
      wsp_record_set_string (draft, "sender", "mayor");
      wsp_record_set_string (draft, "received_on", d->received_on);
      wsp_record_set_string (draft, "kind", wsp_choice_name (wsp_draft_kind_choices, d->kind));
      wsp_record_set_string (draft, "deadline", deadline);
      wsp_record_set_string (draft, "status", d->status);
      if (!save (demo, draft, "draft", d->key, error)
          || !save_version (demo, d->key, 1, d->received_on, text, units, NULL, error))
        return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (programme_comments); i++)
    {
      const CommentData *c = &programme_comments[i];
      const PersonData *author = find_person (c->author);
      const OrgData *org = find_organisation (author->organisations[0]);
      g_autoptr (WspRecord) comment = record_new ("comment");
      g_autofree char *author_name = g_strdup_printf ("%s (%s)", author->name, org->name);
      g_autofree char *key = unit_key (programme_units, G_N_ELEMENTS (programme_units), c->unit);
      g_autofree char *comment_key = g_strdup_printf ("programme.%" G_GSIZE_FORMAT, i);

      wsp_record_set_string (comment, "version_id", id_of (demo, "version", "programme.1"));
      wsp_record_set_string (comment, "unit_key", key);
      wsp_record_set_string (comment, "author_id", id_of (demo, "person", c->author));
      wsp_record_set_string (comment, "author_name", author_name);
      wsp_record_set_string (comment, "current_wording",
                             unit_text (programme_units, G_N_ELEMENTS (programme_units), c->unit));
      wsp_record_set_string (comment, "proposed_wording", c->proposed);
      wsp_record_set_string (comment, "justification", c->justification);
      /* Comments were collected at the Forum until 26 October. */
      wsp_record_set_string (comment, "submitted_on", i % 3 == 0 ? "2026-10-22" : "2026-10-26");
      wsp_record_set_string (comment, "source", i % 3 == 0 ? "meeting" : i % 3 == 1 ? "email" : "paper");
      if (!save (demo, comment, "comment", comment_key, error))
        return FALSE;
    }

  /* The corrected draft: its units matched to the first version's. */
  {
    g_autofree char *first = build_text (programme_units, G_N_ELEMENTS (programme_units), NULL);
    g_autofree char *body = build_text (programme_units, G_N_ELEMENTS (programme_units), programme_changes);
    g_autofree char *text = g_strconcat (body, PROGRAMME_CLOSING, NULL);
    g_autoptr (GPtrArray) old_units = wsp_draft_split (first);
    g_autoptr (GPtrArray) units = wsp_draft_split (text);

    wsp_draft_match_versions (old_units, units);
    if (!save_version (demo, "programme", 2, PROGRAMME_SECOND_VERSION, text, units, "programme.1", error))
      return FALSE;
  }
  return TRUE;
}

/* The Council's decision on each comment on the programme, at meeting r8. */
static gboolean
add_decisions (Demo    *demo,
               GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (programme_comments); i++)
    {
      const CommentData *c = &programme_comments[i];
      g_autofree char *comment_key = g_strdup_printf ("programme.%" G_GSIZE_FORMAT, i);

      if (!wsp_draft_record_decision (demo->store, id_of (demo, "draft", "programme"),
                                      id_of (demo, "comment", comment_key), c->decision, c->reason,
                                      id_of (demo, "meeting", "r8"), id_of (demo, "ballot", "b9"),
                                      find_meeting ("r8")->date, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
council_status (const char *meeting,
                const char *seat)
{
  for (gsize i = 0; i < G_N_ELEMENTS (absences); i++)
    if (g_str_equal (absences[i].meeting, meeting) && g_str_equal (absences[i].seat, seat))
      return absences[i].status;
  return "present";
}

static const char *
forum_status (GRand *rand)
{
  int draw = g_rand_int_range (rand, 0, 100);

  if (draw < 70)
    return "present";
  if (draw < 85)
    return "excused";
  return "absent";
}

static gboolean
add_attendance (Demo              *demo,
                const MeetingData *m,
                GDateTime         *starts_at,
                const char        *kind,
                const char        *seat,
                const char        *status,
                GError           **error)
{
  g_autoptr (WspRecord) attendance = record_new ("attendance");

  wsp_record_set_string (attendance, "meeting_id", id_of (demo, "meeting", m->key));
  wsp_record_set_string (attendance, "seat_id", id_of (demo, kind, seat));
  wsp_record_set_string (attendance, "status", status);
  if (g_str_equal (status, "present"))
    {
      g_autoptr (GDateTime) arrived = NULL;

      arrived = g_date_time_add_minutes (starts_at, -g_rand_int_range (demo->rand, 0, 15));
      set_time (attendance, "arrived_at", arrived);
    }
  g_hash_table_replace (demo->attendance, g_strconcat (m->key, ":", seat, NULL), (gpointer) status);
  return save (demo, attendance, "attendance", NULL, error);
}

static gboolean
add_rooms (Demo    *demo,
           GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rooms); i++)
    {
      g_autoptr (WspRecord) room = record_new ("room");

      wsp_record_set_string (room, "name", rooms[i].name);
      wsp_record_set_string (room, "address", rooms[i].address);
      wsp_record_set_int (room, "capacity", rooms[i].capacity);
      wsp_record_set_string (room, "lender", rooms[i].lender);
      wsp_record_set_string (room, "contact", rooms[i].contact);
      wsp_record_set_string (room, "notes", rooms[i].notes);
      if (!save (demo, room, "room", rooms[i].place, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_meetings (Demo    *demo,
              GError **error)
{
  if (!add_rooms (demo, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      const MeetingData *m = &meetings[i];
      g_autoptr (WspRecord) meeting = record_new ("meeting");
      g_autoptr (GDateTime) starts_at = polish_time (m->date, m->hour, 0);
      g_autoptr (GDateTime) ends_at = g_date_time_add_minutes (starts_at, m->duration);
      gboolean forum = g_str_equal (m->body, "forum");
      int position = 0;

      wsp_record_set_string (meeting, "body_id", id_of (demo, "body", m->body));
      wsp_record_set_int (meeting, "number", m->number);
      set_time (meeting, "starts_at", starts_at);
      set_time (meeting, "ends_at", ends_at);
      wsp_record_set_string (meeting, "place", m->place);
      wsp_record_set_string (meeting, "room_id", id_of (demo, "room", m->place));
      wsp_record_set_string (meeting, "kind", m->kind);
      wsp_record_set_string (meeting, "status", m->status);
      wsp_record_set_string (meeting, "notes", m->notes);
      if (!save (demo, meeting, "meeting", m->key, error))
        return FALSE;

      for (gsize j = 0; j < G_N_ELEMENTS (items); j++)
        {
          const ItemData *it = &items[j];
          g_autoptr (WspRecord) item = NULL;

          if (!g_str_equal (it->meeting, m->key))
            continue;
          item = record_new ("agenda_item");
          wsp_record_set_string (item, "meeting_id", wsp_record_get_id (meeting));
          wsp_record_set_int (item, "position", ++position);
          wsp_record_set_string (item, "kind", it->kind);
          wsp_record_set_string (item, "title", it->title);
          wsp_record_set_string (item, "description", it->description);
          wsp_record_set_string (item, "presenter", it->presenter);
          wsp_record_set_int (item, "planned_minutes", it->minutes);
          if (it->draft != NULL)
            wsp_record_set_string (item, "draft_id", id_of (demo, "draft", it->draft));
          if (!save (demo, item, "item", it->key, error))
            return FALSE;
        }

      if (g_str_equal (m->status, "planned") || g_str_equal (m->status, "invited"))
        continue;

      /* Who was there: every member in office on the day. */
      if (forum)
        {
          for (gsize j = 0; j < G_N_ELEMENTS (organisations); j++)
            {
              const OrgData *o = &organisations[j];

              if (held_on (o->forum_since, NULL, m->date)
                  && !add_attendance (demo, m, starts_at, "forum-seat", o->key,
                                      forum_status (demo->rand), error))
                return FALSE;
            }
        }
      else
        {
          for (gsize j = 0; j < G_N_ELEMENTS (council_seats); j++)
            {
              const SeatData *s = &council_seats[j];

              if (held_on (s->joined_on, s->left_on, m->date)
                  && !add_attendance (demo, m, starts_at, "seat", s->key,
                                      council_status (m->key, s->key), error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* The seats that could vote in @b: those present at its meeting, or, by
 * circulation, all in office when it opened. Keys, in table order. */
static GPtrArray *
ballot_voters (Demo             *demo,
               const BallotData *b)
{
  GPtrArray *voters = g_ptr_array_new ();
  gboolean forum = g_str_equal (b->body, "forum");
  gsize n = forum ? G_N_ELEMENTS (organisations) : G_N_ELEMENTS (council_seats);

  for (gsize i = 0; i < n; i++)
    {
      const char *key = forum ? organisations[i].key : council_seats[i].key;
      const char *joined = forum ? organisations[i].forum_since : council_seats[i].joined_on;
      const char *left = forum ? NULL : council_seats[i].left_on;

      if (b->meeting != NULL)
        {
          g_autofree char *name = g_strconcat (b->meeting, ":", key, NULL);
          const char *status = g_hash_table_lookup (demo->attendance, name);

          if (g_strcmp0 (status, "present") == 0)
            g_ptr_array_add (voters, (gpointer) key);
        }
      else if (held_on (joined, left, b->date))
        {
          g_ptr_array_add (voters, (gpointer) key);
        }
    }
  return voters;
}

static gboolean
add_votes (Demo             *demo,
           const BallotData *b,
           WspRecord        *ballot,
           GDateTime        *opened_at,
           GError          **error)
{
  g_autoptr (GPtrArray) voters = ballot_voters (demo, b);
  g_autoptr (GHashTable) choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto (GStrv) pairs = g_strsplit (b->choices != NULL ? b->choices : "", ",", -1);
  gboolean forum = g_str_equal (b->body, "forum");

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (pairs[i], "=", 2);

      if (pair[0] != NULL && pair[1] != NULL)
        g_hash_table_insert (choices, g_strdup (pair[0]), g_strdup (pair[1]));
    }

  for (guint i = 0; i < voters->len; i++)
    {
      const char *key = g_ptr_array_index (voters, i);
      g_autoptr (WspRecord) vote = NULL;
      g_autoptr (GDateTime) cast_at = NULL;
      g_autofree char *listed = NULL;
      g_autofree char *choice = NULL;

      if (!g_hash_table_steal_extended (choices, key, (gpointer *) &listed, (gpointer *) &choice))
        choice = g_strdup (forum && g_rand_int_range (demo->rand, 0, 6) == 0 ? "abstain" : "for");
      if (g_str_equal (choice, "-"))
        continue;

      vote = record_new ("vote");
      wsp_record_set_string (vote, "ballot_id", wsp_record_get_id (ballot));
      wsp_record_set_string (vote, "seat_id", id_of (demo, forum ? "forum-seat" : "seat", key));
      if (g_str_equal (choice, "recused"))
        wsp_record_set_bool (vote, "recused", TRUE);
      else
        wsp_record_set_string (vote, "choice", choice);
      if (b->deadline != NULL)
        cast_at = g_date_time_add_minutes (opened_at, g_rand_int_range (demo->rand, 30, 5 * 24 * 60));
      else
        cast_at = g_date_time_add_minutes (opened_at, 1);
      set_time (vote, "cast_at", cast_at);
      if (!save (demo, vote, "vote", NULL, error))
        return FALSE;
    }

  /* A choice left over names somebody who could not vote: a slip in the table. */
  if (g_hash_table_size (choices) > 0)
    g_critical ("The demo ballot “%s” has choices for members who were not there", b->key);
  return TRUE;
}

static gboolean
add_ballots (Demo    *demo,
             GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (ballots); i++)
    {
      const BallotData *b = &ballots[i];
      g_autoptr (WspRecord) ballot = record_new ("ballot");
      g_autoptr (GDateTime) opened_at = polish_time (b->date, b->hour, b->minute);
      g_autoptr (GDateTime) closed_at = NULL;

      if (b->item != NULL)
        wsp_record_set_string (ballot, "agenda_item_id", id_of (demo, "item", b->item));
      wsp_record_set_string (ballot, "body_id", id_of (demo, "body", b->body));
      wsp_record_set_bool (ballot, "by_circulation", b->meeting == NULL);
      wsp_record_set_string (ballot, "question", b->question);
      wsp_record_set_string (ballot, "mode", b->mode);
      wsp_record_set_string (ballot, "majority", "simple");
      set_time (ballot, "opened_at", opened_at);
      if (b->deadline != NULL)
        {
          closed_at = polish_time (b->deadline, 15, 0);
          set_time (ballot, "deadline", closed_at);
        }
      else
        {
          closed_at = g_date_time_add_minutes (opened_at, b->duration);
        }
      set_time (ballot, "closed_at", closed_at);
      if (g_str_equal (b->mode, "secret"))
        {
          wsp_record_set_int (ballot, "secret_for", b->secret[0]);
          wsp_record_set_int (ballot, "secret_against", b->secret[1]);
          wsp_record_set_int (ballot, "secret_abstain", b->secret[2]);
        }
      if (!save (demo, ballot, "ballot", b->key, error))
        return FALSE;

      if (!g_str_equal (b->mode, "secret") && !add_votes (demo, b, ballot, opened_at, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_election (Demo    *demo,
              GError **error)
{
  const MeetingData *m = find_meeting ("f63");
  g_autoptr (WspRecord) election = record_new ("election");
  g_autoptr (JsonArray) array = json_array_new ();
  const char *elected[3] = { NULL };
  guint present = 0;

  /* Votes in proportion to the organisations present, so no candidate has
   * more votes than there were voters. */
  for (gsize i = 0; i < G_N_ELEMENTS (organisations); i++)
    {
      g_autofree char *name = g_strconcat (m->key, ":", organisations[i].key, NULL);

      if (g_strcmp0 (g_hash_table_lookup (demo->attendance, name), "present") == 0)
        present++;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      JsonObject *candidate = json_object_new ();

      /* The person's id is the candidate's too: the elected name people. */
      json_object_set_string_member (candidate, "id", id_of (demo, "person", candidates[i].person));
      json_object_set_string_member (candidate, "person_id",
                                     id_of (demo, "person", candidates[i].person));
      json_object_set_string_member (candidate, "name", find_person (candidates[i].person)->name);
      json_object_set_int_member (candidate, "votes", present * candidates[i].share / 100);
      json_array_add_object_element (array, candidate);
      if (i < 2)
        elected[i] = id_of (demo, "person", candidates[i].person);
    }

  wsp_record_set_string (election, "agenda_item_id", id_of (demo, "item", "f63.committees"));
  wsp_record_set_string (election, "body_id", id_of (demo, "body", "forum"));
  wsp_record_set_string (election, "title",
                         "Wybór przedstawicieli Forum do komisji konkursowych w 2026 r.");
  wsp_record_set_int (election, "seats", 2);
  wsp_record_set_string (election, "mode", "secret");
  wsp_record_set_value (election, "candidates", json_node_init_array (json_node_alloc (), array));
  wsp_record_set_list (election, "elected", elected);
  /* Every organisation present gave a valid card. */
  wsp_record_set_int (election, "valid_cards", present);
  wsp_record_set_int (election, "tally_entitled", present);
  {
    g_autoptr (GDateTime) opened_at = polish_time (m->date, 18, 10);
    g_autoptr (GDateTime) closed_at = g_date_time_add_minutes (opened_at, 25);

    set_time (election, "opened_at", opened_at);
    set_time (election, "closed_at", closed_at);
  }
  return save (demo, election, "election", "committees", error);
}

static gboolean
add_opinion (Demo    *demo,
             GError **error)
{
  g_autoptr (WspRecord) opinion = record_new ("opinion");

  wsp_record_set_string (opinion, "draft_id", id_of (demo, "draft", "programme"));
  wsp_record_set_string (opinion, "body_id", id_of (demo, "body", "council"));
  wsp_record_set_string (opinion, "verdict", "positive_with_remarks");
  wsp_record_set_string (opinion, "text", OPINION_TEXT);
  wsp_record_set_string (opinion, "meeting_id", id_of (demo, "meeting", "r8"));
  wsp_record_set_string (opinion, "ballot_id", id_of (demo, "ballot", "b9"));
  wsp_record_set_string (opinion, "number", "5/2026");
  wsp_record_set_string (opinion, "adopted_on", find_meeting ("r8")->date);
  return save (demo, opinion, "opinion", "programme", error);
}

static gboolean
store_is_empty (WspStore *store)
{
  guint n_types = 0;
  const GType *types = wsp_entities_get_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (wsp_store_count (store, types[i]) > 0)
      return FALSE;
  return TRUE;
}

/**
 * wsp_demo_fill:
 * @store: an empty store
 * @error: where to say why nothing was loaded
 *
 * Fills @store with the example data of a made-up city: its NGO Forum of
 * thirty organisations, its Public Benefit Council with two terms, meetings
 * with agendas, attendance and votes, the draft cooperation programme for
 * 2027 with comments and the Council's opinion, and an election.  It is all
 * or nothing: on any error nothing is saved.
 *
 * Returns: whether the data was loaded; %FALSE with
 *   %WSP_DEMO_ERROR_NOT_EMPTY when @store already holds records
 */
gboolean
wsp_demo_fill (WspStore  *store,
               GError   **error)
{
  g_auto (Demo) demo = { 0 };

  g_return_val_if_fail (WSP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.store = store;
  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  demo.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.attendance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  wsp_body_rules_init_default (&demo.rules);

  if (!wsp_store_begin (store, error))
    return FALSE;

  if (!store_is_empty (store))
    {
      wsp_store_rollback (store);
      g_set_error_literal (error, WSP_DEMO_ERROR, WSP_DEMO_ERROR_NOT_EMPTY,
                           _("The demo data can only be loaded into an empty database."));
      return FALSE;
    }

  if (!add_bodies (&demo, error)
      || !add_organisations (&demo, error)
      || !add_people (&demo, error)
      || !add_forum_members (&demo, error)
      || !add_council (&demo, error)
      || !add_drafts (&demo, error)
      || !add_meetings (&demo, error)
      || !add_ballots (&demo, error)
      || !add_election (&demo, error)
      || !add_decisions (&demo, error)
      || !add_opinion (&demo, error))
    {
      wsp_store_rollback (store);
      return FALSE;
    }

  return wsp_store_commit (store, error);
}
