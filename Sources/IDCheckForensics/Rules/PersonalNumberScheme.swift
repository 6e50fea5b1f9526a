import IDCheckMRZ

/// A state's own rule for the personal number its documents carry in the MRZ. Adding the next
/// state is one small type conforming to this protocol, listed in ``PersonalNumberRule/schemes``.
public protocol PersonalNumberScheme: Sendable {
    /// The issuing state whose documents carry the number (`NLD`).
    var issuingState: String { get }
    /// What the number is called, for messages ("citizen service number (BSN)").
    var name: String { get }
    /// The MRZ field the number sits in for a format, or `nil` if the format does not carry it.
    func field(in format: MRZ.Format) -> MRZ.Field?
    /// `nil` when the number is valid, else why not (without repeating the number).
    func problem(with number: String) -> String?
}

extension PersonalNumberScheme {
    /// By default: the TD3 personal number, the optional data of the other formats.
    public func field(in format: MRZ.Format) -> MRZ.Field? {
        switch format {
        case .td3: .personalNumber
        case .td1, .td2: .optionalData
        default: nil
        }
    }
}
