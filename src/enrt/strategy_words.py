"""The words of what a strategy needs beyond one year's footprint, each key -> (French,
English): the uncertainty of the figures (--uncertainty), the comparison of two campaigns
(enrt compare) and the simulation of a plan (enrt simulate). ``report_words.TEXT`` holds
them with the other report words; ``enrt.i18n.t`` picks and fills them."""
from __future__ import annotations

STRATEGY_TEXT: dict[str, tuple[str, str]] = {
    # --uncertainty: intervals and what to improve first (docs/uncertainty.md)
    "interval_90": ("intervalle à 90 %", "90 % interval"),
    "col_p5": ("5e centile", "5th percentile"),
    "col_p95": ("95e centile", "95th percentile"),
    "improve_first": ("Ce qu'il faut améliorer d'abord", "What to improve first"),
    "col_input": ("Donnée", "Input"),
    "col_variance_share": ("Part de l'incertitude", "Share of the uncertainty"),
    "category_intervals": ("Intervalles à 90 % par catégorie", "90 % intervals by category"),
    "line_intervals": ("Intervalles à 90 % — {what}", "90 % intervals — {what}"),
    "unc_manufacture": ("Valeur de fabrication : {what}", "Embodied value: {what}"),
    "unc_electricity": ("Facteur d'électricité : {what}", "Electricity factor: {what}"),
    "unc_lifetime": ("Durée de vie par défaut, lignes sans date d'achat : {what}",
                     "Default lifetime, rows without a purchase date: {what}"),
    "unc_annual_kwh": ("Consommation annuelle par défaut : {what}",
                       "Default annual kWh: {what}"),
    "unc_quantity": ("Quantités non renseignées", "Blank quantities"),
    "unc_country": ("Pays non renseignés", "Blank countries"),
    "hint_unc_manufacture": ("demander aux fournisseurs l'empreinte (PCF) de vos modèles, ou "
                             "prendre un jeu de facteurs plus précis pour cette catégorie",
                             "ask suppliers for the footprint (PCF) of your models, or use a "
                             "factor set more specific for this category"),
    "hint_unc_electricity": ("vérifier le pays de chaque site : le facteur est le mix moyen "
                             "du pays (ADEME, approche localisée), son incertitude est celle "
                             "du facteur publié", "check each site's country: the factor is "
                             "the country's average mix (ADEME, location-based); its spread "
                             "is that of the published factor"),
    "hint_unc_lifetime": ("donner la date d'achat des équipements « {what} » qui n'en ont pas "
                          "(unités : {n})", "give the purchase date of the “{what}” units "
                          "that have none (units: {n})"),
    "hint_unc_annual_kwh": ("donner la consommation mesurée (kWh/an) des équipements "
                            "« {what} » (unités : {n})", "give the measured annual kWh of the "
                            "“{what}” units (units: {n})"),
    "hint_unc_quantity": ("renseigner la quantité des lignes qui n'en donnent pas ({n} "
                          "unités comptées)", "give the quantity of the rows without one "
                          "({n} units counted)"),
    "hint_unc_country": ("renseigner le pays des équipements qui n'en donnent pas (unités : "
                         "{n}) s'il y a des sites hors de France", "give the country of the "
                         "units without one (units: {n}) if some sites are abroad"),
    "territory_interval": ("intervalle publié ({source}) : {low} à {high}",
                           "published interval ({source}): {low} to {high}"),
    "uncertainty_note": ("Intervalles à 90 % : {draws} tirages Monte-Carlo sur les facteurs "
                         "et les données non renseignées (graine {seed}) ; la valeur centrale "
                         "est le résultat déterministe.", "90 % intervals: {draws} Monte "
                         "Carlo draws over the factors and the blank inputs (seed {seed}); "
                         "the central value is the deterministic result."),
    # enrt compare (docs/compare.md)
    "cmp_title": ("Comparaison de campagnes : {old} → {new}", "Campaign comparison: {old} → {new}"),
    "cmp_old": ("Ancienne campagne", "Old campaign"),
    "cmp_new": ("Nouvelle campagne", "New campaign"),
    "cmp_campaign": ("{path} : année {year}, méthode {method}, jeu {fs}",
                     "{path}: year {year}, method {method}, set {fs}"),
    "cmp_warn_factor-sets-differ": (
        "Les deux rapports n'ont pas le même jeu de facteurs : l'écart mêle le changement du "
        "parc et celui de la méthode. Donnez l'ancien inventaire (--inventory-old) pour les "
        "séparer.", "The two reports used different factor sets: the change mixes the fleet's "
        "change and the method's. Give the old inventory (--inventory-old) to tell them apart."),
    "cmp_warn_factor-sets-differ-restated": (
        "Les deux rapports n'ont pas le même jeu de facteurs : l'ancienne année est recalculée "
        "avec le nouveau jeu ; la part « jeu de facteurs » est l'écart de méthode.",
        "The two reports used different factor sets: the old year is assessed again with the "
        "new set; the \"factor set\" part is the change of method."),
    "cmp_warn_numecoeval-snapshot": (
        "Un rapport utilise la méthode numecoeval, une photographie du parc : l'écart de "
        "fabrication d'une année à l'autre n'y suit pas l'amortissement.",
        "A report used the numecoeval method, a snapshot of the fleet: its manufacture change "
        "from one year to the next does not follow amortisation."),
    "cmp_warn_years-reversed": ("La nouvelle campagne est plus ancienne que l'ancienne : "
                                "l'ordre attendu est ANCIEN.json NOUVEAU.json.",
                                "The new campaign is older than the old one: the expected "
                                "order is OLD.json NEW.json."),
    "cmp_warn_same-campaign": ("Les deux rapports portent sur les mêmes fichiers et la même "
                               "année.", "The two reports are of the same files and year."),
    "cmp_warn_organisations-differ": ("Les deux rapports ne sont pas de la même organisation "
                                      "({old} ; {new}).", "The two reports are of different "
                                      "organisations ({old}; {new})."),
    "cmp_warn_methods-differ": ("Les deux rapports n'utilisent pas la même méthode.",
                                "The two reports used different methods."),
    "cmp_totals": ("Évolution par indicateur", "Change by criterion"),
    "cmp_attribution": ("Pourquoi l'empreinte carbone a changé", "Why the carbon footprint changed"),
    "cmp_by_category": ("Évolution par catégorie", "Change by category"),
    "cmp_by_entity": ("Évolution par service", "Change by department"),
    "cmp_indicators": ("Évolution des indicateurs", "Change of the indicators"),
    "col_old": ("Avant", "Before"),
    "col_new": ("Après", "After"),
    "col_change": ("Écart", "Change"),
    "col_change_pct": ("Écart %", "Change %"),
    "col_driver": ("Cause", "Driver"),
    "col_part": ("Part de l'écart", "Part of the change"),
    "col_phase": ("Phase", "Phase"),
    "drv_fleet_size": ("Taille du parc (nombre d'équipements)", "Fleet size (units)"),
    "drv_fleet_mix": ("Composition du parc", "Fleet mix"),
    "drv_lifetimes": ("Durées de vie et amortissement", "Lifetimes and amortisation"),
    "drv_usage": ("Usage (kWh, PUE, salles mesurées)", "Usage (kWh, PUE, metered rooms)"),
    "drv_electricity": ("Facteurs d'électricité", "Electricity factors"),
    "drv_factor_set": ("Changement de jeu de facteurs", "Factor set change"),
    "drv_services": ("Services hébergés et prestations", "Hosted services and prestations"),
    "drv_total": ("Écart total", "Total change"),
    # enrt simulate (docs/simulate.md)
    "sim_title": ("Scénario « {name} » : {start} → {end}", "Scenario “{name}”: {start} → {end}"),
    "sim_target_met": ("Objectif {criterion} −{reduction} en {year} atteint : {reached} pour "
                       "un objectif de {target} ({change} depuis l'année de référence).",
                       "Target {criterion} −{reduction} by {year} met: {reached} for a target "
                       "of {target} ({change} since the baseline year)."),
    "sim_target_missed": ("Objectif {criterion} −{reduction} en {year} non atteint : {reached} "
                          "pour un objectif de {target} ; il manque {gap} ({change} depuis "
                          "l'année de référence).",
                          "Target {criterion} −{reduction} by {year} missed: {reached} for a "
                          "target of {target}; {gap} short ({change} since the baseline "
                          "year)."),
    "sim_how": ("Chaque année : le parc de l'inventaire, renouvelé à la fin de chaque durée "
                "de vie, puis les actions à partir de leur année de départ.",
                "Each year: the inventory's fleet, renewed at the end of each lifetime, then "
                "the actions from their start year."),
    "sim_trajectory": ("Trajectoire", "Trajectory"),
    "sim_without": ("Sans les actions", "Without the actions"),
    "sim_with": ("Avec les actions", "With the actions"),
    "sim_effects": ("Effet de chaque action seule", "Effect of each action alone"),
    "sim_action": ("Action", "Action"),
    "sim_start": ("Départ", "Start"),
    "sim_target": ("Objectif", "Target"),
    "sim_units": ("Équipements (avec les actions)", "Units (with the actions)"),
    "sim_rejected": ("{n} ligne(s) de l'inventaire rejetée(s) à la lecture ne sont pas dans "
                     "la simulation : « enrt assess » les détaille.",
                     "{n} inventory row(s) rejected while reading are not in the simulation: "
                     "'enrt assess' lists them."),
    "range_to": ("{low} à {high}", "{low} to {high}"),
    "cmp_base": ("Base (invisible dans le graphique)", "Base (not drawn in the chart)"),
    "cmp_rise": ("Hausse", "Rise"),
    "cmp_units_old": ("Équipements avant", "Units before"),
    "cmp_units_new": ("Équipements après", "Units after"),
    "cmp_fall": ("Baisse", "Fall"),
}
