"""The words of the message catalogue: issue messages, hints, terms, errors and their
hints, each id -> (French, English). ``enrt.messages`` formats them; keeping the data
apart keeps the formatting code readable."""
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

# ---------------------------------------------------------------------------------------
# errors (enrt.errors: a run that cannot go on): id -> (French, English), and their hints
ERRORS: dict[str, tuple[str, str]] = {
    # factor sets
    "factors.not-a-ref": ("un jeu de facteurs se désigne par un id ou un chemin, pas par {ref}",
                          "a factor set is named by an id or a path, not {ref}"),
    "factors.nul": ("l'id ou le chemin d'un jeu de facteurs ne peut pas contenir de caractère "
                    "NUL", "a factor set id or path cannot hold a NUL character"),
    "factors.not-found": ("fichier de jeu de facteurs introuvable : {path}",
                          "factor set file not found: {path}"),
    "factors.id-with-separator": ("{ref!q} n'est pas un fichier, et un id de jeu de facteurs ne "
                                  "peut pas contenir '/', '\\' ou '..' : un id est un nom, pas "
                                  "un chemin",
                                  "{ref!r} is not a file, and a factor set id cannot hold '/', "
                                  "'\\' or '..': ids are names, not paths"),
    "factors.unknown": ("jeu de facteurs inconnu : {ref!q}", "unknown factor set {ref!r}"),
    "factors.invalid": ("jeu de facteurs non valide : {path} : {problem}",
                        "invalid factor set: {path}: {problem}"),
    "factors.unreadable": ("impossible de lire le jeu de facteurs : {reason}",
                           "cannot read factor set: {reason}"),
    "factors.not-utf8": ("le jeu de facteurs n'est pas du texte UTF-8",
                         "factor set is not UTF-8 text"),
    "factors.extends-depth": ("trop de niveaux de `extends` (une boucle ?)",
                              "too many levels of `extends` (a cycle?)"),
    "factors.overlay-id": ("une surcouche doit donner ses propres {missing}",
                           "an overlay must give its own {missing}"),
    "factors.extends-type": ("`extends` doit être l'id ou le chemin d'un jeu de facteurs",
                             "`extends` must be the id or the path of a factor set"),
    "factors.max-bytes": ("{var}={value!r} n'est pas un nombre d'octets",
                          "{var}={value!r} is not a number of bytes"),
    # options
    "usage.no-input": ("aucun fichier d'inventaire donné", "no inventory file given"),
    "usage.method": ("méthode inconnue : {method!q}", "unknown method {method!r}"),
    "usage.second-life": ("règle de seconde vie inconnue : {rule!q}",
                          "unknown second-life rule {rule!r}"),
    "usage.same-path": ("le même inventaire est donné deux fois : {first} et {second}",
                        "the same inventory is given twice: {first} and {second}"),
    "usage.same-content": ("le même inventaire est donné deux fois : {second} a le même contenu "
                           "que {first}",
                           "the same inventory is given twice: {second} has the same content "
                           "as {first}"),
    "usage.year": ("l'année {year} est hors limites", "year {year} is out of range"),
    "usage.country": ("pays inconnu : {country!q}", "unknown country {country!r}"),
    "usage.no-electricity": ("le jeu de facteurs n'a pas de facteur d'électricité pour {code}",
                             "the factor set has no electricity factor for {code}"),
    "usage.mapping-categories": ("le fichier de correspondance cite des catégories inconnues : "
                                 "{categories}",
                                 "mapping file names unknown categories: {categories}"),
    "usage.territory-scope": ("périmètre de territoire inconnu : {scope!q}",
                              "unknown territory scope {scope!r}"),
    # mapping files
    "mapping.unreadable": ("impossible de lire le fichier de correspondance : {reason}",
                           "cannot read mapping file: {reason}"),
    "mapping.yaml": ("le fichier de correspondance n'est pas du YAML valide : {problem}",
                     "mapping file is not valid YAML: {problem}"),
    "mapping.not-a-mapping": ("le fichier de correspondance doit être un dictionnaire YAML "
                              "(headers:, labels:, statuses:, sheets:)",
                              "mapping file must be a YAML mapping (headers:, labels:, "
                              "statuses:, sheets:)"),
    "mapping.invalid": ("fichier de correspondance : {where} : {problem}",
                        "mapping file: {where}: {problem}"),
    # inventory files
    "input.not-found": ("fichier d'inventaire introuvable", "input file not found"),
    "input.not-a-file": ("ce n'est pas un fichier ordinaire (un dossier, un périphérique ou un "
                         "tube)",
                         "input is not a regular file (a folder, a device or a pipe)"),
    "input.xlsb": ("les classeurs binaires (.xlsb) ne sont pas lus : leur taille ne peut pas "
                   "être vérifiée avant de les charger",
                   "binary workbooks (.xlsb) are not read: their extent cannot be checked "
                   "before they are loaded"),
    "input.file-type": ("type de fichier non pris en charge : {suffix!q}",
                        "unsupported file type {suffix!r}"),
    "input.workbook": ("impossible de lire le classeur : {problem}",
                       "cannot read workbook: {problem}"),
    "input.workbook-cell": ("impossible de lire le classeur : {problem} ; {kind} : {detail}",
                            "cannot read workbook: {problem}; {kind}: {detail}"),
    "input.damaged": ("le classeur est endommagé ({problem})",
                      "the workbook is damaged ({problem})"),
    "input.shared-strings": ("les textes partagés du classeur occupent {size:,} octets une fois "
                             "décompressés (limite {limit:,})",
                             "the workbook's shared strings inflate to {size:,} bytes (limit "
                             "{limit:,})"),
    "input.xml-part": ("{part} occupe {size:,} octets une fois décompressé (limite {limit:,})",
                       "{part} inflates to {size:,} bytes (limit {limit:,})"),
    "input.extent": ("la feuille {sheet_name!q} va jusqu'à la cellule {far} : la lire "
                     "demanderait {cells:,} cellules (limite {limit:,})",
                     "sheet {sheet_name!r} reaches cell {far}: reading it would take {cells:,} "
                     "cells (limit {limit:,})"),
    "input.budget": ("{name} doit être un nombre entier", "{name} must be a whole number"),
    "input.open-quote": ("un guillemet ouvert à la ligne {line} n'est pas fermé : la cellule "
                         "s'étend sur {lines} lignes",
                         "a quote opened on line {line} is not closed: the cell runs over "
                         "{lines} lines"),
    "input.csv": ("impossible de lire le CSV : {problem}", "cannot read CSV: {problem}"),
    "input.long-line": ("une ligne dépasse {limit:,} octets (vers la ligne {line})",
                        "a line is longer than {limit:,} bytes (near line {line})"),
    "input.encoding": ("impossible de reconnaître l'encodage de ce CSV : ce n'est pas de "
                       "l'UTF-8, et aucune page de code Windows, Mac ou DOS ne le lit comme du "
                       "texte français",
                       "cannot tell the encoding of this CSV: it is not UTF-8, and no Windows, "
                       "Mac or DOS code page reads it as French text"),
    # writing the report
    "output.cannot-write": ("impossible d'écrire {path} : {reason}",
                            "cannot write {path}: {reason}"),
    "output.is-input": ("le chemin de sortie est un fichier d'entrée : {path}{same}",
                        "the output path is an input: {path}{same}"),
    "output.empty": ("le chemin de sortie est vide", "the output path is empty"),
    "output.folder": ("le chemin de sortie est un dossier : {path}",
                      "output path is a folder: {path}"),
    "output.no-folder": ("le dossier de sortie n'existe pas : {folder}",
                         "output folder does not exist: {folder}"),
    # the command line and the report formats
    "cli.internal": ("erreur interne : {kind} : {detail}", "internal error: {kind}: {detail}"),
    "usage.lang": ("langue inconnue : {lang!q}", "unknown language {lang!r}"),
    "usage.format": ("format inconnu : {format!q}", "unknown format {format!r}"),
    "usage.format-from-path": ("impossible de déduire le format du rapport de {path!q}",
                               "cannot tell the report format from {path!r}"),
    "usage.binary-to-terminal": ("un rapport {format} est un fichier binaire, pas pour le "
                                 "terminal",
                                 "a {format} report is a binary file, not for the terminal"),
    "usage.template-suffix": ("le modèle est un classeur Excel : {path!q} ne se termine pas par "
                              ".xlsx",
                              "the template is an Excel workbook: {path!r} does not end in "
                              ".xlsx"),
    "usage.weasyprint": ("le rapport PDF a besoin de WeasyPrint",
                         "the PDF report needs WeasyPrint"),
    "usage.weasyprint-libs": ("WeasyPrint ne peut pas charger ses bibliothèques système : "
                              "{problem}",
                              "WeasyPrint cannot load its system libraries: {problem}"),
    # enrt batch
    "batch.empty-folder": ("aucun fichier d'inventaire (.xlsx, .xlsm, .ods, .csv) dans {folder}",
                           "no inventory file (.xlsx, .xlsm, .ods, .csv) in {folder}"),
    "batch.memory": ("mémoire insuffisante pour lire cet inventaire",
                     "not enough memory to read this inventory"),
    "batch.dask": ("--scheduler a besoin de Dask distributed",
                   "--scheduler needs Dask distributed"),
    "batch.scheduler": ("impossible de joindre l'ordonnanceur Dask {scheduler} : {problem}",
                        "cannot reach the Dask scheduler {scheduler}: {problem}"),
    "batch.jobs": ("--jobs {jobs} : il faut au moins 1", "--jobs {jobs}: at least 1 is needed"),
    "batch.output-is-file": ("-o {path} est un fichier : enrt batch écrit un dossier de "
                             "rapports", "-o {path} is a file: enrt batch writes a folder of "
                             "reports"),
    "batch.format": ("enrt batch n'écrit pas le format {format} (un rapport par commune)",
                     "enrt batch does not write the {format} format (one report per commune)"),
    "batch.interrupted": ("interrompu : {done} commune(s) sur {total} terminée(s)",
                          "interrupted: {done} of {total} commune(s) done"),
}

