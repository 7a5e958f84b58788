"""The words of the human report formats (terminal, xlsx, HTML/PDF, Markdown), each key ->
(French, English); ``enrt.i18n`` picks and fills them. Issue and error messages are in
``enrt.message_catalogue``. Keeping the words apart from the code keeps one place to
translate or correct a label."""
from __future__ import annotations

from .strategy_words import STRATEGY_TEXT


# key -> (French, English); {name} placeholders are filled by t()
TEXT: dict[str, tuple[str, str]] = {
    # the batch summary (enrt batch)
    "batch_title": ("Comparaison de {n} communes", "Comparison of {n} communes"),
    "batch_subtitle": ("Année {year} — {name} : {ok} commune(s) évaluée(s) sur {total}",
                       "Year {year} — {name}: {ok} of {total} commune(s) assessed"),
    "batch_whole": ("l'ensemble", "the whole set"),
    "communes": ("Communes", "Communes"),
    "batch_total": ("Empreinte carbone annuelle de l'ensemble",
                    "Annual carbon footprint of the whole set"),
    "batch_per_agent": ("Par agent (ensemble)", "Per agent (whole set)"),
    "batch_per_inhabitant": ("Par habitant (ensemble)", "Per inhabitant (whole set)"),
    "manufacture_share": ("Part de la fabrication", "Manufacture share"),
    "batch_refurbished": ("Part reconditionné ou réemploi (en nombre)",
                          "Refurbished or reused share (by count)"),
    "batch_defaults": ("Part de valeurs par défaut", "Share of default values"),
    "batch_failed": ("{n} commune(s) sans rapport : voir « Communes en échec » ; l'ensemble "
                     "ne les compte pas.", "{n} commune(s) without a report: see \"Failed "
                     "communes\"; the whole set leaves them out."),
    "batch_need_agents": ("Par agent pour l'ensemble : seulement quand chaque commune donne "
                          "son nombre d'agents ({given} sur {total} le donnent).",
                          "Per agent for the whole set: only when every commune gives its "
                          "number of agents ({given} of {total} do)."),
    "batch_need_population": ("Par habitant pour l'ensemble : seulement quand chaque commune "
                              "donne sa population ({given} sur {total} la donnent).",
                              "Per inhabitant for the whole set: only when every commune "
                              "gives its population ({given} of {total} do)."),
    "batch_chart_share": ("Part de chaque commune dans l'empreinte de l'ensemble",
                          "Share of each commune in the whole set's footprint"),
    "batch_chart_share_desc": ("Barres horizontales, une par commune : part dans l'empreinte "
                               "carbone annuelle de l'ensemble. {items}. Les chiffres sont "
                               "dans le tableau « {table} ».",
                               "Horizontal bars, one per commune: share of the whole set's "
                               "annual carbon footprint. {items}. The figures are in the "
                               "table \"{table}\"."),
    "batch_other": ("Autres communes", "Other communes"),
    "batch_chart_phases": ("Fabrication et utilisation des équipements par commune (kg CO2e "
                           "par an, hors services)",
                           "Manufacture and use of the equipment by commune (kg CO2e per "
                           "year, services aside)"),
    "batch_chart_phases_desc": ("Barres horizontales empilées, une par commune : fabrication "
                                "puis utilisation, en kg CO2e par an ; les services hébergés, "
                                "le réseau et les prestations n'y sont pas, le total du "
                                "tableau « {table} » les compte. {items}.",
                                "Stacked horizontal bars, one per commune: manufacture then "
                                "use, in kg CO2e per year; hosted services, network and "
                                "prestations are not in them, the total of the table "
                                "\"{table}\" counts them. {items}."),
    "batch_comparison": ("Communes côte à côte", "Communes side by side"),
    "batch_failures": ("Communes en échec", "Failed communes"),
    "batch_col_commune": ("Commune", "Commune"),
    "batch_col_file": ("Fichier", "File"),
    "batch_col_gwp_total_kg": ("Total (kg CO2e/an)", "Total (kg CO2e/yr)"),
    "batch_col_manufacture_share": ("Part fabrication", "Manufacture share"),
    "batch_col_agents": ("Agents", "Agents"),
    "batch_col_population": ("Habitants", "Inhabitants"),
    "batch_col_gwp_per_agent_kg": ("kg CO2e par agent", "kg CO2e per agent"),
    "batch_col_gwp_per_inhabitant_kg": ("kg CO2e par habitant", "kg CO2e per inhabitant"),
    "batch_col_refurbished_share_by_count": ("Part reconditionné", "Refurbished share"),
    "batch_col_defaults_share": ("Part de défauts", "Defaults share"),
    "batch_col_rows_assessed": ("Lignes évaluées", "Rows assessed"),
    "batch_col_rows_rejected": ("Lignes rejetées", "Rows rejected"),
    "batch_col_rank_per_agent": ("Rang par agent", "Rank per agent"),
    # titles and sections
    "title": ("Empreinte environnementale du numérique", "Environmental footprint of digital "
              "equipment"),
    "title_of": ("Empreinte environnementale du numérique — {name}",
                 "Environmental footprint of digital equipment — {name}"),
    "subtitle": ("Année {year} (au {as_of}), méthode {method}",
                 "Year {year} (as of {as_of}), method {method}"),
    "synthesis": ("Synthèse", "Summary"),
    "method_linear": ("linéaire", "linear"),
    "method_numecoeval": ("NumEcoEval", "NumEcoEval"),
    "key_figures": ("Chiffres clés", "Key figures"),
    "by_category": ("Par catégorie d'équipement", "By equipment category"),
    "by_entity": ("Par service", "By department"),
    "by_site": ("Par site", "By site"),
    "by_project": ("Par projet de territoire connecté", "By connected-territory project"),
    "totals": ("Totaux par indicateur environnemental", "Totals by environmental criterion"),
    "services": ("Services hébergés, réseau et prestations",
                 "Hosted services, network and prestations"),
    "indicators": ("Indicateurs REEN", "REEN indicators"),
    "territory": ("Estimation pour le territoire", "Territory estimate"),
    "practices": ("Bonnes pratiques (référentiel DINUM)", "Good practices (DINUM referential)"),
    "inputs": ("Fichiers d'inventaire", "Inventory files"),
    "issues": ("Points à vérifier", "Points to check"),
    "hypotheses": ("Hypothèses et conventions", "Assumptions and conventions"),
    "sources": ("Sources des facteurs", "Sources of the factors"),
    "rows": ("Lignes évaluées", "Assessed rows"),
    "rejected": ("Lignes rejetées et écartées", "Rejected and skipped rows"),
    "top_categories": ("Principales catégories", "Main categories"),
    "chart_phases": ("Fabrication et utilisation par catégorie (kg CO2e par an)",
                     "Manufacture and use by category (kg CO2e per year)"),
    "chart_share": ("Part de chaque catégorie dans l'empreinte carbone",
                    "Share of each category in the carbon footprint"),
    # figures
    "total_gwp": ("Empreinte carbone annuelle", "Annual carbon footprint"),
    "manufacture": ("Fabrication", "Manufacture"),
    "use": ("Utilisation", "Use"),
    "services_phase": ("Services", "Services"),
    "total": ("Total", "Total"),
    "per_agent": ("Par agent", "Per agent"),
    "refurbished_share": ("Part d'achats reconditionnés ou de réemploi (objectif AGEC 20 %)",
                          "Refurbished or reused share of purchases (AGEC target 20 %)"),
    "maturity": ("Maturité bonnes pratiques DINUM", "DINUM good-practice maturity"),
    "data_quality": ("Qualité des données", "Data quality"),
    "defaults_sentence": ("{share} des valeurs utilisées sont des valeurs par défaut du jeu "
                          "de facteurs.", "{share} of the values used are defaults of the "
                          "factor set."),
    "assessed_sentence": ("{assessed} lignes évaluées sur {read} lues ({rejected} rejetées, "
                          "{skipped} écartées).", "{assessed} of {read} rows assessed "
                          "({rejected} rejected, {skipped} skipped)."),
    "partial": ("Résultat partiel", "Partial result"),
    "partial_total": ("≥ {value} (partiel : {what})", "≥ {value} (partial: {what})"),
    "use_only": ("utilisation seule", "use only"),
    "manufacture_only": ("fabrication seule", "manufacture only"),
    "of_units": ("{share} des équipements", "{share} of units"),
    "meets": ("atteint", "met"),
    "not_met": ("non atteint", "not met"),
    "not_covered": ("non couvert", "not covered"),
    "not_given": ("non renseigné", "not given"),
    "factor_set": ("Jeu de facteurs", "Factor set"),
    "year": ("Année", "Year"),
    "method": ("Méthode", "Method"),
    "generated_by": ("Produit par enrt {version}", "Made with enrt {version}"),
    # columns
    "col_category": ("Catégorie", "Category"),
    "col_quantity": ("Quantité", "Quantity"),
    "col_rows": ("Lignes", "Rows"),
    "col_manufacture": ("Fabrication (kg CO2e/an)", "Manufacture (kg CO2e/yr)"),
    "col_use": ("Utilisation (kg CO2e/an)", "Use (kg CO2e/yr)"),
    "col_total": ("Total (kg CO2e/an)", "Total (kg CO2e/yr)"),
    "col_share": ("Part", "Share"),
    "col_entity": ("Service", "Department"),
    "col_site": ("Site", "Site"),
    "col_project": ("Projet", "Project"),
    "col_criterion": ("Indicateur", "Criterion"),
    "col_unit": ("Unité", "Unit"),
    "col_services": ("Services", "Services"),
    "col_coverage": ("Couverture", "Coverage"),
    "col_indicator": ("Indicateur", "Indicator"),
    "col_value": ("Valeur", "Value"),
    "col_how": ("Calcul", "How"),
    "col_activity": ("Service", "Service"),
    "col_kind": ("Nature", "Kind"),
    "col_quality": ("Qualité (1-5)", "Quality (1-5)"),
    "col_gwp": ("kg CO2e/an", "kg CO2e/yr"),
    "col_file": ("Fichier", "File"),
    "col_sheet": ("Feuille", "Sheet"),
    "col_row": ("Ligne", "Row"),
    "col_column": ("Colonne", "Column"),
    "col_read": ("Lues", "Read"),
    "col_assessed": ("Évaluées", "Assessed"),
    "col_rejected": ("Rejetées", "Rejected"),
    "col_skipped": ("Écartées", "Skipped"),
    "col_reason": ("Motif", "Reason"),
    "col_severity": ("Gravité", "Severity"),
    "col_code": ("Code", "Code"),
    "col_message": ("Message", "Message"),
    "col_hint": ("Correction", "Fix"),
    "col_source": ("Source", "Source"),
    "col_title": ("Titre", "Title"),
    "col_publisher": ("Éditeur", "Publisher"),
    "col_url": ("Adresse", "URL"),
    "col_family": ("Famille", "Family"),
    "col_score": ("Score", "Score"),
    "col_tier": ("Périmètre", "Tier"),
    "col_per_inhabitant": ("Par habitant", "Per inhabitant"),
    "col_country": ("Pays", "Country"),
    "col_lifetime": ("Durée de vie (ans)", "Lifetime (years)"),
    "col_share_year": ("Part annuelle de fabrication", "Yearly manufacture share"),
    "col_kwh": ("kWh/an par unité", "kWh/yr per unit"),
    "col_pue": ("PUE", "PUE"),
    "col_condition": ("État", "Condition"),
    "col_provenance": ("Origine de {field}", "Source of {field}"),
    "severity_error": ("erreur", "error"),
    "severity_warning": ("avertissement", "warning"),
    "severity_info": ("info", "info"),
    "prov_input": ("inventaire", "input"),
    "prov_default": ("défaut", "default"),
    "prov_derived": ("calculée", "derived"),
    # the terminal report
    "factor_line": ("Jeu de facteurs {id} v{version} (sha256 {sha}…) ; électricité {elec} ; "
                    "PUE par défaut {pue}", "Factor set {id} v{version} (sha256 {sha}…); "
                    "electricity {elec}; default PUE {pue}"),
    "rows_line": ("{assessed}/{read} lignes évaluées, {rejected} rejetée{s_rej}, {skipped} "
                  "écartée{s_skip}", "{assessed}/{read} rows assessed, {rejected} rejected, "
                  "{skipped} skipped"),
    "covers_all": ("le total couvre toutes les lignes en service",
                   "the total covers every row in use"),
    "incomplete": ("le total est incomplet", "the total is incomplete"),
    "nothing_in": ("rien n'est évalué dans {files} ; le total est incomplet",
                   "nothing assessed in {files}; the total is incomplete"),
    "partial_totals": ("totaux partiels : {what}", "partial totals: {what}"),
    "carbon": ("empreinte carbone", "carbon footprint"),
    "per_year": ("/an", "/year"),
    "per_year_title": ("par an", "per year"),
    "errors_warnings": ("{e} erreur{s_e}, {w} avertissement{s_w}",
                        "{e} error(s), {w} warning(s)"),
    "issue_counts": ("{e} erreur{s_e}, {w} avertissement{s_w}, {i} info",
                     "{e} error(s), {w} warning(s), {i} info"),
    "more_issues_table": ("… {n} de plus (--verbose ou --format json)",
                          "… {n} more (use --verbose or --format json)"),
    "more_in_report": ("… {n} de plus dans le rapport", "… {n} more in the report's issues"),
    "sheet": ("feuille {x}", "sheet {x}"),
    "row": ("ligne {x}", "row {x}"),
    "column": ("colonne {x}", "column {x}"),
    "hint": ("correction", "hint"),
    "qty": ("Qté", "Qty"),
    "nc": ("n.c.", "n/c"),
    "partial_note": ("≥ total partiel : {what}", "≥ partial total: {what}"),
    "missing_note": ("{label} : {why}", "{label}: {why}"),
    "organisation_line": ("Organisation : {name} ; agents : {agents} ; population : {pop}",
                          "Organisation: {name}; agents {agents}; population {pop}"),
    "organisations_see": ("{n} organisations, voir « Par fichier »",
                          "{n} organisations, see 'By input'"),
    "by_input": ("Par fichier", "By input"),
    "col_organisation": ("Organisation", "Organisation"),
    "col_agents": ("Agents", "Agents"),
    "col_done": ("Faites", "Done"),
    "territory_title": ("{title} ({pop} habitants, périmètre {scope} : {what})",
                        "{title} ({pop} inhabitants, scope {scope}: {what})"),
    "terminals": ("Terminaux", "Terminals"),
    "data_centres": ("Centres de données", "Data centres"),
    "networks": ("Réseaux", "Networks"),
    "practices_title": ("{title} : maturité {score}, {assessed} sur {total} évaluées",
                        "{title}: maturity {score}, {assessed} of {total} assessed"),
    "units": ("unités", "units"),
    "years": ("ans", "years"),
    # kinds of hosted services and prestations (ActivityLine.kind)
    "kind_hosting": ("hébergement", "hosting"),
    "kind_network": ("réseau", "network"),
    "kind_prestation": ("prestation", "prestation"),
    # skipped rows, by reason (InputReport.skipped)
    "skip_short_blank": ("vides", "blank"),
    "skip_short_total": ("totaux", "total"),
    "skip_short_heading": ("titres", "heading"),
    "skip_short_not_in_use": ("hors service", "not in use"),
    "skip_short_hidden": ("masquées", "hidden"),
    "skip_short_hidden_sheet": ("feuille masquée", "hidden sheet"),
    "skip_short_out_of_period": ("hors période", "out of period"),
    "skip_short_not_physical": ("non physiques", "not physical"),
    "skip_short_restated": ("en double", "restated"),
    # criteria, short (the headline)
    "short_gwp": ("climat", "climate"),
    "short_adpe": ("ressources abiotiques", "abiotic resources"),
    "short_pe": ("énergie primaire", "primary energy"),
    "short_water": ("eau", "water"),
    # the workbook
    "sheet_summary": ("Synthèse", "Summary"),
    "sheet_charts": ("Graphiques", "Charts"),
    "sheet_by_category": ("Par catégorie", "By category"),
    "sheet_by_entity": ("Par service", "By department"),
    "sheet_by_site": ("Par site", "By site"),
    "sheet_by_project": ("Par projet", "By project"),
    "sheet_services": ("Services", "Services"),
    "sheet_totals": ("Totaux par critère", "Totals by criterion"),
    "sheet_improve_first": ("À améliorer d'abord", "Improve first"),
    "sheet_indicators": ("Indicateurs REEN", "REEN indicators"),
    "sheet_practices": ("Bonnes pratiques", "Good practices"),
    "sheet_rows": ("Lignes évaluées", "Assessed rows"),
    "sheet_rejected": ("Rejetées et écartées", "Rejected and skipped"),
    "sheet_issues": ("Points à vérifier", "Issues"),
    "sheet_inputs": ("Fichiers", "Input files"),
    "sheet_hypotheses": ("Hypothèses", "Assumptions"),
    "sheet_sources": ("Sources", "Sources"),
    "col_status": ("Statut", "Status"),
    "col_note": ("Remarque", "Note"),
    "status_rejected": ("rejetée", "rejected"),
    "status_skipped": ("écartée", "skipped"),
    "rejected_note": ("Corriger ces lignes dans l'inventaire puis relancer enrt assess.",
                      "Fix these rows in the inventory, then run enrt assess again."),
    "rows_note": (("Une ligne par ligne d'inventaire évaluée ; « Origine » : inventaire "
                   "(valeur lue), défaut (valeur du jeu de facteurs) ou calculée."),
                  ("One line per assessed inventory row; 'Source': input (read), default "
                   "(factor set value) or derived.")),
    "rows_cut": ("Liste tronquée à {n} lignes (limite d'Excel) ; le CSV les donne toutes.",
                 "List cut at {n} rows (Excel's limit); the CSV gives them all."),
    "per_yr": ("/an", "/yr"),
    "cond_new": ("neuf", "new"),
    "cond_refurbished": ("reconditionné", "refurbished"),
    "cond_reused": ("réemploi", "reused"),
    "cond_reassigned": ("réaffecté", "reassigned"),
    "src_quantity": ("Origine de la quantité", "Source of quantity"),
    "src_lifetime": ("Origine de la durée de vie", "Source of lifetime"),
    "src_annual_kwh": ("Origine des kWh", "Source of kWh"),
    "src_pue": ("Origine du PUE", "Source of PUE"),
    "src_country": ("Origine du pays", "Source of country"),
    "src_condition": ("Origine de l'état", "Source of condition"),
    "skip_blank": ("ligne vide", "blank row"),
    "skip_total": ("ligne de total", "total row"),
    "skip_heading": ("titre de section", "section heading"),
    "skip_not_in_use": ("pas en service (stock, panne, réformé…)",
                        "not in use (stock, out of service, retired…)"),
    "skip_hidden": ("ligne masquée", "hidden row"),
    "skip_hidden_sheet": ("feuille masquée", "hidden sheet"),
    "skip_out_of_period": ("hors de l'année évaluée", "outside the assessed year"),
    "skip_not_physical": ("pas un équipement physique (VM, licence)",
                          "not a physical device (VM, licence)"),
    "skip_restated": ("feuille qui en reprend une autre (récapitulatif)",
                      "sheet restating another one (summary)"),
    "hint_hidden": ("--include-hidden les compte", "--include-hidden counts them"),
    "hint_not_in_use": ("--count-stock compte le stock", "--count-stock counts the stock"),
    "hint_out_of_period": ("vérifier les dates d'achat et de sortie, ou --year",
                           "check the purchase and withdrawal dates, or --year"),
    # the HTML and PDF report
    "details": ("Résultats détaillés", "Detailed results"),
    "reen": ("Indicateurs REEN et bonnes pratiques", "REEN indicators and good practices"),
    "data": ("Données, hypothèses et sources", "Data, assumptions and sources"),
    "no_rows": ("Aucun.", "None."),
    "other_categories": ("Autres catégories", "Other categories"),
    "more_issues_html": ("… et {n} autres points : voir le rapport JSON (--format json).",
                         "… and {n} more: see the JSON report (--format json)."),
    "chart_phases_desc": ("Barres horizontales empilées, une par catégorie : fabrication "
                          "puis utilisation, en kg CO2e par an. {items}. Les mêmes chiffres "
                          "sont dans le tableau « {table} ».",
                          "Stacked horizontal bars, one per category: manufacture then use, "
                          "in kg CO2e per year. {items}. The same figures are in the table "
                          "“{table}”."),
    "chart_phases_item": ("{label} : fabrication {manufacture}, utilisation {use}",
                          "{label}: manufacture {manufacture}, use {use}"),
    "chart_share_desc": ("Barres horizontales, une par catégorie : part dans l'empreinte "
                         "carbone annuelle. {items}. Les mêmes chiffres sont dans les tableaux "
                         "« {table} » et « {all} ».",
                         "Horizontal bars, one per category: share of the annual carbon "
                         "footprint. {items}. The same figures are in the tables “{table}” "
                         "and “{all}”."),
    "chart_share_item": ("{label} : {share}", "{label}: {share}"),
    "colon": ("{label} : {value}", "{label}: {value}"),
    # the Markdown report
    "about": ("Références du calcul", "About this assessment"),
    "more_issues_md": (
        "… et {n} autres points : le rapport JSON (--format json) les donne tous.",
        "… and {n} more: the JSON report (--format json) lists them all."),
}


