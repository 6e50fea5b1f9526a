import IDCheckMRZ

/// Which data are personal: hidden by `--redact`, never written into indicator messages.
public enum PersonalData {
    /// The MRZ fields that carry names, numbers or the date of birth.
    public static let mrzFields: Set<MRZ.Field> = [
        .name, .primaryIdentifier, .secondaryIdentifier, .documentNumber, .documentNumberExtension, .birthDate,
        .personalNumber, .optionalData, .optionalData2,
    ]
}
