/// Fictional names in several scripts, so that rendered documents exercise ICAO transliteration
/// (diacritics, Cyrillic, Greek, long names that must be truncated). Combinations are random;
/// no entry is meant to be a real person.
enum NamePool {
    struct Culture {
        let script: String
        let surnames: [String]
        let givenNames: [String]
        /// Nationalities (MRZ codes) holders of this culture plausibly have besides UTO.
        let nationalities: [String]
        let places: [String]
    }

    static let cultures: [Culture] = [
        Culture(script: "latin",
                surnames: ["ERIKSSON", "OKAFOR", "HADDAD", "NGUYEN", "SMITH", "FERREIRA", "KOWALSKI", "JANSSEN", "ABERNATHY", "MORENO"],
                givenNames: ["ANNA MARIA", "JOHN", "AMARA", "LUCAS", "MEI", "OMAR", "SOFIA", "TOMAS", "GRACE", "IBRAHIM KHALIL"],
                nationalities: ["NLD", "NGA", "GBR", "PRT", "VNM", "SYR"],
                places: ["NEW HARMONY", "PORT CONCORD", "LAGOS", "LISBON", "HANOI", "ALEPPO"]),
        Culture(script: "latin-diacritics",
                surnames: ["MÜLLER", "NØRGAARD", "ŁUKASIEWICZ", "GARCÍA MÁRQUEZ", "ĐORĐEVIĆ", "ÖZTÜRK", "DVOŘÁK", "ÞÓRSDÓTTIR",
                           "LEFÈVRE", "ŻUŁAWSKA", "ŞAHİN", "O'SÚILLEABHÁIN", "VAN DER BERG", "AHLSTRÖM"],
                givenNames: ["JÜRGEN", "ZOË", "JOSÉ ÁNGEL", "ŁUCJA", "ÇAĞLA", "SØREN", "FRANÇOIS", "ÅSA", "GÜNTHER", "INÊS", "ÐURA"],
                nationalities: ["D", "DNK", "POL", "ESP", "SRB", "TUR", "CZE", "ISL", "FRA"],
                places: ["MÜNCHEN", "KØBENHAVN", "ŁÓDŹ", "MÁLAGA", "NIŠ", "İZMİR", "BRNO", "REYKJAVÍK", "DIJON"]),
        Culture(script: "cyrillic",
                surnames: ["ИВАНОВА", "КУЗНЕЦОВ", "ШЕВЧЕНКО", "ЖУКОВ", "ЩЕРБАКОВА", "ЮСУПОВ", "ХМЕЛЬНИЦКИЙ", "ЦВЕТКОВА"],
                givenNames: ["ЮЛИЯ", "АЛЕКСЕЙ", "ДМИТРИЙ", "ЕКАТЕРИНА", "ЯРОСЛАВ", "ЖАННА", "ФЁДОР", "ОЛЬГА"],
                nationalities: ["UKR", "RUS", "BGR", "SRB", "KAZ"],
                places: ["КИЇВ", "ОДЕСА", "СОФИЯ", "НОВИ САД", "АЛМАТЫ"]),
        Culture(script: "greek",
                surnames: ["ΠΑΠΑΔΟΠΟΥΛΟΣ", "ΟΙΚΟΝΟΜΟΥ", "ΓΕΩΡΓΙΟΥ", "ΧΑΤΖΗΔΑΚΗ", "ΨΑΡΡΑΣ", "ΒΛΑΧΟΥ"],
                givenNames: ["ΕΛΕΝΗ", "ΝΙΚΟΛΑΟΣ", "ΧΡΥΣΑΝΘΗ", "ΘΕΟΔΩΡΟΣ", "ΦΩΤΕΙΝΗ", "ΔΗΜΗΤΡΙΟΣ"],
                nationalities: ["GRC", "CYP"],
                places: ["ΑΘΗΝΑ", "ΘΕΣΣΑΛΟΝΙΚΗ", "ΛΕΜΕΣΟΣ", "ΠΑΤΡΑ"]),
        Culture(script: "latin-long",
                surnames: ["WOLFESCHLEGELSTEINHAUSEN-BERGERDORFF", "DE LA CONCEPCIÓN Y SANTÍSIMA TRINIDAD", "VANDERHOEVEN-OPPENHEIMER-LAGRANGE"],
                givenNames: ["MARIA DEL CARMEN ESPERANZA", "JEAN-BAPTISTE EMMANUEL", "HUBERT BLAINE FREDERICK"],
                nationalities: ["ESP", "FRA", "BEL", "D"],
                places: ["SANTIAGO DE COMPOSTELA", "SAINT-ÉTIENNE", "OOSTENDE"]),
    ]

    /// Towns of Utopia for holders born there.
    static let utopianPlaces = ["NEW HARMONY", "PORT CONCORD", "ARCADIA", "FAIRHAVEN", "LIBERTAS", "AMAUROT", "ANYDER BRIDGE"]
    static let authorities = ["MINISTRY OF INTERIOR", "PASSPORT OFFICE AMAUROT", "CITY OF NEW HARMONY", "IMMIGRATION SERVICE", "CONSULATE PORT CONCORD"]
    static let permitKinds = ["PERMANENT RESIDENCE", "EMPLOYMENT", "STUDY", "FAMILY REUNIFICATION", "INTERNATIONAL PROTECTION"]
    static let visaRemarks = ["TOURISM", "BUSINESS", "TRANSIT", "VISIT FAMILY", "CONFERENCE"]
}
