package cloud.reencrypt.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser over a string: one value with optional surrounding whitespace, nothing
 * after it. Stricter than common defaults where leniency hides mistakes or lets two readers
 * disagree about one document: a repeated member name, a trailing comma, a leading zero or a raw
 * control character in a string is an error.
 */
final class JsonParser {
  /** Nesting deeper than this is refused before it can exhaust the stack. */
  static final int MAX_DEPTH = 500;

  private final String text;
  private int pos;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    JsonParser parser = new JsonParser(text);
    parser.skipWhitespace();
    if (parser.pos == text.length()) {
      throw parser.error("no JSON value");
    }
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value() {
    if (pos == text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character");
      }
    };
  }

  private Map<String, Object> object() {
    enter();
    Map<String, Object> members = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      int nameStart = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (members.containsKey(name)) {
        pos = nameStart;
        throw error("repeated member name");
      }
      members.put(name, value());
      skipWhitespace();
      if (!more('}')) {
        depth--;
        return members;
      }
    }
  }

  private List<Object> array() {
    enter();
    List<Object> elements = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return elements;
    }
    while (true) {
      skipWhitespace();
      elements.add(value());
      skipWhitespace();
      if (!more(']')) {
        depth--;
        return elements;
      }
    }
  }

  /** After a member or element: true at a comma, false (and consumed) at the closing bracket. */
  private boolean more(char close) {
    char c = peek();
    if (c == ',') {
      pos++;
      return true;
    }
    if (c == close) {
      pos++;
      return false;
    }
    throw error("expected ',' or '" + close + "'");
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
  }

  private String string() {
    pos++;
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\') {
        return escapedString(start);
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      pos++;
    }
    throw error("unterminated string");
  }

  /** The slow path, from the first backslash on. */
  private String escapedString(int start) {
    // Sized by what is known so far: sizing by the rest of the text makes many short escaped
    // strings cost quadratic memory.
    StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in a string");
      }
      out.append(c == '\\' ? escape() : c);
    }
    throw error("unterminated string");
  }

  private char escape() {
    if (pos == text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> {
        pos--;
        throw error("invalid escape");
      }
    };
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw error("incomplete \\u escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      char c = text.charAt(pos);
      // Character.digit also takes non-ASCII digits and fullwidth letters; JSON wants ASCII hex.
      int digit = c < 0x80 ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        throw error("invalid \\u escape");
      }
      code = code * 16 + digit;
      pos++;
    }
    return (char) code;
  }

  private Object number() {
    int start = pos;
    boolean integral = true;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (peek() == '.') {
      pos++;
      digits();
      integral = false;
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
      integral = false;
    }
    String literal = text.substring(start, pos);
    // Every integer a long holds is a Long (file times in nanoseconds have 19 digits); a longer
    // literal is a BigDecimal, found by its length first so that no common case throws.
    if (integral && literal.length() <= 20) {
      try {
        return Long.valueOf(literal);
      } catch (NumberFormatException e) {
        // Outside long's range: a BigDecimal below.
      }
    }
    return decimal(literal, start);
  }

  private BigDecimal decimal(String literal, int start) {
    try {
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      // Only an exponent beyond int range gets here: the syntax is already checked.
      pos = start;
      throw error("number out of range");
    }
  }

  private void digits() {
    char c = peek();
    if (c < '0' || c > '9') {
      throw error("expected a digit");
    }
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected character");
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** The current character, or 0 at the end (0 is never valid where it is asked for). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private JsonException error(String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(pos, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonException(message, line, pos - lineStart + 1);
  }
}
