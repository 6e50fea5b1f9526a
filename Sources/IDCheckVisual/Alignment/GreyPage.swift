import IDCheckForensics
import IDCheckImaging

/// A page turned grey once, with its averaged-down copies kept: aligning samples the same page
/// several times (each refinement round, each candidate model), always at one or two scales.
final class GreyPage: @unchecked Sendable {
    /// The page as given (colour, when it was decoded so).
    let original: Image
    let grey: Image
    private var copies: [Int: Image] = [:]
    private let lock = PThreadLock()

    init(_ image: Image) {
        original = image
        grey = image.format == .gray ? image : image.converted(to: .gray)
    }

    private init(_ page: Examination.Page) {
        original = page.image
        grey = page.grey
    }

    /// The grey page of `page`, made once and shared by every check and every document examined
    /// on that image (``Examination/Page/derived``); its grey image is the one the MRZ reader read.
    static func of(_ page: Examination.Page) -> GreyPage {
        page.derived.value(for: "alignment.grey-page") { GreyPage(page) }
    }

    /// The page averaged down by `factor` (1: the page itself).
    func downsampled(by factor: Int) -> Image {
        guard factor > 1 else { return grey }
        if let copy = lock.withLock({ copies[factor] }) { return copy }
        let copy = grey.downsampled(by: factor)
        lock.withLock { copies[factor] = copy }
        return copy
    }
}
