"""The words of the message catalogue for what enrt says about an input: issue messages,
their hints and the terms they use, each id -> (French, English). Errors and the command
line's own words are in ``enrt.error_catalogue``. ``enrt.messages`` formats them; keeping
the data apart keeps the formatting code readable."""
from __future__ import annotations

# ---------------------------------------------------------------------------------------
# messages: issue id (code or code.variant) -> (French, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # rows of an equipment table
    "missing-type": ("la ligne a des valeurs mais pas de type d'équipement",
                     "row has values but no equipment type"),
    "missing-type.service": ("la ligne a des valeurs mais ni service ni prestation",
                             "row has values but no service or prestation"),
    "unknown-type": ("type d'équipement inconnu : {label!q}", "unknown equipment type {label!r}"),
    "no-category": ("pas de catégorie pour {label!q}", "no category for {label!r}"),
    "unknown-status": ("statut inconnu {word!q} : en service ou non ?",
                       "unknown status {word!r}: in use or not?"),
    "unreadable-cell.formula": ("formule sans valeur enregistrée",
                                "formula without a saved value"),
    "unreadable-cell.error": ("erreur {error} dans la cellule", "error {error} in the cell"),
    "invalid-quantity": ("la quantité {value!q} n'est pas un nombre",
                         "quantity {value!r} is not a number"),
    "invalid-quantity.ambiguous": ("la quantité {value!q} est ambiguë dans un fichier à "
                                   "virgule décimale",
                                   "quantity {value!r} is ambiguous in a file with decimal "
                                   "commas"),
    "invalid-quantity.range": ("la quantité {value} est hors limites",
                               "quantity {value} is out of range"),
    "invalid-quantity.service": ("la quantité ou le montant n'est pas un nombre positif ou nul",
                                 "quantity or amount is not a number of zero or more"),
    "invalid-quantity.no-quantity": ("pas de quantité pour {activity}",
                                     "no quantity for {activity}"),
    "negative-quantity": ("quantité négative : {value}", "negative quantity {value}"),
    "invalid-date": ("date illisible : {value!q}", "cannot read date {value!r}"),
    "date-order": ("la date de retrait est antérieure à la date d'achat",
                   "withdrawal date is before the purchase date"),
    "invalid-lifetime": ("{field} : {value!q} n'est pas une valeur valide",
                         "{field} {value!r} is not valid"),
    "invalid-lifetime.ambiguous": ("{field} : {value!q} est ambigu dans un fichier à virgule "
                                   "décimale",
                                   "{field} {value!r} is ambiguous in a file with decimal "
                                   "commas"),
    "invalid-number": ("{field} : {value!q} n'est pas une valeur valide",
                       "{field} {value!r} is not valid"),
    "invalid-number.ambiguous": ("{field} : {value!q} est ambigu dans un fichier à virgule "
                                 "décimale",
                                 "{field} {value!r} is ambiguous in a file with decimal commas"),
    "invalid-number.room-kwh": ("salle serveur {name!q} : la consommation mesurée {value!q} "
                                "(kWh) n'est pas valide",
                                "server room {name!r}: measured kWh {value!r} is not valid"),
    "invalid-pue": ("{field} : {value!q} n'est pas une valeur valide",
                    "{field} {value!r} is not valid"),
    "invalid-pue.ambiguous": ("{field} : {value!q} est ambigu dans un fichier à virgule "
                              "décimale",
                              "{field} {value!r} is ambiguous in a file with decimal commas"),
    "invalid-pue.room": ("salle serveur {name!q} : le PUE {value!q} n'est pas valide",
                         "server room {name!r}: PUE {value!r} is not valid"),
    "invalid-pue.no-name": ("salle serveur sans nom", "server room without a name"),
    "invalid-condition": ("état à l'achat inconnu : {value!q}", "unknown condition {value!r}"),
    "incomplete-power.power": ("puissance donnée sans heures d'utilisation : la consommation "
                               "par défaut de la catégorie (kWh) est utilisée",
                               "power given without hours of use: the category's default kWh "
                               "is used"),
    "incomplete-power.hours": ("heures d'utilisation données sans puissance : la consommation "
                               "par défaut de la catégorie (kWh) est utilisée",
                               "hours of use given without power: the category's default kWh "
                               "is used"),
    "unknown-country": ("pays inconnu : {value!q}", "unknown country {value!r}"),
    "no-electricity-factor": ("le jeu de facteurs n'a pas de facteur d'électricité pour le "
                              "pays {value!q}",
                              "no electricity factor for country {value!r} in the factor set"),
    # rows left out, one issue per reason
    "skipped-not-in-use": ("{rows} ligne(s) ({units:g} unité(s)) écartée(s) : statut {detail} "
                           "(lignes {at})",
                           "{rows} row(s) ({units:g} units) skipped: status {detail} "
                           "(rows {at})"),
    "skipped-hidden": ("{rows} ligne(s) ({units:g} unité(s)) masquée(s) (par un filtre ou à la "
                       "main) : laissée(s) de côté (lignes {at})",
                       "{rows} row(s) ({units:g} units) hidden (by a filter or by hand): left "
                       "out (rows {at})"),
    "section-heading": ("{rows} ligne(s) lue(s) comme titres de section : {detail} "
                        "(lignes {at})",
                        "{rows} row(s) read as section headings: {detail} (rows {at})"),
    "out-of-period": ("{rows} ligne(s) ({units:g} unité(s)) écartée(s) : {detail}, hors du parc "
                      "pendant l'année évaluée (lignes {at})",
                      "{rows} row(s) ({units:g} units) skipped: {detail}, not in the fleet "
                      "during the assessed year (rows {at})"),
    "skipped-not-physical": ("{rows} ligne(s) ({units:g} unité(s)) écartée(s) : {detail} "
                             "(lignes {at})",
                             "{rows} row(s) ({units:g} units) skipped: {detail} (rows {at})"),
    # headers and columns
    "column-ignored": ("la colonne {header!q} n'est pas utilisée",
                       "column {header!r} is not used"),
    "duplicate-column": ("les colonnes {columns} sont toutes lues comme {field} : seule {used} "
                         "est utilisée",
                         "columns {columns} are all read as {field}: {used} is used, the "
                         "others are not"),
    "merged-header": ("les cellules d'en-tête {cells} sont fusionnées : seule la colonne "
                      "{first} ({header!q}) a un en-tête, les autres sont lues sans nom",
                      "header cells {cells} are merged: only {first} ({header!r}) has a "
                      "header, the other columns are read as unnamed"),
    "column-is-status": ("la colonne {header!q} contient des statuts (en service, en stock…) : "
                         "elle est lue comme le statut",
                         "column {header!r} holds statuses (in service, in stock…): read as "
                         "the status"),
    "column-physical-state": ("la colonne {header!q} décrit l'état physique du matériel : elle "
                              "n'est pas utilisée (l'état à l'achat est neuf, reconditionné ou "
                              "réemploi)",
                              "column {header!r} is the physical state of the equipment: not "
                              "used (the acquisition condition is new, refurbished or reused)"),
    "column-physical-state.values": ("la colonne {header!q} contient des états physiques "
                                     "({values}…), pas l'état à l'achat (neuf / "
                                     "reconditionné) : elle n'est pas utilisée",
                                     "column {header!r} holds physical states ({values}…), "
                                     "not the acquisition condition (new / refurbished): not "
                                     "used"),
    "foreign-currency": ("la colonne {header!q} est en {currency} : les montants d'enrt (part "
                         "de reconditionné AGEC, ratios monétaires) sont en euros, la colonne "
                         "n'est donc pas utilisée",
                         "column {header!r} is in {currency}: enrt's spend figures (AGEC "
                         "refurbished share, monetary ratios) are in euros, so the column is "
                         "not used"),
    "glpi-class-unknown": ("le fichier ressemble à un export GLPI, mais on ne sait pas de quelle "
                           "liste (Moniteurs, Téléphones et Périphériques ont les mêmes "
                           "colonnes) : les lignes sont reconnues par leur seul Type",
                           "this looks like a GLPI export, but not which list it is "
                           "(Moniteurs, Téléphones and Périphériques have the same columns): "
                           "rows are matched by their Type alone"),
    # sheets and files
    "sheet-hidden": ("la feuille {name!q} est masquée : ses {rows} ligne(s) ({units:g} unité(s)) "
                     "sont laissées de côté",
                     "sheet {name!r} is hidden: its {rows} row(s) ({units:g} units) are left "
                     "out"),
    "sheet-restated": ("la feuille {name!q} reprend la feuille {other!q} (même quantité par "
                       "catégorie, {units:g} unités) : elle est laissée de côté pour ne pas "
                       "compter le matériel deux fois",
                       "sheet {name!r} restates sheet {other!r} (the same quantity per "
                       "category, {units:g} units): it is left out so the equipment is not "
                       "counted twice"),
    "pivot-table": ("la feuille {name!q} ressemble à un tableau croisé dynamique (un résumé "
                    "d'autres lignes) : elle est laissée de côté",
                    "sheet {name!r} looks like a pivot table (a summary of other rows): it is "
                    "left out"),
    "sheet-ignored": ("aucun tableau d'équipements ni de salles serveurs : feuille ignorée",
                      "no equipment or server-room table found; sheet ignored"),
    "sheet-ignored.mapping": ("feuille ignorée (fichier de correspondance)",
                              "sheet ignored (mapping file)"),
    "no-equipment-table": ("aucun tableau d'équipements dans ce fichier",
                           "no equipment table found in this file"),
    "invalid-bytes": ("{n} ligne(s) contiennent des octets qui ne sont pas de l'UTF-8 (lignes "
                      "{lines}) : ils s'affichent « \ufffd » et une valeur qui en contient est "
                      "rejetée",
                      "{n} line(s) hold bytes that are not UTF-8 (lines {lines}): they are "
                      "shown as '\ufffd' and a value holding one is rejected"),
    "mapping-unused": ("fichier de correspondance : {key!q} sous {section} ne correspond à "
                       "rien dans les fichiers lus",
                       "mapping file: {key!r} under {section}: matches nothing in the inputs"),
    # server rooms
    "unknown-room": ("la salle serveur {name!q} (citée sur {count} ligne(s)) ne figure sur "
                     "aucune feuille de salles serveurs : ses lignes prennent le PUE par défaut "
                     "du jeu de facteurs, quelle que soit leur catégorie",
                     "server room {name!r} (named on {count} row(s)) is not on a server-room "
                     "sheet: its rows take the factor set's default PUE, whatever their "
                     "category"),
    "room-measured": ("salle serveur {name!q} : la consommation mesurée de {kwh:g} kWh ({how}) "
                      "remplace l'estimation de {estimate:.1f} kWh",
                      "server room {name!r}: measured {kwh:g} kWh ({how}) replaces the "
                      "estimate of {estimate:.1f} kWh"),
    "room-without-equipment": ("la salle serveur {name!q} a une consommation mesurée, mais "
                               "aucune ligne d'équipement ne la cite (ou ses lignes estiment "
                               "0 kWh) : elle n'est pas comptée",
                               "server room {name!r} has a measured consumption but no "
                               "equipment row names it (or its rows estimate 0 kWh): it is not "
                               "counted"),
    # organisation, practices, services
    "invalid-organisation": ("{field} : {value!q} n'est pas un nombre entre 0 et {max:,.0f}",
                             "{field} {value!r} is not a number from 0 to {max:,.0f}"),
    "unknown-practice": ("la pratique {practice!q} n'est pas dans le référentiel de la DINUM",
                         "practice {practice!r} is not in the DINUM referential"),
    "invalid-status": ("statut inconnu : {status!q}", "unknown status {status!r}"),
    "unknown-activity": ("service ou prestation inconnu : {label!q}",
                         "unknown service or prestation {label!r}"),
    "unknown-unit": ("unité inconnue : {unit!q}", "unknown unit {unit!r}"),
    "unit-mismatch": ("{unit!q} ne convient pas à {activity}, compté en {expected}",
                      "{unit!r} does not fit {activity}, counted in {expected}"),
    # the report as a whole
    "many-groups": ("{n:,} valeurs distinctes dans la colonne {key} : le rapport liste les "
                    "{shown} plus importantes et additionne les {rest:,} autres sur une seule "
                    "ligne",
                    "{n:,} distinct {key} values: the report lists the {shown} largest and "
                    "sums the other {rest:,} in one line"),
    "not-covered": ("l'indicateur {criterion!q} n'est pas couvert pour : {categories} ; ses "
                    "totaux les laissent de côté",
                    "criterion {criterion!r} is not covered for: {categories}; its totals "
                    "leave them out"),
    "snapshot-method": ("la méthode numecoeval est une photographie : chaque équipement porte "
                        "chaque année sa fabrication divisée par son âge, si bien que des "
                        "rapports annuels additionnés comptent plus que la fabrication (environ "
                        "2,6 fois pour un portable acheté en milieu d'année et gardé 5 ans)",
                        "method numecoeval is a snapshot: each device is charged its embodied "
                        "impact divided by its age, every year, so yearly reports added up "
                        "charge more than the embodied impact (about 2.6 times for a laptop "
                        "bought mid-year and kept 5 years)"),
    "fully-amortised": ("{n:g} équipement(s) ont dépassé leur durée de vie : aucune part de "
                        "fabrication n'est comptée pour eux cette année (leur utilisation reste "
                        "comptée)",
                        "{n:g} device(s) are past their lifetime: no manufacture share is "
                        "counted for them this year (they still count for use)"),
    "organisations-differ": ("les {n} fichiers sont des organisations différentes : les "
                             "chiffres par agent sont donnés par fichier (by_input), pas pour "
                             "l'ensemble",
                             "the {n} inputs are different organisations: per-agent figures "
                             "are given per input (by_input), not for the whole"),
    "missing-organisation": ("{what} non renseigné(s) : les indicateurs qui en dépendent ne "
                             "sont pas calculés",
                             "{what} not given: the indicators that need them are not "
                             "computed"),
    "empty-input": ("aucune ligne d'équipement n'a été évaluée", "no equipment row was assessed"),
    "nothing-in-use": ("aucune ligne de ce fichier n'est en service en {year} : {skipped}",
                       "no row of this input is in use in {year}: {skipped}"),
    "nothing-assessed": ("rien n'a pu être évalué dans ce fichier ({read} ligne(s) lue(s), "
                         "{rejected} rejetée(s))",
                         "nothing could be assessed in this input ({read} row(s) read, "
                         "{rejected} rejected)"),
}