TEXT.update(STRATEGY_TEXT)        # uncertainty, compare, simulate (strategy_words.py)

# indicator id -> (French, English)
INDICATORS: dict[str, tuple[str, str]] = {
    "gwp_per_agent_kg": ("Empreinte carbone par agent", "Carbon footprint per agent"),
    "equipment_per_agent": ("Équipements par agent", "Equipment per agent"),
    "workstations_per_agent": ("Postes de travail par agent", "Workstations per agent"),
    "manufacture_share_gwp": ("Part de la fabrication dans l'empreinte carbone",
                              "Manufacture share of the carbon footprint"),
    "fully_amortised_units": ("Équipements au-delà de leur durée de vie",
                              "Devices past their lifetime"),
    "purchase_year_embodied_gwp_kg": ("Fabrication des équipements achetés dans l'année",
                                      "Embodied carbon of the year's purchases"),
    "refurbished_or_reused_share_by_count": ("Part reconditionné ou réemploi (en nombre)",
                                             "Refurbished or reused share (by count)"),
    "refurbished_or_reused_share_by_spend": ("Part reconditionné ou réemploi (en dépense)",
                                             "Refurbished or reused share (by spend)"),
    "defaults_share": ("Part de valeurs par défaut", "Share of default values"),
    "lifetime_declared_years": ("Durée de vie utilisée", "Lifetime used"),
    "lifetime_observed_years": ("Durée de vie observée", "Observed lifetime"),
    "server_rooms": ("Salles serveurs", "Server rooms"),
}


