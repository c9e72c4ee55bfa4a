package cloud.reencrypt.kms;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A record's {@code toString} with its {@link Redacted} components hidden: the default record text
 * ({@code Name[a=1, b=x]}) except that a secret shows only whether it is there and how big it is,
 * so one accidental log or exception message cannot carry it.
 */
public final class RecordText {
  private RecordText() {}

  /** The record as its default {@code toString} would print it, secrets as their size only. */
  public static String of(Record record) {
    StringJoiner text = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value = value(record, component);
      boolean secret = component.isAnnotationPresent(Redacted.class);
      text.add(component.getName() + "=" + (secret ? redacted(value) : value));
    }
    return text.toString();
  }

  /** How big a secret is, never what it is; null stays visible, as absence is not a secret. */
  static String redacted(Object value) {
    if (value instanceof CharSequence chars) {
      return "<redacted, " + chars.length() + " chars>";
    }
    if (value instanceof Collection<?> items) {
      return "<redacted, " + items.size() + " items>";
    }
    if (value instanceof Map<?, ?> entries) {
      return "<redacted, " + entries.size() + " entries>";
    }
    return value == null ? "null" : "<redacted>";
  }

  private static Object value(Record record, RecordComponent component) {
    Method accessor = component.getAccessor();
    try {
      // Package-private and nested records' accessors are not public to this package.
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read record component " + component.getName(), e);
    }
  }
}
