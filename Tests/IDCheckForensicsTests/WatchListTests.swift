import IDCheck
import Testing

/// The watch-list CSV import: good files, and broken lines reported with their line number.
@Suite("Watch list CSV")
struct WatchListTests {
    @Test("a good file: header, comments, blank lines, quotes, optional columns")
    func good() throws {
        let text = """
            # exported from SLTD
            issuingState,documentNumber,date,source
            UTO,L898902C3,2024-05-01,SIS II

            D,"C01X 00T47",,"Interpol, SLTD"
            """
        let list = try WatchList.parse(text, file: "list.csv")
        #expect(list.entries.count == 2)
        #expect(list.entry(issuingState: "UTO", documentNumber: "L898902C3")?.line == 3)
        let german = try #require(list.entry(issuingState: "D", documentNumber: "C01X00T47"))
        #expect(german.source == "Interpol, SLTD")
        #expect(german.date == nil)
        #expect(list.entry(issuingState: "UTO", documentNumber: "L898902C4") == nil)
        #expect(list.entry(issuingState: "NLD", documentNumber: "L898902C3") == nil)
    }

    @Test("columns in another order, without date and source")
    func reordered() throws {
        let list = try WatchList.parse("documentNumber,issuingState\r\nAB1234567,UTO\r\n", file: "x.csv")
        #expect(list.entry(issuingState: "UTO", documentNumber: "AB1234567<<") != nil)
    }

    @Test("broken lines name their line and field", arguments: [
        ("issuingState,documentNumber\nUTO,AB1\nUTOPIA,AB2\n", 3, "issuingState"),
        ("issuingState,documentNumber,date\nUTO,AB1,2024-13-01\n", 2, "date"),
        ("issuingState,documentNumber\nUTO\n", 2, nil),
        ("issuingState,documentNumber\nUTO,\n", 2, "documentNumber"),
        ("issuingState,documentNumber\nUTO,AB-12\n", 2, "documentNumber"),
        ("issuingState,documentNumber\nUTO,\"AB1\n", 2, nil),
        ("UTO,AB1\n", 1, nil),
        ("issuingState,documentNumber,colour\n", 1, "colour"),
    ] as [(String, Int, String?)])
    func broken(text: String, line: Int, field: String?) {
        #expect {
            _ = try WatchList.parse(text, file: "broken.csv")
        } throws: { error in
            guard let error = error as? WatchListError else { return false }
            return error.line == line && error.field == field && error.description.hasPrefix("broken.csv:\(line)")
        }
    }

    @Test("an empty file is an error")
    func empty() {
        #expect(throws: WatchListError.self) { _ = try WatchList.parse("\n# nothing\n", file: "empty.csv") }
    }
}