# indicator id -> how it is computed (French, English): the human formats' column "How"
INDICATOR_HOW: dict[str, tuple[str, str]] = {
    "gwp_per_agent_kg": ("empreinte carbone totale / nombre d'agents",
                         "gwp total / number of agents"),
    "equipment_per_agent": ("nombre d'équipements / nombre d'agents",
                            "total quantity / number of agents"),
    "workstations_per_agent": ("portables + fixes + tout-en-un / nombre d'agents",
                               "laptops + desktops + all-in-ones / agents"),
    "manufacture_share_gwp": ("fabrication / total de l'empreinte carbone",
                              "gwp manufacture / gwp total"),
    "fully_amortised_units": ("équipements dont l'année d'achat + la durée de vie est "
                              "dépassée (méthode linéaire)", "devices whose purchase year + "
                              "lifetime is past (linear method)"),
    "purchase_year_embodied_gwp_kg": ("fabrication des équipements achetés dans l'année, "
                                      "comptée en entier cette année-là (vue GHG Protocol, "
                                      "scope 3 catégorie 2)", "embodied gwp of the year's "
                                      "purchases, counted whole in that year (GHG Protocol "
                                      "scope 3 category 2 view)"),
    "refurbished_or_reused_share_by_count": ("équipements reconditionnés ou de réemploi / "
                                             "nombre d'équipements",
                                             "refurbished or reused units / all units"),
    "refurbished_or_reused_share_by_spend": ("dépense en reconditionné ou réemploi / dépense "
                                             "des lignes ayant un prix (objectif AGEC 20 %)",
                                             "spend on refurbished or reused / spend on priced "
                                             "rows (AGEC target 20 %)"),
    "defaults_share": ("valeurs prises par défaut / valeurs nécessaires (durée de vie, kWh, "
                       "pays, quantité, état)", "values taken from defaults / values needed "
                       "(lifetime, kWh, country, quantity, condition)"),
}


