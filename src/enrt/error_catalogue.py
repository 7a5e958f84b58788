"""The words of the message catalogue for a run that cannot go on (``enrt.errors``) and for
the command line itself: errors and their hints, why an output could not be written, where
an error is, progress and "written" lines; each id -> (French, English). ``enrt.messages``
formats them, with the issue words of ``enrt.message_catalogue``."""
from __future__ import annotations

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
    "simulate.scenario-not-found": ("fichier de scénario introuvable", "scenario file not found"),
    "simulate.nothing-assessed": ("rien n'a été évalué dans {files} : pas de parc à projeter",
                                  "nothing was assessed in {files}: no fleet to project"),
    # enrt compare
    "compare.not-found": ("rapport introuvable", "report file not found"),
    "compare.inventory-old": ("{files} n'est pas l'inventaire de l'ancien rapport (leurs "
                              "sha256 diffèrent)", "{files} is not the old report's inventory "
                              "(their sha256 differ)"),
    "compare.not-a-report": ("ce n'est pas un rapport JSON d'enrt : {problem}",
                             "not an enrt JSON report: {problem}"),
    "compare.factor-set": ("le jeu de facteurs du nouveau rapport ({id} {version}) n'est pas "
                           "disponible ici, ou n'est plus le même fichier",
                           "the new report's factor set ({id} {version}) is not available "
                           "here, or is no longer the same file"),
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
    "usage.seed-without-draws": ("--seed ne sert qu'avec --uncertainty",
                                 "--seed only applies with --uncertainty"),
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
    "simulate.scenario-not-found": ("vérifiez le chemin ; docs/simulate.md décrit le fichier",
                                    "check the path; docs/simulate.md describes the file"),
    "simulate.nothing-assessed": ("lancez « enrt assess » sur l'inventaire pour voir pourquoi",
                                  "run 'enrt assess' on the inventory to see why"),
    "usage.seed-without-draws": ("ajoutez --uncertainty", "add --uncertainty"),
    "compare.not-found": ("vérifiez le chemin ; donnez les rapports JSON écrits par « enrt "
                          "assess … -f json »", "check the path; give the JSON reports "
                          "written by 'enrt assess … -f json'"),
    "compare.inventory-old": ("donnez le(s) fichier(s) que l'ancien rapport a lus (ses "
                              "inputs[].path)", "give the file(s) the old report read (its "
                              "inputs[].path)"),
    "compare.not-a-report": ("donnez deux rapports écrits par « enrt assess … -f json »",
                             "give two reports written by 'enrt assess … -f json'"),
    "compare.factor-set": ("donnez le fichier du jeu avec --factors CHEMIN",
                           "give the set's file with --factors PATH"),
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

# what the command line says: why an output failed, where an error is, progress
COMMAND_TERMS: dict[str, tuple[str, str]] = {
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
}