ERROR_HINTS: dict[str, tuple[str, str]] = {
    "factors.not-a-ref": ("donnez l'id d'un jeu fourni ({ids}) ou le chemin d'un fichier YAML",
                          "give a shipped set id ({ids}) or the path of a YAML file"),
    "factors.nul": ("donnez l'id d'un jeu fourni ou le chemin d'un fichier YAML",
                    "give a shipped set id or the path of a YAML file"),
    "factors.not-found": ("vérifiez le chemin, ou donnez l'id d'un jeu fourni : {ids}",
                          "check the path, or give a shipped set id: {ids}"),
    "factors.id-with-separator": ("donnez le chemin d'un fichier .yaml, ou un id listé par "
                                  "`enrt factors list` ({ids})",
                                  "give the path of a .yaml file, or an id listed by `enrt "
                                  "factors list` ({ids})"),
    "factors.unknown": ("jeux fournis : {ids} ; ou donnez le chemin d'un fichier YAML",
                        "shipped sets: {ids}; or pass the path of a YAML file"),
    "factors.invalid": ("{fix}", "{fix}"),
    "factors.extends-depth": ("une surcouche devrait étendre un jeu complet",
                              "an overlay should extend a complete set"),
    "factors.overlay-id": ("ajoutez id: et version: pour que les rapports disent quel jeu a "
                           "été utilisé",
                           "add id: and version: so reports say which set was used"),
    "factors.extends-type": ("par exemple extends: {default}", "e.g. extends: {default}"),
    "factors.max-bytes": ("donnez un nombre entier d'octets, par exemple {default}, ou retirez "
                          "la variable",
                          "give a whole number of bytes, e.g. {default}, or unset it"),
    "usage.no-input": ("enrt assess inventaire.xlsx", "enrt assess inventaire.xlsx"),
    "usage.method": ("utilisez {choices}", "use {choices}"),
    "usage.second-life": ("utilisez {choices}", "use {choices}"),
    "usage.same-path": ("donnez chaque fichier une seule fois (vérifiez les motifs du shell qui "
                        "se recoupent)",
                        "give each file once (check overlapping shell patterns)"),
    "usage.same-content": ("donnez chaque fichier une seule fois ; une copie compterait deux "
                           "fois le même matériel",
                           "give each file once; a copy would count the same equipment twice"),
    "usage.year": ("donnez une année comme 2025", "give a year such as 2025"),
    "usage.country": ("donnez un code ISO 3166, par exemple --country GBR",
                      "give an ISO 3166 code, e.g. --country GBR"),
    "usage.no-electricity": ("prenez un jeu de facteurs qui couvre ce pays (--factors)",
                             "use a factor set that covers the country (--factors)"),
    "usage.mapping-categories": ("utilisez les ids de catégorie listés par « enrt factors "
                                 "show » (laptop, desktop, monitor…)",
                                 "use category ids listed by 'enrt factors show' (laptop, "
                                 "desktop, monitor…)"),
    "usage.territory-scope": ("périmètres de ce jeu de facteurs : {scopes}",
                              "scopes of this factor set: {scopes}"),
    "mapping.unreadable": ("donnez le chemin d'un fichier écrit par « enrt map »",
                           "give the path of a file written by 'enrt map'"),
    "mapping.yaml": ("vérifiez l'indentation et les guillemets",
                     "check the indentation and quotes"),
    "mapping.not-a-mapping": ("partez de « enrt map INVENTAIRE »",
                              "start from 'enrt map INVENTAIRE'"),
    "mapping.invalid": ("voyez « enrt schema mapping » pour le format",
                        "see 'enrt schema mapping' for the format"),
    "input.not-found": ("vérifiez le chemin ; les inventaires sont des fichiers .xlsx, .xlsm, "
                        ".ods ou .csv",
                        "check the path; inputs are .xlsx, .xlsm, .ods or .csv files"),
    "input.not-a-file": ("donnez le chemin d'un fichier .xlsx, .ods ou .csv",
                         "give the path of an .xlsx, .ods or .csv file"),
    "input.xlsb": ("enregistrez le fichier en .xlsx (Excel : Fichier > Enregistrer sous > "
                   "Classeur Excel)",
                   "save the file as .xlsx (Excel: File > Save as > Excel Workbook)"),
    "input.file-type": ("enregistrez l'inventaire en .xlsx, .ods ou .csv",
                        "save the inventory as .xlsx, .ods or .csv"),
    "input.workbook": ("ouvrez-le dans un tableur et enregistrez-le de nouveau en .xlsx",
                       "open it in a spreadsheet program and save it again as .xlsx"),
    "input.workbook-protected": ("le fichier est peut-être endommagé ou protégé ; "
                                 "enregistrez-le de nouveau en .xlsx",
                                 "the file may be damaged or protected; save it again as "
                                 ".xlsx"),
    "input.workbook-cell": ("le fichier est endommagé : ouvrez-le dans un tableur et "
                            "enregistrez-le de nouveau en .xlsx",
                            "the file is damaged: open it in a spreadsheet program and save it "
                            "again as .xlsx"),
    "input.damaged": ("ouvrez-le dans un tableur et enregistrez-le de nouveau",
                      "open it in a spreadsheet program and save it again"),
    "input.shared-strings": ("une cellule contient un texte énorme : supprimez-le, ou "
                             "enregistrez la feuille en CSV (ENRT_MAX_SHARED_STRINGS_BYTES "
                             "relève la limite)",
                             "a cell holds a huge text: delete it, or save the sheet as CSV "
                             "(ENRT_MAX_SHARED_STRINGS_BYTES raises the limit)"),
    "input.xml-part": ("enregistrez l'inventaire en CSV, qu'enrt lit au fil de l'eau "
                       "(ENRT_MAX_XML_BYTES relève la limite)",
                       "save the inventory as CSV, which enrt reads in streaming "
                       "(ENRT_MAX_XML_BYTES raises the limit)"),
    "input.extent": ("supprimez les lignes et colonnes vides après le tableau (Ctrl+Fin montre "
                     "la dernière cellule), enregistrez et recommencez ; ou enregistrez la "
                     "feuille en CSV (ENRT_MAX_CELLS relève la limite)",
                     "delete the empty rows and columns after the table (Ctrl+End shows the "
                     "last cell), save and retry; or save the sheet as CSV (ENRT_MAX_CELLS "
                     "raises the limit)"),
    "input.budget": ("par exemple {name}={default}", "e.g. {name}={default}"),
    "input.open-quote": ("fermez les guillemets (\") ou retirez-les, puis enregistrez de "
                         "nouveau le fichier",
                         "close the quote (\") or remove it, then save the file again"),
    "input.csv": ("enregistrez le fichier en CSV UTF-8 ou en « CSV (séparateur: "
                  "point-virgule) »",
                  "save the file as CSV UTF-8 or as 'CSV (séparateur: point-virgule)'"),
    "input.long-line": ("ce n'est pas un inventaire CSV, ou il manque des retours à la ligne ; "
                        "enregistrez-le de nouveau en CSV depuis le tableur "
                        "(ENRT_MAX_LINE_BYTES relève la limite)",
                        "this is not a CSV inventory, or it lacks line breaks; save it again "
                        "as CSV from the spreadsheet program (ENRT_MAX_LINE_BYTES raises the "
                        "bound)"),
    "input.encoding": ("enregistrez-le en « CSV UTF-8 » depuis le tableur",
                       "save it as 'CSV UTF-8' from the spreadsheet program"),
    "output.is-input": ("choisissez un autre chemin pour -o ; enrt n'écrase jamais un fichier "
                        "d'entrée",
                        "choose another -o path; enrt never overwrites an input"),
    "output.empty": ("donnez un nom de fichier, par exemple -o bilan.json, ou - pour la sortie "
                     "standard",
                     "give a file name, e.g. -o bilan.json, or - for stdout"),
    "output.folder": ("donnez un nom de fichier, par exemple -o bilan.json",
                      "give a file name, e.g. -o bilan.json"),
    "output.no-folder": ("créez d'abord le dossier, ou choisissez un autre chemin pour -o",
                         "create the folder first, or choose another -o path"),
    "cli.internal": ("relancez avec --debug pour obtenir la trace et signalez-la",
                     "run again with --debug for the traceback and report it"),
    "usage.lang": ("utilisez --lang fr ou --lang en", "use --lang fr or --lang en"),
    "usage.format": ("utilisez l'un de ceux-ci : {formats}", "use one of: {formats}"),
    "usage.format-from-path": ("nommez le fichier {suffixes}, ou donnez --format",
                               "name the file {suffixes}, or give --format"),
    "usage.binary-to-terminal": ("écrivez-le dans un fichier : -o rapport.{format}",
                                 "write it to a file: -o rapport.{format}"),
    "usage.template-suffix": ("utilisez -o inventaire.xlsx", "use -o inventaire.xlsx"),
    "usage.weasyprint": ('pip install "enrt[pdf]"', 'pip install "enrt[pdf]"'),
    "batch.empty-folder": ("mettez-y les inventaires, ou donnez les fichiers un par un",
                           "put the inventories there, or give the files one by one"),
    "batch.memory": ("découpez le fichier, ou lancez-le seul avec enrt assess",
                     "split the file, or run it alone with enrt assess"),
    "batch.dask": ('pip install "enrt[dask]"', 'pip install "enrt[dask]"'),
    "batch.scheduler": ("démarrez-le (dask scheduler, puis dask worker tcp://…:8786), ou "
                        "utilisez --scheduler local",
                        "start it (dask scheduler, then dask worker tcp://…:8786), or use "
                        "--scheduler local"),
    "batch.jobs": ("par exemple --jobs 2", "e.g. --jobs 2"),
    "batch.output-is-file": ("donnez un dossier, par exemple -o rapports/",
                             "give a folder, e.g. -o rapports/"),
    "batch.format": ("utilisez l'un de ceux-ci : {formats}", "use one of: {formats}"),
    "batch.interrupted": ("relancez la commande : les rapports écrits sont complets",
                          "run the command again: the reports written are whole"),
    "usage.weasyprint-libs": ("installez Pango (Debian/Ubuntu : apt-get install libpango-1.0-0 "
                              "libpangoft2-1.0-0), voir https://doc.courtbouillon.org/"
                              "weasyprint/stable/first_steps.html",
                              "install Pango (Debian/Ubuntu: apt-get install libpango-1.0-0 "
                              "libpangoft2-1.0-0), see https://doc.courtbouillon.org/"
                              "weasyprint/stable/first_steps.html"),
    # writing the report failed: why (errno), what to do
    "output.ENOSPC": ("libérez de la place, ou choisissez pour -o un chemin sur un autre "
                      "disque", "free some space, or choose an -o path on another disk"),
    "output.EACCES": ("choisissez pour -o un autre dossier, où vous pouvez écrire",
                      "choose another folder, one you can write to, for -o"),
    "output.EROFS": ("choisissez pour -o un chemin sur un disque accessible en écriture",
                     "choose an -o path on a writable disk"),
    "output.ELOOP": ("corrigez ou supprimez le lien symbolique, ou choisissez un autre chemin "
                     "pour -o", "fix or remove the symbolic link, or choose another -o path"),
    "output.ENOENT": ("créez d'abord le dossier, ou choisissez un autre chemin pour -o",
                      "create the folder first, or choose another -o path"),
    "output.ENOTDIR": ("vérifiez le chemin donné à -o", "check the -o path"),
    "output.EISDIR": ("donnez un nom de fichier, par exemple -o bilan.json",
                      "give a file name, e.g. -o bilan.json"),
    "output.ENAMETOOLONG": ("choisissez un chemin plus court pour -o",
                            "choose a shorter -o path"),
    "output.EPIPE": ("laissez le programme lecteur ouvert jusqu'à la fin d'enrt",
                     "keep the reading program open until enrt has finished"),
    "output.ENXIO": ("lancez d'abord le programme lecteur, ou choisissez un fichier",
                     "start the reading program first, or choose a file"),
    "output.EBADF": ("ouvrez-le dans le shell (par exemple 3>report.json), ou donnez le chemin "
                     "d'un fichier",
                     "open it in the shell (e.g. 3>report.json), or give a file path"),
    "output.EIO": ("vérifiez le disque ou le partage réseau, puis réessayez",
                   "check the disk or the network share, then try again"),
    "output.other": ("choisissez un autre chemin pour -o, ou vérifiez le disque",
                     "choose another -o path, or check the disk"),
    # an operating-system error met anywhere else (cli.errors)
    "os.ENOSPC": ("libérez de l'espace disque, ou utilisez un autre disque",
                  "free some disk space, or use another disk"),
    "os.EACCES": ("vérifiez les droits, ou choisissez un autre dossier",
                  "check the permissions, or choose another folder"),
    "os.EROFS": ("le disque est en lecture seule : choisissez un dossier où l'on peut écrire",
                 "the disk is read-only: choose a writable folder"),
    "os.ELOOP": ("un lien symbolique pointe sur lui-même : corrigez-le ou supprimez-le",
                 "a symbolic link points to itself: fix or remove it"),
    "os.ENOENT": ("vérifiez le chemin", "check the path"),
    "os.ENOTDIR": ("une partie du chemin n'est pas un dossier : vérifiez le chemin",
                   "a part of the path is not a folder: check the path"),
    "os.EISDIR": ("donnez un fichier, pas un dossier", "give a file, not a folder"),
    "os.ENAMETOOLONG": ("utilisez un chemin plus court", "use a shorter path"),
    "os.EIO": ("vérifiez le disque ou le partage réseau, puis réessayez",
               "check the disk or the network share, then try again"),
    "os.other": ("vérifiez le chemin et le disque, puis réessayez",
                 "check the path and the disk, then try again"),
}