# what to give for an indicator that cannot be computed, by the English text the report holds
MISSING: dict[str, tuple[str, str]] = {
    "give the number of agents (Organisation sheet or --agents N)":
        ("indiquez le nombre d'agents (feuille Organisation ou --agents N)",
         "give the number of agents (Organisation sheet or --agents N)"),
    "give purchase dates": ("indiquez les dates d'achat", "give purchase dates"),
    "give a 'Prix unitaire' or 'Montant' column":
        ("ajoutez une colonne « Prix unitaire » ou « Montant »",
         "give a 'Prix unitaire' or 'Montant' column"),
    "the inputs are different organisations: see by_input":
        ("les fichiers sont des organisations différentes : voir le détail par fichier",
         "the inputs are different organisations: see by_input"),
}


# disclosure code -> text (French, English); {value} and {year} filled from the report
DISCLOSURES: dict[str, tuple[str, str]] = {
    "amortised-zero": ("La fabrication est répartie sur la durée de vie de chaque équipement : "
                       "au-delà, elle compte 0 ({value} équipement(s) en {year}) ; "
                       "l'utilisation reste comptée.",
                       "Manufacture is spread over each device's lifetime: past it, it counts "
                       "0 ({value} device(s) in {year}); use still counts."),
    "snapshot-method": ("La méthode numecoeval est une photographie : chaque équipement porte "
                        "sa fabrication divisée par son âge ; les années ne s'additionnent ni "
                        "ne se comparent.", "Method numecoeval is a snapshot: each device "
                        "carries its embodied impact divided by its age; years neither add up "
                        "nor compare."),
    "purchase-year-view": ("Vue année d'achat (GHG Protocol, scope 3 catégorie 2) : les "
                           "équipements achetés en {year} représentent {value} de fabrication, "
                           "comptée en entier ; le chiffre annuel la répartit sur leur durée "
                           "de vie.", "Purchase-year view (GHG Protocol scope 3 category 2): "
                           "the devices bought in {year} embody {value}, counted whole; the "
                           "annual figure spreads it over their lifetimes."),
    "purchase-year-view.none": ("Vue année d'achat : non calculée, l'inventaire ne donne pas "
                                "de dates d'achat.", "Purchase-year view: not computed, the "
                                "inventory gives no purchase dates."),
    "second-life-rule.row": ("Reconditionné ou réemploi : durée de vie + durée d'usage amont "
                             "donnée par la ligne (0 sinon, règle du RCP ADEME).",
                             "Refurbished or reused: lifetime + the previous use the row gives "
                             "(0 otherwise, the ADEME RCP rule)."),
    "second-life-rule.fleet": ("Reconditionné ou réemploi : formule de parc du RCP ADEME "
                               "(durée de vie + usage amont × part de reconditionné de la "
                               "catégorie).", "Refurbished or reused: the ADEME RCP fleet "
                               "formula (lifetime + previous use × the category's refurbished "
                               "share)."),
}


