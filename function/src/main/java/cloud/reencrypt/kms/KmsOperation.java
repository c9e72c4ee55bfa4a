package cloud.reencrypt.kms;

import cloud.reencrypt.mapping.JsonMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One KMS operation as it appears on the wire: its path segment after {@code /kms/}, its request
 * type, the engine method that performs it, the IAM actions it needs on Huawei Cloud and the fields
 * KMS requires. The CLI, the local KMS server and the API handler all dispatch through here, so
 * request checking happens in exactly one place, and the compiler checks that every operation's
 * request type is what its engine method takes. The operations themselves are {@link
 * KmsOperations}.
 */
public final class KmsOperation<Q, R> {
  private final String path;
  private final Class<Q> requestType;
  private final ObjectReader reader;
  private final BiFunction<KmsEngine, Q, R> call;
  private final Set<String> iamActions;
  private final List<Required<Q>> required;

  /** A field KMS requires, with the request's accessor for it. */
  record Required<Q>(String name, Function<Q, String> value) {}

  @SafeVarargs
  KmsOperation(
      String path,
      Class<Q> requestType,
      BiFunction<KmsEngine, Q, R> call,
      Set<String> iamActions,
      Required<Q>... required) {
    this.path = path;
    this.requestType = requestType;
    this.reader = JsonMapping.reader(requestType);
    this.call = call;
    this.iamActions = iamActions;
    this.required = List.of(required);
  }

  static <Q> Required<Q> required(String name, Function<Q, String> value) {
    return new Required<>(name, value);
  }

  public String path() {
    return path;
  }

  public Class<Q> requestType() {
    return requestType;
  }

  /** The wire names of the fields KMS requires, in the order they are checked. */
  public List<String> requiredFields() {
    List<String> names = new ArrayList<>(required.size());
    for (Required<Q> field : required) {
      names.add(field.name());
    }
    return names;
  }

  public Set<String> iamActions() {
    return iamActions;
  }

  /**
   * Reads a request body of UTF-8 bytes: anything but a JSON object is KMS.0202, a known field that
   * is not a string KMS.0308, a required field absent or empty KMS.0204. Unknown fields are
   * ignored, as KMS's SDKs ignore them.
   */
  public Q parse(byte[] body) {
    return checkRequired(bind(body));
  }

  /** Binds one already-parsed request, such as an element of a batch, as {@link #parse}. */
  public Q parse(JsonNode request) {
    if (!request.isObject()) {
      throw KmsError.INVALID_PARAMETER.exception("each request must be a JSON object");
    }
    return checkRequired(KmsJson.convert(request, requestType));
  }

  /**
   * Reads a body with the type checks of {@link #parse(byte[])} but not the required fields: for a
   * caller that fills in defaults first, then calls {@link #checkRequired}.
   */
  public Q bind(byte[] body) {
    return KmsJson.read(reader, body);
  }

  /** The request itself when every required field is present and non-empty; KMS.0204 otherwise. */
  public Q checkRequired(Q request) {
    for (Required<Q> field : required) {
      String value = field.value().apply(request);
      if (value == null || value.isEmpty()) {
        throw KmsError.MISSING_PARAMETER.exception(field.name());
      }
    }
    return request;
  }

  /** Reads the body and runs the operation on the engine. */
  public R invoke(KmsEngine engine, byte[] body) {
    return invoke(engine, parse(body));
  }

  /** Runs an already-typed request on the engine. */
  public R invoke(KmsEngine engine, Q request) {
    return call.apply(engine, request);
  }
}