# ---------------------------------------------------------------------------------------
# hints: id -> (French, English). An issue takes the hint of its message id unless told
# otherwise; the "type.*" hints say why an equipment label was not recognised.
HINTS: dict[str, tuple[str, str]] = {
    "missing-type": ("indiquez le type d'équipement, ou supprimez la ligne",
                     "fill in the equipment type, or delete the row"),
    "missing-type.service": ("nommez le service (par exemple VM, Stockage, Données mobiles, "
                             "TMA, Télécom)",
                             "name the service (e.g. VM, Stockage, Données mobiles, TMA, "
                             "Télécom)"),
    "unknown-status": ("associez le mot à un sens sous « statuses: » dans un fichier de "
                       "correspondance (enrt map), par exemple 'Affecté DGS: in_use', "
                       "'Au rebut: disposed' ou 'Loan pool: stock'",
                       "map the word under 'statuses:' in a mapping file (enrt map), e.g. "
                       "'Affecté DGS: in_use', 'Au rebut: disposed' or 'Loan pool: stock'"),
    "unreadable-cell.formula": ("recalculez et enregistrez le fichier dans Excel ou "
                                "LibreOffice",
                                "recalculate and save the file in Excel or LibreOffice"),
    "unreadable-cell.error": ("corrigez la formule qui donne {error}, puis recalculez et "
                              "enregistrez le fichier dans Excel ou LibreOffice",
                              "correct the formula giving {error}, then recalculate and save "
                              "the file in Excel or LibreOffice"),
    "ambiguous-decimal": ("le fichier écrit les décimales avec une virgule, donc « 1.234 » peut "
                          "valoir 1234 ou 1,234 : écrivez 1234 (milliers sans séparateur) ou "
                          "1,234",
                          "the file writes decimals with a comma, so '1.234' may be 1234 or "
                          "1,234: write 1234 (thousands without a separator) or 1,234"),
    "invalid-quantity": ("écrivez la quantité en chiffres, par exemple 10",
                         "write the quantity in digits, e.g. 10"),
    "invalid-quantity.range": ("une ligne compte de 0 à {max:,.0f} unités",
                               "a row holds 0 to {max:,.0f} units"),
    "invalid-quantity.service": ("écrivez-la en chiffres", "write it in digits"),
    "invalid-quantity.no-quantity": ("donnez une quantité en {expected}",
                                     "give a quantity in {expected}"),
    "invalid-quantity.no-quantity-amount": ("donnez une quantité en {expected} ou un montant "
                                            "en €",
                                            "give a quantity in {expected} or an amount in €"),
    "negative-quantity": ("les quantités sont positives ou nulles",
                          "quantities must be zero or more"),
    "invalid-date": ("écrivez les dates au format jj/mm/aaaa (ou une année, par exemple 2021), "
                     "entre 1980 et 2100",
                     "write dates as dd/mm/yyyy (or a year, e.g. 2021), between 1980 and 2100"),
    "date-order": ("vérifiez les deux dates", "check both dates"),
    "number.lifetime": ("indiquez la durée de vie en années, de 1 mois (0,083) à 50",
                        "give the lifetime in years, from 1 month (0.083) to 50"),
    "number.lifetime_months": ("indiquez la durée de vie en mois, de 1 à 600",
                               "give the lifetime in months, from 1 to 600"),
    "number.previous_life": ("indiquez les années d'usage avant l'achat, de 0 à 50",
                             "give the years of use before purchase, 0 to 50"),
    "number.pue": ("indiquez un PUE entre 1 et 5, ou laissez vide pour prendre le PUE de la "
                   "salle serveur",
                   "give a PUE between 1 and 5, or leave it blank for the server room's PUE"),
    "number.unit_price": ("indiquez le prix unitaire en euros, par exemple 899 ou 899,90",
                          "give the unit price in euros, e.g. 899 or 899,90"),
    "number.amount": ("indiquez le montant de la ligne en euros",
                      "give the line's amount in euros"),
    "number.range": ("écrivez un nombre entre 0 et {hi:g}", "write a number between 0 and {hi:g}"),
    "invalid-condition": ("écrivez neuf / reconditionné / réemploi / réaffecté",
                          "write neuf / reconditionné / réemploi / réaffecté (new / refurbished "
                          "/ reused / reassigned)"),
    "incomplete-power.power": ("ajoutez une colonne « Heures par an » ou « Heures par jour », "
                               "ou indiquez les kWh par an",
                               "add an 'Heures par an' or 'Heures par jour' column, or give "
                               "kWh per year"),
    "incomplete-power.hours": ("ajoutez une colonne « Puissance (W) », ou indiquez les kWh par "
                               "an",
                               "add a 'Puissance (W)' column, or give kWh per year"),
    "unknown-country": ("écrivez un code ISO 3166 (FRA, DEU) ou un nom de pays",
                        "write an ISO 3166 code (FRA, DEU) or a country name"),
    "no-electricity-factor": ("prenez un jeu de facteurs qui a ce pays (--factors), ou laissez "
                              "le pays vide pour le pays par défaut",
                              "use a factor set with that country (--factors), or leave the "
                              "country blank for the default"),
    # why an equipment label was not recognised
    "type.too-long": ("un type de {n:,} caractères n'est pas un type d'équipement",
                      "a type of {n:,} characters is not an equipment type"),
    "type.ambiguous-word": ("libellé ambigu : il peut désigner {readings} ; écrivez le type "
                            "d'équipement en entier",
                            "ambiguous label: it can mean {readings}; write the equipment type "
                            "in full"),
    "type.ambiguous-alias": ("libellé ambigu, peut-être {names} : précisez le type "
                             "d'équipement",
                             "ambiguous label, could be {names}: write the equipment type more "
                             "precisely"),
    "type.no-category": ("le jeu de facteurs n'a pas de catégorie pour {what} : laissez la "
                         "ligne de côté, ou ajoutez la catégorie à votre propre jeu de facteurs "
                         "(--factors)",
                         "the factor set has no category for a {what}: leave it out, or add "
                         "the category to your own factor set (--factors)"),
    "type.too-many": ("pas de suggestion : plus de {max:,} libellés inconnus différents (la "
                      "colonne du type est-elle la bonne ? « enrt map » montre ce qui a été "
                      "lu)",
                      "no suggestion: more than {max:,} distinct unknown labels (is the type "
                      "column the right one? 'enrt map' shows what was read)"),
    "type.did-you-mean": ("vouliez-vous dire {alias!q} ({category}) ?",
                          "did you mean {alias!r} ({category})?"),
    "type.unknown": ("utilisez un type d'équipement listé par « enrt factors show » (alias), "
                     "ou associez le libellé à une catégorie dans un fichier de correspondance "
                     "(enrt map)",
                     "use an equipment type listed by 'enrt factors show' (aliases), or map "
                     "the label to a category in a mapping file (enrt map)"),
    "type.glpi-item": ("le type d'élément GLPI {item!q} n'a pas de catégorie dans enrt",
                       "GLPI item type {item!r} has no category in enrt"),
    "type.virtual": ("une machine virtuelle n'est pas un équipement physique",
                     "a virtual machine is not a physical device"),
    "type.glpi": ("GLPI, {what} : {said} ; renseignez le Type dans GLPI ou associez le libellé "
                  "dans un fichier de correspondance (enrt map)",
                  "GLPI {what}: {said}; set the Type in GLPI or map the label in a mapping "
                  "file (enrt map)"),
    # rows left out
    "skipped-not-in-use": ("le matériel qui n'est pas en service n'entre pas dans l'empreinte "
                           "de l'année ; --count-stock compte le stock, un fichier de "
                           "correspondance (statuses:) change le sens d'un mot",
                           "equipment not in use is not in the year's footprint; --count-stock "
                           "counts stock, a mapping file (statuses:) changes what a word "
                           "means"),
    "skipped-hidden": ("affichez les lignes dans le tableur pour les vérifier, ou donnez "
                       "--include-hidden pour compter les lignes et feuilles masquées",
                       "show the rows in the spreadsheet to check them, or give "
                       "--include-hidden to count hidden rows and sheets"),
    "section-heading": ("un libellé seul, sans autre valeur, est un titre ; donnez-lui une "
                        "quantité s'il s'agit d'un équipement",
                        "a lone label with no other value is a heading; give it a quantity if "
                        "it is equipment"),
    "out-of-period": ("évaluez une autre année avec --year pour les compter",
                      "assess another year with --year to count them"),
    "skipped-not-physical": ("leur empreinte est dans l'hébergement (feuille des services), pas "
                             "dans le parc",
                             "their footprint is in the hosting (services sheet), not the "
                             "fleet"),
    # headers and columns
    "column-ignored": ("renommez l'en-tête s'il contient un champ connu d'enrt (« enrt map » "
                       "liste les champs ; un fichier de correspondance peut le nommer)",
                       "rename the header if it holds a field enrt knows ('enrt map' lists the "
                       "fields; a mapping file can name it)"),
    "duplicate-column": ("renommez ou supprimez les colonnes en trop, ou indiquez laquelle est "
                         "laquelle dans un fichier de correspondance (headers:)",
                         "rename or delete the extra columns, or say which is which in a "
                         "mapping file (headers:)"),
    "merged-header": ("défusionnez les cellules d'en-tête et donnez à chaque colonne son propre "
                      "en-tête",
                      "unmerge the header cells and give each column its own header"),
    "column-physical-state.values": ("intitulez la colonne neuf / reconditionné « État à "
                                     "l'achat » ou « Provenance »",
                                     "name the new/refurbished column 'État à l'achat' or "
                                     "'Provenance'"),
    "foreign-currency": ("convertissez les prix en euros (HT) dans une colonne intitulée « Prix "
                         "unitaire (€) »",
                         "convert the prices to euros (ex. VAT) in a column headed 'Prix "
                         "unitaire (€)'"),
    "glpi-class-unknown": ("exportez chaque liste dans un fichier à son nom (par exemple "
                           "glpi-moniteurs.csv), ou déclarez la feuille glpi_monitor, "
                           "glpi_phone… sous « sheets: » dans un fichier de correspondance",
                           "export each list to a file named after it (e.g. "
                           "glpi-moniteurs.csv), or set the sheet to glpi_monitor, glpi_phone… "
                           "under 'sheets:' in a mapping file"),
    # sheets and files
    "sheet-hidden": ("affichez la feuille dans le tableur, ou donnez --include-hidden pour "
                     "compter les feuilles et lignes masquées",
                     "show the sheet in the spreadsheet, or give --include-hidden to count "
                     "hidden sheets and rows"),
    "sheet-restated": ("si les deux feuilles listent des équipements différents, indiquez-le "
                       "dans un fichier de correspondance (sheets: {{{name!r}: equipment}})",
                       "if both sheets list different equipment, say so in a mapping file "
                       "(sheets: {{{name!r}: equipment}})"),
    "pivot-table": ("enrt lit les lignes de détail ; si vous n'avez que ce résumé, donnez une "
                    "ligne par type d'équipement avec une colonne « Quantité »",
                    "enrt reads the detail rows; if this summary is all you have, give one row "
                    "per equipment type with a 'Quantité' column"),
    "sheet-ignored": ("un tableau d'équipements a besoin d'une ligne d'en-tête avec une colonne "
                      "de type (par exemple « Type d'équipement ») et une autre colonne connue "
                      "(par exemple « Quantité »)",
                      "an equipment table needs a header row with a type column (e.g. 'Type "
                      "d'équipement') and another known column (e.g. 'Quantité')"),
    "no-equipment-table": ("le tableau a besoin d'une ligne d'en-tête avec une colonne de type "
                           "(par exemple « Type d'équipement ») et une autre colonne connue "
                           "(par exemple « Quantité »), dans ses 30 premières lignes",
                           "the table needs a header row with a type column (e.g. 'Type "
                           "d'équipement') and another known column (e.g. 'Quantité'), within "
                           "its first 30 rows"),
    "invalid-bytes": ("enregistrez de nouveau le fichier en « CSV UTF-8 », ou corrigez ces "
                      "cellules",
                      "save the file again as 'CSV UTF-8', or correct those cells"),
    "mapping-unused": ("vérifiez l'orthographe par rapport à l'inventaire (enrt map écrit les "
                       "clés telles quelles)",
                       "check the spelling against the inventory (enrt map writes the keys as "
                       "they are)"),
    # server rooms
    "invalid-pue.room": ("donnez un nom à la salle et un PUE entre {lo:g} et {hi:g} (1,93 est "
                         "la moyenne ADEME 2025 des salles serveurs des collectivités)",
                         "give the room a name and a PUE between {lo:g} and {hi:g} (1.93 is the "
                         "ADEME 2025 average for public local server rooms)"),
    "invalid-number.room-kwh": ("écrivez en chiffres la consommation annuelle en kWh",
                                "write the yearly kWh in digits"),
    "unknown-room": ("ajoutez la salle et son PUE sur une feuille avec les colonnes « Salle "
                     "serveur » et « PUE »",
                     "add the room with its PUE on a sheet with columns 'Salle serveur' and "
                     "'PUE'"),
    "room-without-equipment": ("citez la salle sur les lignes des équipements qu'elle héberge",
                               "name the room on the rows of the equipment it holds"),
    # organisation, practices, services
    "invalid-organisation": ("écrivez la valeur ({field}) en chiffres",
                             "write the {field} in digits"),
    "unknown-practice": ("utilisez les identifiants a.1 … i.8 du guide de la DINUM (voir « enrt "
                         "template », feuille Bonnes pratiques)",
                         "use the ids a.1 … i.8 of the DINUM guide (see 'enrt template', sheet "
                         "Bonnes pratiques)"),
    "invalid-status": ("écrivez fait, en cours, prévu, non ou non applicable",
                       "write fait, en cours, prévu, non or non applicable"),
    "unknown-activity": ("utilisez un service listé par « enrt factors show » (services et "
                         "prestations)",
                         "use a service listed by 'enrt factors show' (services and "
                         "prestations)"),
    "unknown-unit": ("{activity} se compte en {expected}", "{activity} is counted in {expected}"),
    "unit-mismatch": ("donnez la quantité en {expected}", "give the quantity in {expected}"),
    # the report as a whole
    "many-groups": ("la colonne {key} est-elle la bonne ? (un numéro de série ou une adresse "
                    "lus comme site donnent une ligne de rapport par ligne d'inventaire)",
                    "is the {key} column the right one? (a serial number or an address read as "
                    "a site gives one line per row)"),
    "not-covered": ("prenez un jeu de facteurs qui donne {criterion!q} pour ces catégories "
                    "afin de les inclure",
                    "use a factor set that gives {criterion!r} for these categories to include "
                    "them"),
    "snapshot-method": ("utilisez la méthode par défaut (linear) pour comparer des années ou "
                        "additionner des rapports",
                        "use the default method (linear) to compare years or to add reports "
                        "up"),
    "organisations-differ": ("donnez --agents N pour l'ensemble (par exemple "
                             "l'intercommunalité) pour les obtenir sur le total",
                             "give --agents N for the whole (e.g. the intercommunalité) to get "
                             "them for the total"),
    "missing-organisation": ("ajoutez une feuille « Organisation » (Nombre d'agents, "
                             "Population) ou donnez --agents N --population N",
                             "add an 'Organisation' sheet (Nombre d'agents, Population) or give "
                             "--agents N --population N"),
    "empty-input": ("vérifiez que l'inventaire a une ligne d'en-tête avec une colonne de type "
                    "d'équipement",
                    "check that the inventory has a header row with an equipment type column"),
    "nothing-in-use": ("vérifiez les statuts, les filtres et les dates ; --count-stock et "
                       "--include-hidden comptent le stock et les lignes masquées",
                       "check the statuses, filters and dates; --count-stock or "
                       "--include-hidden count stock and hidden rows"),
    "nothing-assessed": ("voyez les autres points de ce fichier ; « enrt map » montre ce "
                         "qu'enrt en a compris",
                         "see the other issues of this file; 'enrt map' shows what enrt "
                         "understood of it"),
}

