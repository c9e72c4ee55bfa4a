package cloud.reencrypt.json;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values ({@code Map}, {@code Collection}, {@code String}, {@code Number}, {@code
 * Boolean}, {@code null}), enums (by name) and records. A record is an object of its components in
 * declaration order, named as the writer's {@link RecordNames} says, with null components left out.
 * Strings are written as they are except for the escapes JSON requires and lone surrogates (as
 * {@code \\uXXXX}), so the output survives encoding to UTF-8 and reads back to the same strings.
 */
public final class JsonWriter {
  /** How a record component's name becomes a member name. */
  public enum RecordNames {
    /** {@code cipherText} stays {@code cipherText}: FunctionGraph's return values. */
    AS_DECLARED,
    /** {@code cipherText} becomes {@code cipher_text}: KMS messages and our files. */
    SNAKE_CASE
  }

  private static final String HEX = "0123456789abcdef";

  /** A record's components, looked up once per record class and writer naming. */
  private record Component(String name, Method accessor) {}

  private final RecordNames names;
  private final boolean pretty;
  private final ClassValue<Component[]> components =
      new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
          RecordComponent[] declared = type.getRecordComponents();
          Component[] found = new Component[declared.length];
          for (int i = 0; i < declared.length; i++) {
            Method accessor = declared[i].getAccessor();
            // Records may be package-private; their accessors are still their public API.
            accessor.setAccessible(true);
            found[i] = new Component(name(declared[i].getName()), accessor);
          }
          return found;
        }
      };

  private JsonWriter(RecordNames names, boolean pretty) {
    this.names = names;
    this.pretty = pretty;
  }

  /** A writer of one-line JSON. */
  public static JsonWriter compact(RecordNames names) {
    return new JsonWriter(names, false);
  }

  /** A writer of JSON indented by two spaces, one member or element per line. */
  public static JsonWriter pretty(RecordNames names) {
    return new JsonWriter(names, true);
  }

  public String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  /** Appends the value to {@code out}; for writers of many small documents, such as manifests. */
  public void write(Object value, StringBuilder out) {
    value(value, out, 0);
  }

  private void value(Object value, StringBuilder out, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(text, out);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Number number) {
      number(number, out);
    } else if (value instanceof Map<?, ?> map) {
      object(map, out, indent);
    } else if (value instanceof Collection<?> elements) {
      array(elements, out, indent);
    } else if (value instanceof Enum<?> constant) {
      string(constant.name(), out);
    } else if (value instanceof Record record) {
      record(record, out, indent);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private void object(Map<?, ?> map, StringBuilder out, int indent) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      first = member(String.valueOf(entry.getKey()), entry.getValue(), first, out, indent);
    }
    close('}', first, out, indent);
  }

  private void record(Record record, StringBuilder out, int indent) {
    out.append('{');
    boolean first = true;
    for (Component component : components.get(record.getClass())) {
      Object value = read(record, component);
      if (value != null) {
        first = member(component.name(), value, first, out, indent);
      }
    }
    close('}', first, out, indent);
  }

  private void array(Collection<?> elements, StringBuilder out, int indent) {
    out.append('[');
    boolean first = true;
    for (Object element : elements) {
      separate(first, out, indent + 1);
      value(element, out, indent + 1);
      first = false;
    }
    close(']', first, out, indent);
  }

  private boolean member(String name, Object value, boolean first, StringBuilder out, int indent) {
    separate(first, out, indent + 1);
    string(name, out);
    out.append(pretty ? ": " : ":");
    value(value, out, indent + 1);
    return false;
  }

  private void separate(boolean first, StringBuilder out, int indent) {
    if (!first) {
      out.append(',');
    }
    newline(out, indent);
  }

  private void close(char bracket, boolean empty, StringBuilder out, int indent) {
    if (!empty) {
      newline(out, indent);
    }
    out.append(bracket);
  }

  private void newline(StringBuilder out, int indent) {
    if (pretty) {
      out.append('\n');
      for (int i = 0; i < indent; i++) {
        out.append("  ");
      }
    }
  }

  private static void number(Number number, StringBuilder out) {
    // Exact types go out as they are: a BigInteger beyond double range is finite all the same.
    if (number instanceof BigDecimal || number instanceof BigInteger) {
      out.append(number);
      return;
    }
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no " + d);
    }
    out.append(number);
  }

  private static void string(CharSequence text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(text, i)) {
            unicodeEscape(c, out);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Whether the surrogate at {@code i} is half of a valid pair. A lone surrogate is escaped: raw,
   * it would not survive encoding to UTF-8, and {@code \\uXXXX} keeps the string as it was.
   */
  private static boolean pairedAt(CharSequence text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(HEX.charAt((c >> shift) & 0xf));
    }
  }

  private String name(String component) {
    return names == RecordNames.AS_DECLARED ? component : Json.snakeCase(component);
  }

  private static Object read(Record record, Component component) {
    try {
      return component.accessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + record.getClass().getSimpleName() + "." + component.name(), e);
    }
  }
}
