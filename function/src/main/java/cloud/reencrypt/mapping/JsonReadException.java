package cloud.reencrypt.mapping;

/**
 * Text that is not the JSON expected. The message gives a position or a member path and a reason,
 * never the text: the text may be a request carrying plaintext.
 */
public final class JsonReadException extends RuntimeException {
  /** Why the text was refused. */
  public enum Kind {
    /** Not JSON, a repeated member, text after the value, or beyond a limit. */
    MALFORMED,
    /** Well-formed JSON whose value itself is of the wrong kind (an array for an object). */
    WRONG_ROOT,
    /** Well-formed JSON with a member of the wrong type. */
    WRONG_TYPE
  }

  private final Kind kind;

  JsonReadException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
