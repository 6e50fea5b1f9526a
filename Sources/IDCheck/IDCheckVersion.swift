/// The version of the IDCheck toolkit, written into every report so that a result can be traced
/// back to the code that produced it.
public enum IDCheckVersion {
    public static let string = "0.1.0"
}
