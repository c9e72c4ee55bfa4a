package cloud.reencrypt.json;

/**
 * Text that is not the JSON expected. The message gives a position and what was expected, never the
 * text itself: the text may be a request carrying plaintext.
 */
public final class JsonException extends RuntimeException {
  private final int line;

  JsonException(String message, int line, int column) {
    super(message + " at line " + line + ", column " + column);
    this.line = line;
  }

  /** The line, counted from 1, where the text stopped being JSON. */
  public int line() {
    return line;
  }
}
