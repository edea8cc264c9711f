<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Alerts::AlertManager</name>
    <message>
        <source>The alert was deleted meanwhile.</source>
        <translation>L’alerte a été supprimée entre-temps.</translation>
    </message>
    <message>
        <source>A rectangle cannot carry an alert.</source>
        <translation>Un rectangle ne peut pas porter d’alerte.</translation>
    </message>
</context>
<context>
    <name>App::SingleInstance</name>
    <message>
        <source>a TickDesk without a window (--headless) runs on this database</source>
        <translation>un TickDesk sans fenêtre (--headless) tourne sur cette base de données</translation>
    </message>
</context>
<context>
    <name>ChartType</name>
    <message>
        <source>Candles</source>
        <translation>Chandeliers</translation>
    </message>
    <message>
        <source>OHLC bars</source>
        <translation>Barres OHLC</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Heikin-Ashi</source>
        <translation>Heikin-Ashi</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>A CSV or JSON file to import in the window.</source>
        <translation>Un fichier CSV ou JSON à importer dans la fenêtre.</translation>
    </message>
    <message>
        <source>Run without a window; log to stderr.</source>
        <translation>Fonctionner sans fenêtre ; journal sur stderr.</translation>
    </message>
    <message>
        <source>HTTP server address.</source>
        <translation>Adresse du serveur HTTP.</translation>
    </message>
    <message>
        <source>HTTP server port.</source>
        <translation>Port du serveur HTTP.</translation>
    </message>
    <message>
        <source>WebSocket stream port (0: any free port, -1: no stream).</source>
        <translation>Port du flux WebSocket (0 : un port libre, -1 : pas de flux).</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>Fichier de base de données.</translation>
    </message>
    <message>
        <source>Access token clients must send (required when --bind is not loopback). Also read from TICKDESK_TOKEN.</source>
        <translation>Jeton d&apos;accès que les clients doivent envoyer (obligatoire si --bind n&apos;est pas une adresse de bouclage). Lu aussi depuis TICKDESK_TOKEN.</translation>
    </message>
    <message>
        <source>Stop by itself after that many seconds.</source>
        <translation>S&apos;arrêter de lui-même après ce nombre de secondes.</translation>
    </message>
    <message>
        <source>fsync every commit, so acknowledged data also survives a power cut.</source>
        <translation>fsync à chaque commit, pour que les données confirmées survivent aussi à une coupure de courant.</translation>
    </message>
    <message>
        <source>HTTP I/O threads (default 2).</source>
        <translation>Threads d&apos;E/S HTTP (2 par défaut).</translation>
    </message>
    <message>
        <source>Indicator and signal worker threads (default: one per core).</source>
        <translation>Threads de calcul des indicateurs et signaux (par défaut : un par cœur).</translation>
    </message>
    <message>
        <source>Feed the pipeline from the built-in market simulator.</source>
        <translation>Alimenter le traitement avec le simulateur de marché intégré.</translation>
    </message>
    <message>
        <source>Simulator records per second (default 25).</source>
        <translation>Enregistrements par seconde du simulateur (25 par défaut).</translation>
    </message>
    <message>
        <source>Simulator symbols, comma-separated, each optionally SYMBOL=PRICE:DRIFT:VOLATILITY (e.g. AAPL=180:0.08:0.3), or a count such as 50.</source>
        <translation>Symboles du simulateur, séparés par des virgules, chacun éventuellement SYMBOLE=PRIX:DÉRIVE:VOLATILITÉ (p. ex. AAPL=180:0.08:0.3), ou un nombre comme 50.</translation>
    </message>
    <message>
        <source>Simulator random seed (same seed, same prices).</source>
        <translation>Graine aléatoire du simulateur (même graine, mêmes prix).</translation>
    </message>
    <message>
        <source>Log the window thread&apos;s busy share and longest stall every 5 s.</source>
        <translation>Journaliser toutes les 5 s la charge et le plus long blocage du thread de la fenêtre.</translation>
    </message>
    <message>
        <source>Database file (default: the app&apos;s).</source>
        <translation>Fichier de base de données (par défaut : celui de l&apos;application).</translation>
    </message>
    <message>
        <source>CSV file to write.</source>
        <translation>Fichier CSV à écrire.</translation>
    </message>
    <message>
        <source>Only this symbol; repeat or comma-separate for more.</source>
        <translation>Seulement ce symbole ; répéter ou séparer par des virgules pour plusieurs.</translation>
    </message>
    <message>
        <source>From this time: epoch seconds or ISO-8601 (UTC by default).</source>
        <translation>À partir de cette heure : secondes epoch ou ISO-8601 (UTC par défaut).</translation>
    </message>
    <message>
        <source>Up to this time, inclusive.</source>
        <translation>Jusqu&apos;à cette heure, incluse.</translation>
    </message>
    <message>
        <source>At most this many rows.</source>
        <translation>Au plus ce nombre de lignes.</translation>
    </message>
    <message>
        <source>Writes stored signals as CSV (RFC 4180), oldest first.</source>
        <translation>Écrit les signaux enregistrés en CSV (RFC 4180), les plus anciens d&apos;abord.</translation>
    </message>
    <message>
        <source>Only buy, sell or alert signals.</source>
        <translation>Seulement les signaux d&apos;achat, de vente ou d&apos;alerte.</translation>
    </message>
    <message>
        <source>Only this rule: rsi_trend, ma_cross, price_move, news_sentiment.</source>
        <translation>Seulement cette règle : rsi_trend, ma_cross, price_move, news_sentiment.</translation>
    </message>
    <message>
        <source>Writes stored bars (ticks) as CSV (RFC 4180), oldest first.</source>
        <translation>Écrit les barres (ticks) enregistrées en CSV (RFC 4180), les plus anciennes d&apos;abord.</translation>
    </message>
    <message>
        <source>Loads a CSV file of bars (Date,Open,High,Low,Close,Volume and the usual variants) or a JSON file of records in the ingest contract (array or NDJSON) into the database. Records go through the same checks and the same indicators and rules as live data; bad rows are reported and left out. Import history before live data of the same symbols, with TickDesk itself stopped.</source>
        <translation>Charge dans la base un fichier CSV de barres (Date,Open,High,Low,Close,Volume et les variantes habituelles) ou un fichier JSON d&apos;enregistrements au format d&apos;ingestion (tableau ou NDJSON). Les enregistrements passent par les mêmes contrôles, indicateurs et règles que les données en direct ; les lignes invalides sont signalées et écartées. Importer l&apos;historique avant les données en direct des mêmes symboles, TickDesk étant arrêté.</translation>
    </message>
    <message>
        <source>The .csv or .json file.</source>
        <translation>Le fichier .csv ou .json.</translation>
    </message>
    <message>
        <source>The symbol of a CSV without a symbol column.</source>
        <translation>Le symbole d&apos;un CSV sans colonne de symbole.</translation>
    </message>
    <message>
        <source>Posts simulated market data to an /ingest URL at a set rate: a load generator and a stand-in for any data source. Prints progress every second and a summary at the end.</source>
        <translation>Envoie des données de marché simulées à une URL /ingest à un débit fixé : un générateur de charge et un substitut à toute source de données. Affiche la progression chaque seconde et un résumé à la fin.</translation>
    </message>
    <message>
        <source>Ticks per second, 1 to 100000 (default 25).</source>
        <translation>Ticks par seconde, de 1 à 100000 (25 par défaut).</translation>
    </message>
    <message>
        <source>Comma-separated SYMBOL[=PRICE:DRIFT:VOLATILITY] items, or a count such as 50 (default: AAPL, GOOGL, AMZN, MSFT, TSLA).</source>
        <translation>Éléments SYMBOLE[=PRIX:DÉRIVE:VOLATILITÉ] séparés par des virgules, ou un nombre comme 50 (par défaut : AAPL, GOOGL, AMZN, MSFT, TSLA).</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same prices.</source>
        <translation>Graine aléatoire : la même graine donne les mêmes prix.</translation>
    </message>
    <message>
        <source>Stop after delivering this many records.</source>
        <translation>S&apos;arrêter après avoir livré ce nombre d&apos;enregistrements.</translation>
    </message>
    <message>
        <source>Stop generating after that many seconds.</source>
        <translation>Cesser de générer après ce nombre de secondes.</translation>
    </message>
    <message>
        <source>Records per request (default: 20 ms of the rate; 1 posts single objects as the reference generator did).</source>
        <translation>Enregistrements par requête (par défaut : 20 ms du débit ; 1 envoie des objets isolés comme le générateur de référence).</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 6).</source>
        <translation>Requêtes simultanées (6 par défaut).</translation>
    </message>
    <message>
        <source>Access token; also read from TICKDESK_TOKEN.</source>
        <translation>Jeton d&apos;accès ; lu aussi depuis TICKDESK_TOKEN.</translation>
    </message>
    <message>
        <source>News sentiment records per second.</source>
        <translation>Enregistrements de sentiment d&apos;actualité par seconde.</translation>
    </message>
    <message>
        <source>Order book records per second.</source>
        <translation>Enregistrements de carnet d&apos;ordres par seconde.</translation>
    </message>
    <message>
        <source>Market data records per second.</source>
        <translation>Enregistrements de données de marché par seconde.</translation>
    </message>
    <message>
        <source>Economic indicator records per second.</source>
        <translation>Enregistrements d&apos;indicateurs économiques par seconde.</translation>
    </message>
    <message>
        <source>A web page origin that may use the HTTP API and the stream, e.g. http://127.0.0.1:8080 (repeat for more). Other web pages are refused.</source>
        <translation>Une origine de page web autorisée à utiliser l’API HTTP et le flux, par ex. http://127.0.0.1:8080 (à répéter pour en ajouter). Les autres pages web sont refusées.</translation>
    </message>
    <message>
        <source>Writes a symbol&apos;s bars of a timeframe, built from the stored records, as CSV (RFC 4180), oldest first.</source>
        <translation>Écrit les barres d&apos;un symbole dans une unité de temps, construites à partir des enregistrements stockés, en CSV (RFC 4180), les plus anciennes d&apos;abord.</translation>
    </message>
    <message>
        <source>Bar size: record, 1s to 1D and 1W, Nm, Nt (records), Nv (shares). Default 1m.</source>
        <translation>Taille des barres : record, 1s à 1D et 1W, Nm, Nt (enregistrements), Nv (titres). Par défaut 1m.</translation>
    </message>
    <message>
        <source>Time zone whose midnight begins days and weeks (default UTC).</source>
        <translation>Fuseau horaire dont le minuit commence les jours et les semaines (UTC par défaut).</translation>
    </message>
    <message>
        <source>Bars the RSI, crossover and price-move rules look at, evaluated as each closes: 1s to 1W, Nm, Nt (N records), Nv (N shares) or record (default: Settings, 1m).</source>
        <translation>Barres examinées par les règles RSI, croisement et mouvement de prix, évaluées à leur clôture : 1s à 1W, Nm, Nt (N enregistrements), Nv (N actions) ou record (par défaut : Paramètres, 1m).</translation>
    </message>
    <message>
        <source>Symbols kept live in memory (default 20000, about 6 KB each); the least recently updated beyond that are read back from the database when they trade.</source>
        <translation>Symboles gardés actifs en mémoire (20000 par défaut, environ 6 Ko chacun) ; au-delà, les moins récemment mis à jour sont relus depuis la base quand ils traitent de nouveau.</translation>
    </message>
    <message>
        <source>A flat bar, marked filled, for each stretch without records.</source>
        <translation>Une barre plate, marquée comme comblée, pour chaque période sans enregistrement.</translation>
    </message>
    <message>
        <source>Writes the alerts to a JSON file (export FILE, - for standard output) or adds those of a file (import FILE): all of them, or none when one is wrong.</source>
        <translation>Écrit les alertes dans un fichier JSON (export FICHIER, - pour la sortie standard) ou ajoute celles d’un fichier (import FICHIER) : toutes, ou aucune si l’une est fausse.</translation>
    </message>
    <message>
        <source>export or import.</source>
        <translation>export ou import.</translation>
    </message>
    <message>
        <source>The .json file.</source>
        <translation>Le fichier .json.</translation>
    </message>
    <message>
        <source>The time zone whose midnight begins a day (default: UTC).</source>
        <translation>Le fuseau horaire dont minuit commence un jour (par défaut : UTC).</translation>
    </message>
    <message>
        <source>Writes the trades of each day to DIR/YYYY/MM/DD/trades.csv, in the order they happened.</source>
        <translation>Écrit les transactions de chaque jour dans DIR/YYYY/MM/DD/trades.csv, dans l’ordre où elles ont eu lieu.</translation>
    </message>
    <message>
        <source>The folder to write into.</source>
        <translation>Le dossier où écrire.</translation>
    </message>
    <message>
        <source>Analyzes a day&apos;s trades (P/L, fees, win rate, profit factor, wins and losses, the running total), prints the analysis and stores it; with --stored, prints the one stored.</source>
        <translation>Analyse les transactions d’un jour (P/P, frais, taux de réussite, facteur de profit, gains et pertes, total cumulé), affiche l’analyse et l’enregistre ; avec --stored, affiche celle enregistrée.</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation>Le jour, AAAA-MM-JJ.</translation>
    </message>
    <message>
        <source>Print the stored analysis of that day.</source>
        <translation>Afficher l’analyse enregistrée de ce jour.</translation>
    </message>
    <message>
        <source>Print it as JSON.</source>
        <translation>L’afficher en JSON.</translation>
    </message>
    <message>
        <source>Tests a strategy over stored bars: decisions at each bar&apos;s close, fills at the next bar&apos;s open, stops and targets inside a bar (the stop first when a bar reaches both). Prints the figures.</source>
        <translation>Teste une stratégie sur les barres enregistrées : décisions à la clôture de chaque barre, exécutions à l&apos;ouverture de la suivante, stops et objectifs à l&apos;intérieur d&apos;une barre (le stop d&apos;abord quand une barre atteint les deux). Affiche les chiffres.</translation>
    </message>
    <message>
        <source>List the trades too (in JSON: trade_list).</source>
        <translation>Liste aussi les trades (en JSON : trade_list).</translation>
    </message>
    <message>
        <source>JSON: the equity and drawdown at each close too.</source>
        <translation>JSON : aussi les capitaux et le drawdown à chaque clôture.</translation>
    </message>
    <message>
        <source>Write the trades to this CSV file.</source>
        <translation>Écrit les trades dans ce fichier CSV.</translation>
    </message>
    <message>
        <source>Write the equity and drawdown at each close to this CSV file.</source>
        <translation>Écrit les capitaux et le drawdown à chaque clôture dans ce fichier CSV.</translation>
    </message>
    <message>
        <source>Also how each built-in rule (as set in Settings) and each stored alert fared: the hit rate and average move this many bars after its signals.</source>
        <translation>Indique aussi comment chaque règle intégrée (telle que réglée) et chaque alerte enregistrée s&apos;en sont sorties : taux de réussite et mouvement moyen autant de barres après leurs signaux.</translation>
    </message>
    <message>
        <source>Searches a grid of up to three strategy parameters over stored bars on every core, and prints the best sets; with --walk-forward, re-tunes on each in-sample stretch and tests the next one.</source>
        <translation>Parcourt une grille de jusqu&apos;à trois paramètres de stratégie sur les barres enregistrées, sur tous les cœurs, et affiche les meilleurs jeux ; avec --walk-forward, réajuste sur chaque période d&apos;apprentissage et teste la suivante.</translation>
    </message>
    <message>
        <source>A parameter and its values, e.g. fast=5:50:5 or stop_loss_percent=1:5:1; up to three.</source>
        <translation>Un paramètre et ses valeurs, p. ex. fast=5:50:5 ou stop_loss_percent=1:5:1 ; jusqu&apos;à trois.</translation>
    </message>
    <message>
        <source>What ranks the sets: total_return, sharpe (default), sortino, calmar, profit_factor, win_rate, expectancy, max_drawdown.</source>
        <translation>Ce qui classe les jeux : total_return, sharpe (par défaut), sortino, calmar, profit_factor, win_rate, expectancy, max_drawdown.</translation>
    </message>
    <message>
        <source>Print this many of the best sets (default 10).</source>
        <translation>Affiche ce nombre de meilleurs jeux (10 par défaut).</translation>
    </message>
    <message>
        <source>Write the objective over the first two parameters to this CSV file.</source>
        <translation>Écrit l&apos;objectif sur les deux premiers paramètres dans ce fichier CSV.</translation>
    </message>
    <message>
        <source>In-sample and out-of-sample bars of each fold, e.g. 500:100.</source>
        <translation>Barres d&apos;apprentissage et de test de chaque pli, p. ex. 500:100.</translation>
    </message>
    <message>
        <source>Lists, shows, saves and removes the strategy tester&apos;s saved strategies:
  strategies list | show NAME | save NAME FILE.json | remove NAME</source>
        <translation>Liste, affiche, enregistre et supprime les stratégies enregistrées du testeur :
  strategies list | show NOM | save NOM FICHIER.json | remove NOM</translation>
    </message>
    <message>
        <source>The symbol to test; repeat or comma-separate for several (the cash is shared out equally).</source>
        <translation>Le symbole à tester ; répéter ou séparer par des virgules pour plusieurs (le capital est partagé également).</translation>
    </message>
    <message>
        <source>Bar size: 1m to 1D and 1W, Ns, Nm, Nh, Nt (records), Nv (shares). Default: the strategy&apos;s, else 1D.</source>
        <translation>Taille des barres : 1m à 1D et 1W, Ns, Nm, Nh, Nt (enregistrements), Nv (actions). Par défaut : celle de la stratégie, sinon 1D.</translation>
    </message>
    <message>
        <source>Bars from this time: epoch seconds or ISO-8601 (UTC by default).</source>
        <translation>Barres à partir de cette heure : secondes epoch ou ISO-8601 (UTC par défaut).</translation>
    </message>
    <message>
        <source>Bars up to this time, inclusive.</source>
        <translation>Barres jusqu&apos;à cette heure, incluse.</translation>
    </message>
    <message>
        <source>A preset (ma_cross, rsi_trend) or the name of a saved strategy. Default ma_cross.</source>
        <translation>Un préréglage (ma_cross, rsi_trend) ou le nom d&apos;une stratégie enregistrée. Par défaut ma_cross.</translation>
    </message>
    <message>
        <source>A strategy&apos;s JSON form from a file.</source>
        <translation>La forme JSON d&apos;une stratégie, depuis un fichier.</translation>
    </message>
    <message>
        <source>ma_cross: the fast SMA&apos;s period (default 10).</source>
        <translation>ma_cross : période de la SMA rapide (10 par défaut).</translation>
    </message>
    <message>
        <source>ma_cross: the slow SMA&apos;s period (default 30).</source>
        <translation>ma_cross : période de la SMA lente (30 par défaut).</translation>
    </message>
    <message>
        <source>long, short or both (default: the strategy&apos;s, else long).</source>
        <translation>long, short ou both (par défaut : celle de la stratégie, sinon long).</translation>
    </message>
    <message>
        <source>Close at this loss, in percent of the entry price.</source>
        <translation>Clôture à cette perte, en pourcentage du prix d&apos;entrée.</translation>
    </message>
    <message>
        <source>Close at this gain, in percent of the entry price.</source>
        <translation>Clôture à ce gain, en pourcentage du prix d&apos;entrée.</translation>
    </message>
    <message>
        <source>Close after this many bars.</source>
        <translation>Clôture après ce nombre de barres.</translation>
    </message>
    <message>
        <source>Each position: this percent of the equity (default 100).</source>
        <translation>Chaque position : ce pourcentage des capitaux (100 par défaut).</translation>
    </message>
    <message>
        <source>Each position: this much cash.</source>
        <translation>Chaque position : ce montant.</translation>
    </message>
    <message>
        <source>Each position: this many shares.</source>
        <translation>Chaque position : ce nombre d&apos;actions.</translation>
    </message>
    <message>
        <source>Whole shares only (default: fractional).</source>
        <translation>Actions entières seulement (par défaut : fractions).</translation>
    </message>
    <message>
        <source>Sets a number in the strategy&apos;s JSON, e.g. enter_long.right.value=30; repeatable.</source>
        <translation>Règle un nombre dans le JSON de la stratégie, p. ex. enter_long.right.value=30 ; répétable.</translation>
    </message>
    <message>
        <source>Starting cash (default 100000).</source>
        <translation>Capital de départ (100000 par défaut).</translation>
    </message>
    <message>
        <source>Commission per share (default 0).</source>
        <translation>Commission par action (0 par défaut).</translation>
    </message>
    <message>
        <source>Commission per order (default 0).</source>
        <translation>Commission par ordre (0 par défaut).</translation>
    </message>
    <message>
        <source>Commission in percent of the value traded (default 0).</source>
        <translation>Commission en pourcentage de la valeur échangée (0 par défaut).</translation>
    </message>
    <message>
        <source>Slippage per share on fills at the market (default 0).</source>
        <translation>Glissement par action sur les exécutions au marché (0 par défaut).</translation>
    </message>
    <message>
        <source>Bid/ask spread; each fill at the market pays half (default 0).</source>
        <translation>Écart achat/vente ; chaque exécution au marché en paie la moitié (0 par défaut).</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Affiche un objet JSON.</translation>
    </message>
    <message>
        <source>TickDesk: a desktop trading terminal. Receives market ticks over HTTP, stores them in SQLite and computes indicators and signals.

