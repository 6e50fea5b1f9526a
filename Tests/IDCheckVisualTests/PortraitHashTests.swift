import IDCheck
import IDCheckRender
import Testing

/// The batch's portrait hash (`list.portrait-reused`) on real renderings: portraits of different
/// holders stay apart although heads and shoulders share their layout; the same portrait image,
/// re-saved, stays within the threshold.
@Suite("Portrait hash")
struct PortraitHashTests {
    /// The hash of the portrait on the page of `document` that holds the MRZ.
    static func hash(_ document: VisualFixtures.Document, library: SpecimenLibrary) throws -> PortraitHash {
        let examination = Inspector(library: library, checkDate: VisualFixtures.checkDate).inspect(VisualFixtures.pages(document)).examination
        let (placement, box) = try #require(PortraitHash.photoRegion(of: examination))
        let page = examination.mrzGeometry?.page ?? 0
        return try #require(PortraitHash.compute(image: document.images[page], placement: placement, box: box))
    }

    @Test("two holders' portraits the 63-bit hash took for one stay apart; a portrait re-saved as JPEG 70 stays itself")
    func differentHoldersStayApart() throws {
        let library = try SpecimenLibrary.load(requireReferenceImages: false)
        // The visual benchmark's genuine set (seed 9101): visa 464 and passport 296, whose
        // portraits the 8 × 8 DCT hash made 0 bits apart (a false `list.portrait-reused`).
        let visa = try VisualFixtures.render(model: "UTO-V-2018", seed: 9101, index: 464, conditions: .ordinary, library: library)
        let passport = try VisualFixtures.render(model: "UTO-P-2014", seed: 9101, index: 296, conditions: .ordinary, library: library)
        let visaHash = try Self.hash(visa, library: library)
        let apart = visaHash.distance(to: try Self.hash(passport, library: library))
        #expect(apart > 2 * PortraitHash.sameThreshold, "\(apart) bits apart")

        var resaved = visa
        resaved.images[0] = try ImageDecoder().decode(ImageEncoder.jpeg(visa.images[0], quality: 70)).image
        let same = try Self.hash(resaved, library: library).distance(to: visaHash)
        #expect(same <= PortraitHash.sameThreshold, "\(same) bits apart")
    }

    @Test("the hash reads back from its 64 hex digits; the 16 digits of the old 63-bit hash are refused")
    func hexRoundTrip() throws {
        let hash = PortraitHash(words: SIMD4(0x0123_4567_89ab_cdef, 0, 0xffff_ffff_ffff_ffff, 0x7fff_0000_0000_0001))
        #expect(hash.description.count == 64)
        #expect(PortraitHash(hex: hash.description) == hash)
        #expect(PortraitHash(hex: "0123456789abcdef") == nil)
        #expect(PortraitHash(hex: String(repeating: "g", count: 64)) == nil)
        // A band of the index spans two words.
        #expect(hash.bits(from: 60, count: 8) == 0x0)
        #expect(hash.bits(from: 124, count: 8) == 0xf0)
    }
}
