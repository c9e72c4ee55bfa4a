package cloud.reencrypt.fgs.local;

import cloud.reencrypt.json.Json;
import cloud.reencrypt.json.JsonWriter;
import cloud.reencrypt.json.JsonWriter.RecordNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps events to handler parameters and return values to JSON the way the FunctionGraph Java
 * runtime does: by field name, not by getter, so {@code isBase64Encoded} stays {@code
 * isBase64Encoded} and {@code user_data} stays {@code user_data}; null fields are left out; unknown
 * event fields are ignored; scalars are converted to a field's type the way the runtime's
 * serialiser converts them (a number into a string field becomes its text).
 */
public final class RuntimeJson {
  private static final JsonWriter PRETTY = JsonWriter.pretty(RecordNames.AS_DECLARED);
  private static final JsonWriter COMPACT = JsonWriter.compact(RecordNames.AS_DECLARED);

  private RuntimeJson() {}

  /**
   * An event object of the handler's parameter type, field by field.
   *
   * @throws IllegalArgumentException when a field's value cannot be converted to its type
   */
  public static <T> T bind(Map<String, Object> json, Class<T> type) {
    T target;
    try {
      target = type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + " has no no-argument constructor", e);
    }
    for (Field field : fields(type)) {
      Object value = json.get(field.getName());
      if (value != null) {
        set(target, field, convert(value, field));
      }
    }
    return target;
  }

  /** A return value as the runtime serialises it, as a JSON tree of plain values. */
  public static Object tree(Object value) {
    return Json.parse(COMPACT.write(fieldsOf(value)));
  }

  /** A return value or event as indented JSON, as {@code invoke} prints it. */
  public static String write(Object value) {
    return PRETTY.write(fieldsOf(value));
  }

  /** A plain object (not a record, map or JSON value) as a map of its non-null fields. */
  private static Object fieldsOf(Object value) {
    if (value == null
        || value instanceof Record
        || value instanceof Map
        || value instanceof Iterable
        || value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Field field : fields(value.getClass())) {
      try {
        Object fieldValue = field.get(value);
        if (fieldValue != null) {
          fields.put(field.getName(), fieldsOf(fieldValue));
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }
    return fields;
  }

  private static Object convert(Object value, Field field) {
    Class<?> type = field.getType();
    if (type == String.class && !(value instanceof Map || value instanceof Iterable)) {
      return value.toString();
    }
    if ((type == boolean.class || type == Boolean.class) && isBoolean(value)) {
      return Boolean.valueOf(value.toString());
    }
    if (type == int.class || type == Integer.class) {
      Integer number = Json.asInt(value);
      if (number == null) {
        throw notA(field);
      }
      return number;
    }
    Map<String, Object> object = Json.asObject(value);
    if (type == Map.class && object != null) {
      return strings(object, field);
    }
    if (object != null && !type.isPrimitive() && !type.getName().startsWith("java.")) {
      return bind(object, type);
    }
    throw notA(field);
  }

  /** A JSON object of scalars as the {@code Map<String, String>} the runtime's entities hold. */
  private static Map<String, String> strings(Map<String, Object> object, Field field) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map || value instanceof Iterable) {
        throw notA(field);
      }
      strings.put(entry.getKey(), value == null ? null : value.toString());
    }
    return strings;
  }

  private static IllegalArgumentException notA(Field field) {
    return new IllegalArgumentException(
        "the event's " + field.getName() + " is not a " + field.getType().getSimpleName());
  }

  private static boolean isBoolean(Object value) {
    return value instanceof Boolean || "true".equals(value) || "false".equals(value);
  }

  private static void set(Object target, Field field, Object value) {
    try {
      field.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set " + field, e);
    }
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return fields;
  }
}