Commands (each with its own --help):
  simulate        post simulated market data to an /ingest URL
  export-signals  write stored signals as CSV
  export-ticks    write stored bars as CSV
  export-bars     write a symbol&apos;s bars of a timeframe as CSV
  import          load a CSV (OHLCV) or JSON file of records into the database
  alerts          export the alerts to a JSON file, or import them from one
  export-trades   write each day&apos;s trades to DIR/YYYY/MM/DD/trades.csv
  analyze-trades  a day&apos;s trade analysis: P/L, fees, win rate, profit factor (stored)
  backtest        test a strategy over stored bars and print its figures
  optimize        search a strategy&apos;s parameters over stored bars; walk-forward
  strategies      list, show, save or remove saved strategies</source>
        <translation>TickDesk : un terminal de trading de bureau. Reçoit les cotations par HTTP, les enregistre dans SQLite et calcule indicateurs et signaux.

Commandes (chacune avec son propre --help) :
  simulate        envoyer des données de marché simulées à une URL /ingest
  export-signals  écrire les signaux enregistrés en CSV
  export-ticks    écrire les barres enregistrées en CSV
  export-bars     écrire les barres d&apos;un symbole dans une unité de temps en CSV
  import          charger un fichier CSV (OHLCV) ou JSON d&apos;enregistrements dans la base
  alerts          exporter les alertes dans un fichier JSON, ou les importer depuis un fichier
  export-trades   écrire les transactions de chaque jour dans DIR/YYYY/MM/DD/trades.csv
  analyze-trades  l’analyse des transactions d’un jour : P/P, frais, taux de réussite, facteur de profit (enregistrée)
  backtest        tester une stratégie sur les barres enregistrées et afficher ses chiffres
  optimize        chercher les paramètres d&apos;une stratégie sur les barres enregistrées ; walk-forward
  strategies      lister, afficher, enregistrer ou supprimer les stratégies enregistrées</translation>
    </message>
    <message>
        <source>Publish records, signals, alert fires and paper fills to NATS JetStream at URL (nats://HOST:4222, or tls://HOST:4222 for TLS).</source>
        <translation>Publier les enregistrements, signaux, déclenchements d&apos;alertes et exécutions papier sur NATS JetStream à l&apos;URL (nats://HOST:4222, ou tls://HOST:4222 pour TLS).</translation>
    </message>
    <message>
        <source>Token for the NATS server. Also read from TICKDESK_NATS_TOKEN.</source>
        <translation>Jeton pour le serveur NATS. Lu aussi dans TICKDESK_NATS_TOKEN.</translation>
    </message>
    <message>
        <source>User for the NATS server; the password is read from TICKDESK_NATS_PASSWORD.</source>
        <translation>Utilisateur du serveur NATS ; le mot de passe est lu dans TICKDESK_NATS_PASSWORD.</translation>
    </message>
    <message>
        <source>TLS: the CA certificate (PEM) that signed the NATS server&apos;s.</source>
        <translation>TLS : le certificat d&apos;autorité (PEM) qui a signé celui du serveur NATS.</translation>
    </message>
    <message>
        <source>This node&apos;s name in NATS message ids (default: the host name); give each node publishing into one stream its own.</source>
        <translation>Nom de ce nœud dans les identifiants de messages NATS (par défaut : le nom d&apos;hôte) ; chaque nœud publiant dans un même flux doit avoir le sien.</translation>
    </message>
    <message>
        <source>With --nats: also store the records published to tickdesk.ingest.&lt;symbol&gt;, from the JetStream work queue TICKDESK_INGEST: &quot;all&quot;, or this node&apos;s partitions of the symbols, &quot;P/N&quot; or &quot;P,Q/N&quot;.</source>
        <translation>Avec --nats : enregistrer aussi les enregistrements publiés sur tickdesk.ingest.&lt;symbole&gt;, depuis la file de travail JetStream TICKDESK_INGEST : « all », ou les partitions des symboles de ce nœud, « P/N » ou « P,Q/N ».</translation>
    </message>
    <message>
        <source>The /ingest URL to post to, or a NATS server (nats://HOST:4222) to publish to the JetStream ingest stream, each batch&apos;s records of a symbol in one message on tickdesk.ingest.&lt;symbol&gt; (token or password from TICKDESK_NATS_TOKEN, TICKDESK_NATS_PASSWORD).</source>
        <translation>L&apos;URL /ingest où envoyer, ou un serveur NATS (nats://HOST:4222) pour publier dans le flux d&apos;ingestion JetStream, les enregistrements d&apos;un symbole de chaque lot en un message sur tickdesk.ingest.&lt;symbole&gt; (jeton ou mot de passe depuis TICKDESK_NATS_TOKEN, TICKDESK_NATS_PASSWORD).</translation>
    </message>
    <message>
        <source>Open the window on the nodes&apos; feed at this NATS server (nats://HOST:4222): records, signals, alert fires and fills come from the nodes publishing there (their --nats); nothing is computed or received here. Credentials as for --nats.</source>
        <translation>Ouvre la fenêtre sur le flux des nœuds de ce serveur NATS (nats://HÔTE:4222) : enregistrements, signaux, déclenchements d&apos;alertes et exécutions viennent des nœuds qui y publient (leur --nats) ; rien n&apos;est calculé ni reçu ici. Identifiants comme pour --nats.</translation>
    </message>
    <message>
        <source>With --source: a node&apos;s REST API whose stored bars fill what the window missed, once for each node (besides those the nodes announce themselves).</source>
        <translation>Avec --source : l&apos;API REST d&apos;un nœud dont les barres stockées comblent ce que la fenêtre a manqué, une fois par nœud (en plus de ceux que les nœuds annoncent eux-mêmes).</translation>
    </message>
    <message>
        <source>Under a stream of small requests, how long at most a commit waits for more before it is written; the wait ends sooner once the HTTP threads have no more (default 100; 0: never wait, for the lowest latency under moderate load).</source>
        <translation>Sous un flux de petites requêtes, combien de temps au plus une validation attend les suivantes avant d’être écrite ; l’attente cesse plus tôt dès que les threads HTTP n’en ont plus (100 par défaut ; 0 : ne jamais attendre, pour la latence la plus basse sous charge modérée).</translation>
    </message>
</context>
<context>
    <name>Core::Settings</name>
    <message>
        <source>Bind address: &quot;%1&quot; is not an IP address.</source>
        <translation>Adresse d&apos;écoute : « %1 » n&apos;est pas une adresse IP.</translation>
    </message>
    <message>
        <source>Port: %1 is not between 0 and 65535.</source>
        <translation>Port : %1 n&apos;est pas entre 0 et 65535.</translation>
    </message>
    <message>
        <source>Access token: required when the server listens on %1, which is not a loopback address.</source>
        <translation>Jeton d&apos;accès : obligatoire quand le serveur écoute sur %1, qui n&apos;est pas une adresse de bouclage.</translation>
    </message>
    <message>
        <source>%1: %2 is not between 1 and 1000.</source>
        <translation>%1 : %2 n&apos;est pas entre 1 et 1000.</translation>
    </message>
    <message>
        <source>MACD: the fast period (%1) must be shorter than the slow one (%2).</source>
        <translation>MACD : la période rapide (%1) doit être plus courte que la lente (%2).</translation>
    </message>
    <message>
        <source>Crossover: the fast period (%1) must be shorter than the slow one (%2).</source>
        <translation>Croisement : la période rapide (%1) doit être plus courte que la lente (%2).</translation>
    </message>
    <message>
        <source>Bollinger width: %1 standard deviations is not between 0 and 10.</source>
        <translation>Largeur Bollinger : %1 écarts-types n&apos;est pas entre 0 et 10.</translation>
    </message>
    <message>
        <source>RSI thresholds: buy below %1 and sell above %2 must satisfy 0 &lt;= buy &lt; sell &lt;= 100.</source>
        <translation>Seuils RSI : acheter sous %1 et vendre au-dessus de %2 doivent vérifier 0 &lt;= achat &lt; vente &lt;= 100.</translation>
    </message>
    <message>
        <source>Price move: %1 % is not above 0 and at most 100.</source>
        <translation>Mouvement de prix : %1 % n&apos;est pas supérieur à 0 et au plus 100.</translation>
    </message>
    <message>
        <source>Price move window: %1 s is not between 1 s and one day.</source>
        <translation>Fenêtre du mouvement de prix : %1 s n&apos;est pas entre 1 s et un jour.</translation>
    </message>
    <message>
        <source>News sentiment: score and magnitude thresholds must be between 0 and 1.</source>
        <translation>Sentiment d&apos;actualité : les seuils de score et d&apos;ampleur doivent être entre 0 et 1.</translation>
    </message>
    <message>
        <source>Cool-down: %1 s is not between 0 and one day.</source>
        <translation>Délai de répit : %1 s n&apos;est pas entre 0 et un jour.</translation>
    </message>
    <message>
        <source>Simulator symbols: name at least one.</source>
        <translation>Symboles du simulateur : en indiquer au moins un.</translation>
    </message>
    <message>
        <source>Simulator symbols: &quot;%1&quot; is not a symbol (1 to 16 of A-Z 0-9 . - ^ =).</source>
        <translation>Symboles du simulateur : « %1 » n&apos;est pas un symbole (1 à 16 caractères parmi A-Z 0-9 . - ^ =).</translation>
    </message>
    <message>
        <source>Simulator rate: %1 records/s is not between 1 and 100,000.</source>
        <translation>Débit du simulateur : %1 enregistrements/s n&apos;est pas entre 1 et 100 000.</translation>
    </message>
    <message>
        <source>Simulator volatility: %1 is not above 0 and at most 5 (500 % a year).</source>
        <translation>Volatilité du simulateur : %1 n&apos;est pas supérieure à 0 et au plus 5 (500 % par an).</translation>
    </message>
    <message>
        <source>Digest period: from 0 (one message per signal) to 86400 seconds</source>
        <translation>Période de résumé : de 0 (un message par signal) à 86400 secondes</translation>
    </message>
    <message>
        <source>Webhook &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>Le webhook « %1 » n&apos;est pas une URL http:// ou https://</translation>
    </message>
    <message>
        <source>SMTP server: give the host name of the mail server</source>
        <translation>Serveur SMTP : indiquer le nom d&apos;hôte du serveur de courrier</translation>
    </message>
    <message>
        <source>SMTP port: from 1 to 65535</source>
        <translation>Port SMTP : de 1 à 65535</translation>
    </message>
    <message>
        <source>SMTP security: none, starttls or tls</source>
        <translation>Sécurité SMTP : none, starttls ou tls</translation>
    </message>
    <message>
        <source>From: &quot;%1&quot; is not an e-mail address</source>
        <translation>De : « %1 » n&apos;est pas une adresse e-mail</translation>
    </message>
    <message>
        <source>Recipients: give at least one e-mail address</source>
        <translation>Destinataires : indiquer au moins une adresse e-mail</translation>
    </message>
    <message>
        <source>Recipients: &quot;%1&quot; is not an e-mail address</source>
        <translation>Destinataires : « %1 » n&apos;est pas une adresse e-mail</translation>
    </message>
    <message>
        <source>RSI re-arm: %1 points is not between 0 and 50.</source>
        <translation>Réarmement du RSI : %1 points n’est pas entre 0 et 50.</translation>
    </message>
    <message>
        <source>Crossover spread: %1 % is not between 0 and 10.</source>
        <translation>Écart du croisement : %1 % n’est pas entre 0 et 10.</translation>
    </message>
    <message>
        <source>Session time zone: %1</source>
        <translation>Fuseau horaire de séance : %1</translation>
    </message>
    <message>
        <source>Paper trading: the starting cash must be above 0.</source>
        <translation>Trading fictif : le capital de départ doit être supérieur à 0.</translation>
    </message>
    <message>
        <source>Paper trading: %1 must be 0 or more.</source>
        <translation>Trading fictif : %1 doit valoir 0 ou plus.</translation>
    </message>
    <message>
        <source>Paper trading: commissionPercent must be under 100.</source>
        <translation>Trading fictif : commissionPercent doit être inférieur à 100.</translation>
    </message>
    <message>
        <source>NATS: &quot;%1&quot; is not a NATS address such as nats://127.0.0.1:4222 (tls:// for TLS).</source>
        <translation>NATS : « %1 » n&apos;est pas une adresse NATS comme nats://127.0.0.1:4222 (tls:// pour TLS).</translation>
    </message>
    <message>
        <source>NATS ingest: it needs the NATS URL of the server to consume from.</source>
        <translation>Ingestion NATS : il faut l&apos;URL NATS du serveur à consommer.</translation>
    </message>
    <message>
        <source>NATS ingest: %1</source>
        <translation>Ingestion NATS : %1</translation>
    </message>
</context>
<context>
    <name>DataWindow</name>
    <message>
        <source>O %1  H %2  L %3  C %4  V %5</source>
        <translation>O %1  H %2  B %3  C %4  V %5</translation>
    </message>
    <message>
        <source>BB upper</source>
        <translation>BB haut</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>milieu</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>signal</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>histogramme</translation>
    </message>
</context>
<context>
    <name>DrawingItem</name>
    <message>
        <source>%1 · alert</source>
        <translation>%1 · alerte</translation>
    </message>
</context>
<context>
    <name>Gui::AlertDialog</name>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Edit alert</source>
        <translation>Modifier l’alerte</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>Nouvelle alerte</translation>
    </message>
    <message>
        <source>Empty: the condition in words</source>
        <translation>Vide : la condition en mots</translation>
    </message>
    <message>
        <source>AAPL, MSFT — or * for every symbol</source>
        <translation>AAPL, MSFT — ou * pour tous les symboles</translation>
    </message>
    <message>
        <source>Each record</source>
        <translation>Chaque enregistrement</translation>
    </message>
    <message>
        <source>crossing</source>
        <translation>croise</translation>
    </message>
    <message>
        <source>crossing up</source>
        <translation>croise à la hausse</translation>
    </message>
    <message>
        <source>crossing down</source>
        <translation>croise à la baisse</translation>
    </message>
    <message>
        <source>greater than</source>
        <translation>supérieur à</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>inférieur à</translation>
    </message>
    <message>
        <source>entering channel</source>
        <translation>entre dans le canal</translation>
    </message>
    <message>
        <source>exiting channel</source>
        <translation>sort du canal</translation>
    </message>
    <message>
        <source>inside channel</source>
        <translation>dans le canal</translation>
    </message>
    <message>
        <source>outside channel</source>
        <translation>hors du canal</translation>
    </message>
    <message>
        <source>moving up</source>
        <translation>monte de</translation>
    </message>
    <message>
        <source>moving down</source>
        <translation>baisse de</translation>
    </message>
    <message>
        <source>moving up %</source>
        <translation>monte de %</translation>
    </message>
    <message>
        <source>moving down %</source>
        <translation>baisse de %</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> barres</translation>
    </message>
    <message>
        <source>within </source>
        <translation>en </translation>
    </message>
    <message>
        <source>Low edge:</source>
        <translation>Bord bas :</translation>
    </message>
    <message>
        <source>High edge:</source>
        <translation>Bord haut :</translation>
    </message>
    <message>
        <source>the drawn line (it moves with the line)</source>
        <translation>la ligne tracée (suit la ligne)</translation>
    </message>
    <message>
        <source>Only once</source>
        <translation>Une seule fois</translation>
    </message>
    <message>
        <source>Once per bar</source>
        <translation>Une fois par barre</translation>
    </message>
    <message>
        <source>Once per bar close</source>
        <translation>Une fois par clôture de barre</translation>
    </message>
    <message>
        <source>Every time</source>
        <translation>À chaque fois</translation>
    </message>
    <message>
        <source>Once per bar close decides on closed bars only, so a fire never repaints</source>
        <translation>« Une fois par clôture de barre » ne décide que sur des barres closes : un déclenchement ne change jamais après coup</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>cool-down </source>
        <translation>pause </translation>
    </message>
    <message>
        <source>at most </source>
        <translation>au plus </translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>The value must leave this band around the level before the alert can fire again, so a price hovering at the level does not fire a storm</source>
        <translation>La valeur doit sortir de cette bande autour du niveau avant que l’alerte puisse se redéclencher : un cours qui hésite au niveau ne déclenche pas de rafale</translation>
    </message>
    <message>
        <source>{symbol} {name}: {value} at {time}</source>
        <translation>{symbol} {name} : {value} à {time}</translation>
    </message>
    <message>
        <source>Placeholders: {symbol} {price} {value} {level} {timeframe} {time} {name}</source>
        <translation>Champs : {symbol} {price} {value} {level} {timeframe} {time} {name}</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symboles :</translation>
    </message>
    <message>
        <source>Timeframe:</source>
        <translation>Unité de temps :</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <source>is:</source>
        <translation>est :</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Niveau :</translation>
    </message>
    <message>
        <source>Fires:</source>
        <translation>Déclenche :</translation>
    </message>
    <message>
        <source>Dead band:</source>
        <translation>Bande morte :</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message :</translation>
    </message>
    <message>
        <source>Fires on: %1</source>
        <translation>Se déclenche sur : %1</translation>
    </message>
    <message>
        <source> bar</source>
        <translation> barre</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Decides when: %1 (on each closed bar)</source>
        <translation>Décide quand : %1 (à chaque barre close)</translation>
    </message>
</context>
<context>
    <name>Gui::AlertModel</name>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>déclenchée</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>illisible : %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Symboles</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Dernier déclenchement</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Déclenchements</translation>
    </message>
</context>
<context>
    <name>Gui::AutoTradeDialog</name>
    <message>
        <source>Signals that trade</source>
        <translation>Signaux qui tradent</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Rule or alert</source>
        <translation>Règle ou alerte</translation>
    </message>
    <message>
        <source>A buy buys</source>
        <translation>Un achat achète</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Most shares held</source>
        <translation>Actions détenues au plus</translation>
    </message>
    <message>
        <source>An alert&apos;s fire</source>
        <translation>Déclenchement d’une alerte</translation>
    </message>
    <message>
        <source>A stored buy signal of a chosen rule (or a fire of a chosen alert) places a market order for the paper account; a sell closes the position. So you see live what each rule would have earned.</source>
        <translation>Un signal d’achat enregistré d’une règle choisie (ou le déclenchement d’une alerte choisie) passe un ordre au marché pour le compte fictif ; une vente clôture la position. Vous voyez ainsi en direct ce que chaque règle aurait rapporté.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>RSI trend</source>
        <translation>Tendance RSI</translation>
    </message>
    <message>
        <source>Moving-average cross</source>
        <translation>Croisement de moyennes mobiles</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Sentiment des nouvelles</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alerte : %1</translation>
    </message>
    <message>
        <source>%1 (no longer there)</source>
        <translation>%1 (n’existe plus)</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>cash&apos;s worth</source>
        <translation>pour un montant</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>buys</source>
        <translation>achète</translation>
    </message>
    <message>
        <source>sells</source>
        <translation>vend</translation>
    </message>
    <message>
        <source>Row %1: say how much a buy buys (above 0).</source>
        <translation>Ligne %1 : indiquez combien un achat achète (plus de 0).</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>Gui::BacktestTradeModel</name>
    <message>
        <source>Long</source>
        <translation>Long</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Stop loss</source>
        <translation>Stop loss</translation>
    </message>
    <message>
        <source>Take profit</source>
        <translation>Prise de bénéfice</translation>
    </message>
    <message>
        <source>Bars held</source>
        <translation>Barres détenues</translation>
    </message>
    <message>
        <source>End of test</source>
        <translation>Fin du test</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Entry price</source>
        <translation>Prix d&apos;entrée</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Exit price</source>
        <translation>Prix de sortie</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>Motif de sortie</translation>
    </message>
    <message>
        <source>P/L</source>
        <translation>P/P</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rendement</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>MFE</source>
        <translation>MFE</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
</context>
<context>
    <name>Gui::ChartGrid</name>
    <message>
        <source>Open %1 in a tab</source>
        <translation>Ouvrir %1 dans un onglet</translation>
    </message>
    <message>
        <source>Show another symbol here…</source>
        <translation>Afficher un autre symbole ici…</translation>
    </message>
    <message>
        <source>Grid cell</source>
        <translation>Case de la grille</translation>
    </message>
    <message>
        <source>Symbol for this cell:</source>
        <translation>Symbole de cette case :</translation>
    </message>
    <message>
        <source>Empty this cell</source>
        <translation>Vider cette case</translation>
    </message>
</context>
<context>
    <name>Gui::ChartIndicatorDialog</name>
    <message>
        <source>Own periods for this chart</source>
        <translation>Périodes propres à ce graphique</translation>
    </message>
    <message>
        <source>Periods, colours and levels</source>
        <translation>Périodes, couleurs et niveaux</translation>
    </message>
    <message>
        <source>Off: the periods of Settings → Indicators, as the engine and the rules use them</source>
        <translation>Désactivé : les périodes de Paramètres → Indicateurs, telles que le moteur et les règles les utilisent</translation>
    </message>
    <message>
        <source>SMA</source>
        <translation>SMA</translation>
    </message>
    <message>
        <source>EMA</source>
        <translation>EMA</translation>
    </message>
    <message>
        <source>Bollinger bands</source>
        <translation>Bandes de Bollinger</translation>
    </message>
    <message>
        <source>VWAP</source>
        <translation>VWAP</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>MACD fast</source>
        <translation>MACD rapide</translation>
    </message>
    <message>
        <source>MACD slow</source>
        <translation>MACD lente</translation>
    </message>
    <message>
        <source>MACD signal</source>
        <translation>Signal MACD</translation>
    </message>
    <message>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <source>Bollinger width (standard deviations)</source>
        <translation>Largeur de Bollinger (écarts-types)</translation>
    </message>
    <message>
        <source>SMA colour</source>
        <translation>Couleur SMA</translation>
    </message>
    <message>
        <source>EMA colour</source>
        <translation>Couleur EMA</translation>
    </message>
    <message>
        <source>Bollinger colour</source>
        <translation>Couleur Bollinger</translation>
    </message>
    <message>
        <source>VWAP colour</source>
        <translation>Couleur VWAP</translation>
    </message>
    <message>
        <source>RSI colour</source>
        <translation>Couleur RSI</translation>
    </message>
    <message>
        <source>RSI lower level</source>
        <translation>Niveau bas du RSI</translation>
    </message>
    <message>
        <source>RSI upper level</source>
        <translation>Niveau haut du RSI</translation>
    </message>
    <message>
        <source>RSI levels: the lower (%1) must be below the upper (%2).</source>
        <translation>Niveaux du RSI : le bas (%1) doit être sous le haut (%2).</translation>
    </message>
</context>
<context>
    <name>Gui::ChartWindow</name>
    <message>
        <source>%1 — TickDesk</source>
        <translation>%1 — TickDesk</translation>
    </message>
</context>
<context>
    <name>Gui::ConditionRow</name>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>RSI with trend: buy signal</source>
        <translation>RSI avec tendance : signal d&apos;achat</translation>
    </message>
    <message>
        <source>RSI with trend: sell signal</source>
        <translation>RSI avec tendance : signal de vente</translation>
    </message>
    <message>
        <source>MA crossover: buy signal</source>
        <translation>Croisement de MM : signal d&apos;achat</translation>
    </message>
    <message>
        <source>MA crossover: sell signal</source>
        <translation>Croisement de MM : signal de vente</translation>
    </message>
    <message>
        <source>Price move: up</source>
        <translation>Mouvement de prix : hausse</translation>
    </message>
    <message>
        <source>Price move: down</source>
        <translation>Mouvement de prix : baisse</translation>
    </message>
    <message>
        <source>Condition…</source>
        <translation>Condition…</translation>
    </message>
</context>
<context>
    <name>Gui::EquityChart</name>
    <message>
        <source>Equity</source>
        <translation>Capitaux</translation>
    </message>
    <message>
        <source>Drawdown</source>
        <translation>Drawdown</translation>
    </message>
</context>
<context>
    <name>Gui::EventModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>record</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>order book</source>
        <translation>carnet d’ordres</translation>
    </message>
    <message>
        <source>news sentiment</source>
        <translation>sentiment des nouvelles</translation>
    </message>
    <message>
        <source>market data</source>
        <translation>données de marché</translation>
    </message>
    <message>
        <source>economic indicator</source>
        <translation>indicateur économique</translation>
    </message>
    <message>
        <source>buy %1 @ %2</source>
        <translation>achat %1 @ %2</translation>
    </message>
    <message>
        <source>sell %1 @ %2</source>
        <translation>vente %1 @ %2</translation>
    </message>
    <message>
        <source>sentiment %1, magnitude %2</source>
        <translation>sentiment %1, ampleur %2</translation>
    </message>
    <message>
        <source>market cap %1, P/E %2</source>
        <translation>capitalisation %1, PER %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Gui::FileTransfers</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>TickDesk</source>
        <translation>TickDesk</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n signals…</source>
        <translation>
            <numerusform>Export de %n signal…</numerusform>
            <numerusform>Export de %n signaux…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting ticks…</source>
        <translation>Export des ticks…</translation>
    </message>
    <message>
        <source>Exporting the ticks of %1…</source>
        <translation>Export des ticks de %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
</context>
<context>
    <name>Gui::HistoryPage</name>
    <message>
        <source>Sources (tried in this order)</source>
        <translation>Sources (essayées dans cet ordre)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>e.g. stooq</source>
        <translation>p. ex. stooq</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>Placeholders: {symbol}, {symbol:lower}, {from} and {to} (Unix seconds, or {from:yyyy-MM-dd}), {interval}, {apikey}. Without {symbol}, one request answers for all.</source>
        <translation>Marqueurs : {symbol}, {symbol:lower}, {from} et {to} (secondes Unix, ou {from:yyyy-MM-dd}), {interval}, {apikey}. Sans {symbol}, une seule requête répond pour tous.</translation>
    </message>
    <message>
        <source>Recognised by itself</source>
        <translation>Reconnu automatiquement</translation>
    </message>
    <message>
        <source>CSV (Yahoo, Stooq, …)</source>
        <translation>CSV (Yahoo, Stooq, …)</translation>
    </message>
    <message>
        <source>JSON records (data.json, NDJSON)</source>
        <translation>Enregistrements JSON (data.json, NDJSON)</translation>
    </message>
    <message>
        <source>Yahoo Finance chart JSON</source>
        <translation>JSON de graphique Yahoo Finance</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>Une ligne vaut :</translation>
    </message>
    <message>
        <source>{interval} becomes:</source>
        <translation>{interval} devient :</translation>
    </message>
    <message>
        <source>the row&apos;s length</source>
        <translation>la durée de la ligne</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clé d’API :</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>conservé dans le trousseau</translation>
    </message>
    <message>
        <source>Requests a minute:</source>
        <translation>Requêtes par minute :</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>Time-out (s):</source>
        <translation>Délai d’attente (s) :</translation>
    </message>
    <message>
        <source>Look back (days):</source>
        <translation>Remonter (jours) :</translation>
    </message>
    <message>
        <source>A bar that differs from the stored one replaces it</source>
        <translation>Une barre différente remplace celle enregistrée</translation>
    </message>
    <message>
        <source>Refresh by itself</source>
        <translation>Actualiser automatiquement</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Chaque jour</translation>
    </message>
    <message>
        <source>Every few minutes</source>
        <translation>Toutes les quelques minutes</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Planification :</translation>
    </message>
    <message>
        <source>Daily at:</source>
        <translation>Chaque jour à :</translation>
    </message>
    <message>
        <source>In the time zone:</source>
        <translation>Dans le fuseau horaire :</translation>
    </message>
    <message>
        <source>the system&apos;s; e.g. America/New_York</source>
        <translation>celui du système ; p. ex. America/New_York</translation>
    </message>
    <message>
        <source>Every (minutes):</source>
        <translation>Toutes les (minutes) :</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symboles :</translation>
    </message>
    <message>
        <source>the watchlist</source>
        <translation>la liste de surveillance</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Depuis :</translation>
    </message>
    <message>
        <source>Fill gaps at start and when the feed comes back after a pause</source>
        <translation>Combler les trous au démarrage et quand le flux reprend après une pause</translation>
    </message>
    <message>
        <source>Market hours (no gap is looked for outside them)</source>
        <translation>Heures de marché (aucun trou n’est cherché en dehors)</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <source>UTC; e.g. America/New_York</source>
        <translation>UTC ; p. ex. America/New_York</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>(equal: all day)</source>
        <translation>(égales : toute la journée)</translation>
    </message>
    <message>
        <source>Open:</source>
        <translation>Ouvert :</translation>
    </message>
    <message>
        <source>Trading days:</source>
        <translation>Jours de cotation :</translation>
    </message>
    <message>
        <source>the first source</source>
        <translation>la première source</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>source %1</translation>
    </message>
    <message>
        <source>Another TickDesk (/api/bars)</source>
        <translation>Un autre TickDesk (/api/bars)</translation>
    </message>
</context>
<context>
    <name>Gui::LiveStrategiesDialog</name>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>End run…</source>
        <translation>Arrêter…</translation>
    </message>
    <message>
        <source>Strategies trading live</source>
        <translation>Stratégies en direct</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Bars held</source>
        <translation>Barres détenues</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernière action</translation>
    </message>
    <message>
        <source>Each run decides at the close of each bar of its strategy&apos;s timeframe and trades at the next record; a position&apos;s stop and target wait at the broker. Start one from the strategy tester (Trade live…).</source>
        <translation>Chaque stratégie active décide à la clôture de chaque barre de son unité de temps et négocie à l&apos;enregistrement suivant ; le stop et l&apos;objectif d&apos;une position attendent chez le courtier. On en lance une depuis le testeur de stratégies (Trader en direct…).</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Run %1 resumed.</source>
        <translation>Stratégie active %1 reprise.</translation>
    </message>
    <message>
        <source>Run %1 paused.</source>
        <translation>Stratégie active %1 suspendue.</translation>
    </message>
    <message>
        <source>End run</source>
        <translation>Arrêter la stratégie</translation>
    </message>
    <message>
        <source>End run %1? Its working orders are cancelled; a position it opened stays in the account.</source>
        <translation>Arrêter la stratégie active %1 ? Ses ordres en cours sont annulés ; une position ouverte reste dans le compte.</translation>
    </message>
    <message>
        <source>Run %1 ended.</source>
        <translation>Stratégie active %1 arrêtée.</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>ne peut pas tourner : %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>à plat</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 à %3</translation>
    </message>
    <message>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <source>short</source>
        <translation>short</translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>TickDesk</source>
        <translation>TickDesk</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grille</translation>
    </message>
    <message>
        <source>Filter symbols (Ctrl+F)</source>
        <translation>Filtrer les symboles (Ctrl+F)</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Liste de surveillance</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>All sides</source>
        <translation>Tous les sens</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Toutes les règles</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the signals shown, as filtered, to a CSV file (Ctrl+E)</source>
        <translation>Exporter les signaux affichés, tels que filtrés, dans un fichier CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>Filtrer les événements</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Export signals…</source>
        <translation>&amp;Exporter les signaux…</translation>
    </message>
    <message>
        <source>Export &amp;ticks…</source>
        <translation>Exporter les &amp;ticks…</translation>
    </message>
    <message>
        <source>&amp;Import market data…</source>
        <translation>&amp;Importer des données de marché…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported</source>
        <translation>
            <numerusform>%n ligne exportée</numerusform>
            <numerusform>%n lignes exportées</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;export : %1</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Échec de l&apos;import : %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Rien n&apos;a été importé : %1</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Find &amp;symbol</source>
        <translation>Chercher un &amp;symbole</translation>
    </message>
    <message>
        <source>Times in &amp;UTC</source>
        <translation>Heures en &amp;UTC</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>Plein é&amp;cran</translation>
    </message>
    <message>
        <source>&amp;Simulator</source>
        <translation>&amp;Simulateur</translation>
    </message>
    <message>
        <source>&amp;Pause simulator</source>
        <translation>&amp;Mettre le simulateur en pause</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About TickDesk</source>
        <translation>À &amp;propos de TickDesk</translation>
    </message>
    <message>
        <source>About TickDesk</source>
        <translation>À propos de TickDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TickDesk %1&lt;/h3&gt;&lt;p&gt;A desktop trading terminal: live ticks, indicators, signals and charts in one program.&lt;/p&gt;&lt;p&gt;Released under the MIT licence. &lt;a href=&quot;https://github.com/tickdesk/tickdesk&quot;&gt;github.com/tickdesk/tickdesk&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Built with Qt %3, running on Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TickDesk %1&lt;/h3&gt;&lt;p&gt;Un terminal de trading de bureau : ticks en direct, indicateurs, signaux et graphiques dans un seul programme.&lt;/p&gt;&lt;p&gt;Publié sous licence MIT. &lt;a href=&quot;https://github.com/tickdesk/tickdesk&quot;&gt;github.com/tickdesk/tickdesk&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Base de données : %2&lt;br&gt;Compilé avec Qt %3, exécuté avec Qt %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Show or hide</source>
        <translation>Afficher ou masquer</translation>
    </message>
    <message>
        <source>Import market data</source>
        <translation>Importer des données de marché</translation>
    </message>
    <message>
        <source>Some rows were left out; the details say which and why.</source>
        <translation>Certaines lignes ont été écartées ; les détails disent lesquelles et pourquoi.</translation>
    </message>
    <message>
        <source>Market data (*.csv *.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>Données de marché (*.csv *.json *.ndjson *.jsonl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Another import or export is running; try %1 again when it is done</source>
        <translation>Un autre import ou export est en cours ; réessayez %1 quand il sera terminé</translation>
    </message>
    <message>
        <source>%1 has no symbol column. Which symbol are these bars of?</source>
        <translation>%1 n&apos;a pas de colonne de symbole. De quel symbole sont ces barres ?</translation>
    </message>
    <message>
        <source>Export signals</source>
        <translation>Exporter les signaux</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>All symbols</source>
        <translation>Tous les symboles</translation>
    </message>
    <message>
        <source>Export ticks</source>
        <translation>Exporter les ticks</translation>
    </message>
    <message>
        <source>Export the stored ticks of:</source>
        <translation>Exporter les ticks enregistrés de :</translation>
    </message>
    <message>
        <source>Ingest %1</source>
        <translation>Réception %1</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 enregistrements/s</translation>
    </message>
    <message>
        <source>rejected %1</source>
        <translation>refusés %1</translation>
    </message>
    <message>
        <source>signal p99 %1 ms</source>
        <translation>signal p99 %1 ms</translation>
    </message>
    <message>
        <source>signal p99 –</source>
        <translation>signal p99 –</translation>
    </message>
    <message>
        <source>database %1 MB</source>
        <translation>base %1 Mo</translation>
    </message>
    <message>
        <source>simulator off</source>
        <translation>simulateur arrêté</translation>
    </message>
    <message>
        <source>simulator paused</source>
        <translation>simulateur en pause</translation>
    </message>
    <message>
        <source>simulator running</source>
        <translation>simulateur en marche</translation>
    </message>
    <message>
        <source>Could not read the stored history: %1</source>
        <translation>Impossible de lire l’historique enregistré : %1</translation>
    </message>
    <message>
        <source>&amp;Start simulator</source>
        <translation>&amp;Démarrer le simulateur</translation>
    </message>
    <message>
        <source>The simulator could not start; the log says why.</source>
        <translation>Le simulateur n’a pas pu démarrer ; le journal en donne la raison.</translation>
    </message>
    <message>
        <source>&amp;Stop simulator</source>
        <translation>&amp;Arrêter le simulateur</translation>
    </message>
    <message>
        <source>&amp;Resume simulator</source>
        <translation>&amp;Reprendre le simulateur</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>Ouvrir le graphique</translation>
    </message>
    <message>
        <source>Show in grid</source>
        <translation>Afficher dans la grille</translation>
    </message>
    <message>
        <source>Cell %1 (empty)</source>
        <translation>Case %1 (vide)</translation>
    </message>
    <message>
        <source>Cell %1 (instead of %2)</source>
        <translation>Case %1 (à la place de %2)</translation>
    </message>
    <message>
        <source>Remove from grid</source>
        <translation>Retirer de la grille</translation>
    </message>
    <message>
        <source>Show its signals</source>
        <translation>Afficher ses signaux</translation>
    </message>
    <message>
        <source>Show removed symbols again</source>
        <translation>Afficher de nouveau les symboles retirés</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>Retirer de la liste de surveillance</translation>
    </message>
    <message>
        <source>&amp;Grid size</source>
        <translation>Taille de la &amp;grille</translation>
    </message>
    <message>
        <source>Detach into a window</source>
        <translation>Détacher dans une fenêtre</translation>
    </message>
    <message>
        <source>&amp;Workspaces</source>
        <translation>&amp;Espaces de travail</translation>
    </message>
    <message>
        <source>A workspace needs a name.</source>
        <translation>Un espace de travail doit avoir un nom.</translation>
    </message>
    <message>
        <source>A workspace name has at most 60 characters.</source>
        <translation>Un nom d’espace de travail a au plus 60 caractères.</translation>
    </message>
    <message>
        <source>Workspace “%1” saved</source>
        <translation>Espace de travail « %1 » enregistré</translation>
    </message>
    <message>
        <source>Workspace “%1” loaded</source>
        <translation>Espace de travail « %1 » chargé</translation>
    </message>
    <message>
        <source>Save workspace as…</source>
        <translation>Enregistrer l’espace de travail sous…</translation>
    </message>
    <message>
        <source>Delete workspace</source>
        <translation>Supprimer l’espace de travail</translation>
    </message>
    <message>
        <source>Delete the workspace “%1”?</source>
        <translation>Supprimer l’espace de travail « %1 » ?</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>Enregistrer l’espace de travail</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>A workspace “%1” exists. Replace it?</source>
        <translation>Un espace de travail « %1 » existe. Le remplacer ?</translation>
    </message>
    <message>
        <source>Filter alerts</source>
        <translation>Filtrer les alertes</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Open chart of %1</source>
        <translation>Ouvrir le graphique de %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alertes : %1</translation>
    </message>
    <message>
        <source>This alert cannot be read (%1): delete it or replace it through the API</source>
        <translation>Cette alerte est illisible (%1) : supprimez-la ou remplacez-la par l’API</translation>
    </message>
    <message>
        <source>Add alert…</source>
        <translation>Ajouter une alerte…</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>tout jour</translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation>Ticket d’ordre</translation>
    </message>
    <message>
        <source>Close %1 at the market</source>
        <translation>Clôturer %1 au marché</translation>
    </message>
    <message>
        <source>Buy %1…</source>
        <translation>Acheter %1…</translation>
    </message>
    <message>
        <source>Sell %1…</source>
        <translation>Vendre %1…</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Tous les ordres</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Annuler l’ordre</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Cancel order #%1</source>
        <translation>Annuler l’ordre n° %1</translation>
    </message>
    <message>
        <source>Change order #%1…</source>
        <translation>Modifier l’ordre n° %1…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordres</translation>
    </message>
    <message>
        <source>Export trades</source>
        <translation>Exporter les transactions</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>The paper account: cash, equity (cash and positions at their last prices) and today&apos;s P/L</source>
        <translation>Le compte fictif : liquidités, valeur (liquidités et positions à leurs derniers cours) et P/P du jour</translation>
    </message>
    <message>
        <source>newest %1 of %2 trades</source>
        <translation>les %1 plus récentes sur %2 transactions</translation>
    </message>
    <message numerus="yes">
        <source>%n trades</source>
        <translation>
            <numerusform>%n transaction</numerusform>
            <numerusform>%n transactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trades written to %1</source>
        <translation>
            <numerusform>%n transaction écrite dans %1</numerusform>
            <numerusform>%n transactions écrites dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Paper trading: %1</source>
        <translation>Trading fictif : %1</translation>
    </message>
    <message>
        <source>The paper account was reset</source>
        <translation>Le compte fictif a été réinitialisé</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>&amp;Trading</translation>
    </message>
    <message>
        <source>&amp;Buy…</source>
        <translation>&amp;Acheter…</translation>
    </message>
    <message>
        <source>&amp;Sell…</source>
        <translation>&amp;Vendre…</translation>
    </message>
    <message>
        <source>P/L &amp;calendar…</source>
        <translation>&amp;Calendrier des P/P…</translation>
    </message>
    <message>
        <source>&amp;Reset paper account…</source>
        <translation>&amp;Réinitialiser le compte fictif…</translation>
    </message>
    <message>
        <source>Reset paper account</source>
        <translation>Réinitialiser le compte fictif</translation>
    </message>
    <message>
        <source>Working orders are cancelled and positions start flat; earlier trades stay in the list and the calendar.

Starting cash:</source>
        <translation>Les ordres en cours sont annulés et les positions repartent de zéro ; les transactions passées restent dans la liste et le calendrier.

Liquidités de départ :</translation>
    </message>
    <message>
        <source>closed from the positions</source>
        <translation>clôturée depuis les positions</translation>
    </message>
    <message>
        <source>Paper: cash %1 · equity %2 · day &lt;span style=&quot;color:%4&quot;&gt;%3&lt;/span&gt;</source>
        <translation>Fictif : liquidités %1 · valeur %2 · jour &lt;span style=&quot;color:%4&quot;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The signals that trade were saved</source>
        <translation>Les signaux qui tradent ont été enregistrés</translation>
    </message>
    <message>
        <source>Signals that &amp;trade…</source>
        <translation>Signaux qui &amp;tradent…</translation>
    </message>
    <message>
        <source>%1 %2 %3 · #%4</source>
        <translation>%1 %2 %3 · n° %4</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Strategy &amp;tester…</source>
        <translation>&amp;Testeur de stratégies…</translation>
    </message>
    <message>
        <source>Strategies trading &amp;live…</source>
        <translation>Stratégies en &amp;direct…</translation>
    </message>
    <message>
        <source>Open the &amp;web monitor in a browser</source>
        <translation>Ouvrir le &amp;moniteur web dans un navigateur</translation>
    </message>
    <message>
        <source>NATS: sending, %1 behind</source>
        <translation>NATS : envoi, %1 en retard</translation>
    </message>
    <message>
        <source>NATS: connected</source>
        <translation>NATS : connecté</translation>
    </message>
    <message>
        <source>NATS: away, %1 waiting</source>
        <translation>NATS : injoignable, %1 en attente</translation>
    </message>
    <message>
        <source>History from %1, %2: %3</source>
        <translation>Historique depuis %1, %2 : %3</translation>
    </message>
    <message>
        <source>History from %1, %2: failed: %3</source>
        <translation>Historique depuis %1, %2 : échec : %3</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Refresh the watchlist&apos;s history</source>
        <translation>&amp;Actualiser l’historique de la liste de surveillance</translation>
    </message>
    <message>
        <source>Refresh the watchlist &amp;from</source>
        <translation>Actualiser la liste de surveillance &amp;depuis</translation>
    </message>
    <message>
        <source>No source yet: Settings → History</source>
        <translation>Aucune source : Paramètres → Historique</translation>
    </message>
    <message>
        <source>Fill &amp;gaps in the watchlist&apos;s history</source>
        <translation>Combler les &amp;trous de l’historique de la liste de surveillance</translation>
    </message>
    <message>
        <source>Show the last &amp;refresh</source>
        <translation>Afficher la dernière &amp;actualisation</translation>
    </message>
    <message>
        <source>History: 0 of %1 symbols</source>
        <translation>Historique : 0 symbole sur %1</translation>
    </message>
    <message>
        <source>History: %1 of %2 symbols</source>
        <translation>Historique : %1 symboles sur %2</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Échec de l’actualisation : %1</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Trou</translation>
    </message>
    <message>
        <source>Gaps in its history: %1; filling %2</source>
        <translation>Trous dans l’historique : %1 ; comblement de %2</translation>
    </message>
    <message>
        <source>History: symbols %1, bars stored %2, failed %3</source>
        <translation>Historique : symboles %1, barres enregistrées %2, échecs %3</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Historique : %1</translation>
    </message>
    <message>
        <source>ingest %1: %2 pending</source>
        <translation>ingestion %1 : %2 en attente</translation>
    </message>
    <message>
        <source>ingest %1: standby</source>
        <translation>ingestion %1 : en réserve</translation>
    </message>
    <message>
        <source>ingest %1: waiting</source>
        <translation>ingestion %1 : en attente de connexion</translation>
    </message>
    <message>
        <source>TickDesk — %1</source>
        <translation>TickDesk — %1</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>on the node: %1</source>
        <translation>sur le nœud : %1</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Source %1</translation>
    </message>
    <message>
        <source>NATS: away</source>
        <translation>NATS : absent</translation>
    </message>
    <message>
        <source>NATS: waiting</source>
        <translation>NATS : en attente</translation>
    </message>
    <message>
        <source>NATS: catching up, %1 to go</source>
        <translation>NATS : rattrapage, encore %1</translation>
    </message>
    <message>
        <source>NATS: following</source>
        <translation>NATS : suivi</translation>
    </message>
    <message>
        <source>%1
Signals, alert fires and fills stored through message %2 of the stream</source>
        <translation>%1
Signaux, déclenchements d&apos;alertes et exécutions stockés jusqu&apos;au message %2 du flux</translation>
    </message>
</context>
<context>
    <name>Gui::NotificationsPage</name>
    <message>
        <source>Send signals by e-mail</source>
        <translation>Envoyer les signaux par e-mail</translation>
    </message>
    <message>
        <source>Alerts too (price moves, news), not only buy and sell</source>
        <translation>Les alertes aussi (mouvements de prix, actualités), pas seulement achat et vente</translation>
    </message>
    <message>
        <source>Alerts too</source>
        <translation>Les alertes aussi</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Envoyer un e-mail de test</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (port 465)</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>Aucune (relais locaux seulement)</translation>
    </message>
    <message>
        <source>kept in the desktop&apos;s keyring</source>
        <translation>conservé dans le trousseau du bureau</translation>
    </message>
    <message>
        <source>trader@example.org, desk@example.org</source>
        <translation>trader@example.org, desk@example.org</translation>
    </message>
    <message>
        <source>a certificate to trust, e.g. a self-signed server&apos;s (optional)</source>
        <translation>un certificat de confiance, p. ex. celui d&apos;un serveur auto-signé (facultatif)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off: one message per signal</source>
        <translation>désactivé : un message par signal</translation>
    </message>
    <message>
        <source>One URL per line; each gets a JSON document per signal (or per digest).</source>
        <translation>Une URL par ligne ; chacune reçoit un document JSON par signal (ou par résumé).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Certificat de confiance</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>À :</translation>
    </message>
    <message>
        <source>Trusted certificate:</source>
        <translation>Certificat de confiance :</translation>
    </message>
    <message>
        <source>E-mail digest:</source>
        <translation>Résumé par e-mail :</translation>
    </message>
    <message>
        <source>Webhooks:</source>
        <translation>Webhooks :</translation>
    </message>
    <message>
        <source>Webhook digest:</source>
        <translation>Résumé par webhook :</translation>
    </message>
    <message>
        <source>Every buy and sell signal is kept in an outbox until each channel took it, across restarts. Changes apply at the next start.</source>
        <translation>Chaque signal d&apos;achat et de vente reste dans une boîte d&apos;envoi jusqu&apos;à ce que chaque canal l&apos;ait accepté, même après un redémarrage. Les changements s&apos;appliquent au prochain démarrage.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Sent: the server accepted the test e-mail.</source>
        <translation>Envoyé : le serveur a accepté l&apos;e-mail de test.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
</context>
<context>
    <name>Gui::OperandEditor</name>
    <message>
        <source>Period, in bars</source>
        <translation>Période, en barres</translation>
    </message>
    <message>
        <source>MACD fast period</source>
        <translation>Période rapide du MACD</translation>
    </message>
    <message>
        <source>MACD slow period</source>
        <translation>Période lente du MACD</translation>
    </message>
    <message>
        <source>MACD signal period</source>
        <translation>Période du signal MACD</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Price (last)</source>
        <translation>Cours (dernier)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Plus haut</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Plus bas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>SMA</source>
        <translation>MMS</translation>
    </message>
    <message>
        <source>EMA</source>
        <translation>MME</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>MACD line</source>
        <translation>Ligne MACD</translation>
    </message>
    <message>
        <source>MACD signal</source>
        <translation>Signal MACD</translation>
    </message>
    <message>
        <source>MACD histogram</source>
        <translation>Histogramme MACD</translation>
    </message>
    <message>
        <source>Bollinger upper band</source>
        <translation>Bande de Bollinger haute</translation>
    </message>
    <message>
        <source>Bollinger middle band</source>
        <translation>Bande de Bollinger médiane</translation>
    </message>
    <message>
        <source>Bollinger lower band</source>
        <translation>Bande de Bollinger basse</translation>
    </message>
    <message>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <source>VWAP</source>
        <translation>VWAP</translation>
    </message>
    <message>
        <source>Bollinger width, in standard deviations</source>
        <translation>Largeur de Bollinger, en écarts-types</translation>
    </message>
</context>
<context>
    <name>Gui::OrderModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Limit / stop</source>
        <translation>Limite / stop</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>Gui::OrderTicket</name>
    <message>
        <source>Change order</source>
        <translation>Modifier l’ordre</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Annuler l’ordre</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Nouvel ordre</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Type / price</source>
        <translation>Type / prix</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>#%1 %2 %3 %4 %5: %6</source>
        <translation>n° %1 %2 %3 %4 %5 : %6</translation>
    </message>
    <message>
        <source>Type a symbol</source>
        <translation>Saisissez un symbole</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>aucune position</translation>
    </message>
    <message>
        <source>held: %1</source>
        <translation>détenu : %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Buy %1 — Enter sends</source>
        <translation>Acheter %1 — Entrée envoie</translation>
    </message>
    <message>
        <source>Sell %1 — Enter sends</source>
        <translation>Vendre %1 — Entrée envoie</translation>
    </message>
    <message>
        <source>Changing order #%1: %2 %3</source>
        <translation>Modification de l’ordre n° %1 : %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Gui::PnlCalendar</name>
    <message>
        <source>P/L calendar</source>
        <translation>Calendrier des P/P</translation>
    </message>
    <message numerus="yes">
        <source>%1: net %2 from %n trades</source>
        <translation>
            <numerusform>%1 : net %2 sur %n transaction</numerusform>
            <numerusform>%1 : net %2 sur %n transactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n days</source>
        <translation>
            <numerusform> en %n jour</numerusform>
            <numerusform> en %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no trades</source>
        <translation>%1 : aucune transaction</translation>
    </message>
    <message>
        <source>%1: %2 trades · realized %3 · fees %4 · net %5
win rate %6 · profit factor %7 · average win %8, loss %9 · largest win %10, loss %11 · cumulative %12</source>
        <translation>%1 : %2 transactions · réalisé %3 · frais %4 · net %5
taux de réussite %6 · facteur de profit %7 · gain moyen %8, perte %9 · plus grand gain %10, perte %11 · cumulé %12</translation>
    </message>
</context>
<context>
    <name>Gui::PositionModel</name>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>Prix moyen</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>Unrealized</source>
        <translation>Latent</translation>
    </message>
    <message>
        <source>Unrealized %</source>
        <translation>Latent %</translation>
    </message>
    <message>
        <source>Realized</source>
        <translation>Réalisé</translation>
    </message>
</context>
<context>
    <name>Gui::RefreshDialog</name>
    <message>
        <source>History refresh</source>
        <translation>Actualisation de l’historique</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Cancel refresh</source>
        <translation>Annuler l’actualisation</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1: gaps in its history: %2; filling %3</source>
        <translation>%1 : trous dans l’historique : %2 ; comblement de %3</translation>
    </message>
    <message>
        <source>Looking for gaps in %1 symbols…</source>
        <translation>Recherche de trous dans %1 symboles…</translation>
    </message>
    <message>
        <source>Scheduled refresh of %1 symbols…</source>
        <translation>Actualisation planifiée de %1 symboles…</translation>
    </message>
    <message>
        <source>Refreshing %1 symbols…</source>
        <translation>Actualisation de %1 symboles…</translation>
    </message>
    <message>
        <source>Failed: </source>
        <translation>Échec : </translation>
    </message>
    <message>
        <source>Cancelled. Symbols done: %1; bars stored: %2.</source>
        <translation>Annulé. Symboles traités : %1 ; barres enregistrées : %2.</translation>
    </message>
    <message>
        <source>Done. Symbols: %1; bars stored: %2.</source>
        <translation>Terminé. Symboles : %1 ; barres enregistrées : %2.</translation>
    </message>
    <message>
        <source>Failed: %1.</source>
        <translation>Échecs : %1.</translation>
    </message>
    <message>
        <source>Nothing to do: no gaps, or nothing asked for.</source>
        <translation>Rien à faire : aucun trou, ou rien de demandé.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
</context>
<context>
    <name>Gui::ReliabilityModel</name>
    <message>
        <source>Buy</source>
        <translation>Achat</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vente</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message numerus="yes">
        <source>Measured %n bars after each signal, in the signal&apos;s direction</source>
        <translation>
            <numerusform>Mesuré %n barre après chaque signal, dans le sens du signal</numerusform>
            <numerusform>Mesuré %n barres après chaque signal, dans le sens du signal</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule or alert</source>
        <translation>Règle ou alerte</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Average move</source>
        <translation>Mouvement moyen</translation>
    </message>
</context>
<context>
    <name>Gui::SearchResultModel</name>
    <message>
        <source>Return</source>
        <translation>Rendement</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Drawdown max.</translation>
    </message>
    <message>
        <source>Sharpe</source>
        <translation>Sharpe</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>Facteur de profit</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Taux de gain</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
</context>
<context>
    <name>Gui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>only needed for a non-loopback address</source>
        <translation>nécessaire seulement pour une adresse hors bouclage</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>Adresse d&apos;écoute :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Jeton d&apos;accès :</translation>
    </message>
    <message>
        <source>Server changes take effect at the next start.</source>
        <translation>Les changements du serveur s&apos;appliquent au prochain démarrage.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>SMA period:</source>
        <translation>Période SMA :</translation>
    </message>
    <message>
        <source>EMA period:</source>
        <translation>Période EMA :</translation>
    </message>
    <message>
        <source>RSI period:</source>
        <translation>Période RSI :</translation>
    </message>
    <message>
        <source>MACD fast:</source>
        <translation>MACD rapide :</translation>
    </message>
    <message>
        <source>MACD slow:</source>
        <translation>MACD lente :</translation>
    </message>
    <message>
        <source>MACD signal:</source>
        <translation>Signal MACD :</translation>
    </message>
    <message>
        <source>Bollinger period:</source>
        <translation>Période Bollinger :</translation>
    </message>
    <message>
        <source>Bollinger width (σ):</source>
        <translation>Largeur Bollinger (σ) :</translation>
    </message>
    <message>
        <source>ATR period:</source>
        <translation>Période ATR :</translation>
    </message>
    <message>
        <source>VWAP period:</source>
        <translation>Période VWAP :</translation>
    </message>
    <message>
        <source>Crossover fast SMA:</source>
        <translation>Croisement SMA rapide :</translation>
    </message>
    <message>
        <source>Crossover slow SMA:</source>
        <translation>Croisement SMA lente :</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI avec tendance</translation>
    </message>
    <message>
        <source>Buy when RSI below:</source>
        <translation>Acheter quand le RSI est sous :</translation>
    </message>
    <message>
        <source>Sell when RSI above:</source>
        <translation>Vendre quand le RSI est au-dessus de :</translation>
    </message>
    <message>
        <source>Moving-average crossover</source>
        <translation>Croisement de moyennes mobiles</translation>
    </message>
    <message>
        <source>Price-move alert</source>
        <translation>Alerte de mouvement de prix</translation>
    </message>
    <message>
        <source>Move of at least (%):</source>
        <translation>Mouvement d&apos;au moins (%) :</translation>
    </message>
    <message>
        <source>Within (seconds):</source>
        <translation>En (secondes) :</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Sentiment d&apos;actualité</translation>
    </message>
    <message>
        <source>Sentiment at least:</source>
        <translation>Sentiment d&apos;au moins :</translation>
    </message>
    <message>
        <source>Magnitude at least:</source>
        <translation>Ampleur d&apos;au moins :</translation>
    </message>
    <message>
        <source>Cool-down per symbol (s):</source>
        <translation>Délai de répit par symbole (s) :</translation>
    </message>
    <message>
        <source>Indicator and rule changes take effect at the next start.</source>
        <translation>Les changements d&apos;indicateurs et de règles s&apos;appliquent au prochain démarrage.</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>Simulateur</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symboles :</translation>
    </message>
    <message>
        <source>Records per second:</source>
        <translation>Enregistrements par seconde :</translation>
    </message>
    <message>
        <source>Volatility (per year):</source>
        <translation>Volatilité (par an) :</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Show times in UTC</source>
        <translation>Afficher les heures en UTC</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Thème sombre</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>La langue change au prochain démarrage.</translation>
    </message>
    <message>
        <source>Closing the window keeps TickDesk in the tray</source>
        <translation>Fermer la fenêtre garde TickDesk dans la zone de notification</translation>
    </message>
    <message>
        <source>Bars per chart:</source>
        <translation>Barres par graphique :</translation>
    </message>
    <message>
        <source>Keep data for (days, 0 = always):</source>
        <translation>Conserver les données (jours, 0 = toujours) :</translation>
    </message>
    <message>
        <source>Retention applies from the next start; signals are always kept.</source>
        <translation>La conservation s&apos;applique au prochain démarrage ; les signaux sont toujours gardés.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Bars per chart: %1 is not between 20 and 2000.</source>
        <translation>Barres par graphique : %1 n&apos;est pas entre 20 et 2000.</translation>
    </message>
    <message>
        <source>Listening now on:</source>
        <translation>À l’écoute sur :</translation>
    </message>
    <message>
        <source>Indicator changes take effect at the next start.</source>
        <translation>Les changements d’indicateurs prennent effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>Re-arm after (RSI points):</source>
        <translation>Réarmer après (points de RSI) :</translation>
    </message>
    <message>
        <source>Fast beyond slow by at least (%):</source>
        <translation>Rapide au-delà de la lente d’au moins (%) :</translation>
    </message>
    <message>
        <source>Start the simulator with TickDesk</source>
        <translation>Démarrer le simulateur avec TickDesk</translation>
    </message>
    <message>
        <source>The RSI, crossover and price-move rules look at bars of this timeframe and speak when a bar closes; &quot;record&quot; takes each record as a bar.</source>
        <translation>Les règles RSI, croisement et mouvement de prix examinent les barres de cette unité de temps et se déclenchent à la clôture d’une barre ; &quot;record&quot; prend chaque enregistrement comme une barre.</translation>
    </message>
    <message>
        <source>Timeframe:</source>
        <translation>Unité de temps :</translation>
    </message>
    <message>
        <source>Where daily and weekly bars begin, e.g. America/New_York; UTC by default.</source>
        <translation>Où commencent les barres journalières et hebdomadaires, p. ex. America/New_York ; UTC par défaut.</translation>
    </message>
    <message>
        <source>Session time zone:</source>
        <translation>Fuseau horaire de séance :</translation>
    </message>
    <message>
        <source>Rules&apos; timeframe: %1</source>
        <translation>Unité de temps des règles : %1</translation>
    </message>
    <message>
        <source>Paper trading</source>
        <translation>Trading fictif</translation>
    </message>
    <message>
        <source>Starting cash:</source>
        <translation>Liquidités de départ :</translation>
    </message>
    <message>
        <source>Commission per share:</source>
        <translation>Commission par action :</translation>
    </message>
    <message>
        <source>Commission per order:</source>
        <translation>Commission par ordre :</translation>
    </message>
    <message>
        <source>Commission (% of the value traded):</source>
        <translation>Commission (% de la valeur échangée) :</translation>
    </message>
    <message>
        <source>Slippage per share (market and stop fills):</source>
        <translation>Glissement par action (exécutions au marché et stop) :</translation>
    </message>
    <message>
        <source>Costs take effect at the next start. The starting cash is the first account&apos;s; Trade → Reset paper account begins a new one with the cash you give.</source>
        <translation>Les coûts s’appliquent au prochain démarrage. Les liquidités de départ sont celles du premier compte ; Trading → Réinitialiser le compte fictif en commence un nouveau avec le montant que vous indiquez.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Publishing to NATS JetStream&lt;/b&gt;</source>
        <translation>&lt;b&gt;Publication vers NATS JetStream&lt;/b&gt;</translation>
    </message>
    <message>
        <source>NATS URL:</source>
        <translation>URL NATS :</translation>
    </message>
    <message>
        <source>off; e.g. nats://127.0.0.1:4222</source>
        <translation>désactivé ; p. ex. nats://127.0.0.1:4222</translation>
    </message>
    <message>
        <source>NATS user:</source>
        <translation>Utilisateur NATS :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>NATS token or password:</source>
        <translation>Jeton ou mot de passe NATS :</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>conservé dans le trousseau</translation>
    </message>
    <message>
        <source>Node name:</source>
        <translation>Nom du nœud :</translation>
    </message>
    <message>
        <source>the host name</source>
        <translation>le nom d&apos;hôte</translation>
    </message>
    <message>
        <source>NATS CA certificate:</source>
        <translation>Certificat d&apos;autorité NATS :</translation>
    </message>
    <message>
        <source>the system&apos;s</source>
        <translation>celui du système</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Consume ingest:</source>
        <translation>Consommer l&apos;ingestion :</translation>
    </message>
    <message>
        <source>no; all, or this node&apos;s partitions: 0/2</source>
        <translation>non ; all, ou les partitions de ce nœud : 0/2</translation>
    </message>
    <message>
        <source>Store the records published to tickdesk.ingest.&lt;symbol&gt; (the JetStream work queue TICKDESK_INGEST): all of them, or partitions P/N of the symbols shared with other nodes</source>
        <translation>Stocker les enregistrements publiés sur tickdesk.ingest.&lt;symbole&gt; (la file de travail JetStream TICKDESK_INGEST) : tous, ou les partitions P/N des symboles partagés avec d&apos;autres nœuds</translation>
    </message>
</context>
<context>
    <name>Gui::SignalModel</name>
    <message>
        <source>delivered</source>
        <translation>livré</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>achat</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>vente</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerte</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI avec tendance</translation>
    </message>
    <message>
        <source>MA crossover</source>
        <translation>Croisement de MM</translation>
    </message>
    <message>
        <source>Price move</source>
        <translation>Mouvement de prix</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Sentiment d&apos;actualité</translation>
    </message>
</context>
<context>
    <name>Gui::StrategyEditor</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Whole shares</source>
        <translation>Actions entières</translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation>Sans nom</translation>
    </message>
    <message>
        <source>Moving-average crossover</source>
        <translation>Croisement de moyennes mobiles</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI avec tendance</translation>
    </message>
    <message>
        <source>Entries and exits of my own</source>
        <translation>Mes propres entrées et sorties</translation>
    </message>
    <message>
        <source>fast SMA </source>
        <translation>SMA rapide </translation>
    </message>
    <message>
        <source>slow SMA </source>
        <translation>SMA lente </translation>
    </message>
    <message>
        <source>RSI </source>
        <translation>RSI </translation>
    </message>
    <message>
        <source>buy below </source>
        <translation>acheter sous </translation>
    </message>
    <message>
        <source>sell above </source>
        <translation>vendre au-dessus de </translation>
    </message>
    <message>
        <source>Averages:</source>
        <translation>Moyennes :</translation>
    </message>
    <message>
        <source>Buys when the fast SMA crosses above the slow one at a bar&apos;s close, sells when it crosses below.</source>
        <translation>Achète quand la SMA rapide croise au-dessus de la lente à la clôture d&apos;une barre, vend quand elle croise en dessous.</translation>
    </message>
    <message>
        <source>RSI:</source>
        <translation>RSI :</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Niveaux :</translation>
    </message>
    <message>
        <source>Buy when:</source>
        <translation>Acheter quand :</translation>
    </message>
    <message>
        <source>Sell when:</source>
        <translation>Vendre quand :</translation>
    </message>
    <message>
        <source>Sell short when:</source>
        <translation>Vendre à découvert quand :</translation>
    </message>
    <message>
        <source>Cover when:</source>
        <translation>Racheter quand :</translation>
    </message>
    <message>
        <source>Long only</source>
        <translation>Long seulement</translation>
    </message>
    <message>
        <source>Short only</source>
        <translation>Short seulement</translation>
    </message>
    <message>
        <source>Long and short</source>
        <translation>Long et short</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> barres</translation>
    </message>
    <message>
        <source>% of equity</source>
        <translation>% des capitaux</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>montant</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>actions</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Stratégie :</translation>
    </message>
    <message>
        <source>Timeframe:</source>
        <translation>Unité de temps :</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Sens :</translation>
    </message>
    <message>
        <source>Stop loss:</source>
        <translation>Stop loss :</translation>
    </message>
    <message>
        <source>Take profit:</source>
        <translation>Prise de bénéfice :</translation>
    </message>
    <message>
        <source>Close after:</source>
        <translation>Clôturer après :</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position :</translation>
    </message>
</context>
<context>
    <name>Gui::StrategyTesterWindow</name>
    <message>
        <source>The strategy cannot run: %1</source>
        <translation>La stratégie ne peut pas tourner : %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a symbol.</source>
        <translation>« %1 » n&apos;est pas un symbole.</translation>
    </message>
    <message>
        <source>Give the symbols to test, e.g. AAPL.</source>
        <translation>Indiquez les symboles à tester, p. ex. AAPL.</translation>
    </message>
    <message>
        <source>The range begins after it ends.</source>
        <translation>La période commence après sa fin.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>Walk-forward cancelled.</source>
        <translation>Walk-forward annulé.</translation>
    </message>
    <message>
        <source>Moving-average crossover %1/%2</source>
        <translation>Croisement de moyennes mobiles %1/%2</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI avec tendance</translation>
    </message>
    <message>
        <source>Unnamed strategy</source>
        <translation>Stratégie sans nom</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2, %3 bars, %4 to %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; sur %2, barres %3, du %4 au %5</translation>
    </message>
    <message numerus="yes">
        <source>Walk-forward, out-of-sample stretches joined (%n folds):</source>
        <translation>
            <numerusform>Walk-forward, périodes de test mises bout à bout (%n pli) :</numerusform>
            <numerusform>Walk-forward, périodes de test mises bout à bout (%n plis) :</numerusform>
        </translation>
    </message>
    <message>
        <source>— (under a year)</source>
        <translation>— (moins d&apos;un an)</translation>
    </message>
    <message numerus="yes">
        <source>%1 days (%n bars)</source>
        <translation>
            <numerusform>%1 jours (%n barre)</numerusform>
            <numerusform>%1 jours (%n barres)</numerusform>
        </translation>
    </message>
    <message>
        <source>— (no loss)</source>
        <translation>— (aucune perte)</translation>
    </message>
    <message>
        <source>Equity, out of sample</source>
        <translation>Capitaux, hors échantillon</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Capitaux</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n trades, return %2.</source>
        <translation>
            <numerusform>%1 : %n trade, rendement %2.</numerusform>
            <numerusform>%1 : %n trades, rendement %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-forward done</source>
        <translation>Walk-forward terminé</translation>
    </message>
    <message>
        <source>Test done</source>
        <translation>Test terminé</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 sets.</source>
        <translation>Annulé après %1 jeux sur %2.</translation>
    </message>
    <message>
        <source>%1 sets run.</source>
        <translation>%1 jeux exécutés.</translation>
    </message>
    <message>
        <source>%1 could not run, e.g.: %2</source>
        <translation>%1 n&apos;ont pas pu tourner, p. ex. : %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>&amp;Run test</source>
        <translation>&amp;Lancer le test</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Strategy Tester</source>
        <translation>Testeur de stratégies</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>Optimize</source>
        <translation>Optimiser</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Enregistrées :</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Stratégie</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>AAPL, MSFT</source>
        <translation>AAPL, MSFT</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symboles :</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <source>Starting cash:</source>
        <translation>Capital de départ :</translation>
    </message>
    <message>
        <source>a share</source>
        <translation>par action</translation>
    </message>
    <message>
        <source>an order</source>
        <translation>par ordre</translation>
    </message>
    <message>
        <source>Commission:</source>
        <translation>Commission :</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>écart</translation>
    </message>
    <message>
        <source>Slippage:</source>
        <translation>Glissement :</translation>
    </message>
    <message>
        <source> bars after</source>
        <translation> barres après</translation>
    </message>
    <message>
        <source>Rule reliability: where the price was this many bars after each signal</source>
        <translation>Fiabilité des règles : où était le prix ce nombre de barres après chaque signal</translation>
    </message>
    <message>
        <source>Reliability:</source>
        <translation>Fiabilité :</translation>
    </message>
    <message>
        <source>Choose a strategy and symbols, then Run test.</source>
        <translation>Choisissez une stratégie et des symboles, puis lancez le test.</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>Rendement total</translation>
    </message>
    <message>
        <source>CAGR</source>
        <translation>TCAC</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Drawdown max.</translation>
    </message>
    <message>
        <source>Longest drawdown</source>
        <translation>Drawdown le plus long</translation>
    </message>
    <message>
        <source>Sharpe</source>
        <translation>Sharpe</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>Sortino</translation>
    </message>
    <message>
        <source>Calmar</source>
        <translation>Calmar</translation>
    </message>
    <message>
        <source>Volatility</source>
        <translation>Volatilité</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Taux de gain</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>Facteur de profit</translation>
    </message>
    <message>
        <source>Expectancy</source>
        <translation>Espérance</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Ending equity</source>
        <translation>Capitaux finaux</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <source>Decisions at each bar&apos;s close, fills at the next bar&apos;s open; a stop and a target reached in one bar count as the stop.</source>
        <translation>Décisions à la clôture de chaque barre, exécutions à l&apos;ouverture de la suivante ; un stop et un objectif atteints dans la même barre comptent comme le stop.</translation>
    </message>
    <message>
        <source>Which signals to trust: each rule and alert over this history</source>
        <translation>À quels signaux se fier : chaque règle et alerte sur cet historique</translation>
    </message>
    <message>
        <source>Export trades…</source>
        <translation>Exporter les trades…</translation>
    </message>
    <message>
        <source>Export equity…</source>
        <translation>Exporter les capitaux…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Smallest drawdown</source>
        <translation>Plus petit drawdown</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source> bars in sample</source>
        <translation> barres d&apos;apprentissage</translation>
    </message>
    <message>
        <source> bars out of sample</source>
        <translation> barres de test</translation>
    </message>
    <message>
        <source>&amp;Walk forward</source>
        <translation>&amp;Walk-forward</translation>
    </message>
    <message>
        <source>Rank by:</source>
        <translation>Classer par :</translation>
    </message>
    <message>
        <source>Double-click a set to test it</source>
        <translation>Double-cliquez sur un jeu pour le tester</translation>
    </message>
    <message>
        <source>Run test</source>
        <translation>Lancer le test</translation>
    </message>
    <message>
        <source>Moving-average crossover (preset)</source>
        <translation>Croisement de moyennes mobiles (préréglage)</translation>
    </message>
    <message>
        <source>RSI with trend (preset)</source>
        <translation>RSI avec tendance (préréglage)</translation>
    </message>
    <message>
        <source>Save strategy</source>
        <translation>Enregistrer la stratégie</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>« %1 » enregistrée.</translation>
    </message>
    <message>
        <source>Delete strategy</source>
        <translation>Supprimer la stratégie</translation>
    </message>
    <message>
        <source>Delete the saved strategy &quot;%1&quot;?</source>
        <translation>Supprimer la stratégie enregistrée « %1 » ?</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>« %1 » supprimée.</translation>
    </message>
    <message>
        <source>Run a test first.</source>
        <translation>Lancez d&apos;abord un test.</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Écrit dans %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Trade live</source>
        <translation>Trader en direct</translation>
    </message>
    <message>
        <source>Trade &quot;%1&quot; live on the paper account, on %2?

%3

It decides at the close of each %4 bar from the next one on and trades at the next record; a position&apos;s stop and target wait at the broker. Trade → Strategies trading live… pauses or ends it.</source>
        <translation>Trader « %1 » en direct sur le compte papier, sur %2 ?

%3

Elle décide à la clôture de chaque barre %4 à partir de la prochaine et négocie à l&apos;enregistrement suivant ; le stop et l&apos;objectif d&apos;une position attendent chez le courtier. Trading → Stratégies en direct… la suspend ou l&apos;arrête.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; trades live (run %2).</source>
        <translation>« %1 » est tradée en direct (stratégie active %2).</translation>
    </message>
    <message>
        <source>Cannot trade live: %1</source>
        <translation>Impossible de trader en direct : %1</translation>
    </message>
    <message>
        <source>Trade live…</source>
        <translation>Trader en direct…</translation>
    </message>
    <message>
        <source>Trade this strategy live on the paper account: it decides at each bar&apos;s close from the next bar on, as the test does</source>
        <translation>Trader cette stratégie en direct sur le compte papier : elle décide à chaque clôture de barre à partir de la prochaine, comme le test</translation>
    </message>
</context>
<context>
    <name>Gui::SymbolChart</name>
    <message>
        <source>SMA</source>
        <translation>SMA</translation>
    </message>
    <message>
        <source>EMA</source>
        <translation>EMA</translation>
    </message>
    <message>
        <source>Day %: change of the last price since the session&apos;s first open (the day of the latest bar in the session time zone), as in the watchlist.</source>
        <translation>Jour % : variation du dernier cours depuis la première ouverture de la séance (le jour de la dernière barre dans le fuseau horaire de la séance), comme dans la liste de surveillance.</translation>
    </message>
    <message>
        <source>Empty cell: right-click to choose a symbol</source>
        <translation>Case vide : clic droit pour choisir un symbole</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Aucune donnée</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Jour %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Live »</source>
        <translation>Direct »</translation>
    </message>
    <message>
        <source>Back to the newest bar (End)</source>
        <translation>Retour à la barre la plus récente (Fin)</translation>
    </message>
    <message>
        <source>How the bars are drawn</source>
        <translation>Comment les barres sont dessinées</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Overlays on the candles and panes under them</source>
        <translation>Superpositions sur les chandeliers et panneaux en dessous</translation>
    </message>
    <message>
        <source>Bollinger bands</source>
        <translation>Bandes de Bollinger</translation>
    </message>
    <message>
        <source>VWAP</source>
        <translation>VWAP</translation>
    </message>
    <message>
        <source>Volume pane</source>
        <translation>Panneau volume</translation>
    </message>
    <message>
        <source>RSI pane</source>
        <translation>Panneau RSI</translation>
    </message>
    <message>
        <source>MACD pane</source>
        <translation>Panneau MACD</translation>
    </message>
    <message>
        <source>ATR pane</source>
        <translation>Panneau ATR</translation>
    </message>
    <message>
        <source>Periods, colours and levels…</source>
        <translation>Périodes, couleurs et niveaux…</translation>
    </message>
    <message>
        <source>Add alert: volume at %1…</source>
        <translation>Ajouter une alerte : volume à %1…</translation>
    </message>
    <message>
        <source>Add alert: RSI at %1…</source>
        <translation>Ajouter une alerte : RSI à %1…</translation>
    </message>
    <message>
        <source>Add alert: MACD at %1…</source>
        <translation>Ajouter une alerte : MACD à %1…</translation>
    </message>
    <message>
        <source>Add alert: ATR at %1…</source>
        <translation>Ajouter une alerte : ATR à %1…</translation>
    </message>
    <message>
        <source>Alert when the price crosses this line…</source>
        <translation>Alerte quand le cours croise cette ligne…</translation>
    </message>
    <message>
        <source>Remove the line&apos;s alert</source>
        <translation>Retirer l’alerte de la ligne</translation>
    </message>
    <message>
        <source>Delete the drawing and its alert</source>
        <translation>Supprimer le tracé et son alerte</translation>
    </message>
    <message>
        <source>Delete the drawing</source>
        <translation>Supprimer le tracé</translation>
    </message>
    <message>
        <source>Add alert at %1…</source>
        <translation>Ajouter une alerte à %1…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Tracer</translation>
    </message>
    <message>
        <source>Horizontal line at %1</source>
        <translation>Ligne horizontale à %1</translation>
    </message>
    <message>
        <source>Trend line from here</source>
        <translation>Ligne de tendance d’ici</translation>
    </message>
    <message>
        <source>Rectangle from here</source>
        <translation>Rectangle d’ici</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Acheter</translation>
    </message>
    <message>
        <source>An order ticket to buy this symbol (Shift+B)</source>
        <translation>Un ticket d’ordre pour acheter ce symbole (Maj+B)</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vendre</translation>
    </message>
    <message>
        <source>An order ticket to sell this symbol (Shift+S)</source>
        <translation>Un ticket d’ordre pour vendre ce symbole (Maj+S)</translation>
    </message>
    <message>
        <source>Buy at %1…</source>
        <translation>Acheter à %1…</translation>
    </message>
    <message>
        <source>Sell at %1…</source>
        <translation>Vendre à %1…</translation>
    </message>
    <message>
        <source>Change order #%1…</source>
        <translation>Modifier l’ordre n° %1…</translation>
    </message>
    <message>
        <source>Cancel order #%1</source>
        <translation>Annuler l’ordre n° %1</translation>
    </message>
</context>
<context>
    <name>Gui::TimeframeBar</name>
    <message>
        <source>Bars of %1 ([ and ] step through the timeframes)</source>
        <translation>Barres de %1 ([ et ] parcourent les unités de temps)</translation>
    </message>
    <message>
        <source>record (each record a bar)</source>
        <translation>record (chaque enregistrement une barre)</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>All timeframes, and bars of N minutes, N records (100t) or N shares (10000v)</source>
        <translation>Toutes les unités de temps, et des barres de N minutes, N enregistrements (100t) ou N actions (10000v)</translation>
    </message>
    <message>
        <source>Timeframe</source>
        <translation>Unité de temps</translation>
    </message>
    <message>
        <source>Bars of (e.g. 3m, 2h, 90s, 100t for 100 records, 10000v for 10,000 shares):</source>
        <translation>Barres de (p. ex. 3m, 2h, 90s, 100t pour 100 enregistrements, 10000v pour 10 000 actions) :</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
</context>
<context>
    <name>Gui::TradeChart</name>
    <message>
        <source>Buys</source>
        <translation>Achats</translation>
    </message>
    <message>
        <source>Sells</source>
        <translation>Ventes</translation>
    </message>
</context>
<context>
    <name>Gui::TradeModel</name>
    <message>
        <source>Filled paper order #%1</source>
        <translation>Ordre fictif n° %1 exécuté</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Saisie à la main</translation>
    </message>
    <message>
        <source>hand</source>
        <translation>main</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>Realized</source>
        <translation>Réalisé</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordre</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Gui::TrayNotifier</name>
    <message>
        <source>TickDesk</source>
        <translation>TickDesk</translation>
    </message>
</context>
<context>
    <name>Gui::WatchlistModel</name>
    <message>
        <source>%1 buy / %2 sell</source>
        <translation>%1 achat / %2 vente</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haut</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Ticks</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <source>Last signal</source>
        <translation>Dernier signal</translation>
    </message>
    <message>
        <source>Change of the last price since the session&apos;s first open (the day of the latest bar in the session time zone). Charts show the same figure as &quot;Day&quot;.</source>
        <translation>Variation du dernier cours depuis la première ouverture de la séance (le jour de la dernière barre dans le fuseau horaire de la séance). Les graphiques montrent le même chiffre sous « Jour ».</translation>
    </message>
    <message>
        <source>Day %</source>
        <translation>Jour %</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>unknown placeholder %1</source>
        <translation>marqueur inconnu %1</translation>
    </message>
    <message>
        <source>the address &quot;%1&quot; is not valid: %2</source>
        <translation>l’adresse « %1 » n’est pas valide : %2</translation>
    </message>
    <message>
        <source>%1 new, %2 already stored</source>
        <translation>%1 nouvelles, %2 déjà enregistrées</translation>
    </message>
    <message>
        <source>%1 corrected</source>
        <translation>%1 corrigées</translation>
    </message>
    <message>
        <source>%1 differ from the stored bars (kept ours)</source>
        <translation>%1 diffèrent des barres enregistrées (les nôtres gardées)</translation>
    </message>
    <message>
        <source>%1 bad rows skipped</source>
        <translation>%1 lignes erronées ignorées</translation>
    </message>
    <message>
        <source>reading the stored bars failed: %1</source>
        <translation>la lecture des barres enregistrées a échoué : %1</translation>
    </message>
    <message>
        <source>the database is shutting down</source>
        <translation>la base de données se ferme</translation>
    </message>
    <message>
        <source>storing failed: %1</source>
        <translation>l’enregistrement a échoué : %1</translation>
    </message>
    <message>
        <source>cannot read the database: %1</source>
        <translation>impossible de lire la base de données : %1</translation>
    </message>
    <message>
        <source>not asked: %1 failed for %2 (%3)</source>
        <translation>non demandé : %1 a échoué pour %2 (%3)</translation>
    </message>
    <message>
        <source>History source: the name is empty.</source>
        <translation>Source d’historique : le nom est vide.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: the name may not hold / or \.</source>
        <translation>Source d’historique « %1 » : le nom ne peut contenir ni / ni \.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: &quot;%2&quot; is not an http:// or https:// address.</source>
        <translation>Source d’historique « %1 » : « %2 » n’est pas une adresse http:// ou https://.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: unknown placeholder %2 (known: {symbol}, {symbol:lower}, {from}, {to}, {from:yyyy-MM-dd}, {interval}, {apikey}).</source>
        <translation>Source d’historique « %1 » : marqueur inconnu %2 (connus : {symbol}, {symbol:lower}, {from}, {to}, {from:yyyy-MM-dd}, {interval}, {apikey}).</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: the interval must be minutes, hours, 1D or 1W, not %2.</source>
        <translation>Source d’historique « %1 » : l’intervalle doit être en minutes, en heures, 1D ou 1W, pas %2.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: requests a minute must be 0 (no limit) to 6000.</source>
        <translation>Source d’historique « %1 » : les requêtes par minute doivent aller de 0 (sans limite) à 6000.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: the time-out must be 1 to 600 seconds.</source>
        <translation>Source d’historique « %1 » : le délai d’attente doit être de 1 à 600 secondes.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: look back 1 to 36,500 days.</source>
        <translation>Source d’historique « %1 » : remonter de 1 à 36 500 jours.</translation>
    </message>
    <message>
        <source>Market hours: %1</source>
        <translation>Heures de marché : %1</translation>
    </message>
    <message>
        <source>Market hours: the opening and closing times must be valid times.</source>
        <translation>Heures de marché : les heures d’ouverture et de clôture doivent être valides.</translation>
    </message>
    <message>
        <source>Market hours: pick at least one trading day.</source>
        <translation>Heures de marché : choisissez au moins un jour de cotation.</translation>
    </message>
    <message>
        <source>Refresh schedule: %1</source>
        <translation>Planification de l’actualisation : %1</translation>
    </message>
    <message>
        <source>Refresh schedule: the time of day is not valid.</source>
        <translation>Planification de l’actualisation : l’heure n’est pas valide.</translation>
    </message>
    <message>
        <source>Refresh schedule: every 1 to 10,080 minutes.</source>
        <translation>Planification de l’actualisation : toutes les 1 à 10 080 minutes.</translation>
    </message>
    <message>
        <source>Refresh schedule: &quot;%1&quot; is not a symbol.</source>
        <translation>Planification de l’actualisation : « %1 » n’est pas un symbole.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: two sources have that name.</source>
        <translation>Source d’historique « %1 » : deux sources portent ce nom.</translation>
    </message>
    <message>
        <source>Refresh schedule: there is no source named &quot;%1&quot;.</source>
        <translation>Planification de l’actualisation : aucune source nommée « %1 ».</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: unknown format &quot;%2&quot;.</source>
        <translation>Source d’historique « %1 » : format « %2 » inconnu.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: %2</source>
        <translation>Source d’historique « %1 » : %2</translation>
    </message>
    <message>
        <source>1 bad row skipped</source>
        <translation>1 ligne erronée ignorée</translation>
    </message>
</context>
<context>
    <name>History::RefreshService</name>
    <message>
        <source>&quot;%1&quot; is not a symbol</source>
        <translation>« %1 » n’est pas un symbole</translation>
    </message>
    <message>
        <source>no symbols to refresh</source>
        <translation>aucun symbole à actualiser</translation>
    </message>
    <message>
        <source>no history source is set up (Settings → History)</source>
        <translation>aucune source d’historique configurée (Paramètres → Historique)</translation>
    </message>
    <message>
        <source>there is no history source named &quot;%1&quot;</source>
        <translation>aucune source d’historique nommée « %1 »</translation>
    </message>
    <message>
        <source>no symbols to look at</source>
        <translation>aucun symbole à examiner</translation>
    </message>
    <message>
        <source>a history refresh is already running</source>
        <translation>une actualisation de l’historique est déjà en cours</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>%1 rows read, %2 imported, %3 skipped</source>
        <translation>%1 lignes lues, %2 importées, %3 ignorées</translation>
    </message>
    <message>
        <source>%1 records read, %2 imported, %3 skipped</source>
        <translation>%1 enregistrements lus, %2 importés, %3 ignorés</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation>enregistrement %1 : %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>%1 B</source>
        <comment>billions</comment>
        <translation>%1 Md</translation>
    </message>
    <message>
        <source>%1 M</source>
        <comment>millions</comment>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>%1 K</source>
        <comment>thousands</comment>
        <translation>%1 k</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>New signal: %1</source>
        <translation>Nouveau signal : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new signals</source>
        <translation>
            <numerusform>%n nouveau signal</numerusform>
            <numerusform>%n nouveaux signaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alerte : %1</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>cannot open database %1: %2</source>
        <translation>impossible d’ouvrir la base de données %1 : %2</translation>
    </message>
    <message>
        <source>the database %1 is in use by another TickDesk (a window, a headless node or an import); stop it or give another database</source>
        <translation>la base de données %1 est utilisée par un autre TickDesk (une fenêtre, un nœud sans fenêtre ou une importation) ; arrêtez-le ou indiquez une autre base de données</translation>
    </message>
    <message>
        <source>cannot lock the database %1: %2</source>
        <translation>impossible de verrouiller la base de données %1 : %2</translation>
    </message>
</context>
<context>
    <name>TradingText</name>
    <message>
        <source>Buy</source>
        <translation>Acheter</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Vendre</translation>
    </message>
    <message>
        <source>Sell short</source>
        <translation>Vendre à découvert</translation>
    </message>
    <message>
        <source>Buy to cover</source>
        <translation>Racheter</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Marché</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Good till cancelled</source>
        <translation>Jusqu’à annulation</translation>
    </message>
    <message>
        <source>working</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>exécuté</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>, stream %1</source>
        <translation>, flux %1</translation>
    </message>
</context>
</TS>