# ---------------------------------------------------------------------------------------
# terms: words and phrases put into messages and hints (field names, reasons, readings)
TERMS: dict[str, tuple[str, str]] = {
    # numeric fields of an equipment row
    "field.lifetime": ("durée de vie", "lifetime"),
    "field.lifetime_months": ("durée de vie (mois)", "lifetime months"),
    "field.previous_life": ("usage avant l'achat", "previous life"),
    "field.pue": ("PUE", "pue"),
    "field.unit_price": ("prix unitaire", "unit price"),
    "field.amount": ("montant", "amount"),
    "field.annual_kwh": ("consommation annuelle (kWh)", "annual kwh"),
    "field.power_w": ("puissance (W)", "power w"),
    "field.hours_per_year": ("heures par an", "hours per year"),
    "field.hours_per_day": ("heures par jour", "hours per day"),
    # what a status word means when the equipment is not in use
    "status.stock": ("en stock, pas en service", "in stock, not in use"),
    "status.out_of_service": ("hors service", "out of service"),
    "status.retired": ("réformé", "retired"),
    "status.disposed": ("mis au rebut", "disposed of"),
    "status.lost": ("perdu ou volé", "lost or stolen"),
    # the detail of a skip issue
    "skip.status": ("{word} ({meaning})", "{word} ({meaning})"),
    "skip.withdrawn-before": ("retiré avant {year}", "withdrawn before {year}"),
    "skip.purchased-after": ("acheté après {year}", "purchased after {year}"),
    "skip.not-physical": ("machines virtuelles, licences et autres éléments qui ne sont pas des "
                          "équipements",
                          "virtual machines, licences and other items that are not devices"),
    "skip.count": ("{reason} ({n})", "{n} {reason}"),
    # why rows were skipped (the keys of inputs[].skipped in the report)
    "reason.blank": ("lignes vides", "blank"),
    "reason.total": ("totaux", "total"),
    "reason.heading": ("titres", "heading"),
    "reason.not_in_use": ("pas en service", "not in use"),
    "reason.hidden": ("masquées", "hidden"),
    "reason.hidden_sheet": ("sur une feuille masquée", "hidden sheet"),
    "reason.out_of_period": ("hors de l'année", "out of period"),
    "reason.not_physical": ("non physiques (VM, licences)", "not physical"),
    "reason.restated": ("sur une feuille récapitulative", "restated"),
    # equipment no factor set category covers (the article is the template's in English)
    "no-category.ups": ("un onduleur", "UPS"),
    "no-category.camera": ("une caméra autre qu'une caméra réseau (écrivez « caméra IP » pour "
                           "celle-ci)",
                           "camera other than a network one (write 'caméra IP' for that)"),
    "no-category.keyboard": ("un clavier ou une souris", "keyboard or mouse"),
    "no-category.headset": ("un casque ou une enceinte", "headset or speaker"),
    "no-category.scanner": ("un scanner", "scanner"),
    "no-category.badge-reader": ("une badgeuse ou un terminal de paiement",
                                 "badge reader or payment terminal"),
    "no-category.thin-client": ("un client léger", "thin client"),
    "no-category.accessory": ("un accessoire", "accessory"),
    "no-category.radio": ("une radio ou un GPS", "radio or GPS"),
    # the readings of a bare ambiguous word
    "reading.portable": ("un ordinateur portable (« PC portable ») ou un téléphone mobile "
                         "(« téléphone portable »)",
                         "a laptop ('PC portable') or a mobile phone ('téléphone portable')"),
    "reading.portables": ("des ordinateurs portables (« PC portables ») ou des téléphones "
                          "mobiles (« téléphones portables »)",
                          "laptops ('PC portables') or mobile phones ('téléphones "
                          "portables')"),
    "reading.poste": ("un poste de travail (« poste fixe », « poste portable ») ou un téléphone "
                      "(« poste téléphonique »)",
                      "a workstation ('poste fixe', 'poste portable') or a phone ('poste "
                      "téléphonique')"),
    "reading.postes": ("des postes de travail (« postes fixes ») ou des téléphones (« postes "
                       "téléphoniques »)",
                       "workstations ('postes fixes') or phones ('postes téléphoniques')"),
    "reading.terminal": ("un ordinateur, un téléphone ou un terminal de paiement",
                         "a computer, a phone or a payment terminal"),
    # GLPI asset classes and what a GLPI row says
    "glpi-class.computer": ("ordinateur", "computer"),
    "glpi-class.monitor": ("moniteur", "monitor"),
    "glpi-class.network": ("matériel réseau", "network"),
    "glpi-class.phone": ("téléphone", "phone"),
    "glpi-class.printer": ("imprimante", "printer"),
    "glpi-class.peripheral": ("périphérique", "peripheral"),
    "glpi-class.passive": ("équipement passif", "passive"),
    "glpi.typed": ("{cls} de type {subtype!q}", "{cls} type {subtype!r}"),
    "glpi.untyped": ("{cls} sans type", "{cls} without a type"),
    "glpi.no-category": ("pas de catégorie pour cet élément", "no category for it"),
    # report groupings and organisation figures
    "group.entity": ("service", "entity"),
    "group.site": ("site", "site"),
    "group.project": ("projet", "project"),
    "org.agents": ("nombre d'agents", "agents"),
    "org.population": ("population", "population"),
    "org.households": ("nombre de ménages", "households"),
    # how a server room's consumption was measured
    "meter.facility": ("compteur du local", "facility meter"),
    "meter.it": ("compteur informatique x PUE {pue:g}", "IT meter x PUE {pue:g}"),
}