CRITERIA: dict[str, tuple[str, str]] = {
    "gwp": ("Changement climatique", "Climate change"),
    "adpe": ("Épuisement des ressources abiotiques (minéraux, métaux)",
             "Abiotic resource depletion (minerals, metals)"),
    "pe": ("Énergie primaire", "Primary energy"),
    "water": ("Consommation d'eau", "Water use"),
}


UNITS: dict[str, tuple[str, str]] = {
    "kgCO2e": ("kg CO2e", "kg CO2e"), "kgSbeq": ("kg Sb éq.", "kg Sb eq."),
    "MJ": ("MJ", "MJ"), "m3": ("m³", "m³"), "ratio": ("%", "%"), "units": ("unités", "units"),
    "units/agent": ("unités/agent", "units/agent"), "kgCO2e/agent/year":
    ("kg CO2e/agent/an", "kg CO2e/agent/yr"), "years": ("ans", "years"), "": ("", ""),
    # what services are counted in (factor-set activity units)
    "GB": ("Go", "GB"), "vCPU-hour": ("vCPU-heure", "vCPU-hour"),
    "vCPU-year": ("vCPU-an", "vCPU-year"), "VM-year": ("VM-an", "VM-year"),
    "TB-year": ("To-an", "TB-year"), "k€": ("k€", "k€"),
}
