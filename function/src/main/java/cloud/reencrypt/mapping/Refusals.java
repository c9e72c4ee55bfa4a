package cloud.reencrypt.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Our refusal for Jackson's: a wrong type names the member path and the type expected, anything
 * else the position and a reason of our own. Jackson's own messages may quote the input, so none of
 * their text is passed on.
 */
final class Refusals {
  private Refusals() {}

  static JsonReadException of(IOException e) {
    String original = e instanceof JsonProcessingException p ? p.getOriginalMessage() : null;
    if (original == null) {
      original = "";
    }
    if (e instanceof MismatchedInputException mismatch
        && !original.startsWith("Trailing token")
        && !original.startsWith("No content")) {
      return mismatch.getPath().isEmpty()
          ? new JsonReadException(
              JsonReadException.Kind.WRONG_ROOT,
              "the value must be " + typeName(mismatch.getTargetType()))
          : new JsonReadException(
              JsonReadException.Kind.WRONG_TYPE,
              path(mismatch.getPath()) + " must be " + typeName(mismatch.getTargetType()));
    }
    return new JsonReadException(
        JsonReadException.Kind.MALFORMED, reason(e, original) + position(e));
  }

  private static String reason(IOException e, String original) {
    if (e instanceof StreamConstraintsException) {
      return "beyond the reader's limits (length of a number, string, name or document, or depth)";
    }
    if (original.startsWith("Duplicate field")) {
      return "repeated member name";
    }
    if (original.startsWith("Trailing token")) {
      return "text after the JSON value";
    }
    if (original.startsWith("No content")) {
      return "there is no JSON value";
    }
    if (original.contains("closing quote") || original.contains("VALUE_STRING")) {
      return "unterminated string";
    }
    if (original.contains("end-of-input")) {
      return "the JSON ends early";
    }
    if (original.contains("UTF-8") || original.contains("UTF8")) {
      return "not valid UTF-8";
    }
    return "not valid JSON";
  }

  private static String position(IOException e) {
    JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** {@code requests[2].cipher_text}. */
  private static String path(List<Reference> references) {
    StringBuilder path = new StringBuilder();
    for (Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "an integer";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "of another type";
  }
}
