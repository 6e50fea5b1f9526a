import IDCheckImaging

/// Values computed from a page's image alone, kept with the page so that the examinations of the
/// several documents one image shows (a sheet of a family's papers) compute each of them once:
/// the tampering map's block statistics of a whole sheet are the same for every document on it.
/// Copies of a page share its derivations, as they share its image.
public final class PageDerivations: @unchecked Sendable {
    private let lock = PThreadLock()
    private var values: [String: any Sendable] = [:]

    public init() {}

    /// The value derived under `key`, made by `make` the first time it is asked for. Two callers
    /// asking at once may both make it; the first one stored is kept, and both are the same.
    public func value<T: Sendable>(for key: String, _ make: () -> T) -> T {
        if let stored = lock.withLock({ values[key] }) as? T { return stored }
        let made = make()
        return lock.withLock {
            if let stored = values[key] as? T { return stored }
            values[key] = made
            return made
        }
    }
}

extension Examination.Page {
    /// The page's luminance as a grey image (the page itself when it is grey), made once: the MRZ
    /// reader and the visual checks' alignment both work on it, and each turned the page grey.
    public var grey: Image {
        image.format == .gray ? image : derived.value(for: "page.grey") { image.converted(to: .gray) }
    }
}
