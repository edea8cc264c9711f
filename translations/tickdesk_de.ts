<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Alerts::AlertManager</name>
    <message>
        <source>The alert was deleted meanwhile.</source>
        <translation>Der Alarm wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>A rectangle cannot carry an alert.</source>
        <translation>Ein Rechteck kann keinen Alarm tragen.</translation>
    </message>
</context>
<context>
    <name>App::SingleInstance</name>
    <message>
        <source>a TickDesk without a window (--headless) runs on this database</source>
        <translation>auf dieser Datenbank läuft ein TickDesk ohne Fenster (--headless)</translation>
    </message>
</context>
<context>
    <name>ChartType</name>
    <message>
        <source>Candles</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>OHLC bars</source>
        <translation>OHLC-Balken</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
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
        <translation>Eine CSV- oder JSON-Datei, die im Fenster importiert wird.</translation>
    </message>
    <message>
        <source>Run without a window; log to stderr.</source>
        <translation>Ohne Fenster laufen; Protokoll auf stderr.</translation>
    </message>
    <message>
        <source>HTTP server address.</source>
        <translation>Adresse des HTTP-Servers.</translation>
    </message>
    <message>
        <source>HTTP server port.</source>
        <translation>Port des HTTP-Servers.</translation>
    </message>
    <message>
        <source>WebSocket stream port (0: any free port, -1: no stream).</source>
        <translation>Port des WebSocket-Streams (0: ein freier Port, -1: kein Stream).</translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation>Datenbankdatei.</translation>
    </message>
    <message>
        <source>Access token clients must send (required when --bind is not loopback). Also read from TICKDESK_TOKEN.</source>
        <translation>Zugriffstoken, das Clients senden müssen (nötig, wenn --bind keine Loopback-Adresse ist). Wird auch aus TICKDESK_TOKEN gelesen.</translation>
    </message>
    <message>
        <source>Stop by itself after that many seconds.</source>
        <translation>Nach so vielen Sekunden von selbst beenden.</translation>
    </message>
    <message>
        <source>fsync every commit, so acknowledged data also survives a power cut.</source>
        <translation>Jeden Commit mit fsync sichern, damit bestätigte Daten auch einen Stromausfall überstehen.</translation>
    </message>
    <message>
        <source>HTTP I/O threads (default 2).</source>
        <translation>HTTP-E/A-Threads (Standard 2).</translation>
    </message>
    <message>
        <source>Indicator and signal worker threads (default: one per core).</source>
        <translation>Threads für Indikatoren und Signale (Standard: einer pro Kern).</translation>
    </message>
    <message>
        <source>Feed the pipeline from the built-in market simulator.</source>
        <translation>Die Verarbeitung aus dem eingebauten Marktsimulator speisen.</translation>
    </message>
    <message>
        <source>Simulator records per second (default 25).</source>
        <translation>Datensätze pro Sekunde des Simulators (Standard 25).</translation>
    </message>
    <message>
        <source>Simulator symbols, comma-separated, each optionally SYMBOL=PRICE:DRIFT:VOLATILITY (e.g. AAPL=180:0.08:0.3), or a count such as 50.</source>
        <translation>Symbole des Simulators, durch Kommas getrennt, jedes wahlweise SYMBOL=PREIS:DRIFT:VOLATILITÄT (z. B. AAPL=180:0.08:0.3), oder eine Anzahl wie 50.</translation>
    </message>
    <message>
        <source>Simulator random seed (same seed, same prices).</source>
        <translation>Startwert des Zufallsgenerators (gleicher Startwert, gleiche Preise).</translation>
    </message>
    <message>
        <source>Log the window thread&apos;s busy share and longest stall every 5 s.</source>
        <translation>Alle 5 s die Auslastung und längste Blockade des Fenster-Threads protokollieren.</translation>
    </message>
    <message>
        <source>Database file (default: the app&apos;s).</source>
        <translation>Datenbankdatei (Standard: die der Anwendung).</translation>
    </message>
    <message>
        <source>CSV file to write.</source>
        <translation>Zu schreibende CSV-Datei.</translation>
    </message>
    <message>
        <source>Only this symbol; repeat or comma-separate for more.</source>
        <translation>Nur dieses Symbol; für mehrere wiederholen oder mit Kommas trennen.</translation>
    </message>
    <message>
        <source>From this time: epoch seconds or ISO-8601 (UTC by default).</source>
        <translation>Ab dieser Zeit: Epochensekunden oder ISO-8601 (standardmäßig UTC).</translation>
    </message>
    <message>
        <source>Up to this time, inclusive.</source>
        <translation>Bis zu dieser Zeit, einschließlich.</translation>
    </message>
    <message>
        <source>At most this many rows.</source>
        <translation>Höchstens so viele Zeilen.</translation>
    </message>
    <message>
        <source>Writes stored signals as CSV (RFC 4180), oldest first.</source>
        <translation>Schreibt gespeicherte Signale als CSV (RFC 4180), die ältesten zuerst.</translation>
    </message>
    <message>
        <source>Only buy, sell or alert signals.</source>
        <translation>Nur Kauf-, Verkaufs- oder Alarmsignale.</translation>
    </message>
    <message>
        <source>Only this rule: rsi_trend, ma_cross, price_move, news_sentiment.</source>
        <translation>Nur diese Regel: rsi_trend, ma_cross, price_move, news_sentiment.</translation>
    </message>
    <message>
        <source>Writes stored bars (ticks) as CSV (RFC 4180), oldest first.</source>
        <translation>Schreibt gespeicherte Kerzen (Ticks) als CSV (RFC 4180), die ältesten zuerst.</translation>
    </message>
    <message>
        <source>Loads a CSV file of bars (Date,Open,High,Low,Close,Volume and the usual variants) or a JSON file of records in the ingest contract (array or NDJSON) into the database. Records go through the same checks and the same indicators and rules as live data; bad rows are reported and left out. Import history before live data of the same symbols, with TickDesk itself stopped.</source>
        <translation>Lädt eine CSV-Datei mit Kerzen (Date,Open,High,Low,Close,Volume und die üblichen Varianten) oder eine JSON-Datei mit Datensätzen im Ingest-Format (Array oder NDJSON) in die Datenbank. Die Datensätze durchlaufen dieselben Prüfungen, Indikatoren und Regeln wie Live-Daten; fehlerhafte Zeilen werden gemeldet und ausgelassen. Historie vor den Live-Daten derselben Symbole importieren, während TickDesk selbst nicht läuft.</translation>
    </message>
    <message>
        <source>The .csv or .json file.</source>
        <translation>Die .csv- oder .json-Datei.</translation>
    </message>
    <message>
        <source>The symbol of a CSV without a symbol column.</source>
        <translation>Das Symbol einer CSV-Datei ohne Symbolspalte.</translation>
    </message>
    <message>
        <source>Posts simulated market data to an /ingest URL at a set rate: a load generator and a stand-in for any data source. Prints progress every second and a summary at the end.</source>
        <translation>Sendet simulierte Marktdaten mit fester Rate an eine /ingest-URL: ein Lastgenerator und Ersatz für jede Datenquelle. Meldet jede Sekunde den Fortschritt und am Ende eine Zusammenfassung.</translation>
    </message>
    <message>
        <source>Ticks per second, 1 to 100000 (default 25).</source>
        <translation>Ticks pro Sekunde, 1 bis 100000 (Standard 25).</translation>
    </message>
    <message>
        <source>Comma-separated SYMBOL[=PRICE:DRIFT:VOLATILITY] items, or a count such as 50 (default: AAPL, GOOGL, AMZN, MSFT, TSLA).</source>
        <translation>Durch Kommas getrennte Einträge SYMBOL[=PREIS:DRIFT:VOLATILITÄT] oder eine Anzahl wie 50 (Standard: AAPL, GOOGL, AMZN, MSFT, TSLA).</translation>
    </message>
    <message>
        <source>Random seed: the same seed gives the same prices.</source>
        <translation>Startwert: derselbe Startwert ergibt dieselben Preise.</translation>
    </message>
    <message>
        <source>Stop after delivering this many records.</source>
        <translation>Nach so vielen zugestellten Datensätzen aufhören.</translation>
    </message>
    <message>
        <source>Stop generating after that many seconds.</source>
        <translation>Nach so vielen Sekunden keine Daten mehr erzeugen.</translation>
    </message>
    <message>
        <source>Records per request (default: 20 ms of the rate; 1 posts single objects as the reference generator did).</source>
        <translation>Datensätze pro Anfrage (Standard: 20 ms der Rate; 1 sendet einzelne Objekte wie der Referenzgenerator).</translation>
    </message>
    <message>
        <source>Requests in flight at once (default 6).</source>
        <translation>Gleichzeitig laufende Anfragen (Standard 6).</translation>
    </message>
    <message>
        <source>Access token; also read from TICKDESK_TOKEN.</source>
        <translation>Zugriffstoken; wird auch aus TICKDESK_TOKEN gelesen.</translation>
    </message>
    <message>
        <source>News sentiment records per second.</source>
        <translation>Nachrichtenstimmungs-Datensätze pro Sekunde.</translation>
    </message>
    <message>
        <source>Order book records per second.</source>
        <translation>Orderbuch-Datensätze pro Sekunde.</translation>
    </message>
    <message>
        <source>Market data records per second.</source>
        <translation>Marktdaten-Datensätze pro Sekunde.</translation>
    </message>
    <message>
        <source>Economic indicator records per second.</source>
        <translation>Wirtschaftsindikator-Datensätze pro Sekunde.</translation>
    </message>
    <message>
        <source>A web page origin that may use the HTTP API and the stream, e.g. http://127.0.0.1:8080 (repeat for more). Other web pages are refused.</source>
        <translation>Ein Webseiten-Ursprung, der die HTTP-API und den Stream nutzen darf, z. B. http://127.0.0.1:8080 (für mehrere wiederholen). Andere Webseiten werden abgewiesen.</translation>
    </message>
    <message>
        <source>Writes a symbol&apos;s bars of a timeframe, built from the stored records, as CSV (RFC 4180), oldest first.</source>
        <translation>Schreibt die Kerzen eines Symbols in einem Zeitrahmen, gebildet aus den gespeicherten Datensätzen, als CSV (RFC 4180), älteste zuerst.</translation>
    </message>
    <message>
        <source>Bar size: record, 1s to 1D and 1W, Nm, Nt (records), Nv (shares). Default 1m.</source>
        <translation>Kerzengröße: record, 1s bis 1D und 1W, Nm, Nt (Datensätze), Nv (Stück). Standard 1m.</translation>
    </message>
    <message>
        <source>Time zone whose midnight begins days and weeks (default UTC).</source>
        <translation>Zeitzone, deren Mitternacht Tage und Wochen beginnt (Standard UTC).</translation>
    </message>
    <message>
        <source>Bars the RSI, crossover and price-move rules look at, evaluated as each closes: 1s to 1W, Nm, Nt (N records), Nv (N shares) or record (default: Settings, 1m).</source>
        <translation>Balken, die die Regeln RSI, Kreuzung und Kursbewegung betrachten, ausgewertet beim Schließen: 1s bis 1W, Nm, Nt (N Datensätze), Nv (N Stück) oder record (Standard: Einstellungen, 1m).</translation>
    </message>
    <message>
        <source>Symbols kept live in memory (default 20000, about 6 KB each); the least recently updated beyond that are read back from the database when they trade.</source>
        <translation>Symbole, die im Speicher aktiv bleiben (Standard 20000, etwa 6 KB je Symbol); die am längsten nicht aktualisierten darüber hinaus werden aus der Datenbank zurückgelesen, wenn sie wieder handeln.</translation>
    </message>
    <message>
        <source>A flat bar, marked filled, for each stretch without records.</source>
        <translation>Ein flacher, als aufgefüllt markierter Balken für jede Strecke ohne Datensätze.</translation>
    </message>
    <message>
        <source>Writes the alerts to a JSON file (export FILE, - for standard output) or adds those of a file (import FILE): all of them, or none when one is wrong.</source>
        <translation>Schreibt die Alarme in eine JSON-Datei (export DATEI, - für die Standardausgabe) oder fügt die einer Datei hinzu (import DATEI): alle, oder keinen, wenn einer fehlerhaft ist.</translation>
    </message>
    <message>
        <source>export or import.</source>
        <translation>export oder import.</translation>
    </message>
    <message>
        <source>The .json file.</source>
        <translation>Die .json-Datei.</translation>
    </message>
    <message>
        <source>The time zone whose midnight begins a day (default: UTC).</source>
        <translation>Die Zeitzone, deren Mitternacht einen Tag beginnt (Standard: UTC).</translation>
    </message>
    <message>
        <source>Writes the trades of each day to DIR/YYYY/MM/DD/trades.csv, in the order they happened.</source>
        <translation>Schreibt die Trades jedes Tages nach DIR/YYYY/MM/DD/trades.csv, in der Reihenfolge, in der sie stattfanden.</translation>
    </message>
    <message>
        <source>The folder to write into.</source>
        <translation>Der Ordner, in den geschrieben wird.</translation>
    </message>
    <message>
        <source>Analyzes a day&apos;s trades (P/L, fees, win rate, profit factor, wins and losses, the running total), prints the analysis and stores it; with --stored, prints the one stored.</source>
        <translation>Wertet die Trades eines Tages aus (G/V, Gebühren, Trefferquote, Profitfaktor, Gewinne und Verluste, laufende Summe), gibt die Auswertung aus und speichert sie; mit --stored wird die gespeicherte ausgegeben.</translation>
    </message>
    <message>
        <source>The day, YYYY-MM-DD.</source>
        <translation>Der Tag, JJJJ-MM-TT.</translation>
    </message>
    <message>
        <source>Print the stored analysis of that day.</source>
        <translation>Die gespeicherte Auswertung dieses Tages ausgeben.</translation>
    </message>
    <message>
        <source>Print it as JSON.</source>
        <translation>Als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Tests a strategy over stored bars: decisions at each bar&apos;s close, fills at the next bar&apos;s open, stops and targets inside a bar (the stop first when a bar reaches both). Prints the figures.</source>
        <translation>Testet eine Strategie über gespeicherte Kerzen: Entscheidungen beim Schluss jeder Kerze, Ausführung zur Eröffnung der nächsten, Stopps und Ziele innerhalb einer Kerze (der Stopp zuerst, wenn eine Kerze beide erreicht). Gibt die Kennzahlen aus.</translation>
    </message>
    <message>
        <source>List the trades too (in JSON: trade_list).</source>
        <translation>Auch die Trades auflisten (in JSON: trade_list).</translation>
    </message>
    <message>
        <source>JSON: the equity and drawdown at each close too.</source>
        <translation>JSON: auch Eigenkapital und Drawdown bei jedem Schluss.</translation>
    </message>
    <message>
        <source>Write the trades to this CSV file.</source>
        <translation>Die Trades in diese CSV-Datei schreiben.</translation>
    </message>
    <message>
        <source>Write the equity and drawdown at each close to this CSV file.</source>
        <translation>Eigenkapital und Drawdown bei jedem Schluss in diese CSV-Datei schreiben.</translation>
    </message>
    <message>
        <source>Also how each built-in rule (as set in Settings) and each stored alert fared: the hit rate and average move this many bars after its signals.</source>
        <translation>Außerdem, wie jede eingebaute Regel (wie in den Einstellungen) und jeder gespeicherte Alarm abschnitt: Trefferquote und mittlere Bewegung so viele Kerzen nach ihren Signalen.</translation>
    </message>
    <message>
        <source>Searches a grid of up to three strategy parameters over stored bars on every core, and prints the best sets; with --walk-forward, re-tunes on each in-sample stretch and tests the next one.</source>
        <translation>Durchsucht ein Raster aus bis zu drei Strategieparametern über gespeicherte Kerzen auf allen Kernen und gibt die besten Sätze aus; mit --walk-forward wird auf jedem In-Sample-Abschnitt neu abgestimmt und der nächste getestet.</translation>
    </message>
    <message>
        <source>A parameter and its values, e.g. fast=5:50:5 or stop_loss_percent=1:5:1; up to three.</source>
        <translation>Ein Parameter und seine Werte, z. B. fast=5:50:5 oder stop_loss_percent=1:5:1; bis zu drei.</translation>
    </message>
    <message>
        <source>What ranks the sets: total_return, sharpe (default), sortino, calmar, profit_factor, win_rate, expectancy, max_drawdown.</source>
        <translation>Wonach die Sätze geordnet werden: total_return, sharpe (Standard), sortino, calmar, profit_factor, win_rate, expectancy, max_drawdown.</translation>
    </message>
    <message>
        <source>Print this many of the best sets (default 10).</source>
        <translation>So viele der besten Sätze ausgeben (Standard 10).</translation>
    </message>
    <message>
        <source>Write the objective over the first two parameters to this CSV file.</source>
        <translation>Die Zielgröße über den ersten beiden Parametern in diese CSV-Datei schreiben.</translation>
    </message>
    <message>
        <source>In-sample and out-of-sample bars of each fold, e.g. 500:100.</source>
        <translation>In-Sample- und Out-of-Sample-Kerzen jedes Abschnitts, z. B. 500:100.</translation>
    </message>
    <message>
        <source>Lists, shows, saves and removes the strategy tester&apos;s saved strategies:
  strategies list | show NAME | save NAME FILE.json | remove NAME</source>
        <translation>Listet, zeigt, speichert und entfernt die gespeicherten Strategien des Strategietesters:
  strategies list | show NAME | save NAME DATEI.json | remove NAME</translation>
    </message>
    <message>
        <source>The symbol to test; repeat or comma-separate for several (the cash is shared out equally).</source>
        <translation>Das zu testende Symbol; für mehrere wiederholen oder mit Kommas trennen (das Kapital wird gleich aufgeteilt).</translation>
    </message>
    <message>
        <source>Bar size: 1m to 1D and 1W, Ns, Nm, Nh, Nt (records), Nv (shares). Default: the strategy&apos;s, else 1D.</source>
        <translation>Kerzengröße: 1m bis 1D und 1W, Ns, Nm, Nh, Nt (Datensätze), Nv (Stück). Standard: die der Strategie, sonst 1D.</translation>
    </message>
    <message>
        <source>Bars from this time: epoch seconds or ISO-8601 (UTC by default).</source>
        <translation>Kerzen ab dieser Zeit: Epochensekunden oder ISO-8601 (standardmäßig UTC).</translation>
    </message>
    <message>
        <source>Bars up to this time, inclusive.</source>
        <translation>Kerzen bis zu dieser Zeit, einschließlich.</translation>
    </message>
    <message>
        <source>A preset (ma_cross, rsi_trend) or the name of a saved strategy. Default ma_cross.</source>
        <translation>Eine Vorlage (ma_cross, rsi_trend) oder der Name einer gespeicherten Strategie. Standard ma_cross.</translation>
    </message>
    <message>
        <source>A strategy&apos;s JSON form from a file.</source>
        <translation>Die JSON-Form einer Strategie aus einer Datei.</translation>
    </message>
    <message>
        <source>ma_cross: the fast SMA&apos;s period (default 10).</source>
        <translation>ma_cross: Periode des schnellen SMA (Standard 10).</translation>
    </message>
    <message>
        <source>ma_cross: the slow SMA&apos;s period (default 30).</source>
        <translation>ma_cross: Periode des langsamen SMA (Standard 30).</translation>
    </message>
    <message>
        <source>long, short or both (default: the strategy&apos;s, else long).</source>
        <translation>long, short oder both (Standard: die der Strategie, sonst long).</translation>
    </message>
    <message>
        <source>Close at this loss, in percent of the entry price.</source>
        <translation>Bei diesem Verlust schließen, in Prozent des Einstiegskurses.</translation>
    </message>
    <message>
        <source>Close at this gain, in percent of the entry price.</source>
        <translation>Bei diesem Gewinn schließen, in Prozent des Einstiegskurses.</translation>
    </message>
    <message>
        <source>Close after this many bars.</source>
        <translation>Nach so vielen Kerzen schließen.</translation>
    </message>
    <message>
        <source>Each position: this percent of the equity (default 100).</source>
        <translation>Jede Position: dieser Prozentsatz des Eigenkapitals (Standard 100).</translation>
    </message>
    <message>
        <source>Each position: this much cash.</source>
        <translation>Jede Position: so viel Geld.</translation>
    </message>
    <message>
        <source>Each position: this many shares.</source>
        <translation>Jede Position: so viele Stück.</translation>
    </message>
    <message>
        <source>Whole shares only (default: fractional).</source>
        <translation>Nur ganze Stück (Standard: Bruchteile).</translation>
    </message>
    <message>
        <source>Sets a number in the strategy&apos;s JSON, e.g. enter_long.right.value=30; repeatable.</source>
        <translation>Setzt eine Zahl im JSON der Strategie, z. B. enter_long.right.value=30; wiederholbar.</translation>
    </message>
    <message>
        <source>Starting cash (default 100000).</source>
        <translation>Startkapital (Standard 100000).</translation>
    </message>
    <message>
        <source>Commission per share (default 0).</source>
        <translation>Provision pro Stück (Standard 0).</translation>
    </message>
    <message>
        <source>Commission per order (default 0).</source>
        <translation>Provision pro Order (Standard 0).</translation>
    </message>
    <message>
        <source>Commission in percent of the value traded (default 0).</source>
        <translation>Provision in Prozent des gehandelten Werts (Standard 0).</translation>
    </message>
    <message>
        <source>Slippage per share on fills at the market (default 0).</source>
        <translation>Slippage pro Stück bei Ausführungen zum Marktpreis (Standard 0).</translation>
    </message>
    <message>
        <source>Bid/ask spread; each fill at the market pays half (default 0).</source>
        <translation>Geld-Brief-Spanne; jede Ausführung zum Marktpreis zahlt die Hälfte (Standard 0).</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein JSON-Objekt ausgeben.</translation>
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
        <translation>TickDesk: ein Handelsterminal für den Desktop. Empfängt Marktdaten über HTTP, speichert sie in SQLite und berechnet Indikatoren und Signale.

