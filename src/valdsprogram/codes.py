"""The catalogue of diagnostic codes: each code's severity, title and explanation, in one registry."""

from __future__ import annotations

from dataclasses import dataclass

from valdsprogram.diagnostics import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class Code:
    """One stable diagnostic code and what it means."""

    code: str
    """`VP` and three digits; never reused for another meaning."""
    severity: Severity
    """The severity every diagnostic with this code has."""
    title: str
    """A short Swedish title for the catalogue."""
    explanation: str
    """A Swedish paragraph for the catalogue: when the code is given and how to fix it."""

    def at(self, path: str, line: int, column: int, message: str, hint: str = "", *, place: str = "") -> Diagnostic:
        """A diagnostic with this code at a line and column (and, where known, a place in the data)."""
        return Diagnostic(self.code, self.severity, path, line, column, message, hint, place)


FEL, VARNING = Severity.FEL, Severity.VARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        # VP0xx: reading the file as safe, plain YAML.
        Code(
            "VP001",
            FEL,
            "Filen kan inte läsas",
            "Filen eller mappen finns inte, går inte att öppna, eller är något annat än en vanlig fil.",
        ),
        Code(
            "VP002",
            FEL,
            "Filen är för stor",
            "Filen är större än vad ett program eller en uppföljning rimligen kan vara. Den läses inte alls, "
            "så att en felaktig eller fientlig fil inte kan låsa verktyget.",
        ),
        Code(
            "VP003",
            FEL,
            "Filen är inte UTF-8",
            "Filen innehåller byte som inte är giltig UTF-8, ofta för att den sparats som Windows-1252, "
            "Latin-1 eller UTF-16, eller för att den inte är en textfil alls (en bild, en PDF, ett "
            "Office-dokument). Spara om filen som UTF-8.",
        ),
        Code(
            "VP004",
            FEL,
            "YAML-syntaxfel",
            "Filen går inte att tolka som YAML, till exempel på grund av fel indrag, tabbtecken, ett kolon "
            "på fel ställe eller ett citattecken som inte avslutas.",
        ),
        Code(
            "VP005",
            FEL,
            "Nyckeln förekommer två gånger",
            "Samma nyckel står två gånger i samma mappning. Många YAML-verktyg behåller tyst det sista "
            "värdet; här är det ett fel så att inget försvinner utan att någon märker det.",
        ),
        Code(
            "VP006",
            FEL,
            "Ankare och alias används",
            "YAML-ankare (`&namn`) och alias (`*namn`) behövs inte i dessa filer och kan användas för att "
            'få verktyg att krascha ("alias-bomb"). Skriv ut värdena i stället.',
        ),
        Code(
            "VP007",
            FEL,
            "För djup nästling",
            "Filen är nästlad djupare än vad programmet eller en uppföljning någonsin behöver.",
        ),
        Code(
            "VP008",
            VARNING,
            "Tvetydigt värde",
            "Värdet tolkas olika av olika YAML-verktyg: `yes`, `no`, `on` och `off` blir sanningsvärden, "
            "`012` blir ett oktalt tal och `12:30` blir talet 750 i YAML 1.1. Valdsprogram läser det som "
            "text. Skriv `true`/`false` för sanningsvärden och sätt citattecken runt text.",
        ),
        Code(
            "VP009",
            FEL,
            "Flera YAML-dokument",
            "Filen innehåller mer än ett YAML-dokument (`---`). Varje fil ska innehålla ett enda dokument.",
        ),
        Code(
            "VP010",
            FEL,
            "YAML-tagg används",
            "Taggar som `!!python/object` eller `!egen` stöds inte. Ta bort taggen.",
        ),
        Code("VP011", FEL, "Filen är tom", "Filen innehåller inget YAML-dokument, eller bara kommentarer."),
        Code(
            "VP012",
            FEL,
            "Kontrolltecken i ett värde",
            "Ett värde eller en nyckel innehåller ett kontrolltecken (till exempel escape `\\e`, NUL `\\0`, "
            "klocka `\\a`, NEL `\\x85` eller en riktningsändring som U+202E) eller något av icke-tecknen U+FFFE "
            "och U+FFFF, oftast skrivet som en escape-sekvens inom dubbla citattecken. Sådana tecken kan färga om "
            "eller skriva över en terminal, vända text i en rapport och göra en arbetsbok eller YAML-fil som "
            "verktyget skriver oläslig. Ta bort tecknet.",
        ),
        Code(
            "VP016",
            VARNING,
            "Texten kortas av vid #",
            "En text utan citattecken följs av ` #` på samma rad. YAML läser allt från ` #` som en kommentar, "
            "så resten av texten försvinner tyst: `kommentar: Tre grupper har startat #2 och #3 i höst.` blir "
            'bara "Tre grupper har startat". Sätt citattecken runt hela texten, eller skriv nummer utan `#`. '
            "En kommentar på egen rad eller efter ett tal, en status eller ett id varnas det inte för.",
        ),
        Code(
            "VP017",
            FEL,
            "Citattecken inne i en citerad text",
            "En text inom dubbla citattecken innehåller själv ett dubbelt citattecken, som avslutar texten för "
            'tidigt: `kommentar: "Projektet "Trygg hemma" har startat."`. Sätt enkla citattecken runt texten '
            "(`'Projektet \"Trygg hemma\" har startat.'`; ett enkelt citattecken i texten skrivs då `''`), eller "
            'skriv `\\"` för varje citattecken inne i texten.',
        ),
        Code(
            "VP020",
            VARNING,
            "Sanningsvärde eller tomt värde med versaler",
            "`True`, `FALSE`, `Null` och liknande läses som true, false och ett tomt värde, men bara `true` och "
            "`false` är sanningsvärden i formatet, och ett tomt värde lämnas tomt (eller skrivs `null`). "
            "Editorns schema ser inte hur värdet är stavat, så varningen kommer bara från `validera`.",
        ),
        # VP1xx: the shape of the data (the model).
        Code(
            "VP101",
            FEL,
            "Okänd nyckel",
            "Nyckeln finns inte i formatet. Ofta är det ett stavfel; meddelandet föreslår den närmaste "
            "giltiga nyckeln.",
        ),
        Code("VP102", FEL, "Nyckel saknas", "En obligatorisk nyckel saknas."),
        Code(
            "VP103",
            FEL,
            "Fel sorts värde",
            "Värdet är av fel slag, till exempel text där ett tal, en lista eller en mappning ska stå.",
        ),
        Code(
            "VP104",
            FEL,
            "Otillåtet värde",
            "Värdet är inte ett av de tillåtna, till exempel en enhet eller status som inte finns.",
        ),
        Code(
            "VP105",
            FEL,
            "Värdet har fel form",
            "Värdet har rätt slag men fel form: ett id som inte följer mönstret, ett datum som inte är "
            "ÅÅÅÅ-MM-DD, ett tal utanför sitt intervall eller en tom text.",
        ),
        # VP2xx: rules over the program.
        Code(
            "VP201",
            FEL,
            "Dubblerat id",
            "Två organ, grupper, mål, aktiviteter eller indikatorer har samma id. Id:n måste vara unika i "
            "hela programmet eftersom uppföljningarna hänvisar till dem.",
        ),
        Code(
            "VP202",
            FEL,
            "Okänd ansvarig",
            "`ansvariga` eller `medlemmar` nämner ett id som varken är ett organ eller en grupp i programmet.",
        ),
        Code(
            "VP203",
            FEL,
            "Okänt efterträdande organ",
            "`ersatts_av` pekar på ett organ som inte finns i programmet.",
        ),
        Code(
            "VP204",
            FEL,
            "Datumen går inte ihop",
            "Ett organs `fran` ligger efter dess `till`, programmets giltighet slutar före den börjar, ett "
            "organ som ersatts saknar `till`, eller ett efterträdande organ börjar innan föregångaren upphört.",
        ),
        Code(
            "VP205",
            VARNING,
            "Mål utan aktiviteter eller indikatorer",
            "Ett mål saknar aktiviteter eller indikatorer, så ingen kan följa upp det.",
        ),
        Code(
            "VP206",
            FEL,
            "Värdet passar inte enheten",
            "Ett årsmål, en tolerans, en mätning eller en sammanvägning passar inte indikatorns enhet: `procent` ska "
            "vara 0–100 och vägs samman `vagd` eller `ovagd`, `antal` ett heltal som inte är negativt och vägs samman "
            "som `summa`, `ja/nej` `true` eller `false` (och har ingen tolerans eller sammanvägning och mäts som "
            "`lage`, inte `ackumulerad`).",
        ),
        Code(
            "VP207",
            FEL,
            "Okänd våldstyp",
            "`valdstyper` nämner ett id som inte finns bland programmets våldstyper.",
        ),
        Code(
            "VP208",
            VARNING,
            "Ansvarig som inte finns under programmets giltighet",
            "Ett organ eller en grupp som är ansvarig för en aktivitet eller indikator finns inte (eller har "
            "inga medlemmar) någon gång under programmets giltighetstid.",
        ),
        Code(
            "VP209",
            VARNING,
            "Id passar inte sitt mål",
            "Aktiviteter och indikatorer numreras efter sitt mål: under M2 heter de A2.1, A2.2 … och I2.1, "
            "I2.2 …. Ett id med ett annat målnummer förvirrar den som läser uppföljningarna.",
        ),
        Code(
            "VP210",
            FEL,
            "Organet ersätts av sig självt",
            "`ersatts_av` pekar tillbaka på organet självt, direkt eller via andra organ (a ersätts av b, b av "
            "a). Då finns inget organ som rapporterar i stället. Ange det organ som tog över verksamheten.",
        ),
        Code(
            "VP211",
            FEL,
            "Id:t kan inte vara ett filnamn",
            "Organens och gruppernas id:n blir filnamn (`uppfoljning/2024-T1/<organ>.yaml`, checklistor). "
            "Windows reserverar namnen con, prn, aux, nul, com1–com9 och lpt1–lpt9, även med en filändelse: en "
            "sådan fil går inte att skapa eller checka ut där. Välj ett annat id.",
        ),
        Code(
            "VP214",
            FEL,
            "Slutar innan den börjar",
            "En aktivitet, en indikator eller ett ansvar med datum har ett `till` som ligger före dess `fran`. "
            "`fran` är den första dagen och `till` den sista.",
        ),
        Code(
            "VP215",
            VARNING,
            "Ansvar när organet inte finns",
            "Ett ansvar med datum (`{organ: ID, fran: DATUM, till: DATUM}`) gäller dagar då organet ännu inte "
            "finns eller redan har upphört. Ett ansvar utan `fran` gäller från aktivitetens eller indikatorns "
            "början och ett utan `till` till dess slut. Låt ansvaret följa organets `fran` och `till`, och ange "
            "efterträdaren som ansvarig därefter.",
        ),
        Code(
            "VP216",
            VARNING,
            "Lucka i ansvaret",
            "Ansvaret för en aktivitet eller indikator har datum, och det finns dagar då den ingår i programmet "
            "men ingen är ansvarig för den. När ett ansvar flyttas ska det nya börja dagen efter att det gamla "
            "slutar; om aktiviteten eller indikatorn har upphört anges det med `till` på den.",
        ),
        Code(
            "VP217",
            VARNING,
            "Överlappande ansvar",
            "Ansvaret för en aktivitet eller indikator har datum, och samma organ blir ansvarigt genom två "
            "poster samma dag, direkt eller genom en grupp, till exempel när ett ansvar flyttas från alla "
            "stadsdelsnämnder till en av dem och datumen överlappar. Rätta datumen.",
        ),
        Code(
            "VP218",
            VARNING,
            "Årsmål för ett år utan indikatorn",
            "Ett årsmål per år (`arsmal: {2024: 400, 2025: 450}`) nämner ett år utanför programmets giltighet "
            "eller ett år då indikatorn inte ingår i programmet.",
        ),
        Code(
            "VP219",
            FEL,
            "Revisionerna står inte i datumordning",
            "`revisioner` ska stå äldst först, med högst en revision per dag, så att det går att se vilken "
            "lydelse som gällde en viss dag.",
        ),
        Code(
            "VP220",
            FEL,
            "Revision utanför programmets giltighet",
            "En revision är daterad före programmets första år eller efter dess sista (`giltighet`).",
        ),
        # VP3xx: rules over a follow-up file, against the program and the other follow-ups.
        Code("VP301", FEL, "Okänt organ", "`organ` är inget organ i programmet."),
        Code(
            "VP302",
            FEL,
            "Organet finns inte under perioden",
            "Ett organ får rapportera en period bara om det finns periodens sista dag (T1: 30 april, T2: 31 "
            "augusti, VB: 31 december). Efter en sammanslagning rapporterar efterträdaren.",
        ),
        Code(
            "VP303",
            FEL,
            "Perioden ligger utanför programmets giltighet",
            "Perioden ligger före eller efter de år programmet gäller.",
        ),
        Code(
            "VP304",
            FEL,
            "Sökvägen stämmer inte med innehållet",
            "En uppföljning ska ligga i `uppfoljning/<period>/<organ>.yaml`, med samma period och organ som "
            "står i filen.",
        ),
        Code(
            "VP305", FEL, "Okänt id", "En aktivitet, indikator eller ett mål i uppföljningen finns inte i programmet."
        ),
        Code(
            "VP306",
            FEL,
            "Organet ansvarar inte för detta",
            "Organet är inte ansvarigt för aktiviteten eller indikatorn vid periodens slut, varken direkt "
            "eller genom en grupp.",
        ),
        Code(
            "VP307",
            FEL,
            "Aktivitet saknas",
            "Organet ansvarar för aktiviteten men har inte rapporterat den. Varje aktivitet ska ha en status "
            "varje period.",
        ),
        Code(
            "VP308",
            FEL,
            "Indikator saknas",
            "Organet ansvarar för indikatorn och den ska rapporteras den här perioden. Indikatorer med "
            "periodicitet `tertial` rapporteras i T1, T2 och VB, de med `ar` bara i VB.",
        ),
        Code(
            "VP309",
            FEL,
            "Utfallet passar inte enheten",
            "`utfall`, `arsmal` eller `prognos` passar inte indikatorns enhet (`procent` 0–100, `antal` ett heltal "
            "som inte är negativt, `ja/nej` `true` eller `false`), eller `taljare`/`namnare` går inte ihop med "
            "utfallet.",
        ),
        Code(
            "VP310",
            FEL,
            "Bedömning saknas",
            "I verksamhetsberättelsen (VB) ska organet bedöma varje mål där det har aktiviteter eller "
            "indikatorer: uppfylls målet helt, delvis eller inte?",
        ),
        Code(
            "VP311",
            FEL,
            "Förklaring saknas",
            "En kommentar krävs när en aktivitet är `försenad` eller `utgår`, och när den är `ej påbörjad` i T2 "
            "eller VB. En analys krävs när ett mål bedöms uppfyllas `delvis` eller `inte`.",
        ),
        Code(
            "VP312",
            FEL,
            "Två uppföljningar för samma organ och period",
            "Samma organ har mer än en fil för samma period. Slå ihop dem till en.",
        ),
        Code(
            "VP313",
            VARNING,
            "Status går bakåt",
            "En aktivitet har en status som ligger före statusen i en tidigare rapport samma år, till exempel "
            "`pågående` efter `genomförd`. Rätta den ena, eller kvittera varningen med skälet på aktiviteten: "
            '`kvittera: {VP313: "Nämnden beslutade …"}`. En kvitterad varning räknas inte av `--strikt`.',
        ),
        Code(
            "VP314",
            VARNING,
            "Årsmålet ändras under året",
            "Årsmålet för en indikator skiljer sig från det i en tidigare rapport samma år. Årsmål ändras "
            "normalt bara genom beslut; kvittera varningen med beslutet på indikatorn: "
            '`kvittera: {VP314: "Årsmålet höjdes genom nämndens beslut 2024-03-20"}`. En kvitterad varning '
            "räknas inte av `--strikt`.",
        ),
        Code(
            "VP315",
            FEL,
            "Personnummer i uppföljningen",
            "Texten innehåller ett giltigt personnummer eller samordningsnummer. Uppföljningar är allmänna "
            "handlingar och får aldrig innehålla uppgifter om enskilda personer. Ta bort numret.",
        ),
        Code(
            "VP316",
            FEL,
            "Värdet är inte ifyllt",
            "En status, ett utfall, ett årsmål eller (i VB) en bedömning står tom. Fyll i värdet.",
        ),
        Code(
            "VP317",
            VARNING,
            "Indikatorn ska inte rapporteras den här perioden",
            "Indikatorn har periodicitet `ar` och rapporteras bara i verksamhetsberättelsen (VB).",
        ),
        Code(
            "VP318",
            VARNING,
            "Mål utan ansvar",
            "Organet bedömer ett mål där det varken har aktiviteter eller indikatorer.",
        ),
        Code(
            "VP323",
            FEL,
            "Prognos i verksamhetsberättelsen",
            "`prognos` är en helårsprognos och hör till tertialrapporterna (T1 och T2). I verksamhetsberättelsen "
            "(VB) är utfallet helårets; ta bort prognosen.",
        ),
        Code(
            "VP324",
            VARNING,
            "Prognosen används inte",
            "Indikatorn mäts som ett läge periodens sista dag (`matning: lage`, till exempel en andel eller ja/nej) "
            "och bedöms som den står. En helårsprognos används bara för indikatorer som mäts ackumulerat.",
        ),
        Code(
            "VP325",
            FEL,
            "Prognosen är lägre än utfallet hittills",
            "Ett ackumulerat antal (till exempel ärenden januari–april) kan inte minska under året, så en "
            "helårsprognos kan inte vara lägre än utfallet hittills i år. Rätta prognosen eller utfallet.",
        ),
        Code(
            "VP327",
            VARNING,
            "Kvitteringen används inte",
            'Uppföljningen kvitterar en varning (`kvittera: {VP314: "skäl"}`) på en aktivitet, indikator eller '
            "ett mål där den varningen inte ges, till exempel för att värdet har rättats. Ta bort kvitteringen, "
            "så att den inte döljer en varning som dyker upp senare.",
        ),
        Code(
            "VP328",
            VARNING,
            "Koden kan inte kvitteras",
            "Bara varningar kan kvitteras. Uppföljningen kvitterar ett fel, en kod som inte finns eller en "
            "varning om kvitteringar (VP327, VP328). Ett fel rättas; det kan inte förklaras bort.",
        ),
        Code(
            "VP331",
            FEL,
            "Talet är skrivet som text",
            "Ett utfall, årsmål eller en prognos är skrivet så att YAML läser det som text: med procenttecken "
            '(`62 %`), decimalkomma (`62,5`), mellanslag i talet (`1 298`) eller inom citattecken (`"298"`). '
            "Meddelandet säger exakt vad som ska stå i stället, i indikatorns enhet: procent utan procenttecken och "
            "med decimalpunkt (`62.5`), antal som heltal.",
        ),
        Code(
            "VP332",
            FEL,
            "Ja eller nej i stället för true eller false",
            "En ja/nej-indikator tar sanningsvärdena `true` (ja) och `false` (nej). `ja` och `nej` är text i YAML, "
            "och `yes` och `no` tolkas olika av olika verktyg. Skriv true eller false, så är filen entydig för "
            "alla verktyg som läser den.",
        ),
        Code(
            "VP333",
            VARNING,
            "Misstänkt värde",
            "Värdet kan vara rätt men ser ut som ett vanligt misstag: en andel i procent skriven som en "
            "decimalandel (`0.625` där 62,5 % menas). Kontrollera värdet; skriv procenttalet (`62.5`).",
        ),
        Code(
            "VP334",
            VARNING,
            "Födelsedatum intill ett namn",
            'Texten har ett datum med `född` eller `f.` framför, intill ett namn ("Anna, född 1981-12-18"). '
            "Ett namn med födelsedatum pekar ut en enskild person, och uppföljningar är allmänna handlingar. "
            "Ta bort födelsedatumet och namnet. Vanliga datum varnas det inte för.",
        ),
        Code(
            "VP335",
            FEL,
            "Datumet har fel form",
            "Ett datum ska skrivas år-månad-dag med bindestreck och två siffror för månad och dag: `2024-05-21`. "
            "Skrivsätt som `21/5 2024`, `2024-5-21` och `21 maj 2024` läses här som det datum som menas, och "
            "meddelandet visar exakt vad som ska stå.",
        ),
        # VP4xx: reading a follow-up workbook (valdsprogram importera).
        Code(
            "VP401",
            FEL,
            "Arbetsboken går inte att läsa",
            "Filen finns inte, är ingen Excel-arbetsbok (.xlsx) eller är skadad. Inget skrivs. Öppna den i Excel, "
            "spara den som Excel-arbetsbok (.xlsx) och läs in den igen.",
        ),
        Code(
            "VP402",
            FEL,
            "Arbetsboken är lösenordsskyddad",
            "Arbetsboken är krypterad med ett lösenord, eller sparad i det gamla formatet .xls, och kan inte läsas. "
            "Ta bort lösenordet och spara som .xlsx. Inget skrivs.",
        ),
        Code(
            "VP403",
            FEL,
            "Arbetsboken innehåller makron",
            "En arbetsbok med makron (.xlsm, eller med ett VBA-projekt) läses inte in. Spara den som vanlig "
            "Excel-arbetsbok (.xlsx). Inget skrivs.",
        ),
        Code(
            "VP404",
            FEL,
            "Arbetsboken hämtar data utifrån",
            "Arbetsboken har länkar till andra arbetsböcker eller dataanslutningar. Värdena i en uppföljning ska "
            "stå i arbetsboken själv: bryt länkarna och spara igen. Inget skrivs.",
        ),
        Code(
            "VP405",
            FEL,
            "Arbetsboken är för stor",
            "Filen, dess uppackade delar eller bladet Uppföljning är mycket större än en uppföljning kan vara "
            "(till exempel en så kallad zip-bomb). Den läses inte, så att verktyget inte kan låsas. Inget skrivs.",
        ),
        Code(
            "VP406",
            FEL,
            "Otillåten XML i arbetsboken",
            "En del av arbetsboken har en dokumenttypsdeklaration (DOCTYPE) eller entiteter, som Excel aldrig "
            "skriver och som används i attacker mot XML-läsare. Inget skrivs.",
        ),
        Code(
            "VP407",
            FEL,
            "Arbetsboken är inte skapad med mall",
            "Arbetsboken saknar bladen eller rubrikerna som `valdsprogram mall --format xlsx` skriver. Skapa en "
            "arbetsbok med mall och för över värdena. Inget skrivs.",
        ),
        Code(
            "VP408",
            FEL,
            "Arbetsboken hör inte hit",
            "Det dolda bladet säger att arbetsboken hör till ett annat program, eller till ett organ eller en "
            "period som inte finns i programmet. Inget skrivs.",
        ),
        Code(
            "VP410",
            VARNING,
            "Formel i en cell",
            "Cellen innehåller en formel. Dess senast uträknade värde, som Excel sparat i filen, läses in; "
            "formeln själv räknas aldrig ut. Skriv hellre värdet direkt i cellen.",
        ),
        Code(
            "VP411",
            FEL,
            "Formel utan sparat värde",
            "Cellen innehåller en formel men filen har inget uträknat värde för den (den har inte sparats av "
            "Excel eller LibreOffice). Formler räknas aldrig ut vid inläsningen, så inget skrivs.",
        ),
        Code(
            "VP412",
            FEL,
            "Värdet i cellen kan inte läsas säkert",
            "Värdet kan betyda två saker (till exempel 1.234: ettusen tvåhundratrettiofyra eller en komma "
            "tvåhundratrettiofyra) eller går inte att läsa som det som ska stå i kolumnen. Värdet skrivs som "
            "text i YAML-filen; skriv det som meddelandet föreslår. Säkra tolkningar görs utan att fråga: "
            "decimalkomma, 62 %, mellanslag som tusentalsavgränsare, ja/nej, tal sparade som text och "
            "mellanslag före och efter.",
        ),
        Code(
            "VP413",
            FEL,
            "Raden går inte att läsa",
            "Kolumnerna Typ och Id har ändrats, eller samma id står på två rader. Ändra inte de låsta kolumnerna.",
        ),
        Code(
            "VP414",
            FEL,
            "Cellen visar ett fel",
            "Cellen visar ett felvärde som #DIV/0! eller #SAKNAS!. Skriv värdet i cellen.",
        ),
        Code(
            "VP415",
            VARNING,
            "Värdet läses inte",
            "Ett värde står i en kolumn som inte hör till radens typ (till exempel ett utfall på en aktivitet) "
            "och läses därför inte in. Flytta det till rätt kolumn eller ta bort det.",
        ),
        # VP5xx: socialnämnden's compilation file, sammanstallning/<period>.yaml.
        Code(
            "VP501",
            FEL,
            "Sammanställningens filnamn stämmer inte",
            "Socialnämndens sammanställning ska ligga i `sammanstallning/<period>.yaml`, med samma period som "
            "står i filen.",
        ),
        Code(
            "VP502",
            FEL,
            "Sammanställningens period ligger utanför programmets giltighet",
            "Perioden ligger före eller efter de år programmet gäller.",
        ),
        Code("VP503", FEL, "Okänt mål i sammanställningen", "Ett mål under `mal` finns inte i programmet."),
        Code(
            "VP504",
            VARNING,
            "Sammanfattningen saknas",
            "Sammanställningen har ingen sammanfattning. Rapporten visar socialnämndens sammanfattning direkt "
            "efter nyckeltalen; skriv den under `sammanfattning`.",
        ),
        Code(
            "VP505",
            VARNING,
            "Stadens bedömning av ett mål saknas",
            "Sammanställningen ska bedöma varje mål för hela staden: uppfylls det helt, delvis eller inte? "
            "I T1 och T2 är bedömningen en prognos för helåret.",
        ),
        Code(
            "VP506",
            FEL,
            "Analys saknas",
            "När staden bedömer att ett mål uppfylls `delvis` eller `inte` krävs en analys: varför, och vad "
            "staden gör åt det.",
        ),
        Code(
            "VP507",
            VARNING,
            "Beslutet är daterat före periodens slut",
            "Socialnämnden beslutar om uppföljningen efter periodens sista dag (T1: 30 april, T2: 31 augusti, "
            "VB: 31 december). Kontrollera datumet.",
        ),
        Code(
            "VP508",
            VARNING,
            "Stadens bedömning har inget stöd i organens bedömningar",
            "Sammanställningen säger att ett mål uppfylls helt fast inget organ som rapporterat perioden bedömer att "
            "det uppfylls helt, eller bedömer ett mål som inget organ har bedömt. Kontrollera bedömningen; rapporten "
            "visar bredvid stadens bedömning att den saknar stöd.",
        ),
    )
}


def code(code_id: str) -> Code:
    """The registered code; a KeyError here is a programming error, caught by the catalogue test."""
    return CODES[code_id]