TERMS.update({
    # why the report could not be written (errno)
    "os-reason.ENOSPC": ("le disque est plein", "the disk is full"),
    "os-reason.EDQUOT": ("le quota disque est dépassé", "the disk quota is exceeded"),
    "os-reason.EACCES": ("permission refusée", "permission denied"),
    "os-reason.EROFS": ("le système de fichiers est en lecture seule",
                        "the file system is read-only"),
    "os-reason.ELOOP": ("boucle de liens symboliques", "symbolic link loop"),
    "os-reason.ENOENT": ("le dossier n'existe pas", "the folder does not exist"),
    "os-reason.ENOTDIR": ("une partie du chemin n'est pas un dossier",
                          "a part of the path is not a folder"),
    "os-reason.EISDIR": ("c'est un dossier", "it is a folder"),
    "os-reason.ENAMETOOLONG": ("le nom de fichier est trop long", "the file name is too long"),
    "os-reason.EPIPE": ("le lecteur l'a fermé avant la fin du rapport",
                        "the reader closed it before the report was complete"),
    "os-reason.ENXIO": ("personne ne le lit", "nothing is reading it"),
    "os-reason.EBADF": ("le descripteur de fichier n'est pas ouvert en écriture",
                        "the file descriptor is not open for writing"),
    "os-reason.EIO": ("erreur d'entrée/sortie", "input/output error"),
    "output.same-file": (" (même fichier que {other})", " (same file as {other})"),
    # where an error is (EnrtError.location) and the words of the command line
    "where.sheet": ("feuille {name}", "sheet {name}"),
    "where.row": ("ligne {n}", "row {n}"),
    "where.line": ("ligne {n}", "line {n}"),
    "where.column": ("colonne {name}", "column {name}"),
    "cli.error": ("Erreur : {text}", "Error: {text}"),
    "cli.hint": ("Conseil : {text}", "Hint: {text}"),
    "batch.progress": ("Lecture {name}", "Reading {name}"),
    "batch.per-agent": (", {value} kg CO2e par agent", ", {value} kg CO2e per agent"),
    "batch.line-ok": ("  ✓ {name} : {total}{per_agent} → {files}",
                      "  ✓ {name}: {total}{per_agent} → {files}"),
    "batch.line-failed": ("  ✗ {file} : {what}\n      correction : {hint}",
                          "  ✗ {file}: {what}\n      hint: {hint}"),
    "batch.wrote": ("enrt : synthèse et ensemble écrits : {files}",
                    "enrt: summary and aggregate written: {files}"),
    "cli.wrote-template": ("{path} écrit : remplissez-le, puis lancez « enrt assess {path} »",
                           "wrote {path}: fill it in, then run 'enrt assess {path}'"),
    "cli.wrote-mapping": ("enrt : correspondance écrite dans {path} ; {n} valeur(s) à remplir",
                          "enrt: mapping written to {path}; {n} value(s) to fill in"),
})

TABLES: dict[str, dict[str, tuple[str, str]]] = {
    "message": MESSAGES, "hint": HINTS, "term": TERMS, "error": ERRORS,
    "error-hint": ERROR_HINTS}