Befehle (jeder mit eigenem --help):
  simulate        simulierte Marktdaten an eine /ingest-URL senden
  export-signals  gespeicherte Signale als CSV schreiben
  export-ticks    gespeicherte Kerzen als CSV schreiben
  export-bars     die Kerzen eines Symbols in einem Zeitrahmen als CSV schreiben
  import          eine CSV-Datei (OHLCV) oder JSON-Datei mit Datensätzen in die Datenbank laden
  alerts          die Alarme in eine JSON-Datei exportieren oder aus einer importieren
  export-trades   die Trades jedes Tages nach DIR/YYYY/MM/DD/trades.csv schreiben
  analyze-trades  Auswertung der Trades eines Tages: G/V, Gebühren, Trefferquote, Profitfaktor (gespeichert)
  backtest        eine Strategie über gespeicherte Kerzen testen und ihre Kennzahlen ausgeben
  optimize        die Parameter einer Strategie über gespeicherte Kerzen suchen; Walk-forward
  strategies      gespeicherte Strategien auflisten, zeigen, speichern oder entfernen</translation>
    </message>
    <message>
        <source>Publish records, signals, alert fires and paper fills to NATS JetStream at URL (nats://HOST:4222, or tls://HOST:4222 for TLS).</source>
        <translation>Datensätze, Signale, Alarmauslösungen und Papierhandel-Ausführungen an NATS JetStream unter URL veröffentlichen (nats://HOST:4222, oder tls://HOST:4222 für TLS).</translation>
    </message>
    <message>
        <source>Token for the NATS server. Also read from TICKDESK_NATS_TOKEN.</source>
        <translation>Token für den NATS-Server. Wird auch aus TICKDESK_NATS_TOKEN gelesen.</translation>
    </message>
    <message>
        <source>User for the NATS server; the password is read from TICKDESK_NATS_PASSWORD.</source>
        <translation>Benutzer für den NATS-Server; das Passwort wird aus TICKDESK_NATS_PASSWORD gelesen.</translation>
    </message>
    <message>
        <source>TLS: the CA certificate (PEM) that signed the NATS server&apos;s.</source>
        <translation>TLS: das CA-Zertifikat (PEM), das das Zertifikat des NATS-Servers signiert hat.</translation>
    </message>
    <message>
        <source>This node&apos;s name in NATS message ids (default: the host name); give each node publishing into one stream its own.</source>
        <translation>Name dieses Knotens in NATS-Nachrichten-IDs (Standard: der Hostname); jeder Knoten, der in denselben Stream veröffentlicht, braucht einen eigenen.</translation>
    </message>
    <message>
        <source>With --nats: also store the records published to tickdesk.ingest.&lt;symbol&gt;, from the JetStream work queue TICKDESK_INGEST: &quot;all&quot;, or this node&apos;s partitions of the symbols, &quot;P/N&quot; or &quot;P,Q/N&quot;.</source>
        <translation>Mit --nats: auch die an tickdesk.ingest.&lt;Symbol&gt; veröffentlichten Datensätze speichern, aus der JetStream-Arbeitswarteschlange TICKDESK_INGEST: „all“ oder die Partitionen der Symbole dieses Knotens, „P/N“ oder „P,Q/N“.</translation>
    </message>
    <message>
        <source>The /ingest URL to post to, or a NATS server (nats://HOST:4222) to publish to the JetStream ingest stream, each batch&apos;s records of a symbol in one message on tickdesk.ingest.&lt;symbol&gt; (token or password from TICKDESK_NATS_TOKEN, TICKDESK_NATS_PASSWORD).</source>
        <translation>Die /ingest-URL, an die gesendet wird, oder ein NATS-Server (nats://HOST:4222), um in den JetStream-Ingest-Stream zu veröffentlichen, die Datensätze eines Symbols je Stapel in einer Nachricht auf tickdesk.ingest.&lt;Symbol&gt; (Token oder Passwort aus TICKDESK_NATS_TOKEN, TICKDESK_NATS_PASSWORD).</translation>
    </message>
    <message>
        <source>Open the window on the nodes&apos; feed at this NATS server (nats://HOST:4222): records, signals, alert fires and fills come from the nodes publishing there (their --nats); nothing is computed or received here. Credentials as for --nats.</source>
        <translation>Öffnet das Fenster auf dem Datenstrom der Knoten an diesem NATS-Server (nats://HOST:4222): Datensätze, Signale, Alarmauslösungen und Ausführungen kommen von den dort veröffentlichenden Knoten (deren --nats); hier wird nichts berechnet oder empfangen. Zugangsdaten wie bei --nats.</translation>
    </message>
    <message>
        <source>With --source: a node&apos;s REST API whose stored bars fill what the window missed, once for each node (besides those the nodes announce themselves).</source>
        <translation>Mit --source: die REST-API eines Knotens, deren gespeicherte Balken füllen, was dem Fenster entging, einmal je Knoten (neben denen, die die Knoten selbst ankündigen).</translation>
    </message>
    <message>
        <source>Under a stream of small requests, how long at most a commit waits for more before it is written; the wait ends sooner once the HTTP threads have no more (default 100; 0: never wait, for the lowest latency under moderate load).</source>
        <translation>Bei einem Strom kleiner Anfragen: wie lange ein Commit höchstens auf weitere wartet, bevor er geschrieben wird; das Warten endet früher, sobald die HTTP-Threads keine weiteren haben (Standard 100; 0: nie warten, für die geringste Latenz bei mäßiger Last).</translation>
    </message>
</context>
<context>
    <name>Core::Settings</name>
    <message>
        <source>Bind address: &quot;%1&quot; is not an IP address.</source>
        <translation>Bindeadresse: „%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Port: %1 is not between 0 and 65535.</source>
        <translation>Port: %1 liegt nicht zwischen 0 und 65535.</translation>
    </message>
    <message>
        <source>Access token: required when the server listens on %1, which is not a loopback address.</source>
        <translation>Zugriffstoken: nötig, wenn der Server auf %1 lauscht, was keine Loopback-Adresse ist.</translation>
    </message>
    <message>
        <source>%1: %2 is not between 1 and 1000.</source>
        <translation>%1: %2 liegt nicht zwischen 1 und 1000.</translation>
    </message>
    <message>
        <source>MACD: the fast period (%1) must be shorter than the slow one (%2).</source>
        <translation>MACD: Die schnelle Periode (%1) muss kürzer sein als die langsame (%2).</translation>
    </message>
    <message>
        <source>Crossover: the fast period (%1) must be shorter than the slow one (%2).</source>
        <translation>Kreuzung: Die schnelle Periode (%1) muss kürzer sein als die langsame (%2).</translation>
    </message>
    <message>
        <source>Bollinger width: %1 standard deviations is not between 0 and 10.</source>
        <translation>Bollinger-Breite: %1 Standardabweichungen liegt nicht zwischen 0 und 10.</translation>
    </message>
    <message>
        <source>RSI thresholds: buy below %1 and sell above %2 must satisfy 0 &lt;= buy &lt; sell &lt;= 100.</source>
        <translation>RSI-Schwellen: Kaufen unter %1 und Verkaufen über %2 müssen 0 &lt;= Kauf &lt; Verkauf &lt;= 100 erfüllen.</translation>
    </message>
    <message>
        <source>Price move: %1 % is not above 0 and at most 100.</source>
        <translation>Kursbewegung: %1 % ist nicht größer als 0 und höchstens 100.</translation>
    </message>
    <message>
        <source>Price move window: %1 s is not between 1 s and one day.</source>
        <translation>Zeitfenster der Kursbewegung: %1 s liegt nicht zwischen 1 s und einem Tag.</translation>
    </message>
    <message>
        <source>News sentiment: score and magnitude thresholds must be between 0 and 1.</source>
        <translation>Nachrichtenstimmung: Schwellen für Stimmung und Stärke müssen zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <source>Cool-down: %1 s is not between 0 and one day.</source>
        <translation>Sperrzeit: %1 s liegt nicht zwischen 0 und einem Tag.</translation>
    </message>
    <message>
        <source>Simulator symbols: name at least one.</source>
        <translation>Symbole des Simulators: mindestens eines angeben.</translation>
    </message>
    <message>
        <source>Simulator symbols: &quot;%1&quot; is not a symbol (1 to 16 of A-Z 0-9 . - ^ =).</source>
        <translation>Symbole des Simulators: „%1“ ist kein Symbol (1 bis 16 Zeichen aus A-Z 0-9 . - ^ =).</translation>
    </message>
    <message>
        <source>Simulator rate: %1 records/s is not between 1 and 100,000.</source>
        <translation>Rate des Simulators: %1 Datensätze/s liegt nicht zwischen 1 und 100.000.</translation>
    </message>
    <message>
        <source>Simulator volatility: %1 is not above 0 and at most 5 (500 % a year).</source>
        <translation>Volatilität des Simulators: %1 ist nicht größer als 0 und höchstens 5 (500 % im Jahr).</translation>
    </message>
    <message>
        <source>Digest period: from 0 (one message per signal) to 86400 seconds</source>
        <translation>Sammelzeitraum: von 0 (eine Nachricht pro Signal) bis 86400 Sekunden</translation>
    </message>
    <message>
        <source>Webhook &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>Webhook „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>SMTP server: give the host name of the mail server</source>
        <translation>SMTP-Server: den Hostnamen des Mailservers angeben</translation>
    </message>
    <message>
        <source>SMTP port: from 1 to 65535</source>
        <translation>SMTP-Port: von 1 bis 65535</translation>
    </message>
    <message>
        <source>SMTP security: none, starttls or tls</source>
        <translation>SMTP-Sicherheit: none, starttls oder tls</translation>
    </message>
    <message>
        <source>From: &quot;%1&quot; is not an e-mail address</source>
        <translation>Absender: „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Recipients: give at least one e-mail address</source>
        <translation>Empfänger: mindestens eine E-Mail-Adresse angeben</translation>
    </message>
    <message>
        <source>Recipients: &quot;%1&quot; is not an e-mail address</source>
        <translation>Empfänger: „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>RSI re-arm: %1 points is not between 0 and 50.</source>
        <translation>RSI-Wiederfreigabe: %1 Punkte liegt nicht zwischen 0 und 50.</translation>
    </message>
    <message>
        <source>Crossover spread: %1 % is not between 0 and 10.</source>
        <translation>Abstand der Kreuzung: %1 % liegt nicht zwischen 0 und 10.</translation>
    </message>
    <message>
        <source>Session time zone: %1</source>
        <translation>Sitzungszeitzone: %1</translation>
    </message>
    <message>
        <source>Paper trading: the starting cash must be above 0.</source>
        <translation>Papierhandel: Das Startkapital muss über 0 liegen.</translation>
    </message>
    <message>
        <source>Paper trading: %1 must be 0 or more.</source>
        <translation>Papierhandel: %1 muss 0 oder mehr sein.</translation>
    </message>
    <message>
        <source>Paper trading: commissionPercent must be under 100.</source>
        <translation>Papierhandel: commissionPercent muss unter 100 liegen.</translation>
    </message>
    <message>
        <source>NATS: &quot;%1&quot; is not a NATS address such as nats://127.0.0.1:4222 (tls:// for TLS).</source>
        <translation>NATS: „%1“ ist keine NATS-Adresse wie nats://127.0.0.1:4222 (tls:// für TLS).</translation>
    </message>
    <message>
        <source>NATS ingest: it needs the NATS URL of the server to consume from.</source>
        <translation>NATS-Eingang: Er braucht die NATS-URL des Servers, von dem gelesen wird.</translation>
    </message>
    <message>
        <source>NATS ingest: %1</source>
        <translation>NATS-Eingang: %1</translation>
    </message>
</context>
<context>
    <name>DataWindow</name>
    <message>
        <source>O %1  H %2  L %3  C %4  V %5</source>
        <translation>E %1  H %2  T %3  S %4  V %5</translation>
    </message>
    <message>
        <source>BB upper</source>
        <translation>BB oben</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>unten</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>Histogramm</translation>
    </message>
</context>
<context>
    <name>DrawingItem</name>
    <message>
        <source>%1 · alert</source>
        <translation>%1 · Alarm</translation>
    </message>
</context>
<context>
    <name>Gui::AlertDialog</name>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Edit alert</source>
        <translation>Alarm bearbeiten</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>Neuer Alarm</translation>
    </message>
    <message>
        <source>Empty: the condition in words</source>
        <translation>Leer: die Bedingung in Worten</translation>
    </message>
    <message>
        <source>AAPL, MSFT — or * for every symbol</source>
        <translation>AAPL, MSFT – oder * für jedes Symbol</translation>
    </message>
    <message>
        <source>Each record</source>
        <translation>Jeder Datensatz</translation>
    </message>
    <message>
        <source>crossing</source>
        <translation>kreuzt</translation>
    </message>
    <message>
        <source>crossing up</source>
        <translation>kreuzt nach oben</translation>
    </message>
    <message>
        <source>crossing down</source>
        <translation>kreuzt nach unten</translation>
    </message>
    <message>
        <source>greater than</source>
        <translation>größer als</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>kleiner als</translation>
    </message>
    <message>
        <source>entering channel</source>
        <translation>tritt in den Kanal ein</translation>
    </message>
    <message>
        <source>exiting channel</source>
        <translation>verlässt den Kanal</translation>
    </message>
    <message>
        <source>inside channel</source>
        <translation>im Kanal</translation>
    </message>
    <message>
        <source>outside channel</source>
        <translation>außerhalb des Kanals</translation>
    </message>
    <message>
        <source>moving up</source>
        <translation>steigt um</translation>
    </message>
    <message>
        <source>moving down</source>
        <translation>fällt um</translation>
    </message>
    <message>
        <source>moving up %</source>
        <translation>steigt um %</translation>
    </message>
    <message>
        <source>moving down %</source>
        <translation>fällt um %</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Balken</translation>
    </message>
    <message>
        <source>within </source>
        <translation>innerhalb </translation>
    </message>
    <message>
        <source>Low edge:</source>
        <translation>Untere Kante:</translation>
    </message>
    <message>
        <source>High edge:</source>
        <translation>Obere Kante:</translation>
    </message>
    <message>
        <source>the drawn line (it moves with the line)</source>
        <translation>die gezeichnete Linie (bewegt sich mit ihr)</translation>
    </message>
    <message>
        <source>Only once</source>
        <translation>Nur einmal</translation>
    </message>
    <message>
        <source>Once per bar</source>
        <translation>Einmal pro Balken</translation>
    </message>
    <message>
        <source>Once per bar close</source>
        <translation>Einmal pro Balkenschluss</translation>
    </message>
    <message>
        <source>Every time</source>
        <translation>Jedes Mal</translation>
    </message>
    <message>
        <source>Once per bar close decides on closed bars only, so a fire never repaints</source>
        <translation>„Einmal pro Balkenschluss“ entscheidet nur an geschlossenen Balken, ein Auslösen ändert sich also nie nachträglich</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>cool-down </source>
        <translation>Pause </translation>
    </message>
    <message>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>ohne Grenze</translation>
    </message>
    <message>
        <source>The value must leave this band around the level before the alert can fire again, so a price hovering at the level does not fire a storm</source>
        <translation>Der Wert muss dieses Band um die Schwelle verlassen, bevor der Alarm wieder auslösen kann, damit ein Kurs an der Schwelle keine Flut auslöst</translation>
    </message>
    <message>
        <source>{symbol} {name}: {value} at {time}</source>
        <translation>{symbol} {name}: {value} um {time}</translation>
    </message>
    <message>
        <source>Placeholders: {symbol} {price} {value} {level} {timeframe} {time} {name}</source>
        <translation>Platzhalter: {symbol} {price} {value} {level} {timeframe} {time} {name}</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symbole:</translation>
    </message>
    <message>
        <source>Timeframe:</source>
        <translation>Zeitrahmen:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wenn:</translation>
    </message>
    <message>
        <source>is:</source>
        <translation>ist:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>Fires:</source>
        <translation>Löst aus:</translation>
    </message>
    <message>
        <source>Dead band:</source>
        <translation>Totband:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Nachricht:</translation>
    </message>
    <message>
        <source>Fires on: %1</source>
        <translation>Löst aus bei: %1</translation>
    </message>
    <message>
        <source> bar</source>
        <translation> Balken</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Decides when: %1 (on each closed bar)</source>
        <translation>Entscheidet, wenn: %1 (bei jeder geschlossenen Kerze)</translation>
    </message>
</context>
<context>
    <name>Gui::AlertModel</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Symbole</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Zuletzt ausgelöst</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Auslösungen</translation>
    </message>
</context>
<context>
    <name>Gui::AutoTradeDialog</name>
    <message>
        <source>Signals that trade</source>
        <translation>Handelnde Signale</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Rule or alert</source>
        <translation>Regel oder Alarm</translation>
    </message>
    <message>
        <source>A buy buys</source>
        <translation>Ein Kauf kauft</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Most shares held</source>
        <translation>Höchstens gehaltene Aktien</translation>
    </message>
    <message>
        <source>An alert&apos;s fire</source>
        <translation>Auslösung eines Alarms</translation>
    </message>
    <message>
        <source>A stored buy signal of a chosen rule (or a fire of a chosen alert) places a market order for the paper account; a sell closes the position. So you see live what each rule would have earned.</source>
        <translation>Ein gespeichertes Kaufsignal einer gewählten Regel (oder die Auslösung eines gewählten Alarms) erteilt eine Marktorder für das Papierkonto; ein Verkauf schließt die Position. So sehen Sie live, was jede Regel verdient hätte.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>RSI trend</source>
        <translation>RSI-Trend</translation>
    </message>
    <message>
        <source>Moving-average cross</source>
        <translation>Kreuzung gleitender Durchschnitte</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Nachrichtenstimmung</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>%1 (no longer there)</source>
        <translation>%1 (nicht mehr vorhanden)</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>Aktien</translation>
    </message>
    <message>
        <source>cash&apos;s worth</source>
        <translation>für einen Betrag</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>buys</source>
        <translation>kauft</translation>
    </message>
    <message>
        <source>sells</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>Row %1: say how much a buy buys (above 0).</source>
        <translation>Zeile %1: Geben Sie an, wie viel ein Kauf kauft (über 0).</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
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
        <translation>Stop-Loss</translation>
    </message>
    <message>
        <source>Take profit</source>
        <translation>Take-Profit</translation>
    </message>
    <message>
        <source>Bars held</source>
        <translation>Kerzen gehalten</translation>
    </message>
    <message>
        <source>End of test</source>
        <translation>Testende</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Stk.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <source>Entry price</source>
        <translation>Einstiegskurs</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ausstieg</translation>
    </message>
    <message>
        <source>Exit price</source>
        <translation>Ausstiegskurs</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>Ausstiegsgrund</translation>
    </message>
    <message>
        <source>P/L</source>
        <translation>G/V</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Rendite</translation>
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
        <translation>Kerzen</translation>
    </message>
</context>
<context>
    <name>Gui::ChartGrid</name>
    <message>
        <source>Open %1 in a tab</source>
        <translation>%1 in einem Tab öffnen</translation>
    </message>
    <message>
        <source>Show another symbol here…</source>
        <translation>Ein anderes Symbol hier zeigen…</translation>
    </message>
    <message>
        <source>Grid cell</source>
        <translation>Rasterzelle</translation>
    </message>
    <message>
        <source>Symbol for this cell:</source>
        <translation>Symbol für diese Zelle:</translation>
    </message>
    <message>
        <source>Empty this cell</source>
        <translation>Diese Zelle leeren</translation>
    </message>
</context>
<context>
    <name>Gui::ChartIndicatorDialog</name>
    <message>
        <source>Own periods for this chart</source>
        <translation>Eigene Perioden für dieses Diagramm</translation>
    </message>
    <message>
        <source>Periods, colours and levels</source>
        <translation>Perioden, Farben und Linien</translation>
    </message>
    <message>
        <source>Off: the periods of Settings → Indicators, as the engine and the rules use them</source>
        <translation>Aus: die Perioden aus Einstellungen → Indikatoren, wie die Berechnung und die Regeln sie verwenden</translation>
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
        <translation>Bollinger-Bänder</translation>
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
        <translation>MACD schnell</translation>
    </message>
    <message>
        <source>MACD slow</source>
        <translation>MACD langsam</translation>
    </message>
    <message>
        <source>MACD signal</source>
        <translation>MACD-Signal</translation>
    </message>
    <message>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <source>Bollinger width (standard deviations)</source>
        <translation>Bollinger-Breite (Standardabweichungen)</translation>
    </message>
    <message>
        <source>SMA colour</source>
        <translation>SMA-Farbe</translation>
    </message>
    <message>
        <source>EMA colour</source>
        <translation>EMA-Farbe</translation>
    </message>
    <message>
        <source>Bollinger colour</source>
        <translation>Bollinger-Farbe</translation>
    </message>
    <message>
        <source>VWAP colour</source>
        <translation>VWAP-Farbe</translation>
    </message>
    <message>
        <source>RSI colour</source>
        <translation>RSI-Farbe</translation>
    </message>
    <message>
        <source>RSI lower level</source>
        <translation>RSI untere Linie</translation>
    </message>
    <message>
        <source>RSI upper level</source>
        <translation>RSI obere Linie</translation>
    </message>
    <message>
        <source>RSI levels: the lower (%1) must be below the upper (%2).</source>
        <translation>RSI-Linien: Die untere (%1) muss unter der oberen (%2) liegen.</translation>
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
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>RSI with trend: buy signal</source>
        <translation>RSI mit Trend: Kaufsignal</translation>
    </message>
    <message>
        <source>RSI with trend: sell signal</source>
        <translation>RSI mit Trend: Verkaufssignal</translation>
    </message>
    <message>
        <source>MA crossover: buy signal</source>
        <translation>MA-Kreuzung: Kaufsignal</translation>
    </message>
    <message>
        <source>MA crossover: sell signal</source>
        <translation>MA-Kreuzung: Verkaufssignal</translation>
    </message>
    <message>
        <source>Price move: up</source>
        <translation>Kursbewegung: aufwärts</translation>
    </message>
    <message>
        <source>Price move: down</source>
        <translation>Kursbewegung: abwärts</translation>
    </message>
    <message>
        <source>Condition…</source>
        <translation>Bedingung…</translation>
    </message>
</context>
<context>
    <name>Gui::EquityChart</name>
    <message>
        <source>Equity</source>
        <translation>Eigenkapital</translation>
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
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>order book</source>
        <translation>Orderbuch</translation>
    </message>
    <message>
        <source>news sentiment</source>
        <translation>Nachrichtenstimmung</translation>
    </message>
    <message>
        <source>market data</source>
        <translation>Marktdaten</translation>
    </message>
    <message>
        <source>economic indicator</source>
        <translation>Wirtschaftsindikator</translation>
    </message>
    <message>
        <source>buy %1 @ %2</source>
        <translation>Kauf %1 @ %2</translation>
    </message>
    <message>
        <source>sell %1 @ %2</source>
        <translation>Verkauf %1 @ %2</translation>
    </message>
    <message>
        <source>sentiment %1, magnitude %2</source>
        <translation>Stimmung %1, Stärke %2</translation>
    </message>
    <message>
        <source>market cap %1, P/E %2</source>
        <translation>Marktkapitalisierung %1, KGV %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Gui::FileTransfers</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>TickDesk</source>
        <translation>TickDesk</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n signals…</source>
        <translation>
            <numerusform>Exportiere %n Signal…</numerusform>
            <numerusform>Exportiere %n Signale…</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting ticks…</source>
        <translation>Exportiere Ticks…</translation>
    </message>
    <message>
        <source>Exporting the ticks of %1…</source>
        <translation>Exportiere die Ticks von %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importiere %1…</translation>
    </message>
</context>
<context>
    <name>Gui::HistoryPage</name>
    <message>
        <source>Sources (tried in this order)</source>
        <translation>Quellen (in dieser Reihenfolge versucht)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. stooq</source>
        <translation>z. B. stooq</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Placeholders: {symbol}, {symbol:lower}, {from} and {to} (Unix seconds, or {from:yyyy-MM-dd}), {interval}, {apikey}. Without {symbol}, one request answers for all.</source>
        <translation>Platzhalter: {symbol}, {symbol:lower}, {from} und {to} (Unix-Sekunden oder {from:yyyy-MM-dd}), {interval}, {apikey}. Ohne {symbol} beantwortet eine Anfrage alle Symbole.</translation>
    </message>
    <message>
        <source>Recognised by itself</source>
        <translation>Automatisch erkannt</translation>
    </message>
    <message>
        <source>CSV (Yahoo, Stooq, …)</source>
        <translation>CSV (Yahoo, Stooq, …)</translation>
    </message>
    <message>
        <source>JSON records (data.json, NDJSON)</source>
        <translation>JSON-Datensätze (data.json, NDJSON)</translation>
    </message>
    <message>
        <source>Yahoo Finance chart JSON</source>
        <translation>Yahoo-Finance-Chart-JSON</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>One row is:</source>
        <translation>Eine Zeile ist:</translation>
    </message>
    <message>
        <source>{interval} becomes:</source>
        <translation>{interval} wird zu:</translation>
    </message>
    <message>
        <source>the row&apos;s length</source>
        <translation>die Länge der Zeile</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Requests a minute:</source>
        <translation>Anfragen pro Minute:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Time-out (s):</source>
        <translation>Zeitlimit (s):</translation>
    </message>
    <message>
        <source>Look back (days):</source>
        <translation>Zurückblicken (Tage):</translation>
    </message>
    <message>
        <source>A bar that differs from the stored one replaces it</source>
        <translation>Ein abweichender Balken ersetzt den gespeicherten</translation>
    </message>
    <message>
        <source>Refresh by itself</source>
        <translation>Selbsttätig aktualisieren</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Every few minutes</source>
        <translation>Alle paar Minuten</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Daily at:</source>
        <translation>Täglich um:</translation>
    </message>
    <message>
        <source>In the time zone:</source>
        <translation>In der Zeitzone:</translation>
    </message>
    <message>
        <source>the system&apos;s; e.g. America/New_York</source>
        <translation>die des Systems; z. B. America/New_York</translation>
    </message>
    <message>
        <source>Every (minutes):</source>
        <translation>Alle (Minuten):</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symbole:</translation>
    </message>
    <message>
        <source>the watchlist</source>
        <translation>die Beobachtungsliste</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Fill gaps at start and when the feed comes back after a pause</source>
        <translation>Lücken beim Start und nach einer Pause des Datenstroms füllen</translation>
    </message>
    <message>
        <source>Market hours (no gap is looked for outside them)</source>
        <translation>Handelszeiten (außerhalb wird keine Lücke gesucht)</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <source>UTC; e.g. America/New_York</source>
        <translation>UTC; z. B. America/New_York</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>(equal: all day)</source>
        <translation>(gleich: ganztägig)</translation>
    </message>
    <message>
        <source>Open:</source>
        <translation>Geöffnet:</translation>
    </message>
    <message>
        <source>Trading days:</source>
        <translation>Handelstage:</translation>
    </message>
    <message>
        <source>the first source</source>
        <translation>die erste Quelle</translation>
    </message>
    <message>
        <source>source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>Another TickDesk (/api/bars)</source>
        <translation>Ein anderes TickDesk (/api/bars)</translation>
    </message>
</context>
<context>
    <name>Gui::LiveStrategiesDialog</name>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>End run…</source>
        <translation>Lauf beenden…</translation>
    </message>
    <message>
        <source>Strategies trading live</source>
        <translation>Live handelnde Strategien</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Bars held</source>
        <translation>Kerzen gehalten</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Each run decides at the close of each bar of its strategy&apos;s timeframe and trades at the next record; a position&apos;s stop and target wait at the broker. Start one from the strategy tester (Trade live…).</source>
        <translation>Jeder Lauf entscheidet beim Schluss jeder Kerze im Zeitrahmen seiner Strategie und handelt beim nächsten Datensatz; Stopp und Ziel einer Position warten beim Broker. Ein Lauf wird im Strategietester gestartet (Live handeln…).</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Run %1 resumed.</source>
        <translation>Lauf %1 fortgesetzt.</translation>
    </message>
    <message>
        <source>Run %1 paused.</source>
        <translation>Lauf %1 angehalten.</translation>
    </message>
    <message>
        <source>End run</source>
        <translation>Lauf beenden</translation>
    </message>
    <message>
        <source>End run %1? Its working orders are cancelled; a position it opened stays in the account.</source>
        <translation>Lauf %1 beenden? Seine offenen Orders werden storniert; eine eröffnete Position bleibt im Konto.</translation>
    </message>
    <message>
        <source>Run %1 ended.</source>
        <translation>Lauf %1 beendet.</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>flach</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 zu %3</translation>
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
        <translation>Raster</translation>
    </message>
    <message>
        <source>Filter symbols (Ctrl+F)</source>
        <translation>Symbole filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Beobachtungsliste</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>All sides</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Alle Regeln</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the signals shown, as filtered, to a CSV file (Ctrl+E)</source>
        <translation>Die angezeigten Signale, wie gefiltert, in eine CSV-Datei exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>Ereignisse filtern</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Export signals…</source>
        <translation>Signale &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;ticks…</source>
        <translation>&amp;Ticks exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import market data…</source>
        <translation>Marktdaten &amp;importieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported</source>
        <translation>
            <numerusform>%n Zeile exportiert</numerusform>
            <numerusform>%n Zeilen exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Find &amp;symbol</source>
        <translation>&amp;Symbol suchen</translation>
    </message>
    <message>
        <source>Times in &amp;UTC</source>
        <translation>Zeiten in &amp;UTC</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Simulator</source>
        <translation>&amp;Simulator</translation>
    </message>
    <message>
        <source>&amp;Pause simulator</source>
        <translation>Simulator &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About TickDesk</source>
        <translation>&amp;Über TickDesk</translation>
    </message>
    <message>
        <source>About TickDesk</source>
        <translation>Über TickDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TickDesk %1&lt;/h3&gt;&lt;p&gt;A desktop trading terminal: live ticks, indicators, signals and charts in one program.&lt;/p&gt;&lt;p&gt;Released under the MIT licence. &lt;a href=&quot;https://github.com/tickdesk/tickdesk&quot;&gt;github.com/tickdesk/tickdesk&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Built with Qt %3, running on Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TickDesk %1&lt;/h3&gt;&lt;p&gt;Ein Handelsterminal für den Desktop: Live-Ticks, Indikatoren, Signale und Diagramme in einem Programm.&lt;/p&gt;&lt;p&gt;Veröffentlicht unter der MIT-Lizenz. &lt;a href=&quot;https://github.com/tickdesk/tickdesk&quot;&gt;github.com/tickdesk/tickdesk&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Datenbank: %2&lt;br&gt;Erstellt mit Qt %3, läuft mit Qt %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Show or hide</source>
        <translation>Zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Import market data</source>
        <translation>Marktdaten importieren</translation>
    </message>
    <message>
        <source>Some rows were left out; the details say which and why.</source>
        <translation>Einige Zeilen wurden ausgelassen; die Details nennen welche und warum.</translation>
    </message>
    <message>
        <source>Market data (*.csv *.json *.ndjson *.jsonl);;All files (*)</source>
        <translation>Marktdaten (*.csv *.json *.ndjson *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Another import or export is running; try %1 again when it is done</source>
        <translation>Ein anderer Import oder Export läuft; %1 danach erneut versuchen</translation>
    </message>
    <message>
        <source>%1 has no symbol column. Which symbol are these bars of?</source>
        <translation>%1 hat keine Symbolspalte. Zu welchem Symbol gehören diese Kerzen?</translation>
    </message>
    <message>
        <source>Export signals</source>
        <translation>Signale exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>All symbols</source>
        <translation>Alle Symbole</translation>
    </message>
    <message>
        <source>Export ticks</source>
        <translation>Ticks exportieren</translation>
    </message>
    <message>
        <source>Export the stored ticks of:</source>
        <translation>Die gespeicherten Ticks exportieren von:</translation>
    </message>
    <message>
        <source>Ingest %1</source>
        <translation>Empfang %1</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 Datensätze/s</translation>
    </message>
    <message>
        <source>rejected %1</source>
        <translation>abgewiesen %1</translation>
    </message>
    <message>
        <source>signal p99 %1 ms</source>
        <translation>Signal p99 %1 ms</translation>
    </message>
    <message>
        <source>signal p99 –</source>
        <translation>Signal p99 –</translation>
    </message>
    <message>
        <source>database %1 MB</source>
        <translation>Datenbank %1 MB</translation>
    </message>
    <message>
        <source>simulator off</source>
        <translation>Simulator aus</translation>
    </message>
    <message>
        <source>simulator paused</source>
        <translation>Simulator angehalten</translation>
    </message>
    <message>
        <source>simulator running</source>
        <translation>Simulator läuft</translation>
    </message>
    <message>
        <source>Could not read the stored history: %1</source>
        <translation>Die gespeicherte Historie konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Start simulator</source>
        <translation>Simulator &amp;starten</translation>
    </message>
    <message>
        <source>The simulator could not start; the log says why.</source>
        <translation>Der Simulator konnte nicht starten; das Protokoll nennt den Grund.</translation>
    </message>
    <message>
        <source>&amp;Stop simulator</source>
        <translation>Simulator &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Resume simulator</source>
        <translation>Simulator &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>Diagramm öffnen</translation>
    </message>
    <message>
        <source>Show in grid</source>
        <translation>Im Raster zeigen</translation>
    </message>
    <message>
        <source>Cell %1 (empty)</source>
        <translation>Zelle %1 (leer)</translation>
    </message>
    <message>
        <source>Cell %1 (instead of %2)</source>
        <translation>Zelle %1 (statt %2)</translation>
    </message>
    <message>
        <source>Remove from grid</source>
        <translation>Aus dem Raster entfernen</translation>
    </message>
    <message>
        <source>Show its signals</source>
        <translation>Seine Signale zeigen</translation>
    </message>
    <message>
        <source>Show removed symbols again</source>
        <translation>Entfernte Symbole wieder zeigen</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>Aus der Beobachtungsliste entfernen</translation>
    </message>
    <message>
        <source>&amp;Grid size</source>
        <translation>&amp;Rastergröße</translation>
    </message>
    <message>
        <source>Detach into a window</source>
        <translation>In ein eigenes Fenster lösen</translation>
    </message>
    <message>
        <source>&amp;Workspaces</source>
        <translation>&amp;Arbeitsbereiche</translation>
    </message>
    <message>
        <source>A workspace needs a name.</source>
        <translation>Ein Arbeitsbereich braucht einen Namen.</translation>
    </message>
    <message>
        <source>A workspace name has at most 60 characters.</source>
        <translation>Ein Arbeitsbereichsname hat höchstens 60 Zeichen.</translation>
    </message>
    <message>
        <source>Workspace “%1” saved</source>
        <translation>Arbeitsbereich „%1“ gespeichert</translation>
    </message>
    <message>
        <source>Workspace “%1” loaded</source>
        <translation>Arbeitsbereich „%1“ geladen</translation>
    </message>
    <message>
        <source>Save workspace as…</source>
        <translation>Arbeitsbereich speichern unter…</translation>
    </message>
    <message>
        <source>Delete workspace</source>
        <translation>Arbeitsbereich löschen</translation>
    </message>
    <message>
        <source>Delete the workspace “%1”?</source>
        <translation>Den Arbeitsbereich „%1“ löschen?</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>Arbeitsbereich speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>A workspace “%1” exists. Replace it?</source>
        <translation>Ein Arbeitsbereich „%1“ existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Filter alerts</source>
        <translation>Alarme filtern</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Open chart of %1</source>
        <translation>Chart von %1 öffnen</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alarme: %1</translation>
    </message>
    <message>
        <source>This alert cannot be read (%1): delete it or replace it through the API</source>
        <translation>Dieser Alarm ist nicht lesbar (%1): löschen oder über die API ersetzen</translation>
    </message>
    <message>
        <source>Add alert…</source>
        <translation>Alarm hinzufügen…</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>jeder Tag</translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation>Orderticket</translation>
    </message>
    <message>
        <source>Close %1 at the market</source>
        <translation>%1 zum Marktpreis schließen</translation>
    </message>
    <message>
        <source>Buy %1…</source>
        <translation>%1 kaufen…</translation>
    </message>
    <message>
        <source>Sell %1…</source>
        <translation>%1 verkaufen…</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Alle Orders</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Order stornieren</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <source>Cancel order #%1</source>
        <translation>Order #%1 stornieren</translation>
    </message>
    <message>
        <source>Change order #%1…</source>
        <translation>Order #%1 ändern…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Export trades</source>
        <translation>Trades exportieren</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>The paper account: cash, equity (cash and positions at their last prices) and today&apos;s P/L</source>
        <translation>Das Papierkonto: Bargeld, Eigenkapital (Bargeld und Positionen zu ihren letzten Kursen) und heutiger G/V</translation>
    </message>
    <message>
        <source>newest %1 of %2 trades</source>
        <translation>neueste %1 von %2 Trades</translation>
    </message>
    <message numerus="yes">
        <source>%n trades</source>
        <translation>
            <numerusform>%n Trade</numerusform>
            <numerusform>%n Trades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trades written to %1</source>
        <translation>
            <numerusform>%n Trade nach %1 geschrieben</numerusform>
            <numerusform>%n Trades nach %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Paper trading: %1</source>
        <translation>Papierhandel: %1</translation>
    </message>
    <message>
        <source>The paper account was reset</source>
        <translation>Das Papierkonto wurde zurückgesetzt</translation>
    </message>
    <message>
        <source>&amp;Trade</source>
        <translation>&amp;Handel</translation>
    </message>
    <message>
        <source>&amp;Buy…</source>
        <translation>&amp;Kaufen…</translation>
    </message>
    <message>
        <source>&amp;Sell…</source>
        <translation>&amp;Verkaufen…</translation>
    </message>
    <message>
        <source>P/L &amp;calendar…</source>
        <translation>G/V-&amp;Kalender…</translation>
    </message>
    <message>
        <source>&amp;Reset paper account…</source>
        <translation>Papierkonto &amp;zurücksetzen…</translation>
    </message>
    <message>
        <source>Reset paper account</source>
        <translation>Papierkonto zurücksetzen</translation>
    </message>
    <message>
        <source>Working orders are cancelled and positions start flat; earlier trades stay in the list and the calendar.

Starting cash:</source>
        <translation>Offene Orders werden storniert und Positionen beginnen bei null; frühere Trades bleiben in der Liste und im Kalender.

Startkapital:</translation>
    </message>
    <message>
        <source>closed from the positions</source>
        <translation>aus den Positionen geschlossen</translation>
    </message>
    <message>
        <source>Paper: cash %1 · equity %2 · day &lt;span style=&quot;color:%4&quot;&gt;%3&lt;/span&gt;</source>
        <translation>Papier: Bargeld %1 · Eigenkapital %2 · Tag &lt;span style=&quot;color:%4&quot;&gt;%3&lt;/span&gt;</translation>
    </message>
    <message>
        <source>The signals that trade were saved</source>
        <translation>Die handelnden Signale wurden gespeichert</translation>
    </message>
    <message>
        <source>Signals that &amp;trade…</source>
        <translation>&amp;Handelnde Signale…</translation>
    </message>
    <message>
        <source>%1 %2 %3 · #%4</source>
        <translation>%1 %2 %3 · #%4</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>Strategy &amp;tester…</source>
        <translation>Strategie&amp;tester…</translation>
    </message>
    <message>
        <source>Strategies trading &amp;live…</source>
        <translation>&amp;Live handelnde Strategien…</translation>
    </message>
    <message>
        <source>Open the &amp;web monitor in a browser</source>
        <translation>Den Das &amp;Web-Monitoring im Browser öffnenamp;Web-Monitor im Browser öffnen</translation>
    </message>
    <message>
        <source>NATS: sending, %1 behind</source>
        <translation>NATS: sendet, %1 ausstehend</translation>
    </message>
    <message>
        <source>NATS: connected</source>
        <translation>NATS: verbunden</translation>
    </message>
    <message>
        <source>NATS: away, %1 waiting</source>
        <translation>NATS: nicht erreichbar, %1 wartend</translation>
    </message>
    <message>
        <source>History from %1, %2: %3</source>
        <translation>Historie von %1, %2: %3</translation>
    </message>
    <message>
        <source>History from %1, %2: failed: %3</source>
        <translation>Historie von %1, %2: fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historie</translation>
    </message>
    <message>
        <source>&amp;Refresh the watchlist&apos;s history</source>
        <translation>Historie der Beobachtungsliste &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the watchlist &amp;from</source>
        <translation>Beobachtungsliste aktualisieren &amp;von</translation>
    </message>
    <message>
        <source>No source yet: Settings → History</source>
        <translation>Noch keine Quelle: Einstellungen → Historie</translation>
    </message>
    <message>
        <source>Fill &amp;gaps in the watchlist&apos;s history</source>
        <translation>&amp;Lücken in der Historie der Beobachtungsliste füllen</translation>
    </message>
    <message>
        <source>Show the last &amp;refresh</source>
        <translation>Letzte Aktualisierung &amp;zeigen</translation>
    </message>
    <message>
        <source>History: 0 of %1 symbols</source>
        <translation>Historie: 0 von %1 Symbolen</translation>
    </message>
    <message>
        <source>History: %1 of %2 symbols</source>
        <translation>Historie: %1 von %2 Symbolen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>Refresh failed: %1</source>
        <translation>Aktualisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>Gaps in its history: %1; filling %2</source>
        <translation>Lücken in der Historie: %1; fülle %2</translation>
    </message>
    <message>
        <source>History: symbols %1, bars stored %2, failed %3</source>
        <translation>Historie: Symbole %1, gespeicherte Balken %2, fehlgeschlagen %3</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Historie: %1</translation>
    </message>
    <message>
        <source>ingest %1: %2 pending</source>
        <translation>Ingest %1: %2 ausstehend</translation>
    </message>
    <message>
        <source>ingest %1: standby</source>
        <translation>Ingest %1: in Bereitschaft</translation>
    </message>
    <message>
        <source>ingest %1: waiting</source>
        <translation>Ingest %1: wartet</translation>
    </message>
    <message>
        <source>TickDesk — %1</source>
        <translation>TickDesk — %1</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>on the node: %1</source>
        <translation>auf dem Knoten: %1</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>NATS: away</source>
        <translation>NATS: getrennt</translation>
    </message>
    <message>
        <source>NATS: waiting</source>
        <translation>NATS: wartet</translation>
    </message>
    <message>
        <source>NATS: catching up, %1 to go</source>
        <translation>NATS: holt auf, noch %1</translation>
    </message>
    <message>
        <source>NATS: following</source>
        <translation>NATS: folgt</translation>
    </message>
    <message>
        <source>%1
Signals, alert fires and fills stored through message %2 of the stream</source>
        <translation>%1
Signale, Alarmauslösungen und Ausführungen gespeichert bis Nachricht %2 des Streams</translation>
    </message>
</context>
<context>
    <name>Gui::NotificationsPage</name>
    <message>
        <source>Send signals by e-mail</source>
        <translation>Signale per E-Mail senden</translation>
    </message>
    <message>
        <source>Alerts too (price moves, news), not only buy and sell</source>
        <translation>Auch Alarme (Kursbewegungen, Nachrichten), nicht nur Kauf und Verkauf</translation>
    </message>
    <message>
        <source>Alerts too</source>
        <translation>Auch Alarme</translation>
    </message>
    <message>
        <source>Send test e-mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (Port 465)</translation>
    </message>
    <message>
        <source>None (local relays only)</source>
        <translation>Keine (nur lokale Relays)</translation>
    </message>
    <message>
        <source>kept in the desktop&apos;s keyring</source>
        <translation>im Schlüsselbund des Desktops gespeichert</translation>
    </message>
    <message>
        <source>trader@example.org, desk@example.org</source>
        <translation>trader@example.org, desk@example.org</translation>
    </message>
    <message>
        <source>a certificate to trust, e.g. a self-signed server&apos;s (optional)</source>
        <translation>ein vertrauenswürdiges Zertifikat, z. B. das eines selbst signierten Servers (optional)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off: one message per signal</source>
        <translation>aus: eine Nachricht pro Signal</translation>
    </message>
    <message>
        <source>One URL per line; each gets a JSON document per signal (or per digest).</source>
        <translation>Eine URL pro Zeile; jede erhält ein JSON-Dokument pro Signal (oder pro Sammelnachricht).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Certificate to trust</source>
        <translation>Vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>SMTP server:</source>
        <translation>SMTP-Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Absender:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Trusted certificate:</source>
        <translation>Vertrauenswürdiges Zertifikat:</translation>
    </message>
    <message>
        <source>E-mail digest:</source>
        <translation>E-Mail-Sammelnachricht:</translation>
    </message>
    <message>
        <source>Webhooks:</source>
        <translation>Webhooks:</translation>
    </message>
    <message>
        <source>Webhook digest:</source>
        <translation>Webhook-Sammelnachricht:</translation>
    </message>
    <message>
        <source>Every buy and sell signal is kept in an outbox until each channel took it, across restarts. Changes apply at the next start.</source>
        <translation>Jedes Kauf- und Verkaufssignal bleibt in einem Postausgang, bis jeder Kanal es angenommen hat, auch über Neustarts hinweg. Änderungen gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sende…</translation>
    </message>
    <message>
        <source>Sent: the server accepted the test e-mail.</source>
        <translation>Gesendet: Der Server hat die Test-E-Mail angenommen.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>Gui::OperandEditor</name>
    <message>
        <source>Period, in bars</source>
        <translation>Periode, in Balken</translation>
    </message>
    <message>
        <source>MACD fast period</source>
        <translation>MACD schnelle Periode</translation>
    </message>
    <message>
        <source>MACD slow period</source>
        <translation>MACD langsame Periode</translation>
    </message>
    <message>
        <source>MACD signal period</source>
        <translation>MACD Signalperiode</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Price (last)</source>
        <translation>Kurs (letzter)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Eröffnung</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Tief</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schluss</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
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
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>MACD line</source>
        <translation>MACD-Linie</translation>
    </message>
    <message>
        <source>MACD signal</source>
        <translation>MACD-Signal</translation>
    </message>
    <message>
        <source>MACD histogram</source>
        <translation>MACD-Histogramm</translation>
    </message>
    <message>
        <source>Bollinger upper band</source>
        <translation>Oberes Bollinger-Band</translation>
    </message>
    <message>
        <source>Bollinger middle band</source>
        <translation>Mittleres Bollinger-Band</translation>
    </message>
    <message>
        <source>Bollinger lower band</source>
        <translation>Unteres Bollinger-Band</translation>
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
        <translation>Bollinger-Breite, in Standardabweichungen</translation>
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
        <translation>#</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Limit / stop</source>
        <translation>Limit / Stop</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Gui::OrderTicket</name>
    <message>
        <source>Change order</source>
        <translation>Order ändern</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Order stornieren</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Neue Order</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Type / price</source>
        <translation>Typ / Preis</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>#%1 %2 %3 %4 %5: %6</source>
        <translation>#%1 %2 %3 %4 %5: %6</translation>
    </message>
    <message>
        <source>Type a symbol</source>
        <translation>Symbol eingeben</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>keine Position</translation>
    </message>
    <message>
        <source>held: %1</source>
        <translation>gehalten: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Buy %1 — Enter sends</source>
        <translation>%1 kaufen — Enter sendet</translation>
    </message>
    <message>
        <source>Sell %1 — Enter sends</source>
        <translation>%1 verkaufen — Enter sendet</translation>
    </message>
    <message>
        <source>Changing order #%1: %2 %3</source>
        <translation>Order #%1 ändern: %2 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Gui::PnlCalendar</name>
    <message>
        <source>P/L calendar</source>
        <translation>G/V-Kalender</translation>
    </message>
    <message numerus="yes">
        <source>%1: net %2 from %n trades</source>
        <translation>
            <numerusform>%1: netto %2 aus %n Trade</numerusform>
            <numerusform>%1: netto %2 aus %n Trades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n days</source>
        <translation>
            <numerusform> an %n Tag</numerusform>
            <numerusform> an %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no trades</source>
        <translation>%1: keine Trades</translation>
    </message>
    <message>
        <source>%1: %2 trades · realized %3 · fees %4 · net %5
win rate %6 · profit factor %7 · average win %8, loss %9 · largest win %10, loss %11 · cumulative %12</source>
        <translation>%1: %2 Trades · realisiert %3 · Gebühren %4 · netto %5
Trefferquote %6 · Profitfaktor %7 · Durchschnittsgewinn %8, -verlust %9 · größter Gewinn %10, Verlust %11 · kumuliert %12</translation>
    </message>
</context>
<context>
    <name>Gui::PositionModel</name>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Avg price</source>
        <translation>Ø Preis</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Unrealized</source>
        <translation>Unrealisiert</translation>
    </message>
    <message>
        <source>Unrealized %</source>
        <translation>Unrealisiert %</translation>
    </message>
    <message>
        <source>Realized</source>
        <translation>Realisiert</translation>
    </message>
</context>
<context>
    <name>Gui::RefreshDialog</name>
    <message>
        <source>History refresh</source>
        <translation>Aktualisierung der Historie</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Cancel refresh</source>
        <translation>Aktualisierung abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1: gaps in its history: %2; filling %3</source>
        <translation>%1: Lücken in der Historie: %2; fülle %3</translation>
    </message>
    <message>
        <source>Looking for gaps in %1 symbols…</source>
        <translation>Suche Lücken in %1 Symbolen…</translation>
    </message>
    <message>
        <source>Scheduled refresh of %1 symbols…</source>
        <translation>Geplante Aktualisierung von %1 Symbolen…</translation>
    </message>
    <message>
        <source>Refreshing %1 symbols…</source>
        <translation>Aktualisiere %1 Symbole…</translation>
    </message>
    <message>
        <source>Failed: </source>
        <translation>Fehlgeschlagen: </translation>
    </message>
    <message>
        <source>Cancelled. Symbols done: %1; bars stored: %2.</source>
        <translation>Abgebrochen. Erledigte Symbole: %1; gespeicherte Balken: %2.</translation>
    </message>
    <message>
        <source>Done. Symbols: %1; bars stored: %2.</source>
        <translation>Fertig. Symbole: %1; gespeicherte Balken: %2.</translation>
    </message>
    <message>
        <source>Failed: %1.</source>
        <translation>Fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Nothing to do: no gaps, or nothing asked for.</source>
        <translation>Nichts zu tun: keine Lücken, oder nichts angefragt.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
</context>
<context>
    <name>Gui::ReliabilityModel</name>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message numerus="yes">
        <source>Measured %n bars after each signal, in the signal&apos;s direction</source>
        <translation>
            <numerusform>Gemessen %n Kerze nach jedem Signal, in Richtung des Signals</numerusform>
            <numerusform>Gemessen %n Kerzen nach jedem Signal, in Richtung des Signals</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule or alert</source>
        <translation>Regel oder Alarm</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Average move</source>
        <translation>Mittlere Bewegung</translation>
    </message>
</context>
<context>
    <name>Gui::SearchResultModel</name>
    <message>
        <source>Return</source>
        <translation>Rendite</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
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
        <translation>Profitfaktor</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Gewinnquote</translation>
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
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>only needed for a non-loopback address</source>
        <translation>nur für eine Adresse außerhalb von Loopback nötig</translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation>Bindeadresse:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>Server changes take effect at the next start.</source>
        <translation>Serveränderungen gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <source>SMA period:</source>
        <translation>SMA-Periode:</translation>
    </message>
    <message>
        <source>EMA period:</source>
        <translation>EMA-Periode:</translation>
    </message>
    <message>
        <source>RSI period:</source>
        <translation>RSI-Periode:</translation>
    </message>
    <message>
        <source>MACD fast:</source>
        <translation>MACD schnell:</translation>
    </message>
    <message>
        <source>MACD slow:</source>
        <translation>MACD langsam:</translation>
    </message>
    <message>
        <source>MACD signal:</source>
        <translation>MACD-Signal:</translation>
    </message>
    <message>
        <source>Bollinger period:</source>
        <translation>Bollinger-Periode:</translation>
    </message>
    <message>
        <source>Bollinger width (σ):</source>
        <translation>Bollinger-Breite (σ):</translation>
    </message>
    <message>
        <source>ATR period:</source>
        <translation>ATR-Periode:</translation>
    </message>
    <message>
        <source>VWAP period:</source>
        <translation>VWAP-Periode:</translation>
    </message>
    <message>
        <source>Crossover fast SMA:</source>
        <translation>Kreuzung schnelle SMA:</translation>
    </message>
    <message>
        <source>Crossover slow SMA:</source>
        <translation>Kreuzung langsame SMA:</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI mit Trend</translation>
    </message>
    <message>
        <source>Buy when RSI below:</source>
        <translation>Kaufen, wenn RSI unter:</translation>
    </message>
    <message>
        <source>Sell when RSI above:</source>
        <translation>Verkaufen, wenn RSI über:</translation>
    </message>
    <message>
        <source>Moving-average crossover</source>
        <translation>Kreuzung gleitender Durchschnitte</translation>
    </message>
    <message>
        <source>Price-move alert</source>
        <translation>Alarm bei Kursbewegung</translation>
    </message>
    <message>
        <source>Move of at least (%):</source>
        <translation>Bewegung von mindestens (%):</translation>
    </message>
    <message>
        <source>Within (seconds):</source>
        <translation>Innerhalb von (Sekunden):</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Nachrichtenstimmung</translation>
    </message>
    <message>
        <source>Sentiment at least:</source>
        <translation>Stimmung mindestens:</translation>
    </message>
    <message>
        <source>Magnitude at least:</source>
        <translation>Stärke mindestens:</translation>
    </message>
    <message>
        <source>Cool-down per symbol (s):</source>
        <translation>Sperrzeit pro Symbol (s):</translation>
    </message>
    <message>
        <source>Indicator and rule changes take effect at the next start.</source>
        <translation>Änderungen an Indikatoren und Regeln gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <source>Symbols:</source>
        <translation>Symbole:</translation>
    </message>
    <message>
        <source>Records per second:</source>
        <translation>Datensätze pro Sekunde:</translation>
    </message>
    <message>
        <source>Volatility (per year):</source>
        <translation>Volatilität (pro Jahr):</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Show times in UTC</source>
        <translation>Zeiten in UTC anzeigen</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dunkles Design</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <source>Closing the window keeps TickDesk in the tray</source>
        <translation>Beim Schließen des Fensters bleibt TickDesk im Infobereich</translation>
    </message>
    <message>
        <source>Bars per chart:</source>
        <translation>Kerzen pro Diagramm:</translation>
    </message>
    <message>
        <source>Keep data for (days, 0 = always):</source>
        <translation>Daten aufbewahren (Tage, 0 = immer):</translation>
    </message>
    <message>
        <source>Retention applies from the next start; signals are always kept.</source>
        <translation>Die Aufbewahrung gilt ab dem nächsten Start; Signale bleiben immer erhalten.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Bars per chart: %1 is not between 20 and 2000.</source>
        <translation>Kerzen pro Diagramm: %1 liegt nicht zwischen 20 und 2000.</translation>
    </message>
    <message>
        <source>Listening now on:</source>
        <translation>Lauscht jetzt auf:</translation>
    </message>
    <message>
        <source>Indicator changes take effect at the next start.</source>
        <translation>Änderungen an Indikatoren gelten ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Re-arm after (RSI points):</source>
        <translation>Wieder freigeben nach (RSI-Punkten):</translation>
    </message>
    <message>
        <source>Fast beyond slow by at least (%):</source>
        <translation>Schnelle über langsamer um mindestens (%):</translation>
    </message>
    <message>
        <source>Start the simulator with TickDesk</source>
        <translation>Den Simulator mit TickDesk starten</translation>
    </message>
    <message>
        <source>The RSI, crossover and price-move rules look at bars of this timeframe and speak when a bar closes; &quot;record&quot; takes each record as a bar.</source>
        <translation>Die Regeln RSI, Kreuzung und Kursbewegung betrachten Balken dieses Zeitrahmens und melden sich, wenn ein Balken schließt; &quot;record&quot; nimmt jeden Datensatz als Balken.</translation>
    </message>
    <message>
        <source>Timeframe:</source>
        <translation>Zeitrahmen:</translation>
    </message>
    <message>
        <source>Where daily and weekly bars begin, e.g. America/New_York; UTC by default.</source>
        <translation>Wo Tages- und Wochenbalken beginnen, z. B. America/New_York; standardmäßig UTC.</translation>
    </message>
    <message>
        <source>Session time zone:</source>
        <translation>Sitzungszeitzone:</translation>
    </message>
    <message>
        <source>Rules&apos; timeframe: %1</source>
        <translation>Zeitrahmen der Regeln: %1</translation>
    </message>
    <message>
        <source>Paper trading</source>
        <translation>Papierhandel</translation>
    </message>
    <message>
        <source>Starting cash:</source>
        <translation>Startkapital:</translation>
    </message>
    <message>
        <source>Commission per share:</source>
        <translation>Provision je Aktie:</translation>
    </message>
    <message>
        <source>Commission per order:</source>
        <translation>Provision je Order:</translation>
    </message>
    <message>
        <source>Commission (% of the value traded):</source>
        <translation>Provision (% des gehandelten Werts):</translation>
    </message>
    <message>
        <source>Slippage per share (market and stop fills):</source>
        <translation>Slippage je Aktie (Markt- und Stop-Ausführungen):</translation>
    </message>
    <message>
        <source>Costs take effect at the next start. The starting cash is the first account&apos;s; Trade → Reset paper account begins a new one with the cash you give.</source>
        <translation>Kosten gelten ab dem nächsten Start. Das Startkapital ist das des ersten Kontos; Handel → Papierkonto zurücksetzen beginnt ein neues mit dem Betrag, den Sie angeben.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Publishing to NATS JetStream&lt;/b&gt;</source>
        <translation>&lt;b&gt;Veröffentlichen an NATS JetStream&lt;/b&gt;</translation>
    </message>
    <message>
        <source>NATS URL:</source>
        <translation>NATS-URL:</translation>
    </message>
    <message>
        <source>off; e.g. nats://127.0.0.1:4222</source>
        <translation>aus; z. B. nats://127.0.0.1:4222</translation>
    </message>
    <message>
        <source>NATS user:</source>
        <translation>NATS-Benutzer:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>NATS token or password:</source>
        <translation>NATS-Token oder -Passwort:</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Node name:</source>
        <translation>Knotenname:</translation>
    </message>
    <message>
        <source>the host name</source>
        <translation>der Hostname</translation>
    </message>
    <message>
        <source>NATS CA certificate:</source>
        <translation>NATS-CA-Zertifikat:</translation>
    </message>
    <message>
        <source>the system&apos;s</source>
        <translation>das des Systems</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>Consume ingest:</source>
        <translation>Eingang lesen:</translation>
    </message>
    <message>
        <source>no; all, or this node&apos;s partitions: 0/2</source>
        <translation>nein; all oder die Partitionen dieses Knotens: 0/2</translation>
    </message>
    <message>
        <source>Store the records published to tickdesk.ingest.&lt;symbol&gt; (the JetStream work queue TICKDESK_INGEST): all of them, or partitions P/N of the symbols shared with other nodes</source>
        <translation>Die an tickdesk.ingest.&lt;Symbol&gt; veröffentlichten Datensätze speichern (die JetStream-Arbeitswarteschlange TICKDESK_INGEST): alle oder die Partitionen P/N der mit anderen Knoten geteilten Symbole</translation>
    </message>
</context>
<context>
    <name>Gui::SignalModel</name>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI mit Trend</translation>
    </message>
    <message>
        <source>MA crossover</source>
        <translation>MA-Kreuzung</translation>
    </message>
    <message>
        <source>Price move</source>
        <translation>Kursbewegung</translation>
    </message>
    <message>
        <source>News sentiment</source>
        <translation>Nachrichtenstimmung</translation>
    </message>
</context>
<context>
    <name>Gui::StrategyEditor</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Whole shares</source>
        <translation>Ganze Stück</translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation>Ohne Namen</translation>
    </message>
    <message>
        <source>Moving-average crossover</source>
        <translation>Kreuzung gleitender Durchschnitte</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI mit Trend</translation>
    </message>
    <message>
        <source>Entries and exits of my own</source>
        <translation>Eigene Ein- und Ausstiege</translation>
    </message>
    <message>
        <source>fast SMA </source>
        <translation>schneller SMA </translation>
    </message>
    <message>
        <source>slow SMA </source>
        <translation>langsamer SMA </translation>
    </message>
    <message>
        <source>RSI </source>
        <translation>RSI </translation>
    </message>
    <message>
        <source>buy below </source>
        <translation>kaufen unter </translation>
    </message>
    <message>
        <source>sell above </source>
        <translation>verkaufen über </translation>
    </message>
    <message>
        <source>Averages:</source>
        <translation>Durchschnitte:</translation>
    </message>
    <message>
        <source>Buys when the fast SMA crosses above the slow one at a bar&apos;s close, sells when it crosses below.</source>
        <translation>Kauft, wenn der schnelle SMA beim Kerzenschluss über den langsamen kreuzt, verkauft, wenn er darunter kreuzt.</translation>
    </message>
    <message>
        <source>RSI:</source>
        <translation>RSI:</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Schwellen:</translation>
    </message>
    <message>
        <source>Buy when:</source>
        <translation>Kaufen, wenn:</translation>
    </message>
    <message>
        <source>Sell when:</source>
        <translation>Verkaufen, wenn:</translation>
    </message>
    <message>
        <source>Sell short when:</source>
        <translation>Leerverkaufen, wenn:</translation>
    </message>
    <message>
        <source>Cover when:</source>
        <translation>Eindecken, wenn:</translation>
    </message>
    <message>
        <source>Long only</source>
        <translation>Nur long</translation>
    </message>
    <message>
        <source>Short only</source>
        <translation>Nur short</translation>
    </message>
    <message>
        <source>Long and short</source>
        <translation>Long und short</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Kerzen</translation>
    </message>
    <message>
        <source>% of equity</source>
        <translation>% des Eigenkapitals</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Timeframe:</source>
        <translation>Zeitrahmen:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Richtung:</translation>
    </message>
    <message>
        <source>Stop loss:</source>
        <translation>Stop-Loss:</translation>
    </message>
    <message>
        <source>Take profit:</source>
        <translation>Take-Profit:</translation>
    </message>
    <message>
        <source>Close after:</source>
        <translation>Schließen nach:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
</context>
<context>
    <name>Gui::StrategyTesterWindow</name>
    <message>
        <source>The strategy cannot run: %1</source>
        <translation>Die Strategie kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a symbol.</source>
        <translation>„%1“ ist kein Symbol.</translation>
    </message>
    <message>
        <source>Give the symbols to test, e.g. AAPL.</source>
        <translation>Die zu testenden Symbole angeben, z. B. AAPL.</translation>
    </message>
    <message>
        <source>The range begins after it ends.</source>
        <translation>Der Zeitraum beginnt nach seinem Ende.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Walk-forward cancelled.</source>
        <translation>Walk-forward abgebrochen.</translation>
    </message>
    <message>
        <source>Moving-average crossover %1/%2</source>
        <translation>Kreuzung gleitender Durchschnitte %1/%2</translation>
    </message>
    <message>
        <source>RSI with trend</source>
        <translation>RSI mit Trend</translation>
    </message>
    <message>
        <source>Unnamed strategy</source>
        <translation>Strategie ohne Namen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; on %2, %3 bars, %4 to %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; auf %2, %3-Kerzen, %4 bis %5</translation>
    </message>
    <message numerus="yes">
        <source>Walk-forward, out-of-sample stretches joined (%n folds):</source>
        <translation>
            <numerusform>Walk-forward, Out-of-Sample-Abschnitte verbunden (%n Abschnitt):</numerusform>
            <numerusform>Walk-forward, Out-of-Sample-Abschnitte verbunden (%n Abschnitte):</numerusform>
        </translation>
    </message>
    <message>
        <source>— (under a year)</source>
        <translation>— (unter einem Jahr)</translation>
    </message>
    <message numerus="yes">
        <source>%1 days (%n bars)</source>
        <translation>
            <numerusform>%1 Tage (%n Kerze)</numerusform>
            <numerusform>%1 Tage (%n Kerzen)</numerusform>
        </translation>
    </message>
    <message>
        <source>— (no loss)</source>
        <translation>— (kein Verlust)</translation>
    </message>
    <message>
        <source>Equity, out of sample</source>
        <translation>Eigenkapital, out of sample</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>Eigenkapital</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n trades, return %2.</source>
        <translation>
            <numerusform>%1: %n Trade, Rendite %2.</numerusform>
            <numerusform>%1: %n Trades, Rendite %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-forward done</source>
        <translation>Walk-forward fertig</translation>
    </message>
    <message>
        <source>Test done</source>
        <translation>Test fertig</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 sets.</source>
        <translation>Abgebrochen nach %1 von %2 Sätzen.</translation>
    </message>
    <message>
        <source>%1 sets run.</source>
        <translation>%1 Sätze gelaufen.</translation>
    </message>
    <message>
        <source>%1 could not run, e.g.: %2</source>
        <translation>%1 konnten nicht laufen, z. B.: %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Run test</source>
        <translation>Test &amp;starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Strategy Tester</source>
        <translation>Strategietester</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>Trades</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Optimize</source>
        <translation>Optimieren</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
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
        <translation>Symbole:</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Starting cash:</source>
        <translation>Startkapital:</translation>
    </message>
    <message>
        <source>a share</source>
        <translation>pro Stück</translation>
    </message>
    <message>
        <source>an order</source>
        <translation>pro Order</translation>
    </message>
    <message>
        <source>Commission:</source>
        <translation>Provision:</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>Spanne</translation>
    </message>
    <message>
        <source>Slippage:</source>
        <translation>Slippage:</translation>
    </message>
    <message>
        <source> bars after</source>
        <translation> Kerzen danach</translation>
    </message>
    <message>
        <source>Rule reliability: where the price was this many bars after each signal</source>
        <translation>Verlässlichkeit der Regeln: wo der Kurs so viele Kerzen nach jedem Signal stand</translation>
    </message>
    <message>
        <source>Reliability:</source>
        <translation>Verlässlichkeit:</translation>
    </message>
    <message>
        <source>Choose a strategy and symbols, then Run test.</source>
        <translation>Strategie und Symbole wählen, dann Test starten.</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>Gesamtrendite</translation>
    </message>
    <message>
        <source>CAGR</source>
        <translation>CAGR</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>Max. Drawdown</translation>
    </message>
    <message>
        <source>Longest drawdown</source>
        <translation>Längster Drawdown</translation>
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
        <translation>Volatilität</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Gewinnquote</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>Profitfaktor</translation>
    </message>
    <message>
        <source>Expectancy</source>
        <translation>Erwartungswert</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Marktanteil</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <source>Ending equity</source>
        <translation>Eigenkapital am Ende</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Kerzen</translation>
    </message>
    <message>
        <source>Decisions at each bar&apos;s close, fills at the next bar&apos;s open; a stop and a target reached in one bar count as the stop.</source>
        <translation>Entscheidungen beim Schluss jeder Kerze, Ausführung zur Eröffnung der nächsten; erreicht eine Kerze Stopp und Ziel, zählt der Stopp.</translation>
    </message>
    <message>
        <source>Which signals to trust: each rule and alert over this history</source>
        <translation>Welchen Signalen man trauen kann: jede Regel und jeder Alarm über diese Historie</translation>
    </message>
    <message>
        <source>Export trades…</source>
        <translation>Trades exportieren…</translation>
    </message>
    <message>
        <source>Export equity…</source>
        <translation>Eigenkapital exportieren…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Smallest drawdown</source>
        <translation>Kleinster Drawdown</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source> bars in sample</source>
        <translation> Kerzen in-sample</translation>
    </message>
    <message>
        <source> bars out of sample</source>
        <translation> Kerzen out-of-sample</translation>
    </message>
    <message>
        <source>&amp;Walk forward</source>
        <translation>&amp;Walk-forward</translation>
    </message>
    <message>
        <source>Rank by:</source>
        <translation>Ordnen nach:</translation>
    </message>
    <message>
        <source>Double-click a set to test it</source>
        <translation>Doppelklick auf einen Satz testet ihn</translation>
    </message>
    <message>
        <source>Run test</source>
        <translation>Test starten</translation>
    </message>
    <message>
        <source>Moving-average crossover (preset)</source>
        <translation>Kreuzung gleitender Durchschnitte (Vorlage)</translation>
    </message>
    <message>
        <source>RSI with trend (preset)</source>
        <translation>RSI mit Trend (Vorlage)</translation>
    </message>
    <message>
        <source>Save strategy</source>
        <translation>Strategie speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete strategy</source>
        <translation>Strategie löschen</translation>
    </message>
    <message>
        <source>Delete the saved strategy &quot;%1&quot;?</source>
        <translation>Die gespeicherte Strategie „%1“ löschen?</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Run a test first.</source>
        <translation>Zuerst einen Test starten.</translation>
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
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Trade live</source>
        <translation>Live handeln</translation>
    </message>
    <message>
        <source>Trade &quot;%1&quot; live on the paper account, on %2?

%3

It decides at the close of each %4 bar from the next one on and trades at the next record; a position&apos;s stop and target wait at the broker. Trade → Strategies trading live… pauses or ends it.</source>
        <translation>„%1“ live auf dem Papierkonto handeln, auf %2?

%3

Sie entscheidet ab der nächsten beim Schluss jeder %4-Kerze und handelt beim nächsten Datensatz; Stopp und Ziel einer Position warten beim Broker. Handel → Live handelnde Strategien… hält sie an oder beendet sie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; trades live (run %2).</source>
        <translation>„%1“ handelt live (Lauf %2).</translation>
    </message>
    <message>
        <source>Cannot trade live: %1</source>
        <translation>Live-Handel nicht möglich: %1</translation>
    </message>
    <message>
        <source>Trade live…</source>
        <translation>Live handeln…</translation>
    </message>
    <message>
        <source>Trade this strategy live on the paper account: it decides at each bar&apos;s close from the next bar on, as the test does</source>
        <translation>Diese Strategie live auf dem Papierkonto handeln: Sie entscheidet ab der nächsten Kerze bei jedem Kerzenschluss, wie im Test</translation>
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
        <translation>Tag %: Änderung des letzten Kurses seit der ersten Eröffnung der Sitzung (der Tag der neuesten Kerze in der Zeitzone der Sitzung), wie in der Beobachtungsliste.</translation>
    </message>
    <message>
        <source>Empty cell: right-click to choose a symbol</source>
        <translation>Leere Zelle: Rechtsklick, um ein Symbol zu wählen</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Live »</source>
        <translation>Live »</translation>
    </message>
    <message>
        <source>Back to the newest bar (End)</source>
        <translation>Zurück zum neuesten Balken (Ende)</translation>
    </message>
    <message>
        <source>How the bars are drawn</source>
        <translation>Wie die Balken gezeichnet werden</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <source>Overlays on the candles and panes under them</source>
        <translation>Überlagerungen auf den Kerzen und Bereiche darunter</translation>
    </message>
    <message>
        <source>Bollinger bands</source>
        <translation>Bollinger-Bänder</translation>
    </message>
    <message>
        <source>VWAP</source>
        <translation>VWAP</translation>
    </message>
    <message>
        <source>Volume pane</source>
        <translation>Volumenbereich</translation>
    </message>
    <message>
        <source>RSI pane</source>
        <translation>RSI-Bereich</translation>
    </message>
    <message>
        <source>MACD pane</source>
        <translation>MACD-Bereich</translation>
    </message>
    <message>
        <source>ATR pane</source>
        <translation>ATR-Bereich</translation>
    </message>
    <message>
        <source>Periods, colours and levels…</source>
        <translation>Perioden, Farben und Linien…</translation>
    </message>
    <message>
        <source>Add alert: volume at %1…</source>
        <translation>Alarm hinzufügen: Volumen bei %1…</translation>
    </message>
    <message>
        <source>Add alert: RSI at %1…</source>
        <translation>Alarm hinzufügen: RSI bei %1…</translation>
    </message>
    <message>
        <source>Add alert: MACD at %1…</source>
        <translation>Alarm hinzufügen: MACD bei %1…</translation>
    </message>
    <message>
        <source>Add alert: ATR at %1…</source>
        <translation>Alarm hinzufügen: ATR bei %1…</translation>
    </message>
    <message>
        <source>Alert when the price crosses this line…</source>
        <translation>Alarm, wenn der Kurs diese Linie kreuzt…</translation>
    </message>
    <message>
        <source>Remove the line&apos;s alert</source>
        <translation>Alarm der Linie entfernen</translation>
    </message>
    <message>
        <source>Delete the drawing and its alert</source>
        <translation>Zeichnung und ihren Alarm löschen</translation>
    </message>
    <message>
        <source>Delete the drawing</source>
        <translation>Zeichnung löschen</translation>
    </message>
    <message>
        <source>Add alert at %1…</source>
        <translation>Alarm bei %1 hinzufügen…</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <source>Horizontal line at %1</source>
        <translation>Horizontale Linie bei %1</translation>
    </message>
    <message>
        <source>Trend line from here</source>
        <translation>Trendlinie von hier</translation>
    </message>
    <message>
        <source>Rectangle from here</source>
        <translation>Rechteck von hier</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>An order ticket to buy this symbol (Shift+B)</source>
        <translation>Ein Orderticket, um dieses Symbol zu kaufen (Umschalt+B)</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>An order ticket to sell this symbol (Shift+S)</source>
        <translation>Ein Orderticket, um dieses Symbol zu verkaufen (Umschalt+S)</translation>
    </message>
    <message>
        <source>Buy at %1…</source>
        <translation>Kaufen bei %1…</translation>
    </message>
    <message>
        <source>Sell at %1…</source>
        <translation>Verkaufen bei %1…</translation>
    </message>
    <message>
        <source>Change order #%1…</source>
        <translation>Order #%1 ändern…</translation>
    </message>
    <message>
        <source>Cancel order #%1</source>
        <translation>Order #%1 stornieren</translation>
    </message>
</context>
<context>
    <name>Gui::TimeframeBar</name>
    <message>
        <source>Bars of %1 ([ and ] step through the timeframes)</source>
        <translation>Balken zu %1 ([ und ] wechseln den Zeitrahmen)</translation>
    </message>
    <message>
        <source>record (each record a bar)</source>
        <translation>record (jeder Datensatz ein Balken)</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>All timeframes, and bars of N minutes, N records (100t) or N shares (10000v)</source>
        <translation>Alle Zeitrahmen sowie Balken aus N Minuten, N Datensätzen (100t) oder N Stück (10000v)</translation>
    </message>
    <message>
        <source>Timeframe</source>
        <translation>Zeitrahmen</translation>
    </message>
    <message>
        <source>Bars of (e.g. 3m, 2h, 90s, 100t for 100 records, 10000v for 10,000 shares):</source>
        <translation>Balken zu (z. B. 3m, 2h, 90s, 100t für 100 Datensätze, 10000v für 10.000 Stück):</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
</context>
<context>
    <name>Gui::TradeChart</name>
    <message>
        <source>Buys</source>
        <translation>Käufe</translation>
    </message>
    <message>
        <source>Sells</source>
        <translation>Verkäufe</translation>
    </message>
</context>
<context>
    <name>Gui::TradeModel</name>
    <message>
        <source>Filled paper order #%1</source>
        <translation>Ausgeführte Papierorder #%1</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Von Hand erfasst</translation>
    </message>
    <message>
        <source>hand</source>
        <translation>Hand</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <source>Realized</source>
        <translation>Realisiert</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
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
        <translation>%1 Kauf / %2 Verkauf</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzter</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>RSI</source>
        <translation>RSI</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Tief</translation>
    </message>
    <message>
        <source>Ticks</source>
        <translation>Ticks</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signale</translation>
    </message>
    <message>
        <source>Last signal</source>
        <translation>Letztes Signal</translation>
    </message>
    <message>
        <source>Change of the last price since the session&apos;s first open (the day of the latest bar in the session time zone). Charts show the same figure as &quot;Day&quot;.</source>
        <translation>Änderung des letzten Kurses seit der ersten Eröffnung der Sitzung (der Tag der neuesten Kerze in der Zeitzone der Sitzung). Diagramme zeigen denselben Wert als „Tag“.</translation>
    </message>
    <message>
        <source>Day %</source>
        <translation>Tag %</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>unknown placeholder %1</source>
        <translation>unbekannter Platzhalter %1</translation>
    </message>
    <message>
        <source>the address &quot;%1&quot; is not valid: %2</source>
        <translation>die Adresse „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>%1 new, %2 already stored</source>
        <translation>%1 neu, %2 bereits gespeichert</translation>
    </message>
    <message>
        <source>%1 corrected</source>
        <translation>%1 korrigiert</translation>
    </message>
    <message>
        <source>%1 differ from the stored bars (kept ours)</source>
        <translation>%1 weichen von den gespeicherten Balken ab (unsere behalten)</translation>
    </message>
    <message>
        <source>%1 bad rows skipped</source>
        <translation>%1 fehlerhafte Zeilen ausgelassen</translation>
    </message>
    <message>
        <source>reading the stored bars failed: %1</source>
        <translation>Lesen der gespeicherten Balken fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the database is shutting down</source>
        <translation>die Datenbank wird geschlossen</translation>
    </message>
    <message>
        <source>storing failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cannot read the database: %1</source>
        <translation>die Datenbank ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>not asked: %1 failed for %2 (%3)</source>
        <translation>nicht angefragt: %1 ist für %2 fehlgeschlagen (%3)</translation>
    </message>
    <message>
        <source>History source: the name is empty.</source>
        <translation>Historienquelle: der Name ist leer.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: the name may not hold / or \.</source>
        <translation>Historienquelle „%1“: der Name darf kein / oder \ enthalten.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: &quot;%2&quot; is not an http:// or https:// address.</source>
        <translation>Historienquelle „%1“: „%2“ ist keine http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: unknown placeholder %2 (known: {symbol}, {symbol:lower}, {from}, {to}, {from:yyyy-MM-dd}, {interval}, {apikey}).</source>
        <translation>Historienquelle „%1“: unbekannter Platzhalter %2 (bekannt: {symbol}, {symbol:lower}, {from}, {to}, {from:yyyy-MM-dd}, {interval}, {apikey}).</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: the interval must be minutes, hours, 1D or 1W, not %2.</source>
        <translation>Historienquelle „%1“: das Intervall muss Minuten, Stunden, 1D oder 1W sein, nicht %2.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: requests a minute must be 0 (no limit) to 6000.</source>
        <translation>Historienquelle „%1“: Anfragen pro Minute müssen zwischen 0 (unbegrenzt) und 6000 liegen.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: the time-out must be 1 to 600 seconds.</source>
        <translation>Historienquelle „%1“: das Zeitlimit muss 1 bis 600 Sekunden betragen.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: look back 1 to 36,500 days.</source>
        <translation>Historienquelle „%1“: 1 bis 36.500 Tage zurückblicken.</translation>
    </message>
    <message>
        <source>Market hours: %1</source>
        <translation>Handelszeiten: %1</translation>
    </message>
    <message>
        <source>Market hours: the opening and closing times must be valid times.</source>
        <translation>Handelszeiten: Öffnungs- und Schlusszeit müssen gültige Uhrzeiten sein.</translation>
    </message>
    <message>
        <source>Market hours: pick at least one trading day.</source>
        <translation>Handelszeiten: mindestens einen Handelstag wählen.</translation>
    </message>
    <message>
        <source>Refresh schedule: %1</source>
        <translation>Aktualisierungsplan: %1</translation>
    </message>
    <message>
        <source>Refresh schedule: the time of day is not valid.</source>
        <translation>Aktualisierungsplan: die Uhrzeit ist ungültig.</translation>
    </message>
    <message>
        <source>Refresh schedule: every 1 to 10,080 minutes.</source>
        <translation>Aktualisierungsplan: alle 1 bis 10.080 Minuten.</translation>
    </message>
    <message>
        <source>Refresh schedule: &quot;%1&quot; is not a symbol.</source>
        <translation>Aktualisierungsplan: „%1“ ist kein Symbol.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: two sources have that name.</source>
        <translation>Historienquelle „%1“: zwei Quellen tragen diesen Namen.</translation>
    </message>
    <message>
        <source>Refresh schedule: there is no source named &quot;%1&quot;.</source>
        <translation>Aktualisierungsplan: es gibt keine Quelle namens „%1“.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: unknown format &quot;%2&quot;.</source>
        <translation>Verlaufsquelle „%1“: unbekanntes Format „%2“.</translation>
    </message>
    <message>
        <source>History source &quot;%1&quot;: %2</source>
        <translation>Verlaufsquelle „%1“: %2</translation>
    </message>
    <message>
        <source>1 bad row skipped</source>
        <translation>1 fehlerhafte Zeile ausgelassen</translation>
    </message>
</context>
<context>
    <name>History::RefreshService</name>
    <message>
        <source>&quot;%1&quot; is not a symbol</source>
        <translation>„%1“ ist kein Symbol</translation>
    </message>
    <message>
        <source>no symbols to refresh</source>
        <translation>keine Symbole zu aktualisieren</translation>
    </message>
    <message>
        <source>no history source is set up (Settings → History)</source>
        <translation>keine Historienquelle eingerichtet (Einstellungen → Historie)</translation>
    </message>
    <message>
        <source>there is no history source named &quot;%1&quot;</source>
        <translation>es gibt keine Historienquelle namens „%1“</translation>
    </message>
    <message>
        <source>no symbols to look at</source>
        <translation>keine Symbole zu prüfen</translation>
    </message>
    <message>
        <source>a history refresh is already running</source>
        <translation>eine Aktualisierung der Historie läuft bereits</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>%1 rows read, %2 imported, %3 skipped</source>
        <translation>%1 Zeilen gelesen, %2 importiert, %3 übersprungen</translation>
    </message>
    <message>
        <source>%1 records read, %2 imported, %3 skipped</source>
        <translation>%1 Datensätze gelesen, %2 importiert, %3 übersprungen</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>record %1: %2</source>
        <translation>Datensatz %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <source>%1 B</source>
        <comment>billions</comment>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1 M</source>
        <comment>millions</comment>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1 K</source>
        <comment>thousands</comment>
        <translation>%1 Tsd.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>New signal: %1</source>
        <translation>Neues Signal: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new signals</source>
        <translation>
            <numerusform>%n neues Signal</numerusform>
            <numerusform>%n neue Signale</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>cannot open database %1: %2</source>
        <translation>Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the database %1 is in use by another TickDesk (a window, a headless node or an import); stop it or give another database</source>
        <translation>die Datenbank %1 wird von einem anderen TickDesk benutzt (einem Fenster, einem Knoten ohne Fenster oder einem Import); beenden Sie ihn oder geben Sie eine andere Datenbank an</translation>
    </message>
    <message>
        <source>cannot lock the database %1: %2</source>
        <translation>die Datenbank %1 kann nicht gesperrt werden: %2</translation>
    </message>
</context>
<context>
    <name>TradingText</name>
    <message>
        <source>Buy</source>
        <translation>Kaufen</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>Sell short</source>
        <translation>Leerverkaufen</translation>
    </message>
    <message>
        <source>Buy to cover</source>
        <translation>Eindecken</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Good till cancelled</source>
        <translation>Bis auf Widerruf</translation>
    </message>
    <message>
        <source>working</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>, stream %1</source>
        <translation>, Stream %1</translation>
    </message>
</context>
</TS>
